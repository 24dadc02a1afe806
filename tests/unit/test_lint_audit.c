/* SPDX-License-Identifier: MIT */
/*
 * The lint fixes of accuracy audit 4 (an English-IME draft, annotated notes), each with cases
 * that must fire and cases that must not:
 * - punct/halfwidth next to an ASCII quote ("防护网",守好 / 指出:"要), before a figure after
 *   Chinese (通报,2023年), after a ) that closes Chinese (卡),查处), and in headings on lines
 *   of their own; never in 43.7万, 3,200, 1:2, URLs, English, code or list numbers (一.);
 * - a half-width . after Chinese ends a sentence (el_text_dot_ends), alike in every sentence
 *   scan: el_text_sentence_end(_ncp), el_text_count_sentences, el_text_sentences and the
 *   length rule's sentence_chars, compared with the plain versions on random text;
 * - notes/claim-not-found: a formula mixing + and a pattern (“动宾+让……更……”), and a figure
 *   in digits that the essay writes in Chinese numerals (1000亿元 / 一千亿元).
 * lint.c is included for its static functions.
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

#include "doc.h"
#include "lint.c"

#include "testanalyse.h"
#include "testbuf.h"
#include "testrand.h"
#include "testref.h"

#define PICK(a) ((a)[test_below((uint32_t)(sizeof(a) / sizeof((a)[0])))])

/* ---- punct/halfwidth ---- */

typedef struct spots {
    size_t n;
    size_t off[64];
    char mark[64];
} spots;

static void on_spot(void *ctx, int rule, size_t off, size_t len, size_t mark_len, const char *repl)
{
    spots *S = ctx;
    (void)len, (void)mark_len, (void)repl;
    if (rule == EL_RULE_PUNCT_HALFWIDTH && S->n < 64)
        S->off[S->n++] = off;
}

/* The punct/halfwidth spots of s, as the marks they are at, in order ("，." for two). */
static const char *fired(const char *s, char *out)
{
    spots S = {0};
    el_lint_punct_scan(s, strlen(s), on_spot, &S);
    for (size_t i = 0; i < S.n; i++)
        out[i] = s[S.off[i]];
    out[S.n] = '\0';
    return out;
}

static void test_halfwidth_fires(void **state)
{
    (void)state;
    static const struct {
        const char *text, *marks; /* the marks that must be reported, in order */
    } cases[] = {
        {"织密反诈\"防护网\",守好群众\"钱袋子\"", ","},
        {"侵害群众财产安全的\"毒瘤\".据公安部通报,2023年全国", ".,"},
        {"诈骗手段不断翻新,\"刷单返利\"层出不穷", ","},
        {"总书记指出:\"要坚持以人民为中心,强化法治思维.\"打击诈骗", ":,."},
        {"对涉诈账号\"睁一只眼闭一只眼\",成为\"避风港\".强化技术反制", ",."},
        {"做到\"账号快处置\".", "."},
        {"开展\"断卡\"行动(打击非法出租出售电话卡和银行卡),查处涉案银行卡", "(),"},
        {"建成反诈预警平台,2023年累计预警", ","},
        {"技术反制是\"盾\",行业监管是\"闸\",全民宣传是\"墙\".只要我们同心协力", ",,."},
        {"增长了21.1%.发展仍需努力", "."},
        {"这是为什么?2023年的数据说明", "?"},
        /* English typing (a space after each mark): only the ) after Han, as ever */
        {"数据 (99097亿元, 2.3亿人, 1.8万多公里); 上千名", ")"},
        {"only 4.5万元), then", ")"},
    };
    char out[80];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        if (strcmp(fired(cases[i].text, out), cases[i].marks) != 0)
            fail_msg("\"%s\": \"%s\", expected \"%s\"", cases[i].text, out, cases[i].marks);
}

