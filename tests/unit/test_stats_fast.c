/* SPDX-License-Identifier: MIT */
/*
 * The statistics scanner's fast paths against the straightforward code they replace, kept
 * here as the reference: the scan loop, which steps over the characters that mean nothing
 * to it by reading their bytes through a perfect hash table instead of decoding each one
 * and asking a switch, and the shortcuts of the grammar (skip_sp's first byte test,
 * bad_prefix's single look back, is_list_label's early exit, the tail qualifiers' first
 * character, try_at's early rejection of 一, the scan's rejection of 不 大 将 接 突 上 一 by
 * the next character, cp_before's three-byte decoding) and the hash table of classical
 * clauses that replaced a sorted array. The table is checked against the original switch for
 * every code point and every three-byte shape; each shortcut against its original at every
 * offset of random text; and the whole scan against the original loop over varied text and
 * random strings mixing numerals, units, qualifiers, quotes, marks, spaces and invalid bytes.
 * The scan stops at 半 for the halves no qualifier opens (过半数, 半数以上): it must emit what
 * the scan that did not, with the search for 半 merged in that it replaced, emitted.
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
#include <unistr.h>

#include "stats.c"
#include "teststats.h"

/* ---- The original code, for reference ------------------------------------------------------ */

static int ref_char_class(uint32_t c)
{
    if (c < 0x80) {
        if (c >= '0' && c <= '9')
            return CC_START;
        switch (c) {
        case ',':
        case '.':
        case ';':
        case '?':
        case '!':
        case ':':
        case '\n':
            return CC_MARK;
        default:
            return CC_NONE;
        }
    }
    switch (c) {
    /* Chinese numerals (cn_digit, cn_unit) */
    case U'零':
    case U'〇':
    case U'一':
    case U'壹':
    case U'二':
    case U'贰':
    case U'两':
    case U'兩':
    case U'三':
    case U'叁':
    case U'四':
    case U'肆':
    case U'五':
    case U'伍':
    case U'六':
    case U'陆':
    case U'七':
    case U'柒':
    case U'八':
    case U'捌':
    case U'九':
    case U'玖':
    case U'十':
    case U'拾':
    case U'百':
    case U'佰':
    case U'千':
    case U'仟':
    case U'万':
    case U'萬':
    case U'亿':
    case U'億':
    /* 翻 and the first characters of pre_qualifier() */
    case U'翻':
    case U'超':
    case U'将':
    case U'接':
    case U'不':
    case U'大':
    case U'约':
    case U'近':
    case U'逾':
    case U'仅':
    case U'上':
    case U'突':
    /* 半 of the halves no qualifier opens (half_at) */
    case U'半':
        return CC_START;
    case 0x201C: /* “ */
    case 0x300C: /* 「 */
    case 0x300E: /* 『 */
        return CC_OPEN;
    case 0x201D: /* ” */
    case 0x300D: /* 」 */
    case 0x300F: /* 』 */
        return CC_CLOSE;
    case 0xFF0C: /* ， */
    case 0x3002: /* 。 */
    case 0xFF1B: /* ； */
    case 0xFF1F: /* ？ */
    case 0xFF01: /* ！ */
    case 0xFF1A: /* ： */
    case 0x3001: /* 、 */
    case 0x2018: /* ‘ */
    case 0x2019: /* ’ */
    case 0x2014: /* — */
    case 0x2026: /* … */
        return CC_MARK;
    default:
        return c >= 0xFF10 && c <= 0xFF19 ? CC_START : CC_NONE; /* full-width digits */
    }
}

static size_t ref_skip_sp(const char *s, size_t n, size_t i)
{
    for (int k = 0; k < MAX_SPACES && i < n; k++) {
        size_t l;
        if (!is_space(el_text_cp(s, n, i, &l)))
            break;
        i += l;
    }
    return i;
}

static bool ref_bad_prefix(const char *s, size_t n, size_t i, bool chinese)
{
    size_t at, at2;
    uint32_t p = prev_nonspace(s, n, i, &at);

    if (p == U'第')
        return true;
    if (p == U'点') {
        /* 论点2, 分论点 3, 观点三: the number labels a point of the essay */
        uint32_t pp = cp_before(s, n, at, &at2);
        if (pp == U'论' || pp == U'观')
            return true;
    }
    if (!chinese) {
        /* G20, COVID-19, v1.2.3, PM2.5: the number belongs to a Latin token (only a character
           touching the number counts) */
        if (cp_before(s, n, i, &at2) != p)
            return false;
        if (is_ascii_alpha(p) || p == '_')
            return true;
        if (p == '-' || p == '.' || p == 0xFF0E) {
            uint32_t pp = cp_before(s, n, at, &at2);
            return is_ascii_alpha(pp) || (p != '-' && is_ascii_alnum(pp));
        }
        return false;
    }
    p = cp_before(s, n, i, &at);
    if (p == U'几' || p == U'数' || p == U'初')
        return true;
    if (p == U'周' || p == U'期' || p == U'拜') {
        uint32_t pp = cp_before(s, n, at, &at2);
        if (p == U'周')
            return pp != U'每';
        return (p == U'期' && pp == U'星') || (p == U'拜' && pp == U'礼');
    }
    return false;
}

