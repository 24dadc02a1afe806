/* SPDX-License-Identifier: MIT */
/*
 * stages: where the wall time of an analysis goes, stage by stage, for whoever optimises
 * next (`make stages`). callgrind (make profile) counts instructions, which are repeatable
 * but blind to cache misses and mispredicted branches; this times the stages themselves.
 *
 * Reads the files named on standard input (one path a line) into memory first, so that no
 * file system call is timed, then runs the pipeline over them ROUNDS times (default 3) and
 * prints, per stage, the best round's milliseconds and its share: parse (decode, blocks,
 * section tree), the one lexicon scan every extractor shares (run on its own here, before
 * the extractors that would otherwise set it off), each extractor in el_analyze's order,
 * lint, the ordering of findings, and the JSON report (into a buffered /dev/null). Each input
 * is touched just before it is parsed, as essaylint finds it after read(2).
 *
 * Usage: find DIR -type f | stages [ROUNDS]
 * Links with the library and its internal headers, as the unit tests do.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "analyze.h"
#include "doc.h"
#include "essaylint.h"
#include "lint.h"
#include "rules.h"
#include "util.h"

enum {
    ST_PARSE,
    ST_LEX,
    ST_STATS,
    ST_CASES,
    ST_QUOTES,
    ST_DEVICES,
    ST_EVIDENCE,
    ST_LINT,
    ST_SORT,
    ST_JSON,
    NSTAGES
};

static const char *const stage_names[NSTAGES] = {
    "parse",   "lexicon scan", "statistics", "cases", "quotes",
    "devices", "evidence",     "lint",       "sort",  "json report",
};

/* The extractors in el_analyze's order, from ST_STATS on. */
static void (*const extractors[])(el_doc *) = {
    el_extract_stats, el_extract_cases, el_extract_quotes, el_extract_devices, el_extract_evidence,
};

typedef struct input {
    char *path;
    char *buf;
    size_t len;
} input;

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* The whole of path, or NULL (with a message) when it cannot be read. */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        perror(path);
        return NULL;
    }
    char *buf = NULL;
    size_t n = 0, cap = 0, k;
    do {
        buf = xgrow(buf, &cap, n + 65536, 1);
        k = fread(buf + n, 1, cap - n, f);
        n += k;
    } while (k > 0);
    fclose(f);
    *len = n;
    return buf;
}

static void no_hit(void *ctx, const el_lex_hit *h)
{
    (void)ctx;
    (void)h;
}

/* One round over every input: the seconds of each stage added into t. */
static void round_once(const input *in, size_t n, FILE *sink, double *t)
{
    for (size_t i = 0; i < n; i++) {
        volatile unsigned char touch = 0;
        for (size_t k = 0; k < in[i].len; k += 64)
            touch ^= (unsigned char)in[i].buf[k];
        (void)touch; /* read in, as the command reads a file just before parsing it */
        double a = now();
        el_doc *doc = el_parse(in[i].path, in[i].buf, in[i].len, NULL);
        double b = now();
        t[ST_PARSE] += b - a;
        if (el_doc_ok(doc)) {
            doc->cfg = NULL;
            el_doc_lex_scan(doc, 0, 0, no_hit, NULL); /* fills the document's hits */
            a = now();
            t[ST_LEX] += a - b;
            for (size_t k = 0; k < sizeof extractors / sizeof *extractors; k++) {
                extractors[k](doc);
                b = now();
                t[ST_STATS + k] += b - a;
                a = b;
            }
            el_lint(doc, NULL);
            b = now();
            t[ST_LINT] += b - a;
            el_findings_sort(doc);
            el_doc_lex_release(doc);
            a = now();
            t[ST_SORT] += a - b;
        }
        a = now();
        el_report_json(doc, NULL, sink);
        t[ST_JSON] += now() - a;
        el_doc_free(doc);
    }
}

int main(int argc, char **argv)
{
    int rounds = argc > 1 ? atoi(argv[1]) : 3;
    if (argc > 2 || rounds < 1) {
        fprintf(stderr, "usage: find DIR -type f | %s [ROUNDS]\n", argv[0]);
        return 2;
    }
    input *in = NULL;
    size_t n = 0, cap = 0, bytes = 0;
    char *line = NULL;
    size_t linecap = 0;
    ssize_t got;
    while ((got = getline(&line, &linecap, stdin)) > 0) {
        line[strcspn(line, "\n")] = '\0';
        input x = {xstrdup(line), NULL, 0};
        if ((x.buf = slurp(line, &x.len)) == NULL) {
            free(x.path);
            continue;
        }
        in = xgrow(in, &cap, n + 1, sizeof *in);
        in[n++] = x;
        bytes += x.len;
    }
    free(line);
    FILE *sink = fopen("/dev/null", "w");
    if (n == 0 || sink == NULL) {
        fprintf(stderr, "stages: no input read\n");
        return 2;
    }
    static char sinkbuf[1 << 16];
    setvbuf(sink, sinkbuf, _IOFBF, sizeof sinkbuf);
    double best[NSTAGES];
    for (int s = 0; s < NSTAGES; s++)
        best[s] = 1e300;
    for (int r = 0; r < rounds; r++) {
        double t[NSTAGES] = {0};
        round_once(in, n, sink, t);
        for (int s = 0; s < NSTAGES; s++)
            best[s] = t[s] < best[s] ? t[s] : best[s];
    }
    double total = 0;
    for (int s = 0; s < NSTAGES; s++)
        total += best[s];
    printf("%zu inputs, %.1f MB, best of %d rounds per stage:\n", n, (double)bytes / 1e6, rounds);
    for (int s = 0; s < NSTAGES; s++)
        printf("  %-13s %8.1f ms  %5.1f%%\n", stage_names[s], best[s] * 1e3, 100 * best[s] / total);
    printf("  %-13s %8.1f ms  (%.1f MB/s)\n", "total", total * 1e3, (double)bytes / 1e6 / total);
    fclose(sink);
    for (size_t i = 0; i < n; i++) {
        free(in[i].path);
        free(in[i].buf);
    }
    free(in);
    return 0;
}
