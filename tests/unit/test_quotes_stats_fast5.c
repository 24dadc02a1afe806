/* SPDX-License-Identifier: MIT */
/*
 * Two scans that stop less often than the code they replace, against that code kept here as
 * the reference. The statistics scan no longer stops at closing quotes and clause marks: it
 * looks for them (quote_catch_up) only when a statistic in Chinese numerals inside a
 * quotation needs them; ref_scan is the scan that stopped at every one of them, and both must
 * emit the same statistics over varied and random text full of quotes, marks, numerals and
 * classical lines. The quote pairing's sixteen-byte filter now tests a mark's first byte and
 * a lead-in's last two bytes exactly; el_quote_pairs and el_quote_leads are checked against
 * a plain byte-by-byte pairing and a memcmp at every offset, over random text made of marks,
 * leads and their near misses (characters sharing bytes with them), at every length.
 * This file includes stats.c to reach its static functions; quotes are reached through
 * quotes.h.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats.c"
#include "testquotes.h"
#include "testrand.h"
#include "teststats.h"

/* ---- statistics: the scan that stopped at every mark ------------------------------------- */

static void ref_scan(const char *s, size_t n, el_stats_emit_fn emit, void *ctx)
{
    scan_t t = {s, n};
    quote_t qs = {false, 0, 0, false};
    size_t i = 0;

    while (i < n) {
        size_t l, next;
        el_stat st;
        bool cn;
        int cls;
        if ((i = next_stop(qs.in_quote ? cc_table : cc_table_unquoted,
                           qs.in_quote ? cc_keys : cc_keys_unquoted, s, n, i, &cls, &l)) >= n)
            break;
        switch (cls) {
        case CC_OPEN:
            qs.in_quote = true, qs.clause = i + l, i += l;
            continue;
        case CC_CLOSE:
            qs.in_quote = false, qs.clause = i + l, i += l;
            continue;
        case CC_MARK:
            qs.clause = i + l, i += l;
            continue;
        default:
            break;
        }
        if (l == 3 && no_figure_at(s, n, i)) {
            i += 3;
            continue;
        }
        if (try_at(&t, i, &st, &next, &cn)) {
            if (!cn || !in_classical_quote(&t, &qs, &st))
                emit(ctx, &st);
            i = st.off + st.len > i ? st.off + st.len : i + l;
        } else {
            i = next;
        }
    }
}

/* el_stats_scan and ref_scan over an exact-size copy of text[0..n): the same statistics. */
static void check_stats(const char *text, size_t n)
{
    check_stats_with(text, n, ref_scan);
}

/* Quotations whose numerals are or are not classical, with marks inside and around. */
static void test_stats_quotes(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "古人说“九层之台，起于累土”，我们投入三百万元。",
        "“十年之计，莫如树木”，全县种树十万株，“百年之计，莫如树人”。",
        "他说：“我们用了三年时间，建成五百个站点，覆盖两千万人。”随后又投入三亿元。",
        "「九层之台，起于累土」与『十年之计，莫如树木』，共三万人参加。",
        "“三百人”“五千元”，“一万两千人、三千户”；“九层之台，起于累土”。",
        "“九层之台，起于累土，千里之行，始于足下”是三十年的经验。",
        "“共3,200人。九层之台，起于累土”，又有“1.5万人，十年之计，莫如树木”。",
        "“未闭合的引号里有三百万元，九层之台，起于累土",
        "”先闭合“后打开，三千人，九层之台，起于累土”结尾五万元",
        "“‘九层之台’—起于累土…十年之计！莫如树木？百年之计：莫如树人”",
        "",
        "“",
        "“三",
    };
    for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++)
        for (size_t n = 0; n <= strlen(texts[k]); n++) /* every cut, broken characters too */
            check_stats(texts[k], n);
}

/* Random texts of numerals, units, quotes, clause marks, classical clauses and bad bytes. */
static void test_stats_random(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "“",        "”",        "「",       "」",
        "『",       "』",       "，",       "。",
        "、",       "；",       "：",       "？",
        "！",       "‘",        "’",        "—",
        "…",        ",",        ".",        ";",
        ":",        "\n",       " ",        "　",
        "3",        "12",       "2023",     "3,200",
        "1.5",      "一",       "二",       "三",
        "十",       "百",       "千",       "万",
        "亿",       "两",       "九",       "年",
        "月",       "日",       "人",       "个",
        "元",       "%",        "成",       "倍",
        "余",       "以上",     "近",       "超过",
        "不足",     "上",       "大约",     "翻",
        "番",       "之",       "九层之台", "起于累土",
        "十年之计", "莫如树木", "百年之计", "莫如树人",
        "千里之行", "始于足下", "国",       "的",
        "是",       "而",       "\x80",     "\xE2\x80",
        "\xE3\x80", "\xEF\xBC", "\xC0\xAF", "\xED\xA0\x80",
        "\xF0",
    };
    test_seed(0x5157A75);
    char buf[512];
    for (int round = 0; round < 20000; round++) {
        size_t n = test_join(buf, sizeof buf, pieces, sizeof pieces / sizeof pieces[0],
                             1 + test_below(40));
        check_stats(buf, n);
    }
}

