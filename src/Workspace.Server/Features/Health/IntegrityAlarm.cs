using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Features.Health;

/// <summary>
/// The one place that says data may be lost: a damaged database started anyway, or a client that knows a revision the
/// server does not have. Each reason is logged as Critical and appended to <c>integrity-alarm.txt</c> in the data
/// directory; while that file exists <c>/health</c> answers 503 with its lines. Why a file: it survives a restart
/// (the alarm stays until someone looks), and the operator acknowledges it with a command run on the server machine
/// (<c>-- acknowledge</c>, which moves the file aside) rather than through an endpoint anyone on the network could try.
/// </summary>
public sealed class IntegrityAlarm(IOptions<DatabaseOptions> options, ILogger<IntegrityAlarm> log)
{
    public const string FileName = "integrity-alarm.txt";

    private readonly Lock _lock = new();
    private readonly ConcurrentDictionary<string, byte> _raised = new(StringComparer.Ordinal);

    private string FilePath => Path.Combine(options.Value.DataDirectory, FileName);

    /// <summary>Raises the alarm once per <paramref name="key"/> until acknowledged (a client may ask again).</summary>
    public void Raise(string key, string reason)
    {
        if (!File.Exists(FilePath))
        {
            _raised.Clear(); // acknowledged (by another process): a new sign is news again
        }
        if (!_raised.TryAdd(key, 0))
        {
            return;
        }
        log.LogCritical("Data integrity: {Reason} /health reports 503 until an operator acknowledges it.", reason);
        lock (_lock)
        {
            Directory.CreateDirectory(options.Value.DataDirectory);
            var line = $"{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss}Z {reason.ReplaceLineEndings(" ")}\n";
            File.AppendAllText(FilePath, line);
        }
    }

    /// <summary>What is wrong and not yet acknowledged (empty when all is well).</summary>
    public IReadOnlyList<string> Reasons
    {
        get
        {
            try
            {
                return File.Exists(FilePath) ? File.ReadAllLines(FilePath).Where(l => l.Length > 0).ToList() : [];
            }
            catch (IOException ex)
            {
                return [$"The alarm file {FilePath} cannot be read: {ex.Message}"];
            }
        }
    }

    /// <summary>Moves the alarm file aside (kept for the record); returns the reasons acknowledged.</summary>
    public static IReadOnlyList<string> Acknowledge(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        if (!File.Exists(path))
        {
            return [];
        }
        var reasons = File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
        var aside = $"integrity-alarm.acknowledged-{DateTimeOffset.UtcNow:yyyyMMddTHHmmss}Z.txt";
        File.Move(path, Path.Combine(dataDirectory, aside));
        return reasons;
    }
}
