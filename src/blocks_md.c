/* SPDX-License-Identifier: MIT */
/*
 * The Markdown reader: cmark parses with source positions; each leaf block
 * becomes an el_block whose text is the inline literals without markup,
 * every literal mapped back to its bytes in the source. Delimiter runs that
 * cmark leaves literal (`**` next to CJK punctuation) are dropped. A paragraph
 * that is really a label line with its items under it (no blank line between,
 * so CommonMark makes one paragraph of them) is split into one block per line.
 */
#include "blocks.h"

#include "text.h"
#include "util.h"

#include <cmark.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The first line of a label paragraph (写作分析：, **点评**) is at most this many code points. */
#define EL_LABEL_LINE_MAX 20
/* A first line this short is a wrap of its paragraph, not a title over it (阅读\n生活…). */
#define EL_TITLE_LINE_MIN 5
/* Lines a paragraph each (a pasted plain-text draft) average at least this many code points. */
#define EL_PARA_LINE_MIN 40

/* What one leaf block is being built into. */
typedef struct md_leaf {
    el_doc *doc;
    el_block b;         /* the block being filled */
    size_t start;       /* its first byte in plain */
    size_t line_start;  /* plain offset where its current source line began */
    size_t nstrip;      /* literal `**` / `__` runs dropped in this block */
    size_t strip_at[2]; /* plain offsets of the first two */
    bool code;          /* appending a code literal: kept whole */
} md_leaf;

/* How far the aligner looks for a character that an escape or entity produced. */
#define EL_ALIGN_WINDOW 16

/* Source byte offset of a 1-based cmark line/column, clamped to the text. */
static size_t src_offset(const el_doc *doc, int line, int col)
{
    if (line < 1 || (size_t)line > doc->lines.n)
        return doc->len;
    size_t off = doc->lines.v[line - 1] + (col > 0 ? (size_t)col - 1 : 0);
    return off > doc->len ? doc->len : off;
}

/* Offset of the first c in s[from..n), n when there is none. */
static size_t find_mark(const char *s, size_t n, size_t from, char c)
{
    const char *p = from < n ? memchr(s + from, c, n - from) : NULL;
    return p ? (size_t)(p - s) : n;
}

void el_blocks_delim_start(el_delim_scan *d, const char *s, size_t n)
{
    d->s = s;
    d->n = n;
    d->star = find_mark(s, n, 0, '*');
    d->under = find_mark(s, n, 0, '_');
}

bool el_blocks_delim_next(el_delim_scan *d, size_t from, size_t *a, size_t *z)
{
    const char *s = d->s;
    size_t n = d->n;
    for (;;) {
        /* a mark already passed is searched again from here on: each memchr starts where
           the previous one of its mark stopped, so the scans stay linear */
        if (d->star < from)
            d->star = find_mark(s, n, from, '*');
        if (d->under < from)
            d->under = find_mark(s, n, from, '_');
        size_t i = d->star < d->under ? d->star : d->under;
        if (i >= n)
            return false;
        size_t j = i + 1;
        while (j < n && s[j] == s[i])
            j++;
        if (j - i >= 2) {
            *a = i;
            *z = j;
            return true;
        }
        from = j; /* a single mark is text */
    }
}

/*
 * Append text[src, src + n) to plain without the runs of two or more `*` or `_` in it:
 * CommonMark leaves `**` literal when it touches CJK punctuation (宁波推行**“红管家”**做法),
 * and such marks are markup the writer meant, never text to show or count. Each kept piece
 * is mapped to its own bytes, so positions stay exact. A code literal is kept whole.
 */
static void append_stripped(md_leaf *lf, size_t src, size_t n)
{
    el_doc *doc = lf->doc;
    size_t from = 0, a, z;
    el_delim_scan d;
    if (!lf->code) {
        el_blocks_delim_start(&d, doc->text + src, n);
        while (el_blocks_delim_next(&d, from, &a, &z)) {
            el_doc_plain_append(doc, src + from, a - from);
            if (lf->nstrip < 2)
                lf->strip_at[lf->nstrip] = doc->plain.n;
            lf->nstrip++;
            from = z;
        }
    }
    el_doc_plain_append(doc, src + from, n - from);
}

