using System.Diagnostics;
using Microsoft.Playwright;
using static Workspace.Benchmarks.BenchmarkServer;

namespace Workspace.Benchmarks.Frontend;

/// <summary>
/// <c>frontend --url http://127.0.0.1:5000 [--runs 3] [--chromium /usr/bin/chromium]</c>: loads the sign-in page
/// and a partnership's dashboard in Chromium on a throttled phone profile (Fast-3G-like network, CPU ×4), first
/// visit (empty cache) and repeat visit (same browser), and prints the compressed JavaScript and CSS bytes that
/// crossed the network, the request count and the time until the sign-in form is visible / the dashboard's data
/// is drawn (median of the runs). The server must be running already; the benchmark seeds its own account.
/// </summary>
public static class FrontendBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var url = Option(args, "--url") ?? "http://127.0.0.1:5000";
        var runs = IntOption(args, "--runs", 3);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Option(args, "--chromium") ?? "/usr/bin/chromium",
            Args = ["--no-sandbox"],
        });
        var account = await Seed.AccountAsync(browser, url);
        Console.WriteLine($"{url}: Fast-3G-like (150 ms RTT, 1.6 Mbps down, 750 kbps up), CPU x4, {runs} runs, median");
        Console.WriteLine("page       visit    JS bytes   CSS bytes  requests  time (ms)");
        await ReportAsync("sign-in", runs, () => VisitTwiceAsync(browser, url, "/", "#auth-form", null));
        await ReportAsync("dashboard", runs,
            () => VisitTwiceAsync(browser, url, $"/p/{account.PartnershipId}", ".dash", account));
        return 0;
    }

    private static async Task ReportAsync(string name, int runs, Func<Task<(Visit First, Visit Repeat)>> measure)
    {
        var all = new List<(Visit First, Visit Repeat)>();
        for (var i = 0; i < runs; i++)
        {
            all.Add(await measure());
        }
        Print(name, "first", all.Select(a => a.First).ToList());
        Print(name, "repeat", all.Select(a => a.Repeat).ToList());
    }

    private static void Print(string name, string visit, List<Visit> visits)
    {
        var median = visits.OrderBy(v => v.Milliseconds).ElementAt(visits.Count / 2);
        var times = string.Join(" ",
            visits.Select(v => v.Milliseconds.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)));
        Console.WriteLine($"{name,-10} {visit,-7} {median.ScriptBytes,9} {median.StyleBytes,11} {median.Requests,9}  "
            + $"{median.Milliseconds,9:F0}   (runs: {times})");
    }

    /// <summary>A fresh browser context (empty cache), signed in when <paramref name="account"/> is given.</summary>
    private static async Task<(Visit First, Visit Repeat)> VisitTwiceAsync(
        IBrowser browser, string url, string path, string drawn, Seed.Account? account)
    {
        await using var context = await browser.NewContextAsync(new()
        {
            BaseURL = url,
            ViewportSize = new() { Width = 390, Height = 844 },
        });
        if (account is not null)
        {
            await Seed.SignInAsync(context, account);
        }
        var page = await context.NewPageAsync();
        var network = await Throttle.ApplyAsync(context, page);
        var first = await VisitAsync(page, network, path, drawn);
        var repeat = await VisitAsync(page, network, path, drawn);
        return (first, repeat);
    }

    private static async Task<Visit> VisitAsync(IPage page, NetworkLog network, string path, string drawn)
    {
        // The blank page first, so that the navigation below starts from nothing and every request is counted.
        await page.GotoAsync("about:blank");
        network.Clear();
        var clock = Stopwatch.StartNew();
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Commit, Timeout = 120_000 });
        await page.Locator(drawn).First.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 120_000 });
        var milliseconds = clock.Elapsed.TotalMilliseconds;
        // Requests the page makes right after drawing (the live connection) are not part of what drawing needed.
        return network.Snapshot(milliseconds);
    }
}

public sealed record Visit(long ScriptBytes, long StyleBytes, int Requests, double Milliseconds);
