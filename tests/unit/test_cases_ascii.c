/* SPDX-License-Identifier: MIT */
/*
 * The case extractor on drafts typed with ASCII quotation marks, and on quoted epithets.
 * An ASCII "…" names an initiative as a “…” does (浙江推行"最多跑一次"改革), under the same
 * rules (launch verbs, honours after 被誉为, labels of people, mottos joined by 、, figurative
 * pairs, anonymised places in quoted words); the pairs are found by the marks scan apart
 * from “…” and merged after it: the scan is checked against a byte loop that pairs them as
 * the rule says, on random text of marks, letters, digits and Han, shifted and cut at every
 * length of its tail. A quoted epithet of a place or a family right after its name
 * (浙江浦江郑义门“江南第一家”, 北京“朝阳群众”) names no initiative, while a name launched by a
 * verb or followed by an institution noun stays one. The static routines are reached by
 * including the source; the drafts go through el_parse and the extractors, as in
 * test_cases.c.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cases.c"

#include "testcases.h"
#include "testrand.h"

/* ---- the pipeline ------------------------------------------------------------------------ */

/* A title line, then body as the only paragraph, parsed and extracted. */
static el_doc *analyse(const char *body)
{
    char text[4096];
    snprintf(text, sizeof text, "以制度创新优化营商环境\n\n%s\n", body);
    el_doc *doc = el_parse("t.txt", text, strlen(text), NULL);
    assert_true(el_doc_ok(doc));
    el_extract_stats(doc);
    el_extract_cases(doc);
    el_extract_evidence(doc);
    return doc;
}

static void assert_span(const el_doc *doc, el_span s, const char *want)
{
    if (!want) {
        assert_int_equal(s.len, 0);
        return;
    }
    char *got = xstrndup(doc->plain.v + s.off, s.len);
    assert_string_equal(got, want);
    free(got);
}

/* One draft and the cases it must give: their places and names (NULL: none), in order. */
struct want {
    const char *body;
    size_t n;
    const char *place[3], *name[3];
};

static void check_body(const char *body, const struct want *w)
{
    el_doc *doc = analyse(body);
    if (doc->cases.n != w->n)
        fail_msg("%s: %zu cases, want %zu", body, doc->cases.n, w->n);
    for (size_t k = 0; k < w->n; k++) {
        assert_span(doc, doc->cases.v[k].place, w->place[k]);
        assert_span(doc, doc->cases.v[k].name, w->name[k]);
    }
    el_doc_free(doc);
}

/* Check each draft, and, when it holds an even number of ASCII quotes and no digit (no inch
   mark), its twin with “ and ” in their place: the two must read alike. */
static void check_wants(const struct want *w, size_t nw)
{
    for (size_t i = 0; i < nw; i++) {
        check_body(w[i].body, &w[i]);
        size_t nq = 0;
        bool digit = false;
        for (const char *p = w[i].body; *p; p++) {
            nq += *p == '"';
            digit |= *p >= '0' && *p <= '9';
        }
        if (nq == 0 || nq % 2 || digit)
            continue;
        buf t = {0};
        nq = 0;
        for (const char *p = w[i].body; *p; p++)
            if (*p == '"')
                puts_(&t, nq++ % 2 ? "”" : "“");
            else
                *EL_VEC_PUSH(t) = *p;
        *EL_VEC_PUSH(t) = 0;
        check_body(t.v, &w[i]);
        free(t.v);
    }
}

