namespace Workspace.Server.Tests.Infrastructure;

/// <summary>
/// A stopped server must leave nothing behind: the test host starts a server for almost every test, and while each
/// stopped one stayed reachable (ASP.NET Core's rate-limiting middleware never stops its limiter's timer) the test
/// host grew to 3 GB and stalled in GC pauses.
/// </summary>
public sealed class StoppedServerTests
{
    [Fact]
    public async Task StoppedServerCanBeCollected()
    {
        // Process-wide caches (Orleans interners, Sqlite's pool factory) start timers the first time any server
        // uses them, and those timers keep that first server for good; let a first server take them.
        await RunAndStopAsync();
        var services = await RunAndStopAsync();

        // A few background loops of the stopped server may still be finishing; a retained server never goes. Each
        // ask is two full blocking GCs of the whole test host (which runs other tests beside this one, with a heap of
        // every server they hold), so it asks twice a second, not forty times.
        await Eventually.TrueAsync(() =>
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            return !services.IsAlive;
        }, TestContext.Current.CancellationToken, pollMs: 500);
    }

    // Its own async method, so that nothing of the server stays reachable from this test's locals. The database
    // is opened without Sqlite's pool: a pool keeps its timer (and through it the server) for minutes after use.
    private static async Task<WeakReference> RunAndStopAsync()
    {
        await using var factory = new WorkspaceFactory();
        factory.With(
            "Database:ConnectionString",
            $"Data Source={Path.Combine(factory.DataDirectory, "workspace.db")};Pooling=False");
        // Sign-up and sign-in are rate limited, so the limiter is in use.
        await factory.SignUpAsync("Ada", ct: TestContext.Current.CancellationToken);
        return new WeakReference(factory.Services);
    }
}
