/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for the devices of the fourth accuracy audit: 排比 whose frame opens the second
 * clause of each pair (设施织网，让阅读触手可及；…), with ；or commas between the pairs; lists
 * of compounds behind a shared word (海洋渔业、海洋旅游、海洋能源) and short 、 lists of verb
 * phrases (进企业、进社区) that are no 排比; 对偶 of five or seven characters a half sharing a
 * word at one end (路通百业兴，路畅民心顺, a title) and behind a lead-in (我们要以…为笔，以…
 * 为墨); statements of problems (一些地方仍存在…等问题) that are no 正反对比. Each with its
 * traps, and hostile repetitions of every new pattern, which must stay linear.
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
#include "util.h"

#include "testdevices.h"

/* One paragraph under a title: the devices of p. */
static el_doc *para(const char *p)
{
    char buf[2048];
    snprintf(buf, sizeof buf, "以书香浸润城乡\n\n%s\n", p);
    return parse(buf);
}

/* ---- 排比 of pairs, the frame in the second clause ------------------------------------ */

static void test_pairs_frame_second(void **state)
{
    (void)state;
    static const char *const want =
        "设施织网，让阅读触手可及；内容提质，让阅读入脑入心；氛围浓厚，让阅读蔚然成风";
    el_doc *doc = para("书籍是人类进步的阶梯。设施织网，让阅读触手可及；内容提质，让阅读入脑入心；"
                       "氛围浓厚，让阅读蔚然成风。只要久久为功，书香就一定能浸润城乡。");
    EXPECT(doc, EL_DEV_PARALLELISM, want, 1);
    EXPECT(doc, EL_DEV_PARALLELISM, NO, 1);
    el_doc_free(doc);
    /* The same with commas throughout. */
    doc = para("设施织网，让阅读触手可及，内容提质，让阅读入脑入心，氛围浓厚，让阅读蔚然成风。");
    EXPECT(doc, EL_DEV_PARALLELISM,
           "设施织网，让阅读触手可及，内容提质，让阅读入脑入心，氛围浓厚，让阅读蔚然成风", 1);
    el_doc_free(doc);
    /* The frame in the first clause of each pair, commas throughout. */
    doc = para("以科技为帆，抢占深海发展制高点，以产业为舟，拓展蓝色经济新空间，以生态为锚，守护"
               "碧海蓝天好环境。");
    EXPECT(doc, EL_DEV_PARALLELISM,
           "以科技为帆，抢占深海发展制高点，以产业为舟，拓展蓝色经济新空间，以生态为锚，守护碧海"
           "蓝天好环境",
           1);
    el_doc_free(doc);
    /* Two runs back to back, the second right where the first ends. */
    doc = para(
        "序言在此。以科技为帆，抢占深海发展制高点，以产业为舟，拓展蓝色经济新空间，以生态为锚，"
        "守护碧海蓝天好环境。用制度作保障，筑牢海洋安全底线，用人才作支撑，激活海洋创新动能，"
        "用文化作纽带，讲好海洋故事篇章。");
    EXPECT(doc, EL_DEV_PARALLELISM,
           "以科技为帆，抢占深海发展制高点，以产业为舟，拓展蓝色经济新空间，以生态为锚，守护碧海"
           "蓝天好环境",
           1);
    EXPECT(doc, EL_DEV_PARALLELISM,
           "用制度作保障，筑牢海洋安全底线，用人才作支撑，激活海洋创新动能，用文化作纽带，讲好海洋"
           "故事篇章",
           1);
    el_doc_free(doc);
    /* Four pairs: one 排比 of all four. */
    doc = para("设施织网，让阅读触手可及；内容提质，让阅读入脑入心；氛围浓厚，让阅读蔚然成风；"
               "队伍壮大，让阅读薪火相传。");
    EXPECT(doc, EL_DEV_PARALLELISM,
           "设施织网，让阅读触手可及；内容提质，让阅读入脑入心；氛围浓厚，让阅读蔚然成风；"
           "队伍壮大，让阅读薪火相传",
           1);
    el_doc_free(doc);
}