/* Map one literal (a text or code node) to the source range [a, b) and append it to plain. */
static void map_literal(md_leaf *lf, const char *lit, size_t n, size_t a, size_t b)
{
    el_doc *doc = lf->doc;
    if (b > doc->len)
        b = doc->len;
    if (a > b)
        a = b;
    const char *src = doc->text;
    /* Nearly always the literal sits right at its start: test that before searching (same
       answer, as memmem returns the first occurrence). */
    const char *hit = n > b - a                      ? NULL
                      : memcmp(src + a, lit, n) == 0 ? src + a
                                                     : memmem(src + a, b - a, lit, n);
    if (hit) {
        append_stripped(lf, (size_t)(hit - src), n);
        return;
    }
    /* The literal was unescaped: align it code point by code point within a small window. */
    size_t cur = a;
    for (size_t i = 0; i < n;) {
        size_t k = el_u8_len((unsigned char)lit[i]);
        if (i + k > n)
            k = n - i;
        size_t lim = cur + EL_ALIGN_WINDOW + k < b ? cur + EL_ALIGN_WINDOW + k : b;
        const char *p = cur < lim ? memmem(src + cur, lim - cur, lit + i, k) : NULL;
        size_t at = p ? (size_t)(p - src) : cur;
        if (p)
            el_doc_plain_append(doc, at, k);
        else /* keep the decoded character though its bytes are not in the source */
            el_doc_plain_put(doc, at, lit + i, k);
        cur = p ? at + k : cur;
        i += k;
    }
}

/* Record plain[from, to) as code, merged with a range it touches. */
static void mark_verbatim(el_doc *doc, size_t from, size_t to)
{
    if (to <= from)
        return;
    if (doc->verbatim.n > 0 &&
        doc->verbatim.v[doc->verbatim.n - 1].off + doc->verbatim.v[doc->verbatim.n - 1].len >=
            from) {
        el_span *last = &doc->verbatim.v[doc->verbatim.n - 1];
        last->len = to - last->off;
        return;
    }
    *EL_VEC_PUSH(doc->verbatim) = (el_span){from, to - from};
}

/* map_literal, remembering where code went: the punctuation rules and --fix leave code be. */
static void append_literal(md_leaf *lf, const char *lit, size_t n, size_t a, size_t b)
{
    size_t from = lf->doc->plain.n;
    map_literal(lf, lit, n, a, b);
    if (lf->code)
        mark_verbatim(lf->doc, from, lf->doc->plain.n);
}

static bool only_delims(const char *s)
{
    if (*s == '\0')
        return false;
    for (; *s; s++)
        if (*s != '*' && *s != '_')
            return false;
    return true;
}

static void append_inlines(md_leaf *lf, cmark_node *node);

