/* SPDX-License-Identifier: MIT */
/*
 * The JSON reporter's positions, counted kind by kind as the items are written, against the
 * code they replaced (kept below as the oracle): every item's offset mapped to `text` with one
 * cursor for all kinds, then all kinds merged in text order and counted in one walk. Each
 * item's "line" and "column" must be the same, on every sample as analysed and with the items
 * of every kind moved to random offsets (in order, nearly in order and not at all, some past
 * the end of the text), and on random documents.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cJSON.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "json_out.h"
#include "report.h"
#include "util.h"

#include "testrand.h"
#include "testsamples.h"

/* ---- the positions as they were counted ------------------------------------------------- */

typedef struct item_pos {
    size_t off; /* byte offset in `text` */
    size_t line, col;
} item_pos;

enum { K_CASES, K_STATS, K_QUOTES, K_DEVICES, K_FINDINGS, NKINDS };

/* Each kind's positions into at[kind], which has room for its items and one more. */
static void old_positions(const el_doc *doc, item_pos **at)
{
    el_pos_cursor cur = {0};
    for (size_t i = 0; i < doc->cases.n; i++)
        at[K_CASES][i].off = el_doc_src_near(doc, &cur, doc->cases.v[i].place.off);
    at[K_CASES][doc->cases.n].off = SIZE_MAX;
    for (size_t i = 0; i < doc->stats.n; i++)
        at[K_STATS][i].off = el_doc_src_near(doc, &cur, doc->stats.v[i].txt.off);
    at[K_STATS][doc->stats.n].off = SIZE_MAX;
    for (size_t i = 0; i < doc->quotes.n; i++)
        at[K_QUOTES][i].off = el_doc_src_near(doc, &cur, doc->quotes.v[i].txt.off);
    at[K_QUOTES][doc->quotes.n].off = SIZE_MAX;
    for (size_t i = 0; i < doc->devices.n; i++)
        at[K_DEVICES][i].off = el_doc_src_near(doc, &cur, doc->devices.v[i].txt.off);
    at[K_DEVICES][doc->devices.n].off = SIZE_MAX;
    for (size_t i = 0; i < doc->findings.n; i++)
        at[K_FINDINGS][i].off = doc->findings.v[i].src_off;
    at[K_FINDINGS][doc->findings.n].off = SIZE_MAX;
    item_pos *head[NKINDS];
    size_t head_off[NKINDS];
    for (int k = 0; k < NKINDS; k++) {
        head[k] = at[k];
        head_off[k] = at[k]->off;
    }
    el_pos_walk walk = {0};
    size_t n = doc->cases.n + doc->stats.n + doc->quotes.n + doc->devices.n + doc->findings.n;
    for (; n > 0; n--) {
        int best = 0;
        size_t min = head_off[0];
        if (head_off[1] < min)
            best = 1, min = head_off[1];
        if (head_off[2] < min)
            best = 2, min = head_off[2];
        if (head_off[3] < min)
            best = 3, min = head_off[3];
        if (head_off[4] < min)
            best = 4;
        item_pos *q = head[best]++;
        head_off[best] = head[best]->off;
        el_doc_pos_walk(doc, &walk, q->off, &q->line, &q->col);
    }
}

/* ---- comparison --------------------------------------------------------------------------- */

static size_t below(size_t n)
{
    return n ? (size_t)(test_rand64() % n) : 0;
}

static size_t compared;

static void check_doc(const el_doc *doc)
{
    static const char *const keys[NKINDS] = {"cases", "statistics", "quotes", "devices",
                                             "findings"};
    size_t count[NKINDS] = {doc->cases.n, doc->stats.n, doc->quotes.n, doc->devices.n,
                            doc->findings.n};
    item_pos *at[NKINDS];
    for (int k = 0; k < NKINDS; k++)
        at[k] = xmalloc((count[k] + 1) * sizeof *at[k]);
    old_positions(doc, at);
    size_t n;
    char *buf = el_report_json_buf(doc, NULL, NULL, &n);
    cJSON *root = cJSON_ParseWithLength(buf, n);
    assert_non_null(root);
    for (int k = 0; k < NKINDS; k++) {
        const cJSON *arr = cJSON_GetObjectItemCaseSensitive(root, keys[k]);
        assert_int_equal((size_t)cJSON_GetArraySize(arr), count[k]);
        size_t i = 0;
        for (const cJSON *it = arr->child; it; it = it->next, i++) {
            double jl = cJSON_GetObjectItemCaseSensitive(it, "line")->valuedouble;
            double jc = cJSON_GetObjectItemCaseSensitive(it, "column")->valuedouble;
            if (jl != (double)at[k][i].line || jc != (double)at[k][i].col)
                print_error("%s %s %zu of %zu: got %.0f:%.0f want %zu:%zu\n", doc->path, keys[k], i,
                            count[k], jl, jc, at[k][i].line, at[k][i].col);
            assert_true(jl == (double)at[k][i].line && jc == (double)at[k][i].col);
            compared++;
        }
        free(at[k]);
    }
    cJSON_Delete(root);
    free(buf);
}

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

