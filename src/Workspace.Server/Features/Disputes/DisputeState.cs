namespace Workspace.Server.Features.Disputes;

/// <summary>One dispute with everything that belongs to it, as the grain keeps it in memory.</summary>
internal sealed class DisputeState(Dispute dispute)
{
    public Dispute Dispute { get; set; } = dispute;
    public List<DisputeEvent> Events { get; } = [];
    public List<DisputeMessage> Messages { get; } = [];
    public List<DisputeNote> Notes { get; } = [];
    public List<DisputeProposal> Proposals { get; } = [];
    public List<DisputeAnswer> Answers { get; } = [];

    public IReadOnlyList<Guid> PartyIds => Parse(Dispute.PartyIds);

    public IReadOnlyList<DisputeStep> Steps => DisputeSteps.Parse(Dispute.Steps);

    public bool Involves(Guid partyId) => PartyIds.Contains(partyId);

    public IEnumerable<DisputeAnswer> AnswersTo(Guid proposalId) => Answers.Where(a => a.ProposalId == proposalId);

    public static IReadOnlyList<Guid> Parse(string joined) =>
        joined.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();
}

internal static class EntityCopies
{
    public static Dispute Copy(this Dispute d) => new()
    {
        Id = d.Id, PartnershipId = d.PartnershipId, Number = d.Number, Title = d.Title, Description = d.Description,
        Category = d.Category, Severity = d.Severity, AgreementId = d.AgreementId, Clause = d.Clause,
        ClauseTitle = d.ClauseTitle, ClauseLink = d.ClauseLink, Evidence = d.Evidence, PartyIds = d.PartyIds,
        RaisedByPartyId = d.RaisedByPartyId,
        RaisedByUserId = d.RaisedByUserId, RaisedByName = d.RaisedByName, Steps = d.Steps,
        CurrentStep = d.CurrentStep, StepStartedAt = d.StepStartedAt, Status = d.Status,
        ResolvedByProposalId = d.ResolvedByProposalId, ResolvedAt = d.ResolvedAt, CreatedAt = d.CreatedAt,
    };

    public static DisputeProposal Copy(this DisputeProposal p) => new()
    {
        Id = p.Id, PartnershipId = p.PartnershipId, DisputeId = p.DisputeId, Number = p.Number, PartyId = p.PartyId,
        ByUserId = p.ByUserId, ByName = p.ByName, Text = p.Text, Plan = p.Plan, Status = p.Status,
        CreatedAt = p.CreatedAt,
    };
}
