/* SPDX-License-Identifier: MIT */
/*
 * References of the statistics scanner kept for the differential tests, after it left them
 * behind (for the tests that include stats.c, after it): the start-character tables that also
 * stop at opening quotes, as the scan was before it looked for them only when a statistic
 * needs them (quote_catch_up), and no_figure_at, the switch that pair_rejects and pair_before
 * replaced. Included by test_stats_fast.c, test_quotes_stats_fast5.c and test_stats_fast6.c,
 * with the helpers that compare the scan with a reference (check_stats_with).
 */
#ifndef EL_TESTSTATS_H
#define EL_TESTSTATS_H

/* The start characters and the opening quotes (the scan's tables leave the quotes out). */
#define CC_ENTRY_UNQUOTED(ch, cls)                                                                 \
    [CC_SLOT(UTF8_3(ch))] =                                                                        \
        (cls) == CC_START || (cls) == CC_OPEN ? UTF8_3(ch) | (uint32_t)(cls) << 24 : 0,
static const uint32_t cc_table_unquoted[256] = {CC_LIST(CC_ENTRY_UNQUOTED)};
#define CC_KEY_UNQUOTED(ch, cls)                                                                   \
    [CC_SLOT(UTF8_3(ch))] = (cls) == CC_START || (cls) == CC_OPEN ? UTF8_3(ch) : 0,
static const uint32_t cc_keys_unquoted[256] = {CC_LIST(CC_KEY_UNQUOTED)};

/*
 * True if the start character at s[i], three bytes, certainly opens no statistic, so that
 * try_at would return false and resume right after it: 不 大 将 接 突 and 上 open one only
 * before a given character (不足 不到 大约 将近 接近 突破 上百 上千 上万 上亿), and 一 only
 * where yi_may_open says. Those are among the commonest characters; read from the bytes,
 * the character after them rules out most of them without a call to try_at. The scan used to
 * ask this; it asks pair_rejects and pair_before now, which test_stats_fast6.c checks
 * against it.
 */
static inline bool no_figure_at(const char *s, size_t n, size_t i)
{
    const unsigned char *u = (const unsigned char *)s;
    uint32_t c = load_le32(u + i, n - i) & 0xFFFFFF,
             d = n - i >= 6 ? load_le32(u + i + 3, n - i - 3) & 0xFFFFFF : 0;
    switch (c) {
    case UTF8_3(U'不'):
        return d != UTF8_3(U'足') && d != UTF8_3(U'到');
    case UTF8_3(U'大'):
        return d != UTF8_3(U'约');
    case UTF8_3(U'将'):
    case UTF8_3(U'接'):
        return d != UTF8_3(U'近');
    case UTF8_3(U'突'):
        return d != UTF8_3(U'破');
    case UTF8_3(U'上'):
        return d != UTF8_3(U'百') && d != UTF8_3(U'千') && d != UTF8_3(U'万') && d != UTF8_3(U'亿');
    case UTF8_3(U'一'):
        /* only a well-formed three-byte d is read here (decoded from its bytes: an overlong
           or surrogate form decodes to no character yi_may_open accepts); anything else
           is left to try_at */
        return (d & 0xC0C0F0) == 0x8080E0 &&
               !yi_may_open((d & 0x0F) << 12 | (d >> 8 & 0x3F) << 6 | (d >> 16 & 0x3F));
    default:
        return false;
    }
}

/* ---- statistics found, and two scans compared ---------------------------------------------- */

struct found {
    el_stat *v;
    size_t n, cap;
};

/* el_stats_emit_fn: append st to the struct found at ctx. */
static inline void collect(void *ctx, const el_stat *st)
{
    struct found *f = ctx;
    f->v = xgrow(f->v, &f->cap, f->n + 1, sizeof *f->v);
    f->v[f->n++] = *st;
}

/* el_stats_scan and the reference scan ref over an exact-size copy of text[0..n): the same
   statistics, field by field. */
static inline void check_stats_with(const char *text, size_t n,
                                    void (*ref)(const char *, size_t, el_stats_emit_fn, void *))
{
    char *b = malloc(n ? n : 1);
    assert_non_null(b);
    memcpy(b, text, n);
    struct found got = {NULL, 0, 0}, want = {NULL, 0, 0};
    el_stats_scan(b, n, collect, &got);
    ref(b, n, collect, &want);
    assert_int_equal(got.n, want.n);
    for (size_t k = 0; k < got.n; k++) {
        const el_stat *x = &got.v[k], *y = &want.v[k];
        assert_int_equal(x->off, y->off);
        assert_int_equal(x->len, y->len);
        assert_true(x->value == y->value);
        assert_int_equal(x->unit_off, y->unit_off);
        assert_int_equal(x->unit_len, y->unit_len);
        assert_ptr_equal(x->qualifier, y->qualifier);
        assert_int_equal(x->kind, y->kind);
    }
    free(got.v);
    free(want.v);
    free(b);
}

#endif
