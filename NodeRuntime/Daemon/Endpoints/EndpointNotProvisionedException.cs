namespace MizarNF.NodeRuntime.Endpoints;

/// <summary>A CNI ADD asked for an endpoint that the control plane has not provisioned on this node (in time).</summary>
public sealed class EndpointNotProvisionedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EndpointNotProvisionedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public EndpointNotProvisionedException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public EndpointNotProvisionedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
