/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for devices.c: 排比 (a shared frame, a lead-in before the frame, short clauses,
 * one clause per sentence, members of several clauses split by ；, four-character X是Y,
 * parallel argument titles), 对偶 (shared characters, a shared frame with matching marks,
 * two halves split by ；, short whole-sentence pairs), metaphors (lexicon terms in quotes,
 * 是…的“X”, 插上…翅膀, 像…一样, 犹如), 正反对比, 设问/反问, citations (a bare classical line with a
 * question mark is one), spans that keep their closing marks, and the traps: a list of places or of
 * three-character items, two parallel clauses, or two 对偶 across a full stop are not 排比, two
 * figures in Chinese numerals are not 对偶, a case's name is not a metaphor, 图像 is not a simile,
 * quoted opposites (“小事”/“大事”) are no figures, 看似…实则 is no 正反对比, members unlike in
 * shape or opening are no 排比, notes are never scanned.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "analyze.h"
#include "doc.h"

#include "testdevices.h"

/* ---- parallelism ----------------------------------------------------------------------- */

static void test_parallel_frame(void **state)
{
    (void)state;
    el_doc *doc = parse("筑牢基层治理根基\n\n我们要以党建引领把稳方向，以科技赋能提质增效，"
                        "以群众参与凝聚合力，为现代化筑牢根基。\n");
    /* The first clause's lead-in (我们要) belongs to the 排比's span; 为… breaks the frame. */
    EXPECT(doc, EL_DEV_PARALLELISM,
           "我们要以党建引领把稳方向，以科技赋能提质增效，以群众参与凝聚合力", 1);
    EXPECT(doc, EL_DEV_PARALLELISM, NO, 1);
    el_doc_free(doc);

    doc = parse(
        "筑牢基层治理根基\n\n需以党建引领把稳方向，以科技赋能提质增效，以群众参与凝聚合力。\n");
    EXPECT(doc, EL_DEV_PARALLELISM, "需以党建引领把稳方向，以科技赋能提质增效，以群众参与凝聚合力",
           1);
    /* Clauses of a 排比 are not paired again as 对偶. */
    EXPECT(doc, EL_DEV_ANTITHESIS, NO, 0);
    el_doc_free(doc);

    doc =
        parse("筑牢基层治理根基\n\n让群众的呼声有人听、让群众的难题有人解、让群众的生活更舒心。\n");
    EXPECT(doc, EL_DEV_PARALLELISM, "让群众的呼声有人听、让群众的难题有人解、让群众的生活更舒心",
           1);
    el_doc_free(doc);
}

static void test_parallel_shape(void **state)
{
    (void)state;
    el_doc *doc =
        parse("筑牢基层治理根基\n\n党建是治理的灵魂，科技是治理的引擎，群众是治理的根基。\n");
    EXPECT(doc, EL_DEV_PARALLELISM, "党建是治理的灵魂，科技是治理的引擎，群众是治理的根基", 1);
    el_doc_free(doc);
}

static void test_parallel_traps(void **state)
{
    (void)state;
    /* Two clauses are not enough. */
    el_doc *doc = parse("筑牢基层治理根基\n\n在“小事”中彰显初心，在“细节”处传递温度。\n");
    EXPECT(doc, EL_DEV_PARALLELISM, NO, 0);
    EXPECT(doc, EL_DEV_ANTITHESIS, "在“小事”中彰显初心，在“细节”处传递温度", 1);
    el_doc_free(doc);
    /* Lists of places, short or long, are not 排比. */
    doc = parse("筑牢基层治理根基\n\n北京、上海、广州、深圳都有类似做法。"
                "北京市朝阳区、北京市海淀区、北京市西城区相继推广。"
                "浙江省宁波市、浙江省温州市、浙江省台州市也在跟进。\n");
    EXPECT(doc, EL_DEV_PARALLELISM, NO, 0);
    el_doc_free(doc);
    /* A list of four-character issues has no frame. */
    doc = parse("筑牢基层治理根基\n\n基层治理面临资源分散、参与不足、手段滞后等挑战。\n");
    EXPECT(doc, EL_DEV_PARALLELISM, NO, 0);
    el_doc_free(doc);
    /* Clauses of one length that share a 的 alone have no shape; 的是 is one. */
    doc = parse("筑牢基层治理根基\n\n没有文化内涵的景区，就像没有灵魂的躯壳，难以留住游客的脚步。"
                "更新的是建筑，提升的是品质，温暖的是人心。\n");
    EXPECT(doc, EL_DEV_PARALLELISM, "更新的是建筑，提升的是品质，温暖的是人心", 1);
    EXPECT(doc, EL_DEV_PARALLELISM, NO, 1);
    el_doc_free(doc);
}

