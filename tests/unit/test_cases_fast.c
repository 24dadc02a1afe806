/* SPDX-License-Identifier: MIT */
/*
 * The fast paths of the case extractor and the section builder against the straightforward
 * routines they replaced, kept here as references: the word searches over lists that carry
 * their lengths, the sets of single characters tested by code point, the scan of group ends
 * and quotation marks by memchr, the clause-break test, the argument-marker and label tests
 * that reject a line on its first character, and the cut of a topic sentence found by memchr.
 * Each pair runs on every word of every list, then on many random strings drawn from the
 * characters that matter (marks, list words, their first and last characters, stray bytes)
 * and on random bytes. The static routines are reached by including the two sources: this
 * program then takes no section.o or cases.o from the library, whose functions it defines.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cases.c"
#include "section.c"

/* ---- references ------------------------------------------------------------------------- */

/* The word lists that became sets of code points, as they were written. */
static const char *const ref_sub_stop[] = {
    "的", "在", "以", "把", "将", "和", "与", "及", "等", "推", "打", "实", "建",
    "通", "依", "创", "开", "是", "为", "对", "让", "从", "向", "全", "各", "这",
    "该", "有", "每", "农", "城", "多", "部", "个", "美", "丽", "乡", "村", "了",
    "着", "被", "由", "于", "其", "、", "，", "。", "“",  "”",  "；", "：", NULL,
};
static const char *const ref_town_stop[] = {
    "一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千", "万", "深",
    "化", "服", "务", "走", "进", "驻", "返", "回", "入", "包", "送", "到", "去", "来", "帮",
    "扶", "助", "联", "结", "援", "治", "理", "引", "领", "展", "振", "健", "智", "慧", "绿",
    "数", "字", "未", "特", "谐", "幸", "宜", "示", "范", "网", "空", "政", "贫", "困", "专",
    "业", "旧", "优", "管", "共", "邻", "宣", "传", "活", "动", "组", "织", "基", "层", "整",
    "辖", "所", "本", "全", "个", "些", "好", "员", "镇", "社", "县", "市", "省", NULL,
};
static const char *const ref_que_words[] = {"冷", "了", "忘", "退", "推", "抛", NULL};
static const char *const ref_cn_digits[] = {
    "〇", "零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", NULL,
};
static const char *const ref_name_particles[] = {
    "的", "了", "着", "过", "成", "为", "是", "和", "与", "等", "也", "都", "就", "又", "还", "而",
    "并", "及", "或", "在", "到", "上", "中", "里", "一", "不", "之", "让", "把", "被", NULL,
};

/* el_text_prefix over a NULL-terminated list, spelled out. */
static size_t ref_prefix(const char *s, size_t n, const char *const *words)
{
    size_t best = 0;
    for (; *words; words++) {
        size_t k = strlen(*words);
        if (k > best && k <= n && memcmp(s, *words, k) == 0)
            best = k;
    }
    return best;
}

/* Longest word of words that s[0..i) ends with. */
static size_t ref_suffix(const char *s, size_t i, const char *const *words)
{
    size_t best = 0;
    for (; *words; words++) {
        size_t k = strlen(*words);
        if (k > best && k <= i && memcmp(s + i - k, *words, k) == 0)
            best = k;
    }
    return best;
}

/* The word searches over a word list, by strlen and memcmp. */
static size_t ref_wprefix(const char *s, size_t n, const word *list, size_t nl)
{
    size_t best = 0;
    for (size_t i = 0; i < nl; i++) {
        size_t k = strlen(list[i].s);
        if (k > best && k <= n && memcmp(s, list[i].s, k) == 0)
            best = k;
    }
    return best;
}

static size_t ref_wsuffix(const char *s, size_t i, const word *list, size_t nl)
{
    size_t best = 0;
    for (size_t j = 0; j < nl; j++) {
        size_t k = strlen(list[j].s);
        if (k > best && k <= i && memcmp(s + i - k, list[j].s, k) == 0)
            best = k;
    }
    return best;
}

static bool ref_wone_of(const char *s, size_t n, const word *list, size_t nl)
{
    for (size_t i = 0; i < nl; i++)
        if (strlen(list[i].s) == n && memcmp(s, list[i].s, n) == 0)
            return true;
    return false;
}

