using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workspace.Collaboration.Errors;
using Workspace.Server.Data;
using Workspace.Server.Features.Goals;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel;

namespace Workspace.Server.Features.Reviews;

public interface IReviewsGrain : IGrainWithGuidKey
{
    /// <summary>The rounds; <paramref name="userId"/> is the asking member (whether they answered each).</summary>
    Task<ReviewList> GetAllAsync(string userId);
    Task<Outcome<ReviewView>> GetAsync(string userId, Guid roundId);
    Task<Outcome<ReviewView>> OpenAsync(ReviewActor who, OpenReviewInput input);
    Task<Outcome<ReviewView>> AnswerAsync(ReviewActor who, Guid roundId, ReviewAnswerInput input);
    Task<Outcome<ReviewView>> CloseAsync(ReviewActor who, Guid roundId);
    Task<Outcome<ReviewView>> AddChangeAsync(ReviewActor who, Guid roundId, ReviewChangeInput input);
    /// <summary>Makes an action item of an agreed change (of any round: the change's id names it).</summary>
    Task<Outcome<ReviewView>> ChangeToItemAsync(ReviewActor who, Guid changeId, ChangeToItemInput input);
}

/// <summary>
/// The single authority for one partnership's review rounds (keyed by partnership id). Orleans runs one command at a
/// time here, so an answer arriving as the round closes is either in the results or refused, never half in.
/// No party owns a round: any editor of any party opens or closes one, and every member of every party answers.
/// </summary>
public sealed partial class ReviewsGrain(
    IDbContextFactory<WorkspaceDb> dbs, PartnershipFeed feed, TimeProvider clock)
    : Grain, IReviewsGrain
{
    private readonly Dictionary<Guid, RoundState> _rounds = [];

    private Guid PartnershipId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var id = PartnershipId;
        foreach (var r in await db.Set<ReviewRound>().AsNoTracking().Where(x => x.PartnershipId == id)
            .ToListAsync(cancellationToken))
        {
            _rounds[r.Id] = new RoundState(r);
        }
        foreach (var a in await db.Set<ReviewAnswer>().AsNoTracking().Where(x => x.PartnershipId == id)
            .ToListAsync(cancellationToken))
        {
            _rounds[a.RoundId].Answers[a.UserId] = a;
        }
        foreach (var c in await db.Set<ReviewChange>().AsNoTracking().Where(x => x.PartnershipId == id)
            .OrderBy(x => x.Number).ToListAsync(cancellationToken))
        {
            _rounds[c.RoundId].Changes.Add(c);
        }
    }

    public async Task<ReviewList> GetAllAsync(string userId)
    {
        var partnership = await PartnershipAsync();
        foreach (var s in _rounds.Values.ToList())
        {
            await CloseIfDueAsync(s);
        }
        var rounds = _rounds.Values.OrderByDescending(s => s.Round.Number)
            .Select(s => Summary(s, partnership, userId)).ToList();
        return new ReviewList(rounds, partnership.Parties);
    }

    public async Task<Outcome<ReviewView>> GetAsync(string userId, Guid roundId)
    {
        if (!_rounds.TryGetValue(roundId, out var s))
        {
            return Unknown();
        }
        await CloseIfDueAsync(s);
        return View(s, await PartnershipAsync(), userId);
    }

    public async Task<Outcome<ReviewView>> OpenAsync(ReviewActor who, OpenReviewInput input)
    {
        if (who.Role < PartnershipRole.Editor)
        {
            return RoleTooLow(who);
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (ValidateOpen(input, today) is { } invalid)
        {
            return Outcome<ReviewView>.Invalid(invalid);
        }
        if (_rounds.Count >= ReviewLimits.RoundsMax)
        {
            return Outcome<ReviewView>.Invalid("title", ErrorCodes.TooManyReviews,
                $"A partnership holds at most {ReviewLimits.RoundsMax} review rounds.",
                ("max", ReviewLimits.RoundsMax));
        }
        var board = await GrainFactory.GetGrain<IGoalsGrain>(PartnershipId).GetBoardAsync();
        var goals = board.Goals.Take(ReviewLimits.GoalsMax)
            .Select(g => new ReviewGoal(g.Id, Cut(g.Title, 120))).ToList();
        var round = new ReviewRound
        {
            Id = Guid.NewGuid(), PartnershipId = PartnershipId, Number = NextNumber(), Title = input.Title.Trim(),
            PeriodFrom = input.PeriodFrom!.Value, PeriodTo = input.PeriodTo!.Value, ClosesOn = input.ClosesOn!.Value,
            Goals = JsonSerializer.Serialize(goals), Status = ReviewStatus.Open, OpenedByUserId = who.Actor.UserId,
            OpenedByName = who.Actor.DisplayName, OpenedAt = clock.GetUtcNow(),
        };
        // Every member answers for themselves, so every member but the one who opened it is asked.
        var asked = new Notice(PartnershipId, who.Actor,
            (await PartnershipAsync()).Members.Select(m => m.UserId).ToList(), "review.opened",
            new { number = round.Number, title = round.Title }, $"/p/{PartnershipId}/reviews/{round.Id}");
        await feed.SaveAsync(PartnershipId, db => db.Add(round), who.Actor, "review.opened",
            $"opened the review R{round.Number} “{round.Title}”", new { number = round.Number, title = round.Title },
            asked);
        var state = new RoundState(round);
        _rounds[round.Id] = state;
        return await PublishAsync(state, who.Actor.UserId);
    }

    public async Task<Outcome<ReviewView>> CloseAsync(ReviewActor who, Guid roundId)
    {
        if (who.Role < PartnershipRole.Editor)
        {
            return RoleTooLow(who);
        }
        if (await OpenRoundAsync(roundId) is var (state, refused) && refused is not null)
        {
            return refused;
        }
        await CloseAsync(state!, who.Actor);
        return await PublishAsync(state!, who.Actor.UserId);
    }

    /// <summary>The round, closed first when its closing date has passed; refused when unknown or closed.</summary>
    private async Task<(RoundState? State, Outcome<ReviewView>? Refused)> OpenRoundAsync(Guid roundId)
    {
        if (!_rounds.TryGetValue(roundId, out var state))
        {
            return (null, Unknown());
        }
        await CloseIfDueAsync(state);
        return state.Round.Status == ReviewStatus.Closed
            ? (state, Outcome<ReviewView>.Invalid("roundId", ErrorCodes.ReviewClosed, "This review round is closed."))
            : (state, null);
    }

    /// <summary>Closes a round whose closing day is over (lazily, when the round is next read or written: no timer
    /// has to survive a restart), and tells everyone.</summary>
    private async Task CloseIfDueAsync(RoundState state)
    {
        if (state.Round.Status == ReviewStatus.Open && IsDue(state.Round))
        {
            await CloseAsync(state, null);
            await feed.PublishAsync(PartnershipId, "review.updated", View(state, await PartnershipAsync(), null));
        }
    }

    private bool IsDue(ReviewRound round) =>
        clock.GetUtcNow() >= new DateTimeOffset(round.ClosesOn.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private async Task CloseAsync(RoundState state, Actor? by)
    {
        var closed = state.Round.Copy();
        closed.Status = ReviewStatus.Closed;
        closed.ClosedAt = clock.GetUtcNow();
        closed.ClosedByName = by?.DisplayName ?? "";
        var args = new { number = closed.Number, title = closed.Title };
        var summary = $"closed the review R{closed.Number} “{closed.Title}”";
        await feed.SaveAsync(PartnershipId, db => db.Update(closed),
            by ?? new Actor("", "", ""), by is null ? "review.closedOnDate" : "review.closed", summary, args);
        state.Round = closed;
    }

    private int NextNumber() => _rounds.Count == 0 ? 1 : _rounds.Values.Max(s => s.Round.Number) + 1;

    private async Task<PartnershipView> PartnershipAsync() =>
        await GrainFactory.GetGrain<IPartnershipGrain>(PartnershipId).GetAsync()
            ?? new PartnershipView(PartnershipId, "", false, 0, [], []);

    /// <summary>Pushes the round as everyone may see it (without anybody's own answer); answers the actor with
    /// theirs.</summary>
    private async Task<Outcome<ReviewView>> PublishAsync(RoundState state, string userId)
    {
        var partnership = await PartnershipAsync();
        await feed.PublishAsync(PartnershipId, "review.updated", View(state, partnership, null));
        return View(state, partnership, userId);
    }

    private static Outcome<ReviewView> Unknown() =>
        Outcome<ReviewView>.NotFound(ErrorCodes.UnknownReview, "This review round does not exist.");

    private static Outcome<ReviewView> RoleTooLow(ReviewActor who) => Refusal.Of(StatusCodes.Status403Forbidden,
        ErrorCodes.RoleTooLow, $"This needs the {PartnershipRole.Editor} role; you are {who.Role}.",
        ("needed", PartnershipRole.Editor), ("role", who.Role));

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
