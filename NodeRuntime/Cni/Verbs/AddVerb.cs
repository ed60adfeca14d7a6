using MizarNF.Cni.Daemon;
using MizarNF.Cni.Invocation;
using MizarNF.Cni.Results;
using MizarNF.Cni.Spec;
using MizarNF.NodeApi.V1;

namespace MizarNF.Cni.Verbs;

/// <summary>ADD: one AttachContainer call; the daemon hands the endpoint over (or makes it) and the result goes to stdout.</summary>
public static class AddVerb
{
    /// <summary>Runs ADD.</summary>
    public static void Run(CniEnvironment env, NetConf conf, Stream stdout)
    {
        if (!File.Exists(env.Netns))
        {
            throw new CniException(CniErrorCode.UnknownContainer, $"the container's network namespace {env.Netns} does not exist");
        }

        var request = new AttachContainerRequest
        {
            ContainerId = env.ContainerId,
            Ifname = env.Ifname,
            Netns = Path.GetFullPath(env.Netns),
            EndpointId = EndpointIdentity.Resolve(env.Args, env.ContainerId),
            WaitMs = (uint)conf.WaitForEndpoint.TotalMilliseconds,
        };
        if (conf.Endpoint is { } s)
        {
            var ip = conf.RequestedIp(env.Args)
                ?? throw new CniException(CniErrorCode.InvalidNetworkConfig, "the 'endpoint' section needs an address from the runtime: CNI_ARGS IP= or the 'ips' capability");
            request.Fallback = new ProvisionEndpointRequest { Vni = s.Vni, Ip = ip.ToString(), PrefixLength = (uint)s.PrefixLength, Gateway = s.Gateway };
            request.Fallback.SubnetBouncers.AddRange(s.Bouncers);
            request.Fallback.VpcDividers.AddRange(s.Dividers);
        }

        using var daemon = new NodeDaemon(conf.Socket, conf.Timeout);
        var attachment = daemon.Call((c, o) => c.AttachContainerAsync(request, o), $"ADD {request.EndpointId}", conf.WaitForEndpoint);
        ResultWriter.Add(stdout, conf.CniVersion, conf.PrevResult, attachment);
    }
}
