/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for the lexicon module: the generated gazetteer (provinces, regions, short
 * forms, ambiguous districts), the Aho–Corasick scan (overlaps, order, linear behaviour,
 * agreement with a naive search) and the classical-quote lookup.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "lexicon.h"

/* Hits collected by a scan. */
struct hits {
    el_lex_hit *v;
    size_t n, cap;
};

static void collect(void *ctx, const el_lex_hit *h)
{
    struct hits *hs = ctx;
    if (hs->n == hs->cap) {
        hs->cap = hs->cap ? hs->cap * 2 : 64;
        hs->v = realloc(hs->v, hs->cap * sizeof *hs->v);
        assert_non_null(hs->v);
    }
    hs->v[hs->n++] = *h;
}

static void count(void *ctx, const el_lex_hit *h)
{
    (void)h;
    ++*(size_t *)ctx;
}

static struct hits scan(const char *s)
{
    struct hits hs = {0};
    el_lex_scan(s, strlen(s), collect, &hs);
    return hs;
}

/* Index of the first hit whose text is surf at byte offset start (-1: any), or -1. */
static long find_hit(const struct hits *hs, const char *s, const char *surf, long start)
{
    size_t len = strlen(surf);
    for (size_t i = 0; i < hs->n; i++)
        if (hs->v[i].end - hs->v[i].start == len && !memcmp(s + hs->v[i].start, surf, len) &&
            (start < 0 || (size_t)start == hs->v[i].start))
            return (long)i;
    return -1;
}

/* The place entry for surface surf, or -1 when it is not a place surface. */
static long place_entry(const char *surf)
{
    struct hits hs = scan(surf);
    long r = -1;
    for (size_t i = 0; i < hs.n; i++)
        if (hs.v[i].start == 0 && hs.v[i].end == strlen(surf) && hs.v[i].cat == EL_LEX_PLACE)
            r = hs.v[i].entry;
    free(hs.v);
    return r;
}

static const char *province_short_of(unsigned place)
{
    return el_lex_province(el_lex_place(place)->province)->short_name;
}

static void test_provinces(void **state)
{
    (void)state;
    size_t per[4] = {0};
    assert_int_equal(el_lex_nprovinces(), 31);
    for (size_t i = 0; i < el_lex_nprovinces(); i++) {
        const el_province *p = el_lex_province((int)i);
        assert_non_null(p);
        per[p->region]++;
        assert_int_equal(el_lex_place(p->place)->code, p->code);
        assert_int_equal(el_lex_place(p->place)->level, EL_PLACE_PROVINCE);
    }
    assert_int_equal(per[EL_REGION_EAST], 10);
    assert_int_equal(per[EL_REGION_CENTRAL], 6);
    assert_int_equal(per[EL_REGION_WEST], 12);
    assert_int_equal(per[EL_REGION_NORTHEAST], 3);
    static const struct {
        const char *s;
        enum el_region r;
    } want[] = {
        {"浙江", EL_REGION_EAST},    {"内蒙古", EL_REGION_WEST}, {"黑龙江", EL_REGION_NORTHEAST},
        {"安徽", EL_REGION_CENTRAL}, {"广西", EL_REGION_WEST},   {"北京", EL_REGION_EAST},
        {"新疆", EL_REGION_WEST},    {"宁夏", EL_REGION_WEST},   {"西藏", EL_REGION_WEST},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        long e = place_entry(want[i].s);
        assert_true(e >= 0);
        const el_lex_cand *c;
        size_t n = el_lex_place_candidates((unsigned)e, &c);
        assert_true(n >= 1);
        const el_place *pl = el_lex_place(c[0].place);
        assert_int_equal(pl->level, EL_PLACE_PROVINCE);
        assert_string_equal(el_lex_province(pl->province)->short_name, want[i].s);
        assert_int_equal(el_lex_province(pl->province)->region, want[i].r);
    }
    assert_string_equal(el_region_id(EL_REGION_EAST), "east");
    assert_string_equal(el_region_id(EL_REGION_CENTRAL), "central");
    assert_string_equal(el_region_id(EL_REGION_WEST), "west");
    assert_string_equal(el_region_id(EL_REGION_NORTHEAST), "northeast");
    assert_null(el_lex_province(-1));
    assert_null(el_lex_province(31));
}

