/* SPDX-License-Identifier: MIT */
/*
 * The statistics scan's sixth round of shortcuts against the code they replace. The scan no
 * longer stops at opening quotes: quote_catch_up finds the last quotation mark before a
 * statistic in Chinese numerals from the bytes (last_quote_mark); ref_scan is the scan that
 * stopped at every opening quote and caught up from there, and both must emit the same
 * statistics over varied and random text full of quotes, marks, numerals and classical
 * lines; it no longer stops at 大 将 接 上 either, but at the character after them that makes
 * them a qualifier (pair_before). cn_digit and cn_unit look the numerals up where they were
 * switches, and must answer as those for every code point. pair_rejects, the switch-free
 * no_figure_at the scan asks, and pair_before must answer as no_figure_at for every start
 * character followed by every three-byte shape, ASCII byte and nothing; last_quote_mark must
 * find what a byte-by-byte look-back finds, at every bound; fixed_phrase_rest must find the
 * phrase a plain comparison with each finds.
 * This file includes stats.c to reach its static functions.
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
#include "testrand.h"
#include "teststats.h"

/* ---- The code replaced, for reference ---------------------------------------------------- */

/* The catch-up that walked from the last opening quote, which the scan stopped at. */
static void ref_quote_catch_up(const char *s, size_t i, size_t *known, quote_t *qs)
{
    int cls;
    size_t l;
    for (size_t p = *known;
         qs->in_quote && (p = next_stop(cc_table, cc_keys, s, i, p, &cls, &l)) < i; p += l) {
        if (l != 3)
            continue;
        if (cls == CC_CLOSE)
            qs->in_quote = false;
        else if (cls == CC_MARK && p + l > qs->clause)
            qs->clause = p + l;
    }
    *known = i;
}

/* The scan that stopped at every opening quote and ASCII mark and asked no_figure_at. */
static void ref_scan(const char *s, size_t n, el_stats_emit_fn emit, void *ctx)
{
    scan_t t = {s, n};
    quote_t qs = {false, 0, 0, false};
    size_t i = 0, known = 0;

    while (i < n) {
        size_t l, next;
        el_stat st;
        bool cn;
        int cls;
        if ((i = next_stop(cc_table_unquoted, cc_keys_unquoted, s, n, i, &cls, &l)) >= n)
            break;
        switch (cls) {
        case CC_OPEN:
            qs.in_quote = true, qs.clause = known = i + l, i += l;
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
            if (cn && qs.in_quote)
                ref_quote_catch_up(s, i, &known, &qs);
            if (!cn || !in_classical_quote(&t, &qs, &st))
                emit(ctx, &st);
            i = st.off + st.len > i ? st.off + st.len : i + l;
        } else {
            i = next;
        }
    }
}

/* The switches cn_digit and cn_unit were. */
static int ref_cn_digit(uint32_t c)
{
    switch (c) {
    case U'零':
    case U'〇':
        return 0;
    case U'一':
    case U'壹':
        return 1;
    case U'二':
    case U'贰':
    case U'两':
    case U'兩':
        return 2;
    case U'三':
    case U'叁':
        return 3;
    case U'四':
    case U'肆':
        return 4;
    case U'五':
    case U'伍':
        return 5;
    case U'六':
    case U'陆':
        return 6;
    case U'七':
    case U'柒':
        return 7;
    case U'八':
    case U'捌':
        return 8;
    case U'九':
    case U'玖':
        return 9;
    default:
        return -1;
    }
}

static double ref_cn_unit(uint32_t c)
{
    switch (c) {
    case U'十':
    case U'拾':
        return 10;
    case U'百':
    case U'佰':
        return 100;
    case U'千':
    case U'仟':
        return 1000;
    case U'万':
    case U'萬':
        return 1e4;
    case U'亿':
    case U'億':
        return 1e8;
    default:
        return 0;
    }
}

