using System.Text.Json;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Features.Documents;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Notifications.NotificationWorld;

namespace Workspace.Server.Tests.Features.Notifications;

/// <summary>Each event reaches exactly the people it concerns: never the actor, never another partnership.</summary>
public sealed class NotificationEventTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnAgreementSentForSignOffAsksTheSignatoriesOfEachPartyButNotTheSender()
    {
        var w = await NotificationWorld.CreateAsync(factory, "Sign", _ct);
        var agreement = (await OkAsync(w.Rina.Http.PostJsonAsync(w.P.Url("/agreements"),
            new { title = "Cooperation MoU", language = "en" }, _ct))).GetProperty("id").GetGuid();

        await OkAsync(w.Rina.Http.PostJsonAsync(w.P.Url($"/agreements/{agreement}/review"), new { }, _ct));

        var budi = Assert.Single(await ItemsAsync(w.Budi, _ct));
        Assert.Equal(("agreement.awaitsSignOff", "Cooperation MoU", $"/p/{w.P.Id}/agreements/{agreement}"),
            (Kind(budi), Title(budi), budi.GetProperty("link").GetString()));
        Assert.Empty(await ItemsAsync(w.Rina, _ct));
        Assert.Empty(await ItemsAsync(w.Sari, _ct)); // a commenter is no signatory
        Assert.Empty(await ItemsAsync(w.Other.Owner, _ct));
    }

    [Fact]
    public async Task ADisputeTellsThePeopleOfTheInvolvedPartiesOnly()
    {
        var w = await NotificationWorld.CreateAsync(factory, "Dispute", _ct);
        var partyC = await w.Rina.AddPartyAsync(w.P.Id, "Dispute C", _ct);
        var cici = await factory.JoinAsync(w.Rina, w.P.Id, PartnershipRole.Editor, "Dispute Cici", partyC.Id,
            ct: _ct);
        var budiColleague = await factory.JoinAsync(w.Budi, w.P.Id, PartnershipRole.Viewer, "Dispute Bayu", w.PartyB,
            ct: _ct);

        var dispute = await OkAsync(w.Budi.Http.PostJsonAsync(w.P.Url("/disputes"), new
        {
            title = "Late delivery of batch 3", description = "Twelve days late.", category = "Delivery",
            severity = "High", evidence = Array.Empty<object>(), partyIds = new[] { w.PartyA },
        }, _ct));

        foreach (var told in new[] { w.Rina, w.Sari, budiColleague })
        {
            var n = Assert.Single(await ItemsAsync(told, _ct));
            Assert.Equal(("dispute.raised", "Late delivery of batch 3"), (Kind(n), Title(n)));
            Assert.Equal($"/p/{w.P.Id}/disputes/{dispute.GetProperty("id").GetGuid()}", n.GetProperty("link")
                .GetString());
        }
        Assert.Empty(await ItemsAsync(w.Budi, _ct));
        Assert.Empty(await ItemsAsync(cici, _ct));
        Assert.Empty(await ItemsAsync(w.Other.Owner, _ct));
    }

    [Fact]
    public async Task AReviewRoundAsksEveryMemberButTheOneWhoOpenedIt()
    {
        var w = await NotificationWorld.CreateAsync(factory, "Review", _ct);

        var round = await OkAsync(w.Budi.Http.PostJsonAsync(w.P.Url("/reviews"), new
        {
            title = "First half-year review", periodFrom = "2026-06-01", periodTo = "2026-11-30",
            closesOn = DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo
                .InvariantCulture),
        }, _ct));

        foreach (var told in new[] { w.Rina, w.Sari })
        {
            var n = Assert.Single(await ItemsAsync(told, _ct));
            Assert.Equal(("review.opened", "First half-year review", 1),
                (Kind(n), Title(n), n.GetProperty("args").GetProperty("number").GetInt32()));
            Assert.Equal($"/p/{w.P.Id}/reviews/{round.GetProperty("id").GetGuid()}",
                n.GetProperty("link").GetString());
        }
        Assert.Empty(await ItemsAsync(w.Budi, _ct));
        Assert.Empty(await ItemsAsync(w.Other.Owner, _ct));
    }

    [Fact]
    public async Task AMeetingStartedAndItsMinutesTellItsAttendeesButNotTheFacilitatorWhoActed()
    {
        var w = await NotificationWorld.CreateAsync(factory, "Meeting", _ct);
        var meeting = await OkAsync(w.Rina.Http.PostJsonAsync(w.P.Url("/meetings"), new
        {
            title = "Pilot kick-off", start = "2026-10-20T10:00:00", durationMinutes = 60,
            timeZone = "Asia/Jakarta", location = "Online", facilitatorUserId = w.Rina.Id,
            attendeeUserIds = new[] { w.Rina.Id, w.Budi.Id }, recurrence = "None", until = (string?)null, version = 0,
        }, _ct));
        var id = meeting.GetProperty("id").GetGuid();
        await OkAsync(w.Rina.Http.PostJsonAsync(w.P.Url($"/meetings/{id}/agenda"),
            new { occurrence = (string?)null, title = "Budget", minutes = 10 }, _ct));

        await OkAsync(w.Rina.Http.PostJsonAsync(w.P.Url($"/meetings/{id}/run/start"),
            new { occurrence = (string?)null }, _ct));

        var budi = Assert.Single(await ItemsAsync(w.Budi, _ct));
        Assert.Equal(("meeting.started", "Pilot kick-off", $"/p/{w.P.Id}/meetings/{id}/run"),
            (Kind(budi), Title(budi), budi.GetProperty("link").GetString()));
        Assert.Empty(await ItemsAsync(w.Rina, _ct));
        Assert.Empty(await ItemsAsync(w.Sari, _ct)); // not an attendee

        var papers = await OkAsync(w.Rina.Http.PostJsonAsync(w.P.Url($"/meetings/{id}/minutes"),
            new { language = "id" }, _ct));
        var minutes = (await ItemsAsync(w.Budi, _ct))[0];
        Assert.Equal(("meeting.minutes", "Pilot kick-off"), (Kind(minutes), Title(minutes)));
        Assert.Equal($"/p/{w.P.Id}/docs/{papers.GetProperty("documentId").GetGuid()}",
            minutes.GetProperty("link").GetString());
        Assert.Empty(await ItemsAsync(w.Rina, _ct));
        Assert.Empty(await ItemsAsync(w.Sari, _ct));
    }

    [Fact]
    public async Task AMentionInACommentTellsThePeopleNamedOnly()
    {
        var w = await NotificationWorld.CreateAsync(factory, "Mention", _ct);
        var doc = (await OkAsync(w.Rina.Http.PostJsonAsync(w.P.Url("/documents"), new { title = "Joint plan" }, _ct)))
            .GetProperty("id").GetGuid();
        var otherPerson = w.Other.Owner.Email.Split('@')[0];

        await OkAsync(w.Rina.Http.PostJsonAsync(w.P.Url($"/documents/{doc}/comments"), new
        {
            body = $"@MentionBudi please check; @MentionRina and @{otherPerson} and @nobody too.",
        }, _ct));

        var budi = Assert.Single(await ItemsAsync(w.Budi, _ct));
        Assert.Equal(("comment.mention", "Joint plan", $"/p/{w.P.Id}/docs/{doc}"),
            (Kind(budi), Title(budi), budi.GetProperty("link").GetString()));
        Assert.Empty(await ItemsAsync(w.Rina, _ct));
        Assert.Empty(await ItemsAsync(w.Sari, _ct));
        Assert.Empty(await ItemsAsync(w.Other.Owner, _ct));
    }

    [Fact]
    public async Task ATaskLineNamingAPartnerByHandleAssignsTheItemAndTellsThatPartner()
    {
        var w = await NotificationWorld.CreateAsync(factory, "Handle", _ct);
        var doc = (await OkAsync(w.Rina.Http.PostJsonAsync(w.P.Url("/documents"), new { title = "Joint plan" },
            _ct))).GetProperty("id").GetGuid();
        var (connection, session) = await DocumentTestKit.OpenAsync(factory, w.Rina, doc, _ct);

        session.Insert(0, "- [ ] Sign the annex @HandleBudi\n- [ ] Book the hall @HandleRina\n");

        var budi = Assert.Single(await Eventually.ValueAsync(() => ItemsAsync(w.Budi, _ct), n => n.Count > 0, _ct,
            because: "Budi's notification"));
        Assert.Equal(("action.assigned", "Sign the annex", w.Rina.Name),
            (Kind(budi), Title(budi), budi.GetProperty("actorName").GetString()));
        var items = await OkAsync(w.Rina.Http.GetJsonAsync(w.P.Url("/action-items"), _ct));
        Assert.Equal(2, items.GetArrayLength());
        Assert.Empty(await ItemsAsync(w.Rina, _ct)); // her own line: she took it herself
        Assert.Empty(await ItemsAsync(w.Sari, _ct));
        await connection.DisposeAsync();
    }

    private static string? Kind(JsonElement n) => n.GetProperty("kind").GetString();

    private static string? Title(JsonElement n) => n.GetProperty("args").GetProperty("title").GetString();
}
