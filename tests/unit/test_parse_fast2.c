/* SPDX-License-Identifier: MIT */
/*
 * Differential tests for the round-5 fast paths of the parse path, each against the
 * straightforward routine it replaced, kept here as the reference:
 * - decode.c's binary test, which looks at thirty-two bytes a turn with SSE2 (the portable
 *   build runs the word-at-a-time test instead): judged on valid UTF-8 of every length around
 *   the turn, with control characters, DEL and NULs at random places and in every density;
 * - the Markdown reader's walk over cmark's tree, which steps into container blocks only
 *   instead of entering every inline node with cmark's iterator: random documents of nested
 *   lists, block quotes, empty items, headings, code and HTML must give the same blocks,
 *   plain text, mapping, comments and code ranges as the iterator walk;
 * - el_blocks_item_start, which compares the bullets only on a line whose first byte can start
 *   one and keeps the lengths of its word lists: random lines built from what items start with.
 * blocks_md.c is included whole, so the reference walk calls the same static block builders.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/blocks_md.c"
#include "decode.h"
#include "doc.h"
#include "testrand.h"
#include "text.h"

static el_doc *decode(const char *raw, size_t len)
{
    el_doc *doc = el_doc_failed("t.md", "x", "x");
    doc->ok = true;
    doc->error_code = NULL;
    free(doc->error_message);
    doc->error_message = NULL;
    el_decode(doc, raw, len, EL_ENC_AUTO);
    return doc;
}

/* ---- binary test ------------------------------------------------------------------------- */

/* The binary test of decode.c, one byte at a time. */
static bool ref_binary(const char *s, size_t len)
{
    if (memchr(s, '\0', len) != NULL)
        return true;
    size_t ctl = 0, total = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        ctl += (c < 0x20 && !(c >= '\t' && c <= '\r')) || c == 0x7F;
        total += (c & 0xC0) != 0x80;
    }
    return ctl > 0 && ctl * 20 > total;
}

static void check_binary(const char *s, size_t len)
{
    el_doc *doc = decode(s, len);
    bool binary = !doc->ok && doc->error_code && strcmp(doc->error_code, "not_text") == 0;
    if (binary != ref_binary(s, len))
        fail_msg("binary test differs (len %zu): %d", len, (int)binary);
    el_doc_free(doc);
}

/* Every length around the 32-byte turn and the 16-byte tail, with one control byte (of every
 * class) at every place: the threshold is met by the short texts, missed by the long ones. */
static void test_binary_places(void **state)
{
    (void)state;
    static const unsigned char bytes[] = {0x01, 0x08, '\t', '\n', '\v', '\f', '\r',
                                          0x0E, 0x1F, ' ',  0x7F, 0x00, 'a'};
    char buf[80];
    for (size_t len = 1; len <= 70; len++)
        for (size_t at = 0; at < len; at++)
            for (size_t b = 0; b < sizeof bytes; b++) {
                if (bytes[b] == 0 && len <= 8)
                    continue; /* a NUL in so short a text reads as UTF-16 */
                memset(buf, 'x', len);
                buf[at] = (char)bytes[b];
                check_binary(buf, len);
            }
}

/* Random valid UTF-8 (ASCII, Chinese, line ends) with control characters in every density
 * (none, a few, around one in twenty, many) and now and then a NUL. */
static void test_binary_random(void **state)
{
    (void)state;
    test_seed(0x5EED0B1Eu);
    char *buf = malloc(4200);
    assert_non_null(buf);
    for (int round = 0; round < 3000; round++) {
        size_t target = 1 + test_below(round < 1000 ? 100 : 4096);
        unsigned density = test_below(5); /* 0 none .. 4 many */
        size_t n = 0;
        while (n < target) {
            unsigned r = test_below(100);
            if (density && r < density * density * 2) {
                static const unsigned char ctl[] = {0x01, 0x07, 0x0E, 0x1B, 0x1F, 0x7F};
                buf[n++] = (char)ctl[test_below(sizeof ctl)];
            } else if (r < 40) {
                memcpy(buf + n, "\xe4\xb8\x80", 3);
                buf[n + 2] = (char)(0x80 + test_below(0x40));
                n += 3;
            } else if (r < 45) {
                buf[n++] = (char)"\t\n\v\f\r"[test_below(5)];
            } else if (r == 45 && test_below(20) == 0) {
                buf[n++] = '\0';
            } else {
                buf[n++] = (char)('a' + test_below(26));
            }
        }
        check_binary(buf, n);
    }
    free(buf);
}

/* ---- item starts ------------------------------------------------------------------------- */

/* el_blocks_item_start as it was: every bullet compared on every line, each list word measured
 * with strlen at each comparison. */
static const char *const ref_speech_tails[] = {"指出", "强调", "说",       "提出", "认为", "表示",
                                               "写道", "所言", "要求",     "明确", "证明", "表明",
                                               "曰",   "提到", "告诉我们", "谈到", "讲",   NULL};
static const char *const ref_prose_heads[] = {
    "例如",     "比如", "譬如", "其中", "总之", "综上",     "综上所述", "总而言之",
    "由此可见", "可见", "因此", "对此", "为此", "具体而言", "具体来说", NULL};

