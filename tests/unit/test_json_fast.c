/* SPDX-License-Identifier: MIT */
/*
 * The JSON writer's fast paths against plain references. Integers, written two digits at a
 * time into the buffer, against printf: every value up to 100000, every power of ten and its
 * neighbours, after other values (the comma) and with a writer that must grow at each number.
 * Strings, tested sixteen and eight bytes at a time for a byte to escape: every byte value at
 * every position of a block, a word and a tail, against the escaping rules spelled out byte
 * by byte.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "json_out.h"

/* el_jw_int(v) then el_jw_uint(|v|) in an array must print as "[v,|v|]". */
static void check(int64_t v)
{
    el_jw w;
    el_jw_init(&w, 1); /* grows at every step */
    el_jw_arr(&w);
    el_jw_int(&w, v);
    el_jw_uint(&w, v < 0 ? (uint64_t)-v : (uint64_t)v);
    el_jw_arr_end(&w);
    char want[64];
    snprintf(want, sizeof want, "[%" PRId64 ",%" PRIu64 "]", v, v < 0 ? (uint64_t)-v : (uint64_t)v);
    if (w.n != strlen(want) || memcmp(w.v, want, w.n) != 0)
        print_error("got %.*s want %s\n", (int)w.n, w.v, want);
    assert_int_equal(w.n, strlen(want));
    assert_memory_equal(w.v, want, w.n);
    el_jw_free(&w);
}

static void test_digits(void **state)
{
    (void)state;
    for (int64_t v = -1000; v <= 100000; v++)
        check(v);
    for (int64_t p = 1; p < 1000000000000000LL; p *= 10) {
        check(p - 1);
        check(p);
        check(p + 1);
        check(-p);
        check(-(p - 1));
    }
    check(999999999999999LL);
    check(-999999999999999LL);
}

/* The escaped form of s[0..n) in quotes, one byte at a time (cJSON's rules); returns length. */
static size_t ref_string(const unsigned char *s, size_t n, char *out)
{
    size_t o = 0;
    out[o++] = '"';
    for (size_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        const char *name = c == '"'    ? "\\\""
                           : c == '\\' ? "\\\\"
                           : c == '\b' ? "\\b"
                           : c == '\f' ? "\\f"
                           : c == '\n' ? "\\n"
                           : c == '\r' ? "\\r"
                           : c == '\t' ? "\\t"
                                       : NULL;
        if (name)
            o += (size_t)sprintf(out + o, "%s", name);
        else if (c < 0x20)
            o += (size_t)sprintf(out + o, "\\u%04x", c);
        else
            out[o++] = (char)c;
    }
    out[o++] = '"';
    return o;
}

static void test_escapes(void **state)
{
    (void)state;
    unsigned char buf[28]; /* a block of sixteen, a word of eight, four bytes */
    char want[256];
    for (int b = 0; b < 256; b++)
        for (size_t at = 0; at < sizeof buf; at++) {
            for (size_t i = 0; i < sizeof buf; i++) /* Han bytes and ASCII around it */
                buf[i] = i % 4 == 3 ? 'x' : (unsigned char)"\xe4\xb8\xad"[i % 4];
            buf[at] = (unsigned char)b;
            el_jw w;
            el_jw_init(&w, 1);
            el_jw_strn(&w, (const char *)buf, sizeof buf);
            size_t wn = ref_string(buf, sizeof buf, want);
            if (w.n != wn || memcmp(w.v, want, wn) != 0)
                print_error("byte %02x at %zu: got %.*s want %.*s\n", b, at, (int)w.n, w.v, (int)wn,
                            want);
            assert_int_equal(w.n, wn);
            assert_memory_equal(w.v, want, wn);
            el_jw_free(&w);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_digits),
        cmocka_unit_test(test_escapes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
