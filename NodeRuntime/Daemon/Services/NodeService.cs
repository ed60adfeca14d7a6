using Grpc.Core;
using MizarNF.Composer.Pipeline;
using MizarNF.Contracts.Control;
using MizarNF.Contracts.Net;
using MizarNF.NodeApi.V1;
using MizarNF.NodeRuntime.DataPlane;
using MizarNF.NodeRuntime.Endpoints;
using MizarNF.NodeRuntime.Logging;
using Endpoint = MizarNF.NodeApi.V1.Endpoint;
using FunctionCounters = MizarNF.NodeApi.V1.FunctionCounters;

namespace MizarNF.NodeRuntime.Services;

/// <summary>The node API: maps each message to a domain call, and failures to gRPC statuses.</summary>
public sealed class NodeService(NodeDataPlane dataPlane, EndpointManager endpoints, ILogger<NodeService> log) : Node.NodeBase
{
    /// <inheritdoc/>
    public override Task<Endpoint> ProvisionEndpoint(ProvisionEndpointRequest request, ServerCallContext context) => Guard(() =>
    {
        var wanted = EndpointValidator.Validate(request.Id, request.Vni, request.Ip, (int)request.PrefixLength, request.Gateway, request.Mac,
            request.Netns, request.Ifname, request.SubnetBouncers, request.VpcDividers);
        return ToMessage(endpoints.Provision(wanted));
    });

    /// <inheritdoc/>
    public override Task<DeleteEndpointReply> DeleteEndpoint(DeleteEndpointRequest request, ServerCallContext context) =>
        Guard(() => new DeleteEndpointReply { Existed = endpoints.Delete(request.Id) });

    /// <inheritdoc/>
    public override Task<Endpoint> GetEndpoint(GetEndpointRequest request, ServerCallContext context) => Guard(() =>
        endpoints.Get(request.Id) is { } e ? ToMessage(e) : throw new RpcException(new Status(StatusCode.NotFound, $"no endpoint '{request.Id}' on this node")));

    /// <inheritdoc/>
    public override Task<ListEndpointsReply> ListEndpoints(ListEndpointsRequest request, ServerCallContext context) => Guard(() =>
    {
        var reply = new ListEndpointsReply();
        reply.Endpoints.AddRange(endpoints.List().Select(ToMessage));
        return reply;
    });

    /// <inheritdoc/>
    public override Task<ProgramReply> SetPeers(SetPeersRequest request, ServerCallContext context) => Guard(() =>
    {
        var peers = request.Peers.Select(p => (ControlJson.Ipv4(p.Ip, "peer"), ControlJson.Mac(p.Mac, $"peer {p.Ip} mac"))).ToList();
        ControlJson.Unique(peers, p => p.Item1, "peer");
        return ToMessage(dataPlane.Tables.ReplacePeers(peers));
    });

