using MizarNF.Composer.Pipeline;
using MizarNF.Composer.Tests.Fixtures;
using MizarNF.Contracts;

namespace MizarNF.Composer.Tests.Pipeline;

[Collection(SamplePluginsCollection.Name)]
public sealed class PipelineRendererTests(SamplePluginsFixture plugins)
{
    private readonly PipelineRenderer _renderer = new(RepoPaths.BpfTemplates);

    [Fact]
    public void Render_NoFunctions_StartsWithGeneratedFromAndCallsNoSegment()
    {
        var r = _renderer.Render(new PipelineSpec(AttachPoint.Transit, PipelineHook.Xdp, []));

        Assert.StartsWith("/* generated from bpf-templates/pipeline.c.scriban", r.Source);
        Assert.Contains("SEC(\"xdp\")", r.Source);
        Assert.Contains("int mnf_transit(mnf_ctx_t *ctx)", r.Source);
        Assert.DoesNotContain("pkt.fn = 1;", r.Source);
        Assert.Empty(r.Slots);
    }

    [Fact]
    public void Render_ThreeFunctions_CallsSegmentsInPriorityOrder()
    {
        // Given out of order on purpose: priority, not list order, decides.
        var r = _renderer.Render(new PipelineSpec(AttachPoint.Agent, PipelineHook.Tc,
            [plugins["Reflector"], plugins["ProtoCounter"], plugins["PortFilter"]]));

        var calls = new[] { "v = proto_counter_count(ctx, &pkt);", "v = port_filter_check(ctx, &pkt);", "v = reflector_echo(ctx, &pkt);" }
            .Select(c => r.Source.IndexOf(c, StringComparison.Ordinal)).ToList();
        Assert.All(calls, i => Assert.True(i > 0));
        Assert.Equal(calls.Order(), calls);
        Assert.Equal(["ProtoCounter", "PortFilter", "Reflector"], r.Slots.Select(s => s.Name));
        Assert.Equal([1, 2, 3], r.Slots.Select(s => s.Id));
        Assert.Contains("#define MNF_HOOK_TC 1", r.Source);
        Assert.Contains("int mnf_agent(mnf_ctx_t *ctx)", r.Source);
    }

    [Fact]
    public void Render_SegmentBody_IsPrecededByLineDirectiveToItsTemplate()
    {
        var pc = plugins["ProtoCounter"];
        var r = _renderer.Render(new PipelineSpec(AttachPoint.Transit, PipelineHook.Xdp, [pc]));

        Assert.Contains($"#line 1 \"{pc.Resolve("bpf/proto_counter.c.scriban")}\"", r.Source);
        Assert.Equal("ProtoCounter", r.SourceOwners[pc.Resolve("bpf/proto_counter.c.scriban")]);
        // After the segments, line numbers point back into the rendered file itself.
        var lines = r.Source.Split('\n');
        var resync = Array.FindIndex(lines, l => l.StartsWith("#line ", StringComparison.Ordinal) && l.Contains(r.OutputName, StringComparison.Ordinal));
        Assert.Equal($"#line {resync + 2} \"{r.OutputName}\"", lines[resync]);
    }

    [Fact]
    public void Render_UnknownVariable_NamesPluginAndTemplateLine()
    {
        var broken = plugins.WithTemplate("PortFilter", "/* ok */\n/* ok */\nstatic int x = {{ no_such_value }};\n");

        var e = Assert.Throws<PipelineBuildException>(() =>
            _renderer.Render(new PipelineSpec(AttachPoint.Transit, PipelineHook.Xdp, [broken])));

        Assert.Equal(BuildStage.Template, e.Stage);
        Assert.Equal("PortFilter", e.Function);
        Assert.Equal(3, e.Line);
        Assert.Contains("plugin 'PortFilter'", e.Message);
        Assert.Contains("port_filter.c.scriban:3", e.Message);
    }

    [Fact]
    public void Render_ScribanSyntaxError_NamesPluginAndTemplateLine()
    {
        var broken = plugins.WithTemplate("Reflector", "/* line 1 */\n{{ if hook == \"xdp\" }}\n/* never closed */\n{{ for x in }}\n");

        var e = Assert.Throws<PipelineBuildException>(() =>
            _renderer.Render(new PipelineSpec(AttachPoint.Transit, PipelineHook.Xdp, [broken])));

        Assert.Equal(BuildStage.Template, e.Stage);
        Assert.Equal("Reflector", e.Function);
        Assert.NotNull(e.Line);
        Assert.InRange(e.Line!.Value, 2, 4);
    }
}
