/* svc_helpers.h: the ScaledEndpoint steps shared by its segments: decide, cache, rewrite, answer. */
#pragma once

#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/in.h>
#include <linux/udp.h>
#include <mnf/ctx.h>
#include <mnf/pkt.h>
#include <mnf/node.h>
#include <mnf/geneve.h>
#include <mnf/tunnel.h>
#include "svc_maps.h"
#include "svc_nat.h"

#define SVC_DROP_NO_SUCH_PORT 128
#define SVC_DROP_NO_BACKEND 129
#define SVC_DROP_REJECTED 130
#define SVC_DROP_BAD_OPTION 131
#define SVC_DROP_UNSUPPORTED 132
#define SVC_DROP_TOO_BIG 133
#define SVC_DROP_LOOP 134
#define SVC_DROP_NOT_DELIVERED 135
#define SVC_DROP_STRAY_RST 136

#define SVC_OPT_LEN (sizeof(struct mnf_gnv_opt) + sizeof(struct mnf_gnv_svc_opt))
#define SVC_ENCAP_OPT_LEN (MNF_ENCAP_LEN + SVC_OPT_LEN)
#define SVC_ETH_LEN sizeof(struct ethhdr)
#define SVC_NS 1000000000ULL
#define SVC_REFRESH_NS SVC_NS /* a warm flow writes its `seen` at most once a second */
#define SVC_IDLE_DEFAULT_S 300
#define SVC_FIN_DEFAULT_S 10
#define SVC_MTU_DEFAULT 1500

/* The ICMP echo header (linux/icmp.h pulls in libc's headers, which a BPF target lacks). */
#define SVC_ICMP_ECHOREPLY 0
#define SVC_ICMP_ECHO 8
struct svc_icmp {
	__u8 type;
	__u8 code;
	__u16 checksum;
	__be32 rest;
};

#define SVC_TCP_FIN 0x01
#define SVC_TCP_SYN 0x02
#define SVC_TCP_RST 0x04
#define SVC_TCP_ACK 0x10

/* Counts an event (rare ones only: first packets, ends, rejects; never per warm packet). */
#define SVC_COUNT(field) do { \
	__u32 __z = 0; \
	struct svc_stats *__s = bpf_map_lookup_elem(&svc_stats, &__z); \
	if (__s) \
		__sync_fetch_and_add(&__s->field, 1); \
} while (0)

static __always_inline struct svc_config svc_cfg(void)
{
	__u32 zero = 0;
	struct svc_config *c = bpf_map_lookup_elem(&svc_config, &zero);
	struct svc_config r = { SVC_IDLE_DEFAULT_S, SVC_FIN_DEFAULT_S, SVC_MTU_DEFAULT, 0 };

	if (c) {
		if (c->idle_timeout_s)
			r.idle_timeout_s = c->idle_timeout_s;
		if (c->fin_timeout_s)
			r.fin_timeout_s = c->fin_timeout_s;
		if (c->mtu)
			r.mtu = c->mtu;
	}
	return r;
}

/* A TCP or UDP packet with ports (fragments are never rewritten: later ones carry no ports). */
static __always_inline int svc_l4(const struct mnf_flow *f)
{
	return (f->proto == IPPROTO_TCP || f->proto == IPPROTO_UDP) && f->l4_off && !f->is_fragment;
}

static __always_inline __u8 svc_tcp_flags(mnf_ctx_t *ctx, const struct mnf_flow *f)
{
	void *data = svc_data(ctx), *end = svc_data_end(ctx);
	__u8 *flags = data + ((f->l4_off + 13) & 0x1ff);

	if (f->proto != IPPROTO_TCP || !MNF_HAS(flags, 1, end))
		return 0;
	return *flags;
}

static __always_inline void svc_flow_key(struct svc_flow_key *k, __u32 vni, __be32 saddr, __be32 daddr,
					 __be16 sport, __be16 dport, __u8 proto)
{
	k->vni = vni;
	k->saddr = saddr;
	k->daddr = daddr;
	k->sport = sport;
	k->dport = dport;
	k->proto = proto;
	k->pad[0] = k->pad[1] = k->pad[2] = 0;
}

/* An entry unused for longer than its timeout counts as missing (signed: another CPU may have just written it). */
static __always_inline int svc_expired(__u64 seen, __u8 flags, __u64 now, const struct svc_config *c)
{
	__u64 timeout = (__u64)(flags & SVC_FLOW_CLOSING ? c->fin_timeout_s : c->idle_timeout_s) * SVC_NS;

	return (__s64)(now - seen) > (__s64)timeout;
}

