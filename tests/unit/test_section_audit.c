/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for the section-tree fixes of accuracy audit 4 (section 1): S1, a 【总论点】 line
 * (or another intro label) over arguments numbered at paragraph start ((一) 一是 首先) opens
 * the arguments where the numbering starts, and the thesis line is the theme; S2, a
 * hard-wrapped draft joins a line that opens with a continuing mark (， ” 的) and a full line
 * that happens to end with 。 or ” to its paragraph. Each fix with the drafts it must leave
 * alone (headings on their own lines, lone markers in an intro, labels under a full line,
 * paragraph-per-line drafts, 的确 and opening quotation marks).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "blocks.h"
#include "doc.h"
#include "section.h"
#include "text.h"

#include "testsection.h"

/* The line and column of the first occurrence of needle in the paragraph text. */
static void assert_pos(const el_doc *doc, const char *needle, size_t line, size_t col)
{
    const char *p = strstr(doc->plain.v, needle);
    assert_non_null(p);
    size_t src = el_doc_src(doc, (size_t)(p - doc->plain.v)), l, c;
    el_doc_pos(doc, src, &l, &c);
    assert_int_equal(l, line);
    assert_int_equal(c, col);
}

/* ---- S1 ---------------------------------------------------------------------------------- */

#define THESIS_HEAD                                                                                                                        \
    "以法治护航营商环境\n\n"                                                                                                      \
    "【总论点】优化营商环境，需要从立法、执法、司法三个环节协同发力。\n\n"                                 \
    "　　营商环境是企业生存发展的土壤。近年来，各地持续深化改革，市场主体活力不断迸发。然而，" \
    "一些地方仍存在政策多变、执法随意等问题。\n\n"

/* 【总论点】 + （一）（二）（三） at paragraph start + 结语: intro = the thesis line and the
   paragraph before the first numbered one; each numbered paragraph is an argument. */
static void test_thesis_then_inline_numbers(void **state)
{
    (void)state;
    el_doc *doc =
        parse("t.txt", THESIS_HEAD
              "　　（一）科学立法，筑牢营商环境的“压舱石”。广东省深圳市出台优化营商环境条例，"
              "为企业提供稳定预期。要加快完善地方立法。\n\n"
              "　　（二）严格执法，守住营商环境的“公平秤”。浙江省杭州市推行“首违不罚”清单，"
              "惠及企业三千余家。应当规范执法行为。\n\n"
              "　　（三）公正司法，点亮营商环境的“指路灯”。江苏省苏州市设立知识产权法庭，"
              "审结案件二千余件。要提升司法效率。\n\n"
              "结语\n　　法治是最好的营商环境。让我们以法治之力护航高质量发展。\n");
    assert_kinds(doc, "IAAAC");
    assert_int_equal(doc->sections.v[0].npara, 2);
    assert_span(doc, doc->sections.v[0].title, "总论点");
    assert_span(doc, doc->sections.v[1].title, "科学立法，筑牢营商环境的“压舱石”");
    assert_span(doc, doc->sections.v[2].title, "严格执法，守住营商环境的“公平秤”");
    assert_span(doc, doc->sections.v[3].title, "公正司法，点亮营商环境的“指路灯”");
    assert_int_equal(doc->sections.v[1].line, 7);
    assert_span(doc, doc->sections.v[4].title, "结语");
    /* the thesis line is the theme, and stays the intro's first paragraph */
    assert_span(doc, doc->theme, "优化营商环境，需要从立法、执法、司法三个环节协同发力。");
    assert_int_equal(doc->theme_line, 3);
    assert_int_equal(doc->roles[2], EL_ROLE_PARAGRAPH);
    assert_int_equal(doc->counts.paragraphs, 6);
    check_roles(doc);
    el_doc_free(doc);
}