static void test_pairs_traps(void **state)
{
    (void)state;
    /* Two pairs are no 排比. */
    el_doc *doc = para("设施织网，让阅读触手可及；内容提质，让阅读入脑入心。");
    EXPECT(doc, EL_DEV_PARALLELISM, NO, 0);
    el_doc_free(doc);
    /* Places behind a frame: a list of cases. */
    doc = para("在杭州，群众办事只跑一次；在宁波，群众办事不出社区；在温州，群众办事全程网办。");
    EXPECT(doc, EL_DEV_PARALLELISM, NO, 0);
    el_doc_free(doc);
    /* Ordinals before each measure: an enumeration. */
    doc = para("首先，要加强组织领导；其次，要完善考核机制；最后，要健全经费保障。");
    EXPECT(doc, EL_DEV_PARALLELISM, NO, 0);
    el_doc_free(doc);
    /* Years and figures before each clause. */
    doc = para("2022年，全市新增就业2万人，2023年，全市新增就业3万人，2024年，全市新增就业4万人。");
    EXPECT(doc, EL_DEV_PARALLELISM, NO, 0);
    el_doc_free(doc);
    /* Framed clauses far apart in length. */
    doc = para("设施织网，让阅读触手可及；内容提质，让阅读真正走进千家万户的日常生活；氛围浓厚，让"
               "阅读蔚然成风。");
    EXPECT(doc, EL_DEV_PARALLELISM, NO, 0);
    el_doc_free(doc);
    /* Pairs across sentences. */
    doc = para("设施织网，让阅读触手可及。内容提质，让阅读入脑入心。氛围浓厚，让阅读蔚然成风。");
    EXPECT(doc, EL_DEV_PARALLELISM, NO, 0);
    el_doc_free(doc);
}

/* ---- lists behind a shared word --------------------------------------------------------- */

static void test_lists(void **state)
{
    (void)state;
    /* Compounds of the shared word and two characters: lists (D4 of the audit). */
    el_doc *doc =
        para("构建现代海洋产业体系，推动海洋渔业、海洋旅游、海洋能源融合共进。要加快数字经济、"
             "数字社会、数字政府建设。要坚持绿色发展、绿色生产、绿色生活。");
    EXPECT(doc, EL_DEV_PARALLELISM, NO, 0);
    el_doc_free(doc);
    /* Short verb phrases joined by 、 are a list of places to go, as 不平衡、不充分 is one; four-
       character items sharing nothing are a list of roles. Neither is a 排比 of clauses. */
    doc = para("培育安全文化，需要推动安全知识进企业、进社区、进学校、进家庭。政府主导、专家支撑、"
               "群众参与，形成保护合力。");
    EXPECT(doc, EL_DEV_PARALLELISM, NO, 0);
    el_doc_free(doc);
    /* Still 排比: a doubled frame (a subject that repeats), longer items, a one-character
       frame before longer items. */
    doc =
        para("形成人人关心、人人参与、人人共享的良好局面。要用最严谨的标准、最严格的监管、最严厉的"
             "处罚。关键在于以产业为基、以人才为要、以文化为魂。");
    EXPECT(doc, EL_DEV_PARALLELISM, "形成人人关心、人人参与、人人共享的良好局面", 1);
    EXPECT(doc, EL_DEV_PARALLELISM, "要用最严谨的标准、最严格的监管、最严厉的处罚", 1);
    EXPECT(doc, EL_DEV_PARALLELISM, "关键在于以产业为基、以人才为要、以文化为魂", 1);
    el_doc_free(doc);
    /* The same compounds with commas are clauses (no list of 、): left as they were. */
    doc = para("推动海洋渔业发展，海洋旅游升级，海洋能源开发。");
    EXPECT(doc, EL_DEV_PARALLELISM, "推动海洋渔业发展，海洋旅游升级，海洋能源开发", 1);
    el_doc_free(doc);
}

/* ---- 对偶 --------------------------------------------------------------------------- */

