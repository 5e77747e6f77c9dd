using System.Net;
using Workspace.Server.Tests.Data;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Documents.DocumentTestKit;
using static Workspace.Server.Tests.Features.Search.SearchTestKit;

namespace Workspace.Server.Tests.Features.Search;

/// <summary>The query path on PostgreSQL (its LIKE, lower() and escapes), with its own server.</summary>
public sealed class SearchPostgresTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task SearchMatchesOnPostgresAsOnSqlite()
    {
        var cs = PostgresTests.ConnectionString($"ws_{Guid.NewGuid():N}");
        Assert.SkipWhen(cs is null, "WORKSPACE_TEST_POSTGRES is not set; infra/test.sh starts PostgreSQL and sets it.");
        await using var factory = new WorkspaceFactory().With("Database:Provider", "Postgres")
            .With("Database:ConnectionString", cs);
        var p = await TestPartnership.CreateAsync(factory, "Rina", ct: _ct);
        var other = await TestPartnership.CreateAsync(factory, "Budi", ct: _ct);
        var meeting = await ItemAsync(p.Owner, p.Id, "Rapat KOORDINASI ekspor kopi", _ct);
        await ItemAsync(p.Owner, p.Id, "Diskon 50% untuk anggota", _ct);
        await ItemAsync(p.Owner, p.Id, "Target 500 ton", _ct);
        await ItemAsync(p.Owner, p.Id, "Ékspedisi ke pelabuhan", _ct);
        await ItemAsync(other.Owner, other.Id, "Koordinasi ekspor kopi (lain)", _ct);
        await GoalAsync(p.Owner, p.Id, p.OwnerPartyId, "Ekspor naik", _ct, description: "Kopi Gayo ke Eropa");
        var doc = await DocumentAsync(p.Owner, p.Id, "Rencana", _ct);
        var (hub, session) = await OpenAsync(factory, p.Owner, doc, _ct);
        await using var _ = hub;
        session.Insert(0, "# Rencana\n\nKoordinasi ekspor setiap bulan.\n");
        await SyncedAsync(session, _ct);

        var found = await FoundAsync(p.Owner.Http, p.Id, "Ekspor koordinasi", _ct);
        var (status, _) = await SearchAsync(other.Owner.Http, p.Id, "ekspor", _ct);

        Assert.Equal([meeting], Hits(found, "actions").Select(h => h.GetProperty("id").GetGuid()));
        Assert.Equal(["KOORDINASI", "ekspor"], Marked(Hits(found, "actions")[0]));
        Assert.Equal([doc], Hits(found, "documents").Select(h => h.GetProperty("id").GetGuid()));
        Assert.Equal(["Ekspor naik"], Titles(await FoundAsync(p.Owner.Http, p.Id, "gayo EKSPOR", _ct), "goals"));
        Assert.Equal(["Diskon 50% untuk anggota"], Titles(await FoundAsync(p.Owner.Http, p.Id, "50%", _ct),
            "actions"));
        Assert.Equal(["Ékspedisi ke pelabuhan"], Titles(await FoundAsync(p.Owner.Http, p.Id, "ékspedisi", _ct),
            "actions"));
        Assert.Equal(HttpStatusCode.NotFound, status);
    }
}
