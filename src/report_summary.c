/* SPDX-License-Identifier: MIT */
/*
 * Batch summaries: the run totals (the contract's SUMMARY object and the text
 * summary line), the per-file table a coach reads for a class of drafts
 * (--summary), the same rows as CSV for spreadsheets, and the rule table
 * (--list-rules). Columns are aligned by display width so CJK paths line up.
 */
#include "report.h"

#include "rules.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

void el_run_totals_add(el_run_totals *t, const el_doc *doc)
{
    t->files++;
    if (!doc->ok) {
        t->failed++;
        return;
    }
    for (size_t i = 0; i < doc->findings.n; i++) {
        int s = doc->findings.v[i].severity;
        if (s >= 0 && s < 3)
            t->findings[s]++;
    }
    t->chars += doc->counts.chars;
}

int el_report_json_summary(const el_run_totals *t, FILE *out)
{
    fprintf(out,
            "{\"files\":%zu,\"failed\":%zu,\"findings\":{\"error\":%zu,\"warning\":%zu,"
            "\"info\":%zu},\"chars\":%zu}",
            t->files, t->failed, t->findings[EL_SEV_ERROR], t->findings[EL_SEV_WARNING],
            t->findings[EL_SEV_INFO], t->chars);
    return ferror(out) ? -1 : 0;
}

int el_report_text_summary(const el_run_totals *t, const el_report_options *opt, FILE *out)
{
    if (opt && opt->english) {
        fprintf(out, "%zu file%s", t->files, t->files == 1 ? "" : "s");
        if (t->failed)
            fprintf(out, " (%zu unreadable)", t->failed);
        fprintf(out, ": %zu error%s, %zu warning%s, %zu info; %zu chars\n",
                t->findings[EL_SEV_ERROR], t->findings[EL_SEV_ERROR] == 1 ? "" : "s",
                t->findings[EL_SEV_WARNING], t->findings[EL_SEV_WARNING] == 1 ? "" : "s",
                t->findings[EL_SEV_INFO], t->chars);
    } else {
        fprintf(out, "共 %zu 个文件", t->files);
        if (t->failed)
            fprintf(out, "（%zu 个无法读取）", t->failed);
        fprintf(out, "：错误 %zu，警告 %zu，提示 %zu；共 %zu 字\n", t->findings[EL_SEV_ERROR],
                t->findings[EL_SEV_WARNING], t->findings[EL_SEV_INFO], t->chars);
    }
    return ferror(out) ? -1 : 0;
}

void el_summary_row_fill(el_summary_row *row, const el_doc *doc)
{
    memset(row, 0, sizeof *row);
    row->path = xstrdup(doc->path);
    row->ok = doc->ok;
    if (!doc->ok) {
        row->error_code = doc->error_code ? doc->error_code : "error";
        return;
    }
    row->chars = doc->counts.chars;
    for (size_t i = 0; i < doc->sections.n; i++)
        row->arguments += doc->sections.v[i].kind == EL_SEC_ARGUMENT;
    row->cases = doc->cases.n;
    row->statistics = doc->stats.n;
    row->quotes = doc->quotes.n;
    for (size_t i = 0; i < doc->findings.n; i++) {
        int s = doc->findings.v[i].severity;
        row->errors += s == EL_SEV_ERROR;
        row->warnings += s == EL_SEV_WARNING;
        row->infos += s == EL_SEV_INFO;
    }
}

void el_summary_row_free(el_summary_row *row)
{
    free(row->path);
    row->path = NULL;
}

static size_t width_of(const char *s)
{
    return el_text_width(s, strlen(s));
}

/* Print s left-aligned in exactly w columns; when too wide keep its end behind "…". */
static void put_path(FILE *out, const char *s, size_t w)
{
    size_t n = strlen(s), total = el_text_width(s, n);
    if (total <= w) {
        fputs(s, out);
        for (size_t i = total; i < w; i++)
            putc(' ', out);
        return;
    }
    /* Drop whole code points from the front until the rest fits after the ellipsis. */
    size_t i = 0, have = total;
    while (i < n && have + 1 > w) {
        size_t k = el_u8_len((unsigned char)s[i]);
        if (i + k > n)
            k = n - i;
        have -= el_text_width(s + i, k);
        i += k;
    }
    fputs("…", out);
    fputs(s + i, out);
    for (size_t c = have + 1; c < w; c++)
        putc(' ', out);
}

