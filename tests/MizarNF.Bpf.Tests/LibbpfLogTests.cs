using System.Collections.Concurrent;

namespace MizarNF.Bpf.Tests;

public sealed class LibbpfLogTests
{
    [Fact]
    public void Sink_WhenSet_ReceivesLibbpfMessages()
    {
        var messages = new ConcurrentQueue<(LibbpfLogLevel, string)>();
        LibbpfLog.Sink = (level, message) => messages.Enqueue((level, message));
        try
        {
            Assert.Throws<BpfException>(() => BpfObject.Open("/nonexistent/mnf-log.bpf.o"));
        }
        finally
        {
            LibbpfLog.Sink = null;
        }

        Assert.Contains(messages, m => m.Item1 == LibbpfLogLevel.Warn && m.Item2.Contains("mnf-log.bpf.o", StringComparison.Ordinal));
    }
}
