/* SPDX-License-Identifier: MIT */
/*
 * The reporters' fast paths against the straightforward answers. Positions: el_doc_pos_near
 * (counting on from the last position) and el_doc_pos (bisecting the line table and the
 * checkpoints) against a plain count of newlines and lead bytes over the decoded text, on
 * random documents (CJK, CRLF and lone CR, long lines across many checkpoints, invalid bytes,
 * GB18030) with offsets in random, sorted and nearly sorted order. el_doc_src_near against
 * el_doc_src the same way, and el_finding_message_into, reusing one buffer, against
 * el_finding_message.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "doc.h"
#include "json_out.h"
#include "lexicon.h"
#include "rules.h"
#include "section.h"
#include "stats.h"

#include "testrand.h"

static size_t below(size_t n)
{
    return n ? (size_t)(test_rand64() % n) : 0;
}

/* A random UTF-8 (or, when gb, GB18030) draft of about n bytes. */
static char *random_doc(size_t n, bool gb, size_t *len)
{
    char *s = malloc(n + 16);
    size_t i = 0;
    /* how long lines run: short ones, or a few long ones crossing many checkpoints */
    unsigned nl_rate = (unsigned)(test_rand64() % 3 == 0 ? 2000 : 40);
    while (i < n) {
        unsigned k = (unsigned)below(100);
        if (below(nl_rate) == 0) {
            if (k < 60) {
                s[i++] = '\n';
            } else if (k < 85) {
                s[i++] = '\r';
                s[i++] = '\n';
            } else {
                s[i++] = '\r';
            }
        } else if (k < 25) {
            s[i++] = (char)("ab ,.#-\t1"[below(9)]);
        } else if (gb) {
            if (k < 90) { /* a two-byte GB18030 character */
                s[i++] = (char)(0x81 + below(0x7E));
                s[i++] = (char)(0x40 + below(0xBF));
                if ((unsigned char)s[i - 1] == 0x7F)
                    s[i - 1] = 0x41;
            } else if (k < 95) { /* a four-byte one */
                s[i++] = (char)(0x81 + below(3));
                s[i++] = (char)(0x30 + below(10));
                s[i++] = (char)(0x81 + below(0x7E));
                s[i++] = (char)(0x30 + below(10));
            } else if (below(8) == 0) { /* a byte that starts nothing (rare: else not GB18030) */
                s[i++] = (char)0xFF;
            } else {
                s[i++] = (char)0xB0;
                s[i++] = (char)0xA1;
            }
        } else if (k < 85) { /* 中-like: three bytes */
            unsigned cp = 0x4E00 + (unsigned)below(0x5000);
            s[i++] = (char)(0xE0 | cp >> 12);
            s[i++] = (char)(0x80 | (cp >> 6 & 0x3F));
            s[i++] = (char)(0x80 | (cp & 0x3F));
        } else if (k < 90) { /* two bytes */
            s[i++] = (char)0xC3;
            s[i++] = (char)(0x80 + below(0x40));
        } else if (k < 94) { /* four bytes */
            s[i++] = (char)0xF0;
            s[i++] = (char)0x9F;
            s[i++] = (char)(0x80 + below(0x40));
            s[i++] = (char)(0x80 + below(0x40));
        } else if (below(8) != 0) {
            memcpy(s + i, "\xE4\xB8\xAD", 3);
            i += 3;
        } else { /* invalid (rare: else not UTF-8): a lone continuation byte, a cut sequence */
            static const char *const bad[] = {"\x80", "\xE4\xB8", "\xFF", "\xC3"};
            const char *b = bad[below(4)];
            memcpy(s + i, b, strlen(b));
            i += strlen(b);
        }
    }
    *len = i;
    return s;
}

