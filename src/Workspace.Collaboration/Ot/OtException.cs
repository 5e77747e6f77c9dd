namespace Workspace.Collaboration.Ot;

/// <summary>
/// Thrown when an operation is malformed, does not fit a document, or cannot be inverted.
/// The message names the offending component so a client can be told exactly what was wrong.
/// </summary>
public sealed class OtException : Exception
{
    public OtException()
    {
    }

    public OtException(string message)
        : base(message)
    {
    }

    public OtException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
