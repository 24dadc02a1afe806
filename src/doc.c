/* SPDX-License-Identifier: MIT */
/*
 * The document's life: el_parse() runs decode → blocks → section tree, the
 * accessors of the public API read it, el_doc_free() frees all of it, and the
 * position helpers turn offsets into the original file's line and column.
 */
#include "doc.h"
#include "blocks.h"
#include "decode.h"
#include "section.h"
#include "text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#endif

static el_doc *doc_new(const char *path)
{
    /* The path is stored after the document, in its allocation: one malloc and free less. */
    if (path == NULL)
        path = "-";
    size_t len = strlen(path) + 1;
    el_doc *doc = xcalloc(1, sizeof *doc + len);
    doc->path = memcpy((char *)(doc + 1), path, len);
    doc->invalid_off = SIZE_MAX;
    return doc;
}

char *el_doc_strdup(el_doc *doc, const char *s)
{
    /* Chunks instead of a malloc per string: a draft's findings fit in the first one. A full
       chunk is left as it is (its strings are in use) and a bigger one put in front of it. */
    size_t n = strlen(s) + 1;
    el_strchunk *c = doc->strings;
    if (c == NULL || c->cap - c->used < n) {
        size_t cap = c ? c->cap * 2 : 1024 - sizeof *c;
        if (cap < n)
            cap = n;
        el_strchunk *d = xmalloc(sizeof *d + cap);
        d->prev = c;
        d->cap = cap;
        d->used = 0;
        doc->strings = c = d;
    }
    char *p = memcpy(c->s + c->used, s, n);
    c->used += n;
    return p;
}

void el_doc_strings_free(el_doc *doc)
{
    while (doc->strings) {
        el_strchunk *prev = doc->strings->prev;
        free(doc->strings);
        doc->strings = prev;
    }
}

el_doc *el_doc_failed(const char *path, const char *code, const char *message)
{
    el_doc *doc = doc_new(path);
    doc->ok = false;
    doc->error_code = code;
    doc->error_message = xstrdup(message);
    return doc;
}

/* Markdown when the name says so; for other names, when the text has Markdown block syntax. */
static enum el_input_format pick_format(const char *path, const char *text, size_t len)
{
    const char *dot = path ? strrchr(path, '.') : NULL;
    if (dot && (strcmp(dot, ".md") == 0 || strcmp(dot, ".markdown") == 0))
        return EL_INPUT_MARKDOWN;
    if (dot && strcmp(dot, ".txt") == 0)
        return EL_INPUT_TEXT;
    for (size_t i = 0; i < len;) {
        size_t j = i;
        while (j < len && j < i + 3 && text[j] == ' ')
            j++;
        if (j < len) {
            char c = text[j];
            size_t k = j;
            while (k < len && text[k] == '#' && k < j + 7)
                k++;
            if (k > j && k - j <= 6 && k < len && text[k] == ' ')
                return EL_INPUT_MARKDOWN;
            if ((c == '>' ||
                 ((c == '-' || c == '*' || c == '+') && j + 1 < len && text[j + 1] == ' ')))
                return EL_INPUT_MARKDOWN;
        }
        const char *nl = memchr(text + i, '\n', len - i);
        if (nl == NULL)
            break;
        i = (size_t)(nl - text) + 1;
    }
    return EL_INPUT_TEXT;
}

el_doc *el_parse(const char *path, const char *buf, size_t len, const el_options *opt)
{
    el_options defaults = {0};
    if (opt == NULL)
        opt = &defaults;
    el_doc *doc = doc_new(path);
    doc->ok = true;
    el_decode(doc, buf, len, opt->encoding);
    if (!doc->ok)
        return doc;
    doc->format = opt->input != EL_INPUT_AUTO ? opt->input : pick_format(path, doc->text, doc->len);
    /* (malloc and memset: glibc's calloc passes by its per-thread cache of small blocks) */
    doc->roles = memset(xmalloc(doc->lines.n + 1), 0, doc->lines.n + 1);
    if (doc->format == EL_INPUT_MARKDOWN)
        el_blocks_markdown(doc);
    else
        el_blocks_text(doc);
    el_section_build(doc);
    return doc;
}