static bool ref_is_list_label(const char *s, size_t n, size_t i, size_t end)
{
    size_t l, k;
    uint32_t after = end < n ? el_text_cp(s, n, end, &l) : 0;
    uint32_t before = cp_before(s, n, i, &k);
    bool paren = before == '(' || before == 0xFF08;

    if (paren) {
        if (after != ')' && after != 0xFF09)
            return false;
    } else {
        if (after != '.' && after != 0xFF0E && after != 0x3001 && after != ')' && after != 0xFF09 &&
            after != ':' && after != 0xFF1A)
            return false;
        k = i;
    }
    for (int steps = 0; steps < 16 && k > 0; steps++) {
        size_t st;
        uint32_t c = cp_before(s, n, k, &st);
        if (c == '\n' || c == '\r')
            return true;
        if (!is_space(c))
            return false;
        k = st;
    }
    return k == 0;
}

static bool ref_try_at(const scan_t *t, size_t i, el_stat *st, size_t *next, bool *cn)
{
    const char *s = t->s;
    size_t n = t->n, l, ql, j, end = 0, skip;
    uint32_t c = el_text_cp(s, n, i, &l);
    const char *q = NULL;
    bool ok;

    *next = i + l;
    if (c == U'半') {
        *cn = false;
        return half_at(t, i, st);
    }
    if (is_cn_numeral(c)) {
        size_t pl, cnt;
        const char *const *fp = fixed_phrases(c, &cnt);
        if (fp && match_list(s, n, i, fp, cnt, &pl)) {
            *next = i + pl;
            return false;
        }
    }
    q = pre_qualifier(s, n, i, c, l, &ql);
    if (q && strcmp(q, "近") == 0) {
        size_t at;
        uint32_t p = cp_before(s, n, i, &at);
        /* 附近 邻近 靠近 亲近 贴近: "nearby"; 最近: "recent" */
        if (p == U'附' || p == U'邻' || p == U'靠' || p == U'亲' || p == U'贴' || p == U'最')
            q = NULL;
    } else if (q && strcmp(q, "约") == 0) {
        size_t at;
        uint32_t p = cp_before(s, n, i, &at);
        if (p == U'节' || p == U'制' || p == U'预' || p == U'签' || p == U'公' || p == U'相' ||
            p == U'契' || p == U'履' || p == U'违' || p == U'邀' || p == U'特' || p == U'婉')
            q = NULL;
    } else if (q && strcmp(q, "上") == 0 && shang_in_word(s, n, i)) {
        q = NULL;
    }
    if (q) {
        j = ref_skip_sp(s, n, i + ql);
        if (j >= n)
            return false;
        c = el_text_cp(s, n, j, &l);
        if (a_digit(c) < 0 && !is_cn_numeral(c) && c != U'翻' && c != U'半')
            return false;
    } else {
        j = i;
        if (a_digit(c) < 0 && !is_cn_numeral(c) && c != U'翻')
            return false;
    }

    memset(st, 0, sizeof *st);
    *cn = a_digit(c) < 0;
    vague_t v = {NULL, 0, 0, 1};
    bool vague = !q && is_cn_numeral(c) && vague_start(t, i, c, l, &v);
    if (c == U'翻') {
        ok = parse_fan(t, j, st, &end);
        skip = j + l;
    } else if (!vague && (parse_per(t, j, st, &end) || parse_half(t, j, q != NULL, st, &end))) {
        ok = true;
        skip = end;
    } else if (c == U'半') {
        ok = false;
        skip = j + l;
    } else {
        ok = parse_figure(t, vague ? v.j : j, q != NULL || vague, st, &end, &skip) &&
             (!vague || vague_done(t, &v, l, end, st));
    }
    if (!ok) {
        if (!q && skip > *next)
            *next = skip;
        return false;
    }
    if (q)
        st->qualifier = q;
    tail_qualifier(t, &end, &st->qualifier);
    st->off = vague ? v.start : i;
    st->len = end - st->off;
    return true;
}

/* The original scan loop: every character decoded, then classified by the switch; halves:
   whether it stops at 半 (the scan before it did not: ref_scan_halves). */