/* Print s right-aligned in w columns. */
static void put_right(FILE *out, const char *s, size_t w)
{
    for (size_t c = width_of(s); c < w; c++)
        putc(' ', out);
    fputs(s, out);
}

enum { NCOL = 7 };

int el_report_summary_table(const el_summary_row *rows, size_t n, const el_report_options *opt,
                            size_t width, FILE *out)
{
    static const char *const head_en[NCOL + 1] = {"path",  "chars",  "args",   "cases",
                                                  "stats", "quotes", "errors", "warnings"};
    static const char *const head_zh[NCOL + 1] = {"文件", "字数", "分论点", "案例",
                                                  "数据", "引用", "错误",   "警告"};
    const char *const *head = opt && opt->english ? head_en : head_zh;
    size_t w[NCOL + 1];
    for (int c = 0; c <= NCOL; c++)
        w[c] = width_of(head[c]);
    for (size_t i = 0; i < n; i++) {
        size_t pw = width_of(rows[i].path);
        if (pw > w[0])
            w[0] = pw;
        if (!rows[i].ok)
            continue;
        size_t v[NCOL] = {rows[i].chars,  rows[i].arguments, rows[i].cases,   rows[i].statistics,
                          rows[i].quotes, rows[i].errors,    rows[i].warnings};
        for (int c = 0; c < NCOL; c++) {
            char num[32];
            size_t k = (size_t)snprintf(num, sizeof num, "%zu", v[c]);
            if (k > w[c + 1])
                w[c + 1] = k;
        }
    }
    size_t nums = 0;
    for (int c = 1; c <= NCOL; c++)
        nums += 2 + w[c];
    if (width > nums && w[0] > width - nums)
        w[0] = width - nums < 16 ? 16 : width - nums;
    put_path(out, head[0], w[0]);
    for (int c = 1; c <= NCOL; c++) {
        fputs("  ", out);
        put_right(out, head[c], w[c]);
    }
    putc('\n', out);
    for (size_t i = 0; i < n; i++) {
        const el_summary_row *r = &rows[i];
        put_path(out, r->path, w[0]);
        if (!r->ok) {
            fprintf(out, "  %s: %s\n", opt && opt->english ? "unreadable" : "无法读取",
                    r->error_code);
            continue;
        }
        size_t v[NCOL] = {r->chars,  r->arguments, r->cases,   r->statistics,
                          r->quotes, r->errors,    r->warnings};
        for (int c = 0; c < NCOL; c++) {
            char num[32];
            snprintf(num, sizeof num, "%zu", v[c]);
            fputs("  ", out);
            put_right(out, num, w[c + 1]);
        }
        putc('\n', out);
    }
    return ferror(out) ? -1 : 0;
}

/* One CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180). */
static void csv_field(FILE *out, const char *s)
{
    if (strpbrk(s, ",\"\r\n") == NULL) {
        fputs(s, out);
        return;
    }
    putc('"', out);
    for (; *s; s++) {
        if (*s == '"')
            putc('"', out);
        putc(*s, out);
    }
    putc('"', out);
}

int el_report_csv_header(FILE *out)
{
    fputs("path,ok,error,chars,arguments,cases,statistics,quotes,errors,warnings,infos\r\n", out);
    return ferror(out) ? -1 : 0;
}

int el_report_csv_row(const el_summary_row *r, FILE *out)
{
    csv_field(out, r->path);
    if (!r->ok) {
        fputs(",false,", out);
        csv_field(out, r->error_code);
        fputs(",,,,,,,,\r\n", out);
    } else {
        fprintf(out, ",true,,%zu,%zu,%zu,%zu,%zu,%zu,%zu,%zu\r\n", r->chars, r->arguments, r->cases,
                r->statistics, r->quotes, r->errors, r->warnings, r->infos);
    }
    return ferror(out) ? -1 : 0;
}

int el_report_rules(const el_report_options *opt, FILE *out)
{
    static const char *const sev[] = {"info", "warning", "error"};
    bool en = opt && opt->english;
    size_t idw = 0;
    for (size_t i = 0; i < el_rule_count(); i++) {
        size_t k = strlen(el_rule((int)i)->id);
        if (k > idw)
            idw = k;
    }
    for (size_t i = 0; i < el_rule_count(); i++) {
        const el_rule_info *r = el_rule((int)i);
        fprintf(out, "%-*s  %-7s  %s\n", (int)idw, r->id, sev[r->severity],
                en ? r->description : r->description_zh);
    }
    return ferror(out) ? -1 : 0;
}
