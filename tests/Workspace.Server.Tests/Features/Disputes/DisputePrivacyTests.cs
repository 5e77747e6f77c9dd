using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Server.Tests.Features.Disputes;

/// <summary>Confidential notes reach the writer's own party only: over REST and over live push.</summary>
public sealed class DisputePrivacyTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private const string Secret = "Our floor is a 20% refund; do not go lower";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task ANoteIsReadAndPushedOnlyWithinTheWritersParty()
    {
        var w = await TwoParties.CreateAsync(factory, "Notes", _ct);
        var aColleague = await factory.JoinAsync(w.A, w.P.Id, PartnershipRole.Commenter, "Notes A colleague", ct: _ct);
        var id = (await w.RaiseAsync(w.A, TwoParties.Raise(), _ct)).GetProperty("id").GetGuid();
        var (toA, hubA) = await ListenAsync(aColleague, w.P.Id);
        var (toB, hubB) = await ListenAsync(w.B, w.P.Id);
        await using (hubA)
        await using (hubB)
        {
            var note = await TwoParties.OkAsync(w.A.Http.PostJsonAsync(
                w.Url($"/disputes/{id}/notes"),
                new { text = Secret },
                _ct));
            // A later public change B does receive, so B's silence about the note is not a dead connection.
            await TwoParties.OkAsync(w.B.Http.PostJsonAsync(
                w.Url($"/disputes/{id}/messages"),
                new { text = "We can talk Monday." },
                _ct));

            await Eventually.TrueAsync(() => Received(toA).Contains(Secret, StringComparison.Ordinal), _ct);
            await Eventually.TrueAsync(
                () => Received(toB).Contains("We can talk Monday.", StringComparison.Ordinal),
                _ct);
            Assert.Equal(w.PartyA, note.GetProperty("partyId").GetGuid());
            Assert.DoesNotContain(Secret, Received(toB), StringComparison.Ordinal);
            Assert.DoesNotContain("dispute.note", Received(toB), StringComparison.Ordinal);
        }

        var mine = await TwoParties.OkAsync(aColleague.Http.GetJsonAsync(w.Url($"/disputes/{id}/notes"), _ct));
        var theirs = await TwoParties.OkAsync(w.B.Http.GetJsonAsync(w.Url($"/disputes/{id}/notes"), _ct));
        Assert.Equal(Secret, Assert.Single(mine.EnumerateArray()).GetProperty("text").GetString());
        Assert.Equal(0, theirs.GetArrayLength());
        foreach (var path in new[] { $"/disputes/{id}", "/disputes", "/activity", "/dashboard" })
        {
            Assert.DoesNotContain(Secret, await w.B.Http.GetStringAsync(w.Url(path), _ct), StringComparison.Ordinal);
        }
    }

    private async Task<(List<string> Events, HubConnection Hub)> ListenAsync(TestUser user, Guid partnershipId)
    {
        var events = new List<string>();
        var hub = factory.Hub(user, "/hubs/partnership");
        hub.On<JsonElement>(
            nameof(IPartnershipClient.PartnershipChanged),
            e => { lock (events) { events.Add(e.GetRawText()); } });
        await hub.StartAsync(_ct);
        await hub.InvokeAsync<JsonElement>("JoinPartnership", partnershipId, _ct);
        return (events, hub);
    }

    private static string Received(List<string> events)
    {
        lock (events) { return string.Join('\n', events); }
    }
}