static void test_halfwidth_leaves(void **state)
{
    (void)state;
    static const char *const cases[] = {
        "全国共破获案件43.7万起",
        "常住人口达到3,200万人",
        "城乡收入比为1:2，时间是10:30",
        "政务网址为www.gov.cn，请访问https://www.gov.cn/a.html?id=1",
        "He said \"ok\", then left. It works (see above), and it helps.",
        "英文报道写道：\"The city is smart, and it is green.\"",
        "我们用print(\"hello, world\")打印",
        "版本号v2.0上线",
        "详见附件1.然后讨论",
        "一.加强顶层设计",
        "第一.完善制度",
        "（一）.健全机制",
        "AI赋能治理.AI不能替代人",
        "(documented).",
        "（“中心论点” line).",
    };
    char out[80];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        if (strcmp(fired(cases[i], out), "") != 0)
            fail_msg("\"%s\": \"%s\" reported", cases[i], out);
}

/* Findings of rule on line ln of doc. */
static size_t findings_on(const el_doc *doc, int rule, size_t ln)
{
    size_t k = 0;
    for (size_t i = 0; i < doc->findings.n; i++) {
        size_t line, col;
        el_doc_pos(doc, doc->findings.v[i].src_off, &line, &col);
        k += doc->findings.v[i].rule == rule && line == ln;
    }
    return k;
}

static const char heading_draft[] =
    "织密反诈防护网\n"
    "\n"
    "电信网络诈骗是侵害群众财产安全的毒瘤。打击电信网络诈骗，既要重拳出击，也要源头治理。\n"
    "\n"
    "一、强化技术反制,筑牢\"拦截墙\"\n"
    "技术是反诈的利器。浙江省杭州市建成反诈预警平台，累计预警劝阻潜在受害人12.6万人次。\n"
    "\n"
    "二、压实行业责任，斩断黑灰产\n"
    "诈骗犯罪的背后是一条条黑灰产业链。福建省厦门市开展断卡行动，查处涉案银行卡一万余张。\n"
    "\n"
    "三、深化全民宣传；提升免疫力\n"
    "群众是反诈的第一道防线。重庆市推出反诈宣传进万家活动，发放宣传资料超过200万份。\n"
    "\n"
    "结语:\n"
    "反诈没有旁观者，人人都是守护者。只要我们同心协力，就一定能让诈骗分子无处遁形。\n";

static void test_heading_punct(void **state)
{
    (void)state;
    el_doc *doc = analyse("heading.txt", heading_draft);
    size_t args = 0;
    for (size_t i = 0; i < doc->sections.n; i++) {
        bool arg = doc->sections.v[i].kind == EL_SEC_ARGUMENT;
        args += arg;
        assert_int_equal(el_lint_heading(doc, i), arg); /* 结语: a label, no heading */
    }
    assert_int_equal(args, 3);
    assert_int_equal(findings_on(doc, EL_RULE_PUNCT_HALFWIDTH, 5), 1);  /* 反制,筑牢 */
    assert_int_equal(findings_on(doc, EL_RULE_PUNCT_HALFWIDTH, 8), 0);  /* full width */
    assert_int_equal(findings_on(doc, EL_RULE_PUNCT_HALFWIDTH, 11), 0); /* ； */
    assert_int_equal(findings_on(doc, EL_RULE_PUNCT_HALFWIDTH, 14), 0); /* a label */
    el_doc_free(doc);

    /* a topic sentence inside its paragraph is scanned once, as the paragraph */
    el_doc *d2 = analyse("inline.txt", "题目\n"
                                       "\n"
                                       "　　开头段落写得很长很长，总领全文，提出观点。\n"
                                       "\n"
                                       "　　首先,要强化技术反制。浙江省杭州市建成平台。\n"
                                       "\n"
                                       "　　其次,要压实行业责任。福建省厦门市开展行动。\n");
    assert_int_equal(findings_on(d2, EL_RULE_PUNCT_HALFWIDTH, 5), 1);
    assert_int_equal(findings_on(d2, EL_RULE_PUNCT_HALFWIDTH, 7), 1);
    el_doc_free(d2);
}

