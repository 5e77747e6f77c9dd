using Xunit.Sdk;

namespace Workspace.Server.Tests.Infrastructure;

/// <summary>The waiting helper every live test relies on: it must return once the condition holds, and fail — naming
/// what it waited for — when it never does.</summary>
public sealed class EventuallyTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReturnsTheValueOnceItIsDoneAndFailsNamingItWhenItNeverIs()
    {
        var reads = 0;
        var value = await Eventually.ValueAsync(() => Task.FromResult(++reads), n => n >= 3, _ct, 5_000, "three reads");
        Assert.Equal(3, value);

        var failure = await Assert.ThrowsAsync<TrueException>(
            () => Eventually.TrueAsync(() => Task.FromResult(false), _ct, 100, "a condition that never holds"));
        Assert.Contains(
            "Timed out waiting for: a condition that never holds", failure.Message, StringComparison.Ordinal);
    }
}
