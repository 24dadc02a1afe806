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
/* A note item (1. 案例引入：…) is a remark: a longer numbered line is an essay paragraph. */
#define EL_NOTE_ITEM_MAX 120
/* Paragraphs of unmarked lead-in a later 【范文】 marker can still turn back into noise. */
#define EL_LEADIN_PARAS_MAX 3
/* The first line under a bare note label is its note unless it is this long and prose. */
#define EL_NOTE_PROSE_MAX 150

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
/* Theme words that name the essay's own thesis statement, not a note about it. */
static const char *const thesis_words[] = {"总论点", "中心论点", NULL};
static const char *const noise_words[] = {
    "题目",     "背景材料", "材料",     "给定资料",   "作答要求", "要求",     "题干",
    "试题",     "真题",     "原题",     "资料",       "背景",     "题目要求", "写作要求",
    "作文要求", "答题要求", "申论要求", "题目及要求", NULL};
static const char *const material_words[] = {"材料", "资料", "背景", NULL};
/* A first line with these is a header over the essay (2024年省考申论大作文范文（附写作思路）). */
static const char *const leadin_words[] = {"范文",     "大作文",   "省考", "国考", "真题",
                                           "写作思路", "高分作文", "（附", "(附",  NULL};
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

/* Bullets that open a plain-text note item (· 案例典型). */
static const char *const bullets[] = {"·", "•", "●", "○", "▪", "◆",  "◇", "■",
                                      "□", "►", "▶", "★", "☆", "・", "‧", NULL};

static const char *const open_quotes[] = {"“", "「", "\"", NULL};

/* Value of the Chinese digit 〇 一 .. 九 十 (10) in the three bytes at u, -1 if none. */
static int cn_digit(const unsigned char *u)
{
    /* a lead byte and two continuation bytes: then the code point says which bytes they are */
    if ((u[0] & 0xF0) != 0xE0 || ((u[1] ^ 0x80) | (u[2] ^ 0x80)) >= 0x40)
        return -1;
    switch ((u[0] & 0x0Fu) << 12 | (u[1] & 0x3Fu) << 6 | (u[2] & 0x3Fu)) {
    case U'〇':
        return 0;
    case U'一':
        return 1;
    case U'二':
        return 2;
    case U'三':
        return 3;
    case U'四':
        return 4;
    case U'五':
        return 5;
    case U'六':
        return 6;
    case U'七':
        return 7;
    case U'八':
        return 8;
    case U'九':
        return 9;
    case U'十':
        return 10;
    default:
        return -1;
    }
}

