using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workspace.Browser.Tests.Features.Auth;

/// <summary>A page whose session ended elsewhere goes back to the sign-in form and says why.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SessionEndBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task SigningOutOnTheLaptopTakesThePhoneBackToTheSignInForm()
    {
        var email = $"lina.{Guid.NewGuid():N}@example.org";
        var laptop = await fixture.NewPageAsync();
        await UiSteps.SignUpAsync(laptop, "Lina Dua Perangkat", "Koperasi Dua", email, UiSteps.StrongPassword);
        var phone = await fixture.NewPageAsync();
        await phone.SetViewportSizeAsync(390, 800);
        await phone.GotoAsync("/");
        await phone.GetByLabel("E-mail address").FillAsync(email);
        await phone.GetByLabel("Password").FillAsync(UiSteps.StrongPassword);
        await phone.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(phone.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");

        await laptop.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(phone.Locator("#session-ended"))
            .ToHaveTextAsync("Your session has ended: sign in again.", new() { Timeout = 30_000 });
        await Expect(phone.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(phone, "session-ended-390");
    }
}
