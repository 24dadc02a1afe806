/* SPDX-License-Identifier: MIT */
/*
 * The section tree (the roff.c + mdoc_validate.c of essaylint).
 *
 * Pass 1 walks the blocks once and gives each a role: title, theme, label
 * (section labels, 正文, lead-in noise, directives), 正文 paragraph or note,
 * and turns labels into zone boundaries. Pass 2 turns each zone into
 * sections; zones with no label (an unlabelled draft, the paragraphs under
 * 分论点与论证) are split by position and cues: argument markers (一、 首先
 * 一是 …), continuation connectives, closing cues (总之 综上 …).
 */
#include "section.h"

#include "blocks.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

/* Labels are short: a label head longer than this is text, not a label. */
#define EL_LABEL_MAX 16
/* A title line is at most this many code points. */
#define EL_TITLE_MAX 40

enum label {
    L_NONE,
    L_TITLE,
    L_THEME,
    L_INTRO,
    L_ARG,
    L_GROUP,
    L_CONCL,
    L_SUMMARY,
    L_BODY,
    L_NOTES,
    L_NOISE,
    L_ESSAY, /* 【范文】: the essay starts after it */
};

static const char *const intro_words[] = {"总领段", "总领", "开头",   "开头段",   "引言",
                                          "引论",   "导语", "开篇",   "开头部分", "引入",
                                          "首段",   "总起", "总起段", "提出论点", NULL};
static const char *const concl_words[] = {"结尾", "结尾段",   "结语",   "结论",   "结束语", "收尾",
                                          "尾段", "结尾部分", "总结段", "结论段", NULL};
static const char *const summary_words[] = {"全文逻辑总结", "总评",     "全文点评", "整体点评",
                                            "全文总评",     "总体评价", "文章总评", "全文总结",
                                            "逻辑总结",     "范文总评", "总体点评", "全文评析",
                                            "整体评析",     "综合点评", NULL};
static const char *const group_words[] = {"分论点与论证", "分论点",   "本论",     "主体",
                                          "主体部分",     "论证部分", "分析论证", "分论点论证",
                                          "本论部分",     "主体段",   "论证",     NULL};
static const char *const note_words[] = {
    "写作分析", "点评",     "评析", "解析",     "名师点评", "范文点评", "写作点评",
    "亮点",     "亮点分析", "简评", "批注",     "老师点评", "思路分析", "写作思路",
    "段落点评", "本段点评", "分析", "写作亮点", "评语",     "旁批",     NULL};
static const char *const title_words[] = {"标题", "题目", "文题", "拟题", "参考标题", NULL};
static const char *const theme_words[] = {"主题", "中心论点", "总论点",   "文章主旨",
                                          "主旨", "立意",     "中心思想", NULL};
static const char *const noise_words[] = {"题目", "背景材料", "材料", "给定资料", "作答要求",
                                          "要求", "题干",     "试题", "真题",     "原题",
                                          "资料", "背景",     NULL};
static const char *const essay_words[] = {"范文",     "范文展示", "参考范文", "优秀范文", "示范",
                                          "范文赏析", "例文",     "习作",     "参考答案", NULL};
static const char *const ad_words[] = {"公众号",   "关注", "扫码", "微信", "点赞", "转发",
                                       "获取更多", "下载", "领取", "免费", "课程", "网课",
                                       "加群",     "私信", "订阅", "VX",   "vx",   NULL};
static const char *const prompt_words[] = {"请",   "要求",   "字数",   "为题",   "给定资料", "参考",
                                           "自拟", "字左右", "不少于", "议论文", "作答",     NULL};
static const char *const closing_words[] = {"总之",       "综上",     "综上所述", "总而言之",
                                            "一言以蔽之", "由此可见", "归根结底", "总的来说",
                                            "概而言之",   NULL};
static const char *const continue_words[] = {
    "同时", "此外", "另外",     "与此同时", "当然",     "不仅如此", "然而",   "但是", "但",
    "反观", "例如", "比如",     "譬如",     "因此",     "所以",     "可见",   "而且", "况且",
    "对此", "为此", "与之相比", "相比之下", "具体而言", "具体来说", "事实上", "其中", NULL};

static const char *const open_quotes[] = {"“", "「", "\"", NULL};

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
static const char *const colon_punct[] = {"：", ":", NULL};