static void test_antithesis_verse(void **state)
{
    (void)state;
    /* Five characters a half, a word shared at the start or at the end, as a sentence or as
       the title. */
    el_doc *doc = parse("修好致富路，铺就幸福路\n\n路通百业兴，路畅民心顺。农村公路是连接城乡的"
                        "纽带。\n");
    EXPECT(doc, EL_DEV_ANTITHESIS, "修好致富路，铺就幸福路", 1);
    EXPECT(doc, EL_DEV_ANTITHESIS, "路通百业兴，路畅民心顺", 1);
    el_doc_free(doc);
    /* Seven a half. */
    doc = para("春风化雨润心田，春华秋实结硕果。");
    EXPECT(doc, EL_DEV_ANTITHESIS, "春风化雨润心田，春华秋实结硕果", 1);
    el_doc_free(doc);
    /* Traps: the wording of prose (了, 的, pronouns), a shared particle or adverb at an end,
       six characters a half, part of a longer sentence, nothing shared. */
    doc = para("村里修了路，村民笑开颜。会议结束了，大家散开了。要加强领导，要落实责任措施。"
               "社区开展服务，社会踊跃参加。路通百业兴，路畅民心顺，乡村振兴有了底气。"
               "书香满城乡，文明润人心。");
    EXPECT(doc, EL_DEV_ANTITHESIS, NO, 0);
    el_doc_free(doc);
}

static void test_antithesis_leadin(void **state)
{
    (void)state;
    /* A lead-in before the first half: the 对偶 is the two halves. */
    el_doc *doc =
        para("节水不是一时之举。我们要以节水优先为笔，以人水和谐为墨，绘就水清岸绿的美好画"
             "卷。");
    EXPECT(doc, EL_DEV_ANTITHESIS, "以节水优先为笔，以人水和谐为墨", 1);
    EXPECT(doc, EL_DEV_ANTITHESIS, NO, 1);
    el_doc_free(doc);
    /* Traps: nothing shared past the frame; halves too short; the lead-in holds a mark; the
       second half opens with no frame. */
    doc = para("我们要以改革开放为动力，以科技创新求突破。他说要以身作则，以德服人。我们要“以”节水"
               "为笔，以人水和谐为墨。我们要坚持节水优先，人水和谐为墨。");
    EXPECT(doc, EL_DEV_ANTITHESIS, NO, 0);
    el_doc_free(doc);
}

/* ---- 正反对比 ------------------------------------------------------------------------ */

/* Two clauses opening with the modal 要 list tasks: no 对偶 (and three make a 排比); the
   prepositional frames stay 对偶. */
static void test_antithesis_modal(void **state)
{
    (void)state;
    el_doc *doc = para("做好安全生产工作，要加强领导，要落实责任。各地要把安全放在首位。");
    EXPECT(doc, EL_DEV_ANTITHESIS, NO, 0);
    el_doc_free(doc);
    doc = para("要加强领导，要落实责任，要强化监管。");
    EXPECT(doc, EL_DEV_ANTITHESIS, NO, 0);
    EXPECT(doc, EL_DEV_PARALLELISM, "要加强领导，要落实责任，要强化监管", 1);
    el_doc_free(doc);
    doc = para("基层治理千头万绪。在“小事”中彰显初心，在“细节”处传递温度。");
    EXPECT(doc, EL_DEV_ANTITHESIS, "在“小事”中彰显初心，在“细节”处传递温度", 1);
    el_doc_free(doc);
    doc = para("我们要以节水优先为笔，以人水和谐为墨。");
    EXPECT(doc, EL_DEV_ANTITHESIS, NO, 1);
    el_doc_free(doc);
}

