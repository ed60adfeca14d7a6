using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace MizarNF.Testbed;

/// <summary>
/// Every name and path a testbed uses, derived from its prefix alone, so that a later process (or
/// <see cref="Testbed.DownByPrefix"/> after a crash) finds them without any state.
/// </summary>
internal sealed partial class TestbedLayout
{
    public const string RunRoot = "/run/mizarnf";
    public const string PinParent = "/sys/fs/bpf/mizarnf";
    public const string Bridge = "br0";
    public const string UnderlayInterface = "eth0";

    public TestbedLayout(string prefix)
    {
        TestbedOptions.ValidatePrefix(prefix);
        Prefix = prefix;
    }

    public string Prefix { get; }

    public string UnderlayNamespace => $"{Prefix}-ul";

    public string RunDirectory => $"{RunRoot}/{Prefix}";

    public string StateFile => $"{RunDirectory}/testbed.json";

    public string XdpDirectory => $"{RunDirectory}/xdp";

    public static string NodeName(int index) => "n" + index.ToString(CultureInfo.InvariantCulture);

    public string NodeNamespace(int index) => $"{Prefix}-{NodeName(index)}";

    public string BridgePort(int index) => $"{Prefix}{NodeName(index)}";

    public string PinRoot(string node) => $"{PinParent}/{Prefix}-{node}";

    public string PodNamespace(string pod) => $"{Prefix}-{pod}";

    /// <summary>The node as first built: no daemon yet.</summary>
    public TestbedNode Node(int index, IPAddress address, string mac)
    {
        var name = NodeName(index);
        return new TestbedNode
        {
            Name = name,
            Index = index,
            Namespace = NodeNamespace(index),
            UnderlayInterface = UnderlayInterface,
            BridgePort = BridgePort(index),
            Address = address,
            Mac = mac,
            Socket = $"{RunDirectory}/{name}.sock",
            PinRoot = PinRoot(name),
            StateDirectory = $"{RunDirectory}/{name}-state",
            Log = $"{RunDirectory}/{name}.log",
        };
    }

    /// <summary>Host address 10 + <paramref name="index"/> of <paramref name="network"/>.</summary>
    public static IPAddress NodeAddress(IPNetwork network, int index)
    {
        var bytes = network.BaseAddress.GetAddressBytes();
        var value = ((uint)bytes[0] << 24 | (uint)bytes[1] << 16 | (uint)bytes[2] << 8 | bytes[3]) + 10u + (uint)index;
        return new IPAddress([(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]);
    }

    /// <summary>
    /// True for the names the testbed gives its own namespaces (<c>&lt;prefix&gt;-ul</c>,
    /// <c>&lt;prefix&gt;-n&lt;i&gt;</c>). Pod namespaces are found through the state file only:
    /// <c>&lt;prefix&gt;-*</c> would also match another testbed's names when its prefix is
    /// "&lt;prefix&gt;-something", or unrelated namespaces such as "mnf-test-…".
    /// </summary>
    public bool IsOwnNamespaceName(string name) =>
        name == UnderlayNamespace || IsNodeSuffix(name, Prefix + "-");

    /// <summary>True for <c>&lt;prefix&gt;-n&lt;i&gt;</c> under <see cref="PinParent"/>.</summary>
    public bool IsOwnPinRootName(string directoryName) => IsNodeSuffix(directoryName, Prefix + "-");

    /// <summary>Pod names become namespace names: same alphabet as prefixes, and none of the testbed's own.</summary>
    public static string? PodNameError(string? pod) =>
        pod is null || !PodPattern().IsMatch(pod) ? $"Pod name '{pod}' must be 1 to 48 of [a-z0-9-], starting with a letter or digit."
        : pod == "ul" || IsNodeSuffix(pod, string.Empty) ? $"Pod name '{pod}' is taken by the testbed's own namespaces."
        : null;

    private static bool IsNodeSuffix(string name, string start) =>
        name.Length > start.Length + 1
        && name.StartsWith(start, StringComparison.Ordinal)
        && name[start.Length] == 'n'
        && !name.AsSpan(start.Length + 1).ContainsAnyExceptInRange('0', '9');

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,47}$")]
    private static partial Regex PodPattern();
}
