using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workspace.Collaboration.Errors;
using Workspace.Collaboration.Ot;
using Workspace.Server.Data;
using Workspace.Server.Features.Agreements;
using Workspace.Server.Kernel;

// The grain class lives in the Documents namespace; this part of it belongs to the Agreements feature.
namespace Workspace.Server.Features.Documents;

/// <summary>
/// Sign-off of an agreement's text. Everything that decides (is this revision still the current one? is every party
/// in?) runs synchronously inside the grain's turn, like the part of <see cref="SubmitAsync"/> before its first await,
/// so an edit and the last approval are ordered: either the edit comes first and the approval is refused as stale, or
/// the approval comes first, the agreement is signed, and the edit is refused. Never both.
/// </summary>
public sealed partial class DocumentGrain : IAgreementDocumentGrain
{
    private SignOffState? _signOff;
    private long _signOffVersion;
    /// <summary>Sign-off writes run one after another, so the stored state is always the newest one.</summary>
    private Task _signOffWrite = Task.CompletedTask;

    private sealed record SignOffState(
        string Status, int Round, IReadOnlyList<Guid> Required, IReadOnlyList<Approval> Approvals, RoundReset?
            LastReset,
        long? SignedRevision = null, string? SignedHash = null, DateTimeOffset? SignedAt = null,
        DateTimeOffset? TerminatedAt = null, string? TerminatedBy = null);

    private bool ReadOnlyBySignature => _signOff?.Status is SignOffStatus.Signed or SignOffStatus.Terminated;

    public async Task<SignOffView> StartAgreementAsync(Guid partnershipId, string text, Actor actor)
    {
        var document = Live();
        if (_signOff is not null || document.PartnershipId != partnershipId)
        {
            throw new CommandRejectedException(ErrorCodes.DocumentExists, "This document is already in use.")
            { StatusCode = 409 };
        }
        _signOff = new SignOffState(SignOffStatus.Draft, 1, [], [], null);
        await QueueSignOffWrite();
        if (text.Length > 0 && await ServerEditAsync(TextOperation.Replace(_text.ToString(), text), actor) is null)
        {
            throw new CommandRejectedException(ErrorCodes.SaveFailed, "The agreement's text could not be saved.")
            { StatusCode = 503 };
        }
        return SignOffViewOf();
    }

    public Task<SignOffView?> GetSignOffAsync() =>
        Task.FromResult(_signOff is null || _document is not { DeletedAt: null } ? null : SignOffViewOf());

    public async Task<SignOffView> BeginReviewAsync(IReadOnlyList<Guid> parties, Actor actor)
    {
        if (_signOff?.Status == SignOffStatus.Review && _document is { DeletedAt: null })
        {
            return SignOffViewOf(); // sent twice (two people at once, or a retry): already in review
        }
        var state = AgreementState(SignOffStatus.Draft);
        if (parties.Count == 0)
        {
            throw SignOffRefused(ErrorCodes.UnknownParty, "An agreement needs at least one party.", 400);
        }
        _signOff = state with { Status = SignOffStatus.Review, Required = [.. parties.Distinct()], Approvals = [] };
        await QueueSignOffWrite();
        return SignOffViewOf();
    }

    public async Task<SignOffView> BackToDraftAsync(Actor actor)
    {
        if (_signOff?.Status == SignOffStatus.Draft && _document is { DeletedAt: null })
        {
            return SignOffViewOf();
        }
        var state = AgreementState(SignOffStatus.Review);
        var reset = state.Approvals.Count == 0 ? state.LastReset : new RoundReset(
            state.Round, actor.UserId, actor.DisplayName, DateTimeOffset.UtcNow, _revision, state.Approvals,
            RoundReset.Withdrawn);
        _signOff = state with { Status = SignOffStatus.Draft, Round = state.Round + 1, Approvals = [], LastReset =
            reset };
        await QueueSignOffWrite();
        return SignOffViewOf();
    }

