/* SPDX-License-Identifier: MIT */
/*
 * Differential tests for the second round of devices.c fast paths, each against the
 * straightforward version kept here: simile_at, a switch on the trigger character, against
 * the list of simile markers it was written from (every word matched at every offset, in
 * truncated text too); title_shape, which counts runs of Han by their length and stops at
 * four clauses, against the loop over every character; the category bits collect_hit
 * gathers (figure_possible and find_contrast skip on them) against a walk of the hits.
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

/* The simile markers, as devices.c listed them before simile_at became a switch. */
static const char *const ref_markers[] = {
    "如同", "犹如", "宛如", "好比", "恰似", "宛若", "仿佛", "好似", "恰如", "有如", NULL,
};

/* Whether a word of ref_markers starts at s[i]. */
static bool ref_simile_at(const char *s, size_t n, size_t i)
{
    for (const char *const *w = ref_markers; *w; w++)
        if (word_at(s, n, i, *w))
            return true;
    return false;
}

/* title_shape one character at a time, to the end of the title. */
static size_t ref_title_shape(const char *s, el_span t, size_t *lens)
{
    size_t n = 0, cur = 0, k;
    for (size_t i = t.off; i < t.off + t.len; i += k) {
        uint32_t c = el_text_cp(s, t.off + t.len, i, &k);
        if (delim(c) || is_hspace(c)) {
            if (cur && n < 4)
                lens[n++] = cur;
            cur = 0;
        } else if (!(char_class(c) & CL_OPEN) && !is_closer(c)) {
            cur++;
        }
    }
    if (cur && n < 4)
        lens[n++] = cur;
    return n;
}

/* Pieces random text is made of: the simile characters and their neighbours, Han of every
   lead byte, the marks title_shape tells apart, other scripts and broken UTF-8. */
static const char *const pieces[] = {
    "如",
    "同",
    "犹",
    "宛",
    "若",
    "好",
    "比",
    "似",
    "恰",
    "仿",
    "佛",
    "有",
    "像",
    "插",
    "上",
    "一",
    "鿿",
    "丂",
    "㐀",
    "〇",
    "𠀀",
    "，",
    ",",
    "；",
    "、",
    "：",
    "。",
    "！",
    "？",
    "\n",
    "…",
    " ",
    "\t",
    "　",
    " ",
    "“",
    "”",
    "‘",
    "’",
    "「",
    "」",
    "（",
    "）",
    "(",
    ")",
    "\"",
    "《",
    "》",
    "a",
    "7",
    "é",
    "😀",
    "\x80",
    "\xFF",
    "\xE5",
    "\xE5\xA6",
    "\xE4\xB7\xBF",
    "\xED\xA0\x80",
};
#define NPIECES (sizeof pieces / sizeof *pieces)

static size_t random_text(char *buf, size_t cap, size_t pieces_max)
{
    size_t n = 0, len = test_rand() % (pieces_max + 1);
    for (size_t t = 0; t < len; t++) {
        const char *p = pieces[test_rand() % NPIECES];
        size_t k = strlen(p);
        if (n + k > cap)
            break;
        memcpy(buf + n, p, k);
        n += k;
    }
    return n;
}

/* ---- the comparisons -------------------------------------------------------------------- */

/* simile_at against the word list at every trigger of the text (where find_metaphors asks),
   the text cut at every length. */
static void check_simile(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t k;
        uint32_t c = el_text_cp(s, n, i, &k);
        if (!metaphor_trigger(c))
            continue;
        assert_int_equal(k, 3);
        assert_int_equal(simile_at(s, n, i, c), ref_simile_at(s, n, i));
    }
}