void el_doc_free(el_doc *doc)
{
    if (doc == NULL)
        return;
    el_doc_strings_free(doc);
    free(doc->findings.v);
    free(doc->devices.v);
    free(doc->quotes.v);
    free(doc->cases.v);
    free(doc->stats.v);
    free(doc->notes.v);
    free(doc->paras.v);
    free(doc->sections.v);
    free(doc->roles);
    free(doc->blocks.v);
    el_doc_lex_release(doc);
    free(doc->segs.v);
    free(doc->verbatim.v);
    free(doc->comments.v);
    free(doc->plain.v);
    free(doc->lines.v);
    free(doc->marks.v);
    free(doc->text);
    free(doc->error_message);
    free(doc); /* and the path with it */
}

bool el_doc_ok(const el_doc *doc)
{
    return doc->ok;
}

const char *el_doc_path(const el_doc *doc)
{
    return doc->path;
}

const char *el_doc_error_code(const el_doc *doc)
{
    return doc->ok ? NULL : doc->error_code;
}

const char *el_doc_error_message(const el_doc *doc)
{
    return doc->ok ? NULL : doc->error_message;
}

el_counts el_doc_counts(const el_doc *doc)
{
    return doc->counts;
}

size_t el_doc_nfindings(const el_doc *doc, enum el_severity sev)
{
    size_t n = 0;
    for (size_t i = 0; i < doc->findings.n; i++)
        n += doc->findings.v[i].severity == (int)sev;
    return n;
}

int el_doc_max_severity(const el_doc *doc)
{
    int max = -1;
    for (size_t i = 0; i < doc->findings.n; i++)
        if (doc->findings.v[i].severity > max)
            max = doc->findings.v[i].severity;
    return max;
}

/* Index of the last line starting at or before off (lines.n > 0). */
static size_t line_index(const el_doc *doc, size_t off)
{
    size_t la = 0, lb = doc->lines.n;
    while (lb - la > 1) {
        size_t mid = la + (lb - la) / 2;
        if (doc->lines.v[mid] <= off)
            la = mid;
        else
            lb = mid;
    }
    return la;
}

/* Index of the last checkpoint at or before off (marks.n > 0). */
static size_t mark_index(const el_doc *doc, size_t off)
{
    size_t lo = 0, hi = doc->marks.n;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->marks.v[mid].off <= off)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

void el_doc_pos(const el_doc *doc, size_t src_off, size_t *line, size_t *col)
{
    if (doc->marks.n == 0) {
        *line = 1;
        *col = 1;
        return;
    }
    if (src_off > doc->len)
        src_off = doc->len;
    el_mark m = doc->marks.v[mark_index(doc, src_off)];
    /* The line from the line table; the column by counting lead bytes from the checkpoint
       when it is on the same line, else from the line start (then nearer than a stride). */
    size_t la = doc->lines.n ? line_index(doc, src_off) : 0;
    size_t from = doc->lines.n ? doc->lines.v[la] : 0, c = 1;
    if (m.off >= from)
        from = m.off, c = m.col;
    *line = la + 1;
    *col = c + el_text_ncp(doc->text + from, src_off - from);
}

/* How far past the cursor el_doc_pos_near steps on from it rather than bisecting: it bounds
   the line steps (a line is a byte at least); the count itself never starts further back than
   the checkpoint before the position, so it stays under a stride. */
#define POS_NEAR 4096

