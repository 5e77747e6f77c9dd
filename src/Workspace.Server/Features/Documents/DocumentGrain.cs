using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Workspace.Collaboration.Documents;
using Workspace.Collaboration.Errors;
using Workspace.Collaboration.Ot;
using Workspace.Server.Data;
using Workspace.Server.Features.Health;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel;
using Workspace.Server.Kernel.ChecklistLinks;

namespace Workspace.Server.Features.Documents;

public interface IDocumentGrain : IChecklistDocument
{
    Task<Outcome<DocumentInfo>> CreateAsync(Guid partnershipId, string title, Actor actor);

    /// <summary>
    /// The document, or null when it does not exist (deleted ones are returned with <c>Deleted</c> set).
    /// </summary>
    Task<DocumentInfo?> GetInfoAsync();

    Task<Outcome<DocumentInfo>> RenameAsync(string title, Actor actor);

    Task<Outcome<bool>> DeleteAsync(Actor actor);

    /// <summary>The text (or the operations after <paramref name="knownRevision"/>) and who else is here.</summary>
    Task<Outcome<DocumentState>> OpenAsync(long? knownRevision);

    /// <summary>
    /// Interleaves with itself: everything that orders and changes the text runs before the first await, so ops are
    /// still handled one at a time, but the next op need not wait for the previous one's commit. Many ops of one
    /// document then share a group commit instead of each paying a full commit latency.
    /// </summary>
    [AlwaysInterleave]
    Task<Outcome<SubmitResult>> SubmitAsync(SubmitCommand command);

    Task<Outcome<bool>> UpdatePresenceAsync(string connectionId, Actor actor, long revision, int anchor, int head);

    Task LeaveAsync(string connectionId);

    /// <summary>
    /// Makes the text read <paramref name="text"/> (an earlier version) through one ordinary operation by
    /// <paramref name="actor"/>, stored and broadcast to every co-editor. Returns the new revision (the current one
    /// when the text already reads so).
    /// </summary>
    Task<Outcome<long>> RestoreAsync(string text, Actor actor);

    /// <summary>
    /// Where each passage is now, moved through every operation since its revision; null for one that is not a
    /// passage of that revision or was deleted since. However old, a passage is followed (stored operations are
    /// read a page at a time).
    /// </summary>
    Task<Outcome<IReadOnlyList<LocatedPassage?>>> LocatePassagesAsync(IReadOnlyList<PassageAnchor> anchors);

    /// <summary>
    /// A command of the document's guard (<see cref="IDocumentGuard"/>), run in this grain's turn: ordered with the
    /// edits. A document without a guard answers it as the guard's kind says for an unguarded document.
    /// </summary>
    Task<Outcome<object?>> GuardAsync(IDocumentGuardCommand command);
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
    /// <summary>The latest queued write; writes commit in order, so awaiting it awaits every earlier one.</summary>
    private Task _lastWrite = Task.CompletedTask;
    /// <summary>When the latest op was stored and sent (a Stopwatch timestamp): the end of its turn.</summary>
    private long _sentAt;
    /// <summary>
    /// Set when a write failed: memory may be ahead of the database, so nothing more is accepted here.
    /// </summary>
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
        _textString = snapshot is null ? "" : SnapshotCodec.TextOf(snapshot);
        _text = new TextDocument(_textString);
        _snapshots.Load(await db.Set<DocumentSnapshot>().AsNoTracking()
            .Where(s => s.DocumentId == Id).Select(s => s.Revision).ToListAsync(cancellationToken));
        _revision = snapshotRevision;

