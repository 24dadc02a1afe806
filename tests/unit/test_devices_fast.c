/* SPDX-License-Identifier: MIT */
/*
 * Differential tests for the fast paths of devices.c: split_clauses, which skips runs of
 * Han characters with han_run and classifies the other characters by their bytes or with one
 * switch (class_at, char_class), against the straightforward version kept here (every character
 * decoded and tested with the plain predicates), on hand-picked and random text; han_run against
 * el_text_han_run; char_class against those predicates for every code point; the switches
 * of frame, numeral and trigger characters against the lists they were written from;
 * same_shape, which compares clauses of three-byte Han as bytes, against the version that
 * decodes them; sort_items, sorted and stable (as glibc's qsort was), short arrays and long;
 * class_at (marks classified by their bytes) against el_text_cp and char_class; has_question
 * against a search of the text; figure_possible (pairing skipped) against the pairs; cut_clause_cps
 * (which reads Han clauses in place; compare reads clauses through it), and frame_run, which takes
 * a head's first characters from lead[], against the versions that decode every clause; cp_in,
 * which decodes its words, against encoding the character.
 *
 * The functions under test are static: this file includes devices.c, so its test binary
 * holds its own copy of the module (the library's devices.o is then never linked in).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "devices.c"

/* ---- the straightforward version ------------------------------------------------------ */

static bool ref_hspace(uint32_t c)
{
    return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0;
}

static bool ref_opener(uint32_t c)
{
    return c == 0x201C || c == 0x2018 || c == 0x300C || c == 0x300E || c == '"' || c == 0xFF08 ||
           c == '(';
}

static bool ref_closer(uint32_t c)
{
    return c == 0x201D || c == 0x2019 || c == 0x300D || c == 0x300F || c == '"' || c == 0xFF09 ||
           c == ')';
}

static int ref_delim(uint32_t c)
{
    if (c == 0xFF0C || c == ',' || c == 0xFF1B || c == ';' || c == 0x3001 || c == 0xFF1A ||
        c == ':')
        return 1;
    if (c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == '!' || c == '?' || c == '\n' ||
        c == 0x2026)
        return 2;
    return 0;
}

static bool ref_quote_mark(uint32_t c)
{
    return c == 0x201C || c == 0x201D || c == 0x300C || c == 0x300D || c == 0x300E || c == 0x300F ||
           c == '"';
}

static bool ref_trigger(uint32_t c)
{
    static const uint32_t t[] = {0x63D2, 0x50CF, 0x5982, 0x72B9, 0x5B9B,
                                 0x597D, 0x6070, 0x4EFF, 0x6709};
    for (size_t i = 0; i < sizeof t / sizeof *t; i++)
        if (c == t[i])
            return true;
    return false;
}

static void ref_note(struct dstate *st, const char *s, uint32_t c, int d, size_t i, size_t k)
{
    if (d == 2 && c != 0x2026) {
        *EL_VEC_PUSH(st->marks) = i;
    } else if (!d && ref_quote_mark(c)) {
        for (size_t t = 0; t < 3; t++)
            *EL_VEC_PUSH(st->qbuf) = k == 3 ? s[i + t] : "\"  "[t];
        *EL_VEC_PUSH(st->qmap) = i;
    }
}

