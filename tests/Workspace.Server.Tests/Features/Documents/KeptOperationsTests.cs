using Microsoft.Extensions.DependencyInjection;
using Workspace.Collaboration.Documents;
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

    /// <summary>Every kind of component, an astral character, a count past 16 bits and a 100 KB insert.</summary>
    private static readonly TextOperation[] Shapes =
    [
        TextOperation.Insert(0, "hello"),
        TextOperation.Create(OpComponent.Retain(3), OpComponent.Insert("a\U0001F600b"), OpComponent.Delete(2)),
        TextOperation.Delete(1, 4),
        TextOperation.Delete(0, "gone"),
        TextOperation.Create(OpComponent.Retain(70_000), OpComponent.Insert(new string('z', 100_000))),
        TextOperation.Empty,
    ];

    [Fact]
    public void KeptOpsReadBackAsTheyWereAdded()
    {
        var kept = new KeptOperations();
        for (var i = 0; i < Shapes.Length; i++)
        {
            kept.Add(Shapes[i], $"client-{i % 2}", 10 + i, $"author-{i % 2}", i % 2 == 0 ? "Rina" : "");
        }
        kept.RemoveOldest(2);

        Assert.Equal(Shapes.Length - 2, kept.Count);
        for (var i = 2; i < Shapes.Length; i++)
        {
            Assert.Equal(Shapes[i], kept.OpAt(i - 2));
            var applied = kept.At(i - 2, Guid.Empty, 100 + i);
            Assert.Equal(new AppliedOperation(Guid.Empty, 100 + i, Shapes[i], $"client-{i % 2}", 10 + i,
                $"author-{i % 2}", i % 2 == 0 ? "Rina" : ""), applied);
        }
        Assert.Equal(Shapes[2..], kept.OpsFrom(0));
        Assert.Equal(1, kept.FindLast("client-1", "author-1", 13));
        Assert.Equal(-1, kept.FindLast("client-1", "author-0", 13));
        Assert.Equal(-1, kept.FindLast("client-0", "author-0", 10)); // dropped
    }

    [Fact]
    public void KeepingAnOpAddsNoObjectOnceTheBuffersHaveGrown()
    {
        var kept = new KeptOperations();
        var op = TextOperation.Create(OpComponent.Retain(12), OpComponent.Insert("x"));
        // Each message's ids and name are strings of their own, as read from the socket.
        var ids = Enumerable.Range(0, 4_000).Select(i => string.Concat("client-", (i % 5).ToString())).ToArray();
        var names = Enumerable.Range(0, 4_000).Select(i => string.Concat("Name ", (i % 5).ToString())).ToArray();
        void Type(int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                kept.Add(op, ids[i], i, ids[i], names[i]);
                if (kept.Count >= 1_250)
                {
                    kept.RemoveOldest(250);
                }
            }
        }
        Type(0, 2_000);

        var before = GC.GetAllocatedBytesForCurrentThread();
        Type(2_000, 4_000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Same(kept.At(0, Guid.Empty, 1).ClientId, kept.At(5, Guid.Empty, 6).ClientId);
        Assert.Same(kept.At(0, Guid.Empty, 1).AuthorName, kept.At(5, Guid.Empty, 6).AuthorName);
    }

    [Fact]
    public async Task CatchUpAndResendAreAnsweredFromTheKeptOps()
    {
        await using var small = new WorkspaceFactory().With("Documents:RetainedOperations", "8");
        var owner = await small.SignUpAsync("Rina", ct: _ct);
        var (_, docId) = await DocumentTestKit.CreateDocumentAsync(owner, _ct);
        var grain = small.Services.GetRequiredService<IGrainFactory>().GetGrain<IDocumentGrain>(docId);
        var actor = new Actor(owner.Id, owner.Name, owner.Email);
        var typed = new List<TextOperation>();
        for (var seq = 1; seq <= 20; seq++)
        {
            // 😀! → 😀ab! → 😀b! → b!: each kind of component, an astral character, a delete that keeps its text.
            var op = (seq % 4) switch
            {
                0 => TextOperation.Delete(0, 1),
                1 => TextOperation.Insert(0, "\U0001F600!"),
                2 => TextOperation.Create(OpComponent.Retain(1), OpComponent.Insert("ab")),
                _ => TextOperation.Delete(1, "a"),
            };
            var outcome = await grain.SubmitAsync(new SubmitCommand("typist", seq, seq - 1, op, actor, ""));
            Assert.Equal(OutcomeKind.Ok, outcome.Kind);
            typed.Add(op);
        }

        var state = (await grain.OpenAsync(15)).Value!;
        var resent = await grain.SubmitAsync(new SubmitCommand("typist", 17, 16, typed[16], actor, ""));

        Assert.Null(state.Text);
        Assert.Equal(Enumerable.Range(16, 5).Select(r => new AppliedOperation(docId, r, typed[r - 1], "typist", r,
            owner.Id, owner.Name)), state.Operations!);
        Assert.Equal(new SubmitResult(17, true), resent.Value);
    }
}
