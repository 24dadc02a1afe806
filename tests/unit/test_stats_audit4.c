/* SPDX-License-Identifier: MIT */
/*
 * The statistics errors of the sixth audit's second round, on drafts the project did not
 * write, each with the texts that must and must not give a statistic. 不超过30分钟 gave
 * 超过30分钟 with qualifier 超过, the opposite of what it says: it is now one statistic with
 * qualifier 不超过, as are the other bounds 不少于 不低于 不高于 不多于 不超出, and 最高 最低 最多
 * 最少 right before a number (最高50万元); 不超5% (no 过) loses its 超 rather than reading
 * "over". 最高人民法院, 最高的3个城市 and 最多可达 are no bounds. 款 counting models or products
 * (200余款应用, 两款新品) was no unit; it is now, as 对 is, but not for a model year (2023款),
 * an ordinal (第3款) nor 款项 款式. The scan stops at neither 不 nor 最 and looks back from the
 * number instead: it must find what a scan stopping at them too finds.
 * This file includes stats.c to reach try_one for that reference scan.
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

#include "analyze.h"
#include "doc.h"
#include "essaylint.h"

#include "teststatdoc.h"
#include "teststatones.h"
#include "teststatscan.h"

/* ---- Statistics of a paragraph ------------------------------------------------------------- */

/* ---- Bounds ---------------------------------------------------------------------------------- */

/* The audit's sentences (R02, R13): an upper bound read as its opposite, a ceiling dropped. */
static void test_audit_sentences(void **state)
{
    (void)state;
    expect_stats("平均响应时间不超过30分钟。", "不超过30分钟|30|不超过\n");
    expect_stats("对新建食堂给予最高50万元的一次性补贴，管理率提高了约15个百分点。",
                 "最高50万元|500000|最高\n约15个百分点|15|约\n");
}

/* The bounds of three characters after 不, whatever the number and unit; 不足 不到 as before. */
static void test_bu_bounds(void **state)
{
    (void)state;
    expect_stats("服务人数不少于300人，占比不低于60%。",
                 "不少于300人|300|不少于\n不低于60%|60|不低于\n");
    expect_stats("价格不高于5000元，每组不多于50人。",
                 "不高于5000元|5000|不高于\n不多于50人|50|不多于\n");
    expect_stats("办理时间不超出30分钟，覆盖率不少于三成。",
                 "不超出30分钟|30|不超出\n不少于三成|30|不少于\n");
    expect_stats("赞成者不超过半数，反对者不低于一半。",
                 "不超过半数|50|不超过\n不低于一半|50|不低于\n");
    expect_stats("等待时间不超过 30 分钟。", "不超过 30 分钟|30|不超过\n");
    expect_stats("平均不到30分钟，不足三成。", "不到30分钟|30|不到\n不足三成|30|不足\n");
}

/* Near misses: 超过 alone stays 超过; 不超 without 过 loses its 超 (not "over"); 少于 alone is
   no bound of the table; a bound with words between it and the number is none. */
static void test_bu_near_misses(void **state)
{
    (void)state;
    expect_stats("平均响应时间超过30分钟。", "超过30分钟|30|超过\n");
    expect_stats("负债率不超5%的企业。", "5%|5|-\n");
    expect_stats("人数少于300人。", "300人|300|-\n");
    expect_stats("数量不少于往年的300人。", "300人|300|-\n");
    expect_stats("不超过一般水平，发放3亿元。", "3亿元|3e+08|-\n");
}

/* 最高 最低 最多 最少 right before a number; 最高人民法院, 最高点, 最高的3个, 最多可达 are none. */
static void test_zui_bounds(void **state)
{
    (void)state;
    expect_stats("最低3000元，最多3天办结，最少5人。",
                 "最低3000元|3000|最低\n最多3天|3|最多\n最少5人|5|最少\n");
    expect_stats("补贴最高 50万元。", "最高 50万元|500000|最高\n");
    expect_stats("最高人民法院发布指导意见，股价创最高点。", "");
    expect_stats("最高人民法院3名法官出席。", "3名|3|-\n");
    expect_stats("增幅最高的3个城市。", "3个|3|-\n");
    expect_stats("补贴最多可达5000元。", "5000元|5000|-\n");
    expect_stats("最近3年新增就业岗位1.2万个。", "3年|3|-\n1.2万个|12000|-\n");
}

/* ---- 款 ----------------------------------------------------------------------------------------
 */

/* The audit's sentence (R04), and 款 after other numbers. */
static void test_models(void **state)
{
    (void)state;
    expect_stats("累计改造应用200余款。", "200余款|200|余\n");
    expect_stats("推出两款新品、三款车型，共200多款产品。", "两款|2|-\n三款|3|-\n200多款|200|多\n");
}

/* Near misses: a model year, an ordinal, 款项 款式, 一款 (as 一个), and 款 words before a
   number (贷款 存款), which keep their figures. */
static void test_model_near_misses(void **state)
{
    (void)state;
    expect_stats("2023款车型上市。", "");
    expect_stats("依据第3款规定，对照第三款。", "");
    expect_stats("3款项目，5款式样。", "");
    expect_stats("一款产品。", "");
    expect_stats("发放贷款3亿元，存款3000元。", "3亿元|3e+08|-\n3000元|3000|-\n");
    expect_stats("拨付300万款项。", "300万|3e+06|-\n");
}

/* ---- The scan against one that stops at 不 and 最 (teststatscan.h) -----------------------------
 */

/* What may come before, a bound or its near misses, spaces or none, a number, what may follow:
   whole and cut at every byte. */
static void test_scan_agrees(void **state)
{
    (void)state;
    static const char *const befores[] = {"", "第", "人数", "3人", "不", "最"};
    static const char *const bounds[] = {"不超过", "不超",   "超过", "不少于", "不低于", "不高于",
                                         "不多于", "不超出", "少于", "最高",   "最多",   "最少",
                                         "最低",   "最近",   "不足", "不到",   "高于",   ""};
    static const char *const gaps[] = {"", " ", "   ", "    ", "\xE3\x80\x80"};
    static const char *const nums[] = {"3", "30", "2023", "三", "一", "百", "数十", "半", "翻"};
    static const char *const afters[] = {"", "人", "%", "成", "款", "万元", "数", "番", "至5年"};
    char text[128];
    for (size_t b = 0; b < N(befores); b++)
        for (size_t q = 0; q < N(bounds); q++)
            for (size_t g = 0; g < N(gaps); g++)
                for (size_t k = 0; k < N(nums); k++)
                    for (size_t a = 0; a < N(afters); a++) {
                        int tl = snprintf(text, sizeof text, "%s%s%s%s%s", befores[b], bounds[q],
                                          gaps[g], nums[k], afters[a]);
                        assert_true(tl > 0 && (size_t)tl < sizeof text);
                        for (size_t cut = 0; cut <= (size_t)tl; cut++)
                            check_same(text, cut);
                    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_audit_sentences), cmocka_unit_test(test_bu_bounds),
        cmocka_unit_test(test_bu_near_misses),  cmocka_unit_test(test_zui_bounds),
        cmocka_unit_test(test_models),          cmocka_unit_test(test_model_near_misses),
        cmocka_unit_test(test_scan_agrees),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
