/* SPDX-License-Identifier: MIT */
/*
 * The Markdown reader: cmark parses with source positions; each leaf block
 * becomes an el_block whose text is the inline literals without markup,
 * every literal mapped back to its bytes in the source. Delimiter runs that
 * cmark leaves literal (`**` next to CJK punctuation) are dropped.
 */
#include "blocks.h"

#include <cmark.h>
#include <string.h>

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

/* Map one literal (a text or code node) to the source range [a, b) and append it to plain. */
static void append_literal(el_doc *doc, const char *lit, size_t n, size_t a, size_t b)
{
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
        el_doc_plain_append(doc, (size_t)(hit - src), n);
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

static bool only_delims(const char *s)
{
    if (*s == '\0')
        return false;
    for (; *s; s++)
        if (*s != '*' && *s != '_')
            return false;
    return true;
}

static void append_inlines(el_doc *doc, cmark_node *node);

/* Append one inline node's content to plain. */
static void append_node(el_doc *doc, cmark_node *c)
{
    cmark_node_type t = cmark_node_get_type(c);
    switch (t) {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE: {
        const char *lit = cmark_node_get_literal(c);
        if (lit == NULL || (t == CMARK_NODE_TEXT && only_delims(lit)))
            break;
        size_t a = src_offset(doc, cmark_node_get_start_line(c), cmark_node_get_start_column(c));
        size_t b = src_offset(doc, cmark_node_get_end_line(c), cmark_node_get_end_column(c));
        append_literal(doc, lit, strlen(lit), a, b + 1);
        break;
    }
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK: {
        /* Chinese joins wrapped lines with nothing; keep a space between Latin words. */
        size_t n = doc->plain.n;
        if (n > 0 && (unsigned char)doc->plain.v[n - 1] < 0x80 && doc->plain.v[n - 1] != ' ') {
            el_doc_plain_sep(doc);
            doc->plain.v[doc->plain.n - 1] = ' ';
        }
        break;
    }
    case CMARK_NODE_HTML_INLINE:
    case CMARK_NODE_IMAGE:
        break;
    default:
        append_inlines(doc, c);
        break;
    }
}

/* Append the inline content under node to plain. */
static void append_inlines(el_doc *doc, cmark_node *node)
{
    for (cmark_node *c = cmark_node_first_child(node); c; c = cmark_node_next(c))
        append_node(doc, c);
}

/*
 * Append a leaf block's inlines; returns the plain length of a leading bold run:
 * a strong node, or text between two literal `**` that cmark could not pair.
 */
static size_t append_leaf(el_doc *doc, cmark_node *node)
{
    size_t s0 = doc->plain.n, bold = 0;
    cmark_node *first = cmark_node_first_child(node);
    const char *open = NULL;
    if (first && cmark_node_get_type(first) == CMARK_NODE_TEXT &&
        only_delims(cmark_node_get_literal(first)) && strlen(cmark_node_get_literal(first)) >= 2)
        open = cmark_node_get_literal(first);
    for (cmark_node *c = first; c; c = cmark_node_next(c)) {
        append_node(doc, c);
        if (c == first && cmark_node_get_type(c) == CMARK_NODE_STRONG)
            bold = doc->plain.n - s0;
        else if (open && c != first && bold == 0 && cmark_node_get_type(c) == CMARK_NODE_TEXT &&
                 strcmp(cmark_node_get_literal(c), open) == 0)
            bold = doc->plain.n - s0;
    }
    return bold;
}

/* Strip trailing whitespace appended to plain since start; returns the new length. */
static size_t trim_plain(el_doc *doc, size_t start)
{
    size_t n = el_blocks_trim_end(doc->plain.v + start, doc->plain.n - start);
    doc->plain.n = start + n;
    doc->plain.v[doc->plain.n] = '\0';
    return n;
}

static void add_block(el_doc *doc, cmark_node *node, enum el_block_type type)
{
    if (doc->plain.n > 0)
        el_doc_plain_sep(doc);
    /* plain exists even when the block turns out empty (a paragraph of emphasis marks only). */
    doc->plain.v = xgrow(doc->plain.v, &doc->plain.cap, doc->plain.n + 1, 1);
    doc->plain.v[doc->plain.n] = '\0';
    size_t start = doc->plain.n;
    el_block b = {0};
    b.type = type;
    b.list_num = -1;
    b.line = (size_t)cmark_node_get_start_line(node);
    b.end_line = (size_t)cmark_node_get_end_line(node);
    if (b.line == 0)
        b.line = 1;
    if (b.end_line < b.line)
        b.end_line = b.line;
    if (type == EL_BLOCK_HEADING)
        b.level = cmark_node_get_heading_level(node);

    for (cmark_node *p = cmark_node_parent(node); p; p = cmark_node_parent(p)) {
        cmark_node_type pt = cmark_node_get_type(p);
        if (pt == CMARK_NODE_BLOCK_QUOTE)
            b.flags |= EL_BF_QUOTE;
        else if (pt == CMARK_NODE_LIST)
            b.flags |= EL_BF_LIST, b.level++;
    }
    cmark_node *parent = cmark_node_parent(node);
    if (parent && cmark_node_get_type(parent) == CMARK_NODE_ITEM &&
        cmark_node_first_child(parent) == node) {
        b.flags |= EL_BF_ITEM;
        cmark_node *list = cmark_node_parent(parent);
        if (list && cmark_node_get_list_type(list) == CMARK_ORDERED_LIST) {
            int num = cmark_node_get_list_start(list);
            for (cmark_node *s = cmark_node_previous(parent); s; s = cmark_node_previous(s))
                num++;
            b.list_num = num;
        }
    }

    if (type == EL_BLOCK_PARA || type == EL_BLOCK_HEADING) {
        b.bold_len = append_leaf(doc, node);
    } else if (type == EL_BLOCK_CODE || type == EL_BLOCK_HTML) {
        const char *lit = cmark_node_get_literal(node);
        size_t a = src_offset(doc, (int)b.line, 1);
        size_t z = src_offset(doc, (int)b.end_line + 1, 1);
        if (lit)
            append_literal(doc, lit, strlen(lit), a, z);
    }
    /* Trim leading whitespace by moving the start; trailing by truncation. */
    size_t lead = el_blocks_lead_ws(doc->plain.v + start, doc->plain.n - start, NULL);
    size_t kept = trim_plain(doc, start);
    if (lead > kept) /* all whitespace: both trims took the same bytes */
        lead = kept;
    b.txt.off = start + lead;
    b.txt.len = kept - lead;
    b.bold_len = b.bold_len > lead ? b.bold_len - lead : 0;
    if (b.bold_len > b.txt.len)
        b.bold_len = b.txt.len;
    *EL_VEC_PUSH(doc->blocks) = b;
}

void el_blocks_markdown(el_doc *doc)
{
    cmark_node *root = cmark_parse_document(doc->text, doc->len, CMARK_OPT_SOURCEPOS);
    cmark_iter *it = cmark_iter_new(root);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        if (ev != CMARK_EVENT_ENTER)
            continue;
        cmark_node *node = cmark_iter_get_node(it);
        switch (cmark_node_get_type(node)) {
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
        default:
            break;
        }
    }
    cmark_iter_free(it);
    cmark_node_free(root);
}
