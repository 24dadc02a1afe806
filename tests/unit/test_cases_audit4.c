/* SPDX-License-Identifier: MIT */
/*
 * The case extractor on quoted terms of a fourth audit that are no initiative's name: a figure
 * of manner or a descriptor (让村民与专家“面对面”, 推广“小而美”的微型电动车), an effect told
 * as a clause (村民“出门就能取件”) and a product (推销“不知火”柑橘). The shapes, not the words,
 * are what is tested: three characters A X A with X a verb of contact or 不/没 (心贴心, 手拉手,
 * 好不好), reduplications AABB and ABB (实实在在, 暖洋洋), 而 joining two words (少而精,
 * 和而不同), an adverb then 能 or 可 (就能, 都可, 即可), and the object of a verb of selling or
 * growing, or a term followed by 品种. Near misses keep their names: A X A with another verb
 * (“老帮老”), AAB (“村村响”), A X A Y (“一村一品”), 就 or 即 with no modal after it (“马上就办”,
 * “接诉即办”), 可 with no adverb before it (“建筑可阅读”), 而 in a long motto, and a brand that
 * is promoted (推广“丽水山耕”品牌). The drafts go through el_parse and the extractors, as in
 * test_cases.c; the static routines (shape_add, shape_figure) are reached by including the source.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cases.c"

#include "testcasedoc.h"
#include "testcases.h"

/* ---- A: figures of manner and descriptors ----------------------------------------------- */

static void test_figures(void **state)
{
    (void)state;
    static const struct want w[] = {
        /* the audit's repro (R08) and its drafts d10, d02 */
        {"宁夏回族自治区固原市通过远程会诊系统，让村民与三甲医院专家“面对面”。",
         1,
         {"宁夏回族自治区固原市"},
         {NULL},
         {false}},
        {"宁夏回族自治区固原市通过远程会诊系统，让村民在村卫生室就能与三甲医院专家“面对面”。",
         1,
         {"宁夏回族自治区固原市"},
         {NULL},
         {false}},
        {"广西壮族自治区柳州市推广“小而美”的微型电动车，全市新能源汽车保有量超过18万辆。",
         1,
         {"广西壮族自治区柳州市"},
         {NULL},
         {false}},
        /* A X A with a verb of contact, A不A */
        {"浙江省杭州市组织党员与居民“心贴心”交流，收集意见2000余条。",
         1,
         {"浙江省杭州市"},
         {NULL},
         {false}},
        {"江苏省苏州市推动城乡学校“手拉手”，结对帮扶学校300余所。",
         1,
         {"江苏省苏州市"},
         {NULL},
         {false}},
        {"山东省济南市干部与群众“肩并肩”奋战，完成改造任务。",
         1,
         {"山东省济南市"},
         {NULL},
         {false}},
        {"河南省郑州市“实打实”为企业减负，累计减免税费30亿元。",
         1,
         {"河南省郑州市"},
         {NULL},
         {false}},
        {"福建省厦门市让居民评议服务“好不好”，满意度达到95%。",
         1,
         {"福建省厦门市"},
         {NULL},
         {false}},
        /* reduplications */
        {"四川省成都市为群众“实实在在”办好民生实事，完成项目120个。",
         1,
         {"四川省成都市"},
         {NULL},
         {false}},
        {"湖北省武汉市让困难群众住上“暖洋洋”的新房，惠及3000余户。",
         1,
         {"湖北省武汉市"},
         {NULL},
         {false}},
        /* 而 joining two words */
        {"安徽省合肥市打造“少而精”的特色街区，年接待游客超过500万人次。",
         1,
         {"安徽省合肥市"},
         {NULL},
         {false}},
        {"云南省大理市坚持“和而不同”，各民族文化交融发展。", 1, {"云南省大理市"}, {NULL}, {false}},
        /* a figure of speech that is no shape of these: an everyday word (common_quoted) */
        {"江苏省南京市推动政务服务与企业“零距离”，办理时限压缩一半。",
         1,
         {"江苏省南京市"},
         {NULL},
         {false}},
        /* a figure first, the initiative's name after it: the name is taken */
        {"浙江省宁波市鄞州区干部与居民“面对面”，推行“红管家”服务，解决问题3000余件。",
         1,
         {"浙江省宁波市鄞州区"},
         {"红管家"},
         {false}},
    };
    check_wants(w, sizeof w / sizeof *w);
}

