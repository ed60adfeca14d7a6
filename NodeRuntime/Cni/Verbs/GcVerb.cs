using System.Text.Json;
using MizarNF.Cni.Daemon;
using MizarNF.Cni.Invocation;
using MizarNF.Cni.Spec;
using MizarNF.NodeApi.V1;

namespace MizarNF.Cni.Verbs;

/// <summary>GC: the daemon detaches every attachment not in cni.dev/valid-attachments.</summary>
public static class GcVerb
{
    /// <summary>Runs GC. Without the valid list nothing is removed (error 7): an empty list must be said, not implied.</summary>
    public static void Run(NetConf conf)
    {
        if (conf.ValidAttachments is not { ValueKind: JsonValueKind.Array } list)
        {
            throw new CniException(CniErrorCode.InvalidNetworkConfig, "GC needs cni.dev/valid-attachments (a list, empty when nothing is valid)");
        }

        var request = new GarbageCollectRequest();
        foreach (var a in list.EnumerateArray())
        {
            if (a.ValueKind != JsonValueKind.Object || !a.TryGetProperty("containerID", out var id) || id.ValueKind != JsonValueKind.String
                || !a.TryGetProperty("ifname", out var ifname) || ifname.ValueKind != JsonValueKind.String)
            {
                throw new CniException(CniErrorCode.InvalidNetworkConfig, "each of cni.dev/valid-attachments needs a containerID and an ifname");
            }

            request.Valid.Add(new AttachmentKey { ContainerId = id.GetString(), Ifname = ifname.GetString() });
        }

        using var daemon = new NodeDaemon(conf.Socket, conf.Timeout);
        daemon.Call((c, o) => c.GarbageCollectAsync(request, o), "GC");
    }
}
