/* SPDX-License-Identifier: MIT */
/*
 * The notes/claim-not-found fix of accuracy audit 6: one quoted claim of a note is one
 * finding. A note's “2.3万个” over an essay without it used to give two findings, the term
 * and then its number “2.3” on its own; the number of a term reported is now reported with
 * it only. Near misses that must not change: the number of a term that is found is still
 * checked on its own (“2.3万个村落” over 1.2万个村落: 2.3), numbers outside the quoted terms
 * are still claims, a note with more terms than the small buffer holds, and terms and numbers
 * side by side in any order.
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

/* The claims of a draft made of the essay paragraph para and the note line note. */
static const char *claims_of(const char *para, const char *note, char *out, size_t cap)
{
    char text[4096];
    snprintf(text, sizeof text, "测试标题\n\n正文\n\n%s\n\n写作分析\n\n%s\n", para, note);
    el_doc *doc = analyse("n.txt", text);
    claims(doc, out, cap);
    el_doc_free(doc);
    return out;
}

/* The audit's repro (R16): one finding, the term as the note writes it. */
static void test_term_with_number_once(void **state)
{
    (void)state;
    char out[1024];
    assert_string_equal(claims_of("自2012年以来，共有8155个村落列入国家级保护名录。",
                                  "数据支撑:用“2.3万个”说明消失速度。", out, sizeof out),
                        "2.3万个");
    /* where the finding points: the opening quotation mark of the term, alone */
    el_doc *doc =
        analyse("r.txt", "测试标题\n\n正文\n\n自2012年以来，共有8155个村落列入国家级"
                         "保护名录。\n\n写作分析\n\n数据支撑:用“2.3万个”说明消失速度。\n");
    size_t n = 0, line = 0, col = 0;
    for (size_t i = 0; i < doc->findings.n; i++)
        if (doc->findings.v[i].rule == EL_RULE_NOTES_CLAIM_NOT_FOUND) {
            el_doc_pos(doc, doc->findings.v[i].src_off, &line, &col);
            n++;
        }
    assert_int_equal(n, 1);
    assert_int_equal(line, 9);
    assert_int_equal(col, 7);
    el_doc_free(doc);
}

/* Near misses: numbers still checked where no term was reported. */
static void test_numbers_still_checked(void **state)
{
    (void)state;
    char out[1024];
    /* the term is found (万个村落), its figure is not: the figure alone */
    assert_string_equal(claims_of("自2012年以来，共有1.2万个村落列入国家级保护名录。",
                                  "数据支撑:用“2.3万个村落”说明消失速度。", out, sizeof out),
                        "2.3");
    /* a term found with its figure: nothing */
    assert_string_equal(claims_of("自2012年以来，共有1.2万个村落列入国家级保护名录。",
                                  "数据支撑:用“1.2万个村落”说明消失速度。", out, sizeof out),
                        "");
    /* a number outside the quotation marks stays a claim of its own, after the term */
    assert_string_equal(claims_of("自2012年以来，共有8155个村落列入国家级保护名录。",
                                  "数据支撑:用“2.3万个”和500万人次说明消失速度。", out, sizeof out),
                        "2.3万个|500");
    /* and before it (the findings in text order) */
    assert_string_equal(claims_of("自2012年以来，共有8155个村落列入国家级保护名录。",
                                  "数据支撑:先用500万人次，再用“2.3万个”说明。", out, sizeof out),
                        "500|2.3万个");
    /* a found term, then a reported one, then a bare number */
    assert_string_equal(claims_of("自2012年以来，共有1.2万个村落列入国家级保护名录。",
                                  "用“1.2万个村落”与“3.4万处遗址”对照，另有77项。", out,
                                  sizeof out),
                        "3.4万处遗址|77");
    /* a found term whose figure is off, then a reported term with a figure */
    assert_string_equal(claims_of("自2012年以来，共有1.2万个村落列入国家级保护名录。",
                                  "用“5.6万个村落”与“3.4万处遗址”对照。", out, sizeof out),
                        "5.6|3.4万处遗址");
    /* a leading item number is still no claim, a reported term after it one claim */
    assert_string_equal(claims_of("自2012年以来，共有8155个村落列入国家级保护名录。",
                                  "12. 用“2.3万个”说明消失速度。", out, sizeof out),
                        "2.3万个");
}

/* A note with more quoted terms than the small buffer holds (16): each reported term once,
   none of their numbers again, and the number after them still checked. */
static void test_many_terms(void **state)
{
    (void)state;
    char text[2048], out[2048], want[2048];
    size_t o = 0, w = 0;
    o += (size_t)snprintf(text + o, sizeof text - o,
                          "测试标题\n\n自2012年以来，共有8155个村落列入国家级保护名录。\n\n点评：");
    for (int i = 10; i < 28; i++) {
        o += (size_t)snprintf(text + o, sizeof text - o, "“案卷%d”", i);
        w += (size_t)snprintf(want + w, sizeof want - w, "%s案卷%d", w ? "|" : "", i);
    }
    snprintf(text + o, sizeof text - o, "，另有99项。\n");
    snprintf(want + w, sizeof want - w, "|99");
    el_doc *doc = analyse("m.txt", text);
    assert_string_equal(claims(doc, out, sizeof out), want);
    el_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_term_with_number_once),
        cmocka_unit_test(test_numbers_still_checked),
        cmocka_unit_test(test_many_terms),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