/* The last quotation mark lying whole in s[a..b), byte by byte. */
static size_t ref_last_quote_mark(const char *s, size_t a, size_t b)
{
    static const char *const marks[] = {"“", "”", "「", "」", "『", "』"};
    size_t found = SIZE_MAX;
    for (size_t q = a; q + 3 <= b; q++)
        for (size_t k = 0; k < COUNT_OF(marks); k++)
            if (memcmp(s + q, marks[k], 3) == 0)
                found = q;
    return found;
}

/* ---- Helpers ------------------------------------------------------------------------------- */

/* el_stats_scan and ref_scan over an exact-size copy of text[0..n): the same statistics. */
static void check_stats(const char *text, size_t n)
{
    check_stats_with(text, n, ref_scan);
}

/* ---- Tests --------------------------------------------------------------------------------- */

/* The table of starts holds exactly the start characters of the full table, slot by slot. */
static void test_start_tables(void **state)
{
    (void)state;
    for (size_t k = 0; k < 256; k++) {
        uint32_t e = cc_table[k];
        uint32_t key0 = e & 0xFFFFFF;
        bool lookback = key0 == UTF8_3(U'大') || key0 == UTF8_3(U'将') || key0 == UTF8_3(U'接') ||
                        key0 == UTF8_3(U'上');
        assert_int_equal(cc_table_starts[k], e >> 24 == CC_START && !lookback ? e : 0);
        assert_int_equal(cc_keys_starts[k], cc_table_starts[k] & 0xFFFFFF);
        /* cn_keys: the numerals among them */
        uint32_t key = e & 0xFFFFFF;
        size_t l;
        const char kb[3] = {(char)(key & 0xFF), (char)(key >> 8 & 0xFF), (char)(key >> 16)};
        uint32_t c = el_text_cp(kb, 3, 0, &l);
        bool numeral = e >> 24 == CC_START && (ref_cn_digit(c) >= 0 || ref_cn_unit(c) > 0);
        assert_int_equal(cn_keys[k], numeral ? key : 0);
    }
}

/* cn_digit, cn_unit and is_cn_numeral, looked up, answer as the switches for every code point
   and beyond. */
static void test_cn_lookup(void **state)
{
    (void)state;
    for (uint32_t c = 0; c <= 0x110000; c++) {
        assert_int_equal(cn_digit(c), ref_cn_digit(c));
        assert_true(cn_unit(c) == ref_cn_unit(c));
        assert_int_equal(is_cn_numeral(c), ref_cn_digit(c) >= 0 || ref_cn_unit(c) > 0);
    }
    for (int k = 0; k < 32; k++) { /* and far outside */
        uint32_t c = UINT32_MAX >> k;
        assert_int_equal(cn_digit(c), -1);
        assert_true(cn_unit(c) == 0);
    }
}

/* pair_rejects answers as no_figure_at for every start character, followed by every
   three-byte shape (overlong forms and surrogates included), by every other byte, and by
   nothing. */
static void test_pair_rejects(void **state)
{
    (void)state;
    size_t nstart = 0;
    for (size_t k = 0; k < 256; k++) {
        uint32_t c = cc_table[k] & 0xFFFFFF;
        if (cc_table[k] >> 24 != CC_START)
            continue;
        nstart++;
        char b[8];
        memcpy(b, &(unsigned char[3]){c & 0xFF, c >> 8 & 0xFF, c >> 16 & 0xFF}, 3);
        for (uint32_t d = 0; d < 0x10000 + 0x100 + 1; d++) {
            size_t n = 3;
            if (d < 0x10000) {
                b[n++] = (char)(0xE0 | d >> 12);
                b[n++] = (char)(0x80 | (d >> 6 & 0x3F));
                b[n++] = (char)(0x80 | (d & 0x3F));
            } else if (d < 0x10000 + 0x100) {
                b[n++] = (char)(d - 0x10000);
                b[n++] = '5';
                b[n++] = '5';
            }
            char *exact = malloc(n);
            assert_non_null(exact);
            memcpy(exact, b, n);
            for (size_t m = 3; m <= n; m++) { /* and cut short */
                const unsigned char *u = (const unsigned char *)exact;
                uint32_t dd = m >= 6 ? load_le32(u + 3, m - 3) & 0xFFFFFF : 0;
                if (pair_rejects(c, dd) != no_figure_at(exact, m, 0))
                    print_error("c %06X d %06X m %zu: %d\n", c, dd, m, pair_rejects(c, dd));
                assert_int_equal(pair_rejects(c, dd), no_figure_at(exact, m, 0));
            }
            free(exact);
        }
    }
    assert_int_equal(nstart, 45 + 10); /* numerals, 翻, qualifiers, 半; full-width digits */
}

