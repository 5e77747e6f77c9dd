using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace Workspace.Server.Kernel.ClauseLinks;

// A link from a dispute, a decision or an action item to a clause of an agreement. The agreements feature implements
// IClauseLinks; the features that link only store a ClauseLinkState (as JSON in one column) and ask for it to be
// followed, so none of them imports agreements.

/// <summary>
/// A clause's heading line as a passage of the agreement's text at a revision (followed through every later edit, as
/// comment passages are), with the number and title it had then.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ClauseRef(
    [property: Id(0)] Guid AgreementId,
    [property: Id(1)] long Revision,
    [property: Id(2)] int From,
    [property: Id(3)] int To,
    [property: Id(4)] string Number,
    [property: Id(5)] string Title);

/// <summary>What a request names: an agreement of the partnership and the clause's current number.</summary>
[GenerateSerializer, Immutable]
public sealed record ClauseLinkInput(
    [property: Id(0)] Guid AgreementId,
    [property: Id(1), Required, MaxLength(32)] string Number);

/// <summary>
/// A linked clause as shown: its current number and heading, or, once the clause is deleted, the last ones it had and
/// <c>Deleted</c>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ClauseLinkView(
    [property: Id(0)] Guid AgreementId,
    [property: Id(1)] string AgreementTitle,
    [property: Id(2)] string Number,
    [property: Id(3)] string Heading,
    [property: Id(4)] bool Deleted);

/// <summary>What a feature stores for a link: the anchor, where it was last found, and whether the clause is
/// gone.</summary>
[GenerateSerializer, Immutable]
public sealed record ClauseLinkState(
    [property: Id(0)] ClauseRef Ref,
    [property: Id(1)] string AgreementTitle,
    [property: Id(2)] bool Deleted)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public ClauseLinkView View => new(Ref.AgreementId, AgreementTitle, Ref.Number, Ref.Title, Deleted);

    /// <summary>True when <paramref name="input"/> names this link as it was last shown (a form sent back
    /// unchanged), so an edit of the item keeps the link rather than linking whatever carries that number
    /// now.</summary>
    public bool IsNamedBy(ClauseLinkInput? input) => input is not null && input.AgreementId == Ref.AgreementId
        && string.Equals(input.Number?.Trim(), Ref.Number, StringComparison.Ordinal);

    public static string? Write(ClauseLinkState? link) => link is null ? null : JsonSerializer.Serialize(link, Json);

    public static ClauseLinkState? Read(string? stored) =>
        string.IsNullOrEmpty(stored) ? null : JsonSerializer.Deserialize<ClauseLinkState>(stored, Json);
}

/// <summary>Why a link was refused: <c>Code</c> is an <c>ErrorCodes</c> value.</summary>
public sealed record ClauseLinkResult(ClauseLinkState? Link, string? Code, string? Detail);

/// <summary>Clause links, answered by the agreements feature.</summary>
public interface IClauseLinks
{
    /// <summary>
    /// A link to the clause numbered <c>input.Number</c> now, of an agreement of <paramref name="partnershipId"/>;
    /// otherwise why not (unknownAgreement, unknownClause).
    /// </summary>
    Task<ClauseLinkResult> LinkAsync(Guid partnershipId, ClauseLinkInput input, CancellationToken ct = default);

    /// <summary>
    /// The links moved to the agreements' current text, in the same order: a link whose clause is gone (or whose
    /// agreement is no longer of the partnership) comes back <c>Deleted</c> with its last number and heading.
    /// </summary>
    Task<IReadOnlyList<ClauseLinkState>> FollowAsync(Guid partnershipId, IReadOnlyList<ClauseLinkState> links,
        CancellationToken ct = default);
}
