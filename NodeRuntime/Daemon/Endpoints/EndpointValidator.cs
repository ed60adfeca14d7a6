using System.Net;
using MizarNF.Contracts.Control;
using MizarNF.Contracts.Net;

namespace MizarNF.NodeRuntime.Endpoints;

/// <summary>Checks a provisioning request completely before anything is made.</summary>
internal static class EndpointValidator
{
    /// <summary>The netns the Kubernetes control plane sends before a CNI ADD told it the real one: parks the endpoint like an empty netns.</summary>
    public const string PendingNetns = "mizarnf-cni-pending";

    /// <summary>A container's interface name as CNI and the kernel allow it.</summary>
    public static string Ifname(string? ifname, string what)
    {
        var name = string.IsNullOrEmpty(ifname) ? "eth0" : ifname;
        if (name.Length > 15 || name is "." or ".." || name.Any(c => c is '/' or ':' || char.IsWhiteSpace(c)))
        {
            throw new ControlValidationException($"{what}: '{name}' is not an interface name");
        }

        return name;
    }

    /// <summary>The record the request asks for (without the node's choices), or a ControlValidationException saying why not.</summary>
    public static EndpointRecord Validate(string id, uint vni, string ip, int prefixLength, string gateway, string? mac, string netns, string? ifname, IReadOnlyList<string> bouncers, IReadOnlyList<string> dividers)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ControlValidationException("an endpoint needs an id");
        }

        var what = $"endpoint '{id}'";
        ControlJson.Vni(vni, what + " (unknown VPC)");
        var address = ControlJson.Ipv4(ip, what);
        var gw = ControlJson.Ipv4(gateway, what + " gateway");
        if (prefixLength is < 1 or > 30)
        {
            throw new ControlValidationException($"{what}: prefix length {prefixLength} leaves no room for endpoints (1..30)");
        }

        var subnet = new Ipv4Prefix(Ipv4Prefix.ToHostOrder(address) & (uint.MaxValue << (32 - prefixLength)), prefixLength);
        if (!subnet.Contains(gw))
        {
            throw new ControlValidationException($"{what}: gateway {gw} is outside the subnet {subnet}");
        }

        if (address.Equals(subnet.Address) || address.Equals(subnet.At(subnet.Size - 1)) || address.Equals(gw))
        {
            throw new ControlValidationException($"{what}: {address} is the network, broadcast or gateway address of {subnet}");
        }

        var macText = string.IsNullOrEmpty(mac) ? DeriveMac(address) : ControlJson.Mac(mac, what + " mac").ToString();
        if ((MacAddress.Parse(macText).Value >> 40 & 1) == 1)
        {
            throw new ControlValidationException($"{what}: mac {macText} is a multicast address");
        }

        var name = Ifname(ifname, what);

        var parked = string.IsNullOrEmpty(netns) || netns == PendingNetns;
        if (!parked && !File.Exists(netns.StartsWith('/') ? netns : Path.Combine("/var/run/netns", netns)))
        {
            throw new ControlValidationException($"{what}: network namespace '{netns}' does not exist");
        }

        if (bouncers.Count is 0 or > 8)
        {
            throw new ControlValidationException($"{what}: needs 1 to 8 subnet bouncers, got {bouncers.Count}");
        }

        if (dividers.Count > 8)
        {
            throw new ControlValidationException($"{what}: at most 8 VPC dividers, got {dividers.Count}");
        }

        var b = bouncers.Select(x => ControlJson.Ipv4(x, what + " bouncer").ToString()).ToList();
        var d = dividers.Select(x => ControlJson.Ipv4(x, what + " divider").ToString()).ToList();
        return new EndpointRecord(id, vni, address.ToString(), prefixLength, gw.ToString(), macText, parked ? string.Empty : netns, name, string.Empty, 0, 0, b, d,
            parked ? EndpointMode.Parked : EndpointMode.InNetns);
    }

    /// <summary>02:4d (locally administered, "M") followed by the IPv4 address.</summary>
    public static string DeriveMac(IPAddress ip)
    {
        var b = ip.GetAddressBytes();
        return $"02:4d:{b[0]:x2}:{b[1]:x2}:{b[2]:x2}:{b[3]:x2}";
    }
}
