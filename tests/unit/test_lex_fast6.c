/* SPDX-License-Identifier: MIT */
/*
 * The lexicon scan, which reads the characters' classes two ahead of the automaton's step,
 * against a scan that decodes, classifies and steps one character at a time over the same
 * tables (as the layout in lexicon.h defines them), and against the memmem definition of the
 * hits (testlex.h): the same hits in the same order, from el_lex_scan and el_lex_scan_all, on
 * the samples, on random texts of lexicon surfaces, filler and broken or unusual UTF-8, on
 * every short length (where the read-ahead never fills or the text ends inside it) and on
 * every cut near the end of a text (surfaces and characters cut by the end, the last bytes
 * that are too few for the fast decoder).
 */
#define EL_LEX_INTERNAL
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "testlex.h"
#include "testrand.h"
#include "text.h"

#define TB (&el_lex_tables)

/* Class of code point c, by the layout of the class tables. */
static uint32_t ref_class(uint32_t c)
{
    if (c < 0x80)
        return TB->cls[EL_LEX_CLS_ASCII + c];
    if (c >= 0x800 && c <= 0xFFFF) {
        unsigned b0 = 0xE0 | c >> 12, b1 = 0x80 | (c >> 6 & 0x3F);
        return TB->cls[TB->cls[(b1 << 8 | b0) - 0x80E0] + (c & 0x3F)];
    }
    for (uint32_t i = 0; i < TB->nother; i++)
        if (TB->other_cp[i] == c)
            return TB->other_cls[i];
    return 0;
}

/* The automaton's move from state st on class c: an edge, else the failure state's. */
static uint32_t ref_next(uint32_t st, uint32_t c)
{
    const struct el_lex_slot *sl = TB->slots;
    if (!c)
        return 0;
    for (;;) {
        if (!st)
            return c <= TB->nstart ? c : 0;
        uint32_t t = sl[st].base + c;
        if (t < TB->nslots && sl[t].check == st)
            return t;
        st = sl[st].fail;
    }
}

/* The hits of s[0..n), one character at a time: decode strictly (el_text_cp_slow), step,
   report the state's outs. */
static hits ref_scan(const char *s, size_t n)
{
    hits k = {0};
    uint32_t st = 0;
    for (size_t i = 0; i < n;) {
        size_t len;
        uint32_t c = el_text_cp_slow(s, n, i, &len);
        i += len;
        st = ref_next(st, ref_class(c));
        uint32_t out = TB->slots[st].out;
        if (!out)
            continue;
        const struct el_lex_out *o = TB->outs + (out - 1);
        for (uint32_t j = 0; j < o->count; j++)
            push(&k, (el_lex_hit){i - o[j].len, i, o[j].entry, (enum el_lex_cat)o[j].cat});
    }
    return k;
}

/* Both scans of s[0..n) against the one-character reference (and, when slow is set, the
   memmem one); el_lex_scan_all appends after a hit already in the array. Returns the number
   of hits. */
static size_t same(const char *s, size_t n, int slow)
{
    hits want = ref_scan(s, n), got = {0};
    if (slow) {
        hits def = naive(s, n);
        assert_same(&want, &def);
        free(def.v);
    }
    el_lex_scan(s, n, keep, &got);
    assert_same(&got, &want);
    el_lex_hit *v = malloc(sizeof *v);
    assert_non_null(v);
    v[0] = (el_lex_hit){7, 9, 1, EL_LEX_PLACE};
    size_t len = 1, cap = 1;
    el_lex_scan_all(s, n, &v, &len, &cap);
    assert_int_equal(v[0].start, 7);
    assert_int_equal(v[0].end, 9);
    hits all = {v + 1, len - 1, cap};
    assert_same(&all, &want);
    free(v);
    free(got.v);
    free(want.v);
    return want.n;
}

/* Every sample file as it is (two are GB18030: invalid UTF-8 throughout), whole and cut
   at every byte of its last 40. */
static void test_samples(void **state)
{
    (void)state;
    DIR *d = opendir("samples");
    assert_non_null(d);
    struct dirent *de;
    size_t files = 0, total = 0;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        char path[512];
        snprintf(path, sizeof path, "samples/%s", de->d_name);
        FILE *f = fopen(path, "rb");
        assert_non_null(f);
        static char text[1 << 20];
        size_t n = fread(text, 1, sizeof text, f);
        fclose(f);
        total += same(text, n, 1);
        for (size_t cut = 1; cut <= 40 && cut <= n; cut++)
            same(text, n - cut, 0);
        files++;
    }
    closedir(d);
    assert_true(files >= 20);
    assert_true(total > 1000);
}