/* Line and column of off in the decoded text, counted from its start. */
static void ref_pos(const el_doc *doc, size_t off, size_t *line, size_t *col)
{
    if (off > doc->len)
        off = doc->len;
    size_t ln = 1, c = 1;
    for (size_t i = 0; i < off; i++) {
        if (doc->text[i] == '\n') {
            ln++;
            c = 1;
        } else if (((unsigned char)doc->text[i] & 0xC0) != 0x80) {
            c++;
        }
    }
    *line = ln;
    *col = c;
}

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

/* Offsets into [0, n] (and a little past), in one of four orders. */
static size_t *offsets(size_t n, size_t count, int order)
{
    size_t *v = malloc(count * sizeof *v);
    for (size_t i = 0; i < count; i++)
        v[i] = below(n + 4);
    if (order >= 1)
        qsort(v, count, sizeof *v, cmp_size);
    if (order == 2) /* nearly sorted: a few steps back */
        for (size_t i = 0; i + 1 < count; i += 1 + below(8)) {
            size_t t = v[i];
            v[i] = v[i + 1];
            v[i + 1] = t;
        }
    if (order == 3) /* close together: the same line again and again */
        for (size_t i = 1; i < count; i++)
            v[i] = v[i - 1] + below(40);
    return v;
}

static void check_doc(const el_doc *doc)
{
    for (int order = 0; order < 4; order++) {
        size_t count = 1 + below(300);
        size_t *v = offsets(doc->len, count, order);
        el_pos_cursor cur = {0};
        for (size_t i = 0; i < count; i++) {
            size_t rl, rc, l1, c1, l2, c2;
            ref_pos(doc, v[i], &rl, &rc);
            el_doc_pos(doc, v[i], &l1, &c1);
            el_doc_pos_near(doc, &cur, v[i], &l2, &c2);
            if (doc->marks.n == 0)
                rl = rc = 1;
            if (rl != l1 || rc != c1 || rl != l2 || rc != c2)
                print_error("off %zu of %zu: want %zu:%zu, el_doc_pos %zu:%zu, near %zu:%zu\n",
                            v[i], doc->len, rl, rc, l1, c1, l2, c2);
            assert_int_equal(l1, rl);
            assert_int_equal(c1, rc);
            assert_int_equal(l2, rl);
            assert_int_equal(c2, rc);
        }
        free(v);
        v = offsets(doc->plain.n, count, order);
        for (size_t i = 0; i < count; i++)
            assert_int_equal(el_doc_src_near(doc, &cur, v[i]), el_doc_src(doc, v[i]));
        free(v);
    }
}

static void run(size_t ndocs, size_t maxlen, bool gb)
{
    size_t nok = 0;
    for (size_t d = 0; d < ndocs; d++) {
        size_t len;
        char *s = random_doc(below(maxlen) + (d % 5 == 0 ? 0 : 1), gb, &len);
        el_options opt = {gb ? EL_ENC_GB18030 : EL_ENC_AUTO,
                          below(2) ? EL_INPUT_TEXT : EL_INPUT_MARKDOWN};
        el_doc *doc = el_parse(d % 2 ? "draft.md" : "draft.txt", s, len, &opt);
        check_doc(doc);
        nok += doc->ok && doc->lines.n > 1;
        el_doc_free(doc);
        free(s);
    }
    assert_true(nok > ndocs / 2); /* most drafts decoded, with several lines */
}

static void test_pos_utf8(void **state)
{
    (void)state;
    run(300, 3000, false);
    run(20, 40000, false); /* long lines: gaps past the cursor's reach */
}

static void test_pos_gb18030(void **state)
{
    (void)state;
    run(200, 3000, true);
}

