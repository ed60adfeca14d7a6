using MizarNF.Bpf.Interop;

namespace MizarNF.Bpf;

/// <summary>Returns its thread to the network namespace it left.</summary>
internal sealed class NetworkNamespaceScope : IDisposable
{
    private readonly FileDescriptorHandle _original;
    private readonly string _name;
    private readonly int _threadId = Environment.CurrentManagedThreadId;
    private bool _disposed;

    internal NetworkNamespaceScope(FileDescriptorHandle original, string name)
    {
        _original = original;
        _name = name;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        if (Environment.CurrentManagedThreadId != _threadId)
        {
            throw new InvalidOperationException(
                $"The scope of network namespace '{_name}' must be disposed on the thread that entered it (thread {_threadId}); was an await inside it?");
        }

        if (Libc.setns(_original.Fd, Libc.CLONE_NEWNET) != 0)
        {
            // The thread would go back to its pool inside a foreign namespace, and later work on it
            // (sockets, attachments) would silently land there. No safe way on from here.
            Environment.FailFast($"setns back from network namespace '{_name}' failed: {BpfError.FromLastError("setns", _name).Message}");
        }

        _disposed = true;
        _original.Dispose();
        Thread.EndThreadAffinity();
    }
}
