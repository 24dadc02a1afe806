/* SPDX-License-Identifier: MIT */
/*
 * The section tree: classify blocks into title, theme, labels, 正文 paragraphs
 * and 写作分析 notes, and group them into intro / argument / conclusion /
 * summary sections, inferring the structure of unlabelled drafts.
 * Internal header: included by doc.c, blocks_text.c (argument markers), the analysis
 * and tests.
 */
#ifndef EL_SECTION_H
#define EL_SECTION_H

#include "doc.h"

/* Build title, theme, sections, paragraphs, notes, roles and counts from doc->blocks. */
void el_section_build(el_doc *doc);

/* Stable contract name of a section kind ("intro", "argument", ...). */
const char *el_section_kind_name(enum el_section_kind kind);

/* Name of a line role for --debug-blocks ("title", "paragraph", ...). */
const char *el_section_role_name(enum el_role role);

/*
 * Argument marker at the start of s[0..n) (一、 （一） 第一， 首先 一是 1. 论点 1: 分论点一…):
 * returns its byte length including trailing punctuation/space, 0 if none; *num gets the ordinal.
 */
size_t el_section_arg_marker(const char *s, size_t n, int *num);

#endif
