/* SPDX-License-Identifier: MIT */
/*
 * Blocks: split the decoded text into paragraphs, headings and other blocks,
 * each with its markup-free content appended to doc->plain.
 * Internal header: included by doc.c, section.c and tests.
 */
#ifndef EL_BLOCKS_H
#define EL_BLOCKS_H

#include "doc.h"

/* Markdown through cmark (source positions kept). */
void el_blocks_markdown(el_doc *doc);
/* Plain text: one block per line, or per run of hard-wrapped lines (indented paragraphs with
 * unindented wraps, or blank-line-separated blocks of wrapped lines). */
void el_blocks_text(el_doc *doc);

/* Room in doc->plain for the whole text and a separator a line, and for segs more mapping
 * segments and blocks more blocks: the readers fill them a line or a literal at a time, and
 * would otherwise grow (copy) them over and over. */
void el_blocks_reserve(el_doc *doc, size_t segs, size_t blocks);

/* Length of the leading whitespace (ASCII, tab, U+3000, NBSP) of s[0..n); *width gets its
 * display width (U+3000 counts 2, tab 4). */
size_t el_blocks_lead_ws(const char *s, size_t n, size_t *width);
/* Length of s[0..n) without trailing whitespace. */
size_t el_blocks_trim_end(const char *s, size_t n);
/* Whether a line break between p[0..pn) (pn > 0: the paragraph so far) and s[0..n) (n > 0:
 * the next line) splits an ASCII figure: a digit on both sides, or a decimal point or thousands
 * comma on one side with a digit beyond it (20|60 年, 1|.8 万, 3,|200). The readers join such a
 * break with nothing, where they put a space between Latin words: two numbers a space apart are
 * rare in Chinese prose, a figure cut by a hard wrap is not. */
bool el_blocks_split_figure(const char *p, size_t pn, const char *s, size_t n);
/* True when s[0..n) opens like an annotation item rather than essay prose: a list number
 * (1. 1、 （1） ① or a number alone), a bullet (· • ●), a 【label】, or a short `label：` head
 * that is not a speech verb (总书记指出：) or a connective (综上所述：). */
bool el_blocks_item_start(const char *s, size_t n);

/* Finds the runs of two or more `*` or of two or more `_` in s[0..n), left to right: a memchr
 * pass for each mark over the whole literal, however many runs or single marks it holds. */
typedef struct el_delim_scan {
    const char *s;
    size_t n;
    size_t star, under; /* the next `*` and `_` not yet passed, n when there is none */
} el_delim_scan;
void el_blocks_delim_start(el_delim_scan *d, const char *s, size_t n);
/* The next run as [*a, *z), or false when s[from..n) holds none; from is where the caller's
 * last run ended (0 at first), never less. */
bool el_blocks_delim_next(el_delim_scan *d, size_t from, size_t *a, size_t *z);

#endif
