using Workspace.Server.Features.Disputes;
using StepOfDispute = Workspace.Server.Features.Disputes.DisputeStep;

namespace Workspace.Server.Features.Agreements;

/// <summary>
/// What disputes ask of agreements beyond the clause link: the steps the agreement's dispute-resolution clause names,
/// read from its current text (by the agreement's id, never its document's).
/// </summary>
public sealed class AgreementDisputeClauses(AgreementClauses clauses) : IDisputeStepsSource
{
    public async Task<IReadOnlyList<StepOfDispute>?> StepsAsync(Guid partnershipId, ClauseReference reference,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var steps = await clauses.DisputeStepsAsync(partnershipId, reference.AgreementId, ct);
        return steps is null or { Count: 0 } ? null : [.. steps.Select(s => new StepOfDispute(s.Name, s.Days))];
    }
}
