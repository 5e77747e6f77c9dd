using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Workspace.Collaboration.Documents;
using Workspace.Collaboration.Errors;
using Workspace.Collaboration.Ot;
using Workspace.Server.Kernel;
using static Workspace.Server.Tests.Features.Documents.DocumentTestKit;

namespace Workspace.Server.Tests.Infrastructure;

/// <summary>Every refusal carries a code and its arguments for the browser to word, beside English words.</summary>
public sealed class ErrorCodeTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static object Item(string title, int version = 0, string? notes = null, string? due = null) =>
        new { title, notes, ownerUserId = (string?)null, dueDate = due, status = "Open", version };

    private static JsonElement FirstCode(JsonElement problem, string field) =>
        problem.GetProperty("errorCodes").GetProperty(field)[0];

    [Fact]
    public async Task DataAnnotationFailuresComeBackAsCodesWithTheirLimits()
    {
        var p = await TestPartnership.CreateAsync(factory, ct: _ct);

        var (tooLong, longProblem) =
            await p.Owner.Http.PostJsonAsync(p.Url("/action-items"), Item(new string('x', 301)), _ct);
        var (missing, missingProblem) = await p.Owner.Http.PostJsonAsync(p.Url("/action-items"), Item(""), _ct);

        Assert.Equal(HttpStatusCode.BadRequest, tooLong);
        Assert.Equal(ErrorCodes.TooLong, FirstCode(longProblem, "title").GetProperty("code").GetString());
        Assert.Equal("300", FirstCode(longProblem, "title").GetProperty("args").GetProperty("max").GetString());
        Assert.NotEmpty(longProblem.GetProperty("errors").GetProperty("title")[0].GetString()!);
        Assert.Equal(HttpStatusCode.BadRequest, missing);
        Assert.Equal(ErrorCodes.Required, FirstCode(missingProblem, "title").GetProperty("code").GetString());
        var (_, items) = await p.Owner.Http.GetJsonAsync(p.Url("/action-items"), _ct);
        Assert.Empty(items.EnumerateArray());
    }

    [Fact]
    public async Task SignUpWithAShortPasswordIsCodedTooShort()
    {
        var http = await factory.AnonymousClientAsync(_ct);

        var (status, problem) = await http.PostJsonAsync("/api/account/signup",
            new {
                email = $"short.{Guid.NewGuid():N}@example.org",
                password = "abc",
                displayName = "Sari",
                organisation = "K"
            },
            _ct);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(ErrorCodes.PasswordTooShort, FirstCode(problem, "password").GetProperty("code").GetString());
        Assert.Equal("10", FirstCode(problem, "password").GetProperty("args").GetProperty("min").GetString());
    }

    [Fact]
    public async Task GrainRefusalsAndMemberChecksCarryTheirCodes()
    {
        var p = await TestPartnership.CreateAsync(factory, ct: _ct);
        var stranger = await factory.SignUpAsync("Stranger", ct: _ct);

        var (duplicate, dupProblem) = await p.Owner.Http.PostJsonAsync(p.Url("/parties"), new { name = "Org A" }, _ct);
        var (unknown, unknownProblem) = await stranger.Http.GetJsonAsync(p.Url("/action-items"), _ct);
        var (gone, goneProblem) =
            await p.Owner.Http.PutJsonAsync(p.Url($"/action-items/{Guid.NewGuid()}"), Item("Ghost", 1), _ct);

        Assert.Equal(HttpStatusCode.Conflict, duplicate);
        Assert.Equal(ErrorCodes.PartyExists, dupProblem.GetProperty("code").GetString());
        Assert.Equal("Org A", dupProblem.GetProperty("args").GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.Equal(ErrorCodes.UnknownPartnership, unknownProblem.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, gone);
        Assert.Equal(ErrorCodes.UnknownItem, goneProblem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task AConflictCarriesTheCurrentItemAndWhoChangedItLast()
    {
        var p = await TestPartnership.CreateAsync(factory, ownerName: "Rina Wijaya", ct: _ct);
        var (_, item) = await p.Owner.Http.PostJsonAsync(p.Url("/action-items"), Item("Send draft MoU"), _ct);
        var id = item.GetProperty("id").GetGuid();
        await p.Owner.Http.PutJsonAsync(p.Url($"/action-items/{id}"), Item("Send the signed MoU", 1), _ct);

        var stale = Item("Send draft MoU", 1, "notes", "2026-12-15");
        var (status, conflict) = await p.Owner.Http.PutJsonAsync(p.Url($"/action-items/{id}"), stale, _ct);

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal(ErrorCodes.EditConflict, conflict.GetProperty("code").GetString());
        Assert.Equal("Rina Wijaya", conflict.GetProperty("changedBy").GetString());
        Assert.Equal("Rina Wijaya", conflict.GetProperty("current").GetProperty("updatedByName").GetString());
        Assert.Equal(2, conflict.GetProperty("current").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task GoalAndKpiConflictsNameWhoChangedThemLast()
    {
        var p = await TestPartnership.CreateAsync(factory, ownerName: "Dewi Lestari", ct: _ct);
        var partner = await factory.JoinAsync(p.Owner, p.Id, PartnershipRole.Editor, "Joost de Vries", ct: _ct);
        object Goal(string title, int version) =>
            new {
                title,
                description = "",
                successCriteria = "",
                ownerPartyId = p.OwnerPartyId,
                status = "OnTrack",
                version
            };
        object Kpi(string name, int version) =>
            new {
                name,
                unit = "t",
                direction = "HigherIsBetter",
                target = 500,
                ownerPartyId = p.OwnerPartyId,
                version
            };
        var (_, goal) = await p.Owner.Http.PostJsonAsync(p.Url("/goals"), Goal("Deliver rice", 0), _ct);
        var (_, kpi) = await p.Owner.Http.PostJsonAsync(p.Url("/kpis"), Kpi("Tonnes", 0), _ct);
        var goalUrl = p.Url($"/goals/{goal.GetProperty("id").GetGuid()}");
        var kpiUrl = p.Url($"/kpis/{kpi.GetProperty("id").GetGuid()}");
        await partner.Http.PutJsonAsync(goalUrl, Goal("Deliver 500 t of rice", 1), _ct);
        await partner.Http.PutJsonAsync(kpiUrl, Kpi("Tonnes delivered", 1), _ct);

        var (goalStatus, goalConflict) = await p.Owner.Http.PutJsonAsync(goalUrl, Goal("Stale", 1), _ct);
        var (kpiStatus, kpiConflict) = await p.Owner.Http.PutJsonAsync(kpiUrl, Kpi("Stale", 1), _ct);

        Assert.Equal(HttpStatusCode.Conflict, goalStatus);
        Assert.Equal(partner.Name, goalConflict.GetProperty("changedBy").GetString());
        Assert.Equal("Deliver 500 t of rice", goalConflict.GetProperty("current").GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Conflict, kpiStatus);
        Assert.Equal(partner.Name, kpiConflict.GetProperty("changedBy").GetString());
        Assert.Equal(partner.Name, kpiConflict.GetProperty("current").GetProperty("updatedByName").GetString());
    }

    [Fact]
    public async Task AnEditBeyondTheLimitIsAFinalHubRefusalWithItsLimit()
    {
        var owner = await factory.SignUpAsync("Paste Happy", ct: _ct);
        var (pid, docId) = await CreateDocumentAsync(owner, _ct);
        await using var hub = await OpenHubAsync(factory, owner, docId, _ct);

        var error = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<SubmitResult>(
            "Submit", SubmitRequest.Of(docId, "paster", 1, 0, TextOperation.Insert(0, new string('a', 100_001))),
            _ct));

        var refusal = HubError.From(error);
        Assert.NotNull(refusal);
        Assert.Equal(ErrorCodes.OperationTooLarge, refusal.Code);
        Assert.True(refusal.Final);
        Assert.Equal("100000", refusal.Args!["max"]);
        Assert.Equal("", await ServerTextAsync(owner, pid, docId, _ct));
    }
}
