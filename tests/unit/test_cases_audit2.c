/* SPDX-License-Identifier: MIT */
/*
 * The case extractor on three gaps of a second audit. A place written after the initiative,
 * joined to its quoted name by an origin link in the same clause (“枫桥经验”发源于浙江诸暨,
 * “千万工程”在浙江率先实施, “最多跑一次”改革起步于浙江), is a case named by that term; a place
 * after a quoted term with no such link, or a term that does not open its clause, is none.
 * Corner brackets 「…」 and 『…』 quote a name as “…” does (浙江推行「最多跑一次」改革); their
 * pairs are found by the marks scan, with SSE2 as byte by byte, and stay linear on thousands
 * of unmatched marks. A quoted term right after 为/给/向/对 is the object of a preposition
 * (湖南省株洲市为“大国工匠”设立专项奖励: the beneficiary), not the initiative's name, while
 * “X”为…, 命名为“X”, launched terms and terms naming the noun after them stay names (and “X”号召
 * is no craft like “蛟龙”号). The static routines are reached by including the source; the
 * drafts go through el_parse and the extractors, as in test_cases.c.
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

/* ---- the pipeline ------------------------------------------------------------------------ */

/* Offset in the paragraph of the first occurrence of what in doc's plain text. */
static size_t plain_at(const el_doc *doc, const char *what)
{
    const char *p = memmem(doc->plain.v, doc->plain.n, what, strlen(what));
    assert_non_null(p);
    return (size_t)(p - doc->plain.v);
}

/* ---- a figure of change: “X”变成了“Y” ------------------------------------------------------ */

/* Two quotes joined by a verb of change are a before and after (the place's old and new
   state), not a name, with or without 了; a launched name before them stays the name. */
static void test_change_pair(void **state)
{
    (void)state;
    static const struct want w[] = {
        {"福建省长汀县经过二十多年的治理，昔日“火焰山”变成了“花果山”。",
         1,
         {"福建省长汀县"},
         {NULL},
         {false}},
        {"福建省长汀县久久为功，“火焰山”成了“花果山”。", 1, {"福建省长汀县"}, {NULL}, {false}},
        {"浙江省湖州市昔日的“矿山”蝶变为“金山”。", 1, {"浙江省湖州市"}, {NULL}, {false}},
        {"浙江省湖州市推出“两山银行”，让“绿水青山”变成了“金山银山”。",
         1,
         {"浙江省湖州市"},
         {"两山银行"},
         {false}},
    };
    check_wants(w, sizeof w / sizeof *w);
}

/* ---- G1: the place written after the initiative -------------------------------------------- */

