using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workspace.Collaboration.Ot;

/// <summary>
/// System.Text.Json converter for the npm wire format, applied automatically through the attribute on
/// <see cref="TextOperation"/>. Invalid ops surface as <see cref="JsonException"/> (so ASP.NET Core and SignalR
/// treat them as bad input) whose message and inner <see cref="OtException"/> say what is wrong.
/// </summary>
public sealed class TextOperationJsonConverter : JsonConverter<TextOperation>
{
    public override TextOperation Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            return OtJson.ReadOperation(ref reader);
        }
        catch (OtException ex)
        {
            throw new JsonException(ex.Message, ex);
        }
    }

    public override void Write(Utf8JsonWriter writer, TextOperation value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        // Raw so the bytes match JSON.stringify whatever encoder the options carry (STJ escapes non-ASCII by default).
        value.WriteJsonTo(writer);
    }
}
