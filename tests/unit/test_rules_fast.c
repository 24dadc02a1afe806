/* SPDX-License-Identifier: MIT */
/*
 * Differential test for el_findings_sort, which merges the runs of findings already in order
 * (a natural merge sort) where it used qsort: the same order as qsort with the same total
 * comparison, on random findings from a fixed seed (runs as rules raise them, findings out of
 * order, equal keys, sorted and reversed input). rules.c is included for its static functions.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "rules.c"

#include "testrand.h"

/* ---- the plain version: qsort with the same comparison ---- */

static int plain_cmp(const void *a, const void *b)
{
    return finding_cmp(a, b);
}

/* ---- sorting ---- */

/* Random findings: runs in order (as rules raise them), some out of order, equal keys. */
static void random_findings(el_doc *doc, size_t n)
{
    static const char *const args[] = {NULL, "", "a", "b", "“", "12" EL_ARG_SEP "3"};
    size_t off = 0;
    int rule = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t kind = test_below(10);
        if (kind == 0) { /* a new run */
            off = test_below(200);
            rule = (int)test_below(EL_RULE_COUNT_);
        } else if (kind < 7) {
            off += test_below(6);
        } else if (kind == 7) {
            off = test_below(200);
        } /* else: the same offset again */
        const char *a = args[test_below(sizeof args / sizeof args[0])];
        el_finding_add(doc, test_below(5) == 0 ? (int)test_below(EL_RULE_COUNT_) : rule, off,
                       (int)test_below(3) - 1, a);
        /* (a rule's findings share a severity, as after el_lint's final pass) */
        doc->findings.v[doc->findings.n - 1].severity =
            doc->findings.v[doc->findings.n - 1].rule % 3;
    }
}

static void test_sort(void **state)
{
    (void)state;
    test_seed(7177);
    for (int iter = 0; iter < 3000; iter++) {
        el_doc doc;
        memset(&doc, 0, sizeof doc);
        size_t n = iter % 50 == 0 ? test_below(2000) : test_below(iter % 3 ? 40 : 200);
        random_findings(&doc, n);
        if (iter % 7 == 0 && n > 1) /* already sorted, or in reverse */
            qsort(doc.findings.v, n, sizeof *doc.findings.v, plain_cmp);
        if (iter % 14 == 0)
            for (size_t i = 0; i < n / 2; i++) {
                el_finding t = doc.findings.v[i];
                doc.findings.v[i] = doc.findings.v[n - 1 - i];
                doc.findings.v[n - 1 - i] = t;
            }
        el_finding *want = xmalloc((n + 1) * sizeof *want);
        if (n)
            memcpy(want, doc.findings.v, n * sizeof *want);
        if (n > 1)
            qsort(want, n, sizeof *want, plain_cmp);
        el_findings_sort(&doc);
        assert_int_equal(doc.findings.n, n);
        for (size_t i = 0; i < n; i++) {
            const el_finding *x = &doc.findings.v[i], *y = &want[i];
            assert_int_equal(finding_cmp(x, y), 0);
            assert_int_equal(x->severity, y->severity);
        }
        el_doc_strings_free(&doc); /* the arguments, in the document's pool */
        free(doc.findings.v);
        free(want);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sort),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
