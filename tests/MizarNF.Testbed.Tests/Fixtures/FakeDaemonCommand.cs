using System.Diagnostics;

namespace MizarNF.Testbed.Tests.Fixtures;

/// <summary>Node commands for the tests: the fake daemon (this assembly run by dotnet) and plain shell commands.</summary>
public static class FakeDaemonCommand
{
    private static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    public static ProcessStartInfo Serving(TestbedNode node) => Build(node);

    public static ProcessStartInfo NotServing(TestbedNode node) => Build(node, "--not-serving");

    public static ProcessStartInfo Shell(string script)
    {
        var start = new ProcessStartInfo("/bin/sh");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        return start;
    }

    private static ProcessStartInfo Build(TestbedNode node, params string[] flags)
    {
        var start = new ProcessStartInfo(Dotnet);
        foreach (var argument in (string[])[typeof(FakeDaemonCommand).Assembly.Location, "fake-daemon", "--socket", node.Socket, .. flags])
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
