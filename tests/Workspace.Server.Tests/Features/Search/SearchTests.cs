using System.Globalization;
using System.Net;
using System.Text.Json;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Documents.DocumentTestKit;
using static Workspace.Server.Tests.Features.Search.SearchTestKit;

namespace Workspace.Server.Tests.Features.Search;

/// <summary>Search across a partnership on SQLite: every kind, matching as people expect, bounds and isolation.
/// </summary>
public sealed class SearchTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task FindsEveryKindOfThingOfThePartnership()
    {
        var w = await PartnershipWorld.CreateAsync(factory, "Mangga", _ct);
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Ok(w.Owner.Http.PostJsonAsync(w.Url($"/kpis/{w.KpiId}/measurements"),
            new { date = yesterday, value = 41, note = "Mangga counted at the port" }, _ct));
        await Ok(w.Owner.Http.PostJsonAsync(w.Url($"/disputes/{w.DisputeId}/notes"),
            new { text = "Probe zirconium: our party only" }, _ct));

        var mangga = await FoundAsync(w.Owner.Http, w.Id, "mangga", _ct);
        var probe = await FoundAsync(w.Owner.Http, w.Id, "PROBE", _ct);
        var secret = await FoundAsync(w.Owner.Http, w.Id, "zirconium", _ct);

        Assert.Equal(["Mangga plan"], Titles(mangga, "documents"));
        Assert.Equal(["Mangga comment"], Titles(mangga, "comments"));
        Assert.Equal(w.DocumentId, Hits(mangga, "comments")[0].GetProperty("parentId").GetGuid());
        Assert.Equal(["Mangga counted at the port", "Mangga goal", "Mangga tonnes"], Titles(mangga, "goals"));
        Assert.Equal(w.KpiId, Hits(mangga, "goals").Single(h => h.GetProperty("part").GetString()
            == "measurement").GetProperty("parentId").GetGuid());
        Assert.Equal(["Mangga task"], Titles(mangga, "actions"));
        Assert.Equal(["Mangga sync"], Titles(mangga, "meetings"));
        Assert.Equal(["Mangga agreement"], Titles(mangga, "agreements"));
        Assert.Equal(["Mangga dispute"], Titles(mangga, "disputes"));
        Assert.Equal(["Probe decision", "Probe topic"], Titles(probe, "meetings"));
        Assert.Equal(["Probe agreed change", "Probe review", "Probe review"], Titles(probe, "reviews"));
        Assert.Equal(["probe.txt"], Titles(probe, "files"));
        Assert.Equal(w.ItemId, Hits(mangga, "actions")[0].GetProperty("id").GetGuid());
        Assert.Equal(w.MeetingId, Hits(probe, "meetings").Single(h => h.GetProperty("part").GetString()
            == "decision").GetProperty("parentId").GetGuid());
        Assert.Equal(["Mangga"], Marked(Hits(mangga, "disputes")[0]));
        // The dispute's proposal and discussion are found, each leading to its dispute; a party's confidential
        // note never is, not even by its own author.
        Assert.Equal(["Probe message", "Probe proposal"], Titles(probe, "disputes"));
        Assert.All(Hits(probe, "disputes"), h => Assert.Equal(w.DisputeId, h.GetProperty("parentId").GetGuid()));
        Assert.Equal(
            ["message", "proposal"],
            Hits(probe, "disputes").Select(h => h.GetProperty("part").GetString()).Order(StringComparer.Ordinal));
        Assert.Empty(Ids(secret));
    }

    private static async Task Ok(Task<(HttpStatusCode Status, JsonElement Body)> call)
    {
        var (status, body) = await call;
        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Created, body.ToString());
    }

    [Fact]
    public async Task EveryWordMustMatchInAnyOrderWhateverTheCase()
    {
        var p = await TestPartnership.CreateAsync(factory, "Rina", ct: _ct);
        var mou = await ItemAsync(p.Owner, p.Id, "Kirim draf MoU ke mitra", _ct);
        var report = await ItemAsync(p.Owner, p.Id, "Kirim laporan keuangan", _ct, notes: "Untuk rapat mitra");
        await GoalAsync(p.Owner, p.Id, p.OwnerPartyId, "Tingkatkan ekspor kopi Gayo", _ct);
        await ItemAsync(p.Owner, p.Id, "Cafe tour", _ct);

        var both = await FoundAsync(p.Owner.Http, p.Id, "KIRIM mitra", _ct);
        var one = await FoundAsync(p.Owner.Http, p.Id, "mou kirim", _ct);
        var goal = await FoundAsync(p.Owner.Http, p.Id, "kopi Ekspor", _ct);
        var none = await FoundAsync(p.Owner.Http, p.Id, "kirim kopi", _ct);
        var accented = await FoundAsync(p.Owner.Http, p.Id, "Café", _ct);

        Assert.Equal(new[] { mou, report }.Order(), Hits(both, "actions").Select(h => h.GetProperty("id").GetGuid())
            .Order());
        Assert.Equal("Untuk rapat mitra", Hits(both, "actions").Single(h => h.GetProperty("id").GetGuid() == report)
            .GetProperty("snippet").GetString());
        Assert.Equal([mou], Hits(one, "actions").Select(h => h.GetProperty("id").GetGuid()));
        Assert.Equal(["MoU", "Kirim"], Marked(Hits(one, "actions")[0]).Order(StringComparer.Ordinal).Reverse());
        Assert.Equal(["Tingkatkan ekspor kopi Gayo"], Titles(goal, "goals"));
        Assert.Empty(Ids(none));
        Assert.Equal(["Cafe tour"], Titles(accented, "actions"));
    }

    [Fact]
    public async Task WildcardsInTheQueryAreTakenLiterally()
    {
        var p = await TestPartnership.CreateAsync(factory, "Budi", ct: _ct);
        await ItemAsync(p.Owner, p.Id, "Diskon 50% untuk anggota", _ct);
        await ItemAsync(p.Owner, p.Id, "Target 500 ton", _ct);
        await ItemAsync(p.Owner, p.Id, "kode_a1", _ct);
        await ItemAsync(p.Owner, p.Id, "kodeXa1", _ct);

        Assert.Equal(["Diskon 50% untuk anggota"], Titles(await FoundAsync(p.Owner.Http, p.Id, "50%", _ct), "actions"));
        Assert.Equal(["kode_a1"], Titles(await FoundAsync(p.Owner.Http, p.Id, "e_a", _ct), "actions"));
        Assert.Empty(Ids(await FoundAsync(p.Owner.Http, p.Id, "%%", _ct)));
    }

    [Fact]
    public async Task AWordJustTypedIntoADocumentIsFoundWithItsLineAndHeading()
    {
        var p = await TestPartnership.CreateAsync(factory, "Sari", ct: _ct);
        var doc = await DocumentAsync(p.Owner, p.Id, "Rencana bersama", _ct);
        var (hub, session) = await OpenAsync(factory, p.Owner, doc, _ct);
        await using var _ = hub;
        var filler = string.Join(' ', Enumerable.Repeat("isi", 60));
        session.Insert(0, $"# Rencana\n\n{filler}\n\n## Pembagian keuntungan\n\nKeuntungan dibagi rata "
            + $"setelah biaya Rambutan ditutup. {filler}\n");
        await SyncedAsync(session, _ct);

        var found = await FoundAsync(p.Owner.Http, p.Id, "rambutan", _ct);

        var hit = Assert.Single(Hits(found, "documents"));
        Assert.Equal(doc, hit.GetProperty("id").GetGuid());
        Assert.Equal(["Rambutan"], Marked(hit, "snippet"));
        Assert.Contains("biaya Rambutan ditutup", hit.GetProperty("snippet").GetString());
        Assert.True(hit.GetProperty("snippet").GetString()!.Length < 220, hit.GetProperty("snippet").GetString());
        Assert.Equal(7, hit.GetProperty("line").GetInt32());
        Assert.Equal("Pembagian keuntungan", hit.GetProperty("heading").GetString());

        session.Insert(0, "Durian ");
        await SyncedAsync(session, _ct);
        Assert.Single(Hits(await FoundAsync(p.Owner.Http, p.Id, "durian rambutan", _ct), "documents"));
    }

    [Theory]
    [InlineData("a", "tooShort", "Ketik minimal 2 karakter")]
    [InlineData("   ", "tooShort", "Ketik minimal 2 karakter")]
    [InlineData(null, "tooShort", "Ketik minimal 2 karakter")]
    [InlineData("satu dua tiga empat lima enam tujuh delapan sembilan", "tooManyWords", "paling banyak 8 kata")]
    public async Task ABadQueryIsRefusedInThePersonsLanguage(string? q, string code, string indonesian)
    {
        var p = await TestPartnership.CreateAsync(factory, "Ayu", ct: _ct);

        var (status, problem) = await SearchAsync(p.Owner.Http, p.Id, q, _ct, "id-ID,id;q=0.9,en;q=0.5");
        var (_, english) = await SearchAsync(p.Owner.Http, p.Id, q, _ct, "en");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var error = problem.GetProperty("errorCodes").GetProperty("q")[0];
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Contains(indonesian, problem.GetProperty("errors").GetProperty("q")[0].GetString());
        Assert.StartsWith(code == "tooShort" ? "Type at least 2" : "Use at most 8",
            english.GetProperty("errors").GetProperty("q")[0].GetString());
    }

    [Fact]
    public async Task AQueryOverAHundredCharactersIsTooLong()
    {
        var p = await TestPartnership.CreateAsync(factory, "Dewi", ct: _ct);

        var (status, problem) = await SearchAsync(p.Owner.Http, p.Id, new string('x', 101), _ct, "id");
        var (okStatus, _) = await SearchAsync(p.Owner.Http, p.Id, new string('x', 100), _ct);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("tooLong", problem.GetProperty("errorCodes").GetProperty("q")[0].GetProperty("code").GetString());
        Assert.Equal("100", problem.GetProperty("errorCodes").GetProperty("q")[0].GetProperty("args")
            .GetProperty("max").GetString());
        Assert.Contains("maksimal 100 karakter", problem.GetProperty("errors").GetProperty("q")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, okStatus);
    }

    [Fact]
    public async Task ResultsAreBoundedPerKindAndSayThereIsMore()
    {
        var p = await TestPartnership.CreateAsync(factory, "Eko", ct: _ct);
        for (var i = 1; i <= 22; i++)
        {
            await ItemAsync(p.Owner, p.Id, $"Nanas {i:00}", _ct);
        }
        await ItemAsync(p.Owner, p.Id, "Salak", _ct);

        var found = await FoundAsync(p.Owner.Http, p.Id, "nanas", _ct);
        var salak = await FoundAsync(p.Owner.Http, p.Id, "salak", _ct);

        Assert.Equal(20, Hits(found, "actions").Count);
        Assert.True(Group(found, "actions").GetProperty("more").GetBoolean());
        Assert.False(Group(salak, "actions").GetProperty("more").GetBoolean());
    }

    [Fact]
    public async Task ViewersSearchAndNonMembersAreNotTold()
    {
        var p = await TestPartnership.CreateAsync(factory, "Fajar", ct: _ct);
        await ItemAsync(p.Owner, p.Id, "Pepaya segar", _ct);
        var viewer = await factory.JoinAsync(p.Owner, p.Id, PartnershipRole.Viewer, "Fajar viewer", ct: _ct);
        var stranger = await factory.SignUpAsync("Stranger", ct: _ct);

        var seen = await FoundAsync(viewer.Http, p.Id, "pepaya", _ct);
        var (status, _) = await SearchAsync(stranger.Http, p.Id, "pepaya", _ct);

        Assert.Equal(["Pepaya segar"], Titles(seen, "actions"));
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task TwoPartnershipsSharingAWordNeverMix()
    {
        var one = await TestPartnership.CreateAsync(factory, "Gita", ct: _ct);
        var two = await TestPartnership.CreateAsync(factory, "Hadi", ct: _ct);
        var mine = new List<Guid>();
        var theirs = new List<Guid>();
        foreach (var (p, ids) in new[] { (one, mine), (two, theirs) })
        {
            ids.Add(await ItemAsync(p.Owner, p.Id, "Jeruk manis", _ct));
            ids.Add(await GoalAsync(p.Owner, p.Id, p.OwnerPartyId, "Ekspor jeruk", _ct));
            var doc = await DocumentAsync(p.Owner, p.Id, "Kebun", _ct);
            var (hub, session) = await OpenAsync(factory, p.Owner, doc, _ct);
            await using var _ = hub;
            session.Insert(0, "Panen jeruk bulan depan");
            await SyncedAsync(session, _ct);
            ids.Add(doc);
        }

        var found = Ids(await FoundAsync(one.Owner.Http, one.Id, "jeruk", _ct));
        var (status, _) = await SearchAsync(two.Owner.Http, one.Id, "jeruk", _ct);

        Assert.Equal(mine.Order(), found.Order());
        Assert.Empty(found.Intersect(theirs));
        Assert.Equal(HttpStatusCode.NotFound, status);
    }
}
