/* SPDX-License-Identifier: MIT */
/*
 * Statistics of the essay: runs the statistics scanner (stats.c) over the title and every
 * 正文 paragraph (never notes) and stores each figure as an el_stat_item whose spans point
 * into `plain`, with the section it sits in. The case extractor links cases to these items
 * by offset, so they are kept in text order.
 * A hard-wrapped paragraph reaches `plain` with its lines joined; where the wrap cut a figure
 * written in ASCII (60|00万, 1|.8万, 9|8%), the joiner put one unmapped space between the two
 * halves, as it does between Latin words. Such a space is no part of the figure: the paragraph
 * is scanned without it (unwrap_figures), and the statistic's `txt` spans it, so that `text`
 * shows the line break as that one space (6000 is reported as "60 00万人左右", at its first
 * digit, value 60000000), the same as the paragraph's text in `sections`.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "stats.h"

/* Where the scanned buffer starts in `plain`, for the emit callback; cut: the offsets (in the
   scanned buffer) where a wrap space was taken out, ncut of them, in order; k: how many of
   them lie before the last statistic (statistics come in text order). */
struct emit_ctx {
    el_doc *doc;
    size_t base;
    int section;
    const size_t *cut;
    size_t ncut, k;
};

/* Offset in the span of offset x of the buffer scanned without the cut spaces, x at or after
   the cuts before e->k; end: x is an end, which stays before a space cut right there (a
   figure ends before it). */
static size_t uncut(const struct emit_ctx *e, size_t x, bool end)
{
    size_t k = e->k;
    while (k < e->ncut && (end ? e->cut[k] < x : e->cut[k] <= x))
        k++;
    return x + k;
}

/* Append one scanned statistic, offsets shifted from the buffer into `plain`. */
static void on_stat(void *ctx, const el_stat *st)
{
    struct emit_ctx *e = ctx;
    if (e->doc->stats.n >= EL_ITEMS_MAX)
        return;
    el_stat_item *it = EL_VEC_PUSH(e->doc->stats);
    size_t off = st->off, end = st->off + st->len, uoff = st->unit_off;
    if (e->ncut) {
        while (e->k < e->ncut && e->cut[e->k] <= off)
            e->k++;
        off += e->k;
        end = uncut(e, end, true), uoff = uncut(e, uoff, false);
    }
    it->txt = (el_span){e->base + off, end - off};
    it->value = st->value;
    it->unit = st->unit_len ? (el_span){e->base + uoff, st->unit_len} : (el_span){0, 0};
    /* A percentage's value is in percent units whatever its wording (百分之六十, 三成, ‰),
       so its unit is "%"; percentage points (5 个百分点) are no percentage (kind other) and
       keep their unit. */
    it->unit_name = st->kind == EL_STAT_PERCENT ? "%" : NULL;
    it->qualifier = st->qualifier;
    it->kind = (int)st->kind;
    it->section = e->section;
}

/* Index of the first segment of `plain` that ends after offset x (segs.n if none), from *cur
   on when the spans come in order (moved on to the answer), else by a binary search. */
