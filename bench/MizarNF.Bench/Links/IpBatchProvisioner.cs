using System.Diagnostics;
using MizarNF.Netlink;

namespace MizarNF.Bench.Links;

/// <summary>
/// The baseline: what the node daemon's IpCommand runs today. Two <c>ip -batch</c> processes (the
/// pair with its pod end in place and the host end up; then inside the pod's namespace), one
/// <c>ethtool</c> under nsenter when offloads go off, the index in process, and <c>ip -batch</c>
/// to delete. The daemon runs ip in its own namespace; here the host is a namespace of the
/// benchmark's, so ip gets <c>-n</c> (ip then does one setns itself).
/// </summary>
internal sealed class IpBatchProvisioner(string hostNetns, RtnetlinkClient hostIndex) : IPodLinkProvisioner
{
    public string Name => "ip -batch processes";

    public int Create(PodLinkSpec s)
    {
        Batch(hostNetns, [
            $"link add name {s.HostName} mtu {s.Mtu} type veth peer name {s.PodName} mtu {s.Mtu} address {Mac(s)} netns {s.PodNetns}",
            $"link set dev {s.HostName} up",
        ]);
        try
        {
            Batch(s.PodNetns, [
                $"addr add {s.PodIp}/{s.PrefixLength} dev {s.PodName}",
                "link set dev lo up",
                $"link set dev {s.PodName} up",
                $"route add default via {s.Gateway} dev {s.PodName}",
            ]);
            if (s.OffloadsOff)
            {
                Run("nsenter", [$"--net=/var/run/netns/{s.PodNetns}", "--", "ethtool", "-K", s.PodName, "tx", "off", "tso", "off", "gso", "off"], null);
            }

            // The daemon reads the index in process (if_nametoindex), not with a process.
            return hostIndex.GetIndex(s.HostName);
        }
        catch
        {
            Delete(s.HostName);
            throw;
        }
    }

    public void Delete(string hostName) => Batch(hostNetns, [$"link del dev {hostName}"]);

    private static string Mac(PodLinkSpec s) => string.Join(':', s.PodMac.GetAddressBytes().Select(b => b.ToString("x2")));

    private static void Batch(string netns, IEnumerable<string> commands) =>
        Run("ip", ["-n", netns, "-batch", "-"], string.Join('\n', commands) + "\n");

    /// <summary>As IpCommand.Run: stdin written and closed, both outputs read, a failure with stderr.</summary>
    private static void Run(string file, string[] args, string? stdin)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardInput = stdin is not null, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {file}");
        if (stdin is not null)
        {
            p.StandardInput.Write(stdin);
            p.StandardInput.Close();
        }

        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed: {stderr}{stdout.Result}");
        }
    }
}