/* Append one inline node's content to plain. */
static void append_node(md_leaf *lf, cmark_node *c)
{
    el_doc *doc = lf->doc;
    cmark_node_type t = cmark_node_get_type(c);
    switch (t) {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE: {
        const char *lit = cmark_node_get_literal(c);
        if (lit == NULL)
            break;
        if (t == CMARK_NODE_TEXT && only_delims(lit)) {
            /* a delimiter run cmark kept as its own node: dropped like the runs inside text */
            if (strlen(lit) >= 2) {
                if (lf->nstrip < 2)
                    lf->strip_at[lf->nstrip] = doc->plain.n;
                lf->nstrip++;
            }
            break;
        }
        size_t a = src_offset(doc, cmark_node_get_start_line(c), cmark_node_get_start_column(c));
        size_t b = src_offset(doc, cmark_node_get_end_line(c), cmark_node_get_end_column(c));
        lf->code = t == CMARK_NODE_CODE;
        append_literal(lf, lit, strlen(lit), a, b + 1);
        lf->code = false;
        break;
    }
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK: {
        /* Chinese joins wrapped lines with nothing; keep a space between Latin words, but
           not inside a figure the wrap cut (el_blocks_split_figure). */
        size_t n = doc->plain.n;
        cmark_node *next = cmark_node_next(c);
        const char *lit = next && cmark_node_get_type(next) == CMARK_NODE_TEXT
                              ? cmark_node_get_literal(next)
                              : NULL;
        if (n > 0 && (unsigned char)doc->plain.v[n - 1] < 0x80 && doc->plain.v[n - 1] != ' ' &&
            !(lit && lit[0] && el_blocks_split_figure(doc->plain.v, n, lit, lit[1] ? 2 : 1))) {
            el_doc_plain_sep(doc);
            doc->plain.v[doc->plain.n - 1] = ' ';
        }
        break;
    }
    case CMARK_NODE_HTML_INLINE: {
        /* Not text; an essaylint comment among the text still counts (el_suppress_build). */
        const char *lit = cmark_node_get_literal(c);
        if (lit && strncmp(lit, "<!--", 4) == 0)
            *EL_VEC_PUSH(doc->comments) =
                src_offset(doc, cmark_node_get_start_line(c), cmark_node_get_start_column(c));
        break;
    }
    case CMARK_NODE_IMAGE:
        break;
    default:
        append_inlines(lf, c);
        break;
    }
}

/* Append the inline content under node to plain. */
static void append_inlines(md_leaf *lf, cmark_node *node)
{
    for (cmark_node *c = cmark_node_first_child(node); c; c = cmark_node_next(c))
        append_node(lf, c);
}

/* Strip trailing whitespace appended to plain since start; returns the new length. */
static size_t trim_plain(el_doc *doc, size_t start)
{
    size_t n = el_blocks_trim_end(doc->plain.v + start, doc->plain.n - start);
    doc->plain.n = start + n;
    doc->plain.v[doc->plain.n] = '\0';
    return n;
}

/* Start a block: plain gets its separator and exists even if the block turns out empty. */
static void begin_block(md_leaf *lf)
{
    el_doc *doc = lf->doc;
    if (doc->plain.n > 0)
        el_doc_plain_sep(doc);
    doc->plain.v = xgrow(doc->plain.v, &doc->plain.cap, doc->plain.n + 1, 1);
    doc->plain.v[doc->plain.n] = '\0';
    lf->start = lf->line_start = doc->plain.n;
    lf->nstrip = 0;
}

/* Trim the block's text, settle its bold run and push it. */
static void finish_block(md_leaf *lf)
{
    el_doc *doc = lf->doc;
    el_block *b = &lf->b;
    size_t start = lf->start;
    /* text between two dropped `**` runs, the first at the very start, is a bold lead-in */
    if (b->bold_len == 0 && lf->nstrip >= 2 && lf->strip_at[0] == start)
        b->bold_len = lf->strip_at[1] - start;
    /* Trim leading whitespace by moving the start; trailing by truncation. */
    size_t lead = el_blocks_lead_ws(doc->plain.v + start, doc->plain.n - start, NULL);
    size_t kept = trim_plain(doc, start);
    if (lead > kept) /* all whitespace: both trims took the same bytes */
        lead = kept;
    b->txt.off = start + lead;
    b->txt.len = kept - lead;
    b->bold_len = b->bold_len > lead ? b->bold_len - lead : 0;
    if (b->bold_len > b->txt.len)
        b->bold_len = b->txt.len;
    *EL_VEC_PUSH(doc->blocks) = *b;
}

/* Trimmed text of the source line that starts at text offset off, past emphasis marks. */
static const char *source_line(const el_doc *doc, size_t off, size_t *n)
{
    const char *s = doc->text + off;
    const char *nl = memchr(s, '\n', doc->len - off);
    size_t len = nl ? (size_t)(nl - s) : doc->len - off;
    size_t i = 0;
    while (i < len && (s[i] == '*' || s[i] == '_'))
        i++;
    *n = el_blocks_trim_end(s + i, len - i);
    return s + i;
}

