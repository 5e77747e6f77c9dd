using System.Net;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Meetings.MeetingTestKit;

namespace Workspace.Server.Tests.Features.Meetings;

public sealed class AgendaDecisionTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private const string Occurrence = "2026-10-27T10:00:00";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task CommentersAddAgendaItemsAnyMemberReadsThemAndTheOrderCanBeChanged()
    {
        var (_, commenter, viewer, _, url) = await AgendaWorldAsync(factory, _ct);

        var ids = new List<Guid>();
        foreach (var title in new[] { "KPI review", "Pilot budget", "Next steps" })
        {
            var (status, item) = await commenter.Http.PostJsonAsync(url,
                new { occurrence = Occurrence, title, ownerUserId = commenter.Id, minutes = 10 }, _ct);
            Assert.Equal(HttpStatusCode.OK, status);
            ids.Add(item.GetProperty("id").GetGuid());
        }
        var (viewerAdds, _) = await viewer.Http.PostJsonAsync(url, new { occurrence = Occurrence, title = "No",
            minutes = 5 }, _ct);
        var (reordered, _) = await commenter.Http.PostJsonAsync($"{url}/order",
            new { occurrence = Occurrence, itemIds = new[] { ids[2], ids[0], ids[1] }, version = 3 }, _ct);
        var (partial, problem) = await commenter.Http.PostJsonAsync($"{url}/order",
            new { occurrence = Occurrence, itemIds = new[] { ids[0] }, version = 4 }, _ct);
        var (_, agenda) = await viewer.Http.GetJsonAsync($"{url}?occurrence=20261027T100000", _ct);
        var (_, otherWeek) = await viewer.Http.GetJsonAsync($"{url}?occurrence=20261020T100000", _ct);

        Assert.Equal(HttpStatusCode.Forbidden, viewerAdds);
        Assert.Equal(HttpStatusCode.OK, reordered);
        Assert.Equal(HttpStatusCode.BadRequest, partial);
        Assert.Equal("agendaOrderMismatch", Code(problem, "itemIds"));
        Assert.Equal(["Next steps", "KPI review", "Pilot budget"],
            agenda.EnumerateArray().Select(a => a.GetProperty("title").GetString()));
        Assert.Equal("Cora Commenter", agenda[0].GetProperty("ownerName").GetString());
        Assert.Equal(0, otherWeek.GetArrayLength());
    }

    [Fact]
    public async Task AgendaLinksMustBelongToThePartnershipAndBadItemsSaveNothing()
    {
        var p = await TestPartnership.CreateAsync(factory, ct: _ct);
        var other = await TestPartnership.CreateAsync(factory, "Other owner", ct: _ct);
        var id = (await ScheduleAsync(p, p.Owner, Meeting(p.Owner.Id), _ct)).GetProperty("id").GetGuid();
        var (_, theirItem) = await other.Owner.Http.PostJsonAsync(other.Url("/action-items"),
            new { title = "Theirs", status = "Open", version = 0 }, _ct);
        var (_, ourItem) = await p.Owner.Http.PostJsonAsync(p.Url("/action-items"), new { title = "Ours",
            status = "Open", version = 0 }, _ct);
        var url = p.Url($"/meetings/{id}/agenda");

        var refusals = new (object Input, string Field, string Code)[]
        {
            (new { occurrence = Occurrence, title = "x", minutes = 5,
                link = new { kind = "ActionItem", id = theirItem.GetProperty("id").GetGuid() } }, "link",
                    "unknownLink"),
            (new { occurrence = Occurrence, title = "x", minutes = 5, link = new { kind = "Goal",
                id = Guid.NewGuid() } },
                "link", "unknownLink"),
            (new { occurrence = "2026-10-28T10:00:00", title = "x", minutes = 5 }, "occurrence", "unknownOccurrence"),
            (new { occurrence = Occurrence, title = "", minutes = 5 }, "title", "required"),
            (new { occurrence = Occurrence, title = "x", minutes = 999 }, "minutes", "outOfRange"),
        };
        foreach (var (input, field, code) in refusals)
        {
            var (status, problem) = await p.Owner.Http.PostJsonAsync(url, input, _ct);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal(code, Code(problem, field));
        }
        var (linked, item) = await p.Owner.Http.PostJsonAsync(url, new { occurrence = Occurrence, title = "Ours",
            minutes = 5,
            link = new { kind = "ActionItem", id = ourItem.GetProperty("id").GetGuid() } }, _ct);
        var (_, agenda) = await p.Owner.Http.GetJsonAsync($"{url}?occurrence=20261027T100000", _ct);

        Assert.Equal(HttpStatusCode.OK, linked);
        Assert.Equal("ActionItem", item.GetProperty("link").GetProperty("kind").GetString());
        Assert.Equal(1, agenda.GetArrayLength());
    }

    [Fact]
    public async Task DecisionChangesAreRevisionsWithWhoAndWhyAndALaterDecisionSupersedes()
    {
        var p = await TestPartnership.CreateAsync(factory, ct: _ct);
        var editor = await factory.JoinAsync(p.Owner, p.Id, PartnershipRole.Editor, "Eddie Editor", ct: _ct);
        var commenter = await factory.JoinAsync(p.Owner, p.Id, PartnershipRole.Commenter, "Cora Commenter", ct: _ct);
        var id = (await ScheduleAsync(p, p.Owner, Meeting(p.Owner.Id), _ct)).GetProperty("id").GetGuid();
        var decide = p.Url($"/meetings/{id}/decisions");
        var decision = new { occurrence = Occurrence, text = "Pilot in Surabaya", why = "Best partner site",
            partyIds = new[] { p.OwnerPartyId } };

        var (commenterDecides, _) = await commenter.Http.PostJsonAsync(decide, decision, _ct);
        var (_, first) = await editor.Http.PostJsonAsync(decide, decision, _ct);
        var firstId = first.GetProperty("id").GetGuid();
        var revise = p.Url($"/decisions/{firstId}/revisions");
        var (noReason, reasonProblem) = await editor.Http.PostJsonAsync(revise, new { text = "Pilot in Malang",
            reason = "", revision = 1 }, _ct);
        var (revised, second) = await editor.Http.PostJsonAsync(revise,
            new { text = "Pilot in Malang", why = "Lower cost", partyIds = new[] { p.OwnerPartyId },
                reason = "Budget cut", revision = 1 }, _ct);
        var (stale, _) = await editor.Http.PostJsonAsync(revise, new { text = "Again", reason = "Late",
            revision = 1 }, _ct);
        var (_, successor) = await editor.Http.PostJsonAsync(decide,
            new { occurrence = Occurrence, text = "Pilot in both cities", supersedesId = firstId }, _ct);
        var (twice, twiceProblem) = await editor.Http.PostJsonAsync(decide,
            new { occurrence = Occurrence, text = "Pilot nowhere", supersedesId = firstId }, _ct);
        var (_, log) = await commenter.Http.GetJsonAsync(p.Url("/decisions"), _ct);

        Assert.Equal(HttpStatusCode.Forbidden, commenterDecides);
        Assert.Equal(HttpStatusCode.BadRequest, noReason);
        Assert.Equal("required", Code(reasonProblem, "reason"));
        Assert.Equal(HttpStatusCode.OK, revised);
        Assert.Equal(2, second.GetProperty("revision").GetInt32());
        var revisions = second.GetProperty("revisions");
        Assert.Equal(["Pilot in Surabaya", "Pilot in Malang"],
            revisions.EnumerateArray().Select(r => r.GetProperty("text").GetString()));
        Assert.Equal("Budget cut", revisions[1].GetProperty("reason").GetString());
        Assert.Equal("Eddie Editor", revisions[1].GetProperty("changedByName").GetString());
        Assert.Equal(HttpStatusCode.Conflict, stale);
        Assert.Equal(firstId, successor.GetProperty("supersedesId").GetGuid());
        Assert.Equal(HttpStatusCode.BadRequest, twice);
        Assert.Equal("decisionSuperseded", Code(twiceProblem, "supersedesId"));
        var old = log.EnumerateArray().Single(d => d.GetProperty("id").GetGuid() == firstId);
        Assert.Equal(successor.GetProperty("id").GetGuid(), old.GetProperty("supersededById").GetGuid());
        Assert.Equal(2, log.GetArrayLength());
    }

    [Fact]
    public async Task DecisionPartiesAndLinksFromAnotherPartnershipAreRefused()
    {
        var p = await TestPartnership.CreateAsync(factory, ct: _ct);
        var other = await TestPartnership.CreateAsync(factory, "Other owner", ct: _ct);
        var id = (await ScheduleAsync(p, p.Owner, Meeting(p.Owner.Id, recurrence: "None"),
            _ct)).GetProperty("id").GetGuid();
        var (_, theirGoal) = await other.Owner.Http.PostJsonAsync(other.Url("/goals"),
            new { title = "Theirs", ownerPartyId = other.OwnerPartyId, version = 0 }, _ct);
        var decide = p.Url($"/meetings/{id}/decisions");

        var (party, partyProblem) = await p.Owner.Http.PostJsonAsync(decide, new { text = "x",
            partyIds = new[] { other.OwnerPartyId } }, _ct);
        var (link, linkProblem) = await p.Owner.Http.PostJsonAsync(decide, new { text = "x",
            links = new[] { new { kind = "Goal", id = theirGoal.GetProperty("id").GetGuid() } } }, _ct);
        var (occurrence, occurrenceProblem) = await p.Owner.Http.PostJsonAsync(decide,
            new { occurrence = Occurrence, text = "A single meeting has no occurrences" }, _ct);
        var (_, log) = await p.Owner.Http.GetJsonAsync(p.Url("/decisions"), _ct);

        Assert.Equal(HttpStatusCode.BadRequest, party);
        Assert.Equal("unknownParty", Code(partyProblem, "partyIds"));
        Assert.Equal(HttpStatusCode.BadRequest, link);
        Assert.Equal("unknownLink", Code(linkProblem, "links"));
        Assert.Equal(HttpStatusCode.BadRequest, occurrence);
        Assert.Equal("unknownOccurrence", Code(occurrenceProblem, "occurrence"));
        Assert.Equal(0, log.GetArrayLength());
    }

    [Fact]
    public async Task PrivateCalendarFeedNeedsNoCookieAndARevokedOrUnknownTokenIs404()
    {
        var p = await TestPartnership.CreateAsync(factory, ct: _ct);
        var guest = await factory.JoinAsync(p.Owner, p.Id, PartnershipRole.Viewer, "Gita Guest", ct: _ct);
        await ScheduleAsync(p, p.Owner, Meeting(p.Owner.Id, attendees: [guest.Id]), _ct);
        await ScheduleAsync(p, p.Owner, Meeting(p.Owner.Id, title: "Owners only"), _ct);
        var anonymous = await factory.AnonymousClientAsync(_ct);

        var (_, created) = await guest.Http.PostJsonAsync(p.Url("/calendar-feed"), new { }, _ct);
        var path = new Uri(created.GetProperty("url").GetString()!).PathAndQuery;
        var response = await anonymous.GetAsync(path, _ct);
        var calendar = Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync(_ct))!;
        var unknown = await anonymous.GetAsync("/api/calendar-feeds/" + new string('a', 64), _ct);
        var (_, renewed) = await guest.Http.PostJsonAsync(p.Url("/calendar-feed"), new { }, _ct);
        var oldAfterRenewal = await anonymous.GetAsync(path, _ct);
        var newPath = new Uri(renewed.GetProperty("url").GetString()!).PathAndQuery;
        var newWorks = await anonymous.GetAsync(newPath, _ct);
        await guest.Http.SendJsonAsync(HttpMethod.Delete, p.Url("/calendar-feed"), null, _ct);
        var afterDelete = await anonymous.GetAsync(newPath, _ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Weekly partner sync", Assert.Single(calendar.Events)!.Summary);
        Assert.Contains(calendar.Events[0]!.Attendees, a => a.Value!.ToString().Contains(guest.Email,
            StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, oldAfterRenewal.StatusCode);
        Assert.Equal(HttpStatusCode.OK, newWorks.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, afterDelete.StatusCode);
    }
}
