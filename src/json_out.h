/* SPDX-License-Identifier: MIT */
/*
 * A streaming JSON writer: values are appended to one growable buffer, which the caller
 * writes out in one go. It prints exactly what cJSON_PrintUnformatted prints for the same
 * values (same string escapes, same number forms), so reports built with it are
 * byte-identical to reports printed from a cJSON tree, without the tree: building,
 * printing and freeing the tree was a fifth of a run. cJSON stays for parsing.
 *
 * Commas are placed by the writer: call key/value functions in document order.
 * Internal header: included by the JSON reporter, main.c and tests.
 */
#ifndef EL_JSON_OUT_H
#define EL_JSON_OUT_H

#include "essaylint.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef struct el_jw {
    char *v;
    size_t n, cap;
    bool comma; /* a value has just ended: the next key or value is preceded by ',' */
} el_jw;

/* An empty writer; cap is a first guess of the output size (0 for a default). */
void el_jw_init(el_jw *w, size_t cap);
void el_jw_free(el_jw *w);

/* Room for k more bytes at w->v + w->n (the inline writers' slow path). */
void el_jw_reserve(el_jw *w, size_t k);

/* Brackets, inline: a report opens and closes an object or array for every item. */
static inline void el_jw_open_(el_jw *w, char c)
{
    if (w->cap - w->n < 2)
        el_jw_reserve(w, 2);
    if (w->comma)
        w->v[w->n++] = ',';
    w->v[w->n++] = c;
    w->comma = false;
}
static inline void el_jw_close_(el_jw *w, char c)
{
    if (w->cap == w->n)
        el_jw_reserve(w, 1);
    w->v[w->n++] = c;
    w->comma = true;
}
static inline void el_jw_obj(el_jw *w)
{
    el_jw_open_(w, '{');
}
static inline void el_jw_obj_end(el_jw *w)
{
    el_jw_close_(w, '}');
}
static inline void el_jw_arr(el_jw *w)
{
    el_jw_open_(w, '[');
}
static inline void el_jw_arr_end(el_jw *w)
{
    el_jw_close_(w, ']');
}

/* An object member's name (escaped like any string). */
void el_jw_key(el_jw *w, const char *k);
/* A member name written as a string literal that needs no escaping: EL_JW_KEY(w, "line").
 * The quotes and colon are part of the literal, so it is one copy. */
#define EL_JW_KEY(w, lit) el_jw_key_raw((w), "\"" lit "\":", sizeof(lit) + 2)
/* An object opened and its first member's name, EL_JW_KEY's way: EL_JW_OBJ_KEY(w, "line"). */
#define EL_JW_OBJ_KEY(w, lit) el_jw_key_raw((w), "{\"" lit "\":", sizeof(lit) + 3)
/* Inline, so that the copy of a literal of known length is a few moves, not a call: reports
 * write a key for every value. */
static inline void el_jw_key_raw(el_jw *w, const char *quoted, size_t n)
{
    if (w->cap - w->n < n + 1)
        el_jw_reserve(w, n + 1);
    char *o = w->v + w->n;
    if (w->comma)
        *o++ = ',';
    memcpy(o, quoted, n);
    w->n = (size_t)(o + n - w->v);
    w->comma = false;
}

/* A string value of s[0..n), a name from one of the program's own tables (a rule id, a kind,
 * a province) that holds no byte to escape: copied without the scan. Inline: a report writes
 * a few for every item. */