/* Is the number followed by a list separator (1. 1、 1．) and not a decimal (1.2)? */
static size_t list_sep(const char *s, size_t n, size_t i)
{
    if (i < n && s[i] == '.' && !(i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9'))
        return 1;
    if (i + 3 <= n && (memcmp(s + i, "、", 3) == 0 || memcmp(s + i, "．", 3) == 0))
        return 3;
    return 0;
}

size_t el_section_arg_marker(const char *s, size_t n, int *num)
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

/* Number-only note lines: "1." "1、" "（1）" "①". Returns true if s[0..n) is only that. */
static bool number_only(const char *s, size_t n)
{
    size_t m;
    if (ar_number(s, n, &m) > 0) {
        size_t c = list_sep(s, n, m);
        if (c == 0 && m + 3 <= n && memcmp(s + m, "）", 3) == 0)
            c = 3;
        return c && skip_ws(s, n, m + c) == n;
    }
    if (n == 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x91 &&
        (unsigned char)s[2] >= 0xA0 && (unsigned char)s[2] <= 0xB3)
        return true; /* ① .. ⑳ */
    int num;
    size_t k = el_section_arg_marker(s, n, &num);
    return k == n && n > 0 && (s[0] == '(' || memcmp(s, "（", 3) == 0);
}

/* Leading note-item number (1. 1、 （1） ①) length, or 0. */
static size_t note_number(const char *s, size_t n)
{
    size_t m;
    if (ar_number(s, n, &m) > 0 && m <= 3) {
        size_t c = list_sep(s, n, m);
        if (c)
            return skip_ws(s, n, m + c);
    }
    if (n >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x91 &&
        (unsigned char)s[2] >= 0xA0 && (unsigned char)s[2] <= 0xB3)
        return skip_ws(s, n, 3);
    if (el_text_prefix(s, n, (const char *const[]){"（", "(", NULL})) {
        int num;
        size_t k = el_section_arg_marker(s, n, &num);
        return k;
    }
    return 0;
}

/* Shrink a span to drop whitespace and stray Markdown emphasis at both ends. */
static el_span trim_span(const el_doc *doc, el_span sp)
{
    const char *s = doc->plain.v;
    for (;;) {
        size_t lead = el_blocks_lead_ws(s + sp.off, sp.len, NULL);
        sp.off += lead;
        sp.len -= lead;
        sp.len = el_blocks_trim_end(s + sp.off, sp.len);
        if (sp.len && (s[sp.off] == '*' || s[sp.off] == '_' || s[sp.off] == '#')) {
            sp.off++, sp.len--;
            continue;
        }
        if (sp.len && (s[sp.off + sp.len - 1] == '*' || s[sp.off + sp.len - 1] == '_')) {
            sp.len--;
            continue;
        }
        return sp;
    }
}

/* Drop one trailing parenthetical "(1-2 段)" / "（…）" and trailing colon from a label head. */
static size_t label_core(const char *s, size_t n)
{
    n = el_blocks_trim_end(s, n);
    while (n > 0) {
        if (s[n - 1] == ':') {
            n = el_blocks_trim_end(s, n - 1);
            continue;
        }
        if (n >= 3 && memcmp(s + n - 3, "：", 3) == 0) {
            n = el_blocks_trim_end(s, n - 3);
            continue;
        }
        bool full = n >= 3 && memcmp(s + n - 3, "）", 3) == 0;
        if (full || s[n - 1] == ')') {
            size_t j = n;
            while (j > 0 && s[j - 1] != '(' && !(j >= 3 && memcmp(s + j - 3, "（", 3) == 0))
                j--;
            if (j == 0)
                break;
            j -= s[j - 1] == '(' ? 1 : 3;
            if (j == 0)
                break;
            n = el_blocks_trim_end(s, j);
            continue;
        }
        break;
    }
    return n;
}

/* Strip one enclosing 【…】 / [..] pair; returns true if the whole text was bracketed. */
static bool unbracket(const char *s, size_t n, size_t *a, size_t *b)
{
    if (n >= 6 && memcmp(s, "【", 3) == 0 && memcmp(s + n - 3, "】", 3) == 0 &&
        memchr(s + 3, '\xe3', n - 6) == NULL) {
        *a = 3, *b = n - 3;
        return true;
    }
    if (n >= 6 && memcmp(s, "【", 3) == 0 && memcmp(s + n - 3, "】", 3) == 0) {
        /* only one closing bracket at the end */
        const char *close = memmem(s + 3, n - 3, "】", 3);
        if (close == s + n - 3) {
            *a = 3, *b = n - 3;
            return true;
        }
    }
    return false;
}

typedef struct label_info {
    enum label kind;
    el_span rest; /* text after the label (title, theme, first note item) */
    int num;      /* argument number */
} label_info;

/* Recognise a label in span sp (already trimmed). */
static label_info classify_label(const el_doc *doc, el_span sp, bool heading)
{
    label_info li = {L_NONE, {sp.off + sp.len, 0}, 0};
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
            if (el_text_is_one_of(h, core, title_words)) {
                el_span r = trim_span(doc, (el_span){sp.off + hb + 3, n - hb - 3});
                if (r.len) {
                    li.kind = L_TITLE;
                    li.rest = r;
                    return li;
                }
            }
        }
        return li;
    }
    const char *h = s + a;
    size_t hn = b - a;
    /* head: up to the first colon */
    const char *colon = NULL;
    size_t clen = 0;
    for (size_t i = 0; i < hn; i++) {
        if (h[i] == ':') {
            colon = h + i, clen = 1;
            break;
        }
        if (h[i] == '\xEF' && i + 3 <= hn && memcmp(h + i, "：", 3) == 0) {
            colon = h + i, clen = 3;
            break;
        }
    }
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
    size_t k = el_section_arg_marker(s, n, &num);
    if (k > 0 &&
        el_text_prefix(s, n, (const char *const[]){"分论点", "论点", "本论", "观点", NULL})) {
        li.kind = L_ARG;
        li.num = num;
        li.rest = trim_span(doc, (el_span){sp.off + k, n - k});
        return li;
    }
    return li;
}