static void test_fronted(void **state)
{
    (void)state;
    static const struct want w[] = {
        {"“枫桥经验”发源于浙江诸暨，六十年来历久弥新，把矛盾化解在基层。",
         1,
         {"浙江诸暨"},
         {"枫桥经验"},
         {false}},
        {"“千万工程”在浙江率先实施，造就了万千美丽乡村。", 1, {"浙江"}, {"千万工程"}, {false}},
        {"“千万工程”在浙江推行。", 1, {"浙江"}, {"千万工程"}, {false}},
        {"“最多跑一次”改革起步于浙江，如今已推广到全国。", 1, {"浙江"}, {"最多跑一次"}, {false}},
        {"“枫桥经验”起源于浙江省诸暨市。", 1, {"浙江省诸暨市"}, {"枫桥经验"}, {false}},
        {"“河长制”诞生于江苏省无锡市，后在全国推开。", 1, {"江苏省无锡市"}, {"河长制"}, {false}},
        {"“林长制”始于安徽，如今已在全国推行。", 1, {"安徽"}, {"林长制"}, {false}},
        {"“千万工程”最早在浙江实施。", 1, {"浙江"}, {"千万工程"}, {false}},
        {"“街乡吹哨、部门报到”在北京首创，破解了基层治理难题。",
         1,
         {"北京"},
         {"街乡吹哨、部门报到"},
         {false}},
        {"“雪亮工程”在山东省临沂市探索推进。", 1, {"山东省临沂市"}, {"雪亮工程"}, {false}},
        /* a lead word, a date or a comma before the quote: it still opens the clause */
        {"例如，“枫桥经验”发源于浙江诸暨。", 1, {"浙江诸暨"}, {"枫桥经验"}, {false}},
        {"如“枫桥经验”发源于浙江诸暨。", 1, {"浙江诸暨"}, {"枫桥经验"}, {false}},
        {"二十年前，“千万工程”在浙江率先实施。", 1, {"浙江"}, {"千万工程"}, {false}},
        /* the other quotation marks */
        {"\"枫桥经验\"发源于浙江诸暨，历久弥新。", 1, {"浙江诸暨"}, {"枫桥经验"}, {false}},
        {"「枫桥经验」发源于浙江诸暨，历久弥新。", 1, {"浙江诸暨"}, {"枫桥经验"}, {false}},
        {"『千万工程』在浙江率先实施。", 1, {"浙江"}, {"千万工程"}, {false}},
        /* a noun of the name before the link: 理念, 政策 too */
        {"“绿水青山就是金山银山”理念诞生于浙江安吉余村，如今已深入人心。",
         1,
         {"浙江安吉余村"},
         {"绿水青山就是金山银山"},
         {false}},
        {"“双减”政策在北京率先落地。", 1, {"北京"}, {"双减"}, {false}},
        /* an anonymised place, kept wherever it stands, takes the name written first */
        {"“积分制”起源于某村，村民参与环境整治即可获得积分。", 1, {"某村"}, {"积分制"}, {false}},
        /* the case before ends where the fronted name opens: that name is not its own */
        {"江苏省苏州市推进改革，“千万工程”在浙江率先实施。",
         2,
         {"江苏省苏州市", "浙江"},
         {NULL, "千万工程"},
         {false, false}},
        /* two sentences: the fronted case, then a case told the usual way */
        {"“千万工程”在浙江率先实施。江苏省苏州市推行“积分制”，村容焕然一新。",
         2,
         {"浙江", "江苏省苏州市"},
         {"千万工程", "积分制"},
         {false, false}},
    };
    check_wants(w, sizeof w / sizeof *w);

    /* The case stands where its place is written, as every case does, and covers its clause
       group from the quoted name on: a statistic between them is the case's. */
    el_doc *doc = analyse("“千万工程”在浙江率先实施，二十年来惠及1.2万个村。");
    assert_int_equal(doc->cases.n, 1);
    const el_case *c = &doc->cases.v[0];
    assert_int_equal(c->place.off, plain_at(doc, "浙江率先"));
    assert_int_equal(c->span.off, plain_at(doc, "“千万工程”"));
    assert_true(c->province >= 0);
    assert_string_equal(el_lex_province(c->province)->short_name, "浙江");
    assert_int_equal(c->nstat, 2); /* 二十年, 1.2万个 */
    el_doc_free(doc);
    doc = analyse("“枫桥经验”发源于浙江诸暨，六十年来历久弥新。");
    assert_int_equal(doc->cases.n, 1);
    assert_int_equal(doc->cases.v[0].place.off, plain_at(doc, "浙江诸暨"));
    assert_string_equal(el_lex_province(doc->cases.v[0].province)->short_name, "浙江");
    el_doc_free(doc);
}

/* Near misses: a place after a quoted term that is no origin of it. */
static void test_fronted_not(void **state)
{
    (void)state;
    static const struct want w[] = {
        /* no origin link */
        {"“枫桥经验”传遍浙江大地。", 0, {NULL}, {NULL}, {false}},
        {"“最多跑一次”让浙江群众受益。", 0, {NULL}, {NULL}, {false}},
        {"“枫桥经验”的精神发源于浙江诸暨。", 0, {NULL}, {NULL}, {false}},
        /* no quotes, or a quote that does not open its clause */
        {"枫桥经验发源于浙江诸暨。", 0, {NULL}, {NULL}, {false}},
        {"这一“枫桥经验”发源于浙江诸暨。", 0, {NULL}, {NULL}, {false}},
        {"人们常说“枫桥经验”发源于浙江诸暨。", 0, {NULL}, {NULL}, {false}},
        /* a figure, an everyday word: no initiative */
        {"“压舱石”起源于浙江。", 0, {NULL}, {NULL}, {false}},
        {"“打卡”起源于浙江。", 0, {NULL}, {NULL}, {false}},
        /* the origin link is in another clause */
        {"“枫桥经验”历久弥新，发源于浙江诸暨。", 0, {NULL}, {NULL}, {false}},
        /* a place written before stays the case, named by its own quote */
        {"浙江省杭州市推行“城市大脑”，这一做法起源于“数字治理”理念。",
         1,
         {"浙江省杭州市"},
         {"城市大脑"},
         {false}},
    };
    check_wants(w, sizeof w / sizeof *w);
    /* the essay's topic: the case is there, with no name, as for a place written first */
    static const struct want topic = {
        "“枫桥经验”发源于浙江诸暨，六十年来历久弥新。", 1, {"浙江诸暨"}, {NULL}, {false}};
    check_doc(analyse_titled("坚持和发展新时代“枫桥经验”", topic.body), &topic);
}

