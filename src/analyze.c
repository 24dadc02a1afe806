/* SPDX-License-Identifier: MIT */
/*
 * The analysis driver: runs every extractor over the essay's own text (title
 * and 正文, never notes), then the lint rules, then orders the findings.
 */
#include "analyze.h"

#include "lint.h"
#include "rules.h"

void el_analyze(el_doc *doc, const el_config *cfg)
{
    if (!doc->ok)
        return;
    doc->cfg = cfg;
    if (doc->invalid_off != SIZE_MAX)
        el_finding_add(doc, EL_RULE_DECODE_INVALID_BYTES, doc->invalid_off, -1, NULL);
    /* Order matters: cases link statistics, devices read quotes and cases. */
    static void (*const extractors[])(el_doc *) = {
        el_extract_stats,   el_extract_cases,    el_extract_quotes,
        el_extract_devices, el_extract_evidence, NULL,
    };
    for (size_t i = 0; extractors[i] != NULL; i++)
        extractors[i](doc);
    el_lint(doc, cfg);
    el_findings_sort(doc);
    /* The shared lexicon hits are analysis scratch: free them before a report is built. */
    el_doc_lex_release(doc);
}
