using Microsoft.EntityFrameworkCore;
using Workspace.Collaboration.Errors;
using Workspace.Collaboration.Ot;
using Workspace.Server.Data;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel;

namespace Workspace.Server.Features.Documents;

/// <summary>
/// The document's guard (<see cref="IDocumentGuard"/>), when it has one: only a document marked with a guard's kind
/// loads it, so any other document pays one null check per edit.
/// </summary>
public sealed partial class DocumentGrain : IGuardedDocument
{
    private IDocumentGuard? _guard;

    private bool ReadOnlyByGuard => _guard?.ReadOnly == true;

    public async Task<Outcome<object?>> GuardAsync(IDocumentGuardCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var guard = _guard ?? GuardKind(command.Guard).Create(this);
        var refusal = _guard?.EditRefusal;
        try
        {
            return await guard.HandleAsync(command);
        }
        finally
        {
            // Open editors switch to read-only (or back) as the guard's decision lands, not at their next keystroke.
            if (_guard?.EditRefusal != refusal && _document is not null)
            {
                await PublishInfoAsync();
            }
        }
    }

    /// <summary>The refusal of an edit the guard does not allow; asked before anything is applied.</summary>
    private Refusal? CheckEditAllowed() => _guard?.CheckEdit();

    private async Task LoadGuardAsync(WorkspaceDb db, CancellationToken cancellationToken)
    {
        if (_document?.Guard is { } kind)
        {
            _guard = await GuardKind(kind).LoadAsync(this, db, cancellationToken);
        }
    }

    private IDocumentGuardKind GuardKind(string name) =>
        ServiceProvider.GetServices<IDocumentGuardKind>().FirstOrDefault(k => k.Name == name)
        ?? throw new InvalidOperationException($"Document {Id}: no guard of kind \"{name}\" is registered.");

    Guid IGuardedDocument.Id => Id;

    Guid IGuardedDocument.PartnershipId => _document?.PartnershipId ?? Guid.Empty;

    bool IGuardedDocument.Live => _document is { DeletedAt: null };

    bool IGuardedDocument.Broken => _broken;

    long IGuardedDocument.Revision => _revision;

    string IGuardedDocument.Text => Text;

    Task IGuardedDocument.Stored => _lastWrite;

    async Task<Refusal?> IGuardedDocument.AttachAsync(IDocumentGuardKind kind, IDocumentGuard guard)
    {
        if (Gone() is { } gone)
        {
            return gone;
        }
        var document = _document!;
        if (_guard is not null)
        {
            return Refusal.Of(StatusCodes.Status409Conflict, ErrorCodes.DocumentExists,
                "This document is already in use.");
        }
        _guard = guard; // edits meanwhile already meet it
        try
        {
            await using var db = await dbs.CreateDbContextAsync();
            await db.Set<Document>().Where(d => d.Id == Id)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Guard, kind.Name));
        }
        catch
        {
            _guard = null;
            throw;
        }
        document.Guard = kind.Name;
        return null;
    }

    Task<long?> IGuardedDocument.EditAsync(TextOperation op, Actor actor) => ServerEditAsync(op, actor);

    void IGuardedDocument.Break()
    {
        _broken = true;
        DeactivateOnIdle();
    }

    IDisposable IGuardedDocument.After(TimeSpan due, Func<Task> callback) =>
        this.RegisterGrainTimer(_ => callback(), due, Timeout.InfiniteTimeSpan);
}
