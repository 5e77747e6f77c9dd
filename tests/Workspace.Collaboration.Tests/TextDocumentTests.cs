using System.Text;
using Workspace.Collaboration.Ot;
using Workspace.Collaboration.Tests.Support;

namespace Workspace.Collaboration.Tests;

public sealed class TextDocumentTests
{
    [Fact]
    public void LengthAndSliceCountCodePoints()
    {
        var doc = new TextDocument("a😀b👍🏽c");
        Assert.Equal(6, doc.Length);
        Assert.Equal(9, doc.Utf16Length);
        Assert.Equal("😀b", doc.Slice(1, 2));
        Assert.Equal("👍🏽c", doc.Slice(3, 3));
        Assert.Equal("", doc.Slice(6, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => doc.Slice(5, 2));
    }

    [Fact]
    public void DeleteThatNamesItsTextMustNameTheTextAtItsPlace()
    {
        var doc = new TextDocument("a😀b" + new string('x', 5_000) + "tail");

        doc.CheckDeletedText(TextOperation.Create(OpComponent.Retain(1), OpComponent.Delete("😀b")));
        doc.CheckDeletedText(TextOperation.Create(OpComponent.Retain(5_001), OpComponent.Delete("xxtail")));
        doc.CheckDeletedText(TextOperation.Create(
            OpComponent.Insert("new"),
            OpComponent.Retain(3),
            OpComponent.Delete("xx")));
        doc.CheckDeletedText(TextOperation.Delete(0, 3)); // a delete by count names nothing
        var wrong = Assert.Throws<OtException>(
            () => doc.CheckDeletedText(TextOperation.Create(OpComponent.Delete("ZZZ"))));
        Assert.Contains("names text that is not there", wrong.Message, StringComparison.Ordinal);
        Assert.Throws<OtException>(() => doc.CheckDeletedText(TextOperation.Create(
            OpComponent.Retain(1),
            OpComponent.Delete("😀c"))));
        Assert.Throws<OtException>(() => doc.CheckDeletedText(TextOperation.Create(
            OpComponent.Retain(5_001),
            OpComponent.Delete("xxtailz"))));
        Assert.Equal(5_007, doc.Length); // checking changes nothing
    }

    [Fact]
    public void EmptyDocumentGrowsAndShrinksToEmpty()
    {
        var doc = new TextDocument("");
        doc.Apply(TextOperation.Insert(0, "hi😀"));
        Assert.Equal("hi😀", doc.ToString());
        doc.Apply(TextOperation.Delete(0, 3));
        Assert.Equal("", doc.ToString());
        Assert.Equal(0, doc.Length);
        doc.Apply(TextOperation.Insert(0, "x"));
        Assert.Equal("x", doc.ToString());
    }

    [Fact]
    public void LargeDocumentMatchesStringApplyAcrossChunkBoundaries()
    {
        var gen = new OpGen(7);
        var text = new StringBuilder();
        while (text.Length < 50_000)
        {
            text.Append(gen.Text(50));
        }

        var expected = text.ToString();
        var doc = new TextDocument(expected);
        for (var i = 0; i < 3_000; i++)
        {
            // Mix keystrokes with big pastes and cuts so chunks split and merge.
            var op = (i % 100) switch
            {
                0 => TextOperation.Insert(gen.Rng.Next(doc.Length + 1), gen.Text(3_000)),
                1 when doc.Length > 5_000 => TextOperation.Delete(gen.Rng.Next(doc.Length - 5_000), 2_000),
                _ => gen.Keystroke(doc.Length),
            };
            expected = TextType.Apply(expected, op);
            doc.Apply(op);
            Assert.Equal(TextType.CodePointLength(expected), doc.Length);
        }

        Assert.Equal(expected, doc.ToString());
        Assert.Equal(expected.Length, doc.Utf16Length);
        var start = doc.Length / 3;
        var expectedCps = OpGen.CodePointsOf(expected);
        var length = Math.Min(7_000, doc.Length - start);
        Assert.True(length > 1_000, $"the document shrank to {doc.Length} code points");
        Assert.Equal(string.Concat(expectedCps.AsSpan(start, length)), doc.Slice(start, length));
    }

    [Fact]
    public void ApplyMatchesStringApplyOnRandomOps()
    {
        var gen = new OpGen(11);
        for (var i = 0; i < 2_000; i++)
        {
            var text = gen.Doc();
            var op = gen.Op(text);
            var doc = new TextDocument(text);
            doc.Apply(op);
            Assert.Equal(TextType.Apply(text, op), doc.ToString());
        }
    }
}
