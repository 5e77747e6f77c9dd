using System.Net;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Workspace.Collaboration.Documents;
using Workspace.Collaboration.Ot;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Documents.DocumentTestKit;
using static Workspace.Server.Tests.Features.Meetings.MeetingTestKit;

namespace Workspace.Server.Tests.Features.Meetings;

/// <summary>Each meeting's notes: one partnership document per occurrence, co-edited like a plan.</summary>
public sealed class MeetingNotesTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private const string Occurrence = "2026-10-27T10:00:00";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoPeopleOpeningTheNotesAtOnceGetOneDocumentOfThePartnership()
    {
        var p = await TestPartnership.CreateAsync(factory, "Nina Owner", ct: _ct);
        var partnerParty = await p.Owner.AddPartyAsync(p.Id, "Koperasi Tani", _ct);
        var partner = await factory.JoinAsync(p.Owner, p.Id, PartnershipRole.Editor, "Budi Partner", partnerParty.Id,
            ct: _ct);
        var id = (await ScheduleAsync(p, p.Owner, Meeting(p.Owner.Id, attendees: [partner.Id]), _ct))
            .GetProperty("id").GetGuid();
        var url = p.Url($"/meetings/{id}/notes");

        var opened = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            (i % 2 == 0 ? p.Owner : partner).Http.PostJsonAsync(url, new { occurrence = Occurrence }, _ct)));
        var nextWeek = await p.Owner.Http.PostJsonAsync(url, new { occurrence = "2026-11-03T10:00:00" }, _ct);
        var (_, papers) = await partner.Http.GetJsonAsync(p.Url($"/meetings/{id}/papers?occurrence=20261027T100000"),
            _ct);
        var (_, documents) = await p.Owner.Http.GetJsonAsync(p.Url("/documents"), _ct);
        var (_, marked) = await p.Owner.Http.GetJsonAsync(p.Url("/meeting-documents"), _ct);

        Assert.All(opened, o => Assert.Equal(HttpStatusCode.OK, o.Status));
        var ids = opened.Select(o => o.Body.GetProperty("documentId").GetGuid()).Distinct().ToList();
        var notesId = Assert.Single(ids);
        Assert.Equal(notesId, papers.GetProperty("notes").GetProperty("documentId").GetGuid());
        Assert.Equal("Notes", papers.GetProperty("notes").GetProperty("kind").GetString());
        Assert.Equal(JsonValueKindNull, papers.GetProperty("minutes").ValueKind);
        Assert.NotEqual(notesId, nextWeek.Body.GetProperty("documentId").GetGuid());
        Assert.Equal(1, documents.EnumerateArray().Count(d => d.GetProperty("id").GetGuid() == notesId));
        Assert.Equal(2, marked.GetArrayLength());
        Assert.All(marked.EnumerateArray(), m => Assert.Equal(id, m.GetProperty("meetingId").GetGuid()));
    }

    [Fact]
    public async Task NotesAreCoEditedLiveThroughTheDocumentHubAndViewersOnlyRead()
    {
        var p = await TestPartnership.CreateAsync(factory, "Sari Owner", ct: _ct);
        var partnerParty = await p.Owner.AddPartyAsync(p.Id, "PT Mitra", _ct);
        var partner = await factory.JoinAsync(p.Owner, p.Id, PartnershipRole.Editor, "Made Partner", partnerParty.Id,
            ct: _ct);
        var viewer = await factory.JoinAsync(p.Owner, p.Id, PartnershipRole.Viewer, "Vera Viewer", ct: _ct);
        var id = (await ScheduleAsync(p, p.Owner, Meeting(p.Owner.Id, recurrence: "None",
            start: "2026-10-27T10:00:00"), _ct)).GetProperty("id").GetGuid();
        var (_, notes) = await partner.Http.PostJsonAsync(p.Url($"/meetings/{id}/notes"), new { }, _ct);
        var notesId = notes.GetProperty("documentId").GetGuid();
        var (viewerStarts, _) = await viewer.Http.PostJsonAsync(p.Url($"/meetings/{id}/notes"), new { }, _ct);

        var (ownerHub, ownerSession) = await OpenAsync(factory, p.Owner, notesId, _ct);
        var (partnerHub, partnerSession) = await OpenAsync(factory, partner, notesId, _ct);
        var (viewerHub, viewerSession) = await OpenAsync(factory, viewer, notesId, _ct);
        for (var i = 0; i < 20; i++)
        {
            ownerSession.Insert(ownerSession.Length, $"owner {i}. ");
            partnerSession.Insert(0, $"mitra {i}. ");
        }
        await SyncedAsync(ownerSession, _ct);
        await SyncedAsync(partnerSession, _ct);
        var server = await ServerTextAsync(viewer, p.Id, notesId, _ct);
        await EventuallyAsync(() => viewerSession.Text == server && ownerSession.Text == server
            && partnerSession.Text == server, TimeSpan.FromSeconds(10), "every attendee sees the same notes", _ct);
        var refused = await Assert.ThrowsAsync<HubException>(() => viewerHub.InvokeAsync<SubmitResult>(
            DocumentHubNames.Submit, SubmitRequest.Of(notesId, "viewer-1", 1, viewerSession.Revision,
                TextOperation.Insert(0, "sneaky ")), _ct));

        Assert.Equal(HttpStatusCode.Forbidden, viewerStarts);
        Assert.All(Enumerable.Range(0, 20), i =>
        {
            Assert.Contains($"owner {i}. ", server, StringComparison.Ordinal);
            Assert.Contains($"mitra {i}. ", server, StringComparison.Ordinal);
        });
        Assert.Contains("roleTooLow", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sneaky", await ServerTextAsync(p.Owner, p.Id, notesId, _ct), StringComparison.Ordinal);
        foreach (var hub in new[] { ownerHub, partnerHub, viewerHub })
        {
            await hub.DisposeAsync();
        }
    }

    [Fact]
    public async Task NotesOfAnotherPartnershipsMeetingOrAWrongOccurrenceAreRefusedAndNothingIsMade()
    {
        var p = await TestPartnership.CreateAsync(factory, "Owner One", ct: _ct);
        var other = await TestPartnership.CreateAsync(factory, "Owner Two", ct: _ct);
        var ours = (await ScheduleAsync(p, p.Owner, Meeting(p.Owner.Id), _ct)).GetProperty("id").GetGuid();
        var theirs = (await ScheduleAsync(other, other.Owner, Meeting(other.Owner.Id), _ct)).GetProperty("id")
            .GetGuid();

        var (foreign, foreignProblem) = await p.Owner.Http.PostJsonAsync(p.Url($"/meetings/{theirs}/notes"),
            new { occurrence = Occurrence }, _ct);
        var (noSuchDate, dateProblem) = await p.Owner.Http.PostJsonAsync(p.Url($"/meetings/{ours}/notes"),
            new { occurrence = "2026-10-28T10:00:00" }, _ct);
        var (noDate, _) = await p.Owner.Http.PostJsonAsync(p.Url($"/meetings/{ours}/notes"), new { }, _ct);
        var (badKey, keyProblem) = await p.Owner.Http.GetJsonAsync(p.Url($"/meetings/{ours}/papers?occurrence=soon"),
            _ct);
        var (_, marked) = await p.Owner.Http.GetJsonAsync(p.Url("/meeting-documents"), _ct);
        var (_, documents) = await p.Owner.Http.GetJsonAsync(p.Url("/documents"), _ct);

        Assert.Equal(HttpStatusCode.NotFound, foreign);
        Assert.Equal("unknownMeeting", foreignProblem.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, noSuchDate);
        Assert.Equal("unknownOccurrence", Code(dateProblem, "occurrence"));
        Assert.Equal(HttpStatusCode.BadRequest, noDate);
        Assert.Equal(HttpStatusCode.BadRequest, badKey);
        Assert.Equal("unknownOccurrence", Code(keyProblem, "occurrence"));
        Assert.Equal(0, marked.GetArrayLength());
        Assert.Equal(0, documents.GetArrayLength());
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
