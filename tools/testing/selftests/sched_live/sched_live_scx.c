// SPDX-License-Identifier: GPL-2.0
/*
 * Enable a BPF scheduler (sched_ext) and hold it until killed:
 *
 *   sched_live_scx NAME
 *
 * prints "ok" once NAME is enabled, or the errno name (EBUSY, ...) of the
 * refusal and exits 1.  The scheduler has no callbacks at all, which
 * sched_ext runs with its defaults (one global FIFO queue); it is made
 * with bpf(2) alone, a struct_ops map whose value holds only the name,
 * attached through a link, so that nothing but the kernel's own BTF is
 * needed and the scheduler goes when this process exits.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/bpf.h>
#include <linux/btf.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#define VMLINUX_BTF "/sys/kernel/btf/vmlinux"
/* The type the kernel makes of a struct_ops type for its maps' values. */
#define VALUE_TYPE "bpf_struct_ops_sched_ext_ops"
/* Well within sched_ext_ops.name, whose size BTF would tell in an array. */
#define NAME_MAX_BYTES 64

struct btf_file {
	const char *types;		/* the type section */
	const char *strings;		/* the string section */
	uint32_t types_len;
	uint32_t strings_len;
	const struct btf_type **by_id;	/* each type, by id; 0 is void */
	uint32_t nr_types;		/* the highest id */
};

struct member_place {
	uint32_t offset;		/* in bytes */
	uint32_t type;			/* type id */
};

static void fail(const char *what, int err)
{
	fprintf(stderr, "sched_live_scx: %s: %s\n", what, strerror(err));
	printf("%s\n", strerrorname_np(err));
	exit(1);
}

static char *read_file(const char *path, size_t *size)
{
	size_t len = 0, cap = 1 << 20;
	char *buf = malloc(cap);
	ssize_t n;
	int fd;

	fd = open(path, O_RDONLY);
	if (fd < 0 || !buf)
		fail(path, errno ? errno : ENOMEM);
	while ((n = read(fd, buf + len, cap - len)) > 0) {
		len += n;
		if (len == cap) {
			cap *= 2;
			buf = realloc(buf, cap);
			if (!buf)
				fail(path, ENOMEM);
		}
	}
	if (n < 0)
		fail(path, errno);
	close(fd);
	*size = len;
	return buf;
}

/* The bytes that follow a type's common part, by its kind. */
static uint32_t type_extra(const struct btf_type *t)
{
	uint32_t vlen = BTF_INFO_VLEN(t->info);

	switch (BTF_INFO_KIND(t->info)) {
	case BTF_KIND_INT:
	case BTF_KIND_VAR:
	case BTF_KIND_DECL_TAG:
		return sizeof(uint32_t);
	case BTF_KIND_ARRAY:
		return sizeof(struct btf_array);
	case BTF_KIND_STRUCT:
	case BTF_KIND_UNION:
		return vlen * sizeof(struct btf_member);
	case BTF_KIND_ENUM:
		return vlen * sizeof(struct btf_enum);
	case BTF_KIND_FUNC_PROTO:
		return vlen * sizeof(struct btf_param);
	case BTF_KIND_DATASEC:
		return vlen * sizeof(struct btf_var_secinfo);
	case BTF_KIND_ENUM64:
		return vlen * sizeof(struct btf_enum64);
	default:
		return 0;
	}
}

/* Walk the type section once, so that a type is found by its id. */
static void index_types(struct btf_file *btf)
{
	uint32_t off = 0, cap = 1024;

	btf->by_id = calloc(cap, sizeof(*btf->by_id));
	btf->nr_types = 0;
	while (btf->by_id && off + sizeof(struct btf_type) <= btf->types_len) {
		const struct btf_type *t = (const void *)(btf->types + off);

		if (btf->nr_types + 1 == cap) {
			cap *= 2;
			btf->by_id = realloc(btf->by_id, cap * sizeof(*btf->by_id));
			if (!btf->by_id)
				break;
		}
		btf->by_id[++btf->nr_types] = t;
		off += sizeof(*t) + type_extra(t);
	}
	if (!btf->by_id)
		fail("type index", ENOMEM);
}

/* The struct type NAME: its id, and the type itself in @found. */
static uint32_t find_struct(const struct btf_file *btf, const char *name,
			    const struct btf_type **found)
{
	uint32_t id;

	for (id = 1; id <= btf->nr_types; id++) {
		const struct btf_type *t = btf->by_id[id];

		if (BTF_INFO_KIND(t->info) == BTF_KIND_STRUCT &&
		    t->name_off < btf->strings_len &&
		    !strcmp(btf->strings + t->name_off, name)) {
			*found = t;
			return id;
		}
	}
	fprintf(stderr, "sched_live_scx: no struct %s in %s\n", name, VMLINUX_BTF);
	fail(name, ENOENT);
	return 0;
}

static struct member_place find_member(const struct btf_file *btf,
				       const struct btf_type *t,
				       const char *name)
{
	const struct btf_member *m = (const void *)(t + 1);
	uint32_t i;

	for (i = 0; i < BTF_INFO_VLEN(t->info); i++, m++) {
		uint32_t bits = BTF_INFO_KFLAG(t->info) ?
			BTF_MEMBER_BIT_OFFSET(m->offset) : m->offset;

		if (!strcmp(btf->strings + m->name_off, name))
			return (struct member_place){ bits / 8, m->type };
	}
	fprintf(stderr, "sched_live_scx: no member %s\n", name);
	fail(name, ENOENT);
	return (struct member_place){ 0, 0 };
}