static void test_full_address(void **state)
{
    (void)state;
    const char *s = "浙江省宁波市鄞州区";
    struct hits hs = scan(s);
    long a = find_hit(&hs, s, "浙江省", 0), b = find_hit(&hs, s, "宁波市", 9),
         c = find_hit(&hs, s, "鄞州区", 18);
    assert_true(a >= 0 && b >= 0 && c >= 0);
    assert_true(a < b && b < c);
    assert_true(find_hit(&hs, s, "浙江", 0) >= 0);
    assert_true(find_hit(&hs, s, "鄞州", 18) >= 0);
    /* The county resolves to the city and province written before it. */
    const el_lex_cand *cand;
    size_t n = el_lex_place_candidates(hs.v[c].entry, &cand);
    assert_int_equal(n, 1);
    const el_place *p = el_lex_place(cand[0].place);
    assert_string_equal(p->full, "鄞州区");
    assert_int_equal(p->level, EL_PLACE_COUNTY);
    assert_int_equal(p->code, 330212);
    assert_int_equal(p->city_code, 330200);
    assert_string_equal(el_lex_place((unsigned)p->city)->name, "宁波");
    assert_string_equal(province_short_of(cand[0].place), "浙江");
    assert_true(cand[0].flags & EL_LEX_FULL);
    assert_true(el_lex_flags(hs.v[c].entry) & EL_LEX_FULL);
    unsigned county = cand[0].place;
    el_lex_place_candidates(hs.v[b].entry, &cand);
    unsigned city = cand[0].place;
    el_lex_place_candidates(hs.v[a].entry, &cand);
    unsigned prov = cand[0].place;
    assert_int_equal(city, (unsigned)p->city);
    assert_true(el_lex_place_within(county, city));
    assert_true(el_lex_place_within(county, prov));
    assert_true(el_lex_place_within(city, prov));
    assert_false(el_lex_place_within(city, county));
    assert_false(el_lex_place_within(prov, city));
    free(hs.v);
}

static void test_ambiguous_district(void **state)
{
    (void)state;
    long e = place_entry("朝阳区");
    assert_true(e >= 0);
    const el_lex_cand *c;
    size_t n = el_lex_place_candidates((unsigned)e, &c);
    assert_true(n >= 2);
    int bj = 0, jl = 0;
    for (size_t i = 0; i < n; i++) {
        const el_place *p = el_lex_place(c[i].place);
        assert_string_equal(p->full, "朝阳区");
        if (!strcmp(province_short_of(c[i].place), "北京")) {
            bj = 1;
            /* Municipality districts sit directly under the province. */
            assert_int_equal(p->city, -1);
            assert_int_equal(p->city_code, 110000);
        }
        if (!strcmp(province_short_of(c[i].place), "吉林")) {
            jl = 1;
            assert_string_equal(el_lex_place((unsigned)p->city)->name, "长春");
            assert_true(el_lex_place_within(c[i].place, (unsigned)p->city));
            assert_true(el_lex_place_within(c[i].place, el_lex_province(p->province)->place));
        }
        if (i)
            assert_true(c[i - 1].place < c[i].place);
    }
    assert_true(bj && jl);
}

