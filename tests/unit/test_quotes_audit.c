/* SPDX-License-Identifier: MIT */
/*
 * Quotes found after an audit on new drafts: reported policy speech without quotation marks
 * (习近平总书记强调，要…。) and what is not such speech (专家指出, 按照…要求, …的论述); a
 * classical line quoted without its leading 君子/是以/夫; a line of five opening a longer quote
 * or a paragraph (民以食为天); a bare near wording of a line's clauses as a misquote at a
 * paragraph's edge (千里之行，始于脚下) and not for a short line; the speaker of a classic
 * (孔子说：“…”); issuers joined by 、 as one speaker; lines the lexicon gained.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "doc.h"
#include "lexicon.h"
#include "quotes.h"
#include "rules.h"
#include "testquotedoc.h"

/* The only quote of the essay s: kind, text, speaker (NULL: none) and source (NULL: none,
   else the 《…》 of the lexicon or the span written). */
static void one_quote(const char *s, enum el_quote_kind kind, const char *text, const char *speaker,
                      const char *source)
{
    el_doc *doc = parse(s);
    if (doc->quotes.n != 1) {
        fprintf(stderr, "%zu quotes in [%s]\n", doc->quotes.n, s);
        fail();
    }
    const el_quote *q = &doc->quotes.v[0];
    assert_int_equal(q->kind, kind);
    if (!span_is(doc, q->txt, text)) {
        fprintf(stderr, "text [%.*s] != [%s]\n", (int)q->txt.len, doc->plain.v + q->txt.off, text);
        fail();
    }
    assert_true(span_is(doc, q->speaker, speaker) ||
                (q->speaker_lex && speaker && strcmp(q->speaker_lex, speaker) == 0));
    if (source)
        assert_true(span_is(doc, q->source, source) ||
                    (q->source_lex && strcmp(q->source_lex, source) == 0));
    else
        assert_true(q->source.len == 0 && q->source_lex == NULL);
    el_doc_free(doc);
}

static void no_quote(const char *s)
{
    el_doc *doc = parse(s);
    if (doc->quotes.n != 0) {
        fprintf(stderr, "%zu quotes in [%s]\n", doc->quotes.n, s);
        fail();
    }
    el_doc_free(doc);
}

static void test_indirect_policy(void **state)
{
    (void)state;
    one_quote("标题\n\n习近平总书记强调，要把农村公路建好、管好、护好、运营好。这指明了方向。\n",
              EL_QUOTE_POLICY, "要把农村公路建好、管好、护好、运营好", "习近平总书记", NULL);
    one_quote("标题\n\n习近平总书记在考察时指出：要把饭碗牢牢端在自己手中。\n", EL_QUOTE_POLICY,
              "要把饭碗牢牢端在自己手中", "习近平总书记", NULL);
    one_quote("标题\n\n党的二十大报告提出，要全面推进乡村振兴。\n", EL_QUOTE_POLICY,
              "要全面推进乡村振兴", NULL, "党的二十大报告");
    one_quote("标题\n\n《意见》明确，到2025年基本建成数字政府。\n", EL_QUOTE_POLICY,
              "到2025年基本建成数字政府", NULL, "《意见》");
    /* a closing quotation mark inside the words stays; the final mark goes */
    one_quote("标题\n\n党的二十大报告提出，要整治“指尖上的形式主义”。\n", EL_QUOTE_POLICY,
              "要整治“指尖上的形式主义”", NULL, "党的二十大报告");
    /* a leader's saying of the lexicon, reported: its speaker as written */
    one_quote("标题\n\n正如习近平总书记所说，绿水青山就是金山银山。\n", EL_QUOTE_POLICY,
              "绿水青山就是金山银山", "习近平总书记", NULL);
    /* quoted after the verb: one quote, the quoted words */
    one_quote("标题\n\n习近平总书记指出，“江山就是人民，人民就是江山”。\n", EL_QUOTE_POLICY,
              "江山就是人民，人民就是江山", "习近平总书记", NULL);
}

/* Issuers joined by 、 are the speaker together. */
static void test_joint_speakers(void **state)
{
    (void)state;
    one_quote("标题\n\n中共中央办公厅、国务院办公厅印发的《关于加强新时代网络文明建设的意见》提出，"
              "要加强网络空间治理。\n",
              EL_QUOTE_POLICY, "要加强网络空间治理", "中共中央办公厅、国务院办公厅",
              "《关于加强新时代网络文明建设的意见》");
    one_quote("标题\n\n国务院办公厅印发的《意见》提出“推进网络文明建设”。\n", EL_QUOTE_POLICY,
              "推进网络文明建设", "国务院办公厅", "《意见》");
}

