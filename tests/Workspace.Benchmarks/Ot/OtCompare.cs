using System.Diagnostics;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

namespace Workspace.Benchmarks.Ot;

/// <summary>
/// <c>--ot-compare</c>: writes the shared corpus, runs ot-bench.mjs (npm package, node) on it, then the
/// BenchmarkDotNet <see cref="OtBenchmarks"/> with a short job, so both sets of numbers come from one run.
/// </summary>
public static class OtCompare
{
    public static int Run()
    {
        var root = RepoRoot();
        var corpusPath = Path.Combine(Path.GetTempPath(), $"ot-corpus-{OtCorpus.Seed}.json");
        File.WriteAllText(corpusPath, OtCorpus.Instance.ToJson());
        Console.WriteLine($"corpus (seed {OtCorpus.Seed}) written to {corpusPath}");

        var node = new ProcessStartInfo("node") { UseShellExecute = false };
        node.ArgumentList.Add(Path.Combine(root, "tests", "Workspace.Benchmarks", "ot-bench.mjs"));
        node.ArgumentList.Add(corpusPath);
        using (var process = Process.Start(node)!)
        {
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                Console.Error.WriteLine($"ot-bench.mjs failed with exit code {process.ExitCode}");
                return process.ExitCode;
            }
        }

        var config = DefaultConfig.Instance.AddJob(Job.ShortRun);
        BenchmarkRunner.Run<OtBenchmarks>(config);
        return 0;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Workspace.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Workspace.sln not found above the benchmark binaries.");
    }
}
