namespace MizarNF.Bench.Timing;

/// <summary>
/// A percentage on stderr (stdout keeps the table and the JSON line): rewritten in place on a
/// terminal, one line per quarter when stderr goes to a file.
/// </summary>
internal sealed class ProgressMeter(string label, int total)
{
    private readonly bool _inPlace = !Console.IsErrorRedirected;
    private int _shown = -1;

    public void Report(int done)
    {
        var percent = (int)(100L * done / total);
        var step = _inPlace ? 1 : 25;
        if (percent / step == _shown / step)
        {
            return;
        }

        _shown = percent;
        if (_inPlace)
        {
            Console.Error.Write($"\r  {label}: {percent,3}%");
            if (done == total)
            {
                Console.Error.WriteLine();
            }
        }
        else
        {
            Console.Error.WriteLine($"  {label}: {percent}%");
        }
    }
}
