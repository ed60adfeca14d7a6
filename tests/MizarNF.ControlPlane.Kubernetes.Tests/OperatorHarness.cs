using k8s;
using Microsoft.Extensions.Logging;
using MizarNF.ControlPlane.Kubernetes.Tests.FakeApi;
using MizarNF.ControlPlane.Nodes;
using Xunit.Abstractions;

namespace MizarNF.ControlPlane.Kubernetes.Tests;

/// <summary>
/// A fake API server, a KubernetesClient pointed at it and an operator running on simulated nodes.
/// Disposing stops the operator (bounded), closes the client and the server.
/// </summary>
internal sealed class OperatorHarness : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource _stop = new();
    private readonly ILoggerFactory _loggers;
    private Task _running = Task.CompletedTask;

    private OperatorHarness(FakeApiServer server, ITestOutputHelper output, string identity, Func<KubernetesOperatorOptions, KubernetesOperatorOptions>? configure)
    {
        Server = server;
        Client = new k8s.Kubernetes(new KubernetesClientConfiguration { Host = server.Address.ToString() });
        _loggers = LoggerFactory.Create(b => b.AddProvider(new TestLogger(output)).SetMinimumLevel(LogLevel.Debug));
        Options = new KubernetesOperatorOptions
        {
            Identity = identity,
            LeaseDuration = TimeSpan.FromSeconds(3),
            RenewDeadline = TimeSpan.FromSeconds(2),
            RetryPeriod = TimeSpan.FromMilliseconds(500),
            ResyncPeriod = TimeSpan.FromHours(1),
            WatchRetryDelay = TimeSpan.FromMilliseconds(100),
        };
        Options = configure?.Invoke(Options) ?? Options;
        Operator = new KubernetesOperator(Client, Nodes, Options, _loggers);
    }

    public FakeApiServer Server { get; }

    public k8s.Kubernetes Client { get; }

    public SimulatedNodeFactory Nodes { get; } = new();

    public KubernetesOperatorOptions Options { get; }

    public KubernetesOperator Operator { get; }

    public static async Task<OperatorHarness> StartServerAsync(
        ITestOutputHelper output, string identity = "operator-a", Func<KubernetesOperatorOptions, KubernetesOperatorOptions>? configure = null) =>
        new(await FakeApiServer.StartAsync(), output, identity, configure);

    /// <summary>Runs the operator in the background (until disposed).</summary>
    public void Run() => _running = Operator.RunAsync(_stop.Token);

    /// <summary>Runs the operator and waits until it leads and watches all eight resources.</summary>
    public async Task RunLeadingAsync()
    {
        Run();
        foreach (var path in new[] { "/api/v1/nodes", "/api/v1/pods", "/apis/mizarnf.io/v1/vpcs", "/apis/mizarnf.io/v1/subnets", "/apis/mizarnf.io/v1/endpoints",
            "/apis/mizarnf.io/v1/mizarservices", "/api/v1/services", "/apis/discovery.k8s.io/v1/endpointslices" })
        {
            await Server.WaitForAsync(r => r.Method == "GET" && r.Path == path && r.IsWatch);
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds (default timeout <see cref="Timeout"/>).</summary>
    public static async Task UntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("timed out waiting for " + what);
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running.WaitAsync(Timeout);
        }
        finally
        {
            Client.Dispose();
            await Server.DisposeAsync();
            _loggers.Dispose();
            _stop.Dispose();
        }
    }
}
