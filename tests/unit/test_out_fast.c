/* SPDX-License-Identifier: MIT */
/*
 * The output side's fast paths against straightforward references, on random input.
 * Strings: the writer copies runs that need no escaping a block at a time (SSE2 where the
 * compiler has it, else eight-byte words, the tail by overlapping the last block), so random
 * strings of every length up to past the chunk size, mixing control bytes, '"', '\\', DEL,
 * every UTF-8 shape, invalid bytes and U+2028 at random densities, must come out exactly as
 * a byte-at-a-time escaper writes them (cJSON's rules). The portable scan is checked too:
 * json_out.c is compiled a second time below with SSE2 off, under other names.
 * Numbers: small integers are written inline and short decimals without printf, so random
 * doubles and integers must print as cJSON prints them ("%1.15g", else "%1.17g").
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_out.h"

/* The portable writer: json_out.c without SSE2, every public name prefixed with port_. */
#define EL_JW_SSE2 0
#define el_jw_init port_el_jw_init
#define el_jw_free port_el_jw_free
#define el_jw_byte port_el_jw_byte
#define el_jw_key port_el_jw_key
#define el_jw_reserve port_el_jw_reserve
#define el_jw_strn port_el_jw_strn
#define el_jw_str port_el_jw_str
#define el_jw_null port_el_jw_null
#define el_jw_bool port_el_jw_bool
#define el_jw_raw port_el_jw_raw
#define el_jw_num port_el_jw_num
#define el_jw_uint_any port_el_jw_uint_any
#define el_jw_int_any port_el_jw_int_any
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-prototypes"
#include "../../src/json_out.c"
#pragma GCC diagnostic pop
#undef el_jw_init
#undef el_jw_free
#undef el_jw_byte
#undef el_jw_key
#undef el_jw_reserve
#undef el_jw_strn
#undef el_jw_str
#undef el_jw_null
#undef el_jw_bool
#undef el_jw_raw
#undef el_jw_num
#undef el_jw_uint_any
#undef el_jw_int_any

#include "testrand.h"

static size_t rnd_below(size_t n)
{
    return (size_t)(test_rand64() % n);
}

/* The escaped form of s[0..n) in quotes, one byte at a time (cJSON's rules); returns length. */
static size_t ref_string(const unsigned char *s, size_t n, char *out)
{
    size_t o = 0;
    out[o++] = '"';
    for (size_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        switch (c) {
        case '"':
            o += (size_t)sprintf(out + o, "\\\"");
            break;
        case '\\':
            o += (size_t)sprintf(out + o, "\\\\");
            break;
        case '\b':
            o += (size_t)sprintf(out + o, "\\b");
            break;
        case '\f':
            o += (size_t)sprintf(out + o, "\\f");
            break;
        case '\n':
            o += (size_t)sprintf(out + o, "\\n");
            break;
        case '\r':
            o += (size_t)sprintf(out + o, "\\r");
            break;
        case '\t':
            o += (size_t)sprintf(out + o, "\\t");
            break;
        default:
            if (c < 0x20)
                o += (size_t)sprintf(out + o, "\\u%04x", c);
            else
                out[o++] = (char)c;
        }
    }
    out[o++] = '"';
    return o;
}

/* Append one random piece to s at *n (at most 4 bytes): mostly text that needs no escaping,
 * the rest, at the rate given in 1/1000, a byte that does. */
static void rnd_piece(unsigned char *s, size_t *n, unsigned escape_rate)
{
    static const char *const shapes[] = {
        "\xe4\xb8\xad",     /* 中: the common case */
        "\xe3\x80\x82",     /* 。 */
        "\xe2\x80\xa8",     /* U+2028: passes through */
        "\xc3\xa9",         /* é */
        "\xf0\x9f\x98\x80", /* a four-byte sequence */
        "\x7f",             /* DEL: passes through */
        "\xff",             /* invalid bytes pass through */
        "\x80",
        "\xe4\xb8", /* a truncated sequence */
    };
    if (rnd_below(1000) < escape_rate) {
        static const unsigned char esc[] = {'"', '\\', '\n', '\r', '\t', '\b', '\f', 0, 1, 0x1f};
        s[(*n)++] = rnd_below(2) ? esc[rnd_below(sizeof esc)] : (unsigned char)rnd_below(0x20);
        return;
    }
    if (rnd_below(3) == 0) {
        s[(*n)++] = (unsigned char)(0x20 + rnd_below(0x5f)); /* printable ASCII, '"' and '\\' too */
        if (s[*n - 1] == '"' || s[*n - 1] == '\\')
            s[*n - 1] = 'a';
        return;
    }
    const char *p = shapes[rnd_below(sizeof shapes / sizeof *shapes)];
    size_t k = strlen(p);
    memcpy(s + *n, p, k);
    *n += k;
}

