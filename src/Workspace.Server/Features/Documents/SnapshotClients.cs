using System.Text.Json;

namespace Workspace.Server.Features.Documents;

/// <summary>
/// A document's client ids as kept with a snapshot (<see cref="DocumentSnapshot.Clients"/>): for each id its owner,
/// its latest sequence number and that op's revision, as JSON <c>[["id","owner",seq,revision],…]</c>.
/// </summary>
public static class SnapshotClients
{
    /// <summary>One client id's owner and latest op.</summary>
    public readonly record struct Head(string Owner, long Seq, long Revision);

    public static string Encode(IEnumerable<KeyValuePair<string, Head>> clients)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var (id, head) in clients)
            {
                json.WriteStartArray();
                json.WriteStringValue(id);
                json.WriteStringValue(head.Owner);
                json.WriteNumberValue(head.Seq);
                json.WriteNumberValue(head.Revision);
                json.WriteEndArray();
            }
            json.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The heads kept in <paramref name="json"/>; null when none were kept (older snapshots).</summary>
    public static IReadOnlyList<KeyValuePair<string, Head>>? Decode(string? json)
    {
        if (json is null)
        {
            return null;
        }
        using var document = JsonDocument.Parse(json);
        var heads = new List<KeyValuePair<string, Head>>(document.RootElement.GetArrayLength());
        foreach (var entry in document.RootElement.EnumerateArray())
        {
            heads.Add(new(entry[0].GetString()!,
                new Head(entry[1].GetString()!, entry[2].GetInt64(), entry[3].GetInt64())));
        }
        return heads;
    }
}
