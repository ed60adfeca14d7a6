using System.Net.Sockets;

namespace MizarNF.ControlPlane.Kubernetes.Tests.FakeApi;

public sealed class FakeApiServerTests
{
    [Fact]
    public async Task Dispose_AfterUse_NothingListensOnItsPort()
    {
        var server = await FakeApiServer.StartAsync();
        var port = server.Address.Port;
        using (var before = new TcpClient())
        {
            await before.ConnectAsync("127.0.0.1", port);
        }

        await server.DisposeAsync();

        using var after = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => after.ConnectAsync("127.0.0.1", port));
    }
}
