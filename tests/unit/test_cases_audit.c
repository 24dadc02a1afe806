/* SPDX-License-Identifier: MIT */
/*
 * The case extractor on the errors of an audit of new drafts. An ASCII . between Chinese
 * text ends a sentence for the cases as 。 does (技术是反诈的利器.浙江省杭州市…), never inside a
 * number, a word or an address; the marks scan finds it with SSE2 as byte by byte. A case's
 * polarity comes from its own words first (然而，杭州市…破解了拥堵难题 is an example held up;
 * 某县建成了图书馆，却常年“铁将军把门” is a counter-example, and has no name), the word that
 * leads to it second. A quoted term that is the problem solved (昔日“沙进人退”的局面), a craft
 * (“蛟龙”号) or the essay's topic (its title) names no initiative, while launched terms still
 * do. A place that qualifies an art form or a product (苏州评弹, 山西老陈醋) is no case, unless
 * a body of it acts (苏州刺绣研究所建立…). The static routines are reached by including the
 * source; the drafts go through el_parse and the extractors, as in test_cases.c.
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
#include "testrand.h"

/* ---- C1: an ASCII . after Chinese text ----------------------------------------------------- */

static void test_ascii_period(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        bool stop;
    } t[] = {
        {"利器.浙江", true},    {"\"利器\".浙江", true}, {"平台.2023年", true}, {"利器.", true},
        {"（注）.浙江", true},  {"3.5万", false},        {"www.gov.cn", false}, {"e.g.浙江", false},
        {"利器...浙江", false}, {"A.浙江", false},       {"利器.Web", false},   {".浙江", false},
    };
    for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
        const char *s = t[i].s, *dot = strchr(s, '.');
        if (strstr(s, "...")) /* each of the three dots */
            for (size_t k = 0; k < 3; k++)
                assert_false(ascii_period(s, strlen(s), (size_t)(dot - s) + k));
        else if (ascii_period(s, strlen(s), (size_t)(dot - s)) != t[i].stop)
            fail_msg("%s: %d", s, !t[i].stop);
    }
}

static void test_period_cases(void **state)
{
    (void)state;
    static const struct want w[] = {
        {"技术是反诈的利器.浙江省杭州市建成反诈预警平台。", 1, {"浙江省杭州市"}, {NULL}, {false}},
        {"技术是反诈的\"利器\".浙江省杭州市建成\"反诈预警平台\".江苏省无锡市上线\"涉诈号码快速关停"
         "\"机制.",
         2,
         {"浙江省杭州市", "江苏省无锡市"},
         {"反诈预警平台", "涉诈号码快速关停"},
         {false, false}},
        {"规模达3.5万人.江苏省无锡市推出“断卡”行动。", 1, {"江苏省无锡市"}, {"断卡"}, {false}},
        /* the sentence ends: the second 某县 has a group of its own */
        {"某县投入3.5亿元.然而某县的图书馆门可罗雀。", 2, {"某县", "某县"}, {NULL}, {false, true}},
        /* not after a digit, a letter or dots */
        {"数据显示增长了3.浙江省杭州市推出“亲清在线”平台。", 0, {NULL}, {NULL}, {false}},
        {"详见gov.浙江省杭州市推出“亲清在线”平台。", 0, {NULL}, {NULL}, {false}},
        {"说来话长...浙江省杭州市推出“亲清在线”平台。", 0, {NULL}, {NULL}, {false}},
    };
    check_wants(w, sizeof w / sizeof *w);
    /* each draft of full-width marks reads as its twin with ASCII periods */
    static const char *const twins[][2] = {
        {"一些地方推进缓慢。然而浙江省杭州市通过“城市大脑”破解了拥堵难题。",
         "一些地方推进缓慢.然而浙江省杭州市通过“城市大脑”破解了拥堵难题."},
        {"反观某县，图书馆建成后常年闲置。福建省厦门市开展“断卡”行动。",
         "反观某县,图书馆建成后常年闲置.福建省厦门市开展“断卡”行动."},
    };
    for (size_t i = 0; i < sizeof twins / sizeof *twins; i++) {
        el_doc *a = analyse(twins[i][0]), *b = analyse(twins[i][1]);
        assert_int_equal(a->cases.n, b->cases.n);
        for (size_t k = 0; k < a->cases.n; k++) {
            assert_int_equal(a->cases.v[k].negative, b->cases.v[k].negative);
            assert_int_equal(a->cases.v[k].place.len, b->cases.v[k].place.len);
            assert_int_equal(a->cases.v[k].name.len, b->cases.v[k].name.len);
        }
        el_doc_free(a);
        el_doc_free(b);
    }
}

