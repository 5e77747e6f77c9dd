using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Workspace.Collaboration.Errors;

namespace Workspace.Server.Infrastructure;

/// <summary>
/// The sensible range of the numbers and dates people enter. Anything beyond it is refused on the way in, because a
/// stored extreme (1e308 over 1e-300) turns every figure derived from it into an infinity that no JSON can carry.
/// </summary>
public static class Bounds
{
    /// <summary>Largest magnitude of an entered quantity (a trillion: more than any KPI needs).</summary>
    public const double MaxMagnitude = 1e12;

    /// <summary>Decimal places an entered quantity may have; a non-zero value below that is refused too.</summary>
    public const int MaxDecimals = 6;

    /// <summary>Largest version number a client may send (versions count edits of one entity).</summary>
    public const int MaxVersion = 1_000_000_000;

    public static readonly DateOnly EarliestDate = new(2000, 1, 1);
    public static readonly DateOnly LatestDate = new(2100, 12, 31);

    public static bool IsSensible(double value, bool anyPrecision = false)
    {
        if (!double.IsFinite(value) || Math.Abs(value) > MaxMagnitude)
        {
            return false;
        }
        if (anyPrecision)
        {
            return true;
        }
        var scaled = value * Math.Pow(10, MaxDecimals);
        var whole = Math.Round(scaled);
        // The tolerance grows with the magnitude, where a double holds fewer decimals than were typed.
        return Math.Abs(scaled - whole) <= Math.Max(1e-3, Math.Abs(scaled) * 1e-15) && (value == 0 || whole != 0);
    }

    public static bool IsSensible(DateOnly date) => date >= EarliestDate && date <= LatestDate;

    /// <summary>A finite figure derived from stored ones, or null when it is not (damaged or extreme data).</summary>
    public static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    public static string NumberMessage(string what, bool anyPrecision = false)
    {
        var max = MaxMagnitude.ToString("N0", CultureInfo.InvariantCulture);
        return $"{what} must be a number between -{max} and {max}"
            + (anyPrecision ? "." : $" with at most {MaxDecimals} decimals.");
    }

    /// <summary>The arguments of a <see cref="ErrorCodes.DateOutOfRange"/> refusal.</summary>
    public static IReadOnlyDictionary<string, string>? DateArgs() => Problems.Args(
        ("min", EarliestDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("max", LatestDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

    /// <summary>
    /// Why an entered quantity was refused: not finite (<see cref="ErrorCodes.NotANumber"/>), too large either way
    /// (<see cref="ErrorCodes.OutOfRange"/>) or too precise (<see cref="ErrorCodes.TooManyDecimals"/>).
    /// </summary>
    public static (string Code, IReadOnlyDictionary<string, string>? Args) NumberRefusal(double value)
    {
        var max = ((long)MaxMagnitude).ToString(CultureInfo.InvariantCulture);
        return !double.IsFinite(value) ? (ErrorCodes.NotANumber, null)
            : Math.Abs(value) > MaxMagnitude ? (ErrorCodes.OutOfRange, Problems.Args(("min", "-" + max), ("max", max)))
            : (ErrorCodes.TooManyDecimals, Problems.Args(("max", MaxDecimals)));
    }

    public static string DateMessage(string what) =>
        $"{what} must be between {EarliestDate.Year} and {LatestDate.Year}.";

    /// <summary>
    /// 400 naming the field when a query or route number is outside <paramref name="min"/>..<paramref name="max"/>.
    /// </summary>
    public static ValidationProblem? CheckRange(string field, long? value, long min, long max) =>
        value is { } v && (v < min || v > max)
            ? Problems.Invalid(
                field, ErrorCodes.OutOfRange, $"{field} must be between {min} and {max}.", ("min", min), ("max", max))
            : null;

    public static ValidationProblem? CheckVersion(int version) => CheckRange("version", version, 0, MaxVersion);
}

/// <summary>
/// A quantity people enter: finite, within <see cref="Bounds.MaxMagnitude"/>, at most <see cref="Bounds.MaxDecimals"/>
/// decimals.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class SensibleNumberAttribute : ValidationAttribute, ICodedRule
{
    /// <summary>For positions halved again and again (board order), where any precision is meaningful.</summary>
    public bool AnyPrecision { get; init; }

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is null || (value is double d && Bounds.IsSensible(d, AnyPrecision)))
        {
            return ValidationResult.Success;
        }
        var message = AnyPrecision
            ? Bounds.NumberMessage(validationContext.DisplayName, anyPrecision: true)
            : Bounds.NumberMessage(validationContext.DisplayName);
        return new ValidationResult(message, [validationContext.MemberName ?? ""]);
    }

    public (string Code, IReadOnlyDictionary<string, string>? Args) Describe(object? value) =>
        value is double d ? Bounds.NumberRefusal(d) : (ErrorCodes.NotANumber, null);
}

/// <summary>A version number a client sends back: 0 (new) to <see cref="Bounds.MaxVersion"/>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class VersionNumberAttribute() : RangeAttribute(0, Bounds.MaxVersion)
{
}

/// <summary>A date people enter: <see cref="Bounds.EarliestDate"/> to <see cref="Bounds.LatestDate"/>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class SensibleDateAttribute : ValidationAttribute, ICodedRule
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is null || (value is DateOnly d && Bounds.IsSensible(d))
            ? ValidationResult.Success
            : new ValidationResult(
                Bounds.DateMessage(validationContext.DisplayName), [validationContext.MemberName ?? ""]);

    public (string Code, IReadOnlyDictionary<string, string>? Args) Describe(object? value) =>
        (ErrorCodes.DateOutOfRange, Bounds.DateArgs());
}
