using Microsoft.Extensions.Logging;

namespace MizarNF.ControlPlane.Reconciliation;

/// <summary>The control plane's log events (stable ids).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Kind} {Name} generation {Generation} applied: Ready={Ready} ({Reason})")]
    public static partial void Applied(ILogger logger, string kind, string name, long generation, bool ready, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "{Kind} {Name} refused: {Message}")]
    public static partial void Refused(ILogger logger, string kind, string name, string message);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "{Kind} {Name} deleted")]
    public static partial void Deleted(ILogger logger, string kind, string name);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "{Kind} {Name} deletion pending: {Message}")]
    public static partial void DeletionPending(ILogger logger, string kind, string name, string message);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "node {Node}: {What} failed: {Code} {Detail}")]
    public static partial void NodeCallFailed(ILogger logger, string node, string what, string code, string detail);

    [LoggerMessage(EventId = 6, Level = LogLevel.Debug, Message = "endpoint {Name} provisioned: {Ip} on {Node} in {Milliseconds} ms")]
    public static partial void EndpointProvisioned(ILogger logger, string name, string ip, string node, double milliseconds);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "reconciled {Objects} objects, retried {Retried}, not ready {NotReady}")]
    public static partial void Reconciled(ILogger logger, int objects, int retried, int notReady);

    [LoggerMessage(EventId = 8, Level = LogLevel.Information, Message = "VPC {Name} dividers [{From}] -> [{To}]")]
    public static partial void DividersChanging(ILogger logger, string name, string from, string to);
}