/* True if s[0..n) ends like a sentence (so it is not a title or heading line). */
static bool ends_with_stop(const char *s, size_t n)
{
    static const char *const stops[] = {"。", "！", "？", "；", "…", "!", "?", ";", NULL};
    for (const char *const *p = stops; *p; p++) {
        size_t k = strlen(*p);
        if (n >= k && memcmp(s + n - k, *p, k) == 0)
            return true;
    }
    return false;
}

static bool contains_any(const char *s, size_t n, const char *const *words)
{
    for (; *words; words++)
        if (memmem(s, n, *words, strlen(*words)))
            return true;
    return false;
}

/* ---- pass 1: events ---------------------------------------------------------------------- */

enum ev_type { EV_PARA, EV_NOTE, EV_ZONE };
enum zone {
    Z_AUTO,
    Z_INTRO,
    Z_ARG,  /* one explicit argument */
    Z_ARGS, /* grouping: arguments inferred inside */
    Z_CONCL,
    Z_SUMMARY,
    Z_OTHER,
};

typedef struct ev {
    enum ev_type type;
    enum zone zone; /* EV_ZONE */
    el_span txt;    /* paragraph / note text; zone: argument title */
    el_span label;  /* note label; zone: the label text */
    size_t line;
    int num;      /* paragraph: argument-marker number (0 none); zone: argument number */
    size_t mlen;  /* paragraph: marker length */
    bool heading; /* zone came from a label/heading line */
} ev;

typedef EL_VEC(ev) ev_vec;

static void set_role(el_doc *doc, const el_block *b, enum el_role role)
{
    for (size_t ln = b->line; ln <= b->end_line && ln <= doc->lines.n; ln++)
        if (doc->roles[ln - 1] == EL_ROLE_NONE || role != EL_ROLE_LABEL)
            doc->roles[ln - 1] = (unsigned char)role;
}

static void push_zone(ev_vec *evs, enum zone z, el_span title, el_span label, size_t line, int num)
{
    ev *e = EL_VEC_PUSH(*evs);
    memset(e, 0, sizeof *e);
    e->type = EV_ZONE;
    e->zone = z;
    e->txt = title;
    e->label = label;
    e->line = line;
    e->num = num;
    e->heading = true;
}

/* Split a note item into label and text, and push it. */
static void push_note(el_doc *doc, ev_vec *evs, el_span sp, size_t line)
{
    const char *s = doc->plain.v + sp.off;
    size_t k = note_number(s, sp.len);
    sp.off += k, sp.len -= k;
    sp = trim_span(doc, sp);
    if (sp.len == 0)
        return;
    s = doc->plain.v + sp.off;
    el_span label = {sp.off, 0};
    size_t a, b;
    if (sp.len >= 6 && memcmp(s, "【", 3) == 0) {
        const char *close = memmem(s, sp.len, "】", 3);
        if (close && !unbracket(s, sp.len, &a, &b)) {
            label = (el_span){sp.off + 3, (size_t)(close - s) - 3};
            size_t off = (size_t)(close - s) + 3;
            sp = trim_span(doc, (el_span){sp.off + off, sp.len - off});
        }
    } else {
        for (size_t i = 0; i < sp.len && i < 3 * 20; i++) {
            size_t cl = s[i] == ':' ? 1 : (i + 3 <= sp.len && memcmp(s + i, "：", 3) == 0) ? 3 : 0;
            if (cl == 0) {
                if (memchr("\xe3", s[i], 1) && i + 3 <= sp.len &&
                    (memcmp(s + i, "。", 3) == 0 || memcmp(s + i, "，", 3) == 0))
                    break;
                continue;
            }
            if (i > 0 && el_text_ncp(s, i) <= 20) {
                label = trim_span(doc, (el_span){sp.off, i});
                sp = trim_span(doc, (el_span){sp.off + i + cl, sp.len - i - cl});
            }
            break;
        }
    }
    ev *e = EL_VEC_PUSH(*evs);
    memset(e, 0, sizeof *e);
    e->type = EV_NOTE;
    e->txt = sp;
    e->label = label;
    e->line = line;
}

