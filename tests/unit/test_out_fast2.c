/* SPDX-License-Identifier: MIT */
/*
 * The text reporter against the straightforward one it replaced (kept below as the oracle,
 * as it was: a call per character in the outline, fprintf for every row and finding line).
 * Same bytes for every sample and for random documents (CJK, emoji, combining marks, tabs
 * and other control characters in titles, titles that fit and that are clipped, long and CJK
 * paths), in Chinese and English, with and without colour, at widths from none to wide, so
 * that findings are printed whole, moved below and broken.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unilbrk.h>

#include "decode.h"
#include "doc.h"
#include "report.h"
#include "rules.h"
#include "section.h"
#include "text.h"
#include "util.h"

#include "testrand.h"
#include "testsamples.h"

#define C_RESET "\033[0m"
#define C_BOLD "\033[1m"
#define C_DIM "\033[2m"
#define C_RED "\033[31m"
#define C_YELLOW "\033[33m"
#define C_CYAN "\033[36m"

/* ---- the reporter as it was ---------------------------------------------------------------- */

static bool ref_is_control(unsigned char c)
{
    return c < 0x20 || c == 0x7F;
}

/* Print s[0..n) clipped to at most width columns, padded to exactly width. A control
 * character (a tab in a title) is shown as one space, so the row stays aligned. */
