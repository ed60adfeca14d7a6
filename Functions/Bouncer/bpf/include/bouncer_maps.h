/* bouncer_maps.h: the Bouncer's tables (default sizes; the node sizes them at load). */
#pragma once

#include <bpf/bpf_helpers.h>
#include "bouncer_structs.h"

/* {vni, endpoint ip} -> host, for every endpoint of the subnets this node bounces. */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 65536);
	__type(key, struct mnf_ep_key);
	__type(value, struct mnf_bn_ep);
} bn_eps SEC(".maps");

/* The subnets this node bounces: an unknown address inside one is dropped here, not sent on. */
struct {
	__uint(type, BPF_MAP_TYPE_LPM_TRIE);
	__uint(max_entries, 1024);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, struct mnf_vpc_prefix);
	__type(value, __u32);
} bn_subnets SEC(".maps");
