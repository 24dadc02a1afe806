/* SPDX-License-Identifier: MIT */
/*
 * The statistics errors of the fourth audit, each with the texts that must and must not give
 * a statistic: figures cut by a hard wrap (T1: 60|00万人, 1|.8万名, 9|8%, read whole at their
 * first digit, in plain text and in Markdown); structural counts (T5: 三个方面, 三条路径);
 * units (T4: 场次, 3 个小时 → 小时, 15 个百分点 → 百分点 of kind other, 4月23日 a date);
 * measure words added to the table (T2: 宗 口 班次 度 枚 门 …, and the wording they must not
 * catch: 两度, 三口之家); approximate and fractional forms (T3: 一半, 1/3, 两三千, 十几个,
 * 数十万, 数百家, and 一半是…, 十几岁, 数十年如一日, 人数 before a figure).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "doc.h"
#include "essaylint.h"
#include "stats.h"
#include "util.h"

#include "teststatones.h"

/* T5: a count of the essay's own points is no statistic; the same words with things stay. */
static void test_structural_counts(void **state)
{
    static const char *const nones[] = {
        "从责任、科技、文化三个方面入手",
        "可以从三个层面理解",
        "探索三条路径",
        "把握好两个维度",
        "从几个方面着手",
        "抓住三个关键，落实三项举措",
        "从以下三个角度分析，分为三个部分",
    };
    static const struct one ones[] = {
        {"全县建成三个服务中心", "三个", 3, C, NULL, "个"},
        {"新修道路三条", "三条", 3, C, NULL, "条"},
        {"覆盖 12 个方面的事项", "12 个", 12, C, NULL, "个"},
        {"涉及近十个方面", "近十个", 10, C, "近", "个"},
    };
    (void)state;
    run_nones(nones, N(nones));
    run_ones(ones, N(ones));
}

/* T4: 场次 is one unit; 个小时 and 个百分点 report the unit after 个; percentage points are
   no percentage; a month and day is a date. */
static void test_units(void **state)
{
    static const struct one ones[] = {
        {"开展宣传1.5万场次。", "1.5万场次", 15000, C, NULL, "场次"},
        {"举办活动 300 场，", "300 场", 300, C, NULL, "场"},
        {"用了3个小时，", "3个小时", 3, D, NULL, "小时"},
        {"排队两个多小时", "两个多小时", 2, D, "多", "小时"},
        {"下降15个百分点", "15个百分点", 15, O, NULL, "百分点"},
        {"提高 2 百分点", "2 百分点", 2, O, NULL, "百分点"},
        {"满意度为 96%", "96%", 96, P, NULL, "%"},
        {"15 个工作日内办结", "15 个工作日", 15, D, NULL, "工作日"},
        {"历时三个月", "三个月", 3, D, NULL, "个月"},
        {"每年4月23日举办", "4月23日", 4, T, NULL, "月"},
    };
    (void)state;
    run_ones(ones, N(ones));
}

/* T2: the measure words added to the table, and the wording they must not catch. */
static void test_measure_words(void **state)
{
    static const struct one ones[] = {
        {"累计完成交易120余宗，", "120余宗", 120, C, "余", "宗"},
        {"网箱达到两千余口", "两千余口", 2000, C, "余", "口"},
        {"每天开行200余班次", "200余班次", 200, C, "余", "班次"},
        {"节约用电120余度", "120余度", 120, O, "余", "度"},
        {"创作壁画 36 幅", "36 幅", 36, C, NULL, "幅"},
        {"发射卫星 5 颗", "5 颗", 5, C, NULL, "颗"},
        {"获得奖牌12枚", "12枚", 12, C, NULL, "枚"},
        {"开设30余门课程", "30余门", 30, C, "余", "门"},
        {"办理贷款1.2万笔", "1.2万笔", 12000, C, NULL, "笔"},
        {"连续举办十届", "十届", 10, C, NULL, "届"},
        {"外卖日均 8 万单", "8 万单", 80000, C, NULL, "单"},
        {"培训 40 学时", "40 学时", 40, D, NULL, "学时"},
        {"出动车辆 300 余辆次", "300 余辆次", 300, C, "余", "辆次"},
        {"打井 12 口", "12 口", 12, C, NULL, "口"},
    };
    static const char *const nones[] = {
        "他两度获得表彰", "一个三口之家", "收费分为三档", "开设两门课", "列出三单", "一度陷入困境",
    };
    (void)state;
    run_ones(ones, N(ones));
    run_nones(nones, N(nones));
}

