using Workspace.Client;
using Workspace.Collaboration.Documents;
using Workspace.Collaboration.Ot;

namespace Workspace.Server.Tests.Features.Documents;

/// <summary>The .NET client's cutting of an op into parts the server accepts (as op-size.js in the browser).</summary>
public sealed class OpPartsTests
{
    private static readonly string[] Pieces = ["a", "b", "🌾", " ", "\n", "é"];

    [Fact]
    public void AnyOpIsCutIntoPartsWithinBothLimitsThatMakeTheSameTextAndNeverALongerOne()
    {
        var random = new Random(4242);
        for (var round = 0; round < 300; round++)
        {
            var before = RandomText(random, random.Next(40));
            var after = before;
            var op = TextOperation.Empty;
            for (var k = 0; k < 6; k++)
            {
                var edit = RandomEdit(random, after);
                after = TextType.Apply(after, edit);
                op = TextType.Compose(op, edit);
            }
            var limits = new EditLimits(1 + random.Next(6), 2 + random.Next(4), int.MaxValue);
            var longest = Math.Max(TextType.CodePointLength(before), TextType.CodePointLength(after));
            var text = before;
            var parts = 0;
            for (var rest = op; !rest.IsNoop; parts++)
            {
                Assert.True(parts < 1000, "cutting ends");
                var (first, next) = OpParts.Next(rest, limits);
                Assert.InRange(OpParts.Changed(first), 1, limits.MaxOperationLength);
                Assert.InRange(first.Components.Count, 1, limits.MaxOperationComponents);
                text = TextType.Apply(text, first);
                Assert.True(TextType.CodePointLength(text) <= longest, $"round {round}: deletions go first");
                rest = next;
            }
            Assert.Equal(after, text);
            if (!op.IsNoop && OpParts.Changed(op) <= limits.MaxOperationLength
                && op.Components.Count <= limits.MaxOperationComponents)
            {
                Assert.Equal(1, parts);
            }
        }
    }

    private static string RandomText(Random random, int length) =>
        string.Concat(Enumerable.Range(0, length).Select(_ => Pieces[random.Next(Pieces.Length)]));

    /// <summary>A replace at a random place: some code points deleted (by count or by text), some inserted.</summary>
    private static TextOperation RandomEdit(Random random, string text)
    {
        var codePoints = System.Text.RegularExpressions.Regex.Matches(text, @"[\uD800-\uDBFF][\uDC00-\uDFFF]|.|\n")
            .Select(m => m.Value).ToList();
        var at = random.Next(codePoints.Count + 1);
        var removed = string.Concat(codePoints.Skip(at).Take(random.Next(6)));
        var delete = removed.Length == 0 ? default
            : random.Next(2) == 0 ? OpComponent.Delete(removed) : OpComponent.Delete(TextType.CodePointLength(removed));
        var insert = OpComponent.Insert(RandomText(random, random.Next(9)));
        return TextOperation.Create(OpComponent.Retain(at), delete, insert);
    }
}
