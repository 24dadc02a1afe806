/* SPDX-License-Identifier: MIT */
/*
 * The lint pass: runs every rule of the table (rules.h) over an analysed
 * document, then applies the configuration (rules off, severities), inline
 * suppression comments and the per-file cap, in that one final pass.
 * Internal header: included by analyze.c, fix.c and tests.
 */
#ifndef EL_LINT_H
#define EL_LINT_H

#include "doc.h"

/* Most findings of one rule reported per file before one "N more" summary finding. */
#define EL_LINT_MAX_PER_RULE 50
/* The same for quote/unbalanced, whose findings cascade. */
#define EL_LINT_MAX_UNBALANCED 20

/*
 * Run the lint rules over doc (after the extractors) and filter the findings through cfg
 * (NULL: defaults) and the inline `<!-- essaylint-disable ... -->` comments.
 */
void el_lint(el_doc *doc, const el_config *cfg);

/*
 * A certain punctuation fix found in s[0..n): replace bytes [off, off+len) by repl.
 * rule is EL_RULE_PUNCT_HALFWIDTH or EL_RULE_PUNCT_ELLIPSIS; mark_len is the length of the
 * offending mark itself (len may also cover spaces the fix removes after it).
 */
typedef void (*el_punct_cb)(void *ctx, int rule, size_t off, size_t len, size_t mark_len,
                            const char *repl);
/* Find every punct/halfwidth and punct/ellipsis spot in s[0..n) in order; linear. */
void el_lint_punct_scan(const char *s, size_t n, el_punct_cb cb, void *ctx);
/*
 * el_lint_punct_scan over doc's plain[off..off+n) except the code in it (Markdown code spans
 * and code blocks are the writer's verbatim text); offsets passed to cb are relative to off.
 */
void el_lint_punct_scan_doc(const el_doc *doc, size_t off, size_t n, el_punct_cb cb, void *ctx);

/*
 * Whether section i is an argument whose title is a heading on a line of its own
 * (一、强化技术反制,筑牢…: the number left out), which the punctuation rules and their fixes
 * scan besides the title and the paragraphs; false for a topic sentence inside a paragraph,
 * a repeated title and the labels of the other sections (总领段, 结尾: no essay text).
 */
bool el_lint_heading(const el_doc *doc, size_t i);

/* Inline suppression state of a document (from its essaylint comments). */
typedef struct el_suppress el_suppress;
/* Parse the document's essaylint comments; NULL when it has none. */
el_suppress *el_suppress_build(const el_doc *doc);
/* Whether rule is suppressed at byte offset src_off of doc->text (s may be NULL: never). */
bool el_suppress_match(const el_suppress *s, int rule, size_t src_off);
void el_suppress_free(el_suppress *s);

/* 1-based source line of a byte offset in doc->text. */
size_t el_lint_line(const el_doc *doc, size_t src_off);

#endif
