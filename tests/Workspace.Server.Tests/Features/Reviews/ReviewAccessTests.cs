using System.Net;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Reviews.ReviewWorld;

namespace Workspace.Server.Tests.Features.Reviews;

public sealed class ReviewAccessTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task SomeoneOutsideThePartnershipNeitherReadsNorAnswers()
    {
        var w = await ReviewWorld.CreateAsync(factory, "Outsider", _ct);
        var round = await w.OpenAsync(w.A, _ct);
        var stranger = await factory.SignUpAsync("Outsider stranger", ct: _ct);

        var list = await stranger.Http.GetJsonAsync(w.Url("/reviews"), _ct);
        var one = await stranger.Http.GetJsonAsync(w.Url($"/reviews/{round}"), _ct);
        var answer = await w.AnswerAsync(stranger, round, Answer(1, 1, 1, 1), _ct);
        var open = await stranger.Http.PostJsonAsync(w.Url("/reviews"), Round(), _ct);

        Assert.All([list.Status, one.Status, answer.Status, open.Status],
            s => Assert.True(s is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{s}"));
        Assert.Equal(0, (await w.GetAsync(w.A, round, _ct)).GetProperty("progress")[0].GetProperty("answered")
            .GetInt32());
    }

    [Fact]
    public async Task ARoundOfAnotherPartnershipIsUnknownHere()
    {
        var w = await ReviewWorld.CreateAsync(factory, "Elsewhere", _ct);
        var other = await ReviewWorld.CreateAsync(factory, "Elsewhere other", _ct);
        var theirs = await other.OpenAsync(other.A, _ct);

        var read = await w.A.Http.GetJsonAsync(w.Url($"/reviews/{theirs}"), _ct);
        var answered = await w.AnswerAsync(w.A, theirs, Answer(3, 3, 3, 3), _ct);

        Assert.Equal((HttpStatusCode.NotFound, "unknownReview"), (read.Status, Code(read.Body)));
        Assert.Equal((HttpStatusCode.NotFound, "unknownReview"), (answered.Status, Code(answered.Body)));
    }

    [Fact]
    public async Task OnlyGoalsTheRoundAsksAboutAreScoredAndEveryScoreIsOneToFive()
    {
        var w = await ReviewWorld.CreateAsync(factory, "Scores", _ct);
        var other = await ReviewWorld.CreateAsync(factory, "Scores other", _ct);
        var round = await w.OpenAsync(w.A, _ct);
        var later = await GoalAsync(w.A, w.P, "A goal added after opening", w.PartyA, _ct);

        var foreign = await w.AnswerAsync(w.A, round, Answer(3, 3, 3, 3, [(other.Goal1, 3)]), _ct);
        var afterOpening = await w.AnswerAsync(w.A, round, Answer(3, 3, 3, 3, [(later, 3)]), _ct);
        var twice = await w.AnswerAsync(w.A, round, Answer(3, 3, 3, 3, [(w.Goal1, 3), (w.Goal1, 4)]), _ct);
        var zero = await w.AnswerAsync(w.A, round, Answer(0, 3, 3, 3), _ct);
        var six = await w.AnswerAsync(w.A, round, Answer(3, 3, 6, 3), _ct);
        var goalSix = await w.AnswerAsync(w.A, round, Answer(3, 3, 3, 3, [(w.Goal2, 6)]), _ct);
        var missing = await w.A.Http.PutJsonAsync(w.Url($"/reviews/{round}/answer"), new { overall = 3 }, _ct);
        var tooLong = await w.AnswerAsync(w.A, round, Answer(3, 3, 3, 3, works: new string('x', 2001)), _ct);

        Assert.Equal("goalNotInReview", Code(foreign.Body));
        Assert.Equal("goalNotInReview", Code(afterOpening.Body));
        Assert.Equal("goalNotInReview", Code(twice.Body));
        Assert.Equal(("outOfRange", "outOfRange", "outOfRange", "outOfRange"),
            (Code(zero.Body), Code(six.Body), Code(goalSix.Body), Code(missing.Body)));
        Assert.Equal("tooLong", Code(tooLong.Body));
        Assert.All([foreign, afterOpening, twice, zero, six, goalSix, missing, tooLong],
            r => Assert.Equal(HttpStatusCode.BadRequest, r.Status));
        var after = await w.GetAsync(w.A, round, _ct);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, after.GetProperty("mine").ValueKind);
        Assert.Equal(["Train 40 farmers", "Open the second depot"], after.GetProperty("goals").EnumerateArray()
            .Select(g => g.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task AMemberCannotAnswerForAnother()
    {
        var w = await ReviewWorld.CreateAsync(factory, "Proxy", _ct);
        var round = await w.OpenAsync(w.A, _ct);
        await OkAsync(w.AnswerAsync(w.B, round, Answer(2, 2, 2, 2), _ct));

        var forB = await w.AnswerAsync(w.A, round, Answer(5, 5, 5, 5, userId: w.B.Id), _ct);
        var own = await OkAsync(w.AnswerAsync(w.A, round, Answer(4, 4, 4, 4, userId: w.A.Id), _ct));

        Assert.Equal((HttpStatusCode.BadRequest, "answerNotYours"), (forB.Status, Code(forB.Body)));
        Assert.Equal(4, own.GetProperty("mine").GetProperty("overall").GetInt32());
        Assert.Equal(2, (await w.GetAsync(w.B, round, _ct)).GetProperty("mine").GetProperty("overall").GetInt32());
    }

    [Fact]
    public async Task OpeningAndClosingNeedAnEditorAndARoundIsBounded()
    {
        var w = await ReviewWorld.CreateAsync(factory, "Roles", _ct);
        var commenter = await w.JoinAsync(w.PartyB, PartnershipRole.Commenter, "Roles B commenter", _ct);
        var round = await w.OpenAsync(w.A, _ct);

        var opened = await commenter.Http.PostJsonAsync(w.Url("/reviews"), Round(), _ct);
        var closed = await commenter.Http.PostJsonAsync(w.Url($"/reviews/{round}/close"), new { }, _ct);
        var backwards = await w.A.Http.PostJsonAsync(w.Url("/reviews"), Round(from: "2026-06-01", to: "2026-05-01"),
            _ct);
        var tooLong = await w.A.Http.PostJsonAsync(w.Url("/reviews"), Round(from: "2020-01-01", to: "2026-01-01"), _ct);
        var past = await w.A.Http.PostJsonAsync(w.Url("/reviews"), Round(closesOn: "2020-01-01"), _ct);
        var title = await w.A.Http.PostJsonAsync(w.Url("/reviews"), Round(title: new string('t', 201)), _ct);
        var noDates = await w.A.Http.PostJsonAsync(w.Url("/reviews"), new { title = "No dates" }, _ct);

        Assert.Equal((HttpStatusCode.Forbidden, "roleTooLow"), (opened.Status, Code(opened.Body)));
        Assert.Equal((HttpStatusCode.Forbidden, "roleTooLow"), (closed.Status, Code(closed.Body)));
        Assert.Equal("periodEndsBeforeStart", Code(backwards.Body));
        Assert.Equal("periodTooLong", Code(tooLong.Body));
        Assert.Equal("closingDateOutOfRange", Code(past.Body));
        Assert.Equal("tooLong", Code(title.Body));
        Assert.Equal("required", Code(noDates.Body));
        var list = await OkAsync(w.A.Http.GetJsonAsync(w.Url("/reviews"), _ct));
        Assert.Single(list.GetProperty("rounds").EnumerateArray());
        await OkAsync(w.AnswerAsync(commenter, round, Answer(3, 3, 3, 3), _ct)); // every member answers
    }

    [Fact]
    public async Task AnActionItemOwnerMustBeAMemberAndTheChangeStaysUnlinkedOtherwise()
    {
        var w = await ReviewWorld.CreateAsync(factory, "Owner", _ct);
        var stranger = await factory.SignUpAsync("Owner stranger", ct: _ct);
        var round = await w.OpenAsync(w.A, _ct);
        await OkAsync(w.A.Http.PostJsonAsync(w.Url($"/reviews/{round}/close"), new { }, _ct));
        var noted = await OkAsync(w.A.Http.PostJsonAsync(w.Url($"/reviews/{round}/changes"),
            new { text = "Shared dashboard" }, _ct));
        var change = noted.GetProperty("changes")[0].GetProperty("id").GetGuid();

        var refused = await w.A.Http.PostJsonAsync(w.Url($"/reviews/changes/{change}/action-item"),
            new { ownerUserId = stranger.Id }, _ct);
        var unknown = await w.A.Http.PostJsonAsync(w.Url($"/reviews/changes/{Guid.NewGuid()}/action-item"),
            new { }, _ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal((HttpStatusCode.NotFound, "unknownChange"), (unknown.Status, Code(unknown.Body)));
        var after = await w.GetAsync(w.A, round, _ct);
        Assert.Equal(System.Text.Json.JsonValueKind.Null,
            after.GetProperty("changes")[0].GetProperty("actionItemNumber").ValueKind);
    }
}
