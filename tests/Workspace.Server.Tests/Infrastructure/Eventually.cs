namespace Workspace.Server.Tests.Infrastructure;

/// <summary>Waits for a condition that another connection makes true, failing after a timeout.</summary>
public static class Eventually
{
    // 15 s, not 5: CI runs these beside the browser tests on two cores with one kept busy, and a live push then
    // takes more than 5 s now and then. A condition that never comes still fails.
    public static Task TrueAsync(Func<bool> condition, CancellationToken ct, int timeoutMs = 15_000) =>
        TrueAsync(() => Task.FromResult(condition()), ct, timeoutMs);

    /// <summary>Waits for a condition that has to ask something (a database, an endpoint) to know.</summary>
    public static async Task TrueAsync(
        Func<Task<bool>> condition, CancellationToken ct, int timeoutMs = 15_000, string because = "condition")
    {
        var until = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, $"{because} not met in time");
            await Task.Delay(25, ct);
        }
    }
}
