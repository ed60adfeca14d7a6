using System.CommandLine;
using MizarNF.Bench.Timing;

namespace MizarNF.Bench.Benchmarks;

/// <summary>The options every benchmark takes.</summary>
internal sealed class TimingOptions
{
    private readonly Option<int> _runs = new("--runs")
    {
        Description = "timed single runs of each subject and of its floor",
        DefaultValueFactory = _ => 20000,
    };

    private readonly Option<int> _warmup = new("--warmup")
    {
        Description = "untimed runs of each first",
        DefaultValueFactory = _ => 1000,
    };

    public TimingOptions()
    {
        _runs.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--runs must be at least 1");
            }
        });
        _warmup.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0)
            {
                r.AddError("--warmup must not be negative");
            }
        });
    }

    public void AddTo(Command command)
    {
        command.Options.Add(_runs);
        command.Options.Add(_warmup);
    }

    public TimingSettings Read(ParseResult result) => new(result.GetValue(_runs), result.GetValue(_warmup));
}
