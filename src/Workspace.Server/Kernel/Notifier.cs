using Workspace.Server.Data;

namespace Workspace.Server.Kernel;

/// <summary>
/// Something that needs a person's attention: its <see cref="Kind"/> and <see cref="Args"/> are worded in each
/// reader's language when read (never stored as English); <see cref="Link"/> is the app path of the thing.
/// </summary>
public sealed record Notice(
    Guid PartnershipId, Actor Actor, IReadOnlyCollection<string> Recipients, string Kind, object Args, string Link);

/// <summary>The notifications of a notice added to a change not yet saved: whom to tell once it is.</summary>
public sealed record StagedNotice(IReadOnlyList<string> Recipients, bool Mails);

/// <summary>
/// How a feature tells people that something needs them, without knowing how they are told (in the app, by e-mail).
/// The actor is never notified. A change that causes a notice saves both in one transaction
/// (<see cref="PartnershipFeed.SaveAsync"/> with its notice, which calls <see cref="StageAsync"/> and then
/// <see cref="AnnounceAsync"/>), so neither is ever saved without the other; <see cref="NotifyAsync"/> is for a
/// notice of a change saved elsewhere, and a failure of it never fails that change.
/// </summary>
public interface INotifier
{
    Task NotifyAsync(Notice notice);

    /// <summary>Adds the notice's notifications (and e-mails) to <paramref name="db"/>; null when nobody is told.
    /// </summary>
    Task<StagedNotice?> StageAsync(WorkspaceDb db, Notice notice);

    /// <summary>After the save: wakes the mail sender and pushes each recipient's unread count (best effort).
    /// </summary>
    Task AnnounceAsync(StagedNotice staged);
}
