using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workspace.Collaboration.Errors;
using Workspace.Server.Data;
using Workspace.Server.Features.Documents;
using Workspace.Server.Kernel;

namespace Workspace.Server.Features.Agreements;

/// <summary>The agreements' kind of document guard: an agreement's document loads its sign-off, no other does.
/// </summary>
internal sealed class AgreementGuardKind(
    IDbContextFactory<WorkspaceDb> dbs, PartnershipFeed feed, INotifier notifier, ILogger<AgreementGuardKind> log)
    : IDocumentGuardKind
{
    public const string Agreement = "agreement";

    public string Name => Agreement;

    internal IDbContextFactory<WorkspaceDb> Dbs => dbs;

    internal PartnershipFeed Feed => feed;

    internal INotifier Notifier => notifier;

    internal ILogger Log => log;

    public IDocumentGuard Create(IGuardedDocument document) => new AgreementSignOffGuard(document, this);

    public async Task<IDocumentGuard> LoadAsync(
        IGuardedDocument document, WorkspaceDb db, CancellationToken cancellationToken)
    {
        var guard = new AgreementSignOffGuard(document, this);
        await guard.LoadAsync(db, cancellationToken);
        return guard;
    }
}

/// <summary>Storing, publishing and loading the sign-off.</summary>
internal sealed partial class AgreementSignOffGuard
{
    /// <summary>Why a write ends a round with approvals: the people whose approvals it voided are told in the same
    /// transaction (never the person who voided them).</summary>
    private sealed record Voided(RoundReset Reset, Actor Actor, string Kind);

    /// <summary>Stores the sign-off as it is now (after every earlier write), with the notice of the approvals it
    /// voided; its refusal when that failed.</summary>
    private Task<Refusal?> QueueSignOffWrite(Voided? voided = null)
    {
        var s = _signOff!;
        var row = new AgreementSignOff
        {
            DocumentId = document.Id, Status = s.Status, Round = s.Round,
            RequiredParties = JsonSerializer.Serialize(s.Required), Approvals = JsonSerializer.Serialize(s.Approvals),
            LastReset = s.LastReset is null ? null : JsonSerializer.Serialize(s.LastReset),
            SignedRevision = s.SignedRevision, SignedHash = s.SignedHash, SignedAt = s.SignedAt,
            TerminatedAt = s.TerminatedAt, TerminatedBy = s.TerminatedBy, Version = ++_signOffVersion,
        };
        var previous = _signOffWrite;
        var write = WriteSignOffAfterAsync(previous, row, voided);
        _signOffWrite = write;
        PublishSignOff();
        return write;
    }

    /// <summary>The notice of approvals voided, added to the write that voids them (null when nobody is told).
    /// </summary>
    private async Task<StagedNotice?> StageVoidedAsync(WorkspaceDb db, Voided? voided)
    {
        var recipients = voided?.Reset.Voided.Select(a => a.UserId).Where(u => u != voided.Actor.UserId).Distinct()
            .ToList() ?? [];
        if (recipients.Count == 0)
        {
            return null;
        }
        var agreement = await db.Set<Agreement>().AsNoTracking().Where(a => a.DocumentId == document.Id)
            .Select(a => new { a.Id, a.Title }).FirstOrDefaultAsync();
        return agreement is null ? null : await kind.Notifier.StageAsync(db, new Notice(document.PartnershipId,
            voided!.Actor, recipients, voided.Kind, new { title = agreement.Title },
            $"/p/{document.PartnershipId}/agreements/{agreement.Id}"));
    }

    private async Task<Refusal?> WriteSignOffAfterAsync(Task previous, AgreementSignOff row, Voided? voided)
    {
        // The earlier write's caller was told how it went; this one stores the newer, complete state anyway.
        await previous;
        StagedNotice? staged;
        try
        {
            await using var db = await kind.Dbs.CreateDbContextAsync();
            var stored = await db.Set<AgreementSignOff>().FirstOrDefaultAsync(s => s.DocumentId == row.DocumentId);
            if (stored is null)
            {
                db.Add(row);
            }
            else
            {
                db.Entry(stored).CurrentValues.SetValues(row);
            }
            staged = await StageVoidedAsync(db, voided);
            await db.SaveChangesAsync();
        }
        catch (Exception ex)
        {
            kind.Log.LogError(ex, "Could not store the sign-off of document {Id}.", document.Id);
            document.Break();
            return SignOffRefused(ErrorCodes.SaveFailed, "The approval could not be saved; try again.", 503);
        }
        if (staged is not null)
        {
            await kind.Notifier.AnnounceAsync(staged);
        }
        return null;
    }

    private void PublishSignOff()
    {
        if (document.PartnershipId != Guid.Empty)
        {
            _ = kind.Feed.PublishAsync(document.PartnershipId, "agreement", SignOffViewOf());
        }
    }

    /// <summary>
    /// Reads the sign-off at activation. Approvals of a revision older than the text were voided by an edit whose
    /// reset was not stored (the process stopped in between): the reset is rebuilt from that edit.
    /// </summary>
    internal async Task LoadAsync(WorkspaceDb db, CancellationToken ct)
    {
        var row = await db.Set<AgreementSignOff>().AsNoTracking()
            .FirstOrDefaultAsync(s => s.DocumentId == document.Id, ct);
        if (row is null)
        {
            return;
        }
        _signOffVersion = row.Version;
        var approvals = JsonSerializer.Deserialize<List<Approval>>(row.Approvals) ?? [];
        _signOff = new SignOffState(row.Status, row.Round,
            JsonSerializer.Deserialize<List<Guid>>(row.RequiredParties) ?? [], approvals,
            row.LastReset is null ? null : JsonSerializer.Deserialize<RoundReset>(row.LastReset),
            row.SignedRevision, row.SignedHash, row.SignedAt, row.TerminatedAt, row.TerminatedBy);
        var revision = document.Revision;
        if (row.Status != SignOffStatus.Review || approvals.Count == 0 || approvals.TrueForAll(a => a.Revision ==
            revision))
        {
            return;
        }
        var editRevision = approvals.Min(a => a.Revision) + 1;
        var edit = await db.Set<DocumentOperation>().AsNoTracking()
            .FirstOrDefaultAsync(o => o.DocumentId == document.Id && o.Revision == editRevision, ct);
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
