/* SPDX-License-Identifier: MIT */
/*
 * Statistics of the essay: runs the statistics scanner (stats.c) over the title and every
 * 正文 paragraph (never notes) and stores each figure as an el_stat_item whose spans point
 * into `plain`, with the section it sits in. The case extractor links cases to these items
 * by offset, so they are kept in text order.
 * A hard wrap that cut a figure (60|00万, 1|.8万) is joined without a space by the readers
 * (el_blocks_split_figure), so a paragraph is scanned as it stands in `plain`.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "stats.h"

/* Where the scanned span starts in `plain`, and its section, for the emit callback. */
struct emit_ctx {
    el_doc *doc;
    size_t base;
    int section;
};

/* Append one scanned statistic, offsets shifted from the span into `plain`. */
static void on_stat(void *ctx, const el_stat *st)
{
    struct emit_ctx *e = ctx;
    if (e->doc->stats.n >= EL_ITEMS_MAX)
        return;
    el_stat_item *it = EL_VEC_PUSH(e->doc->stats);
    it->txt = (el_span){e->base + st->off, st->len};
    it->value = st->value;
    it->unit = st->unit_len ? (el_span){e->base + st->unit_off, st->unit_len} : (el_span){0, 0};
    /* A percentage's value is in percent units whatever its wording (百分之六十, 三成, ‰),
       so its unit is "%"; percentage points (5 个百分点) are no percentage (kind other) and
       keep their unit. */
    it->unit_name = st->kind == EL_STAT_PERCENT ? "%" : NULL;
    it->qualifier = st->qualifier;
    it->kind = (int)st->kind;
    it->section = e->section;
}

/* Scan one span of `plain` lying in section `section`. */
static void scan_span(el_doc *doc, el_span sp, int section)
{
    if (sp.len == 0)
        return;
    struct emit_ctx e = {doc, sp.off, section};
    el_stats_scan(doc->plain.v + sp.off, sp.len, on_stat, &e);
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
    if (doc->title.len)
        scan_span(doc, doc->title, el_doc_section_at(doc, doc->title.off));
    /* Section of each paragraph from the section ranges: one pass, not a lookup per figure
       (a hostile input can have very many sections and very many figures). */
    size_t p = 0;
    for (size_t k = 0; k < doc->sections.n; k++) {
        const el_section *sec = &doc->sections.v[k];
        for (; p < sec->para0 + sec->npara && p < doc->paras.n; p++)
            scan_span(doc, doc->paras.v[p].txt, p >= sec->para0 ? (int)k : -1);
    }
    for (; p < doc->paras.n; p++)
        scan_span(doc, doc->paras.v[p].txt, -1);
    /* The title and paragraphs are normally already in plain order; sort only if not. */
    for (size_t i = 1; i < doc->stats.n; i++) {
        if (doc->stats.v[i].txt.off < doc->stats.v[i - 1].txt.off) {
            qsort(doc->stats.v, doc->stats.n, sizeof *doc->stats.v, cmp_off);
            break;
        }
    }
}