void el_doc_pos_step(const el_doc *doc, el_pos_cursor *cur, size_t src_off, size_t *line,
                     size_t *col)
{
    if (doc->marks.n == 0 || doc->lines.n == 0) {
        el_doc_pos(doc, src_off, line, col);
        return;
    }
    if (src_off > doc->len)
        src_off = doc->len;
    size_t li, mi, from, c;
    if (cur->valid && src_off >= cur->off && src_off - cur->off <= POS_NEAR) {
        li = cur->li;
        mi = cur->mi;
        while (li + 1 < doc->lines.n && doc->lines.v[li + 1] <= src_off)
            li++;
        while (mi + 1 < doc->marks.n && doc->marks.v[mi + 1].off <= src_off)
            mi++;
        from = doc->lines.v[li], c = 1;
        if (li == cur->li) /* still on the cursor's line: on from its column */
            from = cur->off, c = cur->col;
    } else {
        li = line_index(doc, src_off);
        mi = mark_index(doc, src_off);
        from = doc->lines.v[li], c = 1;
    }
    /* A checkpoint past the line start (or the cursor) is on this line, and nearer. */
    const el_mark *m = &doc->marks.v[mi];
    if (m->off >= from)
        from = m->off, c = m->col;
    c += el_text_ncp(doc->text + from, src_off - from);
    size_t end = li + 1 < doc->lines.n ? doc->lines.v[li + 1] : doc->len + 1;
    *cur = (el_pos_cursor){true, src_off, li, mi, c, end, cur->seg};
    *line = li + 1;
    *col = c;
}

void el_doc_pos_walk_step(const el_doc *doc, el_pos_walk *pw, size_t src_off, size_t *line,
                          size_t *col)
{
    if (src_off > doc->len)
        src_off = doc->len;
    if (doc->lines.n == 0 || doc->marks.n == 0 || (pw->valid && src_off < pw->off)) {
        el_doc_pos(doc, src_off, line, col); /* no line table, or a step back: looked up */
        return;
    }
    if (!pw->valid) /* the walk starts at the text's start */
        *pw = (el_pos_walk){true, 0, 0, 1, doc->lines.n > 1 ? doc->lines.v[1] : doc->len + 1};
    if (src_off >= pw->line_end) { /* a later line: on from its start */
        size_t li = pw->li + 1;
        while (li + 1 < doc->lines.n && doc->lines.v[li + 1] <= src_off)
            li++;
        pw->li = li;
        pw->off = doc->lines.v[li];
        pw->col = 1;
        pw->line_end = li + 1 < doc->lines.n ? doc->lines.v[li + 1] : doc->len + 1;
    }
    pw->col += el_text_ncp(doc->text + pw->off, src_off - pw->off);
    pw->off = src_off;
    *line = pw->li + 1;
    *col = pw->col;
}

/* el_doc_src's answer for plain_off in segment lo (the last starting at or before it). */
static size_t seg_src(const el_doc *doc, size_t lo, size_t plain_off)
{
    const el_seg *s = &doc->segs.v[lo];
    size_t d = plain_off >= s->plain_off ? plain_off - s->plain_off : 0;
    if (d > s->len)
        d = s->len;
    return s->src_off + d < doc->len ? s->src_off + d : doc->len;
}

size_t el_doc_src(const el_doc *doc, size_t plain_off)
{
    if (doc->segs.n == 0)
        return 0;
    size_t lo = 0, hi = doc->segs.n;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->segs.v[mid].plain_off <= plain_off)
            lo = mid;
        else
            hi = mid;
    }
    return seg_src(doc, lo, plain_off);
}

size_t el_doc_src_near(const el_doc *doc, el_pos_cursor *cur, size_t plain_off)
{
    const el_seg *v = doc->segs.v;
    size_t n = doc->segs.n, k = cur->seg;
    if (n == 0)
        return 0;
    /* The segment el_doc_src would find is the last starting at or before plain_off (the
       first when none does): the cursor's, or the one after it, when items come in order. */
    if (k < n && (k == 0 || v[k].plain_off <= plain_off)) {
        if (k + 1 == n || v[k + 1].plain_off > plain_off)
            return seg_src(doc, k, plain_off);
        if (k + 2 == n || v[k + 2].plain_off > plain_off) {
            cur->seg = k + 1;
            return seg_src(doc, k + 1, plain_off);
        }
    }
    size_t lo = 0, hi = n;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid].plain_off <= plain_off)
            lo = mid;
        else
            hi = mid;
    }
    cur->seg = lo;
    return seg_src(doc, lo, plain_off);
}

