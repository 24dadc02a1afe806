/* SPDX-License-Identifier: MIT */
/*
 * Helpers of the devices tests (test_devices, test_devices_audit): parse a draft and run the
 * extractors devices depend on, count the devices of a type (and text), and EXPECT, which
 * prints the devices found when the count is wrong, and the hostile-input runner. Include after
 * cmocka.h.
 */
#ifndef EL_TESTDEVICES_H
#define EL_TESTDEVICES_H

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "analyze.h"
#include "doc.h"
#include "util.h"

/* The draft s parsed, without extraction. */
static inline el_doc *parse_only(const char *s)
{
    el_doc *doc = el_parse("t.txt", s, strlen(s), NULL);
    assert_true(doc->ok);
    return doc;
}

/* The draft s parsed, its quotes (which devices read) and devices extracted. */
static inline el_doc *parse(const char *s)
{
    el_doc *doc = parse_only(s);
    el_extract_quotes(doc);
    el_extract_devices(doc);
    return doc;
}

/* Number of devices of a type; with want != NULL, only those whose text is want. */
static inline size_t count(const el_doc *doc, enum el_device_type type, const char *want)
{
    size_t n = 0;
    for (size_t i = 0; i < doc->devices.n; i++) {
        const el_device *d = &doc->devices.v[i];
        if (d->type != type)
            continue;
        if (want && (d->txt.len != strlen(want) ||
                     memcmp(doc->plain.v + d->txt.off, want, d->txt.len) != 0))
            continue;
        n++;
    }
    return n;
}

static inline void dump(const el_doc *doc)
{
    for (size_t i = 0; i < doc->devices.n; i++) {
        const el_device *d = &doc->devices.v[i];
        fprintf(stderr, "  device %d [%.*s]\n", (int)d->type, (int)d->txt.len,
                doc->plain.v + d->txt.off);
    }
}

#define EXPECT(doc, type, want, n)                                                                 \
    do {                                                                                           \
        if (count(doc, type, want) != (n)) {                                                       \
            dump(doc);                                                                             \
            fail_msg("expected %d of type %d [%s]", (int)(n), (int)(type),                         \
                     (want) ? (const char *)(want) : "*");                                         \
        }                                                                                          \
    } while (0)

static const char *const NO = NULL;

/* ---- hostile input ---------------------------------------------------------------------- */

#define HOSTILE_SECONDS 4.0 /* optimised builds take well under a second; room for sanitizers */

static inline double seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* lead, then unit repeated `times`, as one paragraph: the quotes and devices extracted within
   HOSTILE_SECONDS and under the cap. */
static inline void run_hostile_after(const char *lead, const char *unit, size_t times)
{
    size_t k = strlen(unit), l = strlen(lead), n = l + k * times;
    el_doc *doc = el_doc_failed("t.txt", "x", "x");
    doc->ok = true;
    doc->plain.v = xmalloc(n + 1);
    memcpy(doc->plain.v, lead, l);
    for (size_t i = 0; i < times; i++)
        memcpy(doc->plain.v + l + i * k, unit, k);
    doc->plain.v[n] = '\0';
    doc->plain.n = doc->plain.cap = n;
    el_para *p = EL_VEC_PUSH(doc->paras);
    memset(p, 0, sizeof *p);
    p->txt = (el_span){0, n};
    double t0 = seconds();
    el_extract_quotes(doc);
    el_extract_devices(doc);
    double dt = seconds() - t0;
    assert_true(doc->devices.n <= 10000);
    if (dt > HOSTILE_SECONDS)
        fail_msg("hostile %s x%zu took %.2fs", unit, times, dt);
    el_doc_free(doc);
}

#endif
