/* SPDX-License-Identifier: MIT */
/*
 * Quotes found after a third audit on new drafts: classical lines the lexicon lacked
 * (东风夜放花千树，更吹落，星如雨 quoted and standing bare, 上医治未病…, 良言一句三冬暖… and a
 * dozen more lines of health, rural, integrity and ecology essays, each with its source), a
 * leader's sayings it lacked (望得见山、看得见水、记得住乡愁 → policy, speaker 习近平), and a
 * question in quotation marks that nobody is said to ask (“村里有没有一个能取件的地方？”这是
 * 村民最关心的问题), a 设问 of the essay rather than a quote. What must not change: the short
 * terms of those lines used as words (“筚路蓝缕”的精神, 以人为本), a saying standing bare amid a
 * paragraph, questions someone is said to ask (村民问：, ——钱学森, 他问), questions in the
 * classical register, and a question followed by an answer.
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

/* The essay of one paragraph p under a title. */
static el_doc *para(const char *p)
{
    char buf[2048];
    snprintf(buf, sizeof buf, "测试标题\n\n%s\n", p);
    return parse(buf);
}

/* Whether quote q has this kind, text, speaker (NULL: none; the span written or the
   lexicon's) and source (NULL: none; the span written or the lexicon's). */
static bool quote_is(const el_doc *doc, const el_quote *q, enum el_quote_kind kind,
                     const char *text, const char *speaker, const char *source)
{
    bool sp = speaker ? span_is(doc, q->speaker, speaker) ||
                            (q->speaker_lex && strcmp(q->speaker_lex, speaker) == 0)
                      : q->speaker.len == 0 && q->speaker_lex == NULL;
    bool src = source ? span_is(doc, q->source, source) ||
                            (q->source_lex && strcmp(q->source_lex, source) == 0)
                      : q->source.len == 0 && q->source_lex == NULL;
    return q->kind == kind && span_is(doc, q->txt, text) && sp && src;
}

/* The only quote of paragraph p is this one, and no misquote is raised. */
static void one_quote(const char *p, enum el_quote_kind kind, const char *text, const char *speaker,
                      const char *source)
{
    el_doc *doc = para(p);
    if (doc->quotes.n != 1 || !quote_is(doc, &doc->quotes.v[0], kind, text, speaker, source)) {
        fprintf(stderr, "[%s]: %zu quotes", p, doc->quotes.n);
        if (doc->quotes.n)
            fprintf(stderr, ", the first [%.*s] kind %d source %s", (int)doc->quotes.v[0].txt.len,
                    doc->plain.v + doc->quotes.v[0].txt.off, (int)doc->quotes.v[0].kind,
                    doc->quotes.v[0].source_lex ? doc->quotes.v[0].source_lex : "-");
        fprintf(stderr, "\n");
        fail();
    }
    assert_int_equal(misquotes(doc), 0);
    el_doc_free(doc);
}

/* Paragraph p has no quote. */
static void no_quote(const char *p)
{
    el_doc *doc = para(p);
    if (doc->quotes.n != 0) {
        fprintf(stderr, "[%s]: %zu quotes, the first [%.*s]\n", p, doc->quotes.n,
                (int)doc->quotes.v[0].txt.len, doc->plain.v + doc->quotes.v[0].txt.off);
        fail();
    }
    el_doc_free(doc);
}

