using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Server.Data;
using Workspace.Server.Features.Notifications;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Notifications.NotificationWorld;
using SignOff = Workspace.Server.Tests.Features.Agreements.TwoParties;

namespace Workspace.Server.Tests.Features.Notifications;

/// <summary>
/// A change and the notifications it causes are one transaction: when the notifications cannot be written the change
/// is not saved either (the person is told it failed and may try again), so nobody ends up owning an item they were
/// never told about.
/// </summary>
public sealed class NotificationAtomicityTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    /// <summary>Once armed, any save that writes a notification fails, as a full disk or a lost database would.
    /// </summary>
    private sealed class FailingNotifications : SaveChangesInterceptor
    {
        public volatile bool Armed;

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            Armed && eventData.Context!.ChangeTracker.Entries<Notification>().Any(e => e.State == EntityState.Added)
                ? throw new DbUpdateException("The notifications could not be written.")
                : ValueTask.FromResult(result);
    }

    [Fact]
    public async Task AnAssignmentWhoseNoticeCannotBeWrittenIsNotSavedEither()
    {
        var failing = new FailingNotifications();
        await using var factory = new WorkspaceFactory()
            .WithServices(s => s.ConfigureDbContext<WorkspaceDb>(o => o.AddInterceptors(failing)));
        var w = await NotificationWorld.CreateAsync(factory, "Atomic", _ct);
        failing.Armed = true;

        var (status, _) = await w.Rina.Http.PostJsonAsync(w.P.Url("/action-items"), new
        {
            title = "Lost or told", notes = (string?)null, ownerUserId = w.Budi.Id, dueDate = (string?)null,
            status = "Open", version = 0,
        }, _ct);
        var kept = await OkAsync(w.Rina.Http.GetJsonAsync(w.P.Url("/action-items"), _ct));
        failing.Armed = false;
        var retried = await w.AssignAsync(w.Rina, "Lost or told", w.Budi, _ct);

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.DoesNotContain(kept.EnumerateArray(), i => i.GetProperty("title").GetString() == "Lost or told");
        var told = Assert.Single(await ItemsAsync(w.Budi, _ct));
        Assert.Equal(retried.GetProperty("number").GetInt32(),
            told.GetProperty("args").GetProperty("number").GetInt32());
        Assert.Equal(1, retried.GetProperty("number").GetInt32());
    }

    /// <summary>Withdrawing an agreement from sign-off voids the approvals given, and their givers are told in the
    /// same write: when that notice cannot be written the withdrawal fails and the approvals stand.</summary>
    [Fact]
    public async Task AWithdrawalWhoseNoticeCannotBeWrittenKeepsTheApprovals()
    {
        var failing = new FailingNotifications();
        await using var factory = new WorkspaceFactory()
            .WithServices(s => s.ConfigureDbContext<WorkspaceDb>(o => o.AddInterceptors(failing)));
        var p = await SignOff.CreateAsync(factory, "Withdrawn", _ct);
        var agreement = SignOff.IdOf(await p.CreateAgreementAsync(_ct, "Joint MoU"));
        var revision = SignOff.RevisionOf(await p.ReviewAsync(agreement, _ct));
        Assert.Equal(HttpStatusCode.OK, (await p.ApproveAsync(p.B, agreement, revision, _ct)).Status);
        var draft = p.Url($"/{agreement}/draft");
        failing.Armed = true;

        var (refused, _) = await p.A.Http.PostJsonAsync(draft, new { }, _ct);
        var kept = await Eventually.ValueAsync(async () =>
            (await p.GetAsync(p.A, agreement, _ct)).GetProperty("signOff"),
            s => s.GetProperty("status").GetString() == "review", _ct);
        failing.Armed = false;
        var (withdrawn, _) = await p.A.Http.PostJsonAsync(draft, new { }, _ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused);
        Assert.Single(kept.GetProperty("approvals").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, withdrawn);
        var told = Assert.Single(await ItemsAsync(p.B, _ct), n => n.GetProperty("kind").GetString()
            == "agreement.withdrawn");
        Assert.Equal(p.A.Name, told.GetProperty("actorName").GetString());
    }
}