static void ref_scan_with(const char *s, size_t n, el_stats_emit_fn emit, void *ctx, bool halves)
{
    scan_t t = {s, n};
    quote_t qs = {false, 0, 0, false};
    size_t i = 0, done = 0;

    while (i < n) {
        size_t l, next;
        el_stat st;
        bool cn;
        uint32_t c = el_text_cp(s, n, i, &l);
        switch (c == U'半' && !halves ? CC_NONE : ref_char_class(c)) {
        case CC_NONE:
            i += l;
            continue;
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
        if (ref_try_at(&t, i, &st, &next, &cn)) {
            if (st.off < done && st.qualifier == q_guo) {
                i += l;
                continue;
            }
            if (!cn || !in_classical_quote(&t, &qs, &st)) {
                emit(ctx, &st);
                done = st.off + st.len;
            }
            i = st.off + st.len > i ? st.off + st.len : i + l;
        } else {
            i = next;
        }
    }
}

static void ref_scan(const char *s, size_t n, el_stats_emit_fn emit, void *ctx)
{
    ref_scan_with(s, n, emit, ctx, true);
}

/* The half at the 半 at s[h] as the search for 半 found it (half_at before the scan stopped at
   半): no look at a figure at the numeral after 数, which the merge dropped it for. */
static bool ref_half_at(const scan_t *t, size_t h, el_stat *st)
{
    const char *s = t->s;
    size_t n = t->n, at, at2, e = h + 3, l;
    uint32_t b = cp_before(s, n, h, &at);
    size_t shu = lit(s, n, e, "数");
    memset(st, 0, sizeof *st);
    st->value = 50;
    st->kind = EL_STAT_PERCENT;
    if (b == U'过') {
        if (guo_in_word(s, n, at))
            return false;
        if (!shu) {
            uint32_t c = e < n ? el_text_cp(s, n, e, &l) : 0;
            if (is_han(c) && c != U'的')
                return false; /* 过半年, 过半个月: 过 + a duration */
        }
        st->off = at, st->qualifier = q_guo; /* (the same pointer as the scan's) */
        e += shu;
        tail_qualifier(t, &e, &st->qualifier);
        st->len = e - at;
        return true;
    }
    if (!shu || is_cn_numeral(b))
        return false;
    uint32_t p = prev_nonspace(s, n, h, &at2);
    switch (p) {
    case U'近':
    case U'逾':
    case U'约':
    case U'仅':
    case U'超':
    case U'足':
    case U'破':
    case U'大':
    case U'多':
    case U'少':
    case U'上':
    case U'下':
    case U'前':
    case U'后':
    case U'小':
        return false;
    case U'到': {
        size_t at3;
        if (cp_before(s, n, at2, &at3) == U'不')
            return false;
        break;
    }
    default:
        break;
    }
    e += shu;
    const char *q = NULL;
    tail_qualifier(t, &e, &q);
    if (!q) {
        /* 占半数。, 达到半数, 的半数 ending a clause: a share, as 占一半 */
        size_t after = skip_sp(s, n, e); /* (it read s[n] after spaces ending the text) */
        uint32_t c = after < n ? el_text_cp(s, n, after, &l) : 0;
        if (!(b == U'占' || b == U'的' || b == U'达' || b == U'到') || is_han(c))
            return false;
    }
    st->off = h, st->len = e - h, st->qualifier = q;
    return true;
}

/*
 * The scan and the halves search it replaced: the scan that did not stop at 半, and a search of
 * every 半 for the halves no qualifier opens (ref_half_at), which resumed after each one found; the
 * halves were merged into the scan's statistics in text order, a half overlapping one of them
 * dropped (stats_extract.c did that).
 */
static void ref_scan_halves(const char *s, size_t n, el_stats_emit_fn emit, void *ctx)
{
    struct found main = {NULL, 0, 0}, halves = {NULL, 0, 0};
    scan_t t = {s, n};
    ref_scan_with(s, n, collect, &main, false);
    for (size_t h = 0; h + 3 <= n;) {
        el_stat st;
        if (memcmp(s + h, "半", 3) == 0 && ref_half_at(&t, h, &st)) {
            collect(&halves, &st);
            h = st.off + st.len;
        } else {
            h++;
        }
    }
    size_t k = 0;
    for (size_t m = 0; m < main.n; m++) {
        const el_stat *st = &main.v[m];
        for (; k < halves.n && halves.v[k].off < st->off + st->len; k++)
            if (halves.v[k].off + halves.v[k].len <= st->off)
                emit(ctx, &halves.v[k]);
        emit(ctx, st);
    }
    for (; k < halves.n; k++)
        emit(ctx, &halves.v[k]);
    free(main.v);
    free(halves.v);
}

/* The original cp_before: walk back over continuation bytes, then decode. */
static uint32_t ref_cp_before(const char *s, size_t n, size_t i, size_t *start)
{
    size_t k, l;
    uint32_t c;

    if (i == 0) {
        *start = 0;
        return 0;
    }
    k = i - 1;
    while (k > 0 && i - k < 4 && ((unsigned char)s[k] & 0xC0) == 0x80)
        k--;
    c = el_text_cp(s, n, k, &l);
    if (k + l != i) {
        *start = i - 1;
        return 0xFFFD;
    }
    *start = k;
    return c;
}

/* True if s[0..n) is a clause of a classical line: every line split at the characters
   el_lex_normalize drops, compared one by one (what the index holds, without an index). */
static bool ref_classical_clause(const char *key, size_t kl)
{
    for (size_t k = 0; k < el_lex_nclassical(); k++) {
        const char *t = el_lex_classical(k)->text;
        size_t n = strlen(t), a = 0, ncp = 0;
        for (size_t i = 0; i <= n;) {
            size_t l = 1;
            uint32_t c = i < n ? el_text_cp(t, n, i, &l) : 0;
            if (i == n || is_dropped(t, i, c, l)) {
                if (ncp >= CLAUSE_MIN && i - a <= CLAUSE_MAX && i - a == kl &&
                    memcmp(t + a, key, kl) == 0)
                    return true;
                a = i + l, ncp = 0;
            } else {
                ncp++;
            }
            i += l;
        }
    }
    return false;
}

/* ---- Helpers ------------------------------------------------------------------------------- */

/* (struct found and collect: teststats.h) */

/* Print s[0..n) escaped, for a failure report. */
static void show(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char b = (unsigned char)s[i];
        if (b >= 0x20 && b != '\\' && b != 0x7F)
            print_error("%c", b);
        else
            print_error("\\x%02X", b);
    }
    print_error("\n");
}

