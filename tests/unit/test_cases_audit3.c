/* SPDX-License-Identifier: MIT */
/*
 * The case extractor on three gaps of a third audit, each a draft of a title line and one
 * sentence. A quoted initiative that opens its clause, then 在, the place, a verb of carrying
 * it out, maybe after an adverb of scope (“最多跑一次”改革在浙江全面推行, “千万工程”在浙江推行),
 * is a case at that place named
 * by the term, as an origin link makes one (test_cases_audit2); with no place (在全国), a term
 * that does not open its clause, a figure or another verb, it is none, and an anonymised place
 * keeps its problem words (在某村全面推行后却流于形式: negative, no name). A date and 的
 * between an origin link and the place (“千万工程”始于2003年的浙江) still link them. After a
 * quote, 更名为 (and 改名为, 定名为, 命名为) names what follows and makes the term before it an
 * old name, while 改为 (like 变为) tells a change, so neither term names the case. The static
 * routines are reached by including the source; the drafts go through el_parse and the
 * extractors, as in test_cases.c.
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

/* ---- A: 在 + place + an adverb + a verb of carrying out ------------------------------------ */

static void test_carried(void **state)
{
    (void)state;
    static const struct want w[] = {
        {"“最多跑一次”改革在浙江全面推行，群众办事更方便。", 1, {"浙江"}, {"最多跑一次"}, {false}},
        {"“河长制”在江苏全省推开，河湖面貌焕然一新。", 1, {"江苏"}, {"河长制"}, {false}},
        {"“积分制”在湖南省新化县广泛推广，村民参与热情高涨。",
         1,
         {"湖南省新化县"},
         {"积分制"},
         {false}},
        {"“街长制”在山东省青岛市全面实施，街区秩序明显改善。",
         1,
         {"山东省青岛市"},
         {"街长制"},
         {false}},
        {"“林长制”在安徽相继落地，森林资源得到有效保护。", 1, {"安徽"}, {"林长制"}, {false}},
        {"“千万工程”在浙江深入实施二十年，造就了万千美丽乡村。",
         1,
         {"浙江"},
         {"千万工程"},
         {false}},
        {"“首违不罚”在上海全面推行，企业获得感明显增强。", 1, {"上海"}, {"首违不罚"}, {false}},
        {"“双减”政策在北京全面落地，学生负担明显减轻。", 1, {"北京"}, {"双减"}, {false}},
        {"“绿水青山就是金山银山”理念在浙江安吉全面落地。",
         1,
         {"浙江安吉"},
         {"绿水青山就是金山银山"},
         {false}},
        {"“最多跑一次”改革在浙江全面推行的经验值得借鉴。", 1, {"浙江"}, {"最多跑一次"}, {false}},
        {"“接诉即办”在北京全面推行，市民诉求响应率超过95%。", 1, {"北京"}, {"接诉即办"}, {false}},
        {"“林长制”在江西省全省推开。", 1, {"江西省"}, {"林长制"}, {false}},
        {"“智慧河长”在浙江省杭州市全面推开，数字治水成效显著。",
         1,
         {"浙江省杭州市"},
         {"智慧河长"},
         {false}},
        /* an anonymised place takes the name as well, when nothing went wrong there */
        {"“积分制”在某村全面推行，村民参与热情高涨。", 1, {"某村"}, {"积分制"}, {false}},
        {"“网格化管理”在某县全面推行，群众满意度大幅提升。", 1, {"某县"}, {"网格化管理"}, {false}},
        /* a counter-example after it is its own case */
        {"“最多跑一次”改革在浙江全面推行，而某县却流于形式。",
         2,
         {"浙江", "某县"},
         {"最多跑一次", NULL},
         {false, true}},
    };
    check_wants(w, sizeof w / sizeof *w);
}

