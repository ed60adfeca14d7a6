namespace MizarNF.NodeRuntime.Endpoints;

/// <summary>An iproute2 command failed.</summary>
public sealed class IpCommandException : Exception
{
    /// <summary>Creates the exception.</summary>
    public IpCommandException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public IpCommandException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public IpCommandException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
