using System.Text.Json;
using Workspace.Collaboration.Ot;

namespace Workspace.Collaboration.Documents;

// The wire shapes of /hubs/documents, shared by the server and the .NET client (JSON, camelCase; ops in the
// ot-text-unicode format). Grains pass the same records between nodes, hence Orleans' serializer attributes.

/// <remarks><see cref="EditRefusal"/>: the error code every edit meets now (a signed agreement, say), or null while
/// edits are accepted; clients show the text read-only with its reason, and hear a change through
/// <c>DocumentChanged</c>.</remarks>
[GenerateSerializer, Immutable]
public sealed record DocumentInfo(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid PartnershipId,
    [property: Id(2)] string Title,
    [property: Id(3)] long Revision,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] DateTimeOffset UpdatedAt,
    [property: Id(6)] bool Deleted,
    [property: Id(7)] string? EditRefusal = null);

/// <summary>An accepted operation as every client applies it: at <see cref="Revision"/>, by the given client.</summary>
[GenerateSerializer, Immutable]
public sealed record AppliedOperation(
    [property: Id(0)] Guid DocumentId,
    [property: Id(1)] long Revision,
    [property: Id(2)] TextOperation Op,
    [property: Id(3)] string ClientId,
    [property: Id(4)] long ClientSeq,
    [property: Id(5)] string AuthorId,
    [property: Id(6)] string AuthorName);

/// <summary>
/// A cursor (head) and selection (anchor..head) of one connection, in code points at <see cref="Revision"/>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PresenceView(
    [property: Id(0)] Guid DocumentId,
    [property: Id(1)] string ConnectionId,
    [property: Id(2)] string UserId,
    [property: Id(3)] string Name,
    [property: Id(4)] string Colour,
    [property: Id(5)] int Anchor,
    [property: Id(6)] int Head,
    [property: Id(7)] long Revision);

/// <summary>
/// What a client needs to (re)join: either the whole text at <see cref="Revision"/> (<see cref="Text"/> set),
/// or just the operations after the revision it already knows (<see cref="Operations"/> set).
/// </summary>
/// <remarks><see cref="Limits"/>: the server's configured limits on edits (null from a server that predates them:
/// <see cref="EditLimits.Defaults"/> then).</remarks>
[GenerateSerializer, Immutable]
public sealed record DocumentState(
    [property: Id(0)] DocumentInfo Document,
    [property: Id(1)] long Revision,
    [property: Id(2)] string? Text,
    [property: Id(3)] IReadOnlyList<AppliedOperation>? Operations,
    [property: Id(4)] IReadOnlyList<PresenceView> Presence,
    [property: Id(5)] EditLimits? Limits = null);

/// <summary>
/// The server's limits on edits, in code points (section <c>Documents</c>). A client cuts a local edit larger than one
/// operation may be into parts the server accepts, and takes back at once one that would make the text longer than
/// <see cref="MaxDocumentLength"/> (half of it would otherwise be saved before the rest was refused).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record EditLimits(
    [property: Id(0)] int MaxOperationLength,
    [property: Id(1)] int MaxOperationComponents,
    [property: Id(2)] int MaxDocumentLength)
{
    /// <summary>The server's defaults.</summary>
    public static EditLimits Defaults { get; } = new(100_000, 10_000, 1_000_000);
}

/// <summary>
/// What a client submits. <see cref="Op"/> is raw JSON rather than a <see cref="TextOperation"/> because the server
/// parses it itself: a malformed op is then refused with the parser's own message (code <c>invalid-operation</c>)
/// instead of SignalR's generic binding failure. Clients build it from a parsed op with <see cref="Of"/>.
/// </summary>
public sealed record SubmitRequest(Guid DocumentId, string ClientId, long ClientSeq, long BaseRevision, JsonElement Op)
{
    public static SubmitRequest Of(
        Guid documentId, string clientId, long clientSeq, long baseRevision, TextOperation op)
    {
        ArgumentNullException.ThrowIfNull(op);
        using var json = JsonDocument.Parse(op.ToJson());
        return new SubmitRequest(documentId, clientId, clientSeq, baseRevision, json.RootElement.Clone());
    }
}

/// <summary>
/// The revision the op got; <see cref="Duplicate"/> when it had been applied before and was not applied again.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SubmitResult(
    [property: Id(0)] long Revision,
    [property: Id(1)] bool Duplicate);

/// <summary>Hub path, method and callback names of /hubs/documents.</summary>
public static class DocumentHubNames
{
    public const string Path = "/hubs/documents";
    public const string OpenDocument = nameof(OpenDocument);
    public const string CatchUp = nameof(CatchUp);
    public const string Submit = nameof(Submit);
    public const string UpdatePresence = nameof(UpdatePresence);
    public const string CloseDocument = nameof(CloseDocument);
    public const string WatchDocuments = nameof(WatchDocuments);
    public const string OperationApplied = nameof(OperationApplied);
    public const string PresenceChanged = nameof(PresenceChanged);
    public const string PresenceRemoved = nameof(PresenceRemoved);
    public const string DocumentChanged = nameof(DocumentChanged);
}
