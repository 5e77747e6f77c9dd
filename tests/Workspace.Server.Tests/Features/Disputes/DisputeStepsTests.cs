using System.Net;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Server.Tests.Features.Disputes;

public sealed class DisputeStepsTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task WithoutAgreementStepsADisputeFollowsTheDefaultPathEachStepWithItsDeadline()
    {
        var w = await TwoParties.CreateAsync(factory, "Defaults", _ct);

        var d = await w.RaiseAsync(w.A, TwoParties.Raise(), _ct);

        var steps = d.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(["negotiation", "escalation", "mediation", "arbitration"],
            steps.Select(s => s.GetProperty("name").GetString()));
        Assert.Equal([14, 14, 30, 60], steps.Select(s => s.GetProperty("days").GetInt32()));
        Assert.Equal("Current", steps[0].GetProperty("state").GetString());
        var created = d.GetProperty("createdAt").GetDateTimeOffset();
        Assert.Equal(created.AddDays(14), d.GetProperty("deadline").GetDateTimeOffset());
        Assert.False(d.GetProperty("overdue").GetBoolean());
        Assert.Equal([w.PartyA, w.PartyB], d.GetProperty("partyIds").EnumerateArray().Select(p => p.GetGuid()));
        var list = await TwoParties.OkAsync(w.B.Http.GetJsonAsync(w.Url("/disputes"), _ct));
        Assert.Equal("negotiation", list[0].GetProperty("stepName").GetString());
    }

    [Fact]
    public async Task MovingOnIsRecordedAndTwoMovesFromTheSameStepMoveOneStep()
    {
        var w = await TwoParties.CreateAsync(factory, "Moves", _ct);
        var id = (await w.RaiseAsync(w.A, TwoParties.Raise(), _ct)).GetProperty("id").GetGuid();
        var next = w.Url($"/disputes/{id}/steps/next");

        var first = w.B.Http.PostJsonAsync(next, new { fromStep = 0, note = "No answer from their contact" }, _ct);
        var second = w.A.Http.PostJsonAsync(next, new { fromStep = 0, note = (string?)null }, _ct);
        var answers = await Task.WhenAll(first, second);

        Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        var refused = Assert.Single(answers, a => a.Status == HttpStatusCode.BadRequest);
        Assert.Equal("stepChanged", TwoParties.Code(refused.Body));
        var d = await w.GetAsync(w.A, id, _ct);
        Assert.Equal(1, d.GetProperty("currentStep").GetInt32());
        var steps = d.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal("Done", steps[0].GetProperty("state").GetString());
        Assert.Equal(steps[1].GetProperty("startedAt").GetDateTimeOffset().AddDays(14),
            d.GetProperty("deadline").GetDateTimeOffset());
        var moved = Assert.Single(
            d.GetProperty("timeline").EnumerateArray(),
            e => e.GetProperty("kind").GetString() == "step");
        Assert.Equal("escalation", moved.GetProperty("args").GetProperty("to").GetString());

        await TwoParties.OkAsync(w.A.Http.PostJsonAsync(next, new { fromStep = 1 }, _ct));
        await TwoParties.OkAsync(w.A.Http.PostJsonAsync(next, new { fromStep = 2 }, _ct));
        var (status, last) = await w.A.Http.PostJsonAsync(next, new { fromStep = 3 }, _ct);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("lastStep", TwoParties.Code(last));
        Assert.Equal(3, (await w.GetAsync(w.B, id, _ct)).GetProperty("currentStep").GetInt32());
    }

    [Fact]
    public async Task StepsTheAgreementNamesAreTakenWithTheClauseAndOnlyWithIt()
    {
        var w = await TwoParties.CreateAsync(factory, "Agreement steps", _ct);
        var clause = new { agreementId = await w.AgreementAsync(_ct), clause = "7" };
        object[] steps = [new { name = "Talk between contacts", days = 5 }, new { name = "Board", days = 10 }];

        var d = await w.RaiseAsync(w.A, TwoParties.Raise(clause: clause, steps: steps), _ct);

        Assert.Equal(["Talk between contacts", "Board"],
            d.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(
            d.GetProperty("createdAt").GetDateTimeOffset().AddDays(5),
            d.GetProperty("deadline").GetDateTimeOffset());
        Assert.Equal("7", d.GetProperty("clause").GetProperty("clause").GetString());
        Assert.Equal("MoU § 7 Confidentiality", d.GetProperty("clause").GetProperty("title").GetString());

        var (status, problem) = await w.A.Http.PostJsonAsync(w.Url("/disputes"), TwoParties.Raise(steps: steps), _ct);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("stepsNeedClause", TwoParties.Code(problem));
        object[] tooLong = [new { name = "Talk", days = 400 }];
        (status, problem) = await w.A.Http.PostJsonAsync(
            w.Url("/disputes"),
            TwoParties.Raise(clause: clause, steps: tooLong),
            _ct);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("outOfRange", TwoParties.Code(problem));
        Assert.Equal(1, (await TwoParties.OkAsync(w.A.Http.GetJsonAsync(w.Url("/disputes"), _ct))).GetArrayLength());
    }
}
