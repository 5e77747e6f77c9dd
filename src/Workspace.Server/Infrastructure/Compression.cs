using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace Workspace.Server.Infrastructure;

/// <summary>
/// Brotli or gzip for every text response the server makes as it answers (API JSON, problem details, index.html).
/// The built front end is compressed once at build time instead (see <see cref="PrecompressedAssets"/>); a response
/// that already has a Content-Encoding is left as it is.
/// </summary>
public static class Compression
{
    public static void AddWorkspaceCompression(this WebApplicationBuilder builder)
    {
        builder.Services.AddResponseCompression(o =>
        {
            // Behind TLS too: the responses that carry a secret a page could be made to reflect input beside
            // (BREACH) are left out below.
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "application/problem+json", "image/svg+xml"];
        });
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
    }

    public static void UseWorkspaceCompression(this WebApplication app) =>
        app.UseWhen(context => Compressible(context.Request.Path), branch => branch.UseResponseCompression());

    /// <summary>
    /// Not the antiforgery token (a secret in a response, the BREACH pattern) and not the hubs, whose long-polling
    /// and server-sent-event responses must reach the client as they are written.
    /// </summary>
    private static bool Compressible(PathString path) =>
        !path.StartsWithSegments("/api/account/antiforgery") && !path.StartsWithSegments("/hubs");
}
