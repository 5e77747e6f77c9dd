using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;

namespace Workspace.Browser.Tests.Kernel;

/// <summary>Small things that looked broken: section headings, badges, toasts, counts, long titles, history
/// authors.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SmallThingsTests(BrowserFixture fixture)
{
    [Fact]
    public async Task EverySectionIsNamedFromTheFirstPageAndOpensHighlighted()
    {
        var rina = await fixture.NewPageAsync();
        await ApiSeed.SignUpAsync(rina, "Rina Wijaya", "Koperasi Maju");
        var pid = (await ApiSeed.PostAsync(
            rina,
            "/api/partnerships",
            new { name = "Rice", organisation = "Koperasi Maju" }))
            .GetProperty("id")
            .GetString();
        await rina.GotoAsync($"/p/{pid}");
        // Every section is named from the first page on, not only once its own page's code has loaded.
        await Assertions.Expect(rina.Locator("#sidenav").GetByRole(
            AriaRole.Link,
            new() { Name = "Settings", Exact = true }))
            .ToBeVisibleAsync();
        await Assertions.Expect(rina.Locator("#sidenav")).Not.ToContainTextAsync("nav.");
        foreach (var section in new[] { "Files" })
        {
            await rina.Locator("#sidenav").GetByRole(AriaRole.Link, new() { Name = section }).ClickAsync();
            await Assertions.Expect(rina.GetByRole(AriaRole.Heading, new() { Name = section, Exact = true }))
                .ToBeVisibleAsync();
            await Assertions.Expect(rina.Locator("#sidenav a[aria-current=page]")).ToContainTextAsync(section);
            await Assertions.Expect(rina.Locator("#main")).Not.ToContainTextAsync("Not found");
        }
        await rina.Locator("#language").SelectOptionAsync("id");
        await Assertions.Expect(rina.GetByRole(AriaRole.Heading, new() { Name = "Berkas", Exact = true }))
            .ToBeVisibleAsync();
        await Assertions.Expect(rina.Locator("#main")).ToContainTextAsync("Belum ada berkas.");
        await Assertions.Expect(rina.Locator("#sidenav a[aria-current=page]")).ToContainTextAsync("Berkas");
    }

    [Fact]
    public async Task TheSignInPageShowsNoConnectionBadge()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#connection")).ToBeHiddenAsync();

        await UiSteps.SignUpAsync(
            page,
            "Rina Wijaya",
            "Koperasi Maju",
            $"rina.{Guid.NewGuid():N}@example.org",
            "tanam-padi-2026");
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("Online");
    }

    [Fact]
    public async Task AnErrorMessageGoesAwayWhenThePersonMovesOn()
    {
        var page = await fixture.NewPageAsync();
        await ApiSeed.SignUpAsync(page, "Rina Wijaya", "Koperasi Maju");
        await page.GotoAsync("/");
        await page.RouteAsync("**/api/partnerships", async route =>
        {
            if (route.Request.Method == "POST")
            {
                await route.FulfillAsync(new() {
                    Status = 500,
                    ContentType = "application/problem+json",
                    Body = "{\"title\":\"Server trouble\",\"status\":500}"
                });
            }
            else
            {
                await route.ContinueAsync();
            }
        });
        await page.GetByLabel("Partnership name").FillAsync("Rice");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".toast-error"))
            .ToContainTextAsync("Something went wrong on the server (500)");

        await page.Locator("#me").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your account" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".toast-error")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task MyOpenItemsCountsAreThePersonsOwn()
    {
        var rina = await fixture.NewPageAsync();
        var budi = await fixture.NewPageAsync();
        var (pid, _) = await PartnershipSeed.FilledAsync(rina.Context, budi.Context); // both items are Budi's

        await rina.GotoAsync($"/p/{pid}");
        await Assertions.Expect(rina.Locator("#my-counts")).ToHaveTextAsync("0 open · 0 done (yours)");
        await Assertions.Expect(rina.GetByText("Nothing on your plate.")).ToBeVisibleAsync();
        await budi.GotoAsync($"/p/{pid}");
        await Assertions.Expect(budi.Locator("#my-counts")).ToHaveTextAsync("2 open · 0 done (yours)");
    }

    [Fact]
    public async Task LongTitlesAreClampedOnCardsAndTheLimitIsAnnounced()
    {
        var rina = await fixture.NewPageAsync();
        var budi = await fixture.NewPageAsync();
        var (pid, _) = await PartnershipSeed.FilledAsync(rina.Context, budi.Context);

        await rina.GotoAsync($"/p/{pid}/actions");
        var title = rina.Locator(".item-card .item-title", new() { HasText = "Confirm the warehouse" });
        await Assertions.Expect(title).ToHaveAttributeAsync("title", PartnershipSeed.LongTitle);
        var size = await title.EvaluateAsync<double[]>(
            "el => [el.clientHeight, el.scrollHeight, parseFloat(getComputedStyle(el).lineHeight) || 22]");
        var (shown, full, line) = (size[0], size[1], size[2]);
        Assert.True(shown < full, $"the title is cut ({shown} of {full} px shown)");
        Assert.True(shown <= 2.5 * line, $"at most two lines show ({shown} px, a line is {line} px)");

        // Typing up to a field's limit says so, instead of cutting silently.
        await rina.Locator("#sidenav").GetByRole(AriaRole.Link, new() { Name = "Plan & documents" }).ClickAsync();
        var field = rina.GetByLabel("Title");
        await field.FillAsync(new string('a', 170));
        await field.PressAsync("End");
        await rina.Keyboard.TypeAsync("b");
        await Assertions.Expect(rina.Locator(".length-hint")).ToHaveTextAsync("171 of 200 characters");
        await rina.Keyboard.InsertTextAsync(new string('c', 60));
        await Assertions.Expect(rina.Locator(".length-hint"))
            .ToHaveTextAsync("Limit of 200 characters reached: anything longer is cut off.");
        await Assertions.Expect(field).ToHaveValueAsync(new Regex("^a{170}bc{29}$"));
    }

    [Fact]
    public async Task HistoryNamesTaskSyncSplitsTurnsAndKeepsAVersionsName()
    {
        var rina = await fixture.NewPageAsync();
        var budi = await fixture.NewPageAsync();
        var (pid, docId) = await ApiSeed.TwoOrganisationsAsync(rina.Context, budi.Context, "Budi Santoso", "Editor");
        await rina.GotoAsync($"/p/{pid}/docs/{docId}");
        await budi.GotoAsync($"/p/{pid}/docs/{docId}");
        await Assertions.Expect(rina.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved");
        await Assertions.Expect(budi.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved");

        // Rina writes a task line (task sync links it to an item); Budi takes over within the pause that would join
        // them.
        await rina.Locator(".cm-content").ClickAsync();
        await rina.Keyboard.TypeAsync("# Plan\n- [ ] Ship rice\n");
        await Assertions.Expect(rina.Locator(".cm-content")).ToContainTextAsync("#A1");
        await Assertions.Expect(budi.Locator(".cm-content")).ToContainTextAsync("#A1");
        await budi.Locator(".cm-content").ClickAsync();
        await budi.Keyboard.PressAsync("Control+End");
        await budi.Keyboard.TypeAsync("Budi was here.");
        await Assertions.Expect(budi.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved");

        await rina.GetByRole(AriaRole.Tab, new() { Name = "History" }).ClickAsync();
        var versions = rina.Locator("button.version");
        await Assertions.Expect(versions).ToHaveCountAsync(2);
        await Assertions.Expect(versions.First).ToContainTextAsync("by Budi Santoso");
        await Assertions.Expect(versions.Nth(1)).ToContainTextAsync("by Rina Wijaya, task sync");
        await Assertions.Expect(rina.Locator("#history")).Not.ToContainTextAsync("Partnership Workspace");

        await versions.Nth(1).ClickAsync();
        await rina.GetByLabel("Name of this version").FillAsync("First outline");
        await rina.GetByRole(AriaRole.Button, new() { Name = "Save name" }).ClickAsync();
        await Assertions.Expect(rina.Locator(".toast-ok")).ToContainTextAsync("Version named.");
        await rina.GetByRole(AriaRole.Button, new() { Name = "← All versions" }).ClickAsync();
        await Assertions.Expect(versions.Nth(1)).ToContainTextAsync("First outline");
        await budi.GetByRole(AriaRole.Tab, new() { Name = "History" }).ClickAsync();
        await Assertions.Expect(budi.Locator("button.version").Nth(1)).ToContainTextAsync("First outline");
    }
}