static void test_not_indirect(void **state)
{
    (void)state;
    no_quote("标题\n\n专家指出，基层治理要久久为功。\n");
    no_quote("标题\n\n他指出，这是发展的方向。\n");
    no_quote("标题\n\n会议要求，各地要抓好落实。\n");
    no_quote("标题\n\n按照习近平总书记要求，各地要压实责任。\n");
    no_quote("标题\n\n引述总书记关于“塑形铸魂”的论述，点明主旨。\n");
    no_quote("标题\n\n落实总书记提出的要求，关键在人。\n");
    no_quote("标题\n\n习近平总书记强调：\n");
    no_quote("标题\n\n习近平总书记强调，好。\n"); /* too short to be words reported */
}

/* Hostile: a verb and a comma over and over, no sentence end: linear, one quote at most per
   sentence. */
static void test_indirect_hostile(void **state)
{
    (void)state;
    const char *unit = "习近平总书记指出，";
    size_t n = 40000, ul = strlen(unit);
    char *s = malloc(n * ul + 16);
    assert_non_null(s);
    memcpy(s, "标题\n\n", 8);
    for (size_t i = 0; i < n; i++)
        memcpy(s + 8 + i * ul, unit, ul);
    s[8 + n * ul] = '\0';
    el_doc *doc = parse(s);
    assert_true(doc->quotes.n <= 1);
    el_doc_free(doc);
    free(s);
}

static void test_leading_word(void **state)
{
    (void)state;
    one_quote("标题\n\n古人讲“安而不忘危，存而不忘亡，治而不忘乱。”\n", EL_QUOTE_CLASSICAL,
              "安而不忘危，存而不忘亡，治而不忘乱。", NULL, "《周易·系辞下》");
    one_quote("标题\n\n我们要牢记“安而不忘危，存而不忘亡，治而不忘乱。”\n", EL_QUOTE_CLASSICAL,
              "安而不忘危，存而不忘亡，治而不忘乱。", NULL, "《周易·系辞下》");
}

static void test_five(void **state)
{
    (void)state;
    one_quote("标题\n\n民以食为天，食以安为先。食品安全关系千家万户。\n", EL_QUOTE_CLASSICAL,
              "民以食为天", NULL, "《汉书·郦食其传》");
    one_quote("标题\n\n我们常说，“民以食为天，食以安为先”。\n", EL_QUOTE_CLASSICAL,
              "民以食为天，食以安为先", NULL, "《汉书·郦食其传》");
    /* a four-character line stays the essay's own where it stands bare */
    no_quote("标题\n\n上善若水，治理亦然。\n");
}

static void test_bare_misquote(void **state)
{
    (void)state;
    el_doc *doc = parse("标题\n\n千里之行，始于脚下。基层工作要从点滴做起。\n");
    assert_int_equal(doc->quotes.n, 1);
    assert_int_equal(doc->quotes.v[0].kind, EL_QUOTE_CLASSICAL);
    assert_true(span_is(doc, doc->quotes.v[0].txt, "千里之行，始于脚下"));
    assert_int_equal(misquotes(doc), 1);
    el_doc_free(doc);
    /* right, it is a quote and no misquote */
    doc = parse("标题\n\n千里之行，始于足下。基层工作要从点滴做起。\n");
    assert_int_equal(doc->quotes.n, 1);
    assert_int_equal(misquotes(doc), 0);
    el_doc_free(doc);
    /* a near wording of fewer than eight: the essay's own words */
    no_quote("标题\n\n吾日三省己身。基层工作要从点滴做起。\n");
    /* amid a paragraph: not looked at */
    no_quote("标题\n\n基层工作要从点滴做起。千里之行，始于脚下。我们要坚持。\n");
}

static void test_classic_speaker(void **state)
{
    (void)state;
    one_quote("标题\n\n孔子说：“己所不欲，勿施于人。”\n", EL_QUOTE_CLASSICAL,
              "己所不欲，勿施于人。", "孔子", "《论语·颜渊》");
    /* the ancients are no speaker */
    one_quote("标题\n\n古人说：“己所不欲，勿施于人。”\n", EL_QUOTE_CLASSICAL,
              "己所不欲，勿施于人。", NULL, "《论语·颜渊》");
}

static void test_new_lines(void **state)
{
    (void)state;
    one_quote("标题\n\n“水能载舟，亦能覆舟。”民心向背决定成败。\n", EL_QUOTE_CLASSICAL,
              "水能载舟，亦能覆舟。", NULL, "《贞观政要·论政体》");
    one_quote("标题\n\n正如诗中所写：“少小离家老大回，乡音无改鬓毛衰。”\n", EL_QUOTE_CLASSICAL,
              "少小离家老大回，乡音无改鬓毛衰。", NULL, "贺知章《回乡偶书》");
    one_quote("标题\n\n“上善若水”，治理亦然。\n", EL_QUOTE_CLASSICAL, "上善若水", NULL,
              "《道德经·第八章》");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_indirect_policy), cmocka_unit_test(test_joint_speakers),
        cmocka_unit_test(test_not_indirect),    cmocka_unit_test(test_indirect_hostile),
        cmocka_unit_test(test_leading_word),    cmocka_unit_test(test_five),
        cmocka_unit_test(test_bare_misquote),   cmocka_unit_test(test_classic_speaker),
        cmocka_unit_test(test_new_lines),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