/* Near misses: no place, no opening name, a figure, another verb, something between. */
static void test_carried_not(void **state)
{
    (void)state;
    static const struct want w[] = {
        /* 全国 is no place */
        {"“双减”政策在全国推行，学生负担明显减轻。", 0, {NULL}, {NULL}, {false}},
        {"“双减”政策在全国全面推行，学生负担明显减轻。", 0, {NULL}, {NULL}, {false}},
        /* an anonymised place with no name: the problem words make it a counter-example, as
           before */
        {"这一做法在某县推行后却流于形式。", 1, {"某县"}, {NULL}, {true}},
        {"“积分制”在某村全面推行后却流于形式，村民怨声载道。", 1, {"某村"}, {NULL}, {true}},
        {"“一站式服务”在某市全面推行后，窗口却依旧排长队。", 1, {"某市"}, {NULL}, {true}},
        {"然而，“一刀切”在某县全面推行，群众怨声载道。", 1, {"某县"}, {NULL}, {true}},
        /* 等 ends a list of places: regions, no case */
        {"“千万工程”在浙江、江苏等地全面推行。", 0, {NULL}, {NULL}, {false}},
        /* the quote does not open its clause */
        {"大家都知道“千万工程”在浙江全面推行。", 0, {NULL}, {NULL}, {false}},
        {"这一“千万工程”在浙江全面推行。", 0, {NULL}, {NULL}, {false}},
        /* a figure, an everyday word */
        {"“压舱石”在浙江全面推行。", 0, {NULL}, {NULL}, {false}},
        {"“打卡”在浙江全面推广。", 0, {NULL}, {NULL}, {false}},
        /* no verb of carrying out, or a word between the place and the adverb */
        {"“千万工程”在浙江广泛传播。", 0, {NULL}, {NULL}, {false}},
        {"“千万工程”在浙江大地全面推行。", 0, {NULL}, {NULL}, {false}},
        /* no quote */
        {"千万工程在浙江全面推行。", 0, {NULL}, {NULL}, {false}},
    };
    check_wants(w, sizeof w / sizeof *w);
}

/* carried_out reads an adverb, then a verb, right at the offset. */
static void test_carried_out(void **state)
{
    (void)state;
    static const char *const yes[] = {"全面推行", "广泛推广，", "全省推开", "相继落地",
                                      "深入实施", "推行",       "实施后"};
    static const char *const no[] = {"全面", "全面传播", "大地全面推行", "", "全", "传遍"};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        assert_true(carried_out(yes[i], 0, strlen(yes[i])));
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        assert_false(carried_out(no[i], 0, strlen(no[i])));
    /* cut short, the verb is no verb */
    assert_false(carried_out("全面推行", 0, strlen("全面推")));
}

/* ---- B: a date between the origin link and the place ---------------------------------------- */

static void test_dated(void **state)
{
    (void)state;
    static const struct want w[] = {
        {"“千万工程”始于2003年的浙江，造就了万千美丽乡村。", 1, {"浙江"}, {"千万工程"}, {false}},
        {"“千万工程”始于二〇〇三年的浙江。", 1, {"浙江"}, {"千万工程"}, {false}},
        {"“千万工程”始于2003年6月的浙江。", 1, {"浙江"}, {"千万工程"}, {false}},
        {"“枫桥经验”诞生于上世纪60年代的浙江诸暨，历久弥新。",
         1,
         {"浙江诸暨"},
         {"枫桥经验"},
         {false}},
        {"“枫桥经验”发源于20世纪60年代的浙江省诸暨市枫桥镇。",
         1,
         {"浙江省诸暨市枫桥镇"},
         {"枫桥经验"},
         {false}},
        {"“林票”制度起源于2017年的福建三明。", 1, {"福建三明"}, {"林票"}, {false}},
    };
    check_wants(w, sizeof w / sizeof *w);
}

