using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workspace.Server.Tests.Infrastructure;

/// <summary>A partnership created through the API by its owner.</summary>
public sealed record TestPartnership(Guid Id, Guid OwnerPartyId, TestUser Owner)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static async Task<TestPartnership> CreateAsync(
        WorkspaceFactory factory,
        string ownerName = "Owner",
        string organisation = "Org A",
        CancellationToken ct = default)
    {
        var owner = await factory.SignUpAsync(ownerName, organisation, ct: ct);
        var response = await owner.Http.PostAsJsonAsync(
            "/api/partnerships",
            new { name = $"Partnership of {ownerName}", organisation },
            ct);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return new TestPartnership(
            body.GetProperty("id").GetGuid(),
            body.GetProperty("parties")[0].GetProperty("id").GetGuid(),
            owner);
    }

    public string Url(string path) => $"/api/partnerships/{Id}{path}";
}

public static class HttpJson
{
    public static async Task<(System.Net.HttpStatusCode Status, JsonElement Body)> SendJsonAsync(
        this HttpClient http,
        HttpMethod method,
        string url,
        object? body = null,
        CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: TestPartnership.Json);
        }
        var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static Task<(System.Net.HttpStatusCode Status, JsonElement Body)> PostJsonAsync(
        this HttpClient http,
        string url,
        object body,
        CancellationToken ct = default) =>
        http.SendJsonAsync(HttpMethod.Post, url, body, ct);

    public static Task<(System.Net.HttpStatusCode Status, JsonElement Body)> PutJsonAsync(
        this HttpClient http,
        string url,
        object body,
        CancellationToken ct = default) =>
        http.SendJsonAsync(HttpMethod.Put, url, body, ct);

    public static Task<(System.Net.HttpStatusCode Status, JsonElement Body)> GetJsonAsync(
        this HttpClient http,
        string url,
        CancellationToken ct = default) =>
        http.SendJsonAsync(HttpMethod.Get, url, null, ct);
}
