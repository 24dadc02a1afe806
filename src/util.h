/* SPDX-License-Identifier: MIT */
/*
 * Allocation wrappers and a growable-array macro shared by every module.
 * Allocation failure aborts (as mandoc_aux.c does), so no caller checks for NULL.
 * Internal header: any file under src/ or tests/ may include it.
 */
#ifndef EL_UTIL_H
#define EL_UTIL_H

#include <stddef.h>
#include <stdint.h>

void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
/* Grow p (an array of nmemb items of size bytes) so it holds at least want items; *cap updated. */
void *xgrow(void *p, size_t *cap, size_t want, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* A growable array: EL_VEC(int) v = {0}; *EL_VEC_PUSH(v) = 3; free(v.v); */
#define EL_VEC(T)                                                                                  \
    struct {                                                                                       \
        T *v;                                                                                      \
        size_t n, cap;                                                                             \
    }
/* (xgrow is called only when full: pushes are in the inner loops of every extractor.) */
#define EL_VEC_PUSH(vec)                                                                           \
    ((vec).n < (vec).cap                                                                           \
         ? (void)0                                                                                 \
         : (void)((vec).v = xgrow((vec).v, &(vec).cap, (vec).n + 1, sizeof *(vec).v)),             \
     &(vec).v[(vec).n++])

/* Length of the UTF-8 sequence starting with byte c (1 for invalid lead bytes). */
static inline size_t el_u8_len(unsigned char c)
{
    return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

#endif
