/* SPDX-License-Identifier: MIT */
/*
 * The pipeline of the quotes audit tests (test_quotes_audit, test_quotes_audit2), included
 * after cmocka.h, analyze.h, doc.h and rules.h: a draft parsed and its quotes extracted, a span
 * compared with a string, and the misquote findings counted.
 */
#ifndef EL_TESTQUOTEDOC_H
#define EL_TESTQUOTEDOC_H

#include <string.h>

/* The draft s parsed (it must parse) with its quotes extracted. */
static inline el_doc *parse(const char *s)
{
    el_doc *doc = el_parse("t.txt", s, strlen(s), NULL);
    assert_true(doc->ok);
    el_extract_quotes(doc);
    return doc;
}

/* Whether the span sp of doc's plain text is want (NULL: the span is empty). */
static inline bool span_is(const el_doc *doc, el_span sp, const char *want)
{
    return want ? sp.len == strlen(want) && memcmp(doc->plain.v + sp.off, want, sp.len) == 0
                : sp.len == 0;
}

/* How many quote/misquoted findings doc has. */
static inline size_t misquotes(const el_doc *doc)
{
    int r = el_rule_find("quote/misquoted");
    size_t n = 0;
    for (size_t i = 0; i < doc->findings.n; i++)
        n += doc->findings.v[i].rule == r;
    return n;
}

#endif