/* ASCII "…" names an initiative wherever “…” does. */
static void test_ascii_names(void **state)
{
    (void)state;
    static const struct want w[] = {
        {"浙江推行\"最多跑一次\"改革，群众办事更便捷。", 1, {"浙江"}, {"最多跑一次"}},
        {"在江苏，苏州市推行\"免罚清单\"制度，让企业安心经营。", 1, {"苏州市"}, {"免罚清单"}},
        {"浙江\"千万工程\"造就了万千美丽乡村。", 1, {"浙江"}, {"千万工程"}},
        {"福建\"三明医改\"为全国提供了样本。", 1, {"福建"}, {"三明医改"}},
        {"广东清远\"三个重心下移\"激活了基层。", 1, {"广东清远"}, {"三个重心下移"}},
        /* a short term: launched, or naming the noun after it */
        {"福建省三明市推出\"林票\"制度。", 1, {"福建省三明市"}, {"林票"}},
        {"贵州省黔东南州以\"村超\"赛事为媒，带火乡村旅游。", 1, {"贵州省黔东南州"}, {"村超"}},
        /* a motto joined by 、: launched, it is a name */
        {"河北省实施\"人人持证、技能河北\"工程。", 1, {"河北省"}, {"人人持证、技能河北"}},
        /* mixed marks: the first name in the case, whichever marks it has */
        {"浙江省杭州市打造\"城市大脑\"，推出“亲清在线”平台。", 1, {"浙江省杭州市"}, {"城市大脑"}},
        {"浙江省杭州市打造“城市大脑”，推出\"亲清在线\"平台。", 1, {"浙江省杭州市"}, {"城市大脑"}},
        /* an inch mark after a digit opens no quote: the pair after it is the name */
        {"浙江省宁波市为课堂配备 86\" 大屏，推行\"智慧课堂\"模式。",
         1,
         {"浙江省宁波市"},
         {"智慧课堂"}},
    };
    check_wants(w, sizeof w / sizeof *w);
}

/* The rules that keep a quoted term from naming an initiative hold for ASCII quotes too. */
static void test_ascii_not_names(void **state)
{
    (void)state;
    static const struct want w[] = {
        /* an honour after 被誉为 */
        {"浙江义乌被誉为\"世界小商品之都\"，商贸繁荣。", 1, {"浙江义乌"}, {NULL}},
        /* a label of people */
        {"江西景德镇吸引2万多名\"景漂\"青年扎根创业。", 1, {"江西景德镇"}, {NULL}},
        /* a motto joined by 、 that no verb launches */
        {"山西平遥坚守\"诚信为本、以义制利\"的传统。", 1, {"山西平遥"}, {NULL}},
        /* a figurative pair */
        {"浙江安吉端起\"生态碗\"、吃上\"生态饭\"，村民日子越过越红火。", 1, {"浙江安吉"}, {NULL}},
        /* an everyday word, after 了 that no launch verb precedes */
        {"四川成都吸引年轻人\"打卡\"，换来了\"灰头土脸\"。", 1, {"四川成都"}, {NULL}},
        /* a sentence inside the quotes */
        {"浙江省委强调，浙江要\"敢为人先，走在前列\"。", 1, {"浙江"}, {NULL}},
    };
    check_wants(w, sizeof w / sizeof *w);

    /* An anonymised place inside ASCII quotes is quoted words, no case (as inside “…”). */
    el_doc *doc = analyse("有人编造\"某地发生重大疫情\"的谣言，扰乱社会秩序。");
    assert_int_equal(doc->cases.n, 0);
    el_doc_free(doc);
    doc = analyse("有人编造“某地发生重大疫情”的谣言，扰乱社会秩序。");
    assert_int_equal(doc->cases.n, 0);
    el_doc_free(doc);
    /* Unpaired, the mark quotes nothing: 某地 is a case again. */
    doc = analyse("有人说某地发生重大疫情\"，扰乱社会秩序。");
    assert_int_equal(doc->cases.n, 1);
    el_doc_free(doc);
}

