using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Server.Data;
using Workspace.Server.Features.Notifications;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Notifications.NotificationWorld;

namespace Workspace.Server.Tests.Features.Notifications;

/// <summary>E-mails through a real SMTP server on loopback; each test owns its server and its SMTP port.</summary>
public sealed class NotificationMailTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static WorkspaceFactory WithSmtp(int port) => new WorkspaceFactory()
        .With("Notifications:Smtp:Host", "127.0.0.1")
        .With("Notifications:Smtp:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .With("Notifications:Smtp:From", "Partnership Workspace <workspace@example.org>")
        .With("Notifications:Smtp:Tls", "None")
        .With("Notifications:Smtp:RetryDelay", "00:00:00.200")
        .With("Notifications:Smtp:PollInterval", "00:00:00.100")
        .With("Notifications:PublicUrl", "https://workspace.example.org");

    [Fact]
    public async Task AnIndonesianRecipientGetsTheMailInIndonesian()
    {
        var port = WorkspaceFactory.FreeTcpPort();
        await using var smtp = LoopbackSmtp.Start(port);
        await using var factory = WithSmtp(port);
        var w = await NotificationWorld.CreateAsync(factory, "Mail", _ct);
        await OkAsync(w.Budi.Http.PutJsonAsync("/api/notifications/settings", new { language = "id" }, _ct));

        var item = await w.AssignAsync(w.Rina, "Kirim draf MoU", w.Budi, _ct);

        await Eventually.TrueAsync(() => !smtp.Received.IsEmpty, _ct, because: "the mail to arrive");
        var mail = Assert.Single(smtp.Received);
        var number = item.GetProperty("number").GetInt32();
        Assert.Equal(w.Budi.Email, mail.To.Mailboxes.Single().Address);
        Assert.Equal("workspace@example.org", mail.From.Mailboxes.Single().Address);
        Assert.Equal($"{w.Rina.Name} menugaskan tugas A{number} “Kirim draf MoU” kepada Anda", mail.Subject);
        Assert.Contains("Kemitraan: Partnership of Mail Rina", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Buka: https://workspace.example.org/p/{w.P.Id}/actions?item={number}", mail.TextBody,
            StringComparison.Ordinal);
        await Eventually.TrueAsync(async () => await OutboxCountAsync(factory) == 0, _ct,
            because: "the sent mail to leave the outbox");
    }

    [Fact]
    public async Task TheOutboxRetriesUntilTheSmtpServerComesUp()
    {
        var port = WorkspaceFactory.FreeTcpPort();
        await using var factory = WithSmtp(port);
        var w = await NotificationWorld.CreateAsync(factory, "Retry", _ct);

        await w.AssignAsync(w.Rina, "Send the budget", w.Budi, _ct);
        await Eventually.TrueAsync(async () => await AttemptsAsync(factory) >= 1, _ct,
            because: "a failed attempt while no SMTP server listens");
        await using var smtp = LoopbackSmtp.Start(port);

        await Eventually.TrueAsync(() => !smtp.Received.IsEmpty, _ct, timeoutMs: 30_000, because: "the retried mail");
        Assert.Contains("assigned you the action item", Assert.Single(smtp.Received).Subject, StringComparison.Ordinal);
        await Eventually.TrueAsync(async () => await OutboxCountAsync(factory) == 0, _ct);
        Assert.Single(smtp.Received);
    }

    [Fact]
    public async Task AMailQueuedBeforeTheServerStopsIsSentAfterItStartsAgain()
    {
        var port = WorkspaceFactory.FreeTcpPort();
        var directory = Path.Combine(Path.GetTempPath(), "workspace-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        await using (var first = WithSmtp(port).With("Database:DataDirectory", directory))
        {
            var w = await NotificationWorld.CreateAsync(first, "Crash", _ct);
            await w.AssignAsync(w.Rina, "Survive the restart", w.Budi, _ct);
            await Eventually.TrueAsync(async () => await AttemptsAsync(first) >= 1, _ct,
                because: "a failed attempt while no SMTP server listens");
        }
        await using var smtp = LoopbackSmtp.Start(port);

        await using var second = WithSmtp(port).With("Database:DataDirectory", directory);
        _ = second.Services; // starts the host, and with it the sender

        await Eventually.TrueAsync(() => !smtp.Received.IsEmpty, _ct, timeoutMs: 30_000, because: "the queued mail");
        await Eventually.TrueAsync(async () => await OutboxCountAsync(second) == 0, _ct);
        Assert.Contains("Survive the restart", Assert.Single(smtp.Received).Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoMailGoesToSomeoneWhoTurnedEmailOffButTheInAppNotificationStays()
    {
        var port = WorkspaceFactory.FreeTcpPort();
        await using var smtp = LoopbackSmtp.Start(port);
        await using var factory = WithSmtp(port);
        var w = await NotificationWorld.CreateAsync(factory, "Off", _ct);
        var off = await OkAsync(w.Budi.Http.PutJsonAsync("/api/notifications/settings", new { emailEnabled = false },
            _ct));
        Assert.False(off.GetProperty("emailEnabled").GetBoolean());
        Assert.True(off.GetProperty("emailAvailable").GetBoolean());

        await w.AssignAsync(w.Rina, "Quiet task", w.Budi, _ct);
        await w.AssignAsync(w.Budi, "Loud task", w.Sari, _ct); // Sari kept e-mail on: hers is the only mail

        await Eventually.TrueAsync(() => !smtp.Received.IsEmpty, _ct, because: "Sari's mail");
        await Eventually.TrueAsync(async () => await OutboxCountAsync(factory) == 0, _ct);
        Assert.Equal([w.Sari.Email], smtp.Received.Select(m => m.To.Mailboxes.Single().Address));
        Assert.Single(await ItemsAsync(w.Budi, _ct));
    }

    [Fact]
    public async Task WithoutSmtpNothingIsQueued()
    {
        await using var factory = new WorkspaceFactory();
        var w = await NotificationWorld.CreateAsync(factory, "NoSmtp", _ct);

        await w.AssignAsync(w.Rina, "In the app only", w.Budi, _ct);

        Assert.Single(await ItemsAsync(w.Budi, _ct));
        Assert.Equal(0, await OutboxCountAsync(factory));
        var settings = await OkAsync(w.Budi.Http.GetJsonAsync("/api/notifications/settings", _ct));
        Assert.False(settings.GetProperty("emailAvailable").GetBoolean());
    }

    private static async Task<int> OutboxCountAsync(WorkspaceFactory factory)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<WorkspaceDb>>()
            .CreateDbContextAsync();
        return await db.Set<MailOutboxEntry>().CountAsync();
    }

    private static async Task<int> AttemptsAsync(WorkspaceFactory factory)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<WorkspaceDb>>()
            .CreateDbContextAsync();
        return await db.Set<MailOutboxEntry>().MaxAsync(m => (int?)m.Attempts) ?? 0;
    }
}
