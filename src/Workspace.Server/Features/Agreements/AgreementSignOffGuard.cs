using Workspace.Collaboration.Errors;
using Workspace.Collaboration.Ot;
using Workspace.Server.Features.Documents;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel;

namespace Workspace.Server.Features.Agreements;

/// <summary>
/// Sign-off of an agreement's text, kept as its document's guard. Everything that decides (is this revision still
/// the current one? is every party in?) runs synchronously inside the document grain's turn, like the part of a
/// submitted edit before its first await, so an edit and the last approval are ordered: either the edit comes first
/// and the approval is refused as stale, or the approval comes first, the agreement is signed, and the edit is
/// refused. Never both.
/// </summary>
internal sealed partial class AgreementSignOffGuard(IGuardedDocument document, AgreementGuardKind kind)
    : IDocumentGuard
{
    private SignOffState? _signOff;
    private long _signOffVersion;
    /// <summary>Sign-off writes run one after another, so the stored state is always the newest one.</summary>
    private Task _signOffWrite = Task.CompletedTask;
    private IDisposable? _announceTimer;

    private static readonly TimeSpan RevisionAnnounceDelay = TimeSpan.FromMilliseconds(600);

    internal sealed record SignOffState(
        string Status, int Round, IReadOnlyList<Guid> Required, IReadOnlyList<Approval> Approvals,
        RoundReset? LastReset, long? SignedRevision = null, string? SignedHash = null, DateTimeOffset? SignedAt = null,
        DateTimeOffset? TerminatedAt = null, string? TerminatedBy = null);

    public bool ReadOnly => _signOff?.Status is SignOffStatus.Signed or SignOffStatus.Terminated;

    public string? EditRefusal => ReadOnly ? ErrorCodes.AgreementSigned : null;

    public Refusal? CheckEdit() => ReadOnly
        ? SignOffRefused(ErrorCodes.AgreementSigned,
            "This agreement is signed: its text cannot change any more (amend it instead).", 423)
        : null;

    /// <summary>
    /// An edit after an approval voids every approval of the round and starts a new round, remembering who edited
    /// and when so the parties see why.
    /// </summary>
    public void Edited(Actor author, long revision)
    {
        if (_signOff is not { Status: SignOffStatus.Review, Approvals.Count: > 0 } state)
        {
            AnnounceRevisionSoon();
            return;
        }
        var reset = new RoundReset(state.Round, author.UserId, author.DisplayName, DateTimeOffset.UtcNow, revision,
            state.Approvals);
        _signOff = state with { Round = state.Round + 1, Approvals = [], LastReset = reset };
        _ = QueueSignOffWrite(new Voided(reset, author, "agreement.approvalVoided"));
    }

    public async Task<Outcome<object?>> HandleAsync(IDocumentGuardCommand command)
    {
        if (command is GetSignOff)
        {
            return Outcome<object?>.Ok(_signOff is null || !document.Live ? null : SignOffViewOf());
        }
        var answer = command switch
        {
            StartAgreement c => await StartAsync(c),
            BeginReview c => await BeginReviewAsync(c.Parties, c.Actor),
            BackToDraft c => await BackToDraftAsync(c.Actor),
            Approve c => await ApproveAsync(c.PartyId, c.Revision, c.Hash, c.Actor),
            Terminate c => await TerminateAsync(c.Actor),
            _ => (Outcome<SignOffView>)SignOffRefused(ErrorCodes.UnknownAgreement, "Unknown agreement.", 404),
        };
        return answer.Kind == OutcomeKind.Ok
            ? Outcome<object?>.Ok(answer.Value)
            : Outcome<object?>.Refused(answer);
    }

    private async Task<Outcome<SignOffView>> StartAsync(StartAgreement command)
    {
        if (!document.Live)
        {
            return UnknownDocument;
        }
        if (_signOff is not null || document.PartnershipId != command.PartnershipId)
        {
            return SignOffRefused(ErrorCodes.DocumentExists, "This document is already in use.", 409);
        }
        if (await document.AttachAsync(kind, this) is { } refused)
        {
            return refused;
        }
        _signOff = new SignOffState(SignOffStatus.Draft, 1, [], [], null);
        if (await QueueSignOffWrite() is { } failed)
        {
            return failed;
        }
        var text = command.Text;
        if (text.Length > 0
            && await document.EditAsync(TextOperation.Replace(document.Text, text), command.Actor) is null)
        {
            return SignOffRefused(ErrorCodes.SaveFailed, "The agreement's text could not be saved.", 503);
        }
        return SignOffViewOf();
    }

    private async Task<Outcome<SignOffView>> BeginReviewAsync(IReadOnlyList<Guid> parties, Actor actor)
    {
        if (_signOff?.Status == SignOffStatus.Review && document.Live)
        {
            return SignOffViewOf(); // sent twice (two people at once, or a retry): already in review
        }
        if (AgreementState(SignOffStatus.Draft, out var state) is { } refused)
        {
            return refused;
        }
        if (parties.Count == 0)
        {
            return SignOffRefused(ErrorCodes.UnknownParty, "An agreement needs at least one party.", 400);
        }
        _signOff = state with { Status = SignOffStatus.Review, Required = [.. parties.Distinct()], Approvals = [] };
        return await SaveAsync();
    }

    private async Task<Outcome<SignOffView>> BackToDraftAsync(Actor actor)
    {
        if (_signOff?.Status == SignOffStatus.Draft && document.Live)
        {
            return SignOffViewOf();
        }
        if (AgreementState(SignOffStatus.Review, out var state) is { } refused)
        {
            return refused;
        }
        var reset = state.Approvals.Count == 0 ? state.LastReset : new RoundReset(
            state.Round, actor.UserId, actor.DisplayName, DateTimeOffset.UtcNow, document.Revision, state.Approvals,
            RoundReset.Withdrawn);
        _signOff = state with
        {
            Status = SignOffStatus.Draft, Round = state.Round + 1, Approvals = [], LastReset = reset,
        };
        return await SaveAsync(state.Approvals.Count > 0 ? new Voided(reset!, actor, "agreement.withdrawn") : null);
    }

    private async Task<Outcome<SignOffView>> ApproveAsync(Guid partyId, long revision, string? hash, Actor actor)
    {
        // From here to the state change nothing awaits: no edit can slip in between the check and the approval.
        if (AgreementState(SignOffStatus.Review, out var state) is { } refused)
        {
            return refused;
        }
        if (!state.Required.Contains(partyId))
        {
            return SignOffRefused(ErrorCodes.UnknownParty, "That organisation is not a party to this agreement.", 400);
        }
        var head = document.Revision;
        var current = TextHash.Of(document.Text);
        if (revision != head || (hash is not null && !string.Equals(hash, current, StringComparison.Ordinal)))
        {
            return SignOffRefused(ErrorCodes.AgreementRevisionChanged,
                $"The text changed: revision {head} is current, not {revision}. Read it again, then approve.",
                409, ("revision", head));
        }
        var now = DateTimeOffset.UtcNow;
        var approvals = state.Approvals.Where(a => a.PartyId != partyId)
            .Append(new Approval(partyId, actor.UserId, actor.DisplayName, head, current, now)).ToList();
        var signed = state.Required.All(p => approvals.Exists(a => a.PartyId == p && a.Revision == head));
        _signOff = signed
            ? state with
            {
                Status = SignOffStatus.Signed, Approvals = approvals, SignedRevision = head, SignedHash = current,
                SignedAt = now,
            }
            : state with { Approvals = approvals };
        await document.Stored; // the approved revision is on disk before the approval is
        return await SaveAsync();
    }

    private async Task<Outcome<SignOffView>> TerminateAsync(Actor actor)
    {
        if (AgreementState(SignOffStatus.Signed, out var state) is { } refused)
        {
            return refused;
        }
        _signOff = state with
        {
            Status = SignOffStatus.Terminated, TerminatedAt = DateTimeOffset.UtcNow, TerminatedBy = actor.DisplayName,
        };
        return await SaveAsync();
    }

    /// <summary>The sign-off as it is now, once stored; the refusal when it could not be.</summary>
    private async Task<Outcome<SignOffView>> SaveAsync(Voided? voided = null) =>
        await QueueSignOffWrite(voided) is { } failed ? failed : SignOffViewOf();

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
        _announceTimer = document.After(RevisionAnnounceDelay, () =>
        {
            _announceTimer?.Dispose();
            _announceTimer = null;
            PublishSignOff();
            return Task.CompletedTask;
        });
    }

    /// <summary>The sign-off when it is in the <paramref name="expected"/> status; otherwise the refusal.</summary>
    private Refusal? AgreementState(string expected, out SignOffState state)
    {
        state = _signOff!;
        if (!document.Live)
        {
            return UnknownDocument;
        }
        if (document.Broken)
        {
            return SignOffRefused(ErrorCodes.DocumentReloading, "The document is being reloaded; try again.", 503);
        }
        if (_signOff is null)
        {
            return SignOffRefused(ErrorCodes.UnknownAgreement, "Unknown agreement.", 404);
        }
        return state.Status != expected
            ? SignOffRefused(ErrorCodes.AgreementWrongStatus,
                $"This needs the agreement to be {expected}; it is {state.Status}.", 409,
                ("status", state.Status), ("needed", expected))
            : null;
    }

    private static readonly Refusal UnknownDocument =
        Refusal.Of(StatusCodes.Status404NotFound, ErrorCodes.UnknownDocument, "Unknown document.");

    private static Refusal SignOffRefused(
        string code, string detail, int status, params (string Name, object? Value)[] args) =>
        Refusal.Of(status, code, detail, args);

    private SignOffView SignOffViewOf()
    {
        var s = _signOff!;
        return new SignOffView(document.Id, s.Status, s.Round, s.Required, s.Approvals, s.LastReset,
            document.Revision, TextHash.Of(document.Text), s.SignedRevision, s.SignedHash, s.SignedAt,
            s.TerminatedAt, s.TerminatedBy);
    }
}
