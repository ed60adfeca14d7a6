namespace MizarNF.Netlink.Protocol;

/// <summary>What a request was, so that its failure can be told: the operation, its target, the namespace.</summary>
internal readonly record struct Failure(string Operation, string? Target, string? Netns)
{
    public NetlinkException With(int errno, string? kernelMessage = null) => new(Operation, errno, Target, Netns, kernelMessage);
}
