using System.ComponentModel.DataAnnotations;
using MailKit.Security;

namespace Workspace.Server.Features.Notifications;

/// <summary>Notifications (README, "Configuration"): e-mails go out only when <see cref="Smtp"/> names a host.
/// </summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>The address people open the app at, put before the links in e-mails (empty: paths only).</summary>
    [MaxLength(200)]
    public string PublicUrl { get; set; } = "";

    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    /// <summary>Empty: no e-mail is written or sent.</summary>
    public string Host { get; set; } = "";

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>The sender, e.g. <c>Partnership Workspace &lt;workspace@example.org&gt;</c>.</summary>
    public string From { get; set; } = "";

    public string User { get; set; } = "";
    public string Password { get; set; } = "";

    /// <summary>None, Auto, SslOnConnect, StartTls or StartTlsWhenAvailable (MailKit's names).</summary>
    public SecureSocketOptions Tls { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;

    /// <summary>The wait after the first failed attempt; it doubles after each (up to an hour).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 12;

    /// <summary>How often the sender looks for due e-mails besides being woken by a new one.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}
