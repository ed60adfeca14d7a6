namespace MizarNF.TestKit.Tests.Fixtures;

/// <summary>A file under the temp directory that is deleted on dispose, also when the test fails.</summary>
internal sealed class TempFile : IDisposable
{
    public TempFile(string extension) =>
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"mnf-testkit-{Guid.NewGuid():N}{extension}");

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}
