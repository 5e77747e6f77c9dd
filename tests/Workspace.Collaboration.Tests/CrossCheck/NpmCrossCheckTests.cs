using System.Globalization;
using System.Text;

namespace Workspace.Collaboration.Tests.CrossCheck;

/// <summary>The C# engine against the real ot-text-unicode package, run with node, on a seeded random corpus.</summary>
public sealed class NpmCrossCheckTests
{
    private const int DefaultSeed = 20240611;
    private const int CaseCount = 12_000;

    [Fact]
    public void EngineAgreesWithNpmPackageOnRandomCorpus()
    {
        var ct = TestContext.Current.CancellationToken;
        var output = TestContext.Current.TestOutputHelper!;
        CrossCheckRunner.EnsurePrerequisites();

        // OT_CROSSCHECK_SEED reproduces another run; the seed used is always printed.
        var seed = int.TryParse(
            Environment.GetEnvironmentVariable("OT_CROSSCHECK_SEED"),
            NumberStyles.Integer,
            CultureInfo.InvariantCulture,
            out var s) ? s : DefaultSeed;
        output.WriteLine($"cross-check seed {seed}, {CaseCount} cases");

        var cases = CaseGenerator.Generate(seed, CaseCount);
        var (version, answers) = CrossCheckRunner.RunNode(cases, ct);
        Assert.StartsWith("4.", version, StringComparison.Ordinal);
        Assert.Equal(cases.Count, answers.Count);

        var failures = cases.Where(c => CSharpOracle.Evaluate(c) != answers[c.Id]).ToList();
        var kinds = cases.GroupBy(c => c.Kind).Select(g => $"{g.Key}={g.Count()}");
        output.WriteLine(
            $"npm ot-text-unicode {version}; kinds: {string.Join(", ", kinds)}; disagreements: {failures.Count}");
        if (failures.Count == 0)
        {
            return;
        }

        var smallest = Shrinker.Shrink(failures.MinBy(c => c.Size)!, candidates => StillFails(candidates, ct));
        var (_, final) = CrossCheckRunner.RunNode([smallest], ct);
        var report = new StringBuilder()
            .AppendLine(
                CultureInfo.InvariantCulture,
                $"{failures.Count} of {cases.Count} cases disagree with npm (seed {seed}). Smallest (shrunk):")
            .AppendLine(CaseGenerator.Describe(smallest, CSharpOracle.Evaluate(smallest), final[smallest.Id]));
        foreach (var f in failures.Take(5))
        {
            report.AppendLine(CaseGenerator.Describe(f, CSharpOracle.Evaluate(f), answers[f.Id]));
        }

        output.WriteLine(report.ToString());
        Assert.Fail(report.ToString());
    }

    private static bool[] StillFails(IReadOnlyList<CrossCase> candidates, CancellationToken ct)
    {
        var renumbered = candidates.Select((c, i) => c with { Id = i }).ToList();
        var (_, answers) = CrossCheckRunner.RunNode(renumbered, ct);
        return [.. renumbered.Select(c => CSharpOracle.Evaluate(c) != answers[c.Id])];
    }
}