/* el_stats_scan and ref_scan over an exact-size copy of s[0..n) must emit the same
   statistics, field by field. */
static void check_scan(const char *text, size_t n)
{
    char *b = malloc(n ? n : 1);
    assert_non_null(b);
    memcpy(b, text, n);
    struct found got = {NULL, 0, 0}, want = {NULL, 0, 0};
    el_stats_scan(b, n, collect, &got);
    ref_scan(b, n, collect, &want);
    bool same = got.n == want.n;
    for (size_t k = 0; same && k < got.n; k++) {
        const el_stat *x = &got.v[k], *y = &want.v[k];
        same = x->off == y->off && x->len == y->len && x->value == y->value &&
               x->unit_off == y->unit_off && x->unit_len == y->unit_len &&
               x->qualifier == y->qualifier && x->kind == y->kind;
    }
    if (!same) {
        print_error("scan differs (%zu statistics, reference %zu) on: ", got.n, want.n);
        show(b, n);
    }
    assert_true(same);
    free(got.v);
    free(want.v);
    free(b);
}

#include "testrand.h"

/* Pieces the random texts are made of: numerals, units, qualifiers, quotation marks,
   clause marks, spaces, the words the grammar looks for around a number, fixed phrases and
   classical lines, Latin, ordinary Han, and bytes that are no UTF-8 (a lone continuation
   byte, a truncated sequence, an overlong form, a surrogate, a stray lead byte). */
static const char *const pieces[] = {
    "0",
    "1",
    "2",
    "3",
    "5",
    "9",
    "12",
    "100",
    "2023",
    "3,200",
    "1.5",
    "0.46",
    "１",
    "９",
    "．",
    "零",
    "〇",
    "一",
    "二",
    "两",
    "兩",
    "三",
    "四",
    "五",
    "六",
    "七",
    "八",
    "九",
    "十",
    "百",
    "千",
    "万",
    "亿",
    "壹",
    "贰",
    "叁",
    "肆",
    "伍",
    "陆",
    "柒",
    "捌",
    "玖",
    "拾",
    "佰",
    "仟",
    "萬",
    "億",
    "点",
    "半",
    "数",
    "几",
    "第",
    "余",
    "多",
    "翻",
    "番",
    "了",
    "倍",
    "成",
    "分之",
    "百分之",
    "千分之",
    "个百分点",
    "%",
    "％",
    "‰",
    "件",
    "起",
    "人",
    "人次",
    "个",
    "元",
    "亿元",
    "美元",
    "年",
    "月",
    "日",
    "号",
    "号楼",
    "年级",
    "年代",
    "世纪",
    "小时",
    "天",
    "个月",
    "周",
    "岁",
    "亩",
    "公里",
    "km",
    "kg",
    "m",
    "G",
    "5G",
    "COVID-",
    "PM",
    "v",
    "_",
    "近",
    "超",
    "超过",
    "将近",
    "接近",
    "不足",
    "不到",
    "不",
    "大约",
    "大",
    "约",
    "逾",
    "仅",
    "上",
    "突破",
    "突",
    "以上",
    "左右",
    "上下",
    "以下",
    "以内",
    "之多",
    "内",
    "后",
    "附近",
    "最近",
    "节约",
    "预约",
    "线上",
    "网上",
    "世界上",
    "成千上万",
    "上百",
    "上千万",
    "一半",
    "一国两制",
    "一成不变",
    "三番五次",
    "十四五",
    "四个全面",
    "两个维护",
    "九天揽月",
    "论点",
    "观点",
    "每周",
    "星期",
    "礼拜",
    "初",
    "拘留",
    "连续",
    "收入比",
    "倍差",
    "系数",
    "果园",
    "成果",
    "成为",
    "一些",
    "一个",
    "统一",
    "的",
    "是",
    "在",
    "发展",
    "经济",
    "人民",
    "群众",
    "九层之台",
    "起于累土",
    "十年之计",
    "莫如树木",
    "千里之行",
    "始于足下",
    "“",
    "”",
    "「",
    "」",
    "『",
    "』",
    "‘",
    "’",
    "，",
    "。",
    "、",
    "：",
    "；",
    "？",
    "！",
    "—",
    "…",
    "（",
    "）",
    "(",
    ")",
    ",",
    ".",
    ";",
    ":",
    "!",
    "?",
    "-",
    "\n",
    "\r",
    " ",
    "  ",
    "\t",
    "　",
    "\xC2\xA0",
    "a",
    "Z",
    "\x80",
    "\xBF",
    "\xE4\xB8",
    "\xE4",
    "\xE0\x80\x80",
    "\xED\xA0\x80",
    "\xF0\x9F\x98\x80",
    "\xC3\xA9",
    "\xFF",
    "\xEF\xBB\xBF",
    "\xE2\x80\x8B",
};

