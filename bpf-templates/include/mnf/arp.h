/* arp.h: ARP for Ethernet and IPv4, the only kind MizarNF answers (linux/if_arp.h drags in libc). */
#pragma once

#include <linux/types.h>
#include <linux/if_ether.h>

#define MNF_ARPHRD_ETHER 1
#define MNF_ARPOP_REQUEST 1
#define MNF_ARPOP_REPLY 2

struct mnf_arp {
	__be16 htype;
	__be16 ptype;
	__u8 hlen;
	__u8 plen;
	__be16 op;
	__u8 sha[ETH_ALEN];
	__be32 spa;
	__u8 tha[ETH_ALEN];
	__be32 tpa;
} __attribute__((packed));
