using System.Net;

namespace MizarNF.Bench.ServiceLatency;

/// <summary>
/// A way of serving ClusterIP services between a client pod on n1 and a backend pod on n2 of one
/// testbed: MizarNF's ScaledEndpoint, or kube-proxy-style iptables DNAT on plain routing.
/// </summary>
internal interface IServiceSetup : IDisposable
{
    /// <summary>The key in the JSON line.</summary>
    string Key { get; }

    /// <summary>Its name in the table.</summary>
    string Name { get; }

    /// <summary>The client pod's namespace.</summary>
    string ClientNamespace { get; }

    /// <summary>
    /// Makes <paramref name="count"/> services exist (replacing the previous set), all with the one
    /// backend; returns the address of the one measured (the last one written).
    /// </summary>
    IPEndPoint Define(int count);
}
