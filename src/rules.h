/* SPDX-License-Identifier: MIT */
/*
 * The rule table (the mandoc_msg.c of essaylint): every finding the tool can
 * report, with its id, default severity, description and messages, and the one
 * function through which findings are raised.
 * Internal header: included by the analysis, the reporters and tests.
 */
#ifndef EL_RULES_H
#define EL_RULES_H

#include "doc.h"

enum el_rule {
    EL_RULE_DECODE_INVALID_BYTES,
    EL_RULE_COUNT_ /* number of rules; keep last */
};

typedef struct el_rule_info {
    const char *id;          /* "area/name" */
    enum el_severity severity;
    const char *description; /* one line, English */
    const char *msg_zh;      /* message; "%s" is replaced by the finding's argument */
    const char *msg_en;
} el_rule_info;

/* The rule's table entry. */
const el_rule_info *el_rule(int rule);
/* Number of rules in the table. */
size_t el_rule_count(void);
/* Index of a rule id, or -1. */
int el_rule_find(const char *id);

/* Raise a finding of rule at src_off (byte offset in doc->text); arg (copied) fills "%s". */
void el_finding_add(el_doc *doc, int rule, size_t src_off, int section, const char *arg);
/* Format a finding's message into a malloc'd string. */
char *el_finding_message(const el_finding *f, bool english);
/* Sort findings by position (line, column); stable. */
void el_findings_sort(el_doc *doc);

#endif
