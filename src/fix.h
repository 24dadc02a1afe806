/* SPDX-License-Identifier: MIT */
/*
 * --fix: apply the fixes that are certain (punct/halfwidth and punct/ellipsis)
 * to a draft, writing it back in its original encoding and line endings.
 * Internal header: included by main.c and tests.
 */
#ifndef EL_FIX_H
#define EL_FIX_H

#include <stdio.h>

#include "doc.h"

/*
 * The fixed bytes of a draft: raw[0..rawlen) is the file as read and doc its analysed
 * document (el_parse + el_analyze of exactly those bytes, so doc->cfg says which rules are
 * off). Replacements follow the rules' own detection, skip rules switched off by the
 * configuration and lines under an essaylint-disable comment, and are re-encoded in the
 * file's encoding, BOM and per-line endings. Returns the malloc'd new bytes (*outlen, *nfix
 * replacements; *nfix 0 means unchanged), or NULL with *err (malloc'd) when the file cannot
 * be rewritten faithfully (invalid bytes, or bytes that would not round-trip).
 */
char *el_fix_apply(const char *raw, size_t rawlen, const el_doc *doc, size_t *outlen, size_t *nfix,
                   char **err);

/*
 * Fix the draft at path (see el_fix_apply). With dry_run, write a unified diff of the
 * changed lines to out and leave the file alone (in the file's own bytes, encoding and line
 * endings, so that patch(1) applies it; decoded to UTF-8 for UTF-16 files); otherwise replace the
 * file atomically (a temporary file in the same folder, its mode kept, then rename; a symlink is
 * followed) and write nothing. The original is untouched on any failure, and when the file
 * changed since it was read. path "-" works only with dry_run.
 * Returns the number of replacements (0: nothing to fix), or -1 with *err (malloc'd).
 */
int el_fix(const char *path, const char *raw, size_t rawlen, const el_doc *doc, bool dry_run,
           FILE *out, char **err);

#endif
