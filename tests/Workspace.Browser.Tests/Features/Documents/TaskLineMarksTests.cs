using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;

namespace Workspace.Browser.Tests.Features.Documents;

/// <summary>
/// Task lines typed into the editor (list continuation included): what the server understood is highlighted, what it
/// will leave alone is underlined with a tooltip saying why, in the person's language.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TaskLineMarksTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(
        "en-GB",
        "“2026-02-30” is not a date",
        "No member of this partnership goes by @ayu",
        "an action item takes at most 300")]
    [InlineData(
        "id-ID",
        "“2026-02-30” bukan tanggal yang valid",
        "Tidak ada anggota kemitraan ini bernama @ayu",
        "paling panjang 300 karakter")]
    public async Task LinesTheServerCannotReadAreMarkedWithWhyAndUnderstoodPartsAreHighlighted(
        string locale,
        string badDate,
        string badHandle,
        string tooLong)
    {
        var page = await fixture.NewPageAsync(locale);
        await ApiSeed.SignUpAsync(page, "Rina Wijaya", "Koperasi Maju");
        var pid = (await ApiSeed.PostAsync(
            page,
            "/api/partnerships",
            new { name = "Rice supply 2027", organisation = "Koperasi Maju" }))
            .GetProperty("id")
            .GetString();
        var docId = (await ApiSeed.PostAsync(page, $"/api/partnerships/{pid}/documents", new { title = "Joint plan" }))
            .GetProperty("id")
            .GetString();
        await page.GotoAsync($"/p/{pid}/docs/{docId}");
        await Assertions.Expect(page.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved");
        await page.Locator(".cm-content").ClickAsync();

        // Enter after a task line starts the next one with "- [ ] ", and people type the marker again anyway.
        await page.Keyboard.TypeAsync("- [ ] Pay the deposit due:2026-02-30\n");
        await page.Keyboard.TypeAsync("Call the mill @ayu\n");
        await page.Keyboard.TypeAsync("- [ ] Send the MoU @rina due:2026-12-15\n");
        await page.Keyboard.InsertTextAsync(new string('x', 301));

        var content = page.Locator(".cm-content");
        await Assertions.Expect(content).ToContainTextAsync("- [ ] - [ ] Send the MoU");
        await Assertions.Expect(content.Locator(".cm-task-problem[data-problem=due-invalid]"))
            .ToHaveTextAsync("due:2026-02-30");
        await Assertions.Expect(content.Locator(".cm-task-problem[data-problem=handle-unknown]"))
            .ToHaveTextAsync("@ayu");
        await Assertions.Expect(content.Locator(".cm-task-problem[data-problem=title-too-long]")).ToHaveCountAsync(1);
        await Assertions.Expect(content.Locator(".cm-task-handle")).ToHaveTextAsync("@rina");
        await Assertions.Expect(content.Locator(".cm-task-due")).ToHaveTextAsync("due:2026-12-15");
        await Assertions.Expect(content.Locator(".cm-task-problem")).ToHaveCountAsync(3);

        // The cursor sits in the long line: its tooltip shows without hovering (touch, keyboard).
        await Assertions.Expect(page.Locator(".cm-task-tooltip[data-problem=title-too-long]"))
            .ToContainTextAsync(tooLong);
        // That tooltip sits above the long line, over the lines before it, as long as the cursor stays there: a
        // person moves the cursor away to read and point at them.
        await page.Keyboard.PressAsync("ControlOrMeta+Home");
        await Assertions.Expect(page.Locator(".cm-task-tooltip")).ToHaveCountAsync(0);
        await content.Locator(".cm-task-problem[data-problem=due-invalid]").HoverAsync();
        await Assertions.Expect(page.Locator(".cm-task-tooltip[data-problem=due-invalid]")).ToContainTextAsync(badDate);
        await content.Locator(".cm-task-problem[data-problem=handle-unknown]").HoverAsync();
        await Assertions.Expect(page.Locator(".cm-task-tooltip[data-problem=handle-unknown]"))
            .ToContainTextAsync(badHandle);
        await BrowserFixture.ScreenshotAsync(page, $"task-line-marks-{locale[..2]}");

        // The server agrees: only the line without a problem became an item, titled without the doubled marker.
        await Assertions.Expect(content).ToContainTextAsync("due:2026-12-15 #A1", new() { Timeout = 30_000 });
        await page.WaitForTimeoutAsync(2000);
        var items = await ApiSeed.GetAsync(page, $"/api/partnerships/{pid}/action-items");
        Assert.Equal(["Send the MoU"], items.EnumerateArray().Select(i => i.GetProperty("title").GetString()));
        await Assertions.Expect(content).Not.ToContainTextAsync("#A2");
        await page.Context.CloseAsync();
    }
}
