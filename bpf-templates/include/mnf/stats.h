/* stats.h: verdict and drop accounting per function, the epilogue's single exit. */
#pragma once

#include "ctx.h"
#include "pkt.h"
#include "drop_reasons.h"

#ifndef MNF_MAX_FUNCS
#define MNF_MAX_FUNCS 16
#endif

/* Per function (index = function id; 0 is the framework's own prologue and default verdict). */
struct mnf_verdict_stats {
	__u64 pass;
	__u64 drop;
	__u64 tx;
	__u64 redirect;
	__u64 bytes;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, MNF_MAX_FUNCS);
	__type(key, __u32);
	__type(value, struct mnf_verdict_stats);
} mnf_verdicts SEC(".maps");

/* Per (function, reason): index = fn * 256 + reason. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, MNF_MAX_FUNCS * 256);
	__type(key, __u32);
	__type(value, __u64);
} mnf_drops SEC(".maps");

static __always_inline void mnf_count(struct mnf_pkt *pkt, int verdict)
{
	__u32 fn = pkt->fn;
	struct mnf_verdict_stats *vs = bpf_map_lookup_elem(&mnf_verdicts, &fn);

	if (!vs)
		return;
	vs->bytes += pkt->len;
	switch (verdict) {
	case MNF_V_PASS: vs->pass++; break;
	case MNF_V_TX: vs->tx++; break;
	case MNF_V_REDIRECT: vs->redirect++; break;
	default: {
		__u32 key = fn * 256 + pkt->drop_reason;
		__u64 *n = bpf_map_lookup_elem(&mnf_drops, &key);

		vs->drop++;
		if (n)
			*n += 1;
	}
	}
}

/* The pipeline's single exit: count, then turn the verdict into the hook's return code. */
static __always_inline int mnf_epilogue(mnf_ctx_t *ctx, struct mnf_pkt *pkt, int verdict)
{
	if (verdict <= MNF_CONTINUE || verdict >= MNF_V_COUNT) {
		/* A segment returned something that is not a verdict: a bug, counted as one. */
		pkt->drop_reason = MNF_DROP_NO_SEGMENT_VERDICT;
		verdict = MNF_V_DROP;
	}
	mnf_count(pkt, verdict);
	switch (verdict) {
	case MNF_V_PASS:
		return MNF_RET_PASS;
	case MNF_V_TX:
#ifdef MNF_HOOK_XDP
		return MNF_RET_TX;
#else
		return ctx_ret_redirect(ctx, ctx->ifindex, 0);
#endif
	case MNF_V_REDIRECT:
		return ctx_ret_redirect(ctx, pkt->redirect_ifindex, pkt->redirect_ingress);
	default:
		return MNF_RET_DROP;
	}
}