/* Near misses: no date before 的, no origin link, no quote, the date in another clause. */
static void test_dated_not(void **state)
{
    (void)state;
    static const struct want w[] = {
        {"“千万工程”始于美丽的浙江。", 0, {NULL}, {NULL}, {false}},
        {"“千万工程”始于那年的浙江。", 0, {NULL}, {NULL}, {false}},
        {"“千万工程”推行于2003年的浙江。", 0, {NULL}, {NULL}, {false}},
        {"这一做法始于2003年的浙江。", 0, {NULL}, {NULL}, {false}},
        /* a date, a comma: 浙江 starts its own clause, the name is the clause's before */
        {"“千万工程”始于2003年，浙江从此走上美丽乡村建设之路。", 1, {"浙江"}, {NULL}, {false}},
        /* 在 is no origin link: a date after it links nothing */
        {"“千万工程”在2003年的浙江全面推行。", 0, {NULL}, {NULL}, {false}},
    };
    check_wants(w, sizeof w / sizeof *w);
}

/* date_de: the length of a date and 的 ending the text, 0 if there is none. */
static void test_date_de(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        const char *date; /* the date and 的 it ends with, NULL: none */
    } t[] = {
        {"始于2003年的", "2003年的"},
        {"始于二〇〇三年的", "二〇〇三年的"},
        {"始于上世纪60年代的", "上世纪60年代的"},
        {"始于２００３年初的", "２００３年初的"},
        {"始于2003年6月的", "2003年6月的"},
        {"2003年的", "2003年的"},
        {"始于那年的", NULL},
        {"始于美丽的", NULL},
        {"始于年的", NULL},
        {"始于2003的", NULL},
        {"始于2003年", NULL},
        {"的", NULL},
        {"", NULL},
    };
    for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
        size_t n = strlen(t[i].s), want = t[i].date ? strlen(t[i].date) : 0;
        if (date_de(t[i].s, n) != want)
            fail_msg("%s: %zu, want %zu", t[i].s, date_de(t[i].s, n), want);
    }
    /* a run of digits longer than a date is read over EL_CASES_DATE_CHARS characters only: the
       number in it is found all the same, and the look back stays short */
    char digits[4096];
    memset(digits, '9', sizeof digits);
    memcpy(digits + sizeof digits - 6, "年的", 6);
    assert_int_equal(date_de(digits, sizeof digits), 6 + EL_CASES_DATE_CHARS - 1);
}

/* ---- C: renames and changes -------------------------------------------------------------- */

static void test_renames(void **state)
{
    (void)state;
    static const struct want w[] = {
        /* 改为, like 变为, tells a change: neither term names the case (before: the old one) */
        {"某市将“文明城市”改为“宜居城市”。", 1, {"某市"}, {NULL}, {false}},
        {"某县将“一事一议”改为“村民议事会”。", 1, {"某县"}, {NULL}, {false}},
        {"浙江省杭州市将“最多跑一次”改为“一次不用跑”，群众办事更便捷。",
         1,
         {"浙江省杭州市"},
         {NULL},
         {false}},
        {"某市将“文明城市”变为“宜居城市”。", 1, {"某市"}, {NULL}, {false}},
        {"浙江省杭州市将这一平台改为“亲清在线”。", 1, {"浙江省杭州市"}, {NULL}, {false}},
        /* 更名为 names what follows; the term before it is the old name (before: taken) */
        {"某县将“一事一议”更名为“村民议事会”。", 1, {"某县"}, {"村民议事会"}, {false}},
        {"浙江省杭州市将“城管局”更名为“城市管理综合执法局”，职能更加清晰。",
         1,
         {"浙江省杭州市"},
         {"城市管理综合执法局"},
         {false}},
        {"浙江省杭州市将这一平台更名为“亲清在线”。", 1, {"浙江省杭州市"}, {"亲清在线"}, {false}},
        {"浙江省杭州市将这一平台定名为“亲清在线”。", 1, {"浙江省杭州市"}, {"亲清在线"}, {false}},
        {"浙江省杭州市将“城管局”改名为“综合执法局”。",
         1,
         {"浙江省杭州市"},
         {"综合执法局"},
         {false}},
    };
    check_wants(w, sizeof w / sizeof *w);
}

