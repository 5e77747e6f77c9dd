namespace Workspace.Server.Kernel;

/// <summary>The partnerships' limits, used by the request contracts, the EF model and the grain alike.</summary>
public static class PartnershipLimits
{
    /// <summary>A partnership's and a party's name (and the organisation a party is).</summary>
    public const int NameMax = 200;

    public const int EmailMax = 256;

    /// <summary>The name of who sent an invitation, copied from the member.</summary>
    public const int PersonNameMax = 100;
}
