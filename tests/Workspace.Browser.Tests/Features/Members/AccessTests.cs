using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Browser.Tests.Infrastructure.UiSteps;

namespace Workspace.Browser.Tests.Features.Members;

[Collection(BrowserCollection.Name)]
public sealed partial class AccessTests(BrowserFixture fixture)
{
    [Fact]
    public async Task TwoOrganisationsPartnerUpThroughAnInvitationLinkAndSeeEachOther()
    {
        var (ayu, budi, _) = await PartnerUpAsync(screenshots: true);

        var budiCards = budi.Locator(".party-grid");
        await Assertions.Expect(budiCards).ToContainTextAsync("Ayu Lestari");
        await Assertions.Expect(budiCards).ToContainTextAsync("Budi Santoso");
        // Ayu's open members page updates live when Budi joins.
        var ayuCards = ayu.Locator(".party-grid");
        await Assertions.Expect(ayuCards).ToContainTextAsync("Budi Santoso");
        await Assertions.Expect(ayu.Locator(
            ".party-card",
            new() { Has = ayu.GetByRole(AriaRole.Heading, new() { Name = "Dinas Kesehatan" }) }))
            .ToContainTextAsync("Budi Santoso");
        await BrowserFixture.ScreenshotAsync(ayu, "members-after-join-en");
        await BrowserFixture.ScreenshotAsync(budi, "members-invitee-en");
        await budi.Locator("#language").SelectOptionAsync("id");
        await Assertions.Expect(budi.GetByRole(AriaRole.Heading, new() { Name = "Anggota" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(budi, "members-invitee-id");
    }

    [Fact]
    public async Task PartnersFromTwoOrganisationsCoEditTheirPlanAfterTheInvitation()
    {
        var (ayu, budi, pid) = await PartnerUpAsync();

        await ayu.GotoAsync($"/p/{pid}/docs");
        await ayu.GetByLabel("Start from").SelectOptionAsync("blank");
        await ayu.GetByLabel("Title").FillAsync("Joint plan");
        await ayu.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();
        await Assertions.Expect(ayu.Locator("#doc-title")).ToHaveTextAsync("Joint plan");
        await Assertions.Expect(ayu.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved");

        // Budi finds the new document in his list (pushed live) and opens it.
        await budi.GotoAsync($"/p/{pid}/docs");
        await budi.GetByRole(AriaRole.Link, new() { Name = "Joint plan" }).ClickAsync();
        await Assertions.Expect(budi.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved");

        await ayu.Locator(".cm-content").ClickAsync();
        await ayu.Keyboard.TypeAsync("Ayu: water tests in every village.");
        await Assertions.Expect(budi.Locator(".cm-content")).ToContainTextAsync("Ayu: water tests in every village.");
        await budi.Locator(".cm-content").ClickAsync();
        await budi.Keyboard.PressAsync("Control+End");
        await budi.Keyboard.TypeAsync(" Budi: the agency pays the lab.");

        await Assertions.Expect(ayu.Locator(".cm-content"))
            .ToContainTextAsync("Ayu: water tests in every village. Budi: the agency pays the lab.");
        await Assertions.Expect(ayu.Locator("#presence")).ToContainTextAsync("BS");
    }

    [Fact]
    public async Task AHalfFilledInvitationSurvivesALiveUpdateOfTheMembersPage()
    {
        var page = await fixture.NewPageAsync();
        var email = await ApiSeed.SignUpAsync(page, "Sari Dewi", "Koperasi Sejahtera");
        var pid = (await ApiSeed.PostAsync(
            page,
            "/api/partnerships",
            new { name = "Form keeps", organisation = "Koperasi Sejahtera" }))
            .GetProperty("id")
            .GetString();
        await page.GotoAsync($"/p/{pid}/members");
        // The organisation added below must reach this page live: it has joined the live updates first.
        await LiveAsync(page, "Sari Dewi");
        var card = page.Locator(
            ".party-card",
            new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Koperasi Sejahtera" }) });
        await card.GetByLabel("Role").SelectOptionAsync("Viewer");
        await card.GetByLabel("E-mail address").FillAsync("half.typed@exam");

        // Another tab (same person) adds an organisation: the page redraws live while the form is half filled.
        await ApiSeed.PostAsync(page, $"/api/partnerships/{pid}/parties", new { name = "Dinas Sosial" });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dinas Sosial", Exact = true }))
            .ToBeVisibleAsync();

        await Assertions.Expect(card.GetByLabel("E-mail address")).ToHaveValueAsync("half.typed@exam");
        await Assertions.Expect(card.GetByLabel("E-mail address")).ToBeFocusedAsync();
        await Assertions.Expect(card.GetByLabel("Role")).ToHaveValueAsync("Viewer");
        // Once sent, the form starts afresh.
        await card.GetByLabel("E-mail address").PressSequentiallyAsync("ple.org");
        await card.GetByRole(AriaRole.Button, new() { Name = "Create invitation link" }).ClickAsync();
        await Assertions.Expect(card.Locator(".pending")).ToContainTextAsync("half.typed@example.org");
        await Assertions.Expect(card.GetByLabel("E-mail address")).ToHaveValueAsync("");

        // A refused invitation (she is already a member) keeps what was typed, even through the next live redraw.
        await card.GetByLabel("E-mail address").FillAsync(email);
        await card.GetByRole(AriaRole.Button, new() { Name = "Create invitation link" }).ClickAsync();
        await Assertions.Expect(page.Locator(".toast-error")).ToBeVisibleAsync();
        await ApiSeed.PostAsync(page, $"/api/partnerships/{pid}/parties", new { name = "Dinas Pendidikan" });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dinas Pendidikan", Exact = true }))
            .ToBeVisibleAsync();
        await Assertions.Expect(card.GetByLabel("E-mail address")).ToHaveValueAsync(email);
    }

    /// <summary>
    /// Test hook for co-editing (documents feature): two people of two organisations, both members of
    /// one partnership, each on the members page in their own browser context. A document test can
    /// start from here: <c>var (a, b, pid) = await PartnerUpAsync();</c> then open <c>/p/{pid}/docs</c> in both.
    /// </summary>
    public async Task<(IPage Ayu, IPage Budi, string PartnershipId)> PartnerUpAsync(bool screenshots = false)
    {
        var ayu = await fixture.NewPageAsync();
        await SignUpAsync(
            ayu,
            "Ayu Lestari",
            "Yayasan Air Bersih",
            $"ayu.{Guid.NewGuid():N}@example.org",
            "Sumur-dalam-jernih-2027");
        var pid = await CreatePartnershipAsync(ayu, "Clean water 2027");

        await ayu.Locator("#sidenav").GetByRole(AriaRole.Link, new() { Name = "Members" }).ClickAsync();
        await ayu.GetByLabel("Organisation name").FillAsync("Dinas Kesehatan");
        await ayu.GetByRole(AriaRole.Button, new() { Name = "Add organisation" }).ClickAsync();
        var partyB = ayu.Locator(
            ".party-card",
            new() { Has = ayu.GetByRole(AriaRole.Heading, new() { Name = "Dinas Kesehatan" }) });
        await Assertions.Expect(partyB).ToBeVisibleAsync();

        var budiEmail = $"budi.{Guid.NewGuid():N}@example.org";
        await partyB.GetByLabel("E-mail address").FillAsync(budiEmail);
        await partyB.GetByLabel("Role").SelectOptionAsync("Editor");
        // The first person invited for an organisation is its admin unless the inviter says otherwise.
        await Assertions.Expect(partyB.GetByLabel("Party admin")).ToBeCheckedAsync();
        await partyB.GetByRole(AriaRole.Button, new() { Name = "Create invitation link" }).ClickAsync();
        var linkBox = partyB.GetByLabel("Invitation link");
        await Assertions.Expect(linkBox).ToHaveValueAsync(new Regex("/invite/[A-Za-z0-9_-]{40,}$"));
        var link = await linkBox.InputValueAsync();
        await partyB.GetByRole(AriaRole.Button, new() { Name = "Copy link" }).ClickAsync();
        await Assertions.Expect(partyB.Locator(".pending")).ToContainTextAsync(budiEmail);
        if (screenshots)
        {
            await BrowserFixture.ScreenshotAsync(ayu, "members-invite-en");
        }

        var budi = await fixture.NewPageAsync();
        await budi.GotoAsync(link);
        await Assertions.Expect(budi.GetByRole(AriaRole.Heading, new() { Name = "You are invited" }))
            .ToBeVisibleAsync();
        await Assertions.Expect(budi.Locator("#invitation")).ToContainTextAsync("Clean water 2027");
        await Assertions.Expect(budi.GetByLabel("E-mail address")).ToHaveValueAsync(budiEmail);
        if (screenshots)
        {
            await BrowserFixture.ScreenshotAsync(budi, "invite-signed-out-en");
        }
        // The invitation decides Budi's organisation: the sign-up does not ask for it.
        Assert.Equal(0, await budi.GetByLabel("Your organisation").CountAsync());
        await budi.GetByLabel("Your name").FillAsync("Budi Santoso");
        await budi.GetByLabel("Password").FillAsync("sehat-selalu-7");
        await budi.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await budi.WaitForURLAsync(new Regex($"/p/{pid}$"));
        await Assertions.Expect(budi.Locator("#welcome")).ToContainTextAsync("Welcome, Budi Santoso!");
        await budi.Locator("#sidenav").GetByRole(AriaRole.Link, new() { Name = "Members" }).ClickAsync();
        await Assertions.Expect(budi.GetByRole(AriaRole.Heading, new() { Name = "Members" })).ToBeVisibleAsync();
        return (ayu, budi, pid);
    }

    [Fact]
    public async Task XssCorpusRenderedThroughThePreviewRunsNoScriptInTheBrowser()
    {
        var page = await fixture.NewPageAsync();
        var dialogs = 0;
        page.Dialog += async (_, dialog) => { Interlocked.Increment(ref dialogs); await dialog.DismissAsync(); };
        await SignUpAsync(page, "Xena Safe", "Org", $"xena.{Guid.NewGuid():N}@example.org", "no-scripts-here-1");
        var pid = await CreatePartnershipAsync(page, "XSS check");

        var rendered = await page.EvaluateAsync<int>(@"async ({ cases, pid }) => {
            const token = (await (await fetch('/api/account/antiforgery')).json()).token;
            const host = document.createElement('div');
            host.id = 'xss-host';
            document.body.append(host);
            for (const markdown of cases) {
                const response = await fetch(`/api/partnerships/${pid}/markdown/preview`, {
                    method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-TOKEN': token }, "
            + @"body: JSON.stringify({ markdown }) });
                if (!response.ok) throw new Error(`preview answered ${response.status}`);
                const div = document.createElement('div');
                div.className = 'xss-case';
                div.innerHTML = (await response.json()).html;
                host.append(div);
            }
            // Poke everything a person could: hover, focus, click (links only where they stay on the page).
            for (const el of host.querySelectorAll('*')) {
                for (const type of ['mouseover', 'mouseenter', 'focus', 'toggle', 'load', 'error']) "
            + @"el.dispatchEvent(new Event(type, { bubbles: true }));
                if (!el.closest('a')) el.dispatchEvent(new MouseEvent('click', { bubbles: true }));
            }
            return host.children.length;
        }", new { cases = XssCorpus.Cases, pid });
        await page.WaitForTimeoutAsync(750);

        Assert.Equal(XssCorpus.Cases.Length, rendered);
        Assert.Equal(XssCorpus.Cases.Length, await page.Locator("#xss-host > .xss-case").CountAsync());
        Assert.True(
            await page.Locator("#xss-host a[href]").CountAsync() >= 3,
            "the corpus should leave some safe links to check");
        Assert.Equal(0, dialogs);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined"));
        var badLinks = await page.EvaluateAsync<string[]>(
            @"() => [...document.querySelectorAll('#xss-host [href], #xss-host [src]')]
            .map(el => el.href || el.src).filter(u => !/^(https?:|mailto:)/i.test(u))");
        Assert.Empty(badLinks);
        await BrowserFixture.ScreenshotAsync(page, "xss-corpus-rendered");

        // The sanitiser itself, whatever the Content-Security-Policy would still stop: no event handler attribute is
        // left.
        Assert.Equal(0, await page.EvaluateAsync<int>(@"() => [...document.querySelectorAll('#xss-host *')]
            .filter(el => [...el.attributes].some(a => a.name.toLowerCase().startsWith('on'))).length"));

        // The control: an unsanitised handler put into the page is refused by the Content-Security-Policy (it ran
        // before there was one), so the checks above would see a script that got through.
        await page.EvaluateAsync(@"() => { window.__refused = [];
            document.addEventListener('securitypolicyviolation', e => window.__refused.push(e.violatedDirective));
            const d = document.createElement('div'); d.innerHTML = '<img src=""data:,x"" onerror=""window.__xss=1"">';"
            + @" document.body.append(d); }");
        await page.WaitForFunctionAsync("() => window.__refused.some(d => d.startsWith('script-src'))");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined"));
    }

    [Fact]
    public async Task OwnerRenamesAndArchivesAndChangesPassword()
    {
        var page = await fixture.NewPageAsync();
        var email = $"sari.{Guid.NewGuid():N}@example.org";
        await SignUpAsync(page, "Sari Dewi", "Koperasi Tani", email, "padi-menguning-5");
        await CreatePartnershipAsync(page, "Seed bank");

        await page.Locator("#sidenav").GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Name" }).FillAsync("Seed bank 2027");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rename" }).ClickAsync();
        await Assertions.Expect(page.Locator("#switcher option:checked")).ToHaveTextAsync("Seed bank 2027");
        await BrowserFixture.ScreenshotAsync(page, "settings-en");
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Archive partnership" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("archived");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Rename" })).ToBeDisabledAsync();
        await BrowserFixture.ScreenshotAsync(page, "settings-archived-en");

        await page.Locator("#me").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your account" })).ToBeVisibleAsync();
        await page.GetByLabel("Current password").FillAsync("padi-menguning-5");
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("padi-baru-2028");
        await page.GetByLabel("Repeat the new password").FillAsync("padi-baru-2028");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(page.Locator("#password-ok")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "account-en");

        await page.Locator("#language").SelectOptionAsync("id");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Akun Anda" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "account-id");
    }

    [Fact]
    public async Task PartyAdminChangesARoleAndRemovesAMemberFromTheMembersPage()
    {
        var page = await fixture.NewPageAsync();
        await SignUpAsync(
            page,
            "Dewi Admin",
            "Koperasi Laut",
            $"dewi.{Guid.NewGuid():N}@example.org",
            "ombak-tenang-3");
        var pid = await CreatePartnershipAsync(page, "Fish market");
        await page.Locator("#sidenav").GetByRole(AriaRole.Link, new() { Name = "Members" }).ClickAsync();

        // A colleague joins through the API while Dewi watches the page.
        var citra = await fixture.Server.SignUpAsync(
            "Citra Colleague",
            "Koperasi Laut",
            ct: TestContext.Current.CancellationToken);
        var party = page.Locator(".party-card").First;
        await party.GetByLabel("E-mail address").FillAsync(citra.Email);
        await party.GetByLabel("Role").SelectOptionAsync("Viewer");
        await party.GetByRole(AriaRole.Button, new() { Name = "Create invitation link" }).ClickAsync();
        var link = await party.GetByLabel("Invitation link").InputValueAsync();
        (await citra.AcceptAsync(link[(link.LastIndexOf('/') + 1)..], TestContext.Current.CancellationToken))
            .EnsureSuccessStatusCode();
        var row = page.Locator(".member-row", new() { HasText = "Citra Colleague" });
        await Assertions.Expect(row).ToBeVisibleAsync();

        await row.GetByLabel("Role of Citra Colleague").SelectOptionAsync("Commenter");
        await Assertions.Expect(page.Locator(".toast").Last).ToHaveTextAsync("Saved.");
        var view = await citra.GetPartnershipAsync(Guid.Parse(pid), TestContext.Current.CancellationToken);
        Assert.Equal(
            Workspace.Server.Kernel.PartnershipRole.Commenter,
            view.Members.Single(m => m.UserId == citra.Id).Role);
        await BrowserFixture.ScreenshotAsync(page, "members-manage-en");

        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await Assertions.Expect(row).ToHaveCountAsync(0);
        Assert.Equal(
            System.Net.HttpStatusCode.NotFound,
            (await citra.Http.GetAsync($"/api/partnerships/{pid}", TestContext.Current.CancellationToken)).StatusCode);
    }
}
