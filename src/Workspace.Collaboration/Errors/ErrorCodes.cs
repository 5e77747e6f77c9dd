namespace Workspace.Collaboration.Errors;

/// <summary>
/// Why the server refused something, as a code that crosses the wire (ProblemDetails <c>code</c>, a field's
/// <c>errorCodes</c>, a hub error). The browser words each code in the person's language (key
/// <c>error.&lt;code&gt;</c>); the English <c>detail</c> beside it is only a fallback for other clients.
/// </summary>
public static class ErrorCodes
{
    // Field validation (data annotations and grain checks); arguments: field, max, min.
    public const string Required = "required";
    public const string TooLong = "tooLong";
    public const string TooShort = "tooShort";
    public const string OutOfRange = "outOfRange";
    public const string InvalidEmail = "invalidEmail";
    public const string InvalidValue = "invalidValue";
    public const string UnreadableRequest = "unreadableRequest";
    public const string NotANumber = "notANumber";
    public const string TooManyDecimals = "tooManyDecimals";
    public const string DateOutOfRange = "dateOutOfRange";
    public const string UnknownOption = "unknownOption";
    public const string NotAMember = "notAMember";
    public const string UnknownGoal = "unknownGoal";
    public const string UnknownParty = "unknownParty";

    // Generic answers.
    public const string NotFound = "notFound";
    public const string EditConflict = "editConflict";
    public const string TooManyRequests = "tooManyRequests";
    public const string Antiforgery = "antiforgery";
    public const string Unexpected = "unexpected";

    // Accounts.
    public const string WrongCredentials = "wrongCredentials";
    public const string SignInThrottled = "signInThrottled";
    public const string PasswordTooShort = "passwordTooShort";
    public const string PasswordTooWeak = "passwordTooWeak";
    public const string NotSignedIn = "notSignedIn";
    public const string WrongPassword = "wrongPassword";
    public const string EmailTaken = "emailTaken";
    public const string PasswordRejected = "passwordRejected";
    public const string ExternalSignInFailed = "externalSignInFailed";
    public const string ExternalNoEmail = "externalNoEmail";
    public const string ExternalAccountExists = "externalAccountExists";

    // Partnerships, members and invitations; arguments: role, needed, name, email, party, max.
    public const string UnknownPartnership = "unknownPartnership";
    public const string RoleTooLow = "roleTooLow";
    public const string Archived = "archived";
    public const string PartnershipExists = "partnershipExists";
    public const string PartyExists = "partyExists";
    public const string TooManyParties = "tooManyParties";
    public const string UnknownMember = "unknownMember";
    public const string UnknownRole = "unknownRole";
    public const string RoleAboveYours = "roleAboveYours";
    public const string LastOwner = "lastOwner";
    public const string PartyNeedsAdmin = "partyNeedsAdmin";
    public const string AlreadyMember = "alreadyMember";
    public const string TooManyInvitations = "tooManyInvitations";
    public const string UnknownInvitation = "unknownInvitation";
    public const string InvitationInvalid = "invitationInvalid";
    public const string InvitationUsed = "invitationUsed";
    public const string InvitationRevoked = "invitationRevoked";
    public const string InvitationExpired = "invitationExpired";
    public const string InvitationForOther = "invitationForOther";
    public const string AlreadyJoined = "alreadyJoined";
    public const string OwnerOnly = "ownerOnly";
    public const string PartyAdminOnly = "partyAdminOnly";

    // Items, goals, KPIs, comments.
    public const string UnknownItem = "unknownItem";
    public const string UnknownKpi = "unknownKpi";
    public const string UnknownMeasurement = "unknownMeasurement";
    public const string TargetBeforeStart = "targetBeforeStart";
    public const string TooManyMilestones = "tooManyMilestones";
    public const string MilestonesNeedTargetDate = "milestonesNeedTargetDate";
    public const string MilestoneOutsidePlan = "milestoneOutsidePlan";
    public const string MilestoneDateTaken = "milestoneDateTaken";
    public const string CommentEmpty = "commentEmpty";
    public const string PassageLost = "passageLost";
    public const string CommentNotYours = "commentNotYours";

