using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;

namespace Workspace.Browser.Tests.Features.Documents;

/// <summary>
/// The server loses a document's stored edits while Rina has it open (as a restore of an older backup would); her
/// editor, knowing a newer revision, offers her copy for download and restores it as a new edit.
/// </summary>
public sealed class ServerBehindBrowserTests : ServerProcessBrowserTest
{
    private const string Plan = "Rina's plan: 40 tonnes of rice by March.";

    [Fact]
    public async Task AnEditorNewerThanTheServerIsOfferedItsCopyAndRestoresIt()
    {
        var ct = TestContext.Current.CancellationToken;
        var rina = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseUrl,
            Locale = "en-GB",
            ViewportSize = new ViewportSize { Width = 390, Height = 800 },
        });
        rina.SetDefaultTimeout(30_000);
        await ApiSeed.SignUpAsync(rina, "Rina Wijaya", "Koperasi Maju");
        var pid = (await ApiSeed.PostAsync(
            rina,
            "/api/partnerships",
            new { name = "Rice supply", organisation = "Koperasi Maju" }))
            .GetProperty("id").GetString();
        var docId = (await ApiSeed.PostAsync(rina, $"/api/partnerships/{pid}/documents", new { title = "Joint plan" }))
            .GetProperty("id").GetString();
        var page = await rina.NewPageAsync();
        await page.GotoAsync($"/p/{pid}/docs/{docId}");
        await Expect(page.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved");
        await page.Locator(".cm-content").ClickAsync();
        await page.Keyboard.TypeAsync(Plan);
        await Expect(page.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved");

        Server.Kill();
        await using (
            var db = new SqliteConnection(
                $"Data Source={Path.Combine(Server.DataDirectory, "workspace.db")};Pooling=false"))
        {
            await db.OpenAsync(ct);
            await using var command = db.CreateCommand();
            command.CommandText = "DELETE FROM DocumentOperations; DELETE FROM DocumentSnapshots;";
            await command.ExecuteNonQueryAsync(ct);
        }
        // The commit record would rightly refuse this start; the loss is meant to reach the editor here.
        File.Delete(Path.Combine(Server.DataDirectory, "workspace.db.commits"));
        // Not "until healthy": the open page reconnects on its own, and the loss it reports turns /health to 503 (as
        // checked below) — when that came before the first health probe, the start waited for a 200 that never came.
        await Server.StartAsync(healthy: false, ct);

        var notice = page.Locator(".server-behind");
        await Expect(notice)
            .ToContainTextAsync("older version of this document than your copy", new() { Timeout = 40_000 });
        var download = await page.RunAndWaitForDownloadAsync(() => notice.Locator("a[download]").ClickAsync());
        Assert.Equal(Plan, await File.ReadAllTextAsync((await download.PathAsync())!, ct));
        await BrowserFixture.ScreenshotAsync(page, "documents-server-behind-390");
        using (var http = new HttpClient())
        {
            Assert.Equal(
                HttpStatusCode.ServiceUnavailable,
                (await http.GetAsync(Server.BaseUrl + "/health", ct)).StatusCode);
        }

        await notice.Locator("[data-restore]").ClickAsync();
        await Expect(notice).ToContainTextAsync("restored as a new change");
        await Expect(page.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved");
        var content = await ApiSeed.GetAsync(page, $"/api/partnerships/{pid}/documents/{docId}");
        Assert.Equal(Plan, content.GetProperty("text").GetString());
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