static void test_parallel_short_and_leadin(void **state)
{
    (void)state;
    /* Clauses of five characters behind a shared frame, with a lead-in (要) in the first. */
    el_doc *doc = parse("筑牢基层治理根基\n\n要以产业筑基，以科技增效，以合力护航。\n");
    EXPECT(doc, EL_DEV_PARALLELISM, "要以产业筑基，以科技增效，以合力护航", 1);
    EXPECT(doc, EL_DEV_ANTITHESIS, NO, 0); /* not the last two as a 对偶 */
    el_doc_free(doc);
    /* A lead-in longer than three characters before the frame. */
    doc = parse("筑牢基层治理根基\n\n它需要我们以规划引领方向，以民意凝聚共识，以实干推动发展。\n");
    EXPECT(doc, EL_DEV_PARALLELISM, "它需要我们以规划引领方向，以民意凝聚共识，以实干推动发展", 1);
    EXPECT(doc, EL_DEV_ANTITHESIS, NO, 0);
    el_doc_free(doc);
    /* Three characters behind a frame, apart from a list. */
    doc = parse("筑牢基层治理根基\n\n基层干部要有担当，有作为，有情怀。\n");
    EXPECT(doc, EL_DEV_PARALLELISM, "基层干部要有担当，有作为，有情怀", 1);
    el_doc_free(doc);
}

static void test_parallel_short_traps(void **state)
{
    (void)state;
    /* Three-character items joined by 、 are a list. */
    el_doc *doc = parse("筑牢基层治理根基\n\n不平衡、不充分、不协调的问题依然存在。\n");
    EXPECT(doc, EL_DEV_PARALLELISM, NO, 0);
    el_doc_free(doc);
    /* Places behind a frame are a list, short or long: neither 排比 nor 对偶. */
    doc = parse("筑牢基层治理根基\n\n这样的做法在北京，在上海，在广州都有。"
                "在北京市，在上海市，在广州市都有。在北京市，在上海市都有。\n");
    EXPECT(doc, EL_DEV_PARALLELISM, NO, 0);
    EXPECT(doc, EL_DEV_ANTITHESIS, NO, 0);
    el_doc_free(doc);
    /* A place inside a framed clause leaves a real 排比 alone. */
    doc =
        parse("筑牢基层治理根基\n\n以党建引领美丽浙江，以科技赋能数字杭州，以文化滋养人文宁波。\n");
    EXPECT(doc, EL_DEV_PARALLELISM, "以党建引领美丽浙江，以科技赋能数字杭州，以文化滋养人文宁波",
           1);
    el_doc_free(doc);
    /* The first clause has no frame character: two framed clauses stay a 对偶. */
    doc = parse(
        "筑牢基层治理根基\n\n这是基层治理现代化的必然要求，以党建引领方向，以科技赋能发展。\n");
    EXPECT(doc, EL_DEV_PARALLELISM, NO, 0);
    EXPECT(doc, EL_DEV_ANTITHESIS, "以党建引领方向，以科技赋能发展", 1);
    el_doc_free(doc);
}