/* digit_before as it was, with the numerals as a list. */
static bool ref_digit_before(const char *s, size_t i)
{
    if (i == 0)
        return false;
    size_t k, j = el_text_back(s, i);
    uint32_t c = el_text_cp(s, i, j, &k);
    return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19) ||
           el_text_is_one_of(s + j, i - j, ref_cn_digits);
}

/* The byte-by-byte scan of group ends and quotation marks. */
static const unsigned char ref_mark_lead[256] = {
    [';'] = 1, ['!'] = 1, ['?'] = 1, ['.'] = 1, [0xE2] = 1, [0xE3] = 1, [0xEF] = 1,
};

static void ref_scan_marks(const char *s, size_t n, struct scan *sc)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t stack[16], depth = 0;
    bool sorted = true;
    sc->ends.n = sc->quotes.n = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned b = u[i];
        if (!ref_mark_lead[b])
            continue;
        if (b < 0x80) {
            /* a . only after Chinese text (or a " or ) after it), before no letter or dot */
            unsigned p = i > 0 ? u[i - 1] : 0, x = i + 1 < n ? u[i + 1] : 0;
            if (b != '.' || ((p >= 0x80 || p == '"' || p == ')') && x != '.' &&
                             !((x >= 'a' && x <= 'z') || (x >= 'A' && x <= 'Z'))))
                *EL_VEC_PUSH(sc->ends) = i;
            continue;
        }
        if (n - i < 3)
            continue;
        unsigned b1 = u[i + 1], b2 = u[i + 2];
        if (b == 0xE2 && b1 == 0x80 && b2 == 0x9C) { /* “ */
            if (depth < 16)
                stack[depth++] = i;
        } else if (b == 0xE2 && b1 == 0x80 && b2 == 0x9D) { /* ” */
            if (depth > 0) {
                size_t o = stack[--depth];
                if (sc->quotes.n && sc->quotes.v[sc->quotes.n - 1].open > o)
                    sorted = false;
                *EL_VEC_PUSH(sc->quotes) = (qpair){o, o + 3, i};
            }
        } else if ((b == 0xE3 && b1 == 0x80 && b2 == 0x82) ||
                   (b == 0xEF && b1 == 0xBC && (b2 == 0x9B || b2 == 0x81 || b2 == 0x9F))) {
            *EL_VEC_PUSH(sc->ends) = i; /* 。；！？ */
        }
    }
    if (!sorted)
        qsort(sc->quotes.v, sc->quotes.n, sizeof *sc->quotes.v, cmp_qpair);
}

static bool ref_is_clause_break(uint32_t c)
{
    return c == 0xFF0C || c == ',' || c == 0x3002 || c == 0xFF1B || c == ';' || c == 0xFF1A ||
           c == ':' || c == 0xFF01 || c == 0xFF1F || c == '!' || c == '?' || c == 0x3001 ||
           c == 0x201C || c == 0x300C || c == 0xFF08 || c == '(' || c == 0x2014 || c == 0x2026 ||
           el_text_is_space(c);
}