/* 一是/二是/三是 with no 结语: the paragraph after the last numbered one is the conclusion. */
static void test_thesis_then_yishi(void **state)
{
    (void)state;
    el_doc *doc =
        parse("t.txt", THESIS_HEAD
              "　　一是科学立法。广东省深圳市出台优化营商环境条例。要加快完善地方立法。\n\n"
              "　　二是严格执法。浙江省杭州市推行“首违不罚”清单。应当规范执法行为。\n\n"
              "　　三是公正司法。江苏省苏州市设立知识产权法庭。要提升司法效率。\n\n"
              "　　法治是最好的营商环境。让我们以法治之力护航高质量发展。\n");
    assert_kinds(doc, "IAAAC");
    assert_int_equal(doc->sections.v[0].npara, 2);
    assert_span(doc, doc->sections.v[1].title, "科学立法");
    assert_span(doc, doc->sections.v[3].title, "公正司法");
    assert_int_equal(doc->sections.v[4].line, 13);
    check_roles(doc);
    el_doc_free(doc);
}

/* 首先/其次/最后, flush left, blank-line paragraphs: the conclusion is not swallowed. */
static void test_thesis_then_shouxian(void **state)
{
    (void)state;
    el_doc *doc =
        parse("t.txt", "以法治护航营商环境\n\n"
                       "【总论点】优化营商环境，需要立法、执法、司法协同发力。\n\n"
                       "营商环境是企业生存发展的土壤。然而，一些地方仍存在执法随意等问题。\n\n"
                       "首先，要科学立法。广东省深圳市出台条例。要加快完善地方立法。\n\n"
                       "其次，要严格执法。浙江省杭州市推行清单。应当规范执法行为。\n\n"
                       "最后，要公正司法。江苏省苏州市设立法庭。要提升司法效率。\n\n"
                       "法治是最好的营商环境。让我们以法治之力护航高质量发展。\n");
    assert_kinds(doc, "IAAAC");
    assert_span(doc, doc->sections.v[1].title, "要科学立法");
    assert_span(doc, doc->sections.v[3].title, "要公正司法");
    assert_int_equal(doc->sections.v[4].npara, 1);
    check_roles(doc);
    el_doc_free(doc);

    /* the same under 开头： (an intro label without the thesis on its line) */
    doc = parse("t.txt", "以法治护航营商环境\n\n开头：\n营商环境是企业生存发展的土壤。\n\n"
                         "首先，要科学立法。广东省深圳市出台条例。\n\n"
                         "其次，要严格执法。浙江省杭州市推行清单。\n\n"
                         "结尾：\n法治是最好的营商环境。\n");
    assert_kinds(doc, "IAAC");
    assert_int_equal(doc->sections.v[0].npara, 1);
    assert_int_equal(doc->theme.len, 0); /* 开头 states no thesis */
    check_roles(doc);
    el_doc_free(doc);
}

/* Markdown goes the same way. */
static void test_thesis_markdown(void **state)
{
    (void)state;
    el_doc *doc = parse("t.md", "# 以法治护航营商环境\n\n"
                                "【总论点】优化营商环境，需要立法、执法、司法协同发力。\n\n"
                                "营商环境是企业生存发展的土壤。\n\n"
                                "（一）科学立法。广东省深圳市出台条例。\n\n"
                                "（二）严格执法。浙江省杭州市推行清单。\n\n"
                                "（三）公正司法。江苏省苏州市设立法庭。\n\n"
                                "**结语**\n\n法治是最好的营商环境。\n");
    assert_kinds(doc, "IAAAC");
    assert_span(doc, doc->sections.v[2].title, "严格执法");
    assert_span(doc, doc->theme, "优化营商环境，需要立法、执法、司法协同发力。");
    el_doc_free(doc);
}

