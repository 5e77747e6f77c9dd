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
        builder.Services.AddHostedService<ClusterRevocations>();
    }
}

/// <summary>
/// A removed member's live connections are on whichever nodes they reached: the removal is published on a Redis
/// channel, and every node aborts its own (<see cref="LiveConnections.RevokeHere"/>).
/// </summary>
internal sealed class ClusterRevocations(LiveConnections connections, IOptions<OrleansOptions> options, ILogger<ClusterRevocations> log) : IHostedService, IAsyncDisposable
{
    private ConnectionMultiplexer? _redis;

    private RedisChannel Channel => RedisChannel.Literal($"workspace:{options.Value.ClusterId}:revoke");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _redis = await ConnectionMultiplexer.ConnectAsync(options.Value.Redis);
        var subscriber = _redis.GetSubscriber();
        await subscriber.SubscribeAsync(Channel, (_, message) =>
        {
            var parts = message.ToString().Split('|', 2);
            if (parts.Length == 2 && Guid.TryParse(parts[0], out var partnershipId))
            {
                connections.RevokeHere(partnershipId, parts[1]);
            }
        });
        connections.OtherNodes = (partnershipId, userId) =>
            subscriber.Publish(Channel, $"{partnershipId}|{userId}", CommandFlags.FireAndForget);
        log.LogInformation("Member removals are shared with the other nodes of cluster {ClusterId}.", options.Value.ClusterId);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        connections.OtherNodes = null;
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }
}
