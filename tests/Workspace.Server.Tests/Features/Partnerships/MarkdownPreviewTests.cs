using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Server.Tests.Features.Partnerships;

public sealed class MarkdownPreviewTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private sealed record Preview(string Html);

    [Fact]
    public async Task TooDeeplyNestedTextGetsItsTextBackEscaped()
    {
        var owner = await factory.SignUpAsync("Nesting owner", ct: _ct);
        var p = await owner.CreatePartnershipAsync("Nesting", _ct);
        var text = string.Concat(Enumerable.Repeat("*a ", 60_000)) + "<script>alert(1)</script>";

        var response = await owner.Http.PostAsJsonAsync(
            $"/api/partnerships/{p.Id}/markdown/preview", new { markdown = text }, _ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = (await response.Content.ReadFromJsonAsync<Preview>(_ct))!.Html;
        Assert.Equal(text, new HtmlParser().ParseDocument(html).QuerySelector("pre")!.TextContent);
        HtmlSafety.AssertInert(html);
    }

    [Fact]
    public async Task HeadingIdsArePrefixedAndUserAttributesDropped()
    {
        var owner = await factory.SignUpAsync("Heading owner", ct: _ct);
        var p = await owner.CreatePartnershipAsync("Headings", _ct);

        var response = await owner.Http.PostAsJsonAsync(
            $"/api/partnerships/{p.Id}/markdown/preview", new { markdown = "# Sync {#sync .x}\n\n# Editor" }, _ct);

        var html = (await response.Content.ReadFromJsonAsync<Preview>(_ct))!.Html;
        var doc = new HtmlParser().ParseDocument(html);
        Assert.Equal(["user-content-sync-sync.x", "user-content-editor"], doc.QuerySelectorAll("h1").Select(h => h.Id));
        Assert.Empty(doc.QuerySelectorAll("[class]"));
    }
}
