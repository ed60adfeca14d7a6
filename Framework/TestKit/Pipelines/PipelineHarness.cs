using MizarNF.Composer.Compilation;
using MizarNF.Composer.Pipeline;
using MizarNF.Composer.Plugins;
using MizarNF.Contracts;

namespace MizarNF.TestKit.Pipelines;

/// <summary>
/// The packet test kit: composes a pipeline from chosen functions, loads it (unattached, unpinned),
/// lets a test set map entries, and runs packets through the kernel with BPF_PROG_TEST_RUN.
/// Each run reads the epilogue's counters before and after, so a result says which function
/// decided and why, on both hooks alike (tc's return codes cannot tell TX from a redirect).
/// </summary>
public sealed class PipelineHarness : IDisposable
{
    private readonly bool _owns;

    private PipelineHarness(LoadedPipeline pipeline, bool owns = true)
    {
        Pipeline = pipeline;
        _owns = owns;
    }

    /// <summary>The loaded pipeline.</summary>
    public LoadedPipeline Pipeline { get; }

    /// <summary>Renders, compiles and loads a pipeline of <paramref name="functions"/>.</summary>
    public static PipelineHarness Build(
        AttachPoint attachPoint,
        PipelineHook hook,
        IEnumerable<LoadedFunction> functions,
        IReadOnlyDictionary<string, uint>? mapSizes = null,
        ClangOptions? clang = null,
        PinLayout? pins = null)
    {
        var spec = new PipelineSpec(attachPoint, hook, functions.ToList(), mapSizes);
        var rendered = new PipelineRenderer().Render(spec);
        var compiled = new BpfCompiler(clang).Compile(rendered);
        return new PipelineHarness(PipelineLoader.Load(compiled, pins));
    }

    /// <summary>Runs packets through an already loaded pipeline (the caller keeps owning it).</summary>
    public static PipelineHarness Wrap(LoadedPipeline pipeline) => new(pipeline, owns: false);

    /// <summary>A map of the pipeline, typed.</summary>
    public IMap<TKey, TValue> Map<TKey, TValue>(string name)
        where TKey : unmanaged
        where TValue : unmanaged => Pipeline.Map<TKey, TValue>(name);

    /// <summary>The counters now.</summary>
    public PipelineCounters Counters() => Pipeline.ReadCounters();

    /// <summary>Runs one packet through the pipeline, optionally with a context (xdp_md or __sk_buff).</summary>
    public PacketResult Run(ReadOnlySpan<byte> frame, ReadOnlySpan<byte> context = default)
    {
        var before = Counters();
        var run = Pipeline.Program.TestRun(frame, repeat: 1, context: context);
        var after = Counters();
        foreach (var f in after.Functions)
        {
            var was = before.Functions.First(b => b.Id == f.Id);
            var d = Delta(was.Verdicts, f.Verdicts);
            if (d is null)
            {
                continue;
            }

            var reason = d == PacketVerdict.Drop ? f.DropsByReason.First(r => was.DropsOf(r.Key) != r.Value).Key : (byte)0;
            return new PacketResult(d.Value, f.Name, reason, d == PacketVerdict.Drop ? f.ReasonName(reason) : null, run.ReturnValue, run.Output);
        }

        return new PacketResult(PacketVerdict.Aborted, FunctionCounters.Framework, 0, null, run.ReturnValue, run.Output);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_owns)
        {
            Pipeline.Dispose();
        }
    }

    private static PacketVerdict? Delta(VerdictStats a, VerdictStats b) =>
        b.Pass != a.Pass ? PacketVerdict.Pass
        : b.Drop != a.Drop ? PacketVerdict.Drop
        : b.Tx != a.Tx ? PacketVerdict.Tx
        : b.Redirect != a.Redirect ? PacketVerdict.Redirect
        : null;
}
