using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Workspace.Server.Data;

namespace Workspace.Server.Features.Notifications;

/// <summary>Wakes the sender when an e-mail was written (it also looks on its own every poll interval).</summary>
public sealed class MailOutboxSignal
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _wake.WaitAsync(timeout, ct);
}

/// <summary>
/// Sends the outbox: each due entry is leased (so another node leaves it alone), sent through MailKit and deleted; a
/// failed attempt is tried again after a delay that doubles each time, until <see cref="SmtpOptions.MaxAttempts"/>.
/// A crash after sending and before deleting sends that e-mail once more when the lease has run out: at least once,
/// never lost. Without an SMTP host it does nothing.
/// </summary>
public sealed class MailOutboxSender(
    IDbContextFactory<WorkspaceDb> dbs, IOptions<NotificationOptions> options, MailOutboxSignal signal,
    TimeProvider clock, ILogger<MailOutboxSender> log) : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private SmtpOptions Smtp => options.Value.Smtp;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Smtp.Enabled)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendDueAsync(stoppingToken) == NotificationLimits.SendBatch)
                {
                    // A full batch: there may be more at once.
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "The mail outbox could not be read");
            }
            await signal.WaitAsync(Smtp.PollInterval, stoppingToken);
        }
    }

    /// <summary>One pass: takes up to a batch of due entries and sends them over one connection; returns how many.
    /// </summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var due = await LeaseDueAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }
        using var smtp = new SmtpClient();
        try
        {
            await ConnectAsync(smtp, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            foreach (var entry in due)
            {
                await FailedAsync(entry, e, ct);
            }
            return due.Count;
        }
        foreach (var entry in due)
        {
            try
            {
                await smtp.SendAsync(Message(entry), ct);
                await SentAsync(entry, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await FailedAsync(entry, e, ct);
            }
        }
        await smtp.DisconnectAsync(quit: true, ct);
        return due.Count;
    }

    private async Task<List<MailOutboxEntry>> LeaseDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcTicks;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var candidates = await db.Set<MailOutboxEntry>().AsNoTracking()
            .Where(m => !m.GaveUp && m.NextAttemptTicks <= now && m.LeaseUntilTicks <= now)
            .OrderBy(m => m.Id).Take(NotificationLimits.SendBatch).ToListAsync(ct);
        var leased = new List<MailOutboxEntry>(candidates.Count);
        var until = now + Lease.Ticks;
        foreach (var m in candidates)
        {
            // Only one sender wins the lease of an entry (the condition is checked in the same statement).
            var won = await db.Set<MailOutboxEntry>()
                .Where(x => x.Id == m.Id && x.LeaseUntilTicks == m.LeaseUntilTicks && !x.GaveUp)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LeaseUntilTicks, until), ct);
            if (won == 1)
            {
                leased.Add(m);
            }
        }
        return leased;
    }

    private async Task ConnectAsync(SmtpClient smtp, CancellationToken ct)
    {
        smtp.Timeout = 30_000;
        await smtp.ConnectAsync(Smtp.Host, Smtp.Port, Smtp.Tls, ct);
        if (!string.IsNullOrEmpty(Smtp.User))
        {
            await smtp.AuthenticateAsync(Smtp.User, Smtp.Password, ct);
        }
    }

    private MimeMessage Message(MailOutboxEntry entry)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(Smtp.From));
        message.To.Add(new MailboxAddress(entry.ToName, entry.ToAddress));
        message.Subject = entry.Subject;
        message.Body = new TextPart("plain") { Text = entry.Body };
        return message;
    }

    private async Task SentAsync(MailOutboxEntry entry, CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await db.Set<MailOutboxEntry>().Where(m => m.Id == entry.Id).ExecuteDeleteAsync(ct);
    }

    private async Task FailedAsync(MailOutboxEntry entry, Exception error, CancellationToken ct)
    {
        var attempts = entry.Attempts + 1;
        var gaveUp = attempts >= Smtp.MaxAttempts;
        var wait = TimeSpan.FromTicks(Math.Min(TimeSpan.FromHours(1).Ticks,
            Smtp.RetryDelay.Ticks * (1L << Math.Min(attempts - 1, 20))));
        var next = clock.GetUtcNow().Add(wait).UtcTicks;
        var message = error.Message.Length <= 1000 ? error.Message : error.Message[..1000];
        if (gaveUp)
        {
            log.LogError(error, "E-mail {Id} given up after {Attempts} attempts", entry.Id, attempts);
        }
        else
        {
            log.LogWarning("E-mail {Id} failed (attempt {Attempts}): {Error}", entry.Id, attempts, message);
        }
        await using var db = await dbs.CreateDbContextAsync(ct);
        await db.Set<MailOutboxEntry>().Where(m => m.Id == entry.Id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Attempts, attempts).SetProperty(m => m.NextAttemptTicks, next)
            .SetProperty(m => m.LeaseUntilTicks, 0L).SetProperty(m => m.GaveUp, gaveUp)
            .SetProperty(m => m.LastError, message), ct);
    }
}
