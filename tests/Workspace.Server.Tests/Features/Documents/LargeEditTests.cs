using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Documents.DocumentTestKit;

namespace Workspace.Server.Tests.Features.Documents;

/// <summary>The biggest edit the document limits allow must also fit through the hub's message limit.</summary>
public sealed class LargeEditTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task APasteOfTheLargestAllowedSizeLands()
    {
        var owner = await factory.SignUpAsync("Paster", ct: _ct);
        var (pid, docId) = await CreateDocumentAsync(owner, _ct);
        var (connection, session) = await OpenAsync(factory, owner, docId, _ct);
        var rejected = new List<string>();
        session.Rejected += m => rejected.Add(m);

        // 100 000 code points (the default MaxOperationLength), astral ones: about 400 kB of UTF-8 JSON.
        var paste = string.Concat(Enumerable.Repeat("😀", 100_000));
        session.Insert(0, paste);
        await session.WaitSyncedAsync(_ct).WaitAsync(TimeSpan.FromSeconds(30), _ct);

        Assert.True(rejected.Count == 0, string.Join(" | ", rejected));
        Assert.Equal(paste, await ServerTextAsync(owner, pid, docId, _ct));
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task APasteOverTheLimitIsRefusedWithAClearMessageAndChangesNothing()
    {
        var owner = await factory.SignUpAsync("Big Paster", ct: _ct);
        var (pid, docId) = await CreateDocumentAsync(owner, _ct);
        var (connection, session) = await OpenAsync(factory, owner, docId, _ct);
        var rejected = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        session.Rejected += m => rejected.TrySetResult(m);

        session.Insert(0, new string('x', 100_001));
        var message = await rejected.Task.WaitAsync(TimeSpan.FromSeconds(30), _ct);

        Assert.Contains("at most 100000", message, StringComparison.Ordinal);
        Assert.Equal("", await ServerTextAsync(owner, pid, docId, _ct));
        await connection.DisposeAsync();
    }
}