/* Traps: what the intro keeps. */
static void test_thesis_traps(void **state)
{
    (void)state;
    /* headings on their own lines are argument labels already: unchanged */
    el_doc *doc =
        parse("t.txt", THESIS_HEAD "一、科学立法\n　　广东省深圳市出台条例。一是立法。\n\n"
                                   "二、严格执法\n　　浙江省杭州市推行清单。\n\n"
                                   "结语\n　　法治是最好的营商环境。\n");
    assert_kinds(doc, "IAAC");
    assert_int_equal(doc->sections.v[0].npara, 2);
    assert_span(doc, doc->sections.v[1].title, "科学立法");
    el_doc_free(doc);

    /* one numbered paragraph, or numbering that does not start at 1, is intro prose */
    static const char *const lone[] = {
        "　　最后，还要看到问题的另一面。执法随意仍然存在。\n\n",
        "　　其次，还要看到问题的另一面。执法随意仍然存在。\n\n"
        "　　最后，更要看到改革的成效。市场活力不断迸发。\n\n",
    };
    for (size_t i = 0; i < sizeof lone / sizeof lone[0]; i++) {
        char text[2048];
        snprintf(text, sizeof text, "%s%s结语\n　　法治是最好的营商环境。\n", THESIS_HEAD, lone[i]);
        doc = parse("t.txt", text);
        assert_kinds(doc, "IC");
        check_roles(doc);
        el_doc_free(doc);
    }

    /* the first paragraph under the label is the intro even when it is numbered */
    doc = parse("t.txt", "标题在此\n\n开头：\n一是看到成绩。各地持续深化改革。\n\n"
                         "二是看到问题。执法随意仍然存在。\n\n结尾：\n法治是最好的营商环境。\n");
    assert_kinds(doc, "IC");
    el_doc_free(doc);

    /* 【开头】text is no theme; 总论点： alone still is */
    doc = parse("t.txt", "标题在此\n\n【开头】营商环境是企业生存发展的土壤。\n\n"
                         "分论点一：科学立法。\n广东省深圳市出台条例。\n");
    assert_int_equal(doc->theme.len, 0);
    el_doc_free(doc);
    doc = parse("t.txt", "标题在此\n\n【中心论点】法治是最好的营商环境。\n\n"
                         "分论点一：科学立法。\n广东省深圳市出台条例。\n");
    assert_span(doc, doc->theme, "法治是最好的营商环境。");
    assert_kinds(doc, "IA");
    el_doc_free(doc);
}

/* ---- S2 ---------------------------------------------------------------------------------- */

/* An indented draft cut at 24 code points: lines 8 and 12 end with 。 and ” and go on, lines
   10 and 13 open with ， and 的. Five paragraphs, every position exact. */
static const char wrapped[] = "以人才振兴激活乡村发展\n"
                              "\n"
                              "　　乡村要振兴，人才是关键。近年来，各地积极引导\n" /* 3 */
                              "人才返乡创业，取得了明显的示范效应。然而，有的地\n" /* 4 */
                              "方仍面临人才引不来、留不住的困境，亟待各方合力破\n" /* 5 */
                              "解。\n"                                             /* 6 */
                              "　　第一，搭建创业平台，让返乡人才有舞台。湖南省\n" /* 7 */
                              "浏阳市建设返乡创业园，累计吸引创业人员两千余名。\n" /* 8 */
                              "创业园提供免费场地和技术指导，让“归雁”安心落脚\n"   /* 9 */
                              "，带动周边村民就业增收，成效明显。\n"               /* 10 */
                              "　　第二，完善保障机制，让返乡人才有底气。福建省\n" /* 11 */
                              "宁德市出台专项政策，全市推动形成“回乡创业光荣”\n"   /* 12 */
                              "的价值导向，为返乡青年提供住房补贴和子女入学便利\n" /* 13 */
                              "，解除后顾之忧。\n"                                 /* 14 */
                              "　　第三，营造良好氛围，让返乡人才有归属。要讲好\n" /* 15 */
                              "返乡创业故事，让人才愿意扎根乡土，安心干事创业，\n" /* 16 */
                              "在广阔天地中大有作为。\n"                           /* 17 */
                              "　　人才兴则乡村兴。让我们携手努力，为乡村振兴注\n" /* 18 */
                              "入源源不断的活力。\n";                              /* 19 */

