/* SPDX-License-Identifier: MIT */
/*
 * Reporters: turn an analysed document into text, JSON or SARIF.
 * Internal header: included by the reporters, main.c and tests.
 */
#ifndef EL_REPORT_H
#define EL_REPORT_H

#include "doc.h"

#include <cJSON.h>

/* Print every source line with the role the parser gave it (--debug-blocks). */
void el_report_debug_blocks(const el_doc *doc, FILE *out);

/* Totals of a run: the SUMMARY object of the contract and the text summary line. */
typedef struct el_run_totals {
    size_t files, failed, chars;
    size_t findings[3]; /* by enum el_severity */
} el_run_totals;

/* Count one document (ok or failed) into the totals. */
void el_run_totals_add(el_run_totals *t, const el_doc *doc);
/* The SUMMARY object of the contract on one line, without a newline. */
int el_report_json_summary(const el_run_totals *t, FILE *out);
/* One line for people: files, failures, findings by severity, characters. */
int el_report_text_summary(const el_run_totals *t, const el_report_options *opt, FILE *out);

/* One row of the per-file summary (--summary, --format csv); owns path. */
typedef struct el_summary_row {
    char *path;
    bool ok;
    const char *error_code; /* static string, NULL when ok */
    size_t chars, arguments, cases, statistics, quotes, errors, warnings, infos;
} el_summary_row;

/* Fill row from an analysed (or failed) document. */
void el_summary_row_fill(el_summary_row *row, const el_doc *doc);
void el_summary_row_free(el_summary_row *row);
/* The rows as a table aligned by display width, fitting width columns where it can (long
 * paths lose their start behind "…"); width 0 means no limit. */
int el_report_summary_table(const el_summary_row *rows, size_t n, const el_report_options *opt,
                            size_t width, FILE *out);
/* CSV (RFC 4180: CRLF line ends, fields quoted when needed): the header, then one row. */
int el_report_csv_header(FILE *out);
int el_report_csv_row(const el_summary_row *row, FILE *out);

/* The rule table (--list-rules): id, default severity, description, aligned. */
int el_report_rules(const el_report_options *opt, FILE *out);

/*
 * SARIF 2.1.0, written as a stream so a batch never holds more than one document:
 * begin (log, run, tool with every rule), then each document's results (joined with ",\n",
 * no leading or trailing separator; the caller puts ",\n" between non-empty chunks), then
 * end with the artifacts and tool notifications the caller collected in input order.
 * artifact is the 0-based input index, the document's position in the artifacts array.
 */
int el_report_sarif_begin(const el_report_options *opt, FILE *out);
/* Write doc's results; returns how many were written, or -1 on a write error. */
int el_report_sarif_results(const el_doc *doc, const el_report_options *opt, size_t artifact,
                            FILE *out);
/* doc's entry of run.artifacts (one JSON object, no separator). */
int el_report_sarif_artifact(const el_doc *doc, FILE *out);
/* For a failed doc, its toolExecutionNotification (one JSON object); nothing when ok. */
int el_report_sarif_notification(const el_doc *doc, size_t artifact, FILE *out);
/* Close the log: artifacts and notifications are comma-joined JSON objects (may be empty). */
int el_report_sarif_end(const char *artifacts, const char *notifications, bool success, FILE *out);

#endif
