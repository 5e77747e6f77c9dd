using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Kernel;

public static class ClusterPresenceExtensions
{
    /// <summary>With several nodes (<c>Orleans:Redis</c> set), removals and "who is online" cross nodes.</summary>
    public static void AddWorkspaceClusterPresence(this WebApplicationBuilder builder)
    {
        var redis = builder.Configuration.GetSection(OrleansOptions.Section).Get<OrleansOptions>()?.Redis ?? "";
        if (redis.Length > 0)
        {
            builder.Services.AddHostedService<ClusterLink>();
        }
    }
}

/// <summary>
/// What the nodes of a cluster tell each other beyond grains and the backplane, over Redis: a removed member's
/// live connections are cut on every node (a message each node acts on), and "who is online" joins every node's
/// list (a hash per partnership, one field per node, each entry expiring unless its node refreshes it).
/// </summary>
internal sealed class ClusterLink(
    LiveConnections connections, PartnershipFeed feed, IOptions<OrleansOptions> options, ILogger<ClusterLink> log)
    : BackgroundService
{
    private TimeSpan EntryLifetime => options.Value.OnlineEntryLifetime;
    private readonly string _node = Guid.NewGuid().ToString("N");
    private ConnectionMultiplexer? _redis;

    private string Prefix => $"workspace:{options.Value.ClusterId}";

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _redis = await ConnectionMultiplexer.ConnectAsync(options.Value.Redis);
        var subscriber = _redis.GetSubscriber();
        var revocations = RedisChannel.Literal($"{Prefix}:revoke");
        await subscriber.SubscribeAsync(revocations, (_, message) =>
        {
            var parts = message.ToString().Split('|', 2);
            if (parts.Length == 2 && Guid.TryParse(parts[0], out var partnershipId))
            {
                connections.RevokeHere(partnershipId, parts[1]);
            }
        });
        connections.OtherNodes = (partnershipId, userId) =>
            subscriber.Publish(revocations, $"{partnershipId}|{userId}", CommandFlags.FireAndForget);
        connections.AcrossNodes = OnlineAcrossNodesAsync;
        log.LogInformation("Node {Node} shares member removals and who is online with cluster {ClusterId}.", _node,
            options.Value.ClusterId);
        await base.StartAsync(cancellationToken);
    }

    /// <summary>
    /// Keeps this node's entries alive while it has people online, and tells them when the list changed without a
    /// join or leave here (another node's people dropped off because that node stopped refreshing its entry).
    /// </summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(EntryLifetime / 3);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var partnershipId in connections.Partnerships())
            {
                try
                {
                    await feed.PublishOnlineIfChangedAsync(partnershipId);
                }
                catch (RedisException ex)
                {
                    log.LogWarning(ex, "Could not refresh who is online in partnership {PartnershipId}.",
                        partnershipId);
                }
            }
        }
    }

    private string OnlineKey(Guid partnershipId) => $"{Prefix}:online:{partnershipId}";

    private async Task WriteAsync(Guid partnershipId, IReadOnlyList<string> here)
    {
        var db = _redis!.GetDatabase();
        var key = OnlineKey(partnershipId);
        if (here.Count == 0)
        {
            await db.HashDeleteAsync(key, _node);
            return;
        }
        var until = DateTimeOffset.UtcNow.Add(EntryLifetime).ToUnixTimeSeconds();
        await db.HashSetAsync(key, _node, $"{until}|{string.Join(',', here)}");
        await db.KeyExpireAsync(key, EntryLifetime * 2);
    }

    private async Task<IReadOnlyList<string>> OnlineAcrossNodesAsync(Guid partnershipId, IReadOnlyList<string> here)
    {
        await WriteAsync(partnershipId, here);
        var everyone = new HashSet<string>(here);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var db = _redis!.GetDatabase();
        foreach (var entry in await db.HashGetAllAsync(OnlineKey(partnershipId)))
        {
            var parts = entry.Value.ToString().Split('|', 2);
            if (parts.Length != 2 || !long.TryParse(parts[0], out var until) || until < now)
            {
                await db.HashDeleteAsync(OnlineKey(partnershipId), entry.Name); // a node that stopped refreshing
                continue;
            }
            everyone.UnionWith(parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries));
        }
        return everyone.ToList();
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        connections.OtherNodes = null;
        connections.AcrossNodes = null;
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _redis?.Dispose();
        base.Dispose();
    }
}