typedef void (*strn_fn)(el_jw *, const char *, size_t);
typedef void (*jw_fn)(el_jw *);
typedef void (*jw_init_fn)(el_jw *, size_t);

/* ["<s>","<s>"] from the writer given against the reference, with a writer that starts
 * with cap bytes. */
static void check_string(const unsigned char *s, size_t n, strn_fn strn, jw_init_fn init, jw_fn arr,
                         jw_fn arr_end, jw_fn fr, size_t cap, const char *which)
{
    size_t refcap = 2 * (6 * n + 2) + 3;
    char *want = malloc(refcap);
    assert_non_null(want);
    size_t wn = 0;
    want[wn++] = '[';
    wn += ref_string(s, n, want + wn);
    want[wn++] = ',';
    wn += ref_string(s, n, want + wn);
    want[wn++] = ']';
    el_jw w;
    init(&w, cap);
    arr(&w);
    strn(&w, (const char *)s, n);
    strn(&w, (const char *)s, n);
    arr_end(&w);
    if (w.n != wn || memcmp(w.v, want, wn) != 0)
        print_error("%s writer, %zu bytes: got %.*s\nwant %.*s\n", which, n, (int)w.n, w.v, (int)wn,
                    want);
    assert_int_equal(w.n, wn);
    assert_memory_equal(w.v, want, wn);
    fr(&w);
    free(want);
}

static void check_both(const unsigned char *s, size_t n, size_t cap)
{
    check_string(s, n, el_jw_strn, el_jw_init, el_jw_arr, el_jw_arr_end, el_jw_free, cap,
                 "library");
    check_string(s, n, port_el_jw_strn, port_el_jw_init, el_jw_arr, el_jw_arr_end, port_el_jw_free,
                 cap, "portable");
}

static void test_random_strings(void **state)
{
    (void)state;
    enum { MAXN = 9000 }; /* past SHORT_STRING (4096), so long strings go in chunks */
    unsigned char *s = malloc(MAXN + 8);
    assert_non_null(s);
    static const unsigned rates[] = {0, 0, 1, 10, 100, 500, 1000};
    for (int round = 0; round < 20000; round++) {
        size_t target = round % 10 == 0 ? rnd_below(MAXN) : rnd_below(round % 3 ? 40 : 300);
        unsigned rate = rates[rnd_below(sizeof rates / sizeof *rates)];
        size_t n = 0;
        while (n < target)
            rnd_piece(s, &n, rate);
        check_both(s, n, round % 2 ? 1 : 0);
        /* every suffix and prefix of a short one: all alignments of blocks and tails */
        if (round % 500 == 0 && n <= 300)
            for (size_t k = 0; k <= n; k++) {
                check_both(s + k, n - k, 0);
                check_both(s, k, 0);
            }
    }
    free(s);
}

/* One byte to escape at every position of clean strings of every length to 70. */
static void test_single_escape(void **state)
{
    (void)state;
    unsigned char s[70];
    static const unsigned char bytes[] = {0, 0x1f, '"', '\\', '\n'};
    for (size_t n = 1; n <= sizeof s; n++)
        for (size_t at = 0; at < n; at++)
            for (size_t b = 0; b < sizeof bytes; b++) {
                for (size_t i = 0; i < n; i++)
                    s[i] = (unsigned char)(i % 3 == 2 ? 'x' : 0xe4 + i % 3);
                s[at] = bytes[b];
                check_both(s, n, 0);
            }
}

/* cJSON's print_number for a double, as written out in its source. */
static size_t ref_number(double d, char *out)
{
    if (isnan(d) || isinf(d))
        return (size_t)sprintf(out, "null");
    int len = sprintf(out, "%1.15g", d);
    double back = strtod(out, NULL);
    double max = fabs(back) > fabs(d) ? fabs(back) : fabs(d);
    if (!(fabs(back - d) <= max * DBL_EPSILON))
        len = sprintf(out, "%1.17g", d);
    return (size_t)len;
}