/* A list number alone on its line ("1." "2、" "（1）" "①"): its item text follows. */
static bool number_only(const char *s, size_t n)
{
    if (n == 0 || !el_blocks_item_start(s, n) || el_text_ncp(s, n) > 4)
        return false;
    for (size_t i = 0; i < n; i++)
        if (s[i] != '.' && s[i] != ')' && s[i] != '(' && (s[i] < '0' || s[i] > '9') &&
            (unsigned char)s[i] < 0x80)
            return false;
    return (s[0] >= '0' && s[0] <= '9') || s[0] == '(' || (unsigned char)s[0] >= 0xE2;
}

/* The last sentence-final mark of s[0..n), looking past closing quotes and brackets; 0 if none. */
static uint32_t last_stop(const char *s, size_t n)
{
    size_t i = n;
    while (i > 0) {
        uint32_t c = el_text_prev_cp(s, i, &i);
        if (c != 0x201D && c != 0x2019 && c != 0xFF09 && c != ')' && c != '"' && c != 0x300D &&
            c != 0x300F && c != 0x3011 && c != 0x300B)
            return c;
    }
    return 0;
}

/* True if s[0..n) stops inside a sentence at a comma or dash: a wrapped line, not a label. */
static bool ends_clause(const char *s, size_t n)
{
    static const char *const marks[] = {"，", "、", ",", "—", "（", "(", "“", NULL};
    for (const char *const *p = marks; *p; p++) {
        size_t k = strlen(*p);
        if (n >= k && memcmp(s + n - k, *p, k) == 0)
            return true;
    }
    return false;
}

/* True if s[0..n) ends like a sentence (then it is prose, not a label line). */
static bool ends_sentence_stop(const char *s, size_t n)
{
    static const char *const stops[] = {"。", "！", "？", "；", "…", "!", "?", ";", NULL};
    for (const char *const *p = stops; *p; p++) {
        size_t k = strlen(*p);
        if (n >= k && memcmp(s + n - k, *p, k) == 0)
            return true;
    }
    return false;
}

/*
 * Does a new block start at the line break before next? CommonMark makes one paragraph of
 * lines with no blank line between them; a draft means separate lines when
 * - the next line is indented with full-width spaces (a pasted plain-text paragraph), or
 * - the paragraph opens with a short label line (写作分析：, **点评**, a title) and the next
 *   line is an item (1. / 1. alone / （1） / ① / 【…】 / ·  / label：), follows a number
 *   alone on its line, or, after a title line of five or more code points, is at least twice
 *   as long (its body).
 * Other lines of a paragraph are wraps and join it.
 */
static bool split_before(md_leaf *lf, cmark_node *next, bool listy)
{
    el_doc *doc = lf->doc;
    size_t off =
        src_offset(doc, cmark_node_get_start_line(next), cmark_node_get_start_column(next));
    if (off >= doc->len)
        return false;
    size_t nn;
    const char *ns = source_line(doc, off, &nn);
    if (nn >= 3 && memcmp(doc->text + off, "\xE3\x80\x80", 3) == 0)
        return true;
    if (!listy)
        return false;
    const char *cs = doc->plain.v + lf->line_start;
    size_t cn = el_blocks_trim_end(cs, doc->plain.n - lf->line_start);
    size_t lead = el_blocks_lead_ws(cs, cn, NULL);
    cs += lead, cn -= lead;
    if (el_blocks_item_start(ns, nn) || number_only(cs, cn))
        return true;
    /* a title or label line on top of its body: the body line is at least twice as long */
    size_t c = el_text_ncp(cs, cn), x = el_text_ncp(ns, nn);
    return lf->line_start == lf->start && c >= EL_TITLE_LINE_MIN && x >= 2 * c && x >= 16;
}

