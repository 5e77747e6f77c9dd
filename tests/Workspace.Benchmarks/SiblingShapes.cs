using System.Text;

namespace Workspace.Benchmarks;

/// <summary>
/// Markdown texts whose elements are many siblings inside one block, for the render benchmark: the server's
/// sanitiser walks siblings by index, so each of these once cost n² in the number of items of one list, rows of one
/// table, inlines of one paragraph. Each text is a repeated unit cut at a whole unit below the size.
/// </summary>
public static class SiblingShapes
{
    private static readonly (string Name, string Head, string Unit, string Tail)[] Shapes =
    [
        ("list", "", "- a\n", ""),
        ("ordered-list", "", "1. a\n", ""),
        ("task-list", "", "- [ ] a\n", ""),
        ("nested-list", "", "- a\n  - b\n", ""),
        ("table", "| a | b |\n|---|---|\n", "| 1 | 2 |\n", ""),
        ("emphasis", "", "*a*, ", ""),
        ("strong", "", "__a__ ", ""),
        ("code-spans", "", "`a` ", ""),
        ("hard-breaks", "", "a  \n", "a"),
        ("links", "", "[a](b) ", ""),
        ("autolinks", "", "<http://a> ", ""),
        ("footnote-refs", "", "a[^1] ", "\n\n[^1]: note"),
        ("footnotes", "", "[^{0}]: n\n", ""),
        ("definition-list", "", "a\n:   b\n", ""),
        ("quote-paragraphs", "", "> a\n>\n", ""),
    ];

    public static List<(string Label, string Text, bool BOnly)> Cases(string sizes, string only)
    {
        var cases = new List<(string, string, bool)>();
        var plan = RealisticPlan();
        foreach (var size in sizes.Split(',').Select(int.Parse))
        {
            cases.Add(($"plan {size / 1000}k", plan[..Math.Min(size, plan.Length)], false));
        }
        foreach (var (name, head, unit, tail) in Shapes.Where(s => only == "" || only.Split(',').Contains(s.Name)))
        {
            foreach (var size in sizes.Split(',').Select(int.Parse))
            {
                cases.Add(($"{name} {size / 1000}k", Build(head, unit, tail, size), false));
            }
        }
        return cases;
    }

    /// <summary>Footnotes: N references in one paragraph, then N definitions (the "{0}" unit is numbered).</summary>
    private static string Build(string head, string unit, string tail, int size)
    {
        var text = new StringBuilder(head);
        var numbered = unit.Contains("{0}");
        var refs = new StringBuilder();
        for (var i = 1; ; i++)
        {
            var next = numbered ? string.Format(unit, i) : unit;
            var extra = numbered ? $"[^{i}] ".Length : 0;
            if (text.Length + refs.Length + next.Length + extra + tail.Length + 2 > size)
            {
                break;
            }
            text.Append(next);
            if (numbered)
            {
                refs.Append($"[^{i}] ");
            }
        }
        return numbered ? refs + "\n\n" + text + tail : text + tail;
    }

    /// <summary>An ordinary plan: headings, paragraphs with emphasis and links, short lists, tables, quotes.
    /// </summary>
    private static string RealisticPlan()
    {
        var words = "the partners agree to share the quarterly report and review the open actions".Split(' ');
        string Words(int seed, int count) =>
            string.Join(' ', Enumerable.Range(seed, count).Select(i => words[(i * 7) % words.Length]));
        var plan = new StringBuilder();
        for (var i = 0; plan.Length < 200_000; i++)
        {
            plan.Append($"## {i + 1}. {Words(i, 4)}\n\n{Words(i, 30)}, see *{Words(i, 2)}* and ")
                .Append($"[the report](https://example.org/r/{i}) for **{Words(i + 3, 3)}**.\n\n");
            plan.Append($"- [ ] {Words(i, 6)}\n- [x] {Words(i + 1, 5)}\n- {Words(i + 2, 8)}\n\n");
            if (i % 3 == 0)
            {
                plan.Append("| owner | due | status |\n|---|---|---|\n")
                    .Append($"| {Words(i, 1)} | 2027-01-{i % 28 + 1:00} | open |\n")
                    .Append($"| {Words(i + 1, 1)} | 2027-02-01 | done |\n\n");
            }
            if (i % 5 == 0)
            {
                plan.Append($"> {Words(i, 20)}\n\n1. {Words(i, 4)}\n2. {Words(i, 5)}\n\n");
            }
        }
        return plan.ToString();
    }
}