/* pair_before holds exactly where no_figure_at lets 大 将 接 上 through, for every three
   bytes after them; and for no other character before. */
static void test_pair_before(void **state)
{
    (void)state;
    static const char *const firsts[] = {"大", "将", "接", "上", "不", "突", "一", "近", "的"};
    for (size_t f = 0; f < COUNT_OF(firsts); f++) {
        const unsigned char *fb = (const unsigned char *)firsts[f];
        uint32_t b = fb[0] | (uint32_t)fb[1] << 8 | (uint32_t)fb[2] << 16;
        bool lookback = f < 4;
        for (uint32_t d = 0; d < 0x10000; d++) {
            char t[6];
            memcpy(t, firsts[f], 3);
            t[3] = (char)(0xE0 | d >> 12);
            t[4] = (char)(0x80 | (d >> 6 & 0x3F));
            t[5] = (char)(0x80 | (d & 0x3F));
            uint32_t c = load_le32((const unsigned char *)t + 3, 3);
            assert_int_equal(pair_before(b, c), lookback && !no_figure_at(t, 6, 0));
        }
    }
}

/* One to most random pieces back to back, at most cap bytes, in a heap block of exactly their
   size (asan catches a read past it); *n gets their length. */
static char *pieces_text(const char *const *pieces, size_t np, uint32_t most, size_t cap, size_t *n)
{
    char *t = malloc(cap);
    assert_non_null(t);
    *n = 0;
    for (size_t k = 1 + test_below(most); k > 0; k--) {
        const char *p = pieces[test_below((uint32_t)np)];
        size_t l = strlen(p);
        if (*n + l > cap)
            break;
        memcpy(t + *n, p, l);
        *n += l;
    }
    char *exact = malloc(*n ? *n : 1);
    assert_non_null(exact);
    memcpy(exact, t, *n);
    free(t);
    return exact;
}

/* fixed_phrase_rest finds the longest phrase that a plain lit over every phrase of the
   numeral's group finds, at every offset of random text made of the phrases, their pieces and
   their near misses, cut anywhere. */
static void test_fixed_phrases(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "一国两制",   "一成不变", "两个确立", "两个一百年", "两个",       "三个代表",
        "三个有利于", "三个",     "三",       "个",         "代表",       "代",
        "有利",       "十三五",   "十四五",   "十年",       "十年磨一剑", "五台山",
        "五台",       "七台河",   "九天揽月", "二人转",     "八项规定",   "四个现代化",
        "四个",       "位",       "\xE4\xB8", "\xE4",       "的",         " ",
    };
    test_seed(0xF1CED);
    for (int round = 0; round < 20000; round++) {
        size_t n;
        char *exact = pieces_text(pieces, COUNT_OF(pieces), 10, 200, &n);
        for (size_t i = 0; i < n; i++) {
            size_t l, cnt, want = 0;
            uint32_t c = el_text_cp(exact, n, i, &l);
            const char *const *fp = fixed_phrases(c, &cnt);
            for (size_t k = 0; k < cnt; k++) {
                size_t pl = lit(exact, n, i + l, fp[k] + l);
                if (pl > want)
                    want = pl;
            }
            assert_int_equal(fixed_phrase_rest(exact, n, i + l, c, l), want);
        }
        free(exact);
    }
}

/* last_quote_mark finds the mark a byte-by-byte look-back finds, for every pair of bounds in
   random text made of the marks, their near misses and other bytes. */