static __always_inline int svc_stale(__u64 seen, __u64 now)
{
	return (__s64)(now - seen) > (__s64)SVC_REFRESH_NS;
}

/*
 * Owner: picks the flow's backend. ClientIP affinity first (an entry of the service's current
 * backend set, used within its timeout), else the Maglev table at hash % M.
 */
static __always_inline int svc_pick(const struct mnf_flow *f, __u32 vni, const struct svc_info *info,
				    struct svc_backend *out)
{
	struct svc_aff_key ak = { .vni = vni, .vip = f->daddr, .client = f->saddr, .port = f->dport, .proto = f->proto };
	struct svc_aff fresh = {};
	struct svc_backend *b;
	__u64 now = bpf_ktime_get_ns();
	__u32 slot;

	if (!info->count || !info->size)
		return -1;
	if (info->aff_timeout) {
		struct svc_aff *a = bpf_map_lookup_elem(&svc_aff, &ak);

		if (a && a->gen == info->gen && (__s64)(now - a->seen) <= (__s64)((__u64)info->aff_timeout * SVC_NS)) {
			*out = a->backend;
			a->seen = now; /* the owner sees first packets only: this is no warm-path write */
			SVC_COUNT(affinity_hits);
			return 0;
		}
	}
	slot = info->base + mnf_flow_hash(f) % info->size;
	b = bpf_map_lookup_elem(&svc_maglev, &slot);
	if (!b || !b->ip)
		return -1;
	*out = *b;
	if (info->aff_timeout) {
		fresh.backend = *b;
		fresh.gen = info->gen;
		fresh.seen = now;
		bpf_map_update_elem(&svc_aff, &ak, &fresh, BPF_ANY);
	}
	return 0;
}

/* Client: caches a decision for flow `f` (client -> VIP), forward and reverse. */
static __always_inline void svc_learn(__u32 vni, const struct mnf_flow *f, const struct svc_backend *b)
{
	struct svc_flow_key fk, rk;
	struct svc_fwd fwd = { .ip = b->ip, .host = b->host, .port = b->port };
	struct svc_rev rev = { .vip = f->daddr, .vport = f->dport };
	__u64 now = bpf_ktime_get_ns();

	fwd.seen = rev.seen = now;
	svc_flow_key(&fk, vni, f->saddr, f->daddr, f->sport, f->dport, f->proto);
	svc_flow_key(&rk, vni, b->ip, f->saddr, b->port, f->sport, f->proto);
	bpf_map_update_elem(&svc_rev, &rk, &rev, BPF_ANY);
	bpf_map_update_elem(&svc_fwd, &fk, &fwd, BPF_ANY);
	SVC_COUNT(flows_learnt);
}

/* Ends a flow's entries on RST (after this packet), marks them closing on FIN. */
static __always_inline void svc_tcp_end(__u8 tcp, const struct svc_flow_key *fk, struct svc_fwd *fwd,
					const struct svc_flow_key *rk, struct svc_rev *rev)
{
	if (tcp & SVC_TCP_RST) {
		bpf_map_delete_elem(&svc_fwd, fk);
		bpf_map_delete_elem(&svc_rev, rk);
		SVC_COUNT(flows_ended);
	} else if (tcp & SVC_TCP_FIN) {
		if (fwd)
			fwd->flags |= SVC_FLOW_CLOSING;
		if (rev)
			rev->flags |= SVC_FLOW_CLOSING;
	}
}

/* Keeps both entries of a flow alive while either direction is used: one write a second at most. */
static __always_inline void svc_refresh(__u64 now, struct svc_fwd *fwd, struct svc_rev *rev,
					const struct svc_flow_key *other_fwd, const struct svc_flow_key *other_rev)
{
	if (fwd && svc_stale(fwd->seen, now)) {
		struct svc_rev *r = bpf_map_lookup_elem(&svc_rev, other_rev);

		fwd->seen = now;
		if (r)
			r->seen = now;
	}
	if (rev && svc_stale(rev->seen, now)) {
		struct svc_fwd *f = bpf_map_lookup_elem(&svc_fwd, other_fwd);

		rev->seen = now;
		if (f)
			f->seen = now;
	}
}

