using System.Net;
using System.Text.Json;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Server.Tests.Features.Search;

/// <summary>Searching and reading the answer: the hits of one kind, their titles and snippets.</summary>
internal static class SearchTestKit
{
    public static async Task<(HttpStatusCode Status, JsonElement Body)> SearchAsync(HttpClient http, Guid partnership,
        string? q, CancellationToken ct, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/partnerships/{partnership}/search"
            + (q is null ? "" : $"?q={Uri.EscapeDataString(q)}"));
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static async Task<JsonElement> FoundAsync(HttpClient http, Guid partnership, string q,
        CancellationToken ct)
    {
        var (status, body) = await SearchAsync(http, partnership, q, ct);
        Assert.True(status == HttpStatusCode.OK, $"{(int)status}: {body}");
        return body;
    }

    public static JsonElement Group(JsonElement results, string kind) =>
        results.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("kind").GetString() == kind);

    public static List<JsonElement> Hits(JsonElement results, string kind) =>
        Group(results, kind).GetProperty("hits").EnumerateArray().ToList();

    public static List<string> Titles(JsonElement results, string kind) =>
        Hits(results, kind).Select(h => h.GetProperty("title").GetString()!).Order(StringComparer.Ordinal).ToList();

    public static List<Guid> Ids(JsonElement results) => results.GetProperty("groups").EnumerateArray()
        .SelectMany(g => g.GetProperty("hits").EnumerateArray()).Select(h => h.GetProperty("id").GetGuid()).ToList();

    /// <summary>The highlighted stretches of a hit's title or snippet, as the text they cover.</summary>
    public static List<string> Marked(JsonElement hit, string text = "title")
    {
        var value = hit.GetProperty(text).GetString()!;
        return hit.GetProperty(text + "Marks").EnumerateArray()
            .Select(m => value.Substring(m.GetProperty("start").GetInt32(), m.GetProperty("length").GetInt32()))
            .ToList();
    }

    public static async Task<Guid> ItemAsync(TestUser by, Guid partnership, string title, CancellationToken ct,
        string notes = "")
    {
        var (status, body) = await by.Http.PostJsonAsync($"/api/partnerships/{partnership}/action-items",
            new { title, notes, ownerUserId = (string?)null, dueDate = (string?)null, status = "Open", version = 0 },
            ct);
        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Created, $"{(int)status}: {body}");
        return body.GetProperty("id").GetGuid();
    }

    public static async Task<Guid> GoalAsync(TestUser by, Guid partnership, Guid party, string title,
        CancellationToken ct, string description = "")
    {
        var (status, body) = await by.Http.PostJsonAsync($"/api/partnerships/{partnership}/goals", new
        {
            title, description, successCriteria = "", ownerPartyId = party, targetDate = "2027-06-30",
            status = "OnTrack", version = 0,
        }, ct);
        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Created, $"{(int)status}: {body}");
        return body.GetProperty("id").GetGuid();
    }

    public static async Task<Guid> DocumentAsync(TestUser by, Guid partnership, string title, CancellationToken ct)
    {
        var (status, body) = await by.Http.PostJsonAsync($"/api/partnerships/{partnership}/documents",
            new { title }, ct);
        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Created, $"{(int)status}: {body}");
        return body.GetProperty("id").GetGuid();
    }
}
