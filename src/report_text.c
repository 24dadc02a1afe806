/* SPDX-License-Identifier: MIT */
/*
 * The text reporter, for people in an 80-column terminal: the outline of the
 * section tree (CJK aligned by display width), then one `path:line:col:
 * severity: message [rule]` line per finding, clickable in editors.
 */
#include "report.h"

#include "decode.h"
#include "rules.h"
#include "section.h"
#include "text.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <unilbrk.h>

#define C_RESET "\033[0m"
#define C_BOLD "\033[1m"
#define C_DIM "\033[2m"
#define C_RED "\033[31m"
#define C_YELLOW "\033[33m"
#define C_CYAN "\033[36m"

static bool is_control(unsigned char c)
{
    return c < 0x20 || c == 0x7F;
}

/* Print s[0..n) clipped to at most width columns, padded to exactly width. A control
 * character (a tab in a title) is shown as one space, so the row stays aligned. */
static void put_clipped(FILE *out, const char *s, size_t n, size_t width)
{
    size_t used = 0, i = 0;
    size_t total = el_text_width(s, n);
    for (size_t j = 0; j < n; j++)
        total += is_control((unsigned char)s[j]);
    size_t room = total > width ? (width >= 1 ? width - 1 : 0) : width;
    while (i < n) {
        size_t k = el_u8_len((unsigned char)s[i]);
        if (i + k > n)
            break;
        bool ctl = k == 1 && is_control((unsigned char)s[i]);
        size_t w = ctl ? 1 : el_text_width(s + i, k);
        if (used + w > room)
            break;
        if (ctl)
            putc(' ', out);
        else
            fwrite(s + i, 1, k, out);
        used += w;
        i += k;
    }
    if (total > width && used < width) {
        fputs("…", out);
        used++;
    }
    for (; used < width; used++)
        putc(' ', out);
}

static const char *kind_zh(enum el_section_kind k)
{
    static const char *const names[] = {"总领", "分论点", "结尾", "总评", "其他"};
    return k <= EL_SEC_OTHER ? names[k] : "其他";
}

static const char *kind_en(enum el_section_kind k)
{
    return el_section_kind_name(k);
}

/* Column widths of the outline: two-space indent, label (with its trailing space), text, then
 * line and counts, so a row stays within 80 columns (2 + 12 + 40 + 6 + 5 + 7 + 5). */
enum { LABEL_W = 12, TEXT_W = 40 };

static void label(FILE *out, const char *s, bool color)
{
    fputs("  ", out);
    if (color)
        fputs(C_CYAN, out);
    put_clipped(out, s, strlen(s), LABEL_W - 1);
    if (color)
        fputs(C_RESET, out);
    putc(' ', out);
}

static void outline(const el_doc *doc, bool en, bool color, FILE *out)
{
    const el_counts *c = &doc->counts;
    fprintf(out, "%s%s%s  %s, %s, %zu %s, %zu %s, %zu %s\n", color ? C_BOLD : "", doc->path,
            color ? C_RESET : "", el_decode_name(doc->encoding),
            doc->format == EL_INPUT_MARKDOWN ? "markdown" : "text", c->chars, en ? "chars" : "字",
            c->paragraphs, en ? "paragraphs" : "段", c->sentences, en ? "sentences" : "句");
    label(out, en ? "title" : "标题", color);
    if (doc->title.len) {
        put_clipped(out, doc->plain.v + doc->title.off, doc->title.len, TEXT_W);
        fprintf(out, " L%zu\n", doc->title_line);
    } else {
        fputs(en ? "(none)\n" : "（无）\n", out);
    }
    if (doc->theme.len) {
        label(out, en ? "theme" : "主题", color);
        put_clipped(out, doc->plain.v + doc->theme.off, doc->theme.len, TEXT_W);
        fprintf(out, " L%zu\n", doc->theme_line);
    }
    for (size_t i = 0; i < doc->sections.n; i++) {
        const el_section *s = &doc->sections.v[i];
        const char *kn = en ? kind_en(s->kind) : kind_zh(s->kind);
        char head[32];
        if (s->kind == EL_SEC_ARGUMENT || s->index > 1)
            snprintf(head, sizeof head, "%s %d", kn, s->index);
        else
            snprintf(head, sizeof head, "%s", kn);
        label(out, head, color);
        if (s->title.len)
            put_clipped(out, doc->plain.v + s->title.off, s->title.len, TEXT_W);
        else
            put_clipped(out, "-", 1, TEXT_W);
        size_t chars = 0;
        for (size_t k = 0; k < s->npara; k++)
            chars += doc->paras.v[s->para0 + k].chars;
        fprintf(out, " L%-4zu %2zu%s %4zu%s", s->line, s->npara, en ? "p" : "段", chars,
                en ? "c" : "字");
        if (s->nnote)
            fprintf(out, " %s%zu", en ? "notes " : "注 ", s->nnote);
        putc('\n', out);
    }
}