enum note_mode { NM_NONE, NM_LABEL, NM_QUOTE };

typedef struct pass1 {
    el_doc *doc;
    ev_vec evs;
    bool seen_title, seen_text, title_guessed, noise;
    size_t guessed_block;
    enum note_mode notes;
    bool notes_indented;
    size_t pending_num_line; /* line of a number-only note line waiting for its text */
} pass1;

static void take_title(pass1 *p, const el_block *b, el_span sp, bool guessed)
{
    el_doc *doc = p->doc;
    if (p->title_guessed && !guessed) {
        /* A guessed title (a topic line) gives way to an explicit 标题: label. */
        set_role(doc, &doc->blocks.v[p->guessed_block], EL_ROLE_LABEL);
        doc->roles[doc->blocks.v[p->guessed_block].line - 1] = EL_ROLE_LABEL;
    }
    doc->title = sp;
    doc->title_line = b->line;
    p->seen_title = true;
    p->title_guessed = guessed;
    p->guessed_block = (size_t)(b - doc->blocks.v);
    set_role(doc, b, EL_ROLE_TITLE);
}

static void one_block(pass1 *p, const el_block *b)
{
    el_doc *doc = p->doc;
    el_span sp = trim_span(doc, b->txt);
    const char *s = doc->plain.v + sp.off;
    size_t n = sp.len;

    if (b->type == EL_BLOCK_HTML || b->type == EL_BLOCK_BREAK || n == 0) {
        set_role(doc, b, EL_ROLE_LABEL);
        return;
    }
    bool heading = b->type == EL_BLOCK_HEADING;
    bool quote = (b->flags & EL_BF_QUOTE) != 0;
    label_info li = classify_label(doc, sp, heading);

    /* Bold lead-in "**写作分析**：…" / "**点评**" */
    if (li.kind == L_NONE && b->bold_len > 0 && b->bold_len < b->txt.len) {
        el_span head = trim_span(doc, (el_span){b->txt.off, b->bold_len});
        label_info hl = classify_label(doc, head, true);
        if (hl.kind == L_NOTES) {
            li.kind = L_NOTES;
            el_span r = {b->txt.off + b->bold_len, b->txt.len - b->bold_len};
            r = trim_span(doc, r);
            size_t c = el_text_prefix(doc->plain.v + r.off, r.len, colon_punct);
            li.rest = trim_span(doc, (el_span){r.off + c, r.len - c});
        }
    }

    /* Lead-in noise before the essay starts. */
    if (!p->seen_title && !p->seen_text) {
        if (li.kind == L_NOISE) {
            p->noise = true;
            set_role(doc, b, EL_ROLE_LABEL);
            return;
        }
        if (li.kind == L_ESSAY) {
            p->noise = false;
            set_role(doc, b, EL_ROLE_LABEL);
            return;
        }
        if (li.kind == L_NONE && !heading && contains_any(s, n, ad_words) &&
            el_text_ncp(s, n) <= 80) {
            set_role(doc, b, EL_ROLE_LABEL);
            return;
        }
        if (p->noise && li.kind == L_NONE &&
            (!heading && (contains_any(s, n, prompt_words) || ends_with_stop(s, n) ||
                          el_text_ncp(s, n) > EL_TITLE_MAX))) {
            set_role(doc, b, EL_ROLE_LABEL);
            return;
        }
        p->noise = false;
    }

    if (li.kind == L_TITLE) {
        take_title(p, b, li.rest, false);
        return;
    }
    if (li.kind == L_THEME && !p->seen_text) {
        doc->theme = li.rest;
        doc->theme_line = b->line;
        set_role(doc, b, EL_ROLE_THEME);
        return;
    }
    if (li.kind == L_ESSAY || li.kind == L_NOISE) {
        set_role(doc, b, EL_ROLE_LABEL);
        return;
    }

    /* Note headers and note items. */
    if (li.kind == L_NOTES) {
        set_role(doc, b, li.rest.len ? EL_ROLE_NOTE : EL_ROLE_LABEL);
        p->notes = quote                                                                 ? NM_QUOTE
                   : (b->bold_len || (n >= 3 && memcmp(s, "【", 3) == 0)) && li.rest.len ? NM_NONE
                                                                                         : NM_LABEL;
        p->notes_indented = false;
        if (li.rest.len)
            push_note(doc, &p->evs, li.rest, b->line);
        return;
    }
    bool structural = li.kind != L_NONE || heading;
    if (p->notes == NM_QUOTE && !quote)
        p->notes = NM_NONE;
    if (p->notes == NM_LABEL && !structural) {
        int num;
        bool indented_text = (b->flags & EL_BF_INDENT) && !p->notes_indented &&
                             doc->format == EL_INPUT_TEXT && n > 60 * 3;
        bool arg_line = el_section_arg_marker(s, n, &num) > 0 && !note_number(s, n) &&
                        el_text_ncp(s, n) <= EL_TITLE_MAX && !ends_with_stop(s, n);
        if (!indented_text && !arg_line) {
            if (doc->roles[b->line - 1] == EL_ROLE_NONE)
                p->notes_indented = p->notes_indented || (b->flags & EL_BF_INDENT);
            set_role(doc, b, EL_ROLE_NOTE);
            if (number_only(s, n))
                p->pending_num_line = b->line;
            else
                push_note(doc, &p->evs, sp, p->pending_num_line ? p->pending_num_line : b->line),
                    p->pending_num_line = 0;
            return;
        }
    }
    if (p->notes == NM_QUOTE && quote && !structural) {
        set_role(doc, b, EL_ROLE_NOTE);
        if (number_only(s, n))
            p->pending_num_line = b->line;
        else
            push_note(doc, &p->evs, sp, p->pending_num_line ? p->pending_num_line : b->line),
                p->pending_num_line = 0;
        return;
    }
    if (structural)
        p->notes = NM_NONE;
    p->pending_num_line = 0;

    /* A fully bold paragraph after the essay has begun is an annotation. */
    if (!heading && b->bold_len && b->bold_len >= b->txt.len && p->seen_title && !quote &&
        li.kind == L_NONE && doc->sections.n + p->evs.n > 0 && el_text_ncp(s, n) > 20) {
        set_role(doc, b, EL_ROLE_NOTE);
        push_note(doc, &p->evs, sp, b->line);
        return;
    }

    el_span none = {sp.off + n, 0};
    switch (li.kind) {
    case L_INTRO:
        push_zone(&p->evs, Z_INTRO, none, sp, b->line, 0);
        set_role(doc, b, EL_ROLE_LABEL);
        return;
    case L_CONCL:
        push_zone(&p->evs, Z_CONCL, none, sp, b->line, 0);
        set_role(doc, b, EL_ROLE_LABEL);
        return;
    case L_SUMMARY:
        /* Everything under a whole-essay summary is annotation. */
        push_zone(&p->evs, Z_SUMMARY, none, sp, b->line, 0);
        set_role(doc, b, EL_ROLE_LABEL);
        p->notes = NM_LABEL;
        p->notes_indented = false;
        return;
    case L_GROUP:
        push_zone(&p->evs, Z_ARGS, none, sp, b->line, 0);
        set_role(doc, b, EL_ROLE_LABEL);
        return;
    case L_ARG:
        push_zone(&p->evs, Z_ARG, li.rest, sp, b->line, li.num);
        set_role(doc, b, EL_ROLE_LABEL);
        return;
    case L_BODY:
        set_role(doc, b, EL_ROLE_LABEL);
        return;
    default:
        break;
    }

    /* Headings: the first is the title; later ones open arguments. */
    if (heading) {
        int num;
        size_t k = el_section_arg_marker(s, n, &num);
        if (!p->seen_title && !p->seen_text && (b->level == 1 || k == 0)) {
            take_title(p, b, sp, false);
            return;
        }
        el_span title = trim_span(doc, (el_span){sp.off + k, n - k});
        push_zone(&p->evs, Z_ARG, title, sp, b->line, num);
        set_role(doc, b, EL_ROLE_LABEL);
        return;
    }

    /* The first short line without sentence-end punctuation is the title. */
    size_t ncp = el_text_ncp(s, n);
    if (!p->seen_title && !p->seen_text && !quote && ncp <= EL_TITLE_MAX && !ends_with_stop(s, n)) {
        int num;
        if (el_section_arg_marker(s, n, &num) == 0) {
            take_title(p, b, sp, doc->format == EL_INPUT_TEXT || !(b->flags & EL_BF_BOLD));
            return;
        }
    }

    /* A short numbered line "一、强化…" is an argument heading in plain text. */
    int num = 0;
    size_t k = el_section_arg_marker(s, n, &num);
    if (k > 0 && k < n && ncp <= EL_TITLE_MAX && !ends_with_stop(s, n)) {
        el_span title = trim_span(doc, (el_span){sp.off + k, n - k});
        push_zone(&p->evs, Z_ARG, title, sp, b->line, num);
        set_role(doc, b, EL_ROLE_LABEL);
        return;
    }

    ev *e = EL_VEC_PUSH(p->evs);
    memset(e, 0, sizeof *e);
    e->type = EV_PARA;
    e->txt = sp;
    e->line = b->line;
    e->num = k ? num : 0;
    e->mlen = k;
    p->seen_text = true;
    set_role(doc, b, EL_ROLE_PARAGRAPH);
}

