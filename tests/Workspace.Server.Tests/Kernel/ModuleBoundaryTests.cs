using System.Text.RegularExpressions;

namespace Workspace.Server.Tests.Kernel;

/// <summary>
/// The server's modules stay apart: the kernel (src/Workspace.Server/Kernel) references no feature, and a feature
/// references another feature only where the allow-list below says why. Read from the source (usings, global usings
/// and fully qualified names), so a new file is checked the moment it exists.
/// </summary>
public sealed partial class ModuleBoundaryTests
{
    /// <summary>Feature → feature references that are truly needed, each with its reason.</summary>
    private static readonly Dictionary<(string From, string To), string> Allowed = new()
    {
        [("Dashboard", "Goals")] = "the dashboard is a read model that summarises goals",
        [("Dashboard", "ActionItems")] = "the dashboard is a read model that summarises action items",
        [("ActionItems", "Goals")] = "an action item may link to a goal of its partnership",
        [(
            "ActionItems",
            "Meetings")] = "an action item remembers the meeting it was captured in, one of its partnership",
        [("Meetings", "Goals")] = "an agenda item or decision links to a goal or KPI of the same partnership",
        [("Meetings", "ActionItems")] = "an agenda item or decision links to an action item of the same partnership, "
            + "and the minutes list the meeting's action items",
        [("Meetings", "Documents")] = "an agenda item or decision links to a document of the same partnership, and a "
            + "meeting's notes and minutes are partnership documents (made and written through IDocumentGrain)",
        [("Documents", "Health")] = "the co-editing writer keeps the commit record and raises the integrity alarm",
        [("Health", "Documents")] = "the start check compares the commit record with the co-editing log's rows",
        [("Disputes", "ActionItems")] = "a resolution creates ordinary action items; evidence may name an action item",
        [("Disputes", "Meetings")] = "a resolution records its decision in a meeting; evidence may name a decision",
        [("Disputes", "Goals")] = "evidence may name a goal of the same partnership",
        [("Disputes", "Documents")] = "evidence may name a document of the same partnership",
        [("Agreements", "Disputes")] = "agreements answer the disputes' IDisputeStepsSource (a dispute's steps come "
            + "from the agreement's text); clause links go through Kernel.ClauseLinks, so disputes never import "
                + "agreements",
        [("Agreements", "Documents")] = "an agreement's text is a co-edited document: its sign-off is the document's "
            + "guard (IDocumentGuard: the document's grain asks it before each edit, so one authority orders edits and "
            + "approvals), and comparisons read the document's history",
        [("Agreements", "ActionItems")] = "a clause's dated obligations become action items of the responsible party",
        [("Reviews", "Goals")] = "a review round asks one score per goal of the partnership, taken when it opens",
        [("Search", "Documents")] = "search reads each document's current text from its grain",
        [("Search", "Goals")] = "search is a read model that finds goals and KPIs",
        [("Search", "ActionItems")] = "search is a read model that finds action items",
        [("Search", "Meetings")] = "search is a read model that finds meetings, agenda items and decisions",
        [("Search", "Agreements")] = "search reports an agreement's text as the agreement",
        [("Search", "Disputes")] = "search is a read model that finds disputes (never the parties' notes)",
        [("Search", "Reviews")] = "search is a read model that finds review rounds and agreed changes",
        [("Search", "Files")] = "search is a read model that finds files by name",
        [("Reviews", "ActionItems")] = "an agreed change of a review becomes an ordinary action item on the board",
    };

    [Fact]
    public void KernelReferencesNoFeature()
    {
        var offenders = References().Where(r => r.From == "Kernel").Select(r => $"{r.File} uses Features.{r.To}");
        Assert.Empty(offenders);
    }

    [Fact]
    public void FeaturesReferenceOtherFeaturesOnlyWhereAllowed()
    {
        var offenders = References()
            .Where(r => r.From != "Kernel" && r.From != r.To && !Allowed.ContainsKey((r.From, r.To)))
            .Select(r => $"{r.File} ({r.From}) uses Features.{r.To}");
        Assert.Empty(offenders);
    }

    [Fact]
    public void DocumentsAndActionItemsDoNotImportOneAnother()
    {
        // They meet only through the checklist-link module, which meetings can use as well.
        var offenders = References()
            .Where(r => (r.From, r.To) is ("Documents", "ActionItems") or ("ActionItems", "Documents"))
            .Select(r => $"{r.File} ({r.From}) uses Features.{r.To}");
        Assert.Empty(offenders);
    }

    [Fact]
    public void EveryFileBelongsToTheModuleOfItsFolder()
    {
        // A file of one feature's folder that adds to another's namespace (a partial class) hides the dependency.
        var server = Path.Combine(Root(), "src", "Workspace.Server");
        var features = Path.Combine(server, "Features");
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(features, "*.cs", SearchOption.AllDirectories))
        {
            var feature = Path.GetRelativePath(features, file).Split('/', '\\')[0];
            var declared = DeclaredNamespace().Match(File.ReadAllText(file));
            if (declared.Success && !(declared.Groups[1].Value + ".").StartsWith(
                    $"Workspace.Server.Features.{feature}.", StringComparison.Ordinal))
            {
                offenders.Add($"{Path.GetRelativePath(server, file)} declares {declared.Groups[1].Value}");
            }
        }
        Assert.Empty(offenders);
    }

    [Fact]
    public void TheScanSeesAFeatureReference()
    {
        // Guards the scan itself: the dashboard is known to use goals, so finding nothing means a broken scan.
        Assert.Contains(References(), r => r.From == "Dashboard" && r.To == "Goals");
    }

    private static List<(string From, string To, string File)> References()
    {
        var server = Path.Combine(Root(), "src", "Workspace.Server");
        var found = new List<(string, string, string)>();
        foreach (var file in Directory.EnumerateFiles(server, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(server, file).Replace('\\', '/');
            var parts = relative.Split('/');
            var from = parts switch
            {
                ["Kernel", ..] => "Kernel",
                ["Features", var feature, _, ..] => feature,
                _ => null,
            };
            if (from is null)
            {
                continue;
            }
            foreach (Match m in FeatureName().Matches(File.ReadAllText(file)))
            {
                found.Add((from, m.Groups[1].Value, relative));
            }
        }
        return found;
    }

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Workspace.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Workspace.sln not found above the test binaries.");
    }

    [GeneratedRegex(@"^namespace ([A-Za-z.]+);", RegexOptions.Multiline)]
    private static partial Regex DeclaredNamespace();

    [GeneratedRegex(@"Workspace\.Server\.Features\.([A-Za-z]+)")]
    private static partial Regex FeatureName();
}
