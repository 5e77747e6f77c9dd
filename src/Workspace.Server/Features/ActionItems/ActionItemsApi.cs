using Microsoft.AspNetCore.Http.HttpResults;
using Workspace.Collaboration.Errors;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel;

namespace Workspace.Server.Features.ActionItems;

/// <summary>Action items: every member reads, editors and owners change.</summary>
public static class ActionItemsApi
{
    public static void MapActionItems(this WebApplication app)
    {
        var group = app.MapGroup("/api/partnerships/{partnershipId:guid}/action-items").WithTags("Action items")
            .RequireAuthorization();
        group.MapGet("/", ListAsync).RequireMember();

        var write = group.MapGroup("").RequireMember(PartnershipRole.Editor).ValidateRequests();
        write.MapPost("/", async (Guid partnershipId, ActionItemInput input, HttpContext http, IGrainFactory grains) =>
            (await Grain(grains, partnershipId).CreateAsync(Actor(http), input)).ToHttp());
        write.MapPut("/{itemId:guid}",
            async (Guid partnershipId, Guid itemId, ActionItemInput input, HttpContext http, IGrainFactory grains) =>
                (await Grain(grains, partnershipId).UpdateAsync(Actor(http), itemId, input)).ToHttp());
        write.MapPost("/{itemId:guid}/move",
            async (Guid partnershipId, Guid itemId, MoveInput input, HttpContext http, IGrainFactory grains) =>
                (await Grain(grains, partnershipId).MoveAsync(Actor(http), itemId, input)).ToHttp());
        write.MapDelete("/{itemId:guid}",
            async (Guid partnershipId, Guid itemId, int version, HttpContext http, IGrainFactory grains) =>
                Bounds.CheckVersion(version) is { } invalid
                    ? invalid
                    : (await Grain(grains, partnershipId).DeleteAsync(Actor(http), itemId, version)).ToHttp());
    }

    /// <summary>
    /// All items, or filtered: <c>owner=me</c> or a user id, <c>party</c> (owner's organisation),
    /// <c>status</c>, <c>overdue=true</c>, <c>dueWithinDays=7</c>.
    /// </summary>
    private static async Task<Results<Ok<List<ActionItemView>>, ValidationProblem>> ListAsync(
        Guid partnershipId, HttpContext http, IGrainFactory grains, TimeProvider clock,
        string? owner, Guid? party, ActionStatus? status, bool? overdue, int? dueWithinDays)
    {
        if (Bounds.CheckRange("dueWithinDays", dueWithinDays, 0, MaxDueWithinDays) is { } invalid)
        {
            return invalid;
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var ownerId = owner == "me" ? http.Member().UserId : owner;
        IReadOnlyList<ActionItemView> all = await Grain(grains, partnershipId).GetAllAsync();
        if (await CheckFilterAsync(grains, partnershipId, all, ownerId, party) is { } unknown)
        {
            return unknown;
        }
        IEnumerable<ActionItemView> items = all;
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
            items = items.Where(i =>
                i.Status != ActionStatus.Done && i.DueDate is { } d && d >= today && d <= today.AddDays(days));
        }
        return TypedResults.Ok(items.ToList());
    }

    /// <summary>Ten years: a window beyond it is a mistake, and one near int.MaxValue overflows the date.</summary>
    private const int MaxDueWithinDays = 3650;

    /// <summary>A filter naming someone or an organisation of another partnership (or none) is refused.</summary>
    private static async Task<ValidationProblem?> CheckFilterAsync(
        IGrainFactory grains, Guid partnershipId, IReadOnlyList<ActionItemView> items, string? ownerId, Guid? party)
    {
        if (string.IsNullOrEmpty(ownerId) && party is null)
        {
            return null;
        }
        var partnership = await grains.GetGrain<IPartnershipGrain>(partnershipId).GetAsync();
        // A former member still owns the items they had, so they remain a valid filter.
        if (!string.IsNullOrEmpty(ownerId) && partnership?.Members.Any(m => m.UserId == ownerId) != true
            && items.All(i => i.OwnerUserId != ownerId))
        {
            return Problems.Invalid(
                "owner", ErrorCodes.UnknownMember, "The owner must be a member of this partnership.");
        }
        if (party is { } p && partnership?.Parties.Any(x => x.Id == p) != true)
        {
            return Problems.Invalid(
                "party", ErrorCodes.UnknownParty, "The organisation must be one of the partnership's organisations.");
        }
        return null;
    }

    public static bool IsOverdue(ActionItemView item, DateOnly today) =>
        item.Status != ActionStatus.Done && item.DueDate is { } due && due < today;

    private static IActionItemsGrain Grain(IGrainFactory grains, Guid partnershipId) =>
        grains.GetGrain<IActionItemsGrain>(partnershipId);

    private static Actor Actor(HttpContext http) => PartnershipAccess.ActorOf(http.User, http.Member());
}
