using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Workspace.Server.Kernel;

/// <summary>
/// The shared kernel every feature builds on: membership and roles (<see cref="PartnershipGrain"/>, the member filter
/// <see cref="RequireMemberFilter"/>), the activity feed and live events (<see cref="PartnershipFeed"/>,
/// <see cref="PartnershipHub"/>), live connections and cluster presence, and the one refusal of a grain command
/// (<see cref="Refusal"/>, returned in an <see cref="Infrastructure.Outcome{T}"/>). It references no feature.
/// </summary>
public static class KernelExtensions
{
    public static void AddWorkspaceKernel(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PartnershipAccess>();
        builder.Services.AddSingleton<LiveConnections>();
        builder.Services.AddSingleton<MemberDirectory>();
        builder.Services.AddSingleton<PartnershipFeed>();
        builder.Services.AddExceptionHandler<CommandRejectedHandler>();
        builder.Services.AddOptions<InvitationOptions>().BindConfiguration(InvitationOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
    }
}
