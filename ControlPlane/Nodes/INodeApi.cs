using MizarNF.NodeApi.V1;

namespace MizarNF.ControlPlane.Nodes;

/// <summary>
/// The calls the control plane makes to one node's daemon (the node API of node.proto). Failures
/// surface as <see cref="Grpc.Core.RpcException"/>: Unavailable or DeadlineExceeded when the node
/// cannot be reached, another status when it refused the request.
/// </summary>
public interface INodeApi
{
    /// <summary>Creates (or finds identical) an endpoint on the node: one call does it all.</summary>
    Task<NodeApi.V1.Endpoint> ProvisionEndpointAsync(ProvisionEndpointRequest request, CancellationToken cancellationToken = default);

    /// <summary>Removes an endpoint from the node; an absent one is fine.</summary>
    Task<DeleteEndpointReply> DeleteEndpointAsync(DeleteEndpointRequest request, CancellationToken cancellationToken = default);

    /// <summary>Programs a network function's tables (see <see cref="FunctionRequests"/>).</summary>
    Task<ProgramReply> ProgramFunctionAsync(ProgramFunctionRequest request, CancellationToken cancellationToken = default);

    /// <summary>Tells the node every node's underlay address and MAC.</summary>
    Task<ProgramReply> SetPeersAsync(SetPeersRequest request, CancellationToken cancellationToken = default);
}
