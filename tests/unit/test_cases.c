/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for the case extractor, the statistics wiring and the per-argument evidence:
 * place chains and their provinces (浙江省宁波市鄞州区, 朝阳区 in 北京 and in 长春, 黔东南州),
 * the four regions, anonymised counter-examples, initiative names, the statistics a case
 * covers, and the precision traps (某些, 我国, lists of places, weak short forms, a place that
 * is the object of a verb) that must yield no case, and the places added in a configuration.
 * Each test parses an in-memory essay with el_parse and runs the extractors directly.
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
#include "config.h"
#include "doc.h"
#include "lexicon.h"
#include "stats.h"

/* Parse text as a plain-text essay (a title line, then paragraphs) and extract. */
static el_doc *analyse_as(const char *name, const char *text)
{
    el_doc *doc = el_parse(name, text, strlen(text), NULL);
    assert_true(el_doc_ok(doc));
    el_extract_stats(doc);
    el_extract_cases(doc);
    el_extract_evidence(doc);
    return doc;
}

/* A title line, then body as the only paragraph. */
static el_doc *analyse(const char *body)
{
    char buf[4096];
    snprintf(buf, sizeof buf, "以多元共治夯实基层治理根基\n\n%s\n", body);
    return analyse_as("t.txt", buf);
}

/* Parse the configuration json and run the extractors under it over text (a whole essay);
   the configuration, returned in cfg, must outlive the document. */
static el_doc *analyse_cfg(el_config **cfg, const char *json, const char *text)
{
    char *err = NULL;
    *cfg = el_config_parse("c.json", json, strlen(json), &err);
    assert_non_null(*cfg);
    assert_null(err);
    el_doc *doc = el_parse("t.txt", text, strlen(text), NULL);
    assert_true(el_doc_ok(doc));
    doc->cfg = *cfg;
    el_extract_stats(doc);
    el_extract_cases(doc);
    el_extract_evidence(doc);
    return doc;
}

static const char conf_json[] = "{\"lexicon\": {\"places\": [\"书香新区\", \"云梦泽县\"]}}";

