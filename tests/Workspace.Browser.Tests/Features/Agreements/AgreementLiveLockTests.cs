using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;

namespace Workspace.Browser.Tests.Features.Agreements;

/// <summary>
/// An open editor of an agreement becomes read-only, with a notice saying why, the moment the last approval signs
/// it; and signatories one party names appear on the other party's open agreement page. Nothing is reloaded.
/// Rina: desktop, English; Budi: 390 px, Indonesian.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AgreementLiveLockTests(BrowserFixture fixture)
{
    private const string SignedNotice = "Signed — this text changes only through an amendment.";
    private const string SignedNoticeId = "Sudah ditandatangani — teks ini hanya dapat diubah melalui adendum.";

    [Fact]
    public async Task TheLastApprovalLocksAnOpenEditorAndNewSignatoriesShowOnTheOtherPartysPage()
    {
        var rina = await fixture.NewPageAsync();
        var budi = await fixture.NewPageAsync("id-ID", width: 390, height: 844);
        var sari = await fixture.NewPageAsync();
        var (pid, _) = await ApiSeed.TwoOrganisationsAsync(rina.Context, budi.Context, "Budi Santoso", "Editor");
        await JoinAsync(budi, sari.Context, pid, "Sari Dewi");
        var url = $"/api/partnerships/{pid}/agreements";
        var created = await ApiSeed.PostAsync(rina, url, new { title = "Rice supply agreement", language = "en" });
        var id = created.GetProperty("id").GetString()!;
        var documentId = created.GetProperty("documentId").GetString()!;
        var signOff = (await ApiSeed.PostAsync(rina, $"{url}/{id}/review", new { })).GetProperty("signOff");
        await ApiSeed.PostAsync(rina, $"{url}/{id}/approve", new { revision = signOff.GetProperty("revision")
            .GetInt64(), hash = signOff.GetProperty("hash").GetString() });

        // Rina has the text open in the editor, editable, and counts what her page sends to the server.
        var submits = 0;
        rina.WebSocket += (_, ws) => ws.FrameSent += (_, frame) =>
        {
            if (frame.Text?.Contains("\"target\":\"Submit\"", StringComparison.Ordinal) == true)
            {
                Interlocked.Increment(ref submits);
            }
        };
        await rina.GotoAsync($"/p/{pid}/docs/{documentId}");
        var content = rina.Locator(".cm-content");
        await Assertions.Expect(rina.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved",
            AgreementSteps.Attribute);
        await Assertions.Expect(content).Not.ToHaveAttributeAsync("aria-readonly", "true", AgreementSteps.Attribute);
        await Assertions.Expect(rina.Locator(".cm-edit-refused")).ToHaveCountAsync(0, AgreementSteps.Count);

        // Budi gives the last approval on his page: Rina's editor locks, with the reason and a way to amendments.
        await budi.GotoAsync($"/p/{pid}/agreements/{id}");
        await budi.GetByRole(AriaRole.Button, new() { NameRegex = AgreementSteps.ApproveButton() }).ClickAsync();
        await Assertions.Expect(budi.Locator(".badge", new() { HasText = "Ditandatangani" }).First)
            .ToBeVisibleAsync(AgreementSteps.Visible);
        var notice = rina.Locator(".cm-edit-refused");
        await Assertions.Expect(notice).ToContainTextAsync(SignedNotice, AgreementSteps.Contains);
        await Assertions.Expect(content).ToHaveAttributeAsync("aria-readonly", "true", AgreementSteps.Attribute);
        await Assertions.Expect(notice.GetByRole(AriaRole.Link, new() { Name = "Agreements and amendments" }))
            .ToHaveAttributeAsync("href", $"/p/{pid}/agreements", AgreementSteps.Attribute);
        var sentBefore = Volatile.Read(ref submits);
        await content.ClickAsync();
        await rina.Keyboard.PressAsync("Control+End");
        await rina.Keyboard.TypeAsync("Extra words");
        await Assertions.Expect(content).Not.ToContainTextAsync("Extra words", AgreementSteps.Contains);
        await Assertions.Expect(rina.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved",
            AgreementSteps.Attribute);
        Assert.Equal(sentBefore, Volatile.Read(ref submits));
        await AgreementSteps.ShootAsync(rina, "agreement-editor-signed-en-1280");

        // Opened afterwards, the editor is read-only from the start; in Bahasa Indonesia on a phone too.
        await budi.GotoAsync($"/p/{pid}/docs/{documentId}");
        await Assertions.Expect(budi.Locator(".cm-edit-refused")).ToContainTextAsync(SignedNoticeId,
            AgreementSteps.Contains);
        await Assertions.Expect(budi.Locator(".cm-content")).ToHaveAttributeAsync("aria-readonly", "true",
            AgreementSteps.Attribute);
        await Assertions.Expect(budi.Locator(".cm-edit-refused a")).ToHaveTextAsync("Perjanjian dan adendum",
            AgreementSteps.Text);
        var overflow = await budi.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > innerWidth");
        Assert.False(overflow, "the page is wider than a 390 px window");
        await AgreementSteps.ShootAsync(budi, "agreement-editor-signed-id-390");

        await SignatoriesShowLiveAsync(rina, budi, pid, id);
        foreach (var page in new[] { rina, budi, sari })
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>Budi names Sari as his party's signatory; Rina's open agreement page shows her at once.</summary>
    private static async Task SignatoriesShowLiveAsync(IPage rina, IPage budi, string pid, string id)
    {
        await rina.GotoAsync($"/p/{pid}/agreements/{id}");
        await UiSteps.LiveAsync(rina, "Rina Wijaya"); // Budi's choice below reaches this page live
        var party = rina.Locator(".agr-party", new() { HasText = "Dinas Pertanian" });
        await Assertions.Expect(party).ToContainTextAsync("Signs: Budi Santoso", AgreementSteps.Contains);
        await budi.GotoAsync($"/p/{pid}/agreements/{id}");
        await budi.GetByRole(AriaRole.Button, new() { Name = "Ubah penanda tangan Dinas Pertanian" }).ClickAsync();
        var dialog = budi.Locator("dialog.form-dialog");
        await dialog.GetByLabel("Sari Dewi").CheckAsync();
        await dialog.GetByLabel("Budi Santoso (admin)").UncheckAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Simpan penanda tangan" }).ClickAsync();
        await Assertions.Expect(party).ToContainTextAsync("Signs: Sari Dewi", AgreementSteps.Contains);
        await Assertions.Expect(party).Not.ToContainTextAsync("Signs: Budi Santoso", AgreementSteps.Contains);
    }

    private static async Task JoinAsync(IPage owner, IBrowserContext person, string pid, string name)
    {
        var email = await ApiSeed.SignUpAsync(person, name, "Dinas Pertanian");
        var view = await ApiSeed.GetAsync(owner, $"/api/partnerships/{pid}");
        var party = view.GetProperty("parties").EnumerateArray()
            .First(p => p.GetProperty("name").GetString() == "Dinas Pertanian").GetProperty("id").GetString();
        var invitation = await ApiSeed.PostAsync(owner, $"/api/partnerships/{pid}/invitations",
            new { partyId = party, email, role = "Editor", isPartyAdmin = false });
        await ApiSeed.PostAsync(person, $"/api/invitations/{invitation.GetProperty("token").GetString()}/accept",
            new { });
    }
}
