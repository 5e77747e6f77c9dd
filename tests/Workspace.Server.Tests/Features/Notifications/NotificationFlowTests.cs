using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Notifications.NotificationWorld;

namespace Workspace.Server.Tests.Features.Notifications;

public sealed class NotificationFlowTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnItemAssignedToSomeoneElseNotifiesOnlyThatPerson()
    {
        var w = await NotificationWorld.CreateAsync(factory, "Assign", _ct);

        var item = await w.AssignAsync(w.Rina, "Send the draft MoU", w.Budi, _ct);
        await w.AssignAsync(w.Rina, "Book the room", w.Rina, _ct); // taken by herself: nobody is told
        await w.AssignAsync(w.Rina, "Nobody's yet", null, _ct);

        var budi = Assert.Single(await ItemsAsync(w.Budi, _ct));
        Assert.Equal("action.assigned", budi.GetProperty("kind").GetString());
        Assert.Equal(item.GetProperty("number").GetInt32(), budi.GetProperty("args").GetProperty("number").GetInt32());
        Assert.Equal("Send the draft MoU", budi.GetProperty("args").GetProperty("title").GetString());
        Assert.Equal($"/p/{w.P.Id}/actions?item={item.GetProperty("number").GetInt32()}",
            budi.GetProperty("link").GetString());
        Assert.Equal(w.Rina.Name, budi.GetProperty("actorName").GetString());
        Assert.Equal("Partnership of Assign Rina", budi.GetProperty("partnershipName").GetString());
        Assert.False(budi.GetProperty("read").GetBoolean());
        Assert.Equal(1, await UnreadAsync(w.Budi, _ct));
        Assert.Empty(await ItemsAsync(w.Rina, _ct));
        Assert.Empty(await ItemsAsync(w.Sari, _ct));
        Assert.Empty(await ItemsAsync(w.Other.Owner, _ct));
    }

    [Fact]
    public async Task ReassigningNotifiesTheNewOwnerAndAnEditThatKeepsTheOwnerNotifiesNobody()
    {
        var w = await NotificationWorld.CreateAsync(factory, "Reassign", _ct);
        var item = await w.AssignAsync(w.Rina, "Call the lab", w.Budi, _ct);
        var id = item.GetProperty("id").GetGuid();

        var renamed = await OkAsync(w.Rina.Http.PutJsonAsync(w.P.Url($"/action-items/{id}"), new
        {
            title = "Call the lab today", ownerUserId = w.Budi.Id, status = "Open", version = 1,
        }, _ct));
        await OkAsync(w.Budi.Http.PutJsonAsync(w.P.Url($"/action-items/{id}"), new
        {
            title = "Call the lab today", ownerUserId = w.Sari.Id, status = "Open",
            version = renamed.GetProperty("version").GetInt32(),
        }, _ct));

        Assert.Single(await ItemsAsync(w.Budi, _ct));
        var sari = Assert.Single(await ItemsAsync(w.Sari, _ct));
        Assert.Equal(w.Budi.Name, sari.GetProperty("actorName").GetString());
        Assert.Empty(await ItemsAsync(w.Rina, _ct));
    }

    [Fact]
    public async Task OpeningOneMarksItReadAndMarkAllReadsTheRest()
    {
        var w = await NotificationWorld.CreateAsync(factory, "Read", _ct);
        for (var i = 1; i <= 3; i++)
        {
            await w.AssignAsync(w.Rina, $"Task {i}", w.Budi, _ct);
        }
        var items = await ItemsAsync(w.Budi, _ct);
        Assert.Equal(["Task 3", "Task 2", "Task 1"],
            items.Select(n => n.GetProperty("args").GetProperty("title").GetString()));

        var read = await OkAsync(w.Budi.Http.PostJsonAsync(
            $"/api/notifications/{items[1].GetProperty("id").GetInt64()}/read", new { }, _ct));
        Assert.Equal(2, read.GetProperty("unread").GetInt32());
        Assert.Equal([false, true, false], (await ItemsAsync(w.Budi, _ct)).Select(n => n.GetProperty("read")
            .GetBoolean()));

        var all = await OkAsync(w.Budi.Http.PostJsonAsync("/api/notifications/read-all", new { }, _ct));
        Assert.Equal(0, all.GetProperty("unread").GetInt32());
        Assert.All(await ItemsAsync(w.Budi, _ct), n => Assert.True(n.GetProperty("read").GetBoolean()));
    }

    [Fact]
    public async Task TheListIsPagedNewestFirst()
    {
        var w = await NotificationWorld.CreateAsync(factory, "Paged", _ct);
        for (var i = 1; i <= 5; i++)
        {
            await w.AssignAsync(w.Rina, $"Task {i}", w.Budi, _ct);
        }

        var first = await ListAsync(w.Budi, _ct, "?take=2");
        var last = first.GetProperty("items")[1].GetProperty("id").GetInt64();
        var second = await ListAsync(w.Budi, _ct, $"?take=2&before={last}");
        var third = await ListAsync(w.Budi, _ct, $"?take=2&before={second.GetProperty("items")[1]
            .GetProperty("id").GetInt64()}");
        var huge = await ListAsync(w.Budi, _ct, "?take=100000");

        Assert.True(first.GetProperty("more").GetBoolean());
        Assert.True(second.GetProperty("more").GetBoolean());
        Assert.False(third.GetProperty("more").GetBoolean());
        Assert.Equal(["Task 5", "Task 4", "Task 3", "Task 2", "Task 1"], new[] { first, second, third }
            .SelectMany(p => p.GetProperty("items").EnumerateArray())
            .Select(n => n.GetProperty("args").GetProperty("title").GetString()));
        Assert.Equal(5, huge.GetProperty("items").GetArrayLength());
        Assert.Equal(5, first.GetProperty("unread").GetInt32());
    }

    [Fact]
    public async Task SomeoneWhoLeftThePartnershipNoLongerSeesItsNotifications()
    {
        var w = await NotificationWorld.CreateAsync(factory, "Removed", _ct);
        await w.AssignAsync(w.Rina, "Draft the budget annex", w.Budi, _ct);
        Assert.Single(await ItemsAsync(w.Budi, _ct));

        Assert.Equal(HttpStatusCode.NoContent,
            (await w.Budi.Http.DeleteAsync(w.P.Url($"/members/{w.Budi.Id}"), _ct)).StatusCode);

        Assert.Empty(await ItemsAsync(w.Budi, _ct));
        Assert.Equal(0, await UnreadAsync(w.Budi, _ct));
        Assert.Equal(0, (await ListAsync(w.Budi, _ct)).GetProperty("unread").GetInt32());
    }

    [Fact]
    public async Task SomeoneElsesOrAnUnknownNotificationIsNotFoundAndChangesNothing()
    {
        var w = await NotificationWorld.CreateAsync(factory, "Foreign", _ct);
        await w.AssignAsync(w.Rina, "Budi's task", w.Budi, _ct);
        var budis = (await ItemsAsync(w.Budi, _ct))[0].GetProperty("id").GetInt64();

        var (theirs, problem) = await w.Sari.Http.PostJsonAsync($"/api/notifications/{budis}/read", new { }, _ct);
        var (unknown, unknownProblem) = await w.Sari.Http.PostJsonAsync(
            $"/api/notifications/{long.MaxValue}/read", new { }, _ct);
        var (notANumber, notANumberProblem) = await w.Budi.Http.PostJsonAsync("/api/notifications/abc/read",
            new { }, _ct);
        var (badLanguage, _) = await w.Sari.Http.PutJsonAsync("/api/notifications/settings",
            new { language = "fr" }, _ct);

        Assert.Equal((HttpStatusCode.NotFound, "unknownNotification"),
            (theirs, problem.GetProperty("code").GetString()));
        Assert.Equal((HttpStatusCode.NotFound, "unknownNotification"),
            (unknown, unknownProblem.GetProperty("code").GetString()));
        Assert.Equal((HttpStatusCode.NotFound, "unknownNotification"),
            (notANumber, notANumberProblem.GetProperty("code").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, badLanguage);
        Assert.Equal(1, await UnreadAsync(w.Budi, _ct));
        var settings = await OkAsync(w.Sari.Http.GetJsonAsync("/api/notifications/settings", _ct));
        Assert.Equal("en", settings.GetProperty("language").GetString());
    }

    [Fact]
    public async Task TheUnreadCountIsPushedLiveToTheRecipientOnly()
    {
        var w = await NotificationWorld.CreateAsync(factory, "Live", _ct);
        var budiCounts = new List<int>();
        var rinaCounts = new List<int>();
        await using var budi = factory.Hub(w.Budi, "/hubs/live");
        await using var rina = factory.Hub(w.Rina, "/hubs/live");
        budi.On<UnreadPush>("notificationsChanged", u => { lock (budiCounts) { budiCounts.Add(u.Unread); } });
        rina.On<UnreadPush>("notificationsChanged", u => { lock (rinaCounts) { rinaCounts.Add(u.Unread); } });
        await budi.StartAsync(_ct);
        await rina.StartAsync(_ct);

        await w.AssignAsync(w.Rina, "Pushed", w.Budi, _ct);
        await Eventually.TrueAsync(() => { lock (budiCounts) { return budiCounts.Contains(1); } }, _ct);
        var id = (await ItemsAsync(w.Budi, _ct))[0].GetProperty("id").GetInt64();
        await OkAsync(w.Budi.Http.PostJsonAsync($"/api/notifications/{id}/read", new { }, _ct));
        await Eventually.TrueAsync(() => { lock (budiCounts) { return budiCounts.LastOrDefault(-1) == 0; } }, _ct);

        // Rina's own push after a change of hers arrives in order after anything meant for her: none came.
        await OkAsync(w.Rina.Http.PostJsonAsync("/api/notifications/read-all", new { }, _ct));
        await Eventually.TrueAsync(() => { lock (rinaCounts) { return rinaCounts.Count > 0; } }, _ct);
        lock (rinaCounts)
        {
            Assert.Equal([0], rinaCounts);
        }
    }

    private sealed record UnreadPush(int Unread);
}
