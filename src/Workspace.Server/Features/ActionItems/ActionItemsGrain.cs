using Microsoft.EntityFrameworkCore;
using Workspace.Collaboration.Errors;
using Workspace.Server.Data;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel;
using Workspace.Server.Kernel.ChecklistLinks;

namespace Workspace.Server.Features.ActionItems;

public interface IActionItemsGrain : IChecklistItems
{
    Task<IReadOnlyList<ActionItemView>> GetAllAsync();
    Task<Outcome<ActionItemView>> CreateAsync(Actor actor, ActionItemInput input);
    /// <summary>Creates the item with the id <paramref name="itemId"/> unless it exists (or existed): a retried
    /// command of another feature makes its item once.</summary>
    Task<Outcome<ActionItemView>> CreateOnceAsync(Actor actor, Guid itemId, ActionItemInput input);
    Task<Outcome<ActionItemView>> UpdateAsync(Actor actor, Guid itemId, ActionItemInput input);
    Task<Outcome<ActionItemView>> MoveAsync(Actor actor, Guid itemId, MoveInput input);
    Task<Outcome<ActionItemView>> DeleteAsync(Actor actor, Guid itemId, int version);
}

/// <summary>The single authority for one partnership's action items (keyed by partnership id).</summary>
public sealed partial class ActionItemsGrain(
    IDbContextFactory<WorkspaceDb> dbs, PartnershipFeed feed, TimeProvider clock, ILogger<ActionItemsGrain> log)
    : Grain, IActionItemsGrain
{
    private readonly Dictionary<Guid, ActionItem> _items = [];
    /// <summary>
    /// Items created for task lines whose link has not reached the document yet, so they are not created twice.
    /// </summary>
    /// <remarks>Keyed by title and occurrence (the second unlinked line titled "Call the lab" is occurrence
    /// 1).</remarks>
    private readonly Dictionary<(Guid DocumentId, string Title, int Occurrence),
        (int Number, DateTimeOffset Since)> _unlinked = [];
    /// <summary>
    /// How long a message to a document is waited for: an item made for a task line waits for its link before a new
    /// line may no longer take it over; a board change waits to reach its line before that line speaks again anyway.
    /// </summary>
    private static readonly TimeSpan PendingLinkWindow = TimeSpan.FromSeconds(30);
    /// <summary>
    /// Board changes on their way into a linked task line (item number → item version, when sent). Until the document
    /// shows it has that version, its line predates the change and must not undo it.
    /// </summary>
    private readonly Dictionary<int, (int Version, DateTimeOffset Since)> _mirrorsOnTheirWay = [];
    private int _lastNumber;

    private Guid PartnershipId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var all = await db.Set<ActionItem>().AsNoTracking().Where(a => a.PartnershipId == PartnershipId)
            .ToListAsync(cancellationToken);
        // Deleted items keep their number so a number is never reused.
        _lastNumber = all.Count == 0 ? 0 : all.Max(a => a.Number);
        foreach (var item in all.Where(a => a.DeletedAt is null))
        {
            _items[item.Id] = item;
        }
    }

    public async Task<IReadOnlyList<ActionItemView>> GetAllAsync()
    {
        await FollowClausesAsync();
        var members = await MembersAsync();
        return _items.Values.OrderBy(i => i.Status).ThenBy(i => i.SortOrder).ThenBy(i => i.Number)
            .Select(i => View(i, members)).ToList();
    }

    public async Task<Outcome<ActionItemView>> UpdateAsync(Actor actor, Guid itemId, ActionItemInput input)
    {
        var members = await MembersAsync();
        string? clause = null;
        if (_items.TryGetValue(itemId, out var existing) && existing.Version == input.Version)
        {
            var (invalid, link) = await ValidateAsync(input, members, existing) is { } wrong ? (wrong, null)
                : await ClauseOfAsync(input, existing);
            if (invalid is not null)
            {
                return Outcome<ActionItemView>.Invalid(invalid);
            }
            clause = link;
        }
        return await ChangeAsync(actor, itemId, input.Version, members, (current, updated) =>
        {
            Apply(updated, input, clock.GetUtcNow());
            updated.ClauseLink = clause;
            if (updated.Status != current.Status)
            {
                updated.SortOrder = NextSortOrder(updated.Status);
            }
        });
    }

    public async Task<Outcome<ActionItemView>> MoveAsync(Actor actor, Guid itemId, MoveInput input)
    {
        var members = await MembersAsync();
        if (_items.TryGetValue(itemId, out var existing) && existing.Version == input.Version)
        {
            if (!Enum.IsDefined(input.Status))
            {
                return Outcome<ActionItemView>.Invalid("status", ErrorCodes.UnknownOption,
                    "Status is Open, InProgress, Blocked or Done.");
            }
            if (input.SortOrder is { } order && !double.IsFinite(order))
            {
                return Outcome<ActionItemView>.Invalid("sortOrder", ErrorCodes.NotANumber,
                    "The position must be a number.");
            }
        }
        return await ChangeAsync(actor, itemId, input.Version, members, (current, moved) =>
        {
            moved.Status = input.Status;
            moved.SortOrder = input.SortOrder
                ?? (input.Status == current.Status ? current.SortOrder : NextSortOrder(input.Status));
            moved.UpdatedAt = clock.GetUtcNow();
        });
    }

    /// <summary>
    /// The one path for changing an item: unknown → 404, stale version → 409 with the current item,
    /// otherwise <paramref name="change"/> is applied to a copy, saved, mirrored into a linked task line and published.
    /// </summary>
    private async Task<Outcome<ActionItemView>> ChangeAsync(
        Actor actor, Guid itemId, int version, IReadOnlyList<MemberView> members, Action<ActionItem, ActionItem> change)
    {
        if (!_items.TryGetValue(itemId, out var current))
        {
            return Outcome<ActionItemView>.NotFound(
                ErrorCodes.UnknownItem, "This action item does not exist (it may have been deleted).");
        }
        if (current.Version != version)
        {
            return Outcome<ActionItemView>.Conflict(View(current, members), current.UpdatedByName);
        }
        var updated = Copy(current);
        change(current, updated);
        updated.Version++;
        updated.UpdatedByName = actor.DisplayName;
        await SaveChangeAsync(db => db.Update(updated), actor, current, updated);
        _items[itemId] = updated;
        await MirrorLinkedLineAsync(current, updated, members);
        return await PublishAsync(updated, members);
    }

    public async Task<Outcome<ActionItemView>> DeleteAsync(Actor actor, Guid itemId, int version)
    {
        var members = await MembersAsync();
        if (!_items.TryGetValue(itemId, out var current))
        {
            return Outcome<ActionItemView>.NotFound(
                ErrorCodes.UnknownItem, "This action item does not exist (it may have been deleted).");
        }
        if (current.Version != version)
        {
            return Outcome<ActionItemView>.Conflict(View(current, members), current.UpdatedByName);
        }
        var deleted = Copy(current);
        deleted.DeletedAt = clock.GetUtcNow();
        deleted.Version++;
        await SaveAsync(db => db.Update(deleted), actor, "action.deleted",
            $"deleted the action item A{deleted.Number} “{deleted.Title}”",
            new { number = deleted.Number, title = deleted.Title });
        _items.Remove(itemId);
        var view = View(deleted, members);
        await feed.PublishAsync(PartnershipId, "action.deleted", view);
        return Outcome<ActionItemView>.Ok(view);
    }

    private async Task<IReadOnlyList<MemberView>> MembersAsync() =>
        (await GrainFactory.GetGrain<IPartnershipGrain>(PartnershipId).GetAsync())?.Members ?? [];

    private double NextSortOrder(ActionStatus status) =>
        _items.Values.Where(i => i.Status == status).Select(i => i.SortOrder).DefaultIfEmpty(0).Max() + 1;

    private Task SaveAsync(Action<WorkspaceDb> change, Actor actor, string kind, string summary, object? args = null,
        Notice? notice = null) =>
        feed.SaveAsync(PartnershipId, change, actor, kind, summary, args, notice);

    private async Task<Outcome<ActionItemView>> PublishAsync(ActionItem item, IReadOnlyList<MemberView> members)
    {
        var view = View(item, members);
        await feed.PublishAsync(PartnershipId, "action.updated", view);
        return Outcome<ActionItemView>.Ok(view);
    }

    /// <summary>Saves an edit, with the notice to a new owner when it gave the item to someone.</summary>
    private Task SaveChangeAsync(Action<WorkspaceDb> change, Actor actor, ActionItem before, ActionItem after) =>
        before.Status != after.Status
            ? SaveAsync(change, actor, "action.moved",
                $"moved A{after.Number} “{after.Title}” from {before.Status} to {after.Status}",
                new
                {
                    number = after.Number, title = after.Title,
                    fromStatus = before.Status.ToString(), toStatus = after.Status.ToString(),
                }, Assigned(actor, before.OwnerUserId, after))
            : SaveAsync(change, actor, "action.updated", $"updated A{after.Number} “{after.Title}”",
                new { number = after.Number, title = after.Title }, Assigned(actor, before.OwnerUserId, after));
}
