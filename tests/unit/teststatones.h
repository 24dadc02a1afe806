/* SPDX-License-Identifier: MIT */
/*
 * The statistics scanner against texts that hold exactly one described statistic (span,
 * value, kind, qualifier, unit) or none at all, each scanned from an exact-size heap copy so
 * that a read past the text shows under ASan, with the invariants every scan keeps (spans in
 * order, inside the text, the unit inside its span). Shared by test_stats and
 * test_stats_audit; include after cmocka.h.
 */
#ifndef EL_TESTSTATONES_H
#define EL_TESTSTATONES_H

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stats.h"

#define MAX_STATS 64

struct found {
    el_stat v[MAX_STATS];
    size_t n;
};

static inline void collect(void *ctx, const el_stat *st)
{
    struct found *f = ctx;
    assert_true(f->n < MAX_STATS);
    f->v[f->n++] = *st;
}

/* Scan text from an exact-size heap copy (no terminating NUL to lean on). *copy keeps it. */
static inline struct found scan_copy(const char *text, char **copy)
{
    struct found f;
    size_t n = strlen(text);
    char *b = malloc(n ? n : 1);
    assert_non_null(b);
    memcpy(b, text, n);
    f.n = 0;
    el_stats_scan(b, n, collect, &f);
    for (size_t i = 0; i < f.n; i++) {
        assert_true(f.v[i].off + f.v[i].len <= n);
        assert_true(f.v[i].len > 0);
        if (f.v[i].unit_len)
            assert_true(f.v[i].unit_off >= f.v[i].off &&
                        f.v[i].unit_off + f.v[i].unit_len <= f.v[i].off + f.v[i].len);
        if (i > 0)
            assert_true(f.v[i].off >= f.v[i - 1].off + f.v[i - 1].len);
    }
    *copy = b;
    return f;
}

/* Checks one statistic against span, value, kind, qualifier (NULL = none), unit (NULL = none). */
static inline void check_stat(const char *s, const el_stat *st, const char *span, double value,
                       el_stat_kind kind, const char *qual, const char *unit)
{
    if (st->len != strlen(span) || memcmp(s + st->off, span, st->len) != 0)
        fail_msg("span: got [%.*s], want [%s]", (int)st->len, s + st->off, span);
    if (fabs(st->value - value) > 1e-9 * fmax(1.0, fabs(value)))
        fail_msg("[%s] value: got %.12g, want %.12g", span, st->value, value);
    if (st->kind != kind)
        fail_msg("[%s] kind: got %s, want %s", span, el_stats_kind_name(st->kind),
                 el_stats_kind_name(kind));
    if (!qual != !st->qualifier || (qual && strcmp(qual, st->qualifier) != 0))
        fail_msg("[%s] qualifier: got %s, want %s", span, st->qualifier ? st->qualifier : "NULL",
                 qual ? qual : "NULL");
    if (unit == NULL) {
        if (st->unit_len != 0)
            fail_msg("[%s] unit: got [%.*s], want none", span, (int)st->unit_len, s + st->unit_off);
    } else if (st->unit_len != strlen(unit) || memcmp(s + st->unit_off, unit, st->unit_len)) {
        fail_msg("[%s] unit: got [%.*s], want [%s]", span, (int)st->unit_len, s + st->unit_off,
                 unit);
    }
}

struct one {
    const char *text;
    const char *span;
    double value;
    el_stat_kind kind;
    const char *qual;
    const char *unit;
};

/* Each text holds exactly the one statistic described. */
static inline void run_ones(const struct one *cases, size_t cnt)
{
    for (size_t i = 0; i < cnt; i++) {
        char *b;
        struct found f = scan_copy(cases[i].text, &b);
        if (f.n != 1)
            fail_msg("\"%s\": %zu statistics, want 1 (%s)", cases[i].text, f.n, cases[i].span);
        check_stat(b, &f.v[0], cases[i].span, cases[i].value, cases[i].kind, cases[i].qual,
                   cases[i].unit);
        free(b);
    }
}

/* Each text holds no statistic at all. */
static inline void run_nones(const char *const *texts, size_t cnt)
{
    for (size_t i = 0; i < cnt; i++) {
        char *b;
        struct found f = scan_copy(texts[i], &b);
        if (f.n != 0)
            fail_msg("\"%s\": found [%.*s], want nothing", texts[i], (int)f.v[0].len,
                     b + f.v[0].off);
        free(b);
    }
}

#define N(a) (sizeof(a) / sizeof *(a))
#define C EL_STAT_COUNT
#define P EL_STAT_PERCENT
#define M EL_STAT_MONEY
#define D EL_STAT_DURATION
#define T EL_STAT_DATE
#define O EL_STAT_OTHER

#endif
