using System.Net;
using Workspace.Server.Features.Documents;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Features.Documents.DocumentHistory;
using static Workspace.Server.Tests.Features.Documents.DocumentTestKit;

namespace Workspace.Server.Tests.Features.Documents;

/// <summary>Versions follow who is writing and how long a session runs; people can name a version.</summary>
public sealed class VersionSplitAndNameTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private static readonly DocumentOptions Options = new() {
        HistoryGap = TimeSpan.FromMinutes(5),
        HistoryMaxSpan = TimeSpan.FromMinutes(30)
    };
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private readonly WorkspaceFactory _factory = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private static Edit At(long revision, string author, int minute, bool byServer = false) =>
        new(revision, author, Start.AddMinutes(minute), byServer);

    private static long[] Ends(List<VersionGroup> groups) => [.. groups.Select(g => g.Last)];

    [Fact]
    public void ALongSessionWithoutPausesIsSplitEveryMaxSpan()
    {
        // One edit a minute for 70 minutes: never a 5-minute pause, yet three versions of at most 30 minutes.
        var edits = Enumerable.Range(0, 70).Select(m => At(m + 1, "rina", m));

        var groups = GroupEdits(edits, Options, new HashSet<long>());

        Assert.Equal([30L, 60L, 70L], Ends(groups));
        Assert.All(groups, g => Assert.True(g.At - g.Started < Options.HistoryMaxSpan));
    }

    [Fact]
    public void AnotherPersonTakingOverStartsAVersionAndTaskSyncJoinsTheVersionItFallsIn()
    {
        var edits = new[]
        {
            At(1, "rina", 0), At(2, "rina", 1), At(3, "", 1, byServer: true), At(4, "budi", 2), At(5, "budi", 3),
            At(6, "rina", 3),
        };

        var groups = GroupEdits(edits, Options, new HashSet<long>());

        Assert.Equal([3L, 5L, 6L], Ends(groups));
        Assert.Equal(["rina", ""], groups[0].Authors);
        Assert.Equal(["budi"], groups[1].Authors);
    }

    [Fact]
    public void ANamedRevisionEndsItsVersion()
    {
        var edits = Enumerable.Range(1, 6).Select(r => At(r, "rina", 0));

        var groups = GroupEdits(edits, Options, new HashSet<long> { 4 });

        Assert.Equal([4L, 6L], Ends(groups));
    }

    [Fact]
    public async Task AnEditorNamesAVersionAndEveryoneSeesTheName()
    {
        var owner = await _factory.SignUpAsync("Rina", ct: _ct);
        var (pid, docId) = await CreateDocumentAsync(owner, _ct);
        var viewer = await _factory.JoinAsync(owner, pid, PartnershipRole.Viewer, "Vina", ct: _ct);
        var (connection, session) = await OpenAsync(_factory, owner, docId, _ct);
        foreach (var piece in new[] { "# Plan\n", "Deliver rice.\n", "Train farmers.\n" })
        {
            session.Insert(session.Text.Length, piece);
            await session.WaitSyncedAsync(_ct);
        }
        var history = $"/api/partnerships/{pid}/documents/{docId}/history";

        var (named, _) = await owner.Http.PutJsonAsync(
            $"{history}/2/name",
            new { name = "  Draft for the board " },
            _ct);

        Assert.Equal(HttpStatusCode.NoContent, named);
        var (_, list) = await viewer.Http.GetJsonAsync(history, _ct);
        var versions = list.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal([3L, 2L], versions.Select(v => v.GetProperty("revision").GetInt64()));
        Assert.Equal("Draft for the board", versions[1].GetProperty("name").GetString());

        // Bad input changes nothing: too long, an unknown revision, a viewer.
        Assert.Equal(
            HttpStatusCode.BadRequest,
            (await owner.Http.PutJsonAsync($"{history}/2/name", new { name = new string('x', 81) }, _ct)).Status);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await owner.Http.PutJsonAsync($"{history}/99/name", new { name = "Later" }, _ct)).Status);
        Assert.Equal(
            HttpStatusCode.Forbidden,
            (await viewer.Http.PutJsonAsync($"{history}/2/name", new { name = "Mine" }, _ct)).Status);
        (_, list) = await owner.Http.GetJsonAsync(history, _ct);
        Assert.Equal("Draft for the board", list.GetProperty("versions")[1].GetProperty("name").GetString());

        // An empty name takes it away; the version then joins the next again.
        Assert.Equal(
            HttpStatusCode.NoContent,
            (await owner.Http.PutJsonAsync($"{history}/2/name", new { name = "" }, _ct)).Status);
        (_, list) = await owner.Http.GetJsonAsync(history, _ct);
        Assert.Equal(
            [3L],
            list.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("revision").GetInt64()));
        await connection.DisposeAsync();
    }
}
