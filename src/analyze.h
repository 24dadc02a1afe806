/* SPDX-License-Identifier: MIT */
/*
 * The analysis stages. Each extractor reads the section tree and appends to
 * the document (statistics, cases, quotes, devices, evidence); the lint pass
 * runs last. el_analyze() calls them in table order.
 * Internal header: included by the analysis modules and tests.
 */
#ifndef EL_ANALYZE_H
#define EL_ANALYZE_H

#include "doc.h"

/* Statistics of the title and 正文 (stats_extract.c). */
void el_extract_stats(el_doc *doc);
/* Cases: places, initiatives, polarity (cases.c); needs statistics, and drops those that
   lie inside a case's initiative name (“三个课堂”) from doc->stats. */
void el_extract_cases(el_doc *doc);
/* Quotes: policy, classical, other (quotes.c). */
void el_extract_quotes(el_doc *doc);
/* Rhetorical devices (devices.c); needs quotes and cases. */
void el_extract_devices(el_doc *doc);
/* Per-argument evidence flags (cases.c). */
void el_extract_evidence(el_doc *doc);

#endif
