/* SPDX-License-Identifier: MIT */
/*
 * The plain-text reader: drafts pasted from Word or a PDF, one paragraph per
 * line (often indented with 　　), paragraphs maybe separated by blank lines.
 * When a draft marks paragraphs by indentation, unindented lines that follow a
 * line not ending a sentence are hard wraps and join the paragraph above.
 */
#include "blocks.h"

#include <string.h>

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

typedef struct line_info {
    size_t start, lead, len; /* len: content length after lead, trimmed */
    size_t width;
    bool blank;
} line_info;

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
    return li;
}

static bool is_comment(const char *s, size_t n)
{
    return n >= 7 && memcmp(s, "<!--", 4) == 0 && memcmp(s + n - 3, "-->", 3) == 0;
}

void el_blocks_text(el_doc *doc)
{
    size_t nlines = doc->lines.n;
    /* Is this a draft whose paragraphs are marked by indentation? */
    size_t long_lines = 0, indented = 0;
    for (size_t ln = 0; ln < nlines; ln++) {
        line_info li = line_at(doc, ln);
        if (li.len >= 60) {
            long_lines++;
            indented += li.width > 0;
        }
    }
    bool by_indent = long_lines >= 3 && indented * 10 >= long_lines * 6;

    el_block *open = NULL;
    for (size_t ln = 0; ln < nlines; ln++) {
        line_info li = line_at(doc, ln);
        if (li.blank) {
            open = NULL;
            continue;
        }
        const char *s = doc->text + li.start + li.lead;
        bool comment = is_comment(s, li.len);
        if (open && by_indent && !comment && li.width == 0 && open->type == EL_BLOCK_PARA &&
            (open->flags & EL_BF_INDENT) && !(open->flags & EL_BF_CENTERED) &&
            !(li.len >= 3 && memcmp(s, "【", 3) == 0)) {
            size_t pend = doc->plain.n;
            if (pend - open->txt.off >= 60 &&
                !ends_sentence(doc->plain.v + open->txt.off, pend - open->txt.off)) {
                el_doc_plain_append(doc, li.start + li.lead, li.len);
                open->txt.len = doc->plain.n - open->txt.off;
                open->end_line = ln + 1;
                continue;
            }
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
        b->txt.off = el_doc_plain_append(doc, li.start + li.lead, li.len);
        b->txt.len = li.len;
        open = b;
    }
}