/* ---- quotes: plain pairing and a memcmp at every offset ----------------------------------- */

/* el_quote_pairs and el_quote_leads against the references over an exact-size copy. */
static void check_quotes(const char *text, size_t n)
{
    char *b = malloc(n ? n : 1);
    assert_non_null(b);
    memcpy(b, text, n);
    el_qpair_vec got = {0}, want = {0};
    el_quote_pairs(b, n, &got);
    ref_pairs(b, n, &want);
    assert_int_equal(got.n, want.n);
    for (size_t k = 0; k < got.n; k++) {
        assert_int_equal(got.v[k].open, want.v[k].open);
        assert_int_equal(got.v[k].inner, want.v[k].inner);
        assert_int_equal(got.v[k].close, want.v[k].close);
        assert_int_equal(got.v[k].end, want.v[k].end);
    }
    el_span_vec gl = {0}, wl = {0};
    el_quote_leads(b, n, &gl);
    ref_leads(b, n, &wl);
    assert_int_equal(gl.n, wl.n);
    for (size_t k = 0; k < gl.n; k++) {
        assert_int_equal(gl.v[k].off, wl.v[k].off);
        assert_int_equal(gl.v[k].len, wl.v[k].len);
    }
    free(got.v);
    free(want.v);
    free(gl.v);
    free(wl.v);
    free(b);
}

/* Random texts of marks, leads, characters sharing their last bytes with a lead (提 字 学
 * 信 志 口), sharing two bytes with a mark (而 速 思), the same bytes under other lead bytes,
 * ASCII and broken sequences, long enough for several sixteen-byte steps and cut at every
 * length. */
static void test_quotes_random(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "“",
        "”",
        "「",
        "」",
        "『",
        "』",
        "\"",
        "古",
        "正",
        "俗",
        "常",
        "诗",
        "子",
        "古人云",
        "古语有云",
        "正所谓",
        "俗话说",
        "常言道",
        "子曰",
        "诗云",
        "古人有云",
        "提",
        "字",
        "学",
        "信",
        "志",
        "口",
        "而",
        "速",
        "思",
        "两",
        "的",
        "国",
        "，",
        "。",
        "a",
        " ",
        "\n",
        "\xE4\x8F\xA4",
        "\xE6\xAD\x90",
        "\xE4\xB8\xB8",
        "\xE2\x80\x9E",
        "\xE3\x80\x8B",
        "\xE2\x80",
        "\x80\x9C",
        "\xE5",
        "\xAD\x90",
        "\xE3\x80\x9C",
    };
    test_seed(0xC0FFEE5);
    char buf[256];
    for (int round = 0; round < 4000; round++) {
        size_t n = 0, np = 1 + test_below(48);
        for (size_t k = 0; k < np; k++) {
            const char *p = pieces[test_below(sizeof pieces / sizeof pieces[0])];
            size_t l = strlen(p);
            if (n + l > sizeof buf)
                break;
            memcpy(buf + n, p, l);
            n += l;
        }
        for (size_t m = 0; m <= n; m += 1 + (round & 3))
            check_quotes(buf, m);
    }
}

/* Every two-byte tail and first byte near a mark's and a lead's, at every offset of a window:
 * the filter must keep every real one. */
static void test_quotes_near(void **state)
{
    (void)state;
    static const unsigned char firsts[] = {0xE2, 0xE3, 0xE4, 0xE5, 0xE6, 0xE8, 0xEF};
    static const unsigned char seconds[] = {0x80, 0x8F, 0xAD, 0xAF, 0xB8, 0xBF, 0x9F, 0xBC};
    for (size_t a = 0; a < sizeof firsts; a++)
        for (size_t b = 0; b < sizeof seconds; b++)
            for (unsigned c = 0x80; c < 0xC0; c++)
                for (size_t k = 0; k < 20; k++) {
                    char t[48];
                    for (size_t x = 0; x < sizeof t; x++)
                        t[x] = "国"[x % 3];
                    size_t at = 3 * (k / 3) + (k % 3 == 2 ? 0 : k % 3);
                    t[at] = (char)firsts[a];
                    t[at + 1] = (char)seconds[b];
                    t[at + 2] = (char)c;
                    memcpy(t + at + 3, "子曰”", 9);
                    check_quotes(t, sizeof t);
                }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stats_quotes),
        cmocka_unit_test(test_stats_random),
        cmocka_unit_test(test_quotes_random),
        cmocka_unit_test(test_quotes_near),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