/* Fill doc->lexhits from one scan of the whole of `plain`, and count it, on the first call. */
static void lex_fill(el_doc *doc)
{
    if (doc->lexed)
        return;
    /* room for a Chinese text's usual hits (one per 24 bytes or so): a grown array is
       copied at each doubling */
    doc->lexhits.v =
        xgrow(doc->lexhits.v, &doc->lexhits.cap, doc->plain.n / 32 + 16, sizeof *doc->lexhits.v);
    el_lex_scan_all(doc->plain.v, doc->plain.n, &doc->lexhits.v, &doc->lexhits.n,
                    &doc->lexhits.cap);
    size_t n = doc->lexhits.n;
    /* The categories, then room for the selections of the extractors' masks (about twice
       the hits in all, in the drafts measured): one allocation where each would be another.
       Set once: lex_sel never grows it. */
    size_t catw = n / sizeof(uint32_t) + 1;
    free(doc->lexpool.v);
    doc->lexpool.cap = catw + n / 2 * 5;
    doc->lexpool.v = xmalloc(doc->lexpool.cap * sizeof *doc->lexpool.v);
    doc->lexpool.n = catw;
    unsigned char *cat = (unsigned char *)doc->lexpool.v;
    memset(doc->lexcount, 0, sizeof doc->lexcount);
    for (size_t i = 0; i < n; i++) {
        cat[i] = (unsigned char)doc->lexhits.v[i].cat;
        doc->lexcount[doc->lexhits.v[i].cat]++;
    }
    doc->lexed = true;
}

/* Index of the first of v[0..n) (sorted by end) that ends after off. */
static size_t first_after(const el_lex_hit *v, size_t n, size_t off)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid].end <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Call cb for h relative to off. */
static inline void lex_call(const el_lex_hit *h, size_t off, el_lex_cb cb, void *ctx)
{
    el_lex_hit r = {h->start - off, h->end - off, h->entry, h->cat};
    cb(ctx, &r);
}

/* The plain walk: v[0..nv) (sorted by end) in [off, off + n), categories in mask. */
static void lex_walk(const el_lex_hit *v, size_t nv, size_t off, size_t n, unsigned mask,
                     el_lex_cb cb, void *ctx)
{
    size_t lim = off + n;
    for (size_t i = first_after(v, nv, off); i < nv && v[i].end <= lim; i++)
        if (v[i].start >= off && (mask >> v[i].cat & 1))
            lex_call(&v[i], off, cb, ctx);
}

void el_doc_lex_scan(el_doc *doc, size_t off, size_t n, el_lex_cb cb, void *ctx)
{
    lex_fill(doc);
    lex_walk(doc->lexhits.v, doc->lexhits.n, off, n, EL_LEX_ALL_CATS, cb, ctx);
}

/* Store in idx, in order, the indices j < n whose category cat[j] is in mask. */
static void sel_filter(const unsigned char *cat, uint32_t n, unsigned mask, uint32_t *idx)
{
    uint32_t j = 0;
#if defined(__SSE2__) && defined(__GNUC__)
    /* 16 hits at a time: their categories compared with each of the mask's (extractors ask
       for two to four), the indices stored from the bits of the matches. */
    __m128i want[EL_LEX_NCATS];
    unsigned nw = 0;
    for (unsigned c = 0; c < EL_LEX_NCATS; c++)
        if (mask >> c & 1)
            want[nw++] = _mm_set1_epi8((char)c);
    for (; j + 16 <= n; j += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(cat + j));
        __m128i in = _mm_setzero_si128();
        for (unsigned w = 0; w < nw; w++)
            in = _mm_or_si128(in, _mm_cmpeq_epi8(v, want[w]));
        for (unsigned m = (unsigned)_mm_movemask_epi8(in); m; m &= m - 1)
            *idx++ = j + (uint32_t)__builtin_ctz(m);
    }
