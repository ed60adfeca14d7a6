using System.Diagnostics;

namespace MizarNF.Composer.Tests.Fixtures;

/// <summary>
/// Two network namespaces joined by a veth pair (10.99.0.1 ↔ 10.99.0.2), named with a prefix
/// unique to this test run; disposing deletes both, which also removes anything attached.
/// </summary>
public sealed class TwoHostTestbed : IDisposable
{
    public TwoHostTestbed()
    {
        Prefix = $"mnf-t{Environment.ProcessId % 100000}-{Guid.NewGuid().ToString("N")[..6]}";
        Left = Prefix + "-l";
        Right = Prefix + "-r";
        try
        {
            Ip("netns", "add", Left);
            Ip("netns", "add", Right);
            Ip("-n", Left, "link", "add", "name", "veth0", "type", "veth", "peer", "name", "veth1", "netns", Right);
            Ip("-n", Left, "addr", "add", "10.99.0.1/24", "dev", "veth0");
            Ip("-n", Right, "addr", "add", "10.99.0.2/24", "dev", "veth1");
            Ip("-n", Left, "link", "set", "dev", "veth0", "up");
            Ip("-n", Right, "link", "set", "dev", "veth1", "up");
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public string Prefix { get; }

    /// <summary>Holds veth0, 10.99.0.1.</summary>
    public string Left { get; }

    /// <summary>Holds veth1, 10.99.0.2.</summary>
    public string Right { get; }

    /// <summary>Pings from Left to Right; true when all replies came back.</summary>
    public bool Ping(int count = 3) => Run("ip", "netns", "exec", Left, "ping", "-c", count.ToString(System.Globalization.CultureInfo.InvariantCulture), "-i", "0.05", "-W", "1", "10.99.0.2").Exit == 0;

    public void Dispose()
    {
        Run("ip", "netns", "del", Left);
        Run("ip", "netns", "del", Right);
    }

    private static void Ip(params string[] args)
    {
        var (exit, output) = Run("ip", args);
        if (exit != 0)
        {
            throw new InvalidOperationException($"ip {string.Join(' ', args)}: {output}");
        }
    }

    private static (int Exit, string Output) Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output.Result + error);
    }
}
