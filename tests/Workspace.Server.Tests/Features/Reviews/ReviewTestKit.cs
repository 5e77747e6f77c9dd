using System.Net;
using System.Text.Json;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Server.Tests.Features.Reviews;

/// <summary>Two organisations in one partnership: A's owner and B's editor, and two goals of theirs.</summary>
internal sealed record ReviewWorld(WorkspaceFactory Factory, TestPartnership P, Guid PartyA, Guid PartyB, TestUser B,
    Guid Goal1, Guid Goal2)
{
    public TestUser A => P.Owner;

    public string Url(string path) => P.Url(path);

    public static async Task<ReviewWorld> CreateAsync(WorkspaceFactory factory, string name, CancellationToken ct)
    {
        var p = await TestPartnership.CreateAsync(factory, $"{name} A owner", $"{name} A", ct);
        var partyB = await p.Owner.AddPartyAsync(p.Id, $"{name} B", ct);
        var b = await factory.JoinAsync(p.Owner, p.Id, PartnershipRole.Editor, $"{name} B editor", partyB.Id, ct: ct);
        var goal1 = await GoalAsync(p.Owner, p, "Train 40 farmers", p.OwnerPartyId, ct);
        var goal2 = await GoalAsync(p.Owner, p, "Open the second depot", partyB.Id, ct);
        return new ReviewWorld(factory, p, p.OwnerPartyId, partyB.Id, b, goal1, goal2);
    }

    public static async Task<Guid> GoalAsync(TestUser by, TestPartnership p, string title, Guid party,
        CancellationToken ct) =>
        (await OkAsync(by.Http.PostJsonAsync(p.Url("/goals"), new
        {
            title, ownerPartyId = party, status = "OnTrack", version = 0,
        }, ct))).GetProperty("id").GetGuid();

    public Task<TestUser> JoinAsync(Guid party, PartnershipRole role, string name, CancellationToken ct) =>
        Factory.JoinAsync(A, P.Id, role, name, party, ct: ct);

    public static object Round(string title = "First half-year review", string from = "2026-06-01",
        string to = "2026-11-30", string? closesOn = null) =>
        new { title, periodFrom = from, periodTo = to, closesOn = closesOn ?? DateTime.UtcNow.AddDays(14)
            .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) };

    public static object Answer(int overall, int communication, int fairness, int progress,
        (Guid Goal, int Score)[]? goals = null, string works = "", string change = "", string? userId = null) =>
        new
        {
            overall, communication, fairness, progress,
            goals = (goals ?? []).Select(g => new { goalId = g.Goal, score = g.Score }).ToArray(),
            whatWorks = works, whatShouldChange = change, userId,
        };

    public async Task<Guid> OpenAsync(TestUser by, CancellationToken ct, object? body = null) =>
        (await OkAsync(by.Http.PostJsonAsync(Url("/reviews"), body ?? Round(), ct))).GetProperty("id").GetGuid();

    public Task<(HttpStatusCode Status, JsonElement Body)> AnswerAsync(TestUser by, Guid round, object body,
        CancellationToken ct) => by.Http.PutJsonAsync(Url($"/reviews/{round}/answer"), body, ct);

    public async Task<JsonElement> GetAsync(TestUser by, Guid round, CancellationToken ct) =>
        await OkAsync(by.Http.GetJsonAsync(Url($"/reviews/{round}"), ct));

    /// <summary>A question's averages of a closed round: per party, then over everyone.</summary>
    public static (double? A, double? B, double? All) Averages(JsonElement round, string question, Guid partyA,
        Guid partyB, Guid? goal = null)
    {
        var q = round.GetProperty("results").GetProperty("questions").EnumerateArray().Single(x =>
            x.GetProperty("question").GetString() == question
            && (goal is null || x.GetProperty("goalId").GetGuid() == goal));
        double? Of(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetDouble();
        var byParty = q.GetProperty("byParty");
        return (Of(byParty.GetProperty(partyA.ToString())), Of(byParty.GetProperty(partyB.ToString())),
            Of(q.GetProperty("all")));
    }

    public static string Code(JsonElement problem) => problem.TryGetProperty("errorCodes", out var codes)
        ? codes.EnumerateObject().First().Value[0].GetProperty("code").GetString()!
        : problem.GetProperty("code").GetString()!;

    public static async Task<JsonElement> OkAsync(Task<(HttpStatusCode Status, JsonElement Body)> call)
    {
        var (status, body) = await call;
        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Created, $"{(int)status}: {body}");
        return body;
    }
}
