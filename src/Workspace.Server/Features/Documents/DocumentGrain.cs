using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Workspace.Collaboration.Errors;
using Workspace.Collaboration.Ot;
using Workspace.Server.Data;
using Workspace.Server.Features.ActionItems;
using Workspace.Server.Features.Health;
using Workspace.Server.Features.Partnerships;

namespace Workspace.Server.Features.Documents;

public interface IDocumentGrain : IGrainWithGuidKey
{
    Task<DocumentInfo> CreateAsync(Guid partnershipId, string title, Actor actor);

    /// <summary>The document, or null when it does not exist (deleted ones are returned with <c>Deleted</c> set).</summary>
    Task<DocumentInfo?> GetInfoAsync();

    Task<DocumentInfo> RenameAsync(string title, Actor actor);

    Task DeleteAsync(Actor actor);

    /// <summary>The text (or the operations after <paramref name="knownRevision"/>) and who else is here.</summary>
    Task<DocumentState> OpenAsync(long? knownRevision);

    /// <summary>
    /// Interleaves with itself: everything that orders and changes the text runs before the first await, so ops are
    /// still handled one at a time, but the next op need not wait for the previous one's commit. Many ops of one
    /// document then share a group commit instead of each paying a full commit latency.
    /// </summary>
    [AlwaysInterleave]
    Task<SubmitResult> SubmitAsync(SubmitCommand command);

    Task UpdatePresenceAsync(string connectionId, Actor actor, long revision, int anchor, int head);

    Task LeaveAsync(string connectionId);

    /// <summary>
    /// Makes the text read <paramref name="text"/> (an earlier version) through one ordinary operation by
    /// <paramref name="actor"/>, stored and broadcast to every co-editor. Returns the new revision (the current one
    /// when the text already reads so).
    /// </summary>
    Task<long> RestoreAsync(string text, Actor actor);

    /// <summary>
    /// Where each passage is now, moved through every operation since its revision; null for one that is not a
    /// passage of that revision, was deleted since, or is more than <c>Documents:HistoryOperations</c> old.
    /// </summary>
    Task<IReadOnlyList<LocatedPassage?>> LocatePassagesAsync(IReadOnlyList<PassageAnchor> anchors);

    /// <summary>
    /// Appends <c>#A12</c> to the first unlinked task line of each title, making the link visible to everyone.
    /// Refused unless <paramref name="partnershipId"/> (the calling action items') is the document's partnership.
    /// </summary>
    [OneWay]
    Task LinkChecklistLinesAsync(Guid partnershipId, IReadOnlyList<ChecklistLink> links);

    /// <summary>
    /// Makes the task line linked to an action item say what the item now says (it changed on the board).
    /// Refused unless <paramref name="partnershipId"/> (the item's) is the document's partnership.
    /// </summary>
    [OneWay]
    Task MirrorChecklistLineAsync(Guid partnershipId, ChecklistMirror item);
}