#endif
    for (; j < n; j++)
        if (mask >> cat[j] & 1)
            *idx++ = j;
}

/* The selection of mask, made now if there is room for it; NULL if there is not. */
static el_lex_sel *lex_sel(el_doc *doc, unsigned mask)
{
    if (doc->lexlast < doc->nlexsel && doc->lexsel[doc->lexlast].mask == mask)
        return &doc->lexsel[doc->lexlast];
    for (unsigned k = 0; k < doc->nlexsel; k++)
        if (doc->lexsel[k].mask == mask) {
            doc->lexlast = k;
            return &doc->lexsel[k];
        }
    if (doc->nlexsel == EL_LEX_NSEL || doc->lexhits.n > UINT32_MAX)
        return NULL;
    size_t cnt = 0;
    for (unsigned c = 0; c < EL_LEX_NCATS; c++)
        if (mask >> c & 1)
            cnt += doc->lexcount[c];
    doc->lexlast = doc->nlexsel;
    el_lex_sel *sel = &doc->lexsel[doc->nlexsel++];
    sel->mask = mask;
    sel->next = 0;
    sel->n = cnt;
    /* The pool never moves (a callback may make a selection while another is walked): past
       its room, a selection has an allocation of its own. */
    sel->own = doc->lexpool.n + cnt > doc->lexpool.cap;
    if (sel->own)
        sel->idx = xmalloc((cnt + 1) * sizeof *sel->idx);
    else {
        sel->idx = doc->lexpool.v + doc->lexpool.n;
        doc->lexpool.n += cnt;
    }
    sel_filter((const unsigned char *)doc->lexpool.v, (uint32_t)doc->lexhits.n, mask, sel->idx);
    return sel;
}

/* Index of the first of the selection's hits that ends after off. */
static size_t sel_first_after(const el_lex_hit *v, const uint32_t *idx, size_t n, size_t off)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[idx[mid]].end <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

void el_doc_lex_scan_cats(el_doc *doc, size_t off, size_t n, unsigned mask, el_lex_cb cb, void *ctx)
{
    lex_fill(doc);
    const el_lex_hit *v = doc->lexhits.v;
    size_t nv = doc->lexhits.n, lim = off + n;
    el_lex_sel *sel = mask == EL_LEX_ALL_CATS ? NULL : lex_sel(doc, mask);
    if (sel == NULL) {
        lex_walk(v, nv, off, n, mask, cb, ctx);
        return;
    }
    const uint32_t *idx = sel->idx;
    size_t k = sel->n;
    /* Callers mostly go through a document in order: the first hit wanted is then at the
       last call's end or a few further on, no bisection needed. */
    size_t i = sel->next;
    if (i > 0 && v[idx[i - 1]].end > off)
        i = sel_first_after(v, idx, k, off);
    else
        for (int step = 0; i < k && v[idx[i]].end <= off; i++)
            if (++step == 8) {
                i = sel_first_after(v, idx, k, off);
                break;
            }
    for (; i < k && v[idx[i]].end <= lim; i++)
        if (v[idx[i]].start >= off)
            lex_call(&v[idx[i]], off, cb, ctx);
    sel->next = i;
}

void el_doc_lex_release(el_doc *doc)
{
    free(doc->lexhits.v);
    doc->lexhits.v = NULL;
    doc->lexhits.n = doc->lexhits.cap = 0;
    doc->lexed = false;
    for (unsigned k = 0; k < doc->nlexsel; k++)
        if (doc->lexsel[k].own)
            free(doc->lexsel[k].idx);
    free(doc->lexpool.v);
    doc->lexpool.v = NULL;
    doc->lexpool.n = doc->lexpool.cap = 0;
    doc->nlexsel = doc->lexlast = 0;
}

