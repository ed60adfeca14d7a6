using MizarNF.Bpf.Interop;

namespace MizarNF.Bpf;

/// <summary>
/// An XDP program attached to an interface. The attachment outlives this object and the process
/// by design (the data path must survive a control-plane restart): Dispose does not detach, only
/// <see cref="Detach"/> does. The attachment remembers the program by kernel id, not by fd, so it
/// needs no open <see cref="BpfObject"/>. Netlink works in the calling thread's network namespace:
/// call these on the thread that entered it (<see cref="NetworkNamespace"/>).
/// </summary>
public sealed unsafe class XdpAttachment : IDisposable
{
    private bool _disposed;

    private XdpAttachment(int ifindex, XdpMode mode, uint programId)
    {
        Ifindex = ifindex;
        Mode = mode;
        ProgramId = programId;
    }

    /// <summary>The interface.</summary>
    public int Ifindex { get; }

    /// <summary>The mode requested, and in use (the kernel fails rather than fall back when a mode is given).</summary>
    public XdpMode Mode { get; }

    /// <summary>The mode the kernel reported right after attaching or replacing.</summary>
    public XdpMode ModeInUse { get; private set; }

    /// <summary>The id of the attached program.</summary>
    public uint ProgramId { get; private set; }

    /// <summary>False after <see cref="Detach"/>.</summary>
    public bool IsAttached { get; private set; } = true;

    /// <summary>Attaches <paramref name="program"/>; fails with EBUSY when a program is already attached in that mode (use <see cref="Replace"/>).</summary>
    public static XdpAttachment Attach(int ifindex, BpfProgram program, XdpMode mode)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ifindex);
        LibbpfLog.Begin();
        var opts = new bpf_xdp_attach_opts { sz = (nuint)sizeof(bpf_xdp_attach_opts) };
        uint id;
        using (program.Lease())
        {
            id = program.Id;
            var rc = Libbpf.bpf_xdp_attach(ifindex, program.Fd, Flag(mode) | Libbpf.XDP_FLAGS_UPDATE_IF_NOEXIST, &opts);
            BpfError.Check(rc, "bpf_xdp_attach", Target(ifindex), program.Name);
        }

        var attachment = new XdpAttachment(ifindex, mode, id);
        attachment.Confirm(id);
        return attachment;
    }

    /// <summary>The program already attached to <paramref name="ifindex"/> in <paramref name="mode"/> (e.g. by an earlier process), or null.</summary>
    public static XdpAttachment? Find(int ifindex, XdpMode mode)
    {
        var id = Query(ifindex)?.ProgramIdIn(mode) ?? 0;
        return id == 0 ? null : new XdpAttachment(ifindex, mode, id) { ModeInUse = mode };
    }

    /// <summary>What is attached to <paramref name="ifindex"/>, or null when nothing is.</summary>
    public static XdpQueryResult? Query(int ifindex)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ifindex);
        LibbpfLog.Begin();
        var opts = new bpf_xdp_query_opts { sz = (nuint)sizeof(bpf_xdp_query_opts) };
        BpfError.Check(Libbpf.bpf_xdp_query(ifindex, 0, &opts), "bpf_xdp_query", Target(ifindex));
        var mode = (XdpAttachedMode)opts.attach_mode;
        return mode == XdpAttachedMode.None
            ? null
            : new XdpQueryResult(opts.prog_id, mode, opts.drv_prog_id, opts.skb_prog_id, opts.hw_prog_id);
    }

    /// <summary>
    /// Swaps in <paramref name="newProgram"/> atomically (XDP_FLAGS_REPLACE): no packet sees no
    /// program, and it fails with EEXIST if someone else replaced ours meanwhile.
    /// </summary>
    public void Replace(BpfProgram newProgram)
    {
        ThrowIfUnusable();
        LibbpfLog.Begin();
        uint id;
        using (newProgram.Lease())
        using (var expected = OpenProgram(ProgramId))
        {
            id = newProgram.Id;
            var opts = new bpf_xdp_attach_opts { sz = (nuint)sizeof(bpf_xdp_attach_opts), old_prog_fd = expected.Fd };
            var rc = Libbpf.bpf_xdp_attach(Ifindex, newProgram.Fd, Flag(Mode) | Libbpf.XDP_FLAGS_REPLACE, &opts);
            BpfError.Check(rc, "bpf_xdp_attach", Target(Ifindex), newProgram.Name);
        }

        Confirm(id);
    }

    /// <summary>Detaches our program; fails with EEXIST if another program took its place.</summary>
    public void Detach()
    {
        ThrowIfUnusable();
        LibbpfLog.Begin();
        using (var expected = OpenProgram(ProgramId))
        {
            var opts = new bpf_xdp_attach_opts { sz = (nuint)sizeof(bpf_xdp_attach_opts), old_prog_fd = expected.Fd };
            BpfError.Check(Libbpf.bpf_xdp_detach(Ifindex, Flag(Mode) | Libbpf.XDP_FLAGS_REPLACE, &opts), "bpf_xdp_detach", Target(Ifindex));
        }

        IsAttached = false;
    }

    /// <summary>Forgets the attachment; the program stays attached.</summary>
    public void Dispose() => _disposed = true;

    /// <inheritdoc/>
    public override string ToString() => $"XDP prog {ProgramId} on {Target(Ifindex)} ({ModeInUse})";

    private static uint Flag(XdpMode mode) => mode switch
    {
        XdpMode.Native => Libbpf.XDP_FLAGS_DRV_MODE,
        XdpMode.Generic => Libbpf.XDP_FLAGS_SKB_MODE,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown XDP mode."),
    };

    private static string Target(int ifindex) => $"ifindex {ifindex}";

    private static FileDescriptorHandle OpenProgram(uint id) =>
        new(BpfError.Check(Libbpf.bpf_prog_get_fd_by_id(id), "bpf_prog_get_fd_by_id", $"prog id {id}"));

    /// <summary>Reads back which mode holds <paramref name="id"/>, so a mismatch shows at once.</summary>
    private void Confirm(uint id)
    {
        var result = Query(Ifindex);
        ModeInUse = result?.NativeProgramId == id ? XdpMode.Native
            : result?.GenericProgramId == id ? XdpMode.Generic
            : throw new InvalidOperationException($"Attached XDP program {id} to {Target(Ifindex)}, but the kernel reports {result?.ToString() ?? "nothing"} there.");
        ProgramId = id;
    }

    private void ThrowIfUnusable()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!IsAttached)
        {
            throw new InvalidOperationException($"XDP program {ProgramId} on {Target(Ifindex)} was detached.");
        }
    }
}