/* scan_marks (sixteen offsets at a time with SSE2) against mark_at at every offset. */
static void test_scan_periods(void **state)
{
    (void)state;
    static const char *const bits[] = {"甲", "乙", ".",  ".", "3", "a", "Z", "\"",
                                       ")",  "。", "；", "“", "”", "!", "…", " "};
    struct scan a, b;
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    test_seed(1414);
    char text[512];
    for (int round = 0; round < 3000; round++) {
        size_t n = 0, parts = test_below(120);
        for (size_t k = 0; k < parts; k++) {
            const char *p = bits[test_below(sizeof bits / sizeof *bits)];
            size_t l = strlen(p);
            if (n + l >= sizeof text)
                break;
            memcpy(text + n, p, l);
            n += l;
        }
        scan_marks(text, n, &a);
        struct qstack q = {.n = 0, .sorted = true, .dq_open = SIZE_MAX};
        b.ends.n = b.quotes.n = b.dq.n = 0;
        for (size_t i = 0; i < n; i++)
            mark_at((const unsigned char *)text, n, i, &b, &q);
        assert_int_equal(a.ends.n, b.ends.n);
        for (size_t i = 0; i < a.ends.n; i++)
            assert_int_equal(a.ends.v[i], b.ends.v[i]);
        for (size_t i = 0; i < a.ends.n; i++) /* a period is one as ascii_period says */
            if (text[a.ends.v[i]] == '.')
                assert_true(ascii_period(text, n, a.ends.v[i]));
    }
    scan_free(&a);
    scan_free(&b);
}

/* ---- C2: polarity from the case's own words ----------------------------------------------- */

static void test_polarity(void **state)
{
    (void)state;
    static const struct want w[] = {
        /* a good practice after the lead-in of a contrast */
        {"不少地方效果不佳。但浙江省杭州市的“最多跑一次”改革值得借鉴，办事时间缩短一半。",
         1,
         {"浙江省杭州市"},
         {"最多跑一次"},
         {false}},
        {"然而，浙江省杭州市通过“城市大脑”破解了拥堵难题。",
         1,
         {"浙江省杭州市"},
         {"城市大脑"},
         {false}},
        {"反观浙江省杭州市，早在2016年就推出了“城市大脑”，有效缓解了拥堵。",
         1,
         {"浙江省杭州市"},
         {"城市大脑"},
         {false}},
        {"某村通过“积分制”破解了环境整治难题。", 1, {"某村"}, {"积分制"}, {false}},
        /* a problem of the place: negative, no name */
        {"某县建成了图书馆，却常年“铁将军把门”。", 1, {"某县"}, {NULL}, {true}},
        {"与北京、上海等城市相比，某县的差距明显。", 1, {"某县"}, {NULL}, {true}},
        {"江西省某县却把“扶贫车间”建成了空架子。", 1, {"江西省某县"}, {NULL}, {true}},
        {"某街道曾组织志愿活动只拍照不服务，群众意见很大。", 1, {"某街道"}, {NULL}, {true}},
        {"某县盲目上马高污染项目，群众怨声载道。", 1, {"某县"}, {NULL}, {true}},
        /* success words denied, taken back or quoted */
        {"反观某县，虽然成功引进了项目，却长期闲置。", 1, {"某县"}, {NULL}, {true}},
        {"反观某村，村干部未能有效解决群众的难题。", 1, {"某村"}, {NULL}, {true}},
        {"然而，江苏省某县的“便民服务站”成效不佳，群众并不买账。",
         1,
         {"江苏省某县"},
         {NULL},
         {true}},
        {"然而，某市盲目照搬外地经验，结果收效甚微。", 1, {"某市"}, {NULL}, {true}},
        {"反观某街道，基层干部疲于“刷数据”，群众直呼“走出”。", 1, {"某街道"}, {NULL}, {true}},
        {"然而，浙江省杭州市的“城市大脑”建设滞后，数据壁垒依然存在。",
         1,
         {"浙江省杭州市"},
         {NULL},
         {true}},
        /* 却 in the place's own clause sets it against other places */
        {"然而，个别地方搞“形象工程”，某县却坚持实干，走出了发展新路。",
         1,
         {"某县"},
         {NULL},
         {false}},
        {"浙江省宁波市鄞州区推行“红管家”，有效解决了物业纠纷。",
         1,
         {"浙江省宁波市鄞州区"},
         {"红管家"},
         {false}},
    };
    check_wants(w, sizeof w / sizeof *w);
}

