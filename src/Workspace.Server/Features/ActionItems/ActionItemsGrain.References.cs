using Workspace.Collaboration.Errors;
using Workspace.Server.Features.Goals;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel;
using Workspace.Server.Kernel.ChecklistLinks;

namespace Workspace.Server.Features.ActionItems;

/// <summary>
/// What an item's fields may say. Every id in it names something of this partnership that exists: an item linked to
/// another partnership's document would let its board rewrite that document's task lines.
/// </summary>
public sealed partial class ActionItemsGrain
{
    private async Task<FieldError?> ValidateAsync(
        ActionItemInput input, IReadOnlyList<MemberView> members, ActionItem? current)
    {
        var title = input.Title?.Trim() ?? "";
        if (title.Length is 0 or > ActionItemLimits.TitleMax)
        {
            return Problems.Length(
                "title", title, ActionItemLimits.TitleMax,
                $"An action item needs a title of 1 to {ActionItemLimits.TitleMax} characters.");
        }
        if ((input.Notes?.Length ?? 0) > ActionItemLimits.NotesMax)
        {
            return new FieldError(
                "notes", ErrorCodes.TooLong, $"Notes are limited to {ActionItemLimits.NotesMax} characters.",
                Problems.Args(("max", ActionItemLimits.NotesMax)));
        }
        if (!Enum.IsDefined(input.Status))
        {
            return new FieldError(
                "status", ErrorCodes.UnknownOption, "Status is Open, InProgress, Blocked or Done.", null);
        }
        if (input.OwnerUserId is { Length: > 0 } owner && members.All(m => m.UserId != owner))
        {
            return new FieldError(
                "ownerUserId", ErrorCodes.NotAMember, "The owner must be a member of this partnership.", null);
        }
        if (input.DueDate is { } due && !Bounds.IsSensible(due))
        {
            return new FieldError("dueDate", ErrorCodes.DateOutOfRange, "The due date must be between 2000 and 2100.",
                Bounds.DateArgs());
        }
        return await ValidateReferencesAsync(input, current);
    }

    private async Task<FieldError?> ValidateReferencesAsync(
        ActionItemInput input, ActionItem? current)
    {
        if (input.GoalId is { } goalId)
        {
            var board = await GrainFactory.GetGrain<IGoalsGrain>(PartnershipId).GetBoardAsync();
            if (board.Goals.All(g => g.Id != goalId))
            {
                return new FieldError("goalId", ErrorCodes.UnknownGoal, "The linked goal does not exist.", null);
            }
        }
        // Meetings are not built yet, so no meeting can be linked; an item keeps the link it already has.
        if (input.MeetingId is { } meetingId && meetingId != current?.MeetingId)
        {
            return new FieldError("meetingId", ErrorCodes.UnknownMeeting, "The linked meeting does not exist.", null);
        }
        // An item keeps the document it came from even once that document is deleted (its link then leads nowhere).
        if (input.DocumentId is { } documentId && documentId != current?.DocumentId
            && !await IsOwnDocumentAsync(documentId))
        {
            return new FieldError(
                "documentId", ErrorCodes.UnknownDocument, "The linked document does not exist.", null);
        }
        return null;
    }

    private Task<bool> IsOwnDocumentAsync(Guid documentId) =>
        GrainFactory.GetGrain<IChecklistDocument>(documentId).IsLiveDocumentOfAsync(PartnershipId);
}
