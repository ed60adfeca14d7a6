/* tunnel.h: Geneve encapsulation, decapsulation and outer-header rewrites (see geneve.md). */
#pragma once

#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/udp.h>
#include "ctx.h"
#include "pkt.h"
#include "geneve.h"
#include "drop_reasons.h"

/* Outer headers without options: Ethernet, IPv4, UDP, Geneve. */
#define MNF_ENCAP_LEN (sizeof(struct ethhdr) + sizeof(struct iphdr) + sizeof(struct udphdr) + sizeof(struct mnf_gnv_hdr))
#define MNF_ENCAP_TC_FLAGS (BPF_F_ADJ_ROOM_ENCAP_L3_IPV4 | BPF_F_ADJ_ROOM_ENCAP_L4_UDP | \
			    BPF_F_ADJ_ROOM_ENCAP_L2(sizeof(struct ethhdr)) | BPF_F_ADJ_ROOM_ENCAP_L2_ETH)
#define MNF_OUTER_TTL 64

/* A flow hash of the 5-tuple (a murmur3 finaliser over the mixed words): same flow, same value. */
static __always_inline __u32 mnf_flow_hash(const struct mnf_flow *f)
{
	__u32 h = f->saddr * 0x9e3779b1u;

	h ^= f->daddr + 0x7f4a7c15u + (h << 6) + (h >> 2);
	h ^= (((__u32)f->sport << 16) | f->dport) + 0x165667b1u + (h << 6) + (h >> 2);
	h ^= f->proto;
	h ^= h >> 16;
	h *= 0x85ebca6bu;
	h ^= h >> 13;
	h *= 0xc2b2ae35u;
	h ^= h >> 16;
	return h;
}

/* The IPv4 header checksum of a 20-byte header (options are never sent on the outer header). */
static __always_inline __u16 mnf_ipv4_csum(struct iphdr *ip)
{
	__u16 *w = (__u16 *)ip;
	__u32 sum = 0;
	int i;

	ip->check = 0;
#pragma clang loop unroll(full)
	for (i = 0; i < (int)(sizeof(*ip) / 2); i++)
		sum += w[i];
	sum = (sum & 0xffff) + (sum >> 16);
	sum = (sum & 0xffff) + (sum >> 16);
	return (__u16)~sum;
}

/* RFC 1624 incremental update of a 16-bit one's complement checksum for one 32-bit field. */
static __always_inline void mnf_csum_replace4(__u16 *check, __be32 from, __be32 to)
{
	__u32 sum = (__u16)~*check;

	sum += (__u16)~(from & 0xffff);
	sum += (__u16)~(from >> 16);
	sum += to & 0xffff;
	sum += to >> 16;
	sum = (sum & 0xffff) + (sum >> 16);
	sum = (sum & 0xffff) + (sum >> 16);
	*check = (__u16)~sum;
}

struct mnf_encap {
	__be32 src;
	__be32 dst;
	const __u8 *src_mac;
	const __u8 *dst_mac;
	__u32 vni;
	__be16 inner_ip_id; /* copied to the outer header: DF is set, so any ID is valid (RFC 6864) */
	__u16 sport_hash;
};

/*
 * Wraps the whole frame in outer Ethernet/IPv4/UDP/Geneve (no options). The inner frame is left
 * as it was. Afterwards the parsed offsets in pkt no longer describe the packet.
 */
