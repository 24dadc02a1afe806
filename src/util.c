/* SPDX-License-Identifier: MIT */
/*
 * Allocation wrappers that abort on failure, so the rest of the code never
 * carries an out-of-memory path it could not test.
 */
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void oom(size_t n)
{
    fprintf(stderr, "essaylint: out of memory (%zu bytes)\n", n);
    abort();
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (p == NULL)
        oom(n);
    return p;
}

void *xcalloc(size_t nmemb, size_t size)
{
    void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);
    if (p == NULL)
        oom(nmemb * size);
    return p;
}

void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (q == NULL)
        oom(n);
    return q;
}

void *xgrow(void *p, size_t *cap, size_t want, size_t size)
{
    if (want <= *cap)
        return p;
    size_t ncap = *cap ? *cap : 8;
    while (ncap < want)
        ncap *= 2;
    if (ncap > SIZE_MAX / size)
        oom(SIZE_MAX);
    *cap = ncap;
    return xrealloc(p, ncap * size);
}

char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}
