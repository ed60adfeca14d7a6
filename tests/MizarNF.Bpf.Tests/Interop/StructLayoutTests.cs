using MizarNF.Bpf.Interop;
using MizarNF.Bpf.Tests.Fixtures;

namespace MizarNF.Bpf.Tests.Interop;

/// <summary>Every layout and constant shared with C is checked by clang against the installed headers.</summary>
public sealed class StructLayoutTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("mnf-layout-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void InteropStructsAndConstants_AgainstLibbpfHeaders_Match()
    {
        var guard = LibbpfGuard();
        foreach (var type in typeof(BpfObject).Assembly.GetTypes().Where(t => t.Namespace == typeof(Libbpf).Namespace && t.IsValueType && t.Name.StartsWith("bpf_", StringComparison.Ordinal)))
        {
            guard.Struct(type, type.Name);
        }

        AssertCompiles(guard);
    }

    [Fact]
    public void TestStructs_AgainstTestHeader_Match()
    {
        var guard = new LayoutGuard("test_structs.h")
            .Struct(typeof(FlowKey), "mnf_t_flow_key")
            .Struct(typeof(FlowStats), "mnf_t_flow_stats");

        AssertCompiles(guard, BpfProgramsFixture.SourceDirectory);
    }

    [Fact]
    public void Guard_WrongSize_ClangRejects()
    {
        var guard = new LayoutGuard("bpf/libbpf.h").Assert("sizeof(struct bpf_tc_opts)", 28);

        var (exitCode, diagnostics) = Compile(guard);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("sizeof(struct bpf_tc_opts) is 28 in C#", diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public void Guard_InteropStructs_AreAllFound()
    {
        var names = typeof(BpfObject).Assembly.GetTypes().Where(t => t.Namespace == typeof(Libbpf).Namespace && t.IsValueType && t.Name.StartsWith("bpf_", StringComparison.Ordinal)).Select(t => t.Name);

        Assert.Superset(
            new HashSet<string> { "bpf_tc_hook", "bpf_tc_opts", "bpf_xdp_attach_opts", "bpf_xdp_query_opts", "bpf_test_run_opts", "bpf_map_batch_opts", "bpf_map_info", "bpf_prog_info" },
            names.ToHashSet());
    }

    private static LayoutGuard LibbpfGuard() =>
        new LayoutGuard("errno.h", "fcntl.h", "sched.h", "linux/bpf.h", "linux/if_link.h", "bpf/bpf.h", "bpf/libbpf.h")
            .Constants(typeof(Libbpf))
            .Constants(typeof(Libc))
            .Constants(typeof(Errno), "ENOTSUPP") // kernel-internal: no user-space header defines it
            .Enum<BpfProgramType>("BPF_PROG_TYPE_")
            .Enum<BpfMapType>("BPF_MAP_TYPE_")
            .Enum<TcAttachPoint>("BPF_TC_");

    private void AssertCompiles(LayoutGuard guard, params string[] includeDirectories)
    {
        var (exitCode, diagnostics) = Compile(guard, includeDirectories);
        Assert.True(exitCode == 0, $"clang rejected the layout guard:\n{diagnostics}\n{guard.Source}");
    }

    private (int ExitCode, string Diagnostics) Compile(LayoutGuard guard, params string[] includeDirectories)
    {
        var source = Path.Combine(_directory, $"guard-{Guid.NewGuid():N}.c");
        File.WriteAllText(source, guard.Source);
        return Clang.CheckHostC(source, includeDirectories);
    }
}