static size_t seg_after(const el_doc *doc, size_t x, size_t *cur)
{
    const el_seg *v = doc->segs.v;
    size_t lo = *cur, hi = doc->segs.n;
    if (lo < hi && (lo == 0 || v[lo - 1].plain_off + v[lo - 1].len <= x)) {
        /* in order: the next few segments (one per line of the paragraph before) */
        for (int steps = 0; steps < 8 && lo < hi; steps++, lo++)
            if (v[lo].plain_off + v[lo].len > x)
                return *cur = lo;
    } else {
        lo = 0;
    }
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const el_seg *sg = &doc->segs.v[mid];
        if (sg->plain_off + sg->len <= x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return *cur = lo;
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* True if the space at s[g] (0 < g < n - 1) stands inside an ASCII figure: a digit on both
   sides, or a decimal point or thousands comma on one side with a digit beyond it (1|.8,
   3,|200). */
static bool inside_figure(const char *s, size_t n, size_t g)
{
    char a = s[g - 1], b = s[g + 1];
    if (is_digit(a))
        return is_digit(b) || ((b == '.' || b == ',') && g + 2 < n && is_digit(s[g + 2]));
    return (a == '.' || a == ',') && g >= 2 && is_digit(s[g - 2]) && is_digit(b);
}

/* Scan one span of `plain` lying in section `section`. A hard wrap inside an ASCII figure
   left an unmapped space there (see the top of the file): the span is then scanned from a
   copy without those spaces, and the offsets are mapped back. */
static void scan_span(el_doc *doc, el_span sp, int section, size_t *cur)
{
    if (sp.len == 0)
        return;
    const char *s = doc->plain.v + sp.off;
    struct emit_ctx e = {doc, sp.off, section, NULL, 0, 0};
    size_t *cut = NULL, ncut = 0, cap = 0;
    /* The separators are the bytes between two segments (mostly none: a paragraph that is
       one line is one segment); a space at either end of the span joins nothing. */
    size_t end = sp.off + sp.len;
    size_t k = seg_after(doc, sp.off, cur);
    for (; k + 1 < doc->segs.n; k++) {
        const el_seg *sg = &doc->segs.v[k];
        size_t g = sg->plain_off + sg->len, z = doc->segs.v[k + 1].plain_off;
        if (g + 1 >= end)
            break;
        for (; g < z && g + 1 < end; g++) {
            if (g > sp.off && doc->plain.v[g] == ' ' && inside_figure(s, sp.len, g - sp.off)) {
                cut = xgrow(cut, &cap, ncut + 1, sizeof *cut);
                cut[ncut] = g - sp.off - ncut; /* where the byte after it lands in the copy */
                ncut++;
            }
        }
    }
    *cur = k; /* the next span starts in this segment or after it */
    if (ncut == 0) {
        el_stats_scan(s, sp.len, on_stat, &e);
        return;
    }
    char *copy = xmalloc(sp.len);
    size_t m = 0, from = 0;
    for (size_t c = 0; c < ncut; c++) {
        size_t g = cut[c] + c;
        memcpy(copy + m, s + from, g - from);
        m += g - from, from = g + 1;
    }
    memcpy(copy + m, s + from, sp.len - from);
    m += sp.len - from;
    e.cut = cut, e.ncut = ncut;
    el_stats_scan(copy, m, on_stat, &e);
    free(copy);
    free(cut);
}

static int cmp_off(const void *a, const void *b)
{
    const el_stat_item *x = a, *y = b;
    return x->txt.off < y->txt.off ? -1 : x->txt.off > y->txt.off;
}

/* Fill doc->stats from the title and the paragraphs, sorted by plain offset. */
void el_extract_stats(el_doc *doc)
{
    /* Room for the usual essay's figures at once (the bench corpus has one per 270 bytes or
       so) rather than three or four doublings from 8; capped, so that a huge input without
       figures reserves little. */
    size_t guess = doc->plain.n / 256 + 8;
    doc->stats.v =
        xgrow(doc->stats.v, &doc->stats.cap, guess < 1024 ? guess : 1024, sizeof *doc->stats.v);
    size_t cur = 0; /* segment cursor of scan_span */
    if (doc->title.len)
        scan_span(doc, doc->title, el_doc_section_at(doc, doc->title.off), &cur);
    /* Section of each paragraph from the section ranges: one pass, not a lookup per figure
       (a hostile input can have very many sections and very many figures). */
    size_t p = 0;
    for (size_t k = 0; k < doc->sections.n; k++) {
        const el_section *sec = &doc->sections.v[k];
        for (; p < sec->para0 + sec->npara && p < doc->paras.n; p++)
            scan_span(doc, doc->paras.v[p].txt, p >= sec->para0 ? (int)k : -1, &cur);
    }
    for (; p < doc->paras.n; p++)
        scan_span(doc, doc->paras.v[p].txt, -1, &cur);
    /* The title and paragraphs are normally already in plain order; sort only if not. */
    for (size_t i = 1; i < doc->stats.n; i++) {
        if (doc->stats.v[i].txt.off < doc->stats.v[i - 1].txt.off) {
            qsort(doc->stats.v, doc->stats.n, sizeof *doc->stats.v, cmp_off);
            break;
        }
    }
}
