using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Workspace.Browser.Tests.Infrastructure;

/// <summary>Steps many browser tests take the way a person does, through the pages.</summary>
public static partial class UiSteps
{
    /// <summary>Long and hard to guess: the server refuses weak passwords.</summary>
    public const string StrongPassword = "Lumbung-padi-desa-2027";

    /// <summary>Creates an account on the sign-in page and waits until the live connection is up.</summary>
    public static async Task SignUpAsync(IPage page, string name, string organisation, string email, string password)
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await page.GetByLabel("Your name").FillAsync(name);
        await page.GetByLabel("Your organisation").FillAsync(organisation);
        await page.GetByLabel("E-mail address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");
    }

    /// <summary>Starts a partnership from the home page and returns its id, once its overview shows.</summary>
    public static async Task<string> CreatePartnershipAsync(IPage page, string name)
    {
        await page.GetByLabel("Partnership name").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = name })).ToBeVisibleAsync();
        return PartnershipId().Match(page.Url).Groups[1].Value;
    }

    /// <summary>
    /// Waits until the page has joined its partnership's live updates: the server then tells it who is online, the
    /// person themself included. A page loads what it shows over HTTP while its live connection is still being made,
    /// so a change made by someone else before that moment never reaches it; a test that changes something for an
    /// open page to show waits for this first.
    /// </summary>
    public static Task LiveAsync(IPage page, string name) =>
        Assertions.Expect(page.Locator("#online")).ToContainTextAsync(name);

    [GeneratedRegex("/p/([0-9a-f-]{36})")]
    private static partial Regex PartnershipId();
}
