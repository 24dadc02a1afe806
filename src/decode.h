/* SPDX-License-Identifier: MIT */
/*
 * Decoding: raw bytes in any supported encoding to UTF-8 with LF line ends.
 * Internal header: included by doc.c and tests.
 */
#ifndef EL_DECODE_H
#define EL_DECODE_H

#include "doc.h"

/*
 * Detect (or use the forced) encoding of raw[0..len), decode it into doc->text
 * and build the position map. On failure sets doc->ok = false with an error.
 */
void el_decode(el_doc *doc, const char *raw, size_t len, enum el_encoding forced);

/* Stable name of an encoding as reported in JSON ("utf-8", "gb18030", ...). */
const char *el_decode_name(enum el_encoding enc);

/* Parse an encoding name (case-insensitive, "gbk"/"gb2312" read as gb18030); -1 if unknown. */
int el_decode_parse_name(const char *name);

#endif
