/* SPDX-License-Identifier: MIT */
/*
 * The JSON reporter: one FILE object of the essaylint/1 contract on one line (the unit of
 * both json and jsonl output), streamed through the JSON writer (json_out.c) straight into
 * one buffer: building, printing and freeing a cJSON tree per file was a fifth of a run.
 * The items' lines and columns are counted as they are written, one walk through the text
 * per kind of item (see start_kind).
 */
#include "report.h"

#include "json_out.h"

#include "decode.h"
#include "lexicon.h"
#include "rules.h"
#include "section.h"
#include "stats.h"

#include <stdlib.h>
#include <string.h>

/* A string of one of the reporter's own tables, with its length: written without a strlen. */
typedef struct lit {
    const char *s;
    size_t n;
} lit;
/* clang-format off */
#define LIT(s) {s, sizeof(s) - 1}
/* clang-format on */

/* What the writers share for one report. */
typedef struct rj {
    el_jw *w;
    const el_doc *doc;
    bool plain_nul;    /* plain holds a NUL byte (it hardly ever does): spans stop at it */
    el_pos_cursor cur; /* the items' offsets in `plain` to offsets in `text` (see start_kind) */
    el_pos_walk walk;  /* and those to lines and columns */
} rj;

/* A span of plain as a JSON string, or null when absent. The string ends at a NUL byte if the
 * span holds one (as the contract has always printed it); plain is searched for one once per
 * report, not once per span. */
static inline void wspan(const rj *r, el_span sp)
{
    if (sp.len == 0) {
        el_jw_null(r->w);
        return;
    }
    const char *s = r->doc->plain.v + sp.off;
    const char *nul = r->plain_nul ? memchr(s, '\0', sp.len) : NULL;
    el_jw_strn(r->w, s, nul ? (size_t)(nul - s) : sp.len);
}

static void wstr_or_null(el_jw *w, const char *s)
{
    if (s)
        el_jw_str(w, s);
    else
        el_jw_null(w);
}

/* wstr_or_null for a name from the program's tables (el_jw_name). */
static void wname_or_null(el_jw *w, const char *s)
{
    if (s)
        el_jw_name(w, s);
    else
        el_jw_null(w);
}

static void wsection_no(el_jw *w, int section)
{
    EL_JW_KEY(w, "section");
    if (section >= 0)
        el_jw_int(w, section);
    else
        el_jw_null(w);
}

/* line, column and section of the next item of a kind, at src_off in `text`, and the end of
   the item's object. All in one reservation: there is one per item. */
static inline void wpos_end(rj *r, size_t src_off, int section)
{
    el_jw *w = r->w;
    size_t line, col;
    el_doc_pos_walk(r->doc, &r->walk, src_off, &line, &col);
    if (line >= EL_JW_EXACT_INT || col >= EL_JW_EXACT_INT) { /* never, but printed as ever */
        EL_JW_KEY(w, "line");
        el_jw_uint(w, line);
        EL_JW_KEY(w, "column");
        el_jw_uint(w, col);
        wsection_no(w, section);
        el_jw_obj_end(w);
        return;
    }
    enum { ROOM = 1 + 7 + 20 + 10 + 20 + 11 + 20 + 1 };
    if (w->cap - w->n < ROOM)
        el_jw_reserve(w, ROOM);
    char *o = w->v + w->n;
    if (w->comma)
        *o++ = ',';
    memcpy(o, "\"line\":", 7);
    o = el_jw_digits(o + 7, line);
    memcpy(o, ",\"column\":", 10);
    o = el_jw_digits(o + 10, col);
    memcpy(o, ",\"section\":", 11);
    o += 11;
    if (section >= 0) {
        o = el_jw_digits(o, (uint64_t)section);
    } else {
        memcpy(o, "null", 4);
        o += 4;
    }
    *o++ = '}';
    w->n = (size_t)(o - w->v);
    w->comma = true;
}

/*
 * A kind's items (cases, statistics, ...) come in text order, so their positions are counted
 * by one walk through the text per kind (el_doc_pos_walk), each counting on from the last, and
 * their offsets in `plain` are mapped to `text` with a cursor that moves on with them. One
 * walk per kind counts some lines again, up to the kind's last item on each, where a merge
 * of all the kinds into one walk would count each once; but the merge cost more than that
 * counting (a mispredicted choice of kind per item), and this way each position is counted
 * as the item is written, without a table of them.
 */
static void start_kind(rj *r)
{
    r->cur = (el_pos_cursor){0};
    r->walk = (el_pos_walk){0};
}

