/* SPDX-License-Identifier: MIT */
/*
 * Differential tests for the round-4 changes of the section builder. el_section_arg_marker
 * now turns a line down on its first character in a function of its own and leaves the forms
 * to another; the version it replaced is kept here whole (ref_arg_marker) and both are asked
 * of random lines built from the pieces markers are made of. one_block now asks a line its
 * marker once and the events array is sized once for two events a block (an inline argument
 * label gives a zone and a paragraph): drafts made of such labels or of plain paragraphs
 * must keep every paragraph in a section and give every line a role.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "section.h"
#include "testrand.h"
#include "text.h"

/* ---- the version el_section_arg_marker replaced ---- */

static const char *const cn_digits = "〇一二三四五六七八九十";

/* Value of a Chinese numeral (一 .. 九十九) at s[0..n); *len gets its bytes; 0 if none. */
static int cn_number(const char *s, size_t n, size_t *len)
{
    int val = 0, cur = 0;
    size_t i = 0;
    bool any = false;
    while (i + 3 <= n) {
        int d = -1;
        for (int k = 0; k <= 10; k++) {
            if (memcmp(s + i, cn_digits + 3 * k, 3) == 0) {
                d = k;
                break;
            }
        }
        if (d < 0)
            break;
        any = true;
        if (d == 10) {
            val += (cur ? cur : 1) * 10;
            cur = 0;
        } else {
            cur = d;
        }
        i += 3;
    }
    *len = i;
    return any ? val + cur : 0;
}

/* Value of ASCII or full-width digits at s[0..n); *len gets its bytes; -1 if none. */
static int ar_number(const char *s, size_t n, size_t *len)
{
    int val = 0;
    size_t i = 0;
    while (i < n) {
        int d;
        if (s[i] >= '0' && s[i] <= '9') {
            d = s[i] - '0';
            i++;
        } else if (i + 3 <= n && (unsigned char)s[i] == 0xEF && (unsigned char)s[i + 1] == 0xBC &&
                   (unsigned char)s[i + 2] >= 0x90 && (unsigned char)s[i + 2] <= 0x99) {
            d = (unsigned char)s[i + 2] - 0x90;
            i += 3;
        } else {
            break;
        }
        if (val < 10000)
            val = val * 10 + d;
    }
    *len = i;
    return i ? val : -1;
}

/* Skip ASCII spaces and U+3000 at s[i..n). */
static size_t skip_ws(const char *s, size_t n, size_t i)
{
    for (;;) {
        if (i < n && (s[i] == ' ' || s[i] == '\t'))
            i++;
        else if (i + 3 <= n && memcmp(s + i, "\xE3\x80\x80", 3) == 0)
            i += 3;
        else
            return i;
    }
}

static size_t skip_one_of(const char *s, size_t n, size_t i, const char *const *punct)
{
    return i + el_text_prefix(s + i, n - i, punct);
}

static const char *const sep_punct[] = {"：", ":", "、", "，", ",", ".", "．", " ", "　", NULL};

