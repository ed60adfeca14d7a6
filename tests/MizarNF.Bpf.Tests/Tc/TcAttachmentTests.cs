using MizarNF.Bpf.Tests.Fixtures;

namespace MizarNF.Bpf.Tests.Tc;

public sealed class TcAttachmentTests(BpfProgramsFixture programs) : IClassFixture<BpfProgramsFixture>, IDisposable
{
    private const int EEXIST = 17;

    private readonly TestNamespace _ns = TestNamespace.CreateWithVeth();
    private readonly BpfObject _obj = programs.Load("tc_verdicts");

    public void Dispose()
    {
        _obj.Dispose();
        _ns.Dispose();
    }

    [Fact]
    public void AttachReplaceDetach_ClsactIngress_QueryFollows()
    {
        var shot = _obj.Program("mnf_tc_shot");
        var ok = _obj.Program("mnf_tc_ok");

        var (attached, replaced, detached) = NetworkNamespace.Run(_ns.Name, () =>
        {
            var ifindex = NetworkNamespace.InterfaceIndex("a");
            var attachment = TcAttachment.Attach(ifindex, TcAttachPoint.Ingress, shot);
            Assert.Equal(shot.Id, attachment.ProgramId);
            var first = TcAttachment.QueryProgramId(ifindex, TcAttachPoint.Ingress);
            attachment.Replace(ok);
            Assert.Equal(ok.Id, attachment.ProgramId);
            var second = TcAttachment.QueryProgramId(ifindex, TcAttachPoint.Ingress);
            attachment.Detach();
            return (first, second, TcAttachment.QueryProgramId(ifindex, TcAttachPoint.Ingress));
        });

        Assert.Equal(shot.Id, attached);
        Assert.Equal(ok.Id, replaced);
        Assert.Null(detached);
    }

    [Fact]
    public void Attach_SameHandleAndPriority_ThrowsEexist()
    {
        var e = NetworkNamespace.Run(_ns.Name, () =>
        {
            var ifindex = NetworkNamespace.InterfaceIndex("a");
            TcAttachment.Attach(ifindex, TcAttachPoint.Egress, _obj.Program("mnf_tc_ok"));
            return Assert.Throws<BpfException>(() => TcAttachment.Attach(ifindex, TcAttachPoint.Egress, _obj.Program("mnf_tc_shot")));
        });

        Assert.Equal(EEXIST, e.Errno);
        Assert.Equal("mnf_tc_shot", e.ProgramName);
        Assert.Contains("Filter already exists", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exclusivity flag", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Attach_TwoPriorities_BothPresentAndIndependent()
    {
        var ids = NetworkNamespace.Run(_ns.Name, () =>
        {
            var ifindex = NetworkNamespace.InterfaceIndex("b");
            TcAttachment.Attach(ifindex, TcAttachPoint.Ingress, _obj.Program("mnf_tc_ok"), priority: 1);
            TcAttachment.Attach(ifindex, TcAttachPoint.Ingress, _obj.Program("mnf_tc_shot"), priority: 2).Detach();
            return (TcAttachment.QueryProgramId(ifindex, TcAttachPoint.Ingress, priority: 1), TcAttachment.QueryProgramId(ifindex, TcAttachPoint.Ingress, priority: 2));
        });

        Assert.Equal((_obj.Program("mnf_tc_ok").Id, (uint?)null), ids);
    }

    [Fact]
    public void QueryProgramId_NoClsactQdisc_ReturnsNull() =>
        Assert.Null(NetworkNamespace.Run(_ns.Name, () => TcAttachment.QueryProgramId(NetworkNamespace.InterfaceIndex("a"), TcAttachPoint.Ingress)));

    [Fact]
    public void DestroyHook_WithFilters_RemovesThem()
    {
        var remaining = NetworkNamespace.Run(_ns.Name, () =>
        {
            var ifindex = NetworkNamespace.InterfaceIndex("a");
            TcAttachment.Attach(ifindex, TcAttachPoint.Ingress, _obj.Program("mnf_tc_ok"));
            TcAttachment.DestroyHook(ifindex);
            TcAttachment.DestroyHook(ifindex);
            return TcAttachment.Find(ifindex, TcAttachPoint.Ingress);
        });

        Assert.Null(remaining);
    }
}
