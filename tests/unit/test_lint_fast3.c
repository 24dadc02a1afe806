/* SPDX-License-Identifier: MIT */
/*
 * Differential tests for the third round of lint.c fast paths, each against the plain version
 * it replaced: the last bytes of skip_letters a letter at a time rather than a byte, the
 * lead-byte test of the Han pair scan from one load (four_leads), the digit
 * search sixteen bytes a turn (next_digit), the repeated-case rule's test for a repeated name
 * before its sort (names_repeat) and the speaker nouns with their lengths (speaker_noun).
 * lint.c is included for its static functions; inputs are random, from a fixed seed.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "lint.c"

#include "testbuf.h"
#include "testrand.h"

/* ---- skip_letters ---- */

static size_t plain_skip_letters(const char *s, size_t n, size_t i)
{
    for (; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c & 0xC0) != 0x80 && (c < 0xE4 || c > 0xEE))
            break;
    }
    return i;
}

/* Valid UTF-8 (as plain is), from every offset: character boundaries and inside letters. */
static void test_skip_letters(void **state)
{
    (void)state;
    test_seed(307);
    static const char *const pieces[] = {"甲", "乙", "丙", "鿿", "一",          "，",
                                         "。", "“",  "…",  "a",   " ",           "\n",
                                         "é",  "𠀀", "㐀", "가",  "\xEF\xBC\x81"};
    for (int iter = 0; iter < 20000; iter++) {
        buf t = {0};
        put(&t, "");
        for (uint32_t k = test_below(iter % 2 ? 8 : 40); k > 0; k--)
            put(&t, test_below(3) ? pieces[test_below(4)] : pieces[test_below(17)]);
        for (size_t i = 0; i <= t.n; i++)
            assert_int_equal(skip_letters(t.v, t.n, i), plain_skip_letters(t.v, t.n, i));
        free(t.v);
    }
}

/* ---- four_leads ---- */

static void test_four_leads(void **state)
{
    (void)state;
    test_seed(311);
    static const unsigned char bytes[] = {0xE0, 0xE4, 0xE9, 0xEF, 0xF0, 0xDF, 0x80,
                                          0xBF, 0x41, 0x00, 0xFF, 0xC2, 0xE3, 0xEE};
    unsigned char u[32];
    for (int iter = 0; iter < 200000; iter++) {
        for (size_t i = 0; i < sizeof u; i++)
            u[i] = bytes[test_below(sizeof bytes)];
        if (test_below(2)) /* mostly leads where the test looks */
            for (size_t i = 0; i < 12; i += 3)
                if (test_below(8))
                    u[i] = (unsigned char)(0xE0 + test_below(16));
        size_t left = 12 + test_below(8);
        bool want = u[0] >= 0xE0 && u[0] <= 0xEF && u[3] >= 0xE0 && u[3] <= 0xEF && u[6] >= 0xE0 &&
                    u[6] <= 0xEF && u[9] >= 0xE0 && u[9] <= 0xEF;
        assert_int_equal(four_leads(u, left), want);
    }
}

/* ---- next_digit ---- */

static size_t plain_next_digit(const char *s, size_t n, size_t i)
{
    while (i < n && !(s[i] >= '0' && s[i] <= '9'))
        i++;
    return i;
}

static void test_next_digit(void **state)
{
    (void)state;
    test_seed(313);
    static const char *const pieces[] = {"甲", "，", "。", "a",    "/",        ":",  "0", "9",
                                         "5",  "%",  "．", "\x7F", "\xC2\xB9", "𠀀", " ", "\n"};
    for (int iter = 0; iter < 20000; iter++) {
        buf t = {0};
        put(&t, "");
        for (uint32_t k = test_below(iter % 2 ? 20 : 120); k > 0; k--)
            put(&t, test_below(3) ? pieces[test_below(2)] : pieces[test_below(16)]);
        for (size_t i = 0; i <= t.n; i++)
            assert_int_equal(next_digit(t.v, t.n, i), plain_next_digit(t.v, t.n, i));
        /* every byte value, one at a time, in each of sixteen places */
        if (iter < 256) {
            char b[40];
            memset(b, 'x', sizeof b);
            for (size_t at = 0; at < 16; at++) {
                b[at + 3] = (char)iter;
                assert_int_equal(next_digit(b, sizeof b, 0), plain_next_digit(b, sizeof b, 0));
                assert_int_equal(next_digit(b, sizeof b, 2), plain_next_digit(b, sizeof b, 2));
                b[at + 3] = 'x';
            }
        }
        free(t.v);
    }
}

