using MizarNF.Bpf.Interop;

namespace MizarNF.Bpf;

/// <summary>
/// A tc program (direct-action cls_bpf filter) on an interface's clsact qdisc, identified by
/// handle and priority. Like <see cref="XdpAttachment"/>, it outlives this object: Dispose does not
/// detach. Netlink works in the calling thread's network namespace.
/// </summary>
public sealed unsafe class TcAttachment : IDisposable
{
    private bool _disposed;

    private TcAttachment(int ifindex, TcAttachPoint point, uint handle, uint priority, uint programId)
    {
        Ifindex = ifindex;
        Point = point;
        Handle = handle;
        Priority = priority;
        ProgramId = programId;
    }

    /// <summary>The interface.</summary>
    public int Ifindex { get; }

    /// <summary>Ingress or egress.</summary>
    public TcAttachPoint Point { get; }

    /// <summary>The filter handle.</summary>
    public uint Handle { get; }

    /// <summary>The filter priority (1..65535).</summary>
    public uint Priority { get; }

    /// <summary>The id of the attached program.</summary>
    public uint ProgramId { get; private set; }

    /// <summary>False after <see cref="Detach"/>.</summary>
    public bool IsAttached { get; private set; } = true;

    /// <summary>
    /// Creates the clsact qdisc if needed and attaches <paramref name="program"/>; fails with EEXIST
    /// when a filter already has this handle and priority (use <see cref="Replace"/>).
    /// </summary>
    public static TcAttachment Attach(int ifindex, TcAttachPoint point, BpfProgram program, uint handle = 1, uint priority = 1)
    {
        var hook = Hook(ifindex, point);
        var opts = Options(handle, priority);
        var created = Libbpf.bpf_tc_hook_create(&hook);
        if (created != -Errno.EEXIST)
        {
            BpfError.Check(created, "bpf_tc_hook_create", Target(ifindex, point));
        }

        LibbpfLog.Begin(); // an existing qdisc is fine: forget the kernel's "Exclusivity flag on"
        using (program.Lease())
        {
            opts.prog_fd = program.Fd;
            BpfError.Check(Libbpf.bpf_tc_attach(&hook, &opts), "bpf_tc_attach", Target(ifindex, point), program.Name);
        }

        return new TcAttachment(ifindex, point, handle, priority, opts.prog_id);
    }

    /// <summary>The filter at this handle and priority (e.g. left by an earlier process), or null.</summary>
    public static TcAttachment? Find(int ifindex, TcAttachPoint point, uint handle = 1, uint priority = 1) =>
        QueryProgramId(ifindex, point, handle, priority) is { } id ? new TcAttachment(ifindex, point, handle, priority, id) : null;

    /// <summary>The id of the program at this handle and priority, or null when there is none (or no clsact qdisc).</summary>
    public static uint? QueryProgramId(int ifindex, TcAttachPoint point, uint handle = 1, uint priority = 1)
    {
        var hook = Hook(ifindex, point);
        var opts = Options(handle, priority);
        var rc = Libbpf.bpf_tc_query(&hook, &opts);
        if (IsAbsent(rc))
        {
            return null;
        }

        BpfError.Check(rc, "bpf_tc_query", Target(ifindex, point));
        return opts.prog_id;
    }

    /// <summary>Removes the clsact qdisc with every filter in both directions.</summary>
    public static void DestroyHook(int ifindex)
    {
        var hook = Hook(ifindex, TcAttachPoint.Ingress);
        hook.attach_point = Libbpf.BPF_TC_INGRESS | Libbpf.BPF_TC_EGRESS;
        var rc = Libbpf.bpf_tc_hook_destroy(&hook);
        if (!IsAbsent(rc))
        {
            BpfError.Check(rc, "bpf_tc_hook_destroy", $"ifindex {ifindex}");
        }
    }

    /// <summary>Swaps in <paramref name="newProgram"/> at the same handle and priority, atomically (BPF_TC_F_REPLACE).</summary>
    public void Replace(BpfProgram newProgram)
    {
        ThrowIfUnusable();
        var hook = Hook(Ifindex, Point);
        var opts = Options(Handle, Priority);
        opts.flags = Libbpf.BPF_TC_F_REPLACE;
        using (newProgram.Lease())
        {
            opts.prog_fd = newProgram.Fd;
            BpfError.Check(Libbpf.bpf_tc_attach(&hook, &opts), "bpf_tc_attach", Target(Ifindex, Point), newProgram.Name);
        }

        ProgramId = opts.prog_id;
    }

    /// <summary>Removes the filter; the clsact qdisc stays (other filters may use it).</summary>
    public void Detach()
    {
        ThrowIfUnusable();
        var hook = Hook(Ifindex, Point);
        var opts = Options(Handle, Priority);
        BpfError.Check(Libbpf.bpf_tc_detach(&hook, &opts), "bpf_tc_detach", Target(Ifindex, Point));
        IsAttached = false;
    }

    /// <summary>Forgets the attachment; the filter stays.</summary>
    public void Dispose() => _disposed = true;

    /// <inheritdoc/>
    public override string ToString() => $"tc prog {ProgramId} on {Target(Ifindex, Point)} handle {Handle} prio {Priority}";

    private static bpf_tc_hook Hook(int ifindex, TcAttachPoint point)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ifindex);
        LibbpfLog.Begin();
        return new bpf_tc_hook { sz = (nuint)sizeof(bpf_tc_hook), ifindex = ifindex, attach_point = (int)point };
    }

    private static bpf_tc_opts Options(uint handle, uint priority)
    {
        ArgumentOutOfRangeException.ThrowIfZero(handle);
        ArgumentOutOfRangeException.ThrowIfZero(priority);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(priority, ushort.MaxValue);
        return new bpf_tc_opts { sz = (nuint)sizeof(bpf_tc_opts), handle = handle, priority = priority };
    }

    /// <summary>
    /// Whether a netlink answer means "nothing there". Besides ENOENT, kernel 6.18 answers EINVAL
    /// when the clsact qdisc is missing, or when the filter chain went away with its last filter
    /// (tc_get_tfilter: "Cannot find specified filter chain"). Our own arguments are validated
    /// before the call, so EINVAL cannot mean a malformed request here.
    /// </summary>
    private static bool IsAbsent(int rc) => rc is -Errno.ENOENT or -Errno.EINVAL;

    private static string Target(int ifindex, TcAttachPoint point) => $"ifindex {ifindex} {point.ToString().ToLowerInvariant()}";

    private void ThrowIfUnusable()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!IsAttached)
        {
            throw new InvalidOperationException($"{this} was detached.");
        }
    }
}