/* ---- C3: quoted terms that name no initiative ------------------------------------------------ */

static void test_not_names(void **state)
{
    (void)state;
    static const struct want w[] = {
        {"甘肃省武威市民勤县推广高效节水灌溉，面积达到百分之八十五，昔日“沙进人退”的局面得到扭转。",
         1,
         {"甘肃省武威市民勤县"},
         {NULL},
         {false}},
        {"山东省青岛市集聚了全国近30%"
         "的海洋科研机构，“蛟龙”号、“深海勇士”号等大国重器从这里驶向深蓝。",
         1,
         {"山东省青岛市"},
         {NULL},
         {false}},
        /* still names: launched, or naming the noun after it */
        {"浙江省杭州市设立互联网法院，探索出“网上案件网上审”的新模式。",
         1,
         {"浙江省杭州市"},
         {"网上案件网上审"},
         {false}},
        {"安徽省合肥市布局大科学装置，“九章”量子计算原型机在这里诞生。",
         1,
         {"安徽省合肥市"},
         {"九章"},
         {false}},
        {"在贵州省黔东南州榕江县，“村超”足球赛吸引游客超过500万人次。",
         1,
         {"贵州省黔东南州榕江县"},
         {"村超"},
         {false}},
    };
    check_wants(w, sizeof w / sizeof *w);
    /* the essay's topic, unless launched */
    static const struct want topic = {
        "从长沙的五一广场到天津的海河夜游，“夜经济”正成为城市消费的新增长极。",
        2,
        {"长沙", "天津"},
        {NULL, NULL},
        {false, false}};
    check_doc(analyse_titled("点亮“夜经济”，激发消费新活力", topic.body), &topic);
    static const struct want launched = {"四川省成都市打造“夜经济”示范街区，夜间客流增长三成。",
                                         1,
                                         {"四川省成都市"},
                                         {"夜经济"},
                                         {false}};
    check_doc(analyse_titled("点亮“夜经济”，激发消费新活力", launched.body), &launched);
    check_doc(analyse(topic.body),
              &(struct want){topic.body, 2, {"长沙", "天津"}, {NULL, "夜经济"}, {false, false}});
}

/* ---- C4: places that qualify an art form or a product ---------------------------------------- */

static void test_arts(void **state)
{
    (void)state;
    static const struct want w[] = {
        {"苏州评弹、陕西秦腔、四川川剧……这些植根于方言的艺术，让乡音焕发新生。",
         0,
         {NULL},
         {NULL},
         {false}},
        {"山西老陈醋远近闻名，带动了当地农民增收。", 0, {NULL}, {NULL}, {false}},
        {"苏州刺绣研究所建立“苏绣数字基因库”，采集针法3000多种。",
         1,
         {"苏州"},
         {"苏绣数字基因库"},
         {false}},
        {"四川川剧院推出“川剧进校园”活动，覆盖学生两万人次。",
         1,
         {"四川"},
         {"川剧进校园"},
         {false}},
    };
    check_wants(w, sizeof w / sizeof *w);
}

/* ---- linear on hostile input ------------------------------------------------------------------
 */

static void test_hostile(void **state)
{
    (void)state;
    buf t = {0};
    /* many sentences ended by ASCII periods, each a case */
    for (int k = 0; k < 2000; k++)
        puts_(&t, "技术是利器.浙江省杭州市推出“亲清在线”平台");
    put(&t, "。", 4); /* and the NUL */
    el_doc *doc = analyse(t.v);
    assert_int_equal(doc->cases.n, 2000);
    el_doc_free(doc);
    /* one case whose words are success words, quotes and denials without end */
    t.n = 0;
    puts_(&t, "反观某县，");
    for (int k = 0; k < 20000; k++)
        puts_(&t, "未能有效“成功”却差距");
    put(&t, "。", 4);
    doc = analyse(t.v);
    assert_int_equal(doc->cases.n, 1);
    assert_true(doc->cases.v[0].negative);
    el_doc_free(doc);
    free(t.v);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ascii_period), cmocka_unit_test(test_period_cases),
        cmocka_unit_test(test_scan_periods), cmocka_unit_test(test_polarity),
        cmocka_unit_test(test_not_names),    cmocka_unit_test(test_arts),
        cmocka_unit_test(test_hostile),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
