using Workspace.Collaboration.Ot;
using Workspace.Collaboration.Tests.Support;

namespace Workspace.Collaboration.Tests.CrossCheck;

/// <summary>
/// Shrinks a failing case by greedy simplification: drop or shorten op components, shorten the document,
/// move cursors towards 0; keep any candidate that still fails. Each round asks the oracle once for all
/// candidates, so shrinking against node costs one process per round.
/// </summary>
public static class Shrinker
{
    /// <param name="failing">The failing case.</param>
    /// <param name="stillFails">Given candidates, says for each whether it still fails.</param>
    /// <param name="maxRounds">Upper bound on rounds.</param>
    public static CrossCase Shrink(
        CrossCase failing,
        Func<IReadOnlyList<CrossCase>, bool[]> stillFails,
        int maxRounds = 200)
    {
        var current = failing;
        for (var round = 0; round < maxRounds; round++)
        {
            var candidates = Candidates(current)
                .Where(c => c.Size < current.Size && c.IsWellFormed() && c.OpFitsDoc() == failing.OpFitsDoc())
                .ToList();
            if (candidates.Count == 0)
            {
                break;
            }

            var fails = stillFails(candidates);
            var next = candidates.Where((_, i) => fails[i]).OrderBy(c => c.Size).FirstOrDefault();
            if (next is null)
            {
                break;
            }

            current = next;
        }

        return current;
    }

    private static IEnumerable<CrossCase> Candidates(CrossCase c)
    {
        if (c.Op is not null)
        {
            foreach (var op in Smaller(c.Op))
            {
                yield return c with { Op = op };
            }
        }

        if (c.Other is not null)
        {
            foreach (var op in Smaller(c.Other))
            {
                yield return c with { Other = op };
            }
        }

        if (!string.IsNullOrEmpty(c.Doc))
        {
            var cps = OpGen.CodePointsOf(c.Doc);
            yield return c with { Doc = string.Concat(cps[..^1]) };
            yield return c with { Doc = string.Concat(cps[1..]) };
        }

        if (c.Cursor > 0)
        {
            yield return c with { Cursor = c.Cursor / 2 };
            yield return c with { Cursor = c.Cursor - 1 };
        }

        if (c.Sel is [var a, var h])
        {
            if (a > 0)
            {
                yield return c with { Sel = [a - 1, h] };
            }

            if (h > 0)
            {
                yield return c with { Sel = [a, h - 1] };
            }
        }
    }

    /// <summary>Ops one step simpler: a component removed, a count reduced, a text shortened.</summary>
    private static IEnumerable<TextOperation> Smaller(TextOperation op)
    {
        var items = op.Components;
        for (var i = 0; i < items.Count; i++)
        {
            var without = items.Where((_, j) => j != i);
            yield return TextOperation.Create(without);

            var c = items[i];
            OpComponent? smaller = c.Kind switch
            {
                OpComponentKind.Retain when c.Count > 1 => OpComponent.Retain(c.Count - 1),
                OpComponentKind.Delete when c.Text is null && c.Count > 1 => OpComponent.Delete(c.Count - 1),
                OpComponentKind.Delete when c.Text is not null && c.Count > 1 =>
                    OpComponent.Delete(string.Concat(OpGen.CodePointsOf(c.Text)[..^1])),
                OpComponentKind.Delete when c.Text is not null => OpComponent.Delete(1),
                OpComponentKind.Insert when c.Count > 1 =>
                    OpComponent.Insert(string.Concat(OpGen.CodePointsOf(c.Text!)[..^1])),
                OpComponentKind.Insert when c.Text != "a" => OpComponent.Insert("a"),
                _ => null,
            };
            if (smaller is { } s)
            {
                yield return TextOperation.Create(items.Select((x, j) => j == i ? s : x));
            }

            if (c.Text is not null && c.Count > 1)
            {
                // Also drop the first code point, so a culprit at the end of a text survives shrinking.
                var rest = string.Concat(OpGen.CodePointsOf(c.Text)[1..]);
                var shorter = c.IsInsert ? OpComponent.Insert(rest) : OpComponent.Delete(rest);
                yield return TextOperation.Create(items.Select((x, j) => j == i ? shorter : x));
            }
        }
    }
}
