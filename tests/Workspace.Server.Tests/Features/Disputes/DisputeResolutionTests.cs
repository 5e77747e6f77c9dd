using System.Net;
using System.Text.Json;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Server.Tests.Features.Disputes;

public sealed class DisputeResolutionTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task AResolutionNeedsEveryInvolvedPartyOnceAndCreatesItsActionItemAndDecision()
    {
        var w = await TwoParties.CreateAsync(factory, "Resolve", _ct);
        var partyC = await w.A.AddPartyAsync(w.P.Id, "Resolve C", _ct);
        var c = await factory.JoinAsync(w.A, w.P.Id, PartnershipRole.Editor, "Resolve C editor", partyC.Id, ct: _ct);
        var bViewer = await w.JoinBAsync(PartnershipRole.Viewer, "Resolve B viewer", _ct);
        var meeting = await TwoParties.OkAsync(w.A.Http.PostJsonAsync(w.Url("/meetings"), Meetings.MeetingTestKit
            .Meeting(w.A.Id, recurrence: "None", title: "Settlement call"), _ct));
        var id = (await w.RaiseAsync(w.A, TwoParties.Raise(partyIds: [w.PartyB]), _ct)).GetProperty("id").GetGuid();
        var proposal = TwoParties.LastProposal(await w.ProposeAsync(w.A, id, new
        {
            text = "We ship batch 4 free of charge.",
            actionItems = new[] { new {
                title = "Ship batch 4 at no charge",
                ownerUserId = w.A.Id,
                dueDate = "2027-01-20"
            } },
            decision = new { meetingId = meeting.GetProperty("id").GetGuid(), text = "Batch 4 ships free of charge" },
        }, _ct));

        await TwoParties.OkAsync(w.AnswerAsync(w.A, id, proposal, true, _ct));
        var twice = await w.AnswerAsync(w.A, id, proposal, true, _ct);
        var outsider = await w.AnswerAsync(c, id, proposal, true, _ct);
        var viewer = await w.AnswerAsync(bViewer, id, proposal, true, _ct);

        Assert.Equal((HttpStatusCode.BadRequest, "alreadyAnswered"), (twice.Status, TwoParties.Code(twice.Body)));
        Assert.Equal((HttpStatusCode.Forbidden, "notInvolved"), (outsider.Status, TwoParties.Code(outsider.Body)));
        Assert.Equal((HttpStatusCode.Forbidden, "roleTooLow"), (viewer.Status, TwoParties.Code(viewer.Body)));
        var pending = await w.GetAsync(w.B, id, _ct);
        Assert.Equal("Open", pending.GetProperty("status").GetString());
        Assert.Single(pending.GetProperty("proposals")[0].GetProperty("answers").EnumerateArray());
        Assert.DoesNotContain(
            "Ship batch 4",
            await w.A.Http.GetStringAsync(w.Url("/action-items"), _ct),
            StringComparison.Ordinal);

        var resolved = await TwoParties.OkAsync(w.AnswerAsync(w.B, id, proposal, true, _ct));

        Assert.Equal("Resolved", resolved.GetProperty("status").GetString());
        Assert.Equal(proposal, resolved.GetProperty("resolvedByProposalId").GetGuid());
        // The item and decision are made after the resolution is stored, in turns of their own.
        resolved = await w.UntilAsync(w.B, id, d => d.GetProperty("timeline").GetArrayLength() == 7, _ct);
        var items = await TwoParties.OkAsync(w.B.Http.GetJsonAsync(w.Url("/action-items"), _ct));
        var item = Assert.Single(
            items.EnumerateArray(),
            i => i.GetProperty("title").GetString() == "Ship batch 4 at no charge");
        Assert.Equal(w.A.Id, item.GetProperty("ownerUserId").GetString());
        Assert.Equal("2027-01-20", item.GetProperty("dueDate").GetString());
        var decisions = await w.B.Http.GetStringAsync(w.Url("/decisions"), _ct);
        Assert.Contains("Batch 4 ships free of charge", decisions, StringComparison.Ordinal);
        var kinds = resolved.GetProperty("timeline")
            .EnumerateArray()
            .Select(e => e.GetProperty("kind").GetString())
            .ToList();
        Assert.Equal(
            ["raised", "proposed", "accepted", "accepted", "resolved", "itemCreated", "decisionRecorded"],
            kinds);
        var after = await w.AnswerAsync(w.B, id, proposal, false, _ct);
        Assert.Equal("disputeResolved", TwoParties.Code(after.Body));
    }

    /// <summary>The action item of a resolution notes where it came from in the language of the person whose
    /// acceptance resolved the dispute; a language the product does not have is refused and records no
    /// answer.</summary>
    [Fact]
    public async Task AResolutionNotesItsActionItemsOriginInTheResolversLanguage()
    {
        var w = await TwoParties.CreateAsync(factory, "Bahasa", _ct);
        var id = (await w.RaiseAsync(w.A, TwoParties.Raise(partyIds: [w.PartyB]), _ct)).GetProperty("id").GetGuid();
        var proposal = TwoParties.LastProposal(await w.ProposeAsync(w.A, id, new
        {
            text = "Kami kirim ulang batch 4.",
            actionItems = new[] { new { title = "Kirim ulang batch 4", ownerUserId = w.A.Id, dueDate = "2027-02-01" } },
        }, _ct));
        var answer = w.Url($"/disputes/{id}/proposals/{proposal}/answer");

        var (badStatus, bad) = await w.A.Http.PostJsonAsync(answer, new { accept = true, language = "fr" }, _ct);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        Assert.Empty((await w.GetAsync(w.A, id, _ct)).GetProperty("proposals")[0].GetProperty("answers")
            .EnumerateArray());
        await TwoParties.OkAsync(w.A.Http.PostJsonAsync(answer, new { accept = true, language = "en" }, _ct));
        await TwoParties.OkAsync(w.B.Http.PostJsonAsync(answer, new { accept = true, language = "id" }, _ct));

        await w.UntilAsync(w.B, id, d => d.GetProperty("timeline").GetArrayLength() == 6, _ct);
        var items = await TwoParties.OkAsync(w.B.Http.GetJsonAsync(w.Url("/action-items"), _ct));
        var item = Assert.Single(
            items.EnumerateArray(),
            i => i.GetProperty("title").GetString() == "Kirim ulang batch 4");
        var notes = item.GetProperty("notes").GetString();
        Assert.StartsWith("Penyelesaian sengketa D", notes, StringComparison.Ordinal);
        Assert.EndsWith($"/p/{w.P.Id}/disputes/{id}", notes, StringComparison.Ordinal);
        Assert.Contains("\"language\"", bad.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARejectionClosesTheProposalAndOnlyItsPartyWithdrawsOne()
    {
        var w = await TwoParties.CreateAsync(factory, "Reject", _ct);
        var id = (await w.RaiseAsync(w.A, TwoParties.Raise(), _ct)).GetProperty("id").GetGuid();
        var first = TwoParties.LastProposal(await w.ProposeAsync(w.A, id, new { text = "Half the fee back." }, _ct));
        var second = TwoParties.LastProposal(await w.ProposeAsync(w.A, id, new { text = "A quarter back." }, _ct));

        await TwoParties.OkAsync(w.AnswerAsync(w.B, id, first, false, _ct));
        var late = await w.AnswerAsync(w.A, id, first, true, _ct);
        var (notTheirs, problem) = await w.B.Http.PostJsonAsync(
            w.Url($"/disputes/{id}/proposals/{second}/withdraw"),
            new { },
            _ct);
        await TwoParties.OkAsync(w.A.Http.PostJsonAsync(
            w.Url($"/disputes/{id}/proposals/{second}/withdraw"),
            new { },
            _ct));

        Assert.Equal("proposalClosed", TwoParties.Code(late.Body));
        Assert.Equal((HttpStatusCode.Forbidden, "notYourProposal"), (notTheirs, TwoParties.Code(problem)));
        var d = await w.GetAsync(w.A, id, _ct);
        Assert.Equal(
            ["Rejected", "Withdrawn"],
            d.GetProperty("proposals").EnumerateArray().Select(p => p.GetProperty("status").GetString()));
        Assert.Equal("Open", d.GetProperty("status").GetString());
    }

    /// <summary>B's acceptance (the last one missing) and A's withdrawal of the same proposal race: exactly one wins,
    /// and the dispute is resolved exactly when the acceptance did.</summary>
    [Fact]
    public async Task AConcurrentAcceptanceAndWithdrawalHaveExactlyOneOutcome()
    {
        var w = await TwoParties.CreateAsync(factory, "Race", _ct);
        for (var round = 0; round < 8; round++)
        {
            var id = (await w.RaiseAsync(w.A, TwoParties.Raise($"Race {round}"), _ct)).GetProperty("id").GetGuid();
            var proposal = TwoParties.LastProposal(await w.ProposeAsync(w.A, id, new
            {
                text = "Split the cost.", actionItems = new[] { new { title = $"Split invoice {round}" } },
            }, _ct));
            await TwoParties.OkAsync(w.AnswerAsync(w.A, id, proposal, true, _ct));

            var accept = w.AnswerAsync(w.B, id, proposal, true, _ct);
            var withdraw = w.A.Http.PostJsonAsync(w.Url($"/disputes/{id}/proposals/{proposal}/withdraw"), new { }, _ct);
            var (accepted, withdrawn) = (await accept, await withdraw);

            Assert.True(accepted.Status == HttpStatusCode.OK ^ withdrawn.Status == HttpStatusCode.OK,
                $"round {round}: accept {accepted.Status}, withdraw {withdrawn.Status}");
            var loser = accepted.Status == HttpStatusCode.OK ? withdrawn : accepted;
            Assert.Contains(TwoParties.Code(loser.Body), new[] { "proposalClosed", "disputeResolved" });
            var d = await w.GetAsync(w.B, id, _ct);
            Assert.Equal(
                accepted.Status == HttpStatusCode.OK ? "Resolved" : "Open",
                d.GetProperty("status").GetString());
            var items = await w.A.Http.GetStringAsync(w.Url("/action-items"), _ct);
            Assert.Equal(
                accepted.Status == HttpStatusCode.OK,
                items.Contains($"Split invoice {round}", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task TwoProposalsAcceptedAtOnceResolveTheDisputeOnce()
    {
        var w = await TwoParties.CreateAsync(factory, "Double", _ct);
        for (var round = 0; round < 5; round++)
        {
            var id = (await w.RaiseAsync(w.A, TwoParties.Raise($"Double {round}"), _ct)).GetProperty("id").GetGuid();
            var one = TwoParties.LastProposal(await w.ProposeAsync(w.A, id, new { text = "Option one" }, _ct));
            var two = TwoParties.LastProposal(await w.ProposeAsync(w.A, id, new { text = "Option two" }, _ct));
            await TwoParties.OkAsync(w.AnswerAsync(w.A, id, one, true, _ct));
            await TwoParties.OkAsync(w.AnswerAsync(w.A, id, two, true, _ct));

            var answers = await Task.WhenAll(
                w.AnswerAsync(w.B, id, one, true, _ct),
                w.AnswerAsync(w.B, id, two, true, _ct));

            Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
            var d = await w.GetAsync(w.A, id, _ct);
            Assert.Single(
                d.GetProperty("timeline").EnumerateArray(),
                e => e.GetProperty("kind").GetString() == "resolved");
            Assert.Single(
                d.GetProperty("proposals").EnumerateArray(),
                p => p.GetProperty("status").GetString() == "Accepted");
        }
    }

    internal static string Json(JsonElement e) => e.GetRawText();
}
