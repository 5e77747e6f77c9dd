using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Microsoft.AspNetCore.SignalR;
using Workspace.Collaboration.Documents;
using Workspace.Collaboration.Ot;

namespace Workspace.Floor;

public interface IFloorClient
{
    Task OperationApplied(AppliedOperation operation);
}

/// <summary>What <c>OpenDocument</c> answers (the fields the load generator reads of the product's answer).</summary>
[GenerateSerializer, Immutable]
public sealed record FloorOpened(
    [property: Id(0)] Guid DocumentId, [property: Id(1)] long Revision, [property: Id(2)] string Text);

/// <summary>How the floor server keeps its documents (its --mode).</summary>
public sealed record FloorSettings(bool UseGrains);

/// <summary>The documents of the grain-less mode, by id.</summary>
public sealed class FloorDocuments
{
    private readonly ConcurrentDictionary<Guid, FloorDocument> _documents = new();

    public FloorDocument Get(Guid id) => _documents.GetOrAdd(id, i => new FloorDocument(i));
}

/// <summary>
/// The product's /hubs/documents as the load generator uses it (OpenDocument, Submit, OperationApplied to the others
/// of the document), with no sign-in, no membership check and no storage. Without grains the hub applies the op and
/// broadcasts itself; with grains it calls the document's grain, which broadcasts, as the product's does.
/// </summary>
public sealed class FloorHub(FloorSettings settings, FloorDocuments documents, IServiceProvider services)
    : Hub<IFloorClient>
{
    public static string Group(Guid documentId) => $"doc:{documentId:N}";

    public async Task<FloorOpened> OpenDocument(Guid documentId, long? knownRevision)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(documentId));
        if (settings.UseGrains)
        {
            return await Grain(documentId).OpenAsync();
        }
        var (revision, text) = documents.Get(documentId).Open();
        return new FloorOpened(documentId, revision, text);
    }

    public async Task<SubmitResult> Submit(SubmitRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var op = TextOperation.Parse(JsonMarshal.GetRawUtf8Value(request.Op));
        if (settings.UseGrains)
        {
            return await Grain(request.DocumentId).SubmitAsync(new FloorSubmit(
                request.ClientId, request.ClientSeq, request.BaseRevision, op, Context.ConnectionId));
        }
        var applied = documents.Get(request.DocumentId)
            .Submit(request.ClientId, request.ClientSeq, request.BaseRevision, op);
        await Clients.OthersInGroup(Group(request.DocumentId)).OperationApplied(applied);
        return new SubmitResult(applied.Revision, Duplicate: false);
    }

    /// <summary>The grain reference, resolved once per connection (as the product's hub does).</summary>
    private IFloorGrain Grain(Guid documentId)
    {
        if (Context.Items.TryGetValue(documentId, out var known))
        {
            return (IFloorGrain)known!;
        }
        var grain = services.GetRequiredService<IGrainFactory>().GetGrain<IFloorGrain>(documentId);
        Context.Items[documentId] = grain;
        return grain;
    }
}