/* Value of a Chinese numeral (一 .. 九十九) at s[0..n); *len gets its bytes; 0 if none. */
static int cn_number(const char *s, size_t n, size_t *len)
{
    int val = 0, cur = 0;
    size_t i = 0;
    bool any = false;
    while (i + 3 <= n) {
        int d = cn_digit((const unsigned char *)s + i);
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

/* Kept out of line: the test nearly every line fails then needs no stack frame. */
#if defined(__GNUC__)
#define SECTION_COLD __attribute__((noinline))
#else
#define SECTION_COLD
#endif

/* el_section_arg_marker for s[0..n) starting with c0, a character marker_start allows. */
SECTION_COLD static size_t arg_marker(const char *s, size_t n, uint32_t c0, int *num)
{
    size_t i = 0, k;
    int v;
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

size_t el_section_arg_marker(const char *s, size_t n, int *num)
{
    size_t k;
    *num = 0;
    if (n == 0)
        return 0;
    /* Each form is tried only where its first character is written. */
    uint32_t c0 = el_text_cp(s, n, 0, &k);
    return marker_start(c0) ? arg_marker(s, n, c0, num) : 0;
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
    /* Nearly every span is a block's text, trimmed already: when its first byte can start
       neither whitespace (el_blocks_lead_ws) nor a mark, and its last byte can end neither
       (el_blocks_trim_end), there is nothing to take. */
    if (sp.len > 0) {
        unsigned char a = (unsigned char)s[sp.off], z = (unsigned char)s[sp.off + sp.len - 1];
        bool lead = a == ' ' || a == '\t' || a == 0xE3 || a == 0xC2 || a == 0xEF || a == '*' ||
                    a == '_' || a == '#';
        bool trail = z == ' ' || z == '\t' || z == '\f' || z == '\v' || z == 0x80 || z == 0xA0 ||
                     z == '*' || z == '_';
        if (!lead && !trail)
            return sp;
    }
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

/* sp without its final stops (。！？； . ! ?): a title is no sentence of the text. Closing
   quotes stay (让好家风成为修身的“第一课堂”。 is titled …“第一课堂”). */
static el_span drop_final_stop(const el_doc *doc, el_span sp)
{
    const char *t = doc->plain.v + sp.off;
    while (sp.len >= 3 &&
           (memcmp(t + sp.len - 3, "。", 3) == 0 || memcmp(t + sp.len - 3, "！", 3) == 0 ||
            memcmp(t + sp.len - 3, "？", 3) == 0 || memcmp(t + sp.len - 3, "；", 3) == 0))
        sp.len -= 3;
    while (sp.len && (t[sp.len - 1] == '.' || t[sp.len - 1] == '!' || t[sp.len - 1] == '?'))
        sp.len--;
    return sp;
}

/*
 * The first sentence of sp without its final stop: a topic sentence, or the title of an
 * inline argument label (论点1：立足资源禀赋，念好“山海经”。贵州省…). It ends at the first
 * 。！？ or at a semicolon or colon that opens the evidence after at least six code points.
 */
static el_span first_sentence(const el_doc *doc, el_span sp)
{
    const char *s = doc->plain.v + sp.off;
    size_t n = sp.len;
    size_t end = el_text_sentence_end(s, n);
    /* Cut at a semicolon or a colon that opens the evidence (both lead with EF, as few other
       characters do: memchr finds the candidates). */
    for (const char *p = s; (p = memchr(p, '\xEF', (size_t)(s + end - p))) != NULL; p++) {
        size_t i = (size_t)(p - s);
        if (i + 3 <= end && (memcmp(p, "；", 3) == 0 || memcmp(p, "：", 3) == 0) &&
            el_text_ncp(s, i) >= 6) {
            end = i;
            break;
        }
    }
    sp.len = end;
    return drop_final_stop(doc, sp);
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

/* Strip one enclosing 【…】 pair; returns true if the whole text was bracketed. */
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
    el_span body; /* inline argument label: the paragraph after the marker, title included */
    int num;      /* argument number */
    el_span label; /* the label alone, when text follows it on the line (【开头】…); len 0: all */
    bool thesis; /* L_INTRO from 【总论点】text: body states the essay's thesis */
} label_info;

/* True if s[0..n) has a letter, digit or Han character (more than punctuation and space). */
static bool has_words(const char *s, size_t n)
{
    size_t k;
    for (size_t i = 0; i < n; i += k) {
        uint32_t c = el_text_cp(s, n, i, &k);
        if (el_text_is_han(c) || (c < 0x80 && ((c | 0x20) - 'a' < 26u || c - '0' < 10u)))
            return true;
    }
    return false;
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

/* True if s[0..n) opens more quotations than it closes (a stop inside it is quoted). */
static bool open_quote(const char *s, size_t n)
{
    int depth = 0;
    for (size_t i = 0; i + 3 <= n; i++) {
        if (memcmp(s + i, "“", 3) == 0 || memcmp(s + i, "「", 3) == 0)
            depth++;
        else if (memcmp(s + i, "”", 3) == 0 || memcmp(s + i, "」", 3) == 0)
            depth--;
    }
    return depth > 0;
}

/*
 * The first ':' or '：' in s[0..n), NULL if none; *clen gets its length. Most spans are whole
 * paragraphs with no colon: memchr finds the ASCII one, and only the lead bytes EF of
 * full-width punctuation before it are looked at for the other.
 */
static const char *first_colon(const char *s, size_t n, size_t *clen)
{
    const char *ascii = memchr(s, ':', n);
    size_t lim = ascii ? (size_t)(ascii - s) : n; /* '：' holds no ':' byte: it ends before */
    for (const char *p = s; (p = memchr(p, '\xEF', lim - (size_t)(p - s))) != NULL; p++) {
        if ((size_t)(p - s) + 3 <= n && memcmp(p, "：", 3) == 0) {
            *clen = 3;
            return p;
        }
    }
    if (ascii)
        *clen = 1;
    return ascii;
}

/* Whether s[0..n) holds at most max code points: a paragraph is counted no further than the
 * first chunk that shows it is longer. */
static bool ncp_at_most(const char *s, size_t n, size_t max)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i += 64) {
        count += el_text_ncp(s + i, n - i < 64 ? n - i : 64);
        if (count > max)
            return false;
    }
    return true;
}

/*
 * Whether s[0..n) may start with a word of the lists a label is recognised by outside
 * brackets (title, theme, note, intro, conclusion, summary, group words; 正文 原文 范文正文): its
 * first character starts one of them. Nearly every line is a paragraph, which this one test
 * passes over before its colon is looked for and its head compared with each list.
 */
static bool label_start(const char *s, size_t n)
{
    size_t k;
    if (n == 0)
        return false;
    switch (el_text_cp(s, n, 0, &k)) {
    case U'标':
    case U'题':
    case U'文':
    case U'拟':
    case U'参':
    case U'主':
    case U'中':
    case U'总':
    case U'立':
    case U'写':
    case U'点':
    case U'评':
    case U'解':
    case U'名':
    case U'范':
    case U'亮':
    case U'简':
    case U'批':
    case U'老':
    case U'思':
    case U'段':
    case U'本':
    case U'分':
    case U'旁':
    case U'开':
    case U'引':
    case U'导':
    case U'首':
    case U'提':
    case U'结':
    case U'收':
    case U'尾':
    case U'全':
    case U'整':
    case U'逻':
    case U'综':
    case U'论':
    case U'正':
    case U'原':
        return true;
    default:
        return false;
    }
}

/*
 * What one_block asks of a line more than once, found out once: its argument marker, and
 * (only for a line that may be a note, -1 until asked) whether it starts a list item and is
 * a number alone.
 */
typedef struct line_facts {
    size_t mk;               /* el_section_arg_marker of the line, 0 if none */
    int mnum;                /* its number */
    signed char start, only; /* el_blocks_item_start, number_only; -1 not asked yet */
} line_facts;

static bool fact_start(line_facts *f, const char *s, size_t n)
{
    if (f->start < 0)
        f->start = el_blocks_item_start(s, n);
    return f->start;
}

static bool fact_only(line_facts *f, const char *s, size_t n)
{
    if (f->only < 0)
        f->only = number_only(s, n);
    return f->only;
}

/*
 * An argument label with text after it on its line, li->rest (论点1：立足资源禀赋，念好“山海
 * 经”。贵州省…, 【分论点一】…): when a paragraph follows the first sentence, the label opens that
 * paragraph, li->body all of the text, and the title is the first sentence.
 */
static void split_inline_arg(const el_doc *doc, label_info *li)
{
    if (!li->rest.len)
        return;
    el_span t = first_sentence(doc, li->rest);
    const char *tail = doc->plain.v + t.off + t.len;
    size_t tn = li->rest.len - t.len;
    if (has_words(tail, tn) && !open_quote(doc->plain.v + t.off, t.len) &&
        (ends_with_stop(tail, tn) || el_text_ncp(tail, tn) > EL_TITLE_MAX)) {
        li->body = li->rest;
        li->rest = t;
    }
}

/* Recognise a label in span sp (already trimmed); f, if not NULL, holds the facts of sp. */
static label_info classify_line(const el_doc *doc, el_span sp, bool heading, const line_facts *f)
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
            /* 【开头】text, 【结尾】text, 【分论点一】text: a section label opening its paragraph
             */
            if (r.len && has_words(rs, r.len)) {
                int num = 0;
                /* 【总论点】text opens the essay with its thesis: the intro's paragraph under
                   its label, as 【开头】text, and the theme (总论点：text alone on its line is
                   the theme only) */
                bool thesis = el_text_is_one_of(h, core, thesis_words),
                     intro = thesis || el_text_is_one_of(h, core, intro_words),
                     concl = !intro && el_text_is_one_of(h, core, concl_words);
                if (intro || concl) {
                    li.kind = intro ? L_INTRO : L_CONCL;
                    li.thesis = thesis;
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
    if (!bracketed && !label_start(h, hn))
        goto marker; /* no label word starts so: only an argument label may */
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
        li.kind = L_SUMMARY; /* 全文逻辑总结：总—分—总结构…: the summary starts on its line */
        li.rest = rest;
        return li;
    }
    if (colon && rest.len && !heading)
        goto marker; /* "开头：…" with text is a note item or text, not a section label */
    /* the label as the section's title: the line without its brackets and final colon
       (结尾： is 结尾; 总领段(1-2 段) keeps its note) */
    if (el_text_is_one_of(h, core, intro_words)) {
        li.kind = L_INTRO;
        li.label = (el_span){sp.off + a, el_blocks_trim_end(h, headlen)};
        return li;
    }
    if (el_text_is_one_of(h, core, concl_words)) {
        li.kind = L_CONCL;
        li.label = (el_span){sp.off + a, el_blocks_trim_end(h, headlen)};
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
    int num = f ? f->mnum : 0;
    size_t k = f ? f->mk : el_section_arg_marker(s, n, &num);
    if (k > 0 &&
        el_text_prefix(s, n, (const char *const[]){"分论点", "论点", "本论", "观点", NULL})) {
        li.kind = L_ARG;
        li.num = num;
        li.rest = trim_span(doc, (el_span){sp.off + k, n - k});
        if (!heading)
            split_inline_arg(doc, &li);
        return li;
    }
    return li;
}

/* Recognise a label in span sp (already trimmed). */
static label_info classify_label(const el_doc *doc, el_span sp, bool heading)
{
    return classify_line(doc, sp, heading, NULL);
}

/* A line that is one parenthetical aside: （40 分） (本题 40 分) 【…】. */
static bool bracketed_line(const char *s, size_t n)
{
    static const char *const open[] = {"（", "(", "【", "[", NULL};
    static const char *const close[] = {"）", ")", "】", "]", NULL};
    if (!el_text_prefix(s, n, open))
        return false;
    for (const char *const *c = close; *c; c++) {
        size_t k = strlen(*c);
        if (n >= k && memcmp(s + n - k, *c, k) == 0)
            return true;
    }
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
    size_t end_line; /* paragraph / note: its last line (a hard-wrapped one spans several) */
    int num;         /* paragraph: argument-marker number (0 none); zone: argument number */
    size_t mlen;     /* paragraph: marker length */
    bool heading;    /* zone came from a label/heading line */
} ev;

typedef EL_VEC(ev) ev_vec;

static void set_role(el_doc *doc, const el_block *b, enum el_role role)
{
    for (size_t ln = b->line; ln <= b->end_line && ln <= doc->lines.n; ln++)
        if (doc->roles[ln - 1] == EL_ROLE_NONE || role != EL_ROLE_LABEL)
            doc->roles[ln - 1] = (unsigned char)role;
}

/* The label of line sp whose text after it starts at rest: sp up to rest, without the colon
   (and spaces) between them. */
static el_span label_before(const el_doc *doc, el_span sp, el_span rest)
{
    el_span l = {sp.off, rest.off - sp.off};
    size_t j;
    while (l.len > 0) {
        uint32_t c = el_text_prev_cp(doc->plain.v + l.off, l.len, &j);
        if (c != 0xFF1A && c != ':' && !el_text_is_space(c))
            break;
        l.len = j;
    }
    return l;
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
static void push_note(el_doc *doc, ev_vec *evs, el_span sp, size_t line, size_t end_line)
{
    const char *s = doc->plain.v + sp.off;
    size_t k = note_number(s, sp.len);
    if (k == 0 && sp.len >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ')
        k = skip_ws(s, sp.len, 1); /* a plain-text "- item" */
    if (k == 0)
        k = skip_ws(s, sp.len, el_text_prefix(s, sp.len, bullets));
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
            /* ：is EF BC 9A, ， EF BC 8C, 。 E3 80 82: only those two lead bytes need a look */
            unsigned char c = (unsigned char)s[i];
            size_t cl = c == ':' ? 1 : 0;
            if (c == 0xEF || c == 0xE3) {
                if (i + 3 > sp.len)
                    continue;
                if (memcmp(s + i, "：", 3) == 0)
                    cl = 3;
                else if (memcmp(s + i, "。", 3) == 0 || memcmp(s + i, "，", 3) == 0)
                    break;
            }
            if (cl == 0)
                continue;
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
    e->end_line = end_line > line ? end_line : line;
}

/*
 * What a line after a note label is.
 * NM_LABEL: after a bare label line (写作分析, 点评：): the lines under it are its items, until a
 *   structural line, a line out of the run's form (prose after numbered items), or an essay
 *   paragraph.
 * NM_ITEMS: after a label with its text on the same line (点评：本段…, 【亮点】…): that text
 *   is one note; only lines that are items themselves (1. / ① / · / 【不足】… / 不足：…) follow it.
 * NM_QUOTE: inside a blockquote note: the rest of the blockquote.
 * NM_SUMMARY: under a whole-essay summary (全文逻辑总结): everything up to the next label.
 */
enum note_mode { NM_NONE, NM_LABEL, NM_ITEMS, NM_QUOTE, NM_SUMMARY };

/* Lead-in noise: a prompt (【题目】 and its lines) or material (【背景材料】 and its text). */
enum noise { NOISE_NONE, NOISE_PROMPT, NOISE_MATERIAL };

typedef struct pass1 {
    el_doc *doc;
    ev_vec evs;
    bool seen_title, seen_text, title_guessed;
    enum noise noise;    /* inside lead-in noise: which kind */
    bool noise_indented; /* a noise line was indented */
    bool mark;           /* lead-in noise ended at mark_block, evs had mark_ev events */
    size_t mark_ev, mark_block;
    size_t guessed_block;
    enum note_mode notes;
    bool notes_indented;     /* a note line of this run was indented */
    size_t run_notes;        /* notes taken in this run */
    bool run_items;          /* the run's lines are items (numbered, bulleted, label：) */
    bool last_numbered;      /* the run's last note line was numbered (1. ① （1）) */
    size_t pending_num_line; /* line of a number-only note line waiting for its text */
    bool unnumbered_heads;   /* the draft heads its arguments with **bold** lines or plain heading
                          lines   without numbers (unnumbered_head) */
} pass1;

/* Shortest whole-bold line taken for a heading (结语, 写作分析 are labels). */
#define EL_BOLD_HEAD_MIN 6

/*
 * Whether block b is a short whole-bold paragraph without a final stop over a paragraph
 * that is not: a Markdown draft heading its arguments with **…** lines instead of ##.
 */
static bool bold_head(const el_doc *doc, const el_block *b)
{
    if (b->type != EL_BLOCK_PARA || b->bold_len == 0 || b->bold_len < b->txt.len ||
        (b->flags & (EL_BF_QUOTE | EL_BF_LIST)) || b + 1 >= doc->blocks.v + doc->blocks.n)
        return false;
    const el_block *next = b + 1;
    if (next->type != EL_BLOCK_PARA || next->bold_len >= next->txt.len)
        return false;
    el_span sp = trim_span(doc, b->txt);
    const char *s = doc->plain.v + sp.off;
    size_t ncp = el_text_ncp(s, sp.len);
    return ncp >= EL_BOLD_HEAD_MIN && ncp <= EL_TITLE_MAX && !ends_with_stop(s, sp.len);
}

/*
 * Whether block b of a plain-text draft is a heading line written without a number: one short
 * line without a stop, right over the first line of a paragraph at least twice as long (no
 * blank line between), as a draft copied from a page that set its headings in bold or
 * larger type has them (强化党建引领把稳治理方向 over its paragraph).
 */
static bool plain_head(const el_doc *doc, const el_block *b)
{
    if (b->type != EL_BLOCK_PARA || b->line != b->end_line ||
        (b->flags & (EL_BF_QUOTE | EL_BF_LIST)) || b + 1 >= doc->blocks.v + doc->blocks.n)
        return false;
    const el_block *next = b + 1;
    if (next->type != EL_BLOCK_PARA || next->line != b->end_line + 1)
        return false;
    el_span sp = trim_span(doc, b->txt), nx = trim_span(doc, next->txt);
    const char *s = doc->plain.v + sp.off;
    size_t ncp = el_text_ncp(s, sp.len);
    if (ncp < EL_BOLD_HEAD_MIN || ncp > EL_TITLE_MAX || ends_with_stop(s, sp.len) ||
        el_text_ncp(doc->plain.v + nx.off, nx.len) < 2 * ncp)
        return false;
    /* a bullet opens an item (· 对策具体), not a heading */
    if (el_text_prefix(s, sp.len, bullets) || s[0] == '-' || s[0] == '*')
        return false;
    /* a heading is one phrase: a stop inside is a sentence cut short (a stray wrapped line) */
    static const char *const stops[] = {"。", "！", "？", "；"};
    for (size_t i = 0; i < sizeof stops / sizeof stops[0]; i++)
        if (memmem(s, sp.len, stops[i], 3))
            return false;
    return true;
}

/* The heading lines without numbers of the draft's form: bold_head's in Markdown, plain_head's
   in plain text. */
static bool unnumbered_head(const el_doc *doc, const el_block *b)
{
    return doc->format == EL_INPUT_MARKDOWN ? bold_head(doc, b) : plain_head(doc, b);
}

/*
 * A 【范文】 / 【背景材料】 marker after the text that followed lead-in noise: that text was
 * lead-in too (a prompt's quoted statement, unmarked material). Turn the blocks since the mark
 * into labels and forget what they made, unless they held section labels (then the essay did
 * start there and the marker is a stray). Returns true if it rolled back.
 */
static bool rollback(pass1 *p, const el_block *b)
{
    el_doc *doc = p->doc;
    size_t paras = 0;
    for (size_t i = p->mark_ev; i < p->evs.n; i++) {
        if (p->evs.v[i].type == EV_ZONE)
            return false;
        paras += p->evs.v[i].type == EV_PARA;
    }
    if (paras > EL_LEADIN_PARAS_MAX)
        return false; /* an essay, not a prompt: the marker is a stray */
    size_t line0 = doc->blocks.v[p->mark_block].line;
    for (const el_block *x = &doc->blocks.v[p->mark_block]; x < b; x++)
        for (size_t ln = x->line; ln <= x->end_line && ln <= doc->lines.n; ln++)
            if (doc->roles[ln - 1] != EL_ROLE_NONE)
                doc->roles[ln - 1] = EL_ROLE_LABEL;
    p->evs.n = p->mark_ev;
    if (doc->title_line >= line0) {
        doc->title = (el_span){0, 0};
        doc->title_line = 0;
        p->seen_title = p->title_guessed = false;
    }
    if (doc->theme_line >= line0) {
        doc->theme = (el_span){0, 0};
        doc->theme_line = 0;
    }
    p->seen_text = false;
    for (size_t i = 0; i < p->evs.n; i++)
        p->seen_text = p->seen_text || p->evs.v[i].type == EV_PARA;
    p->notes = NM_NONE;
    p->pending_num_line = 0;
    p->mark = false;
    return true;
}

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

/* Does s[0..n) open with a note number (1. 1、 （1） ①), or is it one alone? */
static bool numbered_line(const char *s, size_t n)
{
    return note_number(s, n) > 0 || number_only(s, n);
}

/* Is the block an item of a note run (a numbered, bulleted, 【label】 or `label：` line)? */
static bool item_line(const el_block *b, const char *s, size_t n, line_facts *f)
{
    return fact_start(f, s, n) || (b->flags & EL_BF_LIST) || fact_only(f, s, n);
}

/*
 * Does the (non-structural) block continue the note run p is in? See enum note_mode. A note
 * item is a remark of a sentence or two; an essay paragraph is longer, so a long line or a
 * prose paragraph of several sentences after the first note ends the run, and so does every
 * argument marker (二、 （一） 首先 一是 …) but a note's own numbering.
 */
static bool note_line(const pass1 *p, const el_block *b, const char *s, size_t n, line_facts *f)
{
    const el_doc *doc = p->doc;
    if (p->notes == NM_QUOTE)
        return true;
    size_t ncp = el_text_ncp(s, n);
    /* In a plain draft whose notes are flush left, an indented paragraph (not an item) is the
     * essay again. Whether the line is an item takes a look at its start: it is asked only
     * where the answer counts (a long paragraph after an inline note does not need it). */
    bool indent = (b->flags & EL_BF_INDENT) && !p->notes_indented && doc->format == EL_INPUT_TEXT &&
                  !p->pending_num_line;
    if (p->notes == NM_SUMMARY)
        return !(indent && ncp > 60 && !item_line(b, s, n, f)) &&
               !(ncp > EL_NOTE_PROSE_MAX && ends_with_stop(s, n) && !item_line(b, s, n, f));
    if (f->mk > 0 && !fact_start(f, s, n))
        return false;
    if (p->pending_num_line)
        return true; /* the text of an item whose number stood alone on its line */
    /* A numbered line goes on numbered notes or opens the run; after unnumbered notes it is
     * the essay's own numbering (2. 补齐民生短板…). */
    if (ncp <= EL_NOTE_ITEM_MAX && item_line(b, s, n, f) &&
        (!(note_number(s, n) > 0 || fact_only(f, s, n)) || p->run_notes == 0 || p->last_numbered))
        return true;
    if (p->notes != NM_LABEL)
        return false;
    bool item = item_line(b, s, n, f);
    if (indent && !item && (p->run_notes > 0 || ncp > 60))
        return false;
    if (p->run_notes == 0) /* the label announces at least one note */
        return !(ncp > EL_NOTE_PROSE_MAX && ends_with_stop(s, n));
    if (p->run_items || item)
        return false; /* prose after numbered items, or a long item */
    return !(ends_with_stop(s, n) && (ncp >= 80 || (ncp >= 40 && el_text_sentences(s, n) >= 2)));
}

/* Is the block after b a short line without a sentence stop (a title)? */
static bool title_next(const el_doc *doc, const el_block *b)
{
    if (b + 1 >= doc->blocks.v + doc->blocks.n)
        return false;
    el_span sp = trim_span(doc, b[1].txt);
    const char *s = doc->plain.v + sp.off;
    return sp.len && el_text_ncp(s, sp.len) <= EL_TITLE_MAX && !ends_with_stop(s, sp.len);
}

/* A 正文 paragraph: txt, with an argument marker of mlen bytes numbered num (0: none). */
static void push_para(pass1 *p, const el_block *b, el_span txt, int num, size_t mlen)
{
    ev *e = EL_VEC_PUSH(p->evs);
    memset(e, 0, sizeof *e);
    e->type = EV_PARA;
    e->txt = txt;
    e->line = b->line;
    e->end_line = b->end_line > b->line ? b->end_line : b->line;
    e->num = num;
    e->mlen = mlen;
    p->seen_text = true;
    set_role(p->doc, b, EL_ROLE_PARAGRAPH);
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
    line_facts f = {0, 0, -1, -1};
    f.mk = el_section_arg_marker(s, n, &f.mnum);
    label_info li = classify_line(doc, sp, heading, &f);

    /* Bold lead-in "**写作分析**：…" / "**点评**" */
    if (li.kind == L_NONE && b->bold_len > 0 && b->bold_len < b->txt.len) {
        el_span head = trim_span(doc, (el_span){b->txt.off, b->bold_len});
        label_info hl = classify_label(doc, head, true);
        if (hl.kind == L_NOTES || hl.kind == L_SUMMARY) {
            li.kind = hl.kind;
            el_span r = {b->txt.off + b->bold_len, b->txt.len - b->bold_len};
            r = trim_span(doc, r);
            size_t c = el_text_prefix(doc->plain.v + r.off, r.len, colon_punct);
            li.rest = trim_span(doc, (el_span){r.off + c, r.len - c});
        }
    }

    /* Lead-in noise before the essay starts. */
    if (!p->seen_title && !p->seen_text) {
        size_t ncp = el_text_ncp(s, n);
        if (li.kind == L_NOISE) {
            /* 【背景材料】 runs on over the material; 【题目】 only over the prompt's lines */
            p->noise = el_text_contains_any(s, n, material_words) ? NOISE_MATERIAL : NOISE_PROMPT;
            p->noise_indented = p->noise_indented || (b->flags & EL_BF_INDENT);
            set_role(doc, b, EL_ROLE_LABEL);
            return;
        }
        if (li.kind == L_ESSAY) {
            p->noise = NOISE_NONE;
            set_role(doc, b, EL_ROLE_LABEL);
            return;
        }
        if (li.kind == L_NONE && !heading && ncp <= 80 && el_text_contains_any(s, n, ad_words)) {
            set_role(doc, b, EL_ROLE_LABEL);
            return;
        }
        if (p->noise && li.kind == L_NONE && !heading) {
            /* An indented paragraph after flush-left noise is the essay, begun without a
             * title or a 【范文】 marker; so is prose without prompt words after a prompt. */
            bool indented = (b->flags & EL_BF_INDENT) != 0;
            bool essay = doc->format == EL_INPUT_TEXT && indented && !p->noise_indented &&
                         ncp > EL_TITLE_MAX;
            bool prompt = ncp <= 120 && el_text_contains_any(s, n, prompt_words);
            bool aside = bracketed_line(s, n); /* （40 分） */
            bool material =
                p->noise == NOISE_MATERIAL && (ends_with_stop(s, n) || ncp > EL_TITLE_MAX);
            if (!essay && (prompt || aside || material)) {
                p->noise_indented = p->noise_indented || indented;
                set_role(doc, b, EL_ROLE_LABEL);
                return;
            }
        }
        if (p->noise) {
            /* The essay seems to start here; a 【范文】 marker later would say it did not. */
            p->mark = true;
            p->mark_ev = p->evs.n;
            p->mark_block = (size_t)(b - doc->blocks.v);
        }
        p->noise = NOISE_NONE;
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
    if ((li.kind == L_ESSAY || li.kind == L_NOISE) && p->mark && rollback(p, b)) {
        p->noise = li.kind == L_ESSAY                           ? NOISE_NONE
                   : el_text_contains_any(s, n, material_words) ? NOISE_MATERIAL
                                                                : NOISE_PROMPT;
        set_role(doc, b, EL_ROLE_LABEL);
        return;
    }
    if (li.kind == L_ESSAY || li.kind == L_NOISE) {
        set_role(doc, b, EL_ROLE_LABEL);
        return;
    }

    /* Note headers and note items. */
    if (li.kind == L_NOTES) {
        set_role(doc, b, li.rest.len ? EL_ROLE_NOTE : EL_ROLE_LABEL);
        p->notes = quote ? NM_QUOTE : li.rest.len ? NM_ITEMS : NM_LABEL;
        p->notes_indented = false;
        p->run_notes = li.rest.len ? 1 : 0;
        p->run_items = false;
        p->last_numbered = li.rest.len && numbered_line(doc->plain.v + li.rest.off, li.rest.len);
        p->pending_num_line = 0;
        if (li.rest.len)
            push_note(doc, &p->evs, li.rest, b->line, b->end_line);
        return;
    }
    bool structural = li.kind != L_NONE || heading;
    if (p->notes == NM_QUOTE && !quote)
        p->notes = NM_NONE;
    if (p->notes != NM_NONE && !structural && note_line(p, b, s, n, &f)) {
        bool numbered = note_number(s, n) > 0 || fact_only(&f, s, n) || p->pending_num_line;
        if (doc->roles[b->line - 1] == EL_ROLE_NONE)
            p->notes_indented = p->notes_indented || (b->flags & EL_BF_INDENT);
        set_role(doc, b, EL_ROLE_NOTE);
        if (fact_only(&f, s, n)) {
            p->pending_num_line = b->line;
        } else {
            push_note(doc, &p->evs, sp, p->pending_num_line ? p->pending_num_line : b->line,
                      b->end_line);
            p->pending_num_line = 0;
        }
        p->run_notes++;
        p->run_items = p->run_items || item_line(b, s, n, &f);
        p->last_numbered = numbered;
        return;
    }
    p->notes = NM_NONE;
    p->pending_num_line = 0;

    /* In a draft of **bold** headings, or of heading lines without numbers (two or more), one
       opens an argument. */
    if (p->unnumbered_heads && !heading && !quote && li.kind == L_NONE && p->seen_title &&
        p->seen_text && unnumbered_head(doc, b)) {
        size_t k = f.mk;
        push_zone(&p->evs, Z_ARG, trim_span(doc, (el_span){sp.off + k, n - k}), sp, b->line,
                  f.mnum);
        set_role(doc, b, EL_ROLE_LABEL);
        return;
    }

    /* A fully bold paragraph after the essay has begun is an annotation. */
    if (!heading && b->bold_len && b->bold_len >= b->txt.len && p->seen_title && !quote &&
        li.kind == L_NONE && doc->sections.n + p->evs.n > 0 && el_text_ncp(s, n) > 20) {
        set_role(doc, b, EL_ROLE_NOTE);
        push_note(doc, &p->evs, sp, b->line, b->end_line);
        return;
    }

    el_span none = {sp.off + n, 0};
    switch (li.kind) {
    case L_INTRO:
    case L_CONCL:
        push_zone(&p->evs, li.kind == L_INTRO ? Z_INTRO : Z_CONCL, none,
                  li.label.len ? li.label : sp, b->line, 0);
        if (li.body.len) { /* 【开头】 with its paragraph on the line */
            if (li.thesis && !p->seen_text && doc->theme.len == 0) {
                /* 【总论点】text states the thesis (the contract's theme) and is the intro's
                   text as well: the line keeps its paragraph role */
                doc->theme = li.body;
                doc->theme_line = b->line;
            }
            push_para(p, b, li.body, 0, 0);
            return;
        }
        set_role(doc, b, EL_ROLE_LABEL);
        return;
    case L_SUMMARY:
        /* Everything under a whole-essay summary is annotation, its own line's text too. */
        push_zone(&p->evs, Z_SUMMARY, none, li.rest.len ? label_before(doc, sp, li.rest) : sp,
                  b->line, 0);
        set_role(doc, b, li.rest.len ? EL_ROLE_NOTE : EL_ROLE_LABEL);
        if (li.rest.len)
            push_note(doc, &p->evs, li.rest, b->line, b->end_line);
        p->notes = NM_SUMMARY;
        p->notes_indented = false;
        p->pending_num_line = 0;
        return;
    case L_GROUP:
        push_zone(&p->evs, Z_ARGS, none, sp, b->line, 0);
        set_role(doc, b, EL_ROLE_LABEL);
        return;
    case L_ARG:
        push_zone(&p->evs, Z_ARG, drop_final_stop(doc, li.rest), sp, b->line, li.num);
        if (li.body.len) {
            push_para(p, b, li.body, 0, 0);
            return;
        }
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
        size_t k = f.mk;
        if (!p->seen_title && !p->seen_text && (b->level == 1 || k == 0)) {
            take_title(p, b, sp, false);
            return;
        }
        el_span title = trim_span(doc, (el_span){sp.off + k, n - k});
        push_zone(&p->evs, Z_ARG, title, sp, b->line, f.mnum);
        set_role(doc, b, EL_ROLE_LABEL);
        return;
    }

    /* The first short line without sentence-end punctuation is the title. (The length is
       counted only for the lines that could be one: most are paragraphs past the title.) */
    if (!p->seen_title && !p->seen_text && !quote && ncp_at_most(s, n, EL_TITLE_MAX) &&
        !ends_with_stop(s, n)) {
        if (el_text_contains_any(s, n, leadin_words) ||
            (el_text_contains_any(s, n, (const char *const[]){"申论", NULL}) &&
             title_next(doc, b))) {
            /* a header over the essay (…申论大作文范文（附写作思路）): the title comes next,
               or first the prompt (题目要求：请结合给定资料…), which is lead-in noise */
            set_role(doc, b, EL_ROLE_LABEL);
            if (!p->noise)
                p->noise = NOISE_PROMPT;
            return;
        }
        if (f.mk == 0) {
            take_title(p, b, sp, doc->format == EL_INPUT_TEXT || !(b->flags & EL_BF_BOLD));
            return;
        }
    }

    /* A short numbered line "一、强化…" is an argument heading in plain text. */
    size_t k = f.mk;
    if (k > 0 && k < n && ncp_at_most(s, n, EL_TITLE_MAX) && !ends_with_stop(s, n)) {
        el_span title = trim_span(doc, (el_span){sp.off + k, n - k});
        push_zone(&p->evs, Z_ARG, title, sp, b->line, f.mnum);
        set_role(doc, b, EL_ROLE_LABEL);
        return;
    }

    push_para(p, b, sp, k ? f.mnum : 0, k);
}

/* ---- pass 2: sections -------------------------------------------------------------------- */

typedef struct builder {
    el_doc *doc;
    int counts[EL_SEC_OTHER + 1];
    el_section *cur;
    bool have_concl;     /* an explicit conclusion exists somewhere */
    size_t pending;      /* notes met before any section (on the title): the next one's */
    size_t pending_line; /* the line of the first of them */
    size_t pending_end;  /* the last line of the last of them */
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
    s->note0 = doc->notes.n - bd->pending;
    s->nnote = bd->pending;
    bd->pending = 0;
    bd->cur = s;
    return s;
}

static void add_para(builder *bd, const ev *e)
{
    el_doc *doc = bd->doc;
    el_para *p = EL_VEC_PUSH(doc->paras);
    p->txt = e->txt;
    p->line = e->line;
    p->chars = p->hanzi = p->sentences = 0;
    el_text_count_sentences(doc->plain.v + e->txt.off, e->txt.len, &p->chars, &p->hanzi,
                            &p->sentences);
    bd->cur->npara++;
    if (e->end_line > bd->cur->end_line)
        bd->cur->end_line = e->end_line;
}

/* A note before any section (【写作分析】标题采用…, right under the title) goes with the section
   that opens next: an "other" section holding that note alone told the reader nothing. */
static void add_note(builder *bd, const ev *e)
{
    el_doc *doc = bd->doc;
    el_note *nt = EL_VEC_PUSH(doc->notes);
    nt->label = e->label;
    nt->txt = e->txt;
    nt->line = e->line;
    if (bd->cur == NULL) {
        if (bd->pending++ == 0)
            bd->pending_line = e->line;
        bd->pending_end = e->end_line;
        return;
    }
    bd->cur->nnote++;
    if (e->end_line > bd->cur->end_line)
        bd->cur->end_line = e->end_line;
}

/* The topic sentence of a paragraph: its first sentence after the marker, without the stop. */
static el_span topic_sentence(const el_doc *doc, const ev *e)
{
    return first_sentence(doc, (el_span){e->txt.off + e->mlen, e->txt.len - e->mlen});
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

/* Code points in a paragraph event's text. */
static size_t para_ncp(const el_doc *doc, const ev *e)
{
    return el_text_ncp(doc->plain.v + e->txt.off, e->txt.len);
}

/*
 * Does the last-but-one paragraph open the conclusion with a quotation (“一花独放不是春，百花齐放
 * 春满园。”…)? It must open with a whole quoted sentence, and it and the last paragraph must
 * both be shorter than the arguments before them are on average: an argument paragraph that
 * opens with a quotation goes on with its cases.
 */
static bool closing_quote(const el_doc *doc, const ev *evs, const size_t *pi, size_t np)
{
    const ev *q = &evs[pi[np - 2]];
    const char *s = doc->plain.v + q->txt.off;
    size_t n = q->txt.len, k = el_text_prefix(s, n, open_quotes);
    if (k == 0 || q->num)
        return false;
    /* the quotation is a sentence: a stop right before its closing mark */
    size_t e = el_text_sentence_end(s + k, n - k) + k;
    size_t j = e;
    while (j > k && !el_text_is_sentence_end(el_text_prev_cp(s, j, &j)))
        ;
    bool closed = e >= k + 6 && (memcmp(s + e - 3, "”", 3) == 0 || memcmp(s + e - 3, "」", 3) == 0);
    if (j == k || e - j > 6 || !closed)
        return false;
    size_t sum = 0;
    for (size_t i = 1; i < np - 2; i++)
        sum += para_ncp(doc, &evs[pi[i]]);
    size_t avg = sum / (np - 3);
    return para_ncp(doc, q) < avg && para_ncp(doc, &evs[pi[np - 1]]) < avg;
}

/* A closing call of one short sentence (让我们携手同心……) ends a conclusion begun before it. */
#define EL_CALL_MAX 40

/*
 * Does the conclusion take the last two paragraphs, the last a one-sentence call (让我们
 * 携手……) too short to conclude alone? The one before must be unmarked and well shorter
 * than the arguments are on average (under two thirds), or it is the last argument.
 */
static bool closing_call(const el_doc *doc, const ev *evs, const size_t *pi, size_t np)
{
    const ev *last = &evs[pi[np - 1]], *prev = &evs[pi[np - 2]];
    const char *s = doc->plain.v + last->txt.off;
    size_t n = last->txt.len;
    if (para_ncp(doc, last) > EL_CALL_MAX || el_text_sentence_end(s, n) < n || prev->num)
        return false;
    size_t sum = 0;
    for (size_t i = 1; i < np - 2; i++)
        sum += para_ncp(doc, &evs[pi[i]]);
    return para_ncp(doc, prev) * (np - 3) * 3 < sum * 2; /* under 2/3 of the average */
}

/* Topic sentences longer than this are not compared for a shared frame. */
#define EL_FRAME_SENTENCE_MAX 60
/* Most paragraphs compared for a shared frame. */
#define EL_FRAME_MAX 8

/*
 * Is paragraph 1 a second intro paragraph, the one that states the thesis? True when the topic
 * sentences of paragraphs [2, to) share a frame — three Han characters in a row found in each
 * (健全制度是清廉建设的基础 / 强化监督是清廉建设的关键 / 涵养文化是清廉建设的根本 share 清廉建设)
 * — and the topic sentence of paragraph 1 (清廉是最好的政治生态) has none of them: the parallel
 * arguments start after it. Needs three parallel paragraphs, so a short draft keeps its
 * first argument.
 */
static bool thesis_second(const el_doc *doc, const ev *evs, const size_t *pi, size_t to)
{
    el_span t[EL_FRAME_MAX];
    if (to < 5 || to - 1 > EL_FRAME_MAX)
        return false;
    for (size_t i = 1; i < to; i++) {
        t[i - 1] = topic_sentence(doc, &evs[pi[i]]);
        if (el_text_ncp(doc->plain.v + t[i - 1].off, t[i - 1].len) > EL_FRAME_SENTENCE_MAX)
            return false;
    }
    const char *bs = doc->plain.v + t[1].off;
    size_t bn = t[1].len, k0, k1, k2;
    bool shared = false;
    for (size_t i = 0; i < bn; i += k0) {
        uint32_t c0 = el_text_cp(bs, bn, i, &k0);
        if (i + k0 >= bn)
            break;
        uint32_t c1 = el_text_cp(bs, bn, i + k0, &k1);
        if (i + k0 + k1 >= bn)
            break;
        uint32_t c2 = el_text_cp(bs, bn, i + k0 + k1, &k2);
        if (!el_text_is_han(c0) || !el_text_is_han(c1) || !el_text_is_han(c2))
            continue;
        size_t wl = k0 + k1 + k2;
        bool all = true;
        for (size_t j = 2; j < to - 1 && all; j++)
            all = memmem(doc->plain.v + t[j].off, t[j].len, bs + i, wl) != NULL;
        if (!all)
            continue;
        if (memmem(doc->plain.v + t[0].off, t[0].len, bs + i, wl) != NULL)
            return false; /* paragraph 1 has the frame too: it is the first argument */
        shared = true;
    }
    return shared;
}

/*
 * In a draft of two paragraphs, is the second one a body rather than the conclusion? It does
 * not open with a closing word (checked before) and it is well longer than the opening: a
 * conclusion sums up in about as many words as the opening, a body goes on with its cases.
 */
static bool body_after_intro(const el_doc *doc, const ev *evs, const size_t *pi)
{
    return para_ncp(doc, &evs[pi[1]]) * 2 > para_ncp(doc, &evs[pi[0]]) * 3;
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
    /* role per paragraph: 0 intro, 1 new argument, 2 continue, 3 conclusion (every one is set
       below; malloc, not calloc, which glibc serves without its per-thread cache) */
    unsigned char *role = xmalloc(np);
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
        if (concl_from == np && np >= 5 && (marked < 2 || last_marked < np - 2) &&
            (closing_quote(doc, evs, pi, np) || closing_call(doc, evs, pi, np)))
            concl_from = np - 2;
        if (concl_from == np) {
            if (marked >= 2)
                concl_from = last_marked + 1 < np ? np - 1 : np;
            else if (np > 2 || !want_intro || !body_after_intro(doc, evs, pi))
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
            else if (thesis_second(doc, evs, pi, concl_from))
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

/*
 * Under an intro label (【总论点】…, 开头：) in a draft with no argument label or heading: the
 * first paragraph of evs[a..b) that opens the arguments numbered at its start ((一) 一是 首先
 * 第一，), or b. There must be two numbered paragraphs or more, the first numbered 1 and not the
 * intro's first paragraph: a lone 最后， or 其次， in an intro is prose.
 */
static size_t numbered_run(const ev *evs, size_t a, size_t b)
{
    size_t first = b, marked = 0;
    bool seen = false;
    for (size_t i = a; i < b; i++) {
        if (evs[i].type != EV_PARA)
            continue;
        if (evs[i].num > 0 && seen) {
            if (first == b) {
                if (evs[i].num != 1)
                    return b;
                first = i;
            }
            marked++;
        }
        seen = true;
    }
    return marked >= 2 ? first : b;
}

/*
 * Under an intro label in a draft with no argument label or heading, whether evs[a..b) is the
 * whole essay written on without numbering (【总论点】text, then paragraphs of prose): no
 * paragraph numbered at its start (numbering is numbered_run's, and a lone 其次， in an intro is
 * prose), and paragraphs enough for the intro, two arguments and, unless a conclusion label
 * follows (concl_label), the conclusion. Its sections are then inferred as an unlabelled
 * draft's are; an essay is never all introduction.
 */
static bool unnumbered_body(const ev *evs, size_t a, size_t b, bool concl_label)
{
    size_t np = 0;
    for (size_t i = a; i < b; i++) {
        if (evs[i].type != EV_PARA)
            continue;
        if (evs[i].num > 0)
            return false;
        np++;
    }
    return np >= (concl_label ? 3u : 4u);
}

/* Pass 2: the sections of the zones in evs (inferred when there are none). */
static void build_zones(builder *bd, ev_vec *evs)
{
    el_doc *doc = bd->doc;
    const ev *v = evs->v;
    size_t n = evs->n;
    bool any_zone = false, any_arg = false;
    size_t paras = 0;
    for (size_t i = 0; i < n; i++) {
        paras += v[i].type == EV_PARA;
        if (v[i].type != EV_ZONE)
            continue;
        any_zone = true;
        bd->have_concl |= v[i].zone == Z_CONCL;
        any_arg |= v[i].zone == Z_ARG || v[i].zone == Z_ARGS;
    }
    /* room for the paragraphs at once (an allocation small enough for the allocator's cache) */
    doc->paras.v = xgrow(doc->paras.v, &doc->paras.cap, doc->paras.n + paras, sizeof *doc->paras.v);
    if (!any_zone) {
        infer_run(bd, v, 0, n, true, true);
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
            infer_run(bd, v, 0, z, true, false); /* all intro */
        else
            infer_run(bd, v, 0, z, true, !bd->have_concl);
    }
    i = z;
    size_t last_arg_zone = n, last_concl_zone = n, max_arg_paras = 0;
    for (size_t j = 0; j < n; j++) {
        if (v[j].type == EV_ZONE && (v[j].zone == Z_ARG || v[j].zone == Z_ARGS))
            last_arg_zone = j;
        if (v[j].type == EV_ZONE && v[j].zone == Z_CONCL)
            last_concl_zone = j;
    }
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
        /* (from the index found above: a scan per zone would be quadratic in a long file) */
        bool later_concl = last_concl_zone < n && last_concl_zone >= end;
        switch (zv->zone) {
        case Z_INTRO: {
            size_t split = any_arg ? end : numbered_run(v, i + 1, end);
            open_section(bd, EL_SEC_INTRO, zv->label, zv->line);
            if (!any_arg && split == end && unnumbered_body(v, i + 1, end, bd->have_concl)) {
                /* the intro's paragraphs join the section the label opened */
                infer_run(bd, v, i + 1, end, true, !bd->have_concl);
                break;
            }
            emit_range(bd, v, i + 1, split);
            if (split < end) /* the arguments numbered at paragraph start, then maybe the end */
                infer_run(bd, v, split, end, false, !bd->have_concl);
            break;
        }
        case Z_CONCL:
            open_section(bd, EL_SEC_CONCLUSION, zv->label, zv->line);
            emit_range(bd, v, i + 1, end);
            break;
        case Z_SUMMARY:
            open_section(bd, EL_SEC_SUMMARY, zv->label, zv->line);
            emit_range(bd, v, i + 1, end);
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
            open_section(bd, EL_SEC_ARGUMENT, title, zv->line);
            /* The last argument may end with the unlabelled conclusion: from a later
             * paragraph that opens with a closing cue (总之 … may run on over two paragraphs),
             * or its last paragraph when that opens with a quotation or the argument has one
             * more paragraph than any other. */
            size_t split = end;
            if (i == last_arg_zone && !later_concl && !bd->have_concl) {
                size_t last = end, np = 0, closing = end;
                for (size_t j = i + 1; j < end; j++)
                    if (v[j].type == EV_PARA) {
                        if (np > 0 && closing == end && starts_with(doc, &v[j], closing_words))
                            closing = j;
                        np++;
                        last = j;
                    }
                bool cue = np >= 2 && starts_with(doc, &v[last], open_quotes);
                if (closing < end)
                    split = closing;
                else if (np >= 2 && (cue || np > max_arg_paras))
                    split = last;
            }
            emit_range(bd, v, i + 1, split);
            if (split < end) {
                open_section(bd, EL_SEC_CONCLUSION, (el_span){0, 0}, v[split].line);
                emit_range(bd, v, split, end);
            }
            break;
        }
        case Z_ARGS: {
            bd->cur = NULL;
            bool concl_here = i == last_arg_zone && !later_concl && !bd->have_concl;
            infer_run(bd, v, i + 1, end, false, concl_here);
            break;
        }
        default:
            open_section(bd, EL_SEC_OTHER, zv->label, zv->line);
            emit_range(bd, v, i + 1, end);
            break;
        }
        i = end;
    }
}

/* The sections from the events; notes with no section after them make an "other" one. */
static void build_sections(el_doc *doc, ev_vec *evs)
{
    builder bd = {.doc = doc};
    build_zones(&bd, evs);
    if (bd.pending) {
        el_section *s = open_section(&bd, EL_SEC_OTHER, (el_span){0, 0}, bd.pending_line);
        s->end_line = bd.pending_end;
    }
}

/* The document's counts, from those each paragraph got when it was added. */
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
        c->sentences += p->sentences;
    }
    c->paragraphs = doc->paras.n;
    /* A sub-argument heading is written in the answer grid too (its 分论点一： label is not):
       count the title of an argument that is not the topic sentence of its own paragraph. */
    for (size_t i = 0; i < doc->sections.n; i++) {
        const el_section *s = &doc->sections.v[i];
        if (s->kind != EL_SEC_ARGUMENT || s->title.len == 0)
            continue;
        bool inside = false;
        for (size_t k = s->para0; k < s->para0 + s->npara && k < doc->paras.n && !inside; k++) {
            const el_span t = doc->paras.v[k].txt;
            inside = s->title.off >= t.off && s->title.off < t.off + t.len;
        }
        if (!inside) {
            /* as written: with the full stop the title was taken without (【分论点一】…起来。),
               which then ends a sentence */
            size_t a = s->title.off, z = a + s->title.len, k;
            if (z < doc->plain.n &&
                el_text_is_sentence_end(el_text_cp(doc->plain.v, doc->plain.n, z, &k))) {
                z = el_text_end_tail(doc->plain.v, doc->plain.n, z, &k);
                el_text_count_sentences(doc->plain.v + a, z - a, &c->chars, &c->hanzi,
                                        &c->sentences);
            } else {
                el_text_count(doc->plain.v + a, z - a, &c->chars, &c->hanzi);
            }
        }
    }
}

/* Events of a draft el_section_build keeps on the stack (two for each of up to 63 blocks). */
#define EL_EVS_ON_STACK 128

void el_section_build(el_doc *doc)
{
    pass1 p = {.doc = doc};
    /* At most two events a block (an inline argument label: its zone and its paragraph):
       room for them at once, so the array never grows; on the stack for most drafts (a
       malloc and a free less, of a block too large for the allocator's cache). */
    ev buf[EL_EVS_ON_STACK];
    if (2 * doc->blocks.n + 1 <= EL_EVS_ON_STACK) {
        p.evs.v = buf;
        p.evs.cap = EL_EVS_ON_STACK;
    } else
        p.evs.v = xgrow(NULL, &p.evs.cap, 2 * doc->blocks.n + 1, sizeof *p.evs.v);
    {
        /* (from the second block: the first is the title, whatever is under it) */
        size_t heads = 0;
        for (size_t i = 1; i < doc->blocks.n && heads < 2; i++)
            heads += unnumbered_head(doc, &doc->blocks.v[i]);
        p.unnumbered_heads = heads >= 2;
    }
    for (size_t i = 0; i < doc->blocks.n; i++)
        one_block(&p, &doc->blocks.v[i]);
    build_sections(doc, &p.evs);
    if (p.evs.v != buf)
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
