using System.Security.Cryptography;
using System.Text;
using Workspace.Server.Features.Documents;
using Workspace.Server.Infrastructure;
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
/// The sign-off of an agreement's document, through its grain (<see cref="IDocumentGrain.GuardAsync"/>): the same
/// activation that orders the edits also orders the approvals, so an approval and an edit can never both win.
/// </summary>
public sealed class AgreementDocument(IDocumentGrain grain)
{
    public static AgreementDocument Of(IGrainFactory grains, Guid documentId)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return new(grains.GetGrain<IDocumentGrain>(documentId));
    }

    /// <summary>Makes a new, empty document an agreement in draft and writes its first text (one edit by the
    /// actor).</summary>
    public Task<Outcome<SignOffView>> StartAgreementAsync(Guid partnershipId, string text, Actor actor) =>
        AskAsync(new StartAgreement(partnershipId, text, actor));

    /// <summary>The sign-off, or null when the document is not an agreement.</summary>
    public async Task<SignOffView?> GetSignOffAsync() => (await AskAsync(new GetSignOff())).Value;

    /// <summary>
    /// Draft → in review: every party in <paramref name="parties"/> must approve the same revision.
    /// </summary>
    public Task<Outcome<SignOffView>> BeginReviewAsync(IReadOnlyList<Guid> parties, Actor actor) =>
        AskAsync(new BeginReview(parties, actor));

    /// <summary>In review → draft: the approvals so far are dropped.</summary>
    public Task<Outcome<SignOffView>> BackToDraftAsync(Actor actor) => AskAsync(new BackToDraft(actor));

    /// <summary>
    /// <paramref name="partyId"/> approves <paramref name="revision"/>, which must be the current one (and, when
    /// given, its text must hash to <paramref name="hash"/>). The last party's approval signs the agreement.
    /// </summary>
    public Task<Outcome<SignOffView>> ApproveAsync(Guid partyId, long revision, string? hash, Actor actor) =>
        AskAsync(new Approve(partyId, revision, hash, actor));

    /// <summary>Signed → terminated (the text stays read-only).</summary>
    public Task<Outcome<SignOffView>> TerminateAsync(Actor actor) => AskAsync(new Terminate(actor));

    private async Task<Outcome<SignOffView>> AskAsync(SignOffCommand command)
    {
        var answer = await grain.GuardAsync(command);
        return answer.Kind == OutcomeKind.Ok ? Outcome<SignOffView>.Ok((SignOffView)answer.Value!)
            : Outcome<SignOffView>.Refused(answer);
    }
}

/// <summary>The commands of an agreement's sign-off, each run by its document's grain.</summary>
[GenerateSerializer, Immutable]
public abstract record SignOffCommand : IDocumentGuardCommand
{
    public string Guard => AgreementGuardKind.Agreement;
}

[GenerateSerializer, Immutable]
public sealed record StartAgreement(
    [property: Id(0)] Guid PartnershipId, [property: Id(1)] string Text, [property: Id(2)] Actor Actor)
    : SignOffCommand;

[GenerateSerializer, Immutable]
public sealed record GetSignOff : SignOffCommand;

[GenerateSerializer, Immutable]
public sealed record BeginReview([property: Id(0)] IReadOnlyList<Guid> Parties, [property: Id(1)] Actor Actor)
    : SignOffCommand;

[GenerateSerializer, Immutable]
public sealed record BackToDraft([property: Id(0)] Actor Actor) : SignOffCommand;

[GenerateSerializer, Immutable]
public sealed record Approve(
    [property: Id(0)] Guid PartyId, [property: Id(1)] long Revision, [property: Id(2)] string? Hash,
    [property: Id(3)] Actor Actor) : SignOffCommand;

[GenerateSerializer, Immutable]
public sealed record Terminate([property: Id(0)] Actor Actor) : SignOffCommand;

public static class TextHash
{
    /// <summary>SHA-256 of the text's UTF-8 bytes, in lower-case hex: what every approval and signature
    /// names.</summary>
    public static string Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