/* ---- G2: corner brackets ------------------------------------------------------------------- */

static void test_corners(void **state)
{
    (void)state;
    static const struct want w[] = {
        {"浙江推行「最多跑一次」改革，让群众办事更方便。", 1, {"浙江"}, {"最多跑一次"}, {false}},
        {"浙江省杭州市推出『城市大脑』，有效缓解了拥堵。",
         1,
         {"浙江省杭州市"},
         {"城市大脑"},
         {false}},
        {"浙江省宁波市鄞州区推行「红管家」，有效解决了物业纠纷。",
         1,
         {"浙江省宁波市鄞州区"},
         {"红管家"},
         {false}},
        /* quoted words: an anonymised place inside is no case */
        {"有人编造「某地发生重大疫情」的谣言，扰乱了社会秩序。", 0, {NULL}, {NULL}, {false}},
        /* mismatched or unclosed marks pair nothing */
        {"浙江推行「最多跑一次』改革。", 1, {"浙江"}, {NULL}, {false}},
        {"浙江推行「最多跑一次改革。", 1, {"浙江"}, {NULL}, {false}},
        /* a figure and the everyday words stay out in brackets too */
        {"浙江省杭州市吸引年轻人线上「打卡」。", 1, {"浙江省杭州市"}, {NULL}, {false}},
    };
    check_wants(w, sizeof w / sizeof *w);
    /* each draft reads as its twin in “…” */
    static const char *const twins[][2] = {
        {"浙江推行“最多跑一次”改革，办事时间缩短一半。",
         "浙江推行「最多跑一次」改革，办事时间缩短一半。"},
        {"然而，浙江省杭州市通过“城市大脑”破解了拥堵难题。",
         "然而，浙江省杭州市通过『城市大脑』破解了拥堵难题。"},
        {"某县建成了图书馆，却常年“铁将军把门”。", "某县建成了图书馆，却常年「铁将军把门」。"},
        {"山东省青岛市集聚了全国近30%的海洋科研机构，“蛟龙”号从这里驶向深蓝。",
         "山东省青岛市集聚了全国近30%的海洋科研机构，「蛟龙」号从这里驶向深蓝。"},
        {"贵州省黔东南州榕江县以“村超”赛事为媒，带动消费。",
         "贵州省黔东南州榕江县以「村超」赛事为媒，带动消费。"},
    };
    for (size_t i = 0; i < sizeof twins / sizeof *twins; i++) {
        el_doc *a = analyse(twins[i][0]), *b = analyse(twins[i][1]);
        assert_int_equal(a->cases.n, b->cases.n);
        for (size_t k = 0; k < a->cases.n; k++) {
            assert_int_equal(a->cases.v[k].negative, b->cases.v[k].negative);
            assert_int_equal(a->cases.v[k].place.len, b->cases.v[k].place.len);
            assert_int_equal(a->cases.v[k].name.len, b->cases.v[k].name.len);
            if (a->cases.v[k].name.len)
                assert_memory_equal(a->plain.v + a->cases.v[k].name.off,
                                    b->plain.v + b->cases.v[k].name.off, a->cases.v[k].name.len);
        }
        el_doc_free(a);
        el_doc_free(b);
    }
}

/*
 * The pairs of corner brackets spelled out: 「 and 『 open (sixteen deep at most), 」 and 』
 * close the innermost of their own kind still open, and the opens above it are dropped; a
 * close with none of its kind open is passed over. In order of opening mark.
 */
