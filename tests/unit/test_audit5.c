/* SPDX-License-Identifier: MIT */
/*
 * The fixes of accuracy audit 5 (drafts the project had not seen), each with drafts that
 * failed before and near-misses that must not change:
 * - blocks_text: a draft hard-wrapped at a narrow width (28 columns: 14 Chinese characters a
 *   line, 12 on a paragraph's first line after its 　　) joins its lines into paragraphs; a
 *   short unmarked heading over a long paragraph line is still no wrap;
 * - section: a Markdown draft heading its arguments with whole-bold **…** lines (two or more)
 *   gets one argument under each; a single bold slogan line does not;
 * - notes/claim-not-found: a note's number that the essay writes only at another 万/亿 scale
 *   (300 余处 against 300 万人次) is a claim; a prompt's score （40 分） is none.
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
#include "testsection.h"

/* ---- hard wraps at a narrow width ---- */

static const char wrap28[] = "以绿色低碳转型助力碳达峰碳中和\n"
                             "\n"
                             "　　实现碳达峰碳中和，是一场\n"
                             "广泛而深刻的经济社会系统性变\n"
                             "革。我国承诺力争 2030 年前实\n"
                             "现碳达峰、2060 年前实现碳中\n"
                             "和。推动绿色低碳转型，必须在\n"
                             "能源、产业和生活方式上协同发\n"
                             "力。\n"
                             "\n"
                             "　　一、优化能源结构，筑牢绿\n"
                             "色发展的“底盘”。内蒙古自治区\n"
                             "鄂尔多斯市建设风光储一体化基\n"
                             "地，新能源装机容量突破 1000 \n"
                             "万千瓦。要有序推进煤电节能改\n"
                             "造，让清洁能源成为主力军。\n"
                             "\n"
                             "　　二、推动产业升级，培育低\n"
                             "碳经济的“新引擎”。江苏省苏州\n"
                             "市推动 600 余家工业企业开展\n"
                             "节能诊断，单位工业增加值能耗\n"
                             "下降 8.5%。然而，某市一些高\n"
                             "耗能项目仍“先上车后补票”，要\n"
                             "坚决遏制盲目发展。\n"
                             "\n"
                             "　　三、倡导绿色生活，汇聚全\n"
                             "民参与的“同心圆”。浙江省衢州\n"
                             "市推出“碳账户”，累计开户超过\n"
                             " 200 万户。要让绿色出行、节\n"
                             "约用电成为人人自觉的行动。\n"
                             "\n"
                             "　　绿水青山就是金山银山。优\n"
                             "化能源结构、推动产业升级、倡\n"
                             "导绿色生活，我们必将如期实现\n"
                             "“双碳”目标，建设人与自然和谐\n"
                             "共生的美丽中国。\n"
                             "\n";

static const char wrap34[] = "以绿色低碳转型助力碳达峰碳中和\n"
                             "\n"
                             "　　实现碳达峰碳中和，是一场广泛\n"
                             "而深刻的经济社会系统性变革。我国\n"
                             "承诺力争 2030 年前实现碳达峰、20\n"
                             "60 年前实现碳中和。推动绿色低碳转\n"
                             "型，必须在能源、产业和生活方式上\n"
                             "协同发力。\n"
                             "\n"
                             "　　一、优化能源结构，筑牢绿色发展\n"
                             "的“底盘”。内蒙古自治区鄂尔多斯市\n"
                             "建设风光储一体化基地，新能源装机\n"
                             "容量突破 1000 万千瓦。要有序推进\n"
                             "煤电节能改造，让清洁能源成为主力\n"
                             "军。\n"
                             "\n"
                             "　　二、推动产业升级，培育低碳经济\n"
                             "的“新引擎”。江苏省苏州市推动 60\n"
                             "0 余家工业企业开展节能诊断，单位工\n"
                             "业增加值能耗下降 8.5%。然而，某市\n"
                             "一些高耗能项目仍“先上车后补票”，\n"
                             "要坚决遏制盲目发展。\n"
                             "\n"
                             "　　三、倡导绿色生活，汇聚全民参与\n"
                             "的“同心圆”。浙江省衢州市推出“碳\n"
                             "账户”，累计开户超过 200 万户。要\n"
                             "让绿色出行、节约用电成为人人自觉\n"
                             "的行动。\n"
                             "\n"
                             "　　绿水青山就是金山银山。优化能源\n"
                             "结构、推动产业升级、倡导绿色生活，\n"
                             "我们必将如期实现“双碳”目标，建设\n"
                             "人与自然和谐共生的美丽中国。\n"
                             "\n";

static void test_wrap_narrow(void **state)
{
    (void)state;
    el_doc *doc = parse("wrap28.txt", wrap28);
    check_roles(doc);
    assert_int_equal(doc->paras.n, 5); /* (a line opening with the space a cut left joins) */
    assert_kinds(doc, "IAAAC");
    assert_span(doc, doc->sections.v[1].title, "优化能源结构，筑牢绿色发展的“底盘”");
    el_doc_free(doc);

    doc = parse("wrap34.txt", wrap34);
    check_roles(doc);
    assert_int_equal(doc->paras.n, 5); /* a paragraph's first line, 14 characters after 　　 */
    assert_kinds(doc, "IAAAC");
    el_doc_free(doc);
}

