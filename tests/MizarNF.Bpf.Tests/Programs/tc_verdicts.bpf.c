/* Two tc (SCHED_CLS, direct action) programs with fixed verdicts. */
#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>

SEC("tc")
int mnf_tc_shot(struct __sk_buff *skb)
{
	return TC_ACT_SHOT;
}

SEC("tc")
int mnf_tc_ok(struct __sk_buff *skb)
{
	return TC_ACT_OK;
}

char LICENSE[] SEC("license") = "GPL";
