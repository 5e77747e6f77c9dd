using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace Workspace.Server.Features.Partnerships;

/// <summary>Answers "is this signed-in person a member of that partnership, and with which role?" from the grain.</summary>
public sealed class PartnershipAccess(IGrainFactory grains)
{
    public async Task<MemberView?> FindMemberAsync(ClaimsPrincipal user, Guid partnershipId)
    {
        var userId = UserId(user);
        if (userId is null)
        {
            return null;
        }
        return await grains.GetGrain<IPartnershipGrain>(partnershipId).GetMemberAsync(userId);
    }

    public static string? UserId(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public static Actor ActorOf(ClaimsPrincipal user, MemberView? member = null) => new(
        UserId(user) ?? throw new InvalidOperationException("Not signed in."),
        member?.DisplayName ?? user.FindFirstValue(ClaimTypes.Name) ?? "",
        member?.Email ?? user.FindFirstValue(ClaimTypes.Email) ?? "");
}

/// <summary>
/// Endpoint filter for routes under <c>/api/partnerships/{partnershipId}</c>: a non-member gets 404
/// (the partnership's existence is not disclosed), a member below <paramref name="minimum"/> gets 403.
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
            return TypedResults.Problem("Unknown partnership.", statusCode: StatusCodes.Status404NotFound);
        }
        var access = http.RequestServices.GetRequiredService<PartnershipAccess>();
        var member = await access.FindMemberAsync(http.User, partnershipId);
        if (member is null)
        {
            return TypedResults.Problem("Unknown partnership.", statusCode: StatusCodes.Status404NotFound);
        }
        if (member.Role < minimum)
        {
            return TypedResults.Problem($"This needs the {minimum} role; you are {member.Role}.", statusCode: StatusCodes.Status403Forbidden);
        }
        http.Items[MemberKey] = member;
        return await next(context);
    }
}

public static class MemberEndpointExtensions
{
    public static TBuilder RequireMember<TBuilder>(this TBuilder builder, PartnershipRole minimum = PartnershipRole.Viewer)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(new RequireMemberFilter(minimum));

    public static MemberView Member(this HttpContext http) =>
        http.Items[RequireMemberFilter.MemberKey] as MemberView ?? throw new InvalidOperationException("RequireMember() was not applied to this endpoint.");
}

internal static class IdentityClaims
{
    public static string? Email(ClaimsPrincipal user, IdentityOptions options) => user.FindFirstValue(options.ClaimsIdentity.EmailClaimType);
}