static void test_parallel_sentences(void **state)
{
    (void)state;
    /* Two 对偶 across a full stop: no 排比 over both. */
    el_doc *doc =
        parse("筑牢基层治理根基\n\n既要金山银山，也要绿水青山。宁要绿水青山，不要金山银山。\n");
    EXPECT(doc, EL_DEV_PARALLELISM, NO, 0);
    EXPECT(doc, EL_DEV_ANTITHESIS, "既要金山银山，也要绿水青山", 1);
    EXPECT(doc, EL_DEV_ANTITHESIS, "宁要绿水青山，不要金山银山", 1);
    el_doc_free(doc);
    doc = parse(
        "筑牢基层治理根基\n\n我国生态文明建设取得历史性成就。生态兴则文明兴，生态衰则文明衰。\n");
    EXPECT(doc, EL_DEV_PARALLELISM, NO, 0);
    EXPECT(doc, EL_DEV_ANTITHESIS, "生态兴则文明兴，生态衰则文明衰", 1);
    el_doc_free(doc);
    /* Two sentences of two clauses each are no series of sentences. */
    doc = parse("筑牢基层治理根基\n\n以党建引领方向，以科技赋能发展。以群众参与凝聚合力，以制度保障"
                "落实。\n");
    EXPECT(doc, EL_DEV_PARALLELISM, NO, 0);
    el_doc_free(doc);
    /* One clause per sentence is still a 排比. */
    doc =
        parse("筑牢基层治理根基\n\n以党建引领把稳方向。以科技赋能提质增效。以群众参与凝聚合力。\n");
    EXPECT(doc, EL_DEV_PARALLELISM, "以党建引领把稳方向。以科技赋能提质增效。以群众参与凝聚合力",
           1);
    el_doc_free(doc);
}

static void test_parallel_titles(void **state)
{
    (void)state;
    el_doc *doc = parse("以多元共治提升治理效能\n\n　　治理之道，贵在多元。\n\n"
                        "　　一、强化党建引领，激活治理“主心骨”\n\n"
                        "　　杭州市推出“城市大脑”，办事时长缩短 50%。\n\n"
                        "　　二、推动科技赋能，打造智慧治理“新引擎”\n\n"
                        "　　宁波市推行“一网通办”，群众少跑腿。\n\n"
                        "　　三、激发群众参与，绘就共治共享“同心圆”\n\n"
                        "　　成都市开展“院落议事”，居民齐参与。\n");
    size_t nargs = 0;
    for (size_t i = 0; i < doc->sections.n; i++)
        nargs += doc->sections.v[i].kind == EL_SEC_ARGUMENT;
    if (nargs < 3) {
        el_doc_free(doc);
        skip(); /* the section builder did not see three arguments */
    }
    EXPECT(doc, EL_DEV_PARALLELISM, "强化党建引领，激活治理“主心骨”", 1);
    el_doc_free(doc);
}

/* ---- antithesis ------------------------------------------------------------------------ */

static void test_antithesis(void **state)
{
    (void)state;
    el_doc *doc = parse("筑牢基层治理根基\n\n基层强则国家强，基层安则天下安。\n");
    EXPECT(doc, EL_DEV_ANTITHESIS, "基层强则国家强，基层安则天下安", 1);
    el_doc_free(doc);
    /* Equal length but nothing in common: not 对偶. */
    doc = parse("筑牢基层治理根基\n\n社区开展志愿服务，居民踊跃报名参加。\n");
    EXPECT(doc, EL_DEV_ANTITHESIS, NO, 0);
    el_doc_free(doc);
    /* Across a full stop: two sentences, not one 对偶. */
    doc = parse("筑牢基层治理根基\n\n基层强则国家强。基层安则天下安。\n");
    EXPECT(doc, EL_DEV_ANTITHESIS, NO, 0);
    el_doc_free(doc);
}

static void test_antithesis_marks(void **state)
{
    (void)state;
    /* The span keeps the closing mark of a quote it opens. */
    el_doc *doc =
        parse("筑牢基层治理根基\n\n既要有“里子”，也要有“面子”。既要“有学上”，更要“上好学”。\n");
    EXPECT(doc, EL_DEV_ANTITHESIS, "既要有“里子”，也要有“面子”", 1);
    EXPECT(doc, EL_DEV_ANTITHESIS, "既要“有学上”，更要“上好学”", 1);
    el_doc_free(doc);
    doc =
        parse("筑牢基层治理根基\n\n既要打通“数据孤岛”，也要守住“服务温度”，更要筑牢“安全防线”。\n");
    EXPECT(doc, EL_DEV_PARALLELISM, "既要打通“数据孤岛”，也要守住“服务温度”，更要筑牢“安全防线”",
           1);
    el_doc_free(doc);
    doc = parse("筑牢基层治理根基\n\n他问：“这难道不是群众的事吗？”\n");
    EXPECT(doc, EL_DEV_RHETORICAL_QUESTION, "他问：“这难道不是群众的事吗？”", 1);
    el_doc_free(doc);
    /* Trap: marks around the whole pair, opened outside the span, stay outside. */
    doc = parse("筑牢基层治理根基\n\n“基层强则国家强，基层安则天下安”，这是共识。\n");
    EXPECT(doc, EL_DEV_ANTITHESIS, "基层强则国家强，基层安则天下安", 1);
    el_doc_free(doc);
}

