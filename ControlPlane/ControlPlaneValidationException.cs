namespace MizarNF.ControlPlane;

/// <summary>
/// An object was refused: it is invalid on its own or against what the store holds (unknown VPC,
/// overlapping subnet, exhausted address space...). Thrown before any store write or node call,
/// so nothing already provisioned is disturbed. The message says why.
/// </summary>
public sealed class ControlPlaneValidationException : Exception
{
    /// <summary>A refusal without a reason (prefer the other constructors).</summary>
    public ControlPlaneValidationException()
    {
    }

    /// <summary>A refusal saying why.</summary>
    public ControlPlaneValidationException(string message)
        : base(message)
    {
    }

    /// <summary>A refusal saying why, caused by <paramref name="innerException"/>.</summary>
    public ControlPlaneValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
