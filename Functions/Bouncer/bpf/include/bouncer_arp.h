/* bouncer_arp.h: the Bouncer's ARP responder: a reply in Geneve with a HOST option, sent back to the asker's node. */
#pragma once

#include <mnf/ctx.h>
#include <mnf/pkt.h>
#include <mnf/node.h>
#include <mnf/arp.h>
#include <mnf/tunnel.h>
#include "bouncer_maps.h"

#define BN_HOST_OPT_LEN (sizeof(struct mnf_gnv_opt) + sizeof(struct mnf_gnv_host_opt))
#define BN_ARP_REPLY_LEN (MNF_ENCAP_LEN + BN_HOST_OPT_LEN + sizeof(struct ethhdr) + sizeof(struct mnf_arp))

struct bn_arp_answer {
	__u8 asker_mac[ETH_ALEN];
	__u8 asker_node_mac[ETH_ALEN];
	__be32 asker_ip;
	__be32 asker_node;
	__be32 target_ip;
	__u32 vni;
	const struct mnf_bn_ep *target;
	const struct mnf_self *self;
};

/* Writes the whole reply from offset 0: outer headers, the HOST option, inner Ethernet and ARP. */
static __always_inline int bn_write_arp_reply(void *data, void *end, const struct bn_arp_answer *a)
{
	struct ethhdr *eth = data;
	struct iphdr *ip = (void *)(eth + 1);
	struct udphdr *udp = (void *)(ip + 1);
	struct mnf_gnv_hdr *g = (void *)(udp + 1);
	struct mnf_gnv_opt *opt = (void *)(g + 1);
	struct mnf_gnv_host_opt *host = (void *)(opt + 1);
	struct ethhdr *ieth = (void *)(host + 1);
	struct mnf_arp *arp = (void *)(ieth + 1);

	if (!MNF_HAS(arp, sizeof(*arp), end))
		return -1;
	__builtin_memcpy(eth->h_dest, a->asker_node_mac, ETH_ALEN);
	__builtin_memcpy(eth->h_source, a->self->mac, ETH_ALEN);
	eth->h_proto = bpf_htons(ETH_P_IP);
	ip->version = 4;
	ip->ihl = 5;
	ip->tos = 0;
	ip->tot_len = bpf_htons(BN_ARP_REPLY_LEN - sizeof(*eth));
	ip->id = 0;
	ip->frag_off = bpf_htons(0x4000);
	ip->ttl = MNF_OUTER_TTL;
	ip->protocol = IPPROTO_UDP;
	ip->saddr = a->self->ip;
	ip->daddr = a->asker_node;
	ip->check = mnf_ipv4_csum(ip);
	udp->source = bpf_htons(0xc000 | (bpf_ntohl(a->target_ip) & 0x3fff));
	udp->dest = bpf_htons(MNF_GENEVE_PORT);
	udp->len = bpf_htons(BN_ARP_REPLY_LEN - sizeof(*eth) - sizeof(*ip));
	udp->check = 0;
	g->ver_optlen = BN_HOST_OPT_LEN / 4;
	g->flags = 0;
	g->protocol = bpf_htons(MNF_ETH_P_TEB);
	g->vni[0] = a->vni >> 16;
	g->vni[1] = a->vni >> 8;
	g->vni[2] = a->vni;
	g->reserved = 0;
	opt->opt_class = bpf_htons(MNF_GNV_CLASS);
	opt->type = MNF_GNV_OPT_HOST;
	opt->length = sizeof(*host) / 4;
	host->ep = a->target_ip;
	host->host = a->target->host;
	__builtin_memcpy(ieth->h_dest, a->asker_mac, ETH_ALEN);
	__builtin_memcpy(ieth->h_source, a->target->mac, ETH_ALEN);
	ieth->h_proto = bpf_htons(ETH_P_ARP);
	arp->htype = bpf_htons(MNF_ARPHRD_ETHER);
	arp->ptype = bpf_htons(ETH_P_IP);
	arp->hlen = ETH_ALEN;
	arp->plen = 4;
	arp->op = bpf_htons(MNF_ARPOP_REPLY);
	__builtin_memcpy(arp->sha, a->target->mac, ETH_ALEN);
	arp->spa = a->target_ip;
	__builtin_memcpy(arp->tha, a->asker_mac, ETH_ALEN);
	arp->tpa = a->asker_ip;
	return 0;
}

/*
 * Turns a pod's ARP request (in Geneve) into the reply, so the asker's node learns the target's
 * host from the HOST option and the flow goes direct from its first IP packet.
 */
static __always_inline int bn_arp_reply(mnf_ctx_t *ctx, struct mnf_pkt *pkt, const struct mnf_self *self,
					const struct mnf_bn_ep *target, __be32 target_ip)
{
	void *data = ctx_data(ctx), *end = ctx_data_end(ctx);
	struct mnf_arp *req = data + (pkt->inner.l3_off & 0x1ff);
	struct bn_arp_answer a = { .target_ip = target_ip, .vni = pkt->vni, .target = target, .self = self };
	struct mnf_peer *peer;
	__u32 len = pkt->len;

	if (!MNF_HAS(req, sizeof(*req), end))
		return mnf_drop(pkt, MNF_DROP_ARP_TRUNCATED);
	__builtin_memcpy(a.asker_mac, req->sha, ETH_ALEN);
	a.asker_ip = req->spa;
	a.asker_node = pkt->outer.saddr;
	peer = bpf_map_lookup_elem(&mnf_nodes, &a.asker_node);
	if (!peer)
		return mnf_drop(pkt, MNF_DROP_UNKNOWN_NODE);
	__builtin_memcpy(a.asker_node_mac, peer->mac, ETH_ALEN);
	if (len + BN_HOST_OPT_LEN < BN_ARP_REPLY_LEN || ctx_grow(ctx, BN_HOST_OPT_LEN) < 0)
		return mnf_drop(pkt, MNF_DROP_ADJUST_FAILED);
	if (ctx_pull(ctx, BN_ARP_REPLY_LEN) < 0 ||
	    bn_write_arp_reply(ctx_data(ctx), ctx_data_end(ctx), &a) < 0)
		return mnf_drop(pkt, MNF_DROP_ADJUST_FAILED);
	pkt->len = len + BN_HOST_OPT_LEN;
	return MNF_V_TX;
}
