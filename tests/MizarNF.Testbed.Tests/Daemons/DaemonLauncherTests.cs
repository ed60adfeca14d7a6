using System.Diagnostics;
using System.Net;

namespace MizarNF.Testbed.Tests.Daemons;

public sealed class DaemonLauncherTests
{
    private readonly TestbedNode _node = new TestbedLayout("ab1").Node(1, IPAddress.Loopback, "02:00:00:00:00:01");

    [Fact]
    public void Wrap_Command_EntersOnlyTheNetworkNamespaceAndLogs()
    {
        var command = new ProcessStartInfo("mizarnf-node") { ArgumentList = { "--socket", "/x y.sock" }, WorkingDirectory = "/tmp" };
        command.Environment["MNF_TEST"] = "1";

        var wrapped = DaemonLauncher.Wrap(_node, command);

        Assert.Equal("/bin/sh", wrapped.FileName);
        Assert.Equal(
            ["/run/mizarnf/ab1/n1.log", "nsenter", "--net=/var/run/netns/ab1-n1", "--", "mizarnf-node", "--socket", "/x y.sock"],
            wrapped.ArgumentList.Skip(3));
        Assert.Equal("/tmp", wrapped.WorkingDirectory);
        Assert.Equal("1", wrapped.Environment["MNF_TEST"]);
    }

    [Fact]
    public void Wrap_ArgumentsString_Throws() =>
        Assert.Throws<ArgumentException>(() => DaemonLauncher.Wrap(_node, new ProcessStartInfo("x", "--a b")));

    [Fact]
    public void Wrap_ShellExecute_Throws() =>
        Assert.Throws<ArgumentException>(() => DaemonLauncher.Wrap(_node, new ProcessStartInfo("x") { UseShellExecute = true }));
}