static void test_antithesis_numbers(void **state)
{
    (void)state;
    /* Two figures written out in Chinese numerals share digits, not wording. */
    el_doc *doc = parse("筑牢基层治理根基\n\n年产值三点五亿元，年就业二点五万人。"
                        "带动增收三点五亿元，带动就业二点五万人。\n");
    EXPECT(doc, EL_DEV_ANTITHESIS, NO, 0);
    el_doc_free(doc);
    /* Traps: numerals that are wording, or that differ, leave a real 对偶 alone. */
    doc = parse("筑牢基层治理根基\n\n一手抓发展，一手抓民生。三分靠政策，七分靠落实。\n");
    EXPECT(doc, EL_DEV_ANTITHESIS, "一手抓发展，一手抓民生", 1);
    EXPECT(doc, EL_DEV_ANTITHESIS, "三分靠政策，七分靠落实", 1);
    el_doc_free(doc);
}

/* ---- metaphor ------------------------------------------------------------------------- */

static void test_metaphor(void **state)
{
    (void)state;
    el_doc *doc =
        parse("筑牢基层治理根基\n\n基层党组织是基层治理的“压舱石”。居民是社区治理的“源头活水”。"
              "数字化为治理插上“智慧翅膀”。制度像一把钥匙一样打开了治理之门，"
              "犹如春风化雨般润物无声。\n");
    EXPECT(doc, EL_DEV_METAPHOR, "压舱石", 1);
    EXPECT(doc, EL_DEV_METAPHOR, "源头活水", 1);
    EXPECT(doc, EL_DEV_METAPHOR, "插上“智慧翅膀”", 1);
    EXPECT(doc, EL_DEV_METAPHOR, "像一把钥匙一样", 1);
    EXPECT(doc, EL_DEV_METAPHOR, "犹如春风化雨般润物无声", 1);
    EXPECT(doc, EL_DEV_METAPHOR, NO, 5);
    el_doc_free(doc);
}

static void test_metaphor_traps(void **state)
{
    (void)state;
    /* A place's initiative after 是…的, a case name, 图像, 是否, an unquoted noun. */
    el_doc *doc =
        parse_only("筑牢基层治理根基\n\n这是鄞州区的“红管家”。最受欢迎的是社区的“幸福食堂”。"
                   "图像识别一样精准。是否有效的“试点”还需检验。压舱石很重。\n");
    el_extract_quotes(doc);
    /* Pretend the case extractor named “幸福食堂” as an initiative. */
    const char *nm = strstr(doc->plain.v, "幸福食堂");
    assert_non_null(nm);
    el_case *c = EL_VEC_PUSH(doc->cases);
    memset(c, 0, sizeof *c);
    c->name = (el_span){(size_t)(nm - doc->plain.v), strlen("幸福食堂")};
    c->province = -1;
    el_extract_devices(doc);
    EXPECT(doc, EL_DEV_METAPHOR, NO, 0);
    el_doc_free(doc);
}

/* 就像 X is a simile to the clause's end, but not before a citation or an example. */
static void test_metaphor_jiuxiang(void **state)
{
    (void)state;
    el_doc *doc = parse("筑牢基层治理根基\n\n没有文化内涵的景区，就像没有灵魂的躯壳。"
                        "就像总书记所说的，幸福是奋斗出来的。就像北京这样的城市，人口众多。\n");
    EXPECT(doc, EL_DEV_METAPHOR, "像没有灵魂的躯壳", 1);
    EXPECT(doc, EL_DEV_METAPHOR, NO, 1);
    el_doc_free(doc);
}

static void test_metaphor_once(void **state)
{
    (void)state;
    /* Each occurrence once, even when two patterns cover it. */
    el_doc *doc = parse("筑牢基层治理根基\n\n党组织是治理的“压舱石”，也是发展的“压舱石”。\n");
    EXPECT(doc, EL_DEV_METAPHOR, "压舱石", 2);
    el_doc_free(doc);
}

/* ---- contrast, questions, citations ---------------------------------------------------- */

