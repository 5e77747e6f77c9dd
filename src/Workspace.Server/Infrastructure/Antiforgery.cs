using Microsoft.AspNetCore.Antiforgery;
using Workspace.Collaboration.Errors;

namespace Workspace.Server.Infrastructure;

/// <summary>
/// CSRF protection for the JSON API. The SPA fetches a token from <c>GET /api/account/antiforgery</c>
/// (which also sets the paired cookie) and sends it in the <see cref="HeaderName"/> header; every
/// POST/PUT/PATCH/DELETE under <c>/api/</c> without a valid pair is refused with 400.
/// </summary>
public static class AntiforgeryExtensions
{
    public const string HeaderName = "X-CSRF-TOKEN";
    public const string CookieName = "workspace.csrf";

    public static void AddWorkspaceAntiforgery(this WebApplicationBuilder builder)
    {
        builder.Services.AddAntiforgery(o =>
        {
            o.HeaderName = HeaderName;
            o.Cookie.Name = CookieName;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
        });
    }

    /// <summary>Runs after authentication, because a token is bound to the signed-in user.</summary>
    public static void UseWorkspaceAntiforgery(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            var method = http.Request.Method;
            var unsafeMethod = !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method)
                || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));
            if (unsafeMethod && http.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
            {
                var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
                try
                {
                    await antiforgery.ValidateRequestAsync(http);
                }
                catch (AntiforgeryValidationException)
                {
                    await Results.Problem(
                        title: "Missing or invalid antiforgery token",
                        detail: "The request lacks a valid antiforgery token; reload the page and try again.",
                        statusCode: StatusCodes.Status400BadRequest,
                        extensions: new Dictionary<string, object?> { ["code"] = ErrorCodes.Antiforgery })
                            .ExecuteAsync(http);
                    return;
                }
            }
            await next(http);
        });
    }

    /// <summary>Issues a token for the current user (and sets its cookie).</summary>
    public static IResult IssueToken(HttpContext http, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new AntiforgeryToken(tokens.RequestToken ?? "", tokens.HeaderName ?? HeaderName));
    }
}

public sealed record AntiforgeryToken(string Token, string HeaderName);
