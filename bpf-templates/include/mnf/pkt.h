/* pkt.h: the parsed-packet context the prologue fills once and every segment shares. */
#pragma once

#include <linux/types.h>
#include "geneve.h"

/* What a segment returns: continue, or a verdict that ends the pipeline. */
enum mnf_verdict {
	MNF_CONTINUE = 0,
	MNF_V_PASS = 1,
	MNF_V_DROP = 2,
	MNF_V_TX = 3,       /* back out of the interface it came in on */
	MNF_V_REDIRECT = 4, /* to pkt->redirect_ifindex */
	MNF_V_COUNT = 5,
};

enum mnf_kind {
	MNF_KIND_OTHER = 0,
	MNF_KIND_ARP = 1,
	MNF_KIND_IPV4 = 2,
	MNF_KIND_GENEVE = 3, /* IPv4/UDP to port 6081 with a parsed Geneve header */
};

/*
 * A layer-3/4 view of one header stack. Ports are 0 for non-TCP/UDP and non-first fragments.
 * For ARP, saddr/daddr are the sender and target protocol addresses and arp_op the operation.
 */
struct mnf_flow {
	__be32 saddr;
	__be32 daddr;
	__be16 sport;
	__be16 dport;
	__u8 proto;
	__u8 is_fragment;
	__u16 l3_off;   /* offset of the IPv4 (or ARP) header */
	__u16 l4_off;   /* offset of the transport header, 0 if none */
	__u16 eth_proto; /* host byte order */
	__u8 kind;      /* enum mnf_kind */
	__u8 arp_op;    /* MNF_ARPOP_* for ARP, else 0 */
};

struct mnf_pkt {
	__u32 len;              /* whole frame length */
	struct mnf_flow outer;  /* the frame as it arrived */
	/* Set when outer.kind == MNF_KIND_GENEVE. */
	struct mnf_flow inner;  /* offsets are from the start of the frame */
	__u32 vni;              /* host byte order */
	__u16 gnv_off;          /* offset of the Geneve header */
	__u16 inner_off;        /* offset of the inner Ethernet header */
	__u16 opt_off[MNF_GNV_OPT_TYPES]; /* body offset of each of our option types, 0 = absent */
	/* Pipeline plumbing. */
	__u32 redirect_ifindex;
	__u8 redirect_ingress;  /* tc only: into the interface's receive path instead of out of it */
	__u8 fn;                /* id of the function whose segment runs (0: the framework) */
	__u8 drop_reason;
	__u8 pad;
};

static __always_inline int mnf_drop(struct mnf_pkt *pkt, __u8 reason)
{
	pkt->drop_reason = reason;
	return MNF_V_DROP;
}

static __always_inline int mnf_redirect(struct mnf_pkt *pkt, __u32 ifindex)
{
	pkt->redirect_ifindex = ifindex;
	return MNF_V_REDIRECT;
}

/*
 * Hands the packet to the receive path of `ifindex` (tc), so a node's own transit pipeline
 * sees it. XDP cannot inject into a receive path: there it is a plain redirect.
 */
static __always_inline int mnf_redirect_ingress(struct mnf_pkt *pkt, __u32 ifindex)
{
	pkt->redirect_ifindex = ifindex;
	pkt->redirect_ingress = 1;
	return MNF_V_REDIRECT;
}
