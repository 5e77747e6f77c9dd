using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Workspace.Collaboration.Ot;
using Workspace.Server.Features.Health;
using Workspace.Server.Features.Partnerships;

namespace Workspace.Server.Features.Documents;

public interface IDocumentClient
{
    Task OperationApplied(AppliedOperation operation);
    Task PresenceChanged(PresenceView presence);
    Task PresenceRemoved(Guid documentId, string connectionId);
    Task DocumentChanged(DocumentInfo document);
}

/// <summary>
/// What a client submits. <see cref="Op"/> stays raw JSON here so a malformed op is answered with the
/// parser's own message rather than SignalR's generic binding failure.
/// </summary>
public sealed record SubmitRequest(Guid DocumentId, string ClientId, long ClientSeq, long BaseRevision, JsonElement Op);

/// <summary>
/// Live co-editing. Every method authorises the caller against the document's partnership (a non-member
/// learns nothing, not even that the document exists), then delegates to the document's grain.
/// </summary>
[Authorize]
public sealed class DocumentHub(
    PartnershipAccess access,
    LiveConnections connections,
    PartnershipFeed feed,
    IGrainFactory grains,
    IntegrityAlarm alarm) : Hub<IDocumentClient>
{
    private const string UnknownDocument = "Unknown document.";

    /// <summary>How long a connection may rely on a membership check before asking again.</summary>
    private static readonly TimeSpan AccessTtl = TimeSpan.FromSeconds(10);

    private sealed record Access(Guid PartnershipId, MemberView Member, DateTimeOffset CheckedAt);

    public async Task<DocumentState> OpenDocument(Guid documentId, long? knownRevision)
    {
        var access = await AuthoriseAsync(documentId, PartnershipRole.Viewer, fresh: true);
        // Join before reading the state, so no operation falls between the two.
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(documentId));
        connections.Track(Context, access.Member.UserId, access.PartnershipId);
        Opened.TryAdd(documentId, 0);
        var state = await CallAsync(() => Grain(documentId).OpenAsync(knownRevision));
        return CheckNotAhead(documentId, knownRevision, state);
    }

    /// <summary>The operations after <paramref name="knownRevision"/> (or the text when they are no longer kept), without joining.</summary>
    public async Task<DocumentState> CatchUp(Guid documentId, long knownRevision)
    {
        await AuthoriseAsync(documentId, PartnershipRole.Viewer);
        var state = await CallAsync(() => Grain(documentId).OpenAsync(knownRevision));
        return CheckNotAhead(documentId, knownRevision, state);
    }

    /// <summary>
    /// A client only ever learns revisions that are on disk (they are broadcast after their commit), so one that knows
    /// more than the server has is evidence that stored edits were lost. The client keeps its own text (it notices the
    /// lower revision itself); the operator is alarmed. The user is named, as any member could claim a revision.
    /// </summary>
    private DocumentState CheckNotAhead(Guid documentId, long? knownRevision, DocumentState state)
    {
        if (knownRevision > state.Revision)
        {
            alarm.Raise($"ahead:{documentId}",
                $"A client of user {Context.UserIdentifier} knew revision {knownRevision} "
                + $"of document {documentId}, but the server has only revision {state.Revision}: "
                + "saved edits are missing from the database.");
        }
        return state;
    }

    public async Task<SubmitResult> Submit(SubmitRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var access = await AuthoriseAsync(request.DocumentId, PartnershipRole.Editor);
        if (request.Op.ValueKind != JsonValueKind.Array)
        {
            throw Refused("Invalid operation: an operation is a JSON array.");
        }
        if (!TextOperation.TryParse(request.Op.GetRawText(), out var op, out var error))
        {
            throw Refused($"Invalid operation: {error}");
        }
        var command = new SubmitCommand(request.ClientId ?? "", request.ClientSeq, request.BaseRevision, op!, PartnershipAccess.ActorOf(Context.User!, access.Member), Context.ConnectionId);
        return await CallAsync(() => Grain(request.DocumentId).SubmitAsync(command));
    }

    public async Task UpdatePresence(Guid documentId, long revision, int anchor, int head)
    {
        var access = await AuthoriseAsync(documentId, PartnershipRole.Viewer);
        if (!Opened.ContainsKey(documentId))
        {
            throw new HubException("Open the document first.");
        }
        await CallAsync(() => Grain(documentId).UpdatePresenceAsync(Context.ConnectionId, PartnershipAccess.ActorOf(Context.User!, access.Member), revision, anchor, head));
    }

    public async Task CloseDocument(Guid documentId)
    {
        Opened.TryRemove(documentId, out _);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, Group(documentId));
        await Grain(documentId).LeaveAsync(Context.ConnectionId);
    }

    /// <summary>Receive <c>DocumentChanged</c> for every document of a partnership (the documents list).</summary>
    public async Task WatchDocuments(Guid partnershipId)
    {
        var member = await access.FindMemberAsync(Context.User!, partnershipId) ?? throw new HubException("Unknown partnership.");
        await Groups.AddToGroupAsync(Context.ConnectionId, ListGroup(partnershipId));
        connections.Track(Context, member.UserId, partnershipId);
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var partnershipId in connections.Forget(Context.ConnectionId))
        {
            await feed.PublishOnlineAsync(partnershipId);
        }
        foreach (var documentId in Opened.Keys)
        {
            await Grain(documentId).LeaveAsync(Context.ConnectionId);
        }
        await base.OnDisconnectedAsync(exception);
    }

    public static string Group(Guid documentId) => $"doc:{documentId:N}";

    public static string ListGroup(Guid partnershipId) => $"docs:{partnershipId:N}";

    private IDocumentGrain Grain(Guid documentId) => grains.GetGrain<IDocumentGrain>(documentId);

    private ConcurrentDictionary<Guid, byte> Opened =>
        (ConcurrentDictionary<Guid, byte>)(Context.Items.TryGetValue("documents.opened", out var o) ? o! : Context.Items["documents.opened"] = new ConcurrentDictionary<Guid, byte>());

    private async Task<Access> AuthoriseAsync(Guid documentId, PartnershipRole minimum, bool fresh = false)
    {
        var key = "documents.access:" + documentId.ToString("N");
        if (fresh || !Context.Items.TryGetValue(key, out var cached) || cached is not Access found || DateTimeOffset.UtcNow - found.CheckedAt > AccessTtl)
        {
            var info = await Grain(documentId).GetInfoAsync();
            var member = info is null || info.Deleted ? null : await access.FindMemberAsync(Context.User!, info.PartnershipId);
            if (member is null)
            {
                Context.Items.Remove(key);
                throw Refused(UnknownDocument);
            }
            found = new Access(info!.PartnershipId, member, DateTimeOffset.UtcNow);
            Context.Items[key] = found;
        }
        if (found.Member.Role < minimum)
        {
            throw Refused($"This needs the {minimum} role; you are {found.Member.Role}.");
        }
        return found;
    }

    /// <summary>
    /// A refusal the client must not retry: the edit can never apply, so it is dropped (and the person told).
    /// Every other error (a failed save, an unexpected fault) leaves the edit pending, to be sent again.
    /// </summary>
    private static HubException Refused(string message) => new(DocumentRejectedException.RefusedPrefix + message);

    private static HubException ToHubException(DocumentRejectedException ex) => ex.StatusCode switch
    {
        409 or 503 => new HubException(ex.Message), // resync, or try again: nothing is lost
        _ => Refused(ex.Message),
    };

    private static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (DocumentRejectedException ex)
        {
            throw ToHubException(ex);
        }
    }

    private static async Task CallAsync(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (DocumentRejectedException ex)
        {
            throw ToHubException(ex);
        }
    }
}
