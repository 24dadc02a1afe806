/* SPDX-License-Identifier: MIT */
/*
 * The project's samples for the differential tests that run every one through a fast path and
 * its oracle: a file read whole, and a walk over samples/ calling a function with each text.
 * Header-only: each test file includes it once, after cmocka.h.
 */
#ifndef EL_TESTSAMPLES_H
#define EL_TESTSAMPLES_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>

#include "util.h"

/* The whole file at path (the test fails if it cannot be opened); its length in *len. */
static inline char *test_slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *buf = NULL;
    size_t n = 0, cap = 0, k;
    do {
        buf = xgrow(buf, &cap, n + 4096, 1);
        k = fread(buf + n, 1, cap - n, f);
        n += k;
    } while (k > 0);
    fclose(f);
    *len = n;
    return buf;
}

/* Call f on the text of every file in samples/ (ten at least, or the test fails). */
static inline void test_each_sample(void (*f)(const char *path, const char *buf, size_t len))
{
    DIR *d = opendir("samples");
    assert_non_null(d);
    size_t count = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        if (e->d_name[0] == '.')
            continue;
        char path[512];
        snprintf(path, sizeof path, "samples/%s", e->d_name);
        size_t len;
        char *buf = test_slurp(path, &len);
        f(path, buf, len);
        free(buf);
        count++;
    }
    closedir(d);
    assert_true(count >= 10);
}

#endif
