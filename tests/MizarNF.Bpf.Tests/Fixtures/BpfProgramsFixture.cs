using System.Collections.Concurrent;

namespace MizarNF.Bpf.Tests.Fixtures;

/// <summary>Compiles the test programs (Programs/*.bpf.c) on first use into a temp dir removed afterwards.</summary>
public sealed class BpfProgramsFixture : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("mnf-bpf-tests-").FullName;
    private readonly ConcurrentDictionary<string, Lazy<string>> _objects = new();

    public static string SourceDirectory => Path.Combine(AppContext.BaseDirectory, "Programs");

    /// <summary>The compiled object of Programs/<paramref name="program"/>.bpf.c.</summary>
    public string ObjectPath(string program) => _objects.GetOrAdd(program, p => new Lazy<string>(() =>
    {
        var output = Path.Combine(_directory, p + ".bpf.o");
        Clang.CompileBpf(Path.Combine(SourceDirectory, p + ".bpf.c"), output);
        return output;
    })).Value;

    public BpfObject Open(string program) => BpfObject.Open(ObjectPath(program));

    public BpfObject Load(string program)
    {
        var obj = Open(program);
        try
        {
            obj.Load();
            return obj;
        }
        catch
        {
            obj.Dispose();
            throw;
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
