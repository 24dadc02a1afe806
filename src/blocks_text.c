/* SPDX-License-Identifier: MIT */
/*
 * The plain-text reader: drafts pasted from Word or a PDF, one paragraph per
 * line (often indented with 　　), paragraphs maybe separated by blank lines.
 * When a draft marks paragraphs by indentation, unindented lines that follow a
 * line not ending a sentence are hard wraps and join the paragraph above. When
 * it marks them by blank lines and its lines are cut at a fixed width (a PDF
 * copy), the lines of one blank-line-separated block join the same way. A draft
 * written one sentence per line with blank lines between paragraphs gets its
 * paragraphs from the blank lines too. A line that opens with a mark that goes
 * on with a clause (， ” 的 …) never opens a paragraph, and in a hard-wrapped
 * draft neither does one under a full line that happens to end with 。 or ”.
 * Each line keeps its own mapping to the source, so positions stay exact.
 */
#include "blocks.h"

#include "section.h"
#include "text.h"

#include <stdlib.h>
#include <string.h>

/*
 * A line shorter than this (code points) is never taken for a hard-wrapped line, unless it
 * fills EL_WRAP_MIN_COLS display columns, indentation included, and the line under it is no
 * wider than a cut would leave it: a draft cut at 28 columns has lines of 14 Chinese
 * characters (12 on a paragraph's first line, after its 　　), while a short heading has a
 * long paragraph line under it.
 */
#define EL_WRAP_MIN 16
#define EL_WRAP_MIN_COLS 24

void el_blocks_reserve(el_doc *doc, size_t segs, size_t blocks)
{
    doc->plain.v =
        xgrow(doc->plain.v, &doc->plain.cap, doc->plain.n + doc->len + doc->lines.n + 1, 1);
    doc->segs.v = xgrow(doc->segs.v, &doc->segs.cap, doc->segs.n + segs, sizeof *doc->segs.v);
    doc->blocks.v =
        xgrow(doc->blocks.v, &doc->blocks.cap, doc->blocks.n + blocks, sizeof *doc->blocks.v);
}

size_t el_blocks_lead_ws(const char *s, size_t n, size_t *width)
{
    size_t i = 0, w = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ') {
            i++, w++;
        } else if (c == '\t') {
            i++, w += 4;
        } else if (c == 0xE3 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
                   (unsigned char)s[i + 2] == 0x80) {
            i += 3, w += 2;
        } else if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) {
            i += 2, w++;
        } else if (c == 0xEF && i + 2 < n && (unsigned char)s[i + 1] == 0xBB &&
                   (unsigned char)s[i + 2] == 0xBF) {
            i += 3; /* a stray BOM pasted mid-file */
        } else {
            break;
        }
    }
    if (width)
        *width = w;
    return i;
}

static bool is_digit(unsigned char c)
{
    return (unsigned)c - '0' < 10u;
}

bool el_blocks_split_figure(const char *p, size_t pn, const char *s, size_t n)
{
    unsigned char a = (unsigned char)p[pn - 1], b = (unsigned char)s[0];
    if (is_digit(a))
        return is_digit(b) || ((b == '.' || b == ',') && n >= 2 && is_digit((unsigned char)s[1]));
    return (a == '.' || a == ',') && pn >= 2 && is_digit((unsigned char)p[pn - 2]) && is_digit(b);
}

size_t el_blocks_trim_end(const char *s, size_t n)
{
    while (n > 0) {
        unsigned char c = (unsigned char)s[n - 1];
        if (c == ' ' || c == '\t' || c == '\f' || c == '\v')
            n--;
        else if (n >= 3 && c == 0x80 && (unsigned char)s[n - 2] == 0x80 &&
                 (unsigned char)s[n - 3] == 0xE3)
            n -= 3;
        else if (n >= 2 && c == 0xA0 && (unsigned char)s[n - 2] == 0xC2)
            n -= 2;
        else
            break;
    }
    return n;
}

/* True when s[0..n) ends a sentence or a clause a line may legitimately end on. */
static bool ends_sentence(const char *s, size_t n)
{
    static const char *const ends[] = {"。", "！", "？", "…", "”",  "：", ":",  "；", ".",
                                       "!",  "?",  "）", ")", "】", "》", "\"", "’"};
    for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
        size_t k = strlen(ends[i]);
        if (n >= k && memcmp(s + n - k, ends[i], k) == 0)
            return true;
    }
    return false;
}

