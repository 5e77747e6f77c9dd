using System.ComponentModel.DataAnnotations;
using Orleans.Configuration;

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
}

public static class OrleansExtensions
{
    public static void AddWorkspaceOrleans(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OrleansOptions>().BindConfiguration(OrleansOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(OrleansOptions.Section).Get<OrleansOptions>() ?? new OrleansOptions();

        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
            silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromMinutes(15));
        });
    }
}
