using System.ComponentModel.DataAnnotations;
using System.Net;
using Orleans.Configuration;
using StackExchange.Redis;

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
        builder.Services.AddOptions<OrleansOptions>().BindConfiguration(OrleansOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(OrleansOptions.Section).Get<OrleansOptions>()
            ?? new OrleansOptions();
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()
            ?? new DatabaseOptions();

        if (options.Redis.Length == 0)
        {
            builder.UseOrleans(silo =>
            {
                silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId,
                    clusterId: options.ClusterId);
                silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromMinutes(15));
            });
            return;
        }

        if (database.Provider != DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException(
                "Several nodes (Orleans:Redis is set) share one database: "
                + "set Database:Provider=Postgres and its connection string.");
        }
        if (!IPAddress.TryParse(options.AdvertisedAddress, out var advertised))
        {
            throw new InvalidOperationException(
                $"Orleans:AdvertisedAddress must be an IP address, not \"{options.AdvertisedAddress}\".");
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
    }
}
