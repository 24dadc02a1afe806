/* SPDX-License-Identifier: MIT */
/*
 * Reporters: turn an analysed document into text, JSON or SARIF.
 * Internal header: included by the reporters, main.c and tests.
 */
#ifndef EL_REPORT_H
#define EL_REPORT_H

#include "doc.h"

#include <cJSON.h>

/* The FILE object of the contract as a cJSON tree (caller deletes). */
cJSON *el_report_json_object(const el_doc *doc, const el_report_options *opt);

/* Print every source line with the role the parser gave it (--debug-blocks). */
void el_report_debug_blocks(const el_doc *doc, FILE *out);

#endif
