using System.Text;
using Workspace.Collaboration.Ot;

namespace Workspace.Collaboration.Tests.Support;

/// <summary>
/// Random documents and ops for property tests and the npm cross-check. The alphabet mixes ASCII with
/// accented, combining, CJK and astral characters and with characters JSON must escape.
/// </summary>
public sealed class OpGen(int seed)
{
    // Each entry is one unit of text; some are several code points (combining accent, skin-tone emoji).
    private static readonly string[] Alphabet =
    [
        "a", "b", "c", "x", "y", "z", " ", " ", "\n", "é", "ß", "中", "文", "e\u0301", "\u0301",
        "😀", "🤖", "𝄞", "👍🏽", "\"", "\\", "\t", "\u0001", "\u2028", "\u007f", "<", "&",
    ];

    public Random Rng { get; } = new(seed);

    /// <summary>Random text of about <paramref name="units"/> alphabet units (at least one if units &gt; 0).</summary>
    public string Text(int units)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < units; i++)
        {
            // Mostly ASCII letters, so ops look like real typing, with frequent exotic characters.
            sb.Append(Rng.Next(3) == 0 ? Alphabet[Rng.Next(Alphabet.Length)] : ((char)('a' + Rng.Next(26))).ToString());
        }

        return sb.ToString();
    }

    public string Doc() => Text(Rng.Next(4) == 0 ? Rng.Next(60) : Rng.Next(12));

    /// <summary>A random valid op for <paramref name="doc"/>; deletes carry their text about half the time.</summary>
    public TextOperation Op(string doc)
    {
        var cps = CodePointsOf(doc);
        var components = new List<OpComponent>();
        var pos = 0;
        var withText = Rng.Next(2) == 0;
        var steps = Rng.Next(6);
        for (var i = 0; i < steps; i++)
        {
            var remaining = cps.Length - pos;
            switch (Rng.Next(3))
            {
                case 0 when remaining > 0:
                    var skip = 1 + Rng.Next(Math.Min(remaining, 1 + Rng.Next(8)));
                    components.Add(OpComponent.Retain(skip));
                    pos += skip;
                    break;
                case 1 when remaining > 0:
                    var del = 1 + Rng.Next(Math.Min(remaining, 1 + Rng.Next(6)));
                    components.Add(withText || Rng.Next(4) == 0
                        ? OpComponent.Delete(string.Concat(cps.AsSpan(pos, del)))
                        : OpComponent.Delete(del));
                    pos += del;
                    break;
                default:
                    components.Add(OpComponent.Insert(Text(1 + Rng.Next(4))));
                    break;
            }
        }

        return TextOperation.Create(components);
    }

    /// <summary>A typing-sized op: one character inserted or deleted at a random position.</summary>
    public TextOperation Keystroke(int docLength)
    {
        if (docLength > 0 && Rng.Next(3) == 0)
        {
            return TextOperation.Delete(Rng.Next(docLength), 1);
        }

        return TextOperation.Insert(Rng.Next(docLength + 1), Alphabet[Rng.Next(Alphabet.Length)]);
    }

    /// <summary>The code points of <paramref name="s"/>, each as a string.</summary>
    public static string[] CodePointsOf(string s)
    {
        var list = new List<string>(s.Length);
        foreach (var rune in s.EnumerateRunes())
        {
            list.Add(rune.ToString());
        }

        return [.. list];
    }
}
