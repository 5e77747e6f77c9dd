using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Workspace.Benchmarks.Frontend;
using Workspace.Client;
using Workspace.Collaboration.Documents;
using static Workspace.Benchmarks.BenchmarkServer;

namespace Workspace.Benchmarks.Load;

/// <summary>
/// Storage of one large document under many small edits, against a real server process: pastes a text of --size code
/// points (100,000 per edit), then --edits one-character inserts at random places from --writers co-editors, each
/// waiting for its acknowledgement (durable) before the next. Prints the database and peak WAL size, then restarts the
/// server on the same file and times opening the document (cold: first after the restart; warm: again) and reading
/// versions of its history. Usage: storage [--size 1000000] [--edits 100000] [--writers 20] [--server-dll path]
/// [--Documents:Key=value ...] [--paragraphs] [--keep dir] [--reuse dir [--browser ...]]. <c>--paragraphs</c> pastes
/// Markdown of headings and paragraphs (a blank line every few sentences) instead of one paragraph of short lines.
/// <c>--keep</c> copies the stopped server's data folder (and who may read the document) to dir; <c>--reuse</c>
/// skips the typing and times the reads on a copy of such a folder, so two server builds can be timed on the very
/// same file, one after the other; with <c>--browser</c> it then times the same document in Chromium
/// (<see cref="DocumentOpen"/>).
/// </summary>
public static class StorageBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        int Int(string name, int fallback) => IntOption(args, name, fallback);
        var (size, edits, writers) = (Int("--size", 1_000_000), Int("--edits", 100_000), Int("--writers", 20));
        // Room for the edits on top of the pasted text (the default limit is 1,000,000 code points).
        var extra = args.Where(a => a.StartsWith("--Documents:", StringComparison.Ordinal))
            .Prepend(string.Create(CultureInfo.InvariantCulture,
                $"--Documents:MaxDocumentLength={size + edits + 1000}"))
            .ToArray();
        var data = Path.Combine(Path.GetTempPath(), "workspace-storage", Guid.NewGuid().ToString("N"));
        var dll = Option(args, "--server-dll") ?? FindServerDll();
        if (Option(args, "--reuse") is { } reuse)
        {
            CopyFolder(reuse, data);
            var kept = File.ReadAllLines(Path.Combine(data, KeptFile));
            var reader = new CookieContainer();
            Console.WriteLine($"Reads on a copy of {reuse} in {data}");
            var target = new DocumentOpen.Target(kept[0], Password, Guid.Parse(kept[1]), Guid.Parse(kept[2]));
            var head = await ReadAsync(dll, data, extra, reader, target.Partnership, target.Document, kept[0]);
            if (args.Contains("--browser"))
            {
                await InBrowserAsync(args, dll, data, extra, target, VersionsToRead(head, 30));
            }
            TryDelete(data);
            return 0;
        }
        Directory.CreateDirectory(data);
        Console.WriteLine($"Storage: {size:N0} code points, then {edits:N0} one-character edits " +
            $"from {writers} writers; " +
            $"data in {data}");
        Guid pid, doc;
        var email = $"storage.{Guid.NewGuid():N}@example.org";
        var peakWal = 0L;
        var cookies = new CookieContainer();
        var watch = Stopwatch.StartNew();
        using (var server = await Server.StartAsync(dll, data, extra))
        {
            using var http = await SignUpAsync(server.Url, cookies, email);
            pid = await PostForIdAsync(http, "/api/partnerships", new { name = "Storage", organisation = "Storage" });
            doc = await PostForIdAsync(http, $"/api/partnerships/{pid}/documents", new { title = "Large" });
            using var sampling = new CancellationTokenSource();
            var wal = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    peakWal = Math.Max(peakWal, FileSize(Path.Combine(data, "workspace.db-wal")));
                    await Task.Delay(200);
                }
            });
            await TypeAsync(server.Url, cookies, doc, (size, edits, writers), args.Contains("--paragraphs"));
            peakWal = Math.Max(peakWal, FileSize(Path.Combine(data, "workspace.db-wal")));
            await sampling.CancelAsync();
            await wal;
            Console.WriteLine($"typed in {watch.Elapsed.TotalSeconds:0} s; while running: database " +
                $"{Mb(FileSize(Path.Combine(data, "workspace.db")))}, " +
                $"WAL {Mb(FileSize(Path.Combine(data, "workspace.db-wal")))} " +
                $"(peak {Mb(peakWal)})");
            await server.StopAsync();
        }
        Console.WriteLine($"after shutdown: database {Mb(FileSize(Path.Combine(data, "workspace.db")))}, " +
            $"WAL {Mb(FileSize(Path.Combine(data, "workspace.db-wal")))}");

        if (Option(args, "--keep") is { } keep)
        {
            CopyFolder(data, keep);
            File.WriteAllLines(Path.Combine(keep, KeptFile), [email, pid.ToString(), doc.ToString()]);
        }
        await ReadAsync(dll, data, extra, cookies, pid, doc, signIn: null);
        TryDelete(data);
        return 0;
    }

    /// <summary>Who may read the kept document, and which it is: account's address, partnership, document.</summary>
    private const string KeptFile = "storage-benchmark.txt";

    /// <summary>The same reads in Chromium (<see cref="DocumentOpen"/>), each part on a freshly started
    /// server.</summary>
    private static async Task InBrowserAsync(string[] args, string dll, string data, string[] extra,
        DocumentOpen.Target target, IReadOnlyList<long> revisions)
    {
        Server? server = null;
        async Task<string> RestartAsync()
        {
            if (server is not null)
            {
                await server.StopAsync();
                server.Dispose();
            }
            server = await Server.StartAsync(dll, data, extra);
            return server.Url;
        }
        try
        {
            await DocumentOpen.RunAsync(args, target, RestartAsync, revisions);
        }
        finally
        {
            server?.Dispose();
        }
    }

    /// <summary>
    /// Restarts the server on the folder and times opening the document and reading versions; signs in first when
    /// <paramref name="signIn"/> names the account (a reused folder). Returns the document's revision.
    /// </summary>
    private static async Task<long> ReadAsync(string dll, string data, string[] extra, CookieContainer cookies,
        Guid pid, Guid doc, string? signIn)
    {
        using var server = await Server.StartAsync(dll, data, extra);
        if (signIn is not null)
        {
            using var http = await SignInAsync(server.Url, cookies, signIn);
        }
        var open = new List<double>();
        for (var i = 0; i < 6; i++)
        {
            var connection = Connect(server.Url, cookies);
            await connection.StartAsync();
            var session = new CoEditingSession(connection, doc);
            var started = Stopwatch.GetTimestamp();
            await session.OpenAsync();
            open.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            await connection.DisposeAsync();
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"open after restart: cold {open[0]:0.0} ms; warm p50 {open.Skip(1).Order().ElementAt(2):0.0} ms, " +
            $"max {open.Skip(1).Max():0.0} ms"));
        var revision = await TimeVersionsAsync(server.Url, cookies, pid, doc);
        Console.WriteLine($"server RSS after the reads: {Mb(server.Rss())}");
        await server.StopAsync();
        return revision;
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        }
    }

    /// <summary>Pastes the text, then every writer inserts one character at a time, each acknowledged first.</summary>
    private static async Task TypeAsync(string url, CookieContainer cookies, Guid doc,
        (int Size, int Edits, int Writers) work, bool paragraphs)
    {
        var (size, edits, writers) = work;
        var sessions = new List<(HubConnection Connection, CoEditingSession Session)>();
        for (var w = 0; w < writers; w++)
        {
            var connection = Connect(url, cookies);
            connection.ServerTimeout = TimeSpan.FromMinutes(2);
            await connection.StartAsync();
            var session = new CoEditingSession(connection, doc);
            await session.OpenAsync();
            sessions.Add((connection, session));
        }
        var random = new Random(14);
        string[] words = paragraphs
            ? ["rice ", "supply ", "farmers ", "warehouse ", "district ", "training ", "target. ", "target.\n\n",
                "\n\n## District plan\n\n"]
            : ["rice ", "supply ", "farmers ", "warehouse ", "district ", "training ", "target.\n"];
        var first = sessions[0].Session;
        while (first.Length < size)
        {
            var paste = new System.Text.StringBuilder();
            while (paste.Length < Math.Min(100_000, size - first.Length))
            {
                paste.Append(words[random.Next(words.Length)]);
            }
            var length = Math.Min(paste.Length, Math.Min(100_000, size - first.Length));
            first.Insert(first.Length, paste.ToString(0, length));
            await first.WaitSyncedAsync();
        }
        var left = edits;
        var progress = Stopwatch.StartNew();
        await Task.WhenAll(sessions.Select((s, w) => Task.Run(async () =>
        {
            var mine = new Random(w);
            while (Interlocked.Decrement(ref left) >= 0)
            {
                s.Session.Edit(text =>
                    Workspace.Collaboration.Ot.TextOperation.Insert(mine.Next(text.Length + 1), "x"));
                await s.Session.WaitSyncedAsync();
                if (w == 0 && progress.Elapsed > TimeSpan.FromSeconds(30))
                {
                    Console.WriteLine($"  {edits - Volatile.Read(ref left):N0} edits sent");
                    progress.Restart();
                }
            }
        })));
        foreach (var (connection, _) in sessions)
        {
            await connection.DisposeAsync();
        }
    }

    private static async Task<long> TimeVersionsAsync(string url, CookieContainer cookies, Guid pid, Guid doc)
    {
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies })
        {
            BaseAddress = new Uri(url),
        };
        var revision = (await http.GetFromJsonAsync<ContentDto>($"/api/partnerships/{pid}/documents/{doc}"))!.Revision;
        async Task<List<double>> ReadAllAsync()
        {
            var times = new List<double>();
            foreach (var r in VersionsToRead(revision, 16))
            {
                var started = Stopwatch.GetTimestamp();
                (await http.GetAsync($"/api/partnerships/{pid}/documents/{doc}/history/{r}"))
                    .EnsureSuccessStatusCode();
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            return times;
        }
        var read = await ReadAllAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"a version's text (revision {revision} and {read.Count - 1} older, text + rendered HTML): " +
            $"first {read[0]:0.0} ms, " +
            $"p50 {read.Order().ElementAt(read.Count / 2):0.0} ms, max {read.Max():0.0} ms, " +
            $"slowest after the first {read.Skip(1).Max():0.0} ms"));
        // The same versions again, as when a person steps back to one or another reader opens it.
        var again = await ReadAllAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"the same {again.Count} versions read again: p50 {again.Order().ElementAt(again.Count / 2):0.0} ms, " +
            $"max {again.Max():0.0} ms"));
        return revision;
    }

    /// <summary>The newest, the oldest edits, the middle and <paramref name="random"/> ones in between (the same
    /// ones for the same head).</summary>
    private static List<long> VersionsToRead(long revision, int random)
    {
        var seeded = new Random(1);
        var revisions = new List<long> { revision, 1, 11, revision / 2 };
        revisions.AddRange(Enumerable.Range(0, random).Select(_ => seeded.NextInt64(1, revision + 1)));
        return revisions;
    }

    private static async Task<HttpClient> SignUpAsync(string url, CookieContainer cookies, string email)
    {
        var handler = new HttpClientHandler { CookieContainer = cookies };
        using (var http = new HttpClient(handler) { BaseAddress = new Uri(url) })
        {
            await UseAntiforgeryTokenAsync(http);
            var account = new { email, password = Password, displayName = "Storage", organisation = "Storage" };
            (await http.PostAsJsonAsync("/api/account/signup", account)).EnsureSuccessStatusCode();
        }
        // Signing up does not sign in (it answers alike for a taken address).
        return await SignInAsync(url, cookies, email);
    }

    private const string Password = "Quiet-harbour-lantern-47";

    private static async Task<HttpClient> SignInAsync(string url, CookieContainer cookies, string email)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = new Uri(url) };
        await UseAntiforgeryTokenAsync(http);
        (await http.PostAsJsonAsync("/api/account/signin", new { email, password = Password }))
            .EnsureSuccessStatusCode();
        await UseAntiforgeryTokenAsync(http);
        return http;
    }

    private static HubConnection Connect(string url, CookieContainer cookies) =>
        new HubConnectionBuilder().WithUrl(url + DocumentHubNames.Path, h => h.Cookies = cookies).Build();

    private static long FileSize(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.0} MB");

    private static void TryDelete(string data)
    {
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
            // Temp folder.
        }
    }

    /// <summary>The server process on a data folder that outlives it (a restart reuses it, cookie keys too).</summary>
    private sealed class Server(Process process, string url) : IDisposable
    {
        public string Url => url;

        public static async Task<Server> StartAsync(string dll, string data, string[] extra)
        {
            var url = $"http://127.0.0.1:{FreePort()}";
            var info = new ProcessStartInfo("dotnet")
            {
                UseShellExecute = false, RedirectStandardInput = true, WorkingDirectory = Path.GetDirectoryName(dll)!,
            };
            info.ArgumentList.Add(dll);
            string[] settings = [.. ServerSettings(url, data), "--RateLimits:HubMessagesPerSecond=100000"];
            foreach (var a in settings.Concat(extra))
            {
                info.ArgumentList.Add(a);
            }
            info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            var server = new Server(Process.Start(info)!, url);
            try
            {
                await WaitHealthyAsync(url, attempts: 1200);
                return server;
            }
            catch (TimeoutException)
            {
                server.Dispose();
                throw;
            }
        }

        /// <summary>The server's resident memory now, in bytes (as the load generator reads it).</summary>
        public long Rss()
        {
            process.Refresh();
            return process.WorkingSet64;
        }

        /// <summary>A graceful stop (SIGTERM): the writer commits what is queued and the WAL is checkpointed.</summary>
        public async Task StopAsync()
        {
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
        }

        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
            process.Dispose();
        }
    }
}
