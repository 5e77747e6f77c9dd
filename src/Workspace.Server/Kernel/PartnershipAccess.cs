using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Workspace.Collaboration.Errors;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Kernel;

/// <summary>
/// Answers "is this signed-in person a member of that partnership, and with which role?": from this node's
/// <see cref="MemberDirectory"/> when the partnership's grain is active here, else from the grain.
/// </summary>
public sealed class PartnershipAccess(IGrainFactory grains, MemberDirectory directory)
{
    public Task<MemberView?> FindMemberAsync(ClaimsPrincipal user, Guid partnershipId) =>
        FindMemberAsync(user, partnershipId, null);

    /// <summary>
    /// The same question, with a reference to the partnership's grain the caller keeps (resolving one costs a lookup).
    /// </summary>
    public Task<MemberView?> FindMemberAsync(ClaimsPrincipal user, Guid partnershipId, IPartnershipGrain? partnership)
    {
        var userId = UserId(user);
        if (userId is null)
        {
            return Task.FromResult<MemberView?>(null);
        }
        if (directory.TryFind(partnershipId, userId, out var member))
        {
            return Task.FromResult(member);
        }
        return (partnership ?? grains.GetGrain<IPartnershipGrain>(partnershipId)).GetMemberAsync(userId);
    }

    public static string? UserId(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    /// <summary>The signed-in person as stored (name and e-mail from the account, not from the client).</summary>
    public static async Task<Actor> ActorAsync(ClaimsPrincipal user, Data.WorkspaceDb db,
        CancellationToken ct = default)
    {
        var userId = UserId(user) ?? throw new InvalidOperationException("Not signed in.");
        var account = await db.Users.AsNoTracking().FirstAsync(u => u.Id == userId, ct);
        return new Actor(userId, account.DisplayName, account.Email ?? "");
    }

    public static Actor ActorOf(ClaimsPrincipal user, MemberView? member = null) => new(
        UserId(user) ?? throw new InvalidOperationException("Not signed in."),
        member?.DisplayName ?? user.FindFirstValue(ClaimTypes.Name) ?? "",
        member?.Email ?? user.FindFirstValue(ClaimTypes.Email) ?? "");
}

/// <summary>
/// Endpoint filter for routes under <c>/api/partnerships/{partnershipId}</c>: a non-member gets 404
/// (the partnership's existence is not disclosed), a member below <paramref name="minimum"/> gets 403.
/// Archived partnerships are read-only: any method other than GET/HEAD gets 409 unless the endpoint
/// says <see cref="MemberEndpointExtensions.AllowOnArchived{TBuilder}"/> (it changes nothing, or it restores).
/// The member is left in <see cref="HttpContext.Items"/> for the handler.
/// </summary>
public sealed class RequireMemberFilter(PartnershipRole minimum) : IEndpointFilter
{
    public const string MemberKey = "workspace.member";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!Guid.TryParse(http.Request.RouteValues["partnershipId"]?.ToString(), out var partnershipId))
        {
            return Problems.NotFound(ErrorCodes.UnknownPartnership, "Unknown partnership.");
        }
        var access = http.RequestServices.GetRequiredService<PartnershipAccess>();
        var member = await access.FindMemberAsync(http.User, partnershipId);
        if (member is null)
        {
            return Problems.NotFound(ErrorCodes.UnknownPartnership, "Unknown partnership.");
        }
        if (member.Role < minimum)
        {
            return Problems.Of(StatusCodes.Status403Forbidden, ErrorCodes.RoleTooLow,
                $"This needs the {minimum} role; you are {member.Role}.",
                ("needed", minimum), ("role", member.Role));
        }
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
            && http.GetEndpoint()?.Metadata.GetMetadata<AllowOnArchivedAttribute>() is null
            && await http.RequestServices.GetRequiredService<IGrainFactory>()
                .GetGrain<IPartnershipGrain>(partnershipId).IsArchivedAsync())
        {
            return Problems.Of(StatusCodes.Status409Conflict, ErrorCodes.Archived,
                "This partnership is archived and read-only.");
        }
        http.Items[MemberKey] = member;
        return await next(context);
    }
}

public static class MemberEndpointExtensions
{
    public static TBuilder RequireMember<TBuilder>(this TBuilder builder,
        PartnershipRole minimum = PartnershipRole.Viewer)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(new RequireMemberFilter(minimum));

    /// <summary>Marks a non-GET endpoint that may run on an archived partnership (a preview, a restore).</summary>
    public static TBuilder AllowOnArchived<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AllowOnArchivedAttribute());

    public static MemberView Member(this HttpContext http) =>
        http.Items[RequireMemberFilter.MemberKey] as MemberView
            ?? throw new InvalidOperationException("RequireMember() was not applied to this endpoint.");
}

[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class AllowOnArchivedAttribute : Attribute;
