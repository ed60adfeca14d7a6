using MizarNF.Bpf.Tests.Fixtures;

namespace MizarNF.Bpf.Tests.Objects;

public sealed class BpfProgramTestRunTests(BpfProgramsFixture programs) : IClassFixture<BpfProgramsFixture>
{
    private const uint XdpTx = 3;
    private const uint TcActOk = 0;
    private const uint TcActShot = 2;
    private const int ENOSPC = 28;

    [Fact]
    public void TestRun_XdpSwapMacs_ReturnsTxWithMacsSwapped()
    {
        using var obj = programs.Load("xdp_swap");
        var input = TestPackets.Udp();

        var result = obj.Program("mnf_swap_macs").TestRun(input.Bytes);

        Assert.Equal(XdpTx, result.ReturnValue);
        var output = TestPackets.Parse(result.Output);
        Assert.Equal(input.DestinationHardwareAddress, output.SourceHardwareAddress);
        Assert.Equal(input.SourceHardwareAddress, output.DestinationHardwareAddress);
        Assert.Equal(input.PayloadPacket.Bytes, output.PayloadPacket.Bytes);
    }

    [Theory]
    [InlineData("mnf_tc_shot", TcActShot)]
    [InlineData("mnf_tc_ok", TcActOk)]
    public void TestRun_TcProgram_ReturnsItsVerdict(string program, uint verdict)
    {
        using var obj = programs.Load("tc_verdicts");
        var input = TestPackets.Udp().Bytes;

        var result = obj.Program(program).TestRun(input, repeat: 3);

        Assert.Equal(verdict, result.ReturnValue);
        Assert.Equal(input, result.Output);
    }

    [Fact]
    public void TestRun_XdpWithContext_ReturnsContextOutput()
    {
        using var obj = programs.Load("xdp_swap");
        var packet = TestPackets.Udp().Bytes;
        // struct xdp_md { data, data_end, data_meta, ingress_ifindex, rx_queue_index, egress_ifindex }
        uint[] xdpMd = [0, (uint)packet.Length, 0, 0, 0, 0];

        var result = obj.Program("mnf_pass").TestRun(packet, context: System.Runtime.InteropServices.MemoryMarshal.AsBytes(xdpMd.AsSpan()));

        Assert.NotNull(result.ContextOutput);
        Assert.Equal(24, result.ContextOutput.Length);
        Assert.Equal((uint)packet.Length, BitConverter.ToUInt32(result.ContextOutput, 4));
        Assert.Equal(packet, result.Output);
    }

    [Fact]
    public void TestRun_OutputCapacityTooSmall_ThrowsEnospc()
    {
        using var obj = programs.Load("xdp_swap");

        var e = Assert.Throws<BpfException>(() => obj.Program("mnf_pass").TestRun(TestPackets.Udp().Bytes, outputCapacity: 20));

        Assert.Equal(ENOSPC, e.Errno);
        Assert.Equal("mnf_pass", e.ProgramName);
    }
}
