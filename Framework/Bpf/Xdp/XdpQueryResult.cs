namespace MizarNF.Bpf;

/// <summary>What is attached to an interface's XDP hook.</summary>
/// <param name="ProgramId">The attached program's id; 0 when <see cref="Mode"/> is <see cref="XdpAttachedMode.Multiple"/>.</param>
/// <param name="Mode">The mode in use.</param>
/// <param name="NativeProgramId">The program in driver mode, or 0.</param>
/// <param name="GenericProgramId">The program in generic (skb) mode, or 0.</param>
/// <param name="OffloadedProgramId">The program offloaded to hardware, or 0.</param>
public sealed record XdpQueryResult(uint ProgramId, XdpAttachedMode Mode, uint NativeProgramId, uint GenericProgramId, uint OffloadedProgramId)
{
    /// <summary>The program attached in <paramref name="mode"/>, or 0.</summary>
    public uint ProgramIdIn(XdpMode mode) => mode == XdpMode.Native ? NativeProgramId : GenericProgramId;
}
