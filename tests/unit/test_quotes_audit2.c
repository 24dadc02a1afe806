/* SPDX-License-Identifier: MIT */
/*
 * Quotes found after a second audit: classical lines written without quotation marks amid a
 * paragraph, as whole clauses between clause marks (治理之道，千里之堤，溃于蚁穴，小问题…) or
 * after a lead-in that is not one of the bare ones (古人讲天下难事，必作于易；…，基层…), found
 * where they stand (line and column of their first character) with their source; and what must
 * not change: a leader's saying standing bare (功成不必在我，功成必定有我), a four-character
 * line used as an idiom (防微杜渐), modern clauses that share a clause or a few characters with
 * a line, a near wording amid a paragraph, quoted lines and reported policy speech (found once),
 * and a hostile paragraph of one line over and over (linear, capped). Then the fast paths that
 * pay for the scan: kept3 on three ideographs in a row (against the walk it had, kept here
 * verbatim, on random text), and open3 holding every clause opening of the index (scan_mid
 * looks at no other clause). This file includes quotes.c to reach its static functions.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "quotes.c"

#include "analyze.h"
#include "doc.h"
#include "lexicon.h"
#include "rules.h"
#include "testquotedoc.h"
#include "testrand.h"

/* The only quote of the essay s is a classical one with this text, the lexicon's source, no
   speaker, at line:col (of its first character; columns count characters from 1), and no
   misquote is raised. */
static void one_classic(const char *s, const char *text, const char *source, size_t line,
                        size_t col)
{
    el_doc *doc = parse(s);
    if (doc->quotes.n != 1) {
        fprintf(stderr, "%zu quotes in [%s]\n", doc->quotes.n, s);
        fail();
    }
    const el_quote *q = &doc->quotes.v[0];
    assert_int_equal(q->kind, EL_QUOTE_CLASSICAL);
    if (!span_is(doc, q->txt, text)) {
        fprintf(stderr, "text [%.*s] != [%s]\n", (int)q->txt.len, doc->plain.v + q->txt.off, text);
        fail();
    }
    assert_true(q->speaker.len == 0 && q->speaker_lex == NULL);
    assert_true(q->source.len == 0);
    assert_non_null(q->source_lex);
    assert_string_equal(q->source_lex, source);
    size_t l, c;
    el_doc_pos(doc, el_doc_src(doc, q->txt.off), &l, &c);
    if (l != line || c != col) {
        fprintf(stderr, "at %zu:%zu, not %zu:%zu in [%s]\n", l, c, line, col, s);
        fail();
    }
    assert_int_equal(misquotes(doc), 0);
    el_doc_free(doc);
}

static void no_quote(const char *s)
{
    el_doc *doc = parse(s);
    if (doc->quotes.n != 0) {
        fprintf(stderr, "%zu quotes in [%s]: [%.*s]\n", doc->quotes.n, s,
                (int)doc->quotes.v[0].txt.len, doc->plain.v + doc->quotes.v[0].txt.off);
        fail();
    }
    el_doc_free(doc);
}

/* The drafts of the audit: whole clauses amid a paragraph, after a comma. */
static void test_mid_clauses(void **state)
{
    (void)state;
    one_classic("标题\n\n治理之道，千里之堤，溃于蚁穴，小问题不解决就会酿成大隐患。我们要加强领导，"
                "要落实责任。\n",
                "千里之堤，溃于蚁穴", "《韩非子·喻老》", 3, 6);
    one_classic("标题\n\n抓落实要有耐心，天下大事，必作于细，每件小事都马虎不得。\n",
                "天下大事，必作于细", "《道德经·第六十三章》", 3, 9);
    /* a sentence of its own between two of the essay's */
    one_classic("标题\n\n基层工作要从点滴做起。千里之行，始于足下。我们要坚持下去。\n",
                "千里之行，始于足下", "《道德经·第六十四章》", 3, 12);
    /* on the second line of a paragraph */
    one_classic("标题\n\n基层工作要从点滴做起，\n千里之行，始于足下，我们要坚持下去。\n",
                "千里之行，始于足下", "《道德经·第六十四章》", 4, 1);
}

/* After a lead-in in the same clause, the line followed by the essay's own words. */
static void test_mid_leads(void **state)
{
    (void)state;
    one_classic("标题\n\n古人讲天下难事，必作于易；天下大事，必作于细，基层工作尤其如此。\n",
                "天下难事，必作于易；天下大事，必作于细", "《道德经·第六十三章》", 3, 4);
    one_classic("标题\n\n正所谓天下大事，必作于细，基层工作尤其如此。\n", "天下大事，必作于细",
                "《道德经·第六十三章》", 3, 4);
    one_classic("标题\n\n做好基层工作，常言道：千里之行，始于足下，我们要从点滴做起。\n",
                "千里之行，始于足下", "《道德经·第六十四章》", 3, 12);
    one_classic("标题\n\n基层治理千头万绪，古人讲千里之堤，溃于蚁穴，小问题要早发现。\n",
                "千里之堤，溃于蚁穴", "《韩非子·喻老》", 3, 13);
}

