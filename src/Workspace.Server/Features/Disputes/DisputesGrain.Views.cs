using System.Text.Json;

namespace Workspace.Server.Features.Disputes;

/// <summary>How a dispute is shown: its steps with their deadlines (overdue once the current one passed), proposals
/// with their answers, the discussion and the timeline. Never its notes.</summary>
public sealed partial class DisputesGrain
{
    private DisputeView View(DisputeState s)
    {
        var d = s.Dispute;
        var steps = StepViews(s);
        var deadline = d.Status == DisputeStatus.Open ? steps[d.CurrentStep].Deadline : null;
        return new DisputeView(
            d.Id, d.Number, d.Title, d.Description, d.Category, d.Severity, d.Status,
            ClauseViewOf(d),
            EvidenceOf(d), s.PartyIds, d.RaisedByPartyId, d.RaisedByName, steps, d.CurrentStep, deadline,
            deadline is { } due && due < clock.GetUtcNow(),
            s.Proposals.Select(p => new ProposalView(p.Id, p.Number, p.PartyId, p.ByName, p.Text, PlanOf(p), p.Status,
                s.AnswersTo(p.Id).Select(a => new AnswerView(a.PartyId, a.Accepted, a.ByName, a.At)).ToList(),
                p.CreatedAt)).ToList(),
            s.Messages.Select(m => new MessageView(m.Id, m.ReplyToId, m.PartyId, m.AuthorName, m.Text, m.At)).ToList(),
            s.Events.Select(e => new TimelineEntry(e.Kind, e.PartyId, e.ActorName,
                JsonSerializer.Deserialize<Dictionary<string, string>>(e.Args) ?? [], e.At)).ToList(),
            d.ResolvedByProposalId, d.ResolvedAt, d.CreatedAt);
    }

    private DisputeSummary Summary(DisputeState s)
    {
        var d = s.Dispute;
        var steps = StepViews(s);
        var deadline = d.Status == DisputeStatus.Open ? steps[d.CurrentStep].Deadline : null;
        return new DisputeSummary(d.Id, d.Number, d.Title, d.Category, d.Severity, d.Status, s.PartyIds,
            d.CurrentStep, steps[d.CurrentStep].Name, deadline, deadline is { } due && due < clock.GetUtcNow(),
            d.CreatedAt);
    }

    /// <summary>Each step started when the dispute was raised or moved to it; its deadline is that plus its
    /// days.</summary>
    private static List<StepView> StepViews(DisputeState s)
    {
        var d = s.Dispute;
        var started = new Dictionary<int, DateTimeOffset> { [0] = d.CreatedAt };
        foreach (var e in s.Events.Where(e => e.Kind == "step"))
        {
            var args = JsonSerializer.Deserialize<Dictionary<string, string>>(e.Args) ?? [];
            if (args.TryGetValue("index", out var i) && int.TryParse(i, out var index))
            {
                started[index] = e.At;
            }
        }
        started[d.CurrentStep] = d.StepStartedAt;
        return s.Steps.Select((step, i) =>
        {
            var state = i < d.CurrentStep || (i == d.CurrentStep && d.Status == DisputeStatus.Resolved)
                ? StepState.Done : i == d.CurrentStep ? StepState.Current : StepState.Upcoming;
            DateTimeOffset? from = started.TryGetValue(i, out var at) && i <= d.CurrentStep ? at : null;
            return new StepView(step.Name, step.Days, state, from, from?.AddDays(step.Days));
        }).ToList();
    }

    private static IReadOnlyList<EvidenceLink> EvidenceOf(Dispute d) =>
        d.Evidence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(e => e.Split(':'))
            .Select(p => new EvidenceLink(Enum.Parse<EvidenceKind>(p[0]), Guid.Parse(p[1]))).ToList();
}
