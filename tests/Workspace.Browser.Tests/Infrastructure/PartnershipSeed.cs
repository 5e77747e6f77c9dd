using Microsoft.Playwright;

namespace Workspace.Browser.Tests.Infrastructure;

/// <summary>A partnership with something on every page: two organisations, goals, a KPI with measurements, action
/// items.</summary>
public static class PartnershipSeed
{
    public const string LongTitle = "Confirm the warehouse capacity in Karawang, Subang and Indramayu before the "
        + "first harvest "
        + "deliveries start, including cold storage, loading docks, weighbridges, insurance and night security";

    /// <summary>Seeds through the API as Rina (owner) and Budi (editor of the partner organisation); returns the
    /// partnership id.</summary>
    public static async Task<(string PartnershipId, string DocumentId)> FilledAsync(
        IBrowserContext rina,
        IBrowserContext budi)
    {
        var (pid, docId) = await ApiSeed.TwoOrganisationsAsync(rina, budi, "Budi Santoso", "Editor");
        var url = (string path) => $"/api/partnerships/{pid}{path}";
        var partnership = await rina.APIRequest.GetAsync(url(""));
        var view = (await partnership.JsonAsync())!.Value;
        var party = view.GetProperty("parties")[0].GetProperty("id").GetString();
        var budiId = view.GetProperty("members")
            .EnumerateArray()
            .First(m => m.GetProperty("displayName").GetString() == "Budi Santoso")
            .GetProperty("userId")
            .GetString();
        var goal = await ApiSeed.PostAsync(
            rina,
            url("/goals"),
            new {
                title = "Deliver 500 t of rice to partner mills",
                description = "Joint supply plan",
                successCriteria = "500 t delivered",
                ownerPartyId = party,
                targetDate = "2027-06-30",
                status = "OnTrack",
                version = 0
            });
        var kpi = await ApiSeed.PostAsync(
            rina,
            url("/kpis"),
            new {
                name = "Rice delivered",
                unit = "t",
                direction = "HigherIsBetter",
                baseline = 0,
                target = 500,
                ownerPartyId = party,
                goalId = goal.GetProperty("id").GetString(),
                version = 0
            });
        await ApiSeed.PostAsync(
            rina,
            url($"/kpis/{kpi.GetProperty("id").GetString()}/measurements"),
            new { date = "2026-10-01", value = 120, note = "first harvest" });
        await ApiSeed.PostAsync(
            rina,
            url("/action-items"),
            new { title = LongTitle, ownerUserId = budiId, dueDate = "2027-01-15", status = "Open", version = 0 });
        await ApiSeed.PostAsync(
            rina,
            url("/action-items"),
            new {
                title = "Send draft MoU to partner",
                ownerUserId = budiId,
                dueDate = "2026-01-05",
                status = "InProgress",
                version = 0
            });
        return (pid, docId);
    }
}
