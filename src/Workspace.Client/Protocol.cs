using Microsoft.AspNetCore.SignalR;
using Workspace.Collaboration.Errors;
using Workspace.Collaboration.Ot;

namespace Workspace.Client;

/// <summary>
/// How a client tells the server's refusals apart: by the <see cref="HubError"/> code and flag of the shared library
/// (the wire records and hub names are in Workspace.Collaboration.Documents), never by the message's words.
/// </summary>
public static class HubRefusals
{
    /// <summary>
    /// The server's words in a hub error: the English detail of its <see cref="HubError"/>, or the message.
    /// </summary>
    public static string ServerMessage(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (HubError.From(error) is { } known)
        {
            return known.Detail;
        }
        var message = error.Message;
        var at = message.IndexOf("HubException: ", StringComparison.Ordinal);
        return at >= 0 ? message[(at + "HubException: ".Length)..] : message;
    }

    /// <summary>
    /// True when the server refused for good (invalid, too large, no permission), so the edit can never apply: the
    /// only error on which a client drops an edit. Any other error leaves the edit pending, to be sent again.
    /// </summary>
    public static bool IsRefusal(Exception error) => error is HubException && HubError.From(error)?.Final == true;

    /// <summary>The client is behind what the server keeps: catch up, then send again.</summary>
    public static bool IsResync(Exception error) => error is HubException && HubError.Is(error, ErrorCodes.Resync);

    /// <summary>The per-connection rate limit refused the call: nothing was applied; send it again later.</summary>
    public static bool IsSlowDown(Exception error) => error is HubException && HubError.Is(error, ErrorCodes.SlowDown);
}

/// <summary>
/// The smallest single-replace op turning <c>from</c> into <c>to</c> (common prefix and suffix kept), in code points.
/// </summary>
public static class TextDiff
{
    public static TextOperation Between(string from, string to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var max = Math.Min(from.Length, to.Length);
        var prefix = 0;
        while (prefix < max && from[prefix] == to[prefix])
        {
            prefix++;
        }
        if (prefix > 0 && char.IsHighSurrogate(from[prefix - 1]))
        {
            prefix--;
        }
        var suffix = 0;
        while (suffix < max - prefix && from[from.Length - 1 - suffix] == to[to.Length - 1 - suffix])
        {
            suffix++;
        }
        if (suffix > 0 && char.IsLowSurrogate(from[from.Length - suffix]))
        {
            suffix--;
        }
        var removed = from.Substring(prefix, from.Length - prefix - suffix);
        var added = to.Substring(prefix, to.Length - prefix - suffix);
        return TextOperation.Create(
            OpComponent.Retain(TextType.CodePointLength(from[..prefix])),
            OpComponent.Delete(TextType.CodePointLength(removed)),
            OpComponent.Insert(added));
    }
}
