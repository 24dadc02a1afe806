/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer harness: the full analysis (extractors and lint rules) on any input.
 */
#include "doc.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    el_options opt = {.input = data[0] & 1 ? EL_INPUT_MARKDOWN : EL_INPUT_TEXT};
    el_doc *doc = el_parse("f.md", (const char *)data + 1, size - 1, &opt);
    if (el_doc_ok(doc)) {
        el_analyze(doc, NULL);
        for (size_t i = 0; i < doc->findings.n; i++)
            if (doc->findings.v[i].src_off > doc->len)
                abort();
        for (size_t i = 0; i < doc->stats.n; i++)
            if (doc->stats.v[i].txt.off + doc->stats.v[i].txt.len > doc->plain.n)
                abort();
        for (size_t i = 0; i < doc->cases.n; i++)
            if (doc->cases.v[i].stat0 + doc->cases.v[i].nstat > doc->stats.n)
                abort();
    }
    el_doc_free(doc);
    return 0;
}