/* A word and its length in bytes, so a list is compared without a strlen a word. */
typedef struct head_word {
    const char *w;
    size_t k;
} head_word;
#define W(x)                                                                                       \
    {                                                                                              \
        x, sizeof x - 1                                                                            \
    }

/* Heads that end like a speech verb or are connectives: `head：` then opens prose, not an item. */
static const head_word speech_tails[] = {W("指出"), W("强调"), W("说"),   W("提出"), W("认为"),
                                         W("表示"), W("写道"), W("所言"), W("要求"), W("明确"),
                                         W("证明"), W("表明"), W("曰"),   W("提到"), W("告诉我们"),
                                         W("谈到"), W("讲"),   {NULL, 0}};
static const head_word prose_heads[] = {W("例如"),     W("比如"),     W("譬如"),     W("其中"),
                                        W("总之"),     W("综上"),     W("综上所述"), W("总而言之"),
                                        W("由此可见"), W("可见"),     W("因此"),     W("对此"),
                                        W("为此"),     W("具体而言"), W("具体来说"), {NULL, 0}};
#undef W

/* Whether s[0..n) ends with one of words; the last bytes are compared before the rest. */
static bool ends_with_one_of(const char *s, size_t n, const head_word *words)
{
    for (; words->w; words++) {
        size_t k = words->k;
        if (n >= k && s[n - 1] == words->w[k - 1] && memcmp(s + n - k, words->w, k) == 0)
            return true;
    }
    return false;
}

