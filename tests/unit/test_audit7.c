/* SPDX-License-Identifier: MIT */
/*
 * Fixes from an audit of new drafts for false positives of the session's heuristics, each a
 * draft of a title line and one paragraph (or a small essay), with the near misses that must
 * keep their reading: 其一/其二 open arguments as 其三 does; 应收账款 is no countermeasure;
 * a quoted question followed by 疑问 or 问号 is the essay's own; fractions joined by 、 are no
 * 对偶; a list of words sharing their first and last character is no 排比 unless the first is
 * a frame word (不信谣、不传谣、不造谣; 有温度、有力度、有深度).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "analyze.h"
#include "rules.h"
#include "testanalyse.h"

/* The draft of one paragraph under a title, analysed. */
static el_doc *one(const char *para)
{
    char text[2048];
    snprintf(text, sizeof text, "优化营商环境激发市场活力\n\n%s\n", para);
    return analyse("a.txt", text);
}

/* How many devices of type t the paragraph has. */
static size_t devices_of(const char *para, enum el_device_type t)
{
    el_doc *doc = one(para);
    size_t n = 0;
    for (size_t i = 0; i < doc->devices.n; i++)
        n += doc->devices.v[i].type == t;
    el_doc_free(doc);
    return n;
}

static size_t quotes_in(const char *para)
{
    el_doc *doc = one(para);
    size_t n = doc->quotes.n;
    el_doc_free(doc);
    return n;
}

static void test_qiyi_qier(void **state)
{
    (void)state;
    el_doc *doc = analyse("q.txt", "以改革激发活力\n\n改革是发展的动力，必须坚定不移推进。\n\n"
                                   "其一，深化放权改革。要把该放的权放到位，激发市场活力。\n\n"
                                   "其二，加强公正监管。要让守法者无事不扰，违法者无处遁形。\n\n"
                                   "其三，优化政务服务。要让数据多跑路，群众少跑腿。\n\n"
                                   "总之，改革永远在路上。\n");
    size_t args = 0;
    for (size_t i = 0; i < doc->sections.n; i++)
        args += doc->sections.v[i].kind == EL_SEC_ARGUMENT;
    assert_int_equal(args, 3);
    el_doc_free(doc);
}

static void test_receivables(void **state)
{
    (void)state;
    static const char *const body[] = {"企业应收账款减少。", "企业应付账款增加。"};
    for (size_t i = 0; i < sizeof body / sizeof *body; i++) {
        char text[1024];
        snprintf(text, sizeof text,
                 "优化营商环境激发市场活力\n\n营商环境是生产力。\n\n一是激发市场主体活力。"
                 "浙江省杭州市老街年接待游客300万人次。%s\n\n总之，优化营商环境任重道远。\n",
                 body[i]);
        el_doc *doc = analyse("r.txt", text);
        for (size_t s = 0; s < doc->sections.n; s++)
            if (doc->sections.v[s].kind == EL_SEC_ARGUMENT)
                assert_false(doc->sections.v[s].ev.has_measure);
        el_doc_free(doc);
    }
}

static void test_question_words(void **state)
{
    (void)state;
    assert_int_equal(quotes_in("“营商环境为什么上不去？”这是很多企业家的疑问。"), 0);
    assert_int_equal(quotes_in("“钱从哪里来？”这个问号必须回答好。"), 0);
    /* someone asks: a quotation */
    assert_int_equal(quotes_in("“钱从哪里来？”村民们纷纷发问。"), 1);
    assert_int_equal(quotes_in("“钱从哪里来？”他问。"), 1);
}

static void test_fractions(void **state)
{
    (void)state;
    assert_int_equal(devices_of("两类企业分别占三分之一、五分之二。", EL_DEV_ANTITHESIS), 0);
    assert_int_equal(devices_of("发展与安全是一体之两翼、驱动之双轮。", EL_DEV_ANTITHESIS), 1);
}

static void test_word_lists(void **state)
{
    (void)state;
    assert_int_equal(devices_of("以旧换新补贴覆盖洗衣机、洗碗机、洗地机。", EL_DEV_PARALLELISM), 0);
    assert_int_equal(devices_of("清理公交车、公务车、公用车的违规停放。", EL_DEV_PARALLELISM), 0);
    assert_int_equal(devices_of("要引导网民做到不信谣、不传谣、不造谣。", EL_DEV_PARALLELISM), 1);
    assert_int_equal(devices_of("让服务有温度、有力度、有深度。", EL_DEV_PARALLELISM), 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_qiyi_qier),      cmocka_unit_test(test_receivables),
        cmocka_unit_test(test_question_words), cmocka_unit_test(test_fractions),
        cmocka_unit_test(test_word_lists),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
