using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workspace.Browser.Tests.Kernel;

/// <summary>The pages work under the strict Content-Security-Policy: not one violation anywhere.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture fixture)
{
    // Runs before any page script (and outside the policy): records every violation the page reports.
    private const string RecordViolations = """
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', e =>
          window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
        """;

    [Fact]
    public async Task SignInDashboardEditorGoalsWithAChartMembersAndAccountRaiseNoViolation()
    {
        var page = await fixture.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                console.Add(m.Text);
            }
        };
        await page.Context.AddInitScriptAsync(RecordViolations);
        var violations = new List<string>();
        async Task CollectAsync(string where) =>
            violations.AddRange(
                (await page.EvaluateAsync<string[]>("() => window.__violations")).Select(v => $"{where}: {v}"));

        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Create account" })).ToBeVisibleAsync();
        await CollectAsync("sign-in");
        await UiSteps.SignUpAsync(
            page,
            "Nadia Csp",
            "Koperasi Aman",
            $"nadia.{Guid.NewGuid():N}@example.org",
            UiSteps.StrongPassword);
        var pid = await UiSteps.CreatePartnershipAsync(page, "Safe supply 2027");
        await CollectAsync("sign-up and dashboard");

        var party = (await ApiSeed.GetAsync(page, $"/api/partnerships/{pid}"))
            .GetProperty("parties")[0]
            .GetProperty("id")
            .GetGuid();
        var goal = await ApiSeed.PostAsync(
            page,
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
        var kpi = await ApiSeed.PostAsync(
            page,
            $"/api/partnerships/{pid}/kpis",
            new {
                name = "Tonnes delivered",
                unit = "t",
                direction = "HigherIsBetter",
                baseline = 0,
                target = 500,
                ownerPartyId = party,
                goalId = goal.GetProperty("id").GetGuid(),
                version = 0
            });
        var kpiId = kpi.GetProperty("id").GetGuid();
        foreach (var (days, value) in new[] { (-60, 120.0), (-30, 260.0), (-1, 340.0) })
        {
            await ApiSeed.PostAsync(
                page,
                $"/api/partnerships/{pid}/kpis/{kpiId}/measurements",
                new { date = DateTime.UtcNow.AddDays(days).ToString("yyyy-MM-dd"), value, note = "" });
        }
        var doc = await ApiSeed.PostAsync(page, $"/api/partnerships/{pid}/documents", new { title = "Joint plan" });

        await page.GotoAsync($"/p/{pid}");
        // A goal's progress bar (68 % here) is drawn without a style attribute.
        await Expect(page.Locator(".progress[aria-valuenow='68']").First).ToBeVisibleAsync();
        await CollectAsync("dashboard");

        await page.GotoAsync($"/p/{pid}/goals");
        await Expect(page.Locator($"canvas[data-chart='{kpiId}']")).ToHaveAttributeAsync("data-points", "3");
        await CollectAsync("goals");

        await page.GotoAsync($"/p/{pid}/docs/{doc.GetProperty("id").GetString()}");
        // The editor is read-only ("Loading…") until the server's text is in; keys typed before that go nowhere.
        await Expect(page.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved");
        await page.Locator(".cm-content").ClickAsync();
        await page.Keyboard.TypeAsync("# Plan\n- [ ] Check the silos");
        await Expect(page.Locator(".cm-content")).ToContainTextAsync("Check the silos");
        // The editor's own styles are in a <style> element: applied only when it carries this page's nonce.
        Assert.Equal(
            "column",
            await page.EvaluateAsync<string>(
                "() => getComputedStyle(document.querySelector('.cm-editor')).flexDirection"));
        await CollectAsync("document");

        await page.GotoAsync($"/p/{pid}/members");
        await Expect(page.Locator(".party-card").First).ToBeVisibleAsync();
        await CollectAsync("members");
        await page.GotoAsync("/account");
        await Expect(page.Locator("#password-form")).ToBeVisibleAsync();
        await CollectAsync("account");

        Assert.Empty(violations);
        Assert.Empty(console);
    }
}
