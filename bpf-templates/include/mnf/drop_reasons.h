/* drop_reasons.h: the framework's stable drop reason codes (0–127). Never renumber one. */
#pragma once

/*
 * Functions define their own codes from 128 to 255 (NetworkFunctionDescriptor.DropReasons).
 * The C# side mirrors this list in Framework/Composer/Pipeline/DropReason.cs; a test checks
 * that both agree.
 */
enum mnf_drop_reason {
	MNF_DROP_NONE = 0,
	MNF_DROP_ETH_TRUNCATED = 1,
	MNF_DROP_VLAN_TRUNCATED = 2,
	MNF_DROP_ARP_TRUNCATED = 3,
	MNF_DROP_IPV4_TRUNCATED = 4,
	MNF_DROP_IPV4_BAD_HEADER = 5,
	MNF_DROP_L4_TRUNCATED = 6,
	MNF_DROP_GENEVE_TRUNCATED = 7,
	MNF_DROP_GENEVE_VERSION = 8,
	MNF_DROP_GENEVE_PROTOCOL = 9,
	MNF_DROP_GENEVE_OPT_MALFORMED = 10,
	MNF_DROP_GENEVE_OPT_CRITICAL = 11,
	MNF_DROP_GENEVE_TOO_MANY_OPTS = 12,
	MNF_DROP_INNER_TRUNCATED = 13,
	MNF_DROP_PULL_FAILED = 14,
	MNF_DROP_ADJUST_FAILED = 15,
	MNF_DROP_NO_SEGMENT_VERDICT = 16,
	MNF_DROP_POLICY = 17,
	MNF_DROP_TTL_EXCEEDED = 18,
	MNF_DROP_NODE_NOT_CONFIGURED = 19,
	MNF_DROP_UNKNOWN_NODE = 20,
	MNF_DROP_MAX_FRAMEWORK = 127,
};
