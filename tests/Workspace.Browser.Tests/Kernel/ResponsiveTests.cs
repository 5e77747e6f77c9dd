using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;

namespace Workspace.Browser.Tests.Kernel;

/// <summary>
/// Phones and tablets: every section of a partnership is reached through the menu (drawer), the top bar's tools
/// (language, sign out) are reachable, and no page is wider than the window.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ResponsiveTests(BrowserFixture fixture)
{
    /// <summary>The navigation, in its order: link text and where it leads (after /p/{id}).</summary>
    public static readonly (string Link, string Path)[] Sections =
    [
        ("Dashboard", ""), ("Plan & documents", "/docs"), ("Goals & KPIs", "/goals"), ("Action items", "/actions"),
        ("Meetings", "/meetings"), ("Agreements", "/agreements"), ("Disputes", "/disputes"), ("Reviews", "/reviews"),
        ("Files", "/files"), ("Members", "/members"), ("Activity", "/activity"), ("Settings", "/settings"),
    ];

    [Theory]
    [InlineData(390, 844)]
    [InlineData(768, 1024)]
    public async Task EverySectionIsReachedThroughTheMenuAndNothingOverflows(int width, int height)
    {
        var rina = await fixture.NewPageAsync(width: width, height: height);
        var budi = await fixture.NewPageAsync(width: width, height: height);
        var (pid, docId) = await PartnershipSeed.FilledAsync(rina.Context, budi.Context);

        await rina.GotoAsync("/");
        await Assertions.Expect(rina.GetByRole(AriaRole.Heading, new() { Name = "Your partnerships" }))
            .ToBeVisibleAsync();
        await LayoutChecks.AssertFitsAsync(rina, "home");
        await rina.GetByRole(AriaRole.Link, new() { Name = "Rice supply 2027" }).TapAsync();
        await Assertions.Expect(rina.GetByRole(AriaRole.Heading, new() { Name = "Rice supply 2027" }))
            .ToBeVisibleAsync();

        // On narrow windows the side navigation is behind the menu button; each section is one tap in the drawer.
        await Assertions.Expect(rina.Locator("#sidenav")).Not.ToBeInViewportAsync();
        foreach (var (link, path) in Sections)
        {
            await GoThroughMenuAsync(rina, link);
            await rina.WaitForURLAsync(new Regex($"/p/{pid}{Regex.Escape(path)}$"));
            await Assertions.Expect(rina.Locator("#drawer")).Not.ToHaveClassAsync(new Regex("open"));
            await Assertions.Expect(rina.Locator("#sidenav a[aria-current=page]")).ToContainTextAsync(link);
            await Assertions.Expect(rina.Locator("#main h1").First).ToBeVisibleAsync();
            await LayoutChecks.AssertFitsAsync(rina, link);
        }

        // The document editor: the preview, comments and history are one tap from the text and back.
        await rina.GotoAsync($"/p/{pid}/docs/{docId}");
        await Assertions.Expect(rina.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved");
        await Assertions.Expect(rina.Locator(".cm-content")).ToBeVisibleAsync();
        await rina.GetByRole(AriaRole.Tab, new() { Name = "Preview" }).TapAsync();
        await Assertions.Expect(rina.Locator("#preview-pane")).ToBeVisibleAsync();
        await rina.GetByRole(AriaRole.Tab, new() { Name = "History" }).TapAsync();
        await Assertions.Expect(rina.Locator("#history")).ToBeVisibleAsync();
        await rina.GetByRole(AriaRole.Tab, new() { Name = "Edit" }).TapAsync();
        await Assertions.Expect(rina.Locator(".cm-content")).ToBeVisibleAsync();
        await LayoutChecks.AssertFitsAsync(rina, "document");

        // Language and sign out are in the drawer, inside the window.
        await rina.Locator("#menu").TapAsync();
        await Assertions.Expect(rina.Locator("#language")).ToBeInViewportAsync();
        await rina.Locator("#language").SelectOptionAsync("id");
        await Assertions.Expect(rina.Locator("#menu")).ToHaveAttributeAsync("aria-label", "Menu");
        await rina.Locator("#menu").TapAsync();
        await Assertions.Expect(rina.GetByRole(AriaRole.Button, new() { Name = "Keluar" })).ToBeInViewportAsync();
        await rina.GetByRole(AriaRole.Button, new() { Name = "Keluar" }).TapAsync();
        await Assertions.Expect(rina.GetByRole(AriaRole.Heading, new() { Name = "Masuk" })).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData(390, 844)]
    [InlineData(768, 1024)]
    public async Task SignedOutPagesFitAndKeepTheLanguageSwitchReachable(int width, int height)
    {
        var rina = await fixture.NewPageAsync();
        await ApiSeed.SignUpAsync(rina, "Rina Wijaya", "Koperasi Maju");
        var pid = (await ApiSeed.PostAsync(
            rina,
            "/api/partnerships",
            new { name = "Rice supply 2027", organisation = "Koperasi Maju" }))
            .GetProperty("id")
            .GetString();
        var party = (await ApiSeed.PostAsync(
            rina,
            $"/api/partnerships/{pid}/parties",
            new { name = "Dinas Pertanian" }))
            .GetProperty("id")
            .GetString();
        var invitation = await ApiSeed.PostAsync(
            rina,
            $"/api/partnerships/{pid}/invitations",
            new { partyId = party, email = "budi@example.org", role = "Editor", isPartyAdmin = true });

        var page = await fixture.NewPageAsync(width: width, height: height);
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await LayoutChecks.AssertFitsAsync(page, "sign in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).TapAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Create account" })).ToBeVisibleAsync();
        await LayoutChecks.AssertFitsAsync(page, "sign up");
        await page.GotoAsync($"/invite/{invitation.GetProperty("token").GetString()}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You are invited" }))
            .ToBeVisibleAsync();
        await LayoutChecks.AssertFitsAsync(page, "invitation");

        await page.Locator("#menu").TapAsync();
        await Assertions.Expect(page.Locator("#language")).ToBeInViewportAsync();
        await page.Locator("#language").SelectOptionAsync("id");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Anda diundang" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TheMenuWorksFromTheKeyboard()
    {
        var rina = await fixture.NewPageAsync(width: 390, height: 844);
        var budi = await fixture.NewPageAsync(width: 390, height: 844);
        var (pid, _) = await ApiSeed.TwoOrganisationsAsync(rina.Context, budi.Context, "Budi Santoso", "Editor");
        await rina.GotoAsync($"/p/{pid}");
        await Assertions.Expect(rina.GetByRole(AriaRole.Heading, new() { Name = "Rice supply 2027" }))
            .ToBeVisibleAsync();

        await rina.Locator("#menu").FocusAsync();
        await rina.Keyboard.PressAsync("Enter");
        await Assertions.Expect(rina.Locator("#menu")).ToHaveAttributeAsync("aria-expanded", "true");
        // The drawer takes the focus; Escape closes it and gives the focus back to the menu button.
        await Assertions.Expect(rina.Locator("#drawer :focus")).ToHaveCountAsync(1);
        await rina.Keyboard.PressAsync("Escape");
        await Assertions.Expect(rina.Locator("#menu")).ToBeFocusedAsync();
        await Assertions.Expect(rina.Locator("#sidenav")).Not.ToBeInViewportAsync();

        await rina.Keyboard.PressAsync("Enter");
        var members = rina.Locator("#sidenav").GetByRole(AriaRole.Link, new() { Name = "Members" });
        await members.FocusAsync();
        await rina.Keyboard.PressAsync("Enter");
        await rina.WaitForURLAsync(new Regex($"/p/{pid}/members$"));
        await Assertions.Expect(rina.GetByRole(AriaRole.Heading, new() { Name = "Members" })).ToBeVisibleAsync();
    }

    private static async Task GoThroughMenuAsync(IPage page, string link)
    {
        await page.Locator("#menu").TapAsync();
        await Assertions.Expect(page.Locator("#drawer")).ToHaveClassAsync(new Regex("open"));
        var target = page.Locator("#sidenav").GetByRole(AriaRole.Link, new() { Name = link });
        await Assertions.Expect(target).ToBeInViewportAsync();
        await target.TapAsync();
    }
}
