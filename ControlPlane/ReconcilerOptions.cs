using MizarNF.ControlPlane.Allocation;

namespace MizarNF.ControlPlane;

/// <summary>How a <see cref="Reconciler"/> allocates and tells time.</summary>
public sealed record ReconcilerOptions
{
    /// <summary>The VNI range handed out (narrow it in tests to reach exhaustion).</summary>
    public VniAllocator Vnis { get; init; } = new();

    /// <summary>The clock of timestamps and condition transitions.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