/* ---- Tests --------------------------------------------------------------------------------- */

/* The table gives, for the bytes of every code point (and whatever follows them), the class
   of the original switch, and the code point's length wherever the scan stops; outside
   quotations the scan stops at no non-ASCII clause mark or closing quote. */
static void test_class_table(void **state)
{
    (void)state;
    for (uint32_t c = 0; c <= 0x10FFFF; c++) {
        if (c >= 0xD800 && c <= 0xDFFF)
            continue;
        uint8_t enc[8];
        int len = u8_uctomb(enc, c, 4);
        assert_true(len >= 1 && len <= 4);
        int want = ref_char_class(c);
        for (int tail = 0; tail < 3; tail++) {
            /* what follows the character must not matter: nothing, NUL, a continuation byte */
            unsigned char b[4] = {0, 0, 0, 0};
            memcpy(b, enc, (size_t)len);
            size_t avail = (size_t)len;
            if (tail > 0 && len < 4) {
                memset(b + len, tail == 1 ? 0x00 : 0x80, (size_t)(4 - len));
                avail = 4;
            }
            size_t l;
            int got = class_of_bytes(cc_table, load_le32(b, avail), &l);
            if (got != want)
                print_error("U+%04X: class %d, want %d\n", c, got, want);
            assert_int_equal(got, want);
            if (got != CC_NONE)
                assert_int_equal(l, (size_t)len);
            /* ASCII marks stop it still (they are rare in an essay) */
            int unq = c < 0x80 || want == CC_START || want == CC_OPEN ? want : CC_NONE;
            assert_int_equal(class_of_bytes(cc_table_unquoted, load_le32(b, avail), &l), unq);
        }
    }
    /* every three-byte shape, overlong forms and surrogates included: the table holds only
       well-formed characters */
    for (uint32_t b0 = 0xE0; b0 <= 0xEF; b0++)
        for (uint32_t b1 = 0x80; b1 <= 0xBF; b1++)
            for (uint32_t b2 = 0x80; b2 <= 0xBF; b2++) {
                const char b[3] = {(char)b0, (char)b1, (char)b2};
                size_t l, dl;
                uint32_t c = el_text_cp(b, 3, 0, &dl);
                int want = dl == 3 ? ref_char_class(c) : CC_NONE;
                assert_int_equal(class_of_bytes(cc_table, b0 | b1 << 8 | b2 << 16, &l), want);
                assert_int_equal(l, 3);
            }
}

/* The key tables hold exactly the keys of the class tables, slot by slot. */
static void test_key_tables(void **state)
{
    (void)state;
    for (size_t k = 0; k < 256; k++) {
        assert_int_equal(cc_keys[k], cc_table[k] & 0xFFFFFF);
        assert_int_equal(cc_keys_unquoted[k], cc_table_unquoted[k] & 0xFFFFFF);
    }
}

/* no_figure_at holds only where the original try_at fails and resumes right after the
   character: each of the characters it knows, followed by every three-byte shape (overlong
   forms and surrogates included), by ASCII, by a space, by nothing, and by a number. */
