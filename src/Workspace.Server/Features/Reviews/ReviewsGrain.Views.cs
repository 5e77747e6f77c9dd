using Workspace.Server.Kernel;

namespace Workspace.Server.Features.Reviews;

/// <summary>What members see of a round: while it is open only how many of each party answered; once closed the
/// averages per question and party, and the free texts grouped by party.</summary>
public sealed partial class ReviewsGrain
{
    /// <summary>The four questions every answer scores, in the order the form and the results show them.</summary>
    private static readonly (string Key, Func<ReviewAnswer, int> Score)[] Questions =
    [
        ("overall", a => a.Overall), ("communication", a => a.Communication), ("fairness", a => a.Fairness),
        ("progress", a => a.Progress),
    ];

    private static ReviewView View(RoundState s, PartnershipView partnership, string? userId)
    {
        var r = s.Round;
        var closed = r.Status == ReviewStatus.Closed;
        var mine = userId is not null && s.Answers.TryGetValue(userId, out var a) ? Mine(a) : null;
        return new ReviewView(r.Id, r.Number, r.Title, r.PeriodFrom, r.PeriodTo, r.ClosesOn, r.Status, s.Goals,
            Progress(s, partnership), r.OpenedByName, r.OpenedAt, r.ClosedByName, r.ClosedAt,
            closed ? Results(s, partnership) : null, s.Changes.Select(ChangeView).ToList(), mine);
    }

    private static ReviewSummary Summary(RoundState s, PartnershipView partnership, string userId)
    {
        var overall = s.Round.Status == ReviewStatus.Closed
            ? Averages(s, partnership, a => a.Overall) : null;
        return new ReviewSummary(s.Round.Id, s.Round.Number, s.Round.Title, s.Round.PeriodFrom, s.Round.PeriodTo,
            s.Round.ClosesOn, s.Round.Status, Progress(s, partnership), overall, s.Answers.ContainsKey(userId),
            s.Round.ClosedAt);
    }

    /// <summary>
    /// Per party: how many of its members now have answered, of how many (a member who left keeps their answer in
    /// the results, but is no longer one of those who answered: "3 of 2" would make no sense).
    /// </summary>
    private static List<PartyProgress> Progress(RoundState s, PartnershipView partnership) =>
        partnership.Parties.Select(p =>
        {
            var members = partnership.Members.Where(m => m.PartyId == p.Id).ToList();
            return new PartyProgress(p.Id, p.Name, members.Count(m => s.Answers.ContainsKey(m.UserId)),
                members.Count);
        }).ToList();

    private static ReviewResults Results(RoundState s, PartnershipView partnership)
    {
        var questions = Questions.Select(q => Question(s, partnership, q.Key, null, a => q.Score(a))).ToList();
        foreach (var goal in s.Goals)
        {
            questions.Add(Question(s, partnership, "goal", goal.Id,
                a => RoundState.GoalScores(a).TryGetValue(goal.Id, out var score) ? score : null));
        }
        var texts = partnership.Parties.Select(p =>
        {
            var answers = s.Answers.Values.Where(a => a.PartyId == p.Id).OrderBy(a => a.At).ToList();
            return new PartyTexts(p.Id,
                answers.Select(a => a.WhatWorks).Where(t => t.Length > 0).ToList(),
                answers.Select(a => a.WhatShouldChange).Where(t => t.Length > 0).ToList());
        }).ToList();
        return new ReviewResults(questions, texts);
    }

    private static QuestionResult Question(RoundState s, PartnershipView partnership, string key, Guid? goalId,
        Func<ReviewAnswer, int?> score)
    {
        var all = s.Answers.Values.Select(score).OfType<int>().ToList();
        return new QuestionResult(key, goalId, Averages(s, partnership, score),
            all.Count == 0 ? null : Math.Round(all.Average(), 2));
    }

    /// <summary>The average per party of one question; null for a party none of whose members scored it.</summary>
    private static Dictionary<Guid, double?> Averages(RoundState s, PartnershipView partnership,
        Func<ReviewAnswer, int?> score) =>
        partnership.Parties.ToDictionary(p => p.Id, p =>
        {
            var scores = s.Answers.Values.Where(a => a.PartyId == p.Id).Select(score).OfType<int>().ToList();
            return scores.Count == 0 ? (double?)null : Math.Round(scores.Average(), 2);
        });

    private static MyAnswerView Mine(ReviewAnswer a) => new(a.Overall, a.Communication, a.Fairness, a.Progress,
        RoundState.GoalScores(a), a.WhatWorks, a.WhatShouldChange, a.At);

    private static ReviewChangeView ChangeView(ReviewChange c) =>
        new(c.Id, c.Number, c.Text, c.PartyId, c.ByName, c.At, c.ActionItemId, c.ActionItemNumber);
}
