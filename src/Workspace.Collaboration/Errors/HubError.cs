using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workspace.Collaboration.Errors;

/// <summary>
/// An error a hub method answers with, carried as JSON in the HubException's message (the only text SignalR
/// passes on). <see cref="Final"/>: the call can never succeed (invalid, too large, no permission), so a client
/// drops the edit; any other error leaves it pending, to be sent again.
/// </summary>
public sealed record HubError(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("detail")] string Detail,
    [property: JsonPropertyName("final")] bool Final = false,
    [property: JsonPropertyName("args")] IReadOnlyDictionary<string, string>? Args = null)
{
    private const string Marker = "HubException: ";

    // Read as text by people and logs, never put into HTML: quotes and non-ASCII letters stay as they are.
    private static readonly JsonSerializerOptions Json =
        new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string ToMessage() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads the error from a hub exception's message (SignalR puts "…HubException: " before it).</summary>
    public static HubError? From(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var message = error.Message;
        var at = message.IndexOf(Marker, StringComparison.Ordinal);
        var json = at >= 0 ? message[(at + Marker.Length)..] : message;
        if (!json.StartsWith('{'))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<HubError>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static bool Is(Exception error, string code) => From(error)?.Code == code;
}
