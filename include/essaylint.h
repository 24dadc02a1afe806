/* SPDX-License-Identifier: MIT */
/*
 * essaylint: parse, analyse and report 申论 essays.
 *
 * The library turns one input buffer into an analysed document: decoded text,
 * the section tree (标题, 总领, 分论点, 结尾, 写作分析 notes), cases, statistics,
 * quotes, rhetorical devices and lint findings, and writes it as text or as a
 * JSON object of the essaylint/1 report contract.
 *
 *     el_doc *doc = el_parse("draft.md", buf, len, NULL);
 *     if (el_doc_ok(doc))
 *         el_analyze(doc, NULL);
 *     el_report_json(doc, NULL, stdout);
 *     el_doc_free(doc);
 *
 * Struct layouts are private (src/doc.h); use the functions here.
 */
#ifndef ESSAYLINT_H
#define ESSAYLINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Version of the tool and library. */
#define EL_VERSION "0.1.0"
/** Identifier of the JSON report contract. */
#define EL_SCHEMA "essaylint/1"
/** Default cap on the size of one input. */
#define EL_DEFAULT_MAX_SIZE ((size_t)64 << 20)

/** Input encodings. EL_ENC_AUTO detects. */
enum el_encoding { EL_ENC_AUTO, EL_ENC_UTF8, EL_ENC_GB18030, EL_ENC_UTF16LE, EL_ENC_UTF16BE };

/** Input formats. EL_INPUT_AUTO decides by file name, then by content. */
enum el_input_format { EL_INPUT_AUTO, EL_INPUT_MARKDOWN, EL_INPUT_TEXT };

/** Section kinds of the report contract. */
enum el_section_kind {
    EL_SEC_INTRO,
    EL_SEC_ARGUMENT,
    EL_SEC_CONCLUSION,
    EL_SEC_SUMMARY,
    EL_SEC_OTHER
};

/** Finding severities, in increasing order. */
enum el_severity { EL_SEV_INFO, EL_SEV_WARNING, EL_SEV_ERROR };

/** Counts over the title and 正文 (never notes or markup). */
typedef struct el_counts {
    size_t chars;      /**< grid count: every non-whitespace character, punctuation included */
    size_t hanzi;      /**< Han ideographs */
    size_t paragraphs; /**< essay paragraphs */
    size_t sentences;  /**< sentences, split at 。！？ and their half-width forms */
} el_counts;

/** An analysed (or failed) input. Opaque. */
typedef struct el_doc el_doc;

/** How to read an input. Zero-initialise for the defaults. */
typedef struct el_options {
    enum el_encoding encoding;  /**< force an encoding, or EL_ENC_AUTO */
    enum el_input_format input; /**< force a format, or EL_INPUT_AUTO */
} el_options;

/** Lint configuration (rules, thresholds, lexicon additions). Opaque; NULL means defaults. */
typedef struct el_config el_config;

/** Report options. Zero-initialise (or pass NULL) for the defaults. */
typedef struct el_report_options {
    bool english; /**< messages in English instead of Chinese */
    bool color;   /**< ANSI colours in text output */
    size_t width; /**< text output: break finding lines longer than this many columns at
                       line-break opportunities, continuation lines indented; 0: never */
} el_report_options;

/**
 * Decode and parse buf[0..len) (read from path, which is only used for
 * reporting and to pick the format from its extension; "-" is stdin).
 * Never returns NULL; on undecodable input the document is not ok and
 * carries an error code and message.
 */
el_doc *el_parse(const char *path, const char *buf, size_t len, const el_options *opt);

/**
 * A document standing for an input that could not be read at all, so that it
 * is reported like any other. code is a stable identifier ("not_found",
 * "permission", "too_large", ...), message a human reason.
 */
el_doc *el_doc_failed(const char *path, const char *code, const char *message);

/** True when the input was read and decoded. */
bool el_doc_ok(const el_doc *doc);
/** The path as given. */
const char *el_doc_path(const el_doc *doc);
/** Error code of a failed document, or NULL. */
const char *el_doc_error_code(const el_doc *doc);
/** Error message of a failed document, or NULL. */
const char *el_doc_error_message(const el_doc *doc);
/** The counts of an ok document. */
el_counts el_doc_counts(const el_doc *doc);
/** Number of findings of the given severity. */
size_t el_doc_nfindings(const el_doc *doc, enum el_severity sev);
/** Highest severity of any finding, or -1 when there is none. */
int el_doc_max_severity(const el_doc *doc);

/** Extract cases, statistics, quotes and devices and run the lint rules. cfg may be NULL. */
void el_analyze(el_doc *doc, const el_config *cfg);

/** Write the document as one JSON FILE object of the contract, on one line, then '\n'. */
int el_report_json(const el_doc *doc, const el_report_options *opt, FILE *out);

/** Write the document for people: outline, findings as path:line:col lines. */
int el_report_text(const el_doc *doc, const el_report_options *opt, FILE *out);

/** Free the document and everything it owns. NULL is allowed. */
void el_doc_free(el_doc *doc);

#ifdef __cplusplus
}
#endif

#endif