/* split_clauses one character at a time. */
static void ref_split(struct dstate *st, const char *s, size_t n)
{
    st->cl.n = st->marks.n = st->trig.n = st->qbuf.n = st->qmap.n = 0;
    size_t i = 0, k = 0;
    while (i < n) {
        size_t a = i, ncp = 0, nhan = 0;
        bool all_place = true, trim_end = false;
        uint32_t lead[4] = {0}, c = 0;
        int d = 0;
        while (i < n) {
            c = el_text_cp(s, n, i, &k);
            if (el_text_is_han(c)) {
                if (all_place && !st->cov[i] && c != 0x7B49)
                    all_place = false;
                if (ref_trigger(c))
                    *EL_VEC_PUSH(st->trig) = i;
                nhan++;
            } else {
                d = ref_delim(c);
                ref_note(st, s, c, d, i, k);
                if (d)
                    break;
            }
            if (ncp < 4)
                lead[ncp] = c;
            ncp++;
            trim_end = ref_hspace(c) || ref_closer(c);
            i += k;
        }
        size_t b = i;
        bool end = d == 2, comma = false, semi = false;
        if (i < n) {
            semi = c == 0xFF1B || c == ';';
            comma = semi || c == 0xFF0C || c == ',';
            i += k;
        }
        while (i < n) {
            c = el_text_cp(s, n, i, &k);
            int d2 = ref_delim(c);
            if (!ref_closer(c) && !d2 && !ref_hspace(c))
                break;
            ref_note(st, s, c, d2, i, k);
            end |= d2 == 2;
            i += k;
        }
        size_t cut = 0;
        while (a < b) {
            c = el_text_cp(s, b, a, &k);
            if (!ref_hspace(c) && !ref_opener(c) && !ref_closer(c))
                break;
            a += k;
            cut++;
        }
        ncp -= cut;
        if (trim_end) {
            while (b > a) {
                size_t j;
                c = el_text_prev_cp(s, b, &j);
                if (!ref_hspace(c) && !ref_closer(c))
                    break;
                b = j;
                ncp--;
            }
        }
        if (a >= b)
            continue;
        struct clause *cl = EL_VEC_PUSH(st->cl);
        *cl = (struct clause){.start = a,
                              .end = b,
                              .ncp = ncp,
                              .nhan = nhan,
                              .places = all_place && nhan > 0,
                              .sentence_end = end,
                              .comma_after = comma && !end,
                              .semi = semi && !end};
        /* Trimmed in front: the first code points of what is left; else those gathered. */
        if (cut) {
            size_t m = 0;
            for (size_t p = a; p < b && m < 4; p += k)
                cl->lead[m++] = el_text_cp(s, b, p, &k);
        } else {
            memcpy(cl->lead, lead, sizeof lead);
        }
    }
}

/* ---- the comparison ------------------------------------------------------------------- */

static void free_state(struct dstate *st)
{
    free(st->cl.v);
    free(st->marks.v);
    free(st->trig.v);
    free(st->qbuf.v);
    free(st->qmap.v);
}

#define SAME_VEC(x, y, field)                                                                      \
    do {                                                                                           \
        assert_int_equal((x)->field.n, (y)->field.n);                                              \
        if ((x)->field.n)                                                                          \
            assert_memory_equal((x)->field.v, (y)->field.v, (x)->field.n * sizeof *(x)->field.v);  \
    } while (0)

/* Split s[0..n) both ways, with cov marking place names, and require the same result. */
static void check_split(const char *s, size_t n, unsigned char *cov)
{
    struct dstate fast = {0}, ref = {0};
    fast.cov = ref.cov = cov;
    split_clauses(&fast, s, n);
    ref_split(&ref, s, n);
    assert_int_equal(fast.cl.n, ref.cl.n);
    for (size_t i = 0; i < ref.cl.n; i++) {
        const struct clause *x = &fast.cl.v[i], *y = &ref.cl.v[i];
        if (x->start != y->start || x->end != y->end || x->ncp != y->ncp || x->nhan != y->nhan ||
            x->places != y->places || x->sentence_end != y->sentence_end ||
            x->comma_after != y->comma_after || x->semi != y->semi || x->in_par != y->in_par ||
            memcmp(x->lead, y->lead, sizeof x->lead) != 0)
            fail_msg("clause %zu of \"%.*s\" differs: %zu..%zu ncp %zu nhan %zu, want %zu..%zu "
                     "ncp %zu nhan %zu",
                     i, (int)n, s, x->start, x->end, x->ncp, x->nhan, y->start, y->end, y->ncp,
                     y->nhan);
    }
    bool semi = false;
    for (size_t i = 0; i < ref.cl.n; i++)
        semi |= ref.cl.v[i].semi;
    assert_int_equal(fast.semi, semi);
    /* Without a ？ or ? in the text no sentence is a question (find_questions is skipped). */
    bool q = memchr(s, '?', n) != NULL;
    for (size_t i = 0; i + 3 <= n && !q; i++)
        q = memcmp(s + i, "？", 3) == 0;
    assert_int_equal(has_question(&fast, s), q);
    /* Without a lexicon figure (none here) and with no mark after 的, no pair opens after 的:
       pairing may be skipped. */
    if (!figure_possible(&fast, s) && fast.qbuf.n) {
        el_quote_pairs(fast.qbuf.v, fast.qbuf.n, &fast.pairs);
        for (size_t i = 0; i < fast.pairs.n; i++) {
            size_t open = fast.qmap.v[fast.pairs.v[i].open / 3], j;
            assert_false(open > 0 && el_text_prev_cp(s, open, &j) == 0x7684);
        }
        free(fast.pairs.v);
    }
    SAME_VEC(&fast, &ref, marks);
    SAME_VEC(&fast, &ref, trig);
    SAME_VEC(&fast, &ref, qbuf);
    SAME_VEC(&fast, &ref, qmap);
    free_state(&fast);
    free_state(&ref);
}