static void test_last_quote_mark(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "“",      "”",        "「",       "」",   "『",   "』",   "‘",    "’",  "—",  "。", "、",
        "\u200c", "\xE2\x80", "\xE3\x80", "\x80", "\x9C", "\x8C", "\x8F", "的", "三", "a",  " ",
    };
    test_seed(0x6A57);
    for (int round = 0; round < 3000; round++) {
        size_t n;
        char *exact = pieces_text(pieces, COUNT_OF(pieces), 40, 160, &n);
        for (size_t a = 0; a <= n; a++)
            for (size_t b = a; b <= n; b++)
                assert_int_equal(last_quote_mark(exact, a, b), ref_last_quote_mark(exact, a, b));
        free(exact);
    }
}

/* Quotations whose numerals are or are not classical, with marks inside and around, at every
   cut. */
static void test_quoted_text(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "古人说“九层之台，起于累土”，我们投入三百万元。",
        "“十年之计，莫如树木”，全县种树十万株，“百年之计，莫如树人”。",
        "他说：“我们用了三年时间，建成五百个站点，覆盖两千万人。”随后又投入三亿元。",
        "「九层之台，起于累土」与『十年之计，莫如树木』，共三万人参加。",
        "“三百人”“五千元”，“一万两千人、三千户”；“九层之台，起于累土”。",
        "“共3,200人。九层之台，起于累土”，又有“1.5万人，十年之计，莫如树木”。",
        "“九层之台,起于累土”三万人“十年之计.莫如树木”，“两张皮”“三个月”",
        "”先闭合“后打开，三千人，九层之台，起于累土”结尾五万元",
        "“‘九层之台’—起于累土…十年之计！莫如树木？百年之计：莫如树人”",
        "一不大上将接突，不足三成，大约五万人，上千万元，一国两制，一成，一点五倍",
        "“",
        "“三",
    };
    for (size_t k = 0; k < COUNT_OF(texts); k++)
        for (size_t n = 0; n <= strlen(texts[k]); n++)
            check_stats(texts[k], n);
}

/* Random texts of numerals, pair characters and their partners, quotes, clause marks,
   classical clauses and bad bytes. */
static void test_random_text(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "“",        "”",
        "「",       "」",
        "『",       "』",
        "，",       "。",
        "、",       "；",
        "：",       "？",
        "！",       "‘",
        "’",        "—",
        "…",        ",",
        ".",        ";",
        ":",        "\n",
        " ",        "　",
        "3",        "12",
        "2023",     "3,200",
        "1.5",      "一",
        "二",       "三",
        "十",       "百",
        "千",       "万",
        "亿",       "两",
        "九",       "年",
        "月",       "日",
        "人",       "个",
        "元",       "%",
        "成",       "倍",
        "余",       "以上",
        "近",       "超过",
        "不",       "足",
        "到",       "大",
        "约",       "将",
        "接",       "突",
        "破",       "上",
        "点",       "半",
        "国",       "翻",
        "番",       "之",
        "九层之台", "起于累土",
        "十年之计", "莫如树木",
        "千里之行", "始于足下",
        "的",       "是",
        "\x80",     "\xE2\x80",
        "\xE3\x80", "\xEF\xBC",
        "\xC0\xAF", "\xED\xA0\x80",
        "\xF0",     "\x9C",
    };
    test_seed(0x57A756);
    char buf[512];
    for (int round = 0; round < 30000; round++) {
        size_t n = test_join(buf, sizeof buf, pieces, sizeof pieces / sizeof pieces[0],
                             1 + test_below(60));
        check_stats(buf, n);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_start_tables),  cmocka_unit_test(test_cn_lookup),
        cmocka_unit_test(test_pair_rejects),  cmocka_unit_test(test_pair_before),
        cmocka_unit_test(test_fixed_phrases), cmocka_unit_test(test_last_quote_mark),
        cmocka_unit_test(test_quoted_text),   cmocka_unit_test(test_random_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
