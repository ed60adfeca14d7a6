using System.Net;

namespace MizarNF.Bench.ServiceLatency;

/// <summary>ClusterIPs 10.96.0.0/16 upwards, service i (0-based) at 10.96.0.0 + i + 1, port 80; the backend listens on 8080.</summary>
internal static class ServiceAddresses
{
    public const int ServicePort = 80;

    public const int BackendPort = 8080;

    public static IPAddress ClusterIp(int index)
    {
        var n = index + 1;
        return new IPAddress([10, (byte)(96 + (n >> 16)), (byte)((n >> 8) & 255), (byte)(n & 255)]);
    }
}
