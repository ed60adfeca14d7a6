using System.Net;
using System.Net.NetworkInformation;

namespace MizarNF.TestKit.Tests.Fixtures;

/// <summary>Addresses shared by the tests: two pods in one VPC on two nodes.</summary>
internal static class Net
{
    public static readonly PhysicalAddress PodAMac = PhysicalAddress.Parse("02-00-0A-00-00-05");
    public static readonly PhysicalAddress PodBMac = PhysicalAddress.Parse("02-00-0A-00-00-06");
    public static readonly PhysicalAddress NodeAMac = PhysicalAddress.Parse("52-54-00-00-01-0A");
    public static readonly PhysicalAddress NodeBMac = PhysicalAddress.Parse("52-54-00-00-01-14");

    public static readonly IPAddress PodA = IPAddress.Parse("10.0.0.5");
    public static readonly IPAddress PodB = IPAddress.Parse("10.0.0.6");
    public static readonly IPAddress NodeA = IPAddress.Parse("192.168.1.10");
    public static readonly IPAddress NodeB = IPAddress.Parse("192.168.1.20");

    public const uint Vni = 0x123456;
}