    /// <inheritdoc/>
    public override Task<ProgramReply> ProgramFunction(ProgramFunctionRequest request, ServerCallContext context) => Guard(() =>
    {
        if (!dataPlane.Handlers.TryGetValue(request.Function, out var handler))
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"no function '{request.Function}' on this node (have: {string.Join(", ", dataPlane.Handlers.Keys)})"));
        }

        var op = request.Operation switch
        {
            Operation.Remove => ControlOperation.Remove,
            Operation.Replace => ControlOperation.Replace,
            _ => ControlOperation.Upsert,
        };
        return ToMessage(handler.Apply(new ControlRequest(op, request.Kind, request.Json)));
    });

    /// <inheritdoc/>
    public override Task<NodeState> GetState(GetStateRequest request, ServerCallContext context) => Guard(() =>
    {
        var id = dataPlane.Identity;
        var state = new NodeState { Node = dataPlane.NodeName, Ip = id.Ip.ToString(), Mac = id.Mac.ToString() };
        state.Underlay = dataPlane.TransitAttachment.Target.Interface;
        state.Endpoints.AddRange(endpoints.List().Select(ToMessage));
        foreach (var f in dataPlane.Functions)
        {
            state.Functions.Add(new FunctionState
            {
                Name = f.Name,
                Version = f.Descriptor.Version.ToString(),
                StateJson = dataPlane.Handlers.TryGetValue(f.Name, out var h) ? h.DescribeState() : "{}",
            });
        }

        state.Pipelines.Add(Describe(dataPlane.Transit, dataPlane.TransitAttachment.Mode, dataPlane.TransitAttachment.AttachedProgramId() ?? 0));
        state.Pipelines.Add(Describe(dataPlane.Agent, dataPlane.AgentHook == PipelineHook.Tc ? "tc-ingress" : $"xdp-{dataPlane.AgentMode.ToString().ToLowerInvariant()}", dataPlane.Agent.Program.Id));
        state.Peers.AddRange(dataPlane.Transit.Map<uint, Composer.Node.PeerEntry>("mnf_nodes").Entries()
            .Select(p => new Peer { Ip = Ipv4Prefix.FromNetworkOrder(p.Key).ToString(), Mac = PeerMac(p.Value) })
            .OrderBy(p => p.Ip, StringComparer.Ordinal));
        return state;
    });

    /// <inheritdoc/>
    public override Task<Counters> GetCounters(GetCountersRequest request, ServerCallContext context) => Guard(() =>
    {
        var reply = new Counters();
        foreach (var (ap, pipeline) in new[] { ("transit", dataPlane.Transit), ("agent", dataPlane.Agent) })
        {
            foreach (var f in pipeline.ReadCounters().Functions)
            {
                var fc = new FunctionCounters
                {
                    AttachPoint = ap,
                    Function = f.Name,
                    Pass = f.Verdicts.Pass,
                    Drop = f.Verdicts.Drop,
                    Tx = f.Verdicts.Tx,
                    Redirect = f.Verdicts.Redirect,
                    Bytes = f.Verdicts.Bytes,
                };
                fc.Drops.AddRange(f.DropsByReason.Select(d => new DropCount { Code = d.Key, Reason = f.ReasonName(d.Key), Packets = d.Value }));
                reply.Functions.Add(fc);
            }
        }

        return reply;
    });

    /// <inheritdoc/>
    public override async Task<Attachment> AttachContainer(AttachContainerRequest request, ServerCallContext context)
    {
        var attach = await GuardAsync(() =>
        {
            var what = $"container {request.ContainerId}";
            if (string.IsNullOrWhiteSpace(request.ContainerId) || string.IsNullOrWhiteSpace(request.EndpointId))
            {
                throw new ControlValidationException("attaching a container needs its container id and an endpoint id");
            }

            var ifname = EndpointValidator.Ifname(request.Ifname, what);
            if (!request.Netns.StartsWith('/') || !File.Exists(request.Netns))
            {
                throw new AttachmentNotFoundException($"{what}: network namespace '{request.Netns}' does not exist");
            }

            var f = request.Fallback;
            var fallback = f is null ? null : EndpointValidator.Validate(request.EndpointId, f.Vni, f.Ip, (int)f.PrefixLength, f.Gateway, f.Mac, string.Empty, ifname, f.SubnetBouncers, f.VpcDividers);
            return Task.FromResult(new ContainerAttach(request.EndpointId, request.ContainerId, ifname, request.Netns, fallback));
        });
        var wait = TimeSpan.FromMilliseconds(Math.Min(request.WaitMs, 300_000));
        var made = await GuardAsync(() => endpoints.AttachContainerAsync(attach, wait, context.CancellationToken));
        return ToAttachment(made);
    }

    /// <inheritdoc/>
    public override Task<DetachContainerReply> DetachContainer(DetachContainerRequest request, ServerCallContext context) =>
        Guard(() => new DetachContainerReply { Existed = endpoints.DetachContainer(request.ContainerId, request.Ifname) });

    /// <inheritdoc/>
    public override Task<CheckContainerReply> CheckContainer(CheckContainerRequest request, ServerCallContext context) => Guard(() =>
    {
        var (attachment, differences) = endpoints.CheckContainer(request.ContainerId, request.Ifname, request.Netns);
        var reply = new CheckContainerReply { Attachment = ToAttachment(attachment) };
        reply.Differences.AddRange(differences);
        return reply;
    });

    /// <inheritdoc/>
    public override Task<ListAttachmentsReply> ListAttachments(ListAttachmentsRequest request, ServerCallContext context) => Guard(() =>
    {
        var reply = new ListAttachmentsReply();
        reply.Attachments.AddRange(endpoints.Attachments().Select(ToAttachment));
        return reply;
    });

    /// <inheritdoc/>
    public override Task<GarbageCollectReply> GarbageCollect(GarbageCollectRequest request, ServerCallContext context) => Guard(() =>
    {
        var valid = request.Valid.Select(v => (v.ContainerId, v.Ifname)).ToHashSet();
        var reply = new GarbageCollectReply();
        reply.Removed.AddRange(endpoints.GarbageCollect(valid).Select(ToAttachment));
        return reply;
    });

    /// <inheritdoc/>
    public override Task<Readiness> GetReadiness(GetReadinessRequest request, ServerCallContext context) => Guard(() =>
    {
        var attached = dataPlane.TransitAttachment.AttachedProgramId();
        var reason = attached != dataPlane.Transit.Program.Id
            ? $"the transit pipeline is not attached to {dataPlane.TransitAttachment.Target.Interface}"
            : endpoints.CannotTakePods();
        return new Readiness { Ready = reason is null, Reason = reason ?? string.Empty };
    });

    private static Attachment ToAttachment(EndpointRecord e) =>
        new() { ContainerId = e.ContainerId ?? string.Empty, Ifname = e.Ifname, Netns = e.Netns, Endpoint = ToMessage(e) };

    private static unsafe string PeerMac(Composer.Node.PeerEntry p) => MacAddress.FromBytes(new ReadOnlySpan<byte>(p.Mac, 6)).ToString();

    private static Pipeline Describe(LoadedPipeline p, string mode, uint programId)
    {
        var m = new Pipeline
        {
            AttachPoint = p.Compiled.Rendered.Spec.AttachPoint.ToString().ToLowerInvariant(),
            Hook = p.Compiled.Rendered.Spec.Hook.TemplateName(),
            Mode = mode,
            ProgramId = programId,
        };
        m.Functions.AddRange(p.Slots.Select(s => s.Name));
        return m;
    }

    private static ProgramReply ToMessage(ControlResult r) => new() { Written = r.Written, Deleted = r.Deleted, Unchanged = r.Unchanged };

    private static Endpoint ToMessage(EndpointRecord e)
    {
        var m = new Endpoint
        {
            Id = e.Id,
            Vni = e.Vni,
            Ip = e.Ip,
            PrefixLength = (uint)e.PrefixLength,
            Gateway = e.Gateway,
            Mac = e.Mac,
            Netns = e.Netns,
            Ifname = e.Ifname,
            HostIfname = e.HostIfname,
            HostIfindex = e.HostIfindex,
            Mtu = (uint)e.Mtu,
            State = e.Mode switch
            {
                EndpointMode.Parked => "parked",
                EndpointMode.Attached => "attached",
                EndpointMode.Detached => "detached",
                _ => "in-netns",
            },
            ContainerId = e.ContainerId ?? string.Empty,
        };
        m.SubnetBouncers.AddRange(e.SubnetBouncers);
        m.VpcDividers.AddRange(e.VpcDividers);
        return m;
    }

    /// <summary>Runs a call; domain errors become gRPC statuses with their message.</summary>
    private Task<T> Guard<T>(Func<T> call) => GuardAsync(() => Task.FromResult(call()));

    /// <summary>Runs a call; domain errors become gRPC statuses with their message.</summary>
    private async Task<T> GuardAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (EndpointNotProvisionedException e)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, e.Message));
        }
        catch (AttachmentNotFoundException e)
        {
            throw new RpcException(new Status(StatusCode.NotFound, e.Message));
        }
        catch (ControlValidationException e)
        {
            Log.RequestRefused(log, e.Message);
            throw new RpcException(new Status(StatusCode.InvalidArgument, e.Message));
        }
        catch (EndpointConflictException e)
        {
            Log.RequestRefused(log, e.Message);
            throw new RpcException(new Status(StatusCode.AlreadyExists, e.Message));
        }
        catch (Netlink.NetlinkException e)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, e.Message));
        }
    }
}
