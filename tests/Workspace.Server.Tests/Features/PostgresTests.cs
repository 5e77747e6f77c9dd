using System.Net;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Server.Tests.Features;

/// <summary>The production database: the same features against the PostgreSQL that infra/test.sh starts.</summary>
public sealed class PostgresTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public static string? ConnectionString(string database)
    {
        var server = Environment.GetEnvironmentVariable("WORKSPACE_TEST_POSTGRES");
        return string.IsNullOrEmpty(server) ? null : server.Replace("Database=postgres", $"Database={database}", StringComparison.Ordinal);
    }

    [Fact]
    public async Task PartnershipGoalsAndItemsSurviveARestartOnPostgres()
    {
        var cs = ConnectionString($"ws_{Guid.NewGuid():N}");
        Assert.SkipWhen(cs is null, "WORKSPACE_TEST_POSTGRES is not set; infra/test.sh starts PostgreSQL and sets it.");

        Guid partnershipId;
        TestUser owner;
        await using (var first = new WorkspaceFactory().With("Database:Provider", "Postgres").With("Database:ConnectionString", cs))
        {
            var p = await TestPartnership.CreateAsync(first, ct: _ct);
            partnershipId = p.Id;
            owner = p.Owner;
            var (goal, _) = await p.Owner.Http.PostJsonAsync(p.Url("/goals"), new { title = "Goal on Postgres", ownerPartyId = p.OwnerPartyId, status = "OnTrack", version = 0 }, _ct);
            var (item, _) = await p.Owner.Http.PostJsonAsync(p.Url("/action-items"), new { title = "Item on Postgres", status = "Open", version = 0 }, _ct);
            Assert.Equal(HttpStatusCode.OK, goal);
            Assert.Equal(HttpStatusCode.OK, item);
        }

        await using var second = new WorkspaceFactory().With("Database:Provider", "Postgres").With("Database:ConnectionString", cs);
        var http = second.CreateClient();
        http.DefaultRequestHeaders.Add("Cookie", owner.Cookie);
        var (status, board) = await http.GetJsonAsync($"/api/partnerships/{partnershipId}/goals", _ct);
        var (_, items) = await http.GetJsonAsync($"/api/partnerships/{partnershipId}/action-items", _ct);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Goal on Postgres", board.GetProperty("goals")[0].GetProperty("title").GetString());
        Assert.Equal("Item on Postgres", items[0].GetProperty("title").GetString());
    }
}