/// <summary>
/// The single authority for one document's text. Non-reentrant, so operations are ordered one at a time:
/// transform against what the sender had not seen, persist through the group-commit writer, apply,
/// then acknowledge and broadcast. Broadcasting from here (not from the hub after the call returns) keeps
/// every connection's stream in revision order, because the next op cannot start before this one is sent.
/// </summary>
public sealed partial class DocumentGrain(
    IDbContextFactory<WorkspaceDb> dbs,
    OperationWriter writer,
    IOptions<DocumentOptions> options,
    IHubContext<DocumentHub, IDocumentClient> hub,
    IntegrityAlarm alarm,
    ILogger<DocumentGrain> log) : Grain, IDocumentGrain
{
    private sealed class Presence
    {
        public required PresenceView View { get; set; }
        public DateTimeOffset SeenAt { get; set; }
    }

    private static readonly string[] Colours = ["#d9480f", "#1971c2", "#2f9e44", "#9c36b5", "#e8590c", "#0c8599", "#c2255c", "#5f3dc4", "#66a80f", "#1864ab"];

    private readonly DocumentOptions _options = options.Value;
    private Document? _document;
    private TextDocument _text = new("");
    private long _revision;
    /// <summary>The most recent operations; <c>_recent[i]</c> has revision <c>_firstRecent + i</c>.</summary>
    private readonly List<AppliedOperation> _recent = [];
    private readonly List<int> _lengthAfter = [];
    private long _firstRecent = 1;
    private readonly SnapshotPolicy _snapshots = new(options.Value);
    private readonly Dictionary<string, ClientSeen> _clients = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Presence> _presence = new(StringComparer.Ordinal);
    private IGrainTimer? _presenceTimer;
    /// <summary>The latest queued write; writes commit in order, so awaiting it awaits every earlier one.</summary>
    private Task _lastWrite = Task.CompletedTask;
    /// <summary>Set when a write failed: memory may be ahead of the database, so nothing more is accepted here.</summary>
    private bool _broken;
    /// <summary>Names this activation's writes: once one fails, no later one is stored (no gap in the log).</summary>
    private readonly Guid _activation = Guid.NewGuid();

    private Guid Id => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        _document = await db.Set<Document>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == Id, cancellationToken);
        if (_document is null)
        {
            return;
        }

        var snapshot = await db.Set<DocumentSnapshot>().AsNoTracking()
            .Where(s => s.DocumentId == Id).OrderByDescending(s => s.Revision).FirstOrDefaultAsync(cancellationToken);
        var snapshotRevision = snapshot?.Revision ?? 0;
        _text = new TextDocument(snapshot is null ? "" : SnapshotCodec.TextOf(snapshot));
        _snapshots.Load(await db.Set<DocumentSnapshot>().AsNoTracking()
            .Where(s => s.DocumentId == Id).Select(s => s.Revision).ToListAsync(cancellationToken));
        _revision = snapshotRevision;

        var from = Math.Max(0, snapshotRevision - _options.RetainedOperations);
        var rows = await db.Set<DocumentOperation>().AsNoTracking()
            .Where(o => o.DocumentId == Id && o.Revision > from)
            .OrderBy(o => o.Revision)
            .ToListAsync(cancellationToken);
        _firstRecent = rows.Count > 0 ? rows[0].Revision : snapshotRevision + 1;
        foreach (var row in rows)
        {
            var applied = new AppliedOperation(Id, row.Revision, TextOperation.Parse(row.Operation), row.ClientId, row.ClientSeq, row.AuthorId, "");
            if (row.Revision > snapshotRevision)
            {
                if (row.Revision != _revision + 1)
                {
                    throw new InvalidOperationException($"Document {Id}: revision {row.Revision} follows {_revision}; the log has a gap.");
                }
                _text.Apply(applied.Op);
                _revision = row.Revision;
                _snapshots.Count(applied.Op, row.Revision);
            }
            _recent.Add(applied);
            _lengthAfter.Add(row.Revision > snapshotRevision ? _text.Length : -1);
        }
        // Lengths before the snapshot are not known without replaying; -1 there means "cannot check, let transform decide".

        await LoadClientsAsync(db, cancellationToken);
        RememberChecklist();
        log.LogDebug("Document {Id} activated at revision {Revision}.", Id, _revision);
    }

    public async Task<DocumentInfo> CreateAsync(Guid partnershipId, string title, Actor actor)
    {
        if (_document is not null)
        {
            throw new DocumentRejectedException(
                ErrorCodes.DocumentExists, "This document already exists.") { StatusCode = 409 };
        }
        var now = DateTimeOffset.UtcNow;
        var document = new Document { Id = Id, PartnershipId = partnershipId, Title = CheckTitle(title), CreatedBy = actor.UserId, CreatedAt = now, UpdatedAt = now };
        await using (var db = await dbs.CreateDbContextAsync())
        {
            db.Add(document);
            await db.SaveChangesAsync();
        }
        _document = document;
        await PublishInfoAsync();
        return Info();
    }

    public Task<DocumentInfo?> GetInfoAsync() => Task.FromResult(_document is null ? null : Info());

    public async Task<DocumentInfo> RenameAsync(string title, Actor actor)
    {
        var document = Live();
        var clean = CheckTitle(title);
        await UpdateAsync(d => d.Title = clean);
        document.Title = clean;
        await PublishInfoAsync();
        return Info();
    }

    public async Task DeleteAsync(Actor actor)
    {
        var document = Live();
        var now = DateTimeOffset.UtcNow;
        await UpdateAsync(d => d.DeletedAt = now);
        document.DeletedAt = now;
        await PublishInfoAsync();
    }

    public async Task<DocumentState> OpenAsync(long? knownRevision)
    {
        Live();
        // Only what is on disk is handed out: a revision still on its way to the group commit could be taken back by
        // a crash, and a client that had seen it would then edit against text the server no longer has. Ops applied
        // meanwhile (submits interleave) are waited for too, so the state below is captured with nothing in flight.
        for (var round = 0; !_lastWrite.IsCompleted && round < 100; round++)
        {
            try
            {
                await _lastWrite;
            }
            catch (Exception ex)
            {
                // The submit that queued it logs the failure and marks the grain broken.
                throw new DocumentRejectedException(
                    ErrorCodes.DocumentReloading,
                    "The document is being reloaded after a failed save; try again in a moment.", ex) { StatusCode = 503 };
            }
        }
        if (_broken)
        {
            throw new DocumentRejectedException(
                ErrorCodes.DocumentReloading,
                "The document is being reloaded after a failed save; try again in a moment.") { StatusCode = 503 };
        }
        IReadOnlyList<AppliedOperation>? ops = null;
        if (knownRevision is { } known && known >= _firstRecent - 1 && known <= _revision)
        {
            ops = _recent.GetRange((int)(known + 1 - _firstRecent), (int)(_revision - known));
        }
        return new DocumentState(Info(), _revision, ops is null ? _text.ToString() : null, ops, _presence.Values.Select(p => p.View).ToList());
    }

    public async Task<SubmitResult> SubmitAsync(SubmitCommand command)
    {
        Live();
        if (string.IsNullOrEmpty(command.ClientId) || command.ClientId.Length > 64 || command.ClientId.StartsWith(ServerClientId, StringComparison.Ordinal))
        {
            throw new DocumentRejectedException(
                ErrorCodes.InvalidClientId,
                "A client id of 1 to 64 characters is needed (and it may not start with \"server\").");
        }
        if (_broken)
        {
            throw new DocumentRejectedException(
                ErrorCodes.SaveFailed, "The change could not be saved; it will be retried.") { StatusCode = 503 };
        }
        var seen = CheckClient(command);
        // Idempotence first: a resubmitted op is answered, never applied twice, whatever else changed since.
        if (seen is not null && command.ClientSeq <= seen.Seq)
        {
            var original = await RevisionOfAsync(command.ClientId, command.ClientSeq, seen);
            await _lastWrite; // it may still be on its way to the disk
            return new SubmitResult(original, Duplicate: true);
        }
        if (command.BaseRevision > _revision)
        {
            // Revisions are only ever handed out once on disk, so this one was stored and is gone (see DocumentHub).
            alarm.Raise($"ahead:{Id}", $"User {command.Author.UserId} edited revision {command.BaseRevision} of "
                + $"document {Id}, but the server has only revision {_revision}: "
                + "saved edits are missing from the database.");
            throw new DocumentRejectedException(
                ErrorCodes.Resync, $"Resync required: base revision {command.BaseRevision} is ahead of the server's {_revision}.") { StatusCode = 409 };
        }
        if (command.BaseRevision < 0)
        {
            throw new DocumentRejectedException(
                ErrorCodes.UnknownRevision, $"Base revision {command.BaseRevision} does not exist; the document is at revision {_revision}.",
                ("revision", command.BaseRevision));
        }
        if (command.BaseRevision < _firstRecent - 1)
        {
            throw new DocumentRejectedException(
                ErrorCodes.Resync, $"Resync required: the operation is based on revision {command.BaseRevision}, but the server keeps only revisions after {_firstRecent - 1}.") { StatusCode = 409 };
        }

        var op = command.Op;
        CheckSize(op);
        var baseLength = LengthAt(command.BaseRevision);
        if (baseLength >= 0 && op.BaseLength > baseLength)
        {
            throw new DocumentRejectedException(
                ErrorCodes.InvalidOperation,
                $"The operation reaches code point {op.BaseLength}, but the document had {baseLength} at revision {command.BaseRevision}.");
        }
        try
        {
            for (var r = command.BaseRevision + 1; r <= _revision; r++)
            {
                op = TextType.Transform(op, _recent[(int)(r - _firstRecent)].Op, Side.Left);
            }
            if (op.BaseLength > _text.Length)
            {
                throw new DocumentRejectedException(
                    ErrorCodes.InvalidOperation,
                    $"The operation reaches code point {op.BaseLength}, but the document has {_text.Length}.");
            }
            _text.CheckDeletedText(op);
        }
        catch (OtException ex)
        {
            throw new DocumentRejectedException(ErrorCodes.InvalidOperation, $"Invalid operation: {ex.Message}");
        }
        if ((long)_text.Length + op.LengthDelta > _options.MaxDocumentLength)
        {
            throw new DocumentRejectedException(
                ErrorCodes.DocumentTooLong, $"The document would exceed its limit of {_options.MaxDocumentLength} characters.", ("max", _options.MaxDocumentLength)) { StatusCode = 413 };
        }

        // Ordered and applied before the first await (see the interface); acknowledged and broadcast only once durable.
        var (applied, write) = Apply(op, command.ClientId, command.ClientSeq, command.Author, command.ConnectionId);
        var revision = applied.Revision;

        try
        {
            await write;
        }
        catch (Exception ex)
        {
            log.LogError(ex, "Could not store revision {Revision} of document {Id}.", revision, Id);
            // Memory is now ahead of the database: refuse everything and reload from the database on next use.
            _broken = true;
            DeactivateOnIdle();
            throw new DocumentRejectedException(
                ErrorCodes.SaveFailed, "The change could not be saved; it will be retried.") { StatusCode = 503 };
        }

        await hub.Clients.GroupExcept(DocumentHub.Group(Id), command.ConnectionId).OperationApplied(applied);
        return new SubmitResult(revision, Duplicate: false);
    }

    public async Task<long> RestoreAsync(string text, Actor actor)
    {
        Live();
        if (_broken)
        {
            throw new DocumentRejectedException(
                ErrorCodes.DocumentReloading,
                "The document is being reloaded after a failed save; try again in a moment.") { StatusCode = 503 };
        }
        return await ServerEditAsync(TextOperation.Replace(_text.ToString(), text), actor)
            ?? throw new DocumentRejectedException(
                ErrorCodes.SaveFailed,
                "The earlier version could not be saved; try again in a moment.") { StatusCode = 503 };
    }

    /// <summary>
    /// An edit the server makes at the head revision (a checklist link, a board change, a restored version), on behalf
    /// of <paramref name="author"/> or of the workspace itself: stored, then broadcast to every connection. Returns the
    /// document's revision afterwards, or null when it could not be stored.
    /// </summary>
    private async Task<long?> ServerEditAsync(TextOperation op, Actor? author = null)
    {
        if (_document is not { DeletedAt: null } || _broken)
        {
            return null;
        }
        if (op.IsNoop)
        {
            return _revision;
        }
        var seq = _clients.TryGetValue(ServerClientId, out var seen) ? seen.Seq + 1 : 1;
        var (applied, write) = Apply(op, ServerClientId, seq, author ?? ServerAuthor, "");
        try
        {
            await write;
        }
        catch (Exception ex)
        {
            log.LogError(ex, "Could not store server edit {Revision} of document {Id}.", applied.Revision, Id);
            _broken = true;
            DeactivateOnIdle();
            return null;
        }
        await hub.Clients.Group(DocumentHub.Group(Id)).OperationApplied(applied);
        return applied.Revision;
    }

    /// <summary>Applies a transformed op at the head revision and queues its durable write (the caller awaits it).</summary>
    private (AppliedOperation Applied, Task Write) Apply(TextOperation op, string clientId, long clientSeq, Actor author, string connectionId)
    {
        var revision = _revision + 1;
        var applied = new AppliedOperation(Id, revision, op, clientId, clientSeq, author.UserId, author.DisplayName);
        var write = writer.WriteAsync(new DocumentOperation
        {
            DocumentId = Id,
            Revision = revision,
            ClientId = clientId,
            ClientSeq = clientSeq,
            AuthorId = author.UserId,
            Operation = op.ToJson(),
            At = DateTimeOffset.UtcNow,
        }, _activation);
        _lastWrite = write;
        _text.Apply(op);
        _revision = revision;
        _recent.Add(applied);
        _lengthAfter.Add(_text.Length);
        Trim();
        var owner = _clients.GetValueOrDefault(clientId)?.Owner ?? (clientId == ServerClientId ? "" : author.UserId);
        _clients[clientId] = new ClientSeen(owner, clientSeq, revision);
        TransformPresence(op, connectionId);
        _snapshots.Count(op, revision);
        if (_snapshots.Due(revision, _text.Length))
        {
            TakeSnapshot(revision);
        }
        TextChanged(author);
        return (applied, write);
    }

    public async Task UpdatePresenceAsync(string connectionId, Actor actor, long revision, int anchor, int head)
    {
        Live();
        if (revision < 0 || anchor < 0 || head < 0 || Math.Max(anchor, head) > _options.MaxDocumentLength)
        {
            throw new DocumentRejectedException(
                ErrorCodes.CursorOutside, "A cursor must lie within the document (0 to its length, revision 0 on).");
        }
        if (revision > _revision || revision < _firstRecent - 1)
        {
            // Too old to transform (or bogus): place the cursor where it was said to be, clamped.
            revision = _revision;
        }
        for (var r = revision + 1; r <= _revision; r++)
        {
            (anchor, head) = TextType.TransformSelection((anchor, head), _recent[(int)(r - _firstRecent)].Op, false);
        }
        var length = _text.Length;
        var view = new PresenceView(Id, connectionId, actor.UserId, actor.DisplayName, ColourOf(actor.UserId), Math.Clamp(anchor, 0, length), Math.Clamp(head, 0, length), _revision);
        _presence[connectionId] = new Presence { View = view, SeenAt = DateTimeOffset.UtcNow };
        _presenceTimer ??= this.RegisterGrainTimer(ExpirePresenceAsync, _options.PresenceTimeout / 2, _options.PresenceTimeout / 2);
        await hub.Clients.GroupExcept(DocumentHub.Group(Id), connectionId).PresenceChanged(view);
    }

    /// <summary>The text's length in code points at a kept revision (from the first kept one's base on); -1 when not known.</summary>
    private int LengthAt(long revision) =>
        revision == _revision ? _text.Length
        : revision == _firstRecent - 1 ? -1
        : _lengthAfter[(int)(revision - _firstRecent)];

    public async Task<IReadOnlyList<LocatedPassage?>> LocatePassagesAsync(IReadOnlyList<PassageAnchor> anchors)
    {
        Live();
        // A passage older than the operations kept in memory first catches up through the stored ones (at most
        // Documents:HistoryOperations of them), to the revision just before the first one kept.
        var caughtUp = new Dictionary<PassageAnchor, PassageAnchor?>();
        var kept = _firstRecent - 1;
        var older = anchors.Where(a => a.Revision >= 0 && a.Revision < kept && a.To > a.From && a.From >= 0).Distinct().ToList();
        if (older.Count > 0 && kept - older.Min(a => a.Revision) <= _options.HistoryOperations)
        {
            var since = older.Min(a => a.Revision);
            await using var db = await dbs.CreateDbContextAsync();
            var ops = await db.Set<DocumentOperation>().AsNoTracking()
                .Where(o => o.DocumentId == Id && o.Revision > since && o.Revision <= kept)
                .OrderBy(o => o.Revision).Select(o => new { o.Revision, o.Operation }).ToListAsync();
            var parsed = ops.ConvertAll(o => (o.Revision, Op: TextOperation.Parse(o.Operation)));
            foreach (var anchor in older)
            {
                var (from, to) = Follow(anchor.From, anchor.To, parsed.Where(p => p.Revision > anchor.Revision).Select(p => p.Op));
                caughtUp[anchor] = to > from ? new PassageAnchor(kept, from, to) : null;
            }
        }
        return [.. anchors.Select(a => caughtUp.TryGetValue(a, out var moved) ? (moved is null ? null : Locate(moved)) : Locate(a))];
    }

    private LocatedPassage? Locate(PassageAnchor anchor)
    {
        if (anchor.Revision > _revision || anchor.Revision < _firstRecent - 1 || anchor.From < 0 || anchor.To <= anchor.From)
        {
            return null;
        }
        var length = LengthAt(anchor.Revision);
        if (length >= 0 && anchor.To > length)
        {
            return null;
        }
        var (from, to) = Follow(anchor.From, anchor.To, _recent.Skip((int)(anchor.Revision + 1 - _firstRecent)).Select(a => a.Op));
        return to > from && to <= _text.Length ? new LocatedPassage(new PassageAnchor(_revision, from, to), _text.Slice(from, to - from)) : null;
    }

    /// <summary>Moves a passage through <paramref name="ops"/>: text typed at either end stays outside; once deleted whole it stays empty.</summary>
    private static (int From, int To) Follow(int from, int to, IEnumerable<TextOperation> ops)
    {
        foreach (var op in ops)
        {
            if (to <= from)
            {
                break;
            }
            from = TextType.MapPosition(from, op, afterInsert: true);
            to = TextType.MapPosition(to, op, afterInsert: false);
        }
        return (from, to);
    }

    public async Task LeaveAsync(string connectionId)
    {
        if (_presence.Remove(connectionId))
        {
            await hub.Clients.Group(DocumentHub.Group(Id)).PresenceRemoved(Id, connectionId);
        }
    }

    private async Task ExpirePresenceAsync(CancellationToken ct)
    {
        var cutoff = DateTimeOffset.UtcNow - _options.PresenceTimeout;
        foreach (var (connectionId, _) in _presence.Where(p => p.Value.SeenAt < cutoff).ToList())
        {
            await LeaveAsync(connectionId);
        }
    }

    private void TransformPresence(TextOperation op, string authorConnection)
    {
        foreach (var presence in _presence.Values)
        {
            var v = presence.View;
            var (anchor, head) = TextType.TransformSelection((v.Anchor, v.Head), op, v.ConnectionId == authorConnection);
            presence.View = v with { Anchor = anchor, Head = head, Revision = _revision };
        }
    }

    private void CheckSize(TextOperation op)
    {
        if (op.Components.Count > _options.MaxOperationComponents)
        {
            throw new DocumentRejectedException(
                ErrorCodes.OperationTooLarge, $"The operation has {op.Components.Count} parts; at most {_options.MaxOperationComponents} are allowed.",
                ("parts", _options.MaxOperationComponents)) { StatusCode = 413 };
        }
        long changed = 0;
        foreach (var c in op.Components)
        {
            if (!c.IsRetain)
            {
                changed += c.Count;
            }
        }
        if (changed > _options.MaxOperationLength)
        {
            throw new DocumentRejectedException(
                ErrorCodes.OperationTooLarge, $"The operation changes {changed} characters; at most {_options.MaxOperationLength} are allowed at once.",
                ("max", _options.MaxOperationLength)) { StatusCode = 413 };
        }
    }

    private void Trim()
    {
        var excess = _recent.Count - _options.RetainedOperations;
        // Trim in chunks so the copy is amortised over many operations.
        if (excess >= Math.Max(1, _options.RetainedOperations / 4))
        {
            _recent.RemoveRange(0, excess);
            _lengthAfter.RemoveRange(0, excess);
            _firstRecent += excess;
        }
    }

    private string CheckTitle(string? title)
    {
        var clean = title?.Trim() ?? "";
        if (clean.Length == 0 || clean.Length > _options.MaxTitleLength)
        {
            throw new DocumentRejectedException(
                clean.Length == 0 ? ErrorCodes.Required : ErrorCodes.TooLong, $"A document needs a title of 1 to {_options.MaxTitleLength} characters.",
                ("field", "title"), ("max", _options.MaxTitleLength));
        }
        return clean;
    }

    private Document Live() =>
        _document is { DeletedAt: null } d ? d : throw new DocumentRejectedException(
            ErrorCodes.UnknownDocument, "Unknown document.") { StatusCode = 404 };

    private async Task UpdateAsync(Action<Document> change)
    {
        await using var db = await dbs.CreateDbContextAsync();
        var row = await db.Set<Document>().FirstAsync(d => d.Id == Id);
        change(row);
        row.UpdatedAt = DateTimeOffset.UtcNow;
        _document!.UpdatedAt = row.UpdatedAt;
        await db.SaveChangesAsync();
    }

    private DocumentInfo Info() => new(Id, _document!.PartnershipId, _document.Title, _revision, _document.CreatedAt, _document.UpdatedAt, _document.DeletedAt is not null);

    private async Task PublishInfoAsync()
    {
        var info = Info();
        await hub.Clients.Groups(DocumentHub.Group(Id), DocumentHub.ListGroup(info.PartnershipId)).DocumentChanged(info);
    }

    public static string ColourOf(string userId)
    {
        var hash = 17;
        foreach (var ch in userId)
        {
            hash = unchecked(hash * 31 + ch);
        }
        return Colours[(int)((uint)hash % (uint)Colours.Length)];
    }
}