/* A quoted epithet right after a place or a family names no initiative; names stay names. */
static void test_epithets(void **state)
{
    (void)state;
    static const struct want w[] = {
        /* epithets: X第一Y, X之乡, X之都, and labels of people, after a name (or 的) */
        {"浙江省浦江县郑义门“江南第一家”家风传承数百年。", 1, {"浙江省浦江县"}, {NULL}},
        {"浙江浦江郑义门\"江南第一家\"家风传承数百年。", 1, {"浙江浦江"}, {NULL}},
        {"北京“朝阳群众”成为基层治理的一张名片。", 1, {"北京"}, {NULL}},
        {"河北秦皇岛“天下第一关”吸引八方游客。", 1, {"河北秦皇岛"}, {NULL}},
        {"江苏沭阳“中国花木之乡”花开四季。", 1, {"江苏沭阳"}, {NULL}},
        {"浙江义乌的“世界小商品之都”名扬海外。", 1, {"浙江义乌"}, {NULL}},
        /* ... and after an epithet, a name that follows in the case is taken */
        {"浙江浦江郑义门“江南第一家”推行“家规进家”活动。", 1, {"浙江浦江"}, {"家规进家"}},
        /* genuine names stay */
        {"浙江“千万工程”造就了万千美丽乡村。", 1, {"浙江"}, {"千万工程"}},
        {"福建“三明医改”为全国提供了样本。", 1, {"福建"}, {"三明医改"}},
        {"广东清远“三个重心下移”激活了基层。", 1, {"广东清远"}, {"三个重心下移"}},
        {"浙江推行“最多跑一次”改革，群众办事更便捷。", 1, {"浙江"}, {"最多跑一次"}},
        /* the form, but launched by a verb or followed by an institution noun: a name */
        {"江苏沭阳打造“中国花木之乡”，带富一方百姓。", 1, {"江苏沭阳"}, {"中国花木之乡"}},
        {"江苏江阴探索“天下第一村”经验，带动周边发展。", 1, {"江苏江阴"}, {"天下第一村"}},
        {"江苏江阴“天下第一村”建设成效显著。", 1, {"江苏江阴"}, {"天下第一村"}},
        {"江苏江阴“天下第一村工程”成效显著。", 1, {"江苏江阴"}, {"天下第一村工程"}},
        {"浙江开展“服务群众”活动。", 1, {"浙江"}, {"服务群众"}},
        /* a longer phrase that ends with 群众 is no label of people */
        {"山东省青岛市黄岛区“把时间还给群众”，减轻基层负担。",
         1,
         {"山东省青岛市黄岛区"},
         {"把时间还给群众"}},
        {"北京“西城大妈”“朝阳群众”守护平安。", 1, {"北京"}, {NULL}},
        /* 第一 that opens or ends the term: a name, not X第一Y */
        {"四川凉山“第一书记”驻村帮扶。", 1, {"四川凉山"}, {"第一书记"}},
        /* not right after a name: a verb stands between the place and the quote */
        {"江苏江阴建成“天下第一村”，经济总量居全省前列。", 1, {"江苏江阴"}, {"天下第一村"}},
        /* more than four characters between: no name of a family, the quote stays a name */
        {"浙江浦江县城东边的老街区“江南第一街”游人如织。", 1, {"浙江浦江县"}, {"江南第一街"}},
    };
    check_wants(w, sizeof w / sizeof *w);
}

/* The epithet test on its own: the form of the term and what stands before and after. */
static void test_epithet_form(void **state)
{
    (void)state;
    static const struct {
        const char *s; /* place, then the rest; the first “…” is tested */
        bool want;
    } t[] = {
        {"江苏“江南第一家”", true},
        {"江苏“天下第一”", false},
        {"江苏“第一家”", false},
        {"江苏“中国竹乡”", false},
        {"江苏“中国竹编之乡”", true},
        {"江苏“之乡”", false},
        {"江苏“世界硬笔之都”", true},
        {"江苏“江南第一家”制度", false},
        {"江苏“江南第一家模式”", false},
        {"江苏郑义门“江南第一家”", true},
        {"江苏的“江南第一家”", true},
        {"江苏推行“江南第一家”", false},
        {"江苏“江南第一家、天下第一村”", false},
        {"江苏“江南1第一家”", false},
        {"江苏“一二三四五六七第一家”", true},
        {"江苏“一二三四五六七八第一家”", false},
        {"江苏甲乙丙丁“江南第一家”", true},
        {"江苏甲乙丙丁戊“江南第一家”", false},
    };
    static const char province[] = "江苏";
    for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
        const char *s = t[i].s;
        size_t n = strlen(s);
        const char *o = strstr(s, "“"), *c = strstr(s, "”");
        assert_non_null(o);
        assert_non_null(c);
        qpair q = {(size_t)(o - s), (size_t)(o - s) + 3, (size_t)(c - s)};
        if (epithet(s, &q, sizeof province - 1, n) != t[i].want)
            fail_msg("epithet(%s) is not %d", s, t[i].want);
    }
}

/* ---- the marks scan ---------------------------------------------------------------------- */

