/* SPDX-License-Identifier: MIT */
/*
 * Accuracy audit 6, evidence/no-countermeasure: 要/应/需/须 after a short subject propose what
 * is to be done (活化利用要坚持适度原则) as much as at a clause start, the way 必须 counts
 * anywhere; not where they end or start another word (主要, 重要, 摘要, 只要…就, 要是, 要素,
 * 相应, 响应, 适应, 效应, 供应, 应用, 供需) or tell what happens (村民要走10公里, 往往要排队,
 * 见了长辈要问好, 技术要不来), and not 应该说.
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

/* ---- evidence/no-countermeasure ---- */

/* How many evidence/no-countermeasure findings a one-argument draft with paragraph para has
   (its case and figure are there: only the countermeasure is asked). */
static size_t no_measure(const char *para)
{
    char text[2048];
    snprintf(text, sizeof text, "测试标题\n\n论点 1:推动活化利用\n\n%s\n", para);
    el_doc *doc = analyse("m.txt", text);
    size_t n = 0;
    for (size_t i = 0; i < doc->findings.n; i++)
        n += doc->findings.v[i].rule == EL_RULE_EVIDENCE_NO_COUNTERMEASURE;
    /* the report's evidence flag says the same */
    for (size_t s = 0; s < doc->sections.n; s++)
        if (doc->sections.v[s].kind == EL_SEC_ARGUMENT)
            assert_int_equal(doc->sections.v[s].ev.has_measure, n == 0);
    el_doc_free(doc);
    return n;
}

#define CASE "福建省龙岩市永定区年接待游客超过500万人次。"

static void test_measure_after_subject(void **state)
{
    (void)state;
    static const char *const yes[] = {
        CASE "活化利用要坚持适度原则，做到修旧如旧。", /* the audit's R15 */
        CASE "活化利用应坚持适度原则，做到修旧如旧。",
        CASE "活化利用必须坚持适度原则，做到修旧如旧。", /* as before */
        CASE "要坚持适度原则，做到修旧如旧。",           /* as before */
        CASE "文旅产业要保持生命力，在创新中寻找出路。",
        CASE "保护工作需坚持规划先行。",
        CASE "数字时代不应让老人成为局外人。",
        CASE "古村落保护要不断完善长效机制。",
    };
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        if (no_measure(yes[i]) != 0)
            fail_msg("no countermeasure seen in \"%s\"", yes[i]);
}

static void test_no_measure_near_misses(void **state)
{
    (void)state;
    static const char *const no[] = {
        CASE "这是一项重要工作。",           CASE "主要原因在于资金短缺。",
        CASE "古村落主要分布在山区。",       CASE "报告摘要列出了名录。",
        CASE "游客只要来过就会喜欢。",       CASE "村民要是不同意，工程就停了。",
        CASE "土地要素制约依然突出。",       CASE "游客相应增加了三成。",
        CASE "村民积极响应号召。",           CASE "老人逐步适应新环境。",
        CASE "旅游产生了规模效应。",         CASE "山区供应链条较短。",
        CASE "养老服务存在供需错配。",       CASE "应用场景不断丰富。",
        CASE "应该说，成效是明显的。",       CASE "村民要走10公里山路才能看病。",
        CASE "游客往往要排队很久。",         CASE "见了长辈要问好，这是村里的规矩。",
        CASE "关键核心技术要不来、买不来。", CASE "一个村每月要填报各类表格 60 余张。",
        CASE "以系统为要，以共治为本。",     CASE "他们要花几个小时才能进城。",
    };
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        if (no_measure(no[i]) != 1)
            fail_msg("a countermeasure seen in \"%s\"", no[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_measure_after_subject),
        cmocka_unit_test(test_no_measure_near_misses),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
