using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workspace.Server.Data;

namespace Workspace.Server.Features.Accounts;

/// <summary>
/// Whether a signed-in session is still current. Its cookie carries the security stamp the person had when
/// signing in; signing out and changing the password give them a new stamp, which ends every older session.
/// Stamps are read from the database at most every <see cref="CacheFor"/> per person, so another node notices
/// an ended session within that time, and this node at once (<see cref="Forget"/>).
/// </summary>
public sealed class SessionStamps(IServiceScopeFactory scopes, TimeProvider clock, IOptions<IdentityOptions> identity)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(2);

    private const int MostRemembered = 50_000;
    private const int BatchSize = 500;

    private readonly ConcurrentDictionary<string, (string? Stamp, DateTimeOffset ReadAt)> _stamps = new();

    public string? UserId(ClaimsPrincipal? principal) =>
        principal?.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType);

    /// <summary>True when <paramref name="principal"/> carries its person's current security stamp.</summary>
    public ValueTask<bool> IsCurrentAsync(ClaimsPrincipal? principal, CancellationToken ct = default) =>
        SessionOf(principal) is { } session ? IsCurrentAsync(session, ct) : ValueTask.FromResult(false);

    /// <summary>
    /// Who signed in and with which stamp (what a session is checked by); null when <paramref name="principal"/>
    /// lacks either, as no current session does.
    /// </summary>
    public (string UserId, string Stamp)? SessionOf(ClaimsPrincipal? principal)
    {
        var userId = UserId(principal);
        var stamp = principal?.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        return userId is null || string.IsNullOrEmpty(stamp) ? null : (userId, stamp);
    }

    /// <summary>True when <paramref name="session"/>'s stamp is its person's current one.</summary>
    public async ValueTask<bool> IsCurrentAsync((string UserId, string Stamp) session, CancellationToken ct = default)
    {
        var (userId, stamp) = session;
        var now = clock.GetUtcNow();
        if (!_stamps.TryGetValue(userId, out var known) || now - known.ReadAt > CacheFor)
        {
            await RefreshAsync([userId], ct);
            known = _stamps.GetValueOrDefault(userId);
        }
        return string.Equals(known.Stamp, stamp, StringComparison.Ordinal);
    }

    /// <summary>This node changed the person's stamp: read it afresh next time.</summary>
    public void Forget(string userId) => _stamps.TryRemove(userId, out _);

    /// <summary>Reads the current stamps of <paramref name="userIds"/> (someone no longer there has none).</summary>
    public async Task RefreshAsync(IReadOnlyCollection<string> userIds, CancellationToken ct = default)
    {
        if (_stamps.Count > MostRemembered)
        {
            _stamps.Clear();
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkspaceDb>();
        foreach (var batch in userIds.Distinct().Chunk(BatchSize))
        {
            var readAt = clock.GetUtcNow();
            var found = await db.Users.AsNoTracking().Where(u => batch.Contains(u.Id))
                .Select(u => new { u.Id, u.SecurityStamp }).ToDictionaryAsync(u => u.Id, u => u.SecurityStamp, ct);
            foreach (var id in batch)
            {
                _stamps[id] = (found.GetValueOrDefault(id), readAt);
            }
        }
    }
}