static void test_problem_statement(void **state)
{
    (void)state;
    /* A list of problems after positive material: no 正反 pair. */
    el_doc *doc =
        para("杭州市推出“城市大脑”，办事时长缩短 50%。当前，一些地方仍存在用水粗放、管网漏损、"
             "意识淡薄等问题。但夜间消费仍面临业态单一、配套不足、管理滞后等瓶颈。");
    EXPECT(doc, EL_DEV_CONTRAST, NO, 0);
    el_doc_free(doc);
    /* A named or anonymised place in it makes it a counter-example. */
    doc =
        para("杭州市推出“城市大脑”，办事时长缩短 50%。然而，某县仍存在道路失修、管网老化等问题，群"
             "众反映强烈。");
    EXPECT(doc, EL_DEV_CONTRAST, "然而，某县仍存在道路失修、管网老化等问题，群众反映强烈。", 1);
    el_doc_free(doc);
    doc = para("杭州市推出“城市大脑”，办事时长缩短 50%。但宁波市仍存在审批繁琐、办事拖沓等问题。");
    EXPECT(doc, EL_DEV_CONTRAST, "但宁波市仍存在审批繁琐、办事拖沓等问题。", 1);
    el_doc_free(doc);
    /* After a list of problems, a counter-example in a later sentence is the contrast. */
    doc = para("杭州市推出“城市大脑”，办事时长缩短 50%。但一些地方仍存在审批繁琐、办事拖沓等问题。"
               "反观某县，群众办一件事要跑五个部门。");
    EXPECT(doc, EL_DEV_CONTRAST, "反观某县，群众办一件事要跑五个部门。", 1);
    EXPECT(doc, EL_DEV_CONTRAST, NO, 1);
    el_doc_free(doc);
    /* A marker with no list of problems stays a contrast. */
    doc = para("杭州市推出“城市大脑”，办事时长缩短 50%。相比之下，个别地方对群众诉求置之不理。");
    EXPECT(doc, EL_DEV_CONTRAST, "相比之下，个别地方对群众诉求置之不理。", 1);
    el_doc_free(doc);
}

/* ---- hostile -------------------------------------------------------------------------- */

/* unit repeated `times` as one paragraph, with evidence (a place) before it. */
static void run_hostile(const char *unit, size_t times)
{
    run_hostile_after("杭州市推出新举措。", unit, times);
}

static void test_hostile(void **state)
{
    (void)state;
    run_hostile("设施织网，让阅读触手可及，", 200000);
    run_hostile("设施织网，让阅读触手可及；", 200000);
    run_hostile("在杭州，群众办事只跑一次；", 200000);
    run_hostile("推动海洋渔业、海洋旅游、", 200000);
    run_hostile("我们要以节水优先为笔，以人水和谐为墨，", 100000);
    run_hostile("路通百业兴，路畅民心顺。", 100000);
    run_hostile("，但一些地方存在甲、乙等问题", 100000);
    run_hostile("但一些地方存在甲、乙等问题。", 100000);
}

/* An ASCII . typed for 。 after Chinese ends the sentence a contrast runs to, also after an
   ASCII closing quote; a decimal point does not. */
static void test_ascii_full_stop(void **state)
{
    (void)state;
    el_doc *doc =
        parse("标题\n\n浙江推行改革成效明显.反观某些平台,对涉诈账号\"睁一只眼闭一只眼\",成为诈骗"
              "分子的\"避风港\".强化技术反制,要推动数据共享.\n");
    if (count(doc, EL_DEV_CONTRAST,
              "反观某些平台,对涉诈账号\"睁一只眼闭一只眼\",成为诈骗分子的\"避风港\".") != 1) {
        dump(doc);
        fail();
    }
    el_doc_free(doc);
    doc = parse(
        "标题\n\n浙江推行改革成效明显。反观某县,投入3.5亿元却收效甚微,群众意见很大。再看别处。\n");
    if (count(doc, EL_DEV_CONTRAST, "反观某县,投入3.5亿元却收效甚微,群众意见很大。") != 1) {
        dump(doc);
        fail();
    }
    el_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pairs_frame_second), cmocka_unit_test(test_pairs_traps),
        cmocka_unit_test(test_antithesis_modal),   cmocka_unit_test(test_lists),
        cmocka_unit_test(test_antithesis_verse),   cmocka_unit_test(test_antithesis_leadin),
        cmocka_unit_test(test_problem_statement),  cmocka_unit_test(test_hostile),
        cmocka_unit_test(test_ascii_full_stop),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