static void test_hardwrap_stops(void **state)
{
    (void)state;
    el_doc *doc = parse("w.txt", wrapped);
    assert_int_equal(doc->counts.paragraphs, 5);
    assert_kinds(doc, "IAAAC");
    assert_int_equal(doc->paras.v[1].line, 7);
    assert_int_equal(doc->paras.v[2].line, 11);
    assert_span(doc, doc->paras.v[1].txt,
                "第一，搭建创业平台，让返乡人才有舞台。湖南省浏阳市建设返乡创业园，累计吸引创业"
                "人员两千余名。创业园提供免费场地和技术指导，让“归雁”安心落脚，带动周边村民就业"
                "增收，成效明显。");
    assert_pos(doc, "创业园提供", 9, 1);
    assert_pos(doc, "，带动周边", 10, 1);
    assert_pos(doc, "的价值导向", 13, 1);
    check_roles(doc);
    el_doc_free(doc);

    /* the same without any blank line or final newline: indentation marks the paragraphs */
    char *text = xstrdup(wrapped);
    memmove(text + strlen("以人才振兴激活乡村发展\n"), text + strlen("以人才振兴激活乡村发展\n\n"),
            strlen(text) - strlen("以人才振兴激活乡村发展\n\n") + 1);
    text[strlen(text) - 1] = '\0';
    doc = parse("w.txt", text);
    assert_int_equal(doc->counts.paragraphs, 5);
    assert_pos(doc, "创业园提供", 8, 1);
    check_roles(doc);
    el_doc_free(doc);
    free(text);
}

/* Blank-line paragraphs cut at a fixed width: a full line ending with 。 goes on too. */
static void test_hardwrap_blank_blocks(void **state)
{
    (void)state;
    el_doc *doc = parse("b.txt", "以人才振兴激活乡村发展\n\n"
                                 "乡村要振兴，人才是关键。近年来，各地积极引导人才\n"
                                 "返乡创业，取得了明显的示范效应，值得总结推广。\n"
                                 "然而，有的地方仍面临人才引不来、留不住的困境。\n\n"
                                 "搭建创业平台，让返乡人才有舞台。湖南省浏阳市建设\n"
                                 "返乡创业园，吸引创业人员两千余名，成效很明显。\n"
                                 "创业园提供免费场地和技术指导，让人才安心落脚。\n\n"
                                 "人才兴则乡村兴。让我们携手努力，为乡村振兴注入源\n"
                                 "源不断的活力。\n");
    assert_int_equal(doc->counts.paragraphs, 3);
    assert_pos(doc, "然而，有的", 5, 1);
    check_roles(doc);
    el_doc_free(doc);
}

/* Traps: a label under a full line, an unindented paragraph after a short last line, 的确
   and an opening quotation mark at a line start, a centred title. */
