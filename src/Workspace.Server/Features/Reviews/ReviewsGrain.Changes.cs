using Workspace.Collaboration.Errors;
using Workspace.Server.Features.ActionItems;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel;

namespace Workspace.Server.Features.Reviews;

/// <summary>
/// What the parties agreed to change after a round, and the action items those lines become: the review feeds the
/// board through the action items' own idempotent command, so the item is an ordinary one.
/// </summary>
public sealed partial class ReviewsGrain
{
    public async Task<Outcome<ReviewView>> AddChangeAsync(ReviewActor who, Guid roundId, ReviewChangeInput input)
    {
        if (await ClosedRoundAsync(roundId) is var (state, refused) && refused is not null)
        {
            return refused;
        }
        var text = input.Text.Trim();
        if (text.Length == 0)
        {
            return Outcome<ReviewView>.Invalid("text", ErrorCodes.Required, "The change is required.");
        }
        if (state!.Changes.Count >= ReviewLimits.ChangesMax)
        {
            return Outcome<ReviewView>.Invalid("text", ErrorCodes.TooManyReviews,
                $"A round holds at most {ReviewLimits.ChangesMax} agreed changes.", ("max", ReviewLimits.ChangesMax));
        }
        var change = new ReviewChange
        {
            Id = Guid.NewGuid(), PartnershipId = PartnershipId, RoundId = roundId,
            Number = state.Changes.Count == 0 ? 1 : state.Changes.Max(c => c.Number) + 1, Text = text,
            PartyId = who.PartyId, ByUserId = who.Actor.UserId, ByName = who.Actor.DisplayName, At = clock.GetUtcNow(),
        };
        var round = state.Round;
        await feed.SaveAsync(PartnershipId, db => db.Add(change), who.Actor, "review.changeAgreed",
            $"noted an agreed change in the review R{round.Number} “{round.Title}”",
            new { number = round.Number, title = round.Title });
        state.Changes.Add(change);
        return await PublishAsync(state, who.Actor.UserId);
    }

    public async Task<Outcome<ReviewView>> ChangeToItemAsync(ReviewActor who, Guid changeId, ChangeToItemInput input)
    {
        if (who.Role < PartnershipRole.Editor)
        {
            return RoleTooLow(who);
        }
        var state = _rounds.Values.FirstOrDefault(s => s.Changes.Any(c => c.Id == changeId));
        if (state is null)
        {
            return Outcome<ReviewView>.NotFound(ErrorCodes.UnknownChange, "This agreed change does not exist.");
        }
        var index = state.Changes.FindIndex(c => c.Id == changeId); // noted on a closed round only
        var change = state.Changes[index];
        if (change.ActionItemNumber is not null)
        {
            return View(state, await PartnershipAsync(), who.Actor.UserId); // made already: the same item
        }
        var round = state.Round;
        var notes = (input.Language == "id" ? "Disepakati dalam tinjauan" : "Agreed in the review")
            + $" R{round.Number} “{round.Title}” ({round.PeriodFrom:yyyy-MM-dd} – "
            + $"{round.PeriodTo:yyyy-MM-dd}): /p/{PartnershipId}/reviews/{round.Id}";
        // The item takes the change's id: a second attempt (after a failure between making and linking) finds the
        // item the first one made instead of making another.
        var made = await GrainFactory.GetGrain<IActionItemsGrain>(PartnershipId).CreateOnceAsync(who.Actor,
            change.Id, new ActionItemInput(Cut(change.Text, ActionItemLimits.TitleMax), notes,
                input.OwnerUserId, input.DueDate, ActionStatus.Open, null, null, null, 0));
        if (made.Kind != OutcomeKind.Ok)
        {
            return Outcome<ReviewView>.Refused(made); // e.g. an owner who is not a member: worded by the items
        }
        var linked = change.Copy();
        linked.ActionItemId = made.Value!.Id;
        linked.ActionItemNumber = made.Value.Number;
        await feed.SaveAsync(PartnershipId, db => db.Update(linked), who.Actor, "review.itemCreated",
            $"made an action item of an agreed change in the review R{round.Number} “{round.Title}”",
            new { number = round.Number, title = round.Title, item = made.Value.Number });
        state.Changes[index] = linked;
        return await PublishAsync(state, who.Actor.UserId);
    }

    /// <summary>Agreed changes come after the results: the round must be closed (closing it first when due).</summary>
    private async Task<(RoundState? State, Outcome<ReviewView>? Refused)> ClosedRoundAsync(Guid roundId)
    {
        if (!_rounds.TryGetValue(roundId, out var state))
        {
            return (null, Unknown());
        }
        await CloseIfDueAsync(state);
        return state.Round.Status == ReviewStatus.Open
            ? (state, Outcome<ReviewView>.Invalid("roundId", ErrorCodes.ReviewStillOpen,
                "Agreed changes are noted once the round is closed."))
            : (state, null);
    }
}