/* Short unmarked headings over unindented paragraph lines, blank lines between: no wraps. */
static void test_wrap_short_headings(void **state)
{
    (void)state;
    el_doc *doc =
        parse("headings.txt", "以多元共治夯实基层治理根基\n"
                              "\n"
                              "基层治理是国家治理的基石，关系到群众的切身利益和社会的长治久安。近年"
                              "来，各地积极探索，涌现出一批好经验好做法，值得认真总结推广。\n"
                              "\n"
                              "强化党建引领把稳治理方向\n"
                              "基层治理是国家治理的基石，关系到群众的切身利益和社会的长治久安。近年"
                              "来，各地积极探索，涌现出一批好经验好做法，值得认真总结推广。\n"
                              "\n"
                              "推动科技赋能提升治理效能\n"
                              "基层治理是国家治理的基石，关系到群众的切身利益和社会的长治久安。近年"
                              "来，各地积极探索，涌现出一批好经验好做法，值得认真总结推广。\n"
                              "\n"
                              "激发群众参与凝聚治理合力\n"
                              "基层治理是国家治理的基石，关系到群众的切身利益和社会的长治久安。近年"
                              "来，各地积极探索，涌现出一批好经验好做法，值得认真总结推广。\n"
                              "\n"
                              "基层治理是国家治理的基石，关系到群众的切身利益和社会的长治久安。近年"
                              "来，各地积极探索，涌现出一批好经验好做法，值得认真总结推广。\n"
                              "\n");
    check_roles(doc);
    /* not joined to their paragraphs, and heading them: three arguments titled by the lines */
    assert_int_equal(doc->paras.n, 5);
    assert_kinds(doc, "IAAAC");
    assert_span(doc, doc->sections.v[1].title, "强化党建引领把稳治理方向");
    assert_span(doc, doc->sections.v[3].title, "激发群众参与凝聚治理合力");
    el_doc_free(doc);
}

#define PLAIN_PARA                                                                                                                               \
    "基层治理是国家治理的基石，关系到群众的切身利益和社会的长治久安。各地积极探索，涌现出一批好经" \
    "验。\n"

/* Lines that head nothing: one alone, a line holding a full stop (a sentence cut short), a
   bulleted item, a line over a paragraph no longer than it, a line with a blank line under it. */
static void test_plain_heads_near_misses(void **state)
{
    (void)state;
    static const char *const drafts[] = {
        /* one heading line only: no pattern */
        "以多元共治夯实基层治理根基\n\n" PLAIN_PARA "\n强化党建引领把稳治理方向\n" PLAIN_PARA
        "\n" PLAIN_PARA "\n" PLAIN_PARA,
        /* stops inside */
        "以多元共治夯实基层治理根基\n\n" PLAIN_PARA "\n强化党建引领。把稳治理方向\n" PLAIN_PARA
        "\n推动科技赋能。提升治理效能\n" PLAIN_PARA "\n" PLAIN_PARA,
        /* bullets */
        "以多元共治夯实基层治理根基\n\n" PLAIN_PARA "\n· 强化党建引领把稳治理方向\n" PLAIN_PARA
        "\n· 推动科技赋能提升治理效能\n" PLAIN_PARA "\n" PLAIN_PARA,
        /* a blank line under the short lines */
        "以多元共治夯实基层治理根基\n\n" PLAIN_PARA "\n强化党建引领把稳治理方向\n\n" PLAIN_PARA
        "\n推动科技赋能提升治理效能\n\n" PLAIN_PARA "\n" PLAIN_PARA,
    };
    for (size_t i = 0; i < sizeof drafts / sizeof drafts[0]; i++) {
        el_doc *doc = parse("near.txt", drafts[i]);
        check_roles(doc);
        for (size_t k = 0; k < doc->sections.n; k++) {
            const el_span ti = doc->sections.v[k].title;
            if (ti.len && doc->sections.v[k].npara == 0)
                fail_msg("draft %zu: section %zu has a title and no paragraph", i, k);
        }
        /* every short line is still a paragraph of its own */
        assert_true(doc->paras.n >= 5);
        el_doc_free(doc);
    }
}

/* ---- **bold** argument headings ---- */