static void test_no_figure_at(void **state)
{
    (void)state;
    static const char *const firsts[] = {"不", "大", "将", "接", "突", "上", "一", "三", "近"};
    static const char *const tails[] = {"", "5", " 5", "三", "百人", "%", "成"};
    for (size_t f = 0; f < COUNT_OF(firsts); f++)
        for (uint32_t d = 0; d < 0x1000 + 0x80; d++) {
            char b[32];
            size_t len = 0;
            memcpy(b, "的", 3), len = 3; /* something before: cp_before looks back */
            memcpy(b + len, firsts[f], 3), len += 3;
            if (d < 0x1000) { /* lead E0..EF, two continuation bytes */
                b[len++] = (char)(0xE0 | d >> 8);
                b[len++] = (char)(0x80 | (d >> 2 & 0x3C) | (d & 0x3));
                b[len++] = (char)(0x80 | (d * 7 & 0x3F));
            } else if (d - 0x1000 > 0) {
                b[len++] = (char)(d - 0x1000);
            }
            for (size_t t = 0; t < COUNT_OF(tails); t++) {
                size_t tl = strlen(tails[t]);
                memcpy(b + len, tails[t], tl);
                size_t n = len + tl;
                char *exact = malloc(n);
                assert_non_null(exact);
                memcpy(exact, b, n);
                if (no_figure_at(exact, n, 3)) {
                    scan_t sc = {exact, n};
                    el_stat st;
                    size_t next;
                    bool cn;
                    assert_false(ref_try_at(&sc, 3, &st, &next, &cn));
                    assert_int_equal(next, 6);
                }
                free(exact);
            }
        }
    /* every three-byte character after 一 in full (the shapes above sample the third byte) */
    for (uint32_t c = 0x800; c <= 0xFFFF; c++) {
        if (c >= 0xD800 && c <= 0xDFFF)
            continue;
        char b[9] = "一";
        int len = u8_uctomb((uint8_t *)b + 3, c, 3);
        assert_int_equal(len, 3);
        memcpy(b + 6, "5", 1);
        for (size_t n = 6; n <= 7; n++) {
            if (no_figure_at(b, n, 0)) {
                scan_t sc = {b, n};
                el_stat st;
                size_t next;
                bool cn;
                assert_false(ref_try_at(&sc, 0, &st, &next, &cn));
                assert_int_equal(next, 3);
            }
        }
    }
}

/* cp_before agrees with the original at every offset of random bytes, mostly the bytes of
   three-byte characters, overlong forms and surrogates among them. */
static void test_cp_before(void **state)
{
    (void)state;
    static const unsigned char bytes[] = {0xE4, 0xB8, 0x80, 0x87, 0xE3, 0xEF, 0xBC, 0xE0,
                                          0xED, 0xA0, 0x9F, 0xBF, 0xC2, 0xF0, 0x9F, 'a'};
    test_seed(0xA4093822299F31D0ULL);
    for (int round = 0; round < 20000; round++) {
        size_t n = test_below(24);
        char *s = malloc(n ? n : 1);
        assert_non_null(s);
        for (size_t i = 0; i < n; i++)
            s[i] = (char)bytes[test_below(sizeof bytes)];
        for (size_t i = 0; i <= n; i++) {
            size_t a, b;
            assert_int_equal(cp_before(s, n, i, &a), ref_cp_before(s, n, i, &b));
            assert_int_equal(a, b);
        }
        free(s);
    }
}

/* The clause index finds every clause of every classical line, and nothing else: pieces of
   lines (a clause cut short, two clauses run together, a clause and a character more) agree
   with the straightforward search. */
static void test_classical_clauses(void **state)
{
    (void)state;
    size_t found = 0;
    for (size_t k = 0; k < el_lex_nclassical(); k++) {
        const char *t = el_lex_classical(k)->text;
        size_t n = strlen(t);
        /* every substring that starts and ends at a character boundary, up to CLAUSE_MAX */
        for (size_t a = 0; a < n; a += el_u8_len((unsigned char)t[a]))
            for (size_t b = a + 1; b <= n && b - a <= CLAUSE_MAX; b++) {
                if (b < n && ((unsigned char)t[b] & 0xC0) == 0x80)
                    continue;
                char key[CLAUSE_MAX];
                size_t kl = el_lex_normalize(t + a, b - a, key);
                bool want = kl && ref_classical_clause(key, kl);
                assert_int_equal(classical_clause(t, a, b), want);
                found += want;
            }
        if (k == 40) /* the rest in test_all_clauses: the search above is quadratic */
            break;
    }
    assert_true(found > 0);
    assert_false(classical_clause("九层之台起于累土", 0, strlen("九层之台起于累土")));
    assert_true(classical_clause("“九层之台，", 3, strlen("“九层之台")));
}

/* classical_clause on every clause of every line (split where el_lex_normalize drops a
 * character), each cut short by a character and run on by one: the lines past the first 41,
 * which test_classical_clauses leaves out of its exhaustive search. */
static void check_clause(const char *s, size_t a, size_t b)
{
    char key[CLAUSE_MAX];
    bool want = false;
    if (b - a <= CLAUSE_MAX) {
        size_t kl = el_lex_normalize(s + a, b - a, key);
        want = kl && ref_classical_clause(key, kl);
    }
    assert_int_equal(classical_clause(s, a, b), want);
}

