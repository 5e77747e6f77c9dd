namespace Workspace.Server.Tests.Infrastructure;

/// <summary>Waits for a condition that another connection makes true, failing after a timeout.</summary>
public static class Eventually
{
    // 15 s, not 5: CI runs these beside the browser tests on two cores with one kept busy, and a live push then
    // takes more than 5 s now and then. A condition that never comes still fails.
    public static async Task TrueAsync(Func<bool> condition, CancellationToken ct, int timeoutMs = 15_000)
    {
        var until = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "condition not met in time");
            await Task.Delay(25, ct);
        }
    }
}