static bool ref_ends_with_one_of(const char *s, size_t n, const char *const *words)
{
    for (; *words; words++) {
        size_t k = strlen(*words);
        if (n >= k && memcmp(s + n - k, *words, k) == 0)
            return true;
    }
    return false;
}

static bool ref_item_start(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    s += i, n -= i;
    if (n == 0)
        return false;
    size_t d = 0;
    while (d < n && d < 4 && s[d] >= '0' && s[d] <= '9')
        d++;
    if (d > 0) {
        if (d > 3)
            return false;
        if (d == el_blocks_trim_end(s, n))
            return true;
        if ((s[d] == '.' && !(d + 1 < n && s[d + 1] >= '0' && s[d + 1] <= '9')) || s[d] == ')')
            return true;
        return d + 3 <= n && (memcmp(s + d, "、", 3) == 0 || memcmp(s + d, "．", 3) == 0 ||
                              memcmp(s + d, "）", 3) == 0);
    }
    if (n >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x91 &&
        (unsigned char)s[2] >= 0xA0 && (unsigned char)s[2] <= 0xB3)
        return true;
    size_t o = s[0] == '(' ? 1 : n >= 3 && memcmp(s, "（", 3) == 0 ? 3 : 0;
    if (o) {
        size_t j = o;
        while (j < n && j < o + 3 && s[j] >= '0' && s[j] <= '9')
            j++;
        return j > o && j < n && (s[j] == ')' || (j + 3 <= n && memcmp(s + j, "）", 3) == 0));
    }
    if (n >= 3 && memcmp(s, "【", 3) == 0) {
        size_t lim = n < 3 + 3 * 12 + 3 ? n : 3 + 3 * 12 + 3;
        return memmem(s + 3, lim - 3, "】", 3) != NULL;
    }
    static const char *const bullets[] = {"·", "•", "●", "○", "▪", "◆",  "◇", "■",
                                          "□", "►", "▶", "★", "☆", "・", "‧", NULL};
    if (el_text_prefix(s, n, bullets) ||
        (n >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' '))
        return true;
    size_t j = 0, k;
    for (size_t cp = 0; j < n && cp <= 10; cp++, j += k) {
        uint32_t c = el_text_cp(s, n, j, &k);
        if (c == ':' || c == 0xFF1A) {
            if (cp == 0 || ref_ends_with_one_of(s, j, ref_speech_tails))
                return false;
            for (const char *const *w = ref_prose_heads; *w; w++)
                if (strlen(*w) == j && memcmp(s, *w, j) == 0)
                    return false;
            return true;
        }
        bool word = el_text_is_han(c) ||
                    (c < 0x80 && (c == '+' || c == '-' || c == '/' || (c | 0x20) - 'a' < 26u ||
                                  c - '0' < 10u)) ||
                    c == 0x2014 || c == 0x3001 || c == ' ';
        if (!word)
            return false;
    }
    return false;
}

/* Random lines from the pieces item starts are told by: numbers and their separators,
 * brackets, circled numbers, every bullet, speech verbs and connectives before a colon, Han,
 * Latin, dashes, a four-byte character and stray bytes. */
static void test_item_start_random(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "1",        "12",       "1234",   ".",        "、",   "．",   "）",
        "）",       "（",       "(",      ")",        "①",    "⑳",    "【",
        "】",       "·",        "•",      "●",        "○",    "▪",    "◆",
        "◇",        "■",        "□",      "►",        "▶",    "★",    "☆",
        "・",       "‧",        "- ",     "* ",       "+ ",   "-",    "：",
        ":",        "指出",     "说",     "告诉我们", "讲",   "例如", "综上所述",
        "由此可见", "具体来说", "总书记", "案例",     "引入", "写作", "ab",
        "Z",        " ",        "\t",     "—",        "，",   "。",   "\xF0\x9F\x98\x80",
        "\x80",     "\xE4\xB8", "/"};
    test_seed(0x17E35EEDu);
    char buf[256];
    for (int round = 0; round < 200000; round++) {
        size_t n = 0, parts = test_below(7);
        for (size_t p = 0; p < parts; p++) {
            const char *x = pieces[test_below(sizeof pieces / sizeof *pieces)];
            size_t k = strlen(x);
            memcpy(buf + n, x, k);
            n += k;
        }
        if (el_blocks_item_start(buf, n) != ref_item_start(buf, n))
            fail_msg("item start differs: \"%.*s\"", (int)n, buf);
    }
}

/* ---- Markdown walk ----------------------------------------------------------------------- */

/* The walk el_blocks_markdown had: cmark's iterator, entering every node (inline nodes
   included, which visit ignores). */
