using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workspace.Client;
using Workspace.Server.Features.Documents;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Documents.DocumentTestKit;

namespace Workspace.Server.Tests.Features.Documents;

/// <summary>
/// A version's HTML is kept for reading it again (<see cref="VersionHtmlCache"/>): every revision still gets the HTML
/// of its own text, a person who may not read the document gets nothing from it, and the kept HTML stays within its
/// bound.
/// </summary>
public sealed class DocumentVersionHtmlTests : IAsyncLifetime
{
    private static readonly MarkdownRenderer Renderer = new();

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    // Less than the HTML of all five versions of the bound's test (checked there), so reading them pushes the oldest
    // out.
    private const long Bound = 300;

    private readonly WorkspaceFactory _factory = new WorkspaceFactory()
        .With("Documents:SnapshotInterval", "2")
        .With("Documents:VersionHtmlCacheBytes", Bound.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private static string Version(Guid pid, Guid docId, long revision) =>
        $"/api/partnerships/{pid}/documents/{docId}/history/{revision}";

    /// <summary>Types each piece as its own operation (one revision each); returns the text after each.</summary>
    private async Task<List<string>> TypeAsync(CoEditingSession session, params string[] pieces)
    {
        var texts = new List<string>();
        foreach (var piece in pieces)
        {
            session.Insert(session.Text.Length, piece);
            await session.WaitSyncedAsync(_ct);
            texts.Add(session.Text);
        }
        return texts;
    }

    [Fact]
    public async Task EachRevisionReadAgainGetsTheHtmlOfItsOwnText()
    {
        var owner = await _factory.SignUpAsync("Rina", ct: _ct);
        var (pid, docId) = await CreateDocumentAsync(owner, _ct);
        var (connection, session) = await OpenAsync(_factory, owner, docId, _ct);
        var texts = await TypeAsync(session, "# Rice\n", "\n## Supply\n", "\n**40 t**\n");

        // Forwards, backwards and forwards again: the later reads are served from what the first ones kept.
        foreach (var revision in new long[] { 1, 2, 3, 2, 1, 3, 3 })
        {
            var (status, version) = await owner.Http.GetJsonAsync(Version(pid, docId, revision), _ct);
            Assert.Equal(HttpStatusCode.OK, status);
            var text = texts[(int)revision - 1];
            Assert.Equal(text, version.GetProperty("text").GetString());
            Assert.Equal(Renderer.Render(text), version.GetProperty("html").GetString());
        }
        await connection.DisposeAsync();
    }

    [Fact]
    public void TheSameTextInTwoDocumentsIsKeptForEachOnItsOwn()
    {
        var cache = new VersionHtmlCache(
            Renderer,
            Options.Create(new DocumentOptions { VersionHtmlCacheBytes = 10_000 }));
        var (one, two) = (Guid.NewGuid(), Guid.NewGuid());

        var html = cache.Render(one, "# Plan");
        var kept = cache.Bytes;
        Assert.Same(html, cache.Render(one, "# Plan"));
        Assert.Equal(kept, cache.Bytes);
        Assert.NotSame(html, cache.Render(two, "# Plan"));
        Assert.Equal(2 * kept, cache.Bytes);
        Assert.Equal(Renderer.Render("# Budget"), cache.Render(one, "# Budget"));
    }

    [Fact]
    public async Task NobodyWhoMayNotReadTheDocumentGetsItsKeptHtml()
    {
        var (owner, pid, docId, member) =
            await DocumentWithMemberAsync(_factory, "Budi", PartnershipRole.Viewer, "Ayu", _ct);
        var outsider = await _factory.SignUpAsync("Eko", ct: _ct);
        var (outsiderPid, _) = await CreateDocumentAsync(outsider, _ct);
        var (connection, session) = await OpenAsync(_factory, owner, docId, _ct);
        await TypeAsync(session, "# Secret price\n");
        Assert.Equal(HttpStatusCode.OK, (await member.Http.GetJsonAsync(Version(pid, docId, 1), _ct)).Status);
        Assert.True(_factory.Services.GetRequiredService<VersionHtmlCache>().Bytes > 0);

        // Not a member of the document's partnership; the document through the outsider's own partnership.
        var (foreign, foreignBody) = await outsider.Http.GetJsonAsync(Version(pid, docId, 1), _ct);
        Assert.Contains(foreign, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        var (elsewhere, elsewhereBody) = await outsider.Http.GetJsonAsync(Version(outsiderPid, docId, 1), _ct);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere);
        // A member removed after reading it.
        Assert.Equal(
            HttpStatusCode.NoContent,
            (await owner.Http.DeleteAsync($"/api/partnerships/{pid}/members/{member.Id}", _ct)).StatusCode);
        var (removed, removedBody) = await member.Http.GetJsonAsync(Version(pid, docId, 1), _ct);
        Assert.Contains(removed, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        foreach (var body in new[] { foreignBody, elsewhereBody, removedBody })
        {
            Assert.DoesNotContain("Secret", body.ToString(), StringComparison.Ordinal);
        }
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task TheKeptHtmlStaysWithinItsBound()
    {
        var owner = await _factory.SignUpAsync("Citra", ct: _ct);
        var (pid, docId) = await CreateDocumentAsync(owner, _ct);
        var (connection, session) = await OpenAsync(_factory, owner, docId, _ct);
        var texts = await TypeAsync(session, "# One\n", "\ntwo\n", "\nthree\n", "\nfour\n", "\nfive\n");
        var cache = _factory.Services.GetRequiredService<VersionHtmlCache>();
        Assert.True(texts.Sum(t => Renderer.Render(t).Length * sizeof(char)) > Bound);

        for (var revision = 1; revision <= texts.Count; revision++)
        {
            var (status, version) = await owner.Http.GetJsonAsync(Version(pid, docId, revision), _ct);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(Renderer.Render(texts[revision - 1]), version.GetProperty("html").GetString());
            Assert.InRange(cache.Bytes, 1, Bound);
        }
        // One version's HTML larger than the whole bound is served and not kept.
        var large = new VersionHtmlCache(Renderer, Options.Create(new DocumentOptions { VersionHtmlCacheBytes = 10 }));
        Assert.Equal(Renderer.Render("# Too large to keep"), large.Render(docId, "# Too large to keep"));
        Assert.Equal(0, large.Bytes);
        await connection.DisposeAsync();
    }
}
