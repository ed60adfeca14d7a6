using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace MizarNF.ControlPlane.Kubernetes.Tests;

/// <summary>Sends the operator's log to the test's output (shown when a test fails).</summary>
internal sealed class TestLogger(ITestOutputHelper output) : ILoggerProvider, ILogger
{
    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        try
        {
            output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {eventId.Id}: {formatter(state, exception)}{(exception is null ? string.Empty : "\n" + exception)}");
        }
        catch (InvalidOperationException)
        {
            // the test is over
        }
    }

    public void Dispose()
    {
    }
}
