/* node.h: what every pipeline of a node knows about the node itself and its peers. */
#pragma once

#include <linux/types.h>
#include <linux/if_ether.h>
#include <bpf/bpf_helpers.h>

/* The node itself (one entry, key 0). Written by the node daemon before any endpoint exists. */
struct mnf_self {
	__be32 ip;              /* underlay address */
	__u32 underlay_ifindex; /* the main interface */
	__u8 mac[ETH_ALEN];     /* the main interface's MAC */
	__u8 gw_mac[ETH_ALEN];  /* MAC pods see for their gateway */
};

/* Nodes Geneve is accepted from and sent to; the MAC is the next hop on the underlay. */
struct mnf_peer {
	__u8 mac[ETH_ALEN];
	__u16 flags;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct mnf_self);
} mnf_self SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096); /* sized from configuration at load */
	__type(key, __be32);
	__type(value, struct mnf_peer);
} mnf_nodes SEC(".maps");

static __always_inline struct mnf_self *mnf_self_get(void)
{
	__u32 zero = 0;

	return bpf_map_lookup_elem(&mnf_self, &zero);
}

#ifndef MNF_MAX_NODE_SET
#define MNF_MAX_NODE_SET 8
#endif

/* A small set of nodes serving one role (a subnet's bouncers, a VPC's dividers). */
struct mnf_node_set {
	__u32 count;
	__be32 ip[MNF_MAX_NODE_SET];
};

/*
 * x & mask, done where the verifier sees it: clang 14 drops a mask it can prove redundant
 * (k < n <= 8), and the 6.18 verifier then rejects the unbounded index into a map value.
 */
#define mnf_bound(x, mask) ({ __u32 __v = (x); asm volatile("%0 &= %1" : "+r"(__v) : "i"(mask)); __v; })

/* Picks a member by flow hash, skipping `self` (never bounce a packet to ourselves); 0 if none. */
static __always_inline __be32 mnf_node_set_pick(const struct mnf_node_set *set, __u32 hash, __be32 self)
{
	__u32 n = set->count;
	__u32 k;
	__be32 ip;

	if (n == 0 || n > MNF_MAX_NODE_SET)
		return 0;
	k = hash % n;
	ip = set->ip[mnf_bound(k, MNF_MAX_NODE_SET - 1)];
	if (ip != self)
		return ip;
	/* A node is in a set at most once: the next member is another node, if there is one. */
	if (n == 1)
		return 0;
	return set->ip[mnf_bound((k + 1) % n, MNF_MAX_NODE_SET - 1)];
}
