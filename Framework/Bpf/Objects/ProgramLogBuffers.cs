using System.Runtime.InteropServices;
using MizarNF.Bpf.Interop;

namespace MizarNF.Bpf;

/// <summary>
/// One native verifier-log buffer per program for the duration of a load. At log level 0 libbpf
/// asks the kernel for no log, and only on a failure retries that one program at level 1 into its
/// buffer: so the single non-empty buffer afterwards names the rejected program. Buffers come
/// from calloc, whose untouched pages cost nothing.
/// </summary>
internal sealed unsafe class ProgramLogBuffers : IDisposable
{
    private const int Size = 16 * 1024 * 1024;

    private readonly List<(string Name, nint Buffer)> _buffers = [];

    internal ProgramLogBuffers(IReadOnlyList<BpfProgram> programs)
    {
        try
        {
            foreach (var program in programs)
            {
                var buffer = (byte*)NativeMemory.AllocZeroed(Size);
                _buffers.Add((program.Name, (nint)buffer));
                BpfError.Check(Libbpf.bpf_program__set_log_buf(program.Pointer, buffer, Size), "bpf_program__set_log_buf", program.Name);
                BpfError.Check(Libbpf.bpf_program__set_log_level(program.Pointer, 0), "bpf_program__set_log_level", program.Name);
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The program whose buffer the kernel wrote to, and what it wrote; nulls when the failure was elsewhere (maps, relocations).</summary>
    internal (string? Program, string? Log) Rejected()
    {
        foreach (var (name, buffer) in _buffers)
        {
            var text = (byte*)buffer;
            if (text[0] != 0)
            {
                var length = new ReadOnlySpan<byte>(text, Size).IndexOf((byte)0);
                return (name, System.Text.Encoding.UTF8.GetString(text, length < 0 ? Size : length));
            }
        }

        return (null, null);
    }

    /// <summary>libbpf reads the buffers only during bpf_object__load, which cannot run twice.</summary>
    public void Dispose()
    {
        foreach (var (_, buffer) in _buffers)
        {
            NativeMemory.Free((void*)buffer);
        }

        _buffers.Clear();
    }
}
