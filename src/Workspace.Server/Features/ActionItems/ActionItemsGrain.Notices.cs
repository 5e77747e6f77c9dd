using Workspace.Server.Kernel;

namespace Workspace.Server.Features.ActionItems;

/// <summary>Who is told what: a new owner of an item learns it was given to them (unless they took it themselves),
/// saved with the change that gave it.</summary>
public sealed partial class ActionItemsGrain
{
    private Notice? Assigned(Actor actor, string? ownerBefore, ActionItem after) =>
        after.OwnerUserId is { } owner && owner != ownerBefore
            ? new Notice(PartnershipId, actor, [owner], "action.assigned",
                new { number = after.Number, title = after.Title }, $"/p/{PartnershipId}/actions?item={after.Number}")
            : null;
}
