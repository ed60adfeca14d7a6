namespace MizarNF.Composer.Pipeline;

/// <summary>A snapshot of a pipeline's counters, per function, with drops per reason.</summary>
public sealed class PipelineCounters
{
    private PipelineCounters(IReadOnlyList<FunctionCounters> functions) => Functions = functions;

    /// <summary>The framework (id 0) first, then each function in pipeline order.</summary>
    public IReadOnlyList<FunctionCounters> Functions { get; }

    /// <summary>The counters of function <paramref name="name"/> ("framework" for id 0).</summary>
    public FunctionCounters this[string name] => Functions.First(f => f.Name == name);

    /// <summary>All functions' verdicts added up.</summary>
    public VerdictStats Total => Functions.Aggregate(default(VerdictStats), (a, f) => a + f.Verdicts);

    /// <summary>Drops of one reason code across all functions.</summary>
    public ulong Drops(byte reason) => Functions.Aggregate(0UL, (a, f) => a + f.DropsOf(reason));

    internal static PipelineCounters Read(LoadedPipeline pipeline)
    {
        var verdicts = pipeline.Object.PerCpuMap<uint, VerdictStats>("mnf_verdicts");
        var drops = pipeline.Object.PerCpuMap<uint, ulong>("mnf_drops");
        var names = new List<(int Id, string Name, IReadOnlyDictionary<byte, string> Reasons)> { (0, FunctionCounters.Framework, FrameworkReasons()) };
        names.AddRange(pipeline.Slots.Select(s => (s.Id, s.Name, (IReadOnlyDictionary<byte, string>)s.DropReasons.ToDictionary(r => r.Code, r => r.Name))));
        var result = new List<FunctionCounters>();
        foreach (var (id, name, reasons) in names)
        {
            var v = verdicts.Lookup((uint)id).Aggregate(default(VerdictStats), (a, b) => a + b);
            var perReason = new Dictionary<byte, ulong>();
            if (v.Drop > 0)
            {
                for (var r = 0; r < 256; r++)
                {
                    var n = drops.Lookup((uint)(id * 256 + r)).Aggregate(0UL, (a, b) => a + b);
                    if (n > 0)
                    {
                        perReason[(byte)r] = n;
                    }
                }
            }

            result.Add(new FunctionCounters(id, name, v, perReason, reasons));
        }

        return new PipelineCounters(result);
    }

    private static Dictionary<byte, string> FrameworkReasons() =>
        Enum.GetValues<DropReason>().ToDictionary(r => (byte)r, r => r.ReasonName());
}