/* ---- names_repeat ---- */

static void test_names_repeat(void **state)
{
    (void)state;
    test_seed(317);
    /* names that share lengths and endings, so that the hash has collisions to resolve */
    static const char *const names[] = {"城市书房", "城市书屋",   "乡村书房", "书房",    "房",
                                        "一网通办", "最多跑一次", "河长制",   "林长制",  "a",
                                        "ab",       "b",          "12345678", "02345678"};
    for (int iter = 0; iter < 5000; iter++) {
        el_doc doc;
        memset(&doc, 0, sizeof doc);
        size_t n = test_below(iter % 10 ? 8 : 60);
        size_t *idx = xmalloc((n + 1) * sizeof *idx);
        for (size_t i = 0; i < n; i++) {
            const char *nm = names[test_below(sizeof names / sizeof names[0])];
            el_case *c = EL_VEC_PUSH(doc.cases);
            memset(c, 0, sizeof *c);
            c->name = (el_span){doc.plain.n, strlen(nm)};
            for (const char *p = nm; *p; p++)
                *EL_VEC_PUSH(doc.plain) = *p;
            *EL_VEC_PUSH(doc.plain) = '/';
            idx[i] = i;
        }
        for (size_t i = n; i > 1; i--) { /* any order of the cases */
            size_t j = test_below((uint32_t)i), t = idx[i - 1];
            idx[i - 1] = idx[j];
            idx[j] = t;
        }
        bool want = false;
        for (size_t i = 0; i < n && !want; i++)
            for (size_t j = i + 1; j < n && !want; j++)
                want = same_name(&doc, &doc.cases.v[idx[i]], &doc.cases.v[idx[j]]);
        assert_int_equal(names_repeat(&doc, idx, n), want);
        free(idx);
        free(doc.cases.v);
        free(doc.plain.v);
    }
}

/* ---- speaker_noun ---- */

static size_t plain_speaker_noun(const char *s, size_t n)
{
    static const char *const nouns[] = {
        "书记", "主席",   "总理", "领导", "同志", "专家", "学者", "人士",   "代表", "部门", "政府",
        "中央", "国务院", "报告", "会议", "文件", "讲话", "决定", "意见",   "纲要", "规划", "指示",
        "古人", "先贤",   "有人", "人们", "他",   "她",   "》",   "负责人", "干部", "支书", "主任",
        "局长", "村长",   "市长", "县长", "省长", "部长", "馆长", "校长",   "院长", "社长", "镇长",
        "乡长", "区长",   "厅长", "处长", "科长", "队长", "组长"};
    for (size_t i = 0; i < sizeof nouns / sizeof nouns[0]; i++) {
        size_t len = strlen(nouns[i]);
        if (len <= n && memcmp(s, nouns[i], len) == 0)
            return len;
    }
    return 0;
}

static void test_speaker_noun(void **state)
{
    (void)state;
    test_seed(331);
    static const char *const pieces[] = {"书", "记", "国", "务", "院", "他", "她", "》", "负",
                                         "责", "人", "长", "村", "市", "有", "a",  "，"};
    for (int iter = 0; iter < 50000; iter++) {
        buf t = {0};
        put(&t, "");
        for (uint32_t k = test_below(5); k > 0; k--)
            put(&t, pieces[test_below(sizeof pieces / sizeof pieces[0])]);
        size_t n = t.n - test_below(t.n < 3 ? (uint32_t)t.n + 1 : 3); /* cut short too */
        assert_int_equal(speaker_noun(t.v, n), plain_speaker_noun(t.v, n));
        free(t.v);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_skip_letters), cmocka_unit_test(test_four_leads),
        cmocka_unit_test(test_next_digit),   cmocka_unit_test(test_names_repeat),
        cmocka_unit_test(test_speaker_noun),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