static void check_text(const char *s)
{
    size_t n = strlen(s);
    unsigned char *cov = calloc(n + 1, 1);
    check_split(s, n, cov);
    /* and with every byte inside a place name, as far as the text goes */
    memset(cov, 1, n);
    check_split(s, n, cov);
    free(cov);
}

static void test_known(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "",
        "像",
        "以人民为中心，以改革为动力，以创新为引擎。",
        "  “让教师下得去”，教育才有根基；让教师留得住，教育才有未来！",
        "问渠那得清如许？为有源头活水来。\n第二段……好似春风（一）",
        "基层强则国家强，基层安则天下安；\"quoted\" text, and (brackets)?",
        "北京、上海、广州等地：〇一二三，㐀㐁豈𠀀𠀁。",
        "「它」『们』‘单’”，  ，。。！？!?\t\u3000\u00A0末尾  ",
        "A",
        "\n\n\n",
        "，",
        "“”",
        "等等等",
        "犹如宛如恰似仿佛插上翅膀像一样有如",
        "\xE4\xB8",
        "\xE9\xBF\xBF\xE4\xB8\x80\xE4\xB7\xBF",
        "\xFF\xFE像\x80\xE5\x83",
    };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
        check_text(texts[i]);
}

/* Pieces random text is made of: Han (triggers and 等 among them), every mark split_clauses
 * tells apart, other scripts and widths, and broken UTF-8. */
static const char *const pieces[] = {
    "以",       "人", "民", "为",           "中",       "心",   "像",   "如",
    "犹",       "宛", "好", "恰",           "仿",       "有",   "插",   "等",
    "的",       "是", "丂", "龥",           "鿿",      "一",   "〇",   "㐀",
    "䶵",       "豈", "𠀀", "，",           ",",        "；",   ";",    "、",
    "：",       ":",  "。", "！",           "？",       "!",    "?",    "\n",
    "…",        " ",  "\t", "\u3000",       "\u00A0",   "“",    "”",    "‘",
    "’",        "「", "」", "『",           "』",       "（",   "）",   "(",
    ")",        "\"", "《", "》",           "a",        "Z",    "7",    "%",
    "é",        "€",  "😀",  "\xE4\xB7\xBF", "\xE4\xB8", "\x80", "\xFF", "\xED\xA0\x80",
    "\xE9\xBF", "\r",
};
#define NPIECES (sizeof pieces / sizeof *pieces)

#include "testrand.h"

static void test_random(void **state)
{
    (void)state;
    char buf[1024];
    unsigned char cov[1024];
    for (int round = 0; round < 20000; round++) {
        size_t n = 0, len = test_rand() % 120;
        /* Mostly Han, as an essay is; sometimes anything goes. */
        unsigned han_share = round % 3 == 0 ? 50 : 85;
        for (size_t t = 0; t < len; t++) {
            const char *p = test_rand() % 100 < han_share ? pieces[test_rand() % 18]
                                                          : pieces[test_rand() % NPIECES];
            size_t k = strlen(p);
            memcpy(buf + n, p, k);
            n += k;
        }
        /* Place names: random stretches of the text. */
        memset(cov, 0, n);
        for (unsigned m = test_rand() % 4; m > 0 && n > 0; m--) {
            size_t a = test_rand() % n, z = a + test_rand() % 16;
            memset(cov + a, 1, (z < n ? z : n) - a);
        }
        check_split(buf, n, cov);
    }
}

/* char_class against the predicates it replaced, for every code point. */
static void test_char_class(void **state)
{
    (void)state;
    for (uint32_t c = 0; c <= 0x10FFFF; c++) {
        unsigned k = char_class(c);
        int d = ref_delim(c);
        bool semi = c == 0xFF1B || c == ';', comma = semi || c == 0xFF0C || c == ',';
        if (!!(k & CL_PAUSE) != (d == 1) || !!(k & CL_STOP) != (d == 2) ||
            !!(k & CL_SPACE) != ref_hspace(c) || !!(k & CL_OPEN) != ref_opener(c) ||
            !!(k & CL_CLOSE) != ref_closer(c) || !!(k & CL_QUOTE) != ref_quote_mark(c) ||
            !!(k & CL_SEMI) != semi || !!(k & CL_COMMA) != comma || delim(c) != d ||
            is_hspace(c) != ref_hspace(c) || is_closer(c) != ref_closer(c))
            fail_msg("U+%04X: class %#x", (unsigned)c, k);
    }
}