    public async Task<SignOffView> ApproveAsync(Guid partyId, long revision, string? hash, Actor actor)
    {
        // From here to the state change nothing awaits: no edit can slip in between the check and the approval.
        var state = AgreementState(SignOffStatus.Review);
        if (!state.Required.Contains(partyId))
        {
            throw SignOffRefused(ErrorCodes.UnknownParty, "That organisation is not a party to this agreement.", 400);
        }
        var text = _text.ToString();
        var current = TextHash.Of(text);
        if (revision != _revision || (hash is not null && !string.Equals(hash, current, StringComparison.Ordinal)))
        {
            throw SignOffRefused(ErrorCodes.AgreementRevisionChanged,
                $"The text changed: revision {_revision} is current, not {revision}. Read it again, then approve.",
                409, ("revision", _revision));
        }
        var now = DateTimeOffset.UtcNow;
        var approvals = state.Approvals.Where(a => a.PartyId != partyId)
            .Append(new Approval(partyId, actor.UserId, actor.DisplayName, _revision, current, now)).ToList();
        var signed = state.Required.All(p => approvals.Exists(a => a.PartyId == p && a.Revision == _revision));
        _signOff = signed
            ? state with { Status = SignOffStatus.Signed, Approvals = approvals, SignedRevision = _revision,
                SignedHash = current, SignedAt = now }
            : state with { Approvals = approvals };
        await _lastWrite; // the approved revision is on disk before the approval is
        await QueueSignOffWrite();
        return SignOffViewOf();
    }

    public async Task<SignOffView> TerminateAsync(Actor actor)
    {
        var state = AgreementState(SignOffStatus.Signed);
        _signOff = state with
        {
            Status = SignOffStatus.Terminated, TerminatedAt = DateTimeOffset.UtcNow, TerminatedBy = actor.DisplayName,
        };
        await QueueSignOffWrite();
        return SignOffViewOf();
    }

    /// <summary>Refuses a change of a signed (or terminated) agreement's text: called before anything is
    /// applied.</summary>
    private void CheckNotSigned()
    {
        if (ReadOnlyBySignature)
        {
            throw SignOffRefused(ErrorCodes.AgreementSigned,
                "This agreement is signed: its text cannot change any more (amend it instead).", 423);
        }
    }

    /// <summary>
    /// Called for every applied edit: an edit after an approval voids every approval of the round and starts a new
    /// round, remembering who edited and when so the parties see why.
    /// </summary>
    private void SignOffTextChanged(Actor author, long revision)
    {
        if (_signOff is not { Status: SignOffStatus.Review, Approvals.Count: > 0 } state)
        {
            AnnounceRevisionSoon();
            return;
        }
        var reset = new RoundReset(state.Round, author.UserId, author.DisplayName, DateTimeOffset.UtcNow, revision,
            state.Approvals);
        _signOff = state with { Round = state.Round + 1, Approvals = [], LastReset = reset };
        _ = QueueSignOffWrite();
    }

    /// <summary>
    /// Agreement pages show the revision a signatory approves, so they hear of new text: once typing pauses for
    /// <see cref="RevisionAnnounceDelay"/> (or at that pace while it goes on), not once per keystroke.
    /// </summary>
    private void AnnounceRevisionSoon()
    {
        if (_signOff is not { Status: SignOffStatus.Draft or SignOffStatus.Review } || _announceTimer is not null)
        {
            return;
        }
        _announceTimer = this.RegisterGrainTimer(_ =>
        {
            _announceTimer?.Dispose();
            _announceTimer = null;
            PublishSignOff();
            return Task.CompletedTask;
        }, RevisionAnnounceDelay, Timeout.InfiniteTimeSpan);
    }

    private static readonly TimeSpan RevisionAnnounceDelay = TimeSpan.FromMilliseconds(600);
    private IGrainTimer? _announceTimer;

    private SignOffState AgreementState(string expected)
    {
        Live();
        if (_broken)
        {
            throw SignOffRefused(ErrorCodes.DocumentReloading, "The document is being reloaded; try again.", 503);
        }
        var state = _signOff ?? throw SignOffRefused(ErrorCodes.UnknownAgreement, "Unknown agreement.", 404);
        if (state.Status != expected)
        {
            throw SignOffRefused(ErrorCodes.AgreementWrongStatus,
                $"This needs the agreement to be {expected}; it is {state.Status}.", 409,
                ("status", state.Status), ("needed", expected));
        }
        return state;
    }

    private static CommandRejectedException SignOffRefused(
        string code, string detail, int status, params (string Name, object? Value)[] args) =>
        new(code, detail, args) { StatusCode = status };

