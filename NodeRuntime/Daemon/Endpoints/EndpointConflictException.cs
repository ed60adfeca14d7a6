namespace MizarNF.NodeRuntime.Endpoints;

/// <summary>The request clashes with an endpoint that already exists.</summary>
public sealed class EndpointConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EndpointConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public EndpointConflictException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public EndpointConflictException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
