using Microsoft.AspNetCore.Http.HttpResults;
using Workspace.Server.Features.Partnerships;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Features.ActionItems;

/// <summary>Action items: every member reads, editors and owners change.</summary>
public static class ActionItemsApi
{
    public static void MapActionItems(this WebApplication app)
    {
        var group = app.MapGroup("/api/partnerships/{partnershipId:guid}/action-items").WithTags("Action items").RequireAuthorization();
        group.MapGet("/", ListAsync).RequireMember();

        var write = group.MapGroup("").RequireMember(PartnershipRole.Editor).ValidateRequests();
        write.MapPost("/", async (Guid partnershipId, ActionItemInput input, HttpContext http, IGrainFactory grains) =>
            (await Grain(grains, partnershipId).CreateAsync(Actor(http), input)).ToHttp());
        write.MapPut("/{itemId:guid}", async (Guid partnershipId, Guid itemId, ActionItemInput input, HttpContext http, IGrainFactory grains) =>
            (await Grain(grains, partnershipId).UpdateAsync(Actor(http), itemId, input)).ToHttp());
        write.MapPost("/{itemId:guid}/move", async (Guid partnershipId, Guid itemId, MoveInput input, HttpContext http, IGrainFactory grains) =>
            (await Grain(grains, partnershipId).MoveAsync(Actor(http), itemId, input)).ToHttp());
        write.MapDelete("/{itemId:guid}", async (Guid partnershipId, Guid itemId, int version, HttpContext http, IGrainFactory grains) =>
            (await Grain(grains, partnershipId).DeleteAsync(Actor(http), itemId, version)).ToHttp());
    }

    /// <summary>
    /// All items, or filtered: <c>owner=me</c> or a user id, <c>party</c> (owner's organisation),
    /// <c>status</c>, <c>overdue=true</c>, <c>dueWithinDays=7</c>.
    /// </summary>
    private static async Task<Ok<List<ActionItemView>>> ListAsync(
        Guid partnershipId, HttpContext http, IGrainFactory grains, TimeProvider clock,
        string? owner, Guid? party, ActionStatus? status, bool? overdue, int? dueWithinDays)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var ownerId = owner == "me" ? http.Member().UserId : owner;
        IEnumerable<ActionItemView> items = await Grain(grains, partnershipId).GetAllAsync();
        if (!string.IsNullOrEmpty(ownerId))
        {
            items = items.Where(i => i.OwnerUserId == ownerId);
        }
        if (party is { } p)
        {
            items = items.Where(i => i.OwnerPartyId == p);
        }
        if (status is { } s)
        {
            items = items.Where(i => i.Status == s);
        }
        if (overdue == true)
        {
            items = items.Where(i => IsOverdue(i, today));
        }
        if (dueWithinDays is { } days)
        {
            items = items.Where(i => i.Status != ActionStatus.Done && i.DueDate is { } d && d >= today && d <= today.AddDays(days));
        }
        return TypedResults.Ok(items.ToList());
    }

    public static bool IsOverdue(ActionItemView item, DateOnly today) => item.Status != ActionStatus.Done && item.DueDate is { } due && due < today;

    private static IActionItemsGrain Grain(IGrainFactory grains, Guid partnershipId) => grains.GetGrain<IActionItemsGrain>(partnershipId);

    private static Actor Actor(HttpContext http) => PartnershipAccess.ActorOf(http.User, http.Member());
}
