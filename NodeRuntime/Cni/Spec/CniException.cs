namespace MizarNF.Cni.Spec;

/// <summary>A failure that the plugin reports as the spec's error JSON on stdout, with a non-zero exit.</summary>
public sealed class CniException : Exception
{
    /// <summary>Creates the error.</summary>
    public CniException(int code, string message, string? details = null)
        : base(message)
    {
        Code = code;
        Details = details;
    }

    /// <summary>Creates an error with the generic plugin code.</summary>
    public CniException()
        : this(CniErrorCode.NodeFailure, "failure")
    {
    }

    /// <summary>Creates an error with the generic plugin code.</summary>
    public CniException(string message)
        : this(CniErrorCode.NodeFailure, message)
    {
    }

    /// <summary>Creates an error with the generic plugin code.</summary>
    public CniException(string message, Exception inner)
        : base(message, inner)
    {
        Code = CniErrorCode.NodeFailure;
    }

    /// <summary>The spec's code (or 100+ for this plugin's own).</summary>
    public int Code { get; }

    /// <summary>Longer text for the "details" field, when there is any.</summary>
    public string? Details { get; }
}
