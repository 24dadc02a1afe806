/* SPDX-License-Identifier: MIT */
/*
 * The JSON reporter's fast paths against the straightforward answers. Positions: the report
 * counts the line and column of every item in one walk through the text, the kinds merged in
 * text order, so each item's "line" and "column" must be el_doc_pos of its offset (through
 * el_doc_src for the items in `plain`), on every sample with extra devices and findings at
 * random offsets, in order and out of it; the walk itself (el_doc_pos_walk) against
 * el_doc_pos on every sample and on edge cases, offsets sorted, nearly sorted, close together
 * and random, some past the end. Spans: plain is searched for a NUL once per report,
 * so a span must still stop at a NUL put anywhere in it. Numbers: the inline path for small
 * whole numbers against "%1.15g" (cJSON's form), -0 included. Names: el_jw_name_n and
 * EL_JW_NAME against el_jw_str.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cJSON.h>
#include <cmocka.h>
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "json_out.h"
#include "report.h"

#include "testrand.h"
#include "testsamples.h"

static size_t below(size_t n)
{
    return n ? (size_t)(test_rand64() % n) : 0;
}

/* The report of doc, parsed. */
static cJSON *report(const el_doc *doc)
{
    size_t n;
    char *buf = el_report_json_buf(doc, NULL, NULL, &n);
    cJSON *root = cJSON_ParseWithLength(buf, n);
    free(buf);
    assert_non_null(root);
    return root;
}

/* Each item of the array key must be at el_doc_pos of src(i). */
static void check_kind(const el_doc *doc, const cJSON *root, const char *key, size_t count,
                       size_t (*src)(const el_doc *, size_t))
{
    const cJSON *arr = cJSON_GetObjectItemCaseSensitive(root, key);
    assert_int_equal((size_t)cJSON_GetArraySize(arr), count);
    size_t i = 0;
    for (const cJSON *it = arr->child; it; it = it->next, i++) {
        size_t line, col;
        el_doc_pos(doc, src(doc, i), &line, &col);
        double jl = cJSON_GetObjectItemCaseSensitive(it, "line")->valuedouble;
        double jc = cJSON_GetObjectItemCaseSensitive(it, "column")->valuedouble;
        if (jl != (double)line || jc != (double)col)
            print_error("%s %zu of %zu: got %.0f:%.0f want %zu:%zu\n", key, i, count, jl, jc, line,
                        col);
        assert_true(jl == (double)line && jc == (double)col);
    }
}

static size_t src_case(const el_doc *doc, size_t i)
{
    return el_doc_src(doc, doc->cases.v[i].place.off);
}
static size_t src_stat(const el_doc *doc, size_t i)
{
    return el_doc_src(doc, doc->stats.v[i].txt.off);
}
static size_t src_quote(const el_doc *doc, size_t i)
{
    return el_doc_src(doc, doc->quotes.v[i].txt.off);
}
static size_t src_device(const el_doc *doc, size_t i)
{
    return el_doc_src(doc, doc->devices.v[i].txt.off);
}
static size_t src_finding(const el_doc *doc, size_t i)
{
    return doc->findings.v[i].src_off;
}

static void check_positions(const el_doc *doc)
{
    cJSON *root = report(doc);
    check_kind(doc, root, "cases", doc->cases.n, src_case);
    check_kind(doc, root, "statistics", doc->stats.n, src_stat);
    check_kind(doc, root, "quotes", doc->quotes.n, src_quote);
    check_kind(doc, root, "devices", doc->devices.n, src_device);
    check_kind(doc, root, "findings", doc->findings.n, src_finding);
    cJSON_Delete(root);
}

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

/* Add k devices and k findings at random offsets, sorted (as the extractors list them) or not,
 * some past the end of the text; as many as 300, to pass the report's room on the stack. */
static void add_items(el_doc *doc, size_t k, bool sorted)
{
    size_t *off = malloc((k + 1) * sizeof *off);
    for (int kind = 0; kind < 2; kind++) {
        size_t lim = kind == 0 ? doc->plain.n : doc->len + 3;
        for (size_t i = 0; i < k; i++)
            off[i] = below(lim);
        if (sorted)
            qsort(off, k, sizeof *off, cmp_size);
        for (size_t i = 0; i < k && lim > 0; i++) {
            if (kind == 0) {
                size_t len = 1 + below(doc->plain.n - off[i]);
                *EL_VEC_PUSH(doc->devices) =
                    (el_device){EL_DEV_METAPHOR, {off[i], len > 30 ? 30 : len}, -1};
            } else {
                *EL_VEC_PUSH(doc->findings) = (el_finding){0, 1, off[i], -1, NULL};
            }
        }
    }
    free(off);
}