    private SignOffView SignOffViewOf()
    {
        var s = _signOff!;
        return new SignOffView(Id, s.Status, s.Round, s.Required, s.Approvals, s.LastReset, _revision,
            TextHash.Of(_text.ToString()), s.SignedRevision, s.SignedHash, s.SignedAt, s.TerminatedAt, s.TerminatedBy);
    }

    private Task QueueSignOffWrite()
    {
        var s = _signOff!;
        var row = new AgreementSignOff
        {
            DocumentId = Id, Status = s.Status, Round = s.Round,
            RequiredParties = JsonSerializer.Serialize(s.Required), Approvals = JsonSerializer.Serialize(s.Approvals),
            LastReset = s.LastReset is null ? null : JsonSerializer.Serialize(s.LastReset),
            SignedRevision = s.SignedRevision, SignedHash = s.SignedHash, SignedAt = s.SignedAt,
            TerminatedAt = s.TerminatedAt, TerminatedBy = s.TerminatedBy, Version = ++_signOffVersion,
        };
        var previous = _signOffWrite;
        var write = WriteSignOffAfterAsync(previous, row);
        _signOffWrite = write;
        PublishSignOff();
        return write;
    }

    private async Task WriteSignOffAfterAsync(Task previous, AgreementSignOff row)
    {
        try
        {
            await previous;
        }
        catch (Exception)
        {
            // The earlier write's caller was told; this one stores the newer, complete state anyway.
        }
        try
        {
            await using var db = await dbs.CreateDbContextAsync();
            var stored = await db.Set<AgreementSignOff>().FirstOrDefaultAsync(s => s.DocumentId == row.DocumentId);
            if (stored is null)
            {
                db.Add(row);
            }
            else
            {
                db.Entry(stored).CurrentValues.SetValues(row);
            }
            await db.SaveChangesAsync();
        }
        catch (Exception ex)
        {
            log.LogError(ex, "Could not store the sign-off of document {Id}.", Id);
            _broken = true;
            DeactivateOnIdle();
            throw SignOffRefused(ErrorCodes.SaveFailed, "The approval could not be saved; try again.", 503);
        }
    }

    private void PublishSignOff()
    {
        if (_document is { } document)
        {
            var feed = ServiceProvider.GetRequiredService<PartnershipFeed>();
            _ = feed.PublishAsync(document.PartnershipId, "agreement", SignOffViewOf());
        }
    }

    /// <summary>
    /// Reads the sign-off at activation. Approvals of a revision older than the text were voided by an edit whose
    /// reset was not stored (the process stopped in between): the reset is rebuilt from that edit.
    /// </summary>
    private async Task LoadSignOffAsync(WorkspaceDb db, CancellationToken ct)
    {
        var row = await db.Set<AgreementSignOff>().AsNoTracking().FirstOrDefaultAsync(s => s.DocumentId == Id, ct);
        if (row is null)
        {
            return;
        }
        _signOffVersion = row.Version;
        var approvals = JsonSerializer.Deserialize<List<Approval>>(row.Approvals) ?? [];
        _signOff = new SignOffState(row.Status, row.Round, JsonSerializer.Deserialize<List<Guid>>(row.RequiredParties)
            ?? [],
            approvals, row.LastReset is null ? null : JsonSerializer.Deserialize<RoundReset>(row.LastReset),
            row.SignedRevision, row.SignedHash, row.SignedAt, row.TerminatedAt, row.TerminatedBy);
        if (row.Status != SignOffStatus.Review || approvals.Count == 0 || approvals.TrueForAll(a => a.Revision ==
            _revision))
        {
            return;
        }
        var editRevision = approvals.Min(a => a.Revision) + 1;
        var edit = await db.Set<DocumentOperation>().AsNoTracking()
            .FirstOrDefaultAsync(o => o.DocumentId == Id && o.Revision == editRevision, ct);
        var name = edit is null ? "" : await db.Set<WorkspaceUser>().Where(u => u.Id == edit.AuthorId)
            .Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";
        _signOff = _signOff with
        {
            Round = row.Round + 1, Approvals = [],
            LastReset = new RoundReset(row.Round, edit?.AuthorId ?? "", name, edit?.At ?? DateTimeOffset.UtcNow,
                editRevision, approvals),
        };
    }
}
