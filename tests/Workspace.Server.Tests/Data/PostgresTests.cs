using System.Net;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Documents.DocumentTestKit;

namespace Workspace.Server.Tests.Data;

/// <summary>The production database: the same features against the PostgreSQL that infra/test.sh starts.</summary>
public sealed class PostgresTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public static string? ConnectionString(string database)
    {
        var server = Environment.GetEnvironmentVariable("WORKSPACE_TEST_POSTGRES");
        return string.IsNullOrEmpty(server) ? null : server.Replace(
            "Database=postgres",
            $"Database={database}",
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task PartnershipGoalsAndItemsSurviveARestartOnPostgres()
    {
        var cs = ConnectionString($"ws_{Guid.NewGuid():N}");
        Assert.SkipWhen(cs is null, "WORKSPACE_TEST_POSTGRES is not set; infra/test.sh starts PostgreSQL and sets it.");

        Guid partnershipId;
        TestUser owner;
        await using (var first = new WorkspaceFactory().With(
            "Database:Provider",
            "Postgres").With("Database:ConnectionString", cs))
        {
            var p = await TestPartnership.CreateAsync(first, ct: _ct);
            partnershipId = p.Id;
            owner = p.Owner;
            var (goal, _) = await p.Owner.Http.PostJsonAsync(
                p.Url("/goals"),
                new { title = "Goal on Postgres", ownerPartyId = p.OwnerPartyId, status = "OnTrack", version = 0 },
                _ct);
            var (item, _) = await p.Owner.Http.PostJsonAsync(
                p.Url("/action-items"),
                new { title = "Item on Postgres", status = "Open", version = 0 },
                _ct);
            Assert.Equal(HttpStatusCode.OK, goal);
            Assert.Equal(HttpStatusCode.OK, item);
        }

        await using var second = new WorkspaceFactory()
            .With("Database:Provider", "Postgres")
            .With("Database:ConnectionString", cs);
        var http = second.CreateClient();
        http.DefaultRequestHeaders.Add("Cookie", owner.Cookie);
        var (status, board) = await http.GetJsonAsync($"/api/partnerships/{partnershipId}/goals", _ct);
        var (_, items) = await http.GetJsonAsync($"/api/partnerships/{partnershipId}/action-items", _ct);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Goal on Postgres", board.GetProperty("goals")[0].GetProperty("title").GetString());
        Assert.Equal("Item on Postgres", items[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task ConcurrentEditsAreStoredInPostgresAndSurviveARestart()
    {
        var cs = ConnectionString($"ws_{Guid.NewGuid():N}");
        Assert.SkipWhen(cs is null, "WORKSPACE_TEST_POSTGRES is not set; infra/test.sh starts PostgreSQL and sets it.");

        string text;
        TestUser owner;
        Guid pid, docId;
        await using (var first = new WorkspaceFactory().With(
            "Database:Provider",
            "Postgres").With("Database:ConnectionString", cs).With(
            "Documents:SnapshotInterval",
            "7"))
        {
            owner = await first.SignUpAsync("Pg Editor", ct: _ct);
            (pid, docId) = await CreateDocumentAsync(owner, _ct);
            var a = await OpenAsync(first, owner, docId, _ct);
            var b = await OpenAsync(first, owner, docId, _ct);
            for (var i = 0; i < 40; i++)
            {
                a.Session.Insert(0, "a");
                b.Session.Insert(b.Session.Length, "ß😀");
                await Task.Delay(2, _ct);
            }
            await a.Session.WaitSyncedAsync(_ct).WaitAsync(TimeSpan.FromSeconds(20), _ct);
            await b.Session.WaitSyncedAsync(_ct).WaitAsync(TimeSpan.FromSeconds(20), _ct);
            text = await ServerTextAsync(owner, pid, docId, _ct);
            await EventuallyAsync(
                () => a.Session.Text == text && b.Session.Text == text,
                TimeSpan.FromSeconds(10),
                "both clients converge",
                _ct);
            await a.Connection.DisposeAsync();
            await b.Connection.DisposeAsync();
        }

        await using var second = new WorkspaceFactory()
            .With("Database:Provider", "Postgres")
            .With("Database:ConnectionString", cs);
        var http = second.CreateClient();
        http.DefaultRequestHeaders.Add("Cookie", owner.Cookie);
        var (status, document) = await http.GetJsonAsync($"/api/partnerships/{pid}/documents/{docId}", _ct);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(text, document.GetProperty("text").GetString());
        Assert.Equal(40, text.Count(c => c == 'a'));
        Assert.Equal(40, text.Count(c => c == 'ß'));
        Assert.Equal(40, text.Split("😀").Length - 1);
        // A version is rebuilt from a snapshot and the operations read straight off Npgsql's reader.
        var head = document.GetProperty("revision").GetInt64();
        var (headStatus, atHead) = await http.GetJsonAsync(
            $"/api/partnerships/{pid}/documents/{docId}/history/{head}", _ct);
        Assert.Equal(HttpStatusCode.OK, headStatus);
        Assert.Equal(text, atHead.GetProperty("text").GetString());
        var (firstStatus, atFirst) = await http.GetJsonAsync(
            $"/api/partnerships/{pid}/documents/{docId}/history/1", _ct);
        Assert.Equal(HttpStatusCode.OK, firstStatus);
        Assert.Contains(atFirst.GetProperty("text").GetString(), new[] { "a", "ß😀" });
    }
}
