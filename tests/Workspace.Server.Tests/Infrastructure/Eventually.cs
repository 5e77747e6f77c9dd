namespace Workspace.Server.Tests.Infrastructure;

/// <summary>Waits for a condition that another connection or the server's background work makes true, failing
/// after a timeout. Tests wait for the progress they assert, never for a fixed pause.</summary>
public static class Eventually
{
    // 15 s, not 5: CI runs these beside the browser tests on two cores with one kept busy, and a live push then
    // takes more than 5 s now and then. A condition that never comes still fails.
    private const int DefaultTimeoutMs = 15_000;

    /// <summary>How long to wait between two reads; a condition that is costly to ask (a full GC) asks less often.
    /// </summary>
    private const int DefaultPollMs = 25;

    public static Task TrueAsync(Func<bool> condition, CancellationToken ct, int timeoutMs = DefaultTimeoutMs,
        string because = "the condition", int pollMs = DefaultPollMs) =>
        ValueAsync(() => Task.FromResult(condition()), done => done, ct, timeoutMs, because, pollMs);

    /// <summary>Waits for a condition that has to ask something (a database, an endpoint) to know.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, CancellationToken ct,
        int timeoutMs = DefaultTimeoutMs, string because = "the condition") =>
        await ValueAsync(condition, done => done, ct, timeoutMs, because);

    /// <summary>Reads until the value read is <paramref name="done"/> and returns it; on timeout the message shows the
    /// last value read.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T>> read, Func<T, bool> done, CancellationToken ct,
        int timeoutMs = DefaultTimeoutMs, string because = "the value", int pollMs = DefaultPollMs)
    {
        var until = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }
            Assert.True(DateTime.UtcNow < until, $"Timed out waiting for: {because}; last read: {value}");
            await Task.Delay(pollMs, ct);
        }
    }
}
