using MizarNF.ControlPlane.Allocation;

namespace MizarNF.ControlPlane.Tests.Allocation;

public sealed class VniAllocatorTests
{
    [Fact]
    public void Allocate_NoneUsed_FirstNeverZero()
    {
        Assert.Equal(1u, new VniAllocator().Allocate([]));
    }

    [Fact]
    public void Allocate_SomeUsed_NextAfterHighest()
    {
        Assert.Equal(8u, new VniAllocator().Allocate([3, 7, 5]));
    }

    [Fact]
    public void Allocate_HighestIsLast_WrapsToLowestFree()
    {
        Assert.Equal(11u, new VniAllocator(10, 13).Allocate([10, 13]));
    }

    [Fact]
    public void Allocate_RangeFull_RefusedSayingSo()
    {
        var e = Assert.Throws<ControlPlaneValidationException>(() => new VniAllocator(1, 3).Allocate([1, 2, 3]));

        Assert.Equal("no VNI left: all 3 VNIs of 1..3 are in use", e.Message);
    }

    [Fact]
    public void Allocate_FullSpace_NeverExceeds24Bits()
    {
        Assert.Equal(1u, new VniAllocator().Allocate([VniAllocator.MaxVni]));
    }

    [Theory]
    [InlineData(0u, 5u)]
    [InlineData(5u, 1u << 24)]
    [InlineData(6u, 5u)]
    public void Constructor_BadRange_Throws(uint first, uint last)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new VniAllocator(first, last));
    }
}
