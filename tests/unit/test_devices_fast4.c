/* SPDX-License-Identifier: MIT */
/*
 * Differential tests for the fourth round of devices.c fast paths, each against the
 * straightforward version kept here: trigger_candidate, the one-table filter han_run asks
 * before metaphor_trigger, against the list of triggers (it must let every trigger through,
 * and the two together must note exactly the triggers); han3_word, the branch-free test of
 * one Han character in a word, against decoding the three bytes, for every three bytes;
 * han_run, whose eight-byte loop now ends on one combined test, against a walk one character
 * at a time, at every offset of random text (broken UTF-8 and long runs among it); frame_ok,
 * which asks the document for a one-character frame, against the hits of the block it used to
 * look in, for every clause of random parsed text.
 *
 * The functions under test are static: this file includes devices.c, so its test binary
 * holds its own copy of the module (the library's devices.o is then never linked in).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "devices.c"

#include "testrand.h"

/* ---- the straightforward versions ------------------------------------------------------ */

/* The figure triggers, as find_metaphors names them. */
static const char ref_triggers[] = "插像如犹宛好恰仿有";

static bool ref_trigger(uint32_t c)
{
    for (const char *t = ref_triggers; *t; t += 3)
        if (el_text_cp(t, 3, 0, &(size_t){0}) == c)
            return true;
    return false;
}

/* Whether s[i..n) opens with a Han character U+4E00–U+9FFF of three bytes (*c gets it). */
static bool ref_han_at(const char *s, size_t n, size_t i, uint32_t *c)
{
    size_t k;
    *c = el_text_cp(s, n, i, &k);
    return k == 3 && *c >= 0x4E00 && *c <= 0x9FFF;
}

/* han_run one character at a time: the run's end, its triggers pushed onto *trig. */
static size_t ref_han_run(const char *s, size_t n, size_t i, size_t *trig, size_t *ntrig)
{
    uint32_t c;
    while (i < n && ref_han_at(s, n, i, &c)) {
        if (ref_trigger(c))
            trig[(*ntrig)++] = i;
        i += 3;
    }
    return i;
}

/* ---- the comparisons -------------------------------------------------------------------- */

/* No two triggers share the middle six bits trigger_rows is indexed by (a second one would
   overwrite the first's row). */
static void test_trigger_rows_distinct(void **state)
{
    (void)state;
    for (const char *a = ref_triggers; *a; a += 3)
        for (const char *b = a + 3; *b; b += 3)
            assert_int_not_equal((unsigned char)a[1] & 63, (unsigned char)b[1] & 63);
}

/* For every three-byte character: a trigger is always a candidate, the candidate and
   metaphor_trigger together are the triggers, and few others are candidates. */
static void test_trigger_candidate(void **state)
{
    (void)state;
    size_t others = 0;
    for (uint32_t c = 0x800; c <= 0xFFFF; c++) {
        if (c >= 0xD800 && c <= 0xDFFF)
            continue;
        unsigned char u[3] = {(unsigned char)(0xE0 | c >> 12),
                              (unsigned char)(0x80 | (c >> 6 & 63)),
                              (unsigned char)(0x80 | (c & 63))};
        bool cand = trigger_candidate(u[1], u[2]), want = ref_trigger(c);
        if (want && !cand)
            fail_msg("U+%04X is a trigger and no candidate", (unsigned)c);
        assert_int_equal(cand && metaphor_trigger(cp3(u)), want);
        others += cand && !want;
    }
    /* the lead byte alone tells them apart: 9 triggers × 15 other leads */
    assert_true(others <= 9 * 15);
}

/* han3_word against decoding, for every three bytes, with noise in the bytes above. */
static void test_han3_word(void **state)
{
    (void)state;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    for (uint32_t v = 0; v < 1u << 24; v++) {
        char s[3] = {(char)(v & 0xFF), (char)(v >> 8 & 0xFF), (char)(v >> 16)};
        uint32_t c;
        unsigned want = ref_han_at(s, 3, 0, &c);
        uint64_t y = v & 1 ? v : test_rand64() << 24 | v;
        if (han3_word(y) != want)
            fail_msg("bytes %02X %02X %02X: %u, want %u", v & 0xFF, v >> 8 & 0xFF, v >> 16,
                     han3_word(y), want);
    }
#endif
}

/* Pieces of text: Han (triggers among them, E4 leads on either side of U+4E00), marks,
   ASCII, other scripts and broken bytes. */
/* clang-format off */
static const char *const pieces[] = {
    "以", "人", "民", "为", "中", "心", "一", "丁", "像", "如",
    "犹", "宛", "好", "恰", "仿", "有", "插", "鿿", "龥", "是",
    "，", "。", "“", "”", "、", "a", "7", " ", "㐀", "䶵", "𠀀", "é",
    "\xE4\xB7\xBF", "\xE4\xB8", "\x80", "\xFF", "\xED\xA0\x80", "\xE9\xBF", "\xE0\x80\x80", "\n",
};
/* clang-format on */
#define NPIECES (sizeof pieces / sizeof *pieces)
/* the first NHAN pieces are Han of U+4E00–U+9FFF */
#define NHAN 20

/* Random text of up to max pieces into buf: long runs of Han now and then. */
static size_t random_text(char *buf, size_t max)
{
    size_t n = 0, len = test_below((uint32_t)max + 1);
    unsigned share = test_below(3) == 0 ? 100 : test_below(2) ? 90 : 60;
    for (size_t t = 0; t < len; t++) {
        const char *p =
            test_below(100) < share ? pieces[test_below(NHAN)] : pieces[test_below(NPIECES)];
        size_t k = strlen(p);
        memcpy(buf + n, p, k);
        n += k;
    }
    return n;
}

