/* SPDX-License-Identifier: MIT */
/*
 * The pipeline of the cases audit tests (test_cases_audit, test_cases_audit2), which include
 * cases.c and cmocka before this header: a draft is a title line and one paragraph, parsed and
 * extracted, and the cases it gives are checked against a list of wants (place, name,
 * polarity, in order).
 */
#ifndef EL_TESTCASEDOC_H
#define EL_TESTCASEDOC_H

/* A title line, then body as the only paragraph, parsed and extracted. */
static inline el_doc *analyse_titled(const char *title, const char *body)
{
    size_t cap = strlen(title) + strlen(body) + 8;
    char *text = malloc(cap);
    assert_non_null(text);
    snprintf(text, cap, "%s\n\n%s\n", title, body);
    el_doc *doc = el_parse("t.txt", text, strlen(text), NULL);
    free(text);
    assert_true(el_doc_ok(doc));
    el_extract_stats(doc);
    el_extract_cases(doc);
    el_extract_evidence(doc);
    return doc;
}

/* analyse_titled under a title that names none of the drafts' initiatives. */
static inline el_doc *analyse(const char *body)
{
    return analyse_titled("以制度创新优化基层治理", body);
}

/* Whether the span s of doc's plain text is want (NULL: the span is empty). */
static inline bool span_is(const el_doc *doc, el_span s, const char *want)
{
    if (!want)
        return s.len == 0;
    return s.len == strlen(want) && memcmp(doc->plain.v + s.off, want, s.len) == 0;
}

/* One draft and the cases it must give, in order: place, name (NULL: none), negative. */
struct want {
    const char *body;
    size_t n;
    const char *place[3], *name[3];
    bool negative[3];
};

/* Fail unless doc's cases are w's; frees doc. */
static inline void check_doc(el_doc *doc, const struct want *w)
{
    if (doc->cases.n != w->n)
        fail_msg("%s: %zu cases, want %zu", w->body, doc->cases.n, w->n);
    for (size_t k = 0; k < w->n; k++) {
        const el_case *c = &doc->cases.v[k];
        if (!span_is(doc, c->place, w->place[k]) || !span_is(doc, c->name, w->name[k]) ||
            c->negative != w->negative[k])
            fail_msg("%s: case %zu is %.*s / %.*s / %s", w->body, k, (int)c->place.len,
                     doc->plain.v + c->place.off, (int)c->name.len, doc->plain.v + c->name.off,
                     c->negative ? "negative" : "positive");
    }
    el_doc_free(doc);
}

/* check_doc for each of w[0..nw), drafts under analyse's title. */
static inline void check_wants(const struct want *w, size_t nw)
{
    for (size_t i = 0; i < nw; i++)
        check_doc(analyse(w[i].body), &w[i]);
}

#endif
