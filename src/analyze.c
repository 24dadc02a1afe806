/* SPDX-License-Identifier: MIT */
/*
 * The analysis driver: runs every extractor over the essay's own text (title
 * and 正文, never notes), then the lint rules, then orders the findings.
 */
#include "analyze.h"

#include "rules.h"

void el_analyze(el_doc *doc, const el_config *cfg)
{
    (void)cfg;
    if (!doc->ok)
        return;
    if (doc->invalid_off != SIZE_MAX)
        el_finding_add(doc, EL_RULE_DECODE_INVALID_BYTES, doc->invalid_off,
                       -1, NULL);
    static void (*const extractors[])(el_doc *) = {
        NULL,
    };
    for (size_t i = 0; extractors[i] != NULL; i++)
        extractors[i](doc);
    el_findings_sort(doc);
}
