namespace MizarNF.Cli.Commands;

/// <summary>Prints the demo's steps and keeps its expectations for the summary table.</summary>
internal sealed class Demo
{
    private readonly List<(string What, bool Ok, string Detail)> _results = [];
    private int _step;

    public void Step(string text) => Console.WriteLine($"\n[{++_step}] {text}");

    public void Say(string text) => Console.WriteLine("    " + text);

    public bool Expect(string what, bool ok, string detail = "")
    {
        _results.Add((what, ok, detail));
        Console.WriteLine($"    {(ok ? "✔" : "✘")} {what}{(detail.Length > 0 ? $" ({detail})" : string.Empty)}");
        return ok;
    }

    public int Summarize()
    {
        Console.WriteLine("\nSummary");
        Table.Print(["expectation", "result", "detail"], _results.Select(r => (IReadOnlyList<string>)[r.What, r.Ok ? "PASS" : "FAIL", r.Detail]));
        var failed = _results.Count(r => !r.Ok);
        Console.WriteLine(failed == 0 ? $"\nDemo passed: {_results.Count} expectations met." : $"\nDemo FAILED: {failed} of {_results.Count} expectations not met.");
        return failed == 0 ? 0 : 1;
    }
}