static void ref_markdown(el_doc *doc)
{
    cmark_node *root = cmark_parse_document(doc->text, doc->len, CMARK_OPT_SOURCEPOS);
    size_t lines = doc->lines.n < doc->len / 16 ? doc->lines.n : doc->len / 16;
    el_blocks_reserve(doc, lines + 1, doc->len / 256 + 1);
    cmark_iter *it = cmark_iter_new(root);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        if (ev != CMARK_EVENT_ENTER)
            continue;
        cmark_node *node = cmark_iter_get_node(it);
        visit(doc, node, cmark_node_get_type(node));
    }
    cmark_iter_free(it);
    cmark_node_free(root);
}

static void check_markdown(const char *s, size_t len)
{
    el_doc *a = decode(s, len), *b = decode(s, len);
    assert_true(a->ok && b->ok);
    el_blocks_markdown(a);
    ref_markdown(b);
    assert_int_equal(a->blocks.n, b->blocks.n);
    for (size_t i = 0; i < a->blocks.n; i++) {
        const el_block *x = &a->blocks.v[i], *y = &b->blocks.v[i];
        if (x->type != y->type || x->flags != y->flags || x->level != y->level ||
            x->list_num != y->list_num || x->line != y->line || x->end_line != y->end_line ||
            x->txt.off != y->txt.off || x->txt.len != y->txt.len || x->bold_len != y->bold_len)
            fail_msg("block %zu differs in:\n%.*s", i, (int)len, s);
    }
    assert_int_equal(a->plain.n, b->plain.n);
    assert_memory_equal(a->plain.v, b->plain.v, a->plain.n);
    assert_int_equal(a->segs.n, b->segs.n);
    if (a->segs.n)
        assert_memory_equal(a->segs.v, b->segs.v, a->segs.n * sizeof *a->segs.v);
    assert_int_equal(a->comments.n, b->comments.n);
    if (a->comments.n)
        assert_memory_equal(a->comments.v, b->comments.v, a->comments.n * sizeof *a->comments.v);
    assert_int_equal(a->verbatim.n, b->verbatim.n);
    if (a->verbatim.n)
        assert_memory_equal(a->verbatim.v, b->verbatim.v, a->verbatim.n * sizeof *a->verbatim.v);
    el_doc_free(a);
    el_doc_free(b);
}

/* Documents of random lines, each a container prefix (quotes, bullets, numbers, indentation)
 * then block or inline content, blank lines between some: nesting opens and closes at random,
 * items are left empty, and paragraphs hold emphasis, code, links, images and comments. */
static void test_markdown_random(void **state)
{
    (void)state;
    static const char *const prefixes[] = {"",    "",    "",     "> ",   "> > ",   "- ",   "* ",
                                           "1. ", "2) ", "  - ", "    ", "   1. ", "> - ", "- > "};
    static const char *const bodies[] = {
        "段落文字，继续写。",
        "**加粗**开头的一行",
        "# 标题",
        "## 二级标题 ##",
        "```",
        "代码 `x = 1` 与 *强调* 和 __下划__",
        "<!-- essaylint-disable punct -->",
        "<div>块</div>",
        "---",
        "[链接](http://e.x) 与 ![图](i.png)",
        "行末两个空格  ",
        "　　全角缩进的段落。",
        "1.",
        "",
        "写作分析：",
        "（1）条目",
        "宁波推行**“红管家”**做法",
        "&amp; \\* 转义",
        "===",
    };
    test_seed(0x3D0C5EEDu);
    char *buf = malloc(8192);
    assert_non_null(buf);
    for (int round = 0; round < 1500; round++) {
        size_t n = 0, lines = 1 + test_below(30);
        for (size_t l = 0; l < lines && n < 7000; l++) {
            const char *p = prefixes[test_below(sizeof prefixes / sizeof *prefixes)];
            const char *x = bodies[test_below(sizeof bodies / sizeof *bodies)];
            size_t pl = strlen(p), xl = strlen(x);
            memcpy(buf + n, p, pl);
            n += pl;
            memcpy(buf + n, x, xl);
            n += xl;
            buf[n++] = '\n';
            if (test_below(4) == 0)
                buf[n++] = '\n';
        }
        check_markdown(buf, n);
    }
    free(buf);
}

/* Deep nesting: the walk climbs back up many levels at once, and a document that is only
 * containers (empty items in lists in quotes) has no leaf block at all. */
static void test_markdown_deep(void **state)
{
    (void)state;
    char *buf = malloc(20000);
    assert_non_null(buf);
    size_t n = 0;
    for (int d = 0; d < 40; d++) {
        for (int k = 0; k < d; k++)
            n += (size_t)sprintf(buf + n, "  ");
        n += (size_t)sprintf(buf + n, "- 第%d层\n", d);
    }
    n += (size_t)sprintf(buf + n, "\n末段。\n");
    check_markdown(buf, n);
    n = 0;
    for (int d = 0; d < 30; d++)
        n += (size_t)sprintf(buf + n, "> ");
    n += (size_t)sprintf(buf + n, "-\n");
    check_markdown(buf, n);
    check_markdown("-\n-\n1.\n", 7);
    check_markdown("> \n", 3);
    free(buf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_binary_places),     cmocka_unit_test(test_binary_random),
        cmocka_unit_test(test_item_start_random), cmocka_unit_test(test_markdown_random),
        cmocka_unit_test(test_markdown_deep),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
