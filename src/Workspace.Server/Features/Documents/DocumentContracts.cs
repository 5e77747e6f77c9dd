using Workspace.Collaboration.Ot;
using Workspace.Server.Kernel;

namespace Workspace.Server.Features.Documents;

// The hub's wire records live in Workspace.Collaboration.Documents (shared with the .NET client); this is what only
// the server's grains pass around.

[GenerateSerializer, Immutable]
public sealed record SubmitCommand(
    [property: Id(0)] string ClientId,
    [property: Id(1)] long ClientSeq,
    [property: Id(2)] long BaseRevision,
    [property: Id(3)] TextOperation Op,
    [property: Id(4)] Actor Author,
    [property: Id(5)] string ConnectionId);

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
    public TextOperation ConvertFromSurrogate(in TextOperationSurrogate surrogate) =>
        TextOperation.Parse(surrogate.Json);

    public TextOperationSurrogate ConvertToSurrogate(in TextOperation value) => new() { Json = value.ToJson() };
}

/// <summary>
/// A passage of a document (what a comment is about): code points <see cref="From"/>..<see cref="To"/> of its text at
/// <see cref="Revision"/>.
/// </summary>
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
