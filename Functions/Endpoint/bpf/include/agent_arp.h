/* agent_arp.h: the agent's encapsulation step and its handling of a pod's ARP requests. */
#pragma once

#include "endpoint_helpers.h"

/* Sends the pod's frame to the destination's node if learnt, else to a bouncer of its subnet. */
static __always_inline int ep_agent_encap(mnf_ctx_t *ctx, struct mnf_pkt *pkt, const struct mnf_agent_ep *me,
					  const struct mnf_self *self, const struct mnf_ep_key *dst, __u32 hash)
{
	struct mnf_ep_key subnet = { .vni = me->vni, .ip = me->gw_ip };
	struct mnf_learnt *learnt = dst->ip ? bpf_map_lookup_elem(&ep_learnt, dst) : 0;
	struct mnf_peer *peer = 0;
	struct mnf_encap e = {};
	__be32 next = 0;
	int rc;

	if (learnt) {
		next = learnt->host;
		peer = bpf_map_lookup_elem(&mnf_nodes, &next);
	}
	if (!peer) {
		/* Not learnt, or learnt on a node we no longer know: the bouncer knows. */
		struct mnf_node_set *bouncers = bpf_map_lookup_elem(&ep_subnet, &subnet);

		next = bouncers ? mnf_node_set_pick(bouncers, hash, self->ip) : 0;
		if (!next && bouncers && bouncers->count)
			next = self->ip; /* we are the subnet's only bouncer */
		if (!next)
			return mnf_drop(pkt, EP_DROP_NO_BOUNCER);
		peer = bpf_map_lookup_elem(&mnf_nodes, &next);
		if (!peer)
			return mnf_drop(pkt, MNF_DROP_UNKNOWN_NODE);
	}
	e.src = self->ip;
	e.dst = next;
	e.src_mac = self->mac;
	e.dst_mac = peer->mac;
	e.vni = me->vni;
	e.sport_hash = hash;
	if (pkt->outer.kind == MNF_KIND_IPV4) {
		void *data = ctx_data(ctx), *end = ctx_data_end(ctx);
		struct iphdr *ip = data + (pkt->outer.l3_off & 0x1ff);

		if (!MNF_HAS(ip, sizeof(*ip), end))
			return mnf_drop(pkt, MNF_DROP_IPV4_TRUNCATED);
		e.inner_ip_id = ip->id;
	}
	rc = mnf_gnv_encap(ctx, pkt, &e);
	if (rc != MNF_CONTINUE)
		return rc;
	if (next == self->ip)
		return mnf_redirect_ingress(pkt, self->underlay_ifindex);
	return mnf_redirect(pkt, self->underlay_ifindex);
}

/* True when this node is the only bouncer of the endpoint's subnet. */
static __always_inline int ep_self_only_bouncer(const struct mnf_agent_ep *me, const struct mnf_self *self)
{
	struct mnf_ep_key subnet = { .vni = me->vni, .ip = me->gw_ip };
	struct mnf_node_set *bouncers = bpf_map_lookup_elem(&ep_subnet, &subnet);

	return bouncers && bouncers->count && !mnf_node_set_pick(bouncers, 0, self->ip);
}

/*
 * Answers ARP for the gateway here; sends other ARP requests to the subnet's bouncer, whose
 * answer teaches this node the target's host. When this node is the only bouncer, the answer
 * would have to come back to where it started (a bridge never hairpins it): answer here with
 * the gateway MAC instead; the flow then starts through the local bouncer and learns from the
 * first reply.
 */
static __always_inline int ep_agent_arp(mnf_ctx_t *ctx, struct mnf_pkt *pkt, const struct mnf_agent_ep *me,
					const struct mnf_self *self)
{
	void *data = ctx_data(ctx), *end = ctx_data_end(ctx);
	struct ethhdr *eth = data;
	struct mnf_arp *arp = data + (pkt->outer.l3_off & 0x1ff);
	struct mnf_ep_key dst = { .vni = me->vni };
	__be32 target;

	if (!MNF_HAS(eth, sizeof(*eth), end) || !MNF_HAS(arp, sizeof(*arp), end))
		return mnf_drop(pkt, MNF_DROP_ARP_TRUNCATED);
	if (arp->op != bpf_htons(MNF_ARPOP_REQUEST) || arp->spa != me->ip)
		return mnf_drop(pkt, EP_DROP_UNSUPPORTED);
	target = arp->tpa;
	if (target != me->gw_ip && !ep_self_only_bouncer(me, self))
		return ep_agent_encap(ctx, pkt, me, self, &dst, bpf_ntohl(target) * 0x9e3779b1u);
	__builtin_memcpy(eth->h_dest, eth->h_source, ETH_ALEN);
	__builtin_memcpy(eth->h_source, self->gw_mac, ETH_ALEN);
	arp->op = bpf_htons(MNF_ARPOP_REPLY);
	__builtin_memcpy(arp->tha, arp->sha, ETH_ALEN);
	arp->tpa = arp->spa;
	__builtin_memcpy(arp->sha, self->gw_mac, ETH_ALEN);
	arp->spa = target;
	return MNF_V_TX;
}
