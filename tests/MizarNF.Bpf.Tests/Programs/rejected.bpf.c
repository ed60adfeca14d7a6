/* A valid program, then one the verifier must reject: it reads the packet without a bounds check. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>

SEC("xdp")
int mnf_fine(struct xdp_md *ctx)
{
	return XDP_PASS;
}

SEC("xdp")
int mnf_oob(struct xdp_md *ctx)
{
	volatile unsigned char *data = (void *)(long)ctx->data;

	return data[100] ? XDP_PASS : XDP_DROP;
}

char LICENSE[] SEC("license") = "GPL";