static const char bold_heads[] =
    "# 以数字经济赋能高质量发展\n"
    "\n"
    "当前，数字经济正成为重组全球要素资源、重塑全球经济结构的关键力量。2023 年我国数字经济规模达 "
    "53.9 万亿元，占 GDP 比重超过四成。只有做强做优做大数字经济，才能为高质量发展注入澎湃动能。\n"
    "\n"
    "**筑牢数字底座，打通发展“大动脉”**\n"
    "\n"
    "基础设施是数字经济的“压舱石”。贵州省贵阳市依托大数据综合试验区，建成数据中心 20 余个，吸引 "
    "3000 多家企业落户。反观某县，网络覆盖不足，农产品电商迟迟打不开局面。未来需加快 5G "
    "基站和算力网络建设，让数据多跑路、群众少跑腿。\n"
    "\n"
    "**推动产业融合，激活转型“新引擎”**\n"
    "\n"
    "数字技术与实体经济深度融合，是提质增效的关键。广东省佛山市推动 1.2 "
    "万家制造企业“上云用数赋智”，生产效率平均提升 "
    "15%。要引导中小企业由点及面推进数字化改造，避免“不敢转、不会转”。\n"
    "\n"
    "**完善治理规则，守护数据“安全线”**\n"
    "\n"
    "发展与安全是一体之两翼、驱动之双轮。浙江省杭州市出台数据交易管理办法，全年撮合交易额近 10 "
    "亿元。但也应看到，个人信息泄露、平台垄断等问题依然存在。应当健全数据产权制度，让数据要素在阳光"
    "下有序流动。\n"
    "\n"
    "**结语**\n"
    "\n"
    "数字浪潮奔涌向前。以底座强支撑，以融合促转型，以治理保安全，我们定能在数字经济的新赛道上跑出加"
    "速度，为中国式现代化筑牢坚实根基。\n"
    "\n";

static void test_bold_headings(void **state)
{
    (void)state;
    el_doc *doc = parse("bold.md", bold_heads);
    check_roles(doc);
    assert_kinds(doc, "IAAAC");
    assert_span(doc, doc->sections.v[1].title, "筑牢数字底座，打通发展“大动脉”");
    assert_span(doc, doc->sections.v[3].title, "完善治理规则，守护数据“安全线”");
    el_doc_free(doc);
}

/* One bold line is a slogan, not a way of heading: the parse is what it was. */
static void test_bold_near_misses(void **state)
{
    (void)state;
    el_doc *doc = parse(
        "one-bold.md",
        "# 以数字经济赋能高质量发展\n"
        "\n"
        "当前，数字经济正成为重组全球要素资源、重塑全球经济结构的关键力量。2023 "
        "年我国数字经济规模达 53.9 万亿元，占 GDP "
        "比重超过四成。只有做强做优做大数字经济，才能为高质量发展注入澎湃动能。\n"
        "\n"
        "**以数字赋能发展 以改革激活动能**\n"
        "\n"
        "基础设施是数字经济的“压舱石”。贵州省贵阳市依托大数据综合试验区，建成数据中心 20 "
        "余个，吸引 3000 "
        "多家企业落户。反观某县，网络覆盖不足，农产品电商迟迟打不开局面。未来需加快 5G "
        "基站和算力网络建设，让数据多跑路、群众少跑腿。\n"
        "\n"
        "## 推动产业融合，激活转型“新引擎”\n"
        "\n"
        "数字技术与实体经济深度融合，是提质增效的关键。广东省佛山市推动 1.2 "
        "万家制造企业“上云用数赋智”，生产效率平均提升 "
        "15%。要引导中小企业由点及面推进数字化改造，避免“不敢转、不会转”。\n"
        "\n"
        "## 完善治理规则，守护数据“安全线”\n"
        "\n"
        "发展与安全是一体之两翼、驱动之双轮。浙江省杭州市出台数据交易管理办法，全年撮合交易额近 10 "
        "亿元。但也应看到，个人信息泄露、平台垄断等问题依然存在。应当健全数据产权制度，让数据要素在"
        "阳光下有序流动。\n"
        "\n"
        "## 结语\n"
        "\n"
        "数字浪潮奔涌向前。以底座强支撑，以融合促转型，以治理保安全，我们定能在数字经济的新赛道上跑"
        "出加速度，为中国式现代化筑牢坚实根基。\n"
        "\n");
    assert_kinds(doc, "IAAAAC");
    el_doc_free(doc);
}

/* ---- notes/claim-not-found ---- */

static void test_note_scale(void **state)
{
    (void)state;
    el_doc *doc = analyse("scale.txt",
                          "坚定文化自信\n"
                          "\n"
                          "　　某市修缮古建筑 200 余处，开街一年接待游客超 300 万人次，"
                          "带动就业 1.5 万人，投入资金 12 亿元。\n"
                          "\n"
                          "写作分析\n"
                          "1. 列举了“修缮古建筑 300 余处”等数据。\n"
                          "2. “300 万人次”“300 多万人次”“1.5 万人”“12 亿元”“200 余处”说明成效。\n"
                          "3. 本题满分（40 分）。\n");
    char out[512];
    assert_string_equal(claims(doc, out, sizeof out), "300");
    el_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wrap_narrow),
        cmocka_unit_test(test_wrap_short_headings),
        cmocka_unit_test(test_plain_heads_near_misses),
        cmocka_unit_test(test_bold_headings),
        cmocka_unit_test(test_bold_near_misses),
        cmocka_unit_test(test_note_scale),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
