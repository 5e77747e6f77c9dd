using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;

namespace Workspace.Browser.Tests.Features;

[Collection(BrowserCollection.Name)]
public sealed class ShellTests(BrowserFixture fixture)
{
    [Fact]
    public async Task NewUserSignsUpCreatesAPartnershipAndIsOnline()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await page.GetByLabel("Your name").FillAsync("Rina Wijaya");
        await page.GetByLabel("Your organisation").FillAsync("Koperasi Maju");
        await page.GetByLabel("E-mail address").FillAsync($"rina.{Guid.NewGuid():N}@example.org");
        await page.GetByLabel("Password").FillAsync("tanam-padi-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await Assertions.Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");
        await page.GetByLabel("Partnership name").FillAsync("Rice supply 2027");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Rice supply 2027" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".page-head")).ToContainTextAsync("Koperasi Maju");
        await BrowserFixture.ScreenshotAsync(page, "shell-overview-en");
    }

    [Fact]
    public async Task IndonesianBrowserGetsIndonesianText()
    {
        var page = await fixture.NewPageAsync("id-ID");
        await page.GotoAsync("/");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Masuk" })).ToBeVisibleAsync();
        await page.Locator("#language").SelectOptionAsync("en");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }
}
