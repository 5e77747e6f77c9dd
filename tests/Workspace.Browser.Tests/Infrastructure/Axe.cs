using System.Text.Json;
using Microsoft.Playwright;

namespace Workspace.Browser.Tests.Infrastructure;

/// <summary>Runs axe-core (from wwwroot/node_modules, a devDependency) on the page as it is now.</summary>
public static class Axe
{
    private static readonly Lazy<string> Source = new(() => File.ReadAllText(FindAxe()));

    /// <summary>Serious and critical WCAG 2.1 A/AA violations, one line each: rule, element, what axe says.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page, string state)
    {
        // Evaluated through the debugging protocol, so the page's strict CSP does not block it.
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(Source.Value);
        }
        var result = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const r = await axe.run(document, { runOnly: { type: 'tag',
                values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
              return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .flatMap(v => v.nodes.map(n => `${v.id} (${v.impact}) ${n.target.join(' ')}: ${n.failureSummary}`
                  .replace(/\s+/g, ' ')));
            }
            """);
        return [.. result.EnumerateArray().Select(x => $"[{state}] {x.GetString()}")];
    }

    private static string FindAxe()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, "wwwroot", "node_modules", "axe-core", "axe.min.js");
            if (File.Exists(file))
            {
                return file;
            }
        }
        throw new InvalidOperationException("axe-core is missing: run npm install in wwwroot.");
    }
}
