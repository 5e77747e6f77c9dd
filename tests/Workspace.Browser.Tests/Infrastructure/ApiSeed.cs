using System.Text.Json;
using Microsoft.Playwright;

namespace Workspace.Browser.Tests.Infrastructure;

/// <summary>Seeds data through the real HTTP API with a browser context's own cookies.</summary>
public static class ApiSeed
{
    public static Task<JsonElement> PostAsync(IPage page, string url, object body) =>
        PostAsync(page.Context, url, body);

    public static async Task<JsonElement> PostAsync(IBrowserContext person, string url, object body)
    {
        var response = await PostRawAsync(person, url, body);
        var text = await response.TextAsync();
        if (!response.Ok)
        {
            throw new InvalidOperationException($"POST {url} answered {response.Status}: {text}");
        }
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<IAPIResponse> PostRawAsync(IBrowserContext person, string url, object body)
    {
        // The antiforgery token belongs to the signed-in identity, so it is fetched for each call.
        var tokenResponse = await person.APIRequest.GetAsync("/api/account/antiforgery");
        var token = (await tokenResponse.JsonAsync())!.Value.GetProperty("token").GetString()!;
        return await person.APIRequest.PostAsync(
            url,
            new() { DataObject = body, Headers = new Dictionary<string, string> { ["X-CSRF-TOKEN"] = token } });
    }

    /// <summary>A PUT as the page's person (with their antiforgery token); fails the test unless it succeeds.</summary>
    public static async Task PutAsync(IPage page, string url, object body)
    {
        var token = (await GetAsync(page, "/api/account/antiforgery")).GetProperty("token").GetString()!;
        var response = await page.Context.APIRequest.PutAsync(url, new()
        {
            DataObject = body, Headers = new Dictionary<string, string> { ["X-CSRF-TOKEN"] = token },
        });
        Assert.True(response.Ok, $"PUT {url} answered {response.Status}: {await response.TextAsync()}");
    }

    public static async Task<JsonElement> GetAsync(IPage page, string url)
    {
        var response = await page.Context.APIRequest.GetAsync(url);
        var text = await response.TextAsync();
        return response.Ok ? JsonDocument.Parse(text)
            .RootElement.Clone() : throw new InvalidOperationException($"GET {url} answered {response.Status}: {text}");
    }

    public static Task<string> SignUpAsync(IPage page, string name, string organisation) =>
        SignUpAsync(page.Context, name, organisation);

    /// <summary>Signs the person up; returns their e-mail address.</summary>
    public static async Task<string> SignUpAsync(IBrowserContext person, string name, string organisation)
    {
        var email = $"{name.Split(' ')[0].ToLowerInvariant()}.{Guid.NewGuid():N}@example.org";
        var signUp = await PostRawAsync(
            person,
            "/api/account/signup",
            new { email, password = UiSteps.StrongPassword, displayName = name, organisation });
        if (!signUp.Ok)
        {
            throw new InvalidOperationException($"Sign-up answered {signUp.Status}: {await signUp.TextAsync()}");
        }
        // Sign-up answers alike whether or not the address had an account: signing in is what makes it ours.
        await PostAsync(person, "/api/account/signin", new { email, password = UiSteps.StrongPassword });
        return email;
    }

    /// <summary>
    /// Rina Wijaya (Koperasi Maju) creates "Rice supply 2027" with a document "Joint plan"; Budi's organisation joins
    /// it through the real invitation flow with <paramref name="partnerRole"/>. Both sign up first.
    /// </summary>
    public static async Task<(string PartnershipId, string DocumentId)> TwoOrganisationsAsync(
        IBrowserContext rina, IBrowserContext partner, string partnerName, string partnerRole)
    {
        await SignUpAsync(rina, "Rina Wijaya", "Koperasi Maju");
        var partnerEmail = await SignUpAsync(partner, partnerName, "Dinas Pertanian");
        var pid = (await PostAsync(
            rina,
            "/api/partnerships",
            new { name = "Rice supply 2027", organisation = "Koperasi Maju" }))
            .GetProperty("id")
            .GetString()!;
        var docId = (await PostAsync(rina, $"/api/partnerships/{pid}/documents", new { title = "Joint plan" }))
            .GetProperty("id")
            .GetString()!;
        var party = (await PostAsync(rina, $"/api/partnerships/{pid}/parties", new { name = "Dinas Pertanian" }))
            .GetProperty("id")
            .GetString();
        var invitation = await PostAsync(
            rina,
            $"/api/partnerships/{pid}/invitations",
            new {
                partyId = party,
                email = partnerEmail,
                role = partnerRole,
                isPartyAdmin = partnerRole is "Editor" or "Owner"
            });
        await PostAsync(partner, $"/api/invitations/{invitation.GetProperty("token").GetString()}/accept", new { });
        return (pid, docId);
    }
}