static void positions_of(const char *path, const char *buf, size_t len)
{
    for (int round = 0; round < 6; round++) {
        el_doc *doc = el_parse(path, buf, len, NULL);
        el_analyze(doc, NULL);
        if (!doc->ok) {
            el_doc_free(doc);
            return;
        }
        if (round > 0)
            add_items(doc, round == 5 ? 300 : below(40), round % 2 == 1);
        check_positions(doc);
        el_doc_free(doc);
    }
}

static void test_positions(void **state)
{
    (void)state;
    test_each_sample(positions_of);
}

/* Offsets into [0, n + 3], in one of four orders. */
static size_t *offsets(size_t n, size_t count, int order)
{
    size_t *v = malloc((count + 1) * sizeof *v);
    for (size_t i = 0; i < count; i++)
        v[i] = below(n + 4);
    if (order >= 1)
        qsort(v, count, sizeof *v, cmp_size);
    if (order == 2) /* nearly sorted: a few steps back */
        for (size_t i = 0; i + 1 < count; i += 1 + below(8)) {
            size_t t = v[i];
            v[i] = v[i + 1];
            v[i + 1] = t;
        }
    if (order == 3) /* close together: the same line again and again */
        for (size_t i = 1; i < count; i++)
            v[i] = v[i - 1] + below(40);
    return v;
}

static void check_walk(const el_doc *doc)
{
    for (int order = 0; order < 4; order++) {
        size_t count = 1 + below(400);
        size_t *v = offsets(doc->len, count, order);
        el_pos_walk walk = {0};
        for (size_t i = 0; i < count; i++) {
            size_t l1, c1, l2, c2;
            el_doc_pos(doc, v[i], &l1, &c1);
            el_doc_pos_walk(doc, &walk, v[i], &l2, &c2);
            if (l1 != l2 || c1 != c2)
                print_error("off %zu of %zu (order %d): el_doc_pos %zu:%zu, walk %zu:%zu\n", v[i],
                            doc->len, order, l1, c1, l2, c2);
            assert_int_equal(l2, l1);
            assert_int_equal(c2, c1);
        }
        free(v);
    }
}

static void walk_of(const char *path, const char *buf, size_t len)
{
    for (int round = 0; round < 4; round++) {
        el_doc *doc = el_parse(path, buf, len, NULL);
        check_walk(doc);
        el_doc_free(doc);
    }
}

static void test_walk(void **state)
{
    (void)state;
    test_each_sample(walk_of);
    static const char *const docs[] = {"",   "\n",       "\n\n\n",   "a",
                                       "中", "\r\n\r\n", "中\n文\n", "a\nb"};
    for (size_t d = 0; d < sizeof docs / sizeof *docs; d++)
        walk_of("x.txt", docs[d], strlen(docs[d]));
    size_t n = 100000; /* one long line of three-byte characters and ASCII */
    char *line = malloc(n + 1);
    for (size_t i = 0; i < n;)
        if (below(4) == 0) {
            line[i++] = 'x';
        } else if (i + 3 <= n) {
            memcpy(line + i, "中", 3);
            i += 3;
        } else {
            line[i++] = 'y';
        }
    walk_of("x.txt", line, n);
    free(line);
    el_doc *bad = el_doc_failed("x.txt", "not_found", "gone"); /* no line table at all */
    el_pos_walk walk = {0};
    size_t l, c;
    el_doc_pos_walk(bad, &walk, 5, &l, &c);
    assert_int_equal(l, 1);
    assert_int_equal(c, 1);
    el_doc_free(bad);
}