static void test_all_clauses(void **state)
{
    (void)state;
    size_t found = 0;
    for (size_t k = 0; k < el_lex_nclassical(); k++) {
        const char *t = el_lex_classical(k)->text;
        size_t n = strlen(t), a = 0;
        for (size_t i = 0; i <= n;) {
            size_t l = 1;
            uint32_t c = i < n ? el_text_cp(t, n, i, &l) : 0;
            if (i == n || is_dropped(t, i, c, l)) {
                if (i > a) {
                    check_clause(t, a, i);
                    found += classical_clause(t, a, i);
                    check_clause(t, a, el_text_back(t, i));
                    if (i + l <= n)
                        check_clause(t, a, i + l); /* with the mark after it */
                    if (a > 0)
                        check_clause(t, el_text_back(t, a), i);
                }
                a = i + l;
            }
            i += l;
        }
    }
    assert_true(found > 0);
}

/* A random string of up to max pieces in a fresh exact-size buffer; its length in *n. */
static char *random_text(size_t max, size_t *n)
{
    size_t k = test_below((uint32_t)max + 1), cap = 1, len = 0;
    for (size_t j = 0; j < k; j++)
        cap += 16;
    char *b = malloc(cap * 4);
    assert_non_null(b);
    for (size_t j = 0; j < k; j++) {
        const char *p = pieces[test_below(COUNT_OF(pieces))];
        size_t pl = strlen(p);
        memcpy(b + len, p, pl);
        len += pl;
    }
    char *exact = malloc(len ? len : 1);
    assert_non_null(exact);
    memcpy(exact, b, len);
    free(b);
    *n = len;
    return exact;
}

/* skip_sp, bad_prefix, is_list_label and the tail qualifier look-up agree with their
   originals at every offset of random text. */
static void test_helpers(void **state)
{
    (void)state;
    test_seed(0x9E3779B97F4A7C15ULL);
    for (int round = 0; round < 3000; round++) {
        size_t n;
        char *s = random_text(24, &n);
        for (size_t i = 0; i <= n; i++) {
            assert_int_equal(skip_sp(s, n, i), ref_skip_sp(s, n, i));
            size_t l1, l2;
            const char *q1 = tail_qual_at(s, n, i, &l1);
            const char *q2 = match_list(s, n, i, tail_quals, COUNT_OF(tail_quals), &l2);
            assert_ptr_equal(q1, q2);
            assert_int_equal(l1, l2);
            if (i == n)
                continue;
            assert_int_equal(bad_prefix(s, n, i, true), ref_bad_prefix(s, n, i, true));
            assert_int_equal(bad_prefix(s, n, i, false), ref_bad_prefix(s, n, i, false));
            for (size_t e = i; e <= n && e <= i + 8; e++)
                assert_int_equal(is_list_label(s, n, i, e), ref_is_list_label(s, n, i, e));
        }
        free(s);
    }
}

/* Essay-like text: the scan must find what the original found, where it found it. */
static void test_varied_text(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "",
        "近年来，我市共受理群众来信 3200 余件，同比下降 1.2 万起，近三成的问题在 15 "
        "个工作日内办结。",
        "全省 98% 的行政村通了宽带，百分之六十的农户用上了电商平台，收入翻了一番。",
        "2023 年 5 月 1 日起施行。截至 2022 年底，全县共有 1,234 家企业，投资 1.5 亿元。",
        "城乡居民收入比由 2.81 缩小至 2.39，收入倍差缩小到 1.86，基尼系数为 0.46。",
        "“九层之台，起于累土；千里之行，始于足下。”十年之计，莫如树木。",
        "「三人行，必有我师焉」——这是古训。『一年之计在于春』。",
        "坚持“两个维护”，落实“四个全面”，推进“十四五”规划，五年规划已完成三分之一。",
        "第三，论点2：观点三。(1) 加强领导；（2）完善制度；3. 落实责任、4、强化考核：",
        "上千万元的投入，上百人参加；线上线下、网上办理，世界上最大的成千上万人。",
        "近半年来，超过一半的人、一半以上的村、半数以上的户，用了半天、半个月、半小时。",
        "附近的人，最近的事，节约用水，预约挂号；超 70 万辆，突破 70 万辆，逾 5000 人，仅 3 天。",
        "行政拘留 10 日，连续 15 日，每月 15 日召开，15 日内答复，3 个多月，两个多小时，二次开发。",
        "数十人、数万元、几十个、三五个、两三天，5G 网络、G20 峰会、COVID-19、PM2.5 达标。",
        "一些人，一个村，统一认识，一成不变，一国两制，一成，一倍，三番五次，三人成虎。",
        "增长 6000 km，重 3 万 kg，面积 12 平方公里，80 年代，20 世纪，18 岁，3 号楼，5 年级。",
        "三点五亿元，十八万，三万五，两千，二〇二三年，一千二百人，百余个，近百亩，近万人，万余人"
        "。",
        "\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x93 件，约\xC2\xA0"
        "5 人，近\xE3\x80\x80"
        "3 成，不足 10%。",
        "\xFF\xE4\xB8 3 件\x80\xED\xA0\x80 近三成\xE0\x80\x80 2023 年\xF0\x9F\x98\x80 5 月",
    };
    for (size_t k = 0; k < COUNT_OF(texts); k++) {
        check_scan(texts[k], strlen(texts[k]));
        /* every prefix, so that each statistic is also cut at every byte */
        for (size_t n = 0; n < strlen(texts[k]); n++)
            check_scan(texts[k], n);
    }
}

