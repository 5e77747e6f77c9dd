namespace Workspace.Server.Features.Meetings;

/// <summary>A meeting's notes or minutes document. <c>Occurrence</c> is null for a single meeting.</summary>
[GenerateSerializer, Immutable]
public sealed record MeetingDocumentView(
    [property: Id(0)] Guid DocumentId,
    [property: Id(1)] Guid MeetingId,
    [property: Id(2)] DateTime? Occurrence,
    [property: Id(3)] MeetingDocumentKind Kind,
    [property: Id(4)] long GeneratedRevision,
    [property: Id(5)] int Generation,
    [property: Id(6)] string Language,
    [property: Id(7)] DateTimeOffset? SharedAt,
    [property: Id(8)] string SharedByName);

/// <summary>One meeting's notes and minutes; either is null until it has been started or produced.</summary>
[GenerateSerializer, Immutable]
public sealed record MeetingPapersView(
    [property: Id(0)] MeetingDocumentView? Notes,
    [property: Id(1)] MeetingDocumentView? Minutes);

/// <summary>Which meeting's notes to open (the occurrence of a series; none for a single meeting).</summary>
[GenerateSerializer, Immutable]
public sealed record MeetingNotesInput([property: Id(0)] DateTime? Occurrence);

/// <summary>
/// Produce the minutes in <c>Language</c> ("en" or "id"). When the minutes document was edited since it was last
/// produced, <c>ReplaceEdits</c> must be true (the edits stay in its version history).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ProduceMinutesInput(
    [property: Id(0)] DateTime? Occurrence,
    [property: Id(1)] string Language,
    [property: Id(2)] bool ReplaceEdits);
