using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Server.Tests.Features.Meetings;

/// <summary>
/// A single meeting ready to run: the facilitator is an editor of the owner's organisation (so the facilitator's
/// rights are proven apart from an owner's), the partner organisation has an editor; three agenda items.
/// </summary>
internal sealed record RunWorld(
    TestPartnership P, TestUser Facilitator, TestUser Partner, TestUser Viewer, Guid MeetingId, Guid[] Items)
{
    public static async Task<RunWorld> CreateAsync(WorkspaceFactory factory, CancellationToken ct, int items = 3)
    {
        var p = await TestPartnership.CreateAsync(factory, "Rina Owner", ct: ct);
        var facilitator = await factory.JoinAsync(p.Owner, p.Id, PartnershipRole.Editor, "Fajar Facilitator", ct: ct);
        var party = await p.Owner.AddPartyAsync(p.Id, "Dinas Pertanian", ct);
        var partner = await factory.JoinAsync(p.Owner, p.Id, PartnershipRole.Editor, "Budi Partner", party.Id,
            ct: ct);
        var viewer = await factory.JoinAsync(p.Owner, p.Id, PartnershipRole.Viewer, "Vera Viewer", ct: ct);
        var meeting = await MeetingTestKit.ScheduleAsync(p, p.Owner, MeetingTestKit.Meeting(facilitator.Id,
            recurrence: "None", attendees: [facilitator.Id, partner.Id]), ct);
        var id = meeting.GetProperty("id").GetGuid();
        var ids = new List<Guid>();
        foreach (var (title, minutes) in new[] { ("KPI review", 10), ("Pilot budget", 5), ("Next steps", 5),
            ("Warehouse", 5) }.Take(items))
        {
            var (status, item) = await p.Owner.Http.PostJsonAsync(p.Url($"/meetings/{id}/agenda"),
                new { occurrence = (string?)null, title, minutes }, ct);
            Assert.Equal(HttpStatusCode.OK, status);
            ids.Add(item.GetProperty("id").GetGuid());
        }
        return new RunWorld(p, facilitator, partner, viewer, id, [.. ids]);
    }

    public string Run(string command = "") => P.Url($"/meetings/{MeetingId}/run{command}");

    public async Task<JsonElement> OkAsync(TestUser by, string command, object? body = null,
        CancellationToken ct = default)
    {
        var (status, view) = await by.Http.PostJsonAsync(Run(command), body ?? new { occurrence = (string?)null }, ct);
        Assert.True(status == HttpStatusCode.OK, $"{command}: {(int)status} {view}");
        return view;
    }

    public async Task<JsonElement> GetAsync(TestUser by, CancellationToken ct)
    {
        var (status, view) = await by.Http.GetJsonAsync(Run(), ct);
        Assert.Equal(HttpStatusCode.OK, status);
        return view;
    }

    /// <summary>A refusal: its status and code (the field's code for a 400, the problem's otherwise).</summary>
    public static (HttpStatusCode Status, string Code) Refusal(HttpStatusCode status, JsonElement problem) =>
        (status, problem.TryGetProperty("errorCodes", out var fields)
            ? fields.EnumerateObject().First().Value[0].GetProperty("code").GetString()!
            : problem.GetProperty("code").GetString()!);
}

/// <summary>The live pushes of one kind that a member's connection receives.</summary>
internal sealed class LiveWatcher : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly Channel<JsonElement> _received = Channel.CreateUnbounded<JsonElement>();

    private LiveWatcher(HubConnection connection, string kind)
    {
        _connection = connection;
        connection.On<JsonElement>("PartnershipChanged", change =>
        {
            if (change.GetProperty("kind").GetString() == kind)
            {
                _received.Writer.TryWrite(change.GetProperty("payload"));
            }
        });
    }

    public static async Task<LiveWatcher> StartAsync(WorkspaceFactory factory, TestUser user, Guid partnershipId,
        string kind, CancellationToken ct)
    {
        var watcher = new LiveWatcher(factory.Hub(user, "/hubs/partnership"), kind);
        await watcher._connection.StartAsync(ct);
        await watcher._connection.InvokeAsync<JsonElement>("JoinPartnership", partnershipId, ct);
        return watcher;
    }

    /// <summary>The first push received that satisfies <paramref name="match"/> (20 s: the test machine is shared,
    /// with one core kept busy in CI; push latency is measured by the benchmarks).</summary>
    public async Task<JsonElement> NextAsync(Func<JsonElement, bool> match, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (true)
        {
            var payload = await _received.Reader.ReadAsync(timeout.Token);
            if (match(payload))
            {
                return payload;
            }
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
