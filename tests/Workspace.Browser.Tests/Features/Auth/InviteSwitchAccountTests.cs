using Workspace.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workspace.Browser.Tests.Features.Auth;

/// <summary>
/// "Sign out and switch account" on an invitation does not reload the page, so the signed-out person's live
/// connections must end there: the server cuts them at sign-out, and a connection left running would start again and
/// again (each start refused) until the next person signs in, and then carry on as that person.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class InviteSwitchAccountTests(BrowserFixture fixture)
{
    [Fact]
    public async Task SwitchingAccountOnAnInvitationEndsThePartnershipAndDocumentConnections()
    {
        var rina = await fixture.NewPageAsync();
        var budi = await fixture.NewPageAsync();
        var (pid, docId) = await ApiSeed.TwoOrganisationsAsync(rina.Context, budi.Context, "Budi Santoso", "Editor");
        var party = (await ApiSeed.PostAsync(rina, $"/api/partnerships/{pid}/parties", new { name = "Dinas Sosial" }))
            .GetProperty("id").GetString();
        var citra = $"citra.{Guid.NewGuid():N}@example.org";
        var token = (await ApiSeed.PostAsync(rina, $"/api/partnerships/{pid}/invitations",
                new { partyId = party, email = citra, role = "Viewer", isPartyAdmin = false }))
            .GetProperty("token").GetString();

        // Rina works in a document (documents connection) inside the partnership (partnership connection).
        await rina.GotoAsync($"/p/{pid}/docs/{docId}");
        await Expect(rina.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved");
        await Expect(rina.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");
        var starts = new List<string>();
        var switched = false;
        rina.Request += (_, request) =>
        {
            var hub = request.Url.Contains("/hubs/partnership", StringComparison.Ordinal)
                || request.Url.Contains("/hubs/documents", StringComparison.Ordinal);
            if (hub && Volatile.Read(ref switched)) lock (starts) starts.Add(request.Url);
        };

        // A link to Citra's invitation inside the app (as in a document) opens it without reloading the page.
        await rina.EvaluateAsync(
            @"href => { const a = document.createElement('a'); a.href = href; a.id = 'to-invite';
                a.textContent = 'invitation'; document.body.append(a); }",
            $"/invite/{token}");
        await rina.Locator("#to-invite").ClickAsync();
        await Expect(rina.Locator("#switch-account")).ToBeVisibleAsync();
        Volatile.Write(ref switched, true);
        await rina.Locator("#switch-account").ClickAsync();
        await Expect(rina.GetByLabel("E-mail address")).ToHaveValueAsync(citra);

        // A connection still kept would start again one second after the server cut it, then back off; four seconds
        // leave room for the first start and its retry.
        await Task.Delay(4000, TestContext.Current.CancellationToken);
        lock (starts) Assert.Empty(starts);
        await rina.Context.CloseAsync();
        await budi.Context.CloseAsync();
    }
}
