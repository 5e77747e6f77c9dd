using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workspace.Collaboration.Documents;
using Workspace.Collaboration.Ot;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Documents.DocumentTestKit;

namespace Workspace.Server.Tests.Kernel;

/// <summary>The log tells refusals (the client's doing) from faults (the server's).</summary>
public sealed class HubLoggingTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task AFloodOfRefusedHubCallsIsLoggedAsRefusalsWithoutStacksAndNoErrors()
    {
        var logs = new CapturedLogs();
        await using var factory = new WorkspaceFactory()
            .With("RateLimits:HubMessagesPerSecond", "40")
            .WithServices(s => s.AddSingleton<ILoggerProvider>(logs));
        var ana = await factory.SignUpAsync("Ana", ct: _ct);
        var (pid, docId) = await CreateDocumentAsync(ana, _ct);
        await using var documents = factory.Hub(ana, DocumentHubNames.Path);
        await using var partnership = factory.Hub(ana, "/hubs/partnership");
        await documents.StartAsync(_ct);
        await partnership.StartAsync(_ct);
        await documents.InvokeAsync<DocumentState>(DocumentHubNames.OpenDocument, docId, null, _ct);
        await documents.InvokeAsync<SubmitResult>(
            DocumentHubNames.Submit,
            SubmitRequest.Of(docId, "ana", 1, 0, TextOperation.Insert(0, "abc")),
            _ct);
        var before = logs.Entries.Count;

        var refused = 0;
        for (var i = 0; i < 240; i++)
        {
            try
            {
                await BadCallAsync(i % 6, documents, partnership, docId);
            }
            catch (HubException)
            {
                refused++;
            }
        }

        var flood = logs.Entries.Skip(before).ToList();
        var refusals = flood.Where(e => e.Category == typeof(HubCallLogging).FullName).ToList();
        Assert.Equal(240, refused);
        Assert.True(
            !flood.Any(e => e.Level >= LogLevel.Error),
            string.Join("\n", flood.Where(e => e.Level >= LogLevel.Error).Take(3)));
        Assert.DoesNotContain(flood, e => e.Exception is HubException or CommandRejectedException);
        Assert.Equal(240, refusals.Count);
        Assert.All(refusals, e => Assert.True(e.Level == LogLevel.Information && e.Exception is null, e.ToString()));
        Assert.Contains(refusals, e => e.Message.Contains("Too many messages", StringComparison.Ordinal));
        Assert.Contains(refusals, e => e.Message.Contains("names text that is not there", StringComparison.Ordinal));
        Assert.Equal("abc", await ServerTextAsync(ana, pid, docId, _ct));
    }

    [Fact]
    public async Task AFaultInAHubCallIsStillLoggedAsAnErrorWithItsStack()
    {
        var logs = new CapturedLogs();
        await using var factory = new WorkspaceFactory().WithServices(s =>
        {
            s.AddSingleton<ILoggerProvider>(logs);
            s.AddSignalR(o => o.AddFilter(new FaultyWhoAmI()));
        });
        var ana = await factory.SignUpAsync("Budi", ct: _ct);
        await using var live = factory.Hub(ana, "/hubs/live");
        await live.StartAsync(_ct);

        await Assert.ThrowsAsync<HubException>(() => live.InvokeAsync<string>("WhoAmI", _ct));

        var fault = Assert.Single(logs.Entries, e => e.Level >= LogLevel.Error);
        Assert.Equal(typeof(HubCallLogging).FullName, fault.Category);
        Assert.Equal(LogLevel.Error, fault.Level);
        Assert.IsType<InvalidOperationException>(fault.Exception);
        Assert.NotNull(fault.Exception!.StackTrace);
        Assert.Contains("LiveHub.WhoAmI", fault.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// One of six kinds of call the server must refuse: a flood of them is what a hostile client sends.
    /// </summary>
    private Task BadCallAsync(int kind, HubConnection documents, HubConnection partnership, Guid docId) => kind switch
    {
        0 => documents.InvokeAsync<SubmitResult>(DocumentHubNames.Submit,
            new {
                documentId = docId,
                clientId = "ana",
                clientSeq = 2,
                baseRevision = 1,
                op = JsonDocument.Parse("[{\"x\":1}]").RootElement
            },
            _ct),
        1 => documents.InvokeAsync<SubmitResult>(DocumentHubNames.Submit,
            SubmitRequest.Of(docId, "ana", 2, 1, TextOperation.Create(OpComponent.Delete("ZZZ"))), _ct),
        2 => documents.InvokeAsync<SubmitResult>(
            DocumentHubNames.Submit,
            SubmitRequest.Of(docId, "ana", 0, 1, TextOperation.Insert(0, "x")),
            _ct),
        3 => documents.InvokeAsync<SubmitResult>(
            DocumentHubNames.Submit,
            SubmitRequest.Of(Guid.NewGuid(), "ana", 2, 1, TextOperation.Insert(0, "x")),
            _ct),
        4 => partnership.InvokeAsync<PartnershipView>("JoinPartnership", Guid.NewGuid(), _ct),
        _ => documents.InvokeAsync(DocumentHubNames.UpdatePresence, Guid.NewGuid(), 0L, 0, 0, _ct),
    };

    /// <summary>Stands for a defect of the server: one hub method throws an unexpected exception.</summary>
    private sealed class FaultyWhoAmI : IHubFilter
    {
        public ValueTask<object?> InvokeMethodAsync(
            HubInvocationContext invocationContext,
            Func<HubInvocationContext, ValueTask<object?>> next) =>
            invocationContext.HubMethodName == "WhoAmI"
                ? throw new InvalidOperationException("A defect.")
                : next(invocationContext);
    }
}
