using MizarNF.Bpf;
using MizarNF.Composer.Attach;
using MizarNF.Composer.Compilation;
using MizarNF.Composer.Pipeline;
using MizarNF.Composer.Plugins;
using MizarNF.Composer.Tests.Fixtures;
using MizarNF.Contracts;

namespace MizarNF.Composer.Tests.Pipeline;

/// <summary>
/// A pipeline runs on a veth in a test namespace; building a replacement from a broken plugin
/// (Scriban error, C error, verifier rejection) fails naming the plugin and line, and the
/// attached pipeline keeps running: same program id, traffic still flows and is still counted.
/// </summary>
[Collection(SamplePluginsCollection.Name)]
public sealed class BrokenPluginAgainstAttachedPipelineTests(SamplePluginsFixture plugins)
{
    public static TheoryData<string, string, BuildStage, int> Broken() => new()
    {
        { "scriban", "/* ok */\n{{ for x in }}\n", BuildStage.Template, 2 },
        { "c", "/* ok */\nstatic __always_inline int proto_counter_count(mnf_ctx_t *ctx, struct mnf_pkt *pkt)\n{\n\treturn undefined_thing;\n}\n", BuildStage.Compile, 4 },
        { "verifier", "#include \"proto_counter.h\"\nstatic __always_inline int proto_counter_count(mnf_ctx_t *ctx, struct mnf_pkt *pkt)\n{\n\t__u8 *p = ctx_data(ctx);\n\tif (p[300] == 7)\n\t\treturn MNF_V_TX;\n\treturn MNF_CONTINUE;\n}\n", BuildStage.Load, 5 },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Replace_WithBrokenPlugin_FailsNamingPluginAndLineAndKeepsRunning(string kind, string template, BuildStage stage, int line)
    {
        using var bed = new TwoHostTestbed();
        using var running = Build(plugins["ProtoCounter"]);
        var attachment = PipelineAttachment.Attach(running, new AttachTarget(bed.Right, "veth1", XdpMode.Native));
        var id = attachment.AttachedProgramId();
        Assert.True(bed.Ping(), "traffic before");
        var counted = IcmpCount(running);
        Assert.True(counted >= 3, $"ICMP counted {counted}");

        var e = Assert.Throws<PipelineBuildException>(() =>
        {
            using var next = Build(plugins.WithTemplate("ProtoCounter", template));
            attachment.Replace(next);
        });

        Assert.Equal(stage, e.Stage);
        Assert.Equal("ProtoCounter", e.Function);
        Assert.Equal(line, e.Line);
        Assert.Contains($"plugin 'ProtoCounter'", e.Message);
        Assert.Equal(id, attachment.AttachedProgramId());
        Assert.True(bed.Ping(), $"traffic after a {kind} error");
        Assert.True(IcmpCount(running) >= counted + 3, "the running pipeline still counts");
    }

    [Fact]
    public void Replace_WithGoodPipeline_SwapsProgramAtomically()
    {
        using var bed = new TwoHostTestbed();
        using var first = Build(plugins["ProtoCounter"]);
        var attachment = PipelineAttachment.Attach(first, new AttachTarget(bed.Right, "veth1", XdpMode.Generic));
        Assert.Equal("xdp-generic", attachment.Mode);
        var before = attachment.AttachedProgramId();

        using var second = Build(plugins["PortFilter"]);
        attachment.Replace(second);

        Assert.NotEqual(before, attachment.AttachedProgramId());
        Assert.Equal(second.Program.Id, attachment.AttachedProgramId());
        Assert.True(bed.Ping());
    }

    private static ulong IcmpCount(LoadedPipeline p) =>
        p.Object.PerCpuMap<uint, ulong>("pc_by_proto").Lookup(1u).Aggregate(0UL, (a, b) => a + b);

    private static LoadedPipeline Build(LoadedFunction f) =>
        PipelineLoader.Load(new BpfCompiler().Compile(new PipelineRenderer(RepoPaths.BpfTemplates).Render(new PipelineSpec(AttachPoint.Transit, PipelineHook.Xdp, [f]))));
}
