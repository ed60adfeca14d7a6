using MizarNF.Bpf;

namespace MizarNF.Testbed;

/// <summary>The pass program on every underlay bridge port (why: xdp_pass.bpf.c).</summary>
internal static class XdpPassProgram
{
    private const string ProgramName = "mnf_tb_pass";
    private const string ResourceName = "MizarNF.Testbed.xdp_pass.bpf.c";

    private static string ClangPath => Environment.GetEnvironmentVariable("MIZARNF_CLANG") ?? "/usr/lib/llvm-14/bin/clang";

    /// <summary>Compiles the program into <paramref name="directory"/>; returns the object's path.</summary>
    public static string Compile(string directory)
    {
        Directory.CreateDirectory(directory);
        var source = Path.Combine(directory, "xdp_pass.bpf.c");
        var output = Path.Combine(directory, "xdp_pass.bpf.o");
        using (var resource = typeof(XdpPassProgram).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Resource {ResourceName} is missing from {typeof(XdpPassProgram).Assembly.GetName().Name}."))
        using (var file = File.Create(source))
        {
            resource.CopyTo(file);
        }

        // The multiarch include is where Debian keeps asm/types.h.
        Shell.Run(ClangPath, "-O2", "-g", "-target", "bpf", "-Wall", "-Werror", "-I/usr/include/x86_64-linux-gnu", "-c", source, "-o", output);
        return output;
    }

    /// <summary>Loads the object and attaches its program natively to each port in <paramref name="netns"/>; returns the program id.</summary>
    public static uint AttachToPorts(string objectPath, string netns, IReadOnlyList<string> ports)
    {
        // The attachments hold the program: it stays after the object is closed.
        using var obj = BpfObject.Open(objectPath);
        obj.Load();
        var program = obj.Program(ProgramName);
        NetworkNamespace.Run(netns, () =>
        {
            foreach (var port in ports)
            {
                using var attachment = XdpAttachment.Attach(NetworkNamespace.InterfaceIndex(port), program, XdpMode.Native);
            }
        });
        return program.Id;
    }
}
