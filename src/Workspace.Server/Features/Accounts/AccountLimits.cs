namespace Workspace.Server.Features.Accounts;

/// <summary>The accounts' limits, used by the request contracts (Identity's own model keeps its defaults).</summary>
public static class AccountLimits
{
    public const int EmailMax = 256;

    public const int PasswordMax = 128;

    public const int DisplayNameMax = 100;

    public const int OrganisationMax = 200;
}
