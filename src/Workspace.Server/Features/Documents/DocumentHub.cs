using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Workspace.Collaboration.Documents;
using Workspace.Collaboration.Errors;
using Workspace.Collaboration.Ot;
using Workspace.Server.Features.Health;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel;

namespace Workspace.Server.Features.Documents;

public interface IDocumentClient
{
    Task OperationApplied(AppliedOperation operation);
    Task PresenceChanged(PresenceView presence);
    Task PresenceRemoved(Guid documentId, string connectionId);
    Task DocumentChanged(DocumentInfo document);
}

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

    private sealed record Access(Guid PartnershipId, MemberView Member);

    public async Task<DocumentState> OpenDocument(Guid documentId, long? knownRevision)
    {
        await AuthoriseAsync(documentId, PartnershipRole.Viewer, fresh: true);
        // Join before reading the state, so no operation falls between the two.
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(documentId));
        Opened.TryAdd(documentId, 0);
        var state = (await Grain(documentId).OpenAsync(knownRevision)).OrHubRefusal();
        return CheckNotAhead(documentId, knownRevision, state);
    }

    /// <summary>
    /// The operations after <paramref name="knownRevision"/> (or the text when they are no longer kept), without
    /// joining.
    /// </summary>
    public async Task<DocumentState> CatchUp(Guid documentId, long knownRevision)
    {
        await AuthoriseAsync(documentId, PartnershipRole.Viewer);
        var state = (await Grain(documentId).OpenAsync(knownRevision)).OrHubRefusal();
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
            throw Refused(ErrorCodes.InvalidOperation, "Invalid operation: an operation is a JSON array.");
        }
        // Parsed from the message's own UTF-8 bytes (valid UTF-8: the hub protocol's reader checked them), not from a
        // string copy of them.
        if (!TextOperation.TryParse(JsonMarshal.GetRawUtf8Value(request.Op), out var op, out var error))
        {
            throw Refused(ErrorCodes.InvalidOperation, $"Invalid operation: {error}");
        }
        var author = PartnershipAccess.ActorOf(Context.User!, access.Member);
        var command = new SubmitCommand(
            request.ClientId ?? "", request.ClientSeq, request.BaseRevision, op!, author, Context.ConnectionId);
        return (await Grain(request.DocumentId).SubmitAsync(command)).OrHubRefusal();
    }

    public async Task UpdatePresence(Guid documentId, long revision, int anchor, int head)
    {
        var access = await AuthoriseAsync(documentId, PartnershipRole.Viewer);
        if (!Opened.ContainsKey(documentId))
        {
            throw Refusal.ToHub(ErrorCodes.OpenFirst, "Open the document first.", final: false);
        }
        var actor = PartnershipAccess.ActorOf(Context.User!, access.Member);
        (await Grain(documentId).UpdatePresenceAsync(Context.ConnectionId, actor, revision, anchor, head))
            .OrHubRefusal();
    }

    public async Task CloseDocument(Guid documentId)
    {
        if (!Opened.TryRemove(documentId, out _))
        {
            // Only a document this connection opened (and so was allowed to) is left.
            throw Refused(ErrorCodes.UnknownDocument, UnknownDocument);
        }
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, Group(documentId));
        await Grain(documentId).LeaveAsync(Context.ConnectionId);
        if (SlotOf(documentId).Partnership is { } partnership)
        {
            LeaveIfUnused(partnership.Id);
        }
    }

    /// <summary>Receive <c>DocumentChanged</c> for every document of a partnership (the documents list).</summary>
    public async Task WatchDocuments(Guid partnershipId)
    {
        var member = await access.FindMemberAsync(Context.User!, partnershipId) ?? throw Refusal.ToHub(
            ErrorCodes.UnknownPartnership, "Unknown partnership.", final: false);
        await Groups.AddToGroupAsync(Context.ConnectionId, ListGroup(partnershipId));
        Watched.TryAdd(partnershipId, 0);
        connections.Track(Context, member.UserId, partnershipId);
    }

    /// <summary>
    /// The documents list was left: no more <c>DocumentChanged</c> for the partnership's documents. The connection is
    /// kept (the browser shares one per tab), so it also stops counting as online in the partnership unless a document
    /// of it is still open here.
    /// </summary>
    public async Task UnwatchDocuments(Guid partnershipId)
    {
        _ = await access.FindMemberAsync(Context.User!, partnershipId) ?? throw Refusal.ToHub(
            ErrorCodes.UnknownPartnership, "Unknown partnership.", final: false);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, ListGroup(partnershipId));
        Watched.TryRemove(partnershipId, out _);
        LeaveIfUnused(partnershipId);
    }

    /// <summary>
    /// Untracks the connection in a partnership it neither watches nor has a document of open: tracked, it would
    /// count as the person being online there (and it receives nothing of it that a removal would have to cut).
    /// </summary>
    private void LeaveIfUnused(Guid partnershipId)
    {
        var used = Watched.ContainsKey(partnershipId)
            || Opened.Keys.Any(id => SlotOf(id).Partnership is { } p && p.Id == partnershipId);
        if (!used && connections.Leave(Context.ConnectionId, partnershipId))
        {
            feed.PublishOnlineSoon(partnershipId);
        }
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var partnershipId in connections.Forget(Context.ConnectionId))
        {
            feed.PublishOnlineSoon(partnershipId); // never waits for the push (see PartnershipHub)
        }
        foreach (var documentId in Opened.Keys)
        {
            await Grain(documentId).LeaveAsync(Context.ConnectionId);
        }
        await base.OnDisconnectedAsync(exception);
    }

    public static string Group(Guid documentId) => $"doc:{documentId:N}";

    public static string ListGroup(Guid partnershipId) => $"docs:{partnershipId:N}";

    /// <summary>
    /// This connection's reference to the document's grain, resolved once: <c>GetGrain</c> looks the interface up
    /// again on every call, which cost ~6 % of the server's CPU under co-editing load.
    /// </summary>
    private IDocumentGrain Grain(Guid documentId) => SlotOf(documentId).Grain;

    private Slot SlotOf(Guid documentId)
    {
        var slots = (ConcurrentDictionary<Guid, Slot>)(Context.Items.TryGetValue("documents.slots", out var o)
            ? o!
            : Context.Items["documents.slots"] = new ConcurrentDictionary<Guid, Slot>());
        return slots.TryGetValue(documentId, out var slot)
            ? slot
            : slots.GetOrAdd(documentId, id => new Slot(grains.GetGrain<IDocumentGrain>(id)));
    }

    /// <summary>What a connection keeps per document it used: grain references, the (unchanging) partnership.</summary>
    private sealed class Slot(IDocumentGrain grain)
    {
        public IDocumentGrain Grain { get; } = grain;

        public (Guid Id, IPartnershipGrain Grain)? Partnership { get; set; }
    }

    /// <summary>The partnerships whose documents list this connection watches.</summary>
    private ConcurrentDictionary<Guid, byte> Watched =>
        (ConcurrentDictionary<Guid, byte>)(Context.Items.TryGetValue("documents.watched", out var o)
            ? o!
            : Context.Items["documents.watched"] = new ConcurrentDictionary<Guid, byte>());

    private ConcurrentDictionary<Guid, byte> Opened =>
        (ConcurrentDictionary<Guid, byte>)(Context.Items.TryGetValue("documents.opened", out var o)
            ? o!
            : Context.Items["documents.opened"] = new ConcurrentDictionary<Guid, byte>());

    /// <summary>
    /// Who the caller is in the document's partnership, looked up on every call (in the partnership grain's own list,
    /// which <see cref="MemberDirectory"/> holds on the grain's node, or by asking the grain): a removal or a role
    /// change counts from the very next call, on every node, whatever this connection did before. Only the document's
    /// partnership, which never changes, and the grain references are remembered.
    /// Every connection that passes is tracked, so a removal also aborts it at once.
    /// </summary>
    private async ValueTask<Access> AuthoriseAsync(Guid documentId, PartnershipRole minimum, bool fresh = false)
    {
        var (partnershipId, partnership) = await PartnershipOfAsync(documentId, fresh);
        var member = await access.FindMemberAsync(Context.User!, partnershipId, partnership)
            ?? throw Refused(ErrorCodes.UnknownDocument, UnknownDocument);
        connections.Track(Context, member.UserId, partnershipId);
        if (member.Role < minimum)
        {
            throw Refused(ErrorCodes.RoleTooLow, $"This needs the {minimum} role; you are {member.Role}.",
                ("needed", minimum), ("role", member.Role));
        }
        return new Access(partnershipId, member);
    }

    private async ValueTask<(Guid Id, IPartnershipGrain Grain)> PartnershipOfAsync(Guid documentId, bool fresh)
    {
        var slot = SlotOf(documentId);
        if (!fresh && slot.Partnership is { } known)
        {
            return known;
        }
        var info = await slot.Grain.GetInfoAsync();
        if (info is null || info.Deleted)
        {
            slot.Partnership = null;
            throw Refused(ErrorCodes.UnknownDocument, UnknownDocument);
        }
        var partnership = slot.Partnership is { } cached && cached.Id == info.PartnershipId
            ? cached
            : (info.PartnershipId, grains.GetGrain<IPartnershipGrain>(info.PartnershipId));
        slot.Partnership = partnership;
        return partnership;
    }

    /// <summary>
    /// A refusal the client must not retry: the edit can never apply, so it is dropped (and the person told).
    /// Every other error (a failed save, an unexpected fault) leaves the edit pending, to be sent again; the grain's
    /// own refusals are turned into hub errors by <see cref="HubCallLogging"/>.
    /// </summary>
    private static HubException Refused(string code, string message, params (string Name, object? Value)[] args) =>
        Refusal.ToHub(code, message, final: true, args);
}