/* T3: halves, fractions and the approximate forms, with the wording that must stay out. */
static void test_approximate(void **state)
{
    static const struct one ones[] = {
        {"销售额占比超过全天的一半。", "一半", 50, P, NULL, NULL},
        {"外来人口约占一半，", "一半", 50, P, NULL, NULL},
        {"超过一半的村", "超过一半", 50, P, "超过", NULL},
        {"近1/3的家庭", "近1/3", 100.0 / 3, P, "近", NULL},
        {"2/3以上的企业", "2/3以上", 200.0 / 3, P, "以上", NULL},
        {"吸引两三千人参加", "两三千人", 2500, C, "约", "人"},
        {"三四百万元", "三四百万元", 3500000, EL_STAT_MONEY, "约", "元"},
        {"覆盖十几个村", "十几个", 10, C, "几", "个"},
        {"二十几万人", "二十几万人", 200000, C, "几", "人"},
        {"惠及数十万人", "数十万人", 100000, C, "数", "人"},
        {"数百家企业入驻", "数百家", 100, C, "数", "家"},
        {"几千名志愿者", "几千名", 1000, C, "几", "名"},
        {"投入数十亿元", "数十亿元", 1e9, EL_STAT_MONEY, "数", "元"},
    };
    static const char *const nones[] = {
        "一半是海水，一半是火焰",
        "一半时间在路上",
        "他数十年如一日坚守岗位",
        "几千年的文明",
        "十几岁的孩子",
        "排队动辄两三个小时，三五个人，七八十户",
        "参与人数十万人次", /* 人数: a noun before the figure, as before */
        "数万之众",
        "2023/5/1，24/7，a/1/3，3/2",
        "版本 1/3/5",
    };
    (void)state;
    run_ones(ones, N(ones));
    run_nones(nones, N(nones));
}

/* ---- Hard-wrapped documents (T1) ---------------------------------------------------------- */

/* body cut every width code points into lines, after a title and a blank line; for
   Markdown, a '#' title. */
static char *wrap(const char *title, const char *body, size_t width, bool md)
{
    size_t n = strlen(body), cap = n * 2 + strlen(title) + 16, o = 0, k = 0;
    char *out = xmalloc(cap);
    o += (size_t)snprintf(out, cap, "%s%s\n\n", md ? "# " : "", title);
    for (size_t i = 0; i < n;) {
        size_t l = 1;
        while (i + l < n && ((unsigned char)body[i + l] & 0xC0) == 0x80)
            l++;
        memcpy(out + o, body + i, l);
        o += l, i += l;
        if (++k % width == 0 && i < n)
            out[o++] = '\n';
    }
    out[o++] = '\n';
    out[o] = '\0';
    return out;
}

static const char wrap_body[] =
    "近年来，某市持续推进老旧小区改造，累计改造小区达到1200个，惠及居民约6000万人左右"
    "的群众反映良好。全市新增停车位1.8万个，加装电梯98%完成，覆盖率提升明显，投入资金逾12万元"
    "用于绿化提升。社区食堂每天服务老人3000余人次，满意度达到95%以上，群众获得感显著增强，"
    "社区治理水平不断提高，为城市更新提供了可复制的经验做法，值得各地认真学习借鉴和推广运用。";

/* The statistic of doc whose value is v, or NULL. */
static const el_stat_item *stat_valued(const el_doc *doc, double v)
{
    for (size_t i = 0; i < doc->stats.n; i++)
        if (doc->stats.v[i].value == v)
            return &doc->stats.v[i];
    return NULL;
}

/* True if s starts with w once its line breaks are left out. */
static bool starts_unwrapped(const char *s, const char *w)
{
    for (; *w; s++) {
        if (*s == '\n')
            continue;
        if (*s != *w++)
            return false;
    }
    return true;
}

