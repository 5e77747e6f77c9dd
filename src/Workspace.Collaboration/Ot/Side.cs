namespace Workspace.Collaboration.Ot;

/// <summary>
/// Tie-break for two inserts at the same position during <see cref="TextType.Transform"/>:
/// the <see cref="Left"/> op's insert goes first. Matches npm's <c>'left'</c> / <c>'right'</c>.
/// </summary>
public enum Side
{
    Left,
    Right,
}
