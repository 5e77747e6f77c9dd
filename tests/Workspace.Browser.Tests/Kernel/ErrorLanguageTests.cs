using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;

namespace Workspace.Browser.Tests.Kernel;

/// <summary>
/// In Bahasa Indonesia every form's error path speaks Bahasa Indonesia: the server answers with codes and the browser
/// words them (before, the server's English came through as is: "The Title field is required.").
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ErrorLanguageTests(BrowserFixture fixture)
{
    /// <summary>Words of the server's English messages that Indonesian sentences do not contain.</summary>
    [GeneratedRegex(
        @"\b(the|field|must|required|characters|found|password|title|least|only|invalid|please|minimum|length|refused"
        + @"|accepted|not|is|are|an?|of|edit)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex EnglishWords();

    private static async Task ExpectIndonesianAsync(ILocator error, string expected)
    {
        await Assertions.Expect(error).ToContainTextAsync(expected);
        var text = await error.InnerTextAsync();
        Assert.False(EnglishWords().IsMatch(text), $"English in an Indonesian error: “{text}”");
    }

    private static ILocator Toast(IPage page) => page.Locator(".toast-error").Last;

    [Fact]
    public async Task EveryFormSpeaksBahasaIndonesiaOnItsErrorPath()
    {
        var page = await fixture.NewPageAsync("id-ID");
        await page.GotoAsync("/");
        var auth = page.Locator("#auth-form");
        await auth.Locator("[name=email]").FillAsync($"tidak.ada.{Guid.NewGuid():N}@example.org");
        await auth.Locator("[name=password]").FillAsync("salah-sekali-1");
        await auth.Locator("button[type=submit]").ClickAsync();
        await ExpectIndonesianAsync(page.Locator("#auth-error"), "kata sandi salah");

        await page.Locator("#auth-switch").ClickAsync();
        await auth.Locator("[name=displayName]").FillAsync("Sari Dewi");
        await auth.Locator("[name=organisation]").FillAsync("Koperasi Tani Makmur");
        await auth.Locator("[name=email]").FillAsync($"sari.{Guid.NewGuid():N}@example.org");
        await auth.Locator("[name=password]").FillAsync("abc");
        await auth.Locator("button[type=submit]").ClickAsync();
        await ExpectIndonesianAsync(page.Locator("#auth-error"), "Kata sandi minimal 10 karakter");
        await auth.Locator("[name=password]").FillAsync(UiSteps.StrongPassword);
        await auth.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");

        var create = page.Locator("#create-partnership");
        await create.Locator("button[type=submit]").ClickAsync();
        await ExpectIndonesianAsync(Toast(page), "Nama wajib diisi");
        await create.Locator("[name=name]").FillAsync("Kopi Nusantara");
        await create.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Kopi Nusantara" })).ToBeVisibleAsync();
        var pid = PartnershipId().Match(page.Url).Groups[1].Value;

        await page.GotoAsync($"/p/{pid}/members");
        var invite = page.Locator(".invite-form").First;
        await invite.Locator("[name=email]").FillAsync("bukan-alamat");
        await invite.Locator("button[type=submit]").ClickAsync();
        await ExpectIndonesianAsync(Toast(page), "alamat e-mail yang benar");

        await DocumentFormsAsync(page, pid);
        await GoalAndKpiFormsAsync(page, pid);

        await page.GotoAsync($"/p/{pid}/actions");
        await page.Locator("#new-item").ClickAsync();
        await page.Locator(".form-dialog button[type=submit]").ClickAsync();
        await ExpectIndonesianAsync(page.Locator(".form-dialog .error"), "Judul wajib diisi");
        await BrowserFixture.ScreenshotAsync(page, "error-action-item-id");
    }

    private static async Task DocumentFormsAsync(IPage page, string pid)
    {
        await page.GotoAsync($"/p/{pid}/docs");
        // A first document starts as the plan with its title filled in; a blank one has none to send.
        await page.Locator("#new-doc [name=template]").SelectOptionAsync("blank");
        await page.Locator("#new-doc button").ClickAsync();
        await ExpectIndonesianAsync(Toast(page), "Judul wajib diisi");
        await page.Locator("#new-doc [name=title]").FillAsync("Rencana bersama");
        await page.Locator("#new-doc button").ClickAsync();
        await Assertions.Expect(page.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved");
        var docUrl = page.Url;

        await page.GetByRole(AriaRole.Tab, new() { Name = "Komentar" }).ClickAsync();
        await page.Locator("#comment-form button[type=submit]").ClickAsync();
        await ExpectIndonesianAsync(Toast(page), "Komentar wajib diisi");

        // A paste that would make the document longer than its limit (Documents:MaxDocumentLength) is refused by the
        // editor (a longer one within it is sent in parts).
        await page.Locator(".cm-content").ClickAsync();
        await page.Keyboard.InsertTextAsync(new string('a', 1_000_001));
        await ExpectIndonesianAsync(Toast(page), "Perubahan ditolak: Dokumen akan melebihi batas 1.000.000 karakter");
        await BrowserFixture.ScreenshotAsync(page, "error-paste-limit-id");

        await page.GotoAsync($"/p/{pid}/docs");
        void Rename(object? sender, IDialog dialog) => dialog.AcceptAsync(new string('x', 201));
        page.Dialog += Rename;
        await page.Locator("[data-rename]").First.ClickAsync();
        await ExpectIndonesianAsync(Toast(page), "Judul maksimal 200 karakter");
        page.Dialog -= Rename;
        Assert.NotEqual(docUrl, page.Url);
    }

    private static async Task GoalAndKpiFormsAsync(IPage page, string pid)
    {
        await page.GotoAsync($"/p/{pid}/goals");
        await page.Locator("#new-goal").ClickAsync();
        await page.Locator(".form-dialog button[type=submit]").ClickAsync();
        await ExpectIndonesianAsync(page.Locator(".form-dialog .error"), "Judul wajib diisi");
        await page.Locator(".form-dialog .cancel").ClickAsync();

        await page.Locator("#new-kpi").ClickAsync();
        var dialog = page.Locator(".form-dialog");
        await dialog.Locator("button[type=submit]").ClickAsync();
        await ExpectIndonesianAsync(dialog.Locator(".error"), "Nama wajib diisi");
        await dialog.Locator("[name=name]").FillAsync("Ton kopi terkirim");
        await dialog.Locator("[name=target]").FillAsync("500");
        await dialog.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);

        // Afresh, so no live update of the new KPI redraws its card while the value is typed.
        await page.GotoAsync($"/p/{pid}/goals");
        var measure = page.Locator("form.measure").First;
        await measure.Locator("button[type=submit]").ClickAsync();
        await ExpectIndonesianAsync(Toast(page), "Nilai wajib diisi");
        await measure.Locator("[name=date]").FillAsync("2099-01-01");
        await measure.Locator("[name=value]").FillAsync("12");
        await measure.Locator("button[type=submit]").ClickAsync();
        await ExpectIndonesianAsync(Toast(page), "Tanggal harus antara");
    }

    [GeneratedRegex("/p/([0-9a-f-]{36})")]
    private static partial Regex PartnershipId();
}
