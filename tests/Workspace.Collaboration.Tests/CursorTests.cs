using Workspace.Collaboration.Ot;

namespace Workspace.Collaboration.Tests;

public sealed class CursorTests
{
    [Theory]
    [InlineData(5, "[2,\"ab\"]", 7)]
    [InlineData(2, "[2,\"ab\"]", 2)] // an insert at the cursor stays after it (npm)
    [InlineData(1, "[2,\"ab\"]", 1)]
    [InlineData(5, "[1,{\"d\":2}]", 3)]
    [InlineData(2, "[1,{\"d\":3}]", 1)] // a cursor inside a deleted range moves to its start
    [InlineData(3, "[\"😀\"]", 4)]
    [InlineData(0, "[\"x\"]", 0)]
    [InlineData(9, "[]", 9)]
    public void RemoteOpMovesCursorLikeNpm(int cursor, string op, int expected) =>
        Assert.Equal(expected, TextType.TransformPosition(cursor, TextOperation.Parse(op)));

    [Fact]
    public void OwnOpPutsCursorAfterTypedText()
    {
        Assert.Equal(3, TextType.TransformPosition(2, TextOperation.Insert(2, "x"), isOwnOp: true));
        Assert.Equal(4, TextType.TransformPosition(0, TextOperation.Delete(4, 2), isOwnOp: true));
    }

    [Fact]
    public void SelectionEndsMoveIndependently()
    {
        var op = TextOperation.Parse("[1,\"ab\",2,{\"d\":3}]");
        Assert.Equal((6, 1), TextType.TransformSelection((7, 1), op));
        Assert.Equal((3, 3), TextType.TransformSelection((1, 0), TextOperation.Insert(2, "x"), isOwnOp: true));
    }
}