static __always_inline int mnf_gnv_encap(mnf_ctx_t *ctx, struct mnf_pkt *pkt, const struct mnf_encap *e)
{
	__u32 inner_len = pkt->len;
	void *data, *end;
	struct ethhdr *eth;
	struct iphdr *ip;
	struct udphdr *udp;
	struct mnf_gnv_hdr *g;

	if (ctx_encap(ctx, MNF_ENCAP_LEN, MNF_ENCAP_TC_FLAGS, pkt->outer.kind == MNF_KIND_IPV4) < 0)
		return mnf_drop(pkt, MNF_DROP_ADJUST_FAILED);
	data = ctx_data(ctx);
	end = ctx_data_end(ctx);
	eth = data;
	ip = (void *)(eth + 1);
	udp = (void *)(ip + 1);
	g = (void *)(udp + 1);
	if (!MNF_HAS(g, sizeof(*g), end))
		return mnf_drop(pkt, MNF_DROP_ADJUST_FAILED);
	__builtin_memcpy(eth->h_dest, e->dst_mac, ETH_ALEN);
	__builtin_memcpy(eth->h_source, e->src_mac, ETH_ALEN);
	eth->h_proto = bpf_htons(ETH_P_IP);
	ip->version = 4;
	ip->ihl = 5;
	ip->tos = 0;
	ip->tot_len = bpf_htons(inner_len + MNF_ENCAP_LEN - sizeof(*eth));
	ip->id = e->inner_ip_id;
	ip->frag_off = bpf_htons(0x4000); /* DF */
	ip->ttl = MNF_OUTER_TTL;
	ip->protocol = IPPROTO_UDP;
	ip->saddr = e->src;
	ip->daddr = e->dst;
	ip->check = mnf_ipv4_csum(ip);
	udp->source = bpf_htons(0xc000 | (e->sport_hash & 0x3fff));
	udp->dest = bpf_htons(MNF_GENEVE_PORT);
	udp->len = bpf_htons(inner_len + sizeof(*udp) + sizeof(*g));
	udp->check = 0;
	g->ver_optlen = 0;
	g->flags = 0;
	g->protocol = bpf_htons(MNF_ETH_P_TEB);
	g->vni[0] = e->vni >> 16;
	g->vni[1] = e->vni >> 8;
	g->vni[2] = e->vni;
	g->reserved = 0;
	pkt->len = inner_len + MNF_ENCAP_LEN;
	return MNF_CONTINUE;
}

/*
 * Points a Geneve packet at another node: new outer destination and MACs, TTL decremented, IP
 * checksum updated incrementally. The outer source stays: receivers learn the sender from it.
 */
static __always_inline int mnf_gnv_retarget(mnf_ctx_t *ctx, struct mnf_pkt *pkt, __be32 dst,
					    const __u8 *src_mac, const __u8 *dst_mac)
{
	void *data = ctx_data(ctx), *end = ctx_data_end(ctx);
	struct ethhdr *eth = data;
	struct iphdr *ip = data + (pkt->outer.l3_off & 0x1ff);
	__u16 old_ttl;

	if (!MNF_HAS(eth, sizeof(*eth), end) || !MNF_HAS(ip, sizeof(*ip), end))
		return mnf_drop(pkt, MNF_DROP_IPV4_TRUNCATED);
	if (ip->ttl <= 1)
		return mnf_drop(pkt, MNF_DROP_TTL_EXCEEDED);
	__builtin_memcpy(eth->h_dest, dst_mac, ETH_ALEN);
	__builtin_memcpy(eth->h_source, src_mac, ETH_ALEN);
	old_ttl = *(__u16 *)&ip->ttl;
	ip->ttl--;
	mnf_csum_replace4(&ip->check, old_ttl, *(__u16 *)&ip->ttl);
	mnf_csum_replace4(&ip->check, ip->daddr, dst);
	ip->daddr = dst;
	return MNF_CONTINUE;
}

/* Strips the outer headers and options: the inner Ethernet frame starts the packet again. */
static __always_inline int mnf_gnv_decap(mnf_ctx_t *ctx, struct mnf_pkt *pkt)
{
	if (ctx_decap(ctx, pkt->inner_off, pkt->inner.kind == MNF_KIND_IPV4) < 0)
		return mnf_drop(pkt, MNF_DROP_ADJUST_FAILED);
	pkt->len -= pkt->inner_off;
	return MNF_CONTINUE;
}
