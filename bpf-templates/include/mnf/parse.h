/* parse.h: the prologue: parses Ethernet, ARP, IPv4, TCP/UDP/ICMP and Geneve (with TLVs) once. */
#pragma once

#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/in.h>
#include <linux/udp.h>
#include <linux/tcp.h>
#include "ctx.h"
#include "pkt.h"
#include "drop_reasons.h"
#include "arp.h"

/* Bytes made linear up front on tc: outer and inner headers plus a few Geneve options. */
#define MNF_PULL_LEN 192
/* Headers are parsed only inside this window, which also bounds offsets for the verifier. */
#define MNF_MAX_HDR_OFF 384
#define MNF_GNV_MAX_OPTS 8

/* Bounds check in the one idiom every parser uses (xdp-tutorial's cursor style). */
#define MNF_HAS(ptr, size, end) ((void *)(ptr) + (size) <= (end))

/* Parses IPv4 and, for a first fragment or unfragmented packet, the TCP/UDP ports. */
static __always_inline int mnf_parse_ipv4(void *data, void *end, __u32 off, __u32 frame_len,
					  struct mnf_flow *f)
{
	struct iphdr *ip;
	__u32 ihl, tot;

	off &= 0x1ff; /* off < MNF_MAX_HDR_OFF; the mask states it for the verifier */
	ip = data + off;
	if (!MNF_HAS(ip, sizeof(*ip), end))
		return MNF_DROP_IPV4_TRUNCATED;
	ihl = ip->ihl * 4;
	tot = bpf_ntohs(ip->tot_len);
	if (ip->version != 4 || ihl < sizeof(*ip) || tot < ihl)
		return MNF_DROP_IPV4_BAD_HEADER;
	if (off + tot > frame_len)
		return MNF_DROP_IPV4_TRUNCATED;
	f->kind = MNF_KIND_IPV4;
	f->l3_off = off;
	f->saddr = ip->saddr;
	f->daddr = ip->daddr;
	f->proto = ip->protocol;
	f->is_fragment = (ip->frag_off & bpf_htons(0x3fff)) != 0;
	if (ip->frag_off & bpf_htons(0x1fff))
		return 0; /* a later fragment has no transport header */
	off += ihl;
	if (off > MNF_MAX_HDR_OFF)
		return 0;
	if (f->proto == IPPROTO_TCP || f->proto == IPPROTO_UDP) {
		/* Source and destination ports sit at the same place in both headers. */
		struct udphdr *l4 = data + (off & 0x1ff);

		if (!MNF_HAS(l4, f->proto == IPPROTO_TCP ? sizeof(struct tcphdr) : sizeof(*l4), end))
			return MNF_DROP_L4_TRUNCATED;
		f->sport = l4->source;
		f->dport = l4->dest;
		f->l4_off = off;
	} else if (f->proto == IPPROTO_ICMP) {
		if (!MNF_HAS(data + (off & 0x1ff), 8, end))
			return MNF_DROP_L4_TRUNCATED;
		f->l4_off = off;
	}
	return 0;
}

/* Parses an Ethernet header (one optional VLAN tag is skipped) and what it carries. */
static __always_inline int mnf_parse_l2(void *data, void *end, __u32 off, __u32 frame_len,
					struct mnf_flow *f)
{
	struct ethhdr *eth;
	__u16 proto;

	off &= 0x1ff;
	eth = data + off;
	if (!MNF_HAS(eth, sizeof(*eth), end))
		return MNF_DROP_ETH_TRUNCATED;
	proto = bpf_ntohs(eth->h_proto);
	off += sizeof(*eth);
	if (proto == ETH_P_8021Q || proto == ETH_P_8021AD) {
		__be16 *inner = data + (off & 0x1ff) + 2;

		if (!MNF_HAS(inner, sizeof(*inner), end))
			return MNF_DROP_VLAN_TRUNCATED;
		proto = bpf_ntohs(*inner);
		off += 4;
	}
	f->eth_proto = proto;
	if (proto == ETH_P_ARP) {
		struct mnf_arp *arp = data + (off & 0x1ff);

		if (!MNF_HAS(arp, sizeof(*arp), end))
			return MNF_DROP_ARP_TRUNCATED;
		f->kind = MNF_KIND_ARP;
		f->l3_off = off;
		f->saddr = arp->spa;
		f->daddr = arp->tpa;
		f->arp_op = (__u8)bpf_ntohs(arp->op);
		return 0;
	}
	if (proto == ETH_P_IP)
		return mnf_parse_ipv4(data, end, off, frame_len, f);
	return 0;
}

