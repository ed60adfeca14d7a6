using System.Text.Json.Nodes;

namespace MizarNF.Cni.Tests.Fixtures;

/// <summary>
/// Runs a conflist's plugins as libcni does: ADD in order, each given the previous result as
/// prevResult and the runtime's capability arguments it declared in runtimeConfig; CHECK in order
/// with the final result; DEL in reverse order with the final result.
/// </summary>
public sealed class ChainRunner(string conflist, Func<string, string> locate, string nodeNetns)
{
    private readonly JsonObject _list = JsonNode.Parse(conflist)!.AsObject();

    /// <summary>The result the last ADD returned.</summary>
    public JsonNode? Result { get; private set; }

    /// <summary>ADD through the chain; stops at the first failure and returns it.</summary>
    public PluginRun Add(Dictionary<string, string> env, JsonObject capabilityArgs)
    {
        PluginRun last = new(0, string.Empty, string.Empty);
        JsonNode? prev = null;
        foreach (var plugin in Plugins())
        {
            last = Run(plugin, env, capabilityArgs, prev);
            if (last.Exit != 0)
            {
                return last;
            }

            prev = JsonNode.Parse(last.Stdout);
        }

        Result = prev;
        return last;
    }

    /// <summary>CHECK through the chain with the final result, leaving out the plugin types in <paramref name="skip"/>.</summary>
    public PluginRun Check(Dictionary<string, string> env, JsonObject capabilityArgs, params string[] skip) =>
        Each(Plugins().Where(p => !skip.Contains(p["type"]!.GetValue<string>())), env, capabilityArgs);

    /// <summary>DEL through the chain in reverse.</summary>
    public PluginRun Del(Dictionary<string, string> env, JsonObject capabilityArgs) => Each(Plugins().Reverse(), env, capabilityArgs);

    private PluginRun Each(IEnumerable<JsonObject> plugins, Dictionary<string, string> env, JsonObject capabilityArgs)
    {
        PluginRun last = new(0, string.Empty, string.Empty);
        foreach (var plugin in plugins)
        {
            last = Run(plugin, env, capabilityArgs, Result);
            if (last.Exit != 0)
            {
                return last;
            }
        }

        return last;
    }

    private IEnumerable<JsonObject> Plugins() => _list["plugins"]!.AsArray().Select(p => p!.AsObject());

    private PluginRun Run(JsonObject plugin, Dictionary<string, string> env, JsonObject capabilityArgs, JsonNode? prev)
    {
        var conf = plugin.DeepClone().AsObject();
        conf["name"] = _list["name"]!.DeepClone();
        conf["cniVersion"] = _list["cniVersion"]!.DeepClone();
        if (conf["capabilities"] is JsonObject caps)
        {
            var rc = new JsonObject();
            foreach (var (cap, on) in caps)
            {
                if (on?.GetValue<bool>() == true && capabilityArgs[cap] is { } value)
                {
                    rc[cap] = value.DeepClone();
                }
            }

            conf.Remove("capabilities");
            if (rc.Count > 0)
            {
                conf["runtimeConfig"] = rc;
            }
        }

        if (prev is not null)
        {
            conf["prevResult"] = prev.DeepClone();
        }

        var type = conf["type"]!.GetValue<string>();
        var run = CniInvoker.Run(locate(type), env, conf.ToJsonString(), nodeNetns);
        return run.Exit == 0 ? run : run with { Stderr = $"{type}: {run.Stderr}" };
    }
}
