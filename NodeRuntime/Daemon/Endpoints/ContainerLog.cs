namespace MizarNF.NodeRuntime.Endpoints;

/// <summary>Log events of the CNI side (ids 20-29, stable).</summary>
internal static partial class ContainerLog
{
    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "endpoint {Id} attached to container {ContainerId} as {Ifname} in {ElapsedMs:0.0} ms ({Phases})")]
    public static partial void Attached(ILogger logger, string id, string containerId, string ifname, double elapsedMs, string phases);

    [LoggerMessage(EventId = 21, Level = LogLevel.Information, Message = "endpoint {Id} detached from container {ContainerId} ({Ifname}; {Phases})")]
    public static partial void Detached(ILogger logger, string id, string containerId, string ifname, string phases);
}
