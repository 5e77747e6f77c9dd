using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Workspace.Server.Infrastructure;

/// <summary>Data-annotation validation for request records, answered as a ValidationProblem.</summary>
public static class Validation
{
    public static ValidationProblem? Check(object request)
    {
        var errors = Errors(request, "")
            .GroupBy(e => e.Member)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Error).ToArray());
        return errors.Count == 0 ? null : TypedResults.ValidationProblem(errors);
    }

    /// <summary>The errors of a record and of the records it holds, named as in JSON.</summary>
    private static IEnumerable<(string Member, string Error)> Errors(object request, string prefix)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true);
        foreach (var r in results)
        {
            foreach (var member in r.MemberNames.Any() ? r.MemberNames : [""])
            {
                yield return (prefix + JsonName(member), r.ErrorMessage ?? "Invalid value.");
            }
        }
        var nested = request.GetType().GetProperties()
            .Where(p => p.GetIndexParameters().Length == 0 && p.PropertyType.IsClass
                && p.PropertyType.Namespace?.StartsWith("Workspace.", StringComparison.Ordinal) == true);
        foreach (var property in nested)
        {
            if (property.GetValue(request) is { } inner)
            {
                foreach (var error in Errors(inner, prefix + JsonName(property.Name) + "."))
                {
                    yield return error;
                }
            }
        }
    }

    private static string JsonName(string member) => member.Length == 0 ? member : char.ToLowerInvariant(member[0]) + member[1..];
}
