using MizarNF.Bpf;
using MizarNF.Composer.Compilation;
using MizarNF.Composer.Pipeline;
using MizarNF.Composer.Plugins;
using MizarNF.Composer.Tests.Fixtures;
using MizarNF.Contracts;

namespace MizarNF.Composer.Tests.Compilation;

/// <summary>Every supported combination renders, compiles with clang and passes the kernel's verifier.</summary>
[Collection(SamplePluginsCollection.Name)]
public sealed class PipelineMatrixTests(SamplePluginsFixture plugins)
{
    public static TheoryData<AttachPoint, PipelineHook, int> Combinations()
    {
        var data = new TheoryData<AttachPoint, PipelineHook, int>();
        foreach (var ap in Enum.GetValues<AttachPoint>())
        {
            foreach (var hook in Enum.GetValues<PipelineHook>())
            {
                foreach (var n in new[] { 0, 1, 3 })
                {
                    data.Add(ap, hook, n);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public void Load_Combination_PassesVerifier(AttachPoint attachPoint, PipelineHook hook, int functions)
    {
        var chosen = plugins.All.Take(functions).ToList();
        var rendered = new PipelineRenderer(RepoPaths.BpfTemplates).Render(new PipelineSpec(attachPoint, hook, chosen));
        var compiled = new BpfCompiler().Compile(rendered);

        using var loaded = PipelineLoader.Load(compiled);

        Assert.Equal(hook == PipelineHook.Tc ? BpfProgramType.SchedCls : BpfProgramType.Xdp, loaded.Program.Type);
        Assert.Equal(functions, loaded.Slots.Count);
        Assert.True(loaded.Program.Fd > 0);
    }

    [Fact]
    public void Compile_SameInputsTwice_SecondComesFromCache()
    {
        var cache = Directory.CreateTempSubdirectory("mnf-cache-").FullName;
        try
        {
            var compiler = new BpfCompiler(ClangOptions.Default with { CacheDirectory = cache });
            var rendered = new PipelineRenderer(RepoPaths.BpfTemplates).Render(new PipelineSpec(AttachPoint.Transit, PipelineHook.Xdp, [plugins["ProtoCounter"]]));

            var first = compiler.Compile(rendered);
            var second = compiler.Compile(rendered);
            var other = compiler.Compile(rendered with { Source = rendered.Source + "\n/* changed */\n" });

            Assert.False(first.FromCache);
            Assert.True(second.FromCache);
            Assert.Equal(first.ObjectPath, second.ObjectPath);
            Assert.False(other.FromCache);
            Assert.NotEqual(first.Hash, other.Hash);
            Assert.Equal(rendered.Source, File.ReadAllText(first.SourcePath));
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }

    [Fact]
    public void Compile_SamePipelineInParallel_EveryObjectComplete()
    {
        // Three daemons of a testbed start at once and compile the same pipeline: none may see a
        // half-written source (an empty object once went into the cache that way).
        var cache = Directory.CreateTempSubdirectory("mnf-cache-").FullName;
        try
        {
            var rendered = new PipelineRenderer(RepoPaths.BpfTemplates).Render(new PipelineSpec(AttachPoint.Transit, PipelineHook.Tc, plugins.All));
            var compiled = Enumerable.Range(0, 6).AsParallel().WithDegreeOfParallelism(6)
                .Select(_ => new BpfCompiler(ClangOptions.Default with { CacheDirectory = cache }).Compile(rendered)).ToList();

            foreach (var c in compiled)
            {
                using var loaded = PipelineLoader.Load(c);
                Assert.Contains(loaded.Object.Maps, m => m.Name == "pc_by_proto");
            }

            Assert.Empty(Directory.GetDirectories(cache, "*.tmp"));
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }

    [Fact]
    public void Compile_CErrorInSegment_NamesPluginAndTemplateLine()
    {
        var broken = plugins.WithTemplate("PortFilter",
            "/* PortFilter, broken on purpose */\n" +
            "static __always_inline int port_filter_check(mnf_ctx_t *ctx, struct mnf_pkt *pkt)\n" +
            "{\n" +
            "\treturn no_such_symbol;\n" +
            "}\n");

        var e = Assert.Throws<PipelineBuildException>(() => Build(broken));

        Assert.Equal(BuildStage.Compile, e.Stage);
        Assert.Equal("PortFilter", e.Function);
        Assert.Equal(4, e.Line);
        Assert.Contains("no_such_symbol", e.Message);
        Assert.Contains("port_filter.c.scriban:4", e.Message);
    }

    [Fact]
    public void Load_VerifierRejectsSegment_NamesPluginAndTemplateLine()
    {
        // Reads the packet without a bounds check: clang accepts it, the verifier must not.
        var broken = plugins.WithTemplate("Reflector",
            "/* Reflector, broken on purpose */\n" +
            "static __always_inline int reflector_echo(mnf_ctx_t *ctx, struct mnf_pkt *pkt)\n" +
            "{\n" +
            "\t__u8 *p = ctx_data(ctx);\n" +
            "\tif (p[200] == 7)\n" +
            "\t\treturn MNF_V_TX;\n" +
            "\treturn MNF_CONTINUE;\n" +
            "}\n");

        var e = Assert.Throws<PipelineBuildException>(() => Build(broken));

        Assert.Equal(BuildStage.Load, e.Stage);
        Assert.Equal("Reflector", e.Function);
        Assert.Equal(5, e.Line);
        Assert.Contains("invalid access to packet", e.Details);
    }

    private static void Build(LoadedFunction function)
    {
        var rendered = new PipelineRenderer(RepoPaths.BpfTemplates).Render(new PipelineSpec(AttachPoint.Transit, PipelineHook.Xdp, [function]));
        using var _ = PipelineLoader.Load(new BpfCompiler().Compile(rendered));
    }
}