bool el_blocks_item_start(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    s += i, n -= i;
    if (n == 0)
        return false;
    /* 1. 1、 1） 12. or the number alone on its line (its text on the next) */
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
    /* ① .. ⑳ */
    if (n >= 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x91 &&
        (unsigned char)s[2] >= 0xA0 && (unsigned char)s[2] <= 0xB3)
        return true;
    /* （1） (1); （一） is an argument marker, not an item */
    size_t o = s[0] == '(' ? 1 : n >= 3 && memcmp(s, "（", 3) == 0 ? 3 : 0;
    if (o) {
        size_t j = o;
        while (j < n && j < o + 3 && s[j] >= '0' && s[j] <= '9')
            j++;
        return j > o && j < n && (s[j] == ')' || (j + 3 <= n && memcmp(s + j, "）", 3) == 0));
    }
    /* 【label】 with a short label */
    if (n >= 3 && memcmp(s, "【", 3) == 0) {
        size_t lim = n < 3 + 3 * 12 + 3 ? n : 3 + 3 * 12 + 3;
        return memmem(s + 3, lim - 3, "】", 3) != NULL;
    }
    static const char *const bullets[] = {"·", "•", "●", "○", "▪", "◆",  "◇", "■",
                                          "□", "►", "▶", "★", "☆", "・", "‧", NULL};
    /* (every bullet's first byte is C2, E2 or E3: most lines are passed over on it) */
    unsigned char u0 = (unsigned char)s[0];
    if (((u0 == 0xC2 || u0 == 0xE2 || u0 == 0xE3) && el_text_prefix(s, n, bullets)) ||
        (n >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' '))
        return true;
    /* label： a short head of words, then a colon */
    size_t j = 0, k;
    for (size_t cp = 0; j < n && cp <= 10; cp++, j += k) {
        uint32_t c = el_text_cp(s, n, j, &k);
        if (c == ':' || c == 0xFF1A) {
            if (cp == 0 || ends_with_one_of(s, j, speech_tails))
                return false;
            for (const head_word *w = prose_heads; w->w; w++)
                if (w->k == j && memcmp(s, w->w, j) == 0)
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

typedef struct line_info {
    size_t start, lead, len; /* len: content length after lead, trimmed */
    size_t width;            /* of the indentation (lead) */
    size_t tail;             /* of the whitespace trimmed off the end */
    bool blank;
} line_info;

/* Display width of the whitespace s[0..n) (spaces, tabs, 　, no-break spaces). */
static size_t ws_width(const char *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        w += c == '\t' ? 4 : c == 0xE3 ? 2 : c < 0x80 || c == 0xC2;
    }
    return w;
}

/* Line ln (0-based) of the text, measured: every pass below reads the array line_infos()
 * fills once. */
static line_info line_at(const el_doc *doc, size_t ln)
{
    line_info li = {0};
    li.start = doc->lines.v[ln];
    size_t end = ln + 1 < doc->lines.n ? doc->lines.v[ln + 1] - 1 : doc->len;
    const char *s = doc->text + li.start;
    size_t n = end - li.start;
    li.lead = el_blocks_lead_ws(s, n, &li.width);
    li.len = el_blocks_trim_end(s + li.lead, n - li.lead);
    li.blank = li.len == 0;
    if (!li.blank && li.lead + li.len < n)
        li.tail = ws_width(s + li.lead + li.len, n - li.lead - li.len);
    return li;
}

/* Lines a draft may have for el_blocks_text to measure them on the stack (nearly all do):
   a malloc and a free less a draft, of a block too large for the allocator's cache. */
#define EL_LINES_ON_STACK 256

/* line_at() of every line (doc->lines.n entries): in buf when they fit, else malloc'd. */
static line_info *line_infos(const el_doc *doc, line_info *buf)
{
    line_info *lines =
        doc->lines.n <= EL_LINES_ON_STACK ? buf : xmalloc(doc->lines.n * sizeof *lines);
    for (size_t ln = 0; ln < doc->lines.n; ln++)
        lines[ln] = line_at(doc, ln);
    return lines;
}

static bool is_comment(const char *s, size_t n)
{
    return n >= 7 && memcmp(s, "<!--", 4) == 0 && memcmp(s + n - 3, "-->", 3) == 0;
}

/* Lines a comment opened by `<!--` on a line of its own may span in a plain-text draft. */
#define EL_COMMENT_LINES 12

/*
 * The last line (0-based) of a comment that line ln opens and a later line closes
 * (`<!--` / `essaylint-disable X` / `-->`), or ln when there is none within EL_COMMENT_LINES:
 * then the lines are text. Bounded, so a draft of unclosed `<!--` lines stays linear.
 */
static size_t comment_close(const el_doc *doc, const line_info *lines, size_t ln)
{
    const line_info *li = &lines[ln];
    const char *s = doc->text + li->start + li->lead;
    if (li->len < 4 || memcmp(s, "<!--", 4) != 0 || memmem(s + 4, li->len - 4, "-->", 3))
        return ln;
    for (size_t k = ln + 1; k < doc->lines.n && k <= ln + EL_COMMENT_LINES; k++) {
        const line_info *lk = &lines[k];
        const char *t = doc->text + lk->start + lk->lead;
        const char *c = memmem(t, lk->len, "-->", 3);
        if (c)
            return c + 3 == t + lk->len ? k : ln;
    }
    return ln;
}

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

/* Display width of a line, indentation and trailing whitespace included (what a fixed-width
   cut measures: 农业大棚 1200 余个，5G | 网络 fills its line with the space after 5G). */
static size_t line_width(const el_doc *doc, const line_info *li)
{
    return li->width + el_text_width(doc->text + li->start + li->lead, li->len) + li->tail;
}

/* Whether line li, with line next under it, is long enough to be a hard-wrapped one (see
   EL_WRAP_MIN). */
static bool wrap_long(const el_doc *doc, const line_info *li, const line_info *next)
{
    const char *s = doc->text + li->start + li->lead;
    if (el_text_ncp(s, li->len) >= EL_WRAP_MIN)
        return true;
    /* (the widths, a pass of the library over a line each, only for the short lines) */
    size_t w = line_width(doc, li);
    return w >= EL_WRAP_MIN_COLS && line_width(doc, next) * 4 <= w * 5;
}

/* A line that may be a hard wrap (with line next under it): long enough and cut inside a
   sentence. */
static bool wrap_candidate(const el_doc *doc, const line_info *li, const line_info *next)
{
    const char *s = doc->text + li->start + li->lead;
    return !li->blank && !ends_sentence(s, li->len) && wrap_long(doc, li, next);
}

/*
 * Blank-line-separated blocks of hard-wrapped lines: returns the display width a line must
 * reach to be a wrap (0 when the draft is not laid out that way). The draft qualifies when
 * blank lines separate its blocks (or indentation its paragraphs: a PDF copy may have no blank
 * line at all) and most lines that are followed by another line of their block are long and
 * stop inside a sentence; the threshold is 80% of their median width,
 * so a short heading line on top of its paragraph is not taken for a wrap. A line that opens
 * with an argument or item marker (一、…, （一）, 1.) is no evidence either way: it may be a
 * heading over its paragraph as well as a wrapped paragraph's first line, and a draft whose
 * only such lines are its headings is not hard-wrapped.
 */
static bool starts_own_block(const char *s, size_t n);

static size_t wrap_width(const el_doc *doc, const line_info *lines)
{
    size_t nlines = doc->lines.n, blanks = 0, indented = 0, inner = 0, nw = 0;
    size_t *w = NULL; /* the candidates' line numbers, then their widths */
    line_info prev = {.blank = true};
    for (size_t ln = 0; ln < nlines; ln++) {
        line_info li = lines[ln];
        blanks += li.blank;
        indented += li.width > 0 && !li.blank;
        if (!li.blank && !prev.blank) {
            /* prev is followed by a line of its block */
            const char *ps = doc->text + prev.start + prev.lead;
            if (wrap_long(doc, &prev, &li) && !starts_own_block(ps, prev.len)) {
                inner++;
                if (wrap_candidate(doc, &prev, &li)) {
                    if (w == NULL)
                        w = xmalloc(nlines * sizeof *w);
                    w[nw++] = ln - 1;
                }
            }
        }
        prev = li;
    }
    size_t need = 0;
    if ((blanks > 0 || indented >= 2) && nw >= 2 && nw * 2 >= inner) {
        /* measured only now: a width is a pass of the library over the line */
        for (size_t i = 0; i < nw; i++)
            w[i] = line_width(doc, &lines[w[i]]);
        qsort(w, nw, sizeof *w, cmp_size);
        need = w[nw / 2] * 4 / 5;
    }
    free(w);
    return need;
}

/* A line of one sentence or so (display columns): longer ones are whole paragraphs. */
#define EL_SENTENCE_LINE 120

/*
 * Whether the draft is written one sentence per line with blank lines between its
 * paragraphs: three or more blank-line blocks, two or more of them of several lines, and
 * those lines short. A paragraph-per-line draft has long lines instead.
 */
static bool by_blank_lines(const el_doc *doc, const line_info *info)
{
    size_t runs = 0, multi = 0, lines = 0, short_lines = 0, run = 0, run_short = 0;
    /* the blocks first: the widths (a library pass over each line) only when they decide */
    for (size_t ln = 0; ln <= doc->lines.n; ln++) {
        if (ln < doc->lines.n && !info[ln].blank) {
            runs += run++ == 0;
            continue;
        }
        multi += run >= 2;
        run = 0;
    }
    if (runs < 3 || multi < 2)
        return false;
    runs = multi = 0;
    for (size_t ln = 0; ln <= doc->lines.n; ln++) {
        line_info li = ln < doc->lines.n ? info[ln] : (line_info){.blank = true};
        if (!li.blank) {
            runs += run++ == 0;
            run_short += line_width(doc, &li) < EL_SENTENCE_LINE;
            continue;
        }
        if (run >= 2) {
            multi++;
            lines += run;
            short_lines += run_short;
        }
        run = run_short = 0;
    }
    return runs >= 3 && multi >= 2 && short_lines * 10 >= lines * 8;
}

/* A line that starts something of its own: an argument marker, a note item or label. */
static bool starts_own_block(const char *s, size_t n)
{
    int num;
    return el_blocks_item_start(s, n) || el_section_arg_marker(s, n, &num) > 0;
}

/*
 * Whether s[0..n), a line on its own, is a heading: it opens with an argument or item marker
 * and does not end with a full stop (一、以政务服务之“简”，换市场主体之“便” ends with a closing
 * quotation mark, which ends_sentence counts as an end). A one-sentence-per-line draft's next
 * line then opens the paragraph under it rather than going on after it.
 */
static bool heading_line(const char *s, size_t n)
{
    if (!starts_own_block(s, n))
        return false;
    /* a full stop inside: the heading's sentence, then its paragraph, cut at the line's end
       (二、以人才振兴筑牢根基。四川省成都市郫都区实施“新农人” | 培育计划…) */
    const char *stop = memmem(s, n, "。", 3);
    if (stop && stop + 3 < s + n)
        return false;
    size_t k;
    while (n > 0) {
        size_t j = el_text_back(s, n);
        uint32_t c = el_text_cp(s, n, j, &k);
        if (c != 0x201D && c != 0x2019 && c != 0xFF09 && c != ')' && c != '"' && c != 0x300B)
            return !(c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B || c == 0x2026 ||
                     c == '.' || c == '!' || c == '?' || c == ';');
        n = j;
    }
    return true;
}

/*
 * Whether s[0..n) goes on from the line above and can never open a paragraph: it starts with a
 * mark that closes or continues a clause (， 。 、 ； ： ？ ！ ” ’ ） 》 」 』 】 ％ , ; ) %) or
 * with 的 (not 的确 的士 的哥, which open sentences). A hard wrap puts such a start on a line of
 * its own whenever the line above was full.
 */
static bool continues_above(const char *s, size_t n)
{
    static const char *const marks[] = {"，", "。", "、", "；", "：", "？", "！", "”", "’", "）",
                                        "》", "」", "』", "】", "％", ",",  ";",  ")", "%", NULL};
    if (n == 0)
        return false;
    /* (the first byte picks the one test that may pass: 的 is E7 9A 84, the marks lead with
       EF E3 E2 or are ASCII; most lines start otherwise) */
    unsigned char c = (unsigned char)s[0];
    if (c == 0xE7)
        return n >= 3 && memcmp(s, "的", 3) == 0 &&
               !(n >= 6 && (memcmp(s + 3, "确", 3) == 0 || memcmp(s + 3, "士", 3) == 0 ||
                            memcmp(s + 3, "哥", 3) == 0));
    if (c == 0xEF || c == 0xE3 || c == 0xE2 || c == ',' || c == ';' || c == ')' || c == '%')
        return el_text_prefix(s, n, marks) > 0;
    return false;
}

/*
 * In a hard-wrapped draft (lines cut at wrap_need display columns or more), whether the line
 * above, *last, is a full line that happens to end with a stop (。 ” …) and s[0..n), the
 * unindented line under it, goes on with its paragraph: a paragraph ends on a short line (or
 * the next one is indented, or a blank line follows), and a full line ending with a stop is
 * cut there by the width as any other. Not when the line above is a heading, nor when s is
 * marked (二、 （二） 1. 【…】) or a short line without a stop (a label: 结语).
 */
static bool full_stop_wrap(const el_doc *doc, const line_info *last, const line_info *li,
                           size_t wrap_need)
{
    const char *ls = doc->text + last->start + last->lead;
    const char *s = doc->text + li->start + li->lead;
    size_t n = li->len;
    if (last->blank || !ends_sentence(ls, last->len) || !wrap_long(doc, last, li) ||
        line_width(doc, last) < wrap_need || heading_line(ls, last->len) ||
        starts_own_block(s, n) || (n >= 3 && memcmp(s, "【", 3) == 0))
        return false;
    return ends_sentence(s, n) || el_text_width(s, n) >= wrap_need;
}

/* Append line ln (li) to the open paragraph block: a wrapped line or the next sentence. */
static void join_line(el_doc *doc, el_block *open, const line_info *li, size_t ln)
{
    el_doc_plain_append(doc, li->start + li->lead, li->len);
    open->txt.len = doc->plain.n - open->txt.off;
    open->end_line = ln + 1;
}

void el_blocks_text(el_doc *doc)
{
    size_t nlines = doc->lines.n;
    line_info buf[EL_LINES_ON_STACK];
    line_info *lines = line_infos(doc, buf);
    /* Is this a draft whose paragraphs are marked by indentation? */
    size_t long_lines = 0, indented = 0, nonblank = 0;
    for (size_t ln = 0; ln < nlines; ln++) {
        line_info li = lines[ln];
        nonblank += !li.blank;
        if (li.len >= 60) {
            long_lines++;
            indented += li.width > 0;
        }
    }
    /* each non-blank line is a block or joins one, with a mapping segment of its own */
    el_blocks_reserve(doc, nonblank, nonblank);
    bool by_indent = long_lines >= 3 && indented * 10 >= long_lines * 6;
    size_t wrap_need = by_indent ? 0 : wrap_width(doc, lines);
    bool by_blank = !by_indent && wrap_need == 0 && by_blank_lines(doc, lines);

    el_block *open = NULL;
    line_info last = {0}; /* the line that ended the open block */
    for (size_t ln = 0; ln < nlines; ln++) {
        line_info li = lines[ln];
        if (li.blank) {
            open = NULL;
            continue;
        }
        const char *s = doc->text + li.start + li.lead;
        size_t last_ln = comment_close(doc, lines, ln);
        bool comment = last_ln > ln || is_comment(s, li.len);
        if (open && !comment && open->type == EL_BLOCK_PARA && !(open->flags & EL_BF_CENTERED) &&
            continues_above(s, li.len)) {
            join_line(doc, open, &li, ln); /* ，某工厂… / ”，累计… / 的价值导向… */
            last = li;
            continue;
        }
        if (open && by_indent && !comment && li.width == 0 && open->type == EL_BLOCK_PARA &&
            (open->flags & EL_BF_INDENT) && !(open->flags & EL_BF_CENTERED) &&
            !(li.len >= 3 && memcmp(s, "【", 3) == 0)) {
            size_t pend = doc->plain.n;
            if (pend - open->txt.off >= 60 &&
                !ends_sentence(doc->plain.v + open->txt.off, pend - open->txt.off)) {
                join_line(doc, open, &li, ln);
                last = li;
                continue;
            }
        }
        /* A cut at a space leaves it leading the next line (超过\n 200 万户): no indentation,
           when the line above goes on (a wrap candidate), not after a full stop. */
        bool cut_space = li.lead == 1 && s[-1] == ' ';
        if (open && wrap_need && !comment && (li.width == 0 || cut_space) &&
            open->type == EL_BLOCK_PARA && !(open->flags & EL_BF_CENTERED)) {
            bool wrap = wrap_candidate(doc, &last, &li);
            if ((wrap || (!cut_space && full_stop_wrap(doc, &last, &li, wrap_need))) &&
                line_width(doc, &last) >= wrap_need && !el_blocks_item_start(s, li.len)) {
                /* Chinese joins wrapped lines with nothing; keep a space between Latin words,
                   but not inside a number the cut split (20\n60 年). */
                unsigned char a = (unsigned char)doc->plain.v[doc->plain.n - 1];
                line_info with = li;
                if (cut_space) {
                    with.lead = 0, with.len++; /* the space is the text's own: kept */
                } else if (a < 0x80 && a != ' ' && (unsigned char)s[0] < 0x80 && s[0] != ' ' &&
                           !el_blocks_split_figure(doc->plain.v, doc->plain.n, s, li.len)) {
                    el_doc_plain_sep(doc);
                    doc->plain.v[doc->plain.n - 1] = ' ';
                }
                join_line(doc, open, &with, ln);
                last = li;
                continue;
            }
        }
        if (open && by_blank && !comment && li.width == 0 && open->type == EL_BLOCK_PARA &&
            !(open->flags & EL_BF_CENTERED) &&
            ends_sentence(doc->plain.v + open->txt.off, doc->plain.n - open->txt.off) &&
            !starts_own_block(s, li.len) &&
            !(open->line == open->end_line &&
              heading_line(doc->plain.v + open->txt.off, doc->plain.n - open->txt.off))) {
            /* the next sentence of the blank-line paragraph */
            join_line(doc, open, &li, ln);
            last = li;
            continue;
        }
        if (doc->plain.n > 0)
            el_doc_plain_sep(doc);
        el_block *b = EL_VEC_PUSH(doc->blocks);
        memset(b, 0, sizeof *b);
        b->type = comment ? EL_BLOCK_HTML : EL_BLOCK_PARA;
        b->list_num = -1;
        b->line = b->end_line = ln + 1;
        if (li.width > 0)
            b->flags |= EL_BF_INDENT;
        if (li.width >= 8)
            b->flags |= EL_BF_CENTERED;
        if (last_ln > ln) { /* a comment over several lines: one block, newlines kept */
            line_info lz = lines[last_ln];
            size_t a = li.start + li.lead, z = lz.start + lz.lead + lz.len;
            b->end_line = last_ln + 1;
            b->txt.off = el_doc_plain_append(doc, a, z - a);
            b->txt.len = z - a;
            ln = last_ln;
            open = b;
            last = lz;
            continue;
        }
        b->txt.off = el_doc_plain_append(doc, li.start + li.lead, li.len);
        b->txt.len = li.len;
        open = b;
        last = li;
    }
    if (lines != buf)
        free(lines);
}
