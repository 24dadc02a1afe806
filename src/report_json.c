/* SPDX-License-Identifier: MIT */
/*
 * The JSON reporter: one FILE object of the essaylint/1 contract, built as a
 * cJSON tree and printed on one line (the unit of both json and jsonl output).
 */
#include "report.h"

#include "decode.h"
#include "rules.h"
#include "section.h"
#include "stats.h"
#include "lexicon.h"

#include <cJSON.h>
#include <stdlib.h>
#include <string.h>

/* A JSON string of a span of plain, or null when the span is absent. */
static cJSON *jspan(const el_doc *doc, el_span sp)
{
    if (sp.len == 0)
        return cJSON_CreateNull();
    char *tmp = xstrndup(doc->plain.v + sp.off, sp.len);
    cJSON *j = cJSON_CreateString(tmp);
    free(tmp);
    return j;
}

static cJSON *jstr_or_null(const char *s)
{
    return s ? cJSON_CreateString(s) : cJSON_CreateNull();
}

/* Add line, column and section for a plain offset. */
static void add_pos(cJSON *o, const el_doc *doc, size_t plain_off, int section)
{
    size_t line, col;
    el_doc_pos(doc, el_doc_src(doc, plain_off), &line, &col);
    cJSON_AddNumberToObject(o, "line", (double)line);
    cJSON_AddNumberToObject(o, "column", (double)col);
    if (section >= 0)
        cJSON_AddNumberToObject(o, "section", section);
    else
        cJSON_AddNullToObject(o, "section");
}

static cJSON *sections_json(const el_doc *doc)
{
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; i < doc->sections.n; i++) {
        const el_section *s = &doc->sections.v[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "kind", el_section_kind_name(s->kind));
        cJSON_AddNumberToObject(o, "index", s->index);
        cJSON_AddItemToObject(o, "title", jspan(doc, s->title));
        cJSON_AddNumberToObject(o, "line", (double)s->line);
        cJSON_AddNumberToObject(o, "end_line", (double)s->end_line);
        cJSON *paras = cJSON_AddArrayToObject(o, "paragraphs");
        for (size_t k = 0; k < s->npara; k++) {
            const el_para *p = &doc->paras.v[s->para0 + k];
            cJSON *po = cJSON_CreateObject();
            cJSON_AddNumberToObject(po, "line", (double)p->line);
            cJSON_AddItemToObject(po, "text", jspan(doc, p->txt));
            cJSON_AddNumberToObject(po, "chars", (double)p->chars);
            cJSON_AddItemToArray(paras, po);
        }
        cJSON *notes = cJSON_AddArrayToObject(o, "notes");
        for (size_t k = 0; k < s->nnote; k++) {
            const el_note *nt = &doc->notes.v[s->note0 + k];
            cJSON *no = cJSON_CreateObject();
            cJSON_AddItemToObject(no, "label", jspan(doc, nt->label));
            cJSON_AddItemToObject(no, "text", jspan(doc, nt->txt));
            cJSON_AddNumberToObject(no, "line", (double)nt->line);
            cJSON_AddItemToArray(notes, no);
        }
        if (s->kind == EL_SEC_ARGUMENT) {
            cJSON *ev = cJSON_AddObjectToObject(o, "evidence");
            cJSON_AddBoolToObject(ev, "case", s->ev.has_case);
            cJSON_AddBoolToObject(ev, "data", s->ev.has_data);
            cJSON_AddBoolToObject(ev, "counter_example", s->ev.has_counter);
            cJSON_AddBoolToObject(ev, "countermeasure", s->ev.has_measure);
        }
        cJSON_AddItemToArray(arr, o);
    }
    return arr;
}

static cJSON *stats_json(const el_doc *doc)
{
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; i < doc->stats.n; i++) {
        const el_stat_item *st = &doc->stats.v[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddItemToObject(o, "text", jspan(doc, st->txt));
        cJSON_AddNumberToObject(o, "value", st->value);
        cJSON_AddItemToObject(o, "unit", jspan(doc, st->unit));
        cJSON_AddItemToObject(o, "qualifier", jstr_or_null(st->qualifier));
        cJSON_AddStringToObject(o, "kind", el_stats_kind_name((el_stat_kind)st->kind));
        add_pos(o, doc, st->txt.off, st->section);
        cJSON_AddItemToArray(arr, o);
    }
    return arr;
}

static cJSON *cases_json(const el_doc *doc)
{
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; i < doc->cases.n; i++) {
        const el_case *c = &doc->cases.v[i];
        cJSON *o = cJSON_CreateObject();
        const el_province *pv = c->province >= 0 ? el_lex_province(c->province) : NULL;
        cJSON_AddItemToObject(o, "place", jspan(doc, c->place));
        cJSON_AddItemToObject(o, "province", jstr_or_null(pv ? pv->short_name : NULL));
        cJSON_AddItemToObject(o, "region", jstr_or_null(pv ? el_region_id(pv->region) : NULL));
        cJSON_AddItemToObject(o, "name", jspan(doc, c->name));
        cJSON_AddStringToObject(o, "polarity", c->negative ? "negative" : "positive");
        cJSON *st = cJSON_AddArrayToObject(o, "statistics");
        for (size_t k = 0; k < c->nstat; k++)
            cJSON_AddItemToArray(st, cJSON_CreateNumber((double)(c->stat0 + k)));
        add_pos(o, doc, c->place.off, c->section);
        cJSON_AddItemToArray(arr, o);
    }
    return arr;
}

