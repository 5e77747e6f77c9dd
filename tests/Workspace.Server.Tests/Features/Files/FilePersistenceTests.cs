using Workspace.Server.Tests.Data;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Files.FileWorld;

namespace Workspace.Server.Tests.Features.Files;

/// <summary>Tests that restart the server own their server.</summary>
public sealed class FilePersistenceTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task FilesSurviveARestartOnSqlite()
    {
        var directory = Path.Combine(Path.GetTempPath(), "workspace-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        await SurvivesARestartAsync(() => new WorkspaceFactory().With("Database:DataDirectory", directory));
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task FilesSurviveARestartOnPostgres()
    {
        var cs = PostgresTests.ConnectionString($"ws_{Guid.NewGuid():N}");
        Assert.SkipWhen(cs is null, "WORKSPACE_TEST_POSTGRES is not set; infra/test.sh starts PostgreSQL and sets it.");
        var files = Path.Combine(Path.GetTempPath(), "workspace-tests", Guid.NewGuid().ToString("N"));
        await SurvivesARestartAsync(() => new WorkspaceFactory().With("Database:Provider", "Postgres")
            .With("Database:ConnectionString", cs).With("Files:Directory", files));
        Directory.Delete(files, recursive: true);
    }

    private async Task SurvivesARestartAsync(Func<WorkspaceFactory> server)
    {
        FileWorld w;
        var (kept, gone) = (Bytes(123_456, 1), Bytes(777, 2));
        Guid keptId, goneId;
        await using (var first = server())
        {
            w = await FileWorld.CreateAsync(first, "Restart", _ct);
            keptId = await w.UploadOkAsync(w.B, "Laporan triwulan.pdf", kept, _ct);
            goneId = await w.UploadOkAsync(w.A, "old.pdf", gone, _ct);
            using var deleted = await w.A.Http.DeleteAsync(w.Url($"/files/{goneId}"), _ct);
        }

        await using var second = server();
        var a = await AgainAsync(second, w.A);
        var list = await OkAsync(a.GetJsonAsync(w.Url("/files"), _ct));
        using var download = await a.GetAsync(w.Url($"/files/{keptId}/content"), _ct);

        var file = Assert.Single(list.GetProperty("files").EnumerateArray());
        Assert.Equal((keptId, "Laporan triwulan.pdf", "Restart B editor", "Restart B"),
            (file.GetProperty("id").GetGuid(), file.GetProperty("name").GetString(),
                file.GetProperty("uploadedByName").GetString(), file.GetProperty("partyName").GetString()));
        Assert.Equal(kept, await download.Content.ReadAsByteArrayAsync(_ct));
        var again = await CreatedAsync(UploadAsync(a, w.Url(""), "after.pdf", gone, _ct));
        Assert.Equal(kept.Length + gone.Length, (await OkAsync(a.GetJsonAsync(w.Url("/files"), _ct)))
            .GetProperty("usedBytes").GetInt64());
        Assert.Equal("after.pdf", again.GetProperty("name").GetString());
    }

    /// <summary>The person's client on the restarted server: their sign-in cookie, a fresh antiforgery token.</summary>
    private async Task<HttpClient> AgainAsync(WorkspaceFactory server, TestUser user)
    {
        var auth = string.Join("; ", user.Cookie.Split("; ").Where(c => c.StartsWith("workspace.auth",
            StringComparison.Ordinal)));
        return (await server.ClientForAsync(auth, _ct)).Http;
    }
}
