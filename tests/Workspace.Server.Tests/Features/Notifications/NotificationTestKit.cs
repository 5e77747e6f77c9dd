using System.Net;
using System.Text.Json;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Server.Tests.Features.Notifications;

/// <summary>
/// Two organisations in one partnership — A's owner (Rina), A's commenter (Sari), B's editor and party admin (Budi) —
/// and a second partnership with people of its own (Other).
/// </summary>
internal sealed record NotificationWorld(WorkspaceFactory Factory, TestPartnership P, Guid PartyA, Guid PartyB,
    TestUser Sari, TestUser Budi, TestPartnership Other)
{
    public TestUser Rina => P.Owner;

    public static async Task<NotificationWorld> CreateAsync(WorkspaceFactory factory, string name,
        CancellationToken ct)
    {
        var p = await TestPartnership.CreateAsync(factory, $"{name} Rina", $"{name} A", ct);
        var partyB = await p.Owner.AddPartyAsync(p.Id, $"{name} B", ct);
        var sari = await factory.JoinAsync(p.Owner, p.Id, PartnershipRole.Commenter, $"{name} Sari", ct: ct);
        var budi = await factory.JoinAsync(p.Owner, p.Id, PartnershipRole.Editor, $"{name} Budi", partyB.Id,
            isPartyAdmin: true, ct: ct);
        var other = await TestPartnership.CreateAsync(factory, $"{name} Other", $"{name} O", ct);
        return new NotificationWorld(factory, p, p.OwnerPartyId, partyB.Id, sari, budi, other);
    }

    public async Task<JsonElement> AssignAsync(TestUser by, string title, TestUser? owner, CancellationToken ct) =>
        await OkAsync(by.Http.PostJsonAsync(P.Url("/action-items"), new
        {
            title, notes = (string?)null, ownerUserId = owner?.Id, dueDate = (string?)null, status = "Open",
            version = 0,
        }, ct));

    public static async Task<JsonElement> ListAsync(TestUser user, CancellationToken ct, string query = "") =>
        await OkAsync(user.Http.GetJsonAsync($"/api/notifications{query}", ct));

    public static async Task<List<JsonElement>> ItemsAsync(TestUser user, CancellationToken ct) =>
        [.. (await ListAsync(user, ct)).GetProperty("items").EnumerateArray()];

    public static async Task<int> UnreadAsync(TestUser user, CancellationToken ct) =>
        (await OkAsync(user.Http.GetJsonAsync("/api/notifications/unread", ct))).GetProperty("unread").GetInt32();

    public static async Task<JsonElement> OkAsync(Task<(HttpStatusCode Status, JsonElement Body)> call)
    {
        var (status, body) = await call;
        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Created, $"{(int)status}: {body}");
        return body;
    }
}
