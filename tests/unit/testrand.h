/* SPDX-License-Identifier: MIT */
/*
 * Deterministic pseudo-random numbers for the differential tests (xorshift64*): one stream
 * per test binary from a fixed seed, so a failing input is the same on every run and can be
 * replayed. Header-only: each test file includes it once.
 */
#ifndef EL_TESTRAND_H
#define EL_TESTRAND_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

static uint64_t test_rng = 0x9E3779B97F4A7C15ull;

/* Start the stream again from seed (not 0: xorshift stays at 0). */
static inline void test_seed(uint64_t seed)
{
    test_rng = seed ? seed : 1;
}

/* The next 64 random bits. */
static inline uint64_t test_rand64(void)
{
    test_rng ^= test_rng >> 12;
    test_rng ^= test_rng << 25;
    test_rng ^= test_rng >> 27;
    return test_rng * 0x2545F4914F6CDD1Dull;
}

/* The next 32 random bits (the high half, the better one). */
static inline uint32_t test_rand(void)
{
    return (uint32_t)(test_rand64() >> 32);
}

/* A random number below n (n > 0). */
static inline uint32_t test_below(uint32_t n)
{
    return test_rand() % n;
}

/* Up to count random pieces of from[0..nfrom) joined into out[0..cap), stopping before the
   first that does not fit; returns the length (no NUL is written). */
static inline size_t test_join(char *out, size_t cap, const char *const *from, size_t nfrom,
                               size_t count)
{
    size_t n = 0;
    for (size_t k = 0; k < count; k++) {
        const char *p = from[test_below((uint32_t)nfrom)];
        size_t l = strlen(p);
        if (n + l > cap)
            break;
        memcpy(out + n, p, l);
        n += l;
    }
    return n;
}

#endif
