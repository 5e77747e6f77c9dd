using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Workspace.Server.Features.Accounts;

/// <summary>How failed sign-ins slow down further tries (per account and client address).</summary>
public sealed class SignInThrottleOptions
{
    public const string Section = "Accounts:SignInThrottle";

    /// <summary>Failed sign-ins from one address for one account; after the last of them it must wait.</summary>
    [Range(1, 1000)]
    public int FreeFailures { get; set; } = 5;

    /// <summary>The first wait; it doubles with each further failure, up to <see cref="LongestDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LongestDelay { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// Slows password guessing without letting a stranger lock a person out: failures count per (e-mail address,
/// client address), so guesses from one place make only that place wait, and the person signs in from theirs.
/// Unknown e-mail addresses are counted the same way, so waiting tells nothing about who has an account.
/// Kept in memory on each node: a restart forgets it, and each node of a cluster counts for itself.
/// </summary>
public sealed class SignInThrottle(IOptionsMonitor<SignInThrottleOptions> options, TimeProvider clock)
{
    private const int PruneAbove = 10_000;

    private sealed record Entry(int Failures, DateTimeOffset Until, DateTimeOffset LastFailure);

    private readonly ConcurrentDictionary<string, Entry> _entries = new();

    public static string Key(string email, IPAddress? client) =>
        $"{email.Trim().ToUpperInvariant()}|{Network(client)}";

    /// <summary>How long this key must still wait before its next try; zero when it may try now.</summary>
    public TimeSpan Wait(string key)
    {
        var left = _entries.TryGetValue(key, out var entry) ? entry.Until - clock.GetUtcNow() : TimeSpan.Zero;
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    public void Failed(string key)
    {
        var o = options.CurrentValue;
        var now = clock.GetUtcNow();
        // A failure long after the last one starts counting afresh.
        _entries.AddOrUpdate(key, _ => Next(0),
            (_, e) => Next(now - e.LastFailure > o.LongestDelay * 2 ? 0 : e.Failures));
        if (_entries.Count > PruneAbove)
        {
            foreach (var (stale, _) in _entries.Where(e => now - e.Value.LastFailure > o.LongestDelay * 2))
            {
                _entries.TryRemove(stale, out _);
            }
        }

        Entry Next(int failures)
        {
            // The FreeFailures-th failure starts the first wait; each one after it doubles the wait.
            var over = failures + 1 - o.FreeFailures;
            var doubled = o.FirstDelay.Ticks * Math.Pow(2, Math.Min(over, 30));
            var delay = over < 0 ? TimeSpan.Zero : TimeSpan.FromTicks((long)Math.Min(doubled, o.LongestDelay.Ticks));
            return new Entry(failures + 1, now + delay, now);
        }
    }

    public void Succeeded(string key) => _entries.TryRemove(key, out _);

    /// <summary>One IPv6 subscriber usually holds a whole /64: it counts as one address.</summary>
    private static string Network(IPAddress? client)
    {
        if (client is null)
        {
            return "-";
        }
        if (client.IsIPv4MappedToIPv6)
        {
            client = client.MapToIPv4();
        }
        if (client.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return client.ToString();
        }
        var bytes = client.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
