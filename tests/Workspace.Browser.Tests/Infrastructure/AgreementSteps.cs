using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Workspace.Browser.Tests.Infrastructure;

/// <summary>Steps of the agreement tests: typing into the co-editor, the approve button, a signed agreement.</summary>
public static partial class AgreementSteps
{
    // Each wait below follows a write the server makes durable (a new agreement, an approval, a signature, a
    // dispute); on a loaded machine one can take longer than Playwright's 5 s default. Still waits for a state.
    private const float Wait = 30_000;
    public static readonly LocatorAssertionsToHaveTextOptions Text = new() { Timeout = Wait };
    public static readonly LocatorAssertionsToContainTextOptions Contains = new() { Timeout = Wait };
    public static readonly LocatorAssertionsToHaveCountOptions Count = new() { Timeout = Wait };
    public static readonly LocatorAssertionsToBeVisibleOptions Visible = new() { Timeout = Wait };
    public static readonly LocatorAssertionsToHaveValueOptions Value = new() { Timeout = Wait };
    public static readonly LocatorAssertionsToHaveAttributeOptions Attribute = new() { Timeout = Wait };
    public static readonly PageAssertionsToHaveURLOptions Url = new() { Timeout = Wait };

    /// <summary>"Approve revision 12" or "Setujui revisi 12".</summary>
    [GeneratedRegex(@"^(Approve revision|Setujui revisi) \d+$")]
    public static partial Regex ApproveButton();

    /// <summary>
    /// A full-page screenshot; with SCREENSHOT_SLICES naming a folder, also the page in window-high slices there, so
    /// a long phone page can be looked at in readable pieces.
    /// </summary>
    public static async Task ShootAsync(IPage page, string name)
    {
        await BrowserFixture.ScreenshotAsync(page, name);
        var slices = Environment.GetEnvironmentVariable("SCREENSHOT_SLICES");
        if (string.IsNullOrEmpty(slices))
        {
            return;
        }
        Directory.CreateDirectory(slices);
        var size = await page.EvaluateAsync<int[]>("() => [innerWidth, document.documentElement.scrollHeight]");
        var high = Math.Min(900, page.ViewportSize?.Height ?? 900);
        for (var (top, n) = (0, 1); top < size[1] && n <= 8; top += high, n++)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(slices, $"{name}-{n}.png"), FullPage = true,
                Clip = new Clip { X = 0, Y = top, Width = size[0], Height = Math.Min(high, size[1] - top) },
            });
        }
    }

    /// <summary>Types at the end of the document once it is saved, and waits until the server has it.</summary>
    public static async Task TypeAtEndAsync(IPage doc, string text, bool waitSaved = true)
    {
        await Assertions.Expect(doc.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved", Attribute);
        await doc.Locator(".cm-content").ClickAsync();
        await doc.Keyboard.PressAsync("Control+End");
        await doc.Keyboard.TypeAsync(text);
        if (waitSaved)
        {
            await Assertions.Expect(doc.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved", Attribute);
        }
    }

    /// <summary>
    /// Through the API: Rina starts an agreement from the English template, sends it for approval and both parties
    /// approve it, so it is signed. Returns its id.
    /// </summary>
    public static async Task<string> SignedAgreementAsync(IBrowserContext rina, IBrowserContext budi, string pid,
        string title)
    {
        var url = $"/api/partnerships/{pid}/agreements";
        var id = (await ApiSeed.PostAsync(rina, url, new { title, language = "en" })).GetProperty("id").GetString()!;
        var detail = await ApiSeed.PostAsync(rina, $"{url}/{id}/review", new { });
        var signOff = detail.GetProperty("signOff");
        var approval = new { revision = signOff.GetProperty("revision").GetInt64(),
            hash = signOff.GetProperty("hash").GetString() };
        await ApiSeed.PostAsync(rina, $"{url}/{id}/approve", approval);
        var signed = await ApiSeed.PostAsync(budi, $"{url}/{id}/approve", approval);
        Assert.Equal("signed", signed.GetProperty("signOff").GetProperty("status").GetString());
        return id;
    }
}
