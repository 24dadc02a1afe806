/* SPDX-License-Identifier: MIT */
/*
 * The rule table (the mandoc_msg.c of essaylint): every finding the tool can
 * report, with its id, default severity, description and messages, and the one
 * function through which findings are raised.
 *
 * A finding's argument fills the "%s" of its message. It may carry several
 * positional values separated by EL_ARG_SEP (the message then has as many
 * "%s"); a value may hold a Chinese and an English variant separated by
 * EL_ARG_LANG; an argument starting with EL_ARG_MORE turns the finding into the
 * "N more like this" summary that caps a rule's findings per file.
 * Internal header: included by the analysis, the reporters and tests.
 */
#ifndef EL_RULES_H
#define EL_RULES_H

#include "doc.h"

enum el_rule {
    EL_RULE_DECODE_INVALID_BYTES,
    EL_RULE_STRUCTURE_TITLE_MISSING,
    EL_RULE_STRUCTURE_INTRO_MISSING,
    EL_RULE_STRUCTURE_CONCLUSION_MISSING,
    EL_RULE_STRUCTURE_ARGUMENT_COUNT,
    EL_RULE_STRUCTURE_ARGUMENT_PARALLEL,
    EL_RULE_STRUCTURE_CONCLUSION_ECHO,
    EL_RULE_LENGTH_TOTAL,
    EL_RULE_LENGTH_PARAGRAPH,
    EL_RULE_LENGTH_SENTENCE,
    EL_RULE_EVIDENCE_NO_CASE,
    EL_RULE_EVIDENCE_NO_DATA,
    EL_RULE_EVIDENCE_NO_COUNTERMEASURE,
    EL_RULE_EVIDENCE_REGION_COVERAGE,
    EL_RULE_EVIDENCE_REPEATED_CASE,
    EL_RULE_QUOTE_UNBALANCED,
    EL_RULE_QUOTE_UNATTRIBUTED,
    EL_RULE_QUOTE_MISQUOTED,
    EL_RULE_PUNCT_HALFWIDTH,
    EL_RULE_PUNCT_ELLIPSIS,
    EL_RULE_STYLE_COLLOQUIAL,
    EL_RULE_STYLE_FIRST_PERSON,
    EL_RULE_NOTES_CLAIM_NOT_FOUND,
    EL_RULE_COMMENT_UNKNOWN_RULE,
    EL_RULE_COUNT_ /* number of rules; keep last */
};

/* Separator of positional values in a finding's argument. */
#define EL_ARG_SEP "\x1f"
/* Separator of the Chinese and the English variant of one value. */
#define EL_ARG_LANG "\x1d"
/* Prefix of a summary finding's argument: the rest is the number of findings left out. */
#define EL_ARG_MORE "\x1e"

/* Most "%s" a message has. */
#define EL_MSG_MAXVALUES 3

/*
 * Where the "%s" of a message are, known at compile time (the rule table writes each message
 * as its pieces): the message is piece 0, "%s", piece 1, ..., "%s", piece n. Formatting then
 * copies pieces instead of searching the message for its "%s" finding after finding.
 */
typedef struct el_msg_split {
    unsigned short n;                         /* number of "%s" */
    unsigned short len[EL_MSG_MAXVALUES + 1]; /* byte length of each piece */
} el_msg_split;

typedef struct el_rule_info {
    const char *id; /* "area/name" */
    enum el_severity severity;
    const char *description; /* one line, English */
    const char *msg_zh;      /* message; each "%s" is replaced by a value of the argument */
    el_msg_split split_zh;   /* where msg_zh's "%s" are */
    const char *msg_en;
    el_msg_split split_en;
    const char *description_zh; /* the description in Chinese */
} el_rule_info;

/* The rule's table entry, or NULL when rule is out of range. */
const el_rule_info *el_rule(int rule);
/* Number of rules in the table. */
size_t el_rule_count(void);
/* Index of a rule id, or -1. */
int el_rule_find(const char *id);
/* Index of the rule whose id is s[0..n), or -1. */
int el_rule_findn(const char *s, size_t n);
/* Stable name of a severity: "info", "warning", "error". */
const char *el_severity_name(int severity);

/*
 * Raise a finding of rule at src_off (byte offset in doc->text); arg (copied into the
 * document's string pool, may be NULL)
 * fills the message. Severity starts at the rule's default: configuration and inline
 * suppression are applied afterwards in one place, el_lint()'s final pass.
 */
void el_finding_add(el_doc *doc, int rule, size_t src_off, int section, const char *arg);
/* Format a finding's message into a malloc'd string. */
char *el_finding_message(const el_finding *f, bool english);
/*
 * The same message into *buf (*cap bytes, grown as needed; the caller frees it, and may start
 * from NULL and 0), NUL-terminated; returns its length. A reporter reuses one buffer for all
 * its findings instead of a malloc and free per finding.
 */
size_t el_finding_message_into(const el_finding *f, bool english, char **buf, size_t *cap);
/* Sort findings by position (line, column), then by rule. */
void el_findings_sort(el_doc *doc);

#endif