static void test_pos_edges(void **state)
{
    (void)state;
    static const char *const docs[] = {"", "\n", "\n\n\n", "a", "中", "\r\n\r\n", "中\n文\n"};
    for (size_t d = 0; d < sizeof docs / sizeof *docs; d++) {
        el_doc *doc = el_parse("x.txt", docs[d], strlen(docs[d]), NULL);
        check_doc(doc);
        el_doc_free(doc);
    }
    el_doc *bad = el_doc_failed("x.txt", "not_found", "gone"); /* no line table at all */
    el_pos_cursor cur = {0};
    size_t l, c;
    el_doc_pos_near(bad, &cur, 5, &l, &c);
    assert_int_equal(l, 1);
    assert_int_equal(c, 1);
    assert_int_equal(el_doc_src_near(bad, &cur, 3), el_doc_src(bad, 3));
    el_doc_free(bad);
}

/* Every rule's message in both languages, with and without arguments, and the "N more"
 * form, through one reused buffer. */
static void test_messages(void **state)
{
    (void)state;
    static const char *const args[] = {
        NULL,
        "",
        "3",
        "12" EL_ARG_SEP "1000" EL_ARG_SEP "1200",
        "东部" EL_ARG_LANG "eastern",
        "“" EL_ARG_SEP "”",
        EL_ARG_MORE "17",
        "a" EL_ARG_SEP "b" EL_ARG_SEP "c" EL_ARG_SEP "d",
        "一个很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长的参数"};
    char *buf = NULL;
    size_t cap = 0;
    for (int rule = 0; rule < (int)el_rule_count(); rule++)
        for (size_t a = 0; a < sizeof args / sizeof *args; a++)
            for (int en = 0; en < 2; en++) {
                el_finding f = {rule, 0, 0, -1, (char *)args[a]};
                char *want = el_finding_message(&f, en);
                size_t n = el_finding_message_into(&f, en, &buf, &cap);
                assert_int_equal(n, strlen(want));
                assert_string_equal(buf, want);
                free(want);
            }
    free(buf);
}

/* A name el_jw_name copies unscanned must print as el_jw_str prints it. */
static void check_name(const char *s)
{
    el_jw a, b;
    el_jw_init(&a, 1);
    el_jw_init(&b, 1);
    el_jw_arr(&a);
    el_jw_arr(&b);
    for (int k = 0; k < 2; k++) { /* twice: the second one after a comma */
        el_jw_str(&a, s);
        el_jw_name(&b, s);
    }
    assert_int_equal(a.n, b.n);
    assert_memory_equal(a.v, b.v, a.n);
    el_jw_free(&a);
    el_jw_free(&b);
}

/* Every table the JSON reporter writes with el_jw_name holds names that need no escape. */
static void test_names(void **state)
{
    (void)state;
    for (int r = 0; r < (int)el_rule_count(); r++)
        check_name(el_rule(r)->id);
    for (int sev = -1; sev <= EL_SEV_ERROR; sev++)
        check_name(el_severity_name(sev));
    for (int k = 0; k <= (int)EL_SEC_OTHER; k++)
        check_name(el_section_kind_name((enum el_section_kind)k));
    for (int k = 0; k <= (int)EL_STAT_OTHER; k++)
        check_name(el_stats_kind_name((el_stat_kind)k));
    for (int k = 0; k <= (int)EL_REGION_NORTHEAST; k++)
        check_name(el_region_id((enum el_region)k));
    for (int k = 0; k <= (int)EL_ENC_UTF16BE; k++)
        check_name(el_decode_name((enum el_encoding)k));
    assert_true(el_lex_nprovinces() >= 31);
    for (size_t p = 0; p < el_lex_nprovinces(); p++)
        check_name(el_lex_province((int)p)->short_name);
    static const char *const lits[] = {"positive",   "negative",  "markdown", "text",
                                       "policy",     "classical", "other",    "parallelism",
                                       "antithesis", "metaphor",  "contrast", "rhetorical_question",
                                       "citation"};
    for (size_t i = 0; i < sizeof lits / sizeof *lits; i++)
        check_name(lits[i]);
    check_name("");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pos_utf8),  cmocka_unit_test(test_pos_gb18030),
        cmocka_unit_test(test_pos_edges), cmocka_unit_test(test_messages),
        cmocka_unit_test(test_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