static void ref_corners(const char *s, size_t n, qpair *out, size_t *nout)
{
    size_t stack[16], depth = 0;
    bool kind[16];
    *nout = 0;
    for (size_t i = 0; i + 3 <= n; i++) {
        bool open1 = memcmp(s + i, "「", 3) == 0, open2 = memcmp(s + i, "『", 3) == 0;
        bool close1 = memcmp(s + i, "」", 3) == 0, close2 = memcmp(s + i, "』", 3) == 0;
        if ((open1 || open2) && depth < 16) {
            kind[depth] = open2;
            stack[depth++] = i;
        } else if (close1 || close2) {
            size_t d = depth;
            while (d > 0 && kind[d - 1] != close2)
                d--;
            if (d > 0) {
                out[(*nout)++] = (qpair){stack[d - 1], stack[d - 1] + 3, i};
                depth = d - 1;
            }
        }
    }
    for (size_t a = 1; a < *nout; a++)
        for (size_t b = a; b > 0 && out[b - 1].open > out[b].open; b--) {
            qpair t = out[b];
            out[b] = out[b - 1];
            out[b - 1] = t;
        }
}

/* Marks, their look-alikes (、。《》 share the lead bytes) and broken sequences. */
static const char *const corner_pieces[] = {
    "「", "」", "『", "』", "“",        "”",    "。",   "、",   "《",   "》", "〈",
    "\"", "；", "a",  " ",  "\xE3\x80", "\xE3", "\x8C", "\x8D", "\x8F", "〇", "〃",
};

/* scan_marks finds the corner pairs as the reference does, with SSE2 as byte by byte; “…”, the
   ASCII pairs and the ends are left as they were (test_cases_ascii checks those). */
static void test_scan_corners(void **state)
{
    (void)state;
    test_seed(0x434F524E);
    struct scan a, b;
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    buf t = {0};
    size_t pairs = 0;
    qpair *want = NULL;
    for (int round = 0; round < 3000; round++) {
        pieces_text(&t, round % 20 == 0 ? 3000 : test_below(300), corner_pieces,
                    sizeof corner_pieces / sizeof *corner_pieces, true);
        want = realloc(want, (t.n / 3 + 1) * sizeof *want);
        assert_non_null(want);
        for (size_t cut = t.n > 20 ? t.n - 20 : 0; cut <= t.n; cut++) {
            char *p = exact(t.v, cut);
            size_t nw;
            scan_marks(p, cut, &a);
            ref_corners(p, cut, want, &nw);
            assert_int_equal(a.cq.n, nw);
            for (size_t i = 0; i < nw; i++) {
                assert_int_equal(a.cq.v[i].open, want[i].open);
                assert_int_equal(a.cq.v[i].close, want[i].close);
            }
            /* the byte loop agrees */
            struct qstack q = {.n = 0, .sorted = true, .dq_open = SIZE_MAX};
            b.ends.n = b.quotes.n = b.dq.n = b.cq.n = 0;
            for (size_t i = 0; i < cut; i++)
                mark_at((const unsigned char *)p, cut, i, &b, &q);
            assert_int_equal(a.ends.n, b.ends.n);
            qsort(b.cq.v, b.cq.n, sizeof *b.cq.v, cmp_qpair);
            assert_int_equal(b.cq.n, nw);
            for (size_t i = 0; i < nw; i++)
                assert_int_equal(b.cq.v[i].open, want[i].open);
            pairs += nw;
            free(p);
        }
    }
    assert_true(pairs > 10000);
    free(want);
    free(t.v);
    scan_free(&a);
    scan_free(&b);
}

/* ---- G3: the object of a preposition ------------------------------------------------------- */

static void test_preposition_object(void **state)
{
    (void)state;
    static const struct want w[] = {
        {"湖南省株洲市为“大国工匠”设立专项奖励，激发了技能人才的干劲。",
         1,
         {"湖南省株洲市"},
         {NULL},
         {false}},
        {"浙江省杭州市向“小微企业”发放专项补贴。", 1, {"浙江省杭州市"}, {NULL}, {false}},
        {"浙江省杭州市对“僵尸企业”进行集中清理。", 1, {"浙江省杭州市"}, {NULL}, {false}},
        {"浙江省杭州市给“新市民”发放安居补贴。", 1, {"浙江省杭州市"}, {NULL}, {false}},
        /* 为 of a verb: what a thing became, no initiative either */
        {"浙江省杭州市开展技能培训，让一技之长成为“金饭碗”。",
         1,
         {"浙江省杭州市"},
         {NULL},
         {false}},
        /* a later quote still names the initiative */
        {"湖南省株洲市为“大国工匠”设立专项奖励，并推出“株洲工匠”培养计划。",
         1,
         {"湖南省株洲市"},
         {"株洲工匠"},
         {false}},
        {"浙江省杭州市为“小微企业”推出“亲清在线”平台。",
         1,
         {"浙江省杭州市"},
         {"亲清在线"},
         {false}},
    };
    check_wants(w, sizeof w / sizeof *w);
}

