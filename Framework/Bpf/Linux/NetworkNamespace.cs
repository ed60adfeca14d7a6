using System.Runtime.ExceptionServices;
using MizarNF.Bpf.Interop;

namespace MizarNF.Bpf;

/// <summary>
/// Named network namespaces (<c>ip netns</c>, /var/run/netns/NAME). setns(2) moves only the calling
/// OS thread, and a managed thread stays on its OS thread, so work done between <see cref="Enter"/>
/// and the scope's Dispose, synchronously on that thread, happens inside the namespace: netlink
/// (XDP and tc attachment), if_nametoindex. Never await inside the scope.
/// </summary>
public static class NetworkNamespace
{
    private const string NamedRoot = "/var/run/netns";

    /// <summary>Moves the current thread into <paramref name="name"/> until the returned scope is disposed (on this thread).</summary>
    public static IDisposable Enter(string name)
    {
        var path = PathOf(name);
        Thread.BeginThreadAffinity();
        try
        {
            // thread-self is /proc/self/task/<tid>: the namespace of this thread, not of the main thread.
            var original = Open("/proc/thread-self/ns/net", name);
            try
            {
                using var target = Open(path, name);
                if (Libc.setns(target.Fd, Libc.CLONE_NEWNET) != 0)
                {
                    throw BpfError.FromLastError("setns", name);
                }

                return new NetworkNamespaceScope(original, name);
            }
            catch
            {
                original.Dispose();
                throw;
            }
        }
        catch
        {
            Thread.EndThreadAffinity();
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/> inside <paramref name="netns"/> on a new thread of its own, so
    /// no pooled thread is ever left in a foreign namespace. Exceptions come back with their stack.
    /// </summary>
    public static T Run<T>(string netns, Func<T> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var result = default(T);
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                using (Enter(netns))
                {
                    result = action();
                }
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
        })
        {
            IsBackground = true,
            Name = $"netns {netns}",
        };
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result!;
    }

    /// <summary>Runs <paramref name="action"/> inside <paramref name="netns"/> on a new thread of its own.</summary>
    public static void Run(string netns, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        Run(netns, () =>
        {
            action();
            return true;
        });
    }

    /// <summary>The index of <paramref name="ifname"/> in the calling thread's network namespace.</summary>
    public static int InterfaceIndex(string ifname)
    {
        ArgumentException.ThrowIfNullOrEmpty(ifname);
        var index = Libc.if_nametoindex(ifname);
        return index != 0
            ? (int)index
            : throw BpfError.FromLastError("if_nametoindex", ifname, "no such interface in the calling thread's network namespace");
    }

    /// <summary>A named namespace (/var/run/netns/NAME) or, for an absolute path, that file (e.g. /proc/PID/ns/net, as CNI passes).</summary>
    private static string PathOf(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.StartsWith('/'))
        {
            return name;
        }

        if (name.Contains('/', StringComparison.Ordinal) || name is "." or "..")
        {
            throw new ArgumentException($"'{name}' is not a network namespace name.", nameof(name));
        }

        return Path.Combine(NamedRoot, name);
    }

    private static FileDescriptorHandle Open(string path, string name)
    {
        var fd = Libc.open(path, Libc.O_RDONLY | Libc.O_CLOEXEC);
        return fd >= 0 ? new FileDescriptorHandle(fd) : throw BpfError.FromLastError("open", name, path);
    }
}
