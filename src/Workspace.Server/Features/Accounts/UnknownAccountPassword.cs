using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Workspace.Server.Kernel;

namespace Workspace.Server.Features.Accounts;

/// <summary>
/// Checks a password against a stand-in hash, so that signing in to an address without an account costs as
/// much as a wrong password (a hash of the same kind and strength), and the time tells nothing.
/// </summary>
public sealed class UnknownAccountPassword(IOptions<PasswordHasherOptions> options)
{
    private readonly PasswordHasher<WorkspaceUser> _hasher = new(options);

    private readonly Lazy<string> _standIn = new(() =>
        new PasswordHasher<WorkspaceUser>(options).HashPassword(new WorkspaceUser(), Guid.NewGuid().ToString()));

    /// <summary>Always false, after the same work as checking a real account's password.</summary>
    public bool Check(string password)
    {
        _hasher.VerifyHashedPassword(new WorkspaceUser(), _standIn.Value, password);
        return false;
    }
}
