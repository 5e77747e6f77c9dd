using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Workspace.Collaboration.Errors;
using Workspace.Server.Data;
using Workspace.Server.Features.ActionItems;
using Workspace.Server.Features.Documents;
using Workspace.Server.Kernel;
using Workspace.Server.Kernel.ClauseLinks;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Features.Agreements;

public sealed record CreateObligationRequest(
    [property: Required, MaxLength(32)] string ClauseNumber,
    [property: Required, MaxLength(300)] string Title,
    Guid PartyId,
    [property: Required, MaxLength(16)] string Schedule,
    [property: SensibleDate] DateOnly Start,
    [property: Range(0, 365)] int OffsetDays,
    [property: Range(1, 12)] int Occurrences);

public sealed record ObligationView(
    Guid Id, Guid AgreementId, string ClauseNumber, string ClauseTitle, string Title, Guid PartyId, string Schedule,
    DateOnly Start, int OffsetDays, IReadOnlyList<DateOnly> DueDates, IReadOnlyList<ActionItemView> ActionItems);

public sealed record AgreementsForMe(IReadOnlyList<AgreementSummary> AwaitingMyApproval, IReadOnlyList<ObligationDue>
    ObligationsDue);

public sealed record ObligationDue(Guid AgreementId, string AgreementTitle, string ClauseNumber, ActionItemView Item);

/// <summary>
/// Dated obligations of a clause: each due date becomes an action item of the responsible party (its first signatory
/// owns it), linked to the agreement's document and naming the clause; and what the dashboard shows me.
/// </summary>
public static class AgreementObligations
{
    public static void MapAgreementObligations(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/{agreementId:guid}/obligations", ListAsync);
        group.MapPost("/{agreementId:guid}/obligations", CreateAsync).RequireMember(PartnershipRole.Editor);
        group.MapGet("/mine", MineAsync);
    }

    /// <summary>The due dates: once on the start date; otherwise the given days after the end of each period.</summary>
    public static IReadOnlyList<DateOnly> DueDates(string schedule, DateOnly start, int offsetDays, int occurrences)
    {
        var months = schedule switch { ObligationSchedule.Monthly => 1, ObligationSchedule.Quarterly => 3,
            ObligationSchedule.Yearly => 12, _ => 0 };
        if (months == 0)
        {
            return [start.AddDays(offsetDays)];
        }
        return [.. Enumerable.Range(0, occurrences).Select(k => start.AddMonths((k + 1) * months).AddDays(-1 +
            offsetDays))];
    }

    private static async Task<Ok<List<ObligationView>>> ListAsync(
        Guid partnershipId, Guid agreementId, WorkspaceDb db, IGrainFactory grains, AgreementClauses clauses,
        CancellationToken ct)
    {
        var agreement = await AgreementAccess.LoadAsync(db, partnershipId, agreementId, ct);
        var rows = await db.Set<AgreementObligation>().AsNoTracking()
            .Where(o => o.PartnershipId == partnershipId && o.AgreementId == agreement.Id).ToListAsync(ct);
        var items = (await grains.GetGrain<IActionItemsGrain>(partnershipId).GetAllAsync()).ToDictionary(i => i.Id);
        var views = new List<ObligationView>();
        foreach (var o in rows.OrderBy(o => o.CreatedAt))
        {
            var clause = await clauses.ResolveAsync(partnershipId, new ClauseRef(agreement.Id, o.AnchorRevision,
                o.AnchorFrom, o.AnchorTo, o.ClauseNumber, ""), ct);
            var ids = JsonSerializer.Deserialize<List<Guid>>(o.ActionItemIds) ?? [];
            views.Add(new ObligationView(o.Id, agreement.Id, clause?.Number ?? o.ClauseNumber, clause?.Title ?? "",
                o.Title,
                o.PartyId, o.Schedule, o.Start, o.OffsetDays, DueDates(o.Schedule, o.Start, o.OffsetDays,
                    o.Occurrences),
                [.. ids.Where(items.ContainsKey).Select(id => items[id])]));
        }
        return TypedResults.Ok(views);
    }

