using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workspace.Browser.Tests.Features.Auth;

/// <summary>The sign-up form rates the password as it is typed; the server refuses weak ones in the person's
/// language.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PasswordMeterTests(BrowserFixture fixture)
{
    [Fact]
    public async Task TheMeterLoadsItsDictionariesOnlyOnceAPasswordIsTypedAndTheServerRefusesAWeakOne()
    {
        var page = await fixture.NewPageAsync();
        var estimator = new List<string>();
        page.Request += (_, r) =>
        {
            if (r.Url.Contains("/dist/chunks/password-strength", StringComparison.Ordinal))
            {
                estimator.Add(r.Url);
            }
        };
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await page.GetByLabel("Your name").FillAsync("Wati Lemah");
        await page.GetByLabel("E-mail address").FillAsync($"wati.{Guid.NewGuid():N}@example.org");
        Assert.Empty(estimator);

        await page.GetByLabel("Password").FillAsync("password1234");
        await Expect(page.Locator("#auth-strength")).ToHaveAttributeAsync("data-score", new Regex("^[01]$"));
        Assert.Single(estimator);
        await page.GetByLabel("Password").FillAsync("short");
        await Expect(page.Locator("#auth-strength .strength-text"))
            .ToHaveTextAsync("Too short: at least 10 characters.");
        await page.GetByLabel("Password").FillAsync(UiSteps.StrongPassword);
        await Expect(page.Locator("#auth-strength")).ToHaveAttributeAsync("data-score", new Regex("^[34]$"));

        await page.GetByLabel("Password").FillAsync("password1234");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(page.Locator("#auth-error"))
            .ToHaveTextAsync("This password is too easy to guess: use a longer phrase of unrelated words.");
        await page.SetViewportSizeAsync(390, 800);
        await BrowserFixture.ScreenshotAsync(page, "signup-weak-password-390");
    }

    [Fact]
    public async Task InIndonesianTheMeterAndTheRefusalSpeakIndonesian()
    {
        var page = await fixture.NewPageAsync("id-ID");
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Buat akun" }).ClickAsync();
        await page.GetByLabel("Nama Anda").FillAsync("Wati Lemah");
        await page.GetByLabel("Alamat e-mail").FillAsync($"wati.{Guid.NewGuid():N}@example.org");

        await page.GetByLabel("Kata sandi").FillAsync("pendek");
        await Expect(page.Locator("#auth-strength .strength-text"))
            .ToHaveTextAsync("Terlalu pendek: minimal 10 karakter.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Buat akun" }).ClickAsync();

        await Expect(page.Locator("#auth-error")).ToHaveTextAsync("Kata sandi minimal 10 karakter.");
    }
}
