/* SPDX-License-Identifier: MIT */
/*
 * Differential test for el_finding_message_into, which copies the pieces of a message split
 * at its "%s" at compile time where it searched the message for them: the same text and
 * length as the searching version (kept below as it was) for every rule in both languages,
 * with arguments of no, fewer, as many and more values than the message has "%s", values
 * with and without language variants, empty and NULL arguments, summaries, and random ones.
 * Also the document's string pool that holds the findings' arguments: many findings, long
 * arguments, every string intact until the pool goes (run under ASan by make asan).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "rules.h"
#include "util.h"

#include "testrand.h"

/* ---- the searching version, as it was ---- */

typedef struct buf {
    char *s;
    size_t n, cap;
} buf;

static void put(buf *b, const char *s, size_t n)
{
    if (b->cap - b->n < n + 1)
        b->s = xgrow(b->s, &b->cap, b->n + n + 1, 1);
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
}

static void put_value(buf *b, const char *v, size_t n, bool english)
{
    const char *sep = memchr(v, EL_ARG_LANG[0], n);
    if (sep == NULL)
        put(b, v, n);
    else if (english)
        put(b, sep + 1, n - (size_t)(sep + 1 - v));
    else
        put(b, v, (size_t)(sep - v));
}

static size_t old_message_into(const el_finding *f, bool english, char **out, size_t *cap)
{
    buf b = {*out, 0, *out ? *cap : 0};
    const el_rule_info *r = el_rule(f->rule);
    const char *arg = f->arg ? f->arg : "";
    if (b.cap < 256)
        b.s = xgrow(b.s, &b.cap, 256, 1);
    put(&b, "", 0);
    if (arg[0] == EL_ARG_MORE[0]) {
        if (!english)
            put(&b, "另有 ", strlen("另有 "));
        put(&b, arg + 1, strlen(arg + 1));
        if (english)
            put(&b, " more like this not listed", strlen(" more like this not listed"));
        else
            put(&b, " 处同类问题未逐一列出", strlen(" 处同类问题未逐一列出"));
    } else {
        const char *fmt = english ? r->msg_en : r->msg_zh;
        const char *a = arg, *aend = arg + strlen(arg);
        for (const char *p = fmt; *p;) {
            const char *pct = strchr(p, '%');
            while (pct && pct[1] != 's')
                pct = strchr(pct + 1, '%');
            if (pct == NULL) {
                put(&b, p, strlen(p));
                break;
            }
            put(&b, p, (size_t)(pct - p));
            const char *sep = memchr(a, EL_ARG_SEP[0], (size_t)(aend - a));
            const char *vend = sep ? sep : aend;
            put_value(&b, a, (size_t)(vend - a), english);
            a = sep ? sep + 1 : aend;
            p = pct + 2;
        }
    }
    *out = b.s;
    *cap = b.cap;
    return b.n;
}

/* ---- comparison ---- */

/* The message of rule with arg both ways, in both languages, from fresh and reused buffers. */
static void check(int rule, const char *arg)
{
    static char *reused;
    static size_t reused_cap;
    el_finding f = {.rule = rule, .severity = 0, .src_off = 0, .section = -1, .arg = (char *)arg};
    for (int en = 0; en < 2; en++) {
        char *want = NULL, *got = NULL;
        size_t wcap = 0, gcap = 12345; /* gcap is not looked at while got is NULL */
        size_t wn = old_message_into(&f, en, &want, &wcap);
        size_t gn = el_finding_message_into(&f, en, &got, &gcap);
        if (wn != gn || strcmp(want, got) != 0)
            fail_msg("rule %d en %d arg \"%s\": \"%s\" (%zu), want \"%s\" (%zu)", rule, en,
                     arg ? arg : "(null)", got, gn, want, wn);
        assert_true(gcap > gn);
        size_t rn = el_finding_message_into(&f, en, &reused, &reused_cap);
        assert_int_equal(rn, wn);
        assert_string_equal(reused, want);
        char *m = el_finding_message(&f, en);
        assert_string_equal(m, want);
        free(m);
        free(want);
        free(got);
    }
    if (rule == EL_RULE_COUNT_ - 1 && arg == NULL) {
        free(reused);
        reused = NULL;
        reused_cap = 0;
    }
}