/*
 * Is the paragraph a plain-text draft pasted without blank lines, one essay paragraph a line?
 * Every line after the first ends a sentence and the lines are long on average: hard-wrapped
 * prose ends most of its lines inside a sentence, and a paragraph is longer than a sentence.
 */
static bool line_per_para(const el_doc *doc, cmark_node *node)
{
    size_t a = (size_t)cmark_node_get_start_line(node), b = (size_t)cmark_node_get_end_line(node);
    if (a < 1 || b <= a || b > doc->lines.n)
        return false;
    size_t total = 0;
    for (size_t ln = a + 1; ln <= b; ln++) { /* the first line may be a title */
        size_t off = doc->lines.v[ln - 1];
        size_t end = ln < doc->lines.n ? doc->lines.v[ln] - 1 : doc->len;
        size_t n = el_blocks_trim_end(doc->text + off, end - off);
        total += el_text_ncp(doc->text + off, n);
        if (n == 0 || !el_text_is_sentence_end(last_stop(doc->text + off, n)))
            return false;
    }
    return total >= EL_PARA_LINE_MIN * (b - a);
}

/* Append a paragraph's or heading's inlines, splitting a label paragraph into its lines. */
static void append_leaf(md_leaf *lf, cmark_node *node)
{
    el_doc *doc = lf->doc;
    bool para = cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH;
    bool listy = false, first_break = true;
    bool per_line = para && line_per_para(doc, node);
    cmark_node *first = cmark_node_first_child(node);
    for (cmark_node *c = first; c; c = cmark_node_next(c)) {
        cmark_node_type t = cmark_node_get_type(c);
        cmark_node *next = cmark_node_next(c);
        if (para && next && (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK)) {
            if (first_break) {
                const char *s = doc->plain.v + lf->start;
                size_t n = el_blocks_trim_end(s, doc->plain.n - lf->start);
                size_t lead = el_blocks_lead_ws(s, n, NULL);
                listy = n > lead && el_text_ncp(s + lead, n - lead) <= EL_LABEL_LINE_MAX &&
                        !ends_sentence_stop(s, n) && !ends_clause(s, n);
                first_break = false;
            }
            if (per_line || split_before(lf, next, listy)) {
                size_t nline = (size_t)cmark_node_get_start_line(next);
                el_block nb = {0};
                nb.type = lf->b.type;
                nb.flags = lf->b.flags & ~(unsigned)EL_BF_ITEM;
                nb.level = lf->b.level;
                nb.list_num = -1;
                nb.line = nline;
                nb.end_line = lf->b.end_line > nline ? lf->b.end_line : nline;
                lf->b.end_line = nline > lf->b.line ? nline - 1 : lf->b.line;
                finish_block(lf);
                lf->b = nb;
                begin_block(lf);
                first = next;
                continue;
            }
            lf->line_start = doc->plain.n;
        }
        append_node(lf, c);
        if (c == first && t == CMARK_NODE_STRONG)
            lf->b.bold_len = doc->plain.n - lf->start;
    }
}

/*
 * Number of an ordered-list item. The walk numbers every item when it enters it and keeps the
 * number in the node (number_item), so this is O(1): counting the previous siblings of each
 * item was quadratic in a list of thousands of items.
 */
static int item_number(cmark_node *item)
{
    return (int)(intptr_t)cmark_node_get_user_data(item);
}

static void number_item(cmark_node *item)
{
    cmark_node *prev = cmark_node_previous(item);
    cmark_node *list = cmark_node_parent(item);
    int num = prev ? item_number(prev) + 1 : list ? cmark_node_get_list_start(list) : 1;
    cmark_node_set_user_data(item, (void *)(intptr_t)num);
}