static void test_contrast(void **state)
{
    (void)state;
    el_doc *doc = parse("筑牢基层治理根基\n\n杭州市推出“城市大脑”，办事时长缩短 50%。"
                        "反观某县，群众办事仍需多次跑腿。然而也有改进。\n");
    EXPECT(doc, EL_DEV_CONTRAST, "反观某县，群众办事仍需多次跑腿。", 1);
    EXPECT(doc, EL_DEV_CONTRAST, NO, 1);
    el_doc_free(doc);
    /* No positive material before the marker: not a 正反对比. */
    doc = parse("筑牢基层治理根基\n\n反观某县，群众办事仍需多次跑腿。\n");
    EXPECT(doc, EL_DEV_CONTRAST, NO, 0);
    el_doc_free(doc);
    /* 但 inside a clause (不但) is no marker. */
    doc = parse("筑牢基层治理根基\n\n宁波市不但推行“一网通办”，还开通了热线。\n");
    EXPECT(doc, EL_DEV_CONTRAST, NO, 0);
    el_doc_free(doc);
}

static void test_questions(void **state)
{
    (void)state;
    el_doc *doc = parse("筑牢基层治理根基\n\n乡村治理难道只是政府的事吗？当然不是。"
                        "如何破解治理难题？关键在人。好吗?\n");
    EXPECT(doc, EL_DEV_RHETORICAL_QUESTION, "乡村治理难道只是政府的事吗？", 1);
    EXPECT(doc, EL_DEV_RHETORICAL_QUESTION, "如何破解治理难题？", 1);
    EXPECT(doc, EL_DEV_RHETORICAL_QUESTION, NO, 2);
    el_doc_free(doc);
}

static void test_questions_classical(void **state)
{
    (void)state;
    /* A known classical line written bare: a citation, not a 设问. */
    el_doc *doc = parse("筑牢基层治理根基\n\n问渠那得清如许？为有源头活水来。基层治理也是如此。\n");
    EXPECT(doc, EL_DEV_RHETORICAL_QUESTION, NO, 0);
    EXPECT(doc, EL_DEV_CITATION, "问渠那得清如许？为有源头活水来", 1);
    el_doc_free(doc);
    /* Quoted: the quote is the citation. */
    doc = parse("筑牢基层治理根基\n\n“问渠那得清如许？为有源头活水来。”基层治理同样如此。\n");
    EXPECT(doc, EL_DEV_RHETORICAL_QUESTION, NO, 0);
    EXPECT(doc, EL_DEV_CITATION, NO, 1);
    el_doc_free(doc);
    /* Traps: the essay's own questions next to the line, or borrowing its words. */
    doc = parse("筑牢基层治理根基\n\n基层治理的活水从哪里来？问渠那得清如许？为有源头活水来。"
                "清如许的渠水从何而来？\n");
    EXPECT(doc, EL_DEV_RHETORICAL_QUESTION, "基层治理的活水从哪里来？", 1);
    EXPECT(doc, EL_DEV_RHETORICAL_QUESTION, "清如许的渠水从何而来？", 1);
    EXPECT(doc, EL_DEV_RHETORICAL_QUESTION, NO, 2);
    el_doc_free(doc);
}

static void test_citation(void **state)
{
    (void)state;
    el_doc *doc = parse("筑牢基层治理根基\n\n总书记强调：“要把群众的小事当作自己的大事。”"
                        "有人说：“社区是我家，建设靠大家。”\n");
    EXPECT(doc, EL_DEV_CITATION, "要把群众的小事当作自己的大事。", 1);
    EXPECT(doc, EL_DEV_CITATION, NO, 1); /* an `other` quote is not a citation */
    el_doc_free(doc);
}

static void test_notes_not_scanned(void **state)
{
    (void)state;
    el_doc *doc = parse("筑牢基层治理根基\n\n正文第一段。\n\n写作分析\n\n1.\n"
                        "以党建引领把稳方向，以科技赋能提质增效，以群众参与凝聚合力。"
                        "这是治理的“压舱石”吗？\n");
    EXPECT(doc, EL_DEV_PARALLELISM, NO, 0);
    EXPECT(doc, EL_DEV_METAPHOR, NO, 0);
    EXPECT(doc, EL_DEV_RHETORICAL_QUESTION, NO, 0);
    el_doc_free(doc);
}

