/* endpoint_helpers.h: learning and delivery steps shared by the Endpoint function's segments. */
#pragma once

#include <mnf/ctx.h>
#include <mnf/pkt.h>
#include <mnf/node.h>
#include <mnf/tunnel.h>
#include "endpoint_maps.h"

#define EP_DROP_NOT_AN_ENDPOINT 128
#define EP_DROP_SPOOFED_SOURCE 129
#define EP_DROP_NO_SUCH_ENDPOINT 130
#define EP_DROP_NO_BOUNCER 131
#define EP_DROP_UNSUPPORTED 132

/* Records host for {vni, ip} unless it is already known: the warm path writes nothing. */
static __always_inline void ep_learn(__u32 vni, __be32 ip, __be32 host)
{
	struct mnf_ep_key key = { .vni = vni, .ip = ip };
	struct mnf_learnt *cur = bpf_map_lookup_elem(&ep_learnt, &key);
	struct mnf_learnt val = { .host = host };

	if (cur && cur->host == host)
		return;
	bpf_map_update_elem(&ep_learnt, &key, &val, BPF_ANY);
}

/* Sets the Ethernet addresses of the frame at the start of the packet and hands it to a local veth. */
static __always_inline int ep_deliver_local(mnf_ctx_t *ctx, struct mnf_pkt *pkt,
					    const struct mnf_local_ep *ep, const __u8 *src_mac)
{
	void *data = ctx_data(ctx), *end = ctx_data_end(ctx);
	struct ethhdr *eth = data;

	if (!MNF_HAS(eth, sizeof(*eth), end))
		return mnf_drop(pkt, MNF_DROP_ETH_TRUNCATED);
	__builtin_memcpy(eth->h_dest, ep->mac, ETH_ALEN);
	__builtin_memcpy(eth->h_source, src_mac, ETH_ALEN);
	return mnf_redirect(pkt, ep->ifindex);
}

/* Sends a Geneve packet on to `next` (a bouncer or divider), back out of the main interface. */
static __always_inline int ep_forward(mnf_ctx_t *ctx, struct mnf_pkt *pkt, const struct mnf_self *self, __be32 next)
{
	struct mnf_peer *peer = bpf_map_lookup_elem(&mnf_nodes, &next);
	int rc;

	if (!peer)
		return mnf_drop(pkt, MNF_DROP_UNKNOWN_NODE);
	rc = mnf_gnv_retarget(ctx, pkt, next, self->mac, peer->mac);
	return rc == MNF_CONTINUE ? MNF_V_TX : rc;
}
