using System.Globalization;
using MizarNF.ControlPlane.Objects;

namespace MizarNF.Cli.Commands;

/// <summary>`get services`: NAME, VPC, CLUSTER-IP, PORTS, BACKENDS, OWNERS, AGE and READY, as kubectl lays services out.</summary>
internal static class ServiceTable
{
    public static void Print(IEnumerable<Service> services, Func<MizarObject, string> ready, DateTimeOffset now, TextWriter? output = null) =>
        Table.Print(
            ["name", "vpc", "cluster-ip", "ports", "backends", "owners", "age", "ready"],
            services.Select(s => (IReadOnlyList<string>)
            [
                s.Name,
                s.Spec.Vpc,
                s.Status?.ClusterIp ?? "<pending>",
                string.Join(",", s.Spec.Ports.Select(Port)),
                (s.Status?.Backends.Count ?? 0).ToString(CultureInfo.InvariantCulture),
                s.Status?.Owners is { Count: > 0 } owners ? string.Join(",", owners) : "-",
                Age(s.Metadata.CreationTimestamp, now),
                ready(s),
            ]),
            output);

    /// <summary>"80/TCP", or "80:8080/TCP" when the backends listen elsewhere.</summary>
    private static string Port(ServicePort p) =>
        p.TargetPort is { } target && target != p.Port ? $"{p.Port}:{target}/{p.Protocol}" : $"{p.Port}/{p.Protocol}";

    /// <summary>kubectl's short age: 45s, 12m, 5h, 3d.</summary>
    private static string Age(DateTimeOffset? created, DateTimeOffset now)
    {
        if (created is not { } since)
        {
            return "-";
        }

        var age = now - since;
        return age.TotalSeconds < 120 ? $"{Math.Max(0, (int)age.TotalSeconds)}s"
            : age.TotalMinutes < 120 ? $"{(int)age.TotalMinutes}m"
            : age.TotalHours < 48 ? $"{(int)age.TotalHours}h"
            : $"{(int)age.TotalDays}d";
    }
}
