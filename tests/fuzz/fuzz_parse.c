/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer harness: blocks and the section tree, Markdown and plain text.
 * Checks the tree's invariants: spans inside `plain`, sections in order,
 * every paragraph and note on a line with the matching role.
 */
#include "doc.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_span(const el_doc *doc, el_span s)
{
    if (s.len && s.off + s.len > doc->plain.n)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    el_options opt = {.input = data[0] & 1 ? EL_INPUT_MARKDOWN : EL_INPUT_TEXT};
    el_doc *doc = el_parse(data[0] & 1 ? "f.md" : "f.txt", (const char *)data + 1, size - 1, &opt);
    if (el_doc_ok(doc)) {
        check_span(doc, doc->title);
        check_span(doc, doc->theme);
        size_t paras = 0, notes = 0;
        for (size_t i = 0; i < doc->sections.n; i++) {
            const el_section *s = &doc->sections.v[i];
            check_span(doc, s->title);
            if (s->para0 != paras || s->note0 != notes)
                abort();
            paras += s->npara;
            notes += s->nnote;
        }
        if (paras != doc->paras.n || notes != doc->notes.n)
            abort();
        for (size_t i = 0; i < doc->paras.n; i++) {
            check_span(doc, doc->paras.v[i].txt);
            if (doc->roles[doc->paras.v[i].line - 1] != EL_ROLE_PARAGRAPH)
                abort();
        }
        for (size_t i = 0; i < doc->notes.n; i++) {
            check_span(doc, doc->notes.v[i].txt);
            check_span(doc, doc->notes.v[i].label);
        }
    }
    el_doc_free(doc);
    return 0;
}
