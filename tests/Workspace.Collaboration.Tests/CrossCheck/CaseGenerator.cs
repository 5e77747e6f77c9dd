using System.Globalization;
using Workspace.Collaboration.Ot;
using Workspace.Collaboration.Tests.Support;

namespace Workspace.Collaboration.Tests.CrossCheck;

/// <summary>Generates the cross-check corpus: every operation of the type, on documents with exotic text.</summary>
public static class CaseGenerator
{
    // Strings npm's checkOp accepts or rejects and the C# parser must judge the same way
    // (the parser is deliberately stricter only for inputs not listed here; see OtJson).
    private static readonly string[] CheckTemplates =
    [
        "[]", "[1,\"a\"]", "[\"a\"]", "[{\"d\":1}]", "[{\"d\":\"ab\"}]", "[2,{\"d\":\"😀\"},\"x\"]",
        "[1,\"😀\",2,{\"d\":3}]",
        "[0,\"a\"]", "[-1,\"a\"]", "[1]", "[1,2,\"a\"]", "[\"\"]", "[{\"d\":0}]", "[{\"d\":-2}]", "[{\"d\":\"\"}]",
        "[{}]", "[{\"x\":1}]", "[1,\"a\",3]", "{\"d\":1}", "\"abc\"", "5", "[{\"d\":[1]}]", "[{\"d\":null}]",
    ];

    public static List<CrossCase> Generate(int seed, int count)
    {
        var gen = new OpGen(seed);
        var rng = gen.Rng;
        var cases = new List<CrossCase>(count);
        for (var id = 0; id < count; id++)
        {
            var doc = gen.Doc();
            var length = TextType.CodePointLength(doc);
            var op = gen.Op(doc);
            cases.Add((id % 10) switch
            {
                0 or 1 => new CrossCase(id, "apply", doc, op),
                2 or 3 => new CrossCase(id, "transform", doc, op, gen.Op(doc), id % 20 < 10 ? "left" : "right"),
                4 => new CrossCase(id, "transform", doc, op, gen.Op(doc), id % 20 < 10 ? "right" : "left"),
                5 or 6 => new CrossCase(id, "compose", doc, op, gen.Op(TextType.Apply(doc, op))),
                7 => new CrossCase(id, "position", doc, op, Cursor: rng.Next(length + 3)),
                8 => new CrossCase(id, "selection", doc, op, Sel: [rng.Next(length + 2), rng.Next(length + 2)]),
                _ => Rare(id, gen, doc, op),
            });
        }

        return cases;
    }

    private static CrossCase Rare(int id, OpGen gen, string doc, TextOperation op)
    {
        var length = TextType.CodePointLength(doc);
        return gen.Rng.Next(5) switch
        {
            0 => new CrossCase(id, "invert", doc, TextType.MakeInvertible(op, doc)),
            1 => new CrossCase(id, "normalize", doc, op),
            // A retain past the end: both must refuse.
            2 => new CrossCase(id, "apply", doc, TextOperation.Insert(length + 1 + gen.Rng.Next(3), gen.Text(1))),
            3 => new CrossCase(id, "check", Raw: op.ToJson()),
            _ => new CrossCase(id, "check", Raw: CheckTemplates[gen.Rng.Next(CheckTemplates.Length)]),
        };
    }

    public static string Describe(CrossCase c, string expected, string actual) =>
        string.Create(CultureInfo.InvariantCulture, $"case {c}\n  C#  : {expected}\n  npm : {actual}");
}
