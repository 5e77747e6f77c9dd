using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Workspace.Collaboration.Errors;
using Workspace.Server.Kernel;

namespace Workspace.Server.Infrastructure;

/// <summary>
/// How much one client may ask for. Each HTTP limit is a fixed window per user (or per IP when signed out).
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in and sign-up attempts per IP address per window.</summary>
    [Range(1, 100_000)]
    public int AuthPermitLimit { get; set; } = 20;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan AuthWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Invitation requests (create, look up, accept) per user or IP per window.</summary>
    [Range(1, 100_000)]
    public int InvitationPermitLimit { get; set; } = 30;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan InvitationWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Calendar feed reads per client address per window (calendar apps poll, strangers guess tokens).
    /// </summary>
    [Range(1, 100_000)]
    public int CalendarFeedPermitLimit { get; set; } = 60;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CalendarFeedWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Searches per user per window (a search reads many tables and documents).</summary>
    [Range(1, 100_000)]
    public int SearchPermitLimit { get; set; } = 60;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SearchWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Hub method calls per connection per second.</summary>
    [Range(1, 100_000)]
    public int HubMessagesPerSecond { get; set; } = 100;
}

public static class RateLimits
{
    public const string Auth = "auth";
    public const string Invitations = "invitations";
    public const string CalendarFeed = "calendarFeed";
    public const string Search = "search";

    public static void AddWorkspaceRateLimiting(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<HubRateLimitFilter>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<HubOptions>().Configure<HubRateLimitFilter>((o, filter) => o.AddFilter(filter));
        builder.Services.AddSingleton<HttpRateLimiter>();
    }

    /// <summary>
    /// Applies the endpoint's policy (<c>RequireRateLimiting</c>). Not ASP.NET Core's <c>UseRateLimiter</c>: its
    /// middleware starts a partitioned limiter whose timer nothing ever stops, and that timer kept every stopped
    /// app reachable with all its services; a process that starts many apps (the test host) grew by ~20 MB per app.
    /// </summary>
    public static IApplicationBuilder UseWorkspaceRateLimiting(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            if (PolicyOf(http) is null)
            {
                await next(http);
                return;
            }
            using var lease = http.RequestServices.GetRequiredService<HttpRateLimiter>().Limiter.AttemptAcquire(http);
            if (lease.IsAcquired)
            {
                await next(http);
                return;
            }
            await RejectAsync(http, lease);
        });

    private static string? PolicyOf(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;

    private static async Task RejectAsync(HttpContext http, RateLimitLease lease)
    {
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds))
                .ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests",
                Detail = "Too many requests: wait a moment and try again.",
                Extensions = { ["code"] = ErrorCodes.TooManyRequests },
            },
        });
    }

    /// <summary>One fixed window per policy and client; an endpoint naming an unknown policy is a bug.</summary>
    internal static RateLimitPartition<string> Partition(HttpContext http)
    {
        var policy = PolicyOf(http);
        return policy switch
        {
            Auth => Window(http, policy, o => (o.AuthPermitLimit, o.AuthWindow), byUser: false),
            CalendarFeed => Window(http, policy, o => (o.CalendarFeedPermitLimit, o.CalendarFeedWindow), byUser: false),
            Invitations => Window(http, policy, o => (o.InvitationPermitLimit, o.InvitationWindow), byUser: true),
            Search => Window(http, policy, o => (o.SearchPermitLimit, o.SearchWindow), byUser: true),
            _ => throw new InvalidOperationException($"No rate-limit policy named '{policy}'."),
        };
    }

    private static RateLimitPartition<string> Window(
        HttpContext http, string policy, Func<RateLimitOptions, (int Limit, TimeSpan Window)> pick, bool byUser)
    {
        var options = http.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().CurrentValue;
        var (limit, window) = pick(options);
        var user = byUser ? http.User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        var key = user is not null ? $"{policy}:u:{user}" : $"{policy}:ip:{http.Connection.RemoteIpAddress}";
        return RateLimitPartition.GetFixedWindowLimiter(key, _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = window, QueueLimit = 0 });
    }
}

/// <summary>
/// The app's HTTP rate limiter, a singleton so the container disposes it (and stops its timer) when the app stops.
/// </summary>
public sealed class HttpRateLimiter : IDisposable
{
    public PartitionedRateLimiter<HttpContext> Limiter { get; } =
        PartitionedRateLimiter.Create<HttpContext, string>(RateLimits.Partition);

    public void Dispose() => Limiter.Dispose();
}

/// <summary>
/// Bounds hub method calls per connection per second (a fixed one-second window), so one client
/// cannot flood a grain; over the limit the call fails with "Too many messages" and does nothing.
/// </summary>
public sealed class HubRateLimitFilter(IOptionsMonitor<RateLimitOptions> options, TimeProvider clock) : IHubFilter
{
    private sealed class Window
    {
        public long Second;
        public int Count;
    }

    private readonly ConcurrentDictionary<string, Window> _windows = new();

    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext,
        Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var window = _windows.GetOrAdd(invocationContext.Context.ConnectionId, _ => new Window());
        var second = clock.GetUtcNow().ToUnixTimeSeconds();
        bool allowed;
        lock (window)
        {
            if (window.Second != second)
            {
                window.Second = second;
                window.Count = 0;
            }
            allowed = ++window.Count <= options.CurrentValue.HubMessagesPerSecond;
        }
        return allowed
            ? next(invocationContext)
            : throw Refusal.ToHub(ErrorCodes.SlowDown, TooManyMessages, final: false);
    }

    /// <summary>
    /// The English words of the <see cref="ErrorCodes.SlowDown"/> refusal; clients send the call again later.
    /// </summary>
    public const string TooManyMessages = "Too many messages: slow down.";

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception,
        Func<HubLifetimeContext, Exception?, Task> next)
    {
        _windows.TryRemove(context.Context.ConnectionId, out _);
        return next(context, exception);
    }
}