static void test_short_forms(void **state)
{
    (void)state;
    const el_lex_cand *c;
    long e = place_entry("黔东南州");
    assert_true(e >= 0);
    assert_int_equal(el_lex_place_candidates((unsigned)e, &c), 1);
    assert_string_equal(province_short_of(c[0].place), "贵州");
    assert_string_equal(el_lex_place(c[0].place)->full, "黔东南苗族侗族自治州");
    assert_string_equal(el_lex_place(c[0].place)->name, "黔东南州");
    assert_int_equal(el_lex_flags((unsigned)e), EL_LEX_SHORT);

    e = place_entry("杭州");
    assert_true(e >= 0);
    assert_int_equal(el_lex_place_candidates((unsigned)e, &c), 1);
    assert_string_equal(province_short_of(c[0].place), "浙江");
    assert_int_equal(el_lex_place(c[0].place)->level, EL_PLACE_CITY);
    assert_false(el_lex_flags((unsigned)e) & EL_LEX_WEAK);

    static const char *const prefectures[] = {"大理州", "湘西州", "恩施州", "延边州"};
    for (size_t i = 0; i < sizeof prefectures / sizeof prefectures[0]; i++)
        assert_true(place_entry(prefectures[i]) >= 0);

    /* 和平 (和平区) is an ordinary word: absent, or weak in every reading. */
    e = place_entry("和平");
    if (e >= 0)
        assert_true(el_lex_flags((unsigned)e) & EL_LEX_WEAK);
    e = place_entry("朝阳");
    if (e >= 0)
        assert_true(el_lex_flags((unsigned)e) & EL_LEX_WEAK);
    /* A placeholder row of the source data never becomes a place. */
    assert_true(place_entry("市辖区") < 0);
    /* No single-character short forms. */
    for (size_t i = 0; i < el_lex_nentries(); i++)
        if (el_lex_cat_of((unsigned)i) == EL_LEX_PLACE)
            assert_true(el_lex_surface_len((unsigned)i) > 3);
}

static void test_overlaps_and_order(void **state)
{
    (void)state;
    const char *s = "在北京市朝阳区和内蒙古自治区，以及黔东南州。";
    struct hits hs = scan(s);
    /* 北京, 北京市 and 朝阳区 overlap or abut: all are reported. */
    assert_true(find_hit(&hs, s, "北京", 3) >= 0);
    assert_true(find_hit(&hs, s, "北京市", 3) >= 0);
    assert_true(find_hit(&hs, s, "朝阳区", 12) >= 0);
    assert_true(find_hit(&hs, s, "内蒙古", -1) >= 0);
    assert_true(find_hit(&hs, s, "内蒙古自治区", -1) >= 0);
    assert_true(find_hit(&hs, s, "黔东南", -1) >= 0);
    assert_true(find_hit(&hs, s, "黔东南州", -1) >= 0);
    for (size_t i = 1; i < hs.n; i++) {
        assert_true(hs.v[i - 1].end <= hs.v[i].end);
        if (hs.v[i - 1].end == hs.v[i].end)
            assert_true(hs.v[i - 1].end - hs.v[i - 1].start <= hs.v[i].end - hs.v[i].start);
    }
    for (size_t i = 0; i < hs.n; i++) {
        assert_int_equal(hs.v[i].end - hs.v[i].start, el_lex_surface_len(hs.v[i].entry));
        assert_memory_equal(s + hs.v[i].start, el_lex_surface(hs.v[i].entry),
                            el_lex_surface_len(hs.v[i].entry));
        assert_int_equal(hs.v[i].cat, el_lex_cat_of(hs.v[i].entry));
    }
    free(hs.v);
}

/* The automaton finds exactly what a naive search over every entry finds. */
static void test_matches_naive(void **state)
{
    (void)state;
    char text[4096] = "x";
    /* Glue surfaces of a spread of entries together, with partial prefixes between them. */
    size_t ne = el_lex_nentries(), len = 1;
    for (size_t k = 0; k < 120 && ne; k++) {
        unsigned e = (unsigned)((k * 7919) % ne);
        size_t l = el_lex_surface_len(e);
        if (len + l + 8 >= sizeof text)
            break;
        memcpy(text + len, el_lex_surface(e), l);
        len += l;
        if (k % 3 == 0 && l > 3) {
            memcpy(text + len, el_lex_surface(e), 3); /* a dangling first character */
            len += 3;
        }
    }
    text[len] = 0;
    size_t naive = 0;
    for (unsigned e = 0; e < ne; e++) {
        size_t l = el_lex_surface_len(e);
        for (size_t i = 0; i + l <= len; i++)
            naive += !memcmp(text + i, el_lex_surface(e), l);
    }
    struct hits hs = scan(text);
    assert_int_equal(hs.n, naive);
    free(hs.v);
}

