using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Collaboration.Documents;
using Workspace.Collaboration.Errors;
using Workspace.Collaboration.Ot;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Documents.DocumentTestKit;

namespace Workspace.Server.Tests.Kernel;

/// <summary>
/// Who the caller is comes from the partnership grain's own member list held on its node: a keystroke sends no grain
/// call to the partnership, a role change still counts from the next call, and a deactivated grain's list is not used.
/// </summary>
public sealed class MemberDirectoryTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task KeystrokesAskThePartnershipGrainNothingAndARoleDropStillCountsFromTheNextOne()
    {
        var lookups = new MemberLookups();
        await using var factory = new WorkspaceFactory()
            .WithServices(s => s.AddSingleton<Orleans.IOutgoingGrainCallFilter>(lookups));
        var (ana, pid, docId, budi) = await DocumentWithMemberAsync(
            factory, "Ana directory", PartnershipRole.Editor, "Budi directory", _ct);
        await using var hub = await OpenHubAsync(factory, budi, docId, _ct);

        var before = lookups.Count;
        for (var seq = 1; seq <= 20; seq++)
        {
            await hub.InvokeAsync<SubmitResult>(DocumentHubNames.Submit,
                SubmitRequest.Of(docId, "budi", seq, seq - 1, TextOperation.Insert(0, "x")), _ct);
        }
        Assert.Equal(0, lookups.Count - before);

        var demote = await ana.Http.PutAsJsonAsync($"/api/partnerships/{pid}/members/{budi.Id}",
            new { role = "Viewer", isPartyAdmin = false }, PartnershipKit.Json, _ct);
        demote.EnsureSuccessStatusCode();
        var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<SubmitResult>(
            DocumentHubNames.Submit, SubmitRequest.Of(docId, "budi", 21, 20, TextOperation.Insert(0, "y")), _ct));
        Assert.Equal(ErrorCodes.RoleTooLow, HubError.From(refused)?.Code);
        Assert.Equal(new string('x', 20), await ServerTextAsync(ana, pid, docId, _ct));
    }

    [Fact]
    public async Task ADeactivatedPartnershipIsAskedAgainAndPublishesItsListWhenItComesBack()
    {
        await using var factory = new WorkspaceFactory();
        var (ana, pid, docId, budi) = await DocumentWithMemberAsync(
            factory, "Citra directory", PartnershipRole.Editor, "Dodi directory", _ct);
        var directory = factory.Services.GetRequiredService<MemberDirectory>();
        Assert.True(directory.TryFind(pid, budi.Id, out var known));
        Assert.Equal(PartnershipRole.Editor, known!.Role);

        var management = factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        await management.ForceActivationCollection(TimeSpan.Zero, _ct);
        await EventuallyAsync(() => !directory.TryFind(pid, budi.Id, out _), TimeSpan.FromSeconds(10),
            "the deactivated grain's list withdrawn", _ct);

        await using var hub = await OpenHubAsync(factory, budi, docId, _ct);
        await hub.InvokeAsync<SubmitResult>(DocumentHubNames.Submit,
            SubmitRequest.Of(docId, "dodi", 1, 0, TextOperation.Insert(0, "back")), _ct);
        Assert.True(directory.TryFind(pid, budi.Id, out var again));
        Assert.Equal(PartnershipRole.Editor, again!.Role);
        Assert.True(directory.TryFind(pid, ana.Id, out _));
        Assert.False(directory.TryFind(pid, "nobody", out var stranger) && stranger is not null);
    }

    /// <summary>Counts the member lookups sent to partnership grains.</summary>
    private sealed class MemberLookups : Orleans.IOutgoingGrainCallFilter
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public Task Invoke(Orleans.IOutgoingGrainCallContext context)
        {
            if (context.MethodName == nameof(IPartnershipGrain.GetMemberAsync))
            {
                Interlocked.Increment(ref _count);
            }
            return context.Invoke();
        }
    }
}
