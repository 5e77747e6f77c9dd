using Workspace.Collaboration.Ot;
using Workspace.Server.Kernel;

namespace Workspace.Server.Features.Documents;

[GenerateSerializer, Immutable]
public sealed record DocumentInfo(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid PartnershipId,
    [property: Id(2)] string Title,
    [property: Id(3)] long Revision,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] DateTimeOffset UpdatedAt,
    [property: Id(6)] bool Deleted);

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

/// <summary>A cursor (head) and selection (anchor..head) of one connection, in code points at <see cref="Revision"/>.</summary>
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
[GenerateSerializer, Immutable]
public sealed record DocumentState(
    [property: Id(0)] DocumentInfo Document,
    [property: Id(1)] long Revision,
    [property: Id(2)] string? Text,
    [property: Id(3)] IReadOnlyList<AppliedOperation>? Operations,
    [property: Id(4)] IReadOnlyList<PresenceView> Presence);

[GenerateSerializer, Immutable]
public sealed record SubmitCommand(
    [property: Id(0)] string ClientId,
    [property: Id(1)] long ClientSeq,
    [property: Id(2)] long BaseRevision,
    [property: Id(3)] TextOperation Op,
    [property: Id(4)] Actor Author,
    [property: Id(5)] string ConnectionId);

/// <summary>The revision the op got; <see cref="Duplicate"/> when it had been applied before and was not applied again.</summary>
[GenerateSerializer, Immutable]
public sealed record SubmitResult(
    [property: Id(0)] long Revision,
    [property: Id(1)] bool Duplicate);

/// <summary>Orleans carries a <see cref="TextOperation"/> as its JSON wire format.</summary>
[GenerateSerializer]
public struct TextOperationSurrogate
{
    [Id(0)]
    public string Json;
}

[RegisterConverter]
public sealed class TextOperationSurrogateConverter : IConverter<TextOperation, TextOperationSurrogate>
{
    public TextOperation ConvertFromSurrogate(in TextOperationSurrogate surrogate) => TextOperation.Parse(surrogate.Json);

    public TextOperationSurrogate ConvertToSurrogate(in TextOperation value) => new() { Json = value.ToJson() };
}

/// <summary>A passage of a document (what a comment is about): code points <see cref="From"/>..<see cref="To"/> of its text at <see cref="Revision"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record PassageAnchor(
    [property: Id(0)] long Revision,
    [property: Id(1)] int From,
    [property: Id(2)] int To);

/// <summary>Where a passage is now: its anchor at the document's current revision, and what it reads there.</summary>
[GenerateSerializer, Immutable]
public sealed record LocatedPassage(
    [property: Id(0)] PassageAnchor Anchor,
    [property: Id(1)] string Text);
