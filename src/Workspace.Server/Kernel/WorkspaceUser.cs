using Microsoft.AspNetCore.Identity;

namespace Workspace.Server.Kernel;

public sealed class WorkspaceUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>The organisation the person said they belong to at sign-up; the default name of a new party.</summary>
    public string Organisation { get; set; } = "";
}
