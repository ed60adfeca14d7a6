/* divider_maps.h: the Divider's table (default size; the node sizes it at load). */
#pragma once

#include <bpf/bpf_helpers.h>
#include <mnf/vpc.h>
#include <mnf/node.h>

/* {vni, subnet prefix} -> the subnet's bouncers, for every subnet of the VPCs this node divides. */
struct {
	__uint(type, BPF_MAP_TYPE_LPM_TRIE);
	__uint(max_entries, 4096);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, struct mnf_vpc_prefix);
	__type(value, struct mnf_node_set);
} dv_subnets SEC(".maps");
