using Microsoft.Extensions.FileProviders;

namespace Workspace.Server.Infrastructure;

/// <summary>Serves the top-level <c>wwwroot/</c> (index.html and the esbuild bundle in dist/).</summary>
public static class FrontEndExtensions
{
    public static void UseWorkspaceFrontEnd(this WebApplication app)
    {
        var root = FindFrontEndRoot(app.Environment);
        var files = new PhysicalFileProvider(root);
        app.Environment.WebRootPath = root;
        app.Environment.WebRootFileProvider = files;
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = ctx =>
            {
                // The bundle keeps its name across builds, so browsers must revalidate it.
                ctx.Context.Response.Headers.CacheControl = "no-cache";
            },
        });
    }

    /// <summary>Client-side routes (/p/{id}/...) all load index.html; API and hub paths never do.</summary>
    public static void MapWorkspaceFrontEndFallback(this WebApplication app)
    {
        app.MapFallback(async context =>
        {
            var path = context.Request.Path.Value ?? "";
            if (path.StartsWith("/api/", StringComparison.Ordinal) || path.StartsWith("/hubs/", StringComparison.Ordinal))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.CacheControl = "no-cache";
            await context.Response.SendFileAsync(app.Environment.WebRootFileProvider.GetFileInfo("index.html"));
        });
    }

    private static string FindFrontEndRoot(IWebHostEnvironment env) =>
        CheckoutRoot.Find(env) is { } root ? Path.Combine(root, "wwwroot") : Path.Combine(env.ContentRootPath, "wwwroot");
}
