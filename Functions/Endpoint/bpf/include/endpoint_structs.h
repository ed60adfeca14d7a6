/* endpoint_structs.h: layouts the Endpoint function shares with its control handler (C# mirrors in Functions/Endpoint/Maps). */
#pragma once

#include <linux/types.h>
#include <linux/if_ether.h>
#include <mnf/vpc.h>

/* An endpoint hosted on this node, found by its address (delivery). */
struct mnf_local_ep {
	__u32 ifindex;          /* node-side veth */
	__u8 mac[ETH_ALEN];     /* the pod's MAC */
	__u16 pad;
};

/* An endpoint hosted on this node, found by its node-side veth (the agent). */
struct mnf_agent_ep {
	__u32 vni;
	__be32 ip;
	__be32 gw_ip;           /* the subnet's gateway; with the VNI it names the subnet */
	__u8 mac[ETH_ALEN];
	__u16 pad;
};

/* A learnt mapping: the node an endpoint lives on. */
struct mnf_learnt {
	__be32 host;
	__u32 pad;
};
