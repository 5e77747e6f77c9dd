using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Reviews.ReviewWorld;

namespace Workspace.Server.Tests.Features.Reviews;

public sealed class ReviewFlowTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryMemberAnswersOnceScoresStayHiddenUntilClosedThenResultsArePerParty()
    {
        var w = await ReviewWorld.CreateAsync(factory, "Flow", _ct);
        var bViewer = await w.JoinAsync(w.PartyB, PartnershipRole.Viewer, "Flow B viewer", _ct);
        var round = await w.OpenAsync(w.B, _ct); // an editor of the second party opens it: no party owns a round

        await OkAsync(w.AnswerAsync(w.A, round, Answer(5, 4, 4, 3, [(w.Goal1, 4)], "Weekly calls", "Pay faster"),
            _ct));
        var changed = await OkAsync(w.AnswerAsync(w.A, round,
            Answer(4, 4, 5, 3, [(w.Goal1, 5)], "Weekly calls", "Pay faster"), _ct));
        await OkAsync(w.AnswerAsync(w.B, round, Answer(2, 3, 2, 3, [(w.Goal2, 2)], "Field days", "Share data"), _ct));
        await OkAsync(w.AnswerAsync(bViewer, round, Answer(3, 2, 3, 3), _ct));

        Assert.Equal(4, changed.GetProperty("mine").GetProperty("overall").GetInt32());
        var seenByB = await w.GetAsync(w.B, round, _ct);
        var raw = await w.B.Http.GetStringAsync(w.Url($"/reviews/{round}"), _ct);
        Assert.Equal(JsonValueKind.Null, seenByB.GetProperty("results").ValueKind);
        Assert.DoesNotContain("Weekly calls", raw, StringComparison.Ordinal);
        Assert.Equal(2, seenByB.GetProperty("mine").GetProperty("overall").GetInt32());
        var progress = seenByB.GetProperty("progress").EnumerateArray()
            .ToDictionary(p => p.GetProperty("partyId").GetGuid(),
                p => (p.GetProperty("answered").GetInt32(), p.GetProperty("members").GetInt32()));
        Assert.Equal((1, 1), progress[w.PartyA]);
        Assert.Equal((2, 2), progress[w.PartyB]);

        var closed = await OkAsync(w.A.Http.PostJsonAsync(w.Url($"/reviews/{round}/close"), new { }, _ct));
        var late = await w.AnswerAsync(w.B, round, Answer(5, 5, 5, 5), _ct);

        Assert.Equal("Closed", closed.GetProperty("status").GetString());
        Assert.Equal((HttpStatusCode.BadRequest, "reviewClosed"), (late.Status, Code(late.Body)));
        var results = await w.GetAsync(w.B, round, _ct);
        Assert.Equal((4.0, 2.5, 3.0), Averages(results, "overall", w.PartyA, w.PartyB));
        Assert.Equal((5.0, 2.5, 3.33), Averages(results, "fairness", w.PartyA, w.PartyB));
        Assert.Equal((5.0, null, 5.0), Averages(results, "goal", w.PartyA, w.PartyB, w.Goal1));
        Assert.Equal((null, 2.0, 2.0), Averages(results, "goal", w.PartyA, w.PartyB, w.Goal2));
        var texts = results.GetProperty("results").GetProperty("texts").EnumerateArray()
            .ToDictionary(t => t.GetProperty("partyId").GetGuid(),
                t => t.GetProperty("whatShouldChange").EnumerateArray().Select(x => x.GetString()).ToList());
        Assert.Equal(["Pay faster"], texts[w.PartyA]);
        Assert.Equal(["Share data"], texts[w.PartyB]);
    }

    [Fact]
    public async Task AMemberWhoLeftNoLongerCountsAsAnsweredButTheirAnswerStaysInTheResults()
    {
        var w = await ReviewWorld.CreateAsync(factory, "Left", _ct);
        var leaver = await w.JoinAsync(w.PartyB, PartnershipRole.Viewer, "Left B viewer", _ct);
        var round = await w.OpenAsync(w.A, _ct);
        await OkAsync(w.AnswerAsync(leaver, round, Answer(1, 1, 1, 1), _ct));
        await OkAsync(w.AnswerAsync(w.A, round, Answer(5, 5, 5, 5), _ct));

        Assert.Equal(HttpStatusCode.NoContent,
            (await leaver.Http.DeleteAsync(w.Url($"/members/{leaver.Id}"), _ct)).StatusCode);

        var progress = (await w.GetAsync(w.B, round, _ct)).GetProperty("progress").EnumerateArray()
            .ToDictionary(p => p.GetProperty("partyId").GetGuid(),
                p => (p.GetProperty("answered").GetInt32(), p.GetProperty("members").GetInt32()));
        Assert.Equal((1, 1), progress[w.PartyA]);
        Assert.Equal((0, 1), progress[w.PartyB]);
        await OkAsync(w.A.Http.PostJsonAsync(w.Url($"/reviews/{round}/close"), new { }, _ct));
        Assert.Equal((5.0, 1.0, 3.0), Averages(await w.GetAsync(w.B, round, _ct), "overall", w.PartyA, w.PartyB));
    }

    [Fact]
    public async Task AnAgreedChangeBecomesOneActionItemThatLinksBackToTheReview()
    {
        var w = await ReviewWorld.CreateAsync(factory, "Change", _ct);
        var round = await w.OpenAsync(w.A, _ct);
        await OkAsync(w.AnswerAsync(w.B, round, Answer(3, 3, 3, 3), _ct));
        var early = await w.B.Http.PostJsonAsync(w.Url($"/reviews/{round}/changes"), new { text = "Too soon" }, _ct);
        await OkAsync(w.A.Http.PostJsonAsync(w.Url($"/reviews/{round}/close"), new { }, _ct));

        var noted = await OkAsync(w.B.Http.PostJsonAsync(w.Url($"/reviews/{round}/changes"),
            new { text = "Monthly joint steering call" }, _ct));
        var change = noted.GetProperty("changes")[0].GetProperty("id").GetGuid();
        var url = w.Url($"/reviews/changes/{change}/action-item");
        var french = await w.A.Http.PostJsonAsync(url, new { ownerUserId = w.B.Id, language = "fr" }, _ct);
        var made = await OkAsync(w.A.Http.PostJsonAsync(url, new
        {
            ownerUserId = w.B.Id, dueDate = "2027-01-15", language = "id",
        }, _ct));
        var again = await OkAsync(w.B.Http.PostJsonAsync(url, new { }, _ct));

        Assert.Equal((HttpStatusCode.BadRequest, "reviewStillOpen"), (early.Status, Code(early.Body)));
        var number = made.GetProperty("changes")[0].GetProperty("actionItemNumber").GetInt32();
        Assert.Equal(number, again.GetProperty("changes")[0].GetProperty("actionItemNumber").GetInt32());
        var items = await OkAsync(w.B.Http.GetJsonAsync(w.Url("/action-items"), _ct));
        var item = Assert.Single(items.EnumerateArray(),
            i => i.GetProperty("title").GetString() == "Monthly joint steering call");
        Assert.Equal(number, item.GetProperty("number").GetInt32());
        Assert.Equal(w.B.Id, item.GetProperty("ownerUserId").GetString());
        Assert.Contains($"/p/{w.P.Id}/reviews/{round}", item.GetProperty("notes").GetString(),
            StringComparison.Ordinal);
        Assert.StartsWith("Disepakati dalam tinjauan R1", item.GetProperty("notes").GetString(),
            StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, french.Status);
    }

    [Fact]
    public async Task TheListShowsEachPartysOverallScoreOfClosedRoundsOnlyForTheTrend()
    {
        var w = await ReviewWorld.CreateAsync(factory, "Trend", _ct);
        var first = await w.OpenAsync(w.A, _ct, Round("Q1"));
        await OkAsync(w.AnswerAsync(w.A, first, Answer(2, 3, 3, 3), _ct));
        await OkAsync(w.AnswerAsync(w.B, first, Answer(3, 3, 3, 3), _ct));
        await OkAsync(w.A.Http.PostJsonAsync(w.Url($"/reviews/{first}/close"), new { }, _ct));
        var second = await w.OpenAsync(w.A, _ct, Round("Q2"));
        await OkAsync(w.AnswerAsync(w.A, second, Answer(5, 3, 3, 3), _ct));

        var list = await OkAsync(w.B.Http.GetJsonAsync(w.Url("/reviews"), _ct));

        var rounds = list.GetProperty("rounds").EnumerateArray().ToList();
        Assert.Equal(["Q2", "Q1"], rounds.Select(r => r.GetProperty("title").GetString()));
        Assert.Equal(JsonValueKind.Null, rounds[0].GetProperty("overallByParty").ValueKind);
        Assert.False(rounds[0].GetProperty("answeredByMe").GetBoolean());
        var overall = rounds[1].GetProperty("overallByParty");
        Assert.Equal((2.0, 3.0), (overall.GetProperty(w.PartyA.ToString()).GetDouble(),
            overall.GetProperty(w.PartyB.ToString()).GetDouble()));
        Assert.Equal(2, list.GetProperty("parties").GetArrayLength());
    }

    [Fact]
    public async Task TheOtherPartyHearsAnswerCountsAndTheClosingLiveWithoutAnyScore()
    {
        var w = await ReviewWorld.CreateAsync(factory, "Live", _ct);
        var round = await w.OpenAsync(w.A, _ct);
        await using var hub = factory.Hub(w.B, "/hubs/partnership");
        var heard = new ConcurrentQueue<JsonElement>();
        hub.On<PartnershipEvent>(nameof(IPartnershipClient.PartnershipChanged), e =>
        {
            if (e.Kind == "review.updated")
            {
                heard.Enqueue((JsonElement)e.Payload);
            }
        });
        await hub.StartAsync(_ct);
        await hub.InvokeAsync<PartnershipView>("JoinPartnership", w.P.Id, _ct);

        await OkAsync(w.AnswerAsync(w.A, round, Answer(4, 4, 4, 4, works: "Secret praise"), _ct));
        var answered = await Eventually.ValueAsync(() => Task.FromResult(heard.LastOrDefault()),
            e => e.ValueKind == JsonValueKind.Object, _ct, 10_000, "the answer's push");
        await OkAsync(w.A.Http.PostJsonAsync(w.Url($"/reviews/{round}/close"), new { }, _ct));
        var closed = await Eventually.ValueAsync(() => Task.FromResult(heard.LastOrDefault()),
            e => e.GetProperty("status").GetString() == "Closed", _ct, 10_000, "the closing's push");

        var counts = answered.GetProperty("progress").EnumerateArray()
            .ToDictionary(p => p.GetProperty("partyId").GetGuid(), p => p.GetProperty("answered").GetInt32());
        Assert.Equal(1, counts[w.PartyA]);
        Assert.Equal(JsonValueKind.Null, answered.GetProperty("results").ValueKind);
        Assert.Equal(JsonValueKind.Null, answered.GetProperty("mine").ValueKind);
        Assert.DoesNotContain("Secret praise", answered.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, closed.GetProperty("mine").ValueKind);
        Assert.Equal(JsonValueKind.Object, closed.GetProperty("results").ValueKind);
    }
}
