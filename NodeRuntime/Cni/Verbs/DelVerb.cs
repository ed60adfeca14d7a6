using MizarNF.Cni.Daemon;
using MizarNF.Cni.Invocation;
using MizarNF.NodeApi.V1;

namespace MizarNF.Cni.Verbs;

/// <summary>DEL: detaches whatever the container has as CNI_IFNAME; nothing attached is success too (idempotent).</summary>
public static class DelVerb
{
    /// <summary>Runs DEL.</summary>
    public static void Run(CniEnvironment env, NetConf conf)
    {
        using var daemon = new NodeDaemon(conf.Socket, conf.Timeout);
        daemon.Call((c, o) => c.DetachContainerAsync(new DetachContainerRequest { ContainerId = env.ContainerId, Ifname = env.Ifname }, o), $"DEL {env.ContainerId}");
    }
}
