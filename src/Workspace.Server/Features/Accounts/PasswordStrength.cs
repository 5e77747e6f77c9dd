using Workspace.Collaboration.Errors;
using Microsoft.AspNetCore.Identity;
using Workspace.Server.Kernel;

namespace Workspace.Server.Features.Accounts;

/// <summary>
/// Refuses passwords shorter than <see cref="MinimumLength"/> and passwords a cracker would guess early: common
/// passwords, words, names, keyboard walks, dates, repeats and the person's own e-mail, name or organisation,
/// as zxcvbn estimates them (score 0-4). No rules of composition: length and unguessability are what count.
/// </summary>
public sealed class PasswordStrength : IPasswordValidator<WorkspaceUser>
{
    public const int MinimumLength = 10;
    public const int MinimumScore = 3;
    public const string TooShort = ErrorCodes.PasswordTooShort;
    public const string TooWeak = ErrorCodes.PasswordTooWeak;

    public Task<IdentityResult> ValidateAsync(UserManager<WorkspaceUser> manager, WorkspaceUser user, string? password)
        => Task.FromResult(Check(user, password));

    public static IdentityResult Check(WorkspaceUser user, string? password)
    {
        if (password is null || password.Length < MinimumLength)
        {
            return IdentityResult.Failed(new IdentityError
            {
                Code = TooShort,
                Description = $"The password needs at least {MinimumLength} characters.",
            });
        }
        var hints = new[] { user.Email, user.DisplayName, user.Organisation }
            .Where(h => !string.IsNullOrWhiteSpace(h)).SelectMany(Words).ToList();
        var score = Zxcvbn.Zxcvbn.MatchPassword(password, hints).Score;
        return score >= MinimumScore
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError
            {
                Code = TooWeak,
                Description = "This password is too easy to guess: use a longer phrase of unrelated words.",
            });
    }

    /// <summary>The hint and its parts ("rina.wijaya@koperasi.id" also gives "rina", "wijaya", "koperasi").</summary>
    private static IEnumerable<string> Words(string? hint) =>
        new[] { hint! }.Concat(hint!.Split([' ', '.', '@', '-', '_'], StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length >= 3).Select(w => w.ToLowerInvariant());
}
