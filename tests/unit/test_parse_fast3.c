/* SPDX-License-Identifier: MIT */
/*
 * The arena the Markdown reader gives cmark for a draft's allocations (blocks_md.c). The
 * blocks it yields are compared with those of cmark's own allocator by test_parse_fast2's
 * random documents (its reference walk parses with cmark_parse_document); here the arena's
 * calloc and realloc are held to what cmark expects of them, against shadow copies: zeroed
 * blocks, contents kept across growth in place and across moves, alignment, chunks opened
 * for requests larger than a chunk, and a draft's tree the same as cmark builds with malloc.
 * blocks_md.c is included whole for its static arena.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/blocks_md.c"
#include "decode.h"
#include "doc.h"
#include "testrand.h"

#define NBLK 64

/* Random calloc/realloc traffic in a small arena, each block shadowed by a malloc'd copy. */
static void test_arena_blocks(void **state)
{
    (void)state;
    test_seed(0xA7E4A11Cu);
    for (int round = 0; round < 300; round++) {
        md_arena a = {NULL, 64 + test_below(4096)};
        cur_arena = &a;
        unsigned char *blk[NBLK] = {0}, *shadow[NBLK] = {0};
        size_t len[NBLK] = {0};
        for (int op = 0; op < 400; op++) {
            size_t i = test_below(NBLK);
            /* mostly small, now and then larger than any chunk so far */
            size_t n = test_below(8) == 0 ? test_below(20000) : test_below(200);
            if (blk[i] == NULL || test_below(4) == 0) {
                free(shadow[i]);
                blk[i] = arena_calloc(1, n);
                for (size_t k = 0; k < n; k++)
                    assert_int_equal(blk[i][k], 0);
                shadow[i] = calloc(1, n + 1);
            } else {
                size_t keep = n < len[i] ? n : len[i];
                blk[i] = arena_realloc(blk[i], n);
                assert_memory_equal(blk[i], shadow[i], keep);
                shadow[i] = realloc(shadow[i], n + 1);
            }
            assert_int_equal((uintptr_t)blk[i] % _Alignof(max_align_t), 0);
            len[i] = n;
            for (size_t k = 0; k < n; k++) /* new contents, so that a move must copy them */
                blk[i][k] = shadow[i][k] = (unsigned char)test_rand();
            for (size_t j = op % 16 ? i : 0; j < (op % 16 ? i + 1 : NBLK); j++)
                if (blk[j])
                    assert_memory_equal(blk[j], shadow[j], len[j]);
        }
        arena_free(blk[0]);
        for (size_t j = 0; j < NBLK; j++)
            free(shadow[j]);
        arena_release(&a);
    }
}

/* The tree cmark builds in the arena, rendered with source positions, against the tree it
   builds with its own allocator, for drafts of every size up to several chunks. */
static void test_arena_tree(void **state)
{
    (void)state;
    static const char *const lines[] = {"# 标题\n",
                                        "段落文字，**加粗**与*强调*。\n",
                                        "- 列表项\n",
                                        "1. 有序项\n",
                                        "> 引用\n",
                                        "```\n代码\n```\n",
                                        "\n",
                                        "写作分析：开头点题。\n",
                                        "`x` <!-- c -->\n",
                                        "[链接](http://example.com) ![图](a.png)\n"};
    test_seed(0x7EE5EEDu);
    size_t cap = 1 << 16;
    char *s = malloc(cap);
    for (int round = 0; round < 200; round++) {
        size_t n = 0, k = test_below(300);
        for (size_t i = 0; i < k; i++) {
            const char *x = lines[test_below(sizeof lines / sizeof *lines)];
            size_t m = strlen(x);
            memcpy(s + n, x, m);
            n += m;
        }
        el_doc doc = {.text = s, .len = n};
        md_arena a = {NULL, EL_MD_ARENA_MIN};
        cmark_node *x = parse_md(&doc, &a);
        char *xa = cmark_render_xml(x, CMARK_OPT_SOURCEPOS);
        char *copy = strdup(xa);
        arena_release(&a);
        cmark_node *y = parse_md(&doc, NULL);
        char *xb = cmark_render_xml(y, CMARK_OPT_SOURCEPOS);
        assert_string_equal(copy, xb);
        free(copy);
        free(xb);
        cmark_node_free(y);
    }
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arena_blocks),
        cmocka_unit_test(test_arena_tree),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
