using MizarNF.Bpf.Interop;

namespace MizarNF.Bpf;

/// <summary>A program inside a <see cref="BpfObject"/>; it borrows the object and keeps it alive in every call.</summary>
public sealed unsafe class BpfProgram
{
    private readonly BpfObject _owner;

    internal BpfProgram(BpfObject owner, nint pointer)
    {
        _owner = owner;
        Pointer = pointer;
        Name = NativeText.FromUtf8(Libbpf.bpf_program__name(pointer));
        SectionName = NativeText.FromUtf8(Libbpf.bpf_program__section_name(pointer));
        Type = (BpfProgramType)Libbpf.bpf_program__type(pointer);
    }

    /// <summary>The C function's name.</summary>
    public string Name { get; }

    /// <summary>The ELF section, e.g. <c>xdp</c> or <c>tc</c>.</summary>
    public string SectionName { get; }

    /// <summary>The program type libbpf derived from the section.</summary>
    public BpfProgramType Type { get; }

    /// <summary>The program's fd (owned by the object) once loaded.</summary>
    public int Fd
    {
        get
        {
            using var lease = Lease();
            return LoadedFd();
        }
    }

    /// <summary>The kernel's id for the loaded program, as <c>bpftool prog</c> and XDP/tc queries show it.</summary>
    public uint Id
    {
        get
        {
            using var lease = Lease();
            return ObjectInfo.Program(LoadedFd(), Name).id;
        }
    }

    /// <summary>The owning object.</summary>
    public BpfObject Object => _owner;

    internal nint Pointer { get; }

    /// <summary>Room for the largest program context the kernel copies back (struct __sk_buff is under 256 bytes).</summary>
    private const int MaxContextSize = 512;

    /// <summary>
    /// Runs the program once (or <paramref name="repeat"/> times) on <paramref name="packet"/> with
    /// BPF_PROG_TEST_RUN. Works for XDP and tc (SCHED_CLS) programs. <paramref name="context"/> is an
    /// optional <c>xdp_md</c> or <c>__sk_buff</c>; <paramref name="outputCapacity"/> 0 means the
    /// packet's length plus 512 bytes for headers the program may push.
    /// </summary>
    public TestRunResult TestRun(ReadOnlySpan<byte> packet, int repeat = 1, ReadOnlySpan<byte> context = default, int outputCapacity = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(repeat);
        ArgumentOutOfRangeException.ThrowIfNegative(outputCapacity);
        var output = new byte[outputCapacity == 0 ? packet.Length + 512 : outputCapacity];
        // The kernel writes back its whole context struct (all of __sk_buff even when fewer bytes
        // went in) and fails with ENOSPC when ctx_out is smaller: give it room, then trim.
        var contextOutput = context.IsEmpty ? null : new byte[Math.Max(context.Length, MaxContextSize)];
        bpf_test_run_opts opts;
        using (var lease = Lease())
        {
            fixed (byte* dataIn = packet, dataOut = output, ctxIn = context, ctxOut = contextOutput)
            {
                opts = new bpf_test_run_opts
                {
                    sz = (nuint)sizeof(bpf_test_run_opts),
                    data_in = dataIn,
                    data_size_in = (uint)packet.Length,
                    data_out = dataOut,
                    data_size_out = (uint)output.Length,
                    ctx_in = ctxIn,
                    ctx_size_in = (uint)context.Length,
                    ctx_out = ctxOut,
                    ctx_size_out = (uint)(contextOutput?.Length ?? 0),
                    repeat = repeat,
                };
                var rc = Libbpf.bpf_prog_test_run_opts(LoadedFd(), &opts);
                if (rc < 0)
                {
                    var detail = -rc == Errno.ENOSPC ? $"the output did not fit in {output.Length} bytes (raise outputCapacity)" : null;
                    throw new BpfException("bpf_prog_test_run_opts", -rc, _owner.Name, Name, detail: detail);
                }
            }
        }

        return new TestRunResult(opts.retval, output.AsSpan(0, (int)opts.data_size_out).ToArray(), opts.duration, contextOutput?.AsSpan(0, (int)opts.ctx_size_out).ToArray());
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({SectionName})";

    internal SafeHandleLease Lease() => _owner.Lease();

    private int LoadedFd()
    {
        var fd = Libbpf.bpf_program__fd(Pointer);
        if (fd < 0)
        {
            _owner.ThrowIfNotLoaded($"Program '{Name}'");
            throw new BpfException("bpf_program__fd", -fd, _owner.Name, Name);
        }

        return fd;
    }
}