/* Is the number followed by a list separator (1. 1、 1．) and not a decimal (1.2)? */
static size_t list_sep(const char *s, size_t n, size_t i)
{
    if (i < n && s[i] == '.' && !(i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9'))
        return 1;
    if (i + 3 <= n && (memcmp(s + i, "、", 3) == 0 || memcmp(s + i, "．", 3) == 0))
        return 3;
    return 0;
}

/*
 * Whether an argument marker may start with code point c: 分论点 论点 本论 观点, （ (, 第, 首先
 * 其次 再次 最后 其一 其二 其三 其四, a Chinese numeral or a digit. Nearly every line starts
 * otherwise, and is passed over on this one test.
 */
static bool marker_start(uint32_t c)
{
    if (c < 0x80)
        return c == '(' || (c >= '0' && c <= '9');
    if (c >= 0xFF10 && c <= 0xFF19)
        return true; /* full-width digits */
    switch (c) {
    case U'分':
    case U'论':
    case U'本':
    case U'观':
    case U'（':
    case U'第':
    case U'首':
    case U'其':
    case U'再':
    case U'最':
    case U'〇':
    case U'一':
    case U'二':
    case U'三':
    case U'四':
    case U'五':
    case U'六':
    case U'七':
    case U'八':
    case U'九':
    case U'十':
        return true;
    default:
        return false;
    }
}

/* The word lists of el_section_arg_marker: static, for a compound literal is built on the
   stack at each call, and most lines are no marker at all. */
static const char *const close_paren[] = {"）", ")", NULL};
static const char *const ordinal_sep[] = {"，", ",", "、", "：", ":", NULL}; /* 第一， */
/* 最后 is a marker before these (最后，/ 最后要 …), not in 最后一公里 */
static const char *const last_goes_on[] = {"，", ",",  "、", "要",   "应", "需",
                                           "须", "还", "是", "必须", NULL};

static size_t ref_arg_marker(const char *s, size_t n, int *num)
{
    size_t i = 0, k;
    int v;
    *num = 0;
    if (n == 0)
        return 0;
    /* Each form is tried only where its first character is written. */
    uint32_t c0 = el_text_cp(s, n, 0, &k);
    if (!marker_start(c0))
        return 0;
    /* 分论点一 / 论点 1 / 本论一, then optional separator */
    static const char *const named[] = {"分论点", "论点", "本论", "观点", NULL};
    if ((c0 == U'分' || c0 == U'论' || c0 == U'本' || c0 == U'观') &&
        (k = el_text_prefix(s, n, named)) > 0) {
        i = skip_ws(s, n, k);
        size_t m;
        if ((v = cn_number(s + i, n - i, &m)) > 0 || (v = ar_number(s + i, n - i, &m)) > 0) {
            i = skip_ws(s, n, i + m);
            i = skip_one_of(s, n, i, sep_punct);
            *num = v;
            return skip_ws(s, n, i);
        }
        return 0;
    }
    /* （一） (一) （1） */
    if (c0 == U'（' || c0 == '(') {
        i = s[0] == '(' ? 1 : 3;
        size_t m;
        if ((v = cn_number(s + i, n - i, &m)) > 0 || (v = ar_number(s + i, n - i, &m)) > 0) {
            i += m;
            size_t c = el_text_prefix(s + i, n - i, close_paren);
            if (c) {
                *num = v;
                return skip_ws(s, n, skip_one_of(s, n, i + c, sep_punct));
            }
        }
        return 0;
    }
    /* 第一， 第二、 (not 第一书记) */
    if (n >= 3 && memcmp(s, "第", 3) == 0) {
        size_t m;
        if ((v = cn_number(s + 3, n - 3, &m)) > 0) {
            i = 3 + m;
            size_t c = el_text_prefix(s + i, n - i, ordinal_sep);
            if (c) {
                *num = v;
                return skip_ws(s, n, i + c);
            }
        }
        return 0;
    }
    /* 首先 其次 再次 最后 */
    static const char *const seq[] = {"首先", "其次", "再次", "最后", "其一",
                                      "其二", "其三", "其四", NULL};
    if ((c0 == U'首' || c0 == U'其' || c0 == U'再' || c0 == U'最') &&
        (k = el_text_prefix(s, n, seq)) > 0) {
        if (memcmp(s, "最后", 6) == 0 && !(k < n && el_text_prefix(s + k, n - k, last_goes_on)))
            return 0;
        *num = memcmp(s, "首先", 6) == 0 || memcmp(s, "其一", 6) == 0   ? 1
               : memcmp(s, "其次", 6) == 0 || memcmp(s, "其二", 6) == 0 ? 2
               : memcmp(s, "再次", 6) == 0 || memcmp(s, "其三", 6) == 0 ? 3
               : memcmp(s, "其四", 6) == 0                              ? 4
                                                                        : 9;
        return skip_ws(s, n, skip_one_of(s, n, k, sep_punct));
    }
    /* 一是 二是; 一、 二、 */
    size_t m;
    if ((v = cn_number(s, n, &m)) > 0) {
        if (m + 3 <= n && memcmp(s + m, "是", 3) == 0) {
            *num = v;
            return skip_ws(s, n, skip_one_of(s, n, m + 3, sep_punct));
        }
        if (m + 3 <= n && memcmp(s + m, "、", 3) == 0) {
            *num = v;
            return skip_ws(s, n, m + 3);
        }
        return 0;
    }
    /* 1. 1、 */
    if ((v = ar_number(s, n, &m)) > 0 && m <= 2) {
        size_t c = list_sep(s, n, m);
        if (c) {
            *num = v;
            return skip_ws(s, n, m + c);
        }
    }
    return 0;
}

/* ---- tests ---- */

static const char *const pieces[] = {
    "分论点",
    "论点",
    "本论",
    "观点",
    "分",
    "论",
    "（",
    "(",
    "）",
    ")",
    "第",
    "首先",
    "其次",
    "再次",
    "最后",
    "其一",
    "其二",
    "其三",
    "其四",
    "其",
    "首",
    "再",
    "最",
    "一",
    "二",
    "三",
    "九",
    "十",
    "〇",
    "是",
    "、",
    "，",
    ",",
    "：",
    ":",
    ".",
    "．",
    " ",
    "　",
    "\t",
    "1",
    "2",
    "0",
    "9",
    "\xef\xbc\x91" /* １ */,
    "\xef\xbc\x99" /* ９ */,
    "要",
    "应",
    "公里",
    "中",
    "书",
    "a",
    "①",
    "\xe4",
    "\x80",
    "。",
};

static void test_arg_marker_agree(void **state)
{
    (void)state;
    char buf[128];
    test_seed(0xA36);
    for (int round = 0; round < 300000; round++) {
        size_t n = 0, parts = test_below(7);
        for (size_t p = 0; p < parts; p++) {
            const char *w = pieces[test_below(sizeof pieces / sizeof pieces[0])];
            memcpy(buf + n, w, strlen(w));
            n += strlen(w);
        }
        int want_num = -7, got_num = -7;
        size_t want = ref_arg_marker(buf, n, &want_num),
               got = el_section_arg_marker(buf, n, &got_num);
        if (want != got || want_num != got_num)
            print_error("round %d: %.*s: got %zu/%d want %zu/%d\n", round, (int)n, buf, got,
                        got_num, want, want_num);
        assert_int_equal(got, want);
        assert_int_equal(got_num, want_num);
    }
}

/* A draft of a title and n paragraphs, each opened by an inline argument label (two events a
   block), or plain when labels is false; then an optional tail line. */
static char *draft(size_t n, bool labels, const char *tail)
{
    size_t cap = 256 + n * 200 + strlen(tail);
    char *s = malloc(cap), *p = s;
    p += sprintf(p, "以多元共治夯实基层治理根基\n\n");
    for (size_t i = 0; i < n; i++)
        p +=
            sprintf(p,
                    labels ? "论点%zu：立足资源禀赋，念好“山海经”。贵州省依托生态优势发展特色产业，"
                             "带动群众增收致富。\n\n"
                           : "第%zu段正文在此展开论证，说明基层治理需要多方参与。\n\n",
                    i + 1);
    p += sprintf(p, "%s", tail);
    return s;
}

static void test_events_two_a_block(void **state)
{
    (void)state;
    for (int labels = 0; labels < 2; labels++)
        for (size_t n = 55; n <= 72; n++) {
            char *text = draft(n, labels, "");
            el_doc *doc = el_parse("draft.txt", text, strlen(text), NULL);
            assert_true(el_doc_ok(doc));
            assert_int_equal(doc->paras.n, n);
            assert_int_equal(doc->counts.paragraphs, n);
            size_t roles = 0;
            for (size_t ln = 0; ln < doc->lines.n; ln++)
                roles += doc->roles[ln] != EL_ROLE_NONE;
            assert_int_equal(roles, n + 1); /* the title and every paragraph line */
            size_t paras = 0;
            for (size_t i = 0; i < doc->sections.n; i++)
                paras += doc->sections.v[i].npara;
            assert_int_equal(paras, n);
            el_doc_free(doc);
            free(text);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arg_marker_agree),
        cmocka_unit_test(test_events_two_a_block),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
