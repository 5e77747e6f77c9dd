using System.Security.Cryptography;

namespace Workspace.Server.Infrastructure;

/// <summary>
/// Protective headers on every response: a strict Content-Security-Policy (scripts and styles only from this
/// origin), no MIME sniffing, no framing, referrers kept on this origin, no Server header, and HSTS over HTTPS.
/// The one exception to "styles only from files": the editor (CodeMirror) writes its styles into a
/// &lt;style&gt; element, which carries the per-response nonce that index.html hands it.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>index.html holds this where the response's nonce goes (read by wwwroot/src/core/csp.js).</summary>
    public const string NoncePlaceholder = "__CSP_NONCE__";

    private const string NonceItem = "workspace.csp-nonce";
    private const string SandboxItem = "workspace.csp-sandbox";

    public static void AddWorkspaceSecurityHeaders(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
    }

    /// <summary>First in the pipeline, so error pages and 404s carry the headers too.</summary>
    public static void UseWorkspaceSecurityHeaders(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                Apply(http);
                return Task.CompletedTask;
            });
            return next(http);
        });
        // Sends Strict-Transport-Security on HTTPS requests only (and never for localhost).
        app.UseHsts();
    }

    /// <summary>Puts a fresh nonce into <paramref name="page"/> and allows styles with it in this response.</summary>
    public static string WithStyleNonce(HttpContext http, string page)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
        http.Items[NonceItem] = nonce;
        return page.Replace(NoncePlaceholder, nonce, StringComparison.Ordinal);
    }

    /// <summary>
    /// Marks this response as someone's uploaded bytes: whatever a browser makes of them, they run nothing, load
    /// nothing and share no origin with the product (a sandbox with no permissions).
    /// </summary>
    public static void AsUntrustedContent(HttpContext http) => http.Items[SandboxItem] = true;

    private static void Apply(HttpContext http)
    {
        var headers = http.Response.Headers;
        if (http.Items.ContainsKey(SandboxItem))
        {
            headers.ContentSecurityPolicy = "default-src 'none'; sandbox; frame-ancestors 'none'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.Remove("Server");
            return;
        }
        var nonce = http.Items.TryGetValue(NonceItem, out var value) ? $" 'nonce-{value}'" : "";
        var socket = (http.Request.IsHttps ? "wss://" : "ws://") + http.Request.Host.Value;
        headers.ContentSecurityPolicy = string.Join("; ",
            "default-src 'self'",
            "script-src 'self'",
            $"style-src 'self'{nonce}",
            "img-src 'self' data:",
            "font-src 'self'",
            $"connect-src 'self' {socket}",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers.Remove("Server");
    }
}
