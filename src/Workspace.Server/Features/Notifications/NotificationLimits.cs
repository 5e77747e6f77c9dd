namespace Workspace.Server.Features.Notifications;

public static class NotificationLimits
{
    public const int PageDefault = 20;
    public const int PageMax = 50;
    public const int ArgsMax = 2000;
    public const int LinkMax = 300;
    /// <summary>Recipients of one notice (a partnership's members at most; the rest is a fault, not people).</summary>
    public const int RecipientsMax = 1000;
    /// <summary>Outbox entries one pass of the sender takes.</summary>
    public const int SendBatch = 20;
}
