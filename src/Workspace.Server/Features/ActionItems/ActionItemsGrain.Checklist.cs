using Workspace.Server.Kernel;
using Workspace.Server.Kernel.ChecklistLinks;

namespace Workspace.Server.Features.ActionItems;

/// <summary>
/// The action items half of the checklist link: task lines of a document become items, and an item changed on the
/// board sends its change back to its line.
/// </summary>
public sealed partial class ActionItemsGrain
{
    public async Task SyncChecklistAsync(
        Guid partnershipId, Guid documentId, IReadOnlyList<ChecklistLine> lines, Actor actor)
    {
        if (partnershipId != PartnershipId)
        {
            log.LogWarning(
                "Task lines of document {DocumentId} of partnership {Caller} refused by partnership {PartnershipId}",
                documentId, partnershipId, PartnershipId);
            return;
        }
        var members = await MembersAsync();
        var links = new List<ChecklistLink>();
        var unlinked = Occurrences(lines);
        var onLines = lines.Zip(unlinked).Select(p => (p.First.Title, p.Second)).ToHashSet();
        var claimed = lines.Where(l => l.Number is not null).Select(l => l.Number!.Value).ToHashSet();
        foreach (var (line, occurrence) in lines.Zip(unlinked))
        {
            if (line.Number is { } number)
            {
                foreach (var key in _unlinked.Where(p => p.Value.Number == number).Select(p => p.Key).ToList())
                {
                    _unlinked.Remove(key);
                }
                if (ProblemOf(line, members) is not null)
                {
                    continue;
                }
                await SyncLinkedLineAsync(documentId, line, number, actor, members);
                continue;
            }
            if (_unlinked.TryGetValue((documentId, line.Title, occurrence), out var pending)
                && claimed.Add(pending.Number))
            {
                links.Add(new ChecklistLink(line.Title, pending.Number));
                continue;
            }
            if (ProblemOf(line, members) is not null)
            {
                continue;
            }
            if (await RenamePendingAsync(documentId, line, occurrence, onLines, claimed, actor, members) is { } renamed)
            {
                claimed.Add(renamed);
                links.Add(new ChecklistLink(line.Title, renamed));
                continue;
            }
            var owner = OwnerNamedBy(line, members);
            var now = clock.GetUtcNow();
            var status = line.Done ? ActionStatus.Done : ActionStatus.Open;
            var item = new ActionItem
            {
                Id = Guid.NewGuid(),
                PartnershipId = PartnershipId,
                Number = _lastNumber + 1,
                Title = line.Title,
                OwnerUserId = owner?.UserId,
                DueDate = line.Due,
                Status = status,
                DocumentId = documentId,
                SortOrder = NextSortOrder(status),
                Version = 1,
                UpdatedByName = actor.DisplayName,
                CreatedByUserId = actor.UserId,
                CreatedAt = now,
                UpdatedAt = now,
            };
            await SaveAsync(db => db.Add(item), actor, "action.from-checklist",
                $"added the action item A{item.Number} “{item.Title}” from a checklist",
                new { number = item.Number, title = item.Title }, Assigned(actor, null, item));
            _lastNumber = item.Number;
            _items[item.Id] = item;
            _unlinked[(documentId, line.Title, occurrence)] = (item.Number, now);
            claimed.Add(item.Number);
            links.Add(new ChecklistLink(line.Title, item.Number));
            await PublishAsync(item, members);
        }
        if (links.Count > 0)
        {
            await GrainFactory.GetGrain<IChecklistDocument>(documentId).LinkChecklistLinesAsync(PartnershipId, links);
        }
    }

    /// <summary>
    /// A task line edited again before its link came back: its title no longer matches the item made for it. That
    /// item (whose old title is on no line any more) is renamed and linked instead of a second item being made.
    /// </summary>
    private async Task<int?> RenamePendingAsync(Guid documentId, ChecklistLine line, int occurrence,
        HashSet<(string Title, int Occurrence)> onLines, HashSet<int> claimed, Actor actor,
        IReadOnlyList<MemberView> members)
    {
        var now = clock.GetUtcNow();
        var orphan = _unlinked.FirstOrDefault(p =>
            p.Key.DocumentId == documentId && now - p.Value.Since < PendingLinkWindow
            && !onLines.Contains((p.Key.Title, p.Key.Occurrence)) && !claimed.Contains(p.Value.Number));
        if (orphan.Key.DocumentId != documentId
            || _items.Values.FirstOrDefault(i => i.Number == orphan.Value.Number) is not { } current)
        {
            return null;
        }
        _unlinked.Remove(orphan.Key);
        _unlinked[(documentId, line.Title, occurrence)] = (current.Number, orphan.Value.Since);
        var updated = Copy(current);
        updated.Title = line.Title;
        updated.DueDate = line.Due;
        updated.OwnerUserId = OwnerNamedBy(line, members)?.UserId;
        updated.UpdatedAt = now;
        updated.Version++;
        updated.UpdatedByName = actor.DisplayName;
        await SaveAsync(db => db.Update(updated), actor, "action.updated",
            $"updated A{current.Number} “{updated.Title}”", new { number = current.Number, title = updated.Title },
            Assigned(actor, current.OwnerUserId, updated));
        _items[current.Id] = updated;
        await PublishAsync(updated, members);
        return current.Number;
    }