/* Whether hs holds exactly the hits want (surfaces at byte offsets), in that order. */
static void assert_hits(const struct hits *hs, const char *s, const char *const *want,
                        const size_t *start, size_t n)
{
    assert_int_equal(hs->n, n);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(hs->v[i].start, start[i]);
        assert_int_equal(hs->v[i].end - hs->v[i].start, strlen(want[i]));
        assert_memory_equal(s + hs->v[i].start, want[i], strlen(want[i]));
        assert_string_equal(el_lex_surface(hs->v[i].entry), want[i]);
    }
}

/* Hits of el_lex_scan over s[0..n). */
static struct hits scan_n(const char *s, size_t n)
{
    struct hits hs = {0};
    el_lex_scan(s, n, collect, &hs);
    return hs;
}

/* Overlapping surfaces, two ending at each of two offsets: by end, shorter first. */
static void test_equal_ends(void **state)
{
    (void)state;
    const char *s = "东西湖区";
    static const char *const want[] = {"西湖", "东西湖", "西湖区", "东西湖区"};
    static const size_t start[] = {3, 0, 3, 0};
    struct hits hs = scan(s);
    assert_hits(&hs, s, want, start, 4);
    free(hs.v);

    /* One surface under two categories: both entries, in category order. */
    s = "坚持加强";
    hs = scan(s);
    size_t n = 0;
    for (size_t i = 0; i < hs.n; i++) {
        if (hs.v[i].start != 6)
            continue;
        assert_string_equal(el_lex_surface(hs.v[i].entry), "加强");
        if (n)
            assert_true(hs.v[i - 1].cat < hs.v[i].cat && hs.v[i - 1].entry + 1 == hs.v[i].entry);
        n++;
    }
    assert_int_equal(n, 2);
    free(hs.v);
}

/* Invalid bytes never join a match and never hide one next to them. */
static void test_invalid_bytes(void **state)
{
    (void)state;
    static const char *const all[] = {"西湖", "东西湖", "西湖区", "东西湖区"};
    static const char *const head[] = {"西湖", "东西湖"};
    struct {
        const char *s;
        size_t off; /* where 东西湖区 (or its first three characters) starts */
        int whole;  /* 1: all four hits; 0: only the two that end with 湖 */
    } cases[] = {
        {"\xFF东西湖区\xFF", 1, 1},
        {"\x80\xBF东西湖区\x80", 2, 1},
        {"\xE4\xB8东西湖区\xE4", 2, 1},                     /* truncated lead bytes around it */
        {"\xED\xA0\x80东西湖区\xED\xA0\x80", 3, 1},         /* encoded surrogates */
        {"\xC0\xAF东西湖区\xE0\x80\xAF", 2, 1},             /* overlong '/' */
        {"\xEF\xBF\xBD东西湖区\xEF\xBF\xBD", 3, 1},         /* U+FFFD itself */
        {"\xF0\x9F\x98\x80东西湖区\xF0\x9F\x98\x80", 4, 1}, /* 4-byte characters */
        {"东西湖\x80区", 0, 0},
        {"东西湖\xFF区", 0, 0},
        {"东西湖\xE5区", 0, 0},
        {"东西湖\xF0\x85\x8C\xBA", 0, 0}, /* 区 (U+533A) as an overlong 4-byte sequence */
        {"东西湖\xE5\x8C", 0, 0},         /* 区 cut short by the end of the buffer */
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const char *s = cases[k].s;
        struct hits hs = scan(s);
        size_t o = cases[k].off;
        size_t start[] = {o + 3, o, o + 3, o};
        if (cases[k].whole)
            assert_hits(&hs, s, all, start, 4);
        else
            assert_hits(&hs, s, head, start, 2);
        free(hs.v);
    }
    /* A byte inside a character: 东西 and 湖区 apart, and nothing that spans the byte. */
    const char *s = "东西\xFF湖区";
    struct hits hs = scan(s);
    for (size_t i = 0; i < hs.n; i++)
        assert_true(hs.v[i].end <= 6 || hs.v[i].start >= 7);
    free(hs.v);
}

