namespace Workspace.Server.Kernel;

[GenerateSerializer, Immutable]
public sealed record PartyView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name);

[GenerateSerializer, Immutable]
public sealed record MemberView(
    [property: Id(0)] string UserId,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] string Email,
    [property: Id(3)] Guid PartyId,
    [property: Id(4)] PartnershipRole Role,
    [property: Id(5)] bool IsPartyAdmin);

[GenerateSerializer, Immutable]
public sealed record PartnershipView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] bool Archived,
    [property: Id(3)] int Version,
    [property: Id(4)] IReadOnlyList<PartyView> Parties,
    [property: Id(5)] IReadOnlyList<MemberView> Members);

/// <summary>Who is acting: taken from the authenticated principal on the server, never from the client.</summary>
[GenerateSerializer, Immutable]
public sealed record Actor(
    [property: Id(0)] string UserId,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] string Email);

[GenerateSerializer, Immutable]
public sealed record CreatePartnership(
    [property: Id(0)] string Name,
    [property: Id(1)] string OrganisationName);

[GenerateSerializer, Immutable]
public sealed record ActivityView(
    [property: Id(0)] long Id,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string ActorName,
    [property: Id(3)] string Kind,
    [property: Id(4)] string Summary,
    [property: Id(5)] string Args);

public enum InvitationStatus { Pending, Accepted, Revoked, Expired }

[GenerateSerializer, Immutable]
public sealed record InvitationView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid PartyId,
    [property: Id(2)] string PartyName,
    [property: Id(3)] string Email,
    [property: Id(4)] PartnershipRole Role,
    [property: Id(5)] bool IsPartyAdmin,
    [property: Id(6)] string InvitedByName,
    [property: Id(7)] DateTimeOffset CreatedAt,
    [property: Id(8)] DateTimeOffset ExpiresAt,
    [property: Id(9)] InvitationStatus Status);

/// <summary>A new invitation and its link token: the token is shown once, to the inviter, and never stored.</summary>
[GenerateSerializer, Immutable]
public sealed record CreatedInvitation(
    [property: Id(0)] InvitationView Invitation,
    [property: Id(1)] string Token);

/// <summary>What the invitation page shows to whoever holds the link.</summary>
[GenerateSerializer, Immutable]
public sealed record InvitationPreview(
    [property: Id(0)] Guid PartnershipId,
    [property: Id(1)] string PartnershipName,
    [property: Id(2)] string PartyName,
    [property: Id(3)] string Email,
    [property: Id(4)] PartnershipRole Role,
    [property: Id(5)] string InvitedByName,
    [property: Id(6)] DateTimeOffset ExpiresAt,
    [property: Id(7)] InvitationStatus Status);

[GenerateSerializer, Immutable]
public sealed record InviteMember(
    [property: Id(0)] Guid PartyId,
    [property: Id(1)] string Email,
    [property: Id(2)] PartnershipRole Role,
    [property: Id(3)] bool IsPartyAdmin);

[GenerateSerializer, Immutable]
public sealed record ChangeMember(
    [property: Id(0)] string UserId,
    [property: Id(1)] PartnershipRole Role,
    [property: Id(2)] bool IsPartyAdmin);