/*
 * Print " s" (one line) after column used; when it does not fit in width
 * columns, continue below, indented by four spaces, whole if it fits there, else broken at
 * UAX #14 break opportunities. Width 0 prints it unbroken. Ends the line.
 */
static void put_wrapped(FILE *out, const char *s, size_t n, size_t used, size_t width)
{
    enum { INDENT = 4, MIN_ROOM = 16 };
    if (width == 0 || used + 1 + el_text_width(s, n) <= width || width < INDENT + MIN_ROOM) {
        putc(' ', out);
        fwrite(s, 1, n, out);
        putc('\n', out);
        return;
    }
    char *brk = xmalloc(n ? n : 1);
    /* Rather than cut a message that fits a line of its own, move it whole below. */
    if (used + 1 + MIN_ROOM > width || INDENT + el_text_width(s, n) <= width) {
        fputs("\n    ", out);
        used = INDENT;
    } else {
        putc(' ', out);
        used++;
    }
    while (n > 0) {
        /* Break as libunistring would from column used; print up to the first break. */
        u8_width_linebreaks((const uint8_t *)s, n, (int)width, (int)used, 0, NULL, "UTF-8", brk);
        size_t k = 1;
        while (k < n && brk[k] != UC_BREAK_POSSIBLE)
            k++;
        size_t e = k;
        while (e > 0 && s[e - 1] == ' ')
            e--; /* no trailing blank before the break */
        fwrite(s, 1, e, out);
        s += k;
        n -= k;
        while (n > 0 && *s == ' ') {
            s++;
            n--;
        }
        if (n > 0)
            fputs("\n    ", out);
        used = INDENT;
    }
    putc('\n', out);
    free(brk);
}

int el_report_text(const el_doc *doc, const el_report_options *opt, FILE *out)
{
    bool en = opt && opt->english, color = opt && opt->color;
    if (!doc->ok) {
        fprintf(out, "%s: %s%s%s: %s\n", doc->path, color ? C_RED : "", "error",
                color ? C_RESET : "", doc->error_message ? doc->error_message : "");
        return ferror(out) ? -1 : 0;
    }
    outline(doc, en, color, out);
    static const char *const sev[] = {"info", "warning", "error"};
    static const char *const sevcol[] = {C_DIM, C_YELLOW, C_RED};
    el_pos_cursor cur = {0}; /* findings are sorted: each position counted on from the last */
    char *msg = NULL;        /* one buffer for every message */
    size_t cap = 0;
    for (size_t i = 0; i < doc->findings.n; i++) {
        const el_finding *f = &doc->findings.v[i];
        size_t line, col;
        el_doc_pos_near(doc, &cur, f->src_off, &line, &col);
        el_finding_message_into(f, en, &msg, &cap);
        int plen = fprintf(out, "%s:%zu:%zu: ", doc->path, line, col);
        fprintf(out, "%s%s%s:", color ? sevcol[f->severity] : "", sev[f->severity],
                color ? C_RESET : "");
        size_t used = el_text_width(doc->path, strlen(doc->path)) +
                      (plen > 0 ? (size_t)plen - strlen(doc->path) : 0) + strlen(sev[f->severity]) +
                      1;
        size_t tlen = strlen(msg) + strlen(el_rule(f->rule)->id) + 3;
        char *tail = xmalloc(tlen + 1);
        snprintf(tail, tlen + 1, "%s [%s]", msg, el_rule(f->rule)->id);
        put_wrapped(out, tail, strlen(tail), used, opt ? opt->width : 0);
        free(tail);
    }
    free(msg);
    return ferror(out) ? -1 : 0;
}

void el_report_debug_blocks(const el_doc *doc, FILE *out)
{
    if (!doc->ok)
        return;
    for (size_t ln = 1; ln <= doc->lines.n; ln++) {
        size_t a = doc->lines.v[ln - 1];
        size_t b = ln < doc->lines.n ? doc->lines.v[ln] - 1 : doc->len;
        fprintf(out, "%s:%zu: %-9s| ", doc->path, ln,
                el_section_role_name((enum el_role)doc->roles[ln - 1]));
        fwrite(doc->text + a, 1, b > a ? b - a : 0, out);
        putc('\n', out);
    }
}
