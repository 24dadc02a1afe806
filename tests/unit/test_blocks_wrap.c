/* SPDX-License-Identifier: MIT */
/*
 * Hard wraps, as a property: a draft cut at any fixed width (a PDF copy, an editor's hard
 * wrap) reads as the same paragraphs with the same statistics as the draft with one line a
 * paragraph. The cut falls anywhere as the width changes: inside numbers (20 | 60 年), right
 * before a space (超过 | 200 万户, which leaves the space leading the next line), after a
 * full stop. Text is compared without ASCII spaces, which a cut may drop (at a line's end)
 * or a join may add (between Latin words). Each section ends on the last line of its last
 * paragraph.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "doc.h"
#include "text.h"
#include "util.h"

static const char *const title = "以科技创新赋能乡村振兴";
static const char *const paras[] = {
    "乡村振兴离不开科技支撑。截至 2023 年底，全国农业科技进步贡献率达到 63.2%，农作物耕种收综合"
    "机械化率超过 73%。到 2060 年，绿色低碳的农业生产方式将全面形成。让科技之光照亮田野，是新时代"
    "的必答题。",
    "一、以数字技术激活产业。山东省寿光市建设智慧农业大棚 1200 余个，5G 网络覆盖全部园区，亩均收益"
    "提高 3.5 万元，带动 2.8 万户农民增收。数字化正在改变“面朝黄土背朝天”的耕作方式。",
    "二、以人才振兴筑牢根基。四川省成都市郫都区实施“新农人”培育计划，三年累计培训 12000 人次，带动"
    "600 余家合作社发展，户均年收入增加 4500 元。反观某县，培训只重数量不重实效，群众意见很大。",
    "总之，科技创新是乡村振兴的动力源泉。到 2035 年，我们必将绘就农业强、农村美、农民富的新画卷。",
};
#define NPARA (sizeof paras / sizeof paras[0])

/* Append s[0..n) to the buffer b (of cap 1 << 16). */
static void put(char *b, size_t *o, const char *s, size_t n)
{
    assert_true(*o + n < 1 << 16);
    memcpy(b + *o, s, n);
    *o += n;
}

/* The draft with its paragraphs indented by 　　 and cut at `cols` display columns (0: not
   cut), blank lines between paragraphs. */
static char *draft(size_t cols)
{
    char *b = xmalloc(1 << 16);
    size_t o = 0;
    put(b, &o, title, strlen(title));
    put(b, &o, "\n\n", 2);
    for (size_t p = 0; p < NPARA; p++) {
        const char *s = paras[p];
        size_t n = strlen(s), w = 4, k;
        put(b, &o, "　　", 6);
        for (size_t i = 0; i < n; i += k) {
            el_text_cp(s, n, i, &k);
            size_t cw = el_text_width(s + i, k);
            if (cols && w + cw > cols) {
                put(b, &o, "\n", 1);
                w = 0;
            }
            put(b, &o, s + i, k);
            w += cw;
        }
        put(b, &o, "\n\n", 2);
    }
    b[o] = '\0';
    return b;
}

/* s[0..n) without ASCII spaces, into out (NUL-terminated). */
static void squeeze(const char *s, size_t n, char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ')
            out[o++] = s[i];
    out[o] = '\0';
}

static el_doc *analyse_as(const char *text, bool md)
{
    el_options opt = {0};
    opt.input = md ? EL_INPUT_MARKDOWN : EL_INPUT_TEXT;
    el_doc *doc = el_parse(md ? "wrap.md" : "wrap.txt", text, strlen(text), &opt);
    assert_true(el_doc_ok(doc));
    el_analyze(doc, NULL);
    return doc;
}

/* Every width from a narrow column to a wide one gives the paragraphs and statistics of the
   uncut draft (md: as Markdown). From 25 columns: a cut at 24 may leave a line of 23 with few
   characters, which the reader does not take for a wrap (EL_WRAP_MIN_COLS in blocks_text.c). */
static void check_widths(bool md)
{
    char *flat = draft(0);
    el_doc *ref = analyse_as(flat, md);
    assert_int_equal(ref->blocks.n, NPARA + 1);
    for (size_t cols = 25; cols <= 60; cols++) {
        char *text = draft(cols);
        el_doc *doc = analyse_as(text, md);
        if (doc->blocks.n != NPARA + 1)
            print_error("width %zu: %zu blocks, want %zu, in\n%s", cols, doc->blocks.n, NPARA + 1,
                        text);
        assert_int_equal(doc->blocks.n, NPARA + 1);
        for (size_t p = 0; p < NPARA; p++) {
            const el_block *b = &doc->blocks.v[p + 1];
            char got[4096], want[4096];
            squeeze(doc->plain.v + b->txt.off, b->txt.len, got);
            squeeze(paras[p], strlen(paras[p]), want);
            if (strcmp(got, want) != 0)
                print_error("width %zu, paragraph %zu: %s\n", cols, p, got);
            assert_string_equal(got, want);
        }
        if (doc->stats.n != ref->stats.n)
            print_error("width %zu: %zu statistics, want %zu\n", cols, doc->stats.n, ref->stats.n);
        assert_int_equal(doc->stats.n, ref->stats.n);
        for (size_t i = 0; i < ref->stats.n; i++) {
            char got[256], want[256];
            const el_stat_item *g = &doc->stats.v[i], *r = &ref->stats.v[i];
            squeeze(doc->plain.v + g->txt.off, g->txt.len, got);
            squeeze(ref->plain.v + r->txt.off, r->txt.len, want);
            if (g->value != r->value || strcmp(got, want) != 0)
                print_error("width %zu: statistic %s (%g), want %s (%g)\n", cols, got, g->value,
                            want, r->value);
            assert_true(g->value == r->value);
            assert_string_equal(got, want);
        }
        /* each section ends on its paragraph's last line, a blank line before the next */
        for (size_t k = 0; k < doc->sections.n; k++) {
            const el_section *sec = &doc->sections.v[k];
            /* (the draft ends in a blank line and the empty one after the last newline) */
            size_t want =
                k + 1 < doc->sections.n ? doc->sections.v[k + 1].line - 2 : doc->lines.n - 2;
            if (sec->end_line != want)
                print_error("width %zu: section %zu ends on line %zu, want %zu\n", cols, k,
                            sec->end_line, want);
            assert_int_equal(sec->end_line, want);
        }
        el_doc_free(doc);
        free(text);
    }
    el_doc_free(ref);
    free(flat);
}

static void test_wrap_any_width(void **state)
{
    (void)state;
    check_widths(false);
}

/* The same in Markdown, where cmark joins the lines (soft breaks) and drops the space a cut
   leaves leading a line. */
static void test_wrap_any_width_md(void **state)
{
    (void)state;
    check_widths(true);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wrap_any_width),
        cmocka_unit_test(test_wrap_any_width_md),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