static void add_block(el_doc *doc, cmark_node *node, enum el_block_type type)
{
    md_leaf lf = {.doc = doc};
    begin_block(&lf);
    el_block *b = &lf.b;
    b->type = type;
    b->list_num = -1;
    b->line = (size_t)cmark_node_get_start_line(node);
    b->end_line = (size_t)cmark_node_get_end_line(node);
    /* cmark 0.30 ends a setext heading or a thematic break at column 0 of the next line, and
       an HTML block a line early (or before its start): count the lines of its literal. */
    if (cmark_node_get_end_column(node) == 0 && b->end_line > b->line)
        b->end_line--;
    if (type == EL_BLOCK_HTML && cmark_node_get_literal(node)) {
        const char *lit = cmark_node_get_literal(node);
        size_t lines = 0, len = strlen(lit);
        for (const char *q = lit; (q = memchr(q, '\n', len - (size_t)(q - lit))) != NULL; q++)
            lines++;
        if (len && lit[len - 1] != '\n')
            lines++;
        if (lines)
            b->end_line = b->line + lines - 1;
    }
    if (b->line == 0)
        b->line = 1;
    if (b->end_line < b->line)
        b->end_line = b->line;
    if (type == EL_BLOCK_HEADING)
        b->level = cmark_node_get_heading_level(node);

    for (cmark_node *p = cmark_node_parent(node); p; p = cmark_node_parent(p)) {
        cmark_node_type pt = cmark_node_get_type(p);
        if (pt == CMARK_NODE_BLOCK_QUOTE)
            b->flags |= EL_BF_QUOTE;
        else if (pt == CMARK_NODE_LIST)
            b->flags |= EL_BF_LIST, b->level++;
    }
    cmark_node *parent = cmark_node_parent(node);
    if (parent && cmark_node_get_type(parent) == CMARK_NODE_ITEM &&
        cmark_node_first_child(parent) == node) {
        b->flags |= EL_BF_ITEM;
        cmark_node *list = cmark_node_parent(parent);
        if (list && cmark_node_get_list_type(list) == CMARK_ORDERED_LIST)
            b->list_num = item_number(parent);
    }

    if (type == EL_BLOCK_PARA || type == EL_BLOCK_HEADING) {
        append_leaf(&lf, node);
    } else if (type == EL_BLOCK_CODE || type == EL_BLOCK_HTML) {
        const char *lit = cmark_node_get_literal(node);
        size_t a = src_offset(doc, (int)b->line, 1);
        size_t z = src_offset(doc, (int)b->end_line + 1, 1);
        lf.code = true;
        if (lit)
            append_literal(&lf, lit, strlen(lit), a, z);
    }
    finish_block(&lf);
}

/*
 * An empty list item: the number of an annotation item whose text follows after a blank line
 * (`1.` then `案例引入：…`). Its marker becomes a block of its own, so the line has a role and
 * the number reaches the note item; an empty bullet item is a block without text (a label).
 */
static void add_empty_item(el_doc *doc, cmark_node *item)
{
    md_leaf lf = {.doc = doc};
    begin_block(&lf);
    el_block *b = &lf.b;
    b->type = EL_BLOCK_PARA;
    b->list_num = -1;
    b->line = b->end_line = (size_t)cmark_node_get_start_line(item);
    if (b->line == 0)
        b->line = b->end_line = 1;
    b->flags = EL_BF_ITEM;
    for (cmark_node *p = cmark_node_parent(item); p; p = cmark_node_parent(p)) {
        cmark_node_type pt = cmark_node_get_type(p);
        if (pt == CMARK_NODE_BLOCK_QUOTE)
            b->flags |= EL_BF_QUOTE;
        else if (pt == CMARK_NODE_LIST)
            b->flags |= EL_BF_LIST, b->level++;
    }
    cmark_node *list = cmark_node_parent(item);
    if (list && cmark_node_get_list_type(list) == CMARK_ORDERED_LIST) {
        b->list_num = item_number(item);
        /* the marker as written: digits and its delimiter */
        size_t a = src_offset(doc, (int)b->line, cmark_node_get_start_column(item));
        size_t z = a;
        while (z < doc->len && doc->text[z] >= '0' && doc->text[z] <= '9')
            z++;
        if (z > a && z < doc->len && (doc->text[z] == '.' || doc->text[z] == ')'))
            el_doc_plain_append(doc, a, z + 1 - a);
    }
    finish_block(&lf);
}

