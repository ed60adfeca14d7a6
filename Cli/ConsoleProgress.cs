namespace MizarNF.Cli;

/// <summary>Prints progress lines as they are reported, in order (Progress&lt;T&gt; posts them to the thread pool).</summary>
internal sealed class ConsoleProgress(string indent = "") : IProgress<string>
{
    public void Report(string value) => Console.WriteLine(indent + value);
}
