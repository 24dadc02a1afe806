/* SPDX-License-Identifier: MIT */
/*
 * Quotation-mark pairing shared by the quote extractor (quotes.c) and the device
 * extractor (devices.c): both need the “…” spans of a paragraph, the first to find
 * quotations, the second to find quoted figurative terms (“压舱石”).
 * Internal header: included by src/quotes.c, src/devices.c, src/stats.c and their tests.
 */
#ifndef EL_QUOTES_H
#define EL_QUOTES_H

#include <stdbool.h>
#include <stddef.h>

#include "doc.h"
#include "util.h"

/* One matched pair of marks; offsets relative to the scanned buffer. */
typedef struct el_qpair {
    size_t open;  /* offset of the opening mark */
    size_t inner; /* first byte of the quoted text (just past the opening mark) */
    size_t close; /* offset of the closing mark (end of the quoted text) */
    size_t end;   /* just past the closing mark */
} el_qpair;

typedef EL_VEC(el_qpair) el_qpair_vec;

/*
 * Pair “…”, 「…」, 『…』 and ASCII "…" marks in s[0..n) (one paragraph), appending the
 * pairs to *out (emptied first) in order of their opening mark. Curly and corner marks pair
 * innermost-first with a stack, ASCII quotes alternate; unmatched marks are skipped.
 * Linear in n (plus a sort of the pairs).
 */
void el_quote_pairs(const char *s, size_t n, el_qpair_vec *out);

typedef EL_VEC(el_span) el_span_vec;

/*
 * The bare lead-ins of classical lines (古人云, 正所谓, 子曰, …) in s[0..n), found in the pass
 * that pairs the marks: each occurrence as a span of s, in order of offset (leads at one offset
 * in the order of the extractor's list), appended to *out (emptied first). For tests of that
 * pass; the extractor keeps them to itself.
 */
void el_quote_leads(const char *s, size_t n, el_span_vec *out);

/*
 * The blocks of the essay's own text, in document order: the title, each section heading
 * that is not part of a paragraph (论点 1：强化党建引领，激活…“主心骨”) and each paragraph.
 * Notes are never included. *out is emptied first.
 */
void el_quote_blocks(const el_doc *doc, el_span_vec *out);

/*
 * Whether key[0..klen) (text normalised by el_lex_normalize, no dropped mark left) is the key
 * of one whole clause of a classical line of the lexicon: the run between two of its marks
 * (九层之台 of 九层之台，起于累土). Answered from the index the extractor builds once per
 * process for its own matching, so the statistics scanner (stats.c, which drops the numerals of
 * quoted classical clauses) keeps no index of its own. Thread-safe.
 */
bool el_quote_classical_clause(const char *key, size_t klen);

#endif
