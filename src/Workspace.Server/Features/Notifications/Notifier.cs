using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workspace.Server.Data;
using Workspace.Server.Kernel;

namespace Workspace.Server.Features.Notifications;

/// <summary>
/// Writes a notice's notifications (and, with SMTP configured, their e-mails to the outbox) in one transaction, the
/// change's own when it is staged with it, then pushes each recipient's unread count to that person's own
/// connections only (SignalR's user addressing, which the Redis backplane carries to every node).
/// </summary>
public sealed class Notifier(
    IDbContextFactory<WorkspaceDb> dbs, IHubContext<LiveHub> live, IOptions<NotificationOptions> options,
    MailOutboxSignal outbox, TimeProvider clock, ILogger<Notifier> log) : INotifier
{
    /// <summary>The client method that receives <c>{ unread }</c>.</summary>
    public const string UnreadMethod = "notificationsChanged";

    public async Task NotifyAsync(Notice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        StagedNotice? staged;
        try
        {
            await using var db = await dbs.CreateDbContextAsync();
            staged = await StageAsync(db, notice);
            await db.SaveChangesAsync();
        }
        catch (Exception e)
        {
            // The change itself is saved; a lost notice is logged rather than failing it.
            log.LogError(e, "Notice {Kind} in {Partnership} could not be written", notice.Kind, notice.PartnershipId);
            return;
        }
        if (staged is not null)
        {
            await AnnounceAsync(staged);
        }
    }

    public async Task<StagedNotice?> StageAsync(WorkspaceDb db, Notice notice)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(notice);
        var recipients = notice.Recipients
            .Where(r => !string.IsNullOrEmpty(r) && r != notice.Actor.UserId)
            .Distinct(StringComparer.Ordinal).Take(NotificationLimits.RecipientsMax).ToList();
        if (recipients.Count == 0)
        {
            return null;
        }
        var args = JsonSerializer.Serialize(notice.Args);
        var rows = recipients.Select(r => new Notification
        {
            UserId = r, PartnershipId = notice.PartnershipId, Kind = notice.Kind,
            Args = args.Length <= NotificationLimits.ArgsMax ? args : "{}",
            Link = notice.Link.Length <= NotificationLimits.LinkMax ? notice.Link : "",
            ActorUserId = notice.Actor.UserId, ActorName = Cut(notice.Actor.DisplayName, 100), At = clock.GetUtcNow(),
        }).ToList();
        db.AddRange(rows);
        var mails = options.Value.Smtp.Enabled ? await MailsAsync(db, notice.PartnershipId, rows) : 0;
        return new StagedNotice(recipients, mails > 0);
    }

    public async Task AnnounceAsync(StagedNotice staged)
    {
        ArgumentNullException.ThrowIfNull(staged);
        if (staged.Mails)
        {
            outbox.Wake();
        }
        await PushUnreadAsync(staged.Recipients);
    }

    /// <summary>Adds an outbox entry per recipient who has an address and has not turned e-mail off.</summary>
    private async Task<int> MailsAsync(WorkspaceDb db, Guid partnershipId, List<Notification> rows)
    {
        var ids = rows.Select(r => r.UserId).ToList();
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.DisplayName }).ToDictionaryAsync(u => u.Id);
        var settings = await db.Set<NotificationSettings>().AsNoTracking().Where(s => ids.Contains(s.UserId))
            .ToDictionaryAsync(s => s.UserId);
        var name = await db.Partnerships.AsNoTracking().Where(p => p.Id == partnershipId).Select(p => p.Name)
            .FirstOrDefaultAsync() ?? "";
        var count = 0;
        foreach (var row in rows)
        {
            var mine = settings.GetValueOrDefault(row.UserId);
            if (mine?.EmailOff == true || !people.TryGetValue(row.UserId, out var person)
                || string.IsNullOrEmpty(person.Email))
            {
                continue;
            }
            var (subject, body) = NotificationTexts.Mail(mine?.Language ?? NotificationTexts.DefaultLanguage, row,
                name, options.Value.PublicUrl);
            db.Add(new MailOutboxEntry
            {
                Notification = row, ToAddress = person.Email, ToName = Cut(person.DisplayName, 100),
                Subject = subject, Body = body, NextAttemptTicks = clock.GetUtcNow().UtcTicks,
            });
            count++;
        }
        return count;
    }

    /// <summary>Pushes each person's unread count to their own connections (best effort: the list is the truth).
    /// </summary>
    public async Task PushUnreadAsync(IReadOnlyCollection<string> userIds)
    {
        try
        {
            await using var db = await dbs.CreateDbContextAsync();
            var counts = await NotificationsApi.Current(db).AsNoTracking()
                .Where(n => userIds.Contains(n.UserId) && !n.IsRead)
                .GroupBy(n => n.UserId).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count);
            foreach (var user in userIds)
            {
                await live.Clients.User(user).SendAsync(UnreadMethod, new { unread = counts.GetValueOrDefault(user) });
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Unread counts could not be pushed");
        }
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
