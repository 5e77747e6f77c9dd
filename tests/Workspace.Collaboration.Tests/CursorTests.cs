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

    [Theory]
    [InlineData(2, "[2,\"ab\"]", true, 4)] // a passage's start: text inserted at it stays outside, before it
    [InlineData(2, "[2,\"ab\"]", false, 2)] // a passage's end: text inserted at it stays outside, after it
    [InlineData(5, "[2,\"ab\"]", false, 7)]
    [InlineData(1, "[2,\"ab\"]", true, 1)]
    [InlineData(5, "[1,{\"d\":2}]", true, 3)]
    [InlineData(2, "[1,{\"d\":3}]", true, 1)] // inside a deleted span: where the span was
    [InlineData(4, "[1,{\"d\":3}]", false, 1)] // just after a deleted span
    [InlineData(1, "[1,{\"d\":3},\"xy\"]", false, 1)]
    [InlineData(4, "[1,{\"d\":3},\"xy\"]", true, 3)]
    [InlineData(0, "[\"😀\"]", true, 1)] // code points: an emoji is one
    [InlineData(9, "[]", true, 9)]
    [InlineData(9, "[3,\"abc\"]", false, 12)] // past the op's last component: the implicit retain
    public void PassageEndsMoveThroughAnOp(int position, string op, bool afterInsert, int expected) =>
        Assert.Equal(expected, TextType.MapPosition(position, TextOperation.Parse(op), afterInsert));

    [Fact]
    public void APassageFollowsRandomEditsAroundIt()
    {
        var random = new Random(20261128);
        for (var run = 0; run < 2000; run++)
        {
            var text = new string('.', random.Next(10, 40));
            int from = random.Next(1, text.Length - 5), to = from + random.Next(1, 5);
            var marked = text[..from] + new string('#', to - from) + text[to..];
            // An edit that leaves the passage alone: insert or delete somewhere before or after it.
            TextOperation op;
            if (random.Next(2) == 0)
            {
                var at = random.Next(2) == 0 ? random.Next(0, from + 1) : random.Next(to, marked.Length + 1);
                op = TextOperation.Insert(at, new string('+', random.Next(1, 4)));
            }
            else if (random.Next(2) == 0)
            {
                var at = random.Next(0, from);
                op = TextOperation.Delete(at, random.Next(1, from - at + 1));
            }
            else
            {
                var at = random.Next(to, marked.Length);
                op = TextOperation.Delete(at, random.Next(1, marked.Length - at + 1));
            }
            var after = TextType.Apply(marked, op);
            int newFrom = TextType.MapPosition(from, op, afterInsert: true),
            newTo = TextType.MapPosition(to, op, afterInsert: false);
            Assert.Equal(new string('#', to - from), after[newFrom..newTo]);
        }
    }

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
