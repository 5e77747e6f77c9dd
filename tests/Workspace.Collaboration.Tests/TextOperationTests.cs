using Workspace.Collaboration.Ot;
using Workspace.Collaboration.Tests.Support;

namespace Workspace.Collaboration.Tests;

public sealed class TextOperationTests
{
    [Fact]
    public void CreateMergesNeighboursDropsEmptiesAndTrailingRetain()
    {
        var op = TextOperation.Create(
            OpComponent.Retain(2), OpComponent.Retain(1), default, OpComponent.Insert("a"), OpComponent.Insert(""),
            OpComponent.Insert("😀"), OpComponent.Delete(1), OpComponent.Delete(2), OpComponent.Retain(0),
            OpComponent.Retain(5));

        Assert.Equal("[3,\"a😀\",{\"d\":3}]", op.ToJson());
        Assert.Equal(6, op.BaseLength);
        Assert.Equal(-1, op.LengthDelta);
    }

    [Fact]
    public void MergedDeletesKeepTextOnlyWhenBothCarryIt()
    {
        Assert.Equal(
            "[{\"d\":\"ab\"}]",
            TextOperation.Create(OpComponent.Delete("a"), OpComponent.Delete("b")).ToJson());
        Assert.Equal("[{\"d\":2}]", TextOperation.Create(OpComponent.Delete("a"), OpComponent.Delete(1)).ToJson());
    }

    [Fact]
    public void ComponentCountsAreCodePoints()
    {
        Assert.Equal(1, OpComponent.Insert("😀").Count);
        Assert.Equal(2, OpComponent.Insert("e\u0301").Count);
        Assert.Equal(3, OpComponent.Delete("a👍🏽").Count);
        Assert.True(OpComponent.Delete("x").IsDelete);
        Assert.Equal("x", OpComponent.Delete("x").Text);
        Assert.Null(OpComponent.Delete(2).Text);
    }

    [Fact]
    public void ZeroLengthFactoriesGiveTheEmptyComponent()
    {
        Assert.True(OpComponent.Retain(0).IsEmpty);
        Assert.True(OpComponent.Insert("").IsEmpty);
        Assert.True(OpComponent.Delete(0).IsEmpty);
        Assert.Throws<ArgumentOutOfRangeException>(() => OpComponent.Retain(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => OpComponent.Delete(-1));
    }

    [Fact]
    public void LoneSurrogateInInsertIsRejected()
    {
        var ex = Assert.Throws<OtException>(() => OpComponent.Insert("a\uD83D"));
        Assert.Contains("lone surrogate", ex.Message, StringComparison.Ordinal);
        Assert.Throws<OtException>(() => OpComponent.Delete("\uDE00b"));
    }

    [Fact]
    public void BuildersMatchNpmInsertAndRemove()
    {
        Assert.Equal("[\"hi\"]", TextOperation.Insert(0, "hi").ToJson());
        Assert.Equal("[3,\"hi\"]", TextOperation.Insert(3, "hi").ToJson());
        Assert.True(TextOperation.Insert(3, "").IsNoop);
        Assert.Equal("[{\"d\":2}]", TextOperation.Delete(0, 2).ToJson());
        Assert.Equal("[4,{\"d\":\"é\"}]", TextOperation.Delete(4, "é").ToJson());
        Assert.True(TextOperation.Delete(4, 0).IsNoop);
    }

    [Fact]
    public void EmptyOpIsNoop()
    {
        Assert.True(TextOperation.Empty.IsNoop);
        Assert.Equal("[]", TextOperation.Empty.ToJson());
        Assert.Same(TextOperation.Empty, TextOperation.Create([OpComponent.Retain(4)]));
    }

    [Fact]
    public void OpsWithEqualComponentsAreEqual()
    {
        var a = TextOperation.Parse("[1,\"x\",{\"d\":2}]");
        var b = TextOperation.Create(OpComponent.Retain(1), OpComponent.Insert("x"), OpComponent.Delete(2));
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, TextOperation.Parse("[1,\"x\",{\"d\":\"ab\"}]"));
    }

    [Fact]
    public void ValidateAcceptsEveryOpTheApiBuilds()
    {
        TextType.Validate(TextOperation.Parse("[1,\"😀\",{\"d\":\"é\"},2,\"x\"]"));
        TextType.Validate(TextOperation.Empty);
        var ex = Assert.Throws<OtException>(() => TextType.Validate(TextOperation.Insert(5, "x"), 4));
        Assert.Contains("too long", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("same", "same", "[]")]
    [InlineData("hello world", "hello there world", "[6,\"there \"]")]
    [InlineData("abc", "", "[{\"d\":\"abc\"}]")]
    [InlineData("", "new", "[\"new\"]")]
    [InlineData("a😀b", "a😁b", "[1,{\"d\":\"😀\"},\"😁\"]")]
    [InlineData("x😀", "x😀😀", "[2,\"😀\"]")]
    [InlineData("aaa", "aa", "[2,{\"d\":\"a\"}]")]
    public void ReplaceKeepsTheCommonStartAndEnd(string from, string to, string expected)
    {
        var op = TextOperation.Replace(from, to);

        Assert.Equal(expected, op.ToJson());
        Assert.Equal(to, TextType.Apply(from, op));
    }

    [Fact]
    public void ReplaceTurnsAnyTextIntoAnyOtherAndInvertsBack()
    {
        var gen = new OpGen(20261128);
        for (var i = 0; i < 2_000; i++)
        {
            var from = gen.Doc();
            var to = gen.Rng.Next(3) == 0 ? gen.Doc() : TextType.Apply(from, gen.Op(from));
            var op = TextOperation.Replace(from, to);
            Assert.Equal(to, TextType.Apply(from, op));
            Assert.Equal(from, TextType.Apply(to, TextType.Invert(op)));
        }
    }
}