/* ---- sentence ends ---- */

static void test_dot_ends(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        bool ends;
    } cases[] = {
        {"技术是反诈的利器.浙江省", true},
        {"\"毒瘤\".据公安部", true},
        {"法治思维.\"打击", true},
        {"账号快处置\".", true},
        {"增长21.1%.发展", true},
        {"利器. 浙江", true},
        {"利器.2023年", true},
        {"（打击诈骗）.查处", true},
        {"统一.然后", true},
        {"第十一条规定.", true},
        {"43.7万起", false},
        {"e.g. 这样", false},
        {"www.gov.cn", false},
        {"附件1.然后", false},
        {"一.加强", false},
        {"发力，二.完善", false},
        {"第一.完善", false},
        {"（三）.健全", false},
        {"十二.健全", false},
        {"利器.AI", false},
        {"He said.", false},
        {"中文.com", false},
        {"等等..", false},
        {".开头", false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *s = cases[i].text;
        const char *dot = strrchr(s, '.');
        assert_non_null(dot);
        if (el_text_dot_ends(s, strlen(s), (size_t)(dot - s)) != cases[i].ends)
            fail_msg("\"%s\": %d, expected %d", s, !cases[i].ends, cases[i].ends);
    }
}

static void test_sentence_counts(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        size_t sentences;
    } cases[] = {
        {"技术是反诈的利器.浙江省建成平台,效果好.江苏省上线机制.", 3},
        {"习近平总书记指出:\"要坚持以人民为中心,强化法治思维.\"打击诈骗,要全民参与.", 2},
        {"增长3.5%,网址www.gov.cn,详见附件1.然后讨论。", 1},
        {"一.加强顶层设计。第一.完善制度。", 2},
        {"AI赋能治理.AI不能替代人。", 1},
        {"只要同心协力,就一定能成功!\"防微杜渐.\"反诈没有旁观者.", 3},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *s = cases[i].text;
        size_t n = strlen(s), c = 0, h = 0, ns = 0;
        el_text_count_sentences(s, n, &c, &h, &ns);
        if (ns != cases[i].sentences || el_text_sentences(s, n) != cases[i].sentences)
            fail_msg("\"%s\": %zu and %zu sentences, expected %zu", s, ns, el_text_sentences(s, n),
                     cases[i].sentences);
    }
    /* the length rule: a paragraph of short sentences ended by . is no long sentence */
    buf t = {0};
    put(&t, "");
    for (int k = 0; k < 12; k++)
        put(&t, "技术是反诈的利器,浙江省杭州市建成反诈预警平台.");
    size_t c;
    size_t e = sentence_chars(t.v, t.n, &c);
    assert_int_equal(c, 24);
    assert_int_equal(e, strlen("技术是反诈的利器,浙江省杭州市建成反诈预警平台."));
    free(t.v);
}

/* Pieces for text full of half-width dots in every neighbourhood. */
static const char *const dot_pieces[] = {
    ".",    ".",    ".",
    "..",   "...",  "\"",
    ")",    "）",   "”",
    "%",    "％",   "一",
    "十",   "第",   "（",
    "甲",   "乙",   "利器",
    "浙江", "a",    "Z",
    "7",    "3.5",  " ",
    "\t",   "。",   "!",
    "?",    "！",   "，",
    ",",    "\n",   "　",
    "\xE3", "\x80", "\x82",
    "𠀀",   "é",    "国国国国国国国国国国国国国国国国国国国国"};