static void test_sections_and_order(void **state)
{
    (void)state;
    el_doc *doc =
        parse("# 筑牢基层治理根基\n\n## 开头\n\n基层强则国家强，基层安则天下安。\n\n"
              "## 结尾\n\n需以党建引领把稳方向，以科技赋能提质增效，以群众参与凝聚合力。\n");
    assert_true(doc->devices.n >= 2);
    for (size_t i = 1; i < doc->devices.n; i++)
        assert_true(doc->devices.v[i - 1].txt.off <= doc->devices.v[i].txt.off);
    for (size_t i = 0; i < doc->devices.n; i++) {
        const el_device *d = &doc->devices.v[i];
        assert_int_equal(d->section, el_doc_section_at(doc, d->txt.off));
        if (d->type == EL_DEV_PARALLELISM)
            assert_int_equal(doc->sections.v[d->section].kind, EL_SEC_CONCLUSION);
    }
    el_doc_free(doc);
}

/* ---- multi-clause members, short shapes, balanced short pairs --------------------------- */

static void test_parallel_members(void **state)
{
    (void)state;
    /* Members of two clauses each, split by ；, the first clauses sharing a frame. */
    el_doc *doc = parse("筑牢基层治理根基\n\n让乡村教师下得去，乡村教育才有根基；让乡村教师留得住，"
                        "乡村教育才有未来；让乡村教师教得好，乡村教育才有质量。\n");
    EXPECT(doc, EL_DEV_PARALLELISM,
           "让乡村教师下得去，乡村教育才有根基；让乡村教师留得住，乡村教育才有未来；"
           "让乡村教师教得好，乡村教育才有质量",
           1);
    EXPECT(doc, EL_DEV_PARALLELISM, NO, 1);
    EXPECT(doc, EL_DEV_ANTITHESIS, NO, 0);
    el_doc_free(doc);
    /* A one-character frame (有) opening three-character clauses. */
    doc = parse("筑牢基层治理根基\n\n有激励，志愿者才能走得远；有能力，志愿服务才能走得实；"
                "有合力，养老事业才能走得稳。\n");
    EXPECT(doc, EL_DEV_PARALLELISM,
           "有激励，志愿者才能走得远；有能力，志愿服务才能走得实；有合力，养老事业才能走得稳", 1);
    EXPECT(doc, EL_DEV_PARALLELISM, NO, 1);
    el_doc_free(doc);
    /* The last member may run on: the 排比 ends with its parallel clauses. */
    doc = parse("筑牢基层治理根基\n\n让群众少跑腿，服务才有温度；让数据多跑路，治理才有效率；"
                "让干部沉下去，民生才有保障，基层治理才能行稳致远。\n");
    EXPECT(doc, EL_DEV_PARALLELISM,
           "让群众少跑腿，服务才有温度；让数据多跑路，治理才有效率；让干部沉下去，民生才有保障", 1);
    el_doc_free(doc);
}

static void test_parallel_members_traps(void **state)
{
    (void)state;
    /* Members with nothing in common at their openings: case reports, not 排比. */
    el_doc *doc =
        parse("筑牢基层治理根基\n\n九江市建立快速响应机制，群众满意度达到九成；"
              "长沙市开通辟谣平台，全年发布信息一千多条；某县三天未作回应，谣言四处流传。\n");
    EXPECT(doc, EL_DEV_PARALLELISM, NO, 0);
    el_doc_free(doc);
    /* A shared opening but members of unlike shape (one clause, then three). */
    doc = parse("筑牢基层治理根基\n\n要加强基层队伍建设；要完善考核激励机制，让干部有奔头，"
                "让群众得实惠；要健全经费保障，确保各项工作落地。\n");
    EXPECT(doc, EL_DEV_PARALLELISM, NO, 0);
    el_doc_free(doc);
    /* Places behind a frame, member by member, are a list of cases. */
    doc = parse("筑牢基层治理根基\n\n在杭州，群众办事只跑一次；在宁波，群众办事不出社区；"
                "在温州，群众办事全程网办。\n");
    EXPECT(doc, EL_DEV_PARALLELISM, NO, 0);
    el_doc_free(doc);
    /* Two members are a 对偶 at most, never a 排比. */
    doc = parse("筑牢基层治理根基\n\n让乡村教师下得去，乡村教育才有根基；让乡村教师留得住，"
                "乡村教育才有未来。\n");
    EXPECT(doc, EL_DEV_PARALLELISM, NO, 0);
    EXPECT(doc, EL_DEV_ANTITHESIS,
           "让乡村教师下得去，乡村教育才有根基；让乡村教师留得住，乡村教育才有未来", 1);
    el_doc_free(doc);
}

