namespace Workspace.Server.Infrastructure;

/// <summary>
/// The repository root when the server runs from a checkout (the folder holding Workspace.sln and
/// wwwroot/); null for a published app, which carries its own wwwroot and data folders.
/// </summary>
public static class CheckoutRoot
{
    public static string? Find(IHostEnvironment env)
    {
        foreach (var start in new[] { env.ContentRootPath, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Workspace.sln"))
                    && File.Exists(Path.Combine(dir.FullName, "wwwroot", "index.html")))
                {
                    return dir.FullName;
                }
            }
        }
        return null;
    }

    /// <summary>A relative path is taken from the checkout root (or the content root when published).</summary>
    public static string Resolve(IHostEnvironment env, string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(Find(env) ?? env.ContentRootPath, path));
}
