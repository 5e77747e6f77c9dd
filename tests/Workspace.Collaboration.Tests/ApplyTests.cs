using Workspace.Collaboration.Ot;

namespace Workspace.Collaboration.Tests;

public sealed class ApplyTests
{
    [Theory]
    [InlineData("hello", "[]", "hello")]
    [InlineData("hello", "[5,\" world\"]", "hello world")]
    [InlineData("hello", "[\">\"]", ">hello")]
    [InlineData("hello", "[3,{\"d\":2}]", "hel")]
    [InlineData("hello", "[{\"d\":5}]", "")]
    [InlineData("a😀b", "[1,{\"d\":1},\"x\"]", "axb")]
    [InlineData("😀😀", "[1,\"🤖\"]", "😀🤖😀")]
    [InlineData("e\u0301x", "[1,{\"d\":1}]", "ex")]
    [InlineData("", "[\"👍🏽\"]", "👍🏽")]
    [InlineData("abc", "[1,{\"d\":\"b\"},\"B\"]", "aBc")]
    public void ApplyCountsCodePoints(string doc, string op, string expected)
    {
        Assert.Equal(expected, TextType.Apply(doc, TextOperation.Parse(op)));
        var rope = new TextDocument(doc);
        rope.Apply(TextOperation.Parse(op));
        Assert.Equal(expected, rope.ToString());
    }

    [Fact]
    public void CombiningMarkIsItsOwnCodePoint()
    {
        // "é" written as e + U+0301 is two code points, as npm counts it: deleting one leaves the accent.
        Assert.Equal("\u0301", TextType.Apply("e\u0301", TextOperation.Delete(0, 1)));
        Assert.Equal(2, TextType.CodePointLength("e\u0301"));
    }

    [Fact]
    public void DeleteAtTheEndOfTheDocumentWorks()
    {
        Assert.Equal("ab", TextType.Apply("ab😀", TextOperation.Delete(2, 1)));
        Assert.Equal("ab😀!", TextType.Apply("ab😀", TextOperation.Insert(3, "!")));
    }

    [Theory]
    [InlineData("abc", "[4,\"x\"]")]
    [InlineData("abc", "[{\"d\":4}]")]
    [InlineData("abc", "[2,{\"d\":2}]")]
    [InlineData("😀", "[2,\"x\"]")]
    [InlineData("", "[{\"d\":1}]")]
    public void OpRunningPastTheEndIsRejected(string doc, string op)
    {
        var operation = TextOperation.Parse(op);
        var ex = Assert.Throws<OtException>(() => TextType.Apply(doc, operation));
        Assert.Contains("too long for this document", ex.Message, StringComparison.Ordinal);

        var rope = new TextDocument(doc);
        Assert.Throws<OtException>(() => rope.Apply(operation));
        Assert.Equal(doc, rope.ToString());
    }

    [Fact]
    public void DocumentWithLoneSurrogateIsRejectedWhereTheOpReadsIt()
    {
        var ex = Assert.Throws<OtException>(() => TextType.Apply("a\uD800b", TextOperation.Insert(3, "x")));
        Assert.Contains("lone surrogate", ex.Message, StringComparison.Ordinal);
        Assert.Throws<OtException>(() => new TextDocument("a\uDC00"));
    }

    [Fact]
    public void CodePointLengthCountsAstralAsOne()
    {
        Assert.Equal(0, TextType.CodePointLength(""));
        Assert.Equal(3, TextType.CodePointLength("a😀中"));
        Assert.Equal(2, TextType.CodePointLength("👍🏽"));
        Assert.Throws<OtException>(() => TextType.CodePointLength("\uD83D"));
    }
}
