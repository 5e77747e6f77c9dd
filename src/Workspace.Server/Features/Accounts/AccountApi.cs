using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Workspace.Collaboration.Errors;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel;

namespace Workspace.Server.Features.Accounts;

public sealed record SignUpRequest(
    [property: Required, EmailAddress, MaxLength(AccountLimits.EmailMax)] string Email,
    [property: Required, MaxLength(AccountLimits.PasswordMax)] string Password,
    [property: Required, MaxLength(AccountLimits.DisplayNameMax)] string DisplayName,
    [property: MaxLength(AccountLimits.OrganisationMax)] string? Organisation);

public sealed record SignInRequest(string? Email, string? Password);

public sealed record ChangePasswordRequest(
    [property: Required] string CurrentPassword,
    [property: Required, MaxLength(AccountLimits.PasswordMax)] string NewPassword);

public sealed record ExternalProvider(string Scheme, string DisplayName, string StartUrl);

public sealed record MeResponse(string Id, string Email, string DisplayName, string Organisation);

public static class AccountApi
{
    public static void MapAccounts(this WebApplication app)
    {
        var group = app.MapGroup("/api/account").WithTags("Account").ValidateRequests();
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
            return Problems.Invalid(result.Errors.Select(e => IdentityError(e, "password", "email")));
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
            return Problems.Of(StatusCodes.Status429TooManyRequests, ErrorCodes.SignInThrottled,
                "Too many failed attempts from here: wait a few minutes and try again.");
        }
        var user = await users.FindByEmailAsync(request.Email?.Trim() ?? "");
        var signedIn = user is null
            ? unknown.Check(request.Password ?? "")
            : (await signIn.CheckPasswordSignInAsync(user, request.Password ?? "", lockoutOnFailure: false)).Succeeded;
        if (!signedIn || user is null)
        {
            throttle.Failed(key);
            return WrongCredentials();
        }
        throttle.Succeeded(key);
        await signIn.SignInAsync(user, isPersistent: true);
        return TypedResults.Ok(ToMe(user));
    }

    /// <summary>A refused password as a validation problem on <paramref name="field"/>, with its code.</summary>
    private static ValidationProblem? PasswordProblem(IdentityResult result, string field) =>
        result.Succeeded ? null : Problems.Invalid(result.Errors.Select(e => IdentityError(e, field, "email")));

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

    private static async Task<Results<Ok<MeResponse>, UnauthorizedHttpResult>> MeAsync(
        ClaimsPrincipal principal, UserManager<WorkspaceUser> users)
    {
        var user = await users.GetUserAsync(principal);
        return user is null ? TypedResults.Unauthorized() : TypedResults.Ok(ToMe(user));
    }

    private static async Task<Results<NoContent, ValidationProblem>> ChangePasswordAsync(
        ChangePasswordRequest request, ClaimsPrincipal principal, UserManager<WorkspaceUser> users,
        SignInManager<WorkspaceUser> signIn, SessionHubFilter sessions)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return Problems.Invalid("", ErrorCodes.NotSignedIn, "You are not signed in.");
        }
        if (PasswordProblem(PasswordStrength.Check(user, request.NewPassword), "newPassword") is { } weak)
        {
            return weak;
        }
        var result = await users.ChangePasswordAsync(user, request.CurrentPassword, request.NewPassword);
        if (!result.Succeeded)
        {
            return Problems.Invalid(result.Errors.Select(e => IdentityError(e, "newPassword", "currentPassword")));
        }
        // The new security stamp ends every other session; this one gets a fresh cookie.
        await signIn.RefreshSignInAsync(user);
        await sessions.EndSessionsAsync(user.Id);
        return TypedResults.NoContent();
    }

    private static Ok<ExternalProvider[]> Providers(IOptions<ExternalLoginOptions> external) =>
        TypedResults.Ok(external.Value.Enabled
            ? new[]
            {
                new ExternalProvider(ExternalLoginOptions.Scheme, external.Value.DisplayName, "/api/account/external"),
            }
            : []);

    private static Results<ChallengeHttpResult, NotFound> ChallengeExternal(
        IOptions<ExternalLoginOptions> external, SignInManager<WorkspaceUser> signIn)
    {
        if (!external.Value.Enabled)
        {
            return TypedResults.NotFound();
        }
        var properties = signIn.ConfigureExternalAuthenticationProperties(
            ExternalLoginOptions.Scheme, "/api/account/external/callback");
        return TypedResults.Challenge(properties, [ExternalLoginOptions.Scheme]);
    }

    /// <summary>
    /// Back from the provider: sign in the linked account, or link by verified e-mail, or create one.
    /// </summary>
    private static async Task<Results<RedirectHttpResult, ProblemHttpResult>> ExternalCallbackAsync(
        UserManager<WorkspaceUser> users, SignInManager<WorkspaceUser> signIn)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null)
        {
            return Problems.Of(StatusCodes.Status400BadRequest, ErrorCodes.ExternalSignInFailed,
                "The external sign-in did not complete.");
        }
        var result = await signIn.ExternalLoginSignInAsync(
            info.LoginProvider, info.ProviderKey, isPersistent: true, bypassTwoFactor: true);
        if (!result.Succeeded)
        {
            var email = info.Principal.FindFirstValue("email") ?? info.Principal.FindFirstValue(ClaimTypes.Email);
            if (string.IsNullOrWhiteSpace(email))
            {
                return Problems.Of(StatusCodes.Status400BadRequest, ErrorCodes.ExternalNoEmail,
                    "The provider did not share an e-mail address.");
            }
            var user = await users.FindByEmailAsync(email);
            // Linking to an existing account by e-mail is only safe when the provider vouches for the address.
            var verified = string.Equals(
                info.Principal.FindFirstValue("email_verified"), "true", StringComparison.OrdinalIgnoreCase);
            if (user is not null && !verified)
            {
                return Problems.Of(StatusCodes.Status409Conflict, ErrorCodes.ExternalAccountExists,
                    "An account with this e-mail address exists; sign in with your password first.");
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
                    return ExternalFailed(created);
                }
            }
            var linked = await users.AddLoginAsync(user, info);
            if (!linked.Succeeded)
            {
                return ExternalFailed(linked);
            }
            await signIn.SignInAsync(user, isPersistent: true, info.LoginProvider);
        }
        await signIn.Context.SignOutAsync(IdentityConstants.ExternalScheme);
        return TypedResults.Redirect("/");
    }

    private static ProblemHttpResult WrongCredentials() =>
        Problems.Of(StatusCodes.Status401Unauthorized, ErrorCodes.WrongCredentials,
            "The e-mail address or password is not right.");

    private static ProblemHttpResult ExternalFailed(IdentityResult result) =>
        Problems.Of(StatusCodes.Status400BadRequest, ErrorCodes.ExternalSignInFailed,
            string.Join(" ", result.Errors.Select(e => e.Description)));

    /// <summary>
    /// An Identity refusal as a field error with a code: password rules go to <paramref name="passwordField"/>, a wrong
    /// current password and e-mail problems to <paramref name="otherField"/>.
    /// </summary>
    private static FieldError IdentityError(IdentityError error, string passwordField, string otherField) =>
        error.Code switch
        {
            nameof(IdentityErrorDescriber.PasswordMismatch) =>
                new(otherField, ErrorCodes.WrongPassword, "The current password is not right.", null),
            nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) =>
                new(otherField, ErrorCodes.EmailTaken, error.Description, null),
            nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) =>
                new(otherField, ErrorCodes.InvalidEmail, error.Description, null),
            PasswordStrength.TooShort => new(passwordField, error.Code, error.Description,
                Problems.Args(("min", PasswordStrength.MinimumLength))),
            PasswordStrength.TooWeak => new(passwordField, error.Code, error.Description, null),
            _ when error.Code.StartsWith("Password", StringComparison.Ordinal) =>
                new(passwordField, ErrorCodes.PasswordRejected, error.Description, Problems.Args(("rule", error.Code))),
            _ => new(otherField, ErrorCodes.InvalidValue, error.Description, null),
        };

    private static MeResponse ToMe(WorkspaceUser user) =>
        new(user.Id, user.Email ?? "", user.DisplayName, user.Organisation);
}