/* Near misses: 为 after the quote, 为 with no quote, launched names, names of a noun. */
static void test_preposition_not(void **state)
{
    (void)state;
    static const struct want w[] = {
        {"浙江省杭州市“城市大脑”为交通治理提供了新路径。",
         1,
         {"浙江省杭州市"},
         {"城市大脑"},
         {false}},
        {"浙江省杭州市坚持为民服务，推行“全程代办”。", 1, {"浙江省杭州市"}, {"全程代办"}, {false}},
        {"贵州省黔东南州榕江县以“村超”赛事为媒，带动消费。",
         1,
         {"贵州省黔东南州榕江县"},
         {"村超"},
         {false}},
        {"浙江省杭州市推出“亲清在线”平台，为企业纾困。",
         1,
         {"浙江省杭州市"},
         {"亲清在线"},
         {false}},
        {"浙江省安吉县“余村模式”引领绿色发展。", 1, {"浙江省安吉县"}, {"余村模式"}, {false}},
        /* 号召 is no craft's 号 (“蛟龙”号) */
        {"浙江省杭州市发出“最多跑一次”号召。", 1, {"浙江省杭州市"}, {"最多跑一次"}, {false}},
        /* 为 of a verb that gives the name */
        {"浙江省杭州市将这一平台命名为“亲清在线”。", 1, {"浙江省杭州市"}, {"亲清在线"}, {false}},
        {"浙江省宁波市鄞州区推行“红管家”，有效解决了物业纠纷。",
         1,
         {"浙江省宁波市鄞州区"},
         {"红管家"},
         {false}},
    };
    check_wants(w, sizeof w / sizeof *w);
}

/* ---- linear on hostile input ---------------------------------------------------------------- */

static void test_hostile(void **state)
{
    (void)state;
    buf t = {0};
    /* a case, then 200,000 unmatched opening brackets */
    puts_(&t, "浙江省杭州市推行");
    for (int k = 0; k < 200000; k++)
        puts_(&t, k % 2 ? "「" : "『");
    put(&t, "。", 4); /* and the NUL */
    el_doc *doc = analyse(t.v);
    assert_int_equal(doc->cases.n, 1);
    el_doc_free(doc);
    /* unmatched closes, and closes of the other kind under sixteen opens */
    t.n = 0;
    puts_(&t, "浙江省杭州市推行");
    for (int k = 0; k < 16; k++)
        puts_(&t, "「");
    for (int k = 0; k < 200000; k++)
        puts_(&t, "』");
    put(&t, "。", 4);
    doc = analyse(t.v);
    assert_int_equal(doc->cases.n, 1);
    el_doc_free(doc);
    /* many fronted cases */
    t.n = 0;
    for (int k = 0; k < 2000; k++)
        puts_(&t, "“千万工程”在浙江率先实施；");
    put(&t, "。", 4);
    doc = analyse(t.v);
    assert_int_equal(doc->cases.n, 2000);
    el_doc_free(doc);
    /* links and quotes without end, no place */
    t.n = 0;
    for (int k = 0; k < 20000; k++)
        puts_(&t, "“千万工程”改革起步于在");
    put(&t, "。", 4);
    doc = analyse(t.v);
    assert_int_equal(doc->cases.n, 0);
    el_doc_free(doc);
    free(t.v);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fronted),
        cmocka_unit_test(test_fronted_not),
        cmocka_unit_test(test_corners),
        cmocka_unit_test(test_scan_corners),
        cmocka_unit_test(test_preposition_object),
        cmocka_unit_test(test_preposition_not),
        cmocka_unit_test(test_hostile),
        cmocka_unit_test(test_change_pair),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
