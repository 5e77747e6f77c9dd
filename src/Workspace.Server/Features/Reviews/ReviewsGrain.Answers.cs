using System.Text.Json;
using Workspace.Collaboration.Errors;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Features.Reviews;

/// <summary>Answers and the checks of what a client sends.</summary>
public sealed partial class ReviewsGrain
{
    public async Task<Outcome<ReviewView>> AnswerAsync(ReviewActor who, Guid roundId, ReviewAnswerInput input)
    {
        if (input.UserId is { Length: > 0 } named && named != who.Actor.UserId)
        {
            return Outcome<ReviewView>.Invalid("userId", ErrorCodes.AnswerNotYours,
                "Each member answers for themselves only.");
        }
        if (await OpenRoundAsync(roundId) is var (state, refused) && refused is not null)
        {
            return refused;
        }
        var (scores, invalid) = ValidateGoalScores(state!, input.Goals ?? []);
        if (invalid is not null)
        {
            return Outcome<ReviewView>.Invalid(invalid);
        }
        var earlier = state!.Answers.GetValueOrDefault(who.Actor.UserId);
        var answer = new ReviewAnswer
        {
            Id = earlier?.Id ?? Guid.NewGuid(), PartnershipId = PartnershipId, RoundId = roundId,
            UserId = who.Actor.UserId, PartyId = who.PartyId, Overall = input.Overall,
            Communication = input.Communication, Fairness = input.Fairness, Progress = input.Progress,
            GoalScores = JsonSerializer.Serialize(scores), WhatWorks = input.WhatWorks?.Trim() ?? "",
            WhatShouldChange = input.WhatShouldChange?.Trim() ?? "", At = clock.GetUtcNow(),
        };
        var round = state.Round;
        await feed.SaveAsync(PartnershipId, db =>
            {
                if (earlier is null)
                {
                    db.Add(answer);
                }
                else
                {
                    db.Update(answer);
                }
            }, who.Actor, earlier is null ? "review.answered" : "review.answerChanged",
            $"answered the review R{round.Number} “{round.Title}”", new { number = round.Number, title = round.Title });
        state.Answers[who.Actor.UserId] = answer;
        return await PublishAsync(state, who.Actor.UserId);
    }

    /// <summary>Every goal scored must be one the round asks about (so one of this partnership's), once, 1–5.</summary>
    private static (Dictionary<Guid, int> Scores, FieldError? Invalid) ValidateGoalScores(
        RoundState state, IReadOnlyList<GoalScoreInput> given)
    {
        var asked = state.Goals.Select(g => g.Id).ToHashSet();
        var scores = new Dictionary<Guid, int>();
        for (var i = 0; i < given.Count; i++)
        {
            var g = given[i];
            if (!asked.Contains(g.GoalId) || scores.ContainsKey(g.GoalId))
            {
                return (scores, new FieldError($"goals[{i}].goalId", ErrorCodes.GoalNotInReview,
                    "This goal is not one this review round asks about.", Problems.Args(("goalId", g.GoalId))));
            }
            if (g.Score is < ReviewLimits.ScoreMin or > ReviewLimits.ScoreMax)
            {
                return (scores, new FieldError($"goals[{i}].score", ErrorCodes.OutOfRange,
                    "A score is between 1 and 5.",
                    Problems.Args(("min", ReviewLimits.ScoreMin), ("max", ReviewLimits.ScoreMax))));
            }
            scores[g.GoalId] = g.Score;
        }
        return (scores, null);
    }

    /// <summary>The period runs forwards and is at most two years; the round closes today or within a year.</summary>
    private static FieldError? ValidateOpen(OpenReviewInput input, DateOnly today)
    {
        var (from, to, closes) = (input.PeriodFrom!.Value, input.PeriodTo!.Value, input.ClosesOn!.Value);
        if (input.Title.Trim().Length == 0)
        {
            return new FieldError("title", ErrorCodes.Required, "The title is required.", null);
        }
        if (to < from)
        {
            return new FieldError("periodTo", ErrorCodes.PeriodEndsBeforeStart,
                "The period ends before it starts.", null);
        }
        if (to.DayNumber - from.DayNumber > ReviewLimits.PeriodDaysMax)
        {
            return new FieldError("periodTo", ErrorCodes.PeriodTooLong, "A review covers at most two years.",
                Problems.Args(("max", ReviewLimits.PeriodDaysMax)));
        }
        return closes < today || closes.DayNumber - today.DayNumber > ReviewLimits.ClosingDaysMax
            ? new FieldError("closesOn", ErrorCodes.ClosingDateOutOfRange,
                "The closing date is between today and a year from now.",
                Problems.Args(("max", ReviewLimits.ClosingDaysMax)))
            : null;
    }
}
