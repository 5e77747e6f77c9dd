using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using static Workspace.Benchmarks.BenchmarkServer;

namespace Workspace.Benchmarks.Frontend;

/// <summary>
/// <c>storage --reuse dir --browser [--opens 20] [--cpu 4] [--parts hub,route,version] [--chromium path]</c>:
/// opening the kept large document in Chromium, as the app does it, at desktop size (1280 × 800) and at 390 × 844,
/// without CPU throttling (plus a 390 × 844 row at --cpu N × when given). Three parts (or those --parts names), each on
/// a freshly restarted server (so its first run is the cold one) in a fresh browser context that starts on the
/// documents list:
/// <b>hub</b>, <c>OpenDocument</c> through the app's SignalR client library (its browser build, the same version),
/// timed in the page from the invoke to the parsed result; <b>route</b>, a click on the document in the list until
/// the editor holds the text and the page says "saved" (then the next frame, and the preview); <b>version</b>, a
/// version's endpoint read as the history view reads it and its HTML put in the history pane, until the next frame.
/// </summary>
public static class DocumentOpen
{
    public sealed record Target(string Email, string Password, Guid Partnership, Guid Document);

    private sealed record Viewport(string Name, int Width, int Height, int Cpu);

    /// <summary>Runs every part; <paramref name="restart"/> starts the server afresh on the kept copy and returns its
    /// address; <paramref name="revisions"/> are the versions read (the first one is the cold read).</summary>
    public static async Task RunAsync(string[] args, Target target, Func<Task<string>> restart,
        IReadOnlyList<long> revisions)
    {
        var opens = IntOption(args, "--opens", 20);
        List<Viewport> viewports = [new("desktop 1280x800", 1280, 800, 1), new("phone 390x844", 390, 844, 1)];
        if (IntOption(args, "--cpu", 1) is var cpu and > 1)
        {
            viewports.Add(new($"phone 390x844 CPU x{cpu}", 390, 844, cpu));
        }
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Option(args, "--chromium") ?? "/usr/bin/chromium", Args = ["--no-sandbox"],
        });
        var signalR = await File.ReadAllTextAsync(SignalRBrowserBuild());
        Console.WriteLine($"Browser: Chromium {browser.Version}; {opens} warm runs after the first (cold) one");
        // Only some parts (an A/B of one of them fits in one hold of the machine).
        var parts = (Option(args, "--parts") ?? "hub,route,version").Split(',');
        foreach (var viewport in viewports)
        {
            if (parts.Contains("hub"))
            {
                Print(viewport, "hub OpenDocument", await OnFreshServerAsync(browser, viewport, target, restart,
                    page => HubAsync(page, target, opens), signalR + "\n" + Stamps));
            }
            if (parts.Contains("route"))
            {
                Print(viewport, "route list -> text", await OnFreshServerAsync(browser, viewport, target, restart,
                    page => RouteAsync(page, target, opens), Stamps));
            }
            if (parts.Contains("version"))
            {
                Print(viewport, "version read + render", await OnFreshServerAsync(browser, viewport, target, restart,
                    page => VersionsAsync(page, target, revisions.Take(opens + 1).ToList()), init: null));
            }
        }
    }

    private static async Task<Runs> OnFreshServerAsync(IBrowser browser, Viewport viewport, Target target,
        Func<Task<string>> restart, Func<IPage, Task<Runs>> measure, string? init)
    {
        var url = await restart();
        await using var context = await browser.NewContextAsync(new()
        {
            BaseURL = url, ViewportSize = new() { Width = viewport.Width, Height = viewport.Height },
        });
        await SignInAsync(context, target);
        var page = await context.NewPageAsync();
        if (init is not null)
        {
            await page.AddInitScriptAsync(init);
        }
        if (viewport.Cpu > 1)
        {
            var cdp = await context.NewCDPSessionAsync(page);
            await cdp.SendAsync("Emulation.setCPUThrottlingRate",
                new Dictionary<string, object> { ["rate"] = viewport.Cpu });
        }
        await page.GotoAsync($"/p/{target.Partnership}/docs");
        await page.Locator(DocumentLink(target)).WaitForAsync(new() { Timeout = 60_000 });
        return await measure(page);
    }

    /// <summary>Stamps (performance.now()) of the page's WebSocket traffic: when an OpenDocument invocation is sent
    /// and when a message of over 100,000 characters reaches the page's JavaScript (before the client parses it; the
    /// listener added here runs before the client's own onmessage).</summary>
    private const string Stamps = """
        window.__ws = {};
        window.WebSocket = class extends window.WebSocket {
          constructor(...a) {
            super(...a);
            this.addEventListener('message', e => {
              if (typeof e.data === 'string' && e.data.length > 100000) window.__ws.received = performance.now();
            });
          }
          send(data) {
            if (typeof data === 'string' && data.includes('"OpenDocument"')) window.__ws.sent = performance.now();
            super.send(data);
          }
        };
        """;

    private static string DocumentLink(Target t) => $"a[href='/p/{t.Partnership}/docs/{t.Document}']";

    /// <summary>Times given by the page: the first (cold) run, then the warm ones; Extra: a second time per run (or
    /// nothing), Note: what was checked.</summary>
    private sealed record Runs(List<double> Times, List<double>? Extra, string Extras, string Note);

    private const string HubScript = """
        async ([doc, n]) => {
          const c = new signalR.HubConnectionBuilder().withUrl('/hubs/documents')
            .configureLogging(signalR.LogLevel.Warning).build();
          await c.start();
          const times = [], arrived = [];
          let length = 0;
          for (let i = 0; i < n; i++) {
            const started = performance.now();
            const state = await c.invoke('OpenDocument', doc, null);
            times.push(performance.now() - started);
            arrived.push(window.__ws.received - started);
            length = state.text.length;
          }
          await c.stop();
          return { times, arrived, length };
        }
        """;

    private static async Task<Runs> HubAsync(IPage page, Target target, int opens)
    {
        var result = await page.EvaluateAsync<JsonElement>(HubScript, new object[] { target.Document, opens + 1 });
        return new Runs(Numbers(result.GetProperty("times")), Numbers(result.GetProperty("arrived")),
            "of which until the message reached the page",
            $"text {result.GetProperty("length").GetInt32():N0} UTF-16 units");
    }

    /// <summary>Clicks the document's link in the list and waits for the page's "saved" (the text is in the editor by
    /// then: the OT client fills it before it reports its state), the next frame, and the preview's answer.</summary>
    private const string RouteScript = """
        (link) => new Promise(resolve => {
          const started = performance.now();
          const r = {};
          const editor = () => document.querySelector('.cm-content')?.cmTile?.root?.view;
          const observer = new MutationObserver(() => {
            if (r.saved !== undefined || document.querySelector('#sync')?.dataset.state !== 'saved') return;
            r.saved = performance.now() - started;
            r.length = editor()?.state.doc.length ?? -1;
            requestAnimationFrame(() => setTimeout(() => { r.painted = performance.now() - started; }));
          });
          const previews = new PerformanceObserver(list => {
            const e = list.getEntries().find(x => x.name.endsWith('/markdown/preview') && x.startTime > started);
            if (!e) return;
            r.preview = e.responseEnd - started;
            r.status = e.responseStatus;
            setTimeout(() => finish(), 50);
          });
          const finish = () => {
            r.sent = window.__ws.sent - started;
            r.received = window.__ws.received - started;
            observer.disconnect();
            previews.disconnect();
            r.drawn = document.querySelector('#preview')?.childElementCount ?? 0;
            resolve(r);
          };
          observer.observe(document.body, { subtree: true, childList: true, attributes: true });
          previews.observe({ type: 'resource' });
          setTimeout(finish, 20000);
          window.__ws = {};
          document.querySelector(link).click();
        })
        """;

    private static async Task<Runs> RouteAsync(IPage page, Target target, int opens)
    {
        string[] names = ["saved", "painted", "preview", "sent", "received"];
        var times = names.ToDictionary(n => n, _ => new List<double>());
        var (lengths, previews) = (new HashSet<int>(), new HashSet<string>());
        for (var i = 0; i <= opens; i++)
        {
            var r = await page.EvaluateAsync<JsonElement>(RouteScript, DocumentLink(target));
            double Of(string name) => r.TryGetProperty(name, out var v) ? v.GetDouble() : double.NaN;
            foreach (var name in names)
            {
                times[name].Add(Of(name));
            }
            lengths.Add(r.TryGetProperty("length", out var n) ? n.GetInt32() : -1);
            previews.Add($"{Of("status")}/{Of("drawn")}");
            await page.Locator("a.back").ClickAsync();
            await page.Locator(DocumentLink(target)).WaitForAsync(new() { Timeout = 60_000 });
        }
        // The stages of each run: click -> invocation sent -> its answer in the page -> "saved".
        string Stages(int i) => string.Create(CultureInfo.InvariantCulture, $"{times["sent"][i]:0}+"
            + $"{times["received"][i] - times["sent"][i]:0}+{times["saved"][i] - times["received"][i]:0}");
        return new Runs(times["painted"], times["preview"], "preview answered",
            $"editor text {string.Join("/", lengths.Select(n => n.ToString("N0", CultureInfo.InvariantCulture)))}; "
            + $"preview status/elements {string.Join(" ", previews)}; "
            + $"\"saved\" p50 {Percentile(times["saved"].Skip(1), 50):0.0} ms; "
            + "stages (click to invoke sent)+(to its answer in the page)+(to \"saved\") ms: "
            + string.Join(" ", Enumerable.Range(0, opens + 1).Select(Stages)));
    }

    /// <summary>As the history view's open(revision): its GET, then the HTML in the history pane; until the next
    /// frame is drawn.</summary>
    private const string VersionScript = """
        async ([base, revision]) => {
          const host = document.querySelector('#history');
          const started = performance.now();
          const response = await fetch(`${base}/${revision}`,
            { credentials: 'same-origin', headers: { Accept: 'application/json' } });
          const version = await response.json();
          const read = performance.now() - started;
          host.innerHTML = '<div class="markdown version-text" id="version-text"></div>';
          host.querySelector('#version-text').innerHTML = version.html;
          await new Promise(done => requestAnimationFrame(() => setTimeout(done)));
          return { read, shown: performance.now() - started, length: version.text.length };
        }
        """;

    private static async Task<Runs> VersionsAsync(IPage page, Target target, IReadOnlyList<long> revisions)
    {
        await page.Locator(DocumentLink(target)).ClickAsync();
        await page.Locator("#sync[data-state='saved']").WaitForAsync(new() { Timeout = 120_000 });
        await page.Locator("#tab-history").ClickAsync();
        await page.Locator("#history .versions, #history .empty").First.WaitForAsync(new() { Timeout = 60_000 });
        var (shown, read) = (new List<double>(), new List<double>());
        var baseUrl = $"/api/partnerships/{target.Partnership}/documents/{target.Document}/history";
        foreach (var revision in revisions)
        {
            var r = await page.EvaluateAsync<JsonElement>(VersionScript, new object[] { baseUrl, revision });
            shown.Add(r.GetProperty("shown").GetDouble());
            read.Add(r.GetProperty("read").GetDouble());
        }
        return new Runs(shown, read, "of which GET + JSON", $"revisions {revisions[0]} (first), then "
            + string.Join(" ", revisions.Skip(1)));
    }

    private static void Print(Viewport viewport, string part, Runs runs)
    {
        string Line(List<double> t) => string.Create(CultureInfo.InvariantCulture,
            $"first {t[0]:0.0} ms; warm p50 {Percentile(t.Skip(1), 50):0.0}, p90 {Percentile(t.Skip(1), 90):0.0} ms");
        Console.WriteLine($"{viewport.Name} | {part}: {Line(runs.Times)} ({runs.Times.Count - 1} warm)"
            + (runs.Extra is { } extra ? $"; {runs.Extras}: {Line(extra)}" : "") + $"; {runs.Note}");
        Console.WriteLine("    runs: " + string.Join(" ",
            runs.Times.Select(t => t.ToString("0.0", CultureInfo.InvariantCulture))));
    }

    /// <summary>Nearest-rank percentile.</summary>
    private static double Percentile(IEnumerable<double> values, int p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Max(0, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];
    }

    private static List<double> Numbers(JsonElement array) =>
        array.EnumerateArray().Select(e => e.GetDouble()).ToList();

    private static async Task SignInAsync(IBrowserContext context, Target target)
    {
        var answer = await (await context.APIRequest.GetAsync("/api/account/antiforgery")).JsonAsync();
        var token = answer!.Value.GetProperty("token").GetString()!;
        var response = await context.APIRequest.PostAsync("/api/account/signin", new()
        {
            DataObject = new { email = target.Email, password = target.Password },
            Headers = new Dictionary<string, string> { ["X-CSRF-TOKEN"] = token },
        });
        if (!response.Ok)
        {
            throw new InvalidOperationException($"Sign-in answered {response.Status}");
        }
    }

    /// <summary>The browser build of the SignalR client the app bundles (wwwroot's node_modules).</summary>
    private static string SignalRBrowserBuild()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "wwwroot", "node_modules", "@microsoft", "signalr", "dist",
                "browser", "signalr.min.js");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException("wwwroot/node_modules/@microsoft/signalr is not installed.");
    }
}
