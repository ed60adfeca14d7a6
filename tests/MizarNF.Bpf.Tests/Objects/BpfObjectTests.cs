using MizarNF.Bpf.Tests.Fixtures;

namespace MizarNF.Bpf.Tests.Objects;

public sealed class BpfObjectTests(BpfProgramsFixture programs) : IClassFixture<BpfProgramsFixture>
{
    private const int EACCES = 13;
    private const int ENOENT = 2;

    [Fact]
    public void Load_ValidObject_ProgramsAreLoadedWithTypes()
    {
        using var obj = programs.Load("xdp_swap");

        Assert.Equal(["mnf_swap_macs", "mnf_pass"], obj.Programs.Select(p => p.Name));
        Assert.All(obj.Programs, p =>
        {
            Assert.Equal("xdp", p.SectionName);
            Assert.Equal(BpfProgramType.Xdp, p.Type);
            Assert.True(p.Fd > 0);
            Assert.True(p.Id > 0);
        });
        using var tc = programs.Open("tc_verdicts");
        Assert.Equal(BpfProgramType.SchedCls, tc.Program("mnf_tc_shot").Type);
    }

    [Fact]
    public void Open_MissingFile_ThrowsWithEnoent()
    {
        var e = Assert.Throws<BpfException>(() => BpfObject.Open("/nonexistent/mnf.bpf.o"));

        Assert.Equal(ENOENT, e.Errno);
        Assert.Equal("bpf_object__open_file", e.Operation);
        Assert.Equal("mnf.bpf.o", e.ObjectName);
    }

    [Fact]
    public void Load_OutOfBoundsPacketRead_ThrowsWithVerifierLogOfRejectedProgram()
    {
        using var obj = programs.Open("rejected");

        var e = Assert.Throws<BpfException>(obj.Load);

        Assert.Equal("bpf_object__load", e.Operation);
        Assert.Equal(EACCES, e.Errno);
        Assert.Equal("rejected.bpf.o", e.ObjectName);
        Assert.Equal("mnf_oob", e.ProgramName);
        Assert.Contains("invalid access to packet", e.VerifierLog, StringComparison.Ordinal);
        Assert.StartsWith("bpf_object__load failed for 'rejected.bpf.o' (program 'mnf_oob'): Permission denied (errno 13)\n", e.Message, StringComparison.Ordinal);
        Assert.Contains("invalid access to packet", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Twice_ThrowsInvalidOperation()
    {
        using var obj = programs.Load("xdp_swap");

        Assert.Throws<InvalidOperationException>(obj.Load);
    }

    [Fact]
    public void Program_UnknownName_ThrowsKeyNotFoundListingPrograms()
    {
        using var obj = programs.Open("xdp_swap");

        var e = Assert.Throws<KeyNotFoundException>(() => obj.Program("mnf_nope"));

        Assert.Contains("mnf_swap_macs, mnf_pass", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fd_BeforeLoad_ThrowsInvalidOperation()
    {
        using var obj = programs.Open("xdp_swap");

        Assert.Throws<InvalidOperationException>(() => obj.Program("mnf_pass").Fd);
    }

    [Fact]
    public void BorrowedProgramAndMap_AfterDispose_ThrowObjectDisposed()
    {
        var obj = programs.Load("maps");
        var program = obj.Program("mnf_count");
        var map = obj.Map<uint, ulong>("mnf_t_array");
        var definition = obj.MapDefinition("mnf_t_array");

        obj.Dispose();

        Assert.Throws<ObjectDisposedException>(() => program.Fd);
        Assert.Throws<ObjectDisposedException>(() => program.TestRun(new byte[64]));
        Assert.Throws<ObjectDisposedException>(() => map.TryLookup(0, out _));
        Assert.Throws<ObjectDisposedException>(() => definition.MaxEntries);
        Assert.Throws<ObjectDisposedException>(() => obj.Programs);
    }
}