static void ref_put_clipped(FILE *out, const char *s, size_t n, size_t width)
{
    size_t used = 0, i = 0;
    size_t total = el_text_width(s, n);
    for (size_t j = 0; j < n; j++)
        total += ref_is_control((unsigned char)s[j]);
    size_t room = total > width ? (width >= 1 ? width - 1 : 0) : width;
    while (i < n) {
        size_t k = el_u8_len((unsigned char)s[i]);
        if (i + k > n)
            break;
        bool ctl = k == 1 && ref_is_control((unsigned char)s[i]);
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

static const char *ref_kind_zh(enum el_section_kind k)
{
    static const char *const names[] = {"总领", "分论点", "结尾", "总评", "其他"};
    return k <= EL_SEC_OTHER ? names[k] : "其他";
}

static const char *ref_kind_en(enum el_section_kind k)
{
    return el_section_kind_name(k);
}

/* Column widths of the ref_outline: two-space indent, ref_label (with its trailing space), text,
 * then line and counts, so a row stays within 80 columns (2 + 12 + 40 + 6 + 5 + 7 + 5). */
enum { LABEL_W = 12, TEXT_W = 40 };

static void ref_label(FILE *out, const char *s, bool color)
{
    fputs("  ", out);
    if (color)
        fputs(C_CYAN, out);
    ref_put_clipped(out, s, strlen(s), LABEL_W - 1);
    if (color)
        fputs(C_RESET, out);
    putc(' ', out);
}

static void ref_outline(const el_doc *doc, bool en, bool color, FILE *out)
{
    const el_counts *c = &doc->counts;
    fprintf(out, "%s%s%s  %s, %s, %zu %s, %zu %s, %zu %s\n", color ? C_BOLD : "", doc->path,
            color ? C_RESET : "", el_decode_name(doc->encoding),
            doc->format == EL_INPUT_MARKDOWN ? "markdown" : "text", c->chars, en ? "chars" : "字",
            c->paragraphs, en ? "paragraphs" : "段", c->sentences, en ? "sentences" : "句");
    ref_label(out, en ? "title" : "标题", color);
    if (doc->title.len) {
        ref_put_clipped(out, doc->plain.v + doc->title.off, doc->title.len, TEXT_W);
        fprintf(out, " L%zu\n", doc->title_line);
    } else {
        fputs(en ? "(none)\n" : "（无）\n", out);
    }
    if (doc->theme.len) {
        ref_label(out, en ? "theme" : "主题", color);
        ref_put_clipped(out, doc->plain.v + doc->theme.off, doc->theme.len, TEXT_W);
        fprintf(out, " L%zu\n", doc->theme_line);
    }
    for (size_t i = 0; i < doc->sections.n; i++) {
        const el_section *s = &doc->sections.v[i];
        const char *kn = en ? ref_kind_en(s->kind) : ref_kind_zh(s->kind);
        char head[32];
        if (s->kind == EL_SEC_ARGUMENT || s->index > 1)
            snprintf(head, sizeof head, "%s %d", kn, s->index);
        else
            snprintf(head, sizeof head, "%s", kn);
        ref_label(out, head, color);
        if (s->title.len)
            ref_put_clipped(out, doc->plain.v + s->title.off, s->title.len, TEXT_W);
        else
            ref_put_clipped(out, "-", 1, TEXT_W);
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
static void ref_put_wrapped(FILE *out, const char *s, size_t n, size_t used, size_t width)
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

static int ref_report_text(const el_doc *doc, const el_report_options *opt, FILE *out)
{
    bool en = opt && opt->english, color = opt && opt->color;
    if (!doc->ok) {
        fprintf(out, "%s: %s%s%s: %s\n", doc->path, color ? C_RED : "", "error",
                color ? C_RESET : "", doc->error_message ? doc->error_message : "");
        return ferror(out) ? -1 : 0;
    }
    ref_outline(doc, en, color, out);
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
        ref_put_wrapped(out, tail, strlen(tail), used, opt ? opt->width : 0);
        free(tail);
    }
    free(msg);
    return ferror(out) ? -1 : 0;
}

/* ---- comparison ------------------------------------------------------------------------------ */

/* The report of doc by f, with the options, as a malloc'd string. */
static char *render(int (*f)(const el_doc *, const el_report_options *, FILE *), const el_doc *doc,
                    const el_report_options *opt, size_t *len)
{
    char *buf = NULL;
    FILE *m = open_memstream(&buf, len);
    assert_non_null(m);
    assert_int_equal(f(doc, opt, m), 0);
    assert_int_equal(fclose(m), 0);
    return buf;
}

static size_t compared;

/* The same bytes from both reporters, under every combination of the options. */
static void check_doc(const el_doc *doc)
{
    static const size_t widths[] = {0, 1, 10, 19, 20, 21, 30, 40, 60, 80, 120, 400};
    for (int en = 0; en < 2; en++) {
        for (int color = 0; color < 2; color++) {
            for (size_t w = 0; w < sizeof widths / sizeof *widths; w++) {
                el_report_options opt = {0};
                opt.english = en;
                opt.color = color;
                opt.width = widths[w];
                size_t na, nb;
                char *a = render(ref_report_text, doc, &opt, &na);
                char *b = render(el_report_text, doc, &opt, &nb);
                if (na != nb || memcmp(a, b, na) != 0) {
                    fprintf(stderr, "differs (en %d, color %d, width %zu) for %s:\n%s\n---\n%s\n",
                            en, color, widths[w], doc->path, a, b);
                    fail();
                }
                free(a);
                free(b);
                compared++;
            }
        }
    }
    /* no options at all */
    size_t na, nb;
    char *a = render(ref_report_text, doc, NULL, &na);
    char *b = render(el_report_text, doc, NULL, &nb);
    assert_int_equal(na, nb);
    assert_memory_equal(a, b, na);
    free(a);
    free(b);
}

static void check_text(const char *path, const char *buf, size_t len)
{
    el_doc *doc = el_parse(path, buf, len, NULL);
    if (doc->ok)
        el_analyze(doc, NULL);
    check_doc(doc);
    el_doc_free(doc);
}

static void test_samples(void **state)
{
    (void)state;
    test_each_sample(check_text);
}

/* Pieces of random documents: headings (so that sections have titles, some long, some with a
 * tab or another control character), wide, zero-width and 4-byte characters, statistics,
 * places and quotes for the rules to find things in, blank lines and line breaks. */
static const char *const pieces[] = {
    "一、",
    "二、",
    "三、",
    "（一）",
    "# ",
    "## ",
    "**",
    "\t",
    "\x01",
    "\x7f",
    "\n",
    "\n\n",
    "\r\n",
    "坚持以人民为中心",
    "乡村振兴",
    "2023年",
    "增长了12.5%",
    "浙江省杭州市",
    "习近平总书记指出，",
    "“绿水青山就是金山银山”",
    "é",
    "e\xcc\x81",
    "😀",
    "ｆｕｌｌ",
    "word ",
    "Title ",
    "。",
    "，",
    "！",
    "？",
    ",",
    ".",
    "  ",
    "——",
    "……",
    "《论语》",
    "据统计，",
    "近三年来，全市新增就业岗位约3万个，",
    "因此，我们必须",
    "综上所述，",
};

static void test_random(void **state)
{
    (void)state;
    test_seed(0x7E47F457);
    static const char *const paths[] = {"a.txt", "草稿/申论作文.md", "x.md",
                                        "very/long/path/to/a/draft/with/many/parts/essay.txt"};
    char *buf = NULL;
    size_t cap = 0;
    for (int round = 0; round < 300; round++) {
        size_t n = 0, k = 1 + test_below(round % 10 == 0 ? 400 : 80);
        for (size_t i = 0; i < k; i++) {
            const char *p = pieces[test_below(sizeof pieces / sizeof *pieces)];
            size_t m = strlen(p);
            buf = xgrow(buf, &cap, n + m + 1, 1);
            memcpy(buf + n, p, m);
            n += m;
        }
        check_text(paths[round % 4], buf, n);
    }
    free(buf);
    assert_true(compared > 1000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_samples),
        cmocka_unit_test(test_random),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
