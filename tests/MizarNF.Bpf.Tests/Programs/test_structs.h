/* Types shared by the test programs and mirrored in Fixtures/TestStructs.cs. */
#pragma once
#include <linux/types.h>

struct mnf_t_flow_key {
	__u32 addr;
	__u16 port;
	__u8 proto;
	__u8 pad;
};

struct mnf_t_flow_stats {
	__u64 packets;
	__u64 bytes;
};
