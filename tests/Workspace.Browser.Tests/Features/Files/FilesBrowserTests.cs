using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;

namespace Workspace.Browser.Tests.Features.Files;

/// <summary>
/// Files between two organisations: Rina (Koperasi Maju, desktop, English) uploads and sees her upload finish; Budi
/// (Dinas Pertanian, phone, Indonesian) sees the file arrive live, downloads the same bytes and cannot delete it; Rina
/// deletes it and it vanishes on Budi's phone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FilesBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task APartnerSeesAnUploadArriveLiveDownloadsItAndSeesItVanishWhenTheUploaderDeletesIt()
    {
        var rina = await fixture.NewPageAsync();
        var budi = await fixture.NewPageAsync("id-ID", width: 390, height: 844);
        var (pid, _) = await ApiSeed.TwoOrganisationsAsync(rina.Context, budi.Context, "Budi Santoso", "Editor");
        var bytes = new byte[300_000];
        new Random(2027).NextBytes(bytes);
        await rina.GotoAsync($"/p/{pid}/files");
        await budi.GotoAsync($"/p/{pid}/files");
        await Assertions.Expect(budi.Locator("h1")).ToHaveTextAsync("Berkas");
        await Assertions.Expect(budi.Locator("#main")).ToContainTextAsync("Belum ada berkas.");
        await UiSteps.LiveAsync(rina, "Budi Santoso");

        await rina.Locator("#file-input").SetInputFilesAsync(new FilePayload
        {
            Name = "Rencana panen 2027.pdf", MimeType = "application/pdf", Buffer = bytes,
        });
        var upload = rina.Locator(".upload").First;
        await Assertions.Expect(upload).ToContainTextAsync("Uploaded");
        Assert.True(await upload.Locator("progress").EvaluateAsync<bool>("p => p.value === p.max && p.max > 1"));
        await Assertions.Expect(rina.Locator(".file-row")).ToContainTextAsync("Rencana panen 2027.pdf");

        var row = budi.Locator(".file-row");
        await Assertions.Expect(row).ToContainTextAsync("Rencana panen 2027.pdf");
        await Assertions.Expect(row).ToContainTextAsync("Rina Wijaya · Koperasi Maju");
        await Assertions.Expect(row).ToContainTextAsync("293 KB");
        await Assertions.Expect(row.GetByRole(AriaRole.Button, new() { Name = "Salin tautan" })).ToBeVisibleAsync();
        await Assertions.Expect(row.Locator("button[data-delete]")).ToHaveCountAsync(0);
        await Assertions.Expect(rina.Locator(".file-row button[data-delete]")).ToHaveCountAsync(1);
        var download = await budi.RunAndWaitForDownloadAsync(() => row.Locator("a.file-name").ClickAsync());
        Assert.Equal("Rencana panen 2027.pdf", download.SuggestedFilename);
        Assert.Equal(bytes, await File.ReadAllBytesAsync((await download.PathAsync())!,
            TestContext.Current.CancellationToken));
        await LayoutChecks.AssertFitsAsync(budi, "files list at 390 px");
        await LayoutChecks.ShootBothAsync(rina, budi, "files-list");
        await rina.GotoAsync($"/p/{pid}");
        await Assertions.Expect(rina.Locator("#files-tile h2")).ToContainTextAsync("Shared files (1)");
        await Assertions.Expect(rina.Locator("#files-tile")).ToContainTextAsync("Rencana panen 2027.pdf");
        await BrowserFixture.ScreenshotAsync(rina, "files-dashboard-tile-en-1280");
        await rina.Locator("#files-tile a.more").ClickAsync();
        await Assertions.Expect(rina.Locator(".file-row")).ToContainTextAsync("Rencana panen 2027.pdf");

        await rina.Locator(".file-row button[data-delete]").ClickAsync();
        await rina.Locator("dialog.form-dialog button[type=submit]").ClickAsync();
        await Assertions.Expect(budi.Locator(".file-row")).ToHaveCountAsync(0);
        await Assertions.Expect(budi.Locator("#main")).ToContainTextAsync("Belum ada berkas.");
        await rina.Context.CloseAsync();
        await budi.Context.CloseAsync();
    }

    [Fact]
    public async Task AnUploadInProgressShowsItsProgressAndCanBeCancelledAndDroppedFilesAreUploaded()
    {
        var rina = await fixture.NewPageAsync();
        var budi = await fixture.NewPageAsync("id-ID", width: 390, height: 844);
        var (pid, _) = await ApiSeed.TwoOrganisationsAsync(rina.Context, budi.Context, "Budi Santoso", "Editor");
        await rina.GotoAsync($"/p/{pid}/files");
        await budi.GotoAsync($"/p/{pid}/files");
        await Assertions.Expect(budi.Locator("h1")).ToHaveTextAsync("Berkas");

        foreach (var page in new[] { rina, budi })
        {
            // A slow uplink (32 kB/s), so the upload is seen in progress whatever the machine's speed.
            var cdp = await page.Context.NewCDPSessionAsync(page);
            await cdp.SendAsync("Network.enable");
            await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
            {
                ["offline"] = false, ["latency"] = 0, ["downloadThroughput"] = -1, ["uploadThroughput"] = 32 * 1024,
            });
            await page.Locator("#file-input").SetInputFilesAsync(new FilePayload
            {
                Name = "Foto lahan.jpg", MimeType = "image/jpeg", Buffer = new byte[8 * 1024 * 1024],
            });
            var upload = page.Locator(".upload.upload-sending");
            await Assertions.Expect(upload.Locator("progress"))
                .ToHaveAttributeAsync("value", new System.Text.RegularExpressions.Regex("^[1-9]"));
        }
        await LayoutChecks.ShootBothAsync(rina, budi, "files-upload-in-progress");

        await rina.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(rina.Locator(".upload")).ToContainTextAsync("Cancelled");
        await budi.GetByRole(AriaRole.Button, new() { Name = "Batalkan" }).ClickAsync();
        await Assertions.Expect(budi.Locator(".upload")).ToContainTextAsync("Dibatalkan");
        var files = await ApiSeed.GetAsync(rina, $"/api/partnerships/{pid}/files");
        Assert.Equal(0, files.GetProperty("files").GetArrayLength());

        // A file dropped anywhere on the page (here on the list) is uploaded too.
        await rina.Locator("#file-list").EvaluateAsync(@"el => {
            const files = new DataTransfer();
            files.items.add(new File(['dropped bytes'], 'Dropped notes.txt', { type: 'text/plain' }));
            el.dispatchEvent(new DragEvent('drop', { dataTransfer: files, bubbles: true, cancelable: true }));
        }");
        await Assertions.Expect(rina.Locator(".file-row")).ToContainTextAsync("Dropped notes.txt");
        await Assertions.Expect(budi.Locator(".file-row")).ToContainTextAsync("Dropped notes.txt");
        await rina.Context.CloseAsync();
        await budi.Context.CloseAsync();
    }
}