static void check_num(double d)
{
    char want[64], got[64];
    size_t wn = ref_number(d, want);
    el_jw w;
    el_jw_init(&w, 1);
    el_jw_num(&w, d);
    memcpy(got, w.v, w.n < sizeof got ? w.n : sizeof got - 1);
    got[w.n < sizeof got ? w.n : sizeof got - 1] = '\0';
    if (w.n != wn || memcmp(w.v, want, wn) != 0)
        print_error("%.17g: got %s want %.*s\n", d, got, (int)wn, want);
    assert_int_equal(w.n, wn);
    assert_memory_equal(w.v, want, wn);
    el_jw_free(&w);
}

static void test_random_numbers(void **state)
{
    (void)state;
    static const double p10[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};
    for (int i = 0; i < 300000; i++) {
        /* short decimals: m / 10^k, the values statistics hold */
        double m = (double)(test_rand64() % (i % 2 ? 1000ULL : 100000000000000ULL));
        double d = m / p10[rnd_below(sizeof p10 / sizeof *p10)];
        check_num(rnd_below(2) ? d : -d);
        /* any double of any exponent, and one near the short-decimal limits */
        uint64_t bits = test_rand64();
        double any;
        memcpy(&any, &bits, sizeof any);
        check_num(any);
        check_num(ldexp((double)(test_rand64() >> 11), (int)rnd_below(80) - 70));
    }
    static const double edges[] = {0.0001,
                                   0.00009999999999999999,
                                   0.0001000000000000001,
                                   1e-5,
                                   999999999.999999,
                                   999999999.9999999,
                                   1e9,
                                   1e9 + 0.5,
                                   0.1,
                                   0.2,
                                   0.30000000000000004,
                                   1.0 / 3,
                                   2.675,
                                   1.005,
                                   123456.789012,
                                   0.000123,
                                   99.99,
                                   12.5,
                                   -0.0,
                                   0.0,
                                   1e15,
                                   1e15 - 1,
                                   1e16,
                                   DBL_MAX,
                                   DBL_MIN,
                                   5e-324,
                                   NAN,
                                   INFINITY,
                                   -INFINITY};
    for (size_t i = 0; i < sizeof edges / sizeof *edges; i++) {
        check_num(edges[i]);
        check_num(-edges[i]);
        check_num(nextafter(edges[i], 0));
        check_num(nextafter(edges[i], INFINITY));
    }
}

/* el_jw_uint and el_jw_int (inline below 100000) against printf, and from 10^15 on against
 * cJSON's form of the double. */
static void check_int(int64_t v)
{
    uint64_t a = v < 0 ? (uint64_t)-v : (uint64_t)v;
    char want[96];
    size_t wn;
    if (a < 1000000000000000ULL) {
        wn = (size_t)sprintf(want, "[%lld,%llu]", (long long)v, (unsigned long long)a);
    } else {
        want[0] = '[';
        wn = 1 + ref_number((double)v, want + 1);
        want[wn++] = ',';
        wn += ref_number((double)a, want + wn);
        want[wn++] = ']';
    }
    el_jw w;
    el_jw_init(&w, rnd_below(2) ? 1 : 64);
    el_jw_arr(&w);
    el_jw_int(&w, v);
    el_jw_uint(&w, a);
    el_jw_arr_end(&w);
    if (w.n != wn || memcmp(w.v, want, wn) != 0)
        print_error("%lld: got %.*s want %.*s\n", (long long)v, (int)w.n, w.v, (int)wn, want);
    assert_int_equal(w.n, wn);
    assert_memory_equal(w.v, want, wn);
    el_jw_free(&w);
}

static void test_random_integers(void **state)
{
    (void)state;
    for (int64_t v = -1000; v <= 200000; v++)
        check_int(v);
    for (int i = 0; i < 200000; i++) {
        int64_t v = (int64_t)(test_rand64() >> rnd_below(64));
        if (v == INT64_MIN)
            continue;
        check_int(rnd_below(2) ? v : -v);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_random_strings),
        cmocka_unit_test(test_single_escape),
        cmocka_unit_test(test_random_numbers),
        cmocka_unit_test(test_random_integers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
