using System.Net;
using System.Text;
using System.Text.Json;
using Workspace.Collaboration.Errors;

namespace Workspace.Server.Tests.Infrastructure;

/// <summary>
/// The refusals of numeric bounds and cross-partnership references carry a code with its arguments (so the browser
/// words them in the person's language), not only English.
/// </summary>
public sealed class BoundsCodeTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static JsonElement FirstCode(JsonElement problem, string field) =>
        problem.GetProperty("errorCodes").GetProperty(field)[0];

    private static string? Arg(JsonElement code, string name) => code.GetProperty("args").GetProperty(name).GetString();

    private static object Kpi(Guid party, double target) => new
    {
        name = "Tonnes", unit = "t", direction = "HigherIsBetter", baseline = 0, target, ownerPartyId = party,
        version = 0,
    };

    [Fact]
    public async Task NumbersBeyondTheBoundsAreCodedOutOfRangeOrTooManyDecimals()
    {
        var p = await TestPartnership.CreateAsync(factory, ct: _ct);

        var (huge, hugeProblem) = await p.Owner.Http.PostJsonAsync(p.Url("/kpis"), Kpi(p.OwnerPartyId, 1e13), _ct);
        var (fine, fineProblem) = await p.Owner.Http.PostJsonAsync(p.Url("/kpis"), Kpi(p.OwnerPartyId, 0.1234567), _ct);

        Assert.Equal(HttpStatusCode.BadRequest, huge);
        var outOfRange = FirstCode(hugeProblem, "target");
        Assert.Equal(ErrorCodes.OutOfRange, outOfRange.GetProperty("code").GetString());
        Assert.Equal("1000000000000", Arg(outOfRange, "max"));
        Assert.Equal("-1000000000000", Arg(outOfRange, "min"));
        Assert.Equal(HttpStatusCode.BadRequest, fine);
        var decimals = FirstCode(fineProblem, "target");
        Assert.Equal(ErrorCodes.TooManyDecimals, decimals.GetProperty("code").GetString());
        Assert.Equal("6", Arg(decimals, "max"));
    }

    [Fact]
    public async Task DatesQueriesAndUnreadableValuesAreCoded()
    {
        var p = await TestPartnership.CreateAsync(factory, ct: _ct);

        var (late, lateProblem) = await p.Owner.Http.PostJsonAsync(p.Url("/goals"), new
        {
            title = "Later", description = "", successCriteria = "", ownerPartyId = p.OwnerPartyId,
            targetDate = "2101-01-01", status = "OnTrack", version = 0,
        }, _ct);
        var (far, farProblem) = await p.Owner.Http.GetJsonAsync(p.Url("/action-items?dueWithinDays=5000"), _ct);
        using var unreadable = await p.Owner.Http.PostAsync(p.Url("/action-items"), new StringContent(
            """{"title":"x","status":"Open","version":"abc"}""", Encoding.UTF8, "application/json"), _ct);
        var unreadableProblem = JsonDocument.Parse(await unreadable.Content.ReadAsStringAsync(_ct)).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, late);
        Assert.Equal(ErrorCodes.DateOutOfRange, FirstCode(lateProblem, "targetDate").GetProperty("code").GetString());
        Assert.Equal("2100-12-31", Arg(FirstCode(lateProblem, "targetDate"), "max"));
        Assert.Equal(HttpStatusCode.BadRequest, far);
        Assert.Equal(ErrorCodes.OutOfRange, FirstCode(farProblem, "dueWithinDays").GetProperty("code").GetString());
        Assert.Equal("3650", Arg(FirstCode(farProblem, "dueWithinDays"), "max"));
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Equal(ErrorCodes.InvalidValue, FirstCode(unreadableProblem, "version").GetProperty("code").GetString());
    }

    [Fact]
    public async Task ReferencesOutsideThePartnershipAreCoded()
    {
        var p = await TestPartnership.CreateAsync(factory, ct: _ct);
        var other = await TestPartnership.CreateAsync(factory, "Other owner", "Org B", _ct);

        var (party, partyProblem) =
            await p.Owner.Http.GetJsonAsync(p.Url($"/action-items?party={other.OwnerPartyId}"), _ct);
        var (owner, ownerProblem) = await p.Owner.Http.GetJsonAsync(
            p.Url($"/action-items?owner={other.Owner.Id}"),
            _ct);
        var (meeting, meetingProblem) = await p.Owner.Http.PostJsonAsync(p.Url("/action-items"), new
        {
            title = "Linked", status = "Open", meetingId = Guid.NewGuid(), version = 0,
        }, _ct);
        var (document, documentProblem) = await p.Owner.Http.PostJsonAsync(p.Url("/action-items"), new
        {
            title = "Linked", status = "Open", documentId = Guid.NewGuid(), version = 0,
        }, _ct);

        Assert.Equal(HttpStatusCode.BadRequest, party);
        Assert.Equal(ErrorCodes.UnknownParty, FirstCode(partyProblem, "party").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, owner);
        Assert.Equal(ErrorCodes.UnknownMember, FirstCode(ownerProblem, "owner").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, meeting);
        Assert.Equal(ErrorCodes.UnknownMeeting, FirstCode(meetingProblem, "meetingId").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, document);
        Assert.Equal(
            ErrorCodes.UnknownDocument, FirstCode(documentProblem, "documentId").GetProperty("code").GetString());
    }
}
