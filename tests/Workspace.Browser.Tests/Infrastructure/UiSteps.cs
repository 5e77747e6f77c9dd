using Microsoft.Playwright;

namespace Workspace.Browser.Tests.Infrastructure;

/// <summary>Steps many browser tests take the way a person does, through the pages.</summary>
public static class UiSteps
{
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
}