/* The audit's repro: three quoted lines in a row, each a classic with its source. */
static void test_audit_lines(void **state)
{
    (void)state;
    el_doc *doc = para("“东风夜放花千树，更吹落，星如雨。”“上医治未病，中医治欲病，下医治已病。”"
                       "“良言一句三冬暖，恶语伤人六月寒。”");
    assert_int_equal(doc->quotes.n, 3);
    assert_true(quote_is(doc, &doc->quotes.v[0], EL_QUOTE_CLASSICAL,
                         "东风夜放花千树，更吹落，星如雨。", NULL, "辛弃疾《青玉案·元夕》"));
    assert_true(quote_is(doc, &doc->quotes.v[1], EL_QUOTE_CLASSICAL,
                         "上医治未病，中医治欲病，下医治已病。", NULL,
                         "语本孙思邈《备急千金要方·论诊候》"));
    assert_true(quote_is(doc, &doc->quotes.v[2], EL_QUOTE_CLASSICAL,
                         "良言一句三冬暖，恶语伤人六月寒。", NULL, "俗语"));
    assert_int_equal(misquotes(doc), 0);
    el_doc_free(doc);
    /* standing bare at a paragraph's start, as in the draft */
    one_quote(
        "东风夜放花千树，更吹落，星如雨。夜间经济是城市活力的晴雨表，也是群众幸福感的试金石。",
        EL_QUOTE_CLASSICAL, "东风夜放花千树，更吹落，星如雨", NULL, "辛弃疾《青玉案·元夕》");
    /* after a classical lead-in, and one clause of the line */
    one_quote("古人云：“良言一句三冬暖，恶语伤人六月寒。”", EL_QUOTE_CLASSICAL,
              "良言一句三冬暖，恶语伤人六月寒。", NULL, "俗语");
    one_quote("“东风夜放花千树”，城市夜景璀璨。", EL_QUOTE_CLASSICAL, "东风夜放花千树", NULL,
              "辛弃疾《青玉案·元夕》");
    /* a wrong word is a misquote now that the line is known */
    el_doc *mq = para("“良言一句三冬暖，恶语伤人六月凉。”");
    assert_int_equal(mq->quotes.n, 1);
    assert_int_equal(mq->quotes.v[0].kind, EL_QUOTE_CLASSICAL);
    assert_int_equal(misquotes(mq), 1);
    el_doc_free(mq);
}

