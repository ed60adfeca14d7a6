/* endpoint_maps.h: the Endpoint function's maps (sizes here are defaults; the node sizes them at load). */
#pragma once

#include <bpf/bpf_helpers.h>
#include <mnf/node.h>
#include "endpoint_structs.h"

/* {vni, ip} -> local endpoint, for delivery from the underlay and between local pods. */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, struct mnf_ep_key);
	__type(value, struct mnf_local_ep);
} ep_local SEC(".maps");

/* node-side veth ifindex -> the endpoint behind it. */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, __u32);
	__type(value, struct mnf_agent_ep);
} ep_agent SEC(".maps");

/* {vni, gateway ip} (one subnet) -> its bouncers. */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, struct mnf_ep_key);
	__type(value, struct mnf_node_set);
} ep_subnet SEC(".maps");

/* vni -> the VPC's dividers (where a packet for an endpoint that is not here any more goes). */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, struct mnf_node_set);
} ep_vpc SEC(".maps");

/*
 * {vni, ip} -> host, learnt from traffic. LRU bounds it; a warm flow only reads it (entries are
 * written when missing or changed, never per packet). A miss just means "via the bouncer".
 */
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 65536);
	__type(key, struct mnf_ep_key);
	__type(value, struct mnf_learnt);
} ep_learnt SEC(".maps");
