using System.Text.Json;
using Microsoft.Playwright;

namespace Workspace.Benchmarks.Frontend;

/// <summary>An account with a partnership, a document and a goal, made through the HTTP API (not throttled).</summary>
public static class Seed
{
    public const string Password = "Kebun-Mangga-Biru-2027!";

    public sealed record Account(string Email, string PartnershipId);

    public static async Task<Account> AccountAsync(IBrowser browser, string url)
    {
        await using var context = await browser.NewContextAsync(new() { BaseURL = url });
        var email = $"bench.{Guid.NewGuid():N}@example.org";
        await PostAsync(context, "/api/account/signup",
            new { email, password = Password, displayName = "Rina Wijaya", organisation = "Koperasi Maju" });
        await PostAsync(context, "/api/account/signin", new { email, password = Password });
        var pid = (await PostAsync(context, "/api/partnerships",
            new { name = "Rice supply 2027", organisation = "Koperasi Maju" })).GetProperty("id").GetString()!;
        await PostAsync(context, $"/api/partnerships/{pid}/documents", new { title = "Joint plan" });
        var partnership = await (await context.APIRequest.GetAsync($"/api/partnerships/{pid}")).JsonAsync();
        var party = partnership!.Value.GetProperty("parties")[0].GetProperty("id").GetString();
        await PostAsync(context, $"/api/partnerships/{pid}/goals", new
        {
            title = "Deliver 500 t", description = "", successCriteria = "", ownerPartyId = party,
            targetDate = "2027-06-30", status = "OnTrack", version = 0,
        });
        return new Account(email, pid);
    }

    public static Task SignInAsync(IBrowserContext context, Account account) =>
        PostAsync(context, "/api/account/signin", new { email = account.Email, password = Password });

    private static async Task<JsonElement> PostAsync(IBrowserContext context, string path, object body)
    {
        var tokenResponse = await context.APIRequest.GetAsync("/api/account/antiforgery");
        var token = (await tokenResponse.JsonAsync())!.Value.GetProperty("token").GetString()!;
        var response = await context.APIRequest.PostAsync(path, new()
        {
            DataObject = body,
            Headers = new Dictionary<string, string> { ["X-CSRF-TOKEN"] = token },
        });
        var text = await response.TextAsync();
        if (!response.Ok)
        {
            throw new InvalidOperationException($"POST {path} answered {response.Status}: {text}");
        }
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
