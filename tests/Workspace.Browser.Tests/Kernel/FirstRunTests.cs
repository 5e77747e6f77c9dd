using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;
using static Workspace.Browser.Tests.Infrastructure.UiSteps;

namespace Workspace.Browser.Tests.Kernel;

/// <summary>A first run that guides: next steps, a joint plan to start from, hints in an empty document, equal
/// partners.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FirstRunTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ANewPartnershipShowsNextStepsThatTickOffAsTheyAreDone()
    {
        var rina = await fixture.NewPageAsync();
        await SignUpAsync(
            rina,
            "Rina Wijaya",
            "Koperasi Maju",
            $"rina.{Guid.NewGuid():N}@example.org",
            "tanam-padi-2026");
        var pid = await CreatePartnershipAsync(rina, "Rice supply 2027");
        var steps = rina.Locator("#next-steps li");
        await Assertions.Expect(steps).ToHaveCountAsync(3);
        await Assertions.Expect(steps.Nth(0)).ToContainTextAsync("Invite your partner organisation");
        await Assertions.Expect(steps.Nth(1)).ToContainTextAsync("Start the joint plan");
        await Assertions.Expect(steps.Nth(2)).ToContainTextAsync("Set a first shared goal");
        await Assertions.Expect(rina.Locator("#next-steps li.done")).ToHaveCountAsync(0);

        // The plan: "New document" starts the first one from the joint partnership plan.
        await rina.Locator("#next-steps")
            .GetByRole(AriaRole.Link, new() { Name = "Start the joint plan" })
            .ClickAsync();
        await Assertions.Expect(rina.GetByLabel("Start from")).ToHaveValueAsync("plan");
        await rina.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();
        await Assertions.Expect(rina.Locator("#doc-title")).ToHaveTextAsync("Joint partnership plan");
        await Assertions.Expect(rina.Locator(".cm-content")).ToContainTextAsync("## 2. Roles and responsibilities");
        await Assertions.Expect(rina.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved");
        await rina.Locator("#sidenav").GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
        await Assertions.Expect(rina.Locator("#next-steps li[data-step=plan]")).ToHaveClassAsync(new Regex("done"));

        // A goal, set through the API, ticks its step live.
        var party = (await ApiSeed.GetAsync(rina, $"/api/partnerships/{pid}"))
            .GetProperty("parties")[0]
            .GetProperty("id")
            .GetString();
        await ApiSeed.PostAsync(
            rina,
            $"/api/partnerships/{pid}/goals",
            new {
                title = "Deliver 500 t",
                description = "",
                successCriteria = "",
                ownerPartyId = party,
                targetDate = "2027-06-30",
                status = "OnTrack",
                version = 0
            });
        await Assertions.Expect(rina.Locator("#next-steps li[data-step=goal]")).ToHaveClassAsync(new Regex("done"));
        await Assertions.Expect(rina.Locator("#next-steps li[data-step=invite]"))
            .Not.ToHaveClassAsync(new Regex("done"));
        await BrowserFixture.ScreenshotAsync(rina, "first-run-next-steps-en");

        // The partner joins: every step is done and the card goes.
        var budi = await fixture.NewPageAsync();
        var budiEmail = await ApiSeed.SignUpAsync(budi, "Budi Santoso", "Dinas Pertanian");
        var partner = (await ApiSeed.PostAsync(
            rina,
            $"/api/partnerships/{pid}/parties",
            new { name = "Dinas Pertanian" }))
            .GetProperty("id")
            .GetString();
        var invitation = await ApiSeed.PostAsync(
            rina,
            $"/api/partnerships/{pid}/invitations",
            new { partyId = partner, email = budiEmail, role = "Editor", isPartyAdmin = true });
        await ApiSeed.PostAsync(
            budi,
            $"/api/invitations/{invitation.GetProperty("token").GetString()}/accept",
            new { });
        await Assertions.Expect(rina.Locator("#next-steps")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task TheJointPlanTemplateFollowsTheArticleInThePersonsLanguage()
    {
        var ayu = await fixture.NewPageAsync("id-ID");
        await ApiSeed.SignUpAsync(ayu, "Ayu Lestari", "Yayasan Air Bersih");
        var pid = (await ApiSeed.PostAsync(
            ayu,
            "/api/partnerships",
            new { name = "Air bersih 2027", organisation = "Yayasan Air Bersih" }))
            .GetProperty("id")
            .GetString();

        await ayu.GotoAsync($"/p/{pid}/docs");
        await Assertions.Expect(ayu.GetByLabel("Mulai dari")).ToHaveValueAsync("plan");
        await Assertions.Expect(ayu.GetByLabel("Judul")).ToHaveValueAsync("Rencana kemitraan bersama");
        await ayu.GetByRole(AriaRole.Button, new() { Name = "Buat", Exact = true }).ClickAsync();
        await Assertions.Expect(ayu.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved");

        // Saved on the server, as the first edit: every section of the article, in Bahasa Indonesia.
        var docId = Regex.Match(ayu.Url, "/docs/([0-9a-f-]{36})").Groups[1].Value;
        var text = (await ApiSeed.GetAsync(ayu, $"/api/partnerships/{pid}/documents/{docId}"))
            .GetProperty("text")
            .GetString()!;
        string[] sections = [
            "## 1. Tujuan bersama (SMART)",
            "## 2. Peran dan tanggung jawab",
            "## 3. Komunikasi dan rapat",
            "## 4. Indikator kinerja utama (KPI)",
            "## 5. Pembagian keuntungan dan biaya",
            "## 6. Hak kekayaan intelektual",
            "## 7. Penyelesaian sengketa",
            "## 8. Evaluasi dan tinjauan",
        ];
        Assert.All(sections, s => Assert.Contains(s, text, StringComparison.Ordinal));
        Assert.DoesNotContain("Roles and responsibilities", text, StringComparison.Ordinal);
        await Assertions.Expect(ayu.Locator(".cm-content")).ToContainTextAsync("Peran dan tanggung jawab");
        await BrowserFixture.ScreenshotAsync(ayu, "first-run-plan-id");
    }

    [Fact]
    public async Task AnEmptyDocumentShowsAShortHintOfMarkdownAndTaskLines()
    {
        var rina = await fixture.NewPageAsync();
        await ApiSeed.SignUpAsync(rina, "Rina Wijaya", "Koperasi Maju");
        var pid = (await ApiSeed.PostAsync(
            rina,
            "/api/partnerships",
            new { name = "Rice", organisation = "Koperasi Maju" }))
            .GetProperty("id")
            .GetString();
        await rina.GotoAsync($"/p/{pid}/docs");
        await rina.GetByLabel("Start from").SelectOptionAsync("blank");
        await rina.GetByLabel("Title").FillAsync("Meeting notes");
        await rina.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();
        await Assertions.Expect(rina.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved");

        var hint = rina.Locator(".cm-placeholder");
        await Assertions.Expect(hint).ToContainTextAsync("**bold**");
        await Assertions.Expect(hint).ToContainTextAsync("- [ ] Title @handle due:2026-12-15");
        await rina.Locator(".cm-content").ClickAsync();
        await rina.Keyboard.TypeAsync("# Notes");
        await Assertions.Expect(hint).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task TheFirstPersonInvitedForAnOrganisationIsItsAdminAndLandsOnTheDashboard()
    {
        var rina = await fixture.NewPageAsync();
        await ApiSeed.SignUpAsync(rina, "Rina Wijaya", "Koperasi Maju");
        var pid = (await ApiSeed.PostAsync(
            rina,
            "/api/partnerships",
            new { name = "Rice supply 2027", organisation = "Koperasi Maju" }))
            .GetProperty("id")
            .GetString();
        await rina.GotoAsync($"/p/{pid}/members");
        await rina.GetByLabel("Organisation name").FillAsync("Rijst Import BV");
        await rina.GetByRole(AriaRole.Button, new() { Name = "Add organisation" }).ClickAsync();
        var partner = rina.Locator(
            ".party-card",
            new() { Has = rina.GetByRole(AriaRole.Heading, new() { Name = "Rijst Import BV" }) });
        await Assertions.Expect(partner.GetByLabel("Party admin")).ToBeCheckedAsync();
        var joostEmail = $"joost.{Guid.NewGuid():N}@example.org";
        await partner.GetByLabel("E-mail address").FillAsync(joostEmail);
        await partner.GetByRole(AriaRole.Button, new() { Name = "Create invitation link" }).ClickAsync();
        var link = await partner.GetByLabel("Invitation link").InputValueAsync();

        var joost = await fixture.NewPageAsync();
        await joost.GotoAsync(link);
        await Assertions.Expect(joost.GetByLabel("Your name")).ToBeVisibleAsync();
        await Assertions.Expect(joost.GetByLabel("Your organisation")).ToHaveCountAsync(0);
        await joost.GetByLabel("Your name").FillAsync("Joost de Vries");
        await joost.GetByLabel("Password").FillAsync(UiSteps.StrongPassword);
        await joost.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await joost.WaitForURLAsync(new Regex($"/p/{pid}$"));
        await Assertions.Expect(joost.Locator("#welcome")).ToContainTextAsync("Welcome, Joost de Vries!");
        await Assertions.Expect(joost.Locator("#welcome")).ToContainTextAsync("for Rijst Import BV as Editor");
        await BrowserFixture.ScreenshotAsync(joost, "first-run-welcome-en");
        var me = (await ApiSeed.GetAsync(joost, "/api/account/me"));
        Assert.Equal("Rijst Import BV", me.GetProperty("organisation").GetString());

        // As the organisation's admin, Joost invites his own colleagues.
        await joost.Locator("#sidenav").GetByRole(AriaRole.Link, new() { Name = "Members" }).ClickAsync();
        await Assertions.Expect(joost.GetByRole(AriaRole.Heading, new() { Name = "Invite someone to Rijst Import BV" }))
            .ToBeVisibleAsync();
        var members = (await ApiSeed.GetAsync(joost, $"/api/partnerships/{pid}"))
            .GetProperty("members")
            .EnumerateArray();
        Assert.True(
            members.Single(m => m.GetProperty("displayName").GetString() == "Joost de Vries")
                .GetProperty("isPartyAdmin")
                .GetBoolean());
    }
}
