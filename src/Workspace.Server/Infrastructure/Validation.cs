using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Workspace.Collaboration.Errors;

namespace Workspace.Server.Infrastructure;

/// <summary>
/// Data-annotation validation of request records, run by one endpoint filter on each route group
/// (<see cref="ValidateRequests{TBuilder}"/>) rather than by every handler. Each failed attribute becomes a code with
/// its arguments (<c>tooLong</c> with <c>max</c>, …) beside the attribute's English message.
/// </summary>
public static class Validation
{
    private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, ValidationAttribute[] Rules)[]> Rules =
        new();

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Nested = new();

    /// <summary>
    /// Validates every request record a handler of this group takes, before it runs; 400 when invalid.
    /// </summary>
    public static TBuilder ValidateRequests<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(new ValidationFilter());

    public static IReadOnlyList<FieldError> Errors(object request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Errors(request, "");
    }

    /// <summary>The errors of a record and of the records it holds (<c>anchor.from</c>), named as in JSON.</summary>
    private static List<FieldError> Errors(object request, string prefix)
    {
        var errors = new List<FieldError>();
        foreach (var (property, rules) in Rules.GetOrAdd(request.GetType(), RulesOf))
        {
            var value = property.GetValue(request);
            var context = new ValidationContext(request) { MemberName = property.Name, DisplayName = property.Name };
            foreach (var rule in rules)
            {
                if (rule.GetValidationResult(value, context) is { } failed)
                {
                    var (code, args) = Describe(rule, value);
                    var detail = failed.ErrorMessage ?? "Invalid value.";
                    errors.Add(new FieldError(prefix + JsonName(property.Name), code, detail, args));
                    break;
                }
            }
        }
        foreach (var property in Nested.GetOrAdd(request.GetType(), NestedOf))
        {
            if (property.GetValue(request) is { } inner)
            {
                errors.AddRange(Errors(inner, prefix + JsonName(property.Name) + "."));
            }
        }
        return errors;
    }

    /// <summary>Whether a handler argument is a request record of this application (not a service or an id).</summary>
    internal static bool IsRequest(Type type) =>
        type.Assembly == typeof(Validation).Assembly
        && (Rules.GetOrAdd(type, RulesOf).Length > 0 || Nested.GetOrAdd(type, NestedOf).Length > 0);

    private static (string Code, IReadOnlyDictionary<string, string>? Args) Describe(
        ValidationAttribute rule, object? value)
    {
        var length = value is string s ? s.Length : (int?)null;
        return rule switch
        {
            ICodedRule coded => coded.Describe(value),
            RequiredAttribute => (ErrorCodes.Required, null),
            MaxLengthAttribute max => (ErrorCodes.TooLong, Problems.Args(("max", max.Length))),
            MinLengthAttribute min => (ErrorCodes.TooShort, Problems.Args(("min", min.Length))),
            StringLengthAttribute range when length > range.MaximumLength =>
                (ErrorCodes.TooLong, Problems.Args(("max", range.MaximumLength))),
            StringLengthAttribute range => (ErrorCodes.TooShort, Problems.Args(("min", range.MinimumLength))),
            RangeAttribute range =>
                (ErrorCodes.OutOfRange, Problems.Args(("min", range.Minimum), ("max", range.Maximum))),
            EmailAddressAttribute => (ErrorCodes.InvalidEmail, null),
            _ => (ErrorCodes.InvalidValue, null),
        };
    }

    private static (PropertyInfo, ValidationAttribute[])[] RulesOf(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (p, p.GetCustomAttributes<ValidationAttribute>(inherit: true).ToArray()))
            .Where(r => r.Item2.Length > 0)
            .ToArray();

    /// <summary>Records of this application a request holds, whose own rules apply too.</summary>
    private static PropertyInfo[] NestedOf(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.PropertyType.IsClass
                && p.PropertyType.Namespace?.StartsWith("Workspace.", StringComparison.Ordinal) == true)
            .ToArray();

    private static string JsonName(string member) =>
        member.Length == 0 ? member : char.ToLowerInvariant(member[0]) + member[1..];
}

/// <summary>A rule that names its own code and arguments for the value it refused.</summary>
public interface ICodedRule
{
    (string Code, IReadOnlyDictionary<string, string>? Args) Describe(object? value);
}

internal sealed class ValidationFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var errors = context.Arguments
            .Where(a => a is not null && Validation.IsRequest(a.GetType()))
            .SelectMany(a => Validation.Errors(a!))
            .ToList();
        return errors.Count > 0 ? Problems.Invalid(errors) : await next(context);
    }
}
