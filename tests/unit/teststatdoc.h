/* SPDX-License-Identifier: MIT */
/*
 * The statistics of a draft of one paragraph under a title, as "text|value|qualifier" lines,
 * for the statistics audit tests (test_stats_audit2, 3 and 4): parsed and extracted as a run
 * does, the statistics checked to come in text order without overlapping. Include after
 * cmocka.h, with analyze.h and util.h in scope.
 */
#ifndef EL_TESTSTATDOC_H
#define EL_TESTSTATDOC_H

#include <stdio.h>
#include <string.h>

#include "analyze.h"
#include "doc.h"
#include "util.h"

/* The statistics of a one-paragraph document whose paragraph is para, as "text|value|qualifier"
   lines (qualifier - for none) in text order. */
static inline char *doc_stats(const char *para)
{
    char text[2048];
    int tl = snprintf(text, sizeof text, "数字里的民生\n\n%s\n", para);
    assert_true(tl > 0 && (size_t)tl < sizeof text);
    el_doc *doc = el_parse("d.txt", text, (size_t)tl, NULL);
    assert_true(el_doc_ok(doc));
    el_extract_stats(doc);
    size_t cap = 4096, o = 0;
    char *out = xmalloc(cap);
    out[0] = '\0';
    for (size_t i = 0; i < doc->stats.n; i++) {
        const el_stat_item *st = &doc->stats.v[i];
        if (i > 0)
            assert_true(st->txt.off >= doc->stats.v[i - 1].txt.off + doc->stats.v[i - 1].txt.len);
        int w = snprintf(out + o, cap - o, "%.*s|%g|%s\n", (int)st->txt.len,
                         el_doc_str(doc, st->txt), st->value, st->qualifier ? st->qualifier : "-");
        assert_true(w > 0 && (size_t)w < cap - o);
        o += (size_t)w;
    }
    el_doc_free(doc);
    return out;
}

static inline void expect_stats(const char *para, const char *want)
{
    char *got = doc_stats(para);
    if (strcmp(got, want) != 0)
        fail_msg("\"%s\":\ngot\n%swant\n%s", para, got, want);
    free(got);
}

#endif
