namespace MizarNF.Bench.Overlay;

/// <summary>
/// Configuration commands (ip, bridge, sysctl) in the testbed's own namespaces: the testbed's Exec
/// refuses any namespace that is not its own, so nothing here can reach the root namespace.
/// </summary>
internal sealed class NodeShell(MizarNF.Testbed.Testbed bed)
{
    /// <summary>Runs the command in <paramref name="netns"/>; throws with its output when it fails.</summary>
    public void Run(string netns, params string[] command)
    {
        var (exit, stdout, stderr) = bed.Exec(netns, command);
        if (exit != 0)
        {
            throw new InvalidOperationException($"in {netns}: '{string.Join(' ', command)}' exited with {exit}: {(stderr + stdout).Trim()}");
        }
    }

    /// <summary>No IPv6 on links made from now on: no router solicitations or MLD reports beside the measured traffic.</summary>
    public void DisableIpv6(string netns) =>
        Run(netns, "sysctl", "-q", "-w", "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1");
}
