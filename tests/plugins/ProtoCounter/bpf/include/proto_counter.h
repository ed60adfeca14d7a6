/* proto_counter.h: the per-protocol packet counter map. */
#pragma once

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 256);
	__type(key, __u32);
	__type(value, __u64);
} pc_by_proto SEC(".maps");