/* ---- pass 2: sections -------------------------------------------------------------------- */

typedef struct builder {
    el_doc *doc;
    int counts[EL_SEC_OTHER + 1];
    el_section *cur;
    bool have_concl; /* an explicit conclusion exists somewhere */
} builder;

static el_section *open_section(builder *bd, enum el_section_kind kind, el_span title, size_t line)
{
    el_doc *doc = bd->doc;
    el_section *s = EL_VEC_PUSH(doc->sections);
    memset(s, 0, sizeof *s);
    s->kind = kind;
    s->index = ++bd->counts[kind];
    s->title = title;
    s->line = s->end_line = line;
    s->para0 = doc->paras.n;
    s->note0 = doc->notes.n;
    bd->cur = s;
    return s;
}

static void add_para(builder *bd, const ev *e)
{
    el_doc *doc = bd->doc;
    el_para *p = EL_VEC_PUSH(doc->paras);
    p->txt = e->txt;
    p->line = e->line;
    p->chars = p->hanzi = 0;
    el_text_count(doc->plain.v + e->txt.off, e->txt.len, &p->chars, &p->hanzi);
    bd->cur->npara++;
    if (e->line > bd->cur->end_line)
        bd->cur->end_line = e->line;
}

static void add_note(builder *bd, const ev *e)
{
    el_doc *doc = bd->doc;
    if (bd->cur == NULL)
        open_section(bd, EL_SEC_OTHER, (el_span){0, 0}, e->line);
    el_note *nt = EL_VEC_PUSH(doc->notes);
    nt->label = e->label;
    nt->txt = e->txt;
    nt->line = e->line;
    bd->cur->nnote++;
    if (e->line > bd->cur->end_line)
        bd->cur->end_line = e->line;
}

