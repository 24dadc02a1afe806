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

/* Length of the leading whitespace (ASCII, tab, U+3000, NBSP) of s[0..n); *width gets its
 * display width (U+3000 counts 2, tab 4). */
size_t el_blocks_lead_ws(const char *s, size_t n, size_t *width);
/* Length of s[0..n) without trailing whitespace. */
size_t el_blocks_trim_end(const char *s, size_t n);
/* True when s[0..n) opens like an annotation item rather than essay prose: a list number
 * (1. 1、 （1） ① or a number alone), a bullet (· • ●), a 【label】, or a short `label：` head
 * that is not a speech verb (总书记指出：) or a connective (综上所述：). */
bool el_blocks_item_start(const char *s, size_t n);

#endif
