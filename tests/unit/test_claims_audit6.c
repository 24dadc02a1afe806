/* SPDX-License-Identifier: MIT */
/*
 * Accuracy audit 6, notes/claim-not-found: a quoted term is found when a pair of adjacent Han
 * characters of it is in the essay and every run of two or more characters no such pair covers
 * has its characters in the essay (“人数地图” with only 人数 there and no 地 or 图 is reported;
 * “旧邦新命” for 周虽旧邦，其命维新 and “一屏观天下” for 一屏看天下 are found).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "analyze.h"
#include "lint.h"
#include "rules.h"
#include "testanalyse.h"

/* ---- notes/claim-not-found: the quoted terms ---- */

/* The claims of a draft with the paragraph para and the note 【点评】note. */
static const char *claims_of(const char *para, const char *note, char *out, size_t cap)
{
    char text[2048];
    snprintf(text, sizeof text, "测试标题\n\n%s\n\n【点评】%s\n", para, note);
    el_doc *doc = analyse("n.txt", text);
    claims(doc, out, cap);
    el_doc_free(doc);
    return out;
}

#define YANTAI "山东省烟台市开展无障碍环境建设，参与人数超过1.5万人次。"

static void test_term_distinct_part(void **state)
{
    (void)state;
    char out[1024];
    /* the audit's R17 and d09: one pair is there, the distinctive word is not */
    assert_string_equal(claims_of(YANTAI, "用了“人数地图”案例。", out, sizeof out), "人数地图");
    assert_string_equal(claims_of(YANTAI, "用了“无障碍地图”案例。", out, sizeof out), "无障碍地图");
    /* R17b: no pair there, as before */
    assert_string_equal(claims_of(YANTAI, "用了“盲道地图”案例。", out, sizeof out), "盲道地图");
    /* two words, one there: the other is missing */
    assert_string_equal(claims_of(YANTAI, "用了“环境监测”案例。", out, sizeof out), "环境监测");
}

static void test_term_near_misses(void **state)
{
    (void)state;
    char out[1024];
    static const struct {
        const char *para, *note;
    } found[] = {
        {YANTAI, "用了“无障碍环境建设”案例。"}, /* verbatim */
        {YANTAI, "用了“无障碍环境”案例。"},
        {"“周虽旧邦，其命维新。”中华文化生生不息。", "点出“旧邦新命”的时代命题。"},
        {"上海市实现“一屏看天下、一网管全城”。", "用“一屏观天下”写智慧治理。"},
        {"习近平总书记指出：“乡村振兴既要塑形，也要铸魂。”", "引述“塑形铸魂”的论述。"},
        {"人民城市人民建，人民城市为人民。要以群众满意为中心工作。", "点明“以人民为中心”的导向。"},
        {"某市修缮古建筑 300 余处，游客明显增多。", "列举了“修缮古建筑 300 余处”。"},
        {"浙江省推广“时间银行”互助养老。", "用“时间银行卡”说明。"}, /* one character off */
        {YANTAI, "用“以……促……”句式。"},                             /* a pattern */
    };
    for (size_t i = 0; i < sizeof found / sizeof found[0]; i++)
        if (strcmp(claims_of(found[i].para, found[i].note, out, sizeof out), "") != 0)
            fail_msg("\"%s\" over \"%s\": claims \"%s\"", found[i].note, found[i].para, out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_term_distinct_part),
        cmocka_unit_test(test_term_near_misses),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
