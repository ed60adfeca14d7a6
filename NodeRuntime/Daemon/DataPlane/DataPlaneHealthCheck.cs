using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MizarNF.NodeRuntime.DataPlane;

/// <summary>Healthy while the transit pipeline is the program attached to the main interface.</summary>
public sealed class DataPlaneHealthCheck(NodeDataPlane dataPlane) : IHealthCheck
{
    /// <inheritdoc/>
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var attached = dataPlane.TransitAttachment.AttachedProgramId();
        return Task.FromResult(attached == dataPlane.Transit.Program.Id
            ? HealthCheckResult.Healthy($"transit {dataPlane.TransitAttachment.Mode}")
            : HealthCheckResult.Unhealthy($"transit program {dataPlane.Transit.Program.Id} is not attached (found {attached})"));
    }
}