/* The code-point switches against the characters they were written from. */
static void test_cp_sets(void **state)
{
    (void)state;
    static const char frames[] = "以让用在把要为从向对靠使凭是有不无当将更多每既于给往";
    static const char numerals[] = "〇零一二三四五六七八九十百千万亿两点";
    static const char triggers[] = "插像如犹宛好恰仿有";
    for (uint32_t c = 0; c < 0x30000; c++) {
        char u[4] = {0};
        if (c >= 0x800 && c <= 0xFFFF && (c < 0xD800 || c > 0xDFFF)) {
            u[0] = (char)(0xE0 | c >> 12);
            u[1] = (char)(0x80 | (c >> 6 & 0x3F));
            u[2] = (char)(0x80 | (c & 0x3F));
        }
        bool three = u[0] != 0;
        assert_int_equal(frame1(c), three && strstr(frames, u) != NULL);
        assert_int_equal(cn_numeral(c), three && strstr(numerals, u) != NULL);
        assert_int_equal(metaphor_trigger(c), three && strstr(triggers, u) != NULL);
    }
    /* each character of the lists found where the list is: none fell out of the switches */
    for (const char *p = frames; *p; p += 3)
        assert_true(frame1(el_text_cp(p, 3, 0, &(size_t){0})));
}

/* han_run against el_text_han_run (the run) and ref_trigger (what it notes), at every offset. */
static void test_han_run(void **state)
{
    (void)state;
    char buf[512];
    for (int round = 0; round < 3000; round++) {
        size_t n = 0, len = test_rand() % 60;
        for (size_t t = 0; t < len; t++) {
            const char *p =
                test_rand() % 100 < 80 ? pieces[test_rand() % 18] : pieces[test_rand() % NPIECES];
            size_t k = strlen(p);
            memcpy(buf + n, p, k);
            n += k;
        }
        for (size_t i = 0; i <= n; i++) {
            struct dstate st = {0};
            size_t h = han_run(&st, buf, n, i), want = el_text_han_run(buf, n, i), m = 0;
            assert_int_equal(h, want);
            for (size_t p = i; p < h; p += 3) {
                size_t k;
                if (ref_trigger(el_text_cp(buf, n, p, &k))) {
                    assert_true(m < st.trig.n);
                    assert_int_equal(st.trig.v[m++], p);
                }
            }
            assert_int_equal(m, st.trig.n);
            free(st.trig.v);
        }
    }
}

/* same_shape as it was, every clause decoded. */
static bool ref_same_shape(const char *s, const struct clause *x, const struct clause *y,
                           bool comma, uint32_t *mask, bool *marks)
{
    if (x->ncp != y->ncp || x->ncp < 4 || x->ncp > SHAPE_MAX || x->nhan != y->nhan ||
        (x->ncp == 4 && !comma))
        return false;
    uint32_t a[SHAPE_MAX], b[SHAPE_MAX];
    size_t n = clause_cps(s, x, a, SHAPE_MAX);
    clause_cps(s, y, b, SHAPE_MAX);
    uint32_t m = 0;
    bool mk = false;
    for (size_t i = 0; i < n; i++) {
        bool ha = el_text_is_han(a[i]), hb = el_text_is_han(b[i]);
        if (ha != hb || (!ha && a[i] != b[i]))
            return false;
        if (!ha)
            mk = true;
        else if (i > 0 && a[i] == b[i])
            m |= 1u << i;
    }
    if (n == 4 && (mk || !(m & 0x6u) || (m & 0x8u) || cn_numeral(a[0]) || cn_numeral(b[0])))
        return false;
    *mask &= m;
    *marks = mk;
    return mk || *mask;
}

/* same_shape (bytes compared for clauses of three-byte Han) against ref_same_shape, for
 * every pair of clauses of random text over a few characters, so that places often agree. */
