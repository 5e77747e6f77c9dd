using System.Text.Json;
using Workspace.Collaboration.Errors;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Features.Disputes;

/// <summary>The path a dispute follows and the limits of a path given by an agreement.</summary>
public static class DisputeSteps
{
    public const int MaxSteps = 10;
    public const int MaxDays = 365;
    public const int MaxNameLength = 100;

    /// <summary>The agreed default when no agreement names steps: negotiation between the contacts, escalation to
    /// senior representatives, mediation, arbitration. The names are keys the browser words in each language.</summary>
    public static IReadOnlyList<DisputeStep> Defaults { get; } =
    [
        new("negotiation", 14), new("escalation", 14), new("mediation", 30), new("arbitration", 60),
    ];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Serialize(IReadOnlyList<DisputeStep> steps) => JsonSerializer.Serialize(steps, Json);

    public static IReadOnlyList<DisputeStep> Parse(string json) =>
        JsonSerializer.Deserialize<List<DisputeStep>>(json, Json) ?? [];

    /// <summary>Null when every step has a name and a sensible number of days; the first problem otherwise.</summary>
    public static FieldError? Validate(IReadOnlyList<DisputeStep> steps)
    {
        if (steps.Count is 0 or > MaxSteps)
        {
            return new FieldError("steps", ErrorCodes.OutOfRange, $"A path has 1 to {MaxSteps} steps.",
                Problems.Args(("min", 1), ("max", MaxSteps)));
        }
        for (var i = 0; i < steps.Count; i++)
        {
            var name = steps[i]?.Name?.Trim() ?? "";
            if (name.Length is 0 or > MaxNameLength)
            {
                return Problems.Length($"steps[{i}].name", name, MaxNameLength, "A step needs a name.");
            }
            if (steps[i].Days is < 1 or > MaxDays)
            {
                return new FieldError($"steps[{i}].days", ErrorCodes.OutOfRange,
                    $"A step lasts 1 to {MaxDays} days.", Problems.Args(("min", 1), ("max", MaxDays)));
            }
        }
        return null;
    }

    public static IReadOnlyList<DisputeStep> Trimmed(IReadOnlyList<DisputeStep> steps) =>
        steps.Select(s => new DisputeStep(s.Name.Trim(), s.Days)).ToList();
}
