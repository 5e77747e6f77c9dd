using Workspace.Server.Kernel.ChecklistLinks;

namespace Workspace.Server.Features.ActionItems;

/// <summary>The action items' limits, used by the request contracts, the EF model and the grain alike.</summary>
public static class ActionItemLimits
{
    /// <summary>A task line's title becomes the item's title, so both share one limit.</summary>
    public const int TitleMax = Checklist.MaxTitleLength;

    public const int NotesMax = 4000;
}