    /// <summary>Why the line cannot be read (the editor marks it the same way), or null.</summary>
    private static string? ProblemOf(ChecklistLine line, IReadOnlyList<MemberView> members) =>
        line.Problem
            ?? (line.Handle is not null && OwnerNamedBy(line, members) is null ? ChecklistProblem.HandleUnknown : null);

    /// <summary>The member the line's @handle names, if any.</summary>
    private static MemberView? OwnerNamedBy(ChecklistLine line, IReadOnlyList<MemberView> members) =>
        line.Handle is { } handle
            ? members.FirstOrDefault(m => Checklist.HandleMatches(handle, m.DisplayName, m.Email))
            : null;

    /// <summary>
    /// For each line: how many unlinked lines with the same title come before it (-1 for a linked line).
    /// </summary>
    private static List<int> Occurrences(IReadOnlyList<ChecklistLine> lines)
    {
        var seen = new Dictionary<string, int>();
        return lines
            .Select(l => l.Number is not null ? -1 : seen[l.Title] = seen.GetValueOrDefault(l.Title, -1) + 1)
            .ToList();
    }

    private async Task SyncLinkedLineAsync(Guid documentId, ChecklistLine line, int number, Actor actor,
        IReadOnlyList<MemberView> members)
    {
        var current = _items.Values.FirstOrDefault(i => i.Number == number);
        if (current is null || (current.DocumentId is { } linked && linked != documentId))
        {
            return; // deleted, or the line names an item of another document
        }
        if (_mirrorsOnTheirWay.TryGetValue(number, out var mirror))
        {
            if (line.SeenVersion < mirror.Version && clock.GetUtcNow() - mirror.Since < PendingLinkWindow)
            {
                return; // read before the board's change reached the line; the scan after it speaks for the line
            }
            _mirrorsOnTheirWay.Remove(number);
        }
        var done = current.Status == ActionStatus.Done;
        // An edited line renames, re-dates and reassigns its item (a line that cannot be read never gets here).
        var ownerUserId = !line.Edited ? current.OwnerUserId : OwnerNamedBy(line, members)?.UserId;
        var title = line.Edited ? line.Title : current.Title;
        var due = line.Edited ? line.Due : current.DueDate;
        var reworded = title != current.Title || due != current.DueDate || ownerUserId != current.OwnerUserId;
        if (line.Done == done && current.DocumentId is not null && !reworded)
        {
            return;
        }
        var updated = Copy(current);
        updated.DocumentId = documentId;
        updated.Title = title;
        updated.DueDate = due;
        updated.OwnerUserId = ownerUserId;
        updated.Status = line.Done ? ActionStatus.Done : done ? ActionStatus.Open : current.Status;
        if (updated.Status != current.Status)
        {
            updated.SortOrder = NextSortOrder(updated.Status);
        }
        updated.UpdatedAt = clock.GetUtcNow();
        updated.Version++;
        updated.UpdatedByName = actor.DisplayName;
        var (kind, summary) = line.Done == done
            ? current.DocumentId is null
                ? ("action.linked", $"linked A{number} “{updated.Title}” to a checklist")
                : ("action.updated", $"updated A{number} “{updated.Title}”")
            : line.Done ? ("action.ticked", $"ticked A{number} “{updated.Title}” in a checklist")
            : ("action.unticked", $"unticked A{number} “{updated.Title}” in a checklist");
        await SaveAsync(db => db.Update(updated), actor, kind, summary, new { number, title = updated.Title },
            Assigned(actor, current.OwnerUserId, updated));
        _items[current.Id] = updated;
        await PublishAsync(updated, members);
    }

    /// <summary>
    /// Changed on the board: the linked task line follows (one-way, so no call waits on the other grain).
    /// </summary>
    private Task MirrorLinkedLineAsync(ActionItem before, ActionItem after, IReadOnlyList<MemberView> members)
    {
        var done = after.Status == ActionStatus.Done;
        var mirror = new ChecklistMirror(
            after.Number,
            (before.Status == ActionStatus.Done) != done ? done : null,
            before.Title != after.Title ? after.Title : null,
            before.OwnerUserId != after.OwnerUserId,
            members.FirstOrDefault(m => m.UserId == after.OwnerUserId)?.DisplayName,
            members.FirstOrDefault(m => m.UserId == after.OwnerUserId)?.Email,
            before.DueDate != after.DueDate,
            after.DueDate,
            after.Version);
        var changed = mirror.Done is not null || mirror.Title is not null || mirror.OwnerChanged || mirror.DueChanged;
        if (after.DocumentId is not { } documentId || after.DocumentId != before.DocumentId || !changed)
        {
            return Task.CompletedTask;
        }
        _mirrorsOnTheirWay[after.Number] = (after.Version, clock.GetUtcNow());
        return GrainFactory.GetGrain<IChecklistDocument>(documentId).MirrorChecklistLineAsync(PartnershipId, mirror);
    }
}