/* The topic sentence of a paragraph: its first sentence after the marker, without the stop. */
static el_span topic_sentence(const el_doc *doc, const ev *e)
{
    const char *s = doc->plain.v + e->txt.off + e->mlen;
    size_t n = e->txt.len - e->mlen;
    size_t end = el_text_sentence_end(s, n);
    /* Cut at a semicolon or a colon that opens the evidence. */
    for (size_t i = 0; i < end; i++) {
        if (i + 3 <= end && (memcmp(s + i, "；", 3) == 0 || memcmp(s + i, "：", 3) == 0) &&
            el_text_ncp(s, i) >= 6) {
            end = i;
            break;
        }
    }
    el_span sp = {e->txt.off + e->mlen, end};
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

static bool starts_with(const el_doc *doc, const ev *e, const char *const *words)
{
    return el_text_prefix(doc->plain.v + e->txt.off + e->mlen, e->txt.len - e->mlen, words) > 0;
}

/* Emit paragraphs and notes of evs[a..b) into the current section. */
static void emit_range(builder *bd, const ev *evs, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++) {
        if (evs[i].type == EV_PARA)
            add_para(bd, &evs[i]);
        else if (evs[i].type == EV_NOTE)
            add_note(bd, &evs[i]);
    }
}

/* Indexes of the paragraph events in evs[a..b). */
static size_t para_list(const ev *evs, size_t a, size_t b, size_t *out)
{
    size_t n = 0;
    for (size_t i = a; i < b; i++)
        if (evs[i].type == EV_PARA)
            out[n++] = i;
    return n;
}

/*
 * Split the unlabelled run evs[a..b) into sections. want_intro / want_concl say whether
 * this run is where the intro / conclusion must come from.
 */
