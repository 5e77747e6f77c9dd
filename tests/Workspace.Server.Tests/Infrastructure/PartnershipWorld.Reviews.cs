namespace Workspace.Server.Tests.Infrastructure;

/// <summary>The world's reviews: an open round asking about the world's goal, and a closed one with an agreed
/// change (changes are noted on closed rounds only).</summary>
public sealed partial record PartnershipWorld
{
    public Guid RoundId { get; init; }
    public Guid ChangeId { get; init; }

    private async Task<PartnershipWorld> WithReviewsAsync(CancellationToken ct)
    {
        var round = new
        {
            title = "Probe review", periodFrom = "2026-01-01", periodTo = "2026-06-30", closesOn = Today,
        };
        var closed = (await OkAsync(Owner.Http.PostJsonAsync(Url("/reviews"), round, ct))).GetProperty("id").GetGuid();
        await OkAsync(Owner.Http.PostJsonAsync(Url($"/reviews/{closed}/close"), new { }, ct));
        var noted = await OkAsync(Owner.Http.PostJsonAsync(Url($"/reviews/{closed}/changes"),
            new { text = "Probe agreed change" }, ct));
        var open = await OkAsync(Owner.Http.PostJsonAsync(Url("/reviews"), round, ct));
        return this with
        {
            RoundId = open.GetProperty("id").GetGuid(),
            ChangeId = noted.GetProperty("changes")[0].GetProperty("id").GetGuid(),
        };
    }

    /// <summary>
    /// Takes the step a control request needs first: agreed changes are noted on a closed round, so the open round
    /// is closed (once) before its changes' control. Called after the probes, so it never hides a probe's change.
    /// </summary>
    public async Task BeforeControlAsync(ApiEndpoint endpoint, CancellationToken ct)
    {
        if (endpoint.Pattern.EndsWith("/reviews/{roundId:guid}/changes", StringComparison.Ordinal))
        {
            await Owner.Http.PostJsonAsync(Url($"/reviews/{RoundId}/close"), new { }, ct);
        }
    }

    private object? ReviewBody(string contract) => contract switch
    {
        "OpenReviewInput" => new { title = "Probe round", periodFrom = "2026-01-01", periodTo = "2026-03-31",
            closesOn = Today },
        "ReviewAnswerInput" => new
        {
            overall = 4, communication = 3, fairness = 5, progress = 2,
            goals = new[] { new { goalId = GoalId, score = 4 } }, whatWorks = "Probe", whatShouldChange = "",
            userId = Owner.Id,
        },
        "ReviewChangeInput" => new { text = "Probe change" },
        "ChangeToItemInput" => new { ownerUserId = MemberId, dueDate = "2027-02-01" },
        _ => null,
    };
}
