using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using MizarNF.Cli.Manifests;
using MizarNF.ControlPlane;
using MizarNF.ControlPlane.Nodes;
using MizarNF.ControlPlane.Objects;
using MizarNF.ControlPlane.Store;

namespace MizarNF.Cli.Commands;

/// <summary>
/// kubectl-like commands of the embedded control plane: `apply -f`, `get`, `describe`, `delete`.
/// The operator runs in this process over a durable store (one JSON file per object, a lock
/// against concurrent runs); node calls go to each node daemon's socket.
/// </summary>
internal static class ControlPlaneCommands
{
    private static readonly Option<string> StoreOption = new("--store")
    {
        Description = "the control plane's store directory",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("MIZARNF_STORE") ?? "/var/lib/mizarnf/control",
        Recursive = true,
    };

    public static IEnumerable<Command> Create()
    {
        yield return Apply();
        yield return Get();
        yield return Describe();
        yield return Delete();
    }

    public static Option<string> Store => StoreOption;

    private static Command Apply()
    {
        var file = new Option<string>("-f", "--filename") { Description = "manifest (YAML or JSON; - for stdin)", Required = true };
        var c = new Command("apply", "create or update objects from a manifest") { file, StoreOption };
        c.SetAction(async (r, ct) =>
        {
            var path = r.GetValue(file)!;
            var text = path == "-" ? await Console.In.ReadToEndAsync(ct) : await File.ReadAllTextAsync(path, ct);
            using var cp = Open(r.GetValue(StoreOption)!);
            var failures = 0;
            foreach (var doc in YamlManifest.Documents(text))
            {
                failures += await ApplyOne(cp.Reconciler, doc, ct) ? 0 : 1;
            }

            return failures == 0 ? 0 : 1;
        });
        return c;
    }

    /// <summary>Applies one JSON document, printing "kind/name configured" or why not.</summary>
    public static async Task<bool> ApplyOne(Reconciler reconciler, string json, CancellationToken ct)
    {
        MizarObject obj;
        try
        {
            obj = ObjectJson.Deserialize(json);
        }
        catch (Exception e) when (e is JsonException or ControlPlaneValidationException or NotSupportedException or ArgumentException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return false;
        }

        try
        {
            var stored = await reconciler.ApplyAsync(obj, ct);
            var ready = stored.IsReady ? string.Empty : $" (not ready: {Conditions.Find(stored.ObjectStatus.Conditions, Conditions.Ready)?.Message})";
            Console.WriteLine($"{stored.Kind.ToLowerInvariant()}/{stored.Name} configured{ready}");
            return stored.IsReady;
        }
        catch (ControlPlaneValidationException e)
        {
            Console.Error.WriteLine($"error: {obj.Kind.ToLowerInvariant()}/{obj.Name} refused: {e.Message}");
            return false;
        }
    }

    private static Command Get()
    {
        var kind = new Argument<string>("kind") { Description = "vpc, subnet, endpoint, service or node" };
        var name = new Argument<string?>("name") { Arity = ArgumentArity.ZeroOrOne };
        var output = new Option<string>("-o", "--output") { Description = "table or json", DefaultValueFactory = _ => "table" };
        var c = new Command("get", "list objects") { kind, name, output, StoreOption };
        c.SetAction(r =>
        {
            using var store = FileObjectStore.Open(r.GetValue(StoreOption)!);
            var k = Kind(r.GetValue(kind)!);
            var objects = store.List(k).Where(o => r.GetValue(name) is not { } n || o.Name == n).OrderBy(o => o.Name, StringComparer.Ordinal).ToList();
            if (r.GetValue(name) is { } missing && objects.Count == 0)
            {
                Console.Error.WriteLine($"error: {k.ToLowerInvariant()} \"{missing}\" not found");
                return 1;
            }

            if (r.GetValue(output) == "json")
            {
                Console.WriteLine("[" + string.Join(",\n", objects.Select(ObjectJson.Serialize)) + "]");
                return 0;
            }

            PrintTable(k, objects);
            return 0;
        });
        return c;
    }

