using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Workspace.Server.Data;

namespace Workspace.Server.Kernel;

public sealed record OnlineMembers(IReadOnlyList<string> UserIds);

/// <summary>
/// How a grain tells the partnership what happened: an activity entry saved with the change, and
/// an event pushed to every connected member after the change is saved.
/// </summary>
public sealed partial class PartnershipFeed(
    IDbContextFactory<WorkspaceDb> dbs,
    IHubContext<PartnershipHub, IPartnershipClient> hub,
    LiveConnections connections,
    TimeProvider clock,
    INotifier? notifier = null)
{
    /// <summary>
    /// An activity entry: <c>summary</c> is the English sentence (after the actor's name), kept for readers
    /// without a template; <c>args</c> are the values in it, for the UI's template of <c>kind</c> in each language.
    /// </summary>
    public ActivityEntry Activity(Guid partnershipId, Actor actor, string kind, string summary, object? args = null) =>
        new()
        {
            PartnershipId = partnershipId,
            At = clock.GetUtcNow(),
            ActorUserId = actor.UserId,
            ActorName = actor.DisplayName,
            Kind = kind,
            Summary = summary.Length > 1000 ? summary[..1000] : summary,
            Args = args is null ? "{}" : Truncated(JsonSerializer.Serialize(args)),
        };

    private static string Truncated(string json) => json.Length <= 2000 ? json : "{}";

    /// <summary>
    /// Saves a change together with its activity entry and the notifications of <paramref name="notice"/>, in one
    /// transaction; then the people told get their unread counts.
    /// </summary>
    public async Task SaveAsync(Guid partnershipId, Action<WorkspaceDb> change, Actor actor, string kind,
        string summary, object? args = null, Notice? notice = null)
    {
        await using var db = await dbs.CreateDbContextAsync();
        change(db);
        db.Activity.Add(Activity(partnershipId, actor, kind, summary, args));
        var staged = notice is null ? null
            : await (notifier ?? throw new InvalidOperationException("No notifier")).StageAsync(db, notice);
        await db.SaveChangesAsync();
        if (staged is not null)
        {
            await notifier!.AnnounceAsync(staged);
        }
    }

    /// <summary>
    /// Per partnership: the online list this node last pushed (sorted, joined), so a refresh pushes only changes.
    /// </summary>
    private readonly ConcurrentDictionary<Guid, string> _lastOnline = new();


    /// <summary>
    /// Pushes who is online only when it differs from what this node pushed last (several nodes: a periodic check).
    /// </summary>
    public Task PublishOnlineIfChangedAsync(Guid partnershipId) =>
        PublishOnlineAsync(partnershipId, onlyIfChanged: true);

    private async Task PublishOnlineAsync(Guid partnershipId, bool onlyIfChanged, bool orHere = false)
    {
        IReadOnlyList<string> online;
        try
        {
            online = await connections.OnlineEverywhereAsync(partnershipId);
        }
        catch (Exception)
        {
            if (onlyIfChanged && !orHere)
            {
                return; // the other nodes could not be asked: nothing new is known
            }
            online = connections.Online(partnershipId); // this node's people at least
        }
        var key = string.Join(',', online.Order(StringComparer.Ordinal));
        if (onlyIfChanged && _lastOnline.TryGetValue(partnershipId, out var last) && last == key)
        {
            return;
        }
        _lastOnline[partnershipId] = key;
        await PushOnlineAsync(partnershipId,
            new PartnershipEvent(partnershipId, "presence", new OnlineMembers(online)));
    }

    /// <summary>Push is best effort: the change is already saved, and clients reload on reconnect.</summary>
    public async Task PublishAsync(Guid partnershipId, string kind, object payload)
    {
        try
        {
            await hub.Clients.Group(PartnershipGrain.Group(partnershipId))
                .PartnershipChanged(new PartnershipEvent(partnershipId, kind, payload));
        }
        catch (Exception)
        {
            // A failed push must not fail a saved command.
        }
    }
}
