/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for the devices of the sixth accuracy audit: 与之相比 / 与此相比 / 比较而言 as
 * contrast markers; a list of problems after a positive case that is a counter-example
 * (然而，有的地方停车难等问题突出) while an introduction's inventory of problems that persist
 * (一些地方仍存在…等问题) stays none; short 排比 of three-character items sharing a frame
 * (不信谣、不传谣、不造谣; 保护之，活化之，共享之; 一家人、一本账、一盘棋; 开得动、充得上、修得好)
 * against lists (北京、上海、广州; 不平衡、不充分、不协调; 获得感、幸福感、安全感); the 、-joined
 * 对偶 of two X之Y items (一体之两翼、驱动之双轮) against lists of two. Each with its traps, and
 * hostile repetitions of every new pattern, which must stay linear.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "analyze.h"
#include "doc.h"
#include "util.h"

#include "testdevices.h"

/* One paragraph under a title: the devices of p. */
static el_doc *para(const char *p)
{
    char buf[2048];
    snprintf(buf, sizeof buf, "点亮夜间经济\n\n%s\n", p);
    return parse(buf);
}

/* A positive case, the 正 of the contrasts below. */
#define CASE "江苏省南京市秦淮区设置夜间临时停车位3000余个。"

/* ---- contrast ------------------------------------------------------------------------- */

static void test_contrast_markers(void **state)
{
    (void)state;
    static const char *const markers[] = {"与之相比", "与此相比", "比较而言", "相比而言",
                                          "相较而言", "相较之下", "相比之下"};
    for (size_t i = 0; i < sizeof markers / sizeof *markers; i++) {
        char p[1024], buf[512];
        snprintf(buf, sizeof buf, "%s，某市盲目照搬外地模式，开业不到一年便人气惨淡。", markers[i]);
        snprintf(p, sizeof p, "%s%s", CASE, buf);
        const char *want = buf;
        el_doc *doc = para(p);
        EXPECT(doc, EL_DEV_CONTRAST, want, 1);
        el_doc_free(doc);
    }
    /* Without positive material before it, a marker opens nothing. */
    el_doc *doc = para("与之相比，某市盲目照搬外地模式，开业不到一年便人气惨淡。");
    EXPECT(doc, EL_DEV_CONTRAST, NO, 0);
    el_doc_free(doc);
}

static void test_counter_example_problems(void **state)
{
    (void)state;
    /* A list of problems after a positive case is its counter-example (R06, d08:5). */
    el_doc *doc = para(CASE "然而，有的地方停车难等问题突出。");
    EXPECT(doc, EL_DEV_CONTRAST, "然而，有的地方停车难等问题突出。", 1);
    el_doc_free(doc);
    doc = para("重庆市渝中区延长轨道交通运营时间至23时；" CASE
               "然而，有的地方夜市虽然热闹，却存在停车难、如厕难、垃圾遍地等问题，游客来过一次便"
               "不愿再来。服务跟不上，再旺的人气也会散去。");
    EXPECT(doc, EL_DEV_CONTRAST,
           "然而，有的地方夜市虽然热闹，却存在停车难、如厕难、垃圾遍地等问题，游客来过一次便不愿"
           "再来。",
           1);
    el_doc_free(doc);
    /* Without 等问题, as before. */
    doc = para(CASE "然而，有的地方停车难。");
    EXPECT(doc, EL_DEV_CONTRAST, "然而，有的地方停车难。", 1);
    el_doc_free(doc);
}

/* The veto where it was meant to apply: an introduction's problems that persist. */
static void test_problem_statement_kept(void **state)
{
    (void)state;
    static const char *const general[] = {
        "然而，一些地方仍存在审批繁琐、办事拖沓等问题。",
        "但也要看到，场地“一位难求”、指导“有场无人”等问题依然存在。",
        "但不少非遗项目面临传承人老化、市场萎缩等困境。",
        "然而，乡村建设还存在产业单一、人才外流等短板。",
        "然而，产业单一、人才外流等问题日益凸显。",
        "但停车难、如厕难等问题不容忽视。",
        "然而，停车难、如厕难等问题亟待解决。",
    };
    for (size_t i = 0; i < sizeof general / sizeof *general; i++) {
        char p[512];
        snprintf(p, sizeof p, "%s%s", CASE, general[i]);
        el_doc *doc = para(p);
        EXPECT(doc, EL_DEV_CONTRAST, NO, 0);
        el_doc_free(doc);
    }
    /* After a statistic alone (no case), any list of problems is the introduction's. */
    el_doc *doc = para("近年来，我国经常参加体育锻炼的人数比例已达37.2%。但场地不足、指导缺乏等问题"
                       "突出。");
    EXPECT(doc, EL_DEV_CONTRAST, NO, 0);
    el_doc_free(doc);
    /* A named or anonymised place in it still makes it a counter-example. */
    doc = para(CASE "然而，某县仍存在停车难、如厕难等问题。");
    EXPECT(doc, EL_DEV_CONTRAST, "然而，某县仍存在停车难、如厕难等问题。", 1);
    el_doc_free(doc);
    /* A counter-example after a persisting problem statement is the contrast. */
    doc = para(CASE "但一些地方仍存在停车难、如厕难等问题。反观某县，游客夜游无处停车。");
    EXPECT(doc, EL_DEV_CONTRAST, "反观某县，游客夜游无处停车。", 1);
    EXPECT(doc, EL_DEV_CONTRAST, NO, 1);
    el_doc_free(doc);
}

/* ---- short 排比 ----------------------------------------------------------------------- */

