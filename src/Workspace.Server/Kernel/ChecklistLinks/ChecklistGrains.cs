using Orleans.Concurrency;

namespace Workspace.Server.Kernel.ChecklistLinks;

// The link between a task line in a document and an action item. Each side implements its half, so documents and
// action items (and later meetings) never import one another: a document calls IChecklistItems, the action items call
// IChecklistDocument, both keyed as before (the partnership id, the document id).

/// <summary>The action-item side of the checklist link (the action items grain of a partnership).</summary>
public interface IChecklistItems : IGrainWithGuidKey
{
    /// <summary>
    /// The task lines of a document after an edit: unlinked lines become items (and are then linked
    /// through <see cref="IChecklistDocument.LinkChecklistLinesAsync"/>); ticking or unticking a linked
    /// line marks its item done or reopens it; an edited linked line renames, re-dates and reassigns it.
    /// </summary>
    /// <remarks>
    /// <paramref name="partnershipId"/> is the document's: lines of another partnership's document are ignored.
    /// </remarks>
    [OneWay]
    Task SyncChecklistAsync(Guid partnershipId, Guid documentId, IReadOnlyList<ChecklistLine> lines, Actor actor);
}

/// <summary>The document side of the checklist link (implemented by the document grain).</summary>
public interface IChecklistDocument : IGrainWithGuidKey
{
    /// <summary>True when the document exists, is not deleted and is of <paramref name="partnershipId"/>.</summary>
    Task<bool> IsLiveDocumentOfAsync(Guid partnershipId);

    /// <summary>
    /// Appends <c>#A12</c> to the first unlinked task line of each title, making the link visible to everyone.
    /// Refused unless <paramref name="partnershipId"/> (the calling action items') is the document's partnership.
    /// </summary>
    [OneWay]
    Task LinkChecklistLinesAsync(Guid partnershipId, IReadOnlyList<ChecklistLink> links);

    /// <summary>
    /// Makes the task line linked to an action item say what the item now says (it changed on the board).
    /// Refused unless <paramref name="partnershipId"/> (the item's) is the document's partnership.
    /// </summary>
    [OneWay]
    Task MirrorChecklistLineAsync(Guid partnershipId, ChecklistMirror item);
}
