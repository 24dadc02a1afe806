/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer harness: the reporters. JSON output must parse back with cJSON
 * and carry the contract's required fields; text output must not fail.
 */
#include "doc.h"

#include <cJSON.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    el_options opt = {.input = data[0] & 1 ? EL_INPUT_MARKDOWN : EL_INPUT_TEXT};
    el_doc *doc = el_parse("f.md", (const char *)data + 1, size - 1, &opt);
    if (el_doc_ok(doc))
        el_analyze(doc, NULL);
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    el_report_options ropt = {.english = (data[0] & 2) != 0};
    if (el_report_json(doc, &ropt, mem) != 0)
        abort();
    fclose(mem);
    cJSON *j = cJSON_Parse(buf);
    if (j == NULL || !cJSON_IsBool(cJSON_GetObjectItem(j, "ok")) ||
        !cJSON_IsString(cJSON_GetObjectItem(j, "path")))
        abort();
    if (cJSON_IsTrue(cJSON_GetObjectItem(j, "ok")) &&
        (!cJSON_IsArray(cJSON_GetObjectItem(j, "sections")) ||
         !cJSON_IsArray(cJSON_GetObjectItem(j, "findings"))))
        abort();
    cJSON_Delete(j);
    free(buf);
    FILE *devnull = fopen("/dev/null", "w");
    if (devnull) {
        el_report_text(doc, &ropt, devnull);
        fclose(devnull);
    }
    el_doc_free(doc);
    return 0;
}
