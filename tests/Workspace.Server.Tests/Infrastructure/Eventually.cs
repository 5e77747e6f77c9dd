namespace Workspace.Server.Tests.Infrastructure;

/// <summary>Waits for a condition that another connection makes true, failing after a timeout.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, CancellationToken ct, int timeoutMs = 5000)
    {
        var until = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "condition not met in time");
            await Task.Delay(25, ct);
        }
    }
}
