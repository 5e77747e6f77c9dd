using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Workspace.Server.Features.Documents;
using Workspace.Server.Kernel;

namespace Workspace.Server.Data;

/// <summary>
/// The one database: Identity tables plus every feature's tables (configured in the feature's folder).
/// </summary>
public sealed class WorkspaceDb(DbContextOptions<WorkspaceDb> options)
    : IdentityDbContext<WorkspaceUser>(options), IDataProtectionKeyContext
{
    /// <summary>ASP.NET Core data-protection keys (cookies, antiforgery).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Partnership> Partnerships => Set<Partnership>();
    public DbSet<Party> Parties => Set<Party>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<ActivityEntry> Activity => Set<ActivityEntry>();
    public DbSet<Invitation> Invitations => Set<Invitation>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(WorkspaceDb).Assembly);
        if (Database.IsSqlite())
        {
            // Column types that differ by provider; each provider has its own migrations (ProviderMigrations).
            DocumentConfiguration.ConfigureSqlite(builder);
        }
    }
}
