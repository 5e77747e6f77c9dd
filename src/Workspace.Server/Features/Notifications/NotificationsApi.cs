using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workspace.Collaboration.Errors;
using Workspace.Server.Data;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel;

namespace Workspace.Server.Features.Notifications;

/// <summary>
/// The signed-in person's own notifications: the list (newest first, paged), marking one or all read, and their
/// settings. Every query is by the caller's user id: someone else's notification is as unknown as a missing one.
/// </summary>
public static class NotificationsApi
{
    public static void AddWorkspaceNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<MailOutboxSignal>();
        builder.Services.AddSingleton<Notifier>();
        builder.Services.AddSingleton<INotifier>(sp => sp.GetRequiredService<Notifier>());
        builder.Services.AddSingleton<MailOutboxSender>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MailOutboxSender>());
    }

    public static void MapNotifications(this WebApplication app)
    {
        var group = app.MapGroup("/api/notifications").WithTags("Notifications").RequireAuthorization()
            .ValidateRequests();
        group.MapGet("", ListAsync);
        group.MapGet("/unread", async (ClaimsPrincipal user, IDbContextFactory<WorkspaceDb> dbs) =>
        {
            await using var db = await dbs.CreateDbContextAsync();
            return TypedResults.Ok(new UnreadCount(await UnreadAsync(db, Me(user))));
        });
        group.MapPost("/{id}/read", ReadAsync);
        group.MapPost("/read-all", ReadAllAsync);
        group.MapGet("/settings", SettingsAsync);
        group.MapPut("/settings", ChangeSettingsAsync);
    }

    private static async Task<Ok<NotificationPage>> ListAsync(ClaimsPrincipal user, long? before, int? take,
        IDbContextFactory<WorkspaceDb> dbs)
    {
        var me = Me(user);
        var size = Math.Clamp(take ?? NotificationLimits.PageDefault, 1, NotificationLimits.PageMax);
        await using var db = await dbs.CreateDbContextAsync();
        var query = Mine(db, me).AsNoTracking();
        if (before is { } b)
        {
            query = query.Where(n => n.Id < b);
        }
        var rows = await query.OrderByDescending(n => n.Id).Take(size + 1).ToListAsync();
        var ids = rows.Select(r => r.PartnershipId).Distinct().ToList();
        var names = await db.Partnerships.AsNoTracking().Where(p => ids.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Name);
        var items = rows.Take(size).Select(n => new NotificationView(n.Id, n.Kind, Args(n.Args), n.Link,
            n.PartnershipId, names.GetValueOrDefault(n.PartnershipId) ?? "", n.ActorName, n.At, n.IsRead)).ToList();
        return TypedResults.Ok(new NotificationPage(items, await UnreadAsync(db, me), rows.Count > size));
    }

    /// <summary>Marks one of mine read; an id that is not a number, unknown or someone else's is the same 404.
    /// </summary>
    private static async Task<Results<Ok<UnreadCount>, ProblemHttpResult>> ReadAsync(string id, ClaimsPrincipal user,
        IDbContextFactory<WorkspaceDb> dbs, Notifier notifier)
    {
        var me = Me(user);
        await using var db = await dbs.CreateDbContextAsync();
        var found = long.TryParse(id, System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? await db.Set<Notification>().Where(n => n.Id == number && n.UserId == me)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.IsRead, true))
            : 0;
        if (found == 0)
        {
            return Problems.NotFound(ErrorCodes.UnknownNotification, "This notification does not exist.");
        }
        await notifier.PushUnreadAsync([me]);
        return TypedResults.Ok(new UnreadCount(await UnreadAsync(db, me)));
    }

    private static async Task<Ok<UnreadCount>> ReadAllAsync(ClaimsPrincipal user,
        IDbContextFactory<WorkspaceDb> dbs, Notifier notifier)
    {
        var me = Me(user);
        await using var db = await dbs.CreateDbContextAsync();
        await db.Set<Notification>().Where(n => n.UserId == me && !n.IsRead)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.IsRead, true));
        await notifier.PushUnreadAsync([me]);
        return TypedResults.Ok(new UnreadCount(await UnreadAsync(db, me)));
    }

    private static async Task<Ok<NotificationSettingsView>> SettingsAsync(ClaimsPrincipal user,
        IDbContextFactory<WorkspaceDb> dbs, IOptions<NotificationOptions> options)
    {
        await using var db = await dbs.CreateDbContextAsync();
        var s = await db.Set<NotificationSettings>().AsNoTracking().FirstOrDefaultAsync(x => x.UserId == Me(user))
            ?? new NotificationSettings();
        return TypedResults.Ok(new NotificationSettingsView(!s.EmailOff, s.Language, options.Value.Smtp.Enabled));
    }

    private static async Task<Results<Ok<NotificationSettingsView>, ValidationProblem>> ChangeSettingsAsync(
        NotificationSettingsInput input, ClaimsPrincipal user, IDbContextFactory<WorkspaceDb> dbs,
        IOptions<NotificationOptions> options)
    {
        if (input.Language is { } language && !NotificationTexts.Languages.Contains(language))
        {
            return Problems.Invalid("language", ErrorCodes.UnknownOption, "The language is en or id.");
        }
        NotificationSettings saved;
        try
        {
            saved = await SaveSettingsAsync(dbs, Me(user), input);
        }
        catch (DbUpdateException)
        {
            // The same person's first two changes crossed: the other one made the row; this change goes on top.
            saved = await SaveSettingsAsync(dbs, Me(user), input);
        }
        return TypedResults.Ok(new NotificationSettingsView(!saved.EmailOff, saved.Language,
            options.Value.Smtp.Enabled));
    }

    private static async Task<NotificationSettings> SaveSettingsAsync(IDbContextFactory<WorkspaceDb> dbs, string me,
        NotificationSettingsInput input)
    {
        await using var db = await dbs.CreateDbContextAsync();
        var s = await db.Set<NotificationSettings>().FirstOrDefaultAsync(x => x.UserId == me);
        if (s is null)
        {
            s = new NotificationSettings { UserId = me };
            db.Add(s);
        }
        s.EmailOff = input.EmailEnabled is { } enabled ? !enabled : s.EmailOff;
        s.Language = input.Language ?? s.Language;
        await db.SaveChangesAsync();
        return s;
    }

    private static Task<int> UnreadAsync(WorkspaceDb db, string me) => Mine(db, me).CountAsync(n => !n.IsRead);

    /// <summary>
    /// My notifications from the partnerships I am still in: one I left or was removed from says nothing more about
    /// its work (its rows stay, and come back if I am invited in again).
    /// </summary>
    private static IQueryable<Notification> Mine(WorkspaceDb db, string me) => Current(db).Where(n => n.UserId == me);

    internal static IQueryable<Notification> Current(WorkspaceDb db) => db.Set<Notification>()
        .Where(n => db.Memberships.Any(m => m.UserId == n.UserId && m.PartnershipId == n.PartnershipId));

    private static string Me(ClaimsPrincipal user) =>
        PartnershipAccess.UserId(user) ?? throw new InvalidOperationException("Not signed in.");

    private static JsonElement Args(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(new { });
        }
    }
}
