using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;

namespace Workspace.Benchmarks;

/// <summary>
/// The server's Markdown renderer (MarkdownRenderer.Render) of two builds, A and B, alternating in one process
/// on large ordinary texts and on the pathological ones (same-named headings, deep nesting). Each build is
/// loaded from its Workspace.Server.dll in its own load context, so both can be measured side by side.
/// Usage: render --a DIR/Workspace.Server.dll --b DIR/Workspace.Server.dll [--pairs 3] [--repeat 3]
/// [--shapes siblings [--sizes 50000,100000,200000] [--only NAME] [--skip-after MS]]: with --shapes siblings, the
/// texts whose many elements are siblings inside ONE block (a list of 50,000 items, a table of 20,000 rows, a
/// paragraph of 40,000 emphases) at each size, and the realistic plan for comparison; a build whose render of a
/// shape took longer than --skip-after ms (default 20,000) is not given that shape's larger sizes (minutes).
/// </summary>
public static class RenderBenchmark
{
    public static int Run(string[] args)
    {
        string Arg(string name, string fallback) =>
            Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        var builds = new[] { ("A", Load(Arg("--a", ""))), ("B", Load(Arg("--b", ""))) };
        var pairs = int.Parse(Arg("--pairs", "3"));
        var repeat = int.Parse(Arg("--repeat", "3"));
        var cases = Arg("--shapes", "") == "siblings"
            ? SiblingShapes.Cases(Arg("--sizes", "50000,100000,200000"), Arg("--only", ""))
            : Cases();
        var skipAfter = double.Parse(Arg("--skip-after", "20000"));
        var skipped = new HashSet<(string Build, string Shape)>();
        var outputOfA = new Dictionary<string, string?>();
        foreach (var (_, render) in builds)
        {
            render("# warm *up*\n\n- [x] a\n\n| a |\n|---|\n| 1 |");
        }
        for (var pair = 1; pair <= pairs; pair++)
        {
            foreach (var (name, render) in builds)
            {
                foreach (var (label, text, bOnly) in cases)
                {
                    if (bOnly && name == "A")
                    {
                        continue;
                    }
                    var shape = label.Split(' ')[0];
                    if (skipped.Contains((name, shape)))
                    {
                        Console.WriteLine(
                            $"pair {pair} {name} {label,-28} chars {text.Length,7} skipped (a smaller one was slow)");
                        continue;
                    }
                    var (ms, outcome, html) = Measure(render, text, ms => ms > skipAfter ? 1 : repeat);
                    if (name == "A")
                    {
                        outputOfA[label] = html;
                    }
                    else if (outputOfA.TryGetValue(label, out var ofA))
                    {
                        outcome += ofA == html ? ", same as A" : ", DIFFERENT from A";
                    }
                    if (ms > skipAfter)
                    {
                        skipped.Add((name, shape));
                    }
                    Console.WriteLine(
                        $"pair {pair} {name} {label,-28} chars {text.Length,7} median {ms,9:F1} ms  {outcome}");
                }
            }
        }
        return 0;
    }

    private static (double Ms, string Outcome, string? Html) Measure(
        Func<string, string> render, string text, Func<double, int> repeatAfterFirst)
    {
        var times = new List<double>();
        var outcome = "";
        string? html = null;
        for (var i = 0; i < (times.Count == 0 ? 1 : repeatAfterFirst(times[0])); i++)
        {
            var watch = Stopwatch.StartNew();
            try
            {
                html = render(text);
                outcome = $"html {html.Length} chars";
            }
            catch (Exception e)
            {
                outcome = "threw " + (e.InnerException ?? e).GetType().Name;
            }
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return (times[times.Count / 2], outcome, html);
    }

    private static List<(string Label, string Text, bool BOnly)> Cases()
    {
        var words = "the partners agree to share the quarterly report and review the open actions".Split(' ');
        string Paragraph(int seed, int count) =>
            string.Join(' ', Enumerable.Range(seed, count).Select(i => words[i % words.Length]));
        var withHeadings = new StringBuilder();
        var paragraphs = new StringBuilder();
        for (var i = 0; withHeadings.Length < 200_000; i++)
        {
            withHeadings.Append($"## Section {i}\n\n{Paragraph(i, 9)}.\n\n");
        }
        for (var i = 0; paragraphs.Length < 200_000; i++)
        {
            paragraphs.Append($"{Paragraph(i, 12)}, *{words[i % words.Length]}* and **more**.\n\n");
        }
        var one = new StringBuilder();
        for (var i = 0; one.Length < 200_000; i++)
        {
            one.Append(words[i % words.Length]).Append(' ');
        }
        return
        [
            ("paragraphs+headings 200k", withHeadings.ToString()[..200_000], false),
            ("paragraphs 200k", paragraphs.ToString()[..200_000], false),
            ("one paragraph 200k", one.ToString()[..200_000], false),
            ("'# a' x 4000", string.Concat(Enumerable.Repeat("# a\n\n", 4_000)), false),
            ("'# a' x 40000 (B only)", string.Concat(Enumerable.Repeat("# a\n\n", 40_000)), true),
            ("'>' x 100000", new string('>', 100_000), false),
            ("'[' x 100000", new string('[', 100_000), false),
            ("'*a ' x 60000", string.Concat(Enumerable.Repeat("*a ", 60_000)), false),
        ];
    }

    private static Func<string, string> Load(string serverDll)
    {
        var path = Path.GetFullPath(serverDll);
        var context = new ServerContext(path);
        var type = context.LoadFromAssemblyPath(path)
            .GetType("Workspace.Server.Infrastructure.MarkdownRenderer", true)!;
        var constructor = type.GetConstructors()[0];
        var renderer = constructor.Invoke(constructor.GetParameters().Select(_ => (object?)null).ToArray());
        var method = type.GetMethod("Render", BindingFlags.Public | BindingFlags.Instance)!;
        return text => (string)method.Invoke(renderer, [text])!;
    }

    /// <summary>The server's own dependencies (its Markdig, its sanitiser), then the ASP.NET shared framework.
    /// </summary>
    private sealed class ServerContext(string serverDll) : AssemblyLoadContext(serverDll)
    {
        private readonly AssemblyDependencyResolver _resolver = new(serverDll);

        private readonly string _aspNet = Path.Combine(
            Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(
                typeof(object).Assembly.Location))!)!, "Microsoft.AspNetCore.App", Environment.Version.ToString());

        protected override Assembly? Load(AssemblyName name)
        {
            var path = _resolver.ResolveAssemblyToPath(name);
            if (path is null && File.Exists(Path.Combine(_aspNet, name.Name + ".dll")))
            {
                path = Path.Combine(_aspNet, name.Name + ".dll");
            }
            return path is null ? null : LoadFromAssemblyPath(path);
        }
    }
}
