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
#include <unistr.h>

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

/* n spaces. */
static void put_spaces(FILE *out, size_t n)
{
    static const char sp[] = "                                "; /* 32 */
    while (n > 0) {
        size_t k = n < sizeof sp - 1 ? n : sizeof sp - 1;
        fwrite(sp, 1, k, out);
        n -= k;
    }
}

/* s[0..n), whole characters, with each control character shown as one space: the runs
 * between them in one fwrite each, not a call per character. */
static void put_shown(FILE *out, const char *s, size_t n)
{
    size_t run = 0;
    for (size_t i = 0; i < n; i += el_u8_len((unsigned char)s[i])) {
        if (is_control((unsigned char)s[i]) && el_u8_len((unsigned char)s[i]) == 1) {
            fwrite(s + run, 1, i - run, out);
            putc(' ', out);
            run = i + 1;
        }
    }
    fwrite(s + run, 1, n - run, out);
}

/* Print s[0..n) clipped to at most width columns, padded to exactly width. A control
 * character (a tab in a title) is shown as one space, so the row stays aligned. */
static void put_clipped(FILE *out, const char *s, size_t n, size_t width)
{
    size_t used = 0, i = 0, nctl = 0;
    size_t total = el_text_width(s, n);
    for (size_t j = 0; j < n; j++)
        nctl += is_control((unsigned char)s[j]);
    total += nctl;
    /* The commonest case, a title that fits: every character would be taken one by one below
     * (on valid UTF-8 without control characters, their widths add up to total), so the whole
     * is printed at once, without a width per character. */
    if (total <= width && nctl == 0 && u8_check((const uint8_t *)s, n) == NULL) {
        fwrite(s, 1, n, out);
        put_spaces(out, width - total);
        return;
    }
    size_t room = total > width ? (width >= 1 ? width - 1 : 0) : width;
    while (i < n) {
        size_t k = el_u8_len((unsigned char)s[i]);
        if (i + k > n)
            break;
        bool ctl = k == 1 && is_control((unsigned char)s[i]);
        size_t w = ctl ? 1 : el_text_width(s + i, k);
        if (used + w > room)
            break;
        used += w;
        i += k;
    }
    put_shown(out, s, i); /* the characters taken: a control one is a single byte */
    if (total > width && used < width) {
        fputs("…", out);
        used++;
    }
    put_spaces(out, width - used);
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

/* The decimal digits of v at o (room for 20); returns the end. */
static char *put_decimal(char *o, size_t v)
{
    char tmp[20];
    size_t k = 0;
    do {
        tmp[k++] = (char)('0' + v % 10);
        v /= 10;
    } while (v > 0);
    while (k > 0)
        *o++ = tmp[--k];
    return o;
}

/* v's digits at o, padded with spaces to width columns (on the right when left, as "%-4zu"
 * prints, else on the left); returns the end. */
static char *put_padded(char *o, size_t v, size_t width, bool left)
{
    char digits[20];
    size_t n = (size_t)(put_decimal(digits, v) - digits);
    size_t pad = n < width ? width - n : 0;
    if (!left) {
        memset(o, ' ', pad);
        o += pad;
    }
    memcpy(o, digits, n);
    o += n;
    if (left) {
        memset(o, ' ', pad);
        o += pad;
    }
    return o;
}

/* The NUL-terminated s at o; returns the end. */
static char *put_str(char *o, const char *s)
{
    size_t n = strlen(s);
    memcpy(o, s, n);
    return o + n;
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
        /* " L%-4zu %2zu%s %4zu%s", then " %s%zu" when there are notes, and the newline, put
         * together by hand: fprintf cost more than the rest of the row */
        char row[128], *o = row;
        memcpy(o, " L", 2);
        o = put_padded(o + 2, s->line, 4, true);
        *o++ = ' ';
        o = put_padded(o, s->npara, 2, false);
        o = put_str(o, en ? "p" : "段");
        *o++ = ' ';
        o = put_padded(o, chars, 4, false);
        o = put_str(o, en ? "c" : "字");
        if (s->nnote) {
            *o++ = ' ';
            o = put_str(o, en ? "notes " : "注 ");
            o = put_decimal(o, s->nnote);
        }
        *o++ = '\n';
        fwrite(row, 1, (size_t)(o - row), out);
    }
}

enum { INDENT = 4, MIN_ROOM = 16 };

/* Whether put_wrapped prints " s" on the line as it is, unbroken. */
static bool fits_unbroken(const char *s, size_t n, size_t used, size_t width)
{
    return width == 0 || width < INDENT + MIN_ROOM || used + 1 + el_text_width(s, n) <= width;
}

/*
 * Print " s" (one line) after column used; when it does not fit in width
 * columns, continue below, indented by four spaces, whole if it fits there, else broken at
 * UAX #14 break opportunities. Width 0 prints it unbroken. Ends the line.
 */
static void put_wrapped(FILE *out, const char *s, size_t n, size_t used, size_t width)
{
    if (fits_unbroken(s, n, used, width)) {
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
    /* Each finding's line is put together in one buffer and written in one go: the path's
     * length and width are the same for every line, and fprintf cost more than the rest. */
    const char *path = doc->path;
    size_t path_len = strlen(path), path_w = el_text_width(path, path_len);
    char *ln = NULL;
    size_t ln_cap = 0;
    for (size_t i = 0; i < doc->findings.n; i++) {
        const el_finding *f = &doc->findings.v[i];
        size_t line, col;
        el_doc_pos_near(doc, &cur, f->src_off, &line, &col);
        size_t msg_len = el_finding_message_into(f, en, &msg, &cap);
        const char *id = el_rule(f->rule)->id, *sv = sev[f->severity];
        size_t id_len = strlen(id), sv_len = strlen(sv);
        size_t sc_len = color ? strlen(sevcol[f->severity]) : 0,
               rs_len = color ? strlen(C_RESET) : 0;
        /* path:line:col: severity: message [rule]\n, the severity maybe in colour (a number
         * is at most 20 digits) */
        ln = xgrow(ln, &ln_cap,
                   path_len + 2 * 21 + 2 + sc_len + sv_len + rs_len + 2 + msg_len + id_len + 4, 1);
        char *o = ln;
        memcpy(o, path, path_len);
        o += path_len;
        *o++ = ':';
        o = put_decimal(o, line);
        *o++ = ':';
        o = put_decimal(o, col);
        *o++ = ':';
        *o++ = ' ';
        size_t prefix = (size_t)(o - ln); /* what fprintf("%s:%zu:%zu: ") printed */
        memcpy(o, sevcol[f->severity], sc_len);
        o += sc_len;
        memcpy(o, sv, sv_len);
        o += sv_len;
        memcpy(o, C_RESET, rs_len);
        o += rs_len;
        *o++ = ':';
        size_t used = path_w + (prefix - path_len) + sv_len + 1;
        char *head_end = o;
        *o++ = ' ';
        char *tail = o; /* message [rule] */
        memcpy(o, msg, msg_len);
        o += msg_len;
        memcpy(o, " [", 2);
        memcpy(o + 2, id, id_len);
        o += 2 + id_len;
        *o++ = ']';
        size_t tail_len = (size_t)(o - tail);
        size_t width = opt ? opt->width : 0;
        if (fits_unbroken(tail, tail_len, used, width)) {
            *o++ = '\n';
            fwrite(ln, 1, (size_t)(o - ln), out);
        } else {
            fwrite(ln, 1, (size_t)(head_end - ln), out);
            put_wrapped(out, tail, tail_len, used, width);
        }
    }
    free(ln);
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
