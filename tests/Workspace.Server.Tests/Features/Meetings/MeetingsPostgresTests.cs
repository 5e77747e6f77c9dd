using System.Net;
using Workspace.Server.Tests.Data;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Meetings.MeetingTestKit;

namespace Workspace.Server.Tests.Features.Meetings;

/// <summary>Meetings on the production database: wall-clock times, occurrence changes and decisions survive a
/// restart.</summary>
public sealed class MeetingsPostgresTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASeriesWithAMovedOccurrenceAndADecisionSurvivesARestartOnPostgres()
    {
        var cs = PostgresTests.ConnectionString($"ws_{Guid.NewGuid():N}");
        Assert.SkipWhen(cs is null, "WORKSPACE_TEST_POSTGRES is not set; infra/test.sh starts PostgreSQL and sets it.");

        TestPartnership p;
        Guid id;
        await using (var first = new WorkspaceFactory().With(
            "Database:Provider",
            "Postgres").With("Database:ConnectionString", cs))
        {
            p = await TestPartnership.CreateAsync(first, ct: _ct);
            id = (await ScheduleAsync(p, p.Owner, Meeting(p.Owner.Id), _ct)).GetProperty("id").GetGuid();
            var (moved, _) = await p.Owner.Http.PostJsonAsync(p.Url($"/meetings/{id}/occurrences/20261027T100000/move"),
                new { start = "2026-10-28T14:00:00" }, _ct);
            var (decided, _) = await p.Owner.Http.PostJsonAsync(p.Url($"/meetings/{id}/decisions"),
                new { occurrence = "2026-10-20T10:00:00", text = "Kept on Postgres" }, _ct);
            Assert.Equal(HttpStatusCode.OK, moved);
            Assert.Equal(HttpStatusCode.OK, decided);
        }

        await using var second = new WorkspaceFactory()
            .With("Database:Provider", "Postgres")
            .With("Database:ConnectionString", cs);
        var http = second.CreateClient();
        http.DefaultRequestHeaders.Add("Cookie", p.Owner.Cookie);
        var (_, list) = await http.GetJsonAsync(
            p.Url("/meetings?from=2026-10-19T00:00:00Z&to=2026-10-30T00:00:00Z"), _ct);
        var (_, decisions) = await http.GetJsonAsync(p.Url("/decisions"), _ct);

        Assert.Equal(["2026-10-20T10:00:00", "2026-10-28T14:00:00"],
            list.EnumerateArray().Select(o => o.GetProperty("startLocal").GetString()));
        Assert.Equal("2026-10-20T10:00:00", decisions[0].GetProperty("occurrence").GetString());
    }
}