    public static void PrintTable(string kind, IReadOnlyList<MizarObject> objects)
    {
        switch (kind)
        {
            case Vpc.KindName:
                Table.Print(["name", "cidr", "vni", "dividers", "ready"], objects.Cast<Vpc>().Select(v => (IReadOnlyList<string>)[v.Name, v.Spec.Cidr, v.Status?.Vni?.ToString(CultureInfo.InvariantCulture) ?? "-", string.Join(",", v.Status?.Dividers ?? []), Ready(v)]));
                break;
            case Subnet.KindName:
                Table.Print(["name", "vpc", "cidr", "gateway", "bouncers", "ready"], objects.Cast<Subnet>().Select(s => (IReadOnlyList<string>)[s.Name, s.Spec.Vpc, s.Spec.Cidr, s.Status?.Gateway ?? "-", string.Join(",", s.Status?.Bouncers ?? []), Ready(s)]));
                break;
            case Endpoint.KindName:
                Table.Print(["name", "vpc", "subnet", "node", "ip", "mac", "provisioned", "ready"], objects.Cast<Endpoint>().Select(e => (IReadOnlyList<string>)[e.Name, e.Spec.Vpc, e.Spec.Subnet, e.Spec.Node, e.Status?.Ip ?? "-", e.Status?.Mac ?? "-", e.Status?.ProvisionedIn is { } ms ? $"{ms:0.0} ms" : "-", Ready(e)]));
                break;
            case Service.KindName:
                ServiceTable.Print(objects.Cast<Service>(), Ready, DateTimeOffset.UtcNow);
                break;
            default:
                Table.Print(["name", "address", "mac", "socket", "ready"], objects.Cast<Node>().Select(n => (IReadOnlyList<string>)[n.Name, n.Spec.Address, n.Spec.Mac, n.Spec.Socket, Ready(n)]));
                break;
        }
    }

    private static Command Describe()
    {
        var kind = new Argument<string>("kind");
        var name = new Argument<string>("name");
        var c = new Command("describe", "show one object with its status and conditions") { kind, name, StoreOption };
        c.SetAction(r =>
        {
            using var store = FileObjectStore.Open(r.GetValue(StoreOption)!);
            var k = Kind(r.GetValue(kind)!);
            if (store.Get(k, r.GetValue(name)!) is not { } obj)
            {
                Console.Error.WriteLine($"error: {k.ToLowerInvariant()} \"{r.GetValue(name)}\" not found");
                return 1;
            }

            using var doc = JsonDocument.Parse(ObjectJson.Serialize(obj));
            Console.WriteLine($"Name:        {obj.Name}");
            Console.WriteLine($"Kind:        {obj.Kind}");
            Console.WriteLine($"API Version: {obj.ApiVersion}");
            Console.WriteLine($"Created:     {obj.Metadata.CreationTimestamp:u}");
            Console.WriteLine($"Generation:  {obj.Metadata.Generation}");
            Console.WriteLine("Spec:");
            Dump(doc.RootElement.GetProperty("spec"), "  ");
            if (doc.RootElement.TryGetProperty("status", out var status))
            {
                Console.WriteLine("Status:");
                foreach (var p in status.EnumerateObject().Where(p => p.Name != "conditions"))
                {
                    Console.WriteLine($"  {p.Name}: {p.Value}");
                }
            }

            Console.WriteLine("Conditions:");
            Table.Print(["  type", "status", "reason", "last transition", "message"], obj.ObjectStatus.Conditions.Select(x => (IReadOnlyList<string>)["  " + x.Type, x.Status, x.Reason, x.LastTransitionTime.ToString("u", CultureInfo.InvariantCulture), x.Message]));
            return 0;
        });
        return c;
    }

    private static Command Delete()
    {
        var kind = new Argument<string>("kind");
        var name = new Argument<string>("name");
        var c = new Command("delete", "delete an object (and undo it on its nodes)") { kind, name, StoreOption };
        c.SetAction(async (r, ct) =>
        {
            using var cp = Open(r.GetValue(StoreOption)!);
            var k = Kind(r.GetValue(kind)!);
            try
            {
                var done = await cp.Reconciler.DeleteAsync(k, r.GetValue(name)!, ct);
                Console.WriteLine(done ? $"{k.ToLowerInvariant()}/{r.GetValue(name)} deleted" : $"{k.ToLowerInvariant()}/{r.GetValue(name)} marked for deletion (a node was unreachable; the next reconcile finishes it)");
                return done ? 0 : 1;
            }
            catch (ControlPlaneValidationException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 1;
            }
        });
        return c;
    }

    /// <summary>The embedded control plane over a store directory.</summary>
    public static EmbeddedControlPlane Open(string directory) => new(directory);

    private static string Kind(string text) =>
        text is "svc" ? Service.KindName : ObjectKinds.Canonical(text.TrimEnd('s') is var t && t.Length > 0 ? t : text);

    private static string Ready(MizarObject o) => Conditions.Find(o.ObjectStatus.Conditions, Conditions.Ready) is { } c
        ? c.Status == Conditions.True ? "True" : $"False ({c.Reason})"
        : "-";

    private static void Dump(JsonElement e, string indent)
    {
        foreach (var p in e.EnumerateObject())
        {
            Console.WriteLine($"{indent}{p.Name}: {p.Value}");
        }
    }
}
