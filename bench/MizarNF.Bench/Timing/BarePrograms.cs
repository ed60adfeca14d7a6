using System.Diagnostics;
using MizarNF.Bpf;
using MizarNF.Composer.Compilation;
using MizarNF.Composer.Pipeline;

namespace MizarNF.Bench.Timing;

/// <summary>
/// The floor every figure is measured against: programs that only return "pass" (XDP_PASS,
/// TC_ACT_OK), compiled with the pipelines' clang and flags. What BPF_PROG_TEST_RUN costs around
/// any program (its clock reads, the context set-up) is in both, so the difference is our code.
/// </summary>
internal sealed class BarePrograms : IDisposable
{
    private const string Source = """
        /* mizarnf-bench: bare programs, the floor of every benchmark. */
        #include <linux/bpf.h>
        #include <linux/pkt_cls.h>
        #include <bpf/bpf_helpers.h>

        SEC("xdp")
        int bare_xdp(struct xdp_md *ctx)
        {
        	return XDP_PASS;
        }

        SEC("tc")
        int bare_tc(struct __sk_buff *skb)
        {
        	return TC_ACT_OK;
        }

        char LICENSE[] SEC("license") = "GPL";
        """;

    private readonly BpfObject _object;

    private BarePrograms(BpfObject obj)
    {
        _object = obj;
        Xdp = obj.Program("bare_xdp");
        Tc = obj.Program("bare_tc");
    }

    public BpfProgram Xdp { get; }

    public BpfProgram Tc { get; }

    /// <summary>The bare program of the same program type as <paramref name="hook"/>'s pipelines.</summary>
    public BpfProgram For(PipelineHook hook) => hook == PipelineHook.Tc ? Tc : Xdp;

    public static BarePrograms Load()
    {
        var dir = Directory.CreateTempSubdirectory("mnf-bench-");
        try
        {
            var source = Path.Combine(dir.FullName, "bare.c");
            var objectPath = Path.Combine(dir.FullName, "bare.o");
            File.WriteAllText(source, Source);
            var clang = ClangOptions.Default;
            Compile(clang.ClangPath, [.. clang.BaseArguments, "-c", source, "-o", objectPath]);
            var obj = BpfObject.Open(objectPath);
            try
            {
                obj.Load();
                return new BarePrograms(obj);
            }
            catch
            {
                obj.Dispose();
                throw;
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    public void Dispose() => _object.Dispose();

    private static void Compile(string clang, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(clang) { RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {clang}");
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"clang failed on the bare programs:\n{stderr}");
        }
    }
}
