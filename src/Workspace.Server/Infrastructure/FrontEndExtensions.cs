using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Workspace.Server.Infrastructure;

/// <summary>
/// Publishes only the built front end of the top-level <c>wwwroot/</c>: <c>dist/index.html</c> (for every app
/// route) and the esbuild output in <c>dist/</c>. Sources, packages and build files beside them are never served;
/// neither is dist/index.html as a file (.html is no asset type), only through the routes with its nonce.
/// </summary>
public static class FrontEndExtensions
{
    /// <summary>
    /// First path segments of the app's own routes (wwwroot/src/main.js), which all load index.html; any other
    /// path that is not an asset, the API or a hub is 404.
    /// </summary>
    private static readonly string[] AppSections = ["p", "account", "invite"];

    /// <summary>What <c>dist/</c> may hold. Source maps only from a Debug build of the server.</summary>
    private static FileExtensionContentTypeProvider BuiltAssetTypes() => new(new Dictionary<string, string>
    {
        [".js"] = "text/javascript",
        [".css"] = "text/css",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".ico"] = "image/x-icon",
        [".woff2"] = "font/woff2",
#if DEBUG
        [".map"] = "application/json",
#endif
    });

    public static void UseWorkspaceFrontEnd(this WebApplication app)
    {
        var root = FindFrontEndRoot(app.Environment);
        app.Environment.WebRootPath = root;
        app.Environment.WebRootFileProvider = new PhysicalFileProvider(root);
        var dist = new PhysicalFileProvider(Directory.CreateDirectory(Path.Combine(root, "dist")).FullName);
        app.UsePrecompressedAssets("/dist", dist);
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = "/dist",
            FileProvider = dist,
            ContentTypeProvider = PrecompressedAssets.WithCompressedTwins(BuiltAssetTypes()),
            OnPrepareResponse = PrecompressedAssets.PrepareResponse,
        });
    }

    /// <summary>App routes (/, /p/{id}/...) load index.html; everything else unknown is 404.</summary>
    public static void MapWorkspaceFrontEndFallback(this WebApplication app)
    {
        app.MapGet("/index.html", ServeIndexAsync).ExcludeFromDescription();
        // The default fallback pattern leaves out paths that look like files (/package.json): those are 404.
        app.MapFallback(context => IsAppRoute(context.Request.Path) ? ServeIndexAsync(context) : NotFound(context));
    }

    private static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    /// <summary>
    /// The built index.html (wwwroot/build.mjs writes it into dist/ naming this build's hashed files) with this
    /// response's style nonce (see <see cref="SecurityHeaders"/>). Revalidated on every visit, so a new build is
    /// picked up at once while the files it names stay cached.
    /// </summary>
    private static async Task ServeIndexAsync(HttpContext context)
    {
        var env = context.RequestServices.GetRequiredService<IWebHostEnvironment>();
        await using var stream = env.WebRootFileProvider.GetFileInfo("dist/index.html").CreateReadStream();
        var page = await new StreamReader(stream).ReadToEndAsync(context.RequestAborted);
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.WriteAsync(SecurityHeaders.WithStyleNonce(context, page), context.RequestAborted);
    }

    private static bool IsAppRoute(PathString path)
    {
        var value = path.Value ?? "/";
        if (value is "/" or "/index.html")
        {
            return true;
        }
        var first = value.Split('/', 3, StringSplitOptions.None)[1];
        return AppSections.Contains(first, StringComparer.Ordinal);
    }

    private static string FindFrontEndRoot(IWebHostEnvironment env) =>
        CheckoutRoot.Find(env) is { } root
            ? Path.Combine(root, "wwwroot")
            : Path.Combine(env.ContentRootPath, "wwwroot");
}