static void test_short_parallel(void **state)
{
    (void)state;
    el_doc *doc = para("要引导网民做到不信谣、不传谣、不造谣，让理性平和成为网络空间的主旋律。");
    EXPECT(doc, EL_DEV_PARALLELISM, "要引导网民做到不信谣、不传谣、不造谣", 1);
    el_doc_free(doc);
    doc = para(
        "一座古村落，就是一部活着的历史书。保护之，活化之，共享之，方能让古村落焕发新的光彩。");
    EXPECT(doc, EL_DEV_PARALLELISM, "保护之，活化之，共享之", 1);
    EXPECT(doc, EL_DEV_PARALLELISM, NO, 1);
    el_doc_free(doc);
    doc = para("要打破利益藩篱，真正实现“一家人、一本账、一盘棋”。");
    EXPECT(doc, EL_DEV_PARALLELISM, "真正实现“一家人、一本账、一盘棋”", 1);
    el_doc_free(doc);
    doc = para("如何让新能源汽车在乡村“开得动、充得上、修得好”？关键在于补齐设施短板。");
    EXPECT(doc, EL_DEV_PARALLELISM, "如何让新能源汽车在乡村“开得动、充得上、修得好”", 1);
    el_doc_free(doc);
    /* Four items, and items alone after a colon. */
    doc = para("让人才引得进、留得住、用得好、干得成。做到三不：不信谣、不传谣、不造谣。");
    EXPECT(doc, EL_DEV_PARALLELISM, "让人才引得进、留得住、用得好、干得成", 1);
    EXPECT(doc, EL_DEV_PARALLELISM, "不信谣、不传谣、不造谣", 1);
    EXPECT(doc, EL_DEV_PARALLELISM, NO, 2);
    el_doc_free(doc);
    /* A framed run of three characters (有担当，…) is find_parallel's, once. */
    doc = para("基层干部要有担当，有作为，有情怀。");
    EXPECT(doc, EL_DEV_PARALLELISM, "基层干部要有担当，有作为，有情怀", 1);
    EXPECT(doc, EL_DEV_PARALLELISM, NO, 1);
    el_doc_free(doc);
}

static void test_short_lists(void **state)
{
    (void)state;
    static const char *const lists[] = {
        "北京、上海、广州都有类似做法。",
        "教育、医疗、养老是最基本的民生。",
        "不平衡、不充分、不协调的问题依然存在。",
        "推动安全知识进企业、进社区、进学校、进家庭。",
        "不断增强群众的获得感、幸福感、安全感。",
        "推进市场化、法治化、国际化营商环境建设。",
        "他在比赛中先后获得第一名、第二名、第三名。",
        "一季度、二季度、三季度经济持续回升。",
        "北京市、上海市、广州市相继推广。",
        "朝阳区、海淀区、丰台区率先试点。",
        /* two items, and items that break the frame */
        "要做到不信谣、不传谣。",
        "要做到不信谣、不传谣、少造谣。",
        /* the same item three times */
        "好好学、好好学、好好学。",
        /* items across sentences */
        "保护之。活化之。共享之。",
    };
    for (size_t i = 0; i < sizeof lists / sizeof *lists; i++) {
        el_doc *doc = para(lists[i]);
        EXPECT(doc, EL_DEV_PARALLELISM, NO, 0);
        el_doc_free(doc);
    }
}

/* ---- 对偶 of two X之Y items ----------------------------------------------------------- */

static void test_zhi_pair(void **state)
{
    (void)state;
    el_doc *doc = para("发展与安全是一体之两翼、驱动之双轮。浙江省杭州市出台数据交易管理办法。");
    EXPECT(doc, EL_DEV_ANTITHESIS, "一体之两翼、驱动之双轮", 1);
    el_doc_free(doc);
    doc = para("工匠精神是立国之本、强国之基，要大力弘扬。");
    EXPECT(doc, EL_DEV_ANTITHESIS, "立国之本、强国之基", 1);
    el_doc_free(doc);
    static const char *const lists[] = {
        "要统筹城乡之间、区域之间的协调发展。",     "这是重要任务之一、主要内容之一。",
        "统筹一体之两翼、驱动之双轮、发展之基石。", "发展与安全是一体之两翼，是驱动之双轮。",
        "一体之两翼、驱动之双轮的关系。",
    };
    for (size_t i = 0; i < sizeof lists / sizeof *lists; i++) {
        doc = para(lists[i]);
        EXPECT(doc, EL_DEV_ANTITHESIS, NO, 0);
        el_doc_free(doc);
    }
}

/* ---- hostile -------------------------------------------------------------------------- */

static void test_hostile(void **state)
{
    (void)state;
    run_hostile_after(CASE, "不信谣、", 200000);
    run_hostile_after(CASE, "不信谣、不传谣、", 200000);
    run_hostile_after(CASE, "保护之，活化之，", 200000);
    run_hostile_after(CASE, "开得动、充得上、修得好。", 100000);
    run_hostile_after(CASE, "一体之两翼、驱动之双轮、", 100000);
    run_hostile_after(CASE, "是一体之两翼、驱动之双轮。", 100000);
    run_hostile_after(CASE, "然而，有的地方停车难等问题突出。", 100000);
    run_hostile_after(CASE, "，但有的地方存在甲、乙等问题", 100000);
    run_hostile_after(CASE, "，但有的地方仍存在甲、乙等问题", 100000);
    run_hostile_after(CASE, "但有的地方仍存在甲、乙等问题。", 100000);
    run_hostile_after(CASE, "与之相比，", 200000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_contrast_markers),
        cmocka_unit_test(test_counter_example_problems),
        cmocka_unit_test(test_problem_statement_kept),
        cmocka_unit_test(test_short_parallel),
        cmocka_unit_test(test_short_lists),
        cmocka_unit_test(test_zhi_pair),
        cmocka_unit_test(test_hostile),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
