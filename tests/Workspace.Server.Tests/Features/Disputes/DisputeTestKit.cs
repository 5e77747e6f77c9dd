using System.Net;
using System.Text.Json;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Server.Tests.Features.Disputes;

/// <summary>Two organisations in one partnership: A's owner and B's editor (and whoever a test adds).</summary>
internal sealed record TwoParties(WorkspaceFactory Factory, TestPartnership P, Guid PartyA, Guid PartyB, TestUser B)
{
    public TestUser A => P.Owner;

    public string Url(string path) => P.Url(path);

    public static async Task<TwoParties> CreateAsync(WorkspaceFactory factory, string name, CancellationToken ct)
    {
        var p = await TestPartnership.CreateAsync(factory, $"{name} A owner", $"{name} A", ct);
        var partyB = await p.Owner.AddPartyAsync(p.Id, $"{name} B", ct);
        var b = await factory.JoinAsync(p.Owner, p.Id, PartnershipRole.Editor, $"{name} B editor", partyB.Id, ct: ct);
        return new TwoParties(factory, p, p.OwnerPartyId, partyB.Id, b);
    }

    public Task<TestUser> JoinBAsync(PartnershipRole role, string name, CancellationToken ct) =>
        Factory.JoinAsync(A, P.Id, role, name, PartyB, ct: ct);

    public static object Raise(
        string title = "Late delivery of batch 3",
        object? clause = null,
        object[]? evidence = null,
        Guid[]? partyIds = null,
        object[]? steps = null,
        string category = "Delivery") => new
        {
            title, description = "Batch 3 arrived 12 days late.", category, severity = "High", clause,
            evidence = evidence ?? [], partyIds, steps,
        };

    /// <summary>A new agreement of A's partnership from the English template; its id.</summary>
    public async Task<Guid> AgreementAsync(CancellationToken ct, string title = "MoU") =>
        (await OkAsync(A.Http.PostJsonAsync(Url("/agreements"), new { title, language = "en" }, ct)))
            .GetProperty("id").GetGuid();

    public async Task<JsonElement> RaiseAsync(TestUser by, object body, CancellationToken ct) =>
        await OkAsync(by.Http.PostJsonAsync(Url("/disputes"), body, ct));

    public async Task<JsonElement> ProposeAsync(TestUser by, Guid disputeId, object body, CancellationToken ct) =>
        await OkAsync(by.Http.PostJsonAsync(Url($"/disputes/{disputeId}/proposals"), body, ct));

    public Task<(HttpStatusCode Status, JsonElement Body)> AnswerAsync(TestUser by, Guid disputeId, Guid proposalId,
        bool accept, CancellationToken ct) =>
        by.Http.PostJsonAsync(Url($"/disputes/{disputeId}/proposals/{proposalId}/answer"), new { accept }, ct);

    public async Task<JsonElement> GetAsync(TestUser by, Guid disputeId, CancellationToken ct) =>
        await OkAsync(by.Http.GetJsonAsync(Url($"/disputes/{disputeId}"), ct));

    /// <summary>The dispute once <paramref name="done"/> holds for it (read again until then, at most 30 s).</summary>
    public Task<JsonElement> UntilAsync(TestUser by, Guid disputeId, Func<JsonElement, bool> done,
        CancellationToken ct) =>
        Eventually.ValueAsync(() => GetAsync(by, disputeId, ct), done, ct, 30_000, "the dispute's state");

    public static Guid LastProposal(JsonElement dispute) =>
        dispute.GetProperty("proposals").EnumerateArray().Last().GetProperty("id").GetGuid();

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