/* More of the audit's drafts with their marks taken out: a line over a sentence end, after
   a colon, after a title's 有言, closing a paragraph. */
static void test_mid_more(void **state)
{
    (void)state;
    one_classic("标题\n\n文化要传承。问渠那得清如许？为有源头活水来。非遗保护贵在活态传承。\n",
                "问渠那得清如许？为有源头活水来", "朱熹《观书有感》", 3, 7);
    one_classic(
        "标题\n\n粮食安全是国之大者。《孟子》有言：不违农时，谷不可胜食也。我们要抓好春耕。\n",
        "不违农时，谷不可胜食也", "《孟子·梁惠王上》", 3, 18);
    one_classic("标题\n\n应急管理要未雨绸缪，居安思危，思则有备，有备无患，这是底线思维。\n",
                "居安思危，思则有备，有备无患", "《左传·襄公十一年》", 3, 11);
    one_classic("标题\n\n网络文明人人有责，要从小事做起，勿以恶小而为之，勿以善小而不为。\n",
                "勿以恶小而为之，勿以善小而不为", "刘备《遗诏敕后主》", 3, 17);
}

/* What stays as it was. */
static void test_not_mid(void **state)
{
    (void)state;
    /* a leader's saying standing bare: not classical, and no quote without a speaker */
    no_quote("标题\n\n总之，功成不必在我，功成必定有我。\n");
    no_quote("标题\n\n我们要牢记，功成不必在我，功成必定有我，一任接着一任干。\n");
    /* a classical phrase of four characters used as an idiom */
    no_quote("标题\n\n我们要防微杜渐，从小处着手抓好治理。\n");
    no_quote("标题\n\n基层治理，防微杜渐，久久为功，这是经验。\n");
    no_quote("标题\n\n基层工作千头万绪，上善若水，治理亦然。\n");
    /* modern clauses sharing a clause or a few characters with a line */
    no_quote("标题\n\n抓落实要有耐心，天下大事，必须做细做实，马虎不得。\n");
    no_quote("标题\n\n抓落实要有耐心，千里之堤，需要每个人共同守护。\n");
    no_quote("标题\n\n抓落实要有耐心，天下难事都要从容易处做起，马虎不得。\n");
    /* a near wording amid a paragraph is the essay's own, never a misquote */
    no_quote("标题\n\n基层工作要从点滴做起。千里之行，始于脚下。我们要坚持。\n");
    /* part of a clause only */
    no_quote("标题\n\n我们常说千里之堤溃于蚁穴这个道理，小问题要早发现。\n");
    no_quote("标题\n\n这正是千里之堤，溃于蚁穴的道理，小问题要早发现。\n");
    /* inside a title */
    no_quote("标题\n\n他写了《千里之堤，溃于蚁穴》一文，小问题要早发现。\n");
}

/* Quoted lines and reported speech holding a line are found once, as before. */
static void test_found_once(void **state)
{
    (void)state;
    one_classic("标题\n\n古人云：“天下大事，必作于细。”基层工作尤其如此。\n",
                "天下大事，必作于细。", "《道德经·第六十三章》", 3, 6);
    one_classic("标题\n\n古人云：天下大事，必作于细。基层工作尤其如此。\n", "天下大事，必作于细",
                "《道德经·第六十三章》", 3, 5);
    el_doc *doc = parse("标题\n\n习近平总书记强调，天下大事，必作于细，要把小事做好。\n");
    assert_int_equal(doc->quotes.n, 1);
    assert_int_equal(doc->quotes.v[0].kind, EL_QUOTE_POLICY);
    el_doc_free(doc);
    /* two lines of one paragraph, each once */
    doc = parse("标题\n\n治理之道，千里之堤，溃于蚁穴；天下大事，必作于细，我们要从小事做起。\n");
    assert_int_equal(doc->quotes.n, 2);
    assert_true(span_is(doc, doc->quotes.v[0].txt, "千里之堤，溃于蚁穴"));
    assert_true(span_is(doc, doc->quotes.v[1].txt, "天下大事，必作于细"));
    el_doc_free(doc);
}

/* Hostile: one line over and over in one paragraph, and its first clause alone over and over:
   linear, at most the cap. */
static void test_mid_hostile(void **state)
{
    (void)state;
    const char *units[] = {"天下大事，必作于细，", "千里之堤，"};
    for (size_t u = 0; u < 2; u++) {
        size_t n = 60000, ul = strlen(units[u]);
        char *s = malloc(n * ul + 16);
        assert_non_null(s);
        memcpy(s, "标题\n\n", 8);
        for (size_t i = 0; i < n; i++)
            memcpy(s + 8 + i * ul, units[u], ul);
        s[8 + n * ul] = '\0';
        el_doc *doc = parse(s);
        assert_true(doc->quotes.n <= 10000);
        if (u == 1)
            assert_int_equal(doc->quotes.n, 0);
        el_doc_free(doc);
        free(s);
    }
}

