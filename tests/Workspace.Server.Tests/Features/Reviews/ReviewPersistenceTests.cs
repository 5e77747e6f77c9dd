using System.Net;
using Workspace.Server.Tests.Data;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Reviews.ReviewWorld;

namespace Workspace.Server.Tests.Features.Reviews;

/// <summary>Tests that restart the server or move its clock own their server.</summary>
public sealed class ReviewPersistenceTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task RoundsAnswersResultsAndAgreedChangesSurviveARestartOnSqlite()
    {
        var directory = Path.Combine(Path.GetTempPath(), "workspace-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        await SurvivesARestartAsync(() => new WorkspaceFactory().With("Database:DataDirectory", directory));
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task RoundsAnswersResultsAndAgreedChangesSurviveARestartOnPostgres()
    {
        var cs = PostgresTests.ConnectionString($"ws_{Guid.NewGuid():N}");
        Assert.SkipWhen(cs is null, "WORKSPACE_TEST_POSTGRES is not set; infra/test.sh starts PostgreSQL and sets it.");
        await SurvivesARestartAsync(() => new WorkspaceFactory().With("Database:Provider", "Postgres")
            .With("Database:ConnectionString", cs));
    }

    private async Task SurvivesARestartAsync(Func<WorkspaceFactory> server)
    {
        ReviewWorld w;
        Guid closed, open;
        await using (var first = server())
        {
            w = await ReviewWorld.CreateAsync(first, "Restart", _ct);
            closed = await w.OpenAsync(w.A, _ct, Round("Closed before"));
            await OkAsync(w.AnswerAsync(w.A, closed, Answer(4, 3, 3, 3, [(w.Goal2, 5)], "Trust"), _ct));
            await OkAsync(w.AnswerAsync(w.B, closed, Answer(2, 3, 3, 3), _ct));
            await OkAsync(w.A.Http.PostJsonAsync(w.Url($"/reviews/{closed}/close"), new { }, _ct));
            await OkAsync(w.B.Http.PostJsonAsync(w.Url($"/reviews/{closed}/changes"), new { text = "Share data" },
                _ct));
            open = await w.OpenAsync(w.B, _ct, Round("Still open"));
            await OkAsync(w.AnswerAsync(w.B, open, Answer(3, 3, 3, 1), _ct));
        }

        await using var second = server();
        var again = w with { Factory = second };
        var (a, b) = (await AgainAsync(second, w.A), await AgainAsync(second, w.B));
        var results = await OkAsync(a.GetJsonAsync(again.Url($"/reviews/{closed}"), _ct));
        var stillOpen = await OkAsync(b.GetJsonAsync(again.Url($"/reviews/{open}"), _ct));

        Assert.Equal("Closed", results.GetProperty("status").GetString());
        Assert.Equal((4.0, 2.0, 3.0), Averages(results, "overall", w.PartyA, w.PartyB));
        Assert.Equal((5.0, null, 5.0), Averages(results, "goal", w.PartyA, w.PartyB, w.Goal2));
        Assert.Equal("Share data", results.GetProperty("changes")[0].GetProperty("text").GetString());
        Assert.Equal(4, results.GetProperty("mine").GetProperty("overall").GetInt32());
        Assert.Equal(1, stillOpen.GetProperty("mine").GetProperty("progress").GetInt32());
        var changed = await OkAsync(b.PutJsonAsync(again.Url($"/reviews/{open}/answer"), Answer(5, 3, 3, 1), _ct));
        Assert.Equal(5, changed.GetProperty("mine").GetProperty("overall").GetInt32());
    }

    [Fact]
    public async Task ARoundClosesByItselfOnceItsClosingDayIsOver()
    {
        await using var factory = new WorkspaceFactory();
        var w = await ReviewWorld.CreateAsync(factory, "Due", _ct);
        var today = factory.Clock.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var round = await w.OpenAsync(w.A, _ct, Round(closesOn: today));
        await OkAsync(w.AnswerAsync(w.B, round, Answer(3, 3, 3, 3), _ct));

        factory.Clock.Advance(TimeSpan.FromDays(1));

        var late = await w.AnswerAsync(w.A, round, Answer(3, 3, 3, 3), _ct);
        var read = await w.GetAsync(w.B, round, _ct);
        Assert.Equal((HttpStatusCode.BadRequest, "reviewClosed"), (late.Status, Code(late.Body)));
        Assert.Equal("Closed", read.GetProperty("status").GetString());
        Assert.Equal("", read.GetProperty("closedByName").GetString());
        Assert.Equal(3.0, Averages(read, "overall", w.PartyA, w.PartyB).All);
    }

    /// <summary>The person's client on the restarted server: their sign-in cookie, a fresh antiforgery token.</summary>
    private async Task<HttpClient> AgainAsync(WorkspaceFactory server, TestUser user)
    {
        var auth = string.Join("; ", user.Cookie.Split("; ").Where(c => c.StartsWith("workspace.auth",
            StringComparison.Ordinal)));
        return (await server.ClientForAsync(auth, _ct)).Http;
    }
}
