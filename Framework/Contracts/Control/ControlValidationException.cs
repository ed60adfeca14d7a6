namespace MizarNF.Contracts.Control;

/// <summary>A control request is invalid; nothing was written.</summary>
public sealed class ControlValidationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ControlValidationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ControlValidationException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ControlValidationException()
    {
    }
}