static void test_sentences_agree(void **state)
{
    (void)state;
    test_seed(1401);
    char tmp[8];
    size_t ends = 0;
    for (int iter = 0; iter < 4000; iter++) {
        buf t = {0};
        put(&t, "");
        size_t pieces = test_below(iter % 4 ? 40 : 300);
        for (size_t i = 0; i < pieces; i++)
            put(&t, test_piece(tmp, dot_pieces, sizeof dot_pieces / sizeof dot_pieces[0], 8));
        size_t c0 = 0, h0 = 0, s0 = 0, c1 = 0, h1 = 0, s1 = 0;
        el_text_count_sentences(t.v, t.n, &c0, &h0, &s0);
        ref_count_sentences(t.v, t.n, &c1, &h1, &s1);
        if (c0 != c1 || h0 != h1 || s0 != s1)
            fail_msg("count of \"%s\": %zu %zu %zu, expected %zu %zu %zu", t.v, c0, h0, s0, c1, h1,
                     s1);
        assert_int_equal(el_text_sentences(t.v, t.n), s1);
        /* from every byte: the end, with and without its code points, and the length rule's */
        bool valid = u8_check((const uint8_t *)t.v, t.n) == NULL;
        for (size_t a = 0; a < t.n; a++) {
            size_t e = ref_sentence_end(t.v + a, t.n - a), cps, chars, want;
            if (el_text_sentence_end(t.v + a, t.n - a) != e)
                fail_msg("end from %zu of \"%s\": %zu, expected %zu", a, t.v,
                         el_text_sentence_end(t.v + a, t.n - a), e);
            if (el_text_sentence_end_ncp(t.v + a, t.n - a, &cps) != e || cps != ref_ncp(t.v + a, e))
                fail_msg("end and code points from %zu of \"%s\"", a, t.v);
            ends += e < t.n - a;
            if (!valid || ((unsigned char)t.v[a] & 0xC0) == 0x80)
                continue; /* (the lint sees decoded text: valid UTF-8, whole characters) */
            size_t e1 = sentence_chars(t.v + a, t.n - a, &chars),
                   e2 = ref_sentence(t.v + a, t.n - a, &want);
            if (e1 != e2 || chars != want)
                fail_msg("sentence_chars from %zu of \"%s\": %zu %zu, expected %zu %zu", a, t.v, e1,
                         chars, e2, want);
        }
        free(t.v);
    }
    assert_true(ends > 10000);
}

/* ---- notes ---- */

static void test_formula_patterns(void **state)
{
    (void)state;
    static const struct {
        const char *term;
        bool formula;
    } cases[] = {
        {"动宾+让……更……", true}, {"以……+动宾", true}, {"动宾＋是……的……", true},
        {"动宾+动宾", true},     {"总—分—总", true},  {"互联网+教育", false},
        {"动宾+让更好", false},  {"动宾+甲", false},  {"让……更……", false},
        {"互联网+……", false},    {"动宾+", false},    {"最后一公里", false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *s = cases[i].term;
        if (formula_term(s, strlen(s)) != cases[i].formula)
            fail_msg("\"%s\": %d, expected %d", s, !cases[i].formula, cases[i].formula);
    }
}

static void test_note_figures(void **state)
{
    (void)state;
    el_doc *doc = analyse("notes.txt",
                          "数字经济赋能高质量发展\n"
                          "\n"
                          "　　数字经济是新引擎。某省数字经济规模突破一千亿元，带动就业三十万余人，"
                          "占比达到百分之二十七，建成基地十八个，开发近百亩园区。\n"
                          "\n"
                          "写作分析：\n"
                          "1. 用“1000亿元”数据说明规模，用“30万余人”说明就业，用27%说明占比。\n"
                          "2. 用“500亿元”说明投资，“18%”说明增速，“100条”说明举措。\n"
                          "3. 三个分论点采用“动宾+让……更……”句式，“互联网+教育”是亮点。\n");
    char out[512];
    assert_string_equal(claims(doc, out, sizeof out), "500|18%|100|互联网+教育");
    el_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_halfwidth_fires),  cmocka_unit_test(test_halfwidth_leaves),
        cmocka_unit_test(test_heading_punct),    cmocka_unit_test(test_dot_ends),
        cmocka_unit_test(test_sentence_counts),  cmocka_unit_test(test_sentences_agree),
        cmocka_unit_test(test_formula_patterns), cmocka_unit_test(test_note_figures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
