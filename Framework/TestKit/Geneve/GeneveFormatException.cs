namespace MizarNF.TestKit.Geneve;

/// <summary>Bytes that are not a well-formed Geneve packet or header (RFC 8926).</summary>
public sealed class GeneveFormatException : FormatException
{
    /// <summary>Creates the exception with a default message.</summary>
    public GeneveFormatException()
        : base("Malformed Geneve packet.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public GeneveFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public GeneveFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