/* A surface that ends the buffer is reported; one cut by the buffer end is not. */
static void test_buffer_end(void **state)
{
    (void)state;
    const char *s = "在东西湖区";
    size_t n = strlen(s);
    struct hits hs = scan_n(s, n);
    assert_true(hs.n >= 4);
    assert_int_equal(hs.v[hs.n - 1].end, n);
    assert_string_equal(el_lex_surface(hs.v[hs.n - 1].entry), "东西湖区");
    free(hs.v);
    for (size_t cut = n - 2; cut < n; cut++) {
        hs = scan_n(s, cut);
        for (size_t i = 0; i < hs.n; i++)
            assert_true(hs.v[i].end <= n - 3);
        assert_string_equal(el_lex_surface(hs.v[hs.n - 1].entry), "东西湖");
        free(hs.v);
    }
    /* Shorter than any character: nothing, and no read past the end. */
    hs = scan_n("\xE4", 1);
    assert_int_equal(hs.n, 0);
    hs = scan_n("\xE4\xB8", 2);
    assert_int_equal(hs.n, 0);
}

/* Surfaces with characters above U+FFFF (if any) are found between other 4-byte characters. */
static void test_astral_surfaces(void **state)
{
    (void)state;
    size_t found = 0;
    char buf[1024];
    for (unsigned e = 0; e < el_lex_nentries(); e++) {
        const char *surf = el_lex_surface(e);
        size_t l = el_lex_surface_len(e), four = 0;
        for (size_t i = 0; i < l; i++)
            four += (unsigned char)surf[i] >= 0xF0;
        if (!four || l + 8 > sizeof buf)
            continue;
        found++;
        memcpy(buf, "\xF0\x9F\x98\x80", 4);
        memcpy(buf + 4, surf, l);
        memcpy(buf + 4 + l, "\xF0\x9F\x98\x80", 4);
        struct hits hs = scan_n(buf, l + 8);
        long at = -1;
        for (size_t i = 0; i < hs.n; i++)
            if (hs.v[i].entry == e && hs.v[i].start == 4)
                at = (long)i;
        assert_true(at >= 0);
        free(hs.v);
    }
    if (!found)
        print_message("no surface has a character above U+FFFF\n");
}

/* A naive reference: every byte occurrence of every entry, by end, shorter first, by entry. */
static int cmp_ref(const void *a, const void *b)
{
    const el_lex_hit *x = a, *y = b;
    if (x->end != y->end)
        return x->end < y->end ? -1 : 1;
    if (x->start != y->start)
        return x->start > y->start ? -1 : 1; /* shorter first */
    return x->entry < y->entry ? -1 : x->entry > y->entry;
}

