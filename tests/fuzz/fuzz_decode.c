/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer harness: decoding and the position map. The first byte picks the
 * forced encoding so every converter is exercised; positions must stay in range.
 */
#include "decode.h"
#include "doc.h"

#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    el_options opt = {.encoding = (enum el_encoding)(data[0] % 5), .input = EL_INPUT_TEXT};
    el_doc *doc = el_parse("fuzz.txt", (const char *)data + 1, size - 1, &opt);
    if (el_doc_ok(doc)) {
        size_t line, col;
        for (size_t off = 0; off <= doc->len; off += 1 + doc->len / 16) {
            el_doc_pos(doc, off, &line, &col);
            if (line < 1 || line > doc->lines.n || col < 1)
                abort();
        }
    }
    el_doc_free(doc);
    return 0;
}
