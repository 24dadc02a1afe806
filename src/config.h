/* SPDX-License-Identifier: MIT */
/*
 * Lint configuration: `.essaylint.json` files (rule severities, length limits,
 * lexicon additions), found by walking up from a draft's folder (the nearest
 * wins) or named explicitly (--config FILE).
 *
 *     {"rules":   {"punct/halfwidth": "off" | "on" | "info" | "warning" | "error"},
 *      "length":  {"min": 1000, "max": 1200, "paragraph_min": 30, "paragraph_max": 400,
 *                  "sentence_max": 120},
 *      "lexicon": {"places": ["..."], "quotes": [{"text": "...", "source": "..."}],
 *                  "colloquial": ["..."]}}
 *
 * Every key is optional; an unknown key, a wrong type or an unknown rule id makes the whole
 * file invalid, with a message naming the file, the key path and what was expected.
 * Colloquial additions take effect in style/colloquial; places take effect in cases (a
 * configured place is a case's place like a gazetteer one, province null unless its name
 * starts with a province or city); quotes in quotes (classical quotes and misquotes).
 * Internal header (the struct layout is private to the library and its tests).
 */
#ifndef EL_CONFIG_H
#define EL_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "essaylint.h"
#include "rules.h"
#include "util.h"

/* Value of el_config.sev[rule]: the rule's default severity, or the rule switched off. */
#define EL_CFG_DEFAULT (-1)
#define EL_CFG_OFF (-2)

/* Default limits (the usual 大作文 range and paragraph/sentence sizes). */
#define EL_CFG_LEN_MIN 1000
#define EL_CFG_LEN_MAX 1200
#define EL_CFG_PARA_MIN 30
#define EL_CFG_PARA_MAX 400
#define EL_CFG_SENTENCE_MAX 120

/* A quotation added to the lexicon: its text and source (NULL when not given). */
typedef struct el_config_quote {
    char *text;
    char *source;
} el_config_quote;

/* A list of owned strings. */
typedef EL_VEC(char *) el_strvec;

struct el_config {
    char *path;                      /* file it was read from; NULL for built defaults */
    signed char sev[EL_RULE_COUNT_]; /* EL_CFG_DEFAULT, EL_CFG_OFF or an el_severity */
    size_t len_min, len_max;         /* grid count of the whole essay */
    size_t para_min, para_max;       /* grid count of one paragraph */
    size_t sentence_max;             /* grid count of one sentence */
    el_strvec places;
    EL_VEC(el_config_quote) quotes;
    el_strvec colloquial;
};

/* A configuration holding the defaults (every rule at its default severity). */
el_config *el_config_new(void);
/* Fill *cfg with the defaults; it owns nothing, so it needs no el_config_free(). */
void el_config_init(el_config *cfg);

/*
 * Parse a configuration from json[0..len); name is used in error messages.
 * Returns NULL and sets *err (malloc'd) when the text is not a valid configuration.
 */
el_config *el_config_parse(const char *name, const char *json, size_t len, char **err);
/* Read and parse the file at path; NULL and *err (malloc'd, names the file) on any failure. */
el_config *el_config_load(const char *path, char **err);
/* Free a configuration from el_config_new/parse/load. NULL is allowed. */
void el_config_free(el_config *cfg);

/*
 * The configuration that applies to the draft at draft_path: the nearest `.essaylint.json`
 * in its folder or any parent folder ("-" starts from the current folder). Returns NULL with
 * *err NULL when there is none (use the defaults), NULL with *err set (malloc'd) when the
 * nearest file is invalid. Results are cached per folder and owned by the cache: do not free
 * them; they stay valid until el_config_cache_clear(). Thread-safe (one mutex).
 */
const el_config *el_config_for_file(const char *draft_path, char **err);
/* Free every cached configuration (not thread-safe against concurrent lookups). */
void el_config_cache_clear(void);

/* Effective severity of rule under cfg (NULL: defaults), or -1 when the rule is off. */
int el_config_severity(const el_config *cfg, int rule);

/* Lexicon additions (cfg may be NULL: none). Each returns the count and sets *out. */
size_t el_config_places(const el_config *cfg, char *const **out);
size_t el_config_quotes(const el_config *cfg, const el_config_quote **out);
size_t el_config_colloquial(const el_config *cfg, char *const **out);

#endif
