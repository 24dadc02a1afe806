/* SPDX-License-Identifier: MIT */
/*
 * The tables quotes.c once built at the first quotation of a process, now constants the
 * compiler computes from its X-macro word lists (and open3, generated with the classical index:
 * test_qindex): each is held equal to what the old run-time code built, recomputed here from
 * the lists, and the lists themselves to the words they held before they became X-macros.
 * This file includes quotes.c to reach its static tables.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "quotes.c"

/* The words of l, in order, are those of want (NULL-ended). */
static void same_words(const struct word *l, const char *const *want)
{
    size_t i = 0;
    for (; want[i]; i++) {
        assert_non_null(l[i].s);
        assert_string_equal(l[i].s, want[i]);
        assert_int_equal(l[i].n, strlen(want[i]));
    }
    assert_null(l[i].s);
    assert_int_equal(l[i].n, 0);
}

/* The mask of the last bytes (mod 64) of the words of l, as the run-time code made it. */
static uint64_t last_mask(const struct word *l)
{
    uint64_t m = 0;
    for (const struct word *w = l; w->s; w++)
        m |= (uint64_t)1 << ((unsigned char)w->s[w->n - 1] & 63);
    return m;
}

/* Every list holds the words it held before, and its mask is the run-time code's. */
static void test_wordlists(void **state)
{
    (void)state;
    static const char *const classical[] = {"古人云", "古语云", "古语有云", "古语道", "古人说",
                                            "古人讲", "古人曰", "先贤云",   "古训云", "诗云",
                                            "子曰",   "古语讲", "古人有云", NULL};
    static const char *const saying[] = {"俗话说", "常言道", "俗语说", "有人说", "人们常说",
                                         "正所谓", "常言说", "老话说", NULL};
    static const char *const shortv[] = {"说", "道", "云", "曰", "讲", "问", "言", NULL};
    static const char *const doc[] = {
        "决定", "意见", "规划", "纲要",   "报告", "条例", "法",   "通知", "方案", "建议", "办法",
        "规定", "决议", "公报", "白皮书", "计划", "纲领", "章程", "准则", "宪法", "讲话", "纪要",
        "文件", "法典", "指南", "行动",   "要点", "细则", "措施", "摘编", NULL};
    static const char *const weak[] = {"规定", "称", NULL};
    static const char *const archaic[] = {"云", "曰", "有云", "有言", NULL};
    static const char *const tails[] = {"曾经", "曾", "也", "常", "就", "所", "还", "都", NULL};
    static const char *const modal[] = {"要", "必须", "应当", "应该", "务必", "就要", "更要", NULL};
    const struct {
        const struct wordlist *l;
        const char *const *want;
    } all[] = {{&wl_classical, classical}, {&wl_saying, saying},
               {&wl_short, shortv},        {&wl_doc, doc},
               {&wl_weak, weak},           {&wl_archaic, archaic},
               {&wl_tails, tails},         {&wl_modal, modal}};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        same_words(all[i].l->w, all[i].want);
        assert_true(all[i].l->last == last_mask(all[i].l->w));
        assert_true(all[i].l->last != 0);
    }
    static const char *const bare[] = {"古人云",   "古语有云", "古语云", "正所谓",
                                       "俗话说",   "常言道",   "古人说", "古语道",
                                       "古人有云", "诗云",     "子曰",   NULL};
    same_words(bare_leads, bare);
    static const char *const mid[] = {"古人讲", "古人曰", "古语讲", "古训云", "先贤云",
                                      "俗语说", "常言说", "老话说", NULL};
    same_words(mid_leads, mid);
}

/* look_leads, lead_first and lead_hash are what the run-time code built from bare_leads and
   look_marks, row by row. */
static void test_lead_tables(void **state)
{
    (void)state;
    uint64_t look[256], hash = 0;
    uint32_t first[sizeof bare_leads / sizeof bare_leads[0]] = {0};
    memcpy(look, look_marks, sizeof look);
    for (size_t i = 0; bare_leads[i].s; i++) {
        const unsigned char *c = (const unsigned char *)bare_leads[i].s;
        look[c[1]] |= (uint64_t)1 << (c[2] & 63);
        first[i] = (uint32_t)c[0] << 16 | (uint32_t)c[1] << 8 | c[2];
        hash |= (uint64_t)1 << ((c[0] + c[1] + c[2]) & 63);
    }
    look[0xBC] |= (uint64_t)1 << 0x0C | (uint64_t)1 << 0x1B | (uint64_t)1 << 0x1A |
                  (uint64_t)1 << 0x01 | (uint64_t)1 << 0x1F;
    for (size_t r = 0; r < 256; r++)
        assert_true(look_leads[r] == look[r]);
    for (size_t i = 0; i < sizeof first / sizeof first[0]; i++)
        assert_int_equal(lead_first[i], first[i]);
    assert_true(lead_hash == hash);
    /* the marks: “ ” 「 」 『 』, and nothing outside row 0x80 */
    const char *marks[] = {"“", "”", "「", "」", "『", "』"};
    for (size_t m = 0; m < sizeof marks / sizeof marks[0]; m++) {
        assert_true(marked(look_marks, (const unsigned char *)marks[m]));
        assert_true(marked(look_leads, (const unsigned char *)marks[m]));
    }
    for (size_t r = 0; r < 256; r++)
        if (r != 0x80)
            assert_true(look_marks[r] == 0);
    /* the clause marks and the first character of every bare lead in look_leads */
    const char *clause[] = {"，", "；", "：", "！", "？"};
    for (size_t m = 0; m < sizeof clause / sizeof clause[0]; m++)
        assert_true(marked(look_leads, (const unsigned char *)clause[m]));
    for (size_t i = 0; bare_leads[i].s; i++)
        assert_true(marked(look_leads, (const unsigned char *)bare_leads[i].s));
}

/* Set the bit of the nine bytes at u in t. */
static void bit_add(uint64_t *t, const unsigned char *u)
{
    size_t x = open3_bit(u);
    t[x / 64] |= (uint64_t)1 << (x % 64);
}

/* The generated open3 is what the run-time code built from the index's clauses and mid_leads,
   bit for bit, and open3_has reads it. */
static void test_open3_generated(void **state)
{
    (void)state;
    static uint64_t t[((size_t)1 << OPEN3_BITS) / 64];
    for (size_t i = 0; ci->cl0 && i < el_lex_nclassical(); i++) {
        const el_classical *c = el_lex_classical(i);
        if (c->speaker)
            continue;
        size_t kn = strlen(c->key);
        for (uint32_t x = ci->cl0[i]; x < ci->cl0[i + 1]; x++) {
            if (kn - ci->cl[x].ks >= 9)
                bit_add(t, (const unsigned char *)c->key + ci->cl[x].ks);
            if (ci->cl[x].ms != ci->cl[x].ks && kn - ci->cl[x].ms >= 9)
                bit_add(t, (const unsigned char *)c->key + ci->cl[x].ms);
        }
    }
    for (const struct word *w = mid_leads; w->s; w++)
        bit_add(t, (const unsigned char *)w->s);
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        assert_true(ci->open3[i] == t[i]);
    for (const struct word *w = mid_leads; w->s; w++)
        assert_true(open3_has((const unsigned char *)w->s));
    assert_ptr_equal(ci->open3, el_qindex.open3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wordlists),
        cmocka_unit_test(test_lead_tables),
        cmocka_unit_test(test_open3_generated),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