/* Points a Geneve packet from this node to `dst`: both outer addresses, MACs, a fresh TTL. */
static __always_inline int svc_outer_to(mnf_ctx_t *ctx, struct mnf_pkt *pkt, const struct mnf_self *self, __be32 dst)
{
	struct mnf_peer *peer = bpf_map_lookup_elem(&mnf_nodes, &dst);
	void *data = svc_data(ctx), *end = svc_data_end(ctx);
	struct ethhdr *eth = data;
	struct iphdr *ip = (void *)(eth + 1);

	if (!peer)
		return mnf_drop(pkt, MNF_DROP_UNKNOWN_NODE);
	if (!MNF_HAS(ip, sizeof(*ip), end))
		return mnf_drop(pkt, MNF_DROP_IPV4_TRUNCATED);
	__builtin_memcpy(eth->h_dest, peer->mac, ETH_ALEN);
	__builtin_memcpy(eth->h_source, self->mac, ETH_ALEN);
	ip->saddr = self->ip;
	ip->daddr = dst;
	ip->ttl = MNF_OUTER_TTL;
	ip->check = mnf_ipv4_csum(ip);
	return MNF_CONTINUE;
}

/*
 * Owner: inserts a SERVICE option right after the Geneve header. The outer headers are saved,
 * the packet grows at its head (XDP) or after its MAC header (tc), and the 50 bytes of outer
 * headers are written back in front of the new option: one layout on both hooks.
 */
static __always_inline int svc_add_opt(mnf_ctx_t *ctx, struct mnf_pkt *pkt, const struct mnf_gnv_svc_opt *body)
{
	void *data = svc_data(ctx), *end = svc_data_end(ctx);
	__u8 hdr[MNF_ENCAP_LEN];
	struct iphdr *ip;
	struct udphdr *udp;
	struct mnf_gnv_hdr *g;
	struct mnf_gnv_opt *opt;
	struct mnf_gnv_svc_opt *o;

	if (!MNF_HAS(data, MNF_ENCAP_LEN, end))
		return mnf_drop(pkt, MNF_DROP_GENEVE_TRUNCATED);
	__builtin_memcpy(hdr, data, MNF_ENCAP_LEN);
	g = (void *)(hdr + MNF_ENCAP_LEN - sizeof(*g));
	if ((g->ver_optlen & 0x3f) + SVC_OPT_LEN / 4 > 0x3f)
		return mnf_drop(pkt, MNF_DROP_GENEVE_TOO_MANY_OPTS);
	g->ver_optlen += SVC_OPT_LEN / 4;
	if (ctx_grow(ctx, SVC_OPT_LEN) < 0 || ctx_pull(ctx, MNF_PULL_LEN) < 0)
		return mnf_drop(pkt, MNF_DROP_ADJUST_FAILED);
	data = svc_data(ctx);
	end = svc_data_end(ctx);
	if (!MNF_HAS(data, SVC_ENCAP_OPT_LEN, end))
		return mnf_drop(pkt, MNF_DROP_ADJUST_FAILED);
	__builtin_memcpy(data, hdr, MNF_ENCAP_LEN);
	ip = data + SVC_ETH_LEN;
	udp = (void *)(ip + 1);
	opt = data + MNF_ENCAP_LEN;
	o = (void *)(opt + 1);
	ip->tot_len = bpf_htons(bpf_ntohs(ip->tot_len) + SVC_OPT_LEN);
	udp->len = bpf_htons(bpf_ntohs(udp->len) + SVC_OPT_LEN);
	opt->opt_class = bpf_htons(MNF_GNV_CLASS);
	opt->type = MNF_GNV_OPT_SERVICE;
	opt->length = sizeof(*o) / 4;
	*o = *body;
	pkt->len += SVC_OPT_LEN;
	pkt->inner_off += SVC_OPT_LEN;
	pkt->inner.l3_off += SVC_OPT_LEN;
	if (pkt->inner.l4_off)
		pkt->inner.l4_off += SVC_OPT_LEN;
	pkt->opt_off[MNF_GNV_OPT_SERVICE] = MNF_ENCAP_LEN + sizeof(*opt);
	return MNF_CONTINUE;
}

/*
 * Agent: wraps a DNAT'd frame in Geneve to the backend's node with a MARKED SERVICE option (so
 * that node can turn it back if the backend is not there), or without it when the option would
 * not fit the underlay MTU (then a gone backend's packets are lost until the flow ends or idles).
 */
