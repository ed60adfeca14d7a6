// The testbed's underlay bridge ports run this. On kernel 6.18 a frame that a node's XDP program
// sends out of its eth0 (XDP_TX, XDP_REDIRECT) reaches the peer veth only if the peer has an XDP
// program; passing everything is enough. Section xdp.frags (BPF_F_XDP_HAS_FRAGS) keeps the node
// side's TSO and lets its MTU go past 3506; the program never reads the packet, so multi-buffer
// frames need nothing more.
#include <linux/bpf.h>

#define SEC(name) __attribute__((section(name), used))

SEC("xdp.frags")
int mnf_tb_pass(struct xdp_md *ctx)
{
    (void)ctx;
    return XDP_PASS;
}

char _license[] SEC("license") = "GPL";