static void infer_run(builder *bd, const ev *evs, size_t a, size_t b, bool want_intro,
                      bool want_concl)
{
    el_doc *doc = bd->doc;
    size_t *pi = xmalloc((b - a + 1) * sizeof *pi);
    size_t np = para_list(evs, a, b, pi);
    if (np == 0) {
        emit_range(bd, evs, a, b);
        free(pi);
        return;
    }
    /* role per paragraph: 0 intro, 1 new argument, 2 continue, 3 conclusion */
    unsigned char *role = xcalloc(np, 1);
    size_t marked = 0, first_marked = np, last_marked = 0;
    for (size_t i = 0; i < np; i++)
        if (evs[pi[i]].num > 0) {
            marked++;
            if (first_marked == np)
                first_marked = i;
            last_marked = i;
        }
    size_t concl_from = np;
    if (want_concl && np >= 2) {
        /* a closing cue in the last two paragraphs, else the last paragraph */
        for (size_t i = np >= 3 ? np - 2 : np - 1; i < np; i++)
            if (starts_with(doc, &evs[pi[i]], closing_words) && evs[pi[i]].num == 0) {
                concl_from = i;
                break;
            }
        if (concl_from == np) {
            if (marked >= 2)
                concl_from = last_marked + 1 < np ? np - 1 : np;
            else if (want_intro ? np >= 2 : np >= 2)
                concl_from = np - 1;
        }
    }
    size_t intro_to = 0; /* paragraphs [0, intro_to) are the intro */
    if (want_intro) {
        if (marked >= 2)
            intro_to = first_marked;
        else {
            intro_to = 1;
            const ev *p0 = &evs[pi[0]];
            /* a short hook paragraph, or one ending with a colon, leads into the next */
            const char *s = doc->plain.v + p0->txt.off;
            size_t ncp = el_text_ncp(s, p0->txt.len);
            bool colon = p0->txt.len >= 3 && memcmp(s + p0->txt.len - 3, "：", 3) == 0;
            if ((ncp < 25 || colon) && concl_from > 2 && np >= 4)
                intro_to = 2;
        }
        if (intro_to > concl_from)
            intro_to = concl_from;
    }
    for (size_t i = 0; i < np; i++) {
        if (i < intro_to)
            role[i] = 0;
        else if (i >= concl_from)
            role[i] = 3;
        else if (marked >= 2)
            role[i] = evs[pi[i]].num > 0 || i == intro_to ? 1 : 2;
        else
            role[i] = i == intro_to || !starts_with(doc, &evs[pi[i]], continue_words) ? 1 : 2;
    }
    /* Walk events, opening sections at paragraph boundaries; notes follow their paragraph. */
    size_t k = 0;
    for (size_t i = a; i < b; i++) {
        if (evs[i].type == EV_NOTE) {
            add_note(bd, &evs[i]);
            continue;
        }
        if (evs[i].type != EV_PARA)
            continue;
        switch (role[k]) {
        case 0:
            if (bd->cur == NULL || bd->cur->kind != EL_SEC_INTRO)
                open_section(bd, EL_SEC_INTRO, (el_span){0, 0}, evs[i].line);
            break;
        case 1:
            open_section(bd, EL_SEC_ARGUMENT, topic_sentence(doc, &evs[i]), evs[i].line);
            break;
        case 2:
            if (bd->cur == NULL)
                open_section(bd, EL_SEC_ARGUMENT, topic_sentence(doc, &evs[i]), evs[i].line);
            break;
        default:
            if (bd->cur == NULL || bd->cur->kind != EL_SEC_CONCLUSION)
                open_section(bd, EL_SEC_CONCLUSION, (el_span){0, 0}, evs[i].line);
            break;
        }
        add_para(bd, &evs[i]);
        k++;
    }
    free(role);
    free(pi);
}

