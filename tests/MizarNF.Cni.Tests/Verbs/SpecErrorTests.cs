using System.Net.Sockets;
using MizarNF.Cni.Tests.Fixtures;

namespace MizarNF.Cni.Tests.Verbs;

/// <summary>The spec's error cases that need no node: exit code 1 and the error JSON with the spec's code.</summary>
public sealed class SpecErrorTests
{
    private const string Conf = """{"cniVersion":"1.1.0","name":"mizarnf","type":"mizarnf-cni","socket":"/run/mizarnf/none-such.sock","timeoutSeconds":1}""";

    public static TheoryData<string, Dictionary<string, string>, string, int, string> Cases => new()
    {
        { "no CNI_COMMAND", new Dictionary<string, string>(), Conf, 4, "CNI_COMMAND" },
        { "unknown command", CniInvoker.Env("MOVE", "c1", "/proc/self/ns/net"), Conf, 4, "MOVE" },
        { "ADD without CNI_CONTAINERID", Without(CniInvoker.Env("ADD", "c1", "/proc/self/ns/net"), "CNI_CONTAINERID"), Conf, 4, "CNI_CONTAINERID" },
        { "ADD without CNI_NETNS", CniInvoker.Env("ADD", "c1"), Conf, 4, "CNI_NETNS" },
        { "DEL without CNI_IFNAME", Without(CniInvoker.Env("DEL", "c1"), "CNI_IFNAME"), Conf, 4, "CNI_IFNAME" },
        { "bad ifname", CniInvoker.Env("ADD", "c1", "/proc/self/ns/net", ifname: "eth0/x"), Conf, 4, "CNI_IFNAME" },
        { "bad CNI_ARGS", CniInvoker.Env("ADD", "c1", "/proc/self/ns/net", args: "IgnoreUnknown"), Conf, 4, "CNI_ARGS" },
        { "not JSON", CniInvoker.Env("ADD", "c1", "/proc/self/ns/net"), "{\"cniVersion\":", 6, "not JSON" },
        { "JSON but not an object", CniInvoker.Env("DEL", "c1"), "[1,2]", 6, "not a JSON object" },
        { "unknown version", CniInvoker.Env("ADD", "c1", "/proc/self/ns/net"), Conf.Replace("1.1.0", "9.9.9"), 1, "9.9.9" },
        { "GC in 1.0.0", CniInvoker.Env("GC"), Conf.Replace("1.1.0", "1.0.0"), 1, "GC needs" },
        { "STATUS in 0.4.0", CniInvoker.Env("STATUS"), Conf.Replace("1.1.0", "0.4.0"), 1, "STATUS needs" },
        { "CHECK in 0.3.1", CniInvoker.Env("CHECK", "c1", "/proc/self/ns/net"), Conf.Replace("1.1.0", "0.3.1"), 1, "CHECK needs" },
        { "ipam section", CniInvoker.Env("ADD", "c1", "/proc/self/ns/net"), Conf.Replace("\"timeoutSeconds\":1", "\"ipam\":{\"type\":\"host-local\"}"), 2, "ipam" },
        { "no name", CniInvoker.Env("ADD", "c1", "/proc/self/ns/net"), Conf.Replace("\"name\":\"mizarnf\",", string.Empty), 7, "no name" },
        { "relative socket", CniInvoker.Env("DEL", "c1"), Conf.Replace("/run/mizarnf/none-such.sock", "node.sock"), 7, "socket" },
        { "bad timeout", CniInvoker.Env("DEL", "c1"), Conf.Replace("\"timeoutSeconds\":1", "\"timeoutSeconds\":\"soon\""), 7, "timeoutSeconds" },
        { "bad endpoint section", CniInvoker.Env("ADD", "c1", "/proc/self/ns/net"), Conf.Replace("\"timeoutSeconds\":1", "\"endpoint\":{\"vni\":0}"), 7, "vni" },
        { "GC without valid list", CniInvoker.Env("GC"), Conf, 7, "valid-attachments" },
        { "ADD into a missing netns", CniInvoker.Env("ADD", "c1", "/var/run/netns/mnf-cni-no-such"), Conf, 3, "does not exist" },
        { "ADD with the daemon down", CniInvoker.Env("ADD", "c1", "/proc/self/ns/net"), Conf, 11, "not running" },
        { "DEL with the daemon down", CniInvoker.Env("DEL", "c1"), Conf, 11, "not running" },
        { "STATUS with the daemon down", CniInvoker.Env("STATUS"), Conf, 50, "not running" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Invoke_SpecErrorCase_ErrorJsonWithSpecCode(string name, Dictionary<string, string> env, string stdin, int code, string says)
    {
        var run = CniInvoker.Run(Repo.CniPlugin, env, stdin);

        Assert.True(run.Exit == 1, $"{name}: {run}");
        Assert.Equal(code, run.Code);
        Assert.Contains(says, run.Json.GetProperty("msg").GetString(), StringComparison.Ordinal);
        Assert.True(run.Json.TryGetProperty("cniVersion", out _), run.ToString());
    }

    [Fact]
    public void Version_AnyConfig_ListsSupportedVersions()
    {
        foreach (var stdin in new[] { string.Empty, """{"cniVersion":"1.1.0"}""", """{"cniVersion":"0.4.0"}""" })
        {
            var run = CniInvoker.Run(Repo.CniPlugin, CniInvoker.Env("VERSION"), stdin);

            Assert.Equal(0, run.Exit);
            Assert.Equal("1.1.0", run.Json.GetProperty("cniVersion").GetString());
            Assert.Equal(["0.3.0", "0.3.1", "0.4.0", "1.0.0", "1.1.0"], run.Json.GetProperty("supportedVersions").EnumerateArray().Select(v => v.GetString()));
        }
    }

    [Fact]
    public async Task Add_DaemonThatNeverAnswers_TryAgainLaterWithinTheTimeout()
    {
        // A socket that accepts and then says nothing: the plugin must give up at its deadline.
        var dir = Directory.CreateTempSubdirectory("mnf-cni-");
        var path = Path.Combine(dir.FullName, "silent.sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen(8);
        var accepted = new List<Socket>();
        var acceptLoop = Task.Run(() =>
        {
            try
            {
                while (true)
                {
                    accepted.Add(listener.Accept());
                }
            }
            catch (SocketException)
            {
            }
            catch (ObjectDisposedException)
            {
            }
        });
        try
        {
            var conf = Conf.Replace("/run/mizarnf/none-such.sock", path);
            var started = System.Diagnostics.Stopwatch.StartNew();
            var run = CniInvoker.Run(Repo.CniPlugin, CniInvoker.Env("ADD", "c1", "/proc/self/ns/net"), conf, timeout: TimeSpan.FromSeconds(30));

            Assert.Equal(11, run.Code);
            Assert.Contains("did not answer", run.Json.GetProperty("msg").GetString(), StringComparison.Ordinal);
            Assert.True(started.Elapsed < TimeSpan.FromSeconds(20), $"gave up only after {started.Elapsed}");
        }
        finally
        {
            listener.Close();
            await acceptLoop.WaitAsync(TimeSpan.FromSeconds(5));
            accepted.ForEach(s => s.Dispose());
            dir.Delete(recursive: true);
        }
    }

    private static Dictionary<string, string> Without(Dictionary<string, string> env, string key)
    {
        env.Remove(key);
        return env;
    }
}
