namespace Workspace.Server.Kernel;

/// <summary>
/// Something that needs a person's attention: its <see cref="Kind"/> and <see cref="Args"/> are worded in each
/// reader's language when read (never stored as English); <see cref="Link"/> is the app path of the thing.
/// </summary>
public sealed record Notice(
    Guid PartnershipId, Actor Actor, IReadOnlyCollection<string> Recipients, string Kind, object Args, string Link);

/// <summary>
/// How a feature tells people that something needs them, without knowing how they are told (in the app, by e-mail):
/// call it after the change is saved. The actor is never notified; a failure never fails the saved change.
/// </summary>
public interface INotifier
{
    Task NotifyAsync(Notice notice);
}