static void test_same_shape(void **state)
{
    (void)state;
    static const char *const few[] = {"一", "丁", "七", "二", "是", "𠀀", "㐀", "7", "“", "”", " "};
    char buf[2048];
    for (int round = 0; round < 400; round++) {
        size_t n = 0;
        for (int cl = 0; cl < 12; cl++) {
            size_t len = 3 + test_rand() % 7;
            unsigned range = round % 2 ? 5 : 11;
            for (size_t t = 0; t < len; t++) {
                const char *p = few[test_rand() % range];
                memcpy(buf + n, p, strlen(p));
                n += strlen(p);
            }
            memcpy(buf + n, "，", 3);
            n += 3;
        }
        unsigned char *cov = calloc(n, 1);
        struct dstate st = {0};
        st.cov = cov;
        split_clauses(&st, buf, n);
        for (size_t i = 0; i < st.cl.n; i++)
            for (size_t j = 0; j < st.cl.n; j++)
                for (int comma = 0; comma < 2; comma++) {
                    uint32_t m1 = test_rand() % 2 ? ~0u : test_rand(), m2 = m1;
                    bool k1 = false, k2 = false;
                    bool r1 = same_shape(buf, &st.cl.v[i], &st.cl.v[j], comma, &m1, &k1);
                    bool r2 = ref_same_shape(buf, &st.cl.v[i], &st.cl.v[j], comma, &m2, &k2);
                    assert_int_equal(r1, r2);
                    assert_int_equal(m1, m2);
                    assert_int_equal(k1, k2);
                }
        free_state(&st);
        free(cov);
    }
}

/* class_at against el_text_cp and char_class: every code point, then broken and cut bytes. */
static void check_class_at(const char *buf, size_t n, size_t i)
{
    uint32_t c, want;
    size_t k, wk;
    unsigned cls = class_at(buf, n, i, &c, &k);
    want = el_text_cp(buf, n, i, &wk);
    if (c != want || k != wk || cls != char_class(want))
        fail_msg("class_at at %zu of %zu bytes: U+%04X/%zu class %#x, want U+%04X/%zu class %#x", i,
                 n, (unsigned)c, k, cls, (unsigned)want, wk, char_class(want));
}

static void test_class_at(void **state)
{
    (void)state;
    char buf[8];
    for (uint32_t c = 0; c <= 0x10FFFF; c++) {
        if (c >= 0xD800 && c <= 0xDFFF)
            continue;
        size_t n = u8_uctomb((uint8_t *)buf, c, 4);
        check_class_at(buf, n, 0);
        buf[n] = 'x'; /* and with a byte after it */
        check_class_at(buf, n + 1, 0);
    }
    /* the byte pairs of the three tabled blocks with every third byte, cut short or not */
    static const unsigned char heads[][2] = {{0xE2, 0x80}, {0xE3, 0x80}, {0xEF, 0xBC},
                                             {0xE2, 0x81}, {0xE3, 0x81}, {0xEF, 0xBD},
                                             {0xE0, 0x80}, {0xED, 0xA0}};
    for (size_t h = 0; h < sizeof heads / sizeof *heads; h++)
        for (unsigned b = 0; b < 256; b++) {
            buf[0] = (char)heads[h][0];
            buf[1] = (char)heads[h][1];
            buf[2] = (char)b;
            for (size_t n = 1; n <= 3; n++)
                check_class_at(buf, n, 0);
        }
    for (int round = 0; round < 200000; round++) {
        for (size_t t = 0; t < 4; t++)
            buf[t] = (char)test_rand();
        check_class_at(buf, 1 + test_rand() % 4, 0);
    }
}

/* frame_run as it was: the head's first characters decoded. */
static size_t ref_frame_run(const struct dstate *st, const char *s, const struct clause *head,
                            size_t i)
{
    const struct clause *cl = st->cl.v;
    uint32_t h[3];
    size_t nh = clause_cps(s, head, h, 3), j = i + 1, frame = 3;
    while (j < st->cl.n && joins(&cl[i], &cl[j - 1], &cl[j])) {
        size_t l = lcp3(h, nh, cl[j].lead, cl[j].ncp);
        size_t f = l < frame ? l : frame;
        if (!frame_ok(st, s, head, f) || cl[j].ncp < f + 2 || head->ncp < f + 2)
            break;
        frame = f;
        j++;
    }
    return j;
}

/* cut_clause_cps and frame_run against clause_cps and ref_frame_run (compare differs from
 * its old self only in reading clauses with cut_clause_cps), for clauses of random text
 * over a few characters (frames and numerals among them, marks now and then), so that clauses
 * often open alike and line up; every head also with a lead-in of one to three characters. */
