using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Workspace.Collaboration.Tests.Support;

namespace Workspace.Collaboration.Tests.CrossCheck;

/// <summary>Runs cases through the npm package with node (crosscheck.mjs) and returns node's answers.</summary>
public static class CrossCheckRunner
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string WwwRoot => Path.Combine(RepoPaths.Root(), "wwwroot");

    public static string Script => Path.Combine(AppContext.BaseDirectory, "CrossCheck", "crosscheck.mjs");

    /// <summary>Fails with a clear message when node or the npm package is missing.</summary>
    public static void EnsurePrerequisites()
    {
        var package = Path.Combine(WwwRoot, "node_modules", "ot-text-unicode", "package.json");
        Assert.True(
            File.Exists(package),
            $"ot-text-unicode is not installed ({package} is missing). Run infra/install.sh (npm ci in wwwroot).");
        Assert.True(File.Exists(Script), $"The cross-check script is missing from the test output: {Script}.");
    }

    /// <summary>Node's answer per case id ("&lt;error&gt;" when the package threw), plus the package version.</summary>
    public static (string Version, Dictionary<int, string> Answers) RunNode(
        IReadOnlyList<CrossCase> cases,
        CancellationToken cancellationToken)
    {
        var dir = Directory.CreateTempSubdirectory("ot-crosscheck-");
        try
        {
            var input = Path.Combine(dir.FullName, "cases.jsonl");
            var output = Path.Combine(dir.FullName, "results.jsonl");
            var sb = new StringBuilder();
            foreach (var c in cases)
            {
                sb.Append(JsonSerializer.Serialize(c, JsonOptions)).Append('\n');
            }

            File.WriteAllText(input, sb.ToString(), new UTF8Encoding(false));
            RunNodeProcess(input, output, cancellationToken);

            var answers = new Dictionary<int, string>();
            var version = "";
            foreach (var line in File.ReadLines(output))
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                if (root.TryGetProperty("version", out var v))
                {
                    version = v.GetString()!;
                    continue;
                }

                var id = root.GetProperty("id").GetInt32();
                answers[id] = root.TryGetProperty("out", out var o) ? o.GetString()! : CSharpOracle.Error;
            }

            return (version, answers);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static void RunNodeProcess(string input, string output, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Script, WwwRoot, input, output })
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception ex)
        {
            Assert.Fail($"node is not installed or not on PATH ({ex.Message}); the cross-check needs Node 20+.");
            throw;
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("node crosscheck.mjs did not finish within 2 minutes.");
            }

            cancellationToken.ThrowIfCancellationRequested();
            Assert.True(
                process.ExitCode == 0,
                $"node crosscheck.mjs exited with {process.ExitCode}: {stderr.Result}{stdout.Result}");
        }
    }
}
