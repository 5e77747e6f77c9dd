using System.Net;
using System.Text.RegularExpressions;

namespace Workspace.Server.Tests.Infrastructure;

/// <summary>Only the built front end is public: index.html for app routes and dist/ without source maps.</summary>
public sealed partial class PublishedFilesTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public static TheoryData<string> Unpublished() =>
    [
        "/node_modules/ot-text-unicode/package.json", "/node_modules/.package-lock.json", "/node_modules/",
        "/node_modules/@microsoft/signalr/dist/esm/index.js", "/src/main.js", "/src/core/api.js", "/src/styles.css",
        "/src/", "/package.json", "/package-lock.json", "/build.mjs", "/test/editor.test.mjs", "/dist/app.js.map",
        "/dist/.Release.stamp", "/dist/.Debug.stamp", "/README.md", "/.gitignore", "/Workspace.sln", "/no-such-page",
        "/wwwroot/index.html", "/dist/", "/favicon.ico", "/dist/index.html", "/dist/index.html.br",
    ];

    [Theory]
    [MemberData(nameof(Unpublished))]
    public async Task EverythingButTheBuiltFrontEndIs404(string path)
    {
        var response = await factory.CreateClient().GetAsync(path, _ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(_ct);
        Assert.DoesNotContain("<div id=\"app\">", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/index.html")]
    [InlineData("/account")]
    [InlineData("/invite/some-token")]
    [InlineData("/p/6f1c4a55-0d8e-4a4e-9f53-2d1b8c1f3e11/goals")]
    [InlineData("/p/6f1c4a55-0d8e-4a4e-9f53-2d1b8c1f3e11/docs/1a2b")]
    public async Task AppRoutesLoadTheAppShell(string path)
    {
        var response = await factory.CreateClient().GetAsync(path, _ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<div id=\"app\">", await response.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBundleAndItsChunksAreServedWithoutSourceMaps()
    {
        var client = factory.CreateClient();
        var page = await client.GetStringAsync("/", _ct);
        var script = await client.GetStringAsync(EntryScript().Match(page).Groups[1].Value, _ct);
        var styles = await client.GetAsync(EntryStyles().Match(page).Groups[1].Value, _ct);
        var dist = Path.Combine(FrontEnd(), "dist");

        Assert.Equal(HttpStatusCode.OK, styles.StatusCode);
        Assert.DoesNotContain("sourceMappingURL", script, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(dist, "*.map", SearchOption.AllDirectories));
        foreach (var chunk in ChunkImport().Matches(script).Select(m => m.Groups[1].Value).Distinct())
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dist/" + chunk, _ct)).StatusCode);
        }
        // Even a map left in dist/ by some other build is not served by a Release server.
        var stray = Path.Combine(dist, $"stray-{Guid.NewGuid():N}.js.map");
        await File.WriteAllTextAsync(stray, "{\"version\":3,\"sources\":[\"src/main.js\"]}", _ct);
        try
        {
            var served = await client.GetAsync("/dist/" + Path.GetFileName(stray), _ct);
            Assert.Equal(HttpStatusCode.NotFound, served.StatusCode);
        }
        finally
        {
            File.Delete(stray);
        }
    }

    private static string FrontEnd()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Workspace.sln")))
            {
                return Path.Combine(dir.FullName, "wwwroot");
            }
        }
        throw new InvalidOperationException("No checkout above the test binaries.");
    }

    [GeneratedRegex("\"\\./(chunks/[A-Za-z0-9_-]+\\.js)\"")]
    private static partial Regex ChunkImport();

    [GeneratedRegex("src=\"(/dist/app-[A-Z0-9]{8}\\.js)\"")]
    private static partial Regex EntryScript();

    [GeneratedRegex("href=\"(/dist/app-[A-Z0-9]{8}\\.css)\"")]
    private static partial Regex EntryStyles();
}
