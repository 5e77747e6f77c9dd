namespace Workspace.Server.Features.Documents;

/// <summary>The documents' limits, used by the request contracts, the EF model and the grain alike.</summary>
public static class DocumentLimits
{
    /// <summary>The column's size; <see cref="DocumentOptions.MaxTitleLength"/> may only lower it.</summary>
    public const int TitleMax = 200;

    /// <summary>A co-editing client's own id, kept with every operation it submitted.</summary>
    public const int ClientIdMax = 64;

    /// <summary>The name of a guard's kind (<see cref="IDocumentGuardKind.Name"/>).</summary>
    public const int GuardMax = 40;
}
