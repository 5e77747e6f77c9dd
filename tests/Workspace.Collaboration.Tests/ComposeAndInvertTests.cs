using Workspace.Collaboration.Ot;

namespace Workspace.Collaboration.Tests;

public sealed class ComposeAndInvertTests
{
    private static TextOperation Op(string json) => TextOperation.Parse(json);

    [Fact]
    public void ComposedTypingBecomesOneInsert()
    {
        var composed = TextType.Compose(TextOperation.Insert(2, "a"), TextOperation.Insert(3, "😀"));
        Assert.Equal("[2,\"a😀\"]", composed.ToJson());
    }

    [Fact]
    public void DeletingFreshlyInsertedTextCancelsOut()
    {
        Assert.True(TextType.Compose(TextOperation.Insert(2, "ab"), TextOperation.Delete(2, "ab")).IsNoop);
        Assert.Equal("[2,\"b\"]", TextType.Compose(TextOperation.Insert(2, "ab"), TextOperation.Delete(2, 1)).ToJson());
    }

    [Fact]
    public void ComposeKeepsDeletedTextAcrossBothOps()
    {
        var composed = TextType.Compose(Op("[{\"d\":\"ab\"}]"), Op("[1,{\"d\":\"é\"}]"));
        Assert.Equal("[{\"d\":\"ab\"},1,{\"d\":\"é\"}]", composed.ToJson());
        Assert.Equal("[{\"d\":\"abcé\"}]", TextType.Compose(Op("[{\"d\":\"ab\"}]"), Op("[{\"d\":\"cé\"}]")).ToJson());
    }

    [Fact]
    public void InvertUndoesAnInvertibleOp()
    {
        const string doc = "héllo 😀 world";
        var op = TextType.MakeInvertible(Op("[1,{\"d\":2},\"EL\",4,{\"d\":1},\"🤖\"]"), doc);
        Assert.True(TextType.IsInvertible(op));
        var after = TextType.Apply(doc, op);
        Assert.Equal(doc, TextType.Apply(after, TextType.Invert(op)));
    }

    [Fact]
    public void InvertWithoutDeletedTextIsRejected()
    {
        var ex = Assert.Throws<OtException>(() => TextType.Invert(TextOperation.Delete(1, 2)));
        Assert.Contains("Deleted characters missing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StripInvertibleDropsDeletedText() =>
        Assert.Equal("[1,{\"d\":2}]", TextType.StripInvertible(Op("[1,{\"d\":\"ab\"}]")).ToJson());
}
