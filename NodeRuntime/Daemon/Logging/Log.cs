namespace MizarNF.NodeRuntime.Logging;

/// <summary>The daemon's log events (stable ids; never per packet).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "node {Node} ({Ip}) ready: transit {TransitMode}, agent {AgentHook}, functions {Functions}")]
    public static partial void DataPlaneReady(ILogger logger, string node, string ip, string transitMode, string agentHook, string functions);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "endpoint {Id} provisioned: {Ip} in VNI {Vni} on {HostIfname} in {ElapsedMs:0.0} ms ({Phases})")]
    public static partial void EndpointProvisioned(ILogger logger, string id, string ip, uint vni, string hostIfname, double elapsedMs, string phases);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "endpoint {Id} deleted")]
    public static partial void EndpointDeleted(ILogger logger, string id);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "adopted endpoint {Id} on {HostIfname}")]
    public static partial void EndpointAdopted(ILogger logger, string id, string hostIfname);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "endpoint {Id}: its interface {HostIfname} is gone; forgetting it")]
    public static partial void EndpointLost(ILogger logger, string id, string hostIfname);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "removed orphan interface {Ifname}")]
    public static partial void OrphanRemoved(ILogger logger, string ifname);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "request refused: {Reason}")]
    public static partial void RequestRefused(ILogger logger, string reason);
}