/* Near misses of A: a practice named in the same shapes keeps its name. */
static void test_figures_not(void **state)
{
    (void)state;
    static const struct want w[] = {
        /* A X A, X a verb of help, not of contact */
        {"内蒙古自治区包头市组织低龄老人开展“老帮老”活动，覆盖五千余户。",
         1,
         {"内蒙古自治区包头市"},
         {"老帮老"},
         {false}},
        /* AAB and A X A Y */
        {"福建省福州市依托“村村响”应急广播，累计转移群众8.3万人次。",
         1,
         {"福建省福州市"},
         {"村村响"},
         {false}},
        {"浙江省丽水市推行“一村一品”，培育特色产业村200余个。",
         1,
         {"浙江省丽水市"},
         {"一村一品"},
         {false}},
        {"贵州省遵义市推行“一街一策”，改造老旧街区40余条。",
         1,
         {"贵州省遵义市"},
         {"一街一策"},
         {false}},
        /* 而 inside a long motto of two halves */
        {"浙江省温州市推出“亲而有度、清而有为”政商交往清单，企业满意度明显提升。",
         1,
         {"浙江省温州市"},
         {"亲而有度、清而有为"},
         {false}},
        /* reduplicated names of three characters with a different last one */
        {"贵州省黔东南州举办“村超”足球联赛，吸引游客超过500万人次。",
         1,
         {"贵州省黔东南州"},
         {"村超"},
         {false}},
    };
    check_wants(w, sizeof w / sizeof *w);
}

/* ---- B: effects told as clauses ---------------------------------------------------------- */

static void test_clauses(void **state)
{
    (void)state;
    static const struct want w[] = {
        /* the audit's draft d07 (its ASCII quotes too) */
        {"浙江省丽水市遂昌县依托村级便民服务中心建设快递服务站300余个，村民“出门就能取件”。",
         1,
         {"浙江省丽水市遂昌县"},
         {NULL},
         {false}},
        {"浙江省丽水市遂昌县依托村级便民服务中心建设快递服务站300余个,村民\"出门就能取件\".",
         1,
         {"浙江省丽水市遂昌县"},
         {NULL},
         {false}},
        {"江西省南昌市让企业“足不出户就可办结”，办理时限压缩60%。",
         1,
         {"江西省南昌市"},
         {NULL},
         {false}},
        {"广东省深圳市推动高频事项“扫码即可办理”，惠及群众200万人次。",
         1,
         {"广东省深圳市"},
         {NULL},
         {false}},
        {"重庆市渝中区让老人“在家也能看病”，签约家庭医生3万余人。",
         1,
         {"重庆市渝中区"},
         {NULL},
         {false}},
        {"湖南省长沙市力争留守儿童“一个都不能少”，入学率达到100%。",
         1,
         {"湖南省长沙市"},
         {NULL},
         {false}},
    };
    check_wants(w, sizeof w / sizeof *w);
}

/* Near misses of B: 就, 即 or 可 alone keep a name. */
static void test_clauses_not(void **state)
{
    (void)state;
    static const struct want w[] = {
        {"福建省福州市推行“马上就办”，审批时限压缩一半。",
         1,
         {"福建省福州市"},
         {"马上就办"},
         {false}},
        {"北京市推行“接诉即办”，市民诉求响应率超过95%。", 1, {"北京市"}, {"接诉即办"}, {false}},
        {"上海市推出“建筑可阅读”，开放历史建筑1000余处。", 1, {"上海市"}, {"建筑可阅读"}, {false}},
        {"浙江省湖州市安吉县践行“绿水青山就是金山银山”理念，年接待游客超过2000万人次。",
         1,
         {"浙江省湖州市安吉县"},
         {"绿水青山就是金山银山"},
         {false}},
        {"浙江省推行“最多跑一次”改革，群众办事更方便。", 1, {"浙江省"}, {"最多跑一次"}, {false}},
        {"上海市推行“一网通办”，接入政务服务事项3000余项。", 1, {"上海市"}, {"一网通办"}, {false}},
    };
    check_wants(w, sizeof w / sizeof *w);
}

/* ---- C: products ------------------------------------------------------------------------- */

static void test_products(void **state)
{
    (void)state;
    static const struct want w[] = {
        /* the audit's draft d07 (ASCII quotes), and in Chinese quotes */
        {"四川省眉山市丹棱县依托快递网络推销\"不知火\"柑橘,年寄递量超过2000万件.",
         1,
         {"四川省眉山市丹棱县"},
         {NULL},
         {false}},
        {"四川省眉山市丹棱县依托快递网络推销“不知火”柑橘，年寄递量超过2000万件。",
         1,
         {"四川省眉山市丹棱县"},
         {NULL},
         {false}},
        {"浙江省台州市种植“红美人”柑橘2万亩，果农人均增收近4000元。",
         1,
         {"浙江省台州市"},
         {NULL},
         {false}},
        {"辽宁省丹东市引进“红颜”品种草莓，亩产值超过5万元。", 1, {"辽宁省丹东市"}, {NULL}, {false}},
    };
    check_wants(w, sizeof w / sizeof *w);
}

