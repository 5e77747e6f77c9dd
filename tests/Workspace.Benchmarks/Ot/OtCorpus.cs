using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Workspace.Collaboration.Ot;

namespace Workspace.Benchmarks.Ot;

/// <summary>
/// The benchmark corpus, generated from a fixed seed and exported as JSON so ot-bench.mjs measures the npm
/// package on exactly the same documents and ops.
/// </summary>
public sealed class OtCorpus
{
    public const int Seed = 20240611;

    private static readonly string[] Exotic = ["é", "中", "😀", "e\u0301", "👍🏽", "\n"];

    private OtCorpus(Random rng)
    {
        SmallDoc = MakeText(rng, 4 * 1024);
        BigDoc = MakeText(rng, 1024 * 1024);
        SmallKeystrokes = Keystrokes(rng, TextType.CodePointLength(SmallDoc), 1_000);
        BigKeystrokes = Keystrokes(rng, TextType.CodePointLength(BigDoc), 1_000);
        var smallLength = TextType.CodePointLength(SmallDoc);
        for (var i = 0; i < 1_000; i++)
        {
            TransformPairs.Add((Keystroke(rng, smallLength, i % 2 == 0), Keystroke(rng, smallLength, i % 3 == 0)));
            var first = Keystroke(rng, smallLength, false);
            ComposePairs.Add((first, Keystroke(rng, smallLength + 1, i % 2 == 0)));
        }
    }

    public static OtCorpus Instance { get; } = new(new Random(Seed));

    /// <summary>About 4 KB of text: a typical plan section.</summary>
    public string SmallDoc { get; }

    /// <summary>About 1 MB of text: the largest document the server should meet.</summary>
    public string BigDoc { get; }

    /// <summary>
    /// Alternating 1-character inserts and deletes at random positions, applied in sequence (net length change 0).
    /// </summary>
    public List<TextOperation> SmallKeystrokes { get; }

    public List<TextOperation> BigKeystrokes { get; }

    /// <summary>Concurrent keystroke pairs against the small document.</summary>
    public List<(TextOperation A, TextOperation B)> TransformPairs { get; } = [];

    /// <summary>Consecutive keystroke pairs (b follows a).</summary>
    public List<(TextOperation A, TextOperation B)> ComposePairs { get; } = [];

    public string ToJson()
    {
        static TextOperation[][] Pairs(List<(TextOperation A, TextOperation B)> pairs) =>
            [.. pairs.Select(p => new[] { p.A, p.B })];
        return JsonSerializer.Serialize(
            new
            {
                seed = Seed,
                smallDoc = SmallDoc,
                bigDoc = BigDoc,
                smallKeystrokes = SmallKeystrokes,
                bigKeystrokes = BigKeystrokes,
                transformPairs = Pairs(TransformPairs),
                composePairs = Pairs(ComposePairs),
            },
            new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static string MakeText(Random rng, int utf16Length)
    {
        var sb = new StringBuilder(utf16Length + 8);
        while (sb.Length < utf16Length)
        {
            sb.Append(rng.Next(20) == 0
                ? Exotic[rng.Next(Exotic.Length)]
                : (char)('a' + rng.Next(27)) switch { '{' => " ", var c => c.ToString() });
        }

        return sb.ToString();
    }

    private static List<TextOperation> Keystrokes(Random rng, int length, int count)
    {
        var ops = new List<TextOperation>(count);
        for (var i = 0; i < count; i++)
        {
            // Insert then delete, so the sequence can be replayed on the same document forever.
            ops.Add(i % 2 == 0
                ? TextOperation.Insert(rng.Next(length + 1), "x")
                : TextOperation.Delete(rng.Next(length + 1), 1));
        }

        return ops;
    }

    private static TextOperation Keystroke(Random rng, int length, bool delete) =>
        delete
            ? TextOperation.Delete(rng.Next(length), 1)
            : TextOperation.Insert(rng.Next(length + 1), Exotic[rng.Next(Exotic.Length)]);
}
