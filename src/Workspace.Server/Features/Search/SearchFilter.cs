using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Workspace.Server.Features.Search;

/// <summary>
/// The database half of matching, one code path for SQLite and PostgreSQL: every term must occur (LIKE on the
/// lower-cased column, <c>%</c>, <c>_</c> and <c>\</c> escaped) in one of the given columns. The terms are sent as
/// parameters. Accents: a term is also tried without its accents ("café" finds "cafe"); the other way round is
/// left to the folded check in memory, which only ever narrows what the database found.
/// </summary>
public static class SearchFilter
{
    public static IQueryable<T> MatchingAll<T>(this IQueryable<T> rows, IReadOnlyList<SearchTerm> terms,
        params Expression<Func<T, string>>[] columns)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var row = Expression.Parameter(typeof(T), "row");
        Expression? all = null;
        foreach (var term in terms)
        {
            Expression? any = null;
            foreach (var column in columns)
            {
                foreach (var pattern in term.Patterns)
                {
                    var like = Like(ReplacingExpressionVisitor.Replace(column.Parameters[0], row, column.Body),
                        pattern);
                    any = any is null ? like : Expression.OrElse(any, like);
                }
            }
            all = all is null ? any! : Expression.AndAlso(all, any!);
        }
        return all is null ? rows : rows.Where(Expression.Lambda<Func<T, bool>>(all, row));
    }

    private static readonly System.Reflection.MethodInfo LikeMethod = typeof(DbFunctionsExtensions).GetMethod(
        nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    private static readonly System.Reflection.MethodInfo ToLower = typeof(string).GetMethod(
        nameof(string.ToLower), Type.EmptyTypes)!;

    private static Expression Like(Expression column, string pattern)
    {
        // A member of a closure object, so EF sends it as a parameter (one cached plan), never inlined text.
        var value = Expression.Property(Expression.Constant(new Pattern(pattern)), nameof(Pattern.Value));
        return Expression.Call(LikeMethod, Expression.Constant(EF.Functions), Expression.Call(column, ToLower),
            value, Expression.Constant(Escape));
    }

    public const string Escape = "\\";

    /// <summary>A LIKE pattern that finds <paramref name="text"/> anywhere, its wildcards taken literally.</summary>
    public static string Contains(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";
    }

    private sealed record Pattern(string Value);
}

/// <summary>One word of a query: <see cref="Folded"/> for matching in memory, the LIKE patterns for the database.
/// </summary>
public sealed record SearchTerm(string Folded, IReadOnlyList<string> Patterns)
{
    public static SearchTerm Of(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var lower = word.ToLowerInvariant();
        var folded = SearchText.Fold(word);
        return new SearchTerm(folded, lower == folded
            ? [SearchFilter.Contains(lower)] : [SearchFilter.Contains(lower), SearchFilter.Contains(folded)]);
    }
}
