using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Features.Accounts;

public sealed record SignUpRequest(
    [property: Required, EmailAddress, MaxLength(256)] string Email,
    [property: Required, MinLength(8), MaxLength(128)] string Password,
    [property: Required, MaxLength(100)] string DisplayName,
    [property: MaxLength(200)] string? Organisation);

public sealed record SignInRequest([property: Required] string Email, [property: Required] string Password);

public sealed record MeResponse(string Id, string Email, string DisplayName, string Organisation);

public static class AccountApi
{
    public static void MapAccounts(this WebApplication app)
    {
        var group = app.MapGroup("/api/account").WithTags("Account");
        group.MapPost("/signup", SignUpAsync).AllowAnonymous();
        group.MapPost("/signin", SignInAsync).AllowAnonymous();
        group.MapPost("/signout", SignOutAsync).RequireAuthorization();
        group.MapGet("/me", MeAsync).RequireAuthorization();
    }

    private static async Task<Results<Ok<MeResponse>, ValidationProblem>> SignUpAsync(
        SignUpRequest request, UserManager<WorkspaceUser> users, SignInManager<WorkspaceUser> signIn)
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
        var result = await users.CreateAsync(user, request.Password);
        if (!result.Succeeded)
        {
            return TypedResults.ValidationProblem(result.Errors.GroupBy(e => e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "email")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
        }
        await signIn.SignInAsync(user, isPersistent: true);
        return TypedResults.Ok(ToMe(user));
    }

    private static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> SignInAsync(
        SignInRequest request, UserManager<WorkspaceUser> users, SignInManager<WorkspaceUser> signIn)
    {
        var user = await users.FindByEmailAsync(request.Email?.Trim() ?? "");
        if (user is null)
        {
            return TypedResults.Problem("The e-mail address or password is not right.", statusCode: StatusCodes.Status401Unauthorized);
        }
        var result = await signIn.PasswordSignInAsync(user, request.Password ?? "", isPersistent: true, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return TypedResults.Problem("Too many failed attempts: the account is locked for a few minutes.", statusCode: StatusCodes.Status429TooManyRequests);
        }
        if (!result.Succeeded)
        {
            return TypedResults.Problem("The e-mail address or password is not right.", statusCode: StatusCodes.Status401Unauthorized);
        }
        return TypedResults.Ok(ToMe(user));
    }

    private static async Task<NoContent> SignOutAsync(SignInManager<WorkspaceUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<MeResponse>, UnauthorizedHttpResult>> MeAsync(ClaimsPrincipal principal, UserManager<WorkspaceUser> users)
    {
        var user = await users.GetUserAsync(principal);
        return user is null ? TypedResults.Unauthorized() : TypedResults.Ok(ToMe(user));
    }

    private static MeResponse ToMe(WorkspaceUser user) => new(user.Id, user.Email ?? "", user.DisplayName, user.Organisation);
}
