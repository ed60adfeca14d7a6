using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MizarNF.ControlPlane.Kubernetes.Tests.FakeApi;

/// <summary>
/// A stand-in for the Kubernetes API server on 127.0.0.1 and a random port, speaking its wire
/// format over HTTP/1.1: list JSON, watch streams (chunked, one JSON event per line), Status
/// errors, the Lease's GET/POST/PUT with resourceVersion preconditions. PATCH requests are
/// recorded and answered 200. Every request is recorded. Disposing it ends every stream and stops
/// listening.
/// </summary>
public sealed class FakeApiServer : IAsyncDisposable
{
    public const string LeasePath = "/apis/coordination.k8s.io/v1/namespaces/mizarnf-system/leases";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly Dictionary<string, FakeResource> _resources;
    private readonly Lock _leaseGate = new();
    private JsonObject? _lease;
    private int _leaseVersion = 100;

    private FakeApiServer(WebApplication app)
    {
        _app = app;
        Nodes = new FakeResource("v1", "NodeList");
        Pods = new FakeResource("v1", "PodList");
        Vpcs = new FakeResource("mizarnf.io/v1", "VpcList");
        Subnets = new FakeResource("mizarnf.io/v1", "SubnetList");
        Endpoints = new FakeResource("mizarnf.io/v1", "EndpointList");
        MizarServices = new FakeResource("mizarnf.io/v1", "ServiceList");
        Services = new FakeResource("v1", "ServiceList");
        EndpointSlices = new FakeResource("discovery.k8s.io/v1", "EndpointSliceList");
        _resources = new(StringComparer.Ordinal)
        {
            ["/api/v1/nodes"] = Nodes,
            ["/api/v1/pods"] = Pods,
            ["/apis/mizarnf.io/v1/vpcs"] = Vpcs,
            ["/apis/mizarnf.io/v1/subnets"] = Subnets,
            ["/apis/mizarnf.io/v1/endpoints"] = Endpoints,
            ["/apis/mizarnf.io/v1/mizarservices"] = MizarServices,
            ["/api/v1/services"] = Services,
            ["/apis/discovery.k8s.io/v1/endpointslices"] = EndpointSlices,
        };
    }

    public FakeResource Nodes { get; }

    public FakeResource Pods { get; }

    public FakeResource Vpcs { get; }

    public FakeResource Subnets { get; }

    public FakeResource Endpoints { get; }

    public FakeResource MizarServices { get; }

    public FakeResource Services { get; }

    public FakeResource EndpointSlices { get; }

    /// <summary>Where it listens, e.g. http://127.0.0.1:41234.</summary>
    public Uri Address { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>How many watch streams are open now, over all resources.</summary>
    public int ActiveWatches => _resources.Values.Sum(r => r.ActiveWatches);

    /// <summary>The Lease as stored (null: none, a GET answers 404).</summary>
    public JsonObject? Lease
    {
        get
        {
            lock (_leaseGate)
            {
                return _lease?.DeepClone().AsObject();
            }
        }

        set
        {
            lock (_leaseGate)
            {
                _lease = value;
            }
        }
    }

    public static async Task<FakeApiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        var server = new FakeApiServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        server.Address = new Uri(addresses.Addresses.Single());
        return server;
    }

    /// <summary>The first request matching <paramref name="match"/>, waiting for it up to <paramref name="timeout"/> (default 10 s).</summary>
    public async Task<RecordedRequest> WaitForAsync(Func<RecordedRequest, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < deadline)
        {
            if (_requests.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(20);
        }

        var seen = _requests.Where(r => !r.Path.StartsWith(LeasePath, StringComparison.Ordinal));
        throw new TimeoutException("no such request; received (Lease requests left out):\n" + string.Join("\n", seen));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var resource in _resources.Values)
        {
            resource.Close();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var path = request.Path.Value ?? string.Empty;
        _requests.Enqueue(new RecordedRequest(request.Method, path, request.QueryString.Value ?? string.Empty, request.ContentType, body));
        if (path.StartsWith(LeasePath, StringComparison.Ordinal))
        {
            await LeaseAsync(context, path, body);
        }
        else if (HttpMethods.IsGet(request.Method) && _resources.TryGetValue(path, out var resource))
        {
            await (request.Query["watch"] == "true" ? WatchAsync(context, resource) : WriteAsync(context, 200, resource.ListJson()));
        }
        else if (HttpMethods.IsPatch(request.Method))
        {
            await WriteAsync(context, 200, "{}");
        }
        else
        {
            await WriteAsync(context, 404, Status(404, "NotFound", $"{path} not found"));
        }
    }

    /// <summary>A chunked response, one event per line, flushed as it goes, until the test ends it.</summary>
    private static async Task WatchAsync(HttpContext context, FakeResource resource)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        await context.Response.StartAsync(context.RequestAborted);
        resource.WatchOpened();
        try
        {
            await foreach (var line in resource.Events.ReadAllAsync(context.RequestAborted))
            {
                if (line is null)
                {
                    return;
                }

                await context.Response.WriteAsync(line + "\n", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        }
        catch (OperationCanceledException)
        {
            // the client went away
        }
        finally
        {
            resource.WatchClosed();
        }
    }

    private async Task LeaseAsync(HttpContext context, string path, string body)
    {
        var (status, json) = AnswerLease(context.Request.Method, path == LeasePath, body);
        await WriteAsync(context, status, json);
    }

    private (int Status, string Json) AnswerLease(string method, bool collection, string body)
    {
        lock (_leaseGate)
        {
            if (HttpMethods.IsGet(method) && !collection)
            {
                return _lease is null ? (404, Status(404, "NotFound", "leases.coordination.k8s.io \"mizarnf-operator\" not found")) : (200, _lease.ToJsonString());
            }

            if (HttpMethods.IsPost(method) && collection)
            {
                return _lease is not null ? (409, Status(409, "AlreadyExists", "leases.coordination.k8s.io \"mizarnf-operator\" already exists")) : (201, StoreLease(body));
            }

            if (HttpMethods.IsPut(method) && !collection && _lease is not null)
            {
                var sent = JsonNode.Parse(body)!["metadata"]?["resourceVersion"]?.GetValue<string>();
                var current = _lease["metadata"]?["resourceVersion"]?.GetValue<string>();
                return sent == current ? (200, StoreLease(body)) : (409, Status(409, "Conflict", "the object has been modified"));
            }

            return (404, Status(404, "NotFound", "no such lease"));
        }
    }

    private string StoreLease(string body)
    {
        var lease = JsonNode.Parse(body)!.AsObject();
        lease["metadata"]!["resourceVersion"] = (++_leaseVersion).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _lease = lease;
        return lease.ToJsonString();
    }

    private static string Status(int code, string reason, string message) => new JsonObject
    {
        ["kind"] = "Status", ["apiVersion"] = "v1", ["metadata"] = new JsonObject(), ["status"] = "Failure",
        ["message"] = message, ["reason"] = reason, ["code"] = code,
    }.ToJsonString();

    private static async Task WriteAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json, context.RequestAborted);
    }
}
