using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;
using static Workspace.Browser.Tests.Infrastructure.UiSteps;

namespace Workspace.Browser.Tests.Kernel;

[Collection(BrowserCollection.Name)]
public sealed class ShellTests(BrowserFixture fixture)
{
    [Fact]
    public async Task NewUserSignsUpCreatesAPartnershipAndIsOnline()
    {
        var page = await fixture.NewPageAsync();
        await SignUpAsync(
            page,
            "Rina Wijaya",
            "Koperasi Maju",
            $"rina.{Guid.NewGuid():N}@example.org",
            "tanam-padi-2026");
        await CreatePartnershipAsync(page, "Rice supply 2027");
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

    [Fact]
    public async Task APageThatFinishesLoadingAfterThePersonMovedOnDoesNotDrawOverTheNextPage()
    {
        var page = await fixture.NewPageAsync();
        await SignUpAsync(
            page,
            "Tari Slow",
            "Koperasi Lambat",
            $"tari.{Guid.NewGuid():N}@example.org",
            "jaringan-lambat-7");
        await CreatePartnershipAsync(page, "Slow network");

        // The overview's figures arrive late (a slow link): the request is held until the settings page is up.
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync("**/api/partnerships/*/dashboard", async route =>
        {
            held.TrySetResult();
            await release.Task;
            await route.ContinueAsync();
        });
        await page.Locator("#sidenav")
            .GetByRole(AriaRole.Link, new() { Name = "Dashboard", Exact = true })
            .ClickAsync();
        await held.Task.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        await page.Locator("#sidenav").GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Name" }))
            .ToHaveValueAsync("Slow network");

        var answered = page.WaitForResponseAsync("**/api/partnerships/*/dashboard");
        release.SetResult();
        await answered;
        await page.WaitForTimeoutAsync(300); // the late page's draw runs right after its answer

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Partnership settings" }))
            .ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Name" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#sidenav a[aria-current=page]")).ToHaveTextAsync("Settings");
        Assert.Equal(0, await page.Locator(".dash").CountAsync());
    }
}