static void test_parallel_four_char_shape(void **state)
{
    (void)state;
    /* X是Y four times over: the linking character shared in the middle, the ends differing. */
    el_doc *doc =
        parse("筑牢基层治理根基\n\n从跟跑到领跑，步步艰辛。技术是根，设施是桥，市场是海。\n");
    EXPECT(doc, EL_DEV_PARALLELISM, "技术是根，设施是桥，市场是海", 1);
    EXPECT(doc, EL_DEV_METAPHOR, NO, 0); /* unquoted: X是Y is mostly a definition */
    el_doc_free(doc);
    /* Traps: four-character problems, an enumeration, a shared ending, a 、 list. */
    doc = parse("筑牢基层治理根基\n\n资源分散，参与不足，手段滞后。一是党建，二是科技，三是群众。"
                "资金不足，人才不足，技术不足。技术是根、设施是桥、市场是海。\n");
    EXPECT(doc, EL_DEV_PARALLELISM, NO, 0);
    el_doc_free(doc);
}

static void test_antithesis_members(void **state)
{
    (void)state;
    /* Two halves split by ；, each of two clauses: the whole line is the 对偶. */
    el_doc *doc = parse("以人民为中心\n\n百年大计，教育为本；教育大计，教师为本。\n");
    EXPECT(doc, EL_DEV_ANTITHESIS, "百年大计，教育为本；教育大计，教师为本", 1);
    EXPECT(doc, EL_DEV_ANTITHESIS, NO, 1);
    el_doc_free(doc);
    doc = parse("筑牢基层治理根基\n\n营商环境没有最好，只有更好。政务服务快一分，企业活力就多一分；"
                "法治保障强一寸，投资信心就增一寸。\n");
    EXPECT(doc, EL_DEV_ANTITHESIS,
           "政务服务快一分，企业活力就多一分；法治保障强一寸，投资信心就增一寸", 1);
    EXPECT(doc, EL_DEV_ANTITHESIS, NO, 1);
    el_doc_free(doc);
    /* Traps: halves of equal shape with nothing shared; halves of unequal shape; a shared
       opener alone (会议…，要…); halves that differ in figures alone. */
    doc = parse("筑牢基层治理根基\n\n九江市建立机制，群众满意度高；长沙市开通平台，网民点赞不少。"
                "百年大计，教育为本；教育大计，教师队伍是根本。"
                "会议指出，要压实责任；会议强调，要狠抓落实。"
                "今年以来，全市新增就业两万人；去年同期，全市新增就业一万人。\n");
    EXPECT(doc, EL_DEV_ANTITHESIS, NO, 0);
    el_doc_free(doc);
}

/* 正反: members whose clauses are the same but for a negation put in (满意的 / 不满意的). */
static void test_antithesis_negated(void **state)
{
    (void)state;
    el_doc *doc =
        parse("坚持人民至上\n\n群众满意的，就是我们要坚持的；群众不满意的，就是我们要改正的。\n");
    EXPECT(doc, EL_DEV_ANTITHESIS, "群众满意的，就是我们要坚持的；群众不满意的，就是我们要改正的",
           1);
    el_doc_free(doc);
    doc = parse("坚持人民至上\n\n凡是符合人民利益的事，就要坚决办好；凡是不符合人民利益的事，"
                "就要坚决纠正。\n");
    EXPECT(doc, EL_DEV_ANTITHESIS,
           "凡是符合人民利益的事，就要坚决办好；凡是不符合人民利益的事，就要坚决纠正", 1);
    el_doc_free(doc);
    /* Traps: the negation is the only difference; the extra character is no negation. */
    doc = parse("坚持人民至上\n\n群众满意的，就是我们要坚持的；群众不满意的，就是我们要坚持的。"
                "群众满意的，就是我们要坚持的；群众都满意的，就是我们要推广的。\n");
    EXPECT(doc, EL_DEV_ANTITHESIS, NO, 0);
    el_doc_free(doc);
}

