using MizarNF.Testbed.Tests.FakeDaemon;

namespace MizarNF.Testbed.Tests;

/// <summary>The test assembly run as a program: the fake node daemon (test runners never call this).</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["fake-daemon", .. var rest])
        {
            return await FakeNodeDaemon.RunAsync(rest);
        }

        await Console.Error.WriteLineAsync("usage: MizarNF.Testbed.Tests fake-daemon --socket PATH [--not-serving]");
        return 2;
    }
}