static size_t ref_arg_marker(const char *s, size_t n, int *num)
{
    size_t i = 0, k;
    int v;
    *num = 0;
    /* 分论点一 / 论点 1 / 本论一, then optional separator */
    static const char *const named[] = {"分论点", "论点", "本论", "观点", NULL};
    if ((k = el_text_prefix(s, n, named)) > 0) {
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
    if (el_text_prefix(s, n, (const char *const[]){"（", "(", NULL}) > 0) {
        i = s[0] == '(' ? 1 : 3;
        size_t m;
        if ((v = cn_number(s + i, n - i, &m)) > 0 || (v = ar_number(s + i, n - i, &m)) > 0) {
            i += m;
            size_t c = el_text_prefix(s + i, n - i, (const char *const[]){"）", ")", NULL});
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
            size_t c = el_text_prefix(s + i, n - i,
                                      (const char *const[]){"，", ",", "、", "：", ":", NULL});
            if (c) {
                *num = v;
                return skip_ws(s, n, i + c);
            }
        }
        return 0;
    }
    /* 首先 其次 再次 最后 */
    static const char *const seq[] = {"首先", "其次", "再次", "最后", "其三", "其四", NULL};
    if ((k = el_text_prefix(s, n, seq)) > 0) {
        if (memcmp(s, "最后", 6) == 0 &&
            !(k < n && el_text_prefix(s + k, n - k,
                                      (const char *const[]){"，", ",", "、", "要", "应", "需", "须",
                                                            "还", "是", "必须", NULL})))
            return 0;
        *num = memcmp(s, "首先", 6) == 0                                ? 1
               : memcmp(s, "其次", 6) == 0                              ? 2
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

static el_span ref_first_sentence(const el_doc *doc, el_span sp)
{
    const char *s = doc->plain.v + sp.off;
    size_t n = sp.len;
    size_t end = el_text_sentence_end(s, n);
    /* Cut at a semicolon or a colon that opens the evidence. */
    for (size_t i = 0; i < end; i++) {
        if (i + 3 <= end && (memcmp(s + i, "；", 3) == 0 || memcmp(s + i, "：", 3) == 0) &&
            el_text_ncp(s, i) >= 6) {
            end = i;
            break;
        }
    }
    sp.len = end;
    /* drop the final stop and closing marks that are not quotes */
    const char *t = doc->plain.v + sp.off;
    while (sp.len >= 3 &&
           (memcmp(t + sp.len - 3, "。", 3) == 0 || memcmp(t + sp.len - 3, "！", 3) == 0 ||
            memcmp(t + sp.len - 3, "？", 3) == 0 || memcmp(t + sp.len - 3, "；", 3) == 0))
        sp.len -= 3;
    while (sp.len && (t[sp.len - 1] == '.' || t[sp.len - 1] == '!' || t[sp.len - 1] == '?'))
        sp.len--;
    return sp;
}

static label_info ref_classify_label(const el_doc *doc, el_span sp, bool heading)
{
    label_info li = {L_NONE, {sp.off + sp.len, 0}, {sp.off + sp.len, 0}, 0, {0, 0}, false};
    const char *s = doc->plain.v + sp.off;
    size_t n = sp.len;
    size_t a = 0, b = n;
    bool bracketed = unbracket(s, n, &a, &b);
    if (!bracketed && n >= 3 && memcmp(s, "【", 3) == 0) {
        /* 【点评】text: a bracketed head followed by text */
        const char *close = memmem(s, n, "】", 3);
        if (close) {
            size_t hb = (size_t)(close - s);
            size_t core = label_core(s + 3, hb - 3);
            const char *h = s + 3;
            bool is_note = el_text_is_one_of(h, core, note_words) || memmem(h, core, "点评", 6) ||
                           memmem(h, core, "评析", 6) || memmem(h, core, "解析", 6) ||
                           memmem(h, core, "分析", 6);
            if (is_note) {
                li.kind = L_NOTES;
                li.rest = trim_span(doc, (el_span){sp.off + hb + 3, n - hb - 3});
                size_t c = el_text_prefix(doc->plain.v + li.rest.off, li.rest.len, colon_punct);
                li.rest.off += c, li.rest.len -= c;
                return li;
            }
            el_span r = trim_span(doc, (el_span){sp.off + hb + 3, n - hb - 3});
            const char *rs = doc->plain.v + r.off;
            /* 【题目】请结合给定资料……写一篇议论文。 is the prompt, not the title */
            bool prompt =
                el_text_contains_any(rs, r.len, prompt_words) || ends_with_stop(rs, r.len);
            if (el_text_is_one_of(h, core, title_words) && r.len && !prompt) {
                li.kind = L_TITLE;
                li.rest = r;
                return li;
            }
            /* 【背景材料】截至2023年…… : lead-in material with its text on the same line */
            if (el_text_is_one_of(h, core, noise_words)) {
                li.kind = L_NOISE;
                return li;
            }
            if (r.len && has_words(rs, r.len)) {
                int num = 0;
                bool intro = el_text_is_one_of(h, core, intro_words),
                     concl = !intro && el_text_is_one_of(h, core, concl_words);
                if (intro || concl) {
                    li.kind = intro ? L_INTRO : L_CONCL;
                    li.body = r;
                    li.label = (el_span){sp.off + 3, core};
                    return li;
                }
                if (el_section_arg_marker(h, core, &num) == core &&
                    el_text_prefix(h, core, (const char *const[]){"分论点", "论点", NULL})) {
                    li.kind = L_ARG;
                    li.num = num;
                    li.rest = r;
                    if (!heading)
                        split_inline_arg(doc, &li);
                    return li;
                }
            }
        }
        return li;
    }
    const char *h = s + a;
    size_t hn = b - a;
    /* head: up to the first colon */
    size_t clen = 0;
    const char *colon = first_colon(h, hn, &clen);
    size_t headlen = colon ? (size_t)(colon - h) : hn;
    size_t core = label_core(h, headlen);
    el_span rest = colon
                       ? trim_span(doc, (el_span){sp.off + a + headlen + clen, hn - headlen - clen})
                       : (el_span){sp.off + n, 0};
    /* (A code point is at most 4 bytes: a longer head cannot be a label; skip counting it.) */
    if (core > 4 * EL_LABEL_MAX || el_text_ncp(h, core) > EL_LABEL_MAX)
        goto marker;
    if (bracketed) {
        if (el_text_is_one_of(h, core, essay_words)) {
            li.kind = L_ESSAY;
            return li;
        }
        if (el_text_is_one_of(h, core, noise_words)) {
            li.kind = L_NOISE;
            return li;
        }
    }
    if (el_text_is_one_of(h, core, title_words) && (rest.len || !colon)) {
        li.kind = rest.len ? L_TITLE : L_NOISE;
        li.rest = rest;
        return li;
    }
    if (el_text_is_one_of(h, core, theme_words) && rest.len) {
        li.kind = L_THEME;
        li.rest = rest;
        return li;
    }
    if (el_text_is_one_of(h, core, note_words) ||
        (bracketed && (memmem(h, core, "点评", 6) || memmem(h, core, "评析", 6)))) {
        li.kind = L_NOTES;
        li.rest = rest;
        return li;
    }
    if (colon && rest.len && el_text_is_one_of(h, core, summary_words)) {
        li.kind = L_SUMMARY;
        li.rest = rest;
        return li;
    }
    if (colon && rest.len && !heading)
        goto marker; /* "开头：…" with text is a note item or text, not a section label */
    if (el_text_is_one_of(h, core, intro_words)) {
        li.kind = L_INTRO;
        return li;
    }
    if (el_text_is_one_of(h, core, concl_words)) {
        li.kind = L_CONCL;
        return li;
    }
    if (el_text_is_one_of(h, core, summary_words)) {
        li.kind = L_SUMMARY;
        return li;
    }
    if (el_text_is_one_of(h, core, group_words)) {
        li.kind = L_GROUP;
        return li;
    }
    if (el_text_is_one_of(h, core, (const char *const[]){"正文", "原文", "范文正文", NULL})) {
        li.kind = L_BODY;
        return li;
    }
    if (bracketed && el_text_is_one_of(h, core, essay_words)) {
        li.kind = L_ESSAY;
        return li;
    }
marker:;
    /* 分论点一：title / 论点 1:title */
    int num;
    size_t k = ref_arg_marker(s, n, &num);
    if (k > 0 &&
        el_text_prefix(s, n, (const char *const[]){"分论点", "论点", "本论", "观点", NULL})) {
        li.kind = L_ARG;
        li.num = num;
        li.rest = trim_span(doc, (el_span){sp.off + k, n - k});
        if (!heading && li.rest.len) {
            /* 论点1：立足资源禀赋，念好“山海经”。贵州省… — the label opens a paragraph: its
             * title is the first sentence, and the text after the marker is the paragraph. */
            el_span t = ref_first_sentence(doc, li.rest);
            const char *tail = doc->plain.v + t.off + t.len;
            size_t tn = li.rest.len - t.len;
            if (has_words(tail, tn) && !open_quote(doc->plain.v + t.off, t.len) &&
                (ends_with_stop(tail, tn) || el_text_ncp(tail, tn) > EL_TITLE_MAX)) {
                li.body = li.rest;
                li.rest = t;
            }
        }
        return li;
    }
    return li;
}

/* ---- random text ------------------------------------------------------------------------ */

#include "testrand.h"

/* Pieces random text is made of: marks, spaces, digits, markers and stray bytes. */
static const char *const pieces[] = {
    "。",   "；",   "！",   "？",   ";",    "!",      "?",        "“",        "”",
    "「",   "」",   "，",   ",",    "、",   "：",     ":",        "（",       "）",
    "(",    ")",    "【",   "】",   "…",    "—",      " ",        "\t",       "　",
    "\n",   "1",    "2",    "１",   "０",   ".",      "．",       "一",       "二",
    "十",   "〇",   "零",   "第",   "是",   "某",     "城",       "的",       "却",
    "不",   "但",   "首先", "其次", "最后", "分论点", "论点",     "本论",     "观点",
    "年",   "月",   "日",   "2023", "点评", "评析",   "写作分析", "标题",     "题目",
    "主题", "开头", "结尾", "总评", "正文", "范文",   "背景材料", "\xE2",     "\xE3",
    "\xEF", "\x80", "\xBC", "\x9C", "\x9D", "\x82",   "\x9B",     "\xE6\x9F", "\xF0\x9F\x98\x80",
    "A",    "z",    "#",    "*",
};

/* Fill buf (of cap bytes) with up to max pieces, and words from the lists when given. */
static size_t random_text(char *buf, size_t cap, size_t max, const char *const *extra,
                          size_t nextra)
{
    size_t n = 0, count = test_below((uint32_t)max + 1);
    for (size_t i = 0; i < count; i++) {
        const char *p;
        uint32_t r = test_below(10);
        if (r < 3 && nextra)
            p = extra[test_below((uint32_t)nextra)];
        else if (r < 4) {
            static char han[4];
            uint32_t c = 0x4E00 + test_below(0x5200); /* any Han character */
            han[0] = (char)(0xE0 | c >> 12);
            han[1] = (char)(0x80 | (c >> 6 & 0x3F));
            han[2] = (char)(0x80 | (c & 0x3F));
            han[3] = 0;
            p = han;
        } else
            p = pieces[test_below(sizeof pieces / sizeof *pieces)];
        size_t k = strlen(p);
        if (n + k > cap)
            break;
        memcpy(buf + n, p, k);
        n += k;
    }
    return n;
}

/* An exact copy in a heap block of its own size, so that a read past it is caught (asan). */
static char *exact(const char *s, size_t n)
{
    char *p = malloc(n ? n : 1);
    assert_non_null(p);
    memcpy(p, s, n);
    return p;
}

/* ---- cases.c ---------------------------------------------------------------------------- */

typedef struct named_list {
    const char *name;
    const word *w;
    size_t n;
} named_list;

#define LIST(l)                                                                                    \
    {                                                                                              \
#l, l, sizeof(l) / sizeof *(l)                                                             \
    }

/* Every word list of cases.c (word_on and lowest are local to their function: copied). */
static const word t_word_on[] = {W("村民"), W("村委"), W("村级"), W("村干"), W("村规"), W("村务"),
                                 W("村集"), W("村容"), W("村落"), W("村庄"), W("乡村"), W("乡亲"),
                                 W("乡贤"), W("乡土"), W("乡愁"), W("镇村"), W("镇街")};
static const word t_lowest[] = {W("村"), W("社区")};
static const named_list lists[] = {
    LIST(measure_lead), LIST(measure_actor),  LIST(lead_words),   LIST(place_modifiers),
    LIST(anon_suffix),  LIST(anon_not),       LIST(sub_suffix),   LIST(town_suffix),
    LIST(town_generic), LIST(county_generic), LIST(city_generic), LIST(list_links),
    LIST(list_end),     LIST(backref_after),  LIST(place_idioms), LIST(common_quoted),
    LIST(launch_verbs), LIST(yi_words),       LIST(pair_links),   LIST(t_word_on),
    LIST(t_lowest),
};

/* Each word: its length as stored, three bytes or more (word_at compares the third first). */
static void test_word_lists(void **state)
{
    (void)state;
    for (size_t l = 0; l < sizeof lists / sizeof *lists; l++)
        for (size_t i = 0; i < lists[l].n; i++) {
            const word *w = &lists[l].w[i];
            if (w->len != strlen(w->s) || w->len < 3)
                print_error("%s: %s\n", lists[l].name, w->s);
            assert_int_equal(w->len, strlen(w->s));
            assert_true(w->len >= 3);
        }
}

/* prefix_of, suffix_of and one_of against strlen and memcmp, on each list's own words written
   in random text at every offset. */
static void test_word_search(void **state)
{
    (void)state;
    char buf[96];
    for (size_t l = 0; l < sizeof lists / sizeof *lists; l++) {
        const named_list *L = &lists[l];
        const char *extra[64];
        size_t ne = 0;
        for (size_t i = 0; i < L->n && ne < 60; i++)
            extra[ne++] = L->w[i].s;
        extra[ne++] = "村";
        extra[ne++] = "等";
        for (int round = 0; round < 3000; round++) {
            size_t n = random_text(buf, sizeof buf, 6, extra, ne);
            char *s = exact(buf, n);
            for (size_t i = 0; i <= n; i++) {
                assert_int_equal(prefix_of(s + i, n - i, L->w, L->n),
                                 ref_wprefix(s + i, n - i, L->w, L->n));
                assert_int_equal(suffix_of(s, i, L->w, L->n), ref_wsuffix(s, i, L->w, L->n));
                for (size_t j = i; j <= n && j <= i + 30; j++)
                    assert_int_equal(one_of(s + i, j - i, L->w, L->n),
                                     ref_wone_of(s + i, j - i, L->w, L->n));
            }
            free(s);
        }
    }
}

/* The sets of code points, sorted, and tested as the lists they replaced matched. */
static void test_char_sets(void **state)
{
    (void)state;
    struct {
        const uint32_t *set;
        size_t n;
        const char *const *ref;
    } sets[] = {
        {sub_stop, sizeof sub_stop / sizeof *sub_stop, ref_sub_stop},
        {town_stop, sizeof town_stop / sizeof *town_stop, ref_town_stop},
        {que_words, sizeof que_words / sizeof *que_words, ref_que_words},
        {cn_numerals, sizeof cn_numerals / sizeof *cn_numerals, ref_cn_digits},
        {name_particles, sizeof name_particles / sizeof *name_particles, ref_name_particles},
    };
    char buf[64];
    for (size_t k = 0; k < sizeof sets / sizeof *sets; k++) {
        size_t nref = 0;
        for (; sets[k].ref[nref]; nref++)
            ;
        assert_int_equal(sets[k].n, nref);
        for (size_t i = 1; i < sets[k].n; i++)
            assert_true(sets[k].set[i - 1] < sets[k].set[i]);
        for (int round = 0; round < 20000; round++) {
            size_t n = random_text(buf, sizeof buf, 4, (const char *const *)sets[k].ref, nref);
            char *s = exact(buf, n);
            for (size_t i = 0; i <= n; i++) {
                /* a prefix, as town_place and name_like test it on the decoded character */
                size_t len;
                bool fast = i < n && in_set(el_text_cp(s, n, i, &len), sets[k].set, sets[k].n);
                assert_int_equal(fast, ref_prefix(s + i, n - i, sets[k].ref) > 0);
                /* a suffix, as on_hit tests que_words */
                assert_int_equal(ends_in(s, i, sets[k].set, sets[k].n),
                                 ref_suffix(s, i, sets[k].ref) > 0);
                /* the character before i, as digit_before tests the numerals */
                if (sets[k].set == cn_numerals)
                    assert_int_equal(digit_before(s, i), ref_digit_before(s, i));
            }
            free(s);
        }
    }
}

/* Whether two scans found the same ends and the same quotation pairs. */
static void same_marks(const struct scan *a, const struct scan *b)
{
    assert_int_equal(a->ends.n, b->ends.n);
    for (size_t i = 0; i < a->ends.n; i++)
        assert_int_equal(a->ends.v[i], b->ends.v[i]);
    assert_int_equal(a->quotes.n, b->quotes.n);
    for (size_t i = 0; i < a->quotes.n; i++) {
        assert_int_equal(a->quotes.v[i].open, b->quotes.v[i].open);
        assert_int_equal(a->quotes.v[i].inner, b->quotes.v[i].inner);
        assert_int_equal(a->quotes.v[i].close, b->quotes.v[i].close);
    }
}

/* scan_marks against the byte loop: random text, then random bytes. */
static void test_scan_marks(void **state)
{
    (void)state;
    struct scan a, b;
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    char buf[600];
    for (int round = 0; round < 40000; round++) {
        size_t n;
        if (round % 4 == 3) {
            n = test_below(64);
            for (size_t i = 0; i < n; i++)
                buf[i] = (char)(round % 8 == 3 ? test_below(256) : 0xE0 | test_below(32));
        } else {
            n = random_text(buf, sizeof buf, round % 2 ? 200 : 12, NULL, 0);
        }
        char *s = exact(buf, n);
        scan_marks(s, n, &a);
        ref_scan_marks(s, n, &b);
        same_marks(&a, &b);
        free(s);
    }
    scan_free(&a);
    scan_free(&b);
}

static void test_clause_break(void **state)
{
    (void)state;
    for (uint32_t c = 0; c <= 0x10FFFF; c++)
        assert_int_equal(is_clause_break(c), ref_is_clause_break(c));
}

/* ---- section.c -------------------------------------------------------------------------- */

/* Marker-like text: el_section_arg_marker against the one that tried every form in turn. */
static void test_arg_marker(void **state)
{
    (void)state;
    static const char *const extra[] = {
        "分论点", "论点", "本论", "观点", "（",   "(",    "）", ")",  "第", "首先",
        "其次",   "再次", "最后", "其三", "其四", "一",   "九", "十", "〇", "是",
        "、",     "1",    "0",    "９",   "要",   "必须", "，", ".",  " ",  "　"};
    char buf[64];
    for (int round = 0; round < 300000; round++) {
        size_t n = random_text(buf, sizeof buf, 5, extra, sizeof extra / sizeof *extra);
        char *s = exact(buf, n);
        int num = -1, rnum = -1;
        size_t k = el_section_arg_marker(s, n, &num), rk = ref_arg_marker(s, n, &rnum);
        if (k != rk || num != rnum)
            print_error("%.*s: %zu %d, want %zu %d\n", (int)n, s, k, num, rk, rnum);
        assert_int_equal(k, rk);
        assert_int_equal(num, rnum);
        free(s);
    }
}

/* Every word a label is recognised by outside brackets passes the first-character test. */
static void test_label_start(void **state)
{
    (void)state;
    static const char *const body_words[] = {"正文", "原文", "范文正文", NULL};
    const char *const *all[] = {title_words, theme_words,   note_words,  intro_words,
                                concl_words, summary_words, group_words, body_words};
    for (size_t l = 0; l < sizeof all / sizeof *all; l++)
        for (const char *const *w = all[l]; *w; w++) {
            if (!label_start(*w, strlen(*w)))
                print_error("%s\n", *w);
            assert_true(label_start(*w, strlen(*w)));
        }
}

/* classify_label and first_sentence against the versions without the fast tests. */
static void test_classify(void **state)
{
    (void)state;
    static const char *const extra[] = {
        "标题", "题目", "主题",    "中心论点", "写作分析", "点评",   "亮点", "开头",
        "引言", "结尾", "结论",    "总评",     "全文总结", "分论点", "本论", "主体",
        "正文", "原文", "范文",    "背景材料", "材料",     "要求",   "【",   "】",
        "：",   ":",    "（1段）", "(附)",     "分论点一", "论点1",  "。",   "；",
        "请",   "字数", "“",       "”",        "，",       "一、",   "首先"};
    char buf[160];
    el_doc doc;
    memset(&doc, 0, sizeof doc);
    for (int round = 0; round < 200000; round++) {
        size_t n = random_text(buf, sizeof buf, 8, extra, sizeof extra / sizeof *extra);
        char *s = exact(buf, n);
        doc.plain.v = s;
        doc.plain.n = n;
        el_span sp = trim_span(&doc, (el_span){0, n});
        for (int heading = 0; heading < 2; heading++) {
            label_info a = classify_label(&doc, sp, heading),
                       b = ref_classify_label(&doc, sp, heading);
            assert_int_equal(a.kind, b.kind);
            assert_int_equal(a.num, b.num);
            assert_int_equal(a.rest.off, b.rest.off);
            assert_int_equal(a.rest.len, b.rest.len);
            assert_int_equal(a.body.off, b.body.off);
            assert_int_equal(a.body.len, b.body.len);
        }
        el_span f = first_sentence(&doc, sp), g = ref_first_sentence(&doc, sp);
        assert_int_equal(f.off, g.off);
        assert_int_equal(f.len, g.len);
        free(s);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_word_lists),   cmocka_unit_test(test_word_search),
        cmocka_unit_test(test_char_sets),    cmocka_unit_test(test_scan_marks),
        cmocka_unit_test(test_clause_break), cmocka_unit_test(test_arg_marker),
        cmocka_unit_test(test_label_start),  cmocka_unit_test(test_classify),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
