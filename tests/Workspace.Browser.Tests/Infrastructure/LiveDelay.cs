using System.Diagnostics;

namespace Workspace.Browser.Tests.Infrastructure;

/// <summary>
/// How long a change took to reach the other person's screen: waited for like any state and written to the test
/// output, not asserted against a time — on a shared CI machine a one-second limit failed for the machine's load,
/// not the product's (push latency is measured by the benchmarks).
/// </summary>
public static class LiveDelay
{
    public static async Task SeenAsync(string what, Func<Task> expectation)
    {
        var clock = Stopwatch.StartNew();
        await expectation();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{what}: on the other screen after {clock.ElapsedMilliseconds} ms");
    }
}
