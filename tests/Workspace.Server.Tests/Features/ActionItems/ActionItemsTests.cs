using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Server.Tests.Features.ActionItems;

public sealed class ActionItemsTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static object Item(
        string title,
        string? owner = null,
        string? due = null,
        string status = "Open",
        int version = 0) =>
        new { title, notes = "", ownerUserId = owner, dueDate = due, status, version };

    [Fact]
    public async Task ItemsGetSequentialNumbersAndMoveAcrossTheBoard()
    {
        var p = await TestPartnership.CreateAsync(factory, ct: _ct);

        var (_, first) = await p.Owner.Http.PostJsonAsync(
            p.Url("/action-items"),
            Item("Send draft MoU", p.Owner.Id, "2026-12-15"),
            _ct);
        var (_, second) = await p.Owner.Http.PostJsonAsync(p.Url("/action-items"), Item("Book venue"), _ct);
        Assert.Equal(1, first.GetProperty("number").GetInt32());
        Assert.Equal(2, second.GetProperty("number").GetInt32());
        Assert.Equal(p.Owner.Name, first.GetProperty("ownerName").GetString());

        var (moved, after) = await p.Owner.Http.PostJsonAsync(
            p.Url($"/action-items/{first.GetProperty("id").GetGuid()}/move"),
            new { status = "InProgress", version = 1 },
            _ct);
        Assert.Equal(HttpStatusCode.OK, moved);
        Assert.Equal("InProgress", after.GetProperty("status").GetString());
        Assert.Equal(2, after.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task StaleMoveGets409AndTheOtherPersonsChangeStands()
    {
        var p = await TestPartnership.CreateAsync(factory, ct: _ct);
        var (_, item) = await p.Owner.Http.PostJsonAsync(p.Url("/action-items"), Item("Sign NDA"), _ct);
        var url = p.Url($"/action-items/{item.GetProperty("id").GetGuid()}/move");
        await p.Owner.Http.PostJsonAsync(url, new { status = "Done", version = 1 }, _ct);

        var (status, conflict) = await p.Owner.Http.PostJsonAsync(url, new { status = "Blocked", version = 1 }, _ct);

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("Done", conflict.GetProperty("current").GetProperty("status").GetString());
    }

    [Fact]
    public async Task OwnerMustBeAMemberAndTitleIsRequired()
    {
        var p = await TestPartnership.CreateAsync(factory, ct: _ct);
        var outsider = await factory.SignUpAsync("Outsider", ct: _ct);

        var (ownerStatus, ownerProblem) = await p.Owner.Http.PostJsonAsync(
            p.Url("/action-items"),
            Item("Task", outsider.Id),
            _ct);
        var (titleStatus, _) = await p.Owner.Http.PostJsonAsync(p.Url("/action-items"), Item(""), _ct);
        var (badStatus, _) = await p.Owner.Http.PostJsonAsync(
            p.Url("/action-items"),
            new { title = "x", status = "Finished", version = 0 },
            _ct);

        Assert.Equal(HttpStatusCode.BadRequest, ownerStatus);
        Assert.Contains(
            "member",
            ownerProblem.GetProperty("errors").GetProperty("ownerUserId")[0].GetString(),
            StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, titleStatus);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        var (_, all) = await p.Owner.Http.GetJsonAsync(p.Url("/action-items"), _ct);
        Assert.Equal(0, all.GetArrayLength());
    }

    [Fact]
    public async Task FiltersFindMineOverdueAndDueThisWeek()
    {
        var p = await TestPartnership.CreateAsync(factory, ct: _ct);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await p.Owner.Http.PostJsonAsync(
            p.Url("/action-items"),
            Item("Overdue", p.Owner.Id, today.AddDays(-3).ToString("yyyy-MM-dd")),
            _ct);
        await p.Owner.Http.PostJsonAsync(
            p.Url("/action-items"),
            Item("Soon", null, today.AddDays(2).ToString("yyyy-MM-dd")),
            _ct);
        await p.Owner.Http.PostJsonAsync(
            p.Url("/action-items"),
            Item("Done late", p.Owner.Id, today.AddDays(-9).ToString("yyyy-MM-dd"), "Done"),
            _ct);

        var (_, mine) = await p.Owner.Http.GetJsonAsync(p.Url("/action-items?owner=me"), _ct);
        var (_, overdue) = await p.Owner.Http.GetJsonAsync(p.Url("/action-items?overdue=true"), _ct);
        var (_, week) = await p.Owner.Http.GetJsonAsync(p.Url("/action-items?dueWithinDays=7"), _ct);

        Assert.Equal(["Overdue", "Done late"], Titles(mine).Order().Reverse());
        Assert.Equal(["Overdue"], Titles(overdue));
        Assert.Equal(["Soon"], Titles(week));
    }

    [Fact]
    public async Task EveryConnectedMemberSeesAMoveLive()
    {
        var p = await TestPartnership.CreateAsync(factory, ct: _ct);
        var (_, item) = await p.Owner.Http.PostJsonAsync(p.Url("/action-items"), Item("Prepare agenda"), _ct);
        await using var watcher = factory.Hub(p.Owner, "/hubs/partnership");
        var received = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        watcher.On<JsonElement>("PartnershipChanged", change =>
        {
            if (change.GetProperty("kind").GetString() == "action.updated")
            {
                received.TrySetResult(change.GetProperty("payload"));
            }
        });
        await watcher.StartAsync(_ct);
        await watcher.InvokeAsync<JsonElement>("JoinPartnership", p.Id, _ct);

        await p.Owner.Http.PostJsonAsync(
            p.Url($"/action-items/{item.GetProperty("id").GetGuid()}/move"),
            new { status = "Blocked", version = 1 },
            _ct);

        var payload = await received.Task.WaitAsync(TimeSpan.FromSeconds(20), _ct);
        Assert.Equal("Blocked", payload.GetProperty("status").GetString());
    }

    [Fact]
    public async Task DashboardShowsMyOpenAndOverdueItems()
    {
        var p = await TestPartnership.CreateAsync(factory, ct: _ct);
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd");
        await p.Owner.Http.PostJsonAsync(p.Url("/action-items"), Item("Late report", p.Owner.Id, yesterday), _ct);
        await p.Owner.Http.PostJsonAsync(p.Url("/action-items"), Item("Finished", p.Owner.Id, null, "Done"), _ct);

        var (status, dashboard) = await p.Owner.Http.GetJsonAsync(p.Url("/dashboard"), _ct);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["Late report"], Titles(dashboard.GetProperty("myOpenItems")));
        Assert.Equal(["Late report"], Titles(dashboard.GetProperty("overdueItems")));
        Assert.Equal(1, dashboard.GetProperty("doneItems").GetInt32());
        Assert.True(dashboard.GetProperty("recentActivity").GetArrayLength() >= 3);
    }

    private static List<string> Titles(JsonElement items) =>
        items.EnumerateArray().Select(i => i.GetProperty("title").GetString()!).ToList();
}
