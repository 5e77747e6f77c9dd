using System.Net;
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

/// <summary>Templates, numbered clauses, clause links that survive edits, dispute steps and word-level
/// comparison.</summary>
public sealed class AgreementClauseTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("en", "Profit and cost sharing", "Negotiation between the parties' contacts")]
    [InlineData("id", "Pembagian keuntungan dan biaya", "Musyawarah antara narahubung para pihak")]
    public async Task TheTemplateHasElevenNumberedClausesAndReadableDisputeSteps(string language, string clause5,
        string step1)
    {
        var p = await TwoParties.CreateAsync(factory, $"Tpl{language}", _ct);
        var agreement = await p.CreateAgreementAsync(_ct, "Kerja sama", language);

        var (_, clauses) = await p.A.Http.GetJsonAsync(p.Url($"/{IdOf(agreement)}/clauses"), _ct);
        Assert.Equal(Enumerable.Range(1, 11).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            clauses.EnumerateArray().Select(c => c.GetProperty("number").GetString()));
        Assert.Equal(clause5, clauses[4].GetProperty("title").GetString());
        var (_, steps) = await p.A.Http.GetJsonAsync(p.Url($"/{IdOf(agreement)}/dispute-steps"), _ct);
        Assert.Equal([14, 14, 30, 90], steps.EnumerateArray().Select(s => s.GetProperty("days").GetInt32()));
        Assert.Equal(step1, steps[0].GetProperty("name").GetString());
        Assert.All(steps.EnumerateArray(), s => Assert.Equal("10", s.GetProperty("clauseNumber").GetString()));
        var text = await ServerTextAsync(p.A, p.Id, DocumentOf(agreement), _ct);
        Assert.Contains($"Tpl{language} Mill", text, StringComparison.Ordinal);
    }

    [Fact]
    public void StepsAreReadInTheirOrderWithTheirDays()
    {
        var steps =
            Clauses.DisputeSteps("## 3. Disputes\n- Step 2: Mediation — within 21 days\n- Step 1: Talk - 7 days\n\n"
                + "## 4. Other\n- Step 9: Not read — 3 days\n");
        Assert.Equal([(1, "Talk", 7), (2, "Mediation", 21)], steps.Select(s => (s.Order, s.Name, s.Days)));
    }

    [Fact]
    public async Task AClauseLinkFollowsItsClauseThroughEditsRenumberingAndARetypedHeading()
    {
        var p = await TwoParties.CreateAsync(factory, "Link", _ct);
        var agreement = await p.CreateAgreementAsync(_ct);
        var docId = DocumentOf(agreement);
        var (status, link) = await p.A.Http.PostJsonAsync(p.Url($"/{IdOf(agreement)}/clauses/link"), new { number =
            "5" }, _ct);
        Assert.Equal(HttpStatusCode.OK, status);

        // A new clause 2 goes in before it (everything after is renumbered by hand), and text is typed inside it.
        await using var hub = await p.HubAsync(p.B, docId, _ct);
        var text = await ServerTextAsync(p.A, p.Id, docId, _ct);
        var at = text.IndexOf("## 2. Purpose", StringComparison.Ordinal);
        var revision = RevisionOf(await p.GetAsync(p.A, IdOf(agreement), _ct));
        var r = await InsertAsync(hub, docId, "b", 1, revision, at, "## 2. Background\nWhy we met.\n\n", _ct);
        text = await ServerTextAsync(p.A, p.Id, docId, _ct);
        var five = text.IndexOf("## 5. Profit", StringComparison.Ordinal);
        var op = TextOperation.Parse($"[{five + 3},{{\"d\":1}},\"6\"]");
        await hub.InvokeAsync<SubmitResult>(DocumentHubNames.Submit, SubmitRequest.Of(docId, "b", 2, r.Revision, op),
            _ct);

        var resolved = await ResolveAsync(p, link, _ct);
        Assert.Equal("6", resolved.GetProperty("number").GetString());
        Assert.Equal("Profit and cost sharing", resolved.GetProperty("title").GetString());
        Assert.Equal("followed", resolved.GetProperty("found").GetString());
        Assert.StartsWith("## 6. Profit and cost sharing", resolved.GetProperty("text").GetString(),
            StringComparison.Ordinal);

        // The heading is deleted and typed again: the link finds the clause by its title.
        text = await ServerTextAsync(p.A, p.Id, docId, _ct);
        var heading = "## 6. Profit and cost sharing";
        var start = text.IndexOf(heading, StringComparison.Ordinal);
        var retype = TextOperation.Parse(JsonSerializer.Serialize(new object[] { start, new { d = heading.Length },
            heading }));
        await hub.InvokeAsync<SubmitResult>(DocumentHubNames.Submit, SubmitRequest.Of(docId, "b", 3, r.Revision + 1,
            retype), _ct);
        var again = await ResolveAsync(p, link, _ct);
        Assert.Equal("6", again.GetProperty("number").GetString());
        Assert.Equal("title", again.GetProperty("found").GetString());
    }

    [Fact]
    public async Task BadClauseInputIsRefused()
    {
        var p = await TwoParties.CreateAsync(factory, "BadClause", _ct);
        var other = await TwoParties.CreateAsync(factory, "OtherClause", _ct);
        var agreement = await p.CreateAgreementAsync(_ct);
        var foreign = await other.CreateAgreementAsync(_ct);

        var none = await p.A.Http.PostJsonAsync(p.Url($"/{IdOf(agreement)}/clauses/link"), new { number = "42" }, _ct);
        Assert.Equal(HttpStatusCode.NotFound, none.Status);
        Assert.Equal(ErrorCodes.UnknownClause, none.Body.GetProperty("code").GetString());
        var across = await p.A.Http.PostJsonAsync(p.Url("/clauses/resolve"),
            new { agreementId = IdOf(foreign), revision = 1, from = 0, to = 5, number = "1", title = "Parties" }, _ct);
        Assert.Equal(HttpStatusCode.NotFound, across.Status);
        Assert.Equal(ErrorCodes.UnknownAgreement, across.Body.GetProperty("code").GetString());
        var compare = await p.A.Http.GetJsonAsync(p.Url($"/{IdOf(agreement)}/compare?from=banana"), _ct);
        Assert.Equal(HttpStatusCode.BadRequest, compare.Status);
        var future = await p.A.Http.GetJsonAsync(p.Url($"/{IdOf(agreement)}/compare?from=0&to=99"), _ct);
        Assert.Equal(HttpStatusCode.BadRequest, future.Status);
    }

    [Fact]
    public async Task CompareShowsTheChangedWordsInlineAndSideBySide()
    {
        var p = await TwoParties.CreateAsync(factory, "Diff", _ct);
        var agreement = await p.CreateAgreementAsync(_ct);
        var docId = DocumentOf(agreement);
        var from = RevisionOf(agreement);
        var text = await ServerTextAsync(p.A, p.Id, docId, _ct);
        var at = text.IndexOf("two years", StringComparison.Ordinal);
        await using var hub = await p.HubAsync(p.A, docId, _ct);
        var op = TextOperation.Parse(JsonSerializer.Serialize(new object[] { at, new { d = 3 }, "five" }));
        await hub.InvokeAsync<SubmitResult>(DocumentHubNames.Submit, SubmitRequest.Of(docId, "a", 1, from, op), _ct);

        var (status, diff) = await p.A.Http.GetJsonAsync(p.Url($"/{IdOf(agreement)}/compare?from={from}"), _ct);
        Assert.Equal(HttpStatusCode.OK, status);
        var inline = diff.GetProperty("inline").EnumerateArray().Select(s => (s.GetProperty("kind").GetString(),
            s.GetProperty("text").GetString())).ToList();
        Assert.Contains(("deleted", "two"), inline);
        Assert.Contains(("inserted", "five"), inline);
        Assert.Equal(1, diff.GetProperty("inserted").GetInt32());
        Assert.Equal(1, diff.GetProperty("deleted").GetInt32());
        var changed = diff.GetProperty("new").EnumerateArray().Single(l => l.GetProperty("kind").GetString() ==
            "changed");
        Assert.Contains(changed.GetProperty("segments").EnumerateArray(),
            s => s.GetProperty("kind").GetString() == "inserted" && s.GetProperty("text").GetString() == "five");
    }

    [Fact]
    public void TheDiffOfTwoTextsIsWordLevel()
    {
        var diff = AgreementDiff.Compare("Costs are shared 50 / 50 every quarter.",
            "Costs are shared 60 / 40 every quarter.", "a", "b");
        Assert.Equal("Costs are shared 50 / 50 every quarter.", string.Concat(diff.Inline.Where(s => s.Kind !=
            "inserted").Select(s => s.Text)));
        Assert.Equal("Costs are shared 60 / 40 every quarter.", string.Concat(diff.Inline.Where(s => s.Kind !=
            "deleted").Select(s => s.Text)));
        Assert.Equal(["50", "50"], diff.Inline.Where(s => s.Kind == "deleted").Select(s => s.Text));
        Assert.Equal(2, diff.Inserted);
    }

    private static async Task<JsonElement> ResolveAsync(TwoParties p, JsonElement link, CancellationToken ct)
    {
        var (status, body) = await p.B.Http.PostJsonAsync(p.Url("/clauses/resolve"), link, ct);
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        return body;
    }
}