static void wsections(const rj *r)
{
    el_jw *w = r->w;
    const el_doc *doc = r->doc;
    el_jw_arr(w);
    for (size_t i = 0; i < doc->sections.n; i++) {
        const el_section *s = &doc->sections.v[i];
        EL_JW_OBJ_KEY(w, "kind");
        el_jw_name(w, el_section_kind_name(s->kind));
        EL_JW_KEY(w, "index");
        el_jw_int(w, s->index);
        EL_JW_KEY(w, "title");
        wspan(r, s->title);
        EL_JW_KEY(w, "line");
        el_jw_uint(w, s->line);
        EL_JW_KEY(w, "end_line");
        el_jw_uint(w, s->end_line);
        EL_JW_KEY(w, "paragraphs");
        el_jw_arr(w);
        for (size_t k = 0; k < s->npara; k++) {
            const el_para *p = &doc->paras.v[s->para0 + k];
            EL_JW_OBJ_KEY(w, "line");
            el_jw_uint(w, p->line);
            EL_JW_KEY(w, "text");
            wspan(r, p->txt);
            EL_JW_KEY(w, "chars");
            el_jw_uint(w, p->chars);
            el_jw_obj_end(w);
        }
        el_jw_arr_end(w);
        EL_JW_KEY(w, "notes");
        el_jw_arr(w);
        for (size_t k = 0; k < s->nnote; k++) {
            const el_note *nt = &doc->notes.v[s->note0 + k];
            EL_JW_OBJ_KEY(w, "label");
            wspan(r, nt->label);
            EL_JW_KEY(w, "text");
            wspan(r, nt->txt);
            EL_JW_KEY(w, "line");
            el_jw_uint(w, nt->line);
            el_jw_obj_end(w);
        }
        el_jw_arr_end(w);
        if (s->kind == EL_SEC_ARGUMENT) {
            EL_JW_KEY(w, "evidence");
            EL_JW_OBJ_KEY(w, "case");
            el_jw_bool(w, s->ev.has_case);
            EL_JW_KEY(w, "data");
            el_jw_bool(w, s->ev.has_data);
            EL_JW_KEY(w, "counter_example");
            el_jw_bool(w, s->ev.has_counter);
            EL_JW_KEY(w, "countermeasure");
            el_jw_bool(w, s->ev.has_measure);
            el_jw_obj_end(w);
        }
        el_jw_obj_end(w);
    }
    el_jw_arr_end(w);
}

static void wstats(rj *r)
{
    el_jw *w = r->w;
    const el_doc *doc = r->doc;
    start_kind(r);
    el_jw_arr(w);
    for (size_t i = 0; i < doc->stats.n; i++) {
        const el_stat_item *st = &doc->stats.v[i];
        EL_JW_OBJ_KEY(w, "text");
        wspan(r, st->txt);
        EL_JW_KEY(w, "value");
        el_jw_num(w, st->value);
        EL_JW_KEY(w, "unit");
        if (st->unit_name)
            el_jw_str(w, st->unit_name);
        else
            wspan(r, st->unit);
        EL_JW_KEY(w, "qualifier");
        wstr_or_null(w, st->qualifier);
        EL_JW_KEY(w, "kind");
        el_jw_name(w, el_stats_kind_name((el_stat_kind)st->kind));
        wpos_end(r, el_doc_src_near(doc, &r->cur, st->txt.off), st->section);
    }
    el_jw_arr_end(w);
}

static void wcases(rj *r)
{
    el_jw *w = r->w;
    const el_doc *doc = r->doc;
    start_kind(r);
    el_jw_arr(w);
    for (size_t i = 0; i < doc->cases.n; i++) {
        const el_case *c = &doc->cases.v[i];
        const el_province *pv = c->province >= 0 ? el_lex_province(c->province) : NULL;
        EL_JW_OBJ_KEY(w, "place");
        wspan(r, c->place);
        EL_JW_KEY(w, "province");
        wname_or_null(w, pv ? pv->short_name : NULL);
        EL_JW_KEY(w, "region");
        wname_or_null(w, pv ? el_region_id(pv->region) : NULL);
        EL_JW_KEY(w, "name");
        wspan(r, c->name);
        EL_JW_KEY(w, "polarity");
        if (c->negative)
            EL_JW_NAME(w, "negative");
        else
            EL_JW_NAME(w, "positive");
        EL_JW_KEY(w, "statistics");
        el_jw_arr(w);
        for (size_t k = 0; k < c->nstat; k++)
            el_jw_uint(w, c->stat0 + k);
        el_jw_arr_end(w);
        wpos_end(r, el_doc_src_near(doc, &r->cur, c->place.off), c->section);
    }
    el_jw_arr_end(w);
}

