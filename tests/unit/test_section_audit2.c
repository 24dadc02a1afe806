/* SPDX-License-Identifier: MIT */
/*
 * The section tree of a draft that labels only its opening (【总论点】text, 开头：) and writes
 * the rest as unnumbered prose: its sections are inferred as an unlabelled draft's are (the
 * intro's paragraphs under the label, then one argument a paragraph, then the conclusion, or
 * the paragraphs under a conclusion label), not the whole essay put in the introduction. Too
 * few paragraphs, or paragraphs numbered at their start (numbered_run's, and the traps of
 * test_section_audit), keep what they gave.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "section.h"

#include "testsection.h"

#define NET_TITLE "让文明之花开满网络空间\n\n"
#define NET_THESIS "【总论点】网络空间是亿万民众共同的精神家园，建设网络文明需要多方合力。\n\n"
#define NET_BODY                                                                                                             \
    "网络文明建设，首先要靠制度护航。浙江省杭州市互联网法院探索“在线诉讼”模式。\n\n" \
    "网络文明建设，还要靠平台担当。某短视频平台整改后上线“青少年模式”。\n\n"             \
    "网络文明建设，更要靠网民自律。每个网民都应从自身做起，不信谣、不传谣。\n\n"
#define NET_END "网络空间天朗气清、生态良好，符合人民利益。让我们携手守护这片精神家园。\n"

/* 【总论点】, three paragraphs of prose, a closing paragraph: intro, three arguments,
   conclusion; the label titles the intro and its text is the theme. */
static void test_thesis_prose(void **state)
{
    (void)state;
    el_doc *doc = parse("t.txt", NET_TITLE NET_THESIS NET_BODY NET_END);
    assert_kinds(doc, "IAAAC");
    assert_span(doc, doc->sections.v[0].title, "总论点");
    assert_int_equal(doc->sections.v[0].npara, 1);
    assert_span(doc, doc->sections.v[1].title, "网络文明建设，首先要靠制度护航");
    assert_span(doc, doc->sections.v[3].title, "网络文明建设，更要靠网民自律");
    assert_span(doc, doc->theme, "网络空间是亿万民众共同的精神家园，建设网络文明需要多方合力。");
    check_roles(doc);
    el_doc_free(doc);

    /* Markdown goes the same way */
    doc = parse("t.md", "# 让文明之花开满网络空间\n\n" NET_THESIS NET_BODY NET_END);
    assert_kinds(doc, "IAAAC");
    check_roles(doc);
    el_doc_free(doc);
}

/* A conclusion label after the prose: the arguments run up to it; a background paragraph
   after the thesis stays in the intro when it is one, as in an unlabelled draft. */
static void test_thesis_prose_concl_label(void **state)
{
    (void)state;
    el_doc *doc = parse("t.txt", NET_TITLE NET_THESIS NET_BODY "结语\n\n" NET_END);
    assert_kinds(doc, "IAAAC");
    assert_span(doc, doc->sections.v[4].title, "结语");
    assert_int_equal(doc->sections.v[4].npara, 1);
    check_roles(doc);
    el_doc_free(doc);

    /* under 开头： alone on its line, which states no thesis */
    doc = parse("t.txt", NET_TITLE "开头：\n网络空间是亿万民众共同的精神家园，清朗的网络空间关系每"
                                   "一个人的切身利益。\n\n" NET_BODY NET_END);
    assert_kinds(doc, "IAAAC");
    assert_span(doc, doc->sections.v[0].title, "开头");
    assert_int_equal(doc->theme.len, 0);
    check_roles(doc);
    el_doc_free(doc);
}

/* What keeps the intro whole: too few paragraphs for an intro, two arguments and an end, or
   paragraphs numbered at their start that numbered_run does not take. */
static void test_thesis_prose_traps(void **state)
{
    (void)state;
    /* thesis, one paragraph, end: three paragraphs, no conclusion label */
    el_doc *doc =
        parse("t.txt", NET_TITLE NET_THESIS
              "网络文明建设，首先要靠制度护航。浙江省杭州市互联网法院探索“在线诉讼”。\n\n" NET_END);
    assert_kinds(doc, "I");
    check_roles(doc);
    el_doc_free(doc);

    /* thesis, one paragraph, conclusion label */
    doc = parse("t.txt", NET_TITLE NET_THESIS
                "网络文明建设，首先要靠制度护航。浙江省杭州市互联网法院探索“在线诉讼”。\n\n"
                "结语\n\n" NET_END);
    assert_kinds(doc, "IC");
    el_doc_free(doc);

    /* numbering that does not start at 1 is intro prose, as before */
    doc = parse("t.txt", NET_TITLE NET_THESIS "当前网络问题时有发生，亟待综合施策。\n\n"
                                              "其次，还要看到问题的另一面。网络暴力仍然存在。\n\n"
                                              "最后，更要看到治理的成效。网络生态持续向好。\n\n"
                                              "结语\n\n" NET_END);
    assert_kinds(doc, "IC");
    el_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_thesis_prose),
        cmocka_unit_test(test_thesis_prose_concl_label),
        cmocka_unit_test(test_thesis_prose_traps),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