/* Random strings mixing numerals, units, qualifiers, quotes, marks, spaces, Latin and bytes
   that are no UTF-8: the scan must emit what the original emitted. */
static void test_random_text(void **state)
{
    (void)state;
    test_seed(0x243F6A8885A308D3ULL);
    for (int round = 0; round < 20000; round++) {
        size_t n;
        char *s = random_text(round < 10000 ? 12 : 60, &n);
        check_scan(s, n);
        free(s);
    }
}

/* Random bytes, mostly the lead and continuation bytes of three-byte characters, so that the
   scan meets torn and misaligned sequences everywhere. */
static void test_random_bytes(void **state)
{
    (void)state;
    static const unsigned char bytes[] = {0xE4, 0xB8, 0x80, 0x87, 0x89, 0xE3, 0x80, 0x82, 0xEF,
                                          0xBC, 0x8C, 0xE2, 0x80, 0x9C, 0x9D, 0xE0, 0xED, 0xA0,
                                          0xBF, 0xC2, 0xA0, '3',  ' ',  ',',  '\n'};
    test_seed(0x13198A2E03707344ULL);
    for (int round = 0; round < 20000; round++) {
        size_t n = test_below(40);
        char *s = malloc(n ? n : 1);
        assert_non_null(s);
        for (size_t i = 0; i < n; i++)
            s[i] = (char)bytes[test_below(sizeof bytes)];
        check_scan(s, n);
        free(s);
    }
}

/* Pieces of text around halves: 半 and what half_at and parse_half look for around it. */
static const char *const half_pieces[] = {
    "半",   "半数", "数",   "过",   "过半",     "通过", "经过", "超过",     "不过", "占",
    "达到", "到",   "不到", "的",   "以上",     "左右", "上下", "以下",     "之多", "一半",
    "近",   "逾",   "约",   "大",   "多",       "年",   "个月", "小时",     "村民", "十",
    "万",   "人",   "3",    "个",   "2022",     "至",   "-",    "，",       "。",   " ",
    "“",    "”",    "\n",   "\xE5", "\x8D\x8A", "占比", "农户", "数十万人",
};

/* The scan that stops at 半 emits what the scan that did not, with the search for halves
   merged in, emitted: over essay-like text and every prefix of it, and over random text of
   the pieces around halves. */
static void test_halves_folded(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "全县半数以上的村建起了文化礼堂，2022-2023年新增就业岗位1.2万个，过半数农户用上了电商。",
        "半数左右的企业参与，村民参与率过半。赞成票占半数。超过半数以上的村，3 个村过半数",
        "半数村民，经过半年的努力，通过半小时，不过半天，过半年再说。半导体，半径，多半是，大半天",
        "近半年来，超过一半的人；出口占比逾半。近半的村民用上了网，达到半数，的半数。",
        "过半数十万人，过半数十，过半数十年，近半数十万人，约3万人过半，5 万元过半数以上",
    };
    for (size_t k = 0; k < COUNT_OF(texts); k++)
        for (size_t n = 0; n <= strlen(texts[k]); n++)
            check_stats_with(texts[k], n, ref_scan_halves);
    test_seed(0x452821E638D01377ULL);
    for (int round = 0; round < 30000; round++) {
        size_t k = test_below(16), len = 0;
        char b[16 * 16];
        for (size_t j = 0; j < k; j++) {
            const char *p = half_pieces[test_below(COUNT_OF(half_pieces))];
            memcpy(b + len, p, strlen(p));
            len += strlen(p);
        }
        check_stats_with(b, len, ref_scan_halves);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_class_table),       cmocka_unit_test(test_helpers),
        cmocka_unit_test(test_varied_text),       cmocka_unit_test(test_random_text),
        cmocka_unit_test(test_random_bytes),      cmocka_unit_test(test_key_tables),
        cmocka_unit_test(test_no_figure_at),      cmocka_unit_test(test_cp_before),
        cmocka_unit_test(test_classical_clauses), cmocka_unit_test(test_all_clauses),
        cmocka_unit_test(test_halves_folded),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