static void test_hardwrap_traps(void **state)
{
    (void)state;
    /* 结语 flush left right under a full line ending with 。 stays a label */
    el_doc *doc = parse("w.txt", "以人才振兴激活乡村发展\n\n"
                                 "　　乡村要振兴，人才是关键。近年来，各地积极引导\n"
                                 "人才返乡创业，取得了明显的示范效应。然而，有的地\n"
                                 "方仍面临人才引不来、留不住的困境，亟待各方破解。\n"
                                 "　　第一，搭建创业平台，让返乡人才有舞台。湖南省\n"
                                 "浏阳市建设返乡创业园，吸引创业人员两千余名之多。\n"
                                 "　　第二，完善保障机制，让返乡人才有底气。福建省\n"
                                 "宁德市出台专项政策，为返乡青年提供住房补贴便利。\n"
                                 "结语\n"
                                 "　　人才兴则乡村兴。让我们携手努力，为乡村振兴注\n"
                                 "入源源不断的活力。\n");
    assert_kinds(doc, "IAAC");
    assert_span(doc, doc->sections.v[3].title, "结语");
    assert_int_equal(doc->roles[9], EL_ROLE_LABEL);
    check_roles(doc);
    el_doc_free(doc);

    /* one paragraph a line, indented: an unindented paragraph after a stop starts its own */
    doc =
        parse("p.txt", "标题在此\n"
                       "　　乡村要振兴，人才是关键。近年来，各地积极引导人才返乡创业，取得了明显的"
                       "示范效应，值得总结推广。\n"
                       "这一段忘了缩进，但它是新的一段，讲的是另外一件事情，和上一段并不相连。\n"
                       "　　第一，搭建创业平台，让返乡人才有舞台。湖南省浏阳市建设返乡创业园，吸引"
                       "创业人员两千余名。\n"
                       "　　第二，完善保障机制，让返乡人才有底气。福建省宁德市出台专项政策，为返乡"
                       "青年提供住房补贴。\n");
    assert_int_equal(doc->counts.paragraphs, 4);
    el_doc_free(doc);

    /* 的确 and “ open sentences; a centred title takes no continuation */
    doc = parse("p.txt", "标题在此\n"
                         "　　乡村要振兴，人才是关键。\n"
                         "的确，人才振兴不是一朝一夕之功。\n"
                         "“栽好梧桐树，引得凤凰来。”各地都在行动。\n"
                         "的士司机也开始返乡创业。\n");
    assert_int_equal(doc->counts.paragraphs, 4);
    el_doc_free(doc);
    doc = parse("c.txt", "　　　　以人才振兴激活乡村发展\n"
                         "，这一行不能接到标题后面。\n"
                         "　　乡村要振兴，人才是关键。\n");
    assert_span(doc, doc->title, "以人才振兴激活乡村发展");
    el_doc_free(doc);

    /* each continuing mark joins the line above in a paragraph-per-line draft */
    static const char *const marks[] = {"，", "。", "、", "；", "：", "？", "！", "”", "’", "）",
                                        "》", "」", "』", "】", "％", ",",  ";",  ")", "%", "的"};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
        char text[512];
        snprintf(text, sizeof text,
                 "标题在此\n　　乡村要振兴，人才是关键“人才\n%s续行文字在这里。\n"
                 "　　第二段在这里。\n",
                 marks[i]);
        doc = parse("m.txt", text);
        assert_int_equal(doc->counts.paragraphs, 2);
        assert_int_equal(doc->paras.v[1].line, 4);
        check_roles(doc);
        el_doc_free(doc);
    }
}

/* A one-sentence-per-line draft with blank-line paragraphs is as it was. */
static void test_sentence_lines_unchanged(void **state)
{
    (void)state;
    el_doc *doc = parse("s.txt", "以创新驱动发展\n\n创新是第一动力。\n我们要抓好三件事。\n\n"
                                 "首先，要攻关核心技术。\n江苏省苏州市建设验证中心。\n\n"
                                 "其次，要培养人才。\n广东省深圳市引进人才超过2万人。\n\n"
                                 "科技兴则民族兴。\n让我们携手奋进。\n");
    assert_kinds(doc, "IAAC");
    assert_int_equal(doc->counts.paragraphs, 4);
    el_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_thesis_then_inline_numbers),
        cmocka_unit_test(test_thesis_then_yishi),
        cmocka_unit_test(test_thesis_then_shouxian),
        cmocka_unit_test(test_thesis_markdown),
        cmocka_unit_test(test_thesis_traps),
        cmocka_unit_test(test_hardwrap_stops),
        cmocka_unit_test(test_hardwrap_blank_blocks),
        cmocka_unit_test(test_hardwrap_traps),
        cmocka_unit_test(test_sentence_lines_unchanged),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
