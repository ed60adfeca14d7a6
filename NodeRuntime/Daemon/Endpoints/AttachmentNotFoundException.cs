namespace MizarNF.NodeRuntime.Endpoints;

/// <summary>No endpoint is attached to the container and interface a CNI CHECK named.</summary>
public sealed class AttachmentNotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AttachmentNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public AttachmentNotFoundException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public AttachmentNotFoundException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