/* Near misses of C: a brand promoted, a product sold under an initiative's name later on. */
static void test_products_not(void **state)
{
    (void)state;
    static const struct want w[] = {
        {"浙江省丽水市推广“丽水山耕”品牌，农产品溢价超过30%。",
         1,
         {"浙江省丽水市"},
         {"丽水山耕"},
         {false}},
        {"四川省眉山市丹棱县推销“不知火”柑橘，推行“电商进村”工程，带动果农增收。",
         1,
         {"四川省眉山市丹棱县"},
         {"电商进村"},
         {false}},
        {"江苏省沭阳县依托“花木电商”带动农民增收，销售额超过百亿元。",
         1,
         {"江苏省沭阳县"},
         {"花木电商"},
         {false}},
    };
    check_wants(w, sizeof w / sizeof *w);
}

/* ---- D: the shapes on their own ---------------------------------------------------------- */

/* shape_figure of the term t[0..n), read as name_like reads a quoted term. */
static bool quoted_figure(const char *t, size_t n)
{
    struct shape h = {.han = true};
    size_t k;
    for (size_t i = 0; i < n; i += k)
        shape_add(&h, el_text_cp(t, n, i, &k));
    return shape_figure(&h);
}

/* quoted_figure of a bare term. */
static bool figure(const char *t)
{
    return quoted_figure(t, strlen(t));
}

static void test_shapes(void **state)
{
    (void)state;
    static const char *const yes[] = {
        "面对面", "心贴心",       "手拉手",       "肩并肩",       "心连心",       "背靠背",
        "点对点", "一对一",       "实打实",       "硬碰硬",       "好不好",       "有没有",
        "小而美", "少而精",       "和而不同",     "实实在在",     "明明白白",     "暖洋洋",
        "绿油油", "出门就能取件", "在家也能看病", "扫码即可办理", "一个都不能少",
    };
    static const char *const no[] = {
        "老帮老",     "村村响",
        "村村通",     "组组通",
        "一村一品",   "一街一策",
        "一业一证",   "最多跑一次",
        "马上就办",   "接诉即办",
        "建筑可阅读", "绿水青山就是金山银山",
        "村超",       "亲而有度、清而有为",
        "人人会急救", "有岗可就",
        "技能大赛",   "15分钟社区生活圈",
        "首违不罚",   "门前三包",
        "小院议事",   "红色物业",
        "信托制物业", "红管家",
        "一网通办",   "帮办代办",
        "村BA",       "金山银山",
        "原汁原味",   "",
        "面对",       "面对面对",
        "而",         "a而b",
    };
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        if (!figure(yes[i]))
            fail_msg("%s: not a figure", yes[i]);
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        if (figure(no[i]))
            fail_msg("%s: a figure", no[i]);
}

/* Hostile terms: long runs of the shapes' characters, every prefix, no read past the end. */
static void test_hostile(void **state)
{
    (void)state;
    static const char *const bits[] = {"就", "能", "而", "对", "面", "不", "都", "可", "a", "\xE5"};
    buf t = {0};
    test_seed(4);
    for (int round = 0; round < 200; round++) {
        t.n = 0;
        for (size_t k = test_below(12); k > 0; k--)
            puts_(&t, bits[test_below(sizeof bits / sizeof *bits)]);
        for (size_t n = 0; n <= t.n; n++) {
            char *p = exact(t.v, n);
            (void)quoted_figure(p, n);
            free(p);
        }
    }
    /* a long paragraph of quoted figures and clauses: one case per place, no name */
    t.n = 0;
    for (int k = 0; k < 2000; k++)
        puts_(&t, "浙江省杭州市让村民与专家“面对面”，村民“出门就能取件”；");
    put(&t, "。", 4); /* and the NUL */
    el_doc *doc = analyse(t.v);
    assert_int_equal(doc->cases.n, 2000);
    for (size_t i = 0; i < doc->cases.n; i++)
        assert_int_equal(doc->cases.v[i].name.len, 0);
    el_doc_free(doc);
    free(t.v);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_figures),  cmocka_unit_test(test_figures_not),
        cmocka_unit_test(test_clauses),  cmocka_unit_test(test_clauses_not),
        cmocka_unit_test(test_products), cmocka_unit_test(test_products_not),
        cmocka_unit_test(test_shapes),   cmocka_unit_test(test_hostile),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