static void test_split_matches_template(void **state)
{
    (void)state;
    for (int r = 0; r < EL_RULE_COUNT_; r++)
        for (int en = 0; en < 2; en++) {
            const el_rule_info *ri = el_rule(r);
            const char *t = en ? ri->msg_en : ri->msg_zh;
            const el_msg_split *sp = en ? &ri->split_en : &ri->split_zh;
            size_t at = 0, n = 0;
            for (const char *p = strstr(t, "%s"); p; p = strstr(p + 2, "%s"))
                n++;
            assert_int_equal(sp->n, n);
            assert_true(n <= EL_MSG_MAXVALUES);
            for (unsigned i = 0; i < sp->n; i++) {
                at += sp->len[i];
                assert_memory_equal(t + at, "%s", 2);
                at += 2;
            }
            assert_int_equal(at + sp->len[sp->n], strlen(t));
        }
}

static void test_every_rule(void **state)
{
    (void)state;
    static const char *const args[] = {
        "",
        "a",
        "东部",
        "东部" EL_ARG_LANG "east",
        EL_ARG_LANG "east",
        "东部" EL_ARG_LANG,
        "a" EL_ARG_LANG "b" EL_ARG_LANG "c",
        "12" EL_ARG_SEP "3",
        "12" EL_ARG_SEP "1000" EL_ARG_SEP "1200",
        "1" EL_ARG_SEP "2" EL_ARG_SEP "3" EL_ARG_SEP "4",
        EL_ARG_SEP,
        EL_ARG_SEP EL_ARG_SEP EL_ARG_SEP,
        "," EL_ARG_SEP "，",
        "长" EL_ARG_LANG "long" EL_ARG_SEP "短" EL_ARG_LANG "short" EL_ARG_SEP "x",
        EL_ARG_MORE "17",
        EL_ARG_MORE,
        EL_ARG_MORE "3" EL_ARG_SEP "x" EL_ARG_LANG "y",
        "%s",
        "100%",
        "不积跬步，无以至千里",
        NULL, /* last: check frees its reused buffer after the last rule's NULL */
    };
    for (int r = 0; r < EL_RULE_COUNT_; r++)
        for (size_t i = 0; i < sizeof args / sizeof args[0]; i++)
            check(r, args[i]);
}

static void test_random_args(void **state)
{
    (void)state;
    static const char *const bits[] = {"a",        "中",        "%",         "%s", " ",
                                       EL_ARG_SEP, EL_ARG_LANG, EL_ARG_MORE, "“",  "……"};
    test_seed(2929);
    char arg[600];
    for (int iter = 0; iter < 20000; iter++) {
        size_t n = 0, k = test_below(iter % 100 == 0 ? 120 : 12);
        for (size_t i = 0; i < k; i++) {
            const char *b = bits[test_below(sizeof bits / sizeof bits[0])];
            size_t bl = strlen(b);
            memcpy(arg + n, b, bl);
            n += bl;
        }
        arg[n] = '\0';
        check((int)test_below(EL_RULE_COUNT_), arg);
    }
    check(EL_RULE_COUNT_ - 1, NULL);
}

/* ---- the string pool ---- */

static void test_pool_many_findings(void **state)
{
    (void)state;
    test_seed(2930);
    el_doc *doc = el_doc_failed("pool.txt", "not_found", "none");
    size_t n = 100000;
    char **want = xmalloc(n * sizeof *want);
    char s[5000];
    for (size_t i = 0; i < n; i++) {
        size_t len = i % 997 == 0 ? test_below(sizeof s) : test_below(40);
        for (size_t j = 0; j < len; j++)
            s[j] = (char)('a' + test_below(26));
        s[len] = '\0';
        want[i] = i % 5 == 0 ? NULL : xstrdup(s);
        el_finding_add(doc, (int)(i % EL_RULE_COUNT_), i, -1, want[i]);
    }
    assert_int_equal(doc->findings.n, n);
    for (size_t i = 0; i < n; i++) {
        const char *a = doc->findings.v[i].arg;
        if (want[i] == NULL)
            assert_null(a);
        else
            assert_string_equal(a, want[i]);
        free(want[i]);
    }
    free(want);
    el_doc_free(doc);

    /* a document on the stack frees its pool on its own; freeing twice is harmless */
    el_doc d;
    memset(&d, 0, sizeof d);
    for (int i = 0; i < 300; i++)
        el_finding_add(&d, 0, 0, -1, "seven");
    assert_string_equal(d.findings.v[0].arg, "seven");
    assert_string_equal(d.findings.v[299].arg, "seven");
    el_doc_strings_free(&d);
    el_doc_strings_free(&d);
    free(d.findings.v);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_split_matches_template),
        cmocka_unit_test(test_every_rule),
        cmocka_unit_test(test_random_args),
        cmocka_unit_test(test_pool_many_findings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