/* The plain range [lo, hi] a section covers (its title and paragraphs); false if empty. */
static bool section_range(const el_doc *doc, const el_section *sec, size_t *lo, size_t *hi)
{
    *lo = SIZE_MAX;
    *hi = 0;
    if (sec->npara) {
        *lo = doc->paras.v[sec->para0].txt.off;
        const el_para *last = &doc->paras.v[sec->para0 + sec->npara - 1];
        *hi = last->txt.off + last->txt.len;
    }
    if (sec->title.len) {
        if (sec->title.off < *lo)
            *lo = sec->title.off;
        if (sec->title.off + sec->title.len > *hi)
            *hi = sec->title.off + sec->title.len;
    }
    return *lo != SIZE_MAX;
}

/* The lowest plain offset a section covers (section_range's lo), SIZE_MAX if it is empty: all
   the bisection needs of a section, without the end of its last paragraph. */
static inline size_t section_lo(const el_doc *doc, const el_section *sec)
{
    size_t lo = sec->npara ? doc->paras.v[sec->para0].txt.off : SIZE_MAX;
    return sec->title.len && sec->title.off < lo ? sec->title.off : lo;
}

int el_doc_section_at(const el_doc *doc, size_t plain_off)
{
    /* Sections follow each other in the text: bisect for the last one starting at or before
       plain_off (an empty section has no range: step left past it), a linear scan per
       extracted item being quadratic in a long file. */
    const el_section *v = doc->sections.v;
    size_t lo = 0, hi = doc->sections.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2, m = mid, a = section_lo(doc, &v[m]);
        while (a == SIZE_MAX && m > lo)
            a = section_lo(doc, &v[--m]);
        if (a == SIZE_MAX || a > plain_off)
            hi = m;
        else
            lo = mid + 1;
    }
    for (size_t i = lo; i-- > 0;) { /* the candidate, and before it only empty sections */
        size_t a, z;
        if (!section_range(doc, &v[i], &a, &z))
            continue;
        return plain_off >= a && plain_off <= z ? (int)i : -1;
    }
    return -1;
}

/* Append len bytes to plain, mapped to the source range starting at src_off. */
static size_t plain_put(el_doc *doc, size_t src_off, const char *bytes, size_t len)
{
    size_t at = doc->plain.n;
    if (len == 0)
        return at;
    doc->plain.v = xgrow(doc->plain.v, &doc->plain.cap, at + len + 1, 1);
    memcpy(doc->plain.v + at, bytes, len);
    doc->plain.n += len;
    doc->plain.v[doc->plain.n] = '\0';
    el_seg *last = doc->segs.n ? &doc->segs.v[doc->segs.n - 1] : NULL;
    if (last && last->plain_off + last->len == at && last->src_off + last->len == src_off)
        last->len += len;
    else
        *EL_VEC_PUSH(doc->segs) = (el_seg){at, src_off, len};
    return at;
}

size_t el_doc_plain_append(el_doc *doc, size_t src_off, size_t len)
{
    return plain_put(doc, src_off, doc->text + src_off, len);
}

size_t el_doc_plain_put(el_doc *doc, size_t src_off, const char *bytes, size_t len)
{
    /* The segment must stay inside the source so every mapped offset is a real position. */
    if (src_off + len > doc->len)
        src_off = doc->len >= len ? doc->len - len : 0;
    return plain_put(doc, src_off, bytes, len);
}

void el_doc_plain_sep(el_doc *doc)
{
    doc->plain.v = xgrow(doc->plain.v, &doc->plain.cap, doc->plain.n + 2, 1);
    doc->plain.v[doc->plain.n++] = '\n';
    doc->plain.v[doc->plain.n] = '\0';
}
