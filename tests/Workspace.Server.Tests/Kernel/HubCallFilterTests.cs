using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using Workspace.Collaboration.Errors;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Server.Tests.Kernel;

/// <summary>
/// The one filter that logs failed hub calls also turns a refusal a grain raised into its hub refusal, whether the
/// call failed at once or after awaiting, and lets every other fault go on as it is.
/// </summary>
public sealed class HubCallFilterTests
{
    private readonly CapturedLogs _logs = new();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ARefusalAGrainRaisedReachesTheCallerAsItsHubRefusalAndIsLoggedAsARefusal(bool afterAwaiting)
    {
        var raised = new CommandRejectedException(ErrorCodes.Resync, "Resync required.") { StatusCode = 409 };

        var refused = await Assert.ThrowsAsync<HubException>(() => InvokeAsync(Failing(raised, afterAwaiting)));

        var error = HubError.From(refused);
        Assert.Equal((ErrorCodes.Resync, false, "Resync required."), (error?.Code, error?.Final, error?.Detail));
        var entry = Assert.Single(_logs.Entries, e => e.Category == typeof(HubCallLogging).FullName);
        Assert.Equal((LogLevel.Information, (Exception?)null), (entry.Level, entry.Exception));
        Assert.Contains("Resync required.", entry.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AFaultGoesOnAsItIsAndIsLoggedAsAnErrorWithIt(bool afterAwaiting)
    {
        var fault = new InvalidOperationException("broken");

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(
            () => InvokeAsync(Failing(fault, afterAwaiting)));

        Assert.Same(fault, thrown);
        var entry = Assert.Single(_logs.Entries, e => e.Category == typeof(HubCallLogging).FullName);
        Assert.Equal((LogLevel.Error, (Exception?)fault), (entry.Level, entry.Exception));
    }

    [Fact]
    public async Task ACallThatSucceedsReturnsItsResultAndLogsNothing()
    {
        Assert.Equal(42, await InvokeAsync(async _ =>
        {
            await Task.Yield();
            return 42;
        }));
        Assert.Equal(7, await InvokeAsync(_ => ValueTask.FromResult<object?>(7)));
        Assert.Empty(_logs.Entries);
    }

    private static Func<HubInvocationContext, ValueTask<object?>> Failing(Exception error, bool afterAwaiting) =>
        afterAwaiting
            ? async _ =>
            {
                await Task.Yield();
                throw error;
            }
            : _ => throw error;

    private async Task<object?> InvokeAsync(Func<HubInvocationContext, ValueTask<object?>> next)
    {
        using var loggers = LoggerFactory.Create(b => b.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        var filter = new HubCallLogging(loggers.CreateLogger<HubCallLogging>());
        using var hub = new TestHub();
        var context = new HubInvocationContext(new TestCaller(), EmptyServices.Instance, hub,
            typeof(TestHub).GetMethod(nameof(TestHub.Submit))!, []);
        return await filter.InvokeMethodAsync(context, next);
    }

    public sealed class TestHub : Hub
    {
        public static void Submit()
        {
        }
    }

    private sealed class TestCaller : HubCallerContext
    {
        public override string ConnectionId => "connection";

        public override string? UserIdentifier => "user";

        public override ClaimsPrincipal? User => new();

        public override IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();

        public override IFeatureCollection Features { get; } = new FeatureCollection();

        public override CancellationToken ConnectionAborted => CancellationToken.None;

        public override void Abort()
        {
        }
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
