using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace MizarNF.Testbed;

/// <summary>What <see cref="Testbed.Up(TestbedOptions, IProgress{string}?)"/> builds.</summary>
public sealed partial record TestbedOptions
{
    /// <summary>The longest prefix: interface names are <c>&lt;prefix&gt;n&lt;i&gt;</c> and must leave room under the kernel's 15 characters.</summary>
    public const int MaxPrefixLength = 8;

    /// <summary>The most nodes one testbed has.</summary>
    public const int MaxNodes = 16;

    /// <summary>
    /// Names everything the testbed makes (namespaces, links, paths), so that <see cref="Testbed.DownByPrefix"/>
    /// finds it. Default: "mnf" and 5 random hex digits (8 characters, the longest allowed).
    /// </summary>
    public string Prefix { get; init; } = "mnf" + RandomNumberGenerator.GetHexString(5, lowercase: true);

    /// <summary>How many nodes (1 to 16), named n1, n2, …</summary>
    public int Nodes { get; init; } = 2;

    /// <summary>The underlay's IPv4 network; node i gets host address 10 + i. Default 172.31.&lt;random&gt;.0/24.</summary>
    public IPNetwork UnderlayCidr { get; init; } = new(new IPAddress([172, 31, (byte)RandomNumberGenerator.GetInt32(256), 0]), 24);

    /// <summary>The MTU of every node's eth0 and of the bridge ports.</summary>
    public int Mtu { get; init; } = 1500;

    /// <summary>
    /// Builds the daemon command of a node; the testbed runs it with only the node's network
    /// namespace entered and its output going to <see cref="TestbedNode.Log"/>. Null: no daemons.
    /// It must use <see cref="ProcessStartInfo.ArgumentList"/>, not <see cref="ProcessStartInfo.Arguments"/>.
    /// </summary>
    public Func<TestbedNode, ProcessStartInfo>? NodeCommand { get; init; }

    /// <summary>
    /// Attach a frags-aware XDP pass program to every bridge port. Frames a node sends with
    /// XDP_TX or XDP_REDIRECT out of its eth0 arrive only when the peer has an XDP program, so
    /// nodes whose transit or agent runs XDP need it; but on this kernel it also turns TSO off on
    /// eth0 (measured: tc-mode throughput falls from ~11 to ~3 Gbit/s), so it is off by default.
    /// </summary>
    public bool XdpOnBridgePorts { get; init; }

    /// <summary>How long a daemon has to answer SERVING to grpc.health.v1.Health/Check.</summary>
    public TimeSpan DaemonReadyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Throws <see cref="ArgumentException"/> naming every invalid option.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (PrefixError(Prefix) is { } prefixError)
        {
            problems.Add(prefixError);
        }

        if (Nodes is < 1 or > MaxNodes)
        {
            problems.Add($"Nodes is {Nodes}; it must be 1 to {MaxNodes}.");
        }

        if (UnderlayCidr.BaseAddress.AddressFamily != AddressFamily.InterNetwork)
        {
            problems.Add($"UnderlayCidr {UnderlayCidr} is not IPv4.");
        }
        else if (HostCount(UnderlayCidr) < 10 + Math.Max(Nodes, 1) + 2)
        {
            problems.Add($"UnderlayCidr {UnderlayCidr} has no room for host addresses 11 to {10 + Nodes}.");
        }

        if (Mtu is < 68 or > 65535)
        {
            problems.Add($"Mtu is {Mtu}; it must be 68 to 65535.");
        }

        if (DaemonReadyTimeout <= TimeSpan.Zero)
        {
            problems.Add($"DaemonReadyTimeout is {DaemonReadyTimeout}; it must be positive.");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid testbed options: " + string.Join(" ", problems));
        }
    }

    /// <summary>Why <paramref name="prefix"/> cannot be a prefix, or null when it can.</summary>
    public static string? PrefixError(string? prefix) =>
        string.IsNullOrEmpty(prefix) ? "Prefix is empty."
        : prefix.Length > MaxPrefixLength ? $"Prefix '{prefix}' is longer than {MaxPrefixLength} characters."
        // A leading '-' would be read as an option by ip and nsenter.
        : !PrefixPattern().IsMatch(prefix) ? $"Prefix '{prefix}' must be [a-z0-9-] and start with a letter or digit."
        : null;

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="prefix"/> is valid.</summary>
    public static void ValidatePrefix(string? prefix)
    {
        if (PrefixError(prefix) is { } error)
        {
            throw new ArgumentException(error, nameof(prefix));
        }
    }

    private static long HostCount(IPNetwork network) => 1L << (32 - network.PrefixLength);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex PrefixPattern();
}
