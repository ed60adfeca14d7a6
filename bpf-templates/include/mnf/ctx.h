/* ctx.h: one packet-context abstraction over the XDP (xdp_md) and tc (__sk_buff) hooks. */
#pragma once

#include <linux/bpf.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

/*
 * Segments are written against these helpers only, so one segment renders for an XDP hook
 * (native or generic: the object is the same, the attach mode differs) and for a tc hook on
 * clsact ingress. The pipeline template defines exactly one of MNF_HOOK_XDP / MNF_HOOK_TC.
 */
#if defined(MNF_HOOK_XDP) == defined(MNF_HOOK_TC)
#error "define exactly one of MNF_HOOK_XDP and MNF_HOOK_TC"
#endif

/* Debian 12's linux/bpf.h predates this flag; the 6.18 kernel here has it (bit 7). */
#ifndef BPF_F_ADJ_ROOM_DECAP_L3_IPV4
#define BPF_F_ADJ_ROOM_DECAP_L3_IPV4 (1ULL << 7)
#endif

#ifdef MNF_HOOK_XDP
typedef struct xdp_md mnf_ctx_t;
#define MNF_HOOK_NAME "xdp"

static __always_inline void *ctx_data(mnf_ctx_t *ctx) { return (void *)(long)ctx->data; }
static __always_inline void *ctx_data_end(mnf_ctx_t *ctx) { return (void *)(long)ctx->data_end; }
static __always_inline __u32 ctx_ingress_ifindex(mnf_ctx_t *ctx) { return ctx->ingress_ifindex; }

static __always_inline __u32 ctx_len(mnf_ctx_t *ctx)
{
#ifdef MNF_XDP_FRAGS
	/* Multi-buffer frames: headers are in the first buffer, the rest counts for length. */
	return (__u32)bpf_xdp_get_buff_len(ctx);
#else
	return (__u32)(ctx->data_end - ctx->data);
#endif
}

/* XDP buffers are linear up to data_end: nothing to pull. */
static __always_inline int ctx_pull(mnf_ctx_t *ctx, __u32 len) { return 0; }

/*
 * Makes room for `outer_len` bytes of outer headers (outer Ethernet included) in front of the
 * frame. Afterwards the original frame, Ethernet header first, starts at offset outer_len.
 */
static __always_inline int ctx_encap(mnf_ctx_t *ctx, __u32 outer_len, __u64 flags, int inner_is_ip)
{
	return bpf_xdp_adjust_head(ctx, -(int)outer_len);
}

/* Removes `outer_len` bytes of outer headers; the inner Ethernet frame then starts at offset 0. */
static __always_inline int ctx_decap(mnf_ctx_t *ctx, __u32 outer_len, int inner_is_ip)
{
	return bpf_xdp_adjust_head(ctx, (int)outer_len);
}

/* Grows the packet by `len` bytes somewhere in its first bytes; the caller rewrites them all. */
static __always_inline int ctx_grow(mnf_ctx_t *ctx, __u32 len)
{
	return bpf_xdp_adjust_head(ctx, -(int)len);
}

#define MNF_RET_PASS XDP_PASS
#define MNF_RET_DROP XDP_DROP
#define MNF_RET_TX XDP_TX
#define MNF_RET_ABORTED XDP_ABORTED
static __always_inline int ctx_ret_redirect(mnf_ctx_t *ctx, __u32 ifindex, int ingress) { return bpf_redirect(ifindex, 0); }

#else /* MNF_HOOK_TC */
typedef struct __sk_buff mnf_ctx_t;
#define MNF_HOOK_NAME "tc"

static __always_inline void *ctx_data(mnf_ctx_t *ctx) { return (void *)(long)ctx->data; }
static __always_inline void *ctx_data_end(mnf_ctx_t *ctx) { return (void *)(long)ctx->data_end; }
static __always_inline __u32 ctx_ingress_ifindex(mnf_ctx_t *ctx) { return ctx->ingress_ifindex; }
static __always_inline __u32 ctx_len(mnf_ctx_t *ctx) { return ctx->len; }

/* Makes the first `len` bytes linear (direct access sees only the linear part of an skb). */
static __always_inline int ctx_pull(mnf_ctx_t *ctx, __u32 len)
{
	__u32 linear = (__u32)(ctx->data_end - ctx->data);

	if (linear >= len || linear >= ctx->len)
		return 0;
	return bpf_skb_pull_data(ctx, len < ctx->len ? len : ctx->len);
}

/*
 * bpf_skb_adjust_room inserts room after the MAC header, not before it, and marks the skb as
 * encapsulated so GSO segments it correctly afterwards. The original Ethernet header is copied
 * to the end of the new room so that both hooks see the same layout: outer Ethernet at 0, the
 * inner Ethernet frame at outer_len. `flags` carries the BPF_F_ADJ_ROOM_ENCAP_* bits.
 */
static __always_inline int ctx_encap(mnf_ctx_t *ctx, __u32 outer_len, __u64 flags, int inner_is_ip)
{
	__u8 eth[14];

	/* adjust_room only takes IP skbs; anything else (ARP) is small and never GSO: push at the head. */
	if (!inner_is_ip)
		return bpf_skb_change_head(ctx, outer_len, 0);
	if (bpf_skb_load_bytes(ctx, 0, eth, sizeof(eth)) < 0)
		return -1;
	if (bpf_skb_adjust_room(ctx, (__s32)outer_len, BPF_ADJ_ROOM_MAC, flags) < 0)
		return -1;
	return bpf_skb_store_bytes(ctx, outer_len, eth, sizeof(eth), 0);
}

/* Grows the packet by `len` bytes somewhere in its first bytes; the caller rewrites them all. */
static __always_inline int ctx_grow(mnf_ctx_t *ctx, __u32 len)
{
	return bpf_skb_adjust_room(ctx, (__s32)len, BPF_ADJ_ROOM_MAC, 0);
}

/* Removes the outer headers and the inner Ethernet's old place; the inner MACs move to the front. */
static __always_inline int ctx_decap(mnf_ctx_t *ctx, __u32 outer_len, int inner_is_ip)
{
	__u8 eth[14];

	if (bpf_skb_load_bytes(ctx, outer_len, eth, sizeof(eth)) < 0)
		return -1;
	if (bpf_skb_adjust_room(ctx, -(__s32)outer_len, BPF_ADJ_ROOM_MAC,
				inner_is_ip ? BPF_F_ADJ_ROOM_DECAP_L3_IPV4 : 0) < 0)
		return -1;
	return bpf_skb_store_bytes(ctx, 0, eth, sizeof(eth), 0);
}

#define MNF_RET_PASS TC_ACT_OK
#define MNF_RET_DROP TC_ACT_SHOT
#define MNF_RET_ABORTED TC_ACT_SHOT
static __always_inline int ctx_ret_redirect(mnf_ctx_t *ctx, __u32 ifindex, int ingress)
{
	return bpf_redirect(ifindex, ingress ? BPF_F_INGRESS : 0);
}
#endif
