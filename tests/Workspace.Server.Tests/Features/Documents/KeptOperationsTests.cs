using Microsoft.Extensions.DependencyInjection;
using Workspace.Collaboration.Ot;
using Workspace.Server.Features.Documents;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Server.Tests.Features.Documents;

/// <summary>
/// The operations a document keeps in memory (for late clients) live long enough to be copied by the garbage
/// collector on their way to its oldest generation, so what each one holds counts on every young collection.
/// </summary>
public sealed class KeptOperationsTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheKeptOpsOfOneClientShareOneStringForItsId()
    {
        await using var factory = new WorkspaceFactory();
        var owner = await factory.SignUpAsync("Rina", ct: _ct);
        var (_, docId) = await DocumentTestKit.CreateDocumentAsync(owner, _ct);
        var grain = factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IDocumentGrain>(docId);
        var actor = new Actor(owner.Id, owner.Name, owner.Email);
        for (var seq = 1; seq <= 3; seq++)
        {
            // Each submit's id is its own string, as each message from the socket is read into a new one.
            var id = string.Concat("typist-", "a");
            var op = TextOperation.Insert(seq - 1, "x");
            var outcome = await grain.SubmitAsync(new SubmitCommand(id, seq, seq - 1, op, actor, ""));
            Assert.Equal(OutcomeKind.Ok, outcome.Kind);
        }

        var ops = (await grain.OpenAsync(0)).Value!.Operations!;

        Assert.Equal(3, ops.Count);
        Assert.All(ops, o => Assert.Equal("typist-a", o.ClientId));
        Assert.Same(ops[0].ClientId, ops[1].ClientId);
        Assert.Same(ops[0].ClientId, ops[2].ClientId);
    }
}