    private static async Task<Results<Created<ObligationView>, ValidationProblem>> CreateAsync(
        Guid partnershipId, Guid agreementId, CreateObligationRequest request, HttpContext http, WorkspaceDb db,
        IGrainFactory grains, AgreementClauses clauses, CancellationToken ct)
    {
        var agreement = await AgreementAccess.LoadAsync(db, partnershipId, agreementId, ct);
        if (!ObligationSchedule.All.Contains(request.Schedule))
        {
            return Problems.Invalid("schedule", ErrorCodes.UnknownOption,
                "The schedule is once, monthly, quarterly or yearly.");
        }
        var partnership = (await grains.GetGrain<IPartnershipGrain>(partnershipId).GetAsync())!;
        if (!partnership.Parties.Any(p => p.Id == request.PartyId))
        {
            return Problems.Invalid("partyId", ErrorCodes.UnknownParty,
                "That organisation is not part of this partnership.");
        }
        if (await clauses.LinkAsync(partnershipId, agreement.Id, request.ClauseNumber, ct) is not { } link)
        {
            return Problems.Invalid("clauseNumber", ErrorCodes.UnknownClause,
                "This agreement has no clause with that number.");
        }
        var owner = (await AgreementAccess.SignatoriesAsync(db, partnership,
            ct))[request.PartyId].FirstOrDefault()?.UserId
            ?? partnership.Members.FirstOrDefault(m => m.PartyId == request.PartyId)?.UserId;
        var actor = DocumentApi.Actor(http);
        var dues = DueDates(request.Schedule, request.Start, request.OffsetDays, request.Occurrences);
        var created = new List<ActionItemView>();
        var itemsGrain = grains.GetGrain<IActionItemsGrain>(partnershipId);
        foreach (var due in dues)
        {
            var notes = $"§{link.Number} {link.Title} — {agreement.Title}";
            var outcome = await itemsGrain.CreateAsync(actor, new ActionItemInput(request.Title.Trim(), notes, owner,
                due, ActionStatus.Open, null, null, agreement.DocumentId, 0,
                new ClauseLinkInput(agreement.Id, link.Number)));
            if (outcome.Kind != OutcomeKind.Ok)
            {
                return Problems.Invalid(outcome.Field ?? "title", outcome.Code ?? ErrorCodes.InvalidValue,
                    outcome.Error ?? "");
            }
            created.Add(outcome.Value!);
        }
        var row = new AgreementObligation
        {
            Id = Guid.NewGuid(), PartnershipId = partnershipId, AgreementId = agreement.Id, ClauseNumber = link.Number,
            AnchorRevision = link.Revision, AnchorFrom = link.From, AnchorTo = link.To, Title = request.Title.Trim(),
            PartyId = request.PartyId, Schedule = request.Schedule, Start = request.Start, OffsetDays =
                request.OffsetDays,
            Occurrences = request.Schedule == ObligationSchedule.Once ? 1 : request.Occurrences,
            ActionItemIds = JsonSerializer.Serialize(created.Select(c => c.Id)), CreatedBy = actor.UserId,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Add(row);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/partnerships/{partnershipId}/agreements/{agreement.Id}/obligations",
            new ObligationView(row.Id, agreement.Id, link.Number, link.Title, row.Title, row.PartyId, row.Schedule,
                row.Start,
                row.OffsetDays, dues, created));
    }

    /// <summary>Agreements awaiting my approval, and open obligation items of my organisation due within 30
    /// days.</summary>
    private static async Task<Ok<AgreementsForMe>> MineAsync(
        Guid partnershipId, HttpContext http, WorkspaceDb db, IGrainFactory grains, TimeProvider clock,
            CancellationToken ct)
    {
        var me = http.Member();
        var mayApprove = await AgreementAccess.IsSignatoryAsync(db, partnershipId, me, ct);
        var summaries = await AgreementAccess.SummariesAsync(db, partnershipId, me, mayApprove, ct);
        var obligations = await db.Set<AgreementObligation>().AsNoTracking()
            .Where(o => o.PartnershipId == partnershipId && o.PartyId == me.PartyId).ToListAsync(ct);
        var items = (await grains.GetGrain<IActionItemsGrain>(partnershipId).GetAllAsync()).ToDictionary(i => i.Id);
        var horizon = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(30);
        var due = obligations.SelectMany(o => (JsonSerializer.Deserialize<List<Guid>>(o.ActionItemIds) ?? [])
                .Where(items.ContainsKey).Select(id => (o, Item: items[id])))
            .Where(x => x.Item.Status != ActionStatus.Done && x.Item.DueDate <= horizon)
            .OrderBy(x => x.Item.DueDate)
            .Select(x => new ObligationDue(x.o.AgreementId, summaries.FirstOrDefault(s => s.Id ==
                x.o.AgreementId)?.Title ?? "",
                x.o.ClauseNumber, x.Item)).ToList();
        return TypedResults.Ok(new AgreementsForMe([.. summaries.Where(s => s.AwaitingMyApproval)], due));
    }
}
