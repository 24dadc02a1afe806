/* SPDX-License-Identifier: MIT */
/*
 * Section-tree fixes from an audit of new drafts: a title taken from a labelled topic sentence
 * (【分论点一】…起来。) counts as written, its full stop and its sentence included; and a
 * section ends on the last line of what it holds, a paragraph or note over several lines.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "testsection.h"

/* The labelled topic sentence counts its 。 and is a sentence, as the same text unlabelled. */
static void test_labelled_title_counted(void **state)
{
    (void)state;
    el_doc *a =
        parse("a.txt", "以社区食堂温暖民生\n\n【分论点一】强化政府引导，让社区食堂开得起来。\n"
                       "北京市朝阳区对新建食堂给予补贴，已建成运营点120余家。\n");
    el_doc *b = parse("b.txt", "以社区食堂温暖民生\n\n强化政府引导，让社区食堂开得起来。\n"
                               "北京市朝阳区对新建食堂给予补贴，已建成运营点120余家。\n");
    assert_int_equal(a->counts.chars, b->counts.chars);
    assert_int_equal(a->counts.sentences, 2);
    assert_int_equal(b->counts.sentences, 2);
    el_doc_free(a);
    el_doc_free(b);
}

/* A title written without a stop is counted as before: its characters, no sentence. */
static void test_bare_title_counted(void **state)
{
    (void)state;
    el_doc *a = parse("a.txt", "以社区食堂温暖民生\n\n【分论点一】强化政府引导\n"
                               "北京市朝阳区对新建食堂给予补贴，已建成运营点120余家。\n");
    /* title 9 + 强化政府引导 6 + the paragraph 28 */
    assert_int_equal(a->counts.chars, 9 + 6 + 28);
    assert_int_equal(a->counts.sentences, 1);
    el_doc_free(a);
}

/* A note whose number stands on a line of its own ends its section on the text's line. */
static void test_note_end_line(void **state)
{
    (void)state;
    el_doc *doc = parse("n.txt", "以社区食堂温暖民生\n\n"
                                 "　　社区食堂是民生工程。北京市朝阳区已建成运营点120余家。\n\n"
                                 "写作分析\n1.\n开篇点题：以民生工程起笔。\n");
    assert_true(doc->sections.n >= 1);
    check_roles(doc);
    const el_section *last = &doc->sections.v[doc->sections.n - 1];
    assert_int_equal(last->end_line, 7);
    el_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_labelled_title_counted),
        cmocka_unit_test(test_bare_title_counted),
        cmocka_unit_test(test_note_end_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
