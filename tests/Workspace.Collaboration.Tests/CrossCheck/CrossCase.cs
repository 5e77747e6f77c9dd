using System.Text.Json.Serialization;
using Workspace.Collaboration.Ot;

namespace Workspace.Collaboration.Tests.CrossCheck;

/// <summary>
/// One cross-check case, serialised as a JSON line for crosscheck.mjs (ops go through <see
/// cref="TextOperationJsonConverter"/>).
/// </summary>
public sealed record CrossCase(
    int Id,
    string Kind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Doc = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TextOperation? Op = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TextOperation? Other = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Side = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Cursor = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int[]? Sel = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Raw = null)
{
    /// <summary>Rough size, so the shrinker can prefer smaller cases.</summary>
    [JsonIgnore]
    public int Size =>
        (Doc?.Length ?? 0) + OpSize(Op) + OpSize(Other) + (Raw?.Length ?? 0) + (Cursor ?? 0) + (Sel?.Sum() ?? 0);

    private static int OpSize(TextOperation? op) => op?.Components.Sum(c => 1 + c.Count + (c.Text?.Length ?? 0)) ?? 0;

    /// <summary>True when the inputs are within the domain both implementations are specified for.</summary>
    public bool IsWellFormed()
    {
        var docLength = Doc is null ? 0 : TextType.CodePointLength(Doc);
        return Kind switch
        {
            "transform" => Op!.BaseLength <= docLength && Other!.BaseLength <= docLength,
            "compose" => Op!.BaseLength <= docLength && Other!.BaseLength <= docLength + Op.LengthDelta,
            "invert" => TextType.IsInvertible(Op!),
            _ => true,
        };
    }

    /// <summary>For apply cases: whether the op fits the document (the shrinker keeps this unchanged).</summary>
    public bool OpFitsDoc() => Op is null || Doc is null || Op.BaseLength <= TextType.CodePointLength(Doc);

    public override string ToString() => System.Text.Json.JsonSerializer.Serialize(this, CrossCheckRunner.JsonOptions);
}