/*
 * The work a lexicon source names, which is what a quote's source reports (the contract: the
 * work, not its author): the source from its first 《 when it ends with that title (屈原《离骚》
 * → 《离骚》, 语本顾炎武《日知录·正始》 → 《日知录·正始》); NULL when it names no titled work
 * (俗语, 民谚, 郑板桥（书斋联）), when the title written before the quote, if any, is
 * reported instead. The lexicon keeps the author for its readers.
 */
static const char *source_work(const char *src)
{
    const char *t = strstr(src, "\xE3\x80\x8A"); /* 《 */
    if (t == NULL)
        return NULL;
    size_t n = strlen(t);
    return n >= 6 && memcmp(t + n - 3, "\xE3\x80\x8B", 3) == 0 ? t : NULL; /* 》 */
}

static void wquotes(rj *r)
{
    static const lit kinds[] = {LIT("policy"), LIT("classical"), LIT("other")};
    el_jw *w = r->w;
    const el_doc *doc = r->doc;
    start_kind(r);
    el_jw_arr(w);
    for (size_t i = 0; i < doc->quotes.n; i++) {
        const el_quote *q = &doc->quotes.v[i];
        EL_JW_OBJ_KEY(w, "kind");
        el_jw_name_n(w, kinds[q->kind].s, kinds[q->kind].n);
        EL_JW_KEY(w, "speaker");
        if (q->speaker_lex)
            el_jw_str(w, q->speaker_lex);
        else
            wspan(r, q->speaker);
        EL_JW_KEY(w, "source");
        const char *work = q->source_lex ? source_work(q->source_lex) : NULL;
        if (work)
            el_jw_str(w, work);
        else /* the title written before it, if any */
            wspan(r, q->source);
        EL_JW_KEY(w, "text");
        wspan(r, q->txt);
        wpos_end(r, el_doc_src_near(doc, &r->cur, q->txt.off), q->section);
    }
    el_jw_arr_end(w);
}

static void wdevices(rj *r)
{
    static const lit types[] = {LIT("parallelism"), LIT("antithesis"),          LIT("metaphor"),
                                LIT("contrast"),    LIT("rhetorical_question"), LIT("citation")};
    el_jw *w = r->w;
    const el_doc *doc = r->doc;
    start_kind(r);
    el_jw_arr(w);
    for (size_t i = 0; i < doc->devices.n; i++) {
        const el_device *d = &doc->devices.v[i];
        EL_JW_OBJ_KEY(w, "type");
        el_jw_name_n(w, types[d->type].s, types[d->type].n);
        EL_JW_KEY(w, "text");
        wspan(r, d->txt);
        wpos_end(r, el_doc_src_near(doc, &r->cur, d->txt.off), d->section);
    }
    el_jw_arr_end(w);
}

/* Regions of the cases' provinces, each once, in first-seen order within a region: the
 * distinct provinces are listed in one pass, then each region picks its own from the list. */
static void wregions(el_jw *w, const el_doc *doc)
{
    const el_province *seen_pv[64];
    unsigned char seen[64] = {0};
    size_t nseen = 0;
    for (size_t i = 0; i < doc->cases.n; i++) {
        int p = doc->cases.v[i].province;
        if (p < 0 || p >= 64 || seen[p])
            continue;
        seen[p] = 1;
        seen_pv[nseen++] = el_lex_province(p);
    }
    el_jw_obj(w);
    for (int k = 0; k < 4; k++) {
        el_jw_key(w, el_region_id((enum el_region)k));
        el_jw_arr(w);
        for (size_t j = 0; j < nseen; j++)
            if ((int)seen_pv[j]->region == k)
                el_jw_name(w, seen_pv[j]->short_name);
        el_jw_arr_end(w);
    }
    el_jw_obj_end(w);
}

static void wfindings(rj *r, bool english)
{
    static const lit sev[] = {LIT("info"), LIT("warning"), LIT("error")};
    el_jw *w = r->w;
    const el_doc *doc = r->doc;
    char *msg = NULL; /* one buffer for every message */
    size_t cap = 0;
    start_kind(r);
    el_jw_arr(w);
    for (size_t i = 0; i < doc->findings.n; i++) {
        const el_finding *f = &doc->findings.v[i];
        /* its length: a message is made of C strings, so it holds no NUL before its end */
        size_t n = el_finding_message_into(f, english, &msg, &cap);
        EL_JW_OBJ_KEY(w, "rule");
        el_jw_name(w, el_rule(f->rule)->id);
        EL_JW_KEY(w, "severity");
        el_jw_name_n(w, sev[f->severity].s, sev[f->severity].n);
        EL_JW_KEY(w, "message");
        el_jw_strn(w, msg, n);
        wpos_end(r, f->src_off, f->section);
    }
    el_jw_arr_end(w);
    free(msg);
}

