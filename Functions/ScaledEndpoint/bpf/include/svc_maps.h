/* svc_maps.h: the ScaledEndpoint function's maps (sizes here are defaults; the node sizes them at load). */
#pragma once

#include <bpf/bpf_helpers.h>
#include <mnf/vpc.h>
#include "svc_structs.h"

/* Owner: the service ports this node decides for. */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, struct svc_key);
	__type(value, struct svc_info);
} svc_svcs SEC(".maps");

/* Owner: {vni, VIP} -> number of its ports (answers ping, tells "no such port" from "not a VIP"). */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, struct mnf_ep_key);
	__type(value, __u32);
} svc_vips SEC(".maps");

/* Owner: every service's Maglev table, one region each (computed by the control handler). */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 131072);
	__type(key, __u32);
	__type(value, struct svc_backend);
} svc_maglev SEC(".maps");

/* Owner: ClientIP affinity. Written on first packets only (the owner sees nothing else). */
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 65536);
	__type(key, struct svc_aff_key);
	__type(value, struct svc_aff);
} svc_aff SEC(".maps");

/* Client: decided flows, forward and reverse. A warm flow reads them (and refreshes `seen` once a second). */
struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 65536);
	__type(key, struct svc_flow_key);
	__type(value, struct svc_fwd);
} svc_fwd SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 65536);
	__type(key, struct svc_flow_key);
	__type(value, struct svc_rev);
} svc_rev SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct svc_config);
} svc_config SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct svc_stats);
} svc_stats SEC(".maps");