static inline void el_jw_name_n(el_jw *w, const char *s, size_t n)
{
    if (w->cap - w->n < n + 3)
        el_jw_reserve(w, n + 3);
    char *o = w->v + w->n;
    if (w->comma)
        *o++ = ',';
    *o++ = '"';
    memcpy(o, s, n);
    o[n] = '"';
    w->n = (size_t)(o + n + 1 - w->v);
    w->comma = true;
}
/* el_jw_name_n of the NUL-terminated s. */
static inline void el_jw_name(el_jw *w, const char *s)
{
    el_jw_name_n(w, s, strlen(s));
}
/* el_jw_name of a string literal, its length known at compile time: EL_JW_NAME(w, "text"). */
#define EL_JW_NAME(w, lit) el_jw_name_n((w), lit, sizeof(lit) - 1)
/* A string value of the NUL-terminated s. */
void el_jw_str(el_jw *w, const char *s);
/* A string value of the bytes s[0..n), all of them (a NUL byte becomes \u0000). */
void el_jw_strn(el_jw *w, const char *s, size_t n);
void el_jw_null(el_jw *w);
void el_jw_bool(el_jw *w, bool b);
/* Numbers, printed as cJSON prints the double of the same value. */
void el_jw_num(el_jw *w, double d);
/* "00" to "99": two digits per division. */
static const char el_jw_digit_pairs_[201] = "00010203040506070809101112131415161718192021222324"
                                            "25262728293031323334353637383940414243444546474849"
                                            "50515253545556575859606162636465666768697071727374"
                                            "75767778798081828384858687888990919293949596979899";
/* The decimal digits of v at o, which has room for 20; returns the end. Two digits per
 * division, from the right, once the digits are counted (by comparisons for the small values
 * reports mostly print: lines, columns, counts). Inline, for a writer that reserves once for
 * several members (el_jw_reserve), then sets n and comma itself. */
static inline char *el_jw_digits(char *o, uint64_t v)
{
    size_t nd;
    if (v < 100000) {
        nd = v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : v < 10000 ? 4 : 5;
    } else {
        nd = 6;
        for (uint64_t t = v / 1000000; t > 0; t /= 10)
            nd++;
    }
    char *p = o + nd;
    while (v >= 100) {
        p -= 2;
        memcpy(p, el_jw_digit_pairs_ + 2 * (v % 100), 2);
        v /= 100;
    }
    if (v >= 10) {
        p -= 2;
        memcpy(p, el_jw_digit_pairs_ + 2 * v, 2);
    } else {
        *--p = (char)('0' + v);
    }
    return o + nd;
}
/* el_jw_uint and el_jw_int for any value (their out-of-line part). */
void el_jw_uint_any(el_jw *w, uint64_t v);
void el_jw_int_any(el_jw *w, int64_t v);
/* A whole number. Inline for the small ones (lines, columns, indexes, counts): a report
 * writes one for nearly every object, and a call per number cost more than its digits. */
static inline void el_jw_uint(el_jw *w, uint64_t v)
{
    if (v >= 100000 || w->cap - w->n < 7) {
        el_jw_uint_any(w, v);
        return;
    }
    char *o = w->v + w->n;
    if (w->comma)
        *o++ = ',';
    w->n = (size_t)(el_jw_digits(o, v) - w->v);
    w->comma = true;
}
static inline void el_jw_int(el_jw *w, int64_t v)
{
    if (v >= 0)
        el_jw_uint(w, (uint64_t)v);
    else
        el_jw_int_any(w, v);
}
/* Below this, a whole number prints as its plain digits (as cJSON's "%1.15g" prints it). */
#define EL_JW_EXACT_INT 1000000000000000ULL
/* A value given as JSON text, copied as it is. */
void el_jw_raw(el_jw *w, const char *json, size_t n);
/* Append a byte outside any value (a '\n' after a top-level value). */
void el_jw_byte(el_jw *w, char c);

/*
 * The JSON reporter on a writer. What --jsonl-input adds to a FILE object: id_json, the
 * record's "id" as JSON text, becomes the first member; error_line, when not 0, is the input
 * line of a failed document, added to its "error" object as "line".
 */
typedef struct el_report_json_extra {
    const char *id_json;
    size_t error_line;
} el_report_json_extra;

/* Append doc's FILE object (no newline); x may be NULL. */
void el_report_json_write(el_jw *w, const el_doc *doc, const el_report_options *opt,
                          const el_report_json_extra *x);
/* The object on one line, then '\n', in a malloc'd buffer of *len bytes (caller frees). */
char *el_report_json_buf(const el_doc *doc, const el_report_options *opt,
                         const el_report_json_extra *x, size_t *len);
/* el_report_json with the extras: the object on one line, then '\n', in one fwrite. */
int el_report_json_with(const el_doc *doc, const el_report_options *opt,
                        const el_report_json_extra *x, FILE *out);

#endif
