/* geneve.h: Geneve (RFC 8926) wire structures and MizarNF's option class; see geneve.md. */
#pragma once

#include <linux/types.h>

#define MNF_GENEVE_PORT 6081
#define MNF_ETH_P_TEB 0x6558
/* From the range RFC 8926 §7.2 leaves for experimental and local use (0xFF00–0xFFFF). */
#define MNF_GNV_CLASS 0xFF4D
#define MNF_GNV_CRITICAL 0x80
/* Our option types (without the critical bit); bodies are described in geneve.md. */
#define MNF_GNV_OPT_TYPES 4
#define MNF_GNV_OPT_HOST 0x01
#define MNF_GNV_OPT_SERVICE 0x02

/* Body of MNF_GNV_OPT_HOST: endpoint `ep` of the packet's VNI lives on node `host`. */
struct mnf_gnv_host_opt {
	__be32 ep;
	__be32 host;
};

/*
 * Body of MNF_GNV_OPT_SERVICE: a scaled endpoint's decision for one flow (geneve.md). `flags` says
 * what the packet is: the owner's decision, a client's packet sent on after DNAT (marked), or such
 * a packet turned back because its backend is not on the node it reached.
 */
#define MNF_SVC_DECISION 0x01
#define MNF_SVC_MARKED 0x02
#define MNF_SVC_REJECTED 0x04
struct mnf_gnv_svc_opt {
	__be32 svc_ip;
	__be16 svc_port;
	__u8 proto;
	__u8 flags;
	__be32 backend_ip;
	__be16 backend_port;
	__u16 reserved;
	__be32 backend_host;
};

struct mnf_gnv_hdr {
	__u8 ver_optlen;  /* version (2 bits, must be 0), option length in 4-byte words (6 bits) */
	__u8 flags;       /* O (control), C (critical options present), 6 reserved bits */
	__be16 protocol;  /* 0x6558: transparent Ethernet bridging */
	__u8 vni[3];
	__u8 reserved;
};

struct mnf_gnv_opt {
	__be16 opt_class;
	__u8 type;        /* high bit: critical */
	__u8 length;      /* 3 reserved bits, body length in 4-byte words (5 bits) */
};

#define MNF_GNV_VER(h) ((h)->ver_optlen >> 6)
#define MNF_GNV_OPTLEN(h) (((h)->ver_optlen & 0x3f) * 4)
#define MNF_GNV_OPT_BODY_LEN(o) (((o)->length & 0x1f) * 4)
