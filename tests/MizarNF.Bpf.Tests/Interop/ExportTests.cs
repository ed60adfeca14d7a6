using System.Reflection;
using System.Runtime.InteropServices;
using MizarNF.Bpf.Interop;

namespace MizarNF.Bpf.Tests.Interop;

/// <summary>Every declared native function exists in the library it names, including those not yet called anywhere.</summary>
public sealed class ExportTests
{
    [Theory]
    [InlineData(typeof(Libbpf), "libbpf.so.1")]
    [InlineData(typeof(Libc), "libc")]
    public void LibraryImports_ResolveInTheirLibrary(Type declaringType, string library)
    {
        var handle = NativeLibrary.Load(library, typeof(BpfObject).Assembly, null);
        var imports = declaringType.GetMethods(BindingFlags.Static | BindingFlags.NonPublic)
            .Where(m => m.GetCustomAttribute<LibraryImportAttribute>() is not null)
            .Select(m => m.Name)
            .ToList();

        Assert.NotEmpty(imports);
        Assert.All(imports, name => Assert.True(NativeLibrary.TryGetExport(handle, name, out _), $"{library} has no export '{name}'."));
    }
}