/// <summary>Roles, ids of other partnerships and bad input: refused with a code, and nothing changes.</summary>
public sealed class DisputeAccessTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task MembersReadEditorsActCommentersTalkAndStrangersSeeNothing()
    {
        var w = await TwoParties.CreateAsync(factory, "Roles", _ct);
        var viewer = await w.JoinBAsync(PartnershipRole.Viewer, "Roles B viewer", _ct);
        var commenter = await w.JoinBAsync(PartnershipRole.Commenter, "Roles B commenter", _ct);
        var stranger = await factory.SignUpAsync("Roles stranger", ct: _ct);
        var id = (await w.RaiseAsync(w.B, TwoParties.Raise(), _ct)).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.OK, (await viewer.Http.GetJsonAsync(w.Url($"/disputes/{id}"), _ct)).Status);
        Assert.Equal(
            HttpStatusCode.Forbidden,
            (await viewer.Http.PostJsonAsync(w.Url("/disputes"), TwoParties.Raise(), _ct)).Status);
        Assert.Equal(
            HttpStatusCode.Forbidden,
            (await viewer.Http.PostJsonAsync(w.Url($"/disputes/{id}/messages"), new { text = "x" }, _ct)).Status);
        Assert.Equal(
            HttpStatusCode.OK,
            (await commenter.Http.PostJsonAsync(w.Url($"/disputes/{id}/messages"), new { text = "Noted." }, _ct))
                .Status);
        Assert.Equal(
            HttpStatusCode.OK,
            (await commenter.Http.PostJsonAsync(w.Url($"/disputes/{id}/notes"), new { text = "Internal" }, _ct))
                .Status);
        Assert.Equal(
            HttpStatusCode.Forbidden,
            (await commenter.Http.PostJsonAsync(w.Url($"/disputes/{id}/proposals"), new { text = "x" }, _ct)).Status);
        Assert.Equal(
            HttpStatusCode.Forbidden,
            (await commenter.Http.PostJsonAsync(w.Url($"/disputes/{id}/steps/next"), new { fromStep = 0 }, _ct))
                .Status);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetJsonAsync(w.Url($"/disputes/{id}"), _ct)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetJsonAsync(w.Url("/disputes"), _ct)).Status);
        var d = await w.GetAsync(viewer, id, _ct);
        Assert.Equal(w.PartyB, d.GetProperty("raisedByPartyId").GetGuid());
        Assert.Equal(0, d.GetProperty("proposals").GetArrayLength());
        Assert.Equal(0, d.GetProperty("currentStep").GetInt32());
    }

    [Fact]
    public async Task IdsOfAnotherPartnershipAreRefusedAndChangeNothing()
    {
        var w = await TwoParties.CreateAsync(factory, "Own", _ct);
        var other = await PartnershipWorld.CreateAsync(factory, "Foreign", _ct);
        var mine = (await w.RaiseAsync(w.A, TwoParties.Raise(), _ct)).GetProperty("id").GetGuid();
        var before = await SnapshotAsync(w);
        var cases = new (object Body, string Code)[]
        {
            (TwoParties.Raise(evidence: [new { kind = "Document", id = other.DocumentId }]), "unknownLink"),
            (TwoParties.Raise(evidence: [new { kind = "ActionItem", id = other.ItemId }]), "unknownLink"),
            (TwoParties.Raise(evidence: [new { kind = "Decision", id = other.DecisionId }]), "unknownLink"),
            (TwoParties.Raise(evidence: [new { kind = "Goal", id = other.GoalId }]), "unknownLink"),
            (TwoParties.Raise(clause: new { agreementId = other.AgreementId, clause = "7" }), "unknownClause"),
            (TwoParties.Raise(partyIds: [other.PartyId]), "unknownParty"),
            (TwoParties.Raise(partyIds: [w.PartyA]), "disputeNeedsOtherParty"),
        };
        foreach (var (body, code) in cases)
        {
            var (status, problem) = await w.A.Http.PostJsonAsync(w.Url("/disputes"), body, _ct);
            Assert.True(status == HttpStatusCode.BadRequest, $"{code}: {(int)status} {problem}");
            Assert.Equal(code, TwoParties.Code(problem));
        }
        var foreignMeeting = await w.A.Http.PostJsonAsync(w.Url($"/disputes/{mine}/proposals"),
            new { text = "x", decision = new { meetingId = other.MeetingId, text = "y" } }, _ct);
        var foreignOwner = await w.A.Http.PostJsonAsync(w.Url($"/disputes/{mine}/proposals"),
            new { text = "x", actionItems = new[] { new { title = "y", ownerUserId = other.Owner.Id } } }, _ct);
        var foreignDispute = await w.A.Http.GetJsonAsync(w.Url($"/disputes/{Guid.NewGuid()}"), _ct);
        var foreignReply = await w.A.Http.PostJsonAsync(
            w.Url($"/disputes/{mine}/messages"),
            new { text = "x", replyToId = Guid.NewGuid() },
            _ct);
        Assert.Equal("unknownMeeting", TwoParties.Code(foreignMeeting.Body));
        Assert.Equal("notAMember", TwoParties.Code(foreignOwner.Body));
        Assert.Equal(
            (HttpStatusCode.NotFound, "unknownDispute"),
            (foreignDispute.Status, TwoParties.Code(foreignDispute.Body)));
        Assert.Equal("unknownMessage", TwoParties.Code(foreignReply.Body));
        Assert.Equal(before, await SnapshotAsync(w));
    }

    [Fact]
    public async Task BadInputIsRefusedWithACodeAndChangesNothing()
    {
        var w = await TwoParties.CreateAsync(factory, "Bad", _ct);
        var id = (await w.RaiseAsync(w.A, TwoParties.Raise(), _ct)).GetProperty("id").GetGuid();
        var before = await SnapshotAsync(w);
        var cases = new (string Path, object Body, string Code)[]
        {
            ("/disputes", TwoParties.Raise(title: " "), "required"),
            ("/disputes", TwoParties.Raise(title: new string('x', 201)), "tooLong"),
            ("/disputes", TwoParties.Raise(category: "Gossip"), "invalidValue"),
            (
                "/disputes",
                TwoParties.Raise(evidence: Enumerable.Range(0, 21).Select(_ => (object)new {
                    kind = "Document",
                    id = Guid.NewGuid()
                }).ToArray()),
                "tooLong"),
            ($"/disputes/{id}/proposals", new { text = "" }, "required"),
            (
                $"/disputes/{id}/proposals",
                new { text = "x", actionItems = new[] { new { title = "y", dueDate = "1999-12-31" } } },
                "dateOutOfRange"),
            ($"/disputes/{id}/messages", new { text = new string('m', 4001) }, "tooLong"),
            ($"/disputes/{id}/notes", new { text = "  " }, "required"),
            ($"/disputes/{id}/steps/next", new { fromStep = 2 }, "stepChanged"),
        };
        foreach (var (path, body, code) in cases)
        {
            var (status, problem) = await w.A.Http.PostJsonAsync(w.Url(path), body, _ct);
            Assert.True(status == HttpStatusCode.BadRequest, $"{path} {code}: {(int)status} {problem}");
            Assert.Equal(code, TwoParties.Code(problem));
        }
        Assert.Equal(before, await SnapshotAsync(w));
    }

    private async Task<string> SnapshotAsync(TwoParties w)
    {
        var text = new System.Text.StringBuilder();
        foreach (var path in new[] { "/disputes", "/action-items", "/decisions", "/activity" })
        {
            text.AppendLine(await w.A.Http.GetStringAsync(w.Url(path), _ct));
        }
        foreach (var d in (await TwoParties.OkAsync(w.A.Http.GetJsonAsync(w.Url("/disputes"), _ct))).EnumerateArray())
        {
            var id = d.GetProperty("id").GetGuid();
            text.AppendLine(await w.A.Http.GetStringAsync(w.Url($"/disputes/{id}"), _ct));
            text.AppendLine(await w.A.Http.GetStringAsync(w.Url($"/disputes/{id}/notes"), _ct));
        }
        return text.ToString();
    }
}