        var clientsKept = LoadClients(snapshot);
        await ReplayLogAsync(db, snapshotRevision, cancellationToken);
        await (clientsKept ? Task.CompletedTask : LoadClientsFromLogAsync(db, cancellationToken));
        await LoadGuardAsync(db, cancellationToken);
        RememberChecklist();
        log.LogDebug("Document {Id} activated at revision {Revision}.", Id, _revision);
    }

    /// <summary>
    /// Replays the log after the snapshot onto the text and keeps the latest <see cref="DocumentOptions
    /// .RetainedOperations"/> in memory (those before the snapshot only kept, not applied). Lengths before the snapshot
    /// are not known without replaying; -1 there means "cannot check, let transform decide".
    /// </summary>
    private async Task ReplayLogAsync(WorkspaceDb db, long snapshotRevision, CancellationToken ct)
    {
        _firstRecent = snapshotRevision + 1;
        var from = Math.Max(0, snapshotRevision - _options.RetainedOperations);
        await OperationReplay.ReadAsync(db, Id, from, long.MaxValue, withClients: true, row =>
        {
            if (_recent.Count == 0)
            {
                _firstRecent = row.Revision;
            }
            var applied = new AppliedOperation(Id, row.Revision, row.Op, row.ClientId, row.ClientSeq, row.AuthorId, "");
            if (row.Revision > snapshotRevision)
            {
                if (row.Revision != _revision + 1)
                {
                    throw new InvalidOperationException(
                        $"Document {Id}: revision {row.Revision} follows {_revision}; the log has a gap.");
                }
                ApplyToText(applied.Op);
                SeeStored(row.ClientId, row.ClientSeq, row.AuthorId, row.Revision);
                _revision = row.Revision;
                _snapshots.Count(applied.Op, row.Revision);
            }
            _recent.Add(applied);
            _lengthAfter.Add(row.Revision > snapshotRevision ? _text.Length : -1);
        }, ct);
    }

    public async Task<Outcome<DocumentInfo>> CreateAsync(Guid partnershipId, string title, Actor actor)
    {
        if (_document is not null)
        {
            return Refusal.Of(
                StatusCodes.Status409Conflict, ErrorCodes.DocumentExists, "This document already exists.");
        }
        if (CheckTitle(title, out var clean) is { } invalid)
        {
            return invalid;
        }
        var now = DateTimeOffset.UtcNow;
        var document = new Document { Id = Id, PartnershipId = partnershipId, Title = clean,
            CreatedBy = actor.UserId, CreatedAt = now, UpdatedAt = now };
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

    public async Task<Outcome<DocumentInfo>> RenameAsync(string title, Actor actor)
    {
        if (Gone() is { } gone)
        {
            return gone;
        }
        if (CheckTitle(title, out var clean) is { } invalid)
        {
            return invalid;
        }
        var document = _document!;
        await UpdateAsync(d => d.Title = clean);
        document.Title = clean;
        await PublishInfoAsync();
        return Info();
    }

    public async Task<Outcome<bool>> DeleteAsync(Actor actor)
    {
        if ((Gone() ?? CheckEditAllowed()) is { } refused)
        {
            return refused;
        }
        var document = _document!;
        var now = DateTimeOffset.UtcNow;
        await UpdateAsync(d => d.DeletedAt = now);
        document.DeletedAt = now;
        await PublishInfoAsync();
        return true;
    }

    public async Task<Outcome<DocumentState>> OpenAsync(long? knownRevision)
    {
        if (Gone() is { } gone)
        {
            return gone;
        }
        // Only what is on disk is handed out: a revision still on its way to the group commit could be taken back by
        // a crash, and a client that had seen it would then edit against text the server no longer has. Ops applied
        // meanwhile (submits interleave) are waited for too, so the state below is captured with nothing in flight.
        for (var round = 0; !_lastWrite.IsCompleted && round < 100; round++)
        {
            try
            {
                await _lastWrite;
            }
            catch (Exception)
            {
                // The submit that queued it logs the failure and marks the grain broken.
                return Reloading;
            }
        }
        if (_broken)
        {
            return Reloading;
        }
        IReadOnlyList<AppliedOperation>? ops = null;
        if (knownRevision is { } known && known >= _firstRecent - 1 && known <= _revision)
        {
            ops = _recent.GetRange((int)(known + 1 - _firstRecent), (int)(_revision - known));
        }
        return new DocumentState(Info(), _revision, ops is null ? Text : null,
            ops, _presence.Values.Select(p => p.View).ToList(), _options.Limits());
    }

    public async Task<Outcome<long>> RestoreAsync(string text, Actor actor)
    {
        if ((Gone() ?? CheckEditAllowed() ?? (_broken ? Reloading : null)) is { } refused)
        {
            return refused;
        }
        return await ServerEditAsync(TextOperation.Replace(Text, text), actor) is { } revision
            ? revision
            : Refusal.Of(StatusCodes.Status503ServiceUnavailable, ErrorCodes.SaveFailed,
                "The earlier version could not be saved; try again in a moment.");
    }

    private static readonly Refusal Reloading = Refusal.Of(StatusCodes.Status503ServiceUnavailable,
        ErrorCodes.DocumentReloading, "The document is being reloaded after a failed save; try again in a moment.");

    /// <summary>
    /// An edit the server makes at the head revision (a checklist link, a board change, a restored version), on behalf
    /// of <paramref name="author"/> or of the workspace itself: stored, then broadcast to every connection. Returns the
    /// document's revision afterwards, or null when it could not be stored.
    /// </summary>
    private async Task<long?> ServerEditAsync(TextOperation op, Actor? author = null)
    {
        if (_document is not { DeletedAt: null } || _broken || ReadOnlyByGuard)
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
        await hub.Clients.Group(Group).OperationApplied(applied);
        _sentAt = Stopwatch.GetTimestamp();
        return applied.Revision;
    }

    /// <summary>
    /// Applies a transformed op at the head revision and queues its durable write (the caller awaits it).
    /// </summary>
    private (AppliedOperation Applied, Task Write) Apply(TextOperation op, string clientId, long clientSeq,
        Actor author, string connectionId)
    {
        var revision = _revision + 1;
        clientId = StoredClientId(clientId);
        var applied = new AppliedOperation(Id, revision, op, clientId, clientSeq, author.UserId, author.DisplayName);
        // The op is committed right here, in this turn, unless it was already waiting when the last one's turn ended
        // (which is then only microseconds ago; an op sent after that takes at least a network round trip to come).
        // Waiting ops would otherwise each wait for the one before to be fsynced on its own; queued instead, while
        // this turn ends and the next ones are applied, they share the writer's next commit.
        var quiet = _lastWrite.IsCompleted && Stopwatch.GetElapsedTime(_sentAt) >= QueuedGap;
        var write = writer.WriteAsync(new DocumentOperation
        {
            DocumentId = Id,
            Revision = revision,
            ClientId = clientId,
            ClientSeq = clientSeq,
            AuthorId = author.UserId,
            Operation = op.ToJson(),
            At = DateTimeOffset.UtcNow,
        }, _activation, quiet);
        _lastWrite = write;
        ApplyToText(op);
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
        _guard?.Edited(author, revision);
        return (applied, write);
    }

    /// <summary>
    /// Below this gap after the previous op's turn, an op is taken to have waited for that turn: see
    /// <see cref="Apply"/> and <see cref="DocumentOptions.QueuedGapMax"/>.
    /// </summary>
    private TimeSpan QueuedGap =>
        TimeSpan.FromTicks(Math.Min(writer.LastCommitTook.Ticks, _options.QueuedGapMax.Ticks));

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

    private Refusal? CheckTitle(string? title, out string clean)
    {
        clean = title?.Trim() ?? "";
        return clean.Length == 0 || clean.Length > _options.MaxTitleLength
            ? Refusal.Of(StatusCodes.Status400BadRequest,
                clean.Length == 0 ? ErrorCodes.Required : ErrorCodes.TooLong,
                $"A document needs a title of 1 to {_options.MaxTitleLength} characters.",
                ("field", "title"), ("max", _options.MaxTitleLength))
            : null;
    }

    /// <summary>Refuses a command on a document that does not exist (or was deleted).</summary>
    private Refusal? Gone() => _document is { DeletedAt: null } ? null : UnknownDocument;

    private static readonly Refusal UnknownDocument =
        Refusal.Of(StatusCodes.Status404NotFound, ErrorCodes.UnknownDocument, "Unknown document.");

    private async Task UpdateAsync(Action<Document> change)
    {
        await using var db = await dbs.CreateDbContextAsync();
        var row = await db.Set<Document>().FirstAsync(d => d.Id == Id);
        change(row);
        row.UpdatedAt = DateTimeOffset.UtcNow;
        _document!.UpdatedAt = row.UpdatedAt;
        await db.SaveChangesAsync();
    }

    private DocumentInfo Info() => new(Id, _document!.PartnershipId, _document.Title, _revision, _document.CreatedAt,
        _document.UpdatedAt, _document.DeletedAt is not null, _guard?.EditRefusal);

    private async Task PublishInfoAsync()
    {
        var info = Info();
        await hub.Clients.Groups(DocumentHub.Group(Id), DocumentHub.ListGroup(info.PartnershipId))
            .DocumentChanged(info);
    }
}
