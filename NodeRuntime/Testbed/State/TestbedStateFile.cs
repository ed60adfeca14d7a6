using System.Net;
using System.Text.Json;

namespace MizarNF.Testbed;

/// <summary>Reads and (atomically) writes testbed.json.</summary>
internal static class TestbedStateFile
{
    public static void Write(TestbedLayout layout, TestbedState state)
    {
        Directory.CreateDirectory(layout.RunDirectory);
        var temporary = layout.StateFile + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(state, TestbedStateJson.Default.TestbedState));
        File.Move(temporary, layout.StateFile, overwrite: true);
    }

    /// <summary>The state, or null when there is no (readable) state file.</summary>
    public static TestbedState? TryRead(TestbedLayout layout)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(layout.StateFile), TestbedStateJson.Default.TestbedState);
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return null;
        }
    }

    public static TestbedNodeState ToState(TestbedNode node) => new()
    {
        Name = node.Name,
        Index = node.Index,
        Namespace = node.Namespace,
        UnderlayInterface = node.UnderlayInterface,
        BridgePort = node.BridgePort,
        Address = node.Address.ToString(),
        Mac = node.Mac,
        Socket = node.Socket,
        PinRoot = node.PinRoot,
        StateDirectory = node.StateDirectory,
        Log = node.Log,
        Pid = node.Pid,
    };

    public static TestbedNode FromState(TestbedLayout layout, TestbedNodeState node) =>
        layout.Node(node.Index, IPAddress.Parse(node.Address), node.Mac) with { Pid = node.Pid };
}