/* Whether cmark nests blocks under a node of type t: only those are walked into. A leaf
 * block's inlines are read by add_block, and every other node the walk would reach under it
 * is one it ignores. */
static bool container(cmark_node_type t)
{
    return t == CMARK_NODE_DOCUMENT || t == CMARK_NODE_BLOCK_QUOTE || t == CMARK_NODE_LIST ||
           t == CMARK_NODE_ITEM || t == CMARK_NODE_CUSTOM_BLOCK;
}

/* One block node, on entering it in document order. */
static void visit(el_doc *doc, cmark_node *node, cmark_node_type t)
{
    switch (t) {
    case CMARK_NODE_PARAGRAPH:
        add_block(doc, node, EL_BLOCK_PARA);
        break;
    case CMARK_NODE_HEADING:
        add_block(doc, node, EL_BLOCK_HEADING);
        break;
    case CMARK_NODE_CODE_BLOCK:
        add_block(doc, node, EL_BLOCK_CODE);
        break;
    case CMARK_NODE_HTML_BLOCK:
        add_block(doc, node, EL_BLOCK_HTML);
        break;
    case CMARK_NODE_THEMATIC_BREAK:
        add_block(doc, node, EL_BLOCK_BREAK);
        break;
    case CMARK_NODE_ITEM:
        number_item(node);
        if (cmark_node_first_child(node) == NULL)
            add_empty_item(doc, node);
        break;
    default:
        break;
    }
}

/* ---- cmark's memory ------------------------------------------------------------------ */

/*
 * cmark allocates a node, and buffers it grows, for every block and inline of a draft: a
 * hundred or more calls to malloc, realloc and free an essay, which took about a tenth of
 * the time of reading a Markdown draft. Through cmark's allocator hook they are carved from a few
 * chunks instead and released at once when the blocks are built. The hook passes no context, so the
 * arena of the document being read is found through a thread-local pointer, set only while cmark
 * runs. A draft over EL_MD_ARENA_MAX bytes uses malloc as before: an arena cannot give back the
 * blocks realloc leaves behind, and a huge input's peak memory should stay cmark's own.
 */
#define EL_MD_ARENA_MAX (1u << 20)
/* The first chunk holds this many times the draft's bytes: cmark asks for about 4 times on
   average, at most 7 over the samples and the bench corpus, so one chunk serves nearly
   every essay. */
#define EL_MD_ARENA_RATIO 6
#define EL_MD_ARENA_MIN (16u << 10)

/* A chunk of the arena; blocks follow the header, each after a size_t holding its size. */
typedef struct md_chunk {
    struct md_chunk *prev;
    size_t cap, used;
    max_align_t data[];
} md_chunk;

typedef struct md_arena {
    md_chunk *top;
    size_t first; /* capacity of the first chunk */
} md_arena;

static _Thread_local md_arena *cur_arena;

#define ALIGN_UP(n) (((n) + _Alignof(max_align_t) - 1) & ~(size_t)(_Alignof(max_align_t) - 1))
#define HDR ALIGN_UP(sizeof(size_t))

/* n bytes from the current arena, aligned for any type; aborts when out of memory. */
static void *arena_alloc(size_t n)
{
    md_arena *a = cur_arena;
    if (n > SIZE_MAX / 2)
        return xmalloc(n); /* fails, with the message of every failed allocation */
    size_t need = HDR + ALIGN_UP(n);
    md_chunk *c = a->top;
    if (c == NULL || c->cap - c->used < need) {
        size_t cap = c == NULL ? a->first : 2 * c->cap;
        if (cap < need)
            cap = need;
        md_chunk *nc = xmalloc(sizeof *nc + cap);
        *nc = (md_chunk){c, cap, 0};
        a->top = c = nc;
    }
    char *p = (char *)c->data + c->used;
    memcpy(p, &n, sizeof n);
    c->used += need;
    return p + HDR;
}

