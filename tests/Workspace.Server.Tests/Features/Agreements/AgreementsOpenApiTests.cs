using System.Text.Json;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Server.Tests.Features.Agreements;

/// <summary>Agreements and disputes are described in the OpenAPI document like every other section.</summary>
public sealed class AgreementsOpenApiTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    [Fact]
    public async Task EveryAgreementAndDisputeCommandIsInTheOpenApiDocument()
    {
        var json = await factory.CreateClient()
            .GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        using var doc = JsonDocument.Parse(json);
        var paths = doc.RootElement.GetProperty("paths");
        const string Agreement = "/api/partnerships/{partnershipId}/agreements/{agreementId}";
        const string Dispute = "/api/partnerships/{partnershipId}/disputes/{disputeId}";
        (string Path, string Method)[] expected =
        [
            ("/api/partnerships/{partnershipId}/agreements", "post"),
            ("/api/partnerships/{partnershipId}/agreements/signatories/{partyId}", "put"),
            ($"{Agreement}/review", "post"),
            ($"{Agreement}/approve", "post"),
            ($"{Agreement}/amendments", "post"),
            ($"{Agreement}/compare", "get"),
            ($"{Agreement}/obligations", "post"),
            ($"{Agreement}/export.pdf", "get"),
            ("/api/partnerships/{partnershipId}/disputes", "post"),
            ($"{Dispute}/proposals", "post"),
            ($"{Dispute}/proposals/{{proposalId}}/answer", "post"),
            ($"{Dispute}/notes", "get"),
            ($"{Dispute}/steps/next", "post"),
        ];
        var missing = expected.Where(e => !paths.TryGetProperty(e.Path, out var item)
            || !item.TryGetProperty(e.Method, out _)).ToList();
        Assert.True(missing.Count == 0, "Not in the OpenAPI document: " + string.Join(", ", missing));
        Assert.Contains("\"Agreements\"", paths.GetProperty(Agreement + "/approve").ToString());
        Assert.Contains("\"Disputes\"", paths.GetProperty(Dispute + "/proposals").ToString());
    }
}
