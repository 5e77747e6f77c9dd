namespace Workspace.Server.Features.Disputes;

/// <summary>A clause of an agreement as a dispute names it: the agreement's id and the clause's current number. It is
/// stored as a link that follows the clause through later edits (<c>Kernel.ClauseLinks</c>).</summary>
[GenerateSerializer, Immutable]
public sealed record ClauseReference([property: Id(0)] Guid AgreementId, [property: Id(1)] string Clause);

/// <summary>A step of the dispute-resolution path: its name and how many days it may take.</summary>
[GenerateSerializer, Immutable]
public sealed record DisputeStep([property: Id(0)] string Name, [property: Id(1)] int Days);

/// <summary>
/// The dispute-resolution steps an agreement's clause names (null when it names none, or this is not known): the
/// agreements feature replaces <see cref="NoAgreementSteps"/> with its clause parser.
/// </summary>
public interface IDisputeStepsSource
{
    Task<IReadOnlyList<DisputeStep>?> StepsAsync(Guid partnershipId, ClauseReference reference,
        CancellationToken ct = default);
}

/// <summary>No agreement steps known: disputes take the steps given with the clause, or the defaults.</summary>
public sealed class NoAgreementSteps : IDisputeStepsSource
{
    public Task<IReadOnlyList<DisputeStep>?> StepsAsync(Guid partnershipId, ClauseReference reference,
        CancellationToken ct = default) => Task.FromResult<IReadOnlyList<DisputeStep>?>(null);
}
