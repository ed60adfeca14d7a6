using MizarNF.Bpf;
using MizarNF.Composer.Pipeline;

namespace MizarNF.Composer.Attach;

/// <summary>
/// A pipeline attached to an interface: XDP (native or generic) or tc clsact ingress, by the
/// pipeline's hook. <see cref="Replace"/> swaps programs atomically, so a new pipeline takes
/// over without a gap; a pipeline that fails to build never reaches this point, which leaves the
/// attached one running.
/// </summary>
public sealed class PipelineAttachment
{
    private readonly XdpAttachment? _xdp;
    private readonly TcAttachment? _tc;

    private PipelineAttachment(AttachTarget target, LoadedPipeline pipeline, int ifindex, XdpAttachment? xdp, TcAttachment? tc)
    {
        Target = target;
        Current = pipeline;
        Ifindex = ifindex;
        _xdp = xdp;
        _tc = tc;
    }

    /// <summary>Where it is attached.</summary>
    public AttachTarget Target { get; }

    /// <summary>The interface's index (in its namespace).</summary>
    public int Ifindex { get; }

    /// <summary>The pipeline running now.</summary>
    public LoadedPipeline Current { get; private set; }

    /// <summary>How it is attached, as the kernel reports it.</summary>
    public string Mode => _xdp is not null ? $"xdp-{_xdp.ModeInUse.ToString().ToLowerInvariant()}" : "tc-ingress";

    /// <summary>Attaches <paramref name="pipeline"/> to <paramref name="target"/>.</summary>
    public static PipelineAttachment Attach(LoadedPipeline pipeline, AttachTarget target) => target.InNamespace(() =>
    {
        var ifindex = NetworkNamespace.InterfaceIndex(target.Interface);
        return pipeline.Compiled.Rendered.Spec.Hook == PipelineHook.Tc
            ? new PipelineAttachment(target, pipeline, ifindex, null, TcAttachment.Attach(ifindex, TcAttachPoint.Ingress, pipeline.Program))
            : new PipelineAttachment(target, pipeline, ifindex, XdpAttachment.Attach(ifindex, pipeline.Program, target.XdpMode), null);
    });

    /// <summary>
    /// Attaches <paramref name="pipeline"/>, or, when a program is already attached the same way
    /// (a previous daemon's), replaces it atomically: traffic never meets an empty interface.
    /// </summary>
    public static PipelineAttachment Adopt(LoadedPipeline pipeline, AttachTarget target, int? ifindex = null) => target.InNamespace(() =>
    {
        var index = ifindex ?? NetworkNamespace.InterfaceIndex(target.Interface);
        if (pipeline.Compiled.Rendered.Spec.Hook == PipelineHook.Tc)
        {
            var tc = TcAttachment.Find(index, TcAttachPoint.Ingress);
            if (tc is null)
            {
                return new PipelineAttachment(target, pipeline, index, null, TcAttachment.Attach(index, TcAttachPoint.Ingress, pipeline.Program));
            }

            tc.Replace(pipeline.Program);
            return new PipelineAttachment(target, pipeline, index, null, tc);
        }

        var xdp = XdpAttachment.Find(index, target.XdpMode);
        if (xdp is null)
        {
            return new PipelineAttachment(target, pipeline, index, XdpAttachment.Attach(index, pipeline.Program, target.XdpMode), null);
        }

        xdp.Replace(pipeline.Program);
        return new PipelineAttachment(target, pipeline, index, xdp, null);
    });

    /// <summary>Atomically replaces the running program with <paramref name="next"/>'s.</summary>
    public void Replace(LoadedPipeline next)
    {
        var nextIsTc = next.Compiled.Rendered.Spec.Hook == PipelineHook.Tc;
        if (nextIsTc != (_tc is not null))
        {
            throw new InvalidOperationException($"cannot replace a {Mode} pipeline on {Target} with a {next.Compiled.Rendered.Spec.Hook} one: detach first");
        }

        Target.InNamespace(() =>
        {
            if (_tc is not null)
            {
                _tc.Replace(next.Program);
            }
            else
            {
                _xdp!.Replace(next.Program);
            }

            return 0;
        });
        Current = next;
    }

    /// <summary>The id of the program the kernel runs on the interface now (null: none).</summary>
    public uint? AttachedProgramId() => Target.InNamespace(() => _tc is not null
        ? TcAttachment.QueryProgramId(Ifindex, TcAttachPoint.Ingress)
        : XdpAttachment.Query(Ifindex)?.ProgramId);

    /// <summary>Detaches the pipeline.</summary>
    public void Detach() => Target.InNamespace(() =>
    {
        _tc?.Detach();
        _xdp?.Detach();
        return 0;
    });
}