/* Random mixes of surfaces, cut surfaces and invalid bytes: the exact hits of the reference. */
static void test_random_vs_naive(void **state)
{
    (void)state;
    static const char *const junk[] = {
        "\xE6\xB5",
        "\xE6",
        "\x80",
        "\xBF",
        "\xFF",
        "\xC0\xAF",
        "\xE0\x80\xAF",
        "\xED\xA0\x80",
        "\xF0\x9F\x98\x80",
        "\xF0\x9F",
        "\xC2\xB7",
        "\xEF\xBF\xBD",
        "a",
        "\n",
        "，",
        "的",
    };
    size_t ne = el_lex_nentries();
    /* Entries by first byte, to keep the reference quick. */
    size_t *first = calloc(257, sizeof *first);
    unsigned *by = malloc(ne * sizeof *by);
    assert_non_null(first);
    assert_non_null(by);
    for (unsigned e = 0; e < ne; e++)
        first[(unsigned char)el_lex_surface(e)[0] + 1]++;
    for (size_t b = 1; b <= 256; b++)
        first[b] += first[b - 1];
    size_t *fill = calloc(256, sizeof *fill);
    assert_non_null(fill);
    for (unsigned e = 0; e < ne; e++) {
        unsigned b = (unsigned char)el_lex_surface(e)[0];
        by[first[b] + fill[b]++] = e;
    }
    uint64_t r = 0x9E3779B97F4A7C15u;
    char text[2048];
    for (int round = 0; round < 60; round++) {
        size_t len = 0;
        while (len + 64 < sizeof text) {
            r ^= r << 13, r ^= r >> 7, r ^= r << 17;
            unsigned k = (unsigned)(r >> 32) % 8, e = (unsigned)(r % ne);
            const char *piece = el_lex_surface(e);
            size_t pl = el_lex_surface_len(e);
            if (pl > 60)
                continue;
            if (k == 2 || k == 3)
                pl = 1 + (size_t)(r >> 20) % pl; /* a cut surface, maybe mid-character */
            else if (k >= 4) {
                piece = junk[(r >> 24) % (sizeof junk / sizeof junk[0])];
                pl = strlen(piece);
            }
            memcpy(text + len, piece, pl);
            len += pl;
        }
        struct hits ref = {0};
        for (size_t i = 0; i < len; i++) {
            unsigned b = (unsigned char)text[i];
            for (size_t j = first[b]; j < first[b + 1]; j++) {
                size_t l = el_lex_surface_len(by[j]);
                if (l <= len - i && !memcmp(text + i, el_lex_surface(by[j]), l)) {
                    el_lex_hit h = {i, i + l, by[j], el_lex_cat_of(by[j])};
                    collect(&ref, &h);
                }
            }
        }
        if (ref.n)
            qsort(ref.v, ref.n, sizeof *ref.v, cmp_ref);
        struct hits hs = scan_n(text, len);
        assert_int_equal(hs.n, ref.n);
        for (size_t i = 0; i < hs.n; i++) {
            assert_int_equal(hs.v[i].start, ref.v[i].start);
            assert_int_equal(hs.v[i].end, ref.v[i].end);
            assert_int_equal(hs.v[i].entry, ref.v[i].entry);
            assert_int_equal(hs.v[i].cat, ref.v[i].cat);
        }
        free(hs.v);
        free(ref.v);
    }
    free(first);
    free(fill);
    free(by);
}

static void test_linear(void **state)
{
    (void)state;
    const char *unit = "鄞州区";
    size_t ul = strlen(unit), reps = (1u << 20) / ul, n = reps * ul;
    char *buf = malloc(n);
    assert_non_null(buf);
    for (size_t i = 0; i < reps; i++)
        memcpy(buf + i * ul, unit, ul);
    size_t per = 0, total = 0;
    el_lex_scan(unit, ul, count, &per);
    assert_true(per >= 2); /* 鄞州区 and 鄞州 */
    el_lex_scan(buf, n, count, &total);
    /* Every repetition yields the same hits; no hit spans two repetitions here. */
    size_t pair = 0;
    el_lex_scan("鄞州区鄞州区", 2 * ul, count, &pair);
    assert_int_equal(total, per * reps + (pair - 2 * per) * (reps - 1));
    free(buf);

    /* Bytes that are not text at all. */
    unsigned char junk[4096];
    for (size_t i = 0; i < sizeof junk; i++)
        junk[i] = (unsigned char)(i * 131 + 7);
    total = 0;
    el_lex_scan((const char *)junk, sizeof junk, count, &total);
}

static void test_empty(void **state)
{
    (void)state;
    size_t n = 0;
    el_lex_scan("", 0, count, &n);
    el_lex_scan(NULL, 0, count, &n);
    el_lex_scan("abc 123", 7, count, &n);
    assert_int_equal(n, 0);
    char out[1];
    assert_int_equal(el_lex_normalize("", 0, out), 0);
    assert_null(el_lex_classical_find("", 0));
    const el_lex_cand *c = (const el_lex_cand *)1;
    assert_int_equal(el_lex_place_candidates((unsigned)el_lex_nentries(), &c), 0);
    assert_null(c);
    assert_null(el_lex_surface((unsigned)el_lex_nentries()));
}

