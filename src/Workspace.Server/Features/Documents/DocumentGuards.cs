using Workspace.Collaboration.Ot;
using Workspace.Server.Data;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel;

namespace Workspace.Server.Features.Documents;

/// <summary>
/// Another feature's rule over the text of some documents (an agreement's sign-off), kept by the document's grain:
/// asked before every edit and told of every applied edit inside the grain's turn, and given its own commands in that
/// turn too (<see cref="IDocumentGrain.GuardAsync"/>). So the one authority that orders the edits also orders the
/// guard's decisions: an edit and a decision of the guard can never both win. Documents know no guard by name; a
/// feature registers its <see cref="IDocumentGuardKind"/>, and only a document marked with that kind loads one.
/// </summary>
public interface IDocumentGuard
{
    /// <summary>True while no edit of the text is accepted, the server's own edits (task sync, restore) included.
    /// </summary>
    bool ReadOnly { get; }

    /// <summary>The error code every edit meets now (null while edits are accepted), for clients to show the text
    /// read-only from the start. Read from the guard's state in memory: no I/O.</summary>
    string? EditRefusal { get; }

    /// <summary>The refusal of an edit (null when it is allowed), asked before anything of it is applied.</summary>
    Refusal? CheckEdit();

    /// <summary>An edit by <paramref name="author"/> made <paramref name="revision"/> (synchronously, as applied).
    /// </summary>
    void Edited(Actor author, long revision);

    /// <summary>One of the guard's own commands; what it answers (or its refusal) goes back to the caller.</summary>
    Task<Outcome<object?>> HandleAsync(IDocumentGuardCommand command);
}

/// <summary>A command for a document's guard of the kind <see cref="Guard"/> names.</summary>
public interface IDocumentGuardCommand
{
    string Guard { get; }
}

/// <summary>A kind of guard (registered as a service by the feature that owns it).</summary>
public interface IDocumentGuardKind
{
    /// <summary>Stored with each document this kind guards (<c>Document.Guard</c>); at most 40 characters.</summary>
    string Name { get; }

    /// <summary>A guard with no state yet, for a document not marked: it answers commands as for a document it does
    /// not guard, until it attaches itself (<see cref="IGuardedDocument.AttachAsync"/>).</summary>
    IDocumentGuard Create(IGuardedDocument document);

    /// <summary>The guard of a document marked with this kind, its state read while the document activates.</summary>
    Task<IDocumentGuard> LoadAsync(IGuardedDocument document, WorkspaceDb db, CancellationToken cancellationToken);
}

/// <summary>What a guard sees of its document and may ask of it (all inside the document grain's turn).</summary>
public interface IGuardedDocument
{
    Guid Id { get; }

    Guid PartnershipId { get; }

    /// <summary>The document exists and is not deleted.</summary>
    bool Live { get; }

    /// <summary>A write failed: the document accepts nothing more until it has reloaded.</summary>
    bool Broken { get; }

    long Revision { get; }

    string Text { get; }

    /// <summary>Completes once every edit applied so far is stored.</summary>
    Task Stored { get; }

    /// <summary>Marks the document as guarded by <paramref name="kind"/> (stored first), with this guard; the
    /// refusal when it is not live or already guarded.</summary>
    Task<Refusal?> AttachAsync(IDocumentGuardKind kind, IDocumentGuard guard);

    /// <summary>An edit the server makes on behalf of <paramref name="actor"/>; the revision afterwards, or null when
    /// it could not be stored.</summary>
    Task<long?> EditAsync(TextOperation op, Actor actor);

    /// <summary>The guard's own state could not be stored: the document refuses everything and reloads.</summary>
    void Break();

    /// <summary>Runs <paramref name="callback"/> once, after <paramref name="due"/>, in the document's turn.</summary>
    IDisposable After(TimeSpan due, Func<Task> callback);
}
