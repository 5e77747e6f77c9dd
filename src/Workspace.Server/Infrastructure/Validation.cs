using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Workspace.Server.Infrastructure;

/// <summary>Data-annotation validation for request records, answered as a ValidationProblem.</summary>
public static class Validation
{
    public static ValidationProblem? Check(object request)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true))
        {
            return null;
        }
        var errors = results
            .SelectMany(r => (r.MemberNames.Any() ? r.MemberNames : [""]).Select(m => (Member: JsonName(m), r.ErrorMessage)))
            .GroupBy(e => e.Member)
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage ?? "Invalid value.").ToArray());
        return TypedResults.ValidationProblem(errors);
    }

    private static string JsonName(string member) => member.Length == 0 ? member : char.ToLowerInvariant(member[0]) + member[1..];
}
