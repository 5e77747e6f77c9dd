using System.Security.Cryptography;
using System.Text;
using Workspace.Server.Kernel;

namespace Workspace.Server.Features.Agreements;

/// <summary>One party's approval of one exact text: who, when, which revision and the SHA-256 of that text.</summary>
[GenerateSerializer, Immutable]
public sealed record Approval(
    [property: Id(0)] Guid PartyId,
    [property: Id(1)] string UserId,
    [property: Id(2)] string Name,
    [property: Id(3)] long Revision,
    [property: Id(4)] string Hash,
    [property: Id(5)] DateTimeOffset At);

/// <summary>Why a round of approvals ended: who edited the text, when, and which revision their edit made.</summary>
[GenerateSerializer, Immutable]
public sealed record RoundReset(
    [property: Id(0)] int Round,
    [property: Id(1)] string ByUserId,
    [property: Id(2)] string ByName,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] long Revision,
    [property: Id(5)] IReadOnlyList<Approval> Voided,
    [property: Id(6)] string Reason = RoundReset.Edited)
{
    public const string Edited = "edited";
    public const string Withdrawn = "withdrawn";
}

/// <summary>The sign-off of an agreement's document as its grain holds it, with the text's current revision and
/// hash.</summary>
[GenerateSerializer, Immutable]
public sealed record SignOffView(
    [property: Id(0)] Guid DocumentId,
    [property: Id(1)] string Status,
    [property: Id(2)] int Round,
    [property: Id(3)] IReadOnlyList<Guid> RequiredParties,
    [property: Id(4)] IReadOnlyList<Approval> Approvals,
    [property: Id(5)] RoundReset? LastReset,
    [property: Id(6)] long Revision,
    [property: Id(7)] string Hash,
    [property: Id(8)] long? SignedRevision,
    [property: Id(9)] string? SignedHash,
    [property: Id(10)] DateTimeOffset? SignedAt,
    [property: Id(11)] DateTimeOffset? TerminatedAt,
    [property: Id(12)] string? TerminatedBy);

/// <summary>
/// The sign-off side of a document's grain (implemented by <c>DocumentGrain</c>, so the same activation that orders
/// the edits also orders the approvals: an approval and an edit can never both win).
/// </summary>
public interface IAgreementDocumentGrain : IGrainWithGuidKey
{
    /// <summary>Makes a new, empty document an agreement in draft and writes its first text (one edit by the
    /// actor).</summary>
    Task<SignOffView> StartAgreementAsync(Guid partnershipId, string text, Actor actor);

    /// <summary>The sign-off, or null when the document is not an agreement.</summary>
    Task<SignOffView?> GetSignOffAsync();

    /// <summary>
    /// Draft → in review: every party in <paramref name="parties"/> must approve the same revision.
    /// </summary>
    Task<SignOffView> BeginReviewAsync(IReadOnlyList<Guid> parties, Actor actor);

    /// <summary>In review → draft: the approvals so far are dropped.</summary>
    Task<SignOffView> BackToDraftAsync(Actor actor);

    /// <summary>
    /// <paramref name="partyId"/> approves <paramref name="revision"/>, which must be the current one (and, when
    /// given, its text must hash to <paramref name="hash"/>). The last party's approval signs the agreement.
    /// </summary>
    Task<SignOffView> ApproveAsync(Guid partyId, long revision, string? hash, Actor actor);

    /// <summary>Signed → terminated (the text stays read-only).</summary>
    Task<SignOffView> TerminateAsync(Actor actor);
}

public static class TextHash
{
    /// <summary>SHA-256 of the text's UTF-8 bytes, in lower-case hex: what every approval and signature
    /// names.</summary>
    public static string Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
