/* SPDX-License-Identifier: MIT */
/*
 * Differential tests for the fifth round of devices.c fast paths, each against the
 * straightforward version kept here: class_at, which tells ASCII from the marks of
 * block_class by arithmetic, against the chain of tests it replaced, for every first and
 * second byte and at the end of the text; note_mark, which calls xgrow for a quotation mark
 * only when qbuf is full, against the call per mark;
 * han_run, whose SSE2 loop tests five characters at a time, against a walk one character at
 * a time, at every offset of long runs of Han with triggers, extension A and broken bytes
 * among them; pairable, now one test by arithmetic, against the chain of tests;
 * find_parallel, whose heads are now turned away unless clauses i + 1 and i + 2 allow a run
 * of three, against the loop that tried each head on clause i + 1 alone, on random drafts of
 * framed and equally long clauses (devices found and clauses marked must be the same), after
 * find_member_parallel, now skipped unless two clauses end with ；, against its version that
 * ran on every paragraph with one.
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

#include "devices.c"

#include "testrand.h"

/* ---- the straightforward versions ------------------------------------------------------ */

/* class_at as it was: ASCII by a branch, the block of a mark by a chain of compares. */
static unsigned ref_class_at(const char *s, size_t n, size_t i, uint32_t *c, size_t *k)
{
    const unsigned char *u = (const unsigned char *)s + i;
    if (u[0] < 0x80) {
        *c = u[0];
        *k = 1;
        return ascii_class[u[0]];
    }
    if (n - i >= 3 && (u[2] & 0xC0) == 0x80) {
        unsigned key = (unsigned)u[0] << 8 | u[1];
        int b = key == 0xE280 ? 0 : key == 0xE380 ? 1 : key == 0xEFBC ? 2 : -1;
        if (b >= 0) {
            *c = (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
            *k = 3;
            return block_class[b][u[2] & 63];
        }
    }
    *c = el_text_cp(s, n, i, k);
    return char_class(*c);
}

/* note_mark as it was: a call to xgrow per quotation mark. */
static void ref_note_mark(struct dstate *st, const char *s, uint32_t c, unsigned cls, size_t i,
                          size_t k)
{
    if (cls & CL_STOP) {
        if (c != 0x2026)
            *PUSH(st->marks) = i;
    } else if (cls & CL_QUOTE) {
        RESERVE(st->qbuf, st->qbuf.n + 3);
        memcpy(st->qbuf.v + st->qbuf.n, k == 3 ? s + i : "\"  ", 3);
        st->qbuf.n += 3;
        *PUSH(st->qmap) = i;
    }
}

/* pairable as it was: a chain of tests. */
static bool ref_pairable(const struct clause *x, const struct clause *y, size_t min)
{
    return !x->in_par && !y->in_par && x->ncp == y->ncp && x->ncp >= min && x->ncp <= 12 &&
           x->nhan >= min && x->nhan == y->nhan && !x->places && !y->places;
}

/* find_member_parallel as it was: run on every paragraph with a ；. */
static void ref_find_member_parallel(struct dstate *st, const char *s, size_t len, size_t base)
{
    if (!st->semi) /* most paragraphs: no ；, no members */
        return;
    struct clause *cl = st->cl.v;
    size_t n = st->cl.n;
    for (size_t i = 0; i < n;) {
        size_t e = member_end(st, i), k = e - i;
        if (k < 2 || k > MEMBER_MAX || !cl[e - 1].semi || !member_start(st, i)) {
            i = e;
            continue;
        }
        size_t frame = 3, q = e, last = e, next = e, m = 1;
        while (q < n) {
            size_t qe = member_end(st, q), qk = qe - q;
            bool ends = !cl[qe - 1].semi; /* the sentence ends with this member */
            if ((qk != k && !(ends && qk > k)) || !member_like(st, s, i, q, k, &frame))
                break;
            m++;
            last = q + k;
            next = qe;
            if (ends)
                break;
            q = qe;
        }
        size_t np = 0;
        for (size_t t = i; m >= 3 && t < last && np < 2; t = member_end(st, t))
            np += frame_place(st, &cl[t], 3);
        if (m < 3 || np >= 2) {
            i = e;
            continue;
        }
        add_balanced(st, EL_DEV_PARALLELISM, s, len, base, cl[i].start, cl[last - 1].end);
        for (size_t t = i; t < last; t++)
            cl[t].in_par = true;
        i = next;
    }
}

/* find_parallel as it was: each head turned away by its own tests, one after another, and a
   run of the same shape or frame tried whenever the next clause alone allows it. */
static void ref_find_parallel(struct dstate *st, const char *s, size_t len, size_t base)
{
    struct clause *cl = st->cl.v;
    size_t n = st->cl.n;
    for (size_t i = 0; i + 2 < n;) {
        /* Three characters may open a framed run (joins checks what follows them). */
        if (cl[i].places || cl[i].in_par ||
            !(cl[i].nhan >= 4 || (cl[i].nhan == 3 && cl[i].ncp == 3))) {
            i++;
            continue;
        }
        size_t j = i + 1;
        /* At least three code points after the lead-in: a frame and two more. */
        size_t lim = cl[i].ncp - 3;
        if (lim > LEADIN_MAX)
            lim = LEADIN_MAX;
        /* A run needs the next clause to open as the head does (else it stops at i + 1):
           most heads are turned away here without decoding them. */
        uint32_t want = cl[i + 1].lead[0];
        const uint32_t *ld = cl[i].lead;
        bool near = false;
        if (lim >= 3) /* the usual case, all four: no loop */
            near = (ld[0] == want) | (ld[1] == want) | (ld[2] == want) | (ld[3] == want);
        else
            for (size_t o = 0; o <= lim; o++)
                near |= ld[o] == want;
        bool far = lim >= 4 && cl[i + 2].lead[0] == want;
        if ((near || far) && el_text_is_han(want)) {
            struct clause head = cl[i];
            size_t ho = 0; /* code points head.start is past cl[i].start */
            uint32_t cps[LEADIN_MAX + 1];
            for (size_t o = 0; o <= lim; o++) {
                uint32_t c;
                if (o < 4) {
                    c = cl[i].lead[o];
                } else {
                    if (!far)
                        break;
                    if (o == 4)
                        cut_clause_cps(s, &cl[i], cps, lim + 1);
                    c = cps[o];
                }
                if (c != want)
                    continue;
                for (size_t k; ho < o; ho++) {
                    el_text_cp(s, head.end, head.start, &k);
                    head.start += k;
                    head.ncp--;
                }
                size_t e = frame_run(st, s, &head, i);
                if (e > j)
                    j = e;
                if (j - i >= 3)
                    break;
            }
        }
        if (j - i >= 3) {
            /* Two clauses that are a frame and a place make the run a list of places. */
            size_t np = frame_place(st, &cl[i], LEADIN_MAX + 3);
            for (size_t k = i + 1; k < j && np < 2; k++)
                np += frame_place(st, &cl[k], 3);
            if (np >= 2)
                j = i + 1;
        }
        if (j - i < 3 && par_eligible(&cl[i])) {
            uint32_t mask = ~0u;
            bool marks = false;
            j = i + 1;
            /* As long as cl[i] (same_shape's first test, here without a call: most
               neighbours differ in length). */
            while (j < n && cl[j].ncp == cl[i].ncp && par_eligible(&cl[j]) && !cl[j].in_par &&
                   cl[j - 1].sentence_end == cl[i].sentence_end &&
                   same_shape(s, &cl[i], &cl[j], cl[j - 1].comma_after, &mask, &marks))
                j++;
        }
        if (j - i >= 3) {
            add_balanced(st, EL_DEV_PARALLELISM, s, len, base, cl[i].start, cl[j - 1].end);
            for (size_t k = i; k < j; k++)
                cl[k].in_par = true;
            i = j;
        } else {
            i++;
        }
    }
}

/* han_run one character at a time: the end of the run of Han U+4E00–U+9FFF of three bytes
   from s[i], its triggers into trig[0..*nt). */
static size_t ref_han_run(const char *s, size_t n, size_t i, size_t *trig, size_t *nt)
{
    size_t k;
    while (i < n) {
        uint32_t c = el_text_cp(s, n, i, &k);
        if (k != 3 || c < 0x4E00 || c > 0x9FFF)
            break;
        if (metaphor_trigger(c))
            trig[(*nt)++] = i;
        i += k;
    }
    return i;
}

/* ---- class_at ------------------------------------------------------------------------- */

/* class_at against ref_class_at at s[i] of s[0..n). */
static void check_class_at(const char *s, size_t n, size_t i)
{
    uint32_t c1, c2;
    size_t k1, k2;
    unsigned a = class_at(s, n, i, &c1, &k1), b = ref_class_at(s, n, i, &c2, &k2);
    if (a != b || c1 != c2 || k1 != k2)
        fail_msg("class_at %02X %02X %02X (n - i = %zu): U+%04X/%zu class %u, want U+%04X/%zu "
                 "class %u",
                 (unsigned char)s[i], n - i > 1 ? (unsigned char)s[i + 1] : 0,
                 n - i > 2 ? (unsigned char)s[i + 2] : 0, n - i, (unsigned)c1, k1, a, (unsigned)c2,
                 k2, b);
}

/* Every first and second byte, with third bytes around the continuation range and the marks,
   three bytes from the end and fewer. */
static void test_class_at(void **state)
{
    (void)state;
    static const unsigned char thirds[] = {0x00, 0x22, 0x7F, 0x80, 0x81, 0x82, 0x8C, 0x9A,
                                           0x9C, 0x9D, 0xA6, 0xBC, 0xBF, 0xC0, 0xE4, 0xFF};
    char buf[4];
    for (unsigned b0 = 0; b0 < 256; b0++)
        for (unsigned b1 = 0; b1 < 256; b1++)
            for (size_t t = 0; t < sizeof thirds; t++) {
                buf[0] = (char)b0;
                buf[1] = (char)b1;
                buf[2] = (char)thirds[t];
                buf[3] = 'x';
                check_class_at(buf, 4, 0);
                check_class_at(buf, 3, 0);
                check_class_at(buf, 2, 0);
                check_class_at(buf, 1, 0);
            }
}

/* ---- note_mark ------------------------------------------------------------------------ */

/* Marks of every kind, and characters that are none, for note_mark. */
static const char *const mark_pieces[] = {"。", "！", "？", "!",  "?", "\n", "…",  "“",  "”", "「",
                                          "」", "『", "』", "\"", "‘", "’",  "（", "）", "(", ")",
                                          "，", "、", "：", " ",  "a", "7",  "é",  "😀"};

/* note_mark and ref_note_mark over the characters of random strings of marks. */
static void test_note_mark(void **state)
{
    (void)state;
    char buf[512];
    for (int round = 0; round < 2000; round++) {
        size_t n = 0;
        for (size_t m = test_below(60); m > 0; m--) {
            const char *p = mark_pieces[test_below(sizeof mark_pieces / sizeof *mark_pieces)];
            memcpy(buf + n, p, strlen(p));
            n += strlen(p);
        }
        struct dstate a = {0}, b = {0};
        for (size_t i = 0, k; i < n; i += k) {
            uint32_t c;
            unsigned cls = ref_class_at(buf, n, i, &c, &k);
            note_mark(&a, buf, c, cls, i, k);
            ref_note_mark(&b, buf, c, cls, i, k);
        }
        assert_int_equal(a.marks.n, b.marks.n);
        assert_int_equal(a.qbuf.n, b.qbuf.n);
        assert_int_equal(a.qmap.n, b.qmap.n);
        if (b.marks.n)
            assert_memory_equal(a.marks.v, b.marks.v, b.marks.n * sizeof *b.marks.v);
        if (b.qbuf.n)
            assert_memory_equal(a.qbuf.v, b.qbuf.v, b.qbuf.n);
        if (b.qmap.n)
            assert_memory_equal(a.qmap.v, b.qmap.v, b.qmap.n * sizeof *b.qmap.v);
        free(a.marks.v);
        free(a.qbuf.v);
        free(a.qmap.v);
        free(b.marks.v);
        free(b.qbuf.v);
        free(b.qmap.v);
    }
}

/* ---- han_run -------------------------------------------------------------------------- */

/* What long runs are made of: Han (triggers among them, 丂 U+4E02 and 鿿 U+9FFF at the ends
   of the range), extension A and U+4DFF just below it (lead E4 too), marks, ASCII, broken
   sequences (a lead without its continuation bytes, a lone continuation byte). */
static const char *const run_pieces[] = {
    "人", "民", "中", "心", "丂", "鿿", "插", "像", "如", "犹", "宛",       "好",   "恰",   "仿",
    "有", "等", "人", "民", "发", "展",  "㐀", "䷿", "，", "a",  "\xE5\x83", "\x80", "\xE4",
};

/* han_run against ref_han_run at every offset of random text of long runs. */
static void test_han_run_long(void **state)
{
    (void)state;
    char buf[1024];
    size_t want[400];
    for (int round = 0; round < 400; round++) {
        size_t n = 0;
        while (n < 600) {
            /* mostly the first twenty pieces (Han), now and then one of the others */
            size_t np = sizeof run_pieces / sizeof *run_pieces;
            const char *p = run_pieces[test_below(8) ? test_below(20) : test_below((uint32_t)np)];
            memcpy(buf + n, p, strlen(p));
            n += strlen(p);
        }
        for (size_t i = 0; i < n; i++) {
            struct dstate st = {0};
            size_t nw = 0, h = han_run(&st, buf, n, i), e = ref_han_run(buf, n, i, want, &nw);
            assert_int_equal(h, e);
            assert_int_equal(st.trig.n, nw);
            if (nw)
                assert_memory_equal(st.trig.v, want, nw * sizeof *want);
            free(st.trig.v);
        }
    }
}

/* ---- pairable ------------------------------------------------------------------------- */

/* A clause with random counts and flags around the limits pairable tests. */
static struct clause random_clause(void)
{
    struct clause c = {0};
    c.ncp = test_below(16);
    c.nhan = test_below(16);
    c.places = test_below(4) == 0;
    c.in_par = test_below(4) == 0;
    return c;
}

static void test_pairable(void **state)
{
    (void)state;
    for (int round = 0; round < 200000; round++) {
        struct clause x = random_clause(), y = test_below(2) ? x : random_clause();
        y.places = test_below(4) == 0;
        y.in_par = test_below(4) == 0;
        size_t min = 3 + test_below(2);
        assert_int_equal(pairable(&x, &y, min), ref_pairable(&x, &y, min));
    }
}

/* ---- find_parallel -------------------------------------------------------------------- */

/* The devices find_member_parallel and find_parallel (ref: their ref_ versions) add for block
   blk of doc, and the in_par
   flags it leaves, into *dev and par[]; `marked` clauses are set in_par first, as an earlier
   pass would. */
static size_t run_parallel(el_doc *doc, el_span blk, bool ref, uint64_t marked, el_device *dev,
                           size_t max, bool *par, size_t *ncl)
{
    const char *s = doc->plain.v + blk.off;
    struct dstate st = {.doc = doc, .base = blk.off};
    st.cov = calloc(blk.len + 1, 1);
    el_doc_lex_scan_cats(doc, blk.off, blk.len, DEVICE_CATS, collect_hit, &st);
    for (size_t i = 0; i < st.hits.n; i++)
        if (st.hits.v[i].cat == EL_LEX_PLACE)
            memset(st.cov + st.hits.v[i].start, 1, st.hits.v[i].end - st.hits.v[i].start);
    split_clauses(&st, s, blk.len);
    for (size_t i = 0; i < st.cl.n && i < 64; i++)
        st.cl.v[i].in_par = marked >> i & 1;
    size_t n0 = doc->devices.n;
    if (ref) {
        ref_find_member_parallel(&st, s, blk.len, blk.off);
        ref_find_parallel(&st, s, blk.len, blk.off);
    } else {
        find_member_parallel(&st, s, blk.len, blk.off);
        find_parallel(&st, s, blk.len, blk.off);
    }
    size_t nd = doc->devices.n - n0;
    assert_true(nd <= max);
    if (nd)
        memcpy(dev, doc->devices.v + n0, nd * sizeof *dev);
    doc->devices.n = n0;
    *ncl = st.cl.n;
    for (size_t i = 0; i < st.cl.n && i < 64; i++)
        par[i] = st.cl.v[i].in_par;
    free(st.cov);
    free(st.hits.v);
    free(st.cl.v);
    free(st.marks.v);
    free(st.trig.v);
    free(st.qbuf.v);
    free(st.qmap.v);
    free(st.case_names);
    free(st.evid);
    return nd;
}

/* find_parallel against ref_find_parallel on every block of s, parsed as a draft, with no
   clause marked and with random clauses marked. */
static void check_parallel(const char *s)
{
    el_doc *doc = el_parse("t.txt", s, strlen(s), NULL);
    assert_true(doc->ok);
    el_span_vec blocks = {0};
    el_quote_blocks(doc, &blocks);
    for (size_t b = 0; b < blocks.n; b++)
        for (int m = 0; m < 3; m++) {
            uint64_t marked = m == 0 ? 0 : test_rand64() & test_rand64();
            el_device d1[64], d2[64];
            bool p1[64], p2[64];
            size_t c1, c2;
            size_t n1 = run_parallel(doc, blocks.v[b], false, marked, d1, 64, p1, &c1);
            size_t n2 = run_parallel(doc, blocks.v[b], true, marked, d2, 64, p2, &c2);
            assert_int_equal(n1, n2);
            assert_int_equal(c1, c2);
            for (size_t i = 0; i < n1; i++) {
                assert_int_equal(d1[i].type, d2[i].type);
                assert_int_equal(d1[i].txt.off, d2[i].txt.off);
                assert_int_equal(d1[i].txt.len, d2[i].txt.len);
            }
            for (size_t i = 0; i < c1 && i < 64; i++)
                assert_int_equal(p1[i], p2[i]);
        }
    free(blocks.v);
    el_doc_free(doc);
}

/* Drafts of clauses that open with frames (one character, lexicon words, a lead-in before
   them), of equal lengths with shared characters, places, numbers and quoted terms, cut by
   every delimiter, so that runs of two, three and more, broken runs and lists all occur. */
static void test_find_parallel(void **state)
{
    (void)state;
    static const char *const heads[] = {"以", "让", "在",   "要",   "坚持", "推动", "我们要以",
                                        "是", "有", "北京", "上海", "三",   "“",    ""};
    static const char *const rest[] = {"人民为中心",
                                       "改革为动力",
                                       "创新为引擎",
                                       "发展",
                                       "党建是引领",
                                       "科技是支撑",
                                       "群众是基础",
                                       "北京",
                                       "上海市",
                                       "“绿水”",
                                       "7个",
                                       "不平衡",
                                       "有担当",
                                       "党建是引领的关键所在",
                                       "科技是支撑的关键所在",
                                       "群众是基础的关键所在",
                                       "资金是保障的重要一环"};
    static const char *const ends[] = {"，", "，", "，", "；", "；", "。", "、", "！", "\n\n"};
    char buf[4096];
    for (int round = 0; round < 1500; round++) {
        size_t n = 0;
        for (int c = 0, m = 2 + (int)test_below(14); c < m; c++) {
            const char *parts[3] = {heads[test_below(sizeof heads / sizeof *heads)],
                                    rest[test_below(sizeof rest / sizeof *rest)],
                                    ends[test_below(sizeof ends / sizeof *ends)]};
            for (int p = 0; p < 3; p++) {
                memcpy(buf + n, parts[p], strlen(parts[p]));
                n += strlen(parts[p]);
            }
        }
        buf[n] = '\0';
        check_parallel(buf);
    }
}

/* Sentences of members split by ；(让教师下得去，教育才有根基；让教师留得住，…): two to
   five members of two or three clauses, of equal or nearly equal lengths, most opening with
   one frame, some with a place, so that 排比 of members of two, three and more occur. */
static void test_find_member_parallel(void **state)
{
    (void)state;
    static const char *const heads[] = {"让教师", "让干部", "在杭州", "要", "让"};
    static const char *const rest[] = {"下得去", "留得住",       "教得好",       "沉下去",
                                       "干得好", "教育才有根基", "教育才有未来", "民生才有保障"};
    char buf[4096];
    for (int round = 0; round < 1500; round++) {
        size_t n = 0;
        for (int sent = 0, ns = 1 + (int)test_below(3); sent < ns; sent++) {
            int members = 2 + (int)test_below(4), k = 2 + (int)test_below(2);
            const char *head = heads[test_below(sizeof heads / sizeof *heads)];
            for (int m = 0; m < members; m++)
                for (int c = 0; c < k; c++) {
                    const char *parts[3] = {c == 0 && test_below(4) ? head : "",
                                            rest[test_below(sizeof rest / sizeof *rest)],
                                            c + 1 < k         ? "，"
                                            : m + 1 < members ? "；"
                                                              : "。"};
                    for (int p = 0; p < 3; p++) {
                        memcpy(buf + n, parts[p], strlen(parts[p]));
                        n += strlen(parts[p]);
                    }
                }
        }
        buf[n] = '\0';
        check_parallel(buf);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_class_at),      cmocka_unit_test(test_note_mark),
        cmocka_unit_test(test_han_run_long),  cmocka_unit_test(test_pairable),
        cmocka_unit_test(test_find_parallel), cmocka_unit_test(test_find_member_parallel),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
