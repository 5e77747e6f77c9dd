using Microsoft.EntityFrameworkCore;
using Workspace.Server.Data;
using Workspace.Server.Features.Documents;

namespace Workspace.Server.Features.Disputes;

/// <summary>A clause of an agreement as a dispute names it: the agreement's id and the clause's anchor or number,
/// stored exactly as given.</summary>
[GenerateSerializer, Immutable]
public sealed record ClauseReference([property: Id(0)] Guid AgreementId, [property: Id(1)] string Clause);

/// <summary>What a resolver knows of a clause reference: whether it names something of the partnership, and how to
/// call it (e.g. "Joint plan § 7 Dispute resolution").</summary>
[GenerateSerializer, Immutable]
public sealed record ClauseCheck([property: Id(0)] bool Exists, [property: Id(1)] string Title);

/// <summary>A step of the dispute-resolution path: its name and how many days it may take.</summary>
[GenerateSerializer, Immutable]
public sealed record DisputeStep([property: Id(0)] string Name, [property: Id(1)] int Days);

/// <summary>
/// Resolves the clause a dispute names. The agreements feature replaces <see cref="DocumentClauseReferences"/> with
/// one that follows the clause through edits; disputes only ask whether it exists and what to call it.
/// </summary>
public interface IClauseReferences
{
    Task<ClauseCheck> CheckAsync(Guid partnershipId, ClauseReference reference, CancellationToken ct = default);
}

/// <summary>
/// The dispute-resolution steps an agreement's clause names (null when it names none, or this is not known): the
/// agreements feature replaces <see cref="NoAgreementSteps"/> with its clause parser.
/// </summary>
public interface IDisputeStepsSource
{
    Task<IReadOnlyList<DisputeStep>?> StepsAsync(Guid partnershipId, ClauseReference reference,
        CancellationToken ct = default);
}

/// <summary>Until agreements resolve clauses: the agreement must be a live document of the partnership; the clause
/// text is taken as given.</summary>
public sealed class DocumentClauseReferences(IDbContextFactory<WorkspaceDb> dbs) : IClauseReferences
{
    public async Task<ClauseCheck> CheckAsync(Guid partnershipId, ClauseReference reference,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var title = await db.Set<Document>().AsNoTracking()
            .Where(d => d.Id == reference.AgreementId && d.PartnershipId == partnershipId && d.DeletedAt == null)
            .Select(d => d.Title).FirstOrDefaultAsync(ct);
        return title is null ? new ClauseCheck(false, "") : new ClauseCheck(true, $"{title} § {reference.Clause}");
    }
}

/// <summary>No agreement steps known: disputes take the steps given with the clause, or the defaults.</summary>
public sealed class NoAgreementSteps : IDisputeStepsSource
{
    public Task<IReadOnlyList<DisputeStep>?> StepsAsync(Guid partnershipId, ClauseReference reference,
        CancellationToken ct = default) => Task.FromResult<IReadOnlyList<DisputeStep>?>(null);
}
