using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;
using Workspace.Client;
using Workspace.Collaboration.Documents;
using Workspace.Server.Features.Health;
using Workspace.Server.Tests.Features.Documents;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Server.Tests.Features.Health;

/// <summary>
/// A server killed with SIGKILL after 60 acknowledged edits leaves its database with a WAL full of them (its
/// checkpoints are put off for the test); each test damages a copy of those files and starts a server on it.
/// </summary>
public sealed class DamagedDatabaseFixture : IAsyncLifetime
{
    public string Template { get; } = Path.Combine(
        Path.GetTempPath(),
        "workspace-damage",
        Guid.NewGuid().ToString("N"));
    public Guid PartnershipId { get; private set; }
    public Guid DocumentId { get; private set; }
    public string Text { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var server = new ServerProcess(
            Template,
            new Dictionary<string, string> { ["Documents:CheckpointInterval"] = "01:00:00" });
        await server.StartAsync(ct);
        var cookies = new CookieContainer();
        using var http = await server.SignUpAsync("Damage Tester", cookies, ct: ct);
        var partnership = await (await http.PostAsJsonAsync(
            "/api/partnerships",
            new { name = "Damage", organisation = "Org" },
            ct))
            .Content.ReadFromJsonAsync<DocumentTestKit.Created>(ct);
        var document = await (await http.PostAsJsonAsync(
            $"/api/partnerships/{partnership!.Id}/documents",
            new { title = "Plan" },
            ct))
            .Content.ReadFromJsonAsync<DocumentTestKit.Created>(ct);
        (PartnershipId, DocumentId) = (partnership.Id, document!.Id);
        await using var connection = new HubConnectionBuilder()
            .WithUrl(server.BaseUrl + DocumentHubNames.Path, o => o.Cookies = cookies)
            .Build();
        await connection.StartAsync(ct);
        var session = new CoEditingSession(connection, DocumentId);
        await session.OpenAsync(ct);
        for (var i = 0; i < 60; i++)
        {
            session.Insert(session.Length, $"[edit {i}]");
            await session.WaitSyncedAsync(ct).WaitAsync(TimeSpan.FromSeconds(10), ct);
        }
        Text = session.ConfirmedText;
        server.Kill(); // not DisposeAsync: that deletes the folder
        Assert.True(
            new FileInfo(Path.Combine(Template, "workspace.db-wal")).Length > 100_000,
            "the edits are in the WAL");
    }

    /// <summary>A copy of the killed server's files to damage.</summary>
    public string Copy()
    {
        var copy = Path.Combine(Path.GetTempPath(), "workspace-damage", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(Template))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }
        return copy;
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(Template, recursive: true);
        return ValueTask.CompletedTask;
    }
}

public sealed class DamagedDatabaseTests(DamagedDatabaseFixture fixture) : IClassFixture<DamagedDatabaseFixture>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task UndamagedFilesOfAKilledServerStartHealthyWithEveryEdit()
    {
        await using var server = new ServerProcess(fixture.Copy());
        await server.StartAsync(_ct); // waits for 200 from /health

        await using var db = new SqliteConnection(
            $"Data Source={Path.Combine(server.DataDirectory, "workspace.db")};Mode=ReadOnly;Pooling=false");
        await db.OpenAsync(_ct);
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM DocumentOperations;";
        Assert.Equal(60L, await command.ExecuteScalarAsync(_ct));
    }

    [Theory]
    [InlineData("WAL cut short")]
    [InlineData("bytes flipped in the WAL")]
    [InlineData("WAL deleted")]
    [InlineData("bytes flipped in the database")]
    public async Task DamagedDatabaseIsRefusedOrStartsUnhealthyWhenToldAndTheAlarmIsAcknowledged(string damage)
    {
        var data = fixture.Copy();
        await DamageAsync(data, damage);

        await using var refused = new ServerProcess(data);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => refused.StartAsync(_ct));
        Assert.Contains("exited with 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("is damaged", error.Message, StringComparison.Ordinal);
        Assert.Contains("restore", error.Message, StringComparison.Ordinal);

        await using var degraded = new ServerProcess(
            data,
            new Dictionary<string, string> { ["Database:StartDespiteDamage"] = "true" });
        await degraded.StartAsync(healthy: false, _ct);
        using var http = new HttpClient { BaseAddress = new Uri(degraded.BaseUrl) };
        var health = await http.GetAsync("/health", _ct);
        var report = await health.Content.ReadFromJsonAsync<HealthReport>(_ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains(
            report!.Integrity,
            r => r.Contains("Started despite a damaged database", StringComparison.Ordinal));

        var (exit, output) = await ServerProcess.RunCommandAsync(data, _ct, "acknowledge");
        Assert.True(exit == 0, output);
        Assert.Contains("Started despite a damaged database", output, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health", _ct)).StatusCode);
    }

    private static async Task DamageAsync(string data, string damage)
    {
        var db = Path.Combine(data, "workspace.db");
        var wal = db + "-wal";
        switch (damage)
        {
            case "WAL cut short":
                var (frames, frameSize) = Frames(wal);
                using (var file = new FileStream(wal, FileMode.Open))
                {
                    file.SetLength(32 + frames / 2 * frameSize + 100); // half the frames, and a torn one after them
                }
                break;
            case "bytes flipped in the WAL":
                (frames, frameSize) = Frames(wal);
                Flip(wal, 32 + frames / 2 * frameSize + 24 + 200, 16); // inside a page: that frame's checksum fails
                break;
            case "WAL deleted":
                File.Delete(wal);
                File.Delete(db + "-shm");
                break;
            default:
                // Everything into the database file first (as after a clean stop), then a page of the edits' table.
                long root;
                await using (var connection = new SqliteConnection($"Data Source={db};Pooling=false"))
                {
                    await connection.OpenAsync();
                    await using var checkpoint = connection.CreateCommand();
                    checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                    await checkpoint.ExecuteNonQueryAsync();
                    await using var command = connection.CreateCommand();
                    command.CommandText = "SELECT rootpage FROM sqlite_master WHERE name = 'DocumentOperations';";
                    root = (long)(await command.ExecuteScalarAsync())!;
                }
                var header = new byte[18];
                using (var file = File.OpenRead(db))
                {
                    file.ReadExactly(header);
                }
                // page header: type, cell count
                Flip(db, (root - 1) * BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(16)), 8);
                break;
        }
    }

    private static (long Frames, long FrameSize) Frames(string wal)
    {
        var header = new byte[32];
        using (var file = File.OpenRead(wal))
        {
            file.ReadExactly(header);
        }
        var frameSize = 24 + BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(8));
        return ((new FileInfo(wal).Length - 32) / frameSize, frameSize);
    }

    private static void Flip(string path, long offset, int count)
    {
        using var file = new FileStream(path, FileMode.Open);
        var bytes = new byte[count];
        file.Position = offset;
        file.ReadExactly(bytes);
        for (var i = 0; i < count; i++)
        {
            bytes[i] ^= 0xA5;
        }
        file.Position = offset;
        file.Write(bytes);
    }
}
