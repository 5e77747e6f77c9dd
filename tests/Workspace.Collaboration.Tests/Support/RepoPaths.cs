namespace Workspace.Collaboration.Tests.Support;

internal static class RepoPaths
{
    /// <summary>The repository root: the nearest directory above the test binaries holding Workspace.sln.</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Workspace.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Workspace.sln not found above {AppContext.BaseDirectory}.");
    }
}