static void test_normalize(void **state)
{
    (void)state;
    const char *s = " 治国有常，利民为本。\t“天下”《大事》, a-b!　……—";
    char out[128];
    size_t n = el_lex_normalize(s, strlen(s), out);
    out[n] = 0;
    assert_string_equal(out, "治国有常利民为本天下大事ab");
}

static void test_classical(void **state)
{
    (void)state;
    size_t n = el_lex_nclassical();
    char buf[1024];
    for (size_t i = 0; i < n; i++) {
        const el_classical *c = el_lex_classical(i);
        size_t tl = strlen(c->text);
        assert_true(tl < sizeof buf);
        /* mklex's key must agree with the runtime normaliser. */
        size_t kl = el_lex_normalize(c->text, tl, buf);
        assert_int_equal(kl, strlen(c->key));
        assert_memory_equal(buf, c->key, kl);
        assert_ptr_equal(el_lex_classical_find(buf, kl), c);
        if (i)
            assert_true(strcmp(el_lex_classical(i - 1)->key, c->key) < 0);
        /* A classical line has a source, a leader's saying a speaker: exactly one. */
        assert_true((c->source && *c->source) != (c->speaker && *c->speaker));
    }
    if (n) {
        /* The same line written with half-width punctuation and spaces still matches. */
        const el_classical *c = el_lex_classical(0);
        char text[1024];
        size_t o = 0;
        for (const char *p = c->key; *p && o + 8 < sizeof text;) {
            size_t l = ((unsigned char)*p >= 0xE0) ? 3 : 1;
            memcpy(text + o, p, l);
            o += l;
            p += l;
            text[o] = o % 2 ? ',' : ' ';
            o++;
        }
        size_t kl = el_lex_normalize(text, o, buf);
        assert_ptr_equal(el_lex_classical_find(buf, kl), c);
        assert_null(el_lex_classical_find(buf, kl ? kl - 1 : 0));
    } else {
        print_message("no classical quotations in the lexicon\n");
    }
    assert_null(el_lex_classical_find("不存在的句子", strlen("不存在的句子")));
}

static void test_categories(void **state)
{
    (void)state;
    assert_string_equal(el_lex_cat_id(EL_LEX_PLACE), "place");
    assert_string_equal(el_lex_cat_id(EL_LEX_PARALLEL_FRAME), "parallel-frame");
    assert_string_equal(el_lex_cat_id(EL_LEX_THESIS), "thesis");
    assert_string_equal(el_lex_cat_id(EL_LEX_EXEMPLAR), "exemplar");
    size_t places = 0;
    for (size_t i = 0; i < el_lex_nentries(); i++) {
        unsigned e = (unsigned)i;
        assert_true(el_lex_cat_of(e) < EL_LEX_NCATS);
        const el_lex_cand *c;
        size_t n = el_lex_place_candidates(e, &c);
        if (el_lex_cat_of(e) == EL_LEX_PLACE) {
            assert_true(n >= 1);
            places++;
        } else {
            assert_int_equal(n, 0);
            assert_int_equal(el_lex_flags(e), 0);
        }
        if (i)
            assert_true(strcmp(el_lex_surface(e - 1), el_lex_surface(e)) <= 0);
    }
    assert_true(places > 5000);
    assert_true(el_lex_nplaces() > 3000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_provinces),
        cmocka_unit_test(test_full_address),
        cmocka_unit_test(test_ambiguous_district),
        cmocka_unit_test(test_short_forms),
        cmocka_unit_test(test_overlaps_and_order),
        cmocka_unit_test(test_matches_naive),
        cmocka_unit_test(test_equal_ends),
        cmocka_unit_test(test_invalid_bytes),
        cmocka_unit_test(test_buffer_end),
        cmocka_unit_test(test_astral_surfaces),
        cmocka_unit_test(test_random_vs_naive),
        cmocka_unit_test(test_linear),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_normalize),
        cmocka_unit_test(test_classical),
        cmocka_unit_test(test_categories),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
