/* Maps of each kind the typed wrappers handle, and a program that counts into the per-CPU one. */
#include <linux/bpf.h>
#include <bpf/bpf_helpers.h>
#include "test_structs.h"

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, struct mnf_t_flow_key);
	__type(value, struct mnf_t_flow_stats);
} mnf_t_flows SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 16);
	__type(key, __u32);
	__type(value, __u64);
} mnf_t_array SEC(".maps");

/* 4-byte values: the kernel pads each CPU's copy to 8 bytes. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u32);
} mnf_t_pcpu SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_HASH);
	__uint(max_entries, 8);
	__type(key, __u32);
	__type(value, struct mnf_t_flow_stats);
} mnf_t_pcpu_hash SEC(".maps");

SEC("xdp")
int mnf_count(struct xdp_md *ctx)
{
	__u32 key = 0;
	__u32 *count = bpf_map_lookup_elem(&mnf_t_pcpu, &key);

	if (count)
		*count += 1;
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
