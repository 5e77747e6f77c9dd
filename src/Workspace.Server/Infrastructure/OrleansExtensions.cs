using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using StackExchange.Redis;
using Workspace.Server.Features.Partnerships;

namespace Workspace.Server.Infrastructure;

public sealed class OrleansOptions
{
    public const string Section = "Orleans";

    /// <summary>Silo-to-silo port. Every silo on one machine needs its own.</summary>
    [Range(0, 65535)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>0 = no gateway: the web app co-hosts the silo and no external client connects.</summary>
    [Range(0, 65535)]
    public int GatewayPort { get; set; }

    public string ClusterId { get; set; } = "workspace";

    public string ServiceId { get; set; } = "workspace";

    /// <summary>
    /// Empty: one node (localhost clustering). A Redis connection string (<c>host:port</c>): this node joins the
    /// cluster of every node given the same string and <see cref="ClusterId"/> (membership kept in Redis), and live
    /// updates reach connections on every node (SignalR's Redis backplane). Several nodes need PostgreSQL.
    /// </summary>
    public string Redis { get; set; } = "";

    /// <summary>The address other nodes reach this one's silo port on (with <see cref="Redis"/>).</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>
    /// With <see cref="Redis"/>: how long a node's "who is online here" entry lasts unless the node refreshes it
    /// (every third of this). People on a node that died without shutting down drop off the list after this long.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan OnlineEntryLifetime { get; set; } = TimeSpan.FromSeconds(30);
}

public static class OrleansExtensions
{
    public static void AddWorkspaceOrleans(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OrleansOptions>().BindConfiguration(OrleansOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(OrleansOptions.Section).Get<OrleansOptions>() ?? new OrleansOptions();
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();

        if (options.Redis.Length == 0)
        {
            builder.UseOrleans(silo =>
            {
                silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
                silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromMinutes(15));
            });
            return;
        }

        if (database.Provider != DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException("Several nodes (Orleans:Redis is set) share one database: set Database:Provider=Postgres and its connection string.");
        }
        if (!IPAddress.TryParse(options.AdvertisedAddress, out var advertised))
        {
            throw new InvalidOperationException($"Orleans:AdvertisedAddress must be an IP address, not \"{options.AdvertisedAddress}\".");
        }
        builder.UseOrleans(silo =>
        {
            silo.UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(options.Redis));
            silo.Configure<ClusterOptions>(o => { o.ClusterId = options.ClusterId; o.ServiceId = options.ServiceId; });
            silo.ConfigureEndpoints(advertised, options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true);
            silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromMinutes(15));
        });
        // Grains broadcast through their own node's hub context; the backplane carries it to every node's connections.
        builder.Services.AddSignalR().AddStackExchangeRedis(options.Redis, o =>
            o.Configuration.ChannelPrefix = RedisChannel.Literal($"workspace:{options.ClusterId}"));
        builder.Services.AddHostedService<ClusterLink>();
    }
}

/// <summary>
/// What the nodes of a cluster tell each other beyond grains and the backplane, over Redis: a removed member's
/// live connections are cut on every node (a message each node acts on), and "who is online" joins every node's
/// list (a hash per partnership, one field per node, each entry expiring unless its node refreshes it).
/// </summary>
internal sealed class ClusterLink(LiveConnections connections, PartnershipFeed feed, IOptions<OrleansOptions> options, ILogger<ClusterLink> log) : BackgroundService
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
        connections.OtherNodes = (partnershipId, userId) => subscriber.Publish(revocations, $"{partnershipId}|{userId}", CommandFlags.FireAndForget);
        connections.AcrossNodes = OnlineAcrossNodesAsync;
        log.LogInformation("Node {Node} shares member removals and who is online with cluster {ClusterId}.", _node, options.Value.ClusterId);
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
                    log.LogWarning(ex, "Could not refresh who is online in partnership {PartnershipId}.", partnershipId);
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
