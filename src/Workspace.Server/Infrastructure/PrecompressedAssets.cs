using System.Text.RegularExpressions;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Workspace.Server.Infrastructure;

/// <summary>
/// Serves the .br or .gz that wwwroot/build.mjs wrote beside each script, stylesheet and SVG in <c>dist/</c>,
/// whichever the browser accepts (Brotli first), else the plain file; and lets browsers keep files whose name
/// carries their content's hash for a year without asking again.
/// </summary>
public static partial class PrecompressedAssets
{
    private static readonly (string Encoding, string Suffix)[] Encodings = [("br", ".br"), ("gzip", ".gz")];

    /// <summary>esbuild's <c>[name]-[hash]</c>: eight capital letters or digits before the extension.</summary>
    [GeneratedRegex(@"-[A-Z0-9]{8}\.[a-z0-9]+$")]
    private static partial Regex HashedName();

    /// <summary>Rewrites a request for a text asset to its compressed twin when the browser accepts one.</summary>
    public static void UsePrecompressedAssets(this WebApplication app, PathString requestPath, IFileProvider files)
    {
        app.Use((context, next) =>
        {
            if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            {
                Rewrite(context, requestPath, files);
            }
            return next(context);
        });
    }

    private static void Rewrite(HttpContext context, PathString requestPath, IFileProvider files)
    {
        if (!context.Request.Path.StartsWithSegments(requestPath, out var rest) || !IsText(rest.Value))
        {
            return;
        }
        // The answer depends on Accept-Encoding whichever file is sent, so caches must keep them apart.
        context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
        var accepted = context.Request.GetTypedHeaders().AcceptEncoding;
        foreach (var (encoding, suffix) in Encodings)
        {
            var wanted = accepted.Any(a => a.Value.Equals(encoding, StringComparison.OrdinalIgnoreCase)
                && (a.Quality ?? 1) > 0);
            if (wanted && files.GetFileInfo(rest.Value + suffix).Exists)
            {
                context.Request.Path = new PathString(context.Request.Path.Value + suffix);
                return;
            }
        }
    }

    private static bool IsText(string? path) =>
        path is not null && (path.EndsWith(".js", StringComparison.Ordinal)
            || path.EndsWith(".css", StringComparison.Ordinal) || path.EndsWith(".svg", StringComparison.Ordinal));

    /// <summary>A compressed twin is typed as its original and labelled with its encoding.</summary>
    public static IContentTypeProvider WithCompressedTwins(FileExtensionContentTypeProvider types) =>
        new TwinTypes(types);

    /// <summary>Encoding and caching headers for a file about to be sent from <c>dist/</c>.</summary>
    public static void PrepareResponse(StaticFileResponseContext context)
    {
        var name = context.File.Name;
        var headers = context.Context.Response.Headers;
        foreach (var (encoding, suffix) in Encodings)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                headers.ContentEncoding = encoding;
                name = name[..^suffix.Length];
            }
        }
        // A hashed name changes whenever its content does, so its content never changes; index.html names the
        // files of the current build and is itself always revalidated.
        headers.CacheControl = HashedName().IsMatch(name) ? "public, max-age=31536000, immutable" : "no-cache";
    }

    private sealed class TwinTypes(FileExtensionContentTypeProvider types) : IContentTypeProvider
    {
        public bool TryGetContentType(string subpath, out string contentType)
        {
            foreach (var (_, suffix) in Encodings)
            {
                if (subpath.EndsWith(suffix, StringComparison.Ordinal))
                {
                    return types.TryGetContentType(subpath[..^suffix.Length], out contentType!);
                }
            }
            return types.TryGetContentType(subpath, out contentType!);
        }
    }
}
