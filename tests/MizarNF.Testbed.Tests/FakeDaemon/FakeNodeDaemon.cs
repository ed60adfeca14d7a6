using System.Net.NetworkInformation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MizarNF.Testbed.Tests.FakeDaemon;

/// <summary>
/// A stand-in for the node daemon: serves grpc.health.v1 on a Unix socket (SERVING, or NOT_SERVING
/// with --not-serving) and first prints what it sees of its node, for the tests to read in its log:
/// its interfaces and addresses, and whether the host's bpffs is visible.
/// </summary>
public static class FakeNodeDaemon
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not ["--socket", var socket, .. var flags])
        {
            await Console.Error.WriteLineAsync("fake-daemon: --socket PATH is required");
            return 2;
        }

        var serving = !flags.Contains("--not-serving");
        Report(socket);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.ListenUnixSocket(socket, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddGrpcHealthChecks()
            .AddCheck("fake", () => serving ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("told to be not serving"));
        await using var app = builder.Build();
        app.MapGrpcHealthChecksService();
        await app.StartAsync();
        Console.WriteLine("fake daemon: serving");
        await app.WaitForShutdownAsync();
        return 0;
    }

    private static void Report(string socket)
    {
        Console.WriteLine($"fake daemon: pid {Environment.ProcessId}, socket {socket}");
        foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
        {
            var addresses = nic.GetIPProperties().UnicastAddresses.Select(a => a.Address.ToString());
            Console.WriteLine($"fake daemon: interface {nic.Name} {string.Join(' ', addresses)}");
        }

        var bpffs = File.ReadLines("/proc/self/mounts").Any(l => l.Split(' ') is [_, "/sys/fs/bpf", "bpf", ..]);
        Console.WriteLine($"fake daemon: host bpffs visible: {bpffs}");
    }
}
