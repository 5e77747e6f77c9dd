using Workspace.Server.Tests.Data;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Notifications.NotificationWorld;

namespace Workspace.Server.Tests.Features.Notifications;

/// <summary>Tests that restart the server own it.</summary>
public sealed class NotificationPersistenceTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task NotificationsAndTheirReadStateSurviveARestartOnSqlite()
    {
        var directory = Path.Combine(Path.GetTempPath(), "workspace-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        await SurvivesARestartAsync(() => new WorkspaceFactory().With("Database:DataDirectory", directory));
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task NotificationsAndTheirReadStateSurviveARestartOnPostgres()
    {
        var cs = PostgresTests.ConnectionString($"ws_{Guid.NewGuid():N}");
        Assert.SkipWhen(cs is null, "WORKSPACE_TEST_POSTGRES is not set; infra/test.sh starts PostgreSQL and sets it.");
        await SurvivesARestartAsync(() => new WorkspaceFactory().With("Database:Provider", "Postgres")
            .With("Database:ConnectionString", cs));
    }

    private async Task SurvivesARestartAsync(Func<WorkspaceFactory> server)
    {
        NotificationWorld w;
        await using (var first = server())
        {
            w = await NotificationWorld.CreateAsync(first, "Restart", _ct);
            await w.AssignAsync(w.Rina, "First", w.Budi, _ct);
            await w.AssignAsync(w.Rina, "Second", w.Budi, _ct);
            var first1 = (await ItemsAsync(w.Budi, _ct))[1].GetProperty("id").GetInt64();
            await OkAsync(w.Budi.Http.PostJsonAsync($"/api/notifications/{first1}/read", new { }, _ct));
            await OkAsync(w.Budi.Http.PutJsonAsync("/api/notifications/settings",
                new { language = "id", emailEnabled = false }, _ct));
        }

        await using var second = server();
        var auth = string.Join("; ", w.Budi.Cookie.Split("; ").Where(c => c.StartsWith("workspace.auth",
            StringComparison.Ordinal)));
        var budi = w.Budi with { Http = (await second.ClientForAsync(auth, _ct)).Http };

        var items = await ItemsAsync(budi, _ct);
        Assert.Equal([("Second", false), ("First", true)], items.Select(n =>
            (n.GetProperty("args").GetProperty("title").GetString(), n.GetProperty("read").GetBoolean())));
        Assert.Equal(1, await UnreadAsync(budi, _ct));
        var settings = await OkAsync(budi.Http.GetJsonAsync("/api/notifications/settings", _ct));
        Assert.Equal(("id", false), (settings.GetProperty("language").GetString(),
            settings.GetProperty("emailEnabled").GetBoolean()));
    }
}
