using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Workspace.Collaboration.Documents;
using Workspace.Collaboration.Ot;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Server.Tests.Features.Agreements;

/// <summary>Two organisations in one partnership, each with a party admin (its default signatory), and an
/// agreement.</summary>
internal sealed record TwoParties(WorkspaceFactory Factory, Guid Id, TestUser A, Guid PartyA, TestUser B, Guid PartyB)
{
    public string Url(string path) => $"/api/partnerships/{Id}/agreements{path}";

    public static async Task<TwoParties> CreateAsync(WorkspaceFactory factory, string name, CancellationToken ct)
    {
        var a = await factory.SignUpAsync($"{name} Ana", $"{name} Tani", ct: ct);
        var partnership = await a.CreatePartnershipAsync($"{name} rice", ct);
        var partyB = await a.AddPartyAsync(partnership.Id, $"{name} Mill", ct);
        var b = await factory.JoinAsync(a, partnership.Id, PartnershipRole.Editor, $"{name} Budi", partyB.Id,
            isPartyAdmin: true, ct: ct);
        return new TwoParties(factory, partnership.Id, a, partnership.Parties[0].Id, b, partyB.Id);
    }

    public async Task<JsonElement> CreateAgreementAsync(CancellationToken ct, string title = "Cooperation agreement",
        string language = "en")
    {
        var (status, body) = await A.Http.PostJsonAsync(Url("/"), new { title, language }, ct);
        Assert.True(status == HttpStatusCode.Created, body.ToString());
        return body;
    }

    public async Task<JsonElement> GetAsync(TestUser user, Guid agreementId, CancellationToken ct)
    {
        var (status, body) = await user.Http.GetJsonAsync(Url($"/{agreementId}"), ct);
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        return body;
    }

    public Task<(HttpStatusCode Status, JsonElement Body)> ApproveAsync(TestUser user, Guid agreementId, long
        revision, CancellationToken ct) =>
        user.Http.PostJsonAsync(Url($"/{agreementId}/approve"), new { revision }, ct);

    public async Task<JsonElement> ReviewAsync(Guid agreementId, CancellationToken ct)
    {
        var (status, body) = await A.Http.PostJsonAsync(Url($"/{agreementId}/review"), new { }, ct);
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        return body;
    }

    /// <summary>Signs the agreement: review, then both parties approve the current revision.</summary>
    public async Task<JsonElement> SignAsync(Guid agreementId, CancellationToken ct)
    {
        var review = await ReviewAsync(agreementId, ct);
        var revision = review.GetProperty("signOff").GetProperty("revision").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await ApproveAsync(A, agreementId, revision, ct)).Status);
        var (status, body) = await ApproveAsync(B, agreementId, revision, ct);
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        Assert.Equal("signed", body.GetProperty("signOff").GetProperty("status").GetString());
        return body;
    }

    /// <summary>A bare hub connection of <paramref name="user"/> with the document open, and a one-shot
    /// insert.</summary>
    public async Task<HubConnection> HubAsync(TestUser user, Guid documentId, CancellationToken ct)
    {
        var hub = Factory.Hub(user, DocumentHubNames.Path);
        await hub.StartAsync(ct);
        await hub.InvokeAsync<DocumentState>(DocumentHubNames.OpenDocument, documentId, null, ct);
        return hub;
    }

    public static Task<SubmitResult> InsertAsync(
        HubConnection hub, Guid documentId, string clientId, long seq, long baseRevision, int at, string text,
            CancellationToken ct) =>
        hub.InvokeAsync<SubmitResult>(DocumentHubNames.Submit,
            SubmitRequest.Of(documentId, clientId, seq, baseRevision, TextOperation.Insert(at, text)), ct);

    public static Guid IdOf(JsonElement agreement) => agreement.GetProperty("id").GetGuid();

    public static Guid DocumentOf(JsonElement agreement) => agreement.GetProperty("documentId").GetGuid();

    public static long RevisionOf(JsonElement agreement) =>
        agreement.GetProperty("signOff").GetProperty("revision").GetInt64();
}