static cJSON *quotes_json(const el_doc *doc)
{
    static const char *const kinds[] = {"policy", "classical", "other"};
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; i < doc->quotes.n; i++) {
        const el_quote *q = &doc->quotes.v[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "kind", kinds[q->kind]);
        cJSON_AddItemToObject(o, "speaker", jspan(doc, q->speaker));
        if (q->source_lex)
            cJSON_AddStringToObject(o, "source", q->source_lex);
        else
            cJSON_AddItemToObject(o, "source", jspan(doc, q->source));
        cJSON_AddItemToObject(o, "text", jspan(doc, q->txt));
        add_pos(o, doc, q->txt.off, q->section);
        cJSON_AddItemToArray(arr, o);
    }
    return arr;
}

static cJSON *devices_json(const el_doc *doc)
{
    static const char *const types[] = {"parallelism",  "antithesis",          "metaphor",
                                        "contrast",     "rhetorical_question", "citation"};
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; i < doc->devices.n; i++) {
        const el_device *d = &doc->devices.v[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "type", types[d->type]);
        cJSON_AddItemToObject(o, "text", jspan(doc, d->txt));
        add_pos(o, doc, d->txt.off, d->section);
        cJSON_AddItemToArray(arr, o);
    }
    return arr;
}

/* Regions of the cases' provinces, each once, in first-seen order. */
static cJSON *regions_json(const el_doc *doc)
{
    cJSON *o = cJSON_CreateObject();
    cJSON *r[4];
    for (int k = 0; k < 4; k++)
        r[k] = cJSON_AddArrayToObject(o, el_region_id((enum el_region)k));
    unsigned char seen[64] = {0};
    for (size_t i = 0; i < doc->cases.n; i++) {
        int p = doc->cases.v[i].province;
        if (p < 0 || p >= 64 || seen[p])
            continue;
        seen[p] = 1;
        const el_province *pv = el_lex_province(p);
        cJSON_AddItemToArray(r[pv->region], cJSON_CreateString(pv->short_name));
    }
    return o;
}

static cJSON *findings_json(const el_doc *doc, bool english)
{
    static const char *const sev[] = {"info", "warning", "error"};
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; i < doc->findings.n; i++) {
        const el_finding *f = &doc->findings.v[i];
        cJSON *o = cJSON_CreateObject();
        char *msg = el_finding_message(f, english);
        size_t line, col;
        el_doc_pos(doc, f->src_off, &line, &col);
        cJSON_AddStringToObject(o, "rule", el_rule(f->rule)->id);
        cJSON_AddStringToObject(o, "severity", sev[f->severity]);
        cJSON_AddStringToObject(o, "message", msg);
        cJSON_AddNumberToObject(o, "line", (double)line);
        cJSON_AddNumberToObject(o, "column", (double)col);
        if (f->section >= 0)
            cJSON_AddNumberToObject(o, "section", f->section);
        else
            cJSON_AddNullToObject(o, "section");
        free(msg);
        cJSON_AddItemToArray(arr, o);
    }
    return arr;
}

cJSON *el_report_json_object(const el_doc *doc, const el_report_options *opt)
{
    bool english = opt && opt->english;
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "path", doc->path);
    cJSON_AddBoolToObject(o, "ok", doc->ok);
    if (!doc->ok) {
        cJSON *e = cJSON_AddObjectToObject(o, "error");
        cJSON_AddStringToObject(e, "code", doc->error_code ? doc->error_code : "error");
        cJSON_AddStringToObject(e, "message", doc->error_message ? doc->error_message : "");
        return o;
    }
    cJSON_AddStringToObject(o, "encoding", el_decode_name(doc->encoding));
    cJSON_AddStringToObject(o, "input_format",
                            doc->format == EL_INPUT_MARKDOWN ? "markdown" : "text");
    cJSON *c = cJSON_AddObjectToObject(o, "counts");
    cJSON_AddNumberToObject(c, "chars", (double)doc->counts.chars);
    cJSON_AddNumberToObject(c, "hanzi", (double)doc->counts.hanzi);
    cJSON_AddNumberToObject(c, "paragraphs", (double)doc->counts.paragraphs);
    cJSON_AddNumberToObject(c, "sentences", (double)doc->counts.sentences);
    if (doc->title.len) {
        cJSON *t = cJSON_AddObjectToObject(o, "title");
        cJSON_AddItemToObject(t, "text", jspan(doc, doc->title));
        cJSON_AddNumberToObject(t, "line", (double)doc->title_line);
    } else {
        cJSON_AddNullToObject(o, "title");
    }
    cJSON_AddItemToObject(o, "theme", jspan(doc, doc->theme));
    cJSON_AddItemToObject(o, "sections", sections_json(doc));
    cJSON_AddItemToObject(o, "cases", cases_json(doc));
    cJSON_AddItemToObject(o, "statistics", stats_json(doc));
    cJSON_AddItemToObject(o, "quotes", quotes_json(doc));
    cJSON_AddItemToObject(o, "devices", devices_json(doc));
    cJSON_AddItemToObject(o, "regions", regions_json(doc));
    cJSON_AddItemToObject(o, "findings", findings_json(doc, english));
    return o;
}

int el_report_json(const el_doc *doc, const el_report_options *opt, FILE *out)
{
    cJSON *o = el_report_json_object(doc, opt);
    char *s = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    if (s == NULL)
        return -1;
    int rc = fputs(s, out) < 0 || putc('\n', out) == EOF ? -1 : 0;
    cJSON_free(s);
    return rc;
}
