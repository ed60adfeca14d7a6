using MizarNF.Cni.Daemon;
using MizarNF.Cni.Invocation;
using MizarNF.Cni.Spec;
using MizarNF.NodeApi.V1;

namespace MizarNF.Cni.Verbs;

/// <summary>STATUS: success when the node daemon answers and says it can take pods; error 50 otherwise.</summary>
public static class StatusVerb
{
    /// <summary>Runs STATUS.</summary>
    public static void Run(NetConf conf)
    {
        using var daemon = new NodeDaemon(conf.Socket, conf.Timeout);
        var r = daemon.Call((c, o) => c.GetReadinessAsync(new GetReadinessRequest(), o), "STATUS", unavailableCode: CniErrorCode.PluginNotAvailable);
        if (!r.Ready)
        {
            throw new CniException(CniErrorCode.PluginNotAvailable, $"the node cannot take pods: {r.Reason}");
        }
    }
}
