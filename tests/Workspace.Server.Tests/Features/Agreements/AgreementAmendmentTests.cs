using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Workspace.Collaboration.Documents;
using Workspace.Collaboration.Errors;
using Workspace.Collaboration.Ot;
using Workspace.Server.Features.Agreements;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Agreements.TwoParties;
using static Workspace.Server.Tests.Features.Documents.DocumentTestKit;

namespace Workspace.Server.Tests.Features.Agreements;

/// <summary>Numbered amendments, the consolidated text, obligations that become action items, and the
/// exports.</summary>
public sealed class AgreementAmendmentTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASignedAmendmentIsTheConsolidatedTextAndNamesTheClausesItChanged()
    {
        var p = await TwoParties.CreateAsync(factory, "Amend", _ct);
        var agreement = await p.CreateAgreementAsync(_ct);
        var id = IdOf(agreement);
        var draftAmendment = await p.A.Http.PostJsonAsync(p.Url($"/{id}/amendments"), new { }, _ct);
        Assert.Equal(HttpStatusCode.Conflict, draftAmendment.Status);
        await p.SignAsync(id, _ct);
        var signedText = await ServerTextAsync(p.A, p.Id, DocumentOf(agreement), _ct);

        var (created, first) = await p.A.Http.PostJsonAsync(p.Url($"/{id}/amendments"), new { }, _ct);
        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal(1, first.GetProperty("amendmentNumber").GetInt32());
        Assert.Equal(id, first.GetProperty("amendsId").GetGuid());
        Assert.Equal(signedText, await ServerTextAsync(p.A, p.Id, DocumentOf(first), _ct));
        var second = await p.A.Http.PostJsonAsync(p.Url($"/{id}/amendments"), new { }, _ct);
        Assert.Equal(HttpStatusCode.Conflict, second.Status);
        Assert.Equal(ErrorCodes.AmendmentInProgress, second.Body.GetProperty("code").GetString());

        await ReplaceAsync(p, first, "two years", "three years");
        var (_, against) = await p.A.Http.GetJsonAsync(p.Url($"/{IdOf(first)}/compare?from=signed"), _ct);
        Assert.Contains(against.GetProperty("inline").EnumerateArray(), s => s.GetProperty("kind").GetString() ==
            "inserted"
            && s.GetProperty("text").GetString() == "three");
        await p.SignAsync(IdOf(first), _ct);

        var clauses = (await p.GetAsync(p.B, id, _ct)).GetProperty("clauses").EnumerateArray().ToList();
        Assert.Equal(1, clauses.Single(c => c.GetProperty("number").GetString() ==
            "7").GetProperty("amendedBy").GetInt32());
        Assert.All(clauses.Where(c => c.GetProperty("number").GetString() != "7"),
            c => Assert.Equal(JsonValueKind.Null, c.GetProperty("amendedBy").ValueKind));
        var (_, read) = await p.B.Http.GetJsonAsync(p.Url($"/{id}/text"), _ct);
        Assert.Contains("three years", read.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, read.GetProperty("latestAmendment").GetInt32());

        var (_, next) = await p.A.Http.PostJsonAsync(p.Url($"/{id}/amendments"), new { }, _ct);
        Assert.Equal(2, next.GetProperty("amendmentNumber").GetInt32());
        Assert.Contains("three years", await ServerTextAsync(p.A, p.Id, DocumentOf(next), _ct),
            StringComparison.Ordinal);
        await ReplaceAsync(p, next, "Costs are shared", "All costs are shared");
        await p.SignAsync(IdOf(next), _ct);
        var after = (await p.GetAsync(p.A, id, _ct)).GetProperty("clauses").EnumerateArray().ToList();
        Assert.Equal(1, after.Single(c => c.GetProperty("number").GetString() ==
            "7").GetProperty("amendedBy").GetInt32());
        Assert.Equal(2, after.Single(c => c.GetProperty("number").GetString() ==
            "5").GetProperty("amendedBy").GetInt32());
    }

    [Fact]
    public async Task AQuarterlyObligationBecomesActionItemsOfTheResponsibleParty()
    {
        var p = await TwoParties.CreateAsync(factory, "Oblige", _ct);
        var agreement = await p.CreateAgreementAsync(_ct);
        var id = IdOf(agreement);
        var (status, obligation) = await p.A.Http.PostJsonAsync(p.Url($"/{id}/obligations"), new
        {
            clauseNumber = "5", title = "Quarterly cost report", partyId = p.PartyB, schedule = "quarterly",
            start = "2027-01-01", offsetDays = 15, occurrences = 4,
        }, _ct);
        Assert.True(status == HttpStatusCode.Created, obligation.ToString());
        Assert.Equal(["2027-04-15", "2027-07-15", "2027-10-15", "2028-01-15"],
            obligation.GetProperty("dueDates").EnumerateArray().Select(d => d.GetString()));
        var items = obligation.GetProperty("actionItems").EnumerateArray().ToList();
        Assert.Equal(4, items.Count);
        Assert.All(items, i =>
        {
            Assert.Equal(p.B.Id, i.GetProperty("ownerUserId").GetString());
            Assert.Equal(p.PartyB, i.GetProperty("ownerPartyId").GetGuid());
            Assert.Equal(DocumentOf(agreement), i.GetProperty("documentId").GetGuid());
            Assert.StartsWith("§5 Profit and cost sharing", i.GetProperty("notes").GetString(),
                StringComparison.Ordinal);
        });
        var (_, board) = await p.B.Http.GetJsonAsync($"/api/partnerships/{p.Id}/action-items", _ct);
        Assert.Equal(4, board.EnumerateArray().Count(i => i.GetProperty("title").GetString() ==
            "Quarterly cost report"));
        var (_, listed) = await p.A.Http.GetJsonAsync(p.Url($"/{id}/obligations"), _ct);
        Assert.Equal("5", listed[0].GetProperty("clauseNumber").GetString());

        var badClause = await p.A.Http.PostJsonAsync(p.Url($"/{id}/obligations"), new
        {
            clauseNumber = "99", title = "X", partyId = p.PartyB, schedule = "once", start = "2027-01-01", offsetDays
                = 0, occurrences = 1,
        }, _ct);
        Assert.Equal(ErrorCodes.UnknownClause,
            badClause.Body.GetProperty("errorCodes").GetProperty("clauseNumber")[0].GetProperty("code").GetString());
        var badSchedule = await p.A.Http.PostJsonAsync(p.Url($"/{id}/obligations"), new
        {
            clauseNumber = "5", title = "X", partyId = p.PartyB, schedule = "weekly", start = "2027-01-01", offsetDays
                = 0, occurrences = 1,
        }, _ct);
        Assert.Equal(HttpStatusCode.BadRequest, badSchedule.Status);
        var badParty = await p.A.Http.PostJsonAsync(p.Url($"/{id}/obligations"), new
        {
            clauseNumber = "5", title = "X", partyId = Guid.NewGuid(), schedule = "once", start = "2027-01-01",
                offsetDays = 0, occurrences = 1,
        }, _ct);
        Assert.Equal(ErrorCodes.UnknownParty,
            badParty.Body.GetProperty("errorCodes").GetProperty("partyId")[0].GetProperty("code").GetString());
        (_, board) = await p.B.Http.GetJsonAsync($"/api/partnerships/{p.Id}/action-items", _ct);
        Assert.Equal(4, board.GetArrayLength());
    }

    [Fact]
    public void DueDatesFallAfterEachPeriodEnds()
    {
        Assert.Equal([new DateOnly(2027, 2, 5), new DateOnly(2027, 3, 5)],
            AgreementObligations.DueDates("monthly", new DateOnly(2027, 1, 1), 5, 2));
        Assert.Equal([new DateOnly(2027, 3, 1)], AgreementObligations.DueDates("once", new DateOnly(2027, 3, 1), 0, 4));
    }

    [Fact]
    public async Task TheDashboardListShowsWhatAwaitsMyApproval()
    {
        var p = await TwoParties.CreateAsync(factory, "Mine", _ct);
        var agreement = await p.CreateAgreementAsync(_ct);
        var revision = RevisionOf(await p.ReviewAsync(IdOf(agreement), _ct));
        await p.ApproveAsync(p.A, IdOf(agreement), revision, _ct);
        var (_, forA) = await p.A.Http.GetJsonAsync(p.Url("/mine"), _ct);
        var (_, forB) = await p.B.Http.GetJsonAsync(p.Url("/mine"), _ct);
        Assert.Empty(forA.GetProperty("awaitingMyApproval").EnumerateArray());
        Assert.Equal(IdOf(agreement), forB.GetProperty("awaitingMyApproval")[0].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task TheHtmlAndPdfCarryTheSignaturePage()
    {
        var p = await TwoParties.CreateAsync(factory, "Export", _ct);
        var agreement = await p.CreateAgreementAsync(_ct);
        var signed = await p.SignAsync(IdOf(agreement), _ct);
        var hash = signed.GetProperty("signOff").GetProperty("signedHash").GetString()!;

        var html = await p.B.Http.GetStringAsync(p.Url($"/{IdOf(agreement)}/export.html"), _ct);
        Assert.Contains("Signature page", html, StringComparison.Ordinal);
        Assert.Contains(hash, html, StringComparison.Ordinal);
        Assert.Contains("Export Mill", html, StringComparison.Ordinal);
        Assert.Contains("5. Profit and cost sharing</h2>", html, StringComparison.Ordinal);
        var pdf = await p.B.Http.GetByteArrayAsync(p.Url($"/{IdOf(agreement)}/export.pdf?lang=id"), _ct);
        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        Assert.True(pdf.Length > 2000);
    }

    private static async Task ReplaceAsync(TwoParties p, JsonElement agreement, string find, string with)
    {
        var docId = DocumentOf(agreement);
        var text = await ServerTextAsync(p.A, p.Id, docId, TestContext.Current.CancellationToken);
        var at = text.IndexOf(find, StringComparison.Ordinal);
        var revision = RevisionOf(await p.GetAsync(p.A, IdOf(agreement), TestContext.Current.CancellationToken));
        await using var hub = await p.HubAsync(p.A, docId, TestContext.Current.CancellationToken);
        var op = TextOperation.Parse(JsonSerializer.Serialize(new object[] { at, new { d = find.Length }, with }));
        await hub.InvokeAsync<SubmitResult>(DocumentHubNames.Submit,
            SubmitRequest.Of(docId, $"replace-{Guid.NewGuid():N}"[..20], 1, revision, op),
                TestContext.Current.CancellationToken);
    }
}
