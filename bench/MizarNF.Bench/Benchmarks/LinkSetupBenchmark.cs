using System.CommandLine;
using System.Diagnostics;
using System.Net;
using System.Net.NetworkInformation;
using System.Text.Json.Nodes;
using MizarNF.Bench.Links;
using MizarNF.Bench.Report;
using MizarNF.Netlink;

namespace MizarNF.Bench.Benchmarks;

/// <summary>
/// An endpoint's pod link made, configured and deleted through MizarNF.Netlink in process, against
/// the same through the ip -batch and ethtool processes the node daemon forks today, interleaved
/// link by link in the same run, all inside namespaces of the benchmark's own.
/// </summary>
internal sealed class LinkSetupBenchmark : IBenchmark
{
    /// <summary>Pod namespaces cycled through: every link is deleted before its namespace is used again.</summary>
    private const int PodNamespaces = 16;

    public string Name => "link-setup";

    public string Description => "pod link create+configure+delete: MizarNF.Netlink in process vs ip -batch/ethtool processes (as IpCommand), p50/p99 and ratio";

    public Command Command()
    {
        var links = new Option<int>("--links") { Description = "links made and deleted by each subject", DefaultValueFactory = _ => 200 };
        var warmup = new Option<int>("--warmup") { Description = "untimed links of each first (the first also checks both do the same)", DefaultValueFactory = _ => 20 };
        var offloads = new Option<bool>("--offloads") { Description = "turn tx/tso/gso off on the pod end, as with XDP on the path (--offloads false: tc only)", DefaultValueFactory = _ => true };
        links.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--links must be at least 1");
            }
        });
        warmup.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--warmup must be at least 1: it checks that both subjects do the same work");
            }
        });
        var c = new Command(Name, Description) { links, warmup, offloads };
        c.SetAction(r => Run(r.GetValue(links), r.GetValue(warmup), r.GetValue(offloads)));
        return c;
    }

    private int Run(int links, int warmup, bool offloads)
    {
        Console.WriteLine($"{Name}: {links} pod links made, configured and deleted by each subject, interleaved (order alternating); ethtool offloads off: {offloads}");
        using var spaces = new BenchNamespaces(PodNamespaces);
        using var host = RtnetlinkClient.Open(spaces.Host);
        IPodLinkProvisioner library = new LibraryProvisioner(host), ip = new IpBatchProvisioner(spaces.Host, host);

        if (!SameWork(host, library, ip, Spec(0, spaces.Pods[0], offloads)))
        {
            return 1;
        }

        var load = new MachineLoad();
        var times = new Dictionary<IPodLinkProvisioner, LinkTimes> { [library] = new(library.Name), [ip] = new(ip.Name) };
        long libraryBytes = 0;
        for (var i = 1; i < warmup + links; i++)
        {
            var spec = Spec(i, spaces.Pods[i % PodNamespaces], offloads);
            IPodLinkProvisioner[] order = i % 2 == 0 ? [library, ip] : [ip, library];
            foreach (var subject in order)
            {
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                var start = Stopwatch.GetTimestamp();
                subject.Create(spec);
                var made = Stopwatch.GetTimestamp();
                subject.Delete(spec.HostName);
                var gone = Stopwatch.GetTimestamp();
                if (i >= warmup)
                {
                    times[subject].Add(Stopwatch.GetElapsedTime(start, made).TotalMicroseconds, Stopwatch.GetElapsedTime(made, gone).TotalMicroseconds);
                    if (subject == library)
                    {
                        libraryBytes += GC.GetAllocatedBytesForCurrentThread() - allocated;
                    }
                }
            }

            if (i % 50 == 0)
            {
                Console.Error.Write('.');
            }
        }

        Console.Error.WriteLine();
        var table = new TextTable(["subject", "create p50 ms", "create p99 ms", "delete p50 ms", "delete p99 ms", "total p50 ms", "total p99 ms"], 1, 2, 3, 4, 5, 6);
        table.Add(times[library].Row());
        table.Add(times[ip].Row());
        Console.WriteLine();
        table.Print(Console.Out);
        var p50 = times[ip].Total.Median / times[library].Total.Median;
        var p99 = times[ip].Total.Percentile(99) / times[library].Total.Percentile(99);
        var create50 = times[ip].Create.Median / times[library].Create.Median;
        var create99 = times[ip].Create.Percentile(99) / times[library].Create.Percentile(99);
        Console.WriteLine($"ip -batch ÷ library, create+configure: {create50:0.0}× at p50, {create99:0.0}× at p99; with the delete: {p50:0.0}× at p50, {p99:0.0}× at p99 (baseline timed in the same run)");
        Console.WriteLine("(a veth's delete is mostly the kernel's unregister waiting for RCU, the same for both)");
        var perLink = (double)libraryBytes / links;
        Console.WriteLine($"library: {perLink / 1024:0.0} KiB allocated on the managed heap per link, create+configure+delete");
        var figures = new JsonObject
        {
            ["bench"] = Name,
            ["links"] = links,
            ["offloads_off"] = offloads,
            ["library"] = times[library].ToJson(),
            ["ip_batch"] = times[ip].ToJson(),
            ["ip_over_library_create_p50"] = Math.Round(create50, 2),
            ["ip_over_library_create_p99"] = Math.Round(create99, 2),
            ["ip_over_library_p50"] = Math.Round(p50, 2),
            ["ip_over_library_p99"] = Math.Round(p99, 2),
            ["library_bytes_per_link"] = Math.Round(perLink),
        };
        figures["others_cpu_pct"] = load.Report(Console.Out);
        JsonLine.Print(figures, Console.Out);
        return 0;
    }

    /// <summary>Both subjects make one link each, read back; they must leave the same state.</summary>
    private static bool SameWork(RtnetlinkClient host, IPodLinkProvisioner library, IPodLinkProvisioner ip, PodLinkSpec spec)
    {
        var views = new List<string>();
        foreach (var subject in new[] { library, ip })
        {
            subject.Create(spec);
            views.Add(PodLinkView.Of(host, spec));
            subject.Delete(spec.HostName);
        }

        if (views[0] == views[1])
        {
            Console.WriteLine($"  both subjects leave: {views[0]}");
            return true;
        }

        Console.WriteLine($"  UNEXPECTED: the subjects differ\n    {library.Name}: {views[0]}\n    {ip.Name}: {views[1]}");
        return false;
    }

    private static PodLinkSpec Spec(int i, string podNetns, bool offloads) => new(
        $"mnfb{i:x}",
        "eth0",
        podNetns,
        1450,
        new PhysicalAddress([0x02, 0x00, 0x0a, 0x01, (byte)(i >> 8), (byte)i]),
        new IPAddress([10, 1, (byte)(i >> 8), (byte)Math.Max(2, i & 0xff)]),
        16,
        IPAddress.Parse("10.1.0.1"))
    {
        OffloadsOff = offloads,
    };
}
