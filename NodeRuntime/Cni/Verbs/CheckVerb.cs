using System.Text.Json;
using MizarNF.Cni.Daemon;
using MizarNF.Cni.Invocation;
using MizarNF.Cni.Spec;
using MizarNF.NodeApi.V1;

namespace MizarNF.Cni.Verbs;

/// <summary>CHECK: the daemon compares the container's interface, address and route with the endpoint; prevResult must still name them.</summary>
public static class CheckVerb
{
    /// <summary>Runs CHECK; every difference goes into the error's details.</summary>
    public static void Run(CniEnvironment env, NetConf conf)
    {
        using var daemon = new NodeDaemon(conf.Socket, conf.Timeout);
        var reply = daemon.Call((c, o) => c.CheckContainerAsync(new CheckContainerRequest { ContainerId = env.ContainerId, Ifname = env.Ifname, Netns = Path.GetFullPath(env.Netns) }, o), $"CHECK {env.ContainerId}");
        var differences = reply.Differences.ToList();
        differences.AddRange(AgainstPrevResult(conf.PrevResult, reply.Attachment));
        if (differences.Count > 0)
        {
            throw new CniException(CniErrorCode.CheckFailed, $"container {env.ContainerId} ({env.Ifname}) differs from its endpoint '{reply.Attachment.Endpoint.Id}'", string.Join("; ", differences));
        }
    }

    /// <summary>What prevResult lacks of the attachment: the interface in its sandbox and its address.</summary>
    private static IEnumerable<string> AgainstPrevResult(JsonElement? prev, Attachment a)
    {
        if (prev is not { } p)
        {
            yield return "no prevResult: the runtime must pass ADD's result to CHECK";
            yield break;
        }

        var interfaces = p.TryGetProperty("interfaces", out var i) && i.ValueKind == JsonValueKind.Array ? i.EnumerateArray().ToList() : [];
        var index = interfaces.FindIndex(x => Text(x, "name") == a.Ifname && Text(x, "sandbox") == a.Netns);
        if (index < 0)
        {
            yield return $"prevResult has no interface {a.Ifname} in {a.Netns}";
        }
        else if (!string.Equals(Text(interfaces[index], "mac"), a.Endpoint.Mac, StringComparison.OrdinalIgnoreCase))
        {
            yield return $"prevResult gives {a.Ifname} mac {Text(interfaces[index], "mac")}, the endpoint has {a.Endpoint.Mac}";
        }

        var address = $"{a.Endpoint.Ip}/{a.Endpoint.PrefixLength}";
        var ips = p.TryGetProperty("ips", out var ip) && ip.ValueKind == JsonValueKind.Array ? ip.EnumerateArray().ToList() : [];
        if (!ips.Any(x => Text(x, "address") == address))
        {
            yield return $"prevResult lacks the address {address}";
        }
    }

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
