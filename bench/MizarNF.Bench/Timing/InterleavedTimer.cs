namespace MizarNF.Bench.Timing;

/// <summary>
/// Times a subject beside its floor, one single run of each in turn, so that whatever the machine
/// does meanwhile (frequency, cache, interrupts) falls on both alike. The order alternates each
/// round so neither always runs on the cache the other just warmed.
/// </summary>
internal static class InterleavedTimer
{
    public static (Distribution Floor, Distribution Subject) Measure(TimedRun floor, TimedRun subject, TimingSettings settings, string label)
    {
        for (var i = 0; i < settings.Warmup; i++)
        {
            floor.Once();
            subject.Once();
        }

        var floorNs = new uint[settings.Runs];
        var subjectNs = new uint[settings.Runs];
        var progress = new ProgressMeter(label, settings.Runs);
        for (var i = 0; i < settings.Runs; i++)
        {
            if (i % 2 == 0)
            {
                floorNs[i] = floor.Once();
                subjectNs[i] = subject.Once();
            }
            else
            {
                subjectNs[i] = subject.Once();
                floorNs[i] = floor.Once();
            }

            progress.Report(i + 1);
        }

        return (new Distribution(floorNs), new Distribution(subjectNs));
    }
}