    // Meetings, agendas and decisions; arguments: kind, field.
    public const string UnknownMeeting = "unknownMeeting";
    public const string UnknownOccurrence = "unknownOccurrence";
    public const string UnknownTimeZone = "unknownTimeZone";
    public const string TimeSkipped = "timeSkipped";
    public const string FacilitatorOnly = "facilitatorOnly";
    public const string MeetingCancelled = "meetingCancelled";
    public const string UnknownLink = "unknownLink";
    public const string UnknownAgendaItem = "unknownAgendaItem";
    public const string AgendaOrderMismatch = "agendaOrderMismatch";
    public const string UnknownDecision = "unknownDecision";
    public const string DecisionSuperseded = "decisionSuperseded";
    public const string UnknownCalendarFeed = "unknownCalendarFeed";
    // Meeting notes and minutes; arguments: field.
    public const string NotesNotStarted = "notesNotStarted";
    public const string MinutesNotProduced = "minutesNotProduced";
    public const string MinutesEdited = "minutesEdited";
    public const string UnknownLanguage = "unknownLanguage";

    // Running a meeting (facilitator mode).
    public const string RunNotStarted = "runNotStarted";
    public const string RunAlreadyStarted = "runAlreadyStarted";
    public const string RunEnded = "runEnded";
    public const string AgendaEmpty = "agendaEmpty";
    public const string NoNextItem = "noNextItem";
    public const string NoPreviousItem = "noPreviousItem";
    public const string NotAnAttendee = "notAnAttendee";
    public const string AgendaItemReached = "agendaItemReached";

    // Disputes; arguments: step, kind.
    public const string UnknownDispute = "unknownDispute";
    public const string UnknownProposal = "unknownProposal";
    public const string UnknownMessage = "unknownMessage";
    public const string UnknownClause = "unknownClause";
    public const string DisputeNeedsOtherParty = "disputeNeedsOtherParty";
    public const string NotInvolved = "notInvolved";
    public const string AlreadyAnswered = "alreadyAnswered";
    public const string ProposalClosed = "proposalClosed";
    public const string DisputeResolved = "disputeResolved";
    public const string LastStep = "lastStep";
    public const string StepChanged = "stepChanged";
    public const string StepsNeedClause = "stepsNeedClause";
    public const string NotYourProposal = "notYourProposal";

    // Documents and co-editing; arguments: max, revision.
    public const string UnknownDocument = "unknownDocument";
    public const string DocumentExists = "documentExists";
    public const string UnknownRevision = "unknownRevision";
    public const string DocumentReloading = "documentReloading";
    public const string SaveFailed = "saveFailed";
    public const string InvalidClientId = "invalidClientId";
    public const string ClientIdTaken = "clientIdTaken";
    public const string InvalidClientSeq = "invalidClientSeq";
    public const string InvalidOperation = "invalidOperation";
    public const string OperationTooLarge = "operationTooLarge";
    public const string DocumentTooLong = "documentTooLong";
    public const string OpenFirst = "openFirst";
    public const string CursorOutside = "cursorOutside";

    /// <summary>The client is behind what the server keeps: it must catch up (resync), then send again.</summary>
    public const string Resync = "resync";

    /// <summary>Too many hub messages on one connection: nothing was applied; send again a little later.</summary>
    public const string SlowDown = "slowDown";

    // Agreements: sign-off, clauses, amendments, obligations.
    public const string UnknownAgreement = "unknownAgreement";
    public const string AgreementSigned = "agreementSigned";
    public const string AgreementWrongStatus = "agreementWrongStatus";
    public const string AgreementRevisionChanged = "agreementRevisionChanged";
    public const string NotASignatory = "notASignatory";
    public const string AmendmentInProgress = "amendmentInProgress";
    public const string NotPartyAdmin = "notPartyAdmin";

    // Reviews; arguments: max, goalId.
    public const string UnknownReview = "unknownReview";
    public const string ReviewClosed = "reviewClosed";
    public const string ReviewStillOpen = "reviewStillOpen";
    public const string PeriodEndsBeforeStart = "periodEndsBeforeStart";
    public const string PeriodTooLong = "periodTooLong";
    public const string ClosingDateOutOfRange = "closingDateOutOfRange";
    public const string GoalNotInReview = "goalNotInReview";
    public const string AnswerNotYours = "answerNotYours";
    public const string TooManyReviews = "tooManyReviews";
    public const string UnknownChange = "unknownChange";

    // Files; arguments: maxBytes, usedBytes, quotaBytes, max (files).
    public const string UnknownFile = "unknownFile";
    public const string FileTooLarge = "fileTooLarge";
    public const string FileQuotaExceeded = "fileQuotaExceeded";
    public const string FileEmpty = "fileEmpty";
    public const string NotYourFile = "notYourFile";
    public const string TooManyFiles = "tooManyFiles";
    // Notifications.
    public const string UnknownNotification = "unknownNotification";
    // Search (a query that is too short or too long is tooShort or tooLong); arguments: max (words).
    public const string TooManyWords = "tooManyWords";
}