/* Near misses: a launched name stays the name; 改革 after a quote is no rename. */
static void test_renames_not(void **state)
{
    (void)state;
    static const struct want w[] = {
        {"浙江省杭州市推行“最多跑一次”改革，群众办事更方便。",
         1,
         {"浙江省杭州市"},
         {"最多跑一次"},
         {false}},
        {"浙江省杭州市推出“亲清在线”平台，后更名为“数字杭州”。",
         1,
         {"浙江省杭州市"},
         {"亲清在线"},
         {false}},
        {"浙江省杭州市推出“亲清在线”，后来改为线上线下同步办理。",
         1,
         {"浙江省杭州市"},
         {"亲清在线"},
         {false}},
        {"浙江省湖州市推出“两山银行”，让“绿水青山”变成了“金山银山”。",
         1,
         {"浙江省湖州市"},
         {"两山银行"},
         {false}},
    };
    check_wants(w, sizeof w / sizeof *w);
}

/* ---- the lists ----------------------------------------------------------------------------- */

/* The new lists: three bytes or more a word, the renames mask of its words' keys, date_chars
   sorted (in_set bisects it). */
static void test_lists(void **state)
{
    (void)state;
    const struct {
        const word *w;
        size_t n;
    } lists[] = {{WORDS(carry_adverbs)}, {WORDS(carry_verbs)}, {WORDS(renames)}};
    for (size_t l = 0; l < sizeof lists / sizeof *lists; l++)
        for (size_t i = 0; i < lists[l].n; i++) {
            assert_int_equal(lists[l].w[i].len, strlen(lists[l].w[i].s));
            assert_true(lists[l].w[i].len >= 3);
        }
    uint64_t m = 0;
    for (size_t i = 0; i < sizeof renames / sizeof *renames; i++)
        m |= 1ULL << ((unsigned char)renames[i].s[2] & 63);
    assert_true(m == renames_keys);
    for (size_t i = 1; i < sizeof date_chars / sizeof *date_chars; i++)
        assert_true(date_chars[i - 1] < date_chars[i]);
}

/* ---- linear on hostile input ---------------------------------------------------------------- */

static void test_hostile(void **state)
{
    (void)state;
    buf t = {0};
    /* many carried-out cases */
    for (int k = 0; k < 2000; k++)
        puts_(&t, "“千万工程”在浙江全面推行；");
    put(&t, "。", 4); /* and the NUL */
    el_doc *doc = analyse(t.v);
    assert_int_equal(doc->cases.n, 2000);
    el_doc_free(doc);
    /* many dated origins */
    t.n = 0;
    for (int k = 0; k < 2000; k++)
        puts_(&t, "“千万工程”始于2003年的浙江；");
    put(&t, "。", 4);
    doc = analyse(t.v);
    assert_int_equal(doc->cases.n, 2000);
    el_doc_free(doc);
    /* a long run of date characters before each place, no link */
    t.n = 0;
    for (int k = 0; k < 2000; k++) {
        for (int d = 0; d < 50; d++)
            puts_(&t, "二〇年");
        puts_(&t, "的浙江");
    }
    put(&t, "。", 4);
    doc = analyse(t.v);
    assert_int_equal(doc->cases.n, 0);
    el_doc_free(doc);
    free(t.v);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_carried),     cmocka_unit_test(test_carried_not),
        cmocka_unit_test(test_carried_out), cmocka_unit_test(test_dated),
        cmocka_unit_test(test_dated_not),   cmocka_unit_test(test_date_de),
        cmocka_unit_test(test_renames),     cmocka_unit_test(test_renames_not),
        cmocka_unit_test(test_lists),       cmocka_unit_test(test_hostile),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
