/* SPDX-License-Identifier: MIT */
/*
 * Helpers of the section-tree tests (test_section, test_section_audit): parse a draft, compare
 * a span or the kinds of the sections ("IAAAC": Intro Argument Conclusion Summary Other,
 * printing what was got on a mismatch), and check_roles, the property that no line is lost:
 * every non-blank line has a role, and paragraphs and notes are on lines of their role.
 * Include after cmocka.h.
 */
#ifndef EL_TESTSECTION_H
#define EL_TESTSECTION_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "util.h"

static inline el_doc *parse(const char *name, const char *text)
{
    el_doc *doc = el_parse(name, text, strlen(text), NULL);
    assert_true(el_doc_ok(doc));
    return doc;
}

/* A copy of the span s of the document's plain text (the caller frees it). */
static inline char *span(const el_doc *doc, el_span s)
{
    return xstrndup(doc->plain.v + s.off, s.len);
}

static inline void assert_span(const el_doc *doc, el_span s, const char *want)
{
    char *got = span(doc, s);
    if (strcmp(got, want) != 0)
        print_error("got \"%s\", want \"%s\"\n", got, want);
    assert_string_equal(got, want);
    free(got);
}

/* The section kinds as a string like "IAAAC" (Intro Argument Conclusion Summary Other). */
static inline void assert_kinds(const el_doc *doc, const char *want)
{
    char got[64] = {0};
    for (size_t i = 0; i < doc->sections.n && i < 63; i++)
        got[i] = "IACSO"[doc->sections.v[i].kind];
    if (strcmp(got, want) != 0)
        print_error("kinds %s, want %s\n", got, want);
    assert_string_equal(got, want);
}

/* A line with something besides whitespace and Markdown markup characters. */
static inline bool has_content(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (strchr(" \t>-*+_=#`~|", c))
            continue;
        if (c == 0xE3 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
            (unsigned char)s[i + 2] == 0x80) {
            i += 2;
            continue;
        }
        return true;
    }
    return false;
}

/* Every non-blank line of doc has a role, and paragraphs and notes are where they say. */
static inline void check_roles(const el_doc *doc)
{
    for (size_t ln = 1; ln <= doc->lines.n; ln++) {
        size_t a = doc->lines.v[ln - 1];
        size_t b = ln < doc->lines.n ? doc->lines.v[ln] - 1 : doc->len;
        if (has_content(doc->text + a, b - a) && doc->roles[ln - 1] == EL_ROLE_NONE) {
            fprintf(stderr, "%s:%zu: line has no role\n", doc->path, ln);
            fail();
        }
    }
    for (size_t i = 0; i < doc->paras.n; i++)
        assert_int_equal(doc->roles[doc->paras.v[i].line - 1], EL_ROLE_PARAGRAPH);
    for (size_t i = 0; i < doc->notes.n; i++)
        assert_int_equal(doc->roles[doc->notes.v[i].line - 1], EL_ROLE_NOTE);
}

#endif
