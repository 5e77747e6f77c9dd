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
    /// <summary>Stores the sign-off as it is now (after every earlier write); its refusal when that failed.</summary>
    private Task<Refusal?> QueueSignOffWrite()
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
        var write = WriteSignOffAfterAsync(previous, row);
        _signOffWrite = write;
        PublishSignOff();
        return write;
    }

    /// <summary>
    /// Once the round that <paramref name="reset"/> ended is stored, tells the people whose approvals it voided
    /// (never the person who voided them) that their organisation must approve again.
    /// </summary>
    private async Task TellVoidedAsync(Task<Refusal?> stored, RoundReset reset, Actor actor, string notice)
    {
        try
        {
            var recipients = reset.Voided.Select(a => a.UserId).Where(u => u != actor.UserId).Distinct().ToList();
            if (await stored is not null || recipients.Count == 0)
            {
                return;
            }
            await using var db = await kind.Dbs.CreateDbContextAsync();
            var agreement = await db.Set<Agreement>().AsNoTracking().Where(a => a.DocumentId == document.Id)
                .Select(a => new { a.Id, a.Title }).FirstOrDefaultAsync();
            if (agreement is not null)
            {
                await kind.Notifier.NotifyAsync(new Notice(document.PartnershipId, actor, recipients, notice,
                    new { title = agreement.Title }, $"/p/{document.PartnershipId}/agreements/{agreement.Id}"));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            kind.Log.LogWarning(e, "Could not tell the approvers of document {Id} that their approval was voided.",
                document.Id);
        }
    }

    private async Task<Refusal?> WriteSignOffAfterAsync(Task previous, AgreementSignOff row)
    {
        // The earlier write's caller was told how it went; this one stores the newer, complete state anyway.
        await previous;
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
            await db.SaveChangesAsync();
        }
        catch (Exception ex)
        {
            kind.Log.LogError(ex, "Could not store the sign-off of document {Id}.", document.Id);
            document.Break();
            return SignOffRefused(ErrorCodes.SaveFailed, "The approval could not be saved; try again.", 503);
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