/* kept3 as it was before its fast path: the walk over up to eight characters. */
static uint64_t kept3_ref(const char *s, size_t a, size_t z, bool forward)
{
    unsigned char b[9];
    size_t got = 0, k, j;
    for (int steps = 0; got < 3 && steps < 8 && a < z; steps++) {
        size_t at;
        uint32_t c;
        if (forward) {
            c = el_text_cp(s, z, a, &k);
            at = a;
            a += k;
        } else {
            c = el_text_prev_cp(s, z, &j);
            at = j;
            k = z - j;
            z = j;
        }
        if (el_text_is_han(c) && k == 3) {
            size_t slot = forward ? got : 2 - got;
            memcpy(b + 3 * slot, s + at, 3);
            got++;
        } else if (el_text_is_han(c) || (c < 0x80 && isalnum((int)c))) {
            return 0;
        }
    }
    return got == 3 ? chars3(b) : 0;
}

/* kept3 against kept3_ref at every window of random text crowded with ideographs (of the
   common block and of the ones around it), marks, ASCII and broken sequences. */
static void test_kept3(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "天",
        "下",
        "大",
        "事",
        "必",
        "作",
        "于",
        "细",
        "，",
        "。",
        "、",
        "：",
        "“",
        "”",
        "a",
        "7",
        " ",
        "\n",
        "\xE4\xB7\x80",
        "\xE4\xB8\x80",
        "\xE9\xBF\xBF",
        "\xEA\xB0\x80",
        "\xE3\x80\x80",
        "\xF0\x9F\x98\x80",
        "\xE5\x8F",
        "\x80",
        "\xC2\xB7",
        "㐀",
    };
    test_seed(0x5151);
    for (int round = 0; round < 400; round++) {
        char t[96];
        size_t n = 0;
        while (n < 60) {
            const char *pc = pieces[test_below(sizeof pieces / sizeof pieces[0])];
            size_t l = strlen(pc);
            memcpy(t + n, pc, l);
            n += l;
        }
        for (size_t a = 0; a <= n; a++)
            for (size_t z = a; z <= n && z <= a + 30; z++)
                for (int f = 0; f < 2; f++)
                    if (kept3(t, a, z, f) != kept3_ref(t, a, z, f)) {
                        fprintf(stderr, "kept3 %zu..%zu %d\n", a, z, f);
                        fail();
                    }
    }
}

/* Every clause opening that ci->starts holds (the first nine bytes of the key at each clause
   of a line that is no leader's saying, and past a leading connective) is in open3, and so are
   the lead-ins mid_lead looks for: open3 is a superset, so scan_mid misses no line for it. */
static void test_open3(void **state)
{
    (void)state;
    size_t nl = el_lex_nclassical(), seen = 0;
    for (size_t i = 0; i < nl; i++) {
        const el_classical *c = el_lex_classical(i);
        if (c->speaker)
            continue;
        const char *t = c->text, *key = c->key;
        size_t n = strlen(t), kn = strlen(key), p = 0, q = 0, a, ka, ncp;
        while (next_clause(t, n, key, kn, &p, &q, &a, &ka, &ncp)) {
            size_t ms = ka + connective(key + ka, q - ka, ncp);
            if (kn - ka >= 9) {
                uint64_t k3 = chars3((const unsigned char *)key + ka); /* 0: not three */
                assert_true(!k3 || keyset_has(&ci->starts, k3));
                assert_true(open3_has((const unsigned char *)key + ka));
                seen++;
            }
            if (kn - ms >= 9)
                assert_true(open3_has((const unsigned char *)key + ms));
        }
    }
    assert_true(seen > 500);
    for (const struct word *w = mid_leads; w->s; w++)
        assert_true(open3_has((const unsigned char *)w->s));
}

/* Both wordings of 李商隐's line are right to cite: the received 破由奢 and the cited 败由奢. */
static void test_received_wording(void **state)
{
    (void)state;
    el_doc *doc = parse("勤俭节约\n\n“历览前贤国与家，成由勤俭破由奢。”勤俭是美德。古人云："
                        "“成由勤俭败由奢。”\n");
    assert_int_equal(doc->quotes.n, 2);
    assert_int_equal(doc->quotes.v[0].kind, EL_QUOTE_CLASSICAL);
    assert_int_equal(doc->quotes.v[1].kind, EL_QUOTE_CLASSICAL);
    assert_int_equal(misquotes(doc), 0);
    el_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mid_clauses),
        cmocka_unit_test(test_mid_leads),
        cmocka_unit_test(test_mid_more),
        cmocka_unit_test(test_not_mid),
        cmocka_unit_test(test_found_once),
        cmocka_unit_test(test_mid_hostile),
        cmocka_unit_test(test_kept3),
        cmocka_unit_test(test_open3),
        cmocka_unit_test(test_received_wording),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
