using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Server.Data;
using Workspace.Server.Features.ActionItems;
using Workspace.Server.Features.Disputes;
using Workspace.Server.Features.Meetings;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Server.Tests.Features.Disputes;

/// <summary>
/// A resolution's action item and decision are made after the resolution is stored, and exactly once: here each is
/// made and then the server fails before ticking it off (as a crash between the two would), and the retry finds it.
/// </summary>
public sealed class DisputeResolutionEffectTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnEffectThatFailsAfterMakingItsItemIsRetriedAndMadeExactlyOnce()
    {
        var faults = new Faults();
        await using var factory = new WorkspaceFactory().WithServices(s =>
        {
            s.AddSingleton(faults);
            s.AddSingleton<DisputeEffects, FailingOnceEffects>();
        });
        var w = await TwoParties.CreateAsync(factory, "Effects", _ct);
        var meeting = await TwoParties.OkAsync(w.A.Http.PostJsonAsync(w.Url("/meetings"), Meetings.MeetingTestKit
            .Meeting(w.A.Id, recurrence: "None", title: "Settlement call"), _ct));
        var id = (await w.RaiseAsync(w.A, TwoParties.Raise(partyIds: [w.PartyB]), _ct)).GetProperty("id").GetGuid();
        var proposal = TwoParties.LastProposal(await w.ProposeAsync(w.A, id, new
        {
            text = "We ship batch 4 free of charge.",
            actionItems = new[] { new { title = "Ship batch 4 at no charge", ownerUserId = w.A.Id } },
            decision = new { meetingId = meeting.GetProperty("id").GetGuid(), text = "Batch 4 ships free of charge" },
        }, _ct));
        await TwoParties.OkAsync(w.AnswerAsync(w.A, id, proposal, true, _ct));

        var resolved = await TwoParties.OkAsync(w.AnswerAsync(w.B, id, proposal, true, _ct));

        Assert.Equal("Resolved", resolved.GetProperty("status").GetString());
        var done = await w.UntilAsync(w.A, id, d => Kinds(d).Contains("decisionRecorded"), _ct);
        Assert.Equal(["raised", "proposed", "accepted", "accepted", "resolved", "itemCreated", "decisionRecorded"],
            Kinds(done));
        Assert.Equal((2, 2), (faults.ItemCalls, faults.DecisionCalls)); // each failed once, then was retried once
        var items = await TwoParties.OkAsync(w.B.Http.GetJsonAsync(w.Url("/action-items"), _ct));
        Assert.Single(items.EnumerateArray(), i => i.GetProperty("title").GetString() == "Ship batch 4 at no charge");
        var decisions = await TwoParties.OkAsync(w.B.Http.GetJsonAsync(w.Url("/decisions"), _ct));
        Assert.Single(decisions.EnumerateArray(), d => d.GetProperty("text").GetString() ==
            "Batch 4 ships free of charge");
        await Task.Delay(TimeSpan.FromSeconds(1), _ct);
        Assert.Equal(7, (await w.GetAsync(w.A, id, _ct)).GetProperty("timeline").GetArrayLength());
    }

    [Fact]
    public async Task WhatACrashLeftUndoneIsMadeOnceWhenTheServerStartsAgainWithoutAnyoneOpeningTheDispute()
    {
        var faults = new Faults { AlwaysFail = true };
        // One data directory for both runs (a factory deletes only the directory it made itself).
        var dataDirectory = Path.Combine(Path.GetTempPath(), "workspace-tests", $"restart-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataDirectory);
        await using (var crashed = new WorkspaceFactory().With("Database:DataDirectory", dataDirectory)
            .WithServices(s =>
        {
            s.AddSingleton(faults);
            s.AddSingleton<DisputeEffects, FailingOnceEffects>();
        }))
        {
            var w = await TwoParties.CreateAsync(crashed, "Restart", _ct);
            var id = (await w.RaiseAsync(w.A, TwoParties.Raise(partyIds: [w.PartyB]), _ct)).GetProperty("id")
                .GetGuid();
            var proposal = TwoParties.LastProposal(await w.ProposeAsync(w.A, id, new
            {
                text = "A refund.", actionItems = new[] { new { title = "Refund batch 3 after restart" } },
            }, _ct));
            await TwoParties.OkAsync(w.AnswerAsync(w.A, id, proposal, true, _ct));
            await TwoParties.OkAsync(w.AnswerAsync(w.B, id, proposal, true, _ct));
            while (Volatile.Read(ref faults.ItemCalls) == 0)
            {
                await Task.Delay(20, _ct); // the item is made, and the server goes down before ticking it off
            }
        }

        var restarted = new WorkspaceFactory().With("Database:DataDirectory", dataDirectory);
        try
        {
            _ = restarted.Server;
            var dbs = restarted.Services.GetRequiredService<IDbContextFactory<WorkspaceDb>>();
            await Eventually.TrueAsync(
                async () => await PendingAsync(dbs) == 0, _ct, 30_000, "the undone effect made after the restart");
            await using var db = await dbs.CreateDbContextAsync(_ct);
            Assert.Equal(1, await db.Set<ActionItem>().CountAsync(i => i.Title == "Refund batch 3 after restart", _ct));
            Assert.Equal(1, await db.Set<DisputeEvent>().CountAsync(e => e.Kind == "itemCreated", _ct));
        }
        finally
        {
            await restarted.DisposeAsync();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private async Task<int> PendingAsync(IDbContextFactory<WorkspaceDb> dbs)
    {
        await using var db = await dbs.CreateDbContextAsync(_ct);
        return await db.Set<DisputeEffect>().CountAsync(e => e.DoneAt == null, _ct);
    }

    private static List<string?> Kinds(JsonElement dispute) =>
        [.. dispute.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString())];

    internal sealed class Faults
    {
        public int ItemCalls;
        public int DecisionCalls;
        public bool AlwaysFail;
    }

    /// <summary>Makes the item (or decision), then fails the first time, before the grain can tick it off.</summary>
    internal sealed class FailingOnceEffects(IGrainFactory grains, Faults faults) : DisputeEffects(grains)
    {
        public override async Task<Outcome<ActionItemView>> CreateItemAsync(Guid partnershipId, Actor actor,
            Guid itemId, ActionItemInput input)
        {
            var made = await base.CreateItemAsync(partnershipId, actor, itemId, input);
            return Interlocked.Increment(ref faults.ItemCalls) == 1 || faults.AlwaysFail
                ? throw new InvalidOperationException("failed after making the item") : made;
        }

        public override async Task<Outcome<DecisionView>> DecideAsync(Guid partnershipId, Actor actor,
            Guid decisionId, Guid meetingId, DecisionInput input)
        {
            var made = await base.DecideAsync(partnershipId, actor, decisionId, meetingId, input);
            return Interlocked.Increment(ref faults.DecisionCalls) == 1
                ? throw new InvalidOperationException("failed after recording the decision") : made;
        }
    }
}