static void test_simile_known(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "如同", "犹如",       "宛如",
        "好比", "恰似",       "宛若",
        "仿佛", "好似",       "恰如",
        "有如", "如若",       "好如",
        "有同", "宛比",       "恰佛",
        "仿如", "插上",       "像如",
        "如",   "如\xE5\x90", "有如如同好似恰如宛若仿佛犹如好比恰似宛如",
    };
    for (size_t t = 0; t < sizeof texts / sizeof *texts; t++) {
        size_t n = strlen(texts[t]);
        for (size_t m = 0; m <= n; m++)
            check_simile(texts[t], m);
    }
}

static void test_simile_random(void **state)
{
    (void)state;
    char buf[512];
    for (int round = 0; round < 20000; round++) {
        size_t n = random_text(buf, sizeof buf, 40);
        check_simile(buf, n);
    }
}

/* simile_at for every pair of a trigger and a BMP character after it. */
static void test_simile_all_pairs(void **state)
{
    (void)state;
    static const char triggers[] = "插像如犹宛好恰仿有";
    for (const char *t = triggers; *t; t += 3) {
        char buf[6];
        memcpy(buf, t, 3);
        for (uint32_t d = 0x800; d <= 0xFFFF; d++) {
            if (d >= 0xD800 && d <= 0xDFFF)
                continue;
            buf[3] = (char)(0xE0 | d >> 12);
            buf[4] = (char)(0x80 | (d >> 6 & 0x3F));
            buf[5] = (char)(0x80 | (d & 0x3F));
            size_t k;
            uint32_t c = el_text_cp(buf, 6, 0, &k);
            assert_int_equal(simile_at(buf, 6, 0, c), ref_simile_at(buf, 6, 0));
        }
    }
}

static void check_title(const char *s, size_t n)
{
    /* every start and end, as strip_label may leave any range */
    for (size_t a = 0; a <= n; a++)
        for (size_t z = a; z <= n; z += 1 + (n > 60) * 2) {
            size_t l1[4] = {0}, l2[4] = {0};
            el_span t = {a, z - a};
            size_t n1 = title_shape(s, t, l1), n2 = ref_title_shape(s, t, l2);
            assert_int_equal(n1, n2);
            assert_memory_equal(l1, l2, n1 * sizeof *l1);
        }
}

static void test_title_shape(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "",
        "以人民为中心",
        "坚持党建引领，激活基层治理“主心骨”",
        "一，二，三，四，五，六",
        "  “数字赋能”：让服务更有温度 ",
        "科技是支撑；人才是根本。群众是基础！\n",
        "㐀〇𠀀，é😀（一）",
    };
    for (size_t t = 0; t < sizeof texts / sizeof *texts; t++)
        check_title(texts[t], strlen(texts[t]));
    char buf[512];
    for (int round = 0; round < 3000; round++) {
        size_t n = random_text(buf, sizeof buf, 30);
        check_title(buf, n);
    }
}

/* The category bits collect_hit gathers against a walk of the hits it kept. */
static void test_hit_cats(void **state)
{
    (void)state;
    for (int round = 0; round < 2000; round++) {
        struct dstate st = {0};
        unsigned want = 0;
        for (unsigned m = test_rand() % 6; m > 0; m--) {
            el_lex_hit h = {0};
            h.cat = (enum el_lex_cat)(test_rand() % EL_LEX_NCATS);
            collect_hit(&st, &h);
        }
        for (size_t i = 0; i < st.hits.n; i++)
            want |= EL_LEX_CAT_BIT(st.hits.v[i].cat);
        assert_int_equal(st.cats, want);
        /* figure_possible on a block without quotation marks: a lexicon figure or nothing */
        bool fig = false;
        for (size_t i = 0; i < st.hits.n; i++)
            fig |= st.hits.v[i].cat == EL_LEX_METAPHOR;
        assert_int_equal(figure_possible(&st, ""), fig);
        free(st.hits.v);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_simile_known),     cmocka_unit_test(test_simile_random),
        cmocka_unit_test(test_simile_all_pairs), cmocka_unit_test(test_title_shape),
        cmocka_unit_test(test_hit_cats),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