/* The marks scan spelled out: ref_scan_marks (testcases.h) for “…” and the group ends, then
   the ASCII pairs by the rule (a " closes the open one, else opens one unless after a letter
   or a digit), merged in order of opening mark. */
static void ref_quotes(const char *s, size_t n, struct scan *sc)
{
    ref_scan_marks(s, n, sc);
    EL_VEC(qpair) all = {0};
    size_t open = SIZE_MAX, j = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '"')
            continue;
        if (open != SIZE_MAX) {
            for (; j < sc->quotes.n && sc->quotes.v[j].open < open; j++)
                *EL_VEC_PUSH(all) = sc->quotes.v[j];
            *EL_VEC_PUSH(all) = (qpair){open, open + 1, i};
            open = SIZE_MAX;
        } else if (i == 0 ||
                   !((s[i - 1] >= 'a' && s[i - 1] <= 'z') || (s[i - 1] >= 'A' && s[i - 1] <= 'Z') ||
                     (s[i - 1] >= '0' && s[i - 1] <= '9'))) {
            open = i;
        }
    }
    for (; j < sc->quotes.n; j++)
        *EL_VEC_PUSH(all) = sc->quotes.v[j];
    sc->quotes.n = 0;
    for (size_t k = 0; k < all.n; k++)
        *EL_VEC_PUSH(sc->quotes) = all.v[k];
    free(all.v);
}

/* Marks, ASCII quotes and what may stand before them, look-alikes and broken sequences. */
static const char *const pieces[] = {
    "\"",   "\"",   "\"",       "“", "”",    "。",   "；",   "！",   "？",       ";",
    "!",    "?",    "a",        "Z", "7",    "0",    " ",    "@",    "[",        "`",
    "{",    "/",    ":",        "#", "，",   "、",   "「",   "」",   "\xE2\x80", "\xE2",
    "\x80", "\x9C", "\xEF\xBC", "é", "\x21", "\x23", "\x02", "\xA2", "\x22\x22",
};

/* scan_marks leaves “…” and the ends as they were, and with take_ascii adds the ASCII pairs. */
static void test_scan_ascii(void **state)
{
    (void)state;
    test_seed(0x41534349);
    struct scan a, b;
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    buf t = {0};
    size_t pairs = 0;
    for (int round = 0; round < 3000; round++) {
        pieces_text(&t, round % 20 == 0 ? 3000 : test_below(300), pieces,
                    sizeof pieces / sizeof *pieces, true);
        for (size_t cut = t.n > 20 ? t.n - 20 : 0; cut <= t.n; cut++) {
            char *p = exact(t.v, cut);
            scan_marks(p, cut, &a);
            ref_scan_marks(p, cut, &b);
            same_marks(&a, &b); /* the scan alone: “…” and the ends only */
            take_ascii(&a);
            ref_quotes(p, cut, &b);
            same_marks(&a, &b);
            pairs += a.quotes.n;
            free(p);
        }
    }
    assert_true(pairs > 10000);
    /* A " at every offset of a block and across its end, after a letter and after Han. */
    for (size_t at = 0; at < 40; at++)
        for (int ascii = 0; ascii < 2; ascii++) {
            t.n = 0;
            while (t.n < at)
                *EL_VEC_PUSH(t) = ascii ? 'x' : ' ';
            puts_(&t, "\"最多跑一次\"改革\"");
            for (size_t cut = 0; cut <= t.n; cut++) {
                char *p = exact(t.v, cut);
                scan_marks(p, cut, &a);
                take_ascii(&a);
                ref_quotes(p, cut, &b);
                same_marks(&a, &b);
                free(p);
            }
        }
    /* Many unmatched quotes stay linear: 200,000 of them, one pair each two. */
    t.n = 0;
    for (int k = 0; k < 200000; k++)
        puts_(&t, "甲\"");
    scan_marks(t.v, t.n, &a);
    take_ascii(&a);
    assert_int_equal(a.quotes.n, 100000);
    free(t.v);
    scan_free(&a);
    scan_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ascii_names), cmocka_unit_test(test_ascii_not_names),
        cmocka_unit_test(test_epithets),    cmocka_unit_test(test_epithet_form),
        cmocka_unit_test(test_scan_ascii),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
