using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Collaboration.Documents;
using Workspace.Collaboration.Errors;
using Workspace.Collaboration.Ot;
using Workspace.Server.Data;
using Workspace.Server.Features.Documents;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Documents.DocumentTestKit;

namespace Workspace.Server.Tests.Features.Documents;

/// <summary>
/// The operation log has no index on client ids (each op writes one B-tree leaf, not two); a reloaded document still
/// answers resubmits as duplicates and keeps ids bound to their owners, from the latest snapshot's client ids plus the
/// ops after it, and from the whole log when the snapshot was stored before snapshots kept them.
/// One server for the class: each test uses its own people and document (the reloads deactivate every idle grain,
/// which only makes the other test's next call load from the database too).
/// </summary>
public sealed class SnapshotClientsTests(SnapshotEveryOpServer server) : IClassFixture<SnapshotEveryOpServer>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly WorkspaceFactory _factory = server;

    [Fact]
    public async Task TheOperationLogHasNoIndexBesideItsKey()
    {
        await using (var db = await Db())
        {
            await db.Database.OpenConnectionAsync(_ct);
        }
        Assert.Empty(await ScalarsAsync(
            "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'DocumentOperations';"));
        Assert.EndsWith("WITHOUT ROWID", (await ScalarsAsync(
            "SELECT sql FROM sqlite_schema WHERE name = 'DocumentOperations';")).Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterAReloadResubmitsAreDuplicatesFromTheSnapshotsClientIdsOrFromTheLog()
    {
        var (ana, pid, docId, budi) = await DocumentWithMemberAsync(_factory, "Ana", PartnershipRole.Editor, "Budi",
            _ct);
        await using var anaHub = await OpenHubAsync(_factory, ana, docId, _ct);
        await using var budiHub = await OpenHubAsync(_factory, budi, docId, _ct);
        var revisions = new List<long>();
        for (var seq = 1; seq <= 6; seq++)
        {
            revisions.Add((await Submit(anaHub, docId, "ana-1", seq, revisions.Count, "a" + seq + " ")).Revision);
        }
        var budiFirst = await Submit(budiHub, docId, "budi-1", 1, 6, "b1 ");
        var text = await ServerTextAsync(ana, pid, docId, _ct);

        // The latest snapshot names each id's owner, latest number and its revision.
        var latest = await LatestSnapshotAsync(docId);
        var heads = SnapshotClients.Decode(latest.Clients)!.ToDictionary(h => h.Key, h => h.Value);
        Assert.Equal(7, latest.Revision);
        Assert.Equal(new SnapshotClients.Head(ana.Id, 6, revisions[5]), heads["ana-1"]);
        Assert.Equal(new SnapshotClients.Head(budi.Id, 1, budiFirst.Revision), heads["budi-1"]);

        await ReloadAsync();
        await CheckResubmitsAsync(anaHub, budiHub, docId, revisions, budiFirst.Revision, next: 7);
        Assert.Equal("a7 " + text, await ServerTextAsync(ana, pid, docId, _ct));

        // A snapshot stored before snapshots kept client ids (as after the migration): read from the whole log.
        await using (var db = await Db())
        {
            Assert.True(await db.Set<DocumentSnapshot>().Where(s => s.DocumentId == docId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Clients, (string?)null), _ct) > 0);
        }
        await ReloadAsync();
        await CheckResubmitsAsync(anaHub, budiHub, docId, revisions, budiFirst.Revision, next: 8);
        Assert.Equal("a8 a7 " + text, await ServerTextAsync(ana, pid, docId, _ct));
    }

    /// <summary>
    /// Ana's latest op and an older one come back as duplicates of their revisions, Budi cannot use her id, and her
    /// next number is applied.
    /// </summary>
    private async Task CheckResubmitsAsync(HubConnection anaHub, HubConnection budiHub, Guid docId,
        List<long> revisions, long budiRevision, int next)
    {
        var latest = await Submit(anaHub, docId, "ana-1", 6, 0, "again ");
        var older = await Submit(anaHub, docId, "ana-1", 2, 0, "again ");
        var budi = await Submit(budiHub, docId, "budi-1", 1, 0, "again ");
        var hijack = await Assert.ThrowsAsync<HubException>(
            () => Submit(budiHub, docId, "ana-1", 100, revisions.Count + 1, "PWNED "));
        var fresh = await Submit(anaHub, docId, "ana-1", next, revisions.Count + next - 6, "a" + next + " ");
        Assert.Equal((revisions[5], true), (latest.Revision, latest.Duplicate));
        Assert.Equal((revisions[1], true), (older.Revision, older.Duplicate));
        Assert.Equal((budiRevision, true), (budi.Revision, budi.Duplicate));
        Assert.Equal(ErrorCodes.ClientIdTaken, HubError.From(hijack)?.Code);
        Assert.False(fresh.Duplicate);
        Assert.Equal(revisions.Count + next - 5, fresh.Revision);
    }

    private Task<SubmitResult> Submit(HubConnection hub, Guid docId, string client, long seq, long baseRevision,
        string insert) =>
        hub.InvokeAsync<SubmitResult>(DocumentHubNames.Submit,
            SubmitRequest.Of(docId, client, seq, baseRevision, TextOperation.Insert(0, insert)), _ct);

    /// <summary>Deactivates every idle grain, so the next call loads the document from the database.</summary>
    private async Task ReloadAsync()
    {
        var grains = _factory.Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
    }

    private async Task<DocumentSnapshot> LatestSnapshotAsync(Guid docId)
    {
        // Snapshots are queued behind their op, not awaited by it: waited for, 30 s at most.
        DocumentSnapshot? latest = null;
        await Eventually.TrueAsync(
            async () =>
            {
                await using var db = await Db();
                latest = await db.Set<DocumentSnapshot>().AsNoTracking().Where(s => s.DocumentId == docId)
                    .OrderByDescending(s => s.Revision).FirstOrDefaultAsync(_ct);
                return latest?.Revision == 7;
            },
            _ct,
            30_000,
            "a snapshot at revision 7");
        return latest!;
    }

    private Task<WorkspaceDb> Db() =>
        _factory.Services.GetRequiredService<IDbContextFactory<WorkspaceDb>>().CreateDbContextAsync(_ct);

    private async Task<List<string>> ScalarsAsync(string sql)
    {
        await using var db = await Db();
        var path = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        await connection.OpenAsync(_ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(_ct);
        while (await reader.ReadAsync(_ct))
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }
}

/// <summary>A snapshot after every op (each counts 32 code points), so the reloads start from one.</summary>
public sealed class SnapshotEveryOpServer : WorkspaceFactory
{
    public SnapshotEveryOpServer() => With("Documents:SnapshotChange", "30");
}
