using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Features.Accounts;

public sealed record SignUpRequest(
    [property: Required, EmailAddress, MaxLength(256)] string Email,
    [property: Required, MaxLength(128)] string Password,
    [property: Required, MaxLength(100)] string DisplayName,
    [property: MaxLength(200)] string? Organisation);

public sealed record SignInRequest(string? Email, string? Password);

public sealed record ChangePasswordRequest(
    [property: Required] string CurrentPassword,
    [property: Required, MaxLength(128)] string NewPassword);

public sealed record ExternalProvider(string Scheme, string DisplayName, string StartUrl);

public sealed record MeResponse(string Id, string Email, string DisplayName, string Organisation);

public static class AccountApi
{
    public static void MapAccounts(this WebApplication app)
    {
        var group = app.MapGroup("/api/account").WithTags("Account");
        group.MapPost("/signup", SignUpAsync).AllowAnonymous().RequireRateLimiting(RateLimits.Auth);
        group.MapPost("/signin", SignInAsync).AllowAnonymous().RequireRateLimiting(RateLimits.Auth);
        group.MapPost("/signout", SignOutAsync).RequireAuthorization();
        group.MapGet("/me", MeAsync).RequireAuthorization();
        group.MapPost("/password", ChangePasswordAsync).RequireAuthorization().RequireRateLimiting(RateLimits.Auth);
        group.MapGet("/antiforgery", AntiforgeryExtensions.IssueToken).AllowAnonymous();
        group.MapGet("/providers", Providers).AllowAnonymous();
        group.MapGet("/external", ChallengeExternal).AllowAnonymous();
        group.MapGet("/external/callback", ExternalCallbackAsync).AllowAnonymous().RequireRateLimiting(RateLimits.Auth);
    }