/* count offsets below lim: random, sorted, or sorted with a few steps back (order 0-2). */
static size_t *offsets(size_t lim, size_t count, int order)
{
    size_t *v = xmalloc((count + 1) * sizeof *v);
    for (size_t i = 0; i < count; i++)
        v[i] = below(lim);
    if (order >= 1)
        qsort(v, count, sizeof *v, cmp_size);
    if (order == 2)
        for (size_t i = 0; i + 1 < count; i += 1 + below(8)) {
            size_t t = v[i];
            v[i] = v[i + 1];
            v[i + 1] = t;
        }
    return v;
}

/* A span of plain at off, as long as sp was where there is room. */
static el_span moved(const el_doc *doc, el_span sp, size_t off)
{
    size_t room = doc->plain.n - off;
    return (el_span){off, sp.len < room ? sp.len : room};
}

/* Every item of every kind moved to a random offset (in plain, or in text for findings). */
static void move_items(el_doc *doc, int order)
{
    if (doc->plain.n == 0)
        return;
    size_t *v = offsets(doc->plain.n, doc->cases.n, order);
    for (size_t i = 0; i < doc->cases.n; i++)
        doc->cases.v[i].place = moved(doc, doc->cases.v[i].place, v[i]);
    free(v);
    v = offsets(doc->plain.n, doc->stats.n, order);
    for (size_t i = 0; i < doc->stats.n; i++)
        doc->stats.v[i].txt = moved(doc, doc->stats.v[i].txt, v[i]);
    free(v);
    v = offsets(doc->plain.n, doc->quotes.n, order);
    for (size_t i = 0; i < doc->quotes.n; i++)
        doc->quotes.v[i].txt = moved(doc, doc->quotes.v[i].txt, v[i]);
    free(v);
    v = offsets(doc->plain.n, doc->devices.n, order);
    for (size_t i = 0; i < doc->devices.n; i++)
        doc->devices.v[i].txt = moved(doc, doc->devices.v[i].txt, v[i]);
    free(v);
    v = offsets(doc->len + 3, doc->findings.n, order);
    for (size_t i = 0; i < doc->findings.n; i++)
        doc->findings.v[i].src_off = v[i];
    free(v);
}

static void check_text(const char *path, const char *buf, size_t len)
{
    for (int round = 0; round < 4; round++) {
        el_doc *doc = el_parse(path, buf, len, NULL);
        if (!doc->ok) {
            el_doc_free(doc);
            return;
        }
        el_analyze(doc, NULL);
        if (round > 0)
            move_items(doc, round - 1);
        check_doc(doc);
        el_doc_free(doc);
    }
}

static void test_samples(void **state)
{
    (void)state;
    test_each_sample(check_text);
}

/* Pieces of random documents: markdown and plain headings, CRLF, long lines, statistics,
 * places, quotes and devices for the extractors to find. */
static const char *const pieces[] = {
    "一、",
    "# ",
    "**",
    "*",
    "`",
    "[链接](http://x)",
    "\n",
    "\n\n",
    "\r\n",
    "> ",
    "- ",
    "坚持以人民为中心",
    "乡村振兴",
    "2023年",
    "增长了12.5%",
    "浙江省杭州市",
    "习近平总书记指出，",
    "“绿水青山就是金山银山”",
    "😀",
    "word ",
    ",",
    "。",
    "，",
    "？",
    "不是……而是……",
    "近三年来，全市新增就业岗位约3万个，",
    "如同春风化雨，",
    "我们要",
    "综上所述，",
};

static void test_random(void **state)
{
    (void)state;
    test_seed(0x9051710);
    char *buf = NULL;
    size_t cap = 0;
    for (int round = 0; round < 200; round++) {
        size_t n = 0, k = 1 + below(round % 10 == 0 ? 600 : 100);
        for (size_t i = 0; i < k; i++) {
            const char *p = pieces[below(sizeof pieces / sizeof *pieces)];
            size_t m = strlen(p);
            buf = xgrow(buf, &cap, n + m + 1, 1);
            memcpy(buf + n, p, m);
            n += m;
        }
        check_text(round % 2 ? "r.md" : "r.txt", buf, n);
    }
    free(buf);
    assert_true(compared > 10000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_samples),
        cmocka_unit_test(test_random),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
