namespace MizarNF.Netlink.Namespaces;

/// <summary>A namespace as <c>ip netns</c> names it (/var/run/netns/NAME) or as a path (/proc/PID/ns/net, as CNI passes it).</summary>
internal static class NetnsPath
{
    private const string NamedRoot = "/var/run/netns";

    internal static string Resolve(string netns)
    {
        ArgumentException.ThrowIfNullOrEmpty(netns);
        if (netns.StartsWith('/'))
        {
            return netns;
        }

        if (netns.Contains('/', StringComparison.Ordinal) || netns is "." or "..")
        {
            throw new ArgumentException($"'{netns}' is neither a network namespace name nor an absolute path", nameof(netns));
        }

        return Path.Combine(NamedRoot, netns);
    }
}
