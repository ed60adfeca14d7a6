using Microsoft.AspNetCore.Server.Kestrel.Core;
using MizarNF.NodeRuntime;
using MizarNF.NodeRuntime.DataPlane;
using MizarNF.NodeRuntime.Endpoints;
using MizarNF.NodeRuntime.Services;

var switches = new Dictionary<string, string>
{
    ["--node"] = "Node:Node",
    ["--underlay"] = "Node:Underlay",
    ["--socket"] = "Node:Socket",
    ["--tcp-port"] = "Node:TcpPort",
    ["--pin-root"] = "Node:PinRoot",
    ["--state-dir"] = "Node:StateDir",
    ["--plugins"] = "Node:Plugins",
    ["--agent-hook"] = "Node:AgentHook",
    ["--transit-hook"] = "Node:TransitHook",
    ["--gateway-mac"] = "Node:GatewayMac",
    ["--max-endpoints"] = "Node:MaxEndpoints",
};
args = NodeOptions.ExpandMapSizes(args);
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args });
builder.Configuration.AddCommandLine(args, switches);
builder.Services.Configure<NodeOptions>(builder.Configuration.GetSection("Node"));
var options = builder.Configuration.GetSection("Node").Get<NodeOptions>() ?? new NodeOptions();

Directory.CreateDirectory(Path.GetDirectoryName(options.Socket)!);
File.Delete(options.Socket);
builder.WebHost.ConfigureKestrel(k =>
{
    k.ListenUnixSocket(options.Socket, l => l.Protocols = HttpProtocols.Http2);
    if (options.TcpPort is { } port)
    {
        // TLS comes from Kestrel's own configuration (Kestrel:Certificates:Default) when given.
        k.ListenAnyIP(port, l => l.Protocols = HttpProtocols.Http2);
    }
});
builder.Services.AddGrpc();
builder.Services.AddGrpcHealthChecks().AddCheck<DataPlaneHealthCheck>("dataplane");
builder.Services.AddSingleton<NodeDataPlane>();
builder.Services.AddSingleton<EndpointManager>();

var app = builder.Build();
// Build the data plane before listening: health answers SERVING only once pipelines are attached.
app.Services.GetRequiredService<EndpointManager>();
app.MapGrpcService<NodeService>();
app.MapGrpcHealthChecksService();
app.Lifetime.ApplicationStarted.Register(() => File.SetUnixFileMode(options.Socket, UnixFileMode.UserRead | UnixFileMode.UserWrite));
app.Run();