static const struct btf_type *type_by_id(const struct btf_file *btf,
					 uint32_t id)
{
	if (!id || id > btf->nr_types)
		fail("type id", ENOENT);
	return btf->by_id[id];
}

static long sys_bpf(int cmd, union bpf_attr *attr)
{
	return syscall(__NR_bpf, cmd, attr, sizeof(*attr));
}

/*
 * A struct_ops map must come with the BTF of the object that holds it,
 * even though its value's type is the kernel's: one integer type is BTF
 * enough.
 */
static int load_own_btf(void)
{
	static const char strings[] = "\0int";
	struct {
		struct btf_header hdr;
		struct btf_type type;
		uint32_t encoding;
		char strings[sizeof(strings)];
	} blob = {
		.hdr = {
			.magic = BTF_MAGIC,
			.version = BTF_VERSION,
			.hdr_len = sizeof(struct btf_header),
			.type_len = sizeof(struct btf_type) + sizeof(uint32_t),
			.str_off = sizeof(struct btf_type) + sizeof(uint32_t),
			.str_len = sizeof(strings),
		},
		.type = {
			.name_off = 1,
			.info = BTF_KIND_INT << 24,
			.size = sizeof(int),
		},
		.encoding = BTF_INT_SIGNED << 24 | 32,
	};
	union bpf_attr attr;
	int fd;

	memcpy(blob.strings, strings, sizeof(strings));
	memset(&attr, 0, sizeof(attr));
	attr.btf = (uintptr_t)&blob;
	/* All but the padding after the strings, if any. */
	attr.btf_size = offsetof(typeof(blob), strings) + sizeof(strings);
	fd = sys_bpf(BPF_BTF_LOAD, &attr);
	if (fd < 0)
		fail("BPF_BTF_LOAD", errno);
	return fd;
}

int main(int argc, char **argv)
{
	const struct btf_type *value_type, *ops_type;
	struct member_place data, name;
	const struct btf_header *hdr;
	struct btf_file btf;
	union bpf_attr attr;
	uint32_t value_id, key = 0;
	size_t size;
	char *raw, *value;
	int map, link;

	if (argc != 2 || !argv[1][0]) {
		fprintf(stderr, "usage: sched_live_scx NAME\n");
		return 2;
	}

	raw = read_file(VMLINUX_BTF, &size);
	hdr = (const void *)raw;
	if (size < sizeof(*hdr) || hdr->magic != BTF_MAGIC ||
	    (size_t)hdr->hdr_len + hdr->type_off + hdr->type_len > size ||
	    (size_t)hdr->hdr_len + hdr->str_off + hdr->str_len > size)
		fail(VMLINUX_BTF, EINVAL);
	btf.types = raw + hdr->hdr_len + hdr->type_off;
	btf.types_len = hdr->type_len;
	btf.strings = raw + hdr->hdr_len + hdr->str_off;
	btf.strings_len = hdr->str_len;
	index_types(&btf);

	value_id = find_struct(&btf, VALUE_TYPE, &value_type);
	data = find_member(&btf, value_type, "data");
	ops_type = type_by_id(&btf, data.type);
	name = find_member(&btf, ops_type, "name");

	/* A value of zeros but for the name: no callback, no flag. */
	value = calloc(1, value_type->size);
	if (!value)
		fail("value", ENOMEM);
	snprintf(value + data.offset + name.offset, NAME_MAX_BYTES, "%s", argv[1]);

	memset(&attr, 0, sizeof(attr));
	attr.map_type = BPF_MAP_TYPE_STRUCT_OPS;
	attr.key_size = sizeof(key);
	attr.value_size = value_type->size;
	attr.max_entries = 1;
	attr.map_flags = BPF_F_LINK;
	attr.btf_vmlinux_value_type_id = value_id;
	attr.btf_fd = load_own_btf();
	snprintf(attr.map_name, sizeof(attr.map_name), "sched_live_scx");
	map = sys_bpf(BPF_MAP_CREATE, &attr);
	if (map < 0) {
		fprintf(stderr, "sched_live_scx: %s: type %u, %u bytes, data at %u, name at %u\n",
			VALUE_TYPE, value_id, value_type->size, data.offset,
			name.offset);
		fail("BPF_MAP_CREATE", errno);
	}

	memset(&attr, 0, sizeof(attr));
	attr.map_fd = map;
	attr.key = (uintptr_t)&key;
	attr.value = (uintptr_t)value;
	if (sys_bpf(BPF_MAP_UPDATE_ELEM, &attr))
		fail("BPF_MAP_UPDATE_ELEM", errno);

	/* Enabling happens here: the link registers the struct_ops. */
	memset(&attr, 0, sizeof(attr));
	attr.link_create.map_fd = map;
	attr.link_create.attach_type = BPF_STRUCT_OPS;
	link = sys_bpf(BPF_LINK_CREATE, &attr);
	if (link < 0)
		fail("BPF_LINK_CREATE", errno);

	printf("ok\n");
	fflush(stdout);
	for (;;)
		pause();
}
