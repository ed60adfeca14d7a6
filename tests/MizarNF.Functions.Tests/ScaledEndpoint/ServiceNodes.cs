using System.Net;
using MizarNF.Composer.Pipeline;
using MizarNF.Contracts.Control;
using MizarNF.Functions.ScaledEndpoint.Maps;
using MizarNF.TestKit.DataPlane;
using MizarNF.TestKit.Geneve;
using MizarNF.TestKit.Packets;
using MizarNF.TestKit.Pipelines;

namespace MizarNF.Functions.Tests.ScaledEndpoint;

/// <summary>Nodes A (client a1), B (owner of the standard services) and C (backends c1, c2), each with both pipelines sharing pins.</summary>
internal sealed class ServiceNodes : IDisposable
{
    private readonly List<NodeHarness> _nodes = [];

    public ServiceNodes(DataPlaneWorld world, PipelineHook hook, params object[] services)
    {
        try
        {
            A = Add(world.BuildNode(NodeRole.A, hook));
            B = Add(world.BuildNode(NodeRole.B, hook));
            C = Add(world.BuildNode(NodeRole.C, hook));
            Svc.Apply(world, B.Transit.Pipeline, ControlOperation.Upsert, services.Length > 0 ? services : Svc.Standard);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public NodeHarness A { get; }

    public NodeHarness B { get; }

    public NodeHarness C { get; }

    /// <summary>The first packet of a flow, from a1: the owner decides, A's transit applies the decision.</summary>
    public (PacketResult Result, IPAddress Backend) Decide(byte[] frame)
    {
        var atOwner = B.Transit.Run(Svc.ToOwner(frame));
        Assert.Equal(PacketVerdict.Tx, atOwner.Verdict);
        var decision = Svc.Option(GenevePacket.Parse(atOwner.Output));
        return (A.Transit.Run(atOwner.Output), decision.BackendIp);
    }

    /// <summary>Sets the last-seen time of a1's flow from <paramref name="sport"/> (both entries).</summary>
    public void Backdate(ushort sport, ulong seen, ushort dport = Svc.Web, byte proto = 6, byte? flags = null)
    {
        var fwdMap = A.Transit.Map<FlowKey, ForwardEntry>("svc_fwd");
        var revMap = A.Transit.Map<FlowKey, ReverseEntry>("svc_rev");
        Assert.True(fwdMap.TryLookup(Svc.ForwardKey(sport, dport, proto), out var fwd));
        fwd.Seen = seen;
        fwd.Flags = flags ?? fwd.Flags;
        fwdMap.Update(Svc.ForwardKey(sport, dport, proto), fwd);
        var rk = Svc.ReverseKey(fwd.Address, sport, proto);
        Assert.True(revMap.TryLookup(rk, out var rev));
        rev.Seen = seen;
        rev.Flags = flags ?? rev.Flags;
        revMap.Update(rk, rev);
    }

    public void Dispose()
    {
        foreach (var n in _nodes)
        {
            n.Dispose();
        }
    }

    private NodeHarness Add(NodeHarness n)
    {
        _nodes.Add(n);
        return n;
    }
}
