using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace Workspace.Server.Features.Notifications;

/// <summary>One notification as its reader sees it: the browser words <see cref="Kind"/> with <see cref="Args"/>.
/// </summary>
public sealed record NotificationView(long Id, string Kind, JsonElement Args, string Link, Guid PartnershipId,
    string PartnershipName, string ActorName, DateTimeOffset At, bool Read);

/// <summary>A page of the list, newest first; <see cref="More"/> when older ones exist (ask with
/// <c>before</c> = the last id).</summary>
public sealed record NotificationPage(IReadOnlyList<NotificationView> Items, int Unread, bool More);

public sealed record UnreadCount(int Unread);

/// <summary>My notification settings; <see cref="EmailAvailable"/> says whether this server sends e-mail at all.
/// </summary>
public sealed record NotificationSettingsView(bool EmailEnabled, string Language, bool EmailAvailable);

/// <summary>A change of my settings: what is left out stays as it is.</summary>
public sealed record NotificationSettingsInput(bool? EmailEnabled, [property: MaxLength(8)] string? Language);
