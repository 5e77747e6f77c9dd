using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;

namespace Workspace.Browser.Tests.Kernel;

/// <summary>
/// Every page at a desktop and a phone size in both languages, saved under screenshots/ at the checkout root to be
/// looked at; each also has to fit its window.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenshotTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("en-GB", 1280, 800)]
    [InlineData("en-GB", 390, 844)]
    [InlineData("id-ID", 1280, 800)]
    [InlineData("id-ID", 390, 844)]
    public async Task EveryPageAtEverySizeInEveryLanguage(string locale, int width, int height)
    {
        var lang = locale[..2];
        var size = width > 900 ? "desktop" : "phone";
        var rina = await fixture.NewPageAsync(locale, width, height);
        var budi = await fixture.NewPageAsync(locale, width, height);
        var (pid, docId) = await PartnershipSeed.FilledAsync(rina.Context, budi.Context);
        var party = (await ApiSeed.PostAsync(
            rina,
            $"/api/partnerships/{pid}/parties",
            new { name = "Dutch Rice Imports" }))
            .GetProperty("id")
            .GetString();
        var invitation = await ApiSeed.PostAsync(
            rina,
            $"/api/partnerships/{pid}/invitations",
            new { partyId = party, email = "joost@example.org", role = "Editor", isPartyAdmin = true });

        async Task ShootAsync(IPage page, string name)
        {
            await page.WaitForTimeoutAsync(400);
            await SaveAsync(page, $"{name}-{size}-{lang}");
            await LayoutChecks.AssertFitsAsync(page, name);
        }

        var signedOut = await fixture.NewPageAsync(locale, width, height);
        await signedOut.GotoAsync("/");
        await Assertions.Expect(signedOut.Locator("#auth-form")).ToBeVisibleAsync();
        await ShootAsync(signedOut, "signin");
        await signedOut.Locator("#auth-switch").ClickAsync();
        await ShootAsync(signedOut, "signup");
        await signedOut.GotoAsync($"/invite/{invitation.GetProperty("token").GetString()}");
        await Assertions.Expect(signedOut.Locator("#invitation")).ToBeVisibleAsync();
        await ShootAsync(signedOut, "invite");

        await rina.GotoAsync("/");
        await Assertions.Expect(rina.Locator(".cards")).ToBeVisibleAsync();
        await ShootAsync(rina, "home");
        foreach (var (_, path) in ResponsiveTests.Sections)
        {
            await rina.GotoAsync($"/p/{pid}{path}");
            await Assertions.Expect(rina.Locator("#main h1").First).ToBeVisibleAsync();
            await ShootAsync(rina, path.Length == 0 ? "dashboard" : path[1..]);
        }
        await rina.GotoAsync($"/p/{pid}/docs/{docId}");
        await Assertions.Expect(rina.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved");
        await ShootAsync(rina, "document-empty");
        await rina.GotoAsync("/account");
        await Assertions.Expect(rina.Locator("#main h1").First).ToBeVisibleAsync();
        await ShootAsync(rina, "account");
        if (width <= 900)
        {
            await rina.GotoAsync($"/p/{pid}/actions");
            await Assertions.Expect(rina.Locator("#main h1").First).ToBeVisibleAsync();
            await rina.Locator("#menu").ClickAsync();
            await ShootAsync(rina, "menu-open");
        }
    }

    private static async Task SaveAsync(IPage page, string name)
    {
        var dir = Path.Combine(Path.GetDirectoryName(BrowserFixture.ScreenshotDir)!, "..", "screenshots");
        Directory.CreateDirectory(dir);
        await page.ScreenshotAsync(new PageScreenshotOptions {
            Path = Path.Combine(dir, name + ".png"),
            FullPage = true
        });
    }
}
