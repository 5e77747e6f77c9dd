using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Threading.RateLimiting;
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

    /// <summary>Hub method calls per connection per second.</summary>
    [Range(1, 100_000)]
    public int HubMessagesPerSecond { get; set; } = 100;
}

public static class RateLimits
{
    public const string Auth = "auth";
    public const string Invitations = "invitations";
    public const string CalendarFeed = "calendarFeed";

    public static void AddWorkspaceRateLimiting(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<HubRateLimitFilter>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOptions<HubOptions>().Configure<HubRateLimitFilter>((o, filter) => o.AddFilter(filter));
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, ct) =>
            {
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds))
                        .ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests",
                        Detail = "Too many requests: wait a moment and try again.",
                        Extensions = { ["code"] = ErrorCodes.TooManyRequests },
                    },
                });
            };
            limiter.AddPolicy(Auth, http => Window(http, o => (o.AuthPermitLimit, o.AuthWindow), byUser: false));
            limiter.AddPolicy(CalendarFeed, http =>
                Window(http, o => (o.CalendarFeedPermitLimit, o.CalendarFeedWindow), byUser: false));
            limiter.AddPolicy(Invitations, http =>
                Window(http, o => (o.InvitationPermitLimit, o.InvitationWindow), byUser: true));
        });
    }

    private static RateLimitPartition<string> Window(
        HttpContext http, Func<RateLimitOptions, (int Limit, TimeSpan Window)> pick, bool byUser)
    {
        var options = http.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().CurrentValue;
        var (limit, window) = pick(options);
        var user = byUser ? http.User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        var key = user is not null ? $"u:{user}" : $"ip:{http.Connection.RemoteIpAddress}";
        return RateLimitPartition.GetFixedWindowLimiter(key, _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = window, QueueLimit = 0 });
    }
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
