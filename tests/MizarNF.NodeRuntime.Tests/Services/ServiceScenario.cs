using System.Diagnostics;
using System.Globalization;
using MizarNF.NodeApi.V1;
using MizarNF.NodeRuntime.Tests.Fixtures;

namespace MizarNF.NodeRuntime.Tests.Services;

/// <summary>
/// Services on the three-node cluster, programmed as the control plane does: the ScaledEndpoint
/// entries on their owner n2 (the bouncer of 10.1.1.0/24) and each ClusterIP as a /32 in VPC 100's
/// divider n3. Backend pods b2 (n2) and b3 (n3) answer TCP and UDP with their name and port (a small
/// Python server in the pod). Disposing removes the services, the /32s, the servers and the pods.
/// </summary>
internal sealed class ServiceScenario : IDisposable
{
    public const string Vip = "10.96.0.10";
    public const string Vpc1OnlyVip = "10.96.0.12";
    private static int _next;
    private readonly int _run;
    private readonly ClusterFixture _cluster;
    private readonly List<Process> _servers = [];
    private readonly List<(Pod Pod, int Bouncer)> _pods = [];
    private readonly List<string> _services = [];
    private readonly string _dir = Directory.CreateTempSubdirectory("mnf-svc-e2e-").FullName;

    public ServiceScenario(ClusterFixture cluster)
    {
        _cluster = cluster;
        try
        {
            _run = Interlocked.Increment(ref _next);
            File.WriteAllText(Script("server.py"), ServerPy);
            File.WriteAllText(Script("client.py"), ClientPy);
            B2 = AddPod($"svc{_run}-b2", 2, ClusterFixture.Vpc1, "10.1.1.40", "10.1.1.1", 2);
            B3 = AddPod($"svc{_run}-b3", 3, ClusterFixture.Vpc1, "10.1.2.50", "10.1.2.1", 3);
            Serve(B2, "b2");
            Serve(B3, "b3");
            Serve(cluster.Pod("q2"), "q2");
            Divider($"[{{\"vni\":{ClusterFixture.Vpc1},\"cidr\":\"{Vip}/32\",\"bouncers\":[\"{cluster.Address(2)}\"]}},{{\"vni\":{ClusterFixture.Vpc1},\"cidr\":\"{Vpc1OnlyVip}/32\",\"bouncers\":[\"{cluster.Address(2)}\"]}}]", Operation.Upsert);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public Pod B2 { get; }

    public Pod B3 { get; }

    /// <summary>Another backend pod with its server ("name:port" answers).</summary>
    public Pod AddBackend(string name, int node, string ip, string gateway)
    {
        var pod = AddPod($"svc{_run}-{name}", node, ClusterFixture.Vpc1, ip, gateway, gateway == "10.1.2.1" ? 3 : 2);
        Serve(pod, name);
        return pod;
    }

    /// <summary>Deletes a backend pod's endpoint as when the pod goes away (its node and its bouncer forget it).</summary>
    public void RemoveEndpoint(Pod pod)
    {
        _cluster.Client(pod.Node).DeleteEndpoint(new DeleteEndpointRequest { Id = pod.Name });
        var bouncer = _pods.First(p => p.Pod == pod).Bouncer;
        _cluster.Client(bouncer).ProgramFunction(new ProgramFunctionRequest { Function = "Bouncer", Kind = "endpoint", Operation = Operation.Remove, Json = $"[{{\"vni\":{pod.Vni},\"ip\":\"{pod.Ip}\",\"host\":\"{_cluster.Address(pod.Node)}\",\"mac\":\"02:00:00:00:00:00\"}}]" });
    }

    /// <summary>A service JSON object.</summary>
    public static string Service(uint vni, string ip, int port, string protocol, IEnumerable<(Pod Pod, int Port, string Host)> backends, int affinitySeconds = 0) =>
        $"{{\"vni\":{vni},\"ip\":\"{ip}\",\"port\":{port},\"protocol\":\"{protocol}\",\"backends\":[{string.Join(',', backends.Select(b => $"{{\"ip\":\"{b.Pod.Ip}\",\"port\":{b.Port},\"host\":\"{b.Host}\"}}"))}]"
        + (affinitySeconds > 0 ? $",\"affinity\":{{\"clientIp\":true,\"timeoutSeconds\":{affinitySeconds}}}" : "") + "}";

    /// <summary>Upserts services on the owner n2 (one ProgramFunction call, whatever the number of nodes).</summary>
    public void Upsert(params string[] services)
    {
        _services.AddRange(services);
        _cluster.Client(2).ProgramFunction(new ProgramFunctionRequest { Function = "ScaledEndpoint", Kind = "service", Operation = Operation.Upsert, Json = "[" + string.Join(',', services) + "]" });
    }

    /// <summary>(backend name, or null when it failed) per client source port.</summary>
    public IReadOnlyList<(int Sport, string? Backend)> Connect(Pod client, string protocol, string ip, int port, int count, int firstSport = 0)
    {
        var r = _cluster.Exec(client.Netns, "/usr/bin/python3", Script("client.py"), protocol, ip, port.ToString(CultureInfo.InvariantCulture), count.ToString(CultureInfo.InvariantCulture), firstSport.ToString(CultureInfo.InvariantCulture));
        Assert.True(r.Exit == 0, r.Output);
        return r.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')).Where(p => p.Length == 2)
            .Select(p => (int.Parse(p[0], CultureInfo.InvariantCulture), p[1] == "FAIL" ? null : p[1])).ToList();
    }

    /// <summary>A function's counters on a node's transit pipeline.</summary>
    public FunctionCounters Transit(int node, string function) =>
        _cluster.Client(node).GetCounters(new GetCountersRequest()).Functions.First(f => f.AttachPoint == "transit" && f.Function == function);

