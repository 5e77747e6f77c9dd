using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Workspace.Server.Tests.Kernel;

/// <summary>
/// The house rules for C# under src/ (generated migrations excepted): no file over 400 lines, no method,
/// constructor, accessor, local function or lambda body over 80 lines, no line over 120 characters. The file and line
/// rules hold for the tests under tests/ too. Read with Roslyn from the source, so a new file is checked the moment it
/// exists.
/// </summary>
public sealed class HouseRulesTests
{
    private const int MaxFileLines = 400;
    private const int MaxBodyLines = 80;
    private const int MaxLineLength = 120;

    [Fact]
    public void NoFileIsLongerThan400Lines() => AssertNone(FileFindings(Sources()));

    [Fact]
    public void NoTestFileIsLongerThan400Lines() => AssertNone(FileFindings(TestSources()));

    [Fact]
    public void NoTestLineIsLongerThan120Characters() => AssertNone(LineFindings(TestSources()));

    [Fact]
    public void NoBodyIsLongerThan80Lines() => AssertNone(BodyFindings());

    [Fact]
    public void NoLineIsLongerThan120Characters() => AssertNone(LineFindings(Sources()));

    [Fact]
    public void TheRulesSeeAKnownFileAndBody()
    {
        // Guards the scan itself: a rule that reads no file, or measures no body, passes for nothing.
        var sources = Sources().ToList();
        Assert.Contains(sources, s => s.Path.EndsWith("/Program.cs", StringComparison.Ordinal));
        Assert.DoesNotContain(sources, s => s.Path.Contains("/Migrations/", StringComparison.Ordinal));
        var bodies = sources.SelectMany(s => Bodies(s.Tree)).ToList();
        Assert.Contains(bodies, b => b.Name.Contains("lambda", StringComparison.Ordinal));
        Assert.Contains(bodies, b => b.Lines > 10);
        var tests = TestSources().ToList();
        Assert.Contains(tests, s => s.Path.EndsWith("/Kernel/HouseRulesTests.cs", StringComparison.Ordinal));
        Assert.DoesNotContain(tests, s => s.Path.Contains("/obj/", StringComparison.Ordinal));
        Assert.DoesNotContain(tests, s => s.Path.StartsWith("src/", StringComparison.Ordinal));
    }

    private static IEnumerable<string> FileFindings(IEnumerable<Source> sources) =>
        sources.Where(s => s.Lines.Length > MaxFileLines)
            .Select(s => $"{s.Path}: {s.Lines.Length} lines (max {MaxFileLines})");

    private static IEnumerable<string> BodyFindings() =>
        Sources().SelectMany(s => Bodies(s.Tree).Where(b => b.Lines > MaxBodyLines)
            .Select(b => $"{s.Path}:{b.Line}: {b.Name} body has {b.Lines} lines (max {MaxBodyLines})"));

    private static IEnumerable<string> LineFindings(IEnumerable<Source> sources) =>
        sources.SelectMany(s => s.Lines.Select((text, i) => (text, i))
            .Where(l => l.text.Length > MaxLineLength)
            .Select(l => $"{s.Path}:{l.i + 1}: {l.text.Length} characters (max {MaxLineLength})"));

    private static void AssertNone(IEnumerable<string> findings)
    {
        var list = findings.ToList();
        Assert.True(list.Count == 0, $"{list.Count} house-rule findings:\n" + string.Join('\n', list));
    }

    private sealed record Source(string Path, string[] Lines, SyntaxTree Tree);

    private sealed record Body(string Name, int Line, int Lines);

    private static IEnumerable<Source> Sources() => SourcesUnder("src");

    private static IEnumerable<Source> TestSources() => SourcesUnder("tests");

    private static IEnumerable<Source> SourcesUnder(string folder)
    {
        var root = Root();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories)
            .Order())
        {
            var path = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (new[] { "/Migrations/", "/obj/", "/bin/" }.Any(skip => path.Contains(skip, StringComparison.Ordinal)))
            {
                continue;
            }
            var text = File.ReadAllText(file);
            var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
            if (lines.Length > 0 && lines[^1].Length == 0)
            {
                lines = lines[..^1];
            }
            yield return new Source(path, lines, CSharpSyntaxTree.ParseText(text));
        }
    }

    private static IEnumerable<Body> Bodies(SyntaxTree tree)
    {
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            var (name, body) = node switch
            {
                BaseMethodDeclarationSyntax m => (NameOf(m), (SyntaxNode?)m.Body ?? m.ExpressionBody),
                AccessorDeclarationSyntax a => ($"accessor {a.Keyword.Text}", (SyntaxNode?)a.Body ?? a.ExpressionBody),
                LocalFunctionStatementSyntax f => ($"local function {f.Identifier.Text}",
                    (SyntaxNode?)f.Body ?? f.ExpressionBody),
                AnonymousFunctionExpressionSyntax l => ("lambda", l.Body),
                _ => (null, null),
            };
            if (name is null || body is null)
            {
                continue;
            }
            var span = body.GetLocation().GetLineSpan();
            yield return new Body(name, span.StartLinePosition.Line + 1,
                span.EndLinePosition.Line - span.StartLinePosition.Line + 1);
        }
    }

    private static string NameOf(BaseMethodDeclarationSyntax method) => method switch
    {
        MethodDeclarationSyntax m => $"method {m.Identifier.Text}",
        ConstructorDeclarationSyntax c => $"constructor {c.Identifier.Text}",
        _ => method.Kind().ToString(),
    };

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Workspace.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Workspace.sln not found above the test binaries.");
    }
}