static void *arena_calloc(size_t nmemb, size_t size)
{
    if (size && nmemb > SIZE_MAX / size)
        return xcalloc(nmemb, size); /* fails, as arena_alloc's oversized requests do */
    void *p = arena_alloc(nmemb * size);
    memset(p, 0, nmemb * size);
    return p;
}

/* realloc within the arena: the last block of the top chunk grows in place (cmark's buffers
   grow one at a time, mostly with nothing allocated after them), others move. */
static void *arena_realloc(void *p, size_t n)
{
    if (p == NULL)
        return arena_alloc(n);
    char *b = (char *)p - HDR;
    size_t old;
    memcpy(&old, b, sizeof old);
    md_chunk *c = cur_arena->top;
    char *end = (char *)c->data + c->used;
    if (b + HDR + ALIGN_UP(old) == end && n <= SIZE_MAX / 2 &&
        ALIGN_UP(n) - ALIGN_UP(old) <= c->cap - c->used) {
        c->used += ALIGN_UP(n) - ALIGN_UP(old);
        memcpy(b, &n, sizeof n);
        return p;
    }
    if (n <= old)
        return p;
    void *q = arena_alloc(n);
    memcpy(q, p, old);
    return q;
}

/* Blocks are freed with their arena. */
static void arena_free(void *p)
{
    (void)p;
}

static cmark_mem arena_mem = {arena_calloc, arena_realloc, arena_free};

/* Free the chunks of a and detach it from the thread. */
static void arena_release(md_arena *a)
{
    cur_arena = NULL;
    for (md_chunk *c = a->top, *prev; c != NULL; c = prev) {
        prev = c->prev;
        free(c);
    }
    a->top = NULL;
}

/* cmark's tree of doc->text, its memory from arena when one is given. */
static cmark_node *parse_md(const el_doc *doc, md_arena *arena)
{
    cur_arena = arena;
    cmark_parser *p = cmark_parser_new_with_mem(
        CMARK_OPT_SOURCEPOS, arena ? &arena_mem : cmark_get_default_mem_allocator());
    cmark_parser_feed(p, doc->text, doc->len);
    cmark_node *root = cmark_parser_finish(p);
    cmark_parser_free(p);
    return root;
}

void el_blocks_markdown(el_doc *doc)
{
    md_arena arena = {NULL, doc->len * EL_MD_ARENA_RATIO < EL_MD_ARENA_MIN
                                ? EL_MD_ARENA_MIN
                                : doc->len * EL_MD_ARENA_RATIO};
    bool small = doc->len <= EL_MD_ARENA_MAX;
    cmark_node *root = parse_md(doc, small ? &arena : NULL);
    /* A literal mostly holds a line of source and an essay's block a few hundred bytes; bounded
       by the text's size, so a file of blank lines or markup reserves little. */
    size_t lines = doc->lines.n < doc->len / 16 ? doc->lines.n : doc->len / 16;
    el_blocks_reserve(doc, lines + 1, doc->len / 256 + 1);
    /* The blocks in document order, as cmark's iterator enters them, but without a step into
       each paragraph's inlines (most of the nodes): down into containers only, then to the
       next sibling, or up to the nearest ancestor that has one. No recursion: a list nested
       thousands deep costs no stack. */
    cmark_node *node = root;
    while (node) {
        cmark_node_type t = cmark_node_get_type(node);
        visit(doc, node, t);
        cmark_node *down = container(t) ? cmark_node_first_child(node) : NULL;
        if (down) {
            node = down;
            continue;
        }
        while (node != root && cmark_node_next(node) == NULL)
            node = cmark_node_parent(node);
        node = node == root ? NULL : cmark_node_next(node);
    }
    if (!small) {
        cmark_node_free(root);
        return;
    }
    arena_release(&arena); /* and cmark's tree with it */
}
