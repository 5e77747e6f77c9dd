using Workspace.Collaboration.Ot;

namespace Workspace.Collaboration.Tests;

public sealed class TransformTests
{
    private static TextOperation Op(string json) => TextOperation.Parse(json);

    [Fact]
    public void StaleInsertIsShiftedPastConcurrentInsert()
    {
        var mine = TextOperation.Insert(5, "!");
        var theirs = TextOperation.Insert(0, "😀😀");
        Assert.Equal("[7,\"!\"]", TextType.Transform(mine, theirs, Side.Left).ToJson());
    }

    [Fact]
    public void TiedInsertsAreOrderedBySide()
    {
        var a = TextOperation.Insert(1, "A");
        var b = TextOperation.Insert(1, "B");
        Assert.Equal("[1,\"A\"]", TextType.Transform(a, b, Side.Left).ToJson());
        Assert.Equal("[2,\"A\"]", TextType.Transform(a, b, Side.Right).ToJson());

        var viaA = TextType.Apply(TextType.Apply("xy", a), TextType.Transform(b, a, Side.Right));
        var viaB = TextType.Apply(TextType.Apply("xy", b), TextType.Transform(a, b, Side.Left));
        Assert.Equal("xABy", viaA);
        Assert.Equal(viaA, viaB);
    }

    [Fact]
    public void InsertInsideConcurrentlyDeletedRangeSurvives()
    {
        var insert = TextOperation.Insert(3, "X");
        var delete = TextOperation.Delete(1, 4);
        Assert.Equal("[1,\"X\"]", TextType.Transform(insert, delete, Side.Left).ToJson());
        Assert.Equal("[1,{\"d\":2},1,{\"d\":2}]", TextType.Transform(delete, insert, Side.Right).ToJson());
    }

    [Fact]
    public void OverlappingDeletesDeleteOnce()
    {
        var a = Op("[1,{\"d\":3}]");
        var b = Op("[2,{\"d\":3}]");
        Assert.Equal("[1,{\"d\":1}]", TextType.Transform(a, b, Side.Left).ToJson());
        Assert.Equal("[1,{\"d\":1}]", TextType.Transform(b, a, Side.Right).ToJson());
        Assert.Equal("af", TextType.Apply(TextType.Apply("abcdef", a), TextType.Transform(b, a, Side.Right)));
    }

    [Fact]
    public void DeletedTextIsSlicedByCodePointsWhenSplit()
    {
        var delete = Op("[{\"d\":\"a😀b🤖\"}]");
        var insert = TextOperation.Insert(2, "X");
        Assert.Equal("[{\"d\":\"a😀\"},1,{\"d\":\"b🤖\"}]", TextType.Transform(delete, insert, Side.Left).ToJson());
    }

    [Fact]
    public void TransformAgainstEmptyOpIsIdentity()
    {
        var op = Op("[2,\"x\",{\"d\":1}]");
        Assert.Equal(op, TextType.Transform(op, TextOperation.Empty, Side.Left));
        Assert.True(TextType.Transform(TextOperation.Empty, op, Side.Right).IsNoop);
    }

    [Fact]
    public void InvalidSideIsRejected() =>
        Assert.Throws<OtException>(() => TextType.Transform(TextOperation.Empty, TextOperation.Empty, (Side)7));
}
