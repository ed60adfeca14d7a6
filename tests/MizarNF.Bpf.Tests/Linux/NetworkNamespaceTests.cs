using MizarNF.Bpf.Tests.Fixtures;

namespace MizarNF.Bpf.Tests.Linux;

public sealed class NetworkNamespaceTests : IDisposable
{
    private const int ENODEV = 19;
    private const int ENOENT = 2;

    private readonly TestNamespace _ns = TestNamespace.CreateWithVeth();

    public void Dispose() => _ns.Dispose();

    private static string CurrentNamespace => new FileInfo("/proc/thread-self/ns/net").LinkTarget!;

    [Fact]
    public void Enter_ThenDispose_MovesThreadInAndBack()
    {
        var original = CurrentNamespace;
        var thread = Environment.CurrentManagedThreadId;
        string inside;
        int ifindex;

        using (NetworkNamespace.Enter(_ns.Name))
        {
            inside = CurrentNamespace;
            ifindex = NetworkNamespace.InterfaceIndex("a");
        }

        Assert.Equal(thread, Environment.CurrentManagedThreadId);
        Assert.NotEqual(original, inside);
        Assert.Equal(original, CurrentNamespace);
        Assert.True(ifindex > 1);
    }

    [Fact]
    public void Run_OnOwnThread_LeavesCallerInPlace()
    {
        var original = CurrentNamespace;

        var (inside, thread) = NetworkNamespace.Run(_ns.Name, () => (CurrentNamespace, Environment.CurrentManagedThreadId));

        Assert.NotEqual(original, inside);
        Assert.NotEqual(Environment.CurrentManagedThreadId, thread);
        Assert.Equal(original, CurrentNamespace);
    }

    [Fact]
    public void Run_ActionThrows_RethrowsOnCaller()
    {
        var e = Assert.Throws<BpfException>(() => NetworkNamespace.Run(_ns.Name, () => NetworkNamespace.InterfaceIndex("mnf-absent0")));

        Assert.Equal(ENODEV, e.Errno);
        Assert.Equal("if_nametoindex", e.Operation);
        Assert.Contains("'mnf-absent0'", e.Message, StringComparison.Ordinal);
        Assert.Contains("network namespace", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Enter_UnknownNamespace_ThrowsEnoentAndStaysPut()
    {
        var original = CurrentNamespace;

        var e = Assert.Throws<BpfException>(() => NetworkNamespace.Enter("mnf-test-no-such-ns"));

        Assert.Equal(ENOENT, e.Errno);
        Assert.Equal(original, CurrentNamespace);
    }

    [Fact]
    public void Enter_PathLikeName_ThrowsArgument() =>
        Assert.Throws<ArgumentException>(() => NetworkNamespace.Enter("../../proc/1/ns/net"));

    [Fact]
    public void Dispose_OnOtherThread_ThrowsInvalidOperation()
    {
        IDisposable? scope = null;
        using var entered = new ManualResetEventSlim();
        using var done = new ManualResetEventSlim();
        var owner = new Thread(() =>
        {
            using (scope = NetworkNamespace.Enter(_ns.Name))
            {
                entered.Set();
                done.Wait();
            }
        });
        owner.Start();
        entered.Wait();
        try
        {
            Assert.Throws<InvalidOperationException>(scope!.Dispose);
        }
        finally
        {
            done.Set();
            owner.Join();
        }
    }
}