static void test_antithesis_short_pair(void **state)
{
    (void)state;
    /* A sentence of two five-character clauses sharing a character in place. */
    el_doc *doc = parse("筑牢基层治理根基\n\n独木难成林，百川汇成海。\n");
    EXPECT(doc, EL_DEV_ANTITHESIS, "独木难成林，百川汇成海", 1);
    el_doc_free(doc);
    /* Traps: inside a longer sentence; nothing shared; only the first or last shared. */
    doc =
        parse("筑牢基层治理根基\n\n近年来，各地积极探索，社区力量增强，成效逐步显现。"
              "社区开展服务，居民踊跃参加。社区开展服务，社会踊跃参加。会议结束了，大家散开了。\n");
    EXPECT(doc, EL_DEV_ANTITHESIS, NO, 0);
    el_doc_free(doc);
}

static void test_metaphor_contrast_pair(void **state)
{
    (void)state;
    /* 小事/大事: quoted plain words set against each other are no figures, and 看似…实则
       is a turn inside one claim, not a 正反对比. */
    el_doc *doc = parse("筑牢基层治理根基\n\n杭州市推出“城市大脑”，办事时长缩短 50%。"
                        "生与不生，看似是家庭的“小事”，实则关系国家发展的“大事”。\n");
    EXPECT(doc, EL_DEV_METAPHOR, NO, 0);
    EXPECT(doc, EL_DEV_CONTRAST, NO, 0);
    el_doc_free(doc);
    /* Trap: figures that differ in a character that is no opposite (输/造) stay figures. */
    doc = parse("筑牢基层治理根基\n\n产业是乡村发展的“造血”，补贴只是一时的“输血”。\n");
    EXPECT(doc, EL_DEV_METAPHOR, "造血", 1);
    EXPECT(doc, EL_DEV_METAPHOR, "输血", 1);
    el_doc_free(doc);
}

/* ---- hostile -------------------------------------------------------------------------- */

/* unit repeated `times` as one paragraph. */
static void run_hostile(const char *unit, size_t times)
{
    run_hostile_after("", unit, times);
}

static void test_hostile(void **state)
{
    (void)state;
    run_hostile("“", 200000);
    run_hostile("以党建引领方向，", 200000);
    run_hostile("在社区中化解矛盾，在细节处传递温暖。", 50000);
    run_hostile("像", 300000);
    run_hostile("插上", 200000);
    run_hostile("是的“压舱石”", 100000);
    run_hostile("反观", 200000);
    run_hostile("？", 200000);
    run_hostile("难道不是吗？", 100000);
    run_hostile("，", 300000);
    run_hostile("北京、", 200000);
    run_hostile("犹如", 200000);
    run_hostile("\xff\xfe", 100000);
    run_hostile("让教师下得去，教育才有根基；", 100000);
    run_hostile("百年大计，教育为本；", 100000);
    run_hostile("是家庭的“小事”，是国家的“大事”，", 50000);
    run_hostile("技术是根，", 200000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parallel_frame),
        cmocka_unit_test(test_parallel_shape),
        cmocka_unit_test(test_parallel_traps),
        cmocka_unit_test(test_parallel_titles),
        cmocka_unit_test(test_antithesis),
        cmocka_unit_test(test_metaphor),
        cmocka_unit_test(test_metaphor_traps),
        cmocka_unit_test(test_metaphor_jiuxiang),
        cmocka_unit_test(test_metaphor_once),
        cmocka_unit_test(test_contrast),
        cmocka_unit_test(test_questions),
        cmocka_unit_test(test_citation),
        cmocka_unit_test(test_notes_not_scanned),
        cmocka_unit_test(test_sections_and_order),
        cmocka_unit_test(test_hostile),
        cmocka_unit_test(test_parallel_short_and_leadin),
        cmocka_unit_test(test_parallel_short_traps),
        cmocka_unit_test(test_parallel_sentences),
        cmocka_unit_test(test_antithesis_marks),
        cmocka_unit_test(test_antithesis_numbers),
        cmocka_unit_test(test_questions_classical),
        cmocka_unit_test(test_parallel_members),
        cmocka_unit_test(test_parallel_members_traps),
        cmocka_unit_test(test_parallel_four_char_shape),
        cmocka_unit_test(test_antithesis_members),
        cmocka_unit_test(test_antithesis_negated),
        cmocka_unit_test(test_antithesis_short_pair),
        cmocka_unit_test(test_metaphor_contrast_pair),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