void el_report_json_write(el_jw *w, const el_doc *doc, const el_report_options *opt,
                          const el_report_json_extra *x)
{
    bool english = opt && opt->english;
    el_jw_obj(w);
    if (x && x->id_json) {
        EL_JW_KEY(w, "id");
        el_jw_raw(w, x->id_json, strlen(x->id_json));
    }
    EL_JW_KEY(w, "path");
    el_jw_str(w, doc->path);
    EL_JW_KEY(w, "ok");
    el_jw_bool(w, doc->ok);
    if (!doc->ok) {
        EL_JW_KEY(w, "error");
        EL_JW_OBJ_KEY(w, "code");
        el_jw_str(w, doc->error_code ? doc->error_code : "error");
        EL_JW_KEY(w, "message");
        el_jw_str(w, doc->error_message ? doc->error_message : "");
        if (x && x->error_line) {
            EL_JW_KEY(w, "line");
            el_jw_uint(w, x->error_line);
        }
        el_jw_obj_end(w);
        el_jw_obj_end(w);
        return;
    }
    bool plain_nul = doc->plain.n > 0 && memchr(doc->plain.v, '\0', doc->plain.n) != NULL;
    rj r = {w, doc, plain_nul, {0}, {0}};

    EL_JW_KEY(w, "encoding");
    el_jw_name(w, el_decode_name(doc->encoding));
    EL_JW_KEY(w, "input_format");
    if (doc->format == EL_INPUT_MARKDOWN)
        EL_JW_NAME(w, "markdown");
    else
        EL_JW_NAME(w, "text");
    EL_JW_KEY(w, "counts");
    EL_JW_OBJ_KEY(w, "chars");
    el_jw_uint(w, doc->counts.chars);
    EL_JW_KEY(w, "hanzi");
    el_jw_uint(w, doc->counts.hanzi);
    EL_JW_KEY(w, "paragraphs");
    el_jw_uint(w, doc->counts.paragraphs);
    EL_JW_KEY(w, "sentences");
    el_jw_uint(w, doc->counts.sentences);
    el_jw_obj_end(w);
    EL_JW_KEY(w, "title");
    if (doc->title.len) {
        EL_JW_OBJ_KEY(w, "text");
        wspan(&r, doc->title);
        EL_JW_KEY(w, "line");
        el_jw_uint(w, doc->title_line);
        el_jw_obj_end(w);
    } else {
        el_jw_null(w);
    }
    EL_JW_KEY(w, "theme");
    wspan(&r, doc->theme);
    EL_JW_KEY(w, "sections");
    wsections(&r);
    EL_JW_KEY(w, "cases");
    wcases(&r);
    EL_JW_KEY(w, "statistics");
    wstats(&r);
    EL_JW_KEY(w, "quotes");
    wquotes(&r);
    EL_JW_KEY(w, "devices");
    wdevices(&r);
    EL_JW_KEY(w, "regions");
    wregions(w, doc);
    EL_JW_KEY(w, "findings");
    wfindings(&r, english);
    el_jw_obj_end(w);
}

char *el_report_json_buf(const el_doc *doc, const el_report_options *opt,
                         const el_report_json_extra *x, size_t *len)
{
    el_jw w;
    /* A report is about three bytes per byte of input: start near that, within reason
     * (the buffer doubles when it has to). */
    size_t guess = doc->ok ? 3 * doc->len + 1024 : 1024;
    el_jw_init(&w, guess < ((size_t)1 << 20) ? guess : (size_t)1 << 20);
    el_report_json_write(&w, doc, opt, x);
    el_jw_byte(&w, '\n');
    *len = w.n;
    return xrealloc(w.v, w.n + 1); /* trimmed: a batch may hold many of these */
}

int el_report_json_with(const el_doc *doc, const el_report_options *opt,
                        const el_report_json_extra *x, FILE *out)
{
    size_t n;
    char *buf = el_report_json_buf(doc, opt, x, &n);
    int rc = fwrite(buf, 1, n, out) == n ? 0 : -1;
    free(buf);
    return rc;
}

int el_report_json(const el_doc *doc, const el_report_options *opt, FILE *out)
{
    return el_report_json_with(doc, opt, NULL, out);
}
