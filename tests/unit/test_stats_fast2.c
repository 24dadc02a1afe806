/* SPDX-License-Identifier: MIT */
/*
 * The statistics scanner's second round of shortcuts against what they replace: per_or_half,
 * which asks parse_per and parse_half only at the characters that can open 百分之 千分之 万分之
 * 一半 半…, against both asked everywhere, at every offset of random text (value, kind, unit
 * and end alike); and the 个 flag of the unit table (U_GE) against the string comparison it
 * replaced. (The classical clause look-up, now the quote extractor's index, is checked in
 * test_stats_fast.c against the whole lexicon.)
 * This file includes stats.c to reach its static functions.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats.c"
#include "testrand.h"

/* parse_per || parse_half as try_at asked them before: everywhere. */
static bool ref_per_or_half(const scan_t *t, size_t j, bool qualified, el_stat *st, size_t *end)
{
    return parse_per(t, j, st, end) || parse_half(t, j, qualified, st, end);
}

static void test_per_or_half(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "百分之", "千分之", "万分之", "百分", "分之", "一半", "半",   "半数", "半年", "半个月",
        "小时",   "以上",   "左右",   "六十", "三",   "五",   "点五", "十",   "百",   "千",
        "万",     "一",     "二",     "两",   "零",   "〇",   "12",   "3.5",  " ",    "　",
        "国",     "的",     "，",     "。",   "“",    "”",    "\xE7", "\x99", "\xBE", "a",
    };
    test_seed(0x9E4C);
    char buf[256];
    for (int round = 0; round < 6000; round++) {
        size_t n = 0;
        for (size_t k = test_below(12); k > 0; k--) {
            const char *p = pieces[test_below(sizeof pieces / sizeof pieces[0])];
            size_t l = strlen(p);
            if (n + l > sizeof buf)
                break;
            memcpy(buf + n, p, l);
            n += l;
        }
        scan_t t = {buf, n};
        for (size_t j = 0; j < n; j++)
            for (int qualified = 0; qualified < 2; qualified++) {
                size_t l, e1 = 0, e2 = 0;
                uint32_t c = el_text_cp(buf, n, j, &l);
                el_stat a, b;
                memset(&a, 0, sizeof a);
                memset(&b, 0, sizeof b);
                bool got = per_or_half(&t, j, c, qualified, &a, &e1);
                bool want = ref_per_or_half(&t, j, qualified, &b, &e2);
                assert_int_equal(got, want);
                if (got) {
                    assert_int_equal(e1, e2);
                    assert_true(a.value == b.value);
                    assert_int_equal(a.kind, b.kind);
                    assert_int_equal(a.unit_off, b.unit_off);
                    assert_int_equal(a.unit_len, b.unit_len);
                }
            }
    }
}

/* U_GE marks exactly the units spelled 个. */
static void test_ge_flag(void **state)
{
    (void)state;
    size_t n = 0;
    for (size_t k = 0; k < COUNT_OF(units); k++) {
        assert_int_equal((units[k].flags & U_GE) != 0, strcmp(units[k].w, "个") == 0);
        n += (units[k].flags & U_GE) != 0;
    }
    assert_int_equal(n, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_per_or_half),
        cmocka_unit_test(test_ge_flag),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