static __always_inline int svc_encap(mnf_ctx_t *ctx, struct mnf_pkt *pkt, const struct mnf_self *self,
				     __u32 vni, __be32 host, const struct mnf_gnv_svc_opt *mark, __u32 mtu)
{
	struct mnf_peer *peer = bpf_map_lookup_elem(&mnf_nodes, &host);
	struct mnf_encap e = {};
	__u32 inner_len = pkt->len;
	void *data, *end;
	struct ethhdr *eth;
	struct iphdr *ip;
	struct udphdr *udp;
	struct mnf_gnv_hdr *g;
	struct mnf_gnv_opt *opt;

	if (!peer)
		return mnf_drop(pkt, MNF_DROP_UNKNOWN_NODE);
	e.src = self->ip;
	e.dst = host;
	e.src_mac = self->mac;
	e.dst_mac = peer->mac;
	e.vni = vni;
	e.sport_hash = mnf_flow_hash(&pkt->outer);
	if (inner_len + SVC_ENCAP_OPT_LEN - SVC_ETH_LEN > mtu) {
		int rc = mnf_gnv_encap(ctx, pkt, &e);

		return rc == MNF_CONTINUE ? mnf_redirect(pkt, self->underlay_ifindex) : rc;
	}
	if (ctx_encap(ctx, SVC_ENCAP_OPT_LEN, MNF_ENCAP_TC_FLAGS, 1) < 0)
		return mnf_drop(pkt, MNF_DROP_ADJUST_FAILED);
	data = svc_data(ctx);
	end = svc_data_end(ctx);
	eth = data;
	ip = (void *)(eth + 1);
	udp = (void *)(ip + 1);
	g = (void *)(udp + 1);
	opt = (void *)(g + 1);
	if (!MNF_HAS(opt, SVC_OPT_LEN, end))
		return mnf_drop(pkt, MNF_DROP_ADJUST_FAILED);
	__builtin_memcpy(eth->h_dest, peer->mac, ETH_ALEN);
	__builtin_memcpy(eth->h_source, self->mac, ETH_ALEN);
	eth->h_proto = bpf_htons(ETH_P_IP);
	ip->version = 4;
	ip->ihl = 5;
	ip->tos = 0;
	ip->tot_len = bpf_htons(inner_len + SVC_ENCAP_OPT_LEN - SVC_ETH_LEN);
	ip->id = 0;
	ip->frag_off = bpf_htons(0x4000); /* DF */
	ip->ttl = MNF_OUTER_TTL;
	ip->protocol = IPPROTO_UDP;
	ip->saddr = e.src;
	ip->daddr = e.dst;
	ip->check = mnf_ipv4_csum(ip);
	udp->source = bpf_htons(0xc000 | (e.sport_hash & 0x3fff));
	udp->dest = bpf_htons(MNF_GENEVE_PORT);
	udp->len = bpf_htons(inner_len + SVC_ENCAP_OPT_LEN - SVC_ETH_LEN - sizeof(*ip));
	udp->check = 0;
	g->ver_optlen = SVC_OPT_LEN / 4;
	g->flags = 0;
	g->protocol = bpf_htons(MNF_ETH_P_TEB);
	g->vni[0] = vni >> 16;
	g->vni[1] = vni >> 8;
	g->vni[2] = vni;
	g->reserved = 0;
	opt->opt_class = bpf_htons(MNF_GNV_CLASS);
	opt->type = MNF_GNV_OPT_SERVICE;
	opt->length = sizeof(*mark) / 4;
	__builtin_memcpy(opt + 1, mark, sizeof(*mark));
	pkt->len = inner_len + SVC_ENCAP_OPT_LEN;
	return mnf_redirect(pkt, self->underlay_ifindex);
}

/*
 * Turns an ICMP echo request for a VIP into the reply in place (the frame at l2): MACs and
 * addresses swapped, type 0, checksum updated. Returns -1 for anything but an echo request.
 */
static __always_inline int svc_echo_reply(mnf_ctx_t *ctx, __u32 l2, __u32 l3, __u32 l4)
{
	void *data = svc_data(ctx), *end = svc_data_end(ctx);
	struct ethhdr *eth = data + (l2 & 0x1ff);
	struct iphdr *ip = data + (l3 & 0x1ff);
	struct svc_icmp *icmp = data + (l4 & 0x1ff);
	__u8 mac[ETH_ALEN];
	__be32 a;

	if (!MNF_HAS(eth, sizeof(*eth), end) || !MNF_HAS(ip, sizeof(*ip), end) || !MNF_HAS(icmp, sizeof(*icmp), end))
		return -1;
	if (icmp->type != SVC_ICMP_ECHO || icmp->code != 0)
		return -1;
	__builtin_memcpy(mac, eth->h_dest, ETH_ALEN);
	__builtin_memcpy(eth->h_dest, eth->h_source, ETH_ALEN);
	__builtin_memcpy(eth->h_source, mac, ETH_ALEN);
	a = ip->saddr;
	ip->saddr = ip->daddr;
	ip->daddr = a;
	icmp->type = SVC_ICMP_ECHOREPLY;
	svc_csum_replace2(&icmp->checksum, bpf_htons(SVC_ICMP_ECHO << 8), bpf_htons(SVC_ICMP_ECHOREPLY << 8));
	return 0;
}
