using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;

namespace Workspace.Browser.Tests.Features.Notifications;

/// <summary>
/// Rina (Koperasi Maju, desktop, English) gives Budi (Dinas Pertanian, phone, Indonesian) an action item: Budi's bell
/// counts it live, his list words it in Indonesian, the link opens the item and the count goes back to nothing.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NotificationsBrowserTests(BrowserFixture fixture)
{
    private const string Item = "Kirim draf MoU";

    [Fact]
    public async Task AnItemAssignedToBudiRingsHisBellLiveAndTheLinkOpensIt()
    {
        var rina = await fixture.NewPageAsync();
        var budi = await fixture.NewPageAsync("id-ID", width: 390, height: 844);
        var (pid, _) = await ApiSeed.TwoOrganisationsAsync(rina.Context, budi.Context, "Budi Santoso", "Editor");
        await budi.GotoAsync($"/p/{pid}");
        await UiSteps.LiveAsync(budi, "Budi Santoso");
        var bell = budi.Locator("#bell");
        await Assertions.Expect(bell).ToHaveAttributeAsync("data-unread", "0");
        await Assertions.Expect(budi.Locator("#bell-count")).ToBeHiddenAsync();

        await rina.GotoAsync($"/p/{pid}/actions");
        await rina.GetByRole(AriaRole.Button, new() { Name = "New action item" }).ClickAsync();
        var dialog = rina.Locator("dialog.form-dialog");
        await dialog.GetByLabel("What needs doing").FillAsync(Item);
        await dialog.Locator("select[name=ownerUserId]")
            .SelectOptionAsync(new SelectOptionValue { Label = "Budi Santoso · Dinas Pertanian" });
        await dialog.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(rina.Locator(".item-card", new() { HasText = Item })).ToBeVisibleAsync();

        await Assertions.Expect(budi.Locator("#bell-count")).ToHaveTextAsync("1");
        await Assertions.Expect(rina.Locator("#bell-count")).ToBeHiddenAsync();
        await ShootAsync(rina, budi, "notifications-bell", open: false);
        await bell.ClickAsync();
        var entry = budi.Locator("#notifications-panel a.notification.unread");
        await Assertions.Expect(entry).ToContainTextAsync($"Rina Wijaya menugaskan tugas A1 “{Item}” kepada Anda");
        await Assertions.Expect(entry).ToContainTextAsync("di Rice supply 2027");
        await Assertions.Expect(budi.GetByRole(AriaRole.Heading, new() { Name = "Notifikasi" })).ToBeVisibleAsync();
        await LayoutChecks.AssertFitsAsync(budi, "notifications panel at 390 px");
        await ShootAsync(rina, budi, "notifications-list", open: true);

        await entry.ClickAsync();
        await Assertions.Expect(budi).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/actions\\?item=1$"));
        await Assertions.Expect(budi.Locator("dialog.form-dialog").GetByLabel("Yang perlu dikerjakan"))
            .ToHaveValueAsync(Item);
        await Assertions.Expect(budi.Locator("#bell")).ToHaveAttributeAsync("data-unread", "0");
        await Assertions.Expect(budi.Locator("#bell-count")).ToBeHiddenAsync();

        // The page of all of them, and the e-mail switch in the account settings.
        await budi.GotoAsync("/account/notifications");
        await Assertions.Expect(budi.Locator("h1")).ToHaveTextAsync("Notifikasi");
        await Assertions.Expect(budi.Locator("main a.notification")).ToContainTextAsync("menugaskan tugas A1");
        await Assertions.Expect(budi.Locator("main a.notification.unread")).ToHaveCountAsync(0);
        await LayoutChecks.AssertFitsAsync(budi, "notifications page at 390 px");
        await BrowserFixture.ScreenshotAsync(budi, "notifications-page-id-390");
        await budi.GotoAsync("/account");
        var email = budi.GetByLabel("Kirim juga setiap notifikasi ke e-mail saya");
        await Assertions.Expect(email).ToBeCheckedAsync();
        await email.UncheckAsync();
        await Assertions.Expect(budi.Locator(".toast")).ToContainTextAsync("Tersimpan.");
        Assert.False((await ApiSeed.GetAsync(budi, "/api/notifications/settings")).GetProperty("emailEnabled")
            .GetBoolean());
        await BrowserFixture.ScreenshotAsync(budi, "notifications-account-id-390");
        await rina.Context.CloseAsync();
        await budi.Context.CloseAsync();
    }

    /// <summary>The bell (and with <paramref name="open"/> its list) of both people at both widths: Rina's is empty,
    /// so for the list Rina opens hers too (it says nothing needs her).</summary>
    private static async Task ShootAsync(IPage rina, IPage budi, string name, bool open)
    {
        if (open)
        {
            await rina.Locator("#bell").ClickAsync();
            await Assertions.Expect(rina.Locator("#notifications-panel")).ToContainTextAsync("Nothing needs you");
        }
        await LayoutChecks.ShootBothAsync(rina, budi, name);
        if (open)
        {
            await rina.Keyboard.PressAsync("Escape");
        }
    }
}