    public void Dispose()
    {
        foreach (var s in _servers)
        {
            try
            {
                s.Kill(entireProcessTree: true);
                s.WaitForExit(2000);
            }
            catch (InvalidOperationException)
            {
            }

            s.Dispose();
        }

        Try(() =>
        {
            if (_services.Count > 0)
            {
                _cluster.Client(2).ProgramFunction(new ProgramFunctionRequest { Function = "ScaledEndpoint", Kind = "service", Operation = Operation.Remove, Json = "[" + string.Join(',', _services) + "]" });
            }
        });
        Try(() => Divider($"[{{\"vni\":{ClusterFixture.Vpc1},\"cidr\":\"{Vip}/32\"}},{{\"vni\":{ClusterFixture.Vpc1},\"cidr\":\"{Vpc1OnlyVip}/32\"}}]", Operation.Remove));
        foreach (var (pod, bouncer) in _pods)
        {
            Try(() => _cluster.Client(pod.Node).DeleteEndpoint(new DeleteEndpointRequest { Id = pod.Name }));
            Try(() => _cluster.Client(bouncer).ProgramFunction(new ProgramFunctionRequest { Function = "Bouncer", Kind = "endpoint", Operation = Operation.Remove, Json = $"[{{\"vni\":{pod.Vni},\"ip\":\"{pod.Ip}\",\"host\":\"{_cluster.Address(pod.Node)}\",\"mac\":\"02:00:00:00:00:00\"}}]" }));
            Try(() => _cluster.Exec(pod.Netns, "true")); // the namespace itself goes with the testbed
        }

        Directory.Delete(_dir, recursive: true);
    }

    private static void Try(Action a)
    {
        try
        {
            a();
        }
        catch (Exception e) when (e is Grpc.Core.RpcException or InvalidOperationException)
        {
        }
    }

    private void Divider(string json, Operation op) =>
        _cluster.Client(3).ProgramFunction(new ProgramFunctionRequest { Function = "Divider", Kind = "subnet", Operation = op, Json = json });

    private string Script(string name) => Path.Combine(_dir, name);

    private Pod AddPod(string name, int node, uint vni, string ip, string gateway, int bouncer)
    {
        var netns = _cluster.Bed.CreatePodNamespace(name);
        _cluster.Client(node).ProvisionEndpoint(_cluster.Request(name, node, vni, ip, gateway, netns));
        var pod = new Pod(name, node, vni, ip, gateway, netns);
        _pods.Add((pod, bouncer));
        var mac = _cluster.Client(node).GetEndpoint(new GetEndpointRequest { Id = name }).Mac;
        _cluster.Client(bouncer).ProgramFunction(new ProgramFunctionRequest { Function = "Bouncer", Kind = "endpoint", Operation = Operation.Upsert, Json = $"[{{\"vni\":{vni},\"ip\":\"{ip}\",\"host\":\"{_cluster.Address(node)}\",\"mac\":\"{mac}\"}}]" });
        return pod;
    }

    private void Serve(Pod pod, string name)
    {
        var ready = Path.Combine(_dir, name + ".ready");
        var p = Process.Start(new ProcessStartInfo("ip", ["netns", "exec", pod.Netns, "/usr/bin/python3", Script("server.py"), name, ready]) { RedirectStandardError = true })!;
        _servers.Add(p);
        for (var i = 0; i < 100 && !File.Exists(ready); i++)
        {
            if (p.HasExited)
            {
                Assert.Fail($"server {name}: {p.StandardError.ReadToEnd()}");
            }

            Thread.Sleep(50);
        }

        Assert.True(File.Exists(ready), $"server {name} did not start");
    }

    /// <summary>Answers "name:port" on TCP 8080 and 8081 and on UDP 5353.</summary>
    private const string ServerPy = """
        import socket, sys, threading
        name, ready = sys.argv[1], sys.argv[2]
        def tcp(port):
            s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(("0.0.0.0", port)); s.listen(128)
            while True:
                c, _ = s.accept()
                try:
                    c.settimeout(2); c.recv(64); c.sendall(f"{name}:{port}\n".encode())
                except OSError:
                    pass
                finally:
                    c.close()
        def udp(port):
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("0.0.0.0", port))
            while True:
                data, peer = s.recvfrom(512); s.sendto(f"{name}:{port}\n".encode(), peer)
        threads = [threading.Thread(target=tcp, args=(p,), daemon=True) for p in (8080, 8081)]
        threads.append(threading.Thread(target=udp, args=(5353,), daemon=True))
        for t in threads: t.start()
        open(ready, "w").close()
        threading.Event().wait()
        """;

    /// <summary>client.py tcp|udp IP PORT COUNT FIRST_SPORT: one flow per line, "sport name:port" or "sport FAIL". TCP closes with RST (no TIME_WAIT, so a source port can be used again).</summary>
    private const string ClientPy = """
        import socket, struct, sys
        proto, ip, port, count, first = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
        for i in range(count):
            kind = socket.SOCK_STREAM if proto == "tcp" else socket.SOCK_DGRAM
            s = socket.socket(socket.AF_INET, kind)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(("0.0.0.0", first + i if first else 0))
            s.settimeout(1.5)
            sport = s.getsockname()[1]
            answer = "FAIL"
            try:
                s.connect((ip, port))
                if proto == "udp":
                    for attempt in range(3):
                        s.send(b"hi")
                        try:
                            answer = s.recv(64).decode().strip(); break
                        except socket.timeout:
                            pass
                else:
                    s.sendall(b"hi"); answer = s.recv(64).decode().strip() or "FAIL"
            except OSError:
                pass
            if proto == "tcp":
                s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            s.close()
            print(sport, answer, flush=True)
        """;
}
