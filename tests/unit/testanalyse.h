/* SPDX-License-Identifier: MIT */
/*
 * The whole analysis of a draft for the tests that look at its findings (test_lint_audit,
 * test_audit5), and the arguments of its notes/claim-not-found findings as one string.
 * Include after cmocka.h, with analyze.h and rules.h (or lint.c) in scope.
 */
#ifndef EL_TESTANALYSE_H
#define EL_TESTANALYSE_H

#include <stdio.h>
#include <string.h>

/* Parse and analyse text as name. */
static inline el_doc *analyse(const char *name, const char *text)
{
    el_doc *doc = el_parse(name, text, strlen(text), NULL);
    assert_true(el_doc_ok(doc));
    el_analyze(doc, NULL);
    return doc;
}

/* The notes/claim-not-found arguments of doc, '|'-separated, into out[0..cap). */
static inline const char *claims(const el_doc *doc, char *out, size_t cap)
{
    size_t o = 0;
    out[0] = '\0';
    for (size_t i = 0; i < doc->findings.n; i++)
        if (doc->findings.v[i].rule == EL_RULE_NOTES_CLAIM_NOT_FOUND && doc->findings.v[i].arg)
            o += (size_t)snprintf(out + o, cap - o, "%s%s", o ? "|" : "", doc->findings.v[i].arg);
    return out;
}

#endif
