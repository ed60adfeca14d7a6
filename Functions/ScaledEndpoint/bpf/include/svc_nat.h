/* svc_nat.h: rewrites one address and port of an IPv4 TCP/UDP packet with its checksums kept right, on both hooks. */
#pragma once

#include <linux/ip.h>
#include <linux/in.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <mnf/ctx.h>
#include <mnf/pkt.h>
#include <mnf/parse.h>
#include <mnf/tunnel.h>

/*
 * ctx field reads through a pointer clang cannot see through: with many reads of one field in
 * a composed program, clang 14 keeps "ctx + offsetof(field)" in a register and loads through it,
 * which the 6.18 verifier rejects ("dereference of modified ctx ptr"). Hiding ctx behind an empty
 * asm makes every read a plain load at its offset.
 */
static __always_inline mnf_ctx_t *svc_ctx(mnf_ctx_t *ctx)
{
	asm volatile("" : "+r"(ctx));
	return ctx;
}
#define svc_data(ctx) ctx_data(svc_ctx(ctx))
#define svc_data_end(ctx) ctx_data_end(svc_ctx(ctx))
#define svc_ingress_ifindex(ctx) ctx_ingress_ifindex(svc_ctx(ctx))

#define SVC_NAT_DST 0
#define SVC_NAT_SRC 1

/* RFC 1624 incremental update for one 16-bit field. */
static __always_inline void svc_csum_replace2(__u16 *check, __be16 from, __be16 to)
{
	__u32 sum = (__u16)~*check;

	sum += (__u16)~from;
	sum += to;
	sum = (sum & 0xffff) + (sum >> 16);
	sum = (sum & 0xffff) + (sum >> 16);
	*check = (__u16)~sum;
}

#ifdef MNF_HOOK_XDP
/*
 * XDP: no checksum offload state to respect, so the headers are written in place and both
 * checksums updated incrementally. A UDP checksum of 0 (none) stays 0; a computed 0 is sent as
 * 0xffff (RFC 768).
 */
static __always_inline int svc_nat(mnf_ctx_t *ctx, __u32 l3, __u32 l4, __u8 proto, int src, __be32 ip, __be16 port)
{
	void *data = svc_data(ctx), *end = svc_data_end(ctx);
	struct iphdr *iph = data + (l3 & 0x1ff);
	struct udphdr *uh = data + (l4 & 0x1ff);
	__u16 *check;
	__be32 old_ip;
	__be16 old_port;

	if (!MNF_HAS(iph, sizeof(*iph), end))
		return -1;
	if (proto == IPPROTO_TCP) {
		struct tcphdr *th = (void *)uh;

		if (!MNF_HAS(th, sizeof(*th), end))
			return -1;
		check = &th->check;
	} else {
		if (!MNF_HAS(uh, sizeof(*uh), end))
			return -1;
		check = &uh->check;
	}
	old_ip = src ? iph->saddr : iph->daddr;
	old_port = src ? uh->source : uh->dest;
	mnf_csum_replace4(&iph->check, old_ip, ip);
	if (proto == IPPROTO_TCP || *check) {
		mnf_csum_replace4(check, old_ip, ip);
		svc_csum_replace2(check, old_port, port);
		if (proto == IPPROTO_UDP && *check == 0)
			*check = 0xffff;
	}
	if (src) {
		iph->saddr = ip;
		uh->source = port;
	} else {
		iph->daddr = ip;
		uh->dest = port;
	}
	return 0;
}
#else
/*
 * tc: through the kernel's helpers, which keep CHECKSUM_PARTIAL (a pod with tx checksum offload
 * sends only the pseudo-header sum) and CHECKSUM_COMPLETE skbs right, which a hand-made
 * incremental update would not.
 */
static __always_inline int svc_nat(mnf_ctx_t *ctx, __u32 l3, __u32 l4, __u8 proto, int src, __be32 ip, __be16 port)
{
	__u32 ip_off = l3 + (src ? __builtin_offsetof(struct iphdr, saddr) : __builtin_offsetof(struct iphdr, daddr));
	__u32 port_off = l4 + (src ? 0 : 2);
	__u32 csum_off = l4 + (proto == IPPROTO_TCP ? __builtin_offsetof(struct tcphdr, check) : __builtin_offsetof(struct udphdr, check));
	__u64 m0 = proto == IPPROTO_UDP ? BPF_F_MARK_MANGLED_0 : 0;
	__be32 old_ip;
	__be16 old_port;

	if (bpf_skb_load_bytes(ctx, ip_off, &old_ip, 4) < 0 || bpf_skb_load_bytes(ctx, port_off, &old_port, 2) < 0)
		return -1;
	if (bpf_l4_csum_replace(ctx, csum_off, old_ip, ip, BPF_F_PSEUDO_HDR | m0 | 4) < 0 ||
	    bpf_l4_csum_replace(ctx, csum_off, old_port, port, m0 | 2) < 0 ||
	    bpf_l3_csum_replace(ctx, l3 + __builtin_offsetof(struct iphdr, check), old_ip, ip, 4) < 0)
		return -1;
	if (bpf_skb_store_bytes(ctx, ip_off, &ip, 4, 0) < 0 || bpf_skb_store_bytes(ctx, port_off, &port, 2, 0) < 0)
		return -1;
	return 0;
}
#endif
