namespace Workspace.Server.Infrastructure;

/// <summary>
/// The language a request asks its refusals in. The browser words error codes itself; this is for calls from
/// elsewhere (a script, a phone's share sheet) whose <c>Accept-Language</c> puts Indonesian first, so that a
/// ProblemDetails' <c>detail</c> is readable as it is.
/// </summary>
public static class RequestLanguage
{
    public static bool WantsIndonesian(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var first = http.Request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1)
            .FirstOrDefault();
        return first?.Value.Value?.StartsWith("id", StringComparison.OrdinalIgnoreCase) == true;
    }
}
