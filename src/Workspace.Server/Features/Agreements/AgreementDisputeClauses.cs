using Workspace.Server.Features.Disputes;
using StepOfDispute = Workspace.Server.Features.Disputes.DisputeStep;

namespace Workspace.Server.Features.Agreements;

/// <summary>
/// What disputes ask of agreements, answered from the agreement's current text: a dispute's clause must be a clause
/// of an agreement of the partnership (by the agreement's id, never its document's), and its steps are the ones the
/// agreement's dispute-resolution clause names.
/// </summary>
public sealed class AgreementDisputeClauses(AgreementClauses clauses) : IClauseReferences, IDisputeStepsSource
{
    public async Task<ClauseCheck> CheckAsync(Guid partnershipId, ClauseReference reference,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var agreement = await clauses.FindAsync(partnershipId, reference.AgreementId, ct);
        var link = agreement is null ? null
            : await clauses.LinkAsync(partnershipId, reference.AgreementId, reference.Clause, ct);
        return link is null ? new ClauseCheck(false, "")
            : new ClauseCheck(true, $"{agreement!.Title} § {link.Number} {link.Title}".Trim());
    }

    public async Task<IReadOnlyList<StepOfDispute>?> StepsAsync(Guid partnershipId, ClauseReference reference,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var steps = await clauses.DisputeStepsAsync(partnershipId, reference.AgreementId, ct);
        return steps is null or { Count: 0 } ? null : [.. steps.Select(s => new StepOfDispute(s.Name, s.Days))];
    }
}