    /// <summary>
    /// Creates the account unless the address has one already, and answers the same either way (202, after the
    /// same work): the client then signs in, which only the account's owner can. Whether an address has an
    /// account is never said; a weak password or bad field is refused first, whoever the address belongs to.
    /// </summary>
    private static async Task<Results<Accepted, ValidationProblem>> SignUpAsync(
        SignUpRequest request, UserManager<WorkspaceUser> users, IPasswordHasher<WorkspaceUser> hasher)
    {
        if (Validation.Check(request) is { } invalid)
        {
            return invalid;
        }
        var user = new WorkspaceUser
        {
            UserName = request.Email.Trim(),
            Email = request.Email.Trim(),
            DisplayName = request.DisplayName.Trim(),
            Organisation = request.Organisation?.Trim() ?? "",
        };
        if (PasswordProblem(PasswordStrength.Check(user, request.Password), "password") is { } weak)
        {
            return weak;
        }
        if (await users.FindByEmailAsync(user.Email) is not null)
        {
            // As long as creating an account takes (hashing its password is most of it).
            hasher.HashPassword(user, request.Password);
            return TypedResults.Accepted((string?)null);
        }
        var result = await users.CreateAsync(user, request.Password);
        var taken = result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail)
            or nameof(IdentityErrorDescriber.DuplicateUserName));
        if (!result.Succeeded && !taken)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["email"] = result.Errors.Select(e => e.Description).ToArray() },
                extensions: new Dictionary<string, object?> { ["code"] = "email-invalid" });
        }
        return TypedResults.Accepted((string?)null);
    }

    /// <summary>
    /// A wrong password and an unknown address get the same answer after the same work (a password hash is
    /// checked either way). Failures slow down further tries per (address, client) only: see SignInThrottle.
    /// </summary>
    private static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> SignInAsync(
        SignInRequest request, HttpContext http, UserManager<WorkspaceUser> users, SignInManager<WorkspaceUser> signIn,
        SignInThrottle throttle, UnknownAccountPassword unknown)
    {
        var key = SignInThrottle.Key(request.Email ?? "", http.Connection.RemoteIpAddress);
        if (throttle.Wait(key) is var wait && wait > TimeSpan.Zero)
        {
            http.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return Refusal(StatusCodes.Status429TooManyRequests, "throttled",
                "Too many failed attempts from here: wait a few minutes and try again.");
        }
        var user = await users.FindByEmailAsync(request.Email?.Trim() ?? "");
        var signedIn = user is null
            ? unknown.Check(request.Password ?? "")
            : (await signIn.CheckPasswordSignInAsync(user, request.Password ?? "", lockoutOnFailure: false)).Succeeded;
        if (!signedIn || user is null)
        {
            throttle.Failed(key);
            return Refusal(StatusCodes.Status401Unauthorized, "credentials",
                "The e-mail address or password is not right.");
        }
        throttle.Succeeded(key);
        await signIn.SignInAsync(user, isPersistent: true);
        return TypedResults.Ok(ToMe(user));
    }

    private static ProblemHttpResult Refusal(int status, string code, string detail) =>
        TypedResults.Problem(detail, statusCode: status,
            extensions: new Dictionary<string, object?> { ["code"] = code });

    /// <summary>A refused password as a validation problem on <paramref name="field"/>, with its code.</summary>
    private static ValidationProblem? PasswordProblem(IdentityResult result, string field) =>
        result.Succeeded ? null : TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [field] = result.Errors.Select(e => e.Description).ToArray() },
            extensions: new Dictionary<string, object?> { ["code"] = result.Errors.First().Code });

    /// <summary>Signs out everywhere: a new security stamp ends every cookie and hub connection of theirs.</summary>
    private static async Task<NoContent> SignOutAsync(ClaimsPrincipal principal, UserManager<WorkspaceUser> users,
        SignInManager<WorkspaceUser> signIn, SessionHubFilter sessions)
    {
        if (await users.GetUserAsync(principal) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
            await sessions.EndSessionsAsync(user.Id);
        }
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<MeResponse>, UnauthorizedHttpResult>> MeAsync(ClaimsPrincipal principal, UserManager<WorkspaceUser> users)
    {
        var user = await users.GetUserAsync(principal);
        return user is null ? TypedResults.Unauthorized() : TypedResults.Ok(ToMe(user));
    }

    private static async Task<Results<NoContent, ValidationProblem>> ChangePasswordAsync(
        ChangePasswordRequest request, ClaimsPrincipal principal, UserManager<WorkspaceUser> users,
        SignInManager<WorkspaceUser> signIn, SessionHubFilter sessions)
    {
        if (Validation.Check(request) is { } invalid)
        {
            return invalid;
        }
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [""] = ["You are not signed in."] });
        }
        if (PasswordProblem(PasswordStrength.Check(user, request.NewPassword), "newPassword") is { } weak)
        {
            return weak;
        }
        var result = await users.ChangePasswordAsync(user, request.CurrentPassword, request.NewPassword);
        if (!result.Succeeded)
        {
            var mismatch = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch));
            return mismatch
                ? TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { ["currentPassword"] = ["The current password is not right."] },
                    extensions: new Dictionary<string, object?> { ["code"] = "current-password" })
                : PasswordProblem(result, "newPassword")!;
        }
        // The new security stamp ends every other session; this one gets a fresh cookie.
        await signIn.RefreshSignInAsync(user);
        await sessions.EndSessionsAsync(user.Id);
        return TypedResults.NoContent();
    }

    private static Ok<ExternalProvider[]> Providers(IOptions<ExternalLoginOptions> external) =>
        TypedResults.Ok(external.Value.Enabled
            ? new[] { new ExternalProvider(ExternalLoginOptions.Scheme, external.Value.DisplayName, "/api/account/external") }
            : []);

    private static Results<ChallengeHttpResult, NotFound> ChallengeExternal(IOptions<ExternalLoginOptions> external, SignInManager<WorkspaceUser> signIn)
    {
        if (!external.Value.Enabled)
        {
            return TypedResults.NotFound();
        }
        var properties = signIn.ConfigureExternalAuthenticationProperties(ExternalLoginOptions.Scheme, "/api/account/external/callback");
        return TypedResults.Challenge(properties, [ExternalLoginOptions.Scheme]);
    }

    /// <summary>Back from the provider: sign in the linked account, or link by verified e-mail, or create one.</summary>
    private static async Task<Results<RedirectHttpResult, ProblemHttpResult>> ExternalCallbackAsync(
        UserManager<WorkspaceUser> users, SignInManager<WorkspaceUser> signIn)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null)
        {
            return TypedResults.Problem("The external sign-in did not complete.", statusCode: StatusCodes.Status400BadRequest);
        }
        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: true, bypassTwoFactor: true);
        if (!result.Succeeded)
        {
            var email = info.Principal.FindFirstValue("email") ?? info.Principal.FindFirstValue(ClaimTypes.Email);
            if (string.IsNullOrWhiteSpace(email))
            {
                return TypedResults.Problem("The provider did not share an e-mail address.", statusCode: StatusCodes.Status400BadRequest);
            }
            var user = await users.FindByEmailAsync(email);
            // Linking to an existing account by e-mail is only safe when the provider vouches for the address.
            if (user is not null && !string.Equals(info.Principal.FindFirstValue("email_verified"), "true", StringComparison.OrdinalIgnoreCase))
            {
                return TypedResults.Problem("An account with this e-mail address exists; sign in with your password first.", statusCode: StatusCodes.Status409Conflict);
            }
            if (user is null)
            {
                user = new WorkspaceUser
                {
                    UserName = email,
                    Email = email,
                    EmailConfirmed = true,
                    DisplayName = info.Principal.FindFirstValue("name") ?? email,
                };
                var created = await users.CreateAsync(user);
                if (!created.Succeeded)
                {
                    return TypedResults.Problem(string.Join(" ", created.Errors.Select(e => e.Description)), statusCode: StatusCodes.Status400BadRequest);
                }
            }
            var linked = await users.AddLoginAsync(user, info);
            if (!linked.Succeeded)
            {
                return TypedResults.Problem(string.Join(" ", linked.Errors.Select(e => e.Description)), statusCode: StatusCodes.Status400BadRequest);
            }
            await signIn.SignInAsync(user, isPersistent: true, info.LoginProvider);
        }
        await signIn.Context.SignOutAsync(IdentityConstants.ExternalScheme);
        return TypedResults.Redirect("/");
    }

    private static MeResponse ToMe(WorkspaceUser user) => new(user.Id, user.Email ?? "", user.DisplayName, user.Organisation);
}