/* A title line, then body as the only paragraph, under conf_json. */
static el_doc *analyse_conf(el_config **cfg, const char *body)
{
    char buf[4096];
    snprintf(buf, sizeof buf, "以全民阅读点亮书香社会\n\n%s\n", body);
    return analyse_cfg(cfg, conf_json, buf);
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

/* Short province name of case i, or NULL. */
static const char *province_of(const el_doc *doc, size_t i)
{
    int p = doc->cases.v[i].province;
    return p >= 0 ? el_lex_province(p)->short_name : NULL;
}

/* Assert case i: place as written, province short name (NULL: none), name, polarity. */
static void assert_case(const el_doc *doc, size_t i, const char *place, const char *province,
                        const char *name, bool negative)
{
    assert_true(i < doc->cases.n);
    assert_span(doc, doc->cases.v[i].place, place);
    if (province)
        assert_non_null(province_of(doc, i));
    if (province)
        assert_string_equal(province_of(doc, i), province);
    else
        assert_null(province_of(doc, i));
    assert_span(doc, doc->cases.v[i].name, name);
    assert_int_equal(doc->cases.v[i].negative, negative);
}

static void test_full_chain(void **state)
{
    (void)state;
    el_doc *doc = analyse("浙江省宁波市鄞州区推行“红管家”模式，一年调解纠纷 3200 余件。");
    assert_int_equal(doc->cases.n, 1);
    assert_case(doc, 0, "浙江省宁波市鄞州区", "浙江", "红管家", false);
    assert_int_equal(el_lex_province(doc->cases.v[0].province)->region, EL_REGION_EAST);
    assert_int_equal(doc->cases.v[0].nstat, 1);
    assert_span(doc, doc->stats.v[doc->cases.v[0].stat0].txt, "3200 余件");
    el_doc_free(doc);
}

static void test_city_short_form(void **state)
{
    (void)state;
    el_doc *doc = analyse("杭州推出“城市大脑”，让城市治理更聪明。");
    assert_int_equal(doc->cases.n, 1);
    assert_case(doc, 0, "杭州", "浙江", "城市大脑", false);
    el_doc_free(doc);
}

static void test_repeated_district(void **state)
{
    (void)state;
    el_doc *doc = analyse("北京市朝阳区探索“劲松模式”，居民满意度达 95%。");
    assert_int_equal(doc->cases.n, 1);
    assert_case(doc, 0, "北京市朝阳区", "北京", "劲松模式", false);
    el_doc_free(doc);

    doc = analyse("吉林省长春市朝阳区在社区设立“帮办代办”专窗。");
    assert_int_equal(doc->cases.n, 1);
    assert_case(doc, 0, "吉林省长春市朝阳区", "吉林", "帮办代办", false);
    el_doc_free(doc);

    doc = analyse("长春市朝阳区推行“幸福里”服务。");
    assert_case(doc, 0, "长春市朝阳区", "吉林", "幸福里", false);
    el_doc_free(doc);

    /* Written alone, the name stays ambiguous. */
    doc = analyse("朝阳区推行“吹哨报到”，群众诉求当天响应。");
    assert_int_equal(doc->cases.n, 1);
    assert_case(doc, 0, "朝阳区", NULL, "吹哨报到", false);
    el_doc_free(doc);

    /* ... unless the essay resolved the same name before. */
    doc = analyse("长春市朝阳区推行“幸福里”服务；朝阳区还开通了热线。");
    assert_int_equal(doc->cases.n, 2);
    assert_case(doc, 1, "朝阳区", "吉林", NULL, false);
    el_doc_free(doc);
}

static void test_prefecture_short_forms(void **state)
{
    (void)state;
    el_doc *doc = analyse("黔东南州以“村超”赛事为媒，带火乡村旅游；湘西州开办“非遗传习所”。");
    assert_int_equal(doc->cases.n, 2);
    assert_case(doc, 0, "黔东南州", "贵州", "村超", false);
    assert_case(doc, 1, "湘西州", "湖南", "非遗传习所", false);
    el_doc_free(doc);
}

static void test_chain_extensions(void **state)
{
    (void)state;
    /* A county written by its short form plus 县; a functional zone after its city. */
    el_doc *doc = analyse("重庆市酉阳县依托闲置村小改建互助养老点；湖北省武汉市东湖高新区打造“光谷"
                          "科创大走廊”。");
    assert_int_equal(doc->cases.n, 2);
    assert_case(doc, 0, "重庆市酉阳县", "重庆", NULL, false);
    assert_case(doc, 1, "湖北省武汉市东湖高新区", "湖北", "光谷科创大走廊", false);
    el_doc_free(doc);
}

static void test_regions(void **state)
{
    (void)state;
    el_doc *doc = analyse("浙江省推行“最多跑一次”；湖北省宜昌市推出“宜格服务”；四川省成都市武侯区"
                          "探索“信托制物业”；黑龙江省哈尔滨市推行“安心水表”。");
    assert_int_equal(doc->cases.n, 4);
    static const enum el_region want[] = {EL_REGION_EAST, EL_REGION_CENTRAL, EL_REGION_WEST,
                                          EL_REGION_NORTHEAST};
    for (size_t i = 0; i < 4; i++) {
        assert_true(doc->cases.v[i].province >= 0);
        assert_int_equal(el_lex_province(doc->cases.v[i].province)->region, want[i]);
    }
    assert_string_equal(province_of(doc, 3), "黑龙江");
    el_doc_free(doc);
}

static void test_anonymised_negative(void **state)
{
    (void)state;
    el_doc *doc = analyse("但也要看到，某村年轻人大量外出务工，“空心化”问题日益突出。");
    assert_int_equal(doc->cases.n, 1);
    assert_case(doc, 0, "某村", NULL, NULL, true);
    el_doc_free(doc);

    /* No contrast marker: the problem word makes it a counter-example. */
    doc = analyse("某乡护林员每月补助不足 800 元，积极性难以调动。");
    assert_int_equal(doc->cases.n, 1);
    assert_case(doc, 0, "某乡", NULL, NULL, true);
    assert_int_equal(doc->cases.v[0].nstat, 1);
    el_doc_free(doc);

    /* An anonymised place inside a named province keeps the province. */
    doc = analyse("反观广东省某市，盲目上马项目，造成资金浪费。");
    assert_int_equal(doc->cases.n, 1);
    assert_case(doc, 0, "广东省某市", "广东", NULL, true);
    el_doc_free(doc);
}

static void test_contrast_negative(void **state)
{
    (void)state;
    el_doc *doc = analyse("江苏省苏州市推行“拿地即开工”；反观安徽省某县，审批仍需 100 多天。"
                          "相比之下，湖南省长沙市的做法却收效甚微。");
    assert_int_equal(doc->cases.n, 3);
    assert_case(doc, 0, "江苏省苏州市", "江苏", "拿地即开工", false);
    assert_case(doc, 1, "安徽省某县", "安徽", NULL, true);
    assert_case(doc, 2, "湖南省长沙市", "湖南", NULL, true);
    el_doc_free(doc);
}

static void test_not_places(void **state)
{
    (void)state;
    el_doc *doc =
        analyse("某些地方、某种程度上、某个环节、某方面、某一时期都有问题。我国各地、全国上下、"
                "中国式现代化，某市场主体。江山就是人民，人民就是江山。要防止文山会海。");
    assert_int_equal(doc->cases.n, 0);
    el_doc_free(doc);
}

static void test_lists_and_objects(void **state)
{
    (void)state;
    /* A list of regions names no practice; a place in mid-clause is an object. */
    el_doc *doc = analyse("北京、上海、广州等城市率先探索。山西省大同市为云冈石窟建立“数字档案”，"
                          "让千年石窟“走出”山西、巡展海外。");
    assert_int_equal(doc->cases.n, 1);
    assert_case(doc, 0, "山西省大同市", "山西", "数字档案", false);
    el_doc_free(doc);

    /* The same place twice in one case is one case. */
    doc = analyse("河南省洛阳市投入 2.6 亿元，洛阳市文物部门同步建设数字展馆。");
    assert_int_equal(doc->cases.n, 1);
    assert_int_equal(doc->cases.v[0].nstat, 1);
    el_doc_free(doc);
}

static void test_weak_short_forms(void **state)
{
    (void)state;
    /* 兴安 alone is a weak short form; after its province it is a place. */
    el_doc *doc = analyse("兴安推行新办法。内蒙古兴安盟推行“干部实绩档案”。");
    assert_int_equal(doc->cases.n, 1);
    assert_case(doc, 0, "内蒙古兴安盟", "内蒙古", "干部实绩档案", false);
    el_doc_free(doc);
}

static void test_names(void **state)
{
    (void)state;
    /* A figurative pair of quotes is not a name; adjacent names are a list, the first wins. */
    el_doc *doc = analyse(
        "江西省景德镇市坚持“守艺”与“创艺”并重；上海市推动政府职能转变，“一网通办”"
        "“跨省通办”让群众少跑腿；福建省泉州市以“宋元中国的世界海洋商贸中心”申遗成功为契机。");
    assert_int_equal(doc->cases.n, 3);
    assert_case(doc, 0, "江西省景德镇市", "江西", NULL, false);
    assert_case(doc, 1, "上海市", "上海", "一网通办", false);
    assert_case(doc, 2, "福建省泉州市", "福建", NULL, false);
    el_doc_free(doc);
}

/* A motto of two phrases joined by 、 is a name only after a launch verb or before a noun. */
static void test_motto_names(void **state)
{
    (void)state;
    el_doc *doc =
        analyse("山西晋商历来秉持“诚信为本、以义制利”的经营之道。河北省实施“人人持证、技能河北”"
                "工程，培训技能人才。广东省以“粤菜师傅、广东技工”行动带动就业。");
    assert_int_equal(doc->cases.n, 3);
    assert_case(doc, 0, "山西", "山西", NULL, false);
    assert_case(doc, 1, "河北省", "河北", "人人持证、技能河北", false);
    assert_case(doc, 2, "广东省", "广东", "粤菜师傅、广东技工", false);
    el_doc_free(doc);
    doc = analyse("浙江省嘉兴市提出“红船精神、奋斗在先”工程，凝聚干部群众。");
    assert_int_equal(doc->cases.n, 1);
    assert_case(doc, 0, "浙江省嘉兴市", "浙江", "红船精神、奋斗在先", false);
    el_doc_free(doc);
}

/* 与之相反 and its kin turn from the sentence before, whichever way it went: the place's own
   words decide its polarity. */
static void test_reversal(void **state)
{
    (void)state;
    el_doc *doc = analyse("一些落马官员纵容家属敛财，教训深刻。与之相反，福建省南平市开展“廉洁家庭”"
                          "创建活动，引导干部管好家属。");
    assert_int_equal(doc->cases.n, 1);
    assert_case(doc, 0, "福建省南平市", "福建", "廉洁家庭", false);
    el_doc_free(doc);
    doc = analyse("浙江省杭州市推行“最多跑一次”改革，成效显著。与此相反，山西省大同市的审批改革"
                  "流于形式，群众投诉不断。");
    assert_int_equal(doc->cases.n, 2);
    assert_case(doc, 0, "浙江省杭州市", "浙江", "最多跑一次", false);
    assert_case(doc, 1, "山西省大同市", "山西", NULL, true);
    el_doc_free(doc);
    /* a marker that is no reversal still marks the counter-example */
    doc = analyse("浙江省杭州市推行“最多跑一次”改革。反观山西省大同市，改革迟迟没有推进。");
    assert_int_equal(doc->cases.n, 2);
    assert_case(doc, 1, "山西省大同市", "山西", NULL, true);
    el_doc_free(doc);
}

/* A model to follow (要像X那样, 也要学习X) is a case; an honour (被誉为“…”) names no practice. */
static void test_model_and_honour(void **state)
{
    (void)state;
    el_doc *doc =
        analyse("为此，要像广东清远那样推行“乡村工匠”培育计划，也要学习四川成都郫都区“农业职业"
                "经理人”制度。江苏省徐州市沙集镇依托电商发展家具产业，被誉为“中国淘宝第一镇”。");
    assert_int_equal(doc->cases.n, 3);
    assert_case(doc, 0, "广东清远", "广东", "乡村工匠", false);
    assert_case(doc, 1, "四川成都郫都区", "四川", "农业职业经理人", false);
    assert_case(doc, 2, "江苏省徐州市沙集镇", "江苏", NULL, false);
    el_doc_free(doc);
    /* A quoted label of people (“景漂”青年, “新农人”群体) names no practice. */
    doc = analyse("江西省景德镇市吸引2万多名“景漂”青年扎根。浙江省培育“新农人”群体5000余人。"
                  "山东省推行“新农人”培育计划。");
    assert_int_equal(doc->cases.n, 3);
    assert_case(doc, 0, "江西省景德镇市", "江西", NULL, false);
    assert_case(doc, 1, "浙江省", "浙江", NULL, false);
    assert_case(doc, 2, "山东省", "山东", "新农人", false);
    el_doc_free(doc);
    /* So is a quoted term that ends with a word for people, unless launched (推行“…”). */
    doc = analyse("浙江杭州在老旧小区改造中加装电梯2000多台，让“悬空老人”走下楼。"
                  "江苏省南京市关爱“留守儿童”成长。山东省推出“新市民”安居工程。");
    assert_int_equal(doc->cases.n, 3);
    assert_case(doc, 0, "浙江杭州", "浙江", NULL, false);
    assert_case(doc, 1, "江苏省南京市", "江苏", NULL, false);
    assert_case(doc, 2, "山东省", "山东", "新市民", false);
    el_doc_free(doc);
    /* a quote after 了 is what a verb came to, unless the verb launches a practice */
    doc = analyse("浙江省安吉县余村曾靠开山采矿致富，却换来了“灰头土脸”。"
                  "福建省三明市推出了“林票”制度。");
    assert_int_equal(doc->cases.n, 2);
    assert_case(doc, 0, "浙江省安吉县余村", "浙江", NULL, false);
    assert_case(doc, 1, "福建省三明市", "福建", "林票", false);
    el_doc_free(doc);
    /* A modal or a verb of learning alone is no clause start: the place is an object. */
    doc = analyse("我们要让更多游客走进浙江。");
    assert_int_equal(doc->cases.n, 0);
    el_doc_free(doc);
}

/* A numeral may open a village's name (十八洞村), never end it (千村示范, 万村). */
static void test_numeral_village(void **state)
{
    (void)state;
    el_doc *doc = analyse("湖南省花垣县十八洞村发展猕猴桃产业。浙江省实施“千村示范、万村整治”工程。"
                          "江苏省一村一品发展迅速。");
    assert_int_equal(doc->cases.n, 3);
    assert_case(doc, 0, "湖南省花垣县十八洞村", "湖南", NULL, false);
    assert_case(doc, 1, "浙江省", "浙江", "千村示范、万村整治", false);
    assert_case(doc, 2, "江苏省", "江苏", NULL, false);
    el_doc_free(doc);
}

/* Landmarks (src/data/landmarks.tsv) are places within their division. */
static void test_landmarks(void **state)
{
    (void)state;
    el_doc *doc = analyse("塞罕坝林场三代建设者接续奋斗，将森林覆盖率提高到82%。河北雄安新区建设"
                          "“城市计算中心”。红旗渠精神代代相传。");
    assert_int_equal(doc->cases.n, 2);
    assert_case(doc, 0, "塞罕坝", "河北", NULL, false);
    assert_case(doc, 1, "河北雄安新区", "河北", "城市计算中心", false);
    assert_int_equal(doc->cases.v[0].nstat, 1);
    el_doc_free(doc);
}

static void test_statistics_linked(void **state)
{
    (void)state;
    el_doc *doc = analyse("2023 年，四川省成都市郫都区培训农民两千余名，其中百分之六十成为带头人；"
                          "河南省信阳市吸引返乡创业人员 3200 余人，新增市场主体 5000 余家。");
    assert_int_equal(doc->cases.n, 2);
    /* Statistics are in text order; the date before the first case belongs to no case. */
    for (size_t i = 1; i < doc->stats.n; i++)
        assert_true(doc->stats.v[i].txt.off > doc->stats.v[i - 1].txt.off);
    const el_case *a = &doc->cases.v[0], *b = &doc->cases.v[1];
    assert_true(a->stat0 >= 1);
    assert_int_equal(b->stat0, a->stat0 + a->nstat);
    assert_int_equal(b->nstat, 2);
    assert_span(doc, doc->stats.v[b->stat0].txt, "3200 余人");
    for (size_t i = 0; i < doc->stats.n; i++)
        assert_int_equal(doc->stats.v[i].section, doc->cases.v[0].section);
    el_doc_free(doc);
}

static void test_evidence(void **state)
{
    (void)state;
    el_doc *doc = analyse_as(
        "t.md", "# 以多元共治夯实基层治理根基\n\n## 开头\n\n基层治理是国家治理的基石。\n\n"
                "## 分论点一：强化党建引领\n\n浙江省宁波市鄞州区推行“红管家”，调解纠纷 3200 余件。"
                "反观某村，党组织软弱涣散，问题频发。未来需健全组织体系。\n\n"
                "## 分论点二：推动科技赋能\n\n科技是治理的重要支撑，数字化改变了治理方式。\n\n"
                "## 结尾\n\n基层强则国家强。\n");
    size_t args = 0;
    for (size_t i = 0; i < doc->sections.n; i++) {
        const el_section *sec = &doc->sections.v[i];
        if (sec->kind != EL_SEC_ARGUMENT) {
            assert_false(sec->ev.has_case || sec->ev.has_data || sec->ev.has_counter ||
                         sec->ev.has_measure);
            continue;
        }
        bool first = args++ == 0;
        assert_int_equal(sec->ev.has_case, first);
        assert_int_equal(sec->ev.has_data, first);
        assert_int_equal(sec->ev.has_counter, first);
        assert_int_equal(sec->ev.has_measure, first);
    }
    assert_int_equal(args, 2);
    assert_int_equal(doc->cases.n, 2);
    assert_int_equal(doc->cases.v[0].section, doc->cases.v[1].section);
    el_doc_free(doc);
}

/* A role model of the lexicon gives its argument a case (no entry in cases: no place); a
   model's spirit (焦裕禄精神) is a value, not a deed; the actor 青年 makes 要 a measure. */
static void test_evidence_exemplar(void **state)
{
    (void)state;
    el_doc *doc = analyse_as(
        "t.md", "# 让青春在奉献中绽放\n\n## 开头\n\n青春是奋斗的底色。\n\n"
                "## 分论点一：以理想铸魂\n\n“时代楷模”黄文秀回到家乡担任驻村第一书记。\n\n"
                "## 分论点二：以实干砺志\n\n我们要弘扬焦裕禄精神。青年要敢于到艰苦地方去。\n\n"
                "## 结尾\n\n青春由磨砺而出彩。\n");
    const el_section *a[2] = {NULL, NULL};
    size_t args = 0;
    for (size_t i = 0; i < doc->sections.n; i++)
        if (doc->sections.v[i].kind == EL_SEC_ARGUMENT && args < 2)
            a[args++] = &doc->sections.v[i];
    assert_int_equal(args, 2);
    assert_int_equal(doc->cases.n, 0);
    assert_true(a[0]->ev.has_case);
    assert_false(a[1]->ev.has_case);
    assert_true(a[1]->ev.has_measure);
    el_doc_free(doc);
}

static void test_title_statistics(void **state)
{
    (void)state;
    el_doc *doc = analyse_as("t.txt", "用好 3 万名网格员的力量\n\n网格员是基层治理的末梢。\n");
    assert_int_equal(doc->stats.n, 1);
    assert_span(doc, doc->stats.v[0].txt, "3 万名");
    assert_int_equal(doc->cases.n, 0);
    el_doc_free(doc);
}

/* Two places joined by 与/和/、/同 and no 等: one case each, both covering the group. */
/* 从A…到B…: each end of the span is a case, B with the name written after it. */
static void test_from_to(void **state)
{
    (void)state;
    el_doc *doc = analyse("近年来，从山东淄博的烧烤摊到贵州榕江的“村超”赛场，文旅消费一次次出圈；"
                          "从浙江的“千万工程”到福建的“四下基层”，经验可贵。");
    assert_int_equal(doc->cases.n, 4);
    assert_case(doc, 0, "山东淄博", "山东", NULL, false);
    assert_case(doc, 1, "贵州榕江", "贵州", "村超", false);
    assert_case(doc, 2, "浙江", "浙江", "千万工程", false);
    assert_case(doc, 3, "福建", "福建", "四下基层", false);
    el_doc_free(doc);

    /* a 从 inside a clause (游客从…) opens no span; a 到 after a clause mark closes none */
    doc = analyse("游客从北京到上海只需四小时。大家从小事做起，到杭州参观学习。");
    assert_int_equal(doc->cases.n, 0);
    el_doc_free(doc);
}

/* A place set against the marked ones (与一些地方…不同，X…; 一些地方…，X却…) is held up as an
   example; with a problem word after 却 it stays a counter-example. */
static void test_polarity_compared(void **state)
{
    (void)state;
    el_doc *doc = analyse("与一些地方“重数量、轻质量”的做法不同，上海市浦东新区引入社工机构。与个别"
                          "地方相比，浙江省杭州市做得更好。有的地方还在观望，江苏省苏州市却率先行"
                          "动。");
    assert_int_equal(doc->cases.n, 3);
    assert_case(doc, 0, "上海市浦东新区", "上海", NULL, false);
    assert_case(doc, 1, "浙江省杭州市", "浙江", NULL, false);
    assert_case(doc, 2, "江苏省苏州市", "江苏", NULL, false);
    el_doc_free(doc);

    doc = analyse("反观一些地方，湖南省某县却盲目上马项目。个别地方热衷于搞形式主义，某市却大搞形象"
                  "工程。与此不同，湖北省某县贪大求洋。");
    assert_int_equal(doc->cases.n, 3);
    for (size_t i = 0; i < 3; i++)
        assert_true(doc->cases.v[i].negative);
    el_doc_free(doc);
}

static void test_joint_places(void **state)
{
    (void)state;
    el_doc *doc = analyse("河南省郑州市推行“碳积分”；安徽省黄山市与浙江省杭州市共建新安江流域生态"
                          "补偿机制，累计投入五十七亿元。");
    assert_int_equal(doc->cases.n, 3);
    assert_case(doc, 1, "安徽省黄山市", "安徽", NULL, false);
    assert_case(doc, 2, "浙江省杭州市", "浙江", NULL, false);
    for (size_t i = 1; i < 3; i++) {
        assert_int_equal(doc->cases.v[i].nstat, 1);
        assert_span(doc, doc->stats.v[doc->cases.v[i].stat0].txt, "五十七亿元");
    }
    el_doc_free(doc);

    doc = analyse("北京和上海率先推行“垃圾分类”；湖南省长沙市同湖北省武汉市签订协议。");
    assert_int_equal(doc->cases.n, 4);
    assert_case(doc, 0, "北京", "北京", "垃圾分类", false);
    assert_case(doc, 1, "上海", "上海", "垃圾分类", false);
    assert_case(doc, 3, "湖北省武汉市", "湖北", NULL, false);
    el_doc_free(doc);

    /* Traps: a list ending in 等, a list that is an object, a list whose first member is an
       institution; a place and a place within it are one case. */
    doc = analyse("浙江、江苏、广东等省份经济发达。推动北京与天津协同发展。浙江大学与杭州市合作共建"
                  "实验室。");
    assert_int_equal(doc->cases.n, 0);
    el_doc_free(doc);
    doc = analyse("浙江省与杭州市联合推出“数字经济”计划。");
    assert_int_equal(doc->cases.n, 1);
    assert_case(doc, 0, "浙江省", "浙江", "数字经济", false);
    el_doc_free(doc);

    /* A hostile list: a place repeated in it is one case, and the work stays linear. */
    static const char unit[] = "杭州市、宁波市、";
    size_t reps = 50000, n = strlen(unit);
    static const char title[] = "以多元共治夯实基层治理根基\n\n";
    static const char tail[] = "温州市共建机制。";
    char *buf = xmalloc(strlen(title) + reps * n + sizeof tail);
    size_t o = strlen(title);
    memcpy(buf, title, o);
    for (size_t i = 0; i < reps; i++, o += n)
        memcpy(buf + o, unit, n);
    memcpy(buf + o, tail, sizeof tail);
    doc = analyse_as("t.txt", buf);
    assert_int_equal(doc->cases.n, 3);
    assert_case(doc, 2, "温州市", "浙江", NULL, false);
    el_doc_free(doc);
    free(buf);
}

/* The same anonymised place twice in one clause group is one case. */
static void test_anonymised_repeated(void **state)
{
    (void)state;
    el_doc *doc = analyse("某县推行“河长制”，某县的水质达标率提升至90%。");
    assert_int_equal(doc->cases.n, 1);
    assert_case(doc, 0, "某县", NULL, "河长制", false);
    assert_int_equal(doc->cases.v[0].nstat, 1);
    el_doc_free(doc);

    doc = analyse("反观某村，村里管理混乱，某村村民怨声载道。");
    assert_int_equal(doc->cases.n, 1);
    assert_case(doc, 0, "某村", NULL, NULL, true);
    el_doc_free(doc);

    /* Traps: two different anonymised places; the same one in the next group. */
    doc = analyse("反观某村与某镇，问题突出。某县推行“河长制”；某县又推行“林长制”。");
    assert_int_equal(doc->cases.n, 4);
    assert_case(doc, 0, "某村", NULL, NULL, true);
    assert_case(doc, 1, "某镇", NULL, NULL, true);
    assert_case(doc, 3, "某县", NULL, "林长制", false);
    el_doc_free(doc);
}

/* Counter-examples: 却 with a problem in the place's clause; problem words of the lexicon. */
static void test_problem_polarity(void **state)
{
    (void)state;
    static const char *const negative[] = {
        "某市却因管理疏漏，导致约12万条个人信息外泄。",
        "某镇干部反映，“上面千条线，下面一根针”的状况仍未根本改变。",
        "某地毁林近百亩。",
        "某小区加装电梯受阻。",
        "某县建成的“智慧平台”形同虚设。",
        "江苏省苏州市推行“拿地即开工”，安徽省合肥市却审批滞后。",
    };
    for (size_t i = 0; i < sizeof negative / sizeof *negative; i++) {
        el_doc *doc = analyse(negative[i]);
        assert_true(doc->cases.n >= 1);
        assert_true(doc->cases.v[doc->cases.n - 1].negative);
        el_doc_free(doc);
    }
    /* Traps: 却 without a problem in its clause, 却 inside 冷却, a named place with a problem
       word but no marker. */
    el_doc *doc = analyse("不少地方还在观望，杭州却率先行动，破解了审批难题。");
    assert_int_equal(doc->cases.n, 1);
    assert_case(doc, 0, "杭州", "浙江", NULL, false);
    el_doc_free(doc);
    doc = analyse("某县却另辟蹊径，推出“共享农场”。");
    assert_case(doc, 0, "某县", NULL, "共享农场", false);
    el_doc_free(doc);
    doc = analyse("冷却塔改造后，江苏省苏州市推行“节能管家”。");
    assert_int_equal(doc->cases.n, 1);
    assert_case(doc, 0, "江苏省苏州市", "江苏", "节能管家", false);
    el_doc_free(doc);
    doc = analyse("浙江省安吉县关停矿山，曾经毁林的荒山变成了竹海。");
    assert_case(doc, 0, "浙江省安吉县", "浙江", NULL, false);
    el_doc_free(doc);
}

/* The counter-example flag of an argument follows the new polarities and the strong markers
   that moved into the lexicon (但也有). */
static void test_evidence_counter(void **state)
{
    (void)state;
    static const char head[] = "# 以多元共治夯实基层治理根基\n\n## 分论点一：强化生态保护\n\n";
    static const struct {
        const char *body;
        bool counter;
    } cases[] = {
        {"浙江省安吉县推行“两山银行”。某地毁林近百亩。", true},
        {"浙江省安吉县推行“两山银行”，成效明显，但也有村庄动力不足。", true},
        {"浙江省安吉县推行“两山银行”。某县却另辟蹊径，推出“共享农场”。", false},
        {"浙江省安吉县不但推行“两山银行”，还建设绿道。", false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char buf[1024];
        snprintf(buf, sizeof buf, "%s%s\n", head, cases[i].body);
        el_doc *doc = analyse_as("t.md", buf);
        bool found = false;
        for (size_t k = 0; k < doc->sections.n; k++)
            if (doc->sections.v[k].kind == EL_SEC_ARGUMENT) {
                assert_int_equal(doc->sections.v[k].ev.has_counter, cases[i].counter);
                found = true;
            }
        assert_true(found);
        el_doc_free(doc);
    }
}

/* A proposal with its actor (各地要, 相关部门应) is a countermeasure; 要/应 inside words is not. */
static void test_evidence_measure_actor(void **state)
{
    (void)state;
    static const char head[] = "# 以全民阅读点亮书香社会\n\n## 分论点一：完善阅读设施\n\n";
    static const struct {
        const char *body;
        bool measure;
    } cases[] = {
        {"江苏省苏州市建成“15分钟阅读圈”。各地要把书房建到群众家门口。", true},
        {"江苏省苏州市建成“15分钟阅读圈”。相关部门应加大对农村书屋的投入。", true},
        {"江苏省苏州市建成“15分钟阅读圈”，这是主要做法，意义重要，适应了群众需求。", false},
        {"江苏省苏州市建成“15分钟阅读圈”，只要有空，市民就去读书。", false},
        /* a consequence that proposes: 因此要 / 所以应 / 故要 */
        {"江苏省苏州市建成“15分钟阅读圈”，某县却任其闲置，因此要坚持建管并重。", true},
        {"江苏省苏州市建成“15分钟阅读圈”，所以应推广这一做法。", true},
        {"江苏省苏州市建成“15分钟阅读圈”，因此需求旺盛。", false},
        /* 要用 proposes (要用好…); 应用 and 应急 are nouns */
        {"江苏省苏州市建成“15分钟阅读圈”。推广阅读，要用好公共文化资源。", true},
        {"江苏省苏州市建成“15分钟阅读圈”。各地要用好公共文化资源。", true},
        {"江苏省苏州市建成“15分钟阅读圈”，应用场景不断丰富。", false},
        {"江苏省苏州市建成“15分钟阅读圈”，应急书屋也已建成。", false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char buf[1024];
        snprintf(buf, sizeof buf, "%s%s\n", head, cases[i].body);
        el_doc *doc = analyse_as("t.md", buf);
        for (size_t k = 0; k < doc->sections.n; k++)
            if (doc->sections.v[k].kind == EL_SEC_ARGUMENT)
                assert_int_equal(doc->sections.v[k].ev.has_measure, cases[i].measure);
        el_doc_free(doc);
    }
}

/* A reference back to an earlier case is not a case; an ambiguous name is resolved within
   its paragraph only. */
static void test_back_reference(void **state)
{
    (void)state;
    el_doc *doc = analyse_as(
        "t.txt", "以城市更新增进民生福祉\n\n吉林省长春市朝阳区推行“居民点单”，惠及居民4.6万户。\n\n"
                 "老旧小区是城市的“记忆”。朝阳区的经验告诉我们，一方面要改好，一方面要管好。\n");
    assert_int_equal(doc->cases.n, 1);
    assert_case(doc, 0, "吉林省长春市朝阳区", "吉林", "居民点单", false);
    el_doc_free(doc);

    /* Also in the middle of another case: it does not end that case. */
    doc =
        analyse("浙江省杭州市推行“城市大脑”；江苏省苏州市积极学习，杭州的经验在当地落地，建成平台 "
                "30 个。");
    assert_int_equal(doc->cases.n, 2);
    assert_case(doc, 1, "江苏省苏州市", "江苏", NULL, false);
    assert_int_equal(doc->cases.v[1].nstat, 1);
    el_doc_free(doc);

    /* Traps: the place was no case before; and a new paragraph does not resolve 朝阳区. */
    doc = analyse("杭州的做法值得借鉴：推行“城市大脑”。");
    assert_int_equal(doc->cases.n, 1);
    assert_case(doc, 0, "杭州", "浙江", "城市大脑", false);
    el_doc_free(doc);
    doc = analyse_as("t.txt", "以城市更新增进民生福祉\n\n长春市朝阳区推行“居民点单”。\n\n"
                              "朝阳区推行“吹哨报到”，群众诉求当天响应。\n");
    assert_int_equal(doc->cases.n, 2);
    assert_case(doc, 1, "朝阳区", NULL, "吹哨报到", false);
    el_doc_free(doc);
}

/* A province, a comma, then a place within it: the case is the more specific place. */
static void test_province_then_place(void **state)
{
    (void)state;
    el_doc *doc = analyse("在广东，深圳市南山区推行“民生微实事”，办结实事 3000 余件。");
    assert_int_equal(doc->cases.n, 1);
    assert_case(doc, 0, "深圳市南山区", "广东", "民生微实事", false);
    assert_int_equal(doc->cases.v[0].nstat, 1);
    el_doc_free(doc);

    /* The province resolves an ambiguous name written after it. */
    doc = analyse("在吉林，朝阳区推行“幸福里”服务。");
    assert_int_equal(doc->cases.n, 1);
    assert_case(doc, 0, "朝阳区", "吉林", "幸福里", false);
    el_doc_free(doc);

    /* Traps: a place not within the province; more than a comma between them. */
    doc = analyse("在广东，湖南省长沙市推行“星城管家”。");
    assert_int_equal(doc->cases.n, 2);
    assert_case(doc, 0, "广东", "广东", NULL, false);
    el_doc_free(doc);
    doc = analyse("广东省推行“粤省事”，深圳市南山区办结实事 3000 余件。");
    assert_int_equal(doc->cases.n, 1);
    assert_case(doc, 0, "广东省", "广东", "粤省事", false);
    el_doc_free(doc);
}

/* Issue #4: a province (or city) and a comma before a configured place the gazetteer cannot
   place give it that province: 在浙江，书香新区… is one case of 浙江, not two. */
static void test_province_then_conf_place(void **state)
{
    (void)state;
    el_config *cfg;
    el_doc *doc = analyse_conf(&cfg, "在浙江，书香新区推行“书香积分”，参与居民达1.2万人。");
    assert_int_equal(doc->cases.n, 1);
    assert_case(doc, 0, "书香新区", "浙江", "书香积分", false);
    assert_int_equal(doc->cases.v[0].nstat, 1);
    assert_int_equal(el_lex_province(doc->cases.v[0].province)->region, EL_REGION_EAST);
    el_doc_free(doc);
    el_config_free(cfg);

    /* A city before it gives the city's province; a counter-example keeps its polarity. */
    doc = analyse_conf(&cfg,
                       "在杭州，云梦泽县开设“流动书屋”。反观在湖北，书香新区的农家书屋长期闲置。");
    assert_int_equal(doc->cases.n, 2);
    assert_case(doc, 0, "云梦泽县", "浙江", "流动书屋", false);
    assert_case(doc, 1, "书香新区", "湖北", NULL, true);
    el_doc_free(doc);
    el_config_free(cfg);

    /* Traps: more than a comma between them, an anonymised place after the comma, and a
       configured place that names its own other province. */
    doc = analyse_conf(&cfg, "浙江推行“八八战略”，书香新区开设“流动书屋”。");
    assert_int_equal(doc->cases.n, 2);
    assert_case(doc, 0, "浙江", "浙江", "八八战略", false);
    assert_case(doc, 1, "书香新区", NULL, "流动书屋", false);
    el_doc_free(doc);
    el_config_free(cfg);
    doc = analyse_conf(&cfg, "在浙江，某村农家书屋长期闲置。");
    assert_int_equal(doc->cases.n, 2);
    assert_case(doc, 1, "某村", NULL, NULL, true);
    el_doc_free(doc);
    el_config_free(cfg);
    doc = analyse_cfg(&cfg, "{\"lexicon\": {\"places\": [\"湖北省书香新区\"]}}",
                      "以全民阅读点亮书香社会\n\n在浙江，湖北省书香新区推行“书香积分”。\n");
    assert_int_equal(doc->cases.n, 2);
    assert_case(doc, 1, "湖北省书香新区", "湖北", "书香积分", false);
    el_doc_free(doc);
    el_config_free(cfg);
}

/* A place that names a spirit or a party committee is not a case's place. */
static void test_concepts(void **state)
{
    (void)state;
    el_doc *doc = analyse("延安精神引领新区建设。井冈山精神激励着人们。浙江省委提出“八八战略”。"
                          "杭州市委书记强调要推行“最多跑一次”。");
    assert_int_equal(doc->cases.n, 0);
    el_doc_free(doc);

    /* Traps: 委托 is the place's own act; the place itself before the spirit. */
    doc = analyse("杭州市委托第三方评估，满意度达95%。延安市弘扬延安精神，推行“红色课堂”。");
    assert_int_equal(doc->cases.n, 2);
    assert_case(doc, 0, "杭州市", "浙江", NULL, false);
    assert_case(doc, 1, "延安市", "陕西", "红色课堂", false);
    el_doc_free(doc);
}

/* Many places and quotes in one paragraph: bounded work, every case found. */
static void test_many_cases(void **state)
{
    (void)state;
    static const char unit[] = "浙江省杭州市推行“红管家”，某村问题突出，惠及 3 万人；";
    size_t reps = 20000, n = strlen(unit);
    static const char title[] = "以多元共治夯实基层治理根基\n\n";
    char *buf = xmalloc(reps * n + sizeof title);
    size_t o = strlen(title);
    memcpy(buf, title, o);
    for (size_t i = 0; i < reps; i++, o += n)
        memcpy(buf + o, unit, n);
    buf[o] = 0;
    el_doc *doc = analyse_as("t.txt", buf);
    /* Hostile volumes are capped, and every kept case links only kept statistics. */
    assert_int_equal(doc->cases.n, EL_ITEMS_MAX);
    assert_int_equal(doc->stats.n, EL_ITEMS_MAX);
    for (size_t i = 0; i < doc->cases.n; i++)
        assert_true(doc->cases.v[i].stat0 + doc->cases.v[i].nstat <= doc->stats.n);
    assert_int_equal(doc->cases.v[0].nstat, 0);
    assert_int_equal(doc->cases.v[1].nstat, 1);
    el_doc_free(doc);
    free(buf);
}

/* Places added in the configuration are places of cases, like the gazetteer's. */
static void test_config_places(void **state)
{
    (void)state;
    static const char body[] = "云梦泽县推行“书香积分”，参与居民达1.2万人。";
    el_config *cfg;
    el_doc *doc = analyse_conf(&cfg, body);
    assert_int_equal(doc->cases.n, 1);
    assert_case(doc, 0, "云梦泽县", NULL, "书香积分", false);
    assert_int_equal(doc->cases.v[0].nstat, 1);
    assert_span(doc, doc->stats.v[doc->cases.v[0].stat0].txt, "1.2万人");
    assert_span(doc, doc->cases.v[0].span, body);
    assert_true(doc->sections.v[doc->cases.v[0].section].ev.has_case ||
                doc->sections.v[doc->cases.v[0].section].kind != EL_SEC_ARGUMENT);
    el_doc_free(doc);
    el_config_free(cfg);

    /* Without the configuration the name is no place. */
    doc = analyse(body);
    assert_int_equal(doc->cases.n, 0);
    el_doc_free(doc);

    /* The same place twice in a group is one case; a contrast marker makes a counter-example. */
    doc = analyse_conf(&cfg, "云梦泽县推行“书香积分”，云梦泽县图书馆借阅量达3万册。反观书香新区，"
                             "农家书屋长期闲置。");
    assert_int_equal(doc->cases.n, 2);
    assert_case(doc, 0, "云梦泽县", NULL, "书香积分", false);
    assert_int_equal(doc->cases.v[0].nstat, 1);
    assert_span(doc, doc->stats.v[doc->cases.v[0].stat0].txt, "3万册");
    assert_case(doc, 1, "书香新区", NULL, NULL, true);
    el_doc_free(doc);
    el_config_free(cfg);

    /* A reference back to a configured case in a later paragraph is no new case. */
    doc = analyse_cfg(&cfg, conf_json,
                      "以全民阅读点亮书香社会\n\n云梦泽县推行“书香积分”。\n\n"
                      "云梦泽县的经验告诉我们，阅读要融入日常。\n");
    assert_int_equal(doc->cases.n, 1);
    el_doc_free(doc);
    el_config_free(cfg);
    /* ... also when the name is listed twice in the configuration. */
    doc =
        analyse_cfg(&cfg, "{\"lexicon\": {\"places\": [\"书香新区\", \"云梦泽县\", \"云梦泽县\"]}}",
                    "以全民阅读点亮书香社会\n\n云梦泽县推行“书香积分”。\n\n书香新区开设“流动书屋”，"
                    "云梦泽县的做法值得借鉴。\n");
    assert_int_equal(doc->cases.n, 2);
    assert_case(doc, 1, "书香新区", NULL, "流动书屋", false);
    el_doc_free(doc);
    el_config_free(cfg);

    /* A province written before it, or at the start of the configured name, is its province. */
    doc = analyse_conf(&cfg, "浙江省书香新区推行“书香积分”。");
    assert_int_equal(doc->cases.n, 1);
    assert_case(doc, 0, "浙江省书香新区", "浙江", "书香积分", false);
    el_doc_free(doc);
    el_config_free(cfg);
    doc = analyse_cfg(&cfg, "{\"lexicon\": {\"places\": [\"浙江省书香新区\", \"杭州湾阅读区\"]}}",
                      "以全民阅读点亮书香社会\n\n浙江省书香新区推行“书香积分”；杭州湾阅读区开设"
                      "“流动书屋”。\n");
    assert_int_equal(doc->cases.n, 2);
    assert_case(doc, 0, "浙江省书香新区", "浙江", "书香积分", false);
    assert_case(doc, 1, "杭州湾阅读区", "浙江", "流动书屋", false);
    el_doc_free(doc);
    el_config_free(cfg);
}

/* Traps for configured places: no case in mid-clause or as a modifier, lexicon places undisturbed,
   one case for a name that is also a gazetteer surface, two for two configured places. */
static void test_config_places_traps(void **state)
{
    (void)state;
    el_config *cfg;
    /* Inside a longer phrase (建设书香新区, 大云梦泽县): a place in mid-clause is no actor; before
       委 or 精神 it is a modifier. */
    el_doc *doc =
        analyse_conf(&cfg, "全力建设书香新区，成效显著。大云梦泽县推行“书香积分”。书香新区"
                           "委推行“书香积分”。云梦泽县精神代代相传。");
    assert_int_equal(doc->cases.n, 0);
    el_doc_free(doc);
    el_config_free(cfg);

    /* A gazetteer name that starts a configured one stays the gazetteer's where written alone
       (云梦县 in 湖北), and a list ending in 等 names regions. */
    doc = analyse_conf(&cfg, "云梦县推行“书香积分”。书香新区、云梦泽县等地也在探索。");
    assert_int_equal(doc->cases.n, 1);
    assert_case(doc, 0, "云梦县", "湖北", "书香积分", false);
    el_doc_free(doc);
    el_config_free(cfg);

    /* A configured name that is also a gazetteer surface: one case, the gazetteer's. */
    doc = analyse_cfg(&cfg, "{\"lexicon\": {\"places\": [\"杭州市\", \"杭州\"]}}",
                      "以多元共治夯实基层治理根基\n\n杭州市推出“城市大脑”；浙江省杭州市推行“最多跑"
                      "一次”。\n");
    assert_int_equal(doc->cases.n, 2);
    assert_case(doc, 0, "杭州市", "浙江", "城市大脑", false);
    assert_case(doc, 1, "浙江省杭州市", "浙江", "最多跑一次", false);
    el_doc_free(doc);
    el_config_free(cfg);

    /* Two configured places in one group: joined, one case each over the group; one after
       the other, the second starts the next case. The longest configured name wins. */
    doc = analyse_conf(&cfg, "书香新区与云梦泽县共建“读书驿站”，覆盖居民3万人。书香新区推行“书香"
                             "积分”，云梦泽县开设“流动书屋”。");
    assert_int_equal(doc->cases.n, 4);
    assert_case(doc, 0, "书香新区", NULL, "读书驿站", false);
    assert_case(doc, 1, "云梦泽县", NULL, "读书驿站", false);
    for (size_t i = 0; i < 2; i++) {
        assert_int_equal(doc->cases.v[i].nstat, 1);
        assert_span(doc, doc->stats.v[doc->cases.v[i].stat0].txt, "3万人");
    }
    assert_case(doc, 2, "书香新区", NULL, "书香积分", false);
    assert_case(doc, 3, "云梦泽县", NULL, "流动书屋", false);
    assert_int_equal(doc->cases.v[2].span.off + doc->cases.v[2].span.len, doc->cases.v[3].span.off);
    el_doc_free(doc);
    el_config_free(cfg);
    doc = analyse_cfg(&cfg, "{\"lexicon\": {\"places\": [\"新区\", \"书香新区\"]}}",
                      "以全民阅读点亮书香社会\n\n书香新区推行“书香积分”。\n");
    assert_int_equal(doc->cases.n, 1);
    assert_case(doc, 0, "书香新区", NULL, "书香积分", false);
    el_doc_free(doc);
    el_config_free(cfg);
}

/* An anonymised place inside quotation marks is quoted words, not a case: the statistic
   stays with the named place (编造“某地发生重大疫情”的谣言). */
static void test_anon_in_quotes(void **state)
{
    (void)state;
    el_doc *doc =
        analyse("浙江省温州市警方查处一起编造“某地发生重大疫情”的谣言案，造谣者被依法行政拘留"
                "10日。");
    assert_int_equal(doc->cases.n, 1);
    assert_case(doc, 0, "浙江省温州市", "浙江", NULL, false);
    assert_int_equal(doc->cases.v[0].nstat, 1);
    assert_span(doc, doc->stats.v[doc->cases.v[0].stat0].txt, "10日");
    el_doc_free(doc);

    /* Trap: outside quotes 某地 is still a counter-example. */
    doc = analyse("反观某地，项目建成后长期闲置。");
    assert_int_equal(doc->cases.n, 1);
    assert_case(doc, 0, "某地", NULL, NULL, true);
    el_doc_free(doc);
}

/* A numeral inside a case's initiative name is part of the name, not a statistic; the
   cases' statistic ranges follow. A figure in a quote that names no case stays. */
static void test_number_in_name(void **state)
{
    (void)state;
    el_doc *doc = analyse("云南省大理州借助“三个课堂”，让山区学生同步收听名师讲课。湖北省天门市出台"
                          "生育支持“十二条”，最高补贴28.6万元。");
    assert_int_equal(doc->cases.n, 2);
    assert_case(doc, 0, "云南省大理州", "云南", "三个课堂", false);
    assert_case(doc, 1, "湖北省天门市", "湖北", "十二条", false);
    assert_int_equal(doc->stats.n, 1);
    assert_span(doc, doc->stats.v[0].txt, "28.6万元");
    assert_int_equal(doc->cases.v[0].nstat, 0);
    assert_int_equal(doc->cases.v[1].nstat, 1);
    assert_int_equal(doc->cases.v[1].stat0, 0);
    el_doc_free(doc);

    doc = analyse("全市建成“15分钟生活圈”120个，覆盖九成社区。");
    assert_int_equal(doc->cases.n, 0);
    assert_int_equal(doc->stats.n, 3);
    el_doc_free(doc);
}

/* A quoted everyday word or a bare one- or two-character term is no initiative name;
   a short name introduced by a launch verb or naming the noun after it is. */
static void test_short_names(void **state)
{
    (void)state;
    el_doc *doc = analyse("黑龙江省哈尔滨市用数字技术复原鱼皮画，吸引年轻人线上“打卡”。");
    assert_int_equal(doc->cases.n, 1);
    assert_case(doc, 0, "黑龙江省哈尔滨市", "黑龙江", NULL, false);
    el_doc_free(doc);

    doc = analyse("浙江省杭州市老街改造后成为“网红”街区。");
    assert_case(doc, 0, "浙江省杭州市", "浙江", NULL, false);
    el_doc_free(doc);

    doc = analyse("福建省三明市推出“林票”制度，林农以林权入股。");
    assert_case(doc, 0, "福建省三明市", "福建", "林票", false);
    el_doc_free(doc);

    doc = analyse("贵州省黔东南州以“村超”赛事为媒，带火乡村旅游。");
    assert_case(doc, 0, "贵州省黔东南州", "贵州", "村超", false);
    el_doc_free(doc);

    doc = analyse("安徽省合肥市，“九章”量子计算原型机在这里诞生。");
    assert_case(doc, 0, "安徽省合肥市", "安徽", "九章", false);
    el_doc_free(doc);

    doc = analyse("浙江省杭州市的政务大厅可以“刷脸”，群众少跑腿。");
    assert_case(doc, 0, "浙江省杭州市", "浙江", NULL, false);
    el_doc_free(doc);
}

/* A township, street or village written right after a place is part of the place as
   written; verbs, numerals and generic village types are not. */
static void test_township(void **state)
{
    (void)state;
    el_doc *doc = analyse("福建省宁德市下党乡发展茶产业。");
    assert_int_equal(doc->cases.n, 1);
    assert_case(doc, 0, "福建省宁德市下党乡", "福建", NULL, false);
    el_doc_free(doc);

    doc = analyse("云南省大理州喜洲镇周城村发展白族扎染体验。");
    assert_case(doc, 0, "云南省大理州喜洲镇周城村", "云南", NULL, false);
    el_doc_free(doc);

    static const char *const traps[] = {
        "浙江省杭州市深化社区治理，居民更满意。", "浙江省杭州市城乡融合发展走在前列。",
        "浙江省杭州市送文化下乡一千场。",         "浙江省杭州市千村示范、万村整治成效显著。",
        "浙江省杭州市医生下乡服务群众。",         "浙江省杭州市镇村两级联动。",
    };
    for (size_t i = 0; i < sizeof traps / sizeof *traps; i++) {
        doc = analyse(traps[i]);
        assert_int_equal(doc->cases.n, 1);
        assert_span(doc, doc->cases.v[0].place, "浙江省杭州市");
        el_doc_free(doc);
    }
    doc = analyse("浙江省湖州市淘宝村电商兴旺。");
    assert_span(doc, doc->cases.v[0].place, "浙江省湖州市");
    el_doc_free(doc);

    /* Nothing below a village, and 村 of 村民 is no village: the place stops in time. */
    doc = analyse("山西省晋城市阳城县皇城村成立村民理事会，动员村民参与维护。");
    assert_span(doc, doc->cases.v[0].place, "山西省晋城市阳城县皇城村");
    el_doc_free(doc);
    doc = analyse("反观某村成立村民议事会，却流于形式。");
    assert_span(doc, doc->cases.v[0].place, "某村");
    el_doc_free(doc);
    doc = analyse("浙江省杭州市成立村民议事会。");
    assert_span(doc, doc->cases.v[0].place, "浙江省杭州市");
    el_doc_free(doc);
}

/* A clause starts after a quoted sentence (强调：“…。”朝阳区推行…): the ambiguous district
   is a case with no province; after a quoted word it is not (“走出”山西). */
static void test_after_quoted_sentence(void **state)
{
    (void)state;
    el_doc *doc = analyse("会议强调：“要把人民放在心中最高位置。”朝阳区推行“接诉即办”。");
    assert_int_equal(doc->cases.n, 1);
    assert_case(doc, 0, "朝阳区", NULL, "接诉即办", false);
    el_doc_free(doc);

    doc = analyse("非遗要“走出”山西，走向世界。");
    assert_int_equal(doc->cases.n, 0);
    el_doc_free(doc);
}

/* Every percentage reports the unit "%", whatever its wording; percentage points keep theirs
   (百分点, the 个 before it left out). */
static void test_percent_unit(void **state)
{
    (void)state;
    el_doc *doc = analyse("全国百分之六十的社区、近三成的企业、90%的学校、千分之三的家庭参与其中，"
                          "覆盖率提高 5 个百分点。");
    assert_int_equal(doc->stats.n, 5);
    for (size_t i = 0; i < 4; i++) {
        assert_int_equal(doc->stats.v[i].kind, EL_STAT_PERCENT);
        assert_non_null(doc->stats.v[i].unit_name);
        assert_string_equal(doc->stats.v[i].unit_name, "%");
    }
    assert_null(doc->stats.v[4].unit_name);
    assert_span(doc, doc->stats.v[4].unit, "百分点");
    el_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_full_chain),
        cmocka_unit_test(test_city_short_form),
        cmocka_unit_test(test_repeated_district),
        cmocka_unit_test(test_prefecture_short_forms),
        cmocka_unit_test(test_chain_extensions),
        cmocka_unit_test(test_regions),
        cmocka_unit_test(test_anonymised_negative),
        cmocka_unit_test(test_contrast_negative),
        cmocka_unit_test(test_not_places),
        cmocka_unit_test(test_lists_and_objects),
        cmocka_unit_test(test_weak_short_forms),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_motto_names),
        cmocka_unit_test(test_landmarks),
        cmocka_unit_test(test_numeral_village),
        cmocka_unit_test(test_model_and_honour),
        cmocka_unit_test(test_reversal),
        cmocka_unit_test(test_statistics_linked),
        cmocka_unit_test(test_evidence),
        cmocka_unit_test(test_evidence_exemplar),
        cmocka_unit_test(test_title_statistics),
        cmocka_unit_test(test_many_cases),
        cmocka_unit_test(test_from_to),
        cmocka_unit_test(test_polarity_compared),
        cmocka_unit_test(test_joint_places),
        cmocka_unit_test(test_anonymised_repeated),
        cmocka_unit_test(test_problem_polarity),
        cmocka_unit_test(test_evidence_counter),
        cmocka_unit_test(test_evidence_measure_actor),
        cmocka_unit_test(test_back_reference),
        cmocka_unit_test(test_province_then_place),
        cmocka_unit_test(test_province_then_conf_place),
        cmocka_unit_test(test_concepts),
        cmocka_unit_test(test_config_places),
        cmocka_unit_test(test_config_places_traps),
        cmocka_unit_test(test_anon_in_quotes),
        cmocka_unit_test(test_number_in_name),
        cmocka_unit_test(test_short_names),
        cmocka_unit_test(test_township),
        cmocka_unit_test(test_after_quoted_sentence),
        cmocka_unit_test(test_percent_unit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