/*
 * Walks the Geneve options as TLVs (RFC 8926 §3.5). Ours (MNF_GNV_CLASS) are recorded by type;
 * others are skipped unless critical, which we cannot honour and so must drop (§3.5.1).
 */
static __always_inline int mnf_parse_gnv_opts(void *data, void *end, __u32 off, __u32 opts_end,
					      struct mnf_pkt *pkt)
{
	int i;

#pragma clang loop unroll(full)
	for (i = 0; i < MNF_GNV_MAX_OPTS; i++) {
		struct mnf_gnv_opt *opt;
		__u32 body;

		if (off >= opts_end)
			return 0;
		opt = data + (off & 0x1ff);
		if (!MNF_HAS(opt, sizeof(*opt), end))
			return MNF_DROP_GENEVE_TRUNCATED;
		body = MNF_GNV_OPT_BODY_LEN(opt);
		if (off + sizeof(*opt) + body > opts_end)
			return MNF_DROP_GENEVE_OPT_MALFORMED;
		if (opt->opt_class == bpf_htons(MNF_GNV_CLASS)) {
			/*
			 * A switch, not opt_off[type]: clang 14 turns the indexed store into
			 * "fp | index", which the 6.18 verifier rejects (bitwise op on a pointer).
			 */
			switch (opt->type) {
			case MNF_GNV_OPT_HOST: pkt->opt_off[MNF_GNV_OPT_HOST] = off + sizeof(*opt); break;
			case MNF_GNV_OPT_SERVICE: pkt->opt_off[MNF_GNV_OPT_SERVICE] = off + sizeof(*opt); break;
			default:
				if (opt->type & MNF_GNV_CRITICAL)
					return MNF_DROP_GENEVE_OPT_CRITICAL;
			}
		} else if (opt->type & MNF_GNV_CRITICAL) {
			return MNF_DROP_GENEVE_OPT_CRITICAL;
		}
		off += sizeof(*opt) + body;
	}
	return off >= opts_end ? 0 : MNF_DROP_GENEVE_TOO_MANY_OPTS;
}

static __always_inline int mnf_parse_geneve(void *data, void *end, struct mnf_pkt *pkt)
{
	struct mnf_gnv_hdr *g;
	__u32 off = pkt->outer.l4_off + sizeof(struct udphdr);
	__u32 opts_end;
	int rc;

	g = data + (off & 0x1ff);
	if (!MNF_HAS(g, sizeof(*g), end))
		return MNF_DROP_GENEVE_TRUNCATED;
	if (MNF_GNV_VER(g) != 0)
		return MNF_DROP_GENEVE_VERSION;
	if (g->protocol != bpf_htons(MNF_ETH_P_TEB))
		return MNF_DROP_GENEVE_PROTOCOL;
	pkt->gnv_off = off;
	pkt->vni = ((__u32)g->vni[0] << 16) | ((__u32)g->vni[1] << 8) | g->vni[2];
	opts_end = off + sizeof(*g) + MNF_GNV_OPTLEN(g);
	rc = mnf_parse_gnv_opts(data, end, off + sizeof(*g), opts_end, pkt);
	if (rc)
		return rc;
	if (opts_end > MNF_MAX_HDR_OFF)
		return MNF_DROP_GENEVE_TOO_MANY_OPTS;
	pkt->inner_off = opts_end;
	pkt->outer.kind = MNF_KIND_GENEVE;
	rc = mnf_parse_l2(data, end, opts_end, pkt->len, &pkt->inner);
	return rc ? MNF_DROP_INNER_TRUNCATED : 0;
}

/* The prologue: returns MNF_CONTINUE, or a verdict after recording a drop reason. */
static __always_inline int mnf_prologue(mnf_ctx_t *ctx, struct mnf_pkt *pkt)
{
	void *data, *end;
	int rc;

	pkt->len = ctx_len(ctx);
	if (ctx_pull(ctx, MNF_PULL_LEN) < 0)
		return mnf_drop(pkt, MNF_DROP_PULL_FAILED);
	data = ctx_data(ctx);
	end = ctx_data_end(ctx);
	rc = mnf_parse_l2(data, end, 0, pkt->len, &pkt->outer);
	if (rc)
		return mnf_drop(pkt, rc);
	if (pkt->outer.kind == MNF_KIND_IPV4 && pkt->outer.proto == IPPROTO_UDP &&
	    pkt->outer.dport == bpf_htons(MNF_GENEVE_PORT) && !pkt->outer.is_fragment) {
		rc = mnf_parse_geneve(data, end, pkt);
		if (rc)
			return mnf_drop(pkt, rc);
	}
	return MNF_CONTINUE;
}
