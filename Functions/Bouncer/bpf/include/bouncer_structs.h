/* bouncer_structs.h: layouts the Bouncer shares with its control handler (C# mirrors in Functions/Bouncer/Maps). */
#pragma once

#include <linux/types.h>
#include <linux/if_ether.h>
#include <mnf/vpc.h>

/* Where an endpoint of a bounced subnet lives, and its MAC (for ARP answers). 12 bytes. */
struct mnf_bn_ep {
	__be32 host;
	__u8 mac[ETH_ALEN];
	__u16 pad;
};
