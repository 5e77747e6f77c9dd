using Workspace.Server.Kernel;
using Workspace.Server.Kernel.ClauseLinks;

namespace Workspace.Server.Features.ActionItems;

/// <summary>How an item takes what was entered, is copied before a change, and is shown.</summary>
public sealed partial class ActionItemsGrain
{
    private static void Apply(ActionItem item, ActionItemInput input, DateTimeOffset now)
    {
        item.Title = input.Title.Trim();
        item.Notes = input.Notes?.Trim() ?? "";
        item.OwnerUserId = string.IsNullOrEmpty(input.OwnerUserId) ? null : input.OwnerUserId;
        item.DueDate = input.DueDate;
        item.Status = input.Status;
        item.GoalId = input.GoalId;
        item.MeetingId = input.MeetingId;
        item.DocumentId = input.DocumentId;
        item.UpdatedAt = now;
    }

    private static ActionItem Copy(ActionItem a) => new()
    {
        Id = a.Id, PartnershipId = a.PartnershipId, Number = a.Number, Title = a.Title, Notes = a.Notes,
        OwnerUserId = a.OwnerUserId,
        DueDate = a.DueDate, Status = a.Status, GoalId = a.GoalId, MeetingId = a.MeetingId, DocumentId = a.DocumentId,
        ClauseLink = a.ClauseLink,
        SortOrder = a.SortOrder, Version = a.Version, CreatedByUserId = a.CreatedByUserId, CreatedAt = a.CreatedAt,
        UpdatedAt = a.UpdatedAt, DeletedAt = a.DeletedAt, UpdatedByName = a.UpdatedByName,
    };

    private static ActionItemView View(ActionItem a, IReadOnlyList<MemberView> members)
    {
        var owner = a.OwnerUserId is null ? null : members.FirstOrDefault(m => m.UserId == a.OwnerUserId);
        return new ActionItemView(a.Id, a.Number, a.Title, a.Notes, a.OwnerUserId, owner?.DisplayName, owner?.PartyId,
            a.DueDate, a.Status, a.GoalId, a.MeetingId, a.DocumentId, a.SortOrder, a.Version, a.UpdatedAt,
            a.UpdatedByName, ClauseLinkState.Read(a.ClauseLink)?.View);
    }
}
