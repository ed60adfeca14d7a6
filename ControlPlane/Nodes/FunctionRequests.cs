using MizarNF.Contracts.Control;
using MizarNF.NodeApi.V1;

namespace MizarNF.ControlPlane.Nodes;

/// <summary>
/// The ProgramFunction requests the control plane sends: one JSON array (camelCase) of one kind,
/// in the shapes the Bouncer and Divider control handlers read.
/// </summary>
public static class FunctionRequests
{
    /// <summary>The bouncer function's name.</summary>
    public const string Bouncer = "Bouncer";

    /// <summary>The divider function's name.</summary>
    public const string Divider = "Divider";

    /// <summary>The endpoint function's name (every node runs it).</summary>
    public const string Endpoint = "Endpoint";

    /// <summary>The scaled endpoint function's name (the owners of services run it).</summary>
    public const string ScaledEndpoint = "ScaledEndpoint";

    /// <summary>Bouncer "subnet" {vni, cidr}: a subnet the node bounces (set before its endpoints).</summary>
    public static ProgramFunctionRequest BouncerSubnet(Operation operation, uint vni, string cidr) =>
        Request(Bouncer, operation, "subnet", new { vni, cidr });

    /// <summary>Bouncer "endpoint" {vni, ip, host, mac}: an endpoint of a bounced subnet and its node.</summary>
    public static ProgramFunctionRequest BouncerEndpoint(Operation operation, uint vni, string ip, string host, string mac) =>
        Request(Bouncer, operation, "endpoint", new { vni, ip, host, mac });

    /// <summary>Divider "subnet" {vni, cidr, bouncers}: a subnet of a divided VPC and its bouncers' addresses.</summary>
    public static ProgramFunctionRequest DividerSubnet(Operation operation, uint vni, string cidr, IReadOnlyList<string> bouncers) =>
        Request(Divider, operation, "subnet", new { vni, cidr, bouncers });

    /// <summary>Endpoint "vpc" {vni, dividers}: where a node sends traffic of the VPC it cannot place itself.</summary>
    public static ProgramFunctionRequest EndpointVpc(Operation operation, uint vni, IReadOnlyList<string> dividers) =>
        Request(Endpoint, operation, "vpc", new { vni, dividers });

    /// <summary>
    /// ScaledEndpoint "service" upserts {vni, ip, port, protocol, backends [{ip, port, host}], affinity?}:
    /// one entry per ClusterIP, port and protocol, each with all its backends.
    /// </summary>
    public static ProgramFunctionRequest ScaledEndpointServices(Operation operation, IReadOnlyList<ServiceEntry> entries) => new()
    {
        Function = ScaledEndpoint,
        Operation = operation,
        Kind = "service",
        Json = ControlJson.Write(entries),
    };

    /// <summary>ScaledEndpoint "service" removals {vni, ip, port, protocol}.</summary>
    public static ProgramFunctionRequest ScaledEndpointRemove(IReadOnlyList<ServiceKey> keys) => new()
    {
        Function = ScaledEndpoint,
        Operation = Operation.Remove,
        Kind = "service",
        Json = ControlJson.Write(keys),
    };

    private static ProgramFunctionRequest Request<T>(string function, Operation operation, string kind, T item) => new()
    {
        Function = function,
        Operation = operation,
        Kind = kind,
        Json = ControlJson.Write(new[] { item }),
    };
}
