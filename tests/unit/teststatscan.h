/* SPDX-License-Identifier: MIT */
/*
 * The reference of the statistics scan for the differential tests of test_stats_audit3 and
 * test_stats_audit4: try_one at every character of the start table and at every 不 and 最,
 * without the scan's shortcuts and its look back from a number to a bound, and the check that
 * el_stats_scan finds the same statistics over an exact-size copy. Include after stats.c (for
 * try_one and the start table) and teststatones.h (for collect).
 */
#ifndef EL_TESTSTATSCAN_H
#define EL_TESTSTATSCAN_H

#include <stdlib.h>
#include <string.h>

/* el_stats_scan without its shortcuts and its look back: try_one at every character of the
   start table and at every 不 and 最, for text without quotation marks. */
static inline void stop_scan(const char *s, size_t n, el_stats_emit_fn emit, void *ctx)
{
    scan_t t = {s, n};
    size_t i = 0, done = 0;
    while (i < n) {
        size_t l, next;
        el_stat st;
        bool cn;
        uint32_t c = el_text_cp(s, n, i, &l);
        size_t cl;
        bool start = c == U'不' || c == U'最' ||
                     (c < 0x80 ? class_of_bytes(cc_table, c, &cl) == CC_START
                               : c >= 0x800 && c <= 0xFFFF &&
                                     (cc_table[CC_SLOT(UTF8_3(c))] & 0xFFFFFF) == UTF8_3(c) &&
                                     cc_table[CC_SLOT(UTF8_3(c))] >> 24 == CC_START);
        if (!start) {
            i += l;
            continue;
        }
        if (try_one(&t, i, &st, &next, &cn)) {
            if (st.off < done && st.qualifier == q_guo) {
                i += l;
                continue;
            }
            emit(ctx, &st);
            done = st.off + st.len;
            i = st.off + st.len > i ? st.off + st.len : i + l;
        } else {
            i = next;
        }
    }
}

/* el_stats_scan and stop_scan over an exact-size copy of text[0..n): the same statistics. */
static inline void check_same(const char *text, size_t n)
{
    char *b = malloc(n ? n : 1);
    assert_non_null(b);
    memcpy(b, text, n);
    struct found got, want;
    got.n = want.n = 0;
    el_stats_scan(b, n, collect, &got);
    stop_scan(b, n, collect, &want);
    if (got.n != want.n)
        fail_msg("\"%.*s\": %zu statistics, a scan stopping at 不 最 %zu", (int)n, b, got.n,
                 want.n);
    for (size_t k = 0; k < got.n; k++) {
        const el_stat *x = &got.v[k], *y = &want.v[k];
        if (x->off != y->off || x->len != y->len || x->value != y->value ||
            x->unit_off != y->unit_off || x->unit_len != y->unit_len ||
            x->qualifier != y->qualifier || x->kind != y->kind)
            fail_msg("\"%.*s\": statistic %zu differs", (int)n, b, k);
    }
    free(b);
}

#endif