/* Append a random piece to t at *n (room for 64 more bytes): a surface, a surface cut
   inside a character or before its last character, a Han character, ASCII, a 2- or 4-byte
   character, or broken bytes (stray continuation bytes, truncated and overlong sequences,
   surrogates, bytes that never occur in UTF-8). */
static void piece(char *t, size_t *n)
{
    static const char *const noise[] = {
        "的",
        "，",
        "。",
        "a",
        " ",
        "\n",
        "“",
        "\xe4",
        "\xe4\xb8",
        "\x80",
        "\xbf\x80",
        "\xff",
        "\xc0\xaf",
        "\xe0\x80\xaf",
        "\xed\xa0\x80",
        "\xf0\x9f\x98\x80",
        "\xc3\xa9",
        "\xf4\x90\x80\x80",
        "\xef\xbc\x8c",
        "\xe2\x80\x94",
    };
    size_t ne = el_lex_nentries();
    switch (test_below(8)) {
    case 0:
    case 1:
    case 2: {
        unsigned e = test_below((uint32_t)ne);
        size_t l = el_lex_surface_len(e);
        if (l > 60)
            l = 60;
        memcpy(t + *n, el_lex_surface(e), l);
        *n += l;
        return;
    }
    case 3: { /* a surface cut anywhere, inside a character too */
        unsigned e = test_below((uint32_t)ne);
        size_t l = el_lex_surface_len(e);
        l = l > 60 ? 60 : l;
        size_t k = l > 1 ? 1 + test_below((uint32_t)(l - 1)) : l;
        memcpy(t + *n, el_lex_surface(e), k);
        *n += k;
        return;
    }
    case 4: {
        uint32_t c = 0x4E00 + test_below(0x5200);
        t[(*n)++] = (char)(0xE0 | c >> 12);
        t[(*n)++] = (char)(0x80 | (c >> 6 & 0x3F));
        t[(*n)++] = (char)(0x80 | (c & 0x3F));
        return;
    }
    default: {
        const char *w = noise[test_below(sizeof noise / sizeof *noise)];
        size_t l = strlen(w);
        memcpy(t + *n, w, l);
        *n += l;
    }
    }
}

/* Random texts up to a few kilobytes; every tenth against the memmem definition too. */
static void test_random(void **state)
{
    (void)state;
    test_seed(0x1e5f6a57);
    static char t[8192];
    size_t total = 0;
    for (int round = 0; round < 3000; round++) {
        size_t n = 0, want = test_below(round % 4 ? 600 : 6000);
        while (n < want && n + 64 < sizeof t)
            piece(t, &n);
        total += same(t, n, round % 10 == 0);
    }
    assert_true(total > 10000);
}

/* Every length from 0 to 24 bytes, many times over: texts of one, two and three
   characters, where the read-ahead is never full, and every way the end can fall. */
static void test_short(void **state)
{
    (void)state;
    test_seed(0x5407);
    char t[256];
    size_t total = 0;
    for (int round = 0; round < 20000; round++) {
        size_t n = 0;
        while (n < 24)
            piece(t, &n);
        size_t k = test_below(25);
        total += same(t, k, round % 50 == 0);
    }
    assert_true(total > 1000);
}

/* Each surface at the very end of a text, after 0..8 characters: the last hit is read by
   the read-ahead's last steps or by the tail's. */
static void test_surface_at_end(void **state)
{
    (void)state;
    size_t ne = el_lex_nentries(), total = 0;
    char t[512];
    for (unsigned e = 0; e < ne; e++) {
        size_t l = el_lex_surface_len(e);
        if (l > 200)
            continue;
        size_t before = e % 9, n = 0;
        for (size_t i = 0; i < before; i++)
            t[n++] = i % 2 ? 'x' : ' ';
        memcpy(t + n, el_lex_surface(e), l);
        n += l;
        size_t got = same(t, n, 0);
        assert_true(got >= 1);
        total += got;
    }
    assert_true(total >= ne);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_samples),
        cmocka_unit_test(test_random),
        cmocka_unit_test(test_short),
        cmocka_unit_test(test_surface_at_end),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
