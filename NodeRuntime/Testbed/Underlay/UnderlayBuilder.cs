using System.Globalization;
using System.Net;
using System.Text.Json;

namespace MizarNF.Testbed;

/// <summary>
/// Makes the underlay: namespace &lt;prefix&gt;-ul with bridge br0 (no address), and per node a
/// namespace whose eth0 is a veth to a port of br0. Links are made inside their namespaces (the
/// peer directly in the underlay's), so nothing ever appears in the root namespace.
/// </summary>
internal sealed class UnderlayBuilder(TestbedLayout layout, IPNetwork cidr, int mtu)
{
    private string Mtu { get; } = mtu.ToString(CultureInfo.InvariantCulture);

    public void CreateUnderlay()
    {
        var ul = layout.UnderlayNamespace;
        Netns.Add(ul);
        // Before any link exists, so that the bridge and every port come up without IPv6 (no
        // link-local addresses, DAD, router solicitations or MLD reports on the underlay).
        Netns.Sysctl(ul, "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1");
        Netns.Ip(ul, "link", "add", "name", TestbedLayout.Bridge, "mtu", Mtu, "type", "bridge");
        Netns.Ip(ul, "link", "set", "dev", TestbedLayout.Bridge, "up");
    }

    public TestbedNode CreateNode(int index)
    {
        var ns = layout.NodeNamespace(index);
        var port = layout.BridgePort(index);
        var eth0 = TestbedLayout.UnderlayInterface;
        var address = TestbedLayout.NodeAddress(cidr, index);
        Netns.Add(ns);
        // "name" spelled out: a bare first word would be read as an abbreviation of "address".
        Netns.Ip(ns, "link", "add", "name", eth0, "mtu", Mtu, "type", "veth",
            "peer", "name", port, "mtu", Mtu, "netns", layout.UnderlayNamespace);
        Netns.Sysctl(ns, $"net.ipv6.conf.{eth0}.disable_ipv6=1");
        Netns.Ip(layout.UnderlayNamespace, "link", "set", "dev", port, "master", TestbedLayout.Bridge, "up");
        Netns.Ip(ns, "address", "add", $"{address}/{cidr.PrefixLength}", "dev", eth0);
        Netns.Ip(ns, "link", "set", "dev", eth0, "up");
        Netns.Ip(ns, "link", "set", "dev", "lo", "up");
        return layout.Node(index, address, ReadMac(ns, eth0));
    }

    private static string ReadMac(string ns, string ifname)
    {
        using var json = JsonDocument.Parse(Netns.Ip(ns, "-json", "link", "show", "dev", ifname));
        return json.RootElement[0].GetProperty("address").GetString()
            ?? throw new InvalidOperationException($"ip reports no address for {ifname} in {ns}.");
    }
}