/* The lines added beside them, quoted whole: classics with their sources. */
static void test_added_lines(void **state)
{
    (void)state;
    static const char *const rows[][2] = {
        {"上医医未病之病，中医医欲病之病，下医医已病之病。", "孙思邈《备急千金要方·论诊候》"},
        {"人命至重，有贵千金，一方济之，德逾于此。", "孙思邈《备急千金要方·序》"},
        {"圣人不治已病治未病，不治已乱治未乱。", "《黄帝内经·素问·四气调神大论》"},
        {"与朋友交，言而有信。", "《论语·学而》"},
        {"诚信者，天下之结也。", "《管子·枢言》"},
        {"夫霸王之所始也，以人为本。本理则国固，本乱则国危。", "《管子·霸言》"},
        {"人与天调，然后天地之美生。", "《管子·五行》"},
        {"取之有度，用之有节，则常足；取之无度，用之无节，则常不足。",
         "陆贽《均节赋税恤百姓六条》"},
        {"老有所终，壮有所用，幼有所长，矜、寡、孤、独、废疾者皆有所养。", "《礼记·礼运》"},
        {"使老有所终，壮有所用，幼有所长。", "《礼记·礼运》"},
        {"筚路蓝缕，以启山林。", "《左传·宣公十二年》"},
        {"为治者不在多言，顾力行何如耳。", "《史记·儒林列传》"},
        {"奢靡之始，危亡之渐。", "《新唐书·褚遂良传》"},
        {"阡陌交通，鸡犬相闻。", "陶渊明《桃花源记》"},
        {"志之所趋，无远弗届，穷山距海，不能限也。", "金缨《格言联璧·学问类》"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        char p[512];
        snprintf(p, sizeof p, "“%s”这句话至今仍有启示。", rows[i][0]);
        one_quote(p, EL_QUOTE_CLASSICAL, rows[i][0], NULL, rows[i][1]);
    }
}

/* Leaders' sayings the lexicon gained: policy quotes whose speaker is the lexicon's, or the
   one the essay names. */
static void test_added_sayings(void **state)
{
    (void)state;
    one_quote("“望得见山、看得见水、记得住乡愁。”古村落是农耕文明的“活化石”。", EL_QUOTE_POLICY,
              "望得见山、看得见水、记得住乡愁。", "习近平", NULL);
    static const char *const rows[][2] = {
        {"没有全民健康，就没有全面小康。", "习近平"},
        {"中国要强，农业必须强；中国要美，农村必须美；中国要富，农民必须富。", "习近平"},
        {"人民城市人民建，人民城市为人民。", "习近平"},
        {"要像保护眼睛一样保护生态环境，像对待生命一样对待生态环境。", "习近平"},
        {"像保护眼睛一样保护生态环境，像对待生命一样对待生态环境。", "习近平"},
        {"人不负青山，青山定不负人。", "习近平"},
        {"宁要绿水青山，不要金山银山。", "习近平"},
        {"抓而不紧，等于不抓。", "毛泽东"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        char p[512];
        snprintf(p, sizeof p, "“%s”这一论断意义深远。", rows[i][0]);
        one_quote(p, EL_QUOTE_POLICY, rows[i][0], rows[i][1], NULL);
    }
    one_quote("总书记强调：“望得见山、看得见水、记得住乡愁。”", EL_QUOTE_POLICY,
              "望得见山、看得见水、记得住乡愁。", "总书记", NULL);
    /* the one in print before stays as it was */
    one_quote("“绿水青山就是金山银山。”", EL_QUOTE_POLICY, "绿水青山就是金山银山。", "习近平",
              NULL);
}

/* What the new lines must not catch: their short terms used as words, the words of a saying
   amid the essay's own sentence, a saying standing bare amid a paragraph. */
static void test_not_lines(void **state)
{
    (void)state;
    no_quote("发扬“筚路蓝缕”的精神，走好新的赶考之路。");
    no_quote("“老有所终”是民生底线。");
    no_quote("坚持“以人为本”的理念，把群众冷暖放在心上。");
    no_quote("“上医治未病”的理念深入人心。");
    no_quote("我们要让居民望得见山、看得见水、记得住乡愁，这是城镇化的要求。");
    no_quote("我们坚信人不负青山，青山定不负人，生态优先之路越走越宽。");
}

/* A question in quotation marks that nobody is said to ask is no quote (it stays a 设问 for
   devices.c); one that someone asks, or a line, is. */
static void test_quoted_question(void **state)
{
    (void)state;
    no_quote("“村里有没有一个能取件的地方？”这是村民最关心的问题。");
    no_quote("村民们最关心“村里有没有一个能取件的地方？”这个问题。");
    no_quote("“钱从哪里来？人往哪里去？”这是摆在基层面前的两大难题。");
    no_quote("“村里有没有快递点?”这是村民最关心的问题。");
    /* someone asks it */
    one_quote("村民问：“村里有没有一个能取件的地方？”这是大家最关心的。", EL_QUOTE_OTHER,
              "村里有没有一个能取件的地方？", "村民", NULL);
    one_quote("“村里有没有一个能取件的地方？”一位村民这样问道。", EL_QUOTE_OTHER,
              "村里有没有一个能取件的地方？", NULL, NULL);
    one_quote("“这能行吗？”他问。", EL_QUOTE_OTHER, "这能行吗？", NULL, NULL);
    one_quote("著名的“钱学森之问”——“为什么我们的学校总是培养不出杰出人才？”至今发人深省。",
              EL_QUOTE_OTHER, "为什么我们的学校总是培养不出杰出人才？", NULL, NULL);
    one_quote("“为什么我们的学校总是培养不出杰出人才？”——钱学森的追问至今发人深省。",
              EL_QUOTE_OTHER, "为什么我们的学校总是培养不出杰出人才？", NULL, NULL);
    one_quote("总书记问道：“乡亲们的日子过得怎么样？”", EL_QUOTE_POLICY, "乡亲们的日子过得怎么样？",
              "总书记", NULL);
    /* a line, in the lexicon or in the classical register */
    one_quote("“天下事有难易乎？”这是古人的追问。", EL_QUOTE_CLASSICAL, "天下事有难易乎？", NULL,
              "彭端淑《为学》");
    one_quote("“王侯将相宁有种乎？”这一问振聋发聩。", EL_QUOTE_OTHER, "王侯将相宁有种乎？", NULL,
              NULL);
    /* a question with its answer is a passage, not a 设问 alone */
    one_quote("“为什么我的眼里常含泪水？因为我对这土地爱得深沉。”诗人的话令人动容。",
              EL_QUOTE_OTHER, "为什么我的眼里常含泪水？因为我对这土地爱得深沉。", NULL, NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_audit_lines),     cmocka_unit_test(test_added_lines),
        cmocka_unit_test(test_added_sayings),   cmocka_unit_test(test_not_lines),
        cmocka_unit_test(test_quoted_question),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