/* Every figure of wrap_body is found whole, at its first digit, whatever the width cuts, and
   no value is a tail of one (0, 8, 80000, 2 万 …). */
static void check_wrapped(size_t width, bool md)
{
    static const double want[] = {1200, 60000000, 18000, 98, 120000, 3000, 95};
    static const char *const first[] = {"1200", "约6000", "1.8", "98", "逾12", "3000", "95"};
    char *text = wrap("以城市更新提升群众幸福感", wrap_body, width, md);
    el_doc *doc = el_parse(md ? "w.md" : "w.txt", text, strlen(text), NULL);
    assert_true(el_doc_ok(doc));
    el_extract_stats(doc);
    if (doc->stats.n != N(want))
        fail_msg("width %zu%s: %zu statistics, want %zu", width, md ? " (md)" : "", doc->stats.n,
                 N(want));
    for (size_t k = 0; k < N(want); k++) {
        const el_stat_item *st = stat_valued(doc, want[k]);
        if (!st)
            fail_msg("width %zu%s: no statistic of value %.0f", width, md ? " (md)" : "", want[k]);
        /* it starts where the figure starts in the source */
        size_t src = el_doc_src(doc, st->txt.off);
        if (!starts_unwrapped(doc->text + src, first[k]))
            fail_msg("width %zu%s: %s found at [%.12s]", width, md ? " (md)" : "", first[k],
                     doc->text + src);
        /* its text is the figure with at most one space for the break */
        size_t sp = 0;
        for (size_t i = 0; i < st->txt.len; i++)
            sp += doc->plain.v[st->txt.off + i] == ' ';
        assert_true(sp <= 1);
    }
    el_doc_free(doc);
    free(text);
}

static void test_hard_wrap(void **state)
{
    (void)state;
    for (size_t w = 24; w <= 40; w++) {
        check_wrapped(w, false);
        check_wrapped(w, true);
    }
}

/* A space written in the source between two numbers is no wrap: nothing is joined. */
static void test_real_space_kept(void **state)
{
    (void)state;
    const char *text = "以城市更新提升群众幸福感\n\n编号为 60 00万人次的说法不对，共有 12 3 户。\n";
    el_doc *doc = el_parse("s.txt", text, strlen(text), NULL);
    assert_true(el_doc_ok(doc));
    el_extract_stats(doc);
    assert_null(stat_valued(doc, 60000000));
    assert_null(stat_valued(doc, 123));
    el_doc_free(doc);
}

/* A paragraph with very many wraps inside figures stays linear and finds them all. */
static void test_many_wrapped_figures(void **state)
{
    (void)state;
    size_t reps = 4000;
    /* two lines of 24 code points, a figure cut between them */
    const char *unit = "某地去年新增的就业岗位在全县范围内合计达到12";
    const char *next = "3万个，其中农村地区占到一成左右，全县还在持续";
    size_t cap = 64 + reps * (strlen(unit) + strlen(next) + 2);
    char *text = xmalloc(cap);
    size_t o = (size_t)snprintf(text, cap, "以城市更新提升群众幸福感\n\n");
    for (size_t r = 0; r < reps; r++)
        o += (size_t)snprintf(text + o, cap - o, "%s\n%s\n", unit, next);
    text[o++] = '\n';
    text[o] = '\0';
    el_doc *doc = el_parse("m.txt", text, o, NULL);
    assert_true(el_doc_ok(doc));
    el_extract_stats(doc);
    size_t whole = 0;
    for (size_t i = 0; i < doc->stats.n; i++)
        whole += doc->stats.v[i].value == 1230000;
    /* each wrapped 12|3万个 is read whole, never its tail 3万个 */
    assert_int_equal(whole, reps);
    for (size_t i = 0; i < doc->stats.n; i++)
        assert_true(doc->stats.v[i].value != 30000);
    el_doc_free(doc);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_structural_counts),
        cmocka_unit_test(test_units),
        cmocka_unit_test(test_measure_words),
        cmocka_unit_test(test_approximate),
        cmocka_unit_test(test_hard_wrap),
        cmocka_unit_test(test_real_space_kept),
        cmocka_unit_test(test_many_wrapped_figures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
