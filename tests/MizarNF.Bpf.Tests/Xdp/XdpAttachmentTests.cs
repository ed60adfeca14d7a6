using MizarNF.Bpf.Tests.Fixtures;

namespace MizarNF.Bpf.Tests.Xdp;

public sealed class XdpAttachmentTests(BpfProgramsFixture programs) : IClassFixture<BpfProgramsFixture>, IDisposable
{
    private const int EBUSY = 16;

    private readonly TestNamespace _ns = TestNamespace.CreateWithVeth();
    private readonly BpfObject _obj = programs.Load("xdp_swap");

    public void Dispose()
    {
        _obj.Dispose();
        _ns.Dispose();
    }

    [Theory]
    [InlineData(XdpMode.Native, XdpAttachedMode.Native)]
    [InlineData(XdpMode.Generic, XdpAttachedMode.Generic)]
    public void Attach_VethInNamespace_QueryReportsModeAndProgram(XdpMode mode, XdpAttachedMode reported)
    {
        var pass = _obj.Program("mnf_pass");

        var (attachment, query) = NetworkNamespace.Run(_ns.Name, () =>
        {
            var ifindex = NetworkNamespace.InterfaceIndex("a");
            return (XdpAttachment.Attach(ifindex, pass, mode), XdpAttachment.Query(ifindex));
        });

        Assert.Equal(mode, attachment.ModeInUse);
        Assert.Equal(pass.Id, attachment.ProgramId);
        Assert.NotNull(query);
        Assert.Equal(reported, query.Mode);
        Assert.Equal(pass.Id, query.ProgramId);
    }

    [Theory]
    [InlineData(XdpMode.Native)]
    [InlineData(XdpMode.Generic)]
    public void Replace_Attached_SwapsProgramIdAtomically(XdpMode mode)
    {
        var pass = _obj.Program("mnf_pass");
        var swap = _obj.Program("mnf_swap_macs");

        var (before, after) = NetworkNamespace.Run(_ns.Name, () =>
        {
            var ifindex = NetworkNamespace.InterfaceIndex("a");
            var attachment = XdpAttachment.Attach(ifindex, pass, mode);
            var first = XdpAttachment.Query(ifindex)!.ProgramIdIn(mode);
            attachment.Replace(swap);
            return (first, XdpAttachment.Query(ifindex)!.ProgramIdIn(mode));
        });

        Assert.Equal(pass.Id, before);
        Assert.Equal(swap.Id, after);
    }

    [Fact]
    public void Detach_Attached_LeavesNothingAttached()
    {
        var remaining = NetworkNamespace.Run(_ns.Name, () =>
        {
            var ifindex = NetworkNamespace.InterfaceIndex("a");
            var attachment = XdpAttachment.Attach(ifindex, _obj.Program("mnf_pass"), XdpMode.Native);
            attachment.Detach();
            Assert.False(attachment.IsAttached);
            Assert.Throws<InvalidOperationException>(attachment.Detach);
            return XdpAttachment.Query(ifindex);
        });

        Assert.Null(remaining);
    }

    [Fact]
    public void Attach_AlreadyAttached_ThrowsEbusyInsteadOfReplacing()
    {
        var e = NetworkNamespace.Run(_ns.Name, () =>
        {
            var ifindex = NetworkNamespace.InterfaceIndex("a");
            XdpAttachment.Attach(ifindex, _obj.Program("mnf_pass"), XdpMode.Native);
            return Assert.Throws<BpfException>(() => XdpAttachment.Attach(ifindex, _obj.Program("mnf_swap_macs"), XdpMode.Native));
        });

        Assert.Equal(EBUSY, e.Errno);
        Assert.Equal("bpf_xdp_attach", e.Operation);
        Assert.Equal("mnf_swap_macs", e.ProgramName);
        Assert.Contains("XDP program already attached", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dispose_Attachment_ProgramStaysAndFindRecoversIt()
    {
        var pass = _obj.Program("mnf_pass");

        var found = NetworkNamespace.Run(_ns.Name, () =>
        {
            var ifindex = NetworkNamespace.InterfaceIndex("a");
            using (XdpAttachment.Attach(ifindex, pass, XdpMode.Generic))
            {
            }

            var recovered = XdpAttachment.Find(ifindex, XdpMode.Generic);
            recovered?.Detach();
            return recovered;
        });

        Assert.NotNull(found);
        Assert.Equal(pass.Id, found.ProgramId);
    }

    [Fact]
    public void Attach_ObjectClosedAfterwards_StaysAttached()
    {
        using var other = programs.Load("xdp_swap");
        var id = other.Program("mnf_pass").Id;
        NetworkNamespace.Run(_ns.Name, () => XdpAttachment.Attach(NetworkNamespace.InterfaceIndex("a"), other.Program("mnf_pass"), XdpMode.Native));

        other.Dispose();

        Assert.Equal(id, NetworkNamespace.Run(_ns.Name, () => XdpAttachment.Query(NetworkNamespace.InterfaceIndex("a"))?.ProgramId));
    }
}