static void build_sections(el_doc *doc, ev_vec *evs)
{
    builder bd = {.doc = doc};
    const ev *v = evs->v;
    size_t n = evs->n;
    bool any_zone = false, any_arg = false;
    for (size_t i = 0; i < n; i++) {
        if (v[i].type != EV_ZONE)
            continue;
        any_zone = true;
        bd.have_concl |= v[i].zone == Z_CONCL;
        any_arg |= v[i].zone == Z_ARG || v[i].zone == Z_ARGS;
    }
    if (!any_zone) {
        infer_run(&bd, v, 0, n, true, true);
        return;
    }
    /* zone boundaries */
    size_t i = 0;
    /* leading run before the first zone */
    size_t z = 0;
    while (z < n && v[z].type != EV_ZONE)
        z++;
    if (z > 0) {
        bool first_is_intro = v[z].zone == Z_INTRO;
        if (first_is_intro || any_arg)
            infer_run(&bd, v, 0, z, true, false); /* all intro */
        else
            infer_run(&bd, v, 0, z, true, !bd.have_concl);
    }
    i = z;
    size_t last_arg_zone = n, max_arg_paras = 0;
    for (size_t j = 0; j < n; j++)
        if (v[j].type == EV_ZONE && (v[j].zone == Z_ARG || v[j].zone == Z_ARGS))
            last_arg_zone = j;
    /* Paragraphs in the fullest argument other than the last one. */
    for (size_t j = 0; j < last_arg_zone && j < n; j++) {
        if (v[j].type != EV_ZONE || v[j].zone != Z_ARG)
            continue;
        size_t np = 0;
        for (size_t k = j + 1; k < n && v[k].type != EV_ZONE; k++)
            np += v[k].type == EV_PARA;
        if (np > max_arg_paras)
            max_arg_paras = np;
    }
    while (i < n) {
        const ev *zv = &v[i];
        size_t end = i + 1;
        while (end < n && v[end].type != EV_ZONE)
            end++;
        bool later_concl = false;
        for (size_t j = end; j < n; j++)
            later_concl |= v[j].type == EV_ZONE && v[j].zone == Z_CONCL;
        switch (zv->zone) {
        case Z_INTRO:
            open_section(&bd, EL_SEC_INTRO, zv->label, zv->line);
            emit_range(&bd, v, i + 1, end);
            break;
        case Z_CONCL:
            open_section(&bd, EL_SEC_CONCLUSION, zv->label, zv->line);
            emit_range(&bd, v, i + 1, end);
            break;
        case Z_SUMMARY:
            open_section(&bd, EL_SEC_SUMMARY, zv->label, zv->line);
            emit_range(&bd, v, i + 1, end);
            break;
        case Z_ARG: {
            el_span title = zv->txt;
            size_t first_para = end;
            for (size_t j = i + 1; j < end; j++)
                if (v[j].type == EV_PARA) {
                    first_para = j;
                    break;
                }
            if (title.len == 0 && first_para < end)
                title = topic_sentence(doc, &v[first_para]);
            open_section(&bd, EL_SEC_ARGUMENT, title, zv->line);
            /* The last argument may end with the unlabelled conclusion: a paragraph that
             * opens with a closing cue or a quotation, or one more paragraph than any other
             * argument has. */
            size_t split = end;
            if (i == last_arg_zone && !later_concl && !bd.have_concl) {
                size_t last = end, np = 0;
                for (size_t j = i + 1; j < end; j++)
                    if (v[j].type == EV_PARA) {
                        np++;
                        last = j;
                    }
                bool cue = np >= 2 && (starts_with(doc, &v[last], closing_words) ||
                                       starts_with(doc, &v[last], open_quotes));
                if (np >= 2 && (cue || np > max_arg_paras))
                    split = last;
            }
            emit_range(&bd, v, i + 1, split);
            if (split < end) {
                open_section(&bd, EL_SEC_CONCLUSION, (el_span){0, 0}, v[split].line);
                emit_range(&bd, v, split, end);
            }
            break;
        }
        case Z_ARGS: {
            bd.cur = NULL;
            bool concl_here = i == last_arg_zone && !later_concl && !bd.have_concl;
            infer_run(&bd, v, i + 1, end, false, concl_here);
            break;
        }
        default:
            open_section(&bd, EL_SEC_OTHER, zv->label, zv->line);
            emit_range(&bd, v, i + 1, end);
            break;
        }
        i = end;
    }
}

static void count(el_doc *doc)
{
    el_counts *c = &doc->counts;
    memset(c, 0, sizeof *c);
    if (doc->title.len)
        el_text_count(doc->plain.v + doc->title.off, doc->title.len, &c->chars, &c->hanzi);
    for (size_t i = 0; i < doc->paras.n; i++) {
        const el_para *p = &doc->paras.v[i];
        c->chars += p->chars; /* counted once, when the paragraph was added */
        c->hanzi += p->hanzi;
        c->sentences += el_text_sentences(doc->plain.v + p->txt.off, p->txt.len);
    }
    c->paragraphs = doc->paras.n;
}

void el_section_build(el_doc *doc)
{
    pass1 p = {.doc = doc};
    for (size_t i = 0; i < doc->blocks.n; i++)
        one_block(&p, &doc->blocks.v[i]);
    build_sections(doc, &p.evs);
    free(p.evs.v);
    count(doc);
}

const char *el_section_kind_name(enum el_section_kind kind)
{
    static const char *const names[] = {"intro", "argument", "conclusion", "summary", "other"};
    return kind <= EL_SEC_OTHER ? names[kind] : "other";
}

const char *el_section_role_name(enum el_role role)
{
    static const char *const names[] = {"-", "title", "theme", "label", "paragraph", "note"};
    return role <= EL_ROLE_NOTE ? names[role] : "-";
}
