using Microsoft.EntityFrameworkCore;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel;

namespace Workspace.Server.Features.ActionItems;

/// <summary>Making an item: from the board, or once under a given id for another feature's retried command.</summary>
public sealed partial class ActionItemsGrain
{
    public Task<Outcome<ActionItemView>> CreateAsync(Actor actor, ActionItemInput input) =>
        CreateAsync(actor, input, Guid.NewGuid());

    private async Task<Outcome<ActionItemView>> CreateAsync(Actor actor, ActionItemInput input, Guid id)
    {
        var members = await MembersAsync();
        var (invalid, clause) = await ValidateAsync(input, members, current: null) is { } wrong ? (wrong, null)
            : await ClauseOfAsync(input, current: null);
        if (invalid is not null)
        {
            return Outcome<ActionItemView>.Invalid(invalid);
        }
        var now = clock.GetUtcNow();
        var item = new ActionItem
        {
            Id = id,
            PartnershipId = PartnershipId,
            Number = _lastNumber + 1,
            CreatedAt = now,
            CreatedByUserId = actor.UserId,
            Version = 1,
            UpdatedByName = actor.DisplayName,
            SortOrder = NextSortOrder(input.Status),
        };
        Apply(item, input, now);
        item.ClauseLink = clause;
        await SaveAsync(db => db.Add(item), actor, "action.created",
            $"added the action item A{item.Number} “{item.Title}”",
            new { number = item.Number, title = item.Title }, Assigned(actor, null, item));
        _lastNumber = item.Number;
        _items[item.Id] = item;
        return await PublishAsync(item, members);
    }

    public async Task<Outcome<ActionItemView>> CreateOnceAsync(Actor actor, Guid itemId, ActionItemInput input)
    {
        if (_items.TryGetValue(itemId, out var made))
        {
            return Outcome<ActionItemView>.Ok(View(made, await MembersAsync()));
        }
        await using (var db = await dbs.CreateDbContextAsync())
        {
            if (await db.Set<ActionItem>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == itemId) is { } deleted)
            {
                return Outcome<ActionItemView>.Ok(View(deleted, await MembersAsync())); // made, then deleted
            }
        }
        return await CreateAsync(actor, input, itemId);
    }
}
