using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workspace.Server.Kernel;

namespace Workspace.Server.Tests.Infrastructure;

/// <summary>
/// A partnership with one of everything (document, goal, KPI with a measurement, action item, comment, pending
/// invitation, a second member, a weekly meeting with an agenda item and a decision on its first occurrence), for
/// tests that send requests naming these things or another partnership's.
/// </summary>
public sealed partial record PartnershipWorld(
    TestUser Owner, Guid Id, Guid PartyId, string MemberId, Guid DocumentId, Guid GoalId, Guid KpiId,
    Guid MeasurementId, Guid ItemId, Guid CommentId, Guid InvitationId, Guid MeetingId, Guid AgendaItemId,
    Guid DecisionId, Guid AgreementId)
{
    /// <summary>A dispute the owner's party raised against a second party, with a proposal and a message.</summary>
    public Guid DisputeId { get; init; }
    public Guid ProposalId { get; init; }
    public Guid MessageId { get; init; }
    /// <summary>The admin (and so the signatory) of that second party: every party approves an agreement.</summary>
    public TestUser? Partner { get; init; }

    /// <summary>The first occurrence of the world's weekly meeting: its wall-clock start, and as a route key.</summary>
    public const string Occurrence = "2027-03-01T10:00:00";
    public const string OccurrenceKey = "20270301T100000";

    public static async Task<PartnershipWorld> CreateAsync(WorkspaceFactory factory, string name, CancellationToken ct)
    {
        var owner = await factory.SignUpAsync($"{name} owner", $"{name} org", ct: ct);
        var partnership = await owner.CreatePartnershipAsync($"Partnership {name}", ct);
        var (id, party) = (partnership.Id, partnership.Parties[0].Id);
        var url = (string path) => $"/api/partnerships/{id}{path}";
        var member = await factory.JoinAsync(owner, id, PartnershipRole.Viewer, $"{name} viewer", ct: ct);
        var document = await OkAsync(owner.Http.PostJsonAsync(url("/documents"), new { title = $"{name} plan" }, ct));
        var documentId = document.GetProperty("id").GetGuid();
        var goal = await OkAsync(owner.Http.PostJsonAsync(url("/goals"), new
        {
            title = $"{name} goal", description = "", successCriteria = "", ownerPartyId = party,
            targetDate = "2027-06-30", status = "OnTrack", version = 0,
        }, ct));
        var goalId = goal.GetProperty("id").GetGuid();
        var kpi = await OkAsync(owner.Http.PostJsonAsync(url("/kpis"), new
        {
            name = $"{name} tonnes", unit = "t", direction = "HigherIsBetter", baseline = 0, target = 100,
            ownerPartyId = party, goalId, version = 0,
        }, ct));
        var kpiId = kpi.GetProperty("id").GetGuid();
        var measured = await OkAsync(owner.Http.PostJsonAsync(
            url($"/kpis/{kpiId}/measurements"),
            new { date = Today, value = 40, note = "" },
            ct));
        var item = await OkAsync(owner.Http.PostJsonAsync(url("/action-items"), new
        {
            title = $"{name} task", notes = "", ownerUserId = owner.Id, dueDate = "2027-01-15", status = "Open",
            goalId, version = 0,
        }, ct));
        var comment = await OkAsync(owner.Http.PostJsonAsync(
            url($"/documents/{documentId}/comments"),
            new { body = $"{name} comment" },
            ct));
        var invitation = await owner.InviteOkAsync(
            id, party, $"pending.{Guid.NewGuid():N}@example.org", PartnershipRole.Viewer, ct: ct);
        var (meetingId, agendaItemId, decisionId) = await MeetingAsync(owner, url, name, party, goalId, ct);
        var agreement = await OkAsync(owner.Http.PostJsonAsync(
            url("/agreements"),
            new { title = $"{name} agreement", language = "en" },
            ct));
        await OkAsync(owner.Http.PostJsonAsync(
            url($"/agreements/{agreement.GetProperty("id").GetGuid()}/review"), new { }, ct));
        var world = new PartnershipWorld(owner, id, party, member.Id, documentId, goalId, kpiId,
            measured.GetProperty("measurements")[0].GetProperty("id").GetGuid(), item.GetProperty("id").GetGuid(),
            comment.GetProperty("id").GetGuid(), invitation.Invitation.Id, meetingId, agendaItemId, decisionId,
            agreement.GetProperty("id").GetGuid());
        return await (await (await world.WithDisputeAsync(factory, name, ct)).WithReviewsAsync(ct)).WithFilesAsync(ct);
    }

    private async Task<PartnershipWorld> WithDisputeAsync(WorkspaceFactory factory, string name, CancellationToken ct)
    {
        var party = await OkAsync(Owner.Http.PostJsonAsync(Url("/parties"), new { name = $"{name} partner" }, ct));
        var partner = await factory.JoinAsync(Owner, Id, PartnershipRole.Editor, $"{name} partner admin",
            party.GetProperty("id").GetGuid(), isPartyAdmin: true, ct);
        var dispute = await OkAsync(Owner.Http.PostJsonAsync(Url("/disputes"), new
        {
            title = $"{name} dispute", description = "", category = "Quality", severity = "Low",
            clause = new { agreementId = AgreementId, clause = "7" },
            evidence = new[] { new { kind = "Goal", id = GoalId } },
        }, ct));
        var disputeId = dispute.GetProperty("id").GetGuid();
        var proposed = await OkAsync(Owner.Http.PostJsonAsync(Url($"/disputes/{disputeId}/proposals"),
            new { text = "Probe proposal" }, ct));
        var talked = await OkAsync(Owner.Http.PostJsonAsync(Url($"/disputes/{disputeId}/messages"),
            new { text = "Probe message" }, ct));
        return this with
        {
            Partner = partner, DisputeId = disputeId,
            ProposalId = proposed.GetProperty("proposals")[0].GetProperty("id").GetGuid(),
            MessageId = talked.GetProperty("messages")[0].GetProperty("id").GetGuid(),
        };
    }

    /// <summary>A weekly meeting the owner leads; an agenda item and a decision on its first occurrence.</summary>
    private static async Task<(Guid Meeting, Guid AgendaItem, Guid Decision)> MeetingAsync(
        TestUser owner, Func<string, string> url, string name, Guid party, Guid goalId, CancellationToken ct)
    {
        var meeting = await OkAsync(owner.Http.PostJsonAsync(url("/meetings"), MeetingBody(name, owner.Id, 0), ct));
        var meetingId = meeting.GetProperty("id").GetGuid();
        var agenda = await OkAsync(owner.Http.PostJsonAsync(url($"/meetings/{meetingId}/agenda"),
            AgendaBody(owner.Id, goalId), ct));
        var decision = await OkAsync(owner.Http.PostJsonAsync(url($"/meetings/{meetingId}/decisions"),
            DecisionBody(party, goalId), ct));
        return (meetingId, agenda.GetProperty("id").GetGuid(), decision.GetProperty("id").GetGuid());
    }

    private static object MeetingBody(string title, string facilitator, int version) => new
    {
        title = $"{title} sync", start = Occurrence, durationMinutes = 60, timeZone = "Europe/Amsterdam",
        location = "Room 1", facilitatorUserId = facilitator, attendeeUserIds = new[] { facilitator },
        recurrence = "Weekly", until = (string?)null, version,
    };

    private static object AgendaBody(string owner, Guid goalId) => new
    {
        occurrence = Occurrence, title = "Probe topic", ownerUserId = owner, minutes = 10,
        link = new { kind = "Goal", id = goalId },
    };

    private static object DecisionBody(Guid party, Guid goalId) => new
    {
        occurrence = Occurrence, text = "Probe decision", why = "", partyIds = new[] { party },
        links = new[] { new { kind = "Goal", id = goalId } }, supersedesId = (Guid?)null,
    };

    public static string Today =>
        DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public string Url(string path) => $"/api/partnerships/{Id}{path}";

    /// <summary>
    /// This partnership's entity a route, body or query field of this name refers to; null for a name it has none of.
    /// </summary>
    public string? IdFor(string name) => name.ToLowerInvariant() switch
    {
        "partnershipid" => Id.ToString(),
        "documentid" => DocumentId.ToString(),
        "goalid" => GoalId.ToString(),
        "kpiid" => KpiId.ToString(),
        "measurementid" => MeasurementId.ToString(),
        "itemid" => ItemId.ToString(),
        "commentid" => CommentId.ToString(),
        "invitationid" => InvitationId.ToString(),
        "meetingid" => MeetingId.ToString(),
        "decisionid" or "supersedesid" => DecisionId.ToString(),
        "agendaitemid" => AgendaItemId.ToString(),
        "disputeid" => DisputeId.ToString(),
        "proposalid" => ProposalId.ToString(),
        "replytoid" => MessageId.ToString(),
        "agreementid" => AgreementId.ToString(),
        "roundid" => RoundId.ToString(),
        "changeid" => ChangeId.ToString(),
        "fileid" => FileId.ToString(),
        "occurrence" => OccurrenceKey,
        // The id of a meeting link: the valid bodies link a goal.
        "id" => GoalId.ToString(),
        "partyid" or "ownerpartyid" or "party" => PartyId.ToString(),
        "userid" or "owneruserid" or "facilitatoruserid" or "owner" => MemberId,
        _ => null,
    };

    /// <summary>
    /// Everything an owner can read of the partnership, as one text: equal before and after means nothing changed.
    /// </summary>
    public async Task<string> SnapshotAsync(CancellationToken ct)
    {
        var text = new StringBuilder();
        foreach (var path in new[]
        {
            "", "/goals", "/action-items", "/documents", $"/documents/{DocumentId}",
            $"/documents/{DocumentId}/comments", "/invitations", "/activity",
            $"/meetings/{MeetingId}", $"/meetings/{MeetingId}/agenda?occurrence={OccurrenceKey}", "/decisions",
            "/disputes", $"/disputes/{DisputeId}", $"/disputes/{DisputeId}/notes", "/reviews", $"/reviews/{RoundId}",
            "/files",
        })
        {
            using var response = await Owner.Http.GetAsync(Url(path), ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}");
            text.Append(path).Append(": ").AppendLine(await response.Content.ReadAsStringAsync(ct));
        }
        return text.ToString();
    }

    /// <summary>
    /// A body for <paramref name="contract"/> that this partnership accepts at <paramref name="endpoint"/>; null when
    /// none is known.
    /// </summary>
    public async Task<JsonObject?> ValidBodyAsync(Type contract, ApiEndpoint endpoint, CancellationToken ct)
    {
        var update = endpoint.Method == "PUT";
        object? body = contract.Name switch
        {
            "ActionItemInput" => new
            {
                title = "Probe", notes = "", ownerUserId = Owner.Id, dueDate = "2027-02-01", status = "Open",
                goalId = GoalId,
                meetingId = MeetingId, documentId = DocumentId,
                version = update ? await VersionAsync("/action-items", ItemId, ct) : 0,
            },
            "MoveInput" => new
            {
                status = "InProgress", sortOrder = 3.5, version = await VersionAsync("/action-items", ItemId, ct),
            },
            "GoalInput" => new
            {
                title = "Probe goal", description = "", successCriteria = "", ownerPartyId = PartyId,
                targetDate = "2027-06-30", status = "AtRisk",
                version = update ? await VersionAsync("/goals", GoalId, ct) : 0,
            },
            "KpiInput" => new
            {
                name = "Probe KPI", unit = "t", direction = "HigherIsBetter", baseline = 1.5, target = 90,
                ownerPartyId = PartyId, goalId = GoalId,
                version = update ? await VersionAsync("/kpis", KpiId, ct) : 0,
            },
            "MeasurementInput" => new { date = Today, value = 41.25, note = "probe" },
            "InviteRequest" => new
            {
                partyId = PartyId, email = $"probe.{Guid.NewGuid():N}@example.org", role = "Viewer",
                isPartyAdmin = false,
            },
            "AddCommentRequest" => new { body = "probe", quote = (string?)null, anchor = (object?)null },
            "ChangeMemberRequest" => new { role = "Commenter", isPartyAdmin = false },
            "ResolveCommentRequest" => new { resolved = true },
            "CreateDocumentRequest" or "RenameDocumentRequest" => new { title = "Probe document" },
            "RenameRequest" or "AddPartyRequest" => new { name = $"Probe {Guid.NewGuid():N}" },
            "MarkdownPreviewRequest" => new { markdown = "# probe" },
            "NameVersionRequest" => new { name = "Probe version" },
            "MeetingInput" => MeetingBody("Probe", Owner.Id, update ? await MeetingVersionAsync(ct) : 0),
            "MoveOccurrenceInput" => new { start = "2027-03-01T14:30:00" },
            "AgendaItemInput" => AgendaBody(Owner.Id, GoalId),
            "AgendaOrderInput" => new
            {
                occurrence = Occurrence, itemIds = (await AgendaAsync(ct)).Reverse().ToArray(),
                version = await AgendaOrderVersionAsync(ct),
            },
            "DecisionInput" => DecisionBody(PartyId, GoalId),
            // Facilitator mode, in the order the endpoints replay: start, steps, attendance, hand-over, captures, end.
            "RunStepInput" => new { occurrence = Occurrence },
            "AttendanceInput" => new { occurrence = Occurrence, userId = Owner.Id, present = true },
            "HandOverInput" => new { occurrence = Occurrence, userId = Owner.Id },
            "CaptureDecisionInput" => new { occurrence = Occurrence, text = "Probe capture", why = "" },
            "CaptureActionInput" => new
            {
                occurrence = Occurrence, title = "Probe action", ownerUserId = Owner.Id, dueDate = "2027-03-08",
            },
            "EndRunInput" => new { occurrence = Occurrence, items = Array.Empty<object>() },
            "MeetingNotesInput" => new { occurrence = Occurrence },
            "ProduceMinutesInput" => new { occurrence = Occurrence, language = "en", replaceEdits = true },
            "CreateAgreementRequest" => new { title = "Probe agreement", language = "en" },
            "ApproveRequest" => new { revision = await ReviewedRevisionAsync(ct) },
            "SignatoriesRequest" => new { userIds = new[] { Owner.Id } },
            "LinkClauseRequest" => new { number = "5" },
            "ResolveClauseRequest" =>
                new { agreementId = AgreementId, revision = 1, from = 0, to = 5, number = "1", title = "Parties" },
            "CreateObligationRequest" => new
            {
                clauseNumber = "5", title = "Probe report", partyId = PartyId, schedule = "once", start = "2027-01-01",
                offsetDays = 0, occurrences = 1,
            },
            "DecisionRevisionInput" => new
            {
                text = "Probe decision, reworded", why = "", partyIds = new[] { PartyId },
                links = new[] { new { kind = "Goal", id = GoalId } }, reason = "Probe",
                revision = await RevisionAsync(ct),
            },
            _ => await DisputeBodyAsync(contract.Name, ct),
        };
        return body is null ? null : JsonSerializer.SerializeToNode(body, TestPartnership.Json)!.AsObject();
    }

    private async Task<object?> DisputeBodyAsync(string contract, CancellationToken ct) => contract switch
    {
        "RaiseDisputeInput" => new
        {
            title = "Probe dispute", description = "", category = "Payment", severity = "High",
            clause = new { agreementId = AgreementId, clause = "4" },
            evidence = new[] { new { kind = "Document", id = DocumentId } },
            steps = new[] { new { name = "Talk", days = 7 } },
        },
        "AdvanceStepInput" => new
        {
            fromStep = (await OkAsync(Owner.Http.GetJsonAsync(Url($"/disputes/{DisputeId}"), ct)))
                .GetProperty("currentStep")
                .GetInt32(),
            note = "Probe",
        },
        "DisputeMessageInput" => new { text = "Probe reply", replyToId = MessageId },
        "DisputeNoteInput" => new { text = "Probe note" },
        "ProposalInput" => new
        {
            text = "Probe proposal",
            actionItems = new[] { new { title = "Probe item", ownerUserId = Owner.Id, dueDate = "2027-02-01" } },
            decision = new { meetingId = MeetingId, occurrence = Occurrence, text = "Probe decision" },
        },
        "AnswerInput" => new { accept = true },
        _ => ReviewBody(contract),
    };

    /// <summary>
    /// Sends the agreement for approval (again), has the partner party approve it, and answers its current revision:
    /// the owner's approval then signs it (the routes after it, such as amendments, need a signed agreement).
    /// </summary>
    private async Task<long> ReviewedRevisionAsync(CancellationToken ct)
    {
        var (status, body) = await Owner.Http.PostJsonAsync(Url($"/agreements/{AgreementId}/review"), new { }, ct);
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        var revision = body.GetProperty("signOff").GetProperty("revision").GetInt64();
        // The partner's party is in the round only when the round began after it joined (a first review before that
        // asks the owner's party alone): then its approval is needed, otherwise it is refused and not needed.
        var signOff = body.GetProperty("signOff").GetProperty("requiredParties").EnumerateArray();
        if (Partner is not null && signOff.Count() > 1)
        {
            await OkAsync(Partner.Http.PostJsonAsync(Url($"/agreements/{AgreementId}/approve"), new { revision }, ct));
        }
        return revision;
    }

    /// <summary>
    /// The current version of a goal, KPI or item, or 0 when the route has none (versions go in DELETE's query).
    /// </summary>
    public async Task<int> VersionAsync(string list, Guid id, CancellationToken ct)
    {
        var (_, body) = await Owner.Http.GetJsonAsync(Url(list == "/action-items" ? list : "/goals"), ct);
        var all = list switch
        {
            "/action-items" => body.EnumerateArray(),
            "/kpis" => body.GetProperty("kpis").EnumerateArray(),
            _ => body.GetProperty("goals").EnumerateArray(),
        };
        return all.Single(e => e.GetProperty("id").GetGuid() == id).GetProperty("version").GetInt32();
    }

    private async Task<int> MeetingVersionAsync(CancellationToken ct) =>
        (await OkAsync(Owner.Http.GetJsonAsync(Url($"/meetings/{MeetingId}"), ct))).GetProperty("version").GetInt32();

    private async Task<int> AgendaOrderVersionAsync(CancellationToken ct) =>
        (await OkAsync(Owner.Http.GetJsonAsync(Url($"/meetings/{MeetingId}/agenda/order?occurrence={OccurrenceKey}"),
            ct))).GetProperty("version").GetInt32();

    /// <summary>The ids of the first occurrence's agenda, in its current order.</summary>
    private async Task<Guid[]> AgendaAsync(CancellationToken ct) =>
        [.. (await OkAsync(Owner.Http.GetJsonAsync(
                Url($"/meetings/{MeetingId}/agenda?occurrence={OccurrenceKey}"), ct)))
            .EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];

    /// <summary>The current revision of the world's decision.</summary>
    private async Task<int> RevisionAsync(CancellationToken ct) =>
        (await OkAsync(Owner.Http.GetJsonAsync(Url("/decisions"), ct))).EnumerateArray()
            .Single(d => d.GetProperty("id").GetGuid() == DecisionId).GetProperty("revision").GetInt32();

    /// <summary>The version a DELETE of this route must carry in its query to be current.</summary>
    public Task<int> VersionForRouteAsync(string pattern, CancellationToken ct) =>
        pattern.Contains("{itemId", StringComparison.Ordinal) ? VersionAsync("/action-items", ItemId, ct)
        : pattern.Contains("{kpiId", StringComparison.Ordinal) ? VersionAsync("/kpis", KpiId, ct)
        : pattern.Contains("{goalId", StringComparison.Ordinal) ? VersionAsync("/goals", GoalId, ct)
        : Task.FromResult(0);

    private static async Task<JsonElement> OkAsync(Task<(HttpStatusCode Status, JsonElement Body)> call)
    {
        var (status, body) = await call;
        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Created, $"{(int)status}: {body}");
        return body;
    }
}

public static class JsonPaths
{
    /// <summary>
    /// Sets <paramref name="path"/> (<c>anchor.from</c>) in <paramref name="body"/>, making the records on the way.
    /// </summary>
    public static JsonObject With(this JsonObject body, string path, JsonNode? value)
    {
        var copy = JsonNode.Parse(body.ToJsonString())!.AsObject();
        var parts = path.Split('.');
        var at = copy;
        foreach (var part in parts[..^1])
        {
            if (at[part] is not JsonObject inner)
            {
                at[part] = inner = new JsonObject();
            }
            at = inner;
        }
        at[parts[^1]] = value;
        return copy;
    }
}
