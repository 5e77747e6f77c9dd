using Microsoft.AspNetCore.SignalR;
using Orleans.Concurrency;
using Workspace.Collaboration.Documents;
using Workspace.Collaboration.Ot;

namespace Workspace.Floor;

[GenerateSerializer, Immutable]
public sealed record FloorSubmit(
    [property: Id(0)] string ClientId,
    [property: Id(1)] long ClientSeq,
    [property: Id(2)] long BaseRevision,
    [property: Id(3)] TextOperation Op,
    [property: Id(4)] string ConnectionId);

public interface IFloorGrain : IGrainWithGuidKey
{
    Task<FloorOpened> OpenAsync();

    /// <summary>Interleaves with itself like the product's: the op is ordered and applied before the first await, so
    /// ops of one document can share a group commit.</summary>
    [AlwaysInterleave]
    Task<SubmitResult> SubmitAsync(FloorSubmit command);
}

/// <summary>
/// One document per grain (the single authority), in memory; with a <see cref="FloorLog"/> each op is durable (group
/// commit, fsync) before it is acknowledged and broadcast. It broadcasts through the hub context like the product's
/// document grain.
/// </summary>
public sealed class FloorGrain(IHubContext<FloorHub, IFloorClient> hub, FloorLog log) : Grain, IFloorGrain
{
    private FloorDocument? _document;
    private string? _group;

    private FloorDocument Document => _document ??= new FloorDocument(this.GetPrimaryKey());

    private string Group => _group ??= FloorHub.Group(this.GetPrimaryKey());

    public Task<FloorOpened> OpenAsync()
    {
        var (revision, text) = Document.Open();
        return Task.FromResult(new FloorOpened(this.GetPrimaryKey(), revision, text));
    }

    public async Task<SubmitResult> SubmitAsync(FloorSubmit command)
    {
        var applied = Document.Submit(command.ClientId, command.ClientSeq, command.BaseRevision, command.Op);
        if (log.Enabled)
        {
            await log.AppendAsync(applied);
        }
        await hub.Clients.GroupExcept(Group, command.ConnectionId).OperationApplied(applied);
        return new SubmitResult(applied.Revision, Duplicate: false);
    }
}

/// <summary>Orleans carries a <see cref="TextOperation"/> as its JSON wire format (as in the product).</summary>
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
