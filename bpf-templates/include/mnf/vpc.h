/* vpc.h: how addresses inside a tenant's VPC are keyed (the VNI keeps overlapping CIDRs apart). */
#pragma once

#include <linux/types.h>

/* One endpoint address in one VPC. */
struct mnf_ep_key {
	__u32 vni;
	__be32 ip;
};

/* A prefix in one VPC, for LPM tries: prefixlen counts the VNI's 32 bits plus the IPv4 prefix. */
struct mnf_vpc_prefix {
	__u32 prefixlen;
	__u32 vni;  /* big-endian in the trie's bit order: store with bpf_htonl */
	__be32 ip;
};

#define MNF_VPC_PREFIX_FULL (32 + 32)
