using System.Text.Json;
using MizarNF.Cni.Spec;
using MizarNF.NodeApi.V1;

namespace MizarNF.Cni.Results;

/// <summary>The spec's JSON documents: ADD's result (merged onto prevResult), VERSION's reply, errors.</summary>
public static class ResultWriter
{
    /// <summary>
    /// ADD's result in <paramref name="version"/>'s format: what came before (prevResult's
    /// interfaces, ips, routes, dns) followed by the node-side veth, the container's interface,
    /// its address and its default route.
    /// </summary>
    public static void Add(Stream output, string version, JsonElement? prev, Attachment a)
    {
        var e = a.Endpoint;
        var ipsVersion = CniVersions.IpsCarryVersion(version);
        using var w = new Utf8JsonWriter(output);
        w.WriteStartObject();
        w.WriteString("cniVersion", version);

        w.WriteStartArray("interfaces");
        var before = 0;
        if (prev is { } p && p.TryGetProperty("interfaces", out var pi) && pi.ValueKind == JsonValueKind.Array)
        {
            foreach (var i in pi.EnumerateArray())
            {
                i.WriteTo(w);
                before++;
            }
        }

        w.WriteStartObject();
        w.WriteString("name", e.HostIfname);
        w.WriteEndObject();
        w.WriteStartObject();
        w.WriteString("name", a.Ifname);
        w.WriteString("mac", e.Mac);
        if (CniVersions.Compare(version, "1.1.0") >= 0)
        {
            w.WriteNumber("mtu", e.Mtu);
        }

        w.WriteString("sandbox", a.Netns);
        w.WriteEndObject();
        w.WriteEndArray();

        w.WriteStartArray("ips");
        Copy(w, prev, "ips");
        w.WriteStartObject();
        if (ipsVersion)
        {
            w.WriteString("version", "4");
        }

        w.WriteString("address", $"{e.Ip}/{e.PrefixLength}");
        w.WriteString("gateway", e.Gateway);
        w.WriteNumber("interface", before + 1);
        w.WriteEndObject();
        w.WriteEndArray();

        w.WriteStartArray("routes");
        Copy(w, prev, "routes");
        w.WriteStartObject();
        w.WriteString("dst", "0.0.0.0/0");
        w.WriteString("gw", e.Gateway);
        w.WriteEndObject();
        w.WriteEndArray();

        w.WritePropertyName("dns");
        if (prev is { } pd && pd.TryGetProperty("dns", out var dns) && dns.ValueKind == JsonValueKind.Object)
        {
            dns.WriteTo(w);
        }
        else
        {
            w.WriteStartObject();
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    /// <summary>VERSION's reply.</summary>
    public static void Version(Stream output)
    {
        using var w = new Utf8JsonWriter(output);
        w.WriteStartObject();
        w.WriteString("cniVersion", CniVersions.Latest);
        w.WriteStartArray("supportedVersions");
        foreach (var v in CniVersions.Supported)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The error document.</summary>
    public static void Error(Stream output, string version, CniException e)
    {
        using var w = new Utf8JsonWriter(output);
        w.WriteStartObject();
        w.WriteString("cniVersion", version);
        w.WriteNumber("code", e.Code);
        w.WriteString("msg", e.Message);
        if (e.Details is { Length: > 0 } d)
        {
            w.WriteString("details", d);
        }

        w.WriteEndObject();
    }

    private static void Copy(Utf8JsonWriter w, JsonElement? prev, string name)
    {
        if (prev is { } p && p.TryGetProperty(name, out var items) && items.ValueKind == JsonValueKind.Array)
        {
            foreach (var i in items.EnumerateArray())
            {
                i.WriteTo(w);
            }
        }
    }
}
