/* svc_structs.h: layouts the ScaledEndpoint function shares with its control handler (C# mirrors in Functions/ScaledEndpoint/Maps). */
#pragma once

#include <linux/types.h>

/* One service port: {VNI, ClusterIP, port, protocol}. */
struct svc_key {
	__u32 vni;
	__be32 ip;
	__be16 port;
	__u8 proto;
	__u8 pad;
};

/* A service this node owns: its Maglev table is svc_maglev[base .. base + size). */
struct svc_info {
	__u32 base;        /* first slot of the table */
	__u32 size;        /* M, a prime; 0 when the service has no backend */
	__u32 count;       /* backends */
	__u32 aff_timeout; /* ClientIP affinity timeout in seconds, 0 = no affinity */
	__u32 gen;         /* hash of the backend set: affinity entries of another generation are stale */
	__u32 pad;
};

/* A backend: where the flow goes (one Maglev slot). */
struct svc_backend {
	__be32 ip;
	__be32 host;       /* the node that hosts it */
	__be16 port;
	__u16 pad;
};

/* A flow in one VPC, addresses and ports as on the wire. */
struct svc_flow_key {
	__u32 vni;
	__be32 saddr;
	__be32 daddr;
	__be16 sport;
	__be16 dport;
	__u8 proto;
	__u8 pad[3];
};

#define SVC_FLOW_CLOSING 0x01 /* a FIN went by: the entry ends after the FIN timeout */

/* Client side, forward: {vni, client, VIP} -> the decided backend. */
struct svc_fwd {
	__be32 ip;
	__be32 host;
	__be16 port;
	__u8 flags;
	__u8 pad;
	__u32 pad2;
	__u64 seen;        /* bpf_ktime_get_ns of the last refresh (written at most once a second) */
};

/* Client side, reverse: {vni, backend, client} -> the VIP the client spoke to. */
struct svc_rev {
	__be32 vip;
	__be16 vport;
	__u8 flags;
	__u8 pad;
	__u64 seen;
};

/* Owner side, ClientIP affinity: {vni, VIP, port, proto, client} -> backend. */
struct svc_aff_key {
	__u32 vni;
	__be32 vip;
	__be32 client;
	__be16 port;
	__u8 proto;
	__u8 pad;
};

struct svc_aff {
	struct svc_backend backend;
	__u32 gen;
	__u32 pad;
	__u64 seen;
};

/* Timeouts and the underlay MTU (one entry; zeros mean the defaults in svc_helpers.h). */
struct svc_config {
	__u32 idle_timeout_s;
	__u32 fin_timeout_s;
	__u32 mtu;
	__u32 pad;
};

/* Events, counted by name (one shared entry, atomic adds; none of them is per warm packet). */
struct svc_stats {
	__u64 decisions;       /* owner: first packets decided and answered */
	__u64 affinity_hits;   /* owner: decisions taken from ClientIP affinity */
	__u64 flows_learnt;    /* client: decisions cached */
	__u64 rejects_sent;    /* backend's node: marked packets for a backend not here, turned back */
	__u64 flows_rejected;  /* client: flows forgotten because their backend's node turned them back */
	__u64 flows_ended;     /* client: entries ended by a TCP RST (FIN: closing) */
	__u64 flows_expired;   /* client: entries found idle past their timeout */
	__u64 pings;           /* owner: echo requests answered for a VIP */
};
