using System.Net;
using System.Net.Sockets;
using k8s.Models;
using MizarNF.ControlPlane.Objects;

namespace MizarNF.ControlPlane.Kubernetes.Mapping;

/// <summary>Kubernetes Nodes to MizarNF Nodes.</summary>
internal static class NodeMapping
{
    /// <summary>
    /// The MizarNF node of a Kubernetes Node: its first IPv4 InternalIP, the MAC of its
    /// <see cref="MizarAnnotations.Mac"/> annotation and the socket of <see cref="MizarAnnotations.Socket"/>
    /// (default <paramref name="defaultSocket"/>). Null, with the reason, while the Node lacks an address or a MAC.
    /// </summary>
    public static Node? ToNode(V1Node node, string defaultSocket, out string? missing)
    {
        var address = node.Status?.Addresses?
            .Where(a => a.Type == "InternalIP" && IPAddress.TryParse(a.Address, out var ip) && ip.AddressFamily == AddressFamily.InterNetwork)
            .Select(a => a.Address)
            .FirstOrDefault();
        var annotations = node.Metadata.Annotations ?? new Dictionary<string, string>();
        annotations.TryGetValue(MizarAnnotations.Mac, out var mac);
        missing = address is null ? "no IPv4 InternalIP address" : string.IsNullOrEmpty(mac) ? $"no {MizarAnnotations.Mac} annotation" : null;
        if (missing is not null)
        {
            return null;
        }

        return new Node
        {
            Metadata = new ObjectMeta { Name = node.Metadata.Name },
            Spec = new NodeSpec
            {
                Address = address!,
                Mac = mac!,
                Socket = annotations.TryGetValue(MizarAnnotations.Socket, out var socket) && socket.Length > 0 ? socket : defaultSocket,
            },
        };
    }
}
