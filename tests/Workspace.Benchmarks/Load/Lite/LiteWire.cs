using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Workspace.Collaboration.Ot;

namespace Workspace.Benchmarks.Load.Lite;

/// <summary>What a message is, for a client that tracks only a document's revision and length.</summary>
public enum WireKind
{
    Other,
    Handshake,
    Completion,
    Applied,
    Snapshot,
}

/// <summary>
/// The few fields a lite client reads from one server message (SignalR JSON or ShareDB JSON). <see cref="Revision"/>
/// is the revision (version) the document has after the operation; <see cref="Delta"/> how many code points it adds;
/// <see cref="SrcStart"/> and <see cref="SrcLength"/> who sent it, as a slice of the message.
/// </summary>
public struct WireMessage
{
    public WireKind Kind;
    public long InvocationId;
    public long Revision;
    public int Delta;
    public int Length;
    public long Seq;
    public int SrcStart;
    public int SrcLength;
    public bool HasOp;
    public string? Error;
    public string? Id;
}

/// <summary>
/// A one-pass <see cref="Utf8JsonReader"/> read of the server messages the load generator receives, without building
/// a document or an operation: SignalR's JSON hub protocol (records ended by 0x1E) for this product, ShareDB's JSON
/// protocol for ShareDB. <see cref="LiteWireCheck"/> runs at start-up so a change of either wire format fails loudly.
/// </summary>
public static class LiteWire
{
    public const byte RecordSeparator = 0x1E;

    /// <summary>One SignalR message (without its record separator).</summary>
    public static WireMessage ReadSignalR(ReadOnlySpan<byte> json)
    {
        var m = default(WireMessage);
        var reader = new Utf8JsonReader(json);
        reader.Read();
        long type = 0;
        var applied = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            reader.Read();
            if (name.SequenceEqual("type"u8))
            {
                type = reader.GetInt64();
            }
            else if (name.SequenceEqual("invocationId"u8))
            {
                m.InvocationId = !reader.ValueIsEscaped && Utf8Parser.TryParse(reader.ValueSpan, out long id, out _)
                    ? id : long.Parse(reader.GetString()!, CultureInfo.InvariantCulture);
            }
            else if (name.SequenceEqual("target"u8))
            {
                applied = reader.ValueTextEquals("OperationApplied"u8);
            }
            else if (name.SequenceEqual("arguments"u8) && reader.TokenType == JsonTokenType.StartArray)
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    ReadObject(ref reader, ref m);
                }
                SkipRestOfArray(ref reader);
            }
            else if (name.SequenceEqual("result"u8) && reader.TokenType == JsonTokenType.StartObject)
            {
                ReadObject(ref reader, ref m);
            }
            else if (name.SequenceEqual("error"u8))
            {
                m.Error = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }
        m.Kind = type switch
        {
            1 when applied => WireKind.Applied,
            3 => WireKind.Completion,
            _ => WireKind.Other,
        };
        return m;
    }

    /// <summary>One ShareDB message.</summary>
    public static WireMessage ReadShareDb(ReadOnlySpan<byte> json)
    {
        var m = default(WireMessage);
        var reader = new Utf8JsonReader(json);
        reader.Read();
        var action = WireKind.Other;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            reader.Read();
            if (name.SequenceEqual("a"u8))
            {
                action = reader.ValueTextEquals("hs"u8) ? WireKind.Handshake
                    : reader.ValueTextEquals("op"u8) ? WireKind.Applied
                    : reader.ValueTextEquals("s"u8) || reader.ValueTextEquals("f"u8) ? WireKind.Snapshot
                    : WireKind.Other;
            }
            else if (name.SequenceEqual("data"u8) && reader.TokenType == JsonTokenType.StartObject)
            {
                ReadObject(ref reader, ref m);
            }
            else if (name.SequenceEqual("error"u8))
            {
                m.Error = Encoding.UTF8.GetString(ValueBytes(json, ref reader));
            }
            else if (name.SequenceEqual("id"u8) && reader.TokenType == JsonTokenType.String)
            {
                m.Id = reader.GetString();
            }
            else
            {
                ReadField(ref reader, name, ref m);
            }
        }
        m.Kind = action;
        // ShareDB gives the version an op was applied AT; the lite clients count the version it leads TO.
        if (action == WireKind.Applied)
        {
            m.Revision++;
        }
        return m;
    }

    /// <summary>The properties of one object (the reader is on its start): every nested object is skipped.</summary>
    private static void ReadObject(ref Utf8JsonReader reader, ref WireMessage m)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            reader.Read();
            if (name.SequenceEqual("text"u8) || name.SequenceEqual("data"u8))
            {
                m.Length = reader.TokenType == JsonTokenType.String ? CodePoints(ref reader) : 0;
                reader.Skip();
            }
            else
            {
                ReadField(ref reader, name, ref m);
            }
        }
    }

    private static void ReadField(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, ref WireMessage m)
    {
        if (name.SequenceEqual("revision"u8) || name.SequenceEqual("v"u8))
        {
            m.Revision = reader.GetInt64();
        }
        else if (name.SequenceEqual("clientSeq"u8) || name.SequenceEqual("seq"u8))
        {
            m.Seq = reader.GetInt64();
        }
        else if ((name.SequenceEqual("clientId"u8) || name.SequenceEqual("src"u8))
            && reader.TokenType == JsonTokenType.String)
        {
            m.SrcStart = (int)reader.TokenStartIndex + 1;
            m.SrcLength = reader.ValueSpan.Length;
        }
        else if (name.SequenceEqual("op"u8) && reader.TokenType == JsonTokenType.StartArray)
        {
            m.HasOp = true;
            m.Delta = OpDelta(ref reader);
        }
        else
        {
            reader.Skip();
        }
    }

    /// <summary>Code points an ot-text-unicode op adds: its inserts minus its deletes (retains change nothing).
    /// </summary>
    private static int OpDelta(ref Utf8JsonReader reader)
    {
        var delta = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                delta += CodePoints(ref reader);
            }
            else if (reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    reader.Read();
                    delta -= reader.TokenType == JsonTokenType.Number ? reader.GetInt32() : CodePoints(ref reader);
                }
            }
        }
        return delta;
    }

    private static int CodePoints(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            return TextType.CodePointLength(reader.GetString()!);
        }
        var count = 0;
        foreach (var b in reader.ValueSpan)
        {
            count += (b & 0xC0) == 0x80 ? 0 : 1; // every UTF-8 byte but a continuation byte starts a code point
        }
        return count;
    }

    private static ReadOnlySpan<byte> ValueBytes(ReadOnlySpan<byte> json, ref Utf8JsonReader reader)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return json[start..(int)reader.BytesConsumed];
    }

    private static void SkipRestOfArray(ref Utf8JsonReader reader)
    {
        while (reader.TokenType != JsonTokenType.EndArray)
        {
            reader.Skip();
            reader.Read();
        }
    }
}
