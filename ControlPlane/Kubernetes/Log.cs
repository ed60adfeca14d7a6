using Microsoft.Extensions.Logging;

namespace MizarNF.ControlPlane.Kubernetes;

/// <summary>The Kubernetes adapter's log events (stable ids, from 100: the reconciler's own start at 1).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Debug, Message = "{Resource}: listed {Count} objects at resourceVersion {ResourceVersion}")]
    public static partial void Listed(ILogger logger, string resource, int count, string resourceVersion);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "{Resource}: watch failed: {Message}")]
    public static partial void WatchFailed(ILogger logger, string resource, string message);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "{Resource}: resourceVersion {ResourceVersion} is gone (410); listing again")]
    public static partial void WatchExpired(ILogger logger, string resource, string resourceVersion);

    [LoggerMessage(EventId = 103, Level = LogLevel.Debug, Message = "{Object}: {What} patch not applied ({Status}): the object is gone or changed")]
    public static partial void PatchOutdated(ILogger logger, string @object, string what, int status);

    [LoggerMessage(EventId = 104, Level = LogLevel.Warning, Message = "{Object}: {What} patch failed: {Message}")]
    public static partial void PatchFailed(ILogger logger, string @object, string what, string message);

    [LoggerMessage(EventId = 105, Level = LogLevel.Information, Message = "Node {Name} is not a MizarNF node yet: {Missing}")]
    public static partial void NodeSkipped(ILogger logger, string name, string missing);

    [LoggerMessage(EventId = 106, Level = LogLevel.Warning, Message = "{Object} ignored: {Key} already comes from {Owner}")]
    public static partial void NameTaken(ILogger logger, string @object, string key, string owner);

    [LoggerMessage(EventId = 107, Level = LogLevel.Error, Message = "{What} failed")]
    public static partial void WorkFailed(ILogger logger, string what, Exception error);

    [LoggerMessage(EventId = 108, Level = LogLevel.Information, Message = "{Identity} leads (Lease {Namespace}/{Name})")]
    public static partial void Leading(ILogger logger, string identity, string @namespace, string name);

    [LoggerMessage(EventId = 109, Level = LogLevel.Information, Message = "{Identity} stopped leading")]
    public static partial void StoppedLeading(ILogger logger, string identity);

    [LoggerMessage(EventId = 110, Level = LogLevel.Information, Message = "the leader is {Leader}")]
    public static partial void NewLeader(ILogger logger, string leader);

    [LoggerMessage(EventId = 111, Level = LogLevel.Warning, Message = "leader election: {Message}")]
    public static partial void ElectionError(ILogger logger, string message);

    [LoggerMessage(EventId = 112, Level = LogLevel.Warning, Message = "listing failed, retrying: {Message}")]
    public static partial void ListFailed(ILogger logger, string message);

    [LoggerMessage(EventId = 113, Level = LogLevel.Information, Message = "started from the API server: {Objects} objects listed, {Seeded} with a status to keep")]
    public static partial void Started(ILogger logger, int objects, int seeded);

    [LoggerMessage(EventId = 114, Level = LogLevel.Error, Message = "the leader's work stopped; starting it again")]
    public static partial void TermFailed(ILogger logger, Exception error);
}