/* han_run against ref_han_run at every offset of s[0..n), and of every shorter text. */
static void check_runs(const char *s, size_t n)
{
    size_t want[256];
    for (size_t i = 0; i <= n; i++) {
        struct dstate st = {0};
        size_t nw = 0, h = han_run(&st, s, n, i), e = ref_han_run(s, n, i, want, &nw);
        if (h != e)
            fail_msg("run from %zu of %zu bytes: %zu, want %zu", i, n, h, e);
        assert_int_equal(st.trig.n, nw);
        if (nw)
            assert_memory_equal(st.trig.v, want, nw * sizeof *want);
        free(st.trig.v);
    }
}

static void test_han_run_known(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "",
        "像",
        "以人民为中心",
        "以人民为中心，",
        "好像有如犹如宛如恰似仿佛插上翅膀",
        "一丁七万丈三上下不与丐丑专且丕世丗丘丙业丛东丝丞",
        "人\xE4\xB7\xBF人人\xE4\xB8\x80",
        "人人人人人\xE4\xB8",
        "人人人人人人人\x80\x80",
        "鿿龥\xEA\x80\x80人",
        "人人人\xE9\xBF人",
    };
    for (size_t t = 0; t < sizeof texts / sizeof *texts; t++) {
        size_t n = strlen(texts[t]);
        for (size_t m = 0; m <= n; m++)
            check_runs(texts[t], m);
    }
}

static void test_han_run_random(void **state)
{
    (void)state;
    char buf[256];
    for (int round = 0; round < 4000; round++)
        check_runs(buf, random_text(buf, 60));
}

/* frame_ok as it was: the frames among the hits of the block (st->hits, all categories). */
static bool ref_frame_ok(const struct dstate *st, const char *s, const struct clause *c, size_t len)
{
    if (len != 1)
        return len >= 2;
    size_t k;
    if (frame1(el_text_cp(s, c->end, c->start, &k)))
        return true;
    for (size_t i = 0; i < st->hits.n; i++)
        if (st->hits.v[i].cat == EL_LEX_PARALLEL_FRAME && st->hits.v[i].start == c->start &&
            st->hits.v[i].end == c->start + k)
            return true;
    return false;
}

/* Keep every hit (for ref_frame_ok). */
static void keep_hit(void *ctx, const el_lex_hit *h)
{
    struct dstate *st = ctx;
    *EL_VEC_PUSH(st->hits) = *h;
}

/* frame_ok against ref_frame_ok for every clause (and every clause less its first
   characters) of every block of s, parsed as a draft. */
static void check_frames(const char *s)
{
    el_doc *doc = el_parse("t.txt", s, strlen(s), NULL);
    assert_true(doc->ok);
    el_extract_quotes(doc);
    el_span_vec blocks = {0};
    el_quote_blocks(doc, &blocks);
    for (size_t b = 0; b < blocks.n; b++) {
        el_span blk = blocks.v[b];
        const char *t = doc->plain.v + blk.off;
        struct dstate st = {.doc = doc, .base = blk.off};
        st.cov = calloc(blk.len + 1, 1);
        el_doc_lex_scan(doc, blk.off, blk.len, keep_hit, &st);
        split_clauses(&st, t, blk.len);
        for (size_t i = 0; i < st.cl.n; i++) {
            struct clause c = st.cl.v[i];
            for (int o = 0; o < 3 && c.start < c.end; o++) {
                for (size_t len = 0; len <= 3; len++)
                    assert_int_equal(frame_ok(&st, t, &c, len), ref_frame_ok(&st, t, &c, len));
                size_t k;
                el_text_cp(t, c.end, c.start, &k);
                c.start += k;
            }
        }
        free(st.cov);
        free(st.hits.v);
        free(st.cl.v);
        free(st.marks.v);
        free(st.trig.v);
        free(st.qbuf.v);
        free(st.qmap.v);
    }
    free(blocks.v);
    el_doc_free(doc);
}

/* Clauses opening with the lexicon's frames (one character and longer), with frames of
   frame1, with characters of neither, in traditional script too, and with one-character words
   of another category (但, 却: contrast markers), which are no frame. */
static void test_frame_ok(void **state)
{
    (void)state;
    static const char *const heads[] = {"以",   "让",   "在", "是", "坚持", "推动",
                                        "有了", "既要", "讓", "為", "從",   "堅持",
                                        "人",   "“",    "a",  "三", "但",   "却"};
    static const char *const rest[] = {"人民", "改革", "创新", "为中心", "发展", "“绿水”", "7"};
    static const char *const ends[] = {"，", "；", "。", "\n\n", "！"};
    char buf[2048];
    for (int round = 0; round < 300; round++) {
        size_t n = 0;
        for (int cl = 0, m = 1 + (int)test_below(12); cl < m; cl++) {
            const char *parts[3] = {heads[test_below(sizeof heads / sizeof *heads)],
                                    rest[test_below(sizeof rest / sizeof *rest)],
                                    ends[test_below(sizeof ends / sizeof *ends)]};
            for (int p = 0; p < 3; p++) {
                memcpy(buf + n, parts[p], strlen(parts[p]));
                n += strlen(parts[p]);
            }
        }
        buf[n] = '\0';
        check_frames(buf);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_trigger_rows_distinct),
        cmocka_unit_test(test_trigger_candidate),
        cmocka_unit_test(test_han3_word),
        cmocka_unit_test(test_han_run_known),
        cmocka_unit_test(test_han_run_random),
        cmocka_unit_test(test_frame_ok),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