/* Every span the report writes stops at a NUL put into plain. */
static void nul_spans_of(const char *path, const char *buf, size_t len)
{
    el_doc *doc = el_parse(path, buf, len, NULL);
    el_analyze(doc, NULL);
    if (!doc->ok || doc->plain.n == 0) {
        el_doc_free(doc);
        return;
    }
    for (int k = 0; k < 3; k++)
        doc->plain.v[below(doc->plain.n)] = '\0';
    /* cJSON would read an escaped NUL as the end of the string: look at the text itself */
    size_t n;
    char *out = el_report_json_buf(doc, NULL, NULL, &n);
    assert_null(memmem(out, n, "\\u0000", 6));
    free(out);
    cJSON *root = report(doc);
    const cJSON *secs = cJSON_GetObjectItemCaseSensitive(root, "sections");
    size_t nparas = 0;
    for (const cJSON *s = secs->child; s; s = s->next) {
        const cJSON *paras = cJSON_GetObjectItemCaseSensitive(s, "paragraphs");
        for (const cJSON *p = paras->child; p; p = p->next, nparas++) {
            const el_span *sp = &doc->paras.v[nparas].txt;
            const char *text = cJSON_GetObjectItemCaseSensitive(p, "text")->valuestring;
            const char *want = doc->plain.v + sp->off;
            size_t wn = strnlen(want, sp->len);
            assert_int_equal(strlen(text), wn);
            assert_memory_equal(text, want, wn);
        }
    }
    assert_int_equal(nparas, doc->paras.n);
    const cJSON *devs = cJSON_GetObjectItemCaseSensitive(root, "devices");
    size_t i = 0;
    for (const cJSON *dv = devs->child; dv; dv = dv->next, i++) {
        const el_span *sp = &doc->devices.v[i].txt;
        const char *text = cJSON_GetObjectItemCaseSensitive(dv, "text")->valuestring;
        assert_int_equal(strlen(text), strnlen(doc->plain.v + sp->off, sp->len));
    }
    cJSON_Delete(root);
    el_doc_free(doc);
}

static void test_nul_spans(void **state)
{
    (void)state;
    for (int round = 0; round < 4; round++)
        test_each_sample(nul_spans_of);
}

/* el_jw_num(d) in an array, after another value, must print as cJSON prints d: "%1.15g" when
 * that reads back as d, else "%1.17g". */
static void check_num(double d)
{
    el_jw w;
    el_jw_init(&w, 1);
    el_jw_arr(&w);
    el_jw_uint(&w, 0);
    el_jw_num(&w, d);
    el_jw_arr_end(&w);
    char want[64];
    snprintf(want, sizeof want, "[0,%1.15g]", d);
    double back = strtod(want + 3, NULL);
    if (fabs(back - d) > fmax(fabs(back), fabs(d)) * 2.220446049250313e-16)
        snprintf(want, sizeof want, "[0,%1.17g]", d);
    if (w.n != strlen(want) || memcmp(w.v, want, w.n) != 0)
        print_error("got %.*s want %s\n", (int)w.n, w.v, want);
    assert_int_equal(w.n, strlen(want));
    assert_memory_equal(w.v, want, w.n);
    el_jw_free(&w);
}

static void test_small_numbers(void **state)
{
    (void)state;
    for (int v = 0; v <= 100001; v++) {
        check_num(v);
        check_num(-v);
    }
    static const double odd[] = {-0.0,     0.5,    99999.5,      99999.999,
                                 100000.0, 1e-300, 4294967296.0, -0.25};
    for (size_t i = 0; i < sizeof odd / sizeof *odd; i++)
        check_num(odd[i]);
    for (int i = 0; i < 100000; i++)
        check_num((double)below(200000) / (double)(1 + below(8)));
}

static void test_names(void **state)
{
    (void)state;
    static const char *const names[] = {"",
                                        "a",
                                        "info",
                                        "warning",
                                        "rhetorical_question",
                                        "东部",
                                        "a name longer than sixteen bytes"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        el_jw a, b;
        el_jw_init(&a, 1);
        el_jw_init(&b, 1);
        el_jw_arr(&a);
        el_jw_arr(&b);
        for (int k = 0; k < 2; k++) { /* the second after a comma */
            el_jw_str(&a, names[i]);
            el_jw_name_n(&b, names[i], strlen(names[i]));
        }
        el_jw_str(&a, "negative");
        EL_JW_NAME(&b, "negative");
        assert_int_equal(a.n, b.n);
        assert_memory_equal(a.v, b.v, a.n);
        el_jw_free(&a);
        el_jw_free(&b);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_positions), cmocka_unit_test(test_walk),
        cmocka_unit_test(test_nul_spans), cmocka_unit_test(test_small_numbers),
        cmocka_unit_test(test_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
