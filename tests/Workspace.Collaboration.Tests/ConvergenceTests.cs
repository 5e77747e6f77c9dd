using Workspace.Collaboration.Ot;
using Workspace.Collaboration.Tests.Support;

namespace Workspace.Collaboration.Tests;

/// <summary>Algebraic properties the OT type must hold (TP1, compose consistency), on random ops.</summary>
public sealed class ConvergenceTests
{
    private const int Iterations = 3_000;

    [Fact]
    public void ConcurrentPairsConverge()
    {
        var gen = new OpGen(42);
        for (var i = 0; i < Iterations; i++)
        {
            var doc = gen.Doc();
            var a = gen.Op(doc);
            var b = gen.Op(doc);
            var viaA = TextType.Apply(TextType.Apply(doc, a), TextType.Transform(b, a, Side.Left));
            var viaB = TextType.Apply(TextType.Apply(doc, b), TextType.Transform(a, b, Side.Right));
            Assert.True(viaA == viaB, $"doc {doc}, a {a}, b {b}: {viaA} != {viaB}");
        }
    }

    [Fact]
    public void ConcurrentTriplesConvergeInAnyServerOrder()
    {
        var gen = new OpGen(43);
        for (var i = 0; i < Iterations; i++)
        {
            var doc = gen.Doc();
            TextOperation[] ops = [gen.Op(doc), gen.Op(doc), gen.Op(doc)];

            // The server orders a, b, c; each later op is transformed past the earlier ones (earlier wins ties).
            var b1 = TextType.Transform(ops[1], ops[0], Side.Right);
            var c1 = TextType.Transform(TextType.Transform(ops[2], ops[0], Side.Right), b1, Side.Right);
            var serial = TextType.Apply(TextType.Apply(TextType.Apply(doc, ops[0]), b1), c1);

            // A client that applied c first receives a then b and transforms them past its own op.
            var a2 = TextType.Transform(ops[0], ops[2], Side.Left);
            var c2 = TextType.Transform(ops[2], ops[0], Side.Right);
            var b2 = TextType.Transform(b1, c2, Side.Left);
            var client = TextType.Apply(TextType.Apply(TextType.Apply(doc, ops[2]), a2), b2);

            Assert.True(serial == client, $"doc {doc}, ops {string.Join(" ", ops.Select(o => o.ToJson()))}");
        }
    }

    [Fact]
    public void ComposeIsConsistentWithSequentialApply()
    {
        var gen = new OpGen(44);
        for (var i = 0; i < Iterations; i++)
        {
            var doc = gen.Doc();
            var a = gen.Op(doc);
            var mid = TextType.Apply(doc, a);
            var b = gen.Op(mid);
            Assert.Equal(TextType.Apply(mid, b), TextType.Apply(doc, TextType.Compose(a, b)));

            // Transforming a composed op equals transforming its parts one after another.
            var c = gen.Op(doc);
            var composedThenTransformed = TextType.Transform(TextType.Compose(a, b), c, Side.Left);
            var cAfterA = TextType.Transform(c, a, Side.Right);
            var stepwise = TextType.Compose(
                TextType.Transform(a, c, Side.Left),
                TextType.Transform(b, cAfterA, Side.Left));
            var afterC = TextType.Apply(doc, c);
            Assert.Equal(TextType.Apply(afterC, composedThenTransformed), TextType.Apply(afterC, stepwise));
        }
    }

    [Fact]
    public void InvertRestoresTheDocument()
    {
        var gen = new OpGen(45);
        for (var i = 0; i < Iterations; i++)
        {
            var doc = gen.Doc();
            var op = TextType.MakeInvertible(gen.Op(doc), doc);
            Assert.Equal(doc, TextType.Apply(TextType.Apply(doc, op), TextType.Invert(op)));
        }
    }

    [Fact]
    public void WireFormatRoundTripsEveryGeneratedOp()
    {
        var gen = new OpGen(46);
        for (var i = 0; i < Iterations; i++)
        {
            var op = gen.Op(gen.Doc());
            Assert.Equal(op, TextOperation.Parse(op.ToJson()));
            TextType.Validate(op);
        }
    }
}