static void test_compare_frame_run(void **state)
{
    (void)state;
    static const char *const few[] = {"以", "在", "有", "三", "点",   "五", "是", "一", "二",
                                      "“",  "”",  "7",  "𠀀", "\xFF", "，", "；", "。"};
    char buf[4096];
    for (int round = 0; round < 600; round++) {
        size_t n = 0;
        for (int cl = 0; cl < 14; cl++) {
            size_t len = 1 + test_rand() % 12;
            unsigned range = round % 3 ? 9 : 14;
            for (size_t t = 0; t < len; t++) {
                const char *p = few[test_rand() % range];
                memcpy(buf + n, p, strlen(p));
                n += strlen(p);
            }
            const char *d = few[14 + test_rand() % 3];
            memcpy(buf + n, d, 3);
            n += 3;
        }
        unsigned char *cov = calloc(n, 1);
        struct dstate st = {0};
        st.cov = cov;
        split_clauses(&st, buf, n);
        for (size_t i = 0; i < st.cl.n; i++) {
            for (size_t max = 1; max <= SHAPE_MAX; max++) {
                uint32_t got[SHAPE_MAX], want[SHAPE_MAX];
                size_t m = cut_clause_cps(buf, &st.cl.v[i], got, max);
                assert_int_equal(m, clause_cps(buf, &st.cl.v[i], want, max));
                assert_memory_equal(got, want, m * sizeof *got);
            }
            struct clause head = st.cl.v[i];
            for (int o = 0; o < 4 && head.start < head.end; o++) {
                assert_int_equal(frame_run(&st, buf, &head, i), ref_frame_run(&st, buf, &head, i));
                size_t k;
                el_text_cp(buf, head.end, head.start, &k);
                head.start += k;
                head.ncp--;
            }
        }
        free_state(&st);
        free(cov);
    }
}

/* cp_in as it was: c encoded, then compared with each word. */
static bool ref_cp_in(uint32_t c, const char *const *words)
{
    uint8_t buf[8];
    if (c >= 0x10000 || (c >= 0xD800 && c <= 0xDFFF))
        return false;
    size_t k = (size_t)u8_uctomb(buf, c, 4);
    for (; *words; words++)
        if (strlen(*words) == k && memcmp(*words, buf, k) == 0)
            return true;
    return false;
}

/* cp_in, which decodes the words, against ref_cp_in for every code point and both lists. */
static void test_cp_in(void **state)
{
    (void)state;
    for (uint32_t c = 0; c <= 0x10FFFF; c++) {
        assert_int_equal(cp_in(c, is_prefix_excl), ref_cp_in(c, is_prefix_excl));
        assert_int_equal(cp_in(c, xiang_nouns), ref_cp_in(c, xiang_nouns));
    }
    assert_true(cp_in(0x4F46, is_prefix_excl)); /* 但 */
    assert_true(cp_in(0x56FE, xiang_nouns));    /* 图 */
}

struct item {
    int key, seq;
};

static int cmp_item(const void *a, const void *b)
{
    const struct item *x = a, *y = b;
    return (x->key > y->key) - (x->key < y->key);
}

/* sort_items: sorted, and stably (equal keys keep their order), short arrays and long. */
static void test_sort_items(void **state)
{
    (void)state;
    struct item v[200];
    for (int round = 0; round < 5000; round++) {
        size_t n = test_rand() % (round % 10 ? 70 : 200);
        int range = 1 + (int)(test_rand() % 20);
        bool nearly = test_rand() % 2; /* in order but for a few */
        for (size_t i = 0; i < n; i++)
            v[i] = (struct item){nearly ? (int)i : (int)(test_rand() % (unsigned)range), (int)i};
        for (unsigned t = nearly ? test_rand() % 4 : 0; t > 0 && n > 1; t--) {
            size_t a = test_rand() % n, b = test_rand() % n;
            struct item x = v[a];
            v[a] = v[b];
            v[b] = x;
            v[a].seq = (int)a;
            v[b].seq = (int)b;
        }
        sort_items(v, n, sizeof *v, cmp_item);
        for (size_t i = 1; i < n; i++) {
            assert_true(v[i - 1].key <= v[i].key);
            if (v[i - 1].key == v[i].key)
                assert_true(v[i - 1].seq < v[i].seq);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_known),
        cmocka_unit_test(test_random),
        cmocka_unit_test(test_char_class),
        cmocka_unit_test(test_cp_sets),
        cmocka_unit_test(test_han_run),
        cmocka_unit_test(test_same_shape),
        cmocka_unit_test(test_sort_items),
        cmocka_unit_test(test_class_at),
        cmocka_unit_test(test_compare_frame_run),
        cmocka_unit_test(test_cp_in),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
