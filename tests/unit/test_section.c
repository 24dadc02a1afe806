/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for the block readers and the section tree: every recogniser,
 * every form of draft, the reference essay, and the nothing-lost property
 * (every non-blank line gets exactly one role) over every sample.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "input.h"
#include "section.h"
#include "text.h"

#include "testsection.h"

static void test_arg_markers(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        int num;
        const char *rest;
    } ok[] = {
        {"一、强化引领", 1, "强化引领"}, {"（二）创新表达", 2, "创新表达"},
        {"(三)推动交流", 3, "推动交流"}, {"第一，坚持系统", 1, "坚持系统"},
        {"首先，要壮大", 1, "要壮大"},   {"其次要留住", 2, "要留住"},
        {"最后，要弘扬", 9, "要弘扬"},   {"一是拓宽渠道", 1, "拓宽渠道"},
        {"三是优化服务", 3, "优化服务"}, {"1. 强化", 1, "强化"},
        {"2、推动", 2, "推动"},          {"论点 1:强化党建", 1, "强化党建"},
        {"分论点一：坚持", 1, "坚持"},   {"分论点二", 2, ""},
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        int num;
        size_t n = strlen(ok[i].s);
        size_t k = el_section_arg_marker(ok[i].s, n, &num);
        assert_int_not_equal(k, 0);
        assert_int_equal(num, ok[i].num);
        assert_string_equal(ok[i].s + k, ok[i].rest);
    }
    static const char *const no[] = {"第一书记带头", "最后一公里", "一些地方",
                                     "1.2 万起",     "2023 年",    "一方面",
                                     "统一思想",     "十四五规划", "首都"};
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++) {
        int num;
        assert_int_equal(el_section_arg_marker(no[i], strlen(no[i]), &num), 0);
    }
}

static void test_reference_essay(void **state)
{
    (void)state;
    const char *path = "../shared/reference/seed-essay.txt";
    char *buf;
    size_t len;
    const char *code;
    char *msg;
    if (!el_input_read(path, 1 << 20, &buf, &len, &code, &msg)) {
        free(msg);
        skip();
    }
    el_doc *doc = el_parse(path, buf, len, NULL);
    free(buf);
    assert_true(el_doc_ok(doc));
    assert_span(doc, doc->title, "以多元共治夯实基层治理根基");
    assert_true(doc->theme.len > 0);
    assert_kinds(doc, "IAAACS");
    assert_span(doc, doc->sections.v[1].title, "强化党建引领,激活基层治理“主心骨”");
    assert_span(doc, doc->sections.v[2].title, "推动科技赋能,打造智慧治理“新引擎”");
    assert_span(doc, doc->sections.v[3].title, "激发群众参与,绘就共建共治“同心圆”");
    for (size_t i = 0; i < 5; i++) {
        assert_int_equal(doc->sections.v[i].nnote, 3);
        assert_int_equal(doc->sections.v[i].npara, 1);
    }
    assert_int_equal(doc->sections.v[5].npara, 0);
    assert_true(doc->sections.v[5].nnote > 0);
    const el_note *n0 = &doc->notes.v[doc->sections.v[0].note0];
    assert_span(doc, n0->label, "案例集群开篇");
    assert_int_equal(n0->line, 21);
    assert_span(doc, doc->notes.v[doc->sections.v[0].note0 + 1].label, "政策高度");
    assert_span(doc, doc->notes.v[doc->sections.v[0].note0 + 2].label, "问题导向");
    assert_int_equal(doc->counts.paragraphs, 5);
    el_doc_free(doc);
}

static void test_markdown_headings_and_notes(void **state)
{
    (void)state;
    el_doc *doc =
        parse("a.md", "# 以创新驱动激活发展新动能\n\n"
                      "当前，科技革命加速演进。唯有坚持创新驱动，才能赢得主动。\n\n"
                      "## 一、强化企业主体地位，打造创新“主力军”\n\n"
                      "江苏省苏州市推行“科技副总”制度。\n\n"
                      "> **写作分析**\n> 1. 案例引入：以苏州为例。\n> 2. 数据支撑：500 余名。\n\n"
                      "## 二、优化创新生态，筑牢发展“压舱石”\n\n"
                      "安徽省合肥市以“投行思维”招商。\n\n"
                      "**点评**：本段正反对比，论证有力。\n\n"
                      "## 三、厚植人才沃土\n\n广东省深圳市人才公寓。\n\n"
                      "## 结尾\n\n总之，创新是第一动力。\n");
    assert_span(doc, doc->title, "以创新驱动激活发展新动能");
    assert_kinds(doc, "IAAAC");
    assert_span(doc, doc->sections.v[1].title, "强化企业主体地位，打造创新“主力军”");
    assert_int_equal(doc->sections.v[1].nnote, 2);
    const el_note *nt = &doc->notes.v[doc->sections.v[1].note0];
    assert_span(doc, nt->label, "案例引入");
    assert_span(doc, nt->txt, "以苏州为例。");
    assert_int_equal(nt->line, 10);
    assert_int_equal(doc->sections.v[2].nnote, 1);
    assert_span(doc, doc->notes.v[doc->sections.v[2].note0].txt, "本段正反对比，论证有力。");
    assert_int_equal(doc->counts.paragraphs, 5);
    el_doc_free(doc);
}

/* A note's label ends at its first colon, but a comma or full stop before the colon means the
 * colon belongs to the comment itself: that note has no label. */
static void test_note_label_stops_at_comma(void **state)
{
    (void)state;
    el_doc *doc =
        parse("a.md", "# 以创新驱动激活发展新动能\n\n"
                      "当前，科技革命加速演进。唯有坚持创新驱动，才能赢得主动。\n\n"
                      "## 一、强化企业主体地位\n\n"
                      "江苏省苏州市推行“科技副总”制度。\n\n"
                      "> **写作分析**\n> 1. 案例引入：以苏州为例。\n"
                      "> 2. 本段很好，理由是：案例充分。\n> 3. 结构清楚。理由：层层递进。\n\n"
                      "## 结尾\n\n总之，创新是第一动力。\n");
    assert_int_equal(doc->sections.v[1].nnote, 3);
    const el_note *nt = &doc->notes.v[doc->sections.v[1].note0];
    assert_span(doc, nt[0].label, "案例引入");
    assert_int_equal(nt[1].label.len, 0);
    assert_span(doc, nt[1].txt, "本段很好，理由是：案例充分。");
    assert_int_equal(nt[2].label.len, 0);
    el_doc_free(doc);
}

static void test_stray_emphasis(void **state)
{
    (void)state;
    /* `**` that CommonMark leaves literal must not leak into labels or notes. */
    el_doc *doc = parse("b.md", "# 题\n\n正文一段。\n\n**写作分析**：**亮点**运用对比。\n");
    assert_true(doc->notes.n >= 1);
    for (size_t i = 0; i < doc->notes.n; i++) {
        char *t = span(doc, doc->notes.v[i].txt);
        assert_null(strstr(t, "**"));
        free(t);
    }
    el_doc_free(doc);
}

static void test_lead_in_noise(void **state)
{
    (void)state;
    el_doc *doc =
        parse("n.txt", "关注公众号“申论乐园”获取更多范文\n【题目】\n"
                       "请结合给定资料，以“乡村振兴”为话题，写一篇 1000 字左右的议论文。\n"
                       "【范文展示】\n　　　　　　让乡村振兴之花绚丽绽放\n"
                       "　　乡村振兴是一篇大文章。只有因地制宜，才能焕发新活力。\n"
                       "　　首先，要壮大特色产业，夯实振兴根基。贵州省发展林下经济。\n"
                       "　　其次，要留住乡村人才，激活振兴动能。然而，某村缺乏带头人。\n"
                       "　　最后，要弘扬乡风文明，塑造振兴之魂。江西省开展活动。\n"
                       "　　总之，乡村振兴任重道远。\n");
    assert_span(doc, doc->title, "让乡村振兴之花绚丽绽放");
    assert_int_equal(doc->title_line, 5);
    assert_kinds(doc, "IAAAC");
    assert_span(doc, doc->sections.v[1].title, "要壮大特色产业，夯实振兴根基");
    for (size_t ln = 1; ln <= 4; ln++)
        assert_int_equal(doc->roles[ln - 1], EL_ROLE_LABEL);
    el_doc_free(doc);
}

static void test_bracket_notes(void **state)
{
    (void)state;
    el_doc *doc = parse("h.txt", "　　以文化自信赓续中华文脉\n"
                                 "　　文化是民族的根和魂。坚定文化自信，必须守正创新。\n"
                                 "　　（一）守护文化遗产，筑牢文化根基。山西省实施保护工程。\n"
                                 "【点评】本段以山西案例支撑论点。\n"
                                 "　　（二）创新表达方式，激活文化活力。河南省节目出圈。\n"
                                 "【名师点评】案例新颖：贴近年轻人。\n"
                                 "　　（三）推动交流互鉴，扩大文化影响。福建省申遗成功。\n"
                                 "　　文化兴则国运兴，文化强则民族强。\n");
    assert_kinds(doc, "IAAAC");
    assert_span(doc, doc->sections.v[1].title, "守护文化遗产，筑牢文化根基");
    assert_int_equal(doc->sections.v[1].nnote, 1);
    assert_int_equal(doc->sections.v[2].nnote, 1);
    const el_note *nt = &doc->notes.v[doc->sections.v[2].note0];
    assert_span(doc, nt->label, "案例新颖");
    assert_int_equal(doc->counts.paragraphs, 5);
    el_doc_free(doc);
}

static void test_label_lines(void **state)
{
    (void)state;
    el_doc *doc = parse(
        "j.txt", "标题：守护绿水青山\n主题：生态文明建设是根本大计。\n开头\n"
                 "　　生态兴则文明兴。\n分论点一：坚持系统治理\n　　统筹山水林田湖草沙。\n"
                 "写作分析：\n1、以三江源为例。\n2、数据不足。\n"
                 "分论点二：坚持制度保障\n　　用最严格制度。\n"
                 "分论点三：坚持全民参与\n　　人人参与。\n结语\n　　绿水青山就是金山银山。\n");
    assert_span(doc, doc->title, "守护绿水青山");
    assert_span(doc, doc->theme, "生态文明建设是根本大计。");
    assert_kinds(doc, "IAAAC");
    assert_span(doc, doc->sections.v[2].title, "坚持制度保障");
    assert_int_equal(doc->sections.v[1].nnote, 2);
    el_doc_free(doc);
}

static void test_unlabelled_inference(void **state)
{
    (void)state;
    /* topic sentences only, a continuation paragraph, closing paragraph */
    el_doc *doc =
        parse("c.txt", "数字政府让服务更有温度\n\n"
                       "近年来，各地加快建设数字政府。数字化转型是治理理念的深刻变革。\n\n"
                       "数据共享是数字政府的基础。浙江省推进改革。\n\n"
                       "同时，数据共享也需守住安全底线。某地因数据泄露引发不满。\n\n"
                       "便民服务是数字政府的落脚点。广东省小程序上线。\n\n"
                       "数字治理能力是数字政府的保障。湖北省开展培训。\n\n"
                       "数字政府建设永远在路上。\n");
    assert_kinds(doc, "IAAAC");
    assert_span(doc, doc->sections.v[1].title, "数据共享是数字政府的基础");
    assert_int_equal(doc->sections.v[1].npara, 2);
    el_doc_free(doc);

    doc = parse("two.txt", "两段的题目\n\n第一段提出问题。\n\n第二段作出总结。\n");
    assert_kinds(doc, "IC");
    el_doc_free(doc);
    /* Two paragraphs, the second a body well longer than the opening: intro and argument. */
    doc = parse("two-body.txt",
                "扎实推进共同富裕\n\n共同富裕是社会主义的本质要求。推进共同富裕，既要做大蛋糕，"
                "又要分好蛋糕。\n\n做大蛋糕，关键在于高质量发展。浙江省大力发展数字经济，城乡居民"
                "收入倍差缩小到1.86。反观某县，产业单一，近三成劳动力外出务工。要因地制宜培育富民产"
                "业。\n");
    assert_kinds(doc, "IA");
    assert_span(doc, doc->sections.v[1].title, "做大蛋糕，关键在于高质量发展");
    el_doc_free(doc);
    /* ... but a closing word keeps the conclusion, however long. */
    doc =
        parse("two-close.txt",
              "扎实推进共同富裕\n\n共同富裕是社会主义的本质要求。\n\n总之，推进共同富裕，既要做大"
              "蛋糕，又要分好蛋糕，需要全社会久久为功、持续发力，让发展成果更多更公平惠及全体人民。"
              "\n");
    assert_kinds(doc, "IC");
    el_doc_free(doc);
    /* A one-sentence closing call after a short summing-up: the conclusion is both. */
    doc = parse("call.txt",
                "以积分制撬动乡村善治\n\n乡村治理是国家治理的基石。各地积极探索积分制，推动治理提质"
                "增效。\n\n"
                "以党建引领为抓手，推动治理提质增效。浙江省宁波市推行积分管理，村民参与率达到九成，"
                "村容村貌明显改善，各地要借鉴。\n\n"
                "以数字赋能为抓手，推动治理提质增效。浙江省湖州市上线积分平台，村民参与率达到九成，"
                "办事效率明显提升，各地要推广。\n\n"
                "以多元激励为抓手，推动治理提质增效。四川省成都市设立积分超市，村民参与率达到九成，"
                "邻里关系更加和睦，各地要学习。\n\n"
                "小积分，大治理。积分制让村民从旁观者变为参与者。\n\n"
                "让我们携手同心，共同绘就乡村善治新图景。\n");
    assert_kinds(doc, "IAAAC");
    assert_int_equal(doc->sections.v[4].npara, 2);
    el_doc_free(doc);
    /* ... but a last argument of ordinary length stays an argument. */
    doc = parse("call2.txt",
                "以积分制撬动乡村善治\n\n乡村治理是国家治理的基石。各地积极探索积分制，推动治理提质"
                "增效。\n\n"
                "以党建引领为抓手，推动治理提质增效。浙江省宁波市推行积分管理，村民参与率达到九成，"
                "村容村貌明显改善，各地要借鉴。\n\n"
                "以数字赋能为抓手，推动治理提质增效。浙江省湖州市上线积分平台，村民参与率达到九成，"
                "办事效率明显提升，各地要推广。\n\n"
                "以多元激励为抓手，推动治理提质增效。四川省成都市设立积分超市，村民参与率达到九成，"
                "邻里关系更加和睦，各地要学习。\n\n"
                "以法治保障为抓手，推动治理规范有序。江苏省苏州市出台积分办法，村民满意度明显提高，"
                "各地要完善。\n\n"
                "让我们携手同心，共同绘就乡村善治新图景。\n");
    assert_kinds(doc, "IAAAAC");
    el_doc_free(doc);
    doc = parse("one.txt", "只有一段的习作。内容很短。\n");
    assert_kinds(doc, "I");
    assert_int_equal(doc->title.len, 0);
    el_doc_free(doc);
    doc = parse("empty.txt", "");
    assert_kinds(doc, "");
    el_doc_free(doc);
}

static void test_markdown_equals_plain(void **state)
{
    (void)state;
    const char *md = "# 稳住民生之本\n\n就业是最基本的民生。稳就业，关键在于多方协同。\n\n"
                     "## 一、拓宽就业渠道\n\n江苏省南京市提供岗位。\n\n"
                     "## 二、提升就业能力\n\n湖南省长沙市建设基地。\n\n"
                     "## 三、优化就业服务\n\n重庆市推出平台。\n\n"
                     "## 结尾\n\n综上所述，稳就业需要同向发力。\n";
    const char *txt = "稳住民生之本\n　　就业是最基本的民生。稳就业，关键在于多方协同。\n"
                      "一、拓宽就业渠道\n　　江苏省南京市提供岗位。\n"
                      "二、提升就业能力\n　　湖南省长沙市建设基地。\n"
                      "三、优化就业服务\n　　重庆市推出平台。\n"
                      "　　综上所述，稳就业需要同向发力。\n";
    el_doc *a = parse("x.md", md), *b = parse("x.txt", txt);
    assert_kinds(a, "IAAAC");
    assert_kinds(b, "IAAAC");
    for (size_t i = 0; i < a->sections.n; i++) {
        char *ta = span(a, a->sections.v[i].title);
        char *tb = span(b, b->sections.v[i].title);
        if (a->sections.v[i].kind == EL_SEC_ARGUMENT)
            assert_string_equal(ta, tb);
        free(ta);
        free(tb);
        assert_int_equal(a->sections.v[i].npara, b->sections.v[i].npara);
    }
    assert_int_equal(a->counts.chars, b->counts.chars);
    el_doc_free(a);
    el_doc_free(b);
}

/* (has_content and check_roles: testsection.h) */

/* Every non-blank line of path lands in exactly one role. */
static void check_nothing_lost(const char *path)
{
    char *buf;
    size_t len;
    const char *code;
    char *msg;
    if (!el_input_read(path, 64 << 20, &buf, &len, &code, &msg)) {
        free(msg);
        return;
    }
    el_doc *doc = el_parse(path, buf, len, NULL);
    free(buf);
    if (el_doc_ok(doc))
        check_roles(doc);
    el_doc_free(doc);
}

static void walk_dir(const char *dir, size_t *count)
{
    el_inputs list = {0};
    el_input_expand(dir, &list);
    for (size_t i = 0; i < list.n; i++)
        if (list.v[i].err_code == NULL) {
            check_nothing_lost(list.v[i].path);
            (*count)++;
        }
    el_inputs_free(&list);
}

static void test_nothing_lost(void **state)
{
    (void)state;
    size_t count = 0;
    walk_dir("samples", &count);
    walk_dir("tests/rules", &count);
    walk_dir("tests/drafts", &count);
    check_nothing_lost("../shared/reference/seed-essay.txt");
    assert_true(count > 0);
    /* more drafts to hold the property on, e.g. an audit's folder: ESSAYLINT_DRAFTS=dir */
    const char *extra = getenv("ESSAYLINT_DRAFTS");
    if (extra && *extra)
        walk_dir(extra, &count);
}

/* The grid count of a span. */
static size_t chars_of(const el_doc *doc, el_span s)
{
    size_t c = 0, h = 0;
    el_text_count(doc->plain.v + s.off, s.len, &c, &h);
    return c;
}

static el_doc *parse_as(const char *name, const char *text, enum el_input_format fmt)
{
    el_options opt = {0};
    opt.input = fmt;
    el_doc *doc = el_parse(name, text, strlen(text), &opt);
    assert_true(el_doc_ok(doc));
    return doc;
}

/* 论点1：title。body — the label opens a paragraph: title is the first sentence, body stays. */
static void test_inline_arg_label(void **state)
{
    (void)state;
    static const char *const labelled =
        "以特色产业绘就振兴新图景\n\n"
        "　　民族地区要振兴，关键在产业。必须立足资源、科技赋能、凝聚合力。\n\n"
        "　　论点1：立足资源禀赋，念好“山海经”。贵州省黔东南州打造“村超”品牌，接待游客1."
        "2万人次。\n\n"
        "　　论点2：坚持科技赋能，插上“数字翅膀”。内蒙古赤峰市开发“牧区云”平台，两万户牧民建档。\n"
        "\n"
        "　　分论点三：凝聚各方合力，画好“同心圆”。新疆喀什地区开办“双语夜校”，学员超5000人。\n\n"
        "　　“天下大事，必做于细。”民族地区振兴，要以产业筑基，以科技增效，以合力护航。\n";
    static const char *const bare =
        "以特色产业绘就振兴新图景\n\n"
        "　　民族地区要振兴，关键在产业。必须立足资源、科技赋能、凝聚合力。\n\n"
        "　　立足资源禀赋，念好“山海经”。贵州省黔东南州打造“村超”品牌，接待游客1.2万人次。\n\n"
        "　　坚持科技赋能，插上“数字翅膀”。内蒙古赤峰市开发“牧区云”平台，两万户牧民建档。\n\n"
        "　　凝聚各方合力，画好“同心圆”。新疆喀什地区开办“双语夜校”，学员超5000人。\n\n"
        "　　“天下大事，必做于细。”民族地区振兴，要以产业筑基，以科技增效，以合力护航。\n";
    el_doc *a = parse("l.txt", labelled), *b = parse("b.txt", bare);
    assert_kinds(a, "IAAAC");
    assert_kinds(b, "IAAAC");
    assert_span(a, a->sections.v[1].title, "立足资源禀赋，念好“山海经”");
    assert_span(a, a->sections.v[3].title, "凝聚各方合力，画好“同心圆”");
    assert_int_equal(a->sections.v[1].npara, 1);
    /* the paragraph is the text after the marker, its topic sentence included */
    assert_span(a, a->paras.v[1].txt,
                "立足资源禀赋，念好“山海经”。贵州省黔东南州打造“村超”品牌，接待游客1.2万人次。");
    assert_int_equal(a->roles[4], EL_ROLE_PARAGRAPH);
    assert_int_equal(a->counts.paragraphs, 5);
    assert_int_equal(a->counts.chars, b->counts.chars);
    check_roles(a);
    el_doc_free(a);
    el_doc_free(b);

    /* traps: a one-sentence label line and a title with a quoted question stay titles */
    a = parse(
        "t.txt",
        "题目短句\n\n　　开头一段。总论点在此。\n\n分论点一：坚持系统治理，统筹山水林田湖草沙。\n"
        "　　福建省推行河长制。\n\n"
        "论点2：回答“何以为民？”这一时代之问\n　　浙江省推行“最多跑一次”。\n\n"
        "　　总之，治理要久久为功。\n");
    assert_kinds(a, "IAAC");
    assert_span(a, a->sections.v[1].title, "坚持系统治理，统筹山水林田湖草沙");
    assert_span(a, a->sections.v[2].title, "回答“何以为民？”这一时代之问");
    assert_int_equal(a->roles[4], EL_ROLE_LABEL);
    assert_int_equal(a->sections.v[2].npara, 1);
    el_doc_free(a);
}

/* A `label：text` note on one line is one note: the essay goes on after it. */
static void test_same_line_note(void **state)
{
    (void)state;
    el_doc *doc =
        parse("n.txt", "让非遗焕发光彩\n\n"
                       "非物质文化遗产是民族文化的活态记忆。让非遗活起来，必须守正创新。\n\n"
                       "守护传承根脉是非遗保护的根本。山西省平遥县带徒授艺300多人。\n\n"
                       "点评：本段以平遥为例，论证扎实。\n\n"
                       "创新传播方式是非遗发展的动力。河南省开封市借助短视频推广年画。\n\n"
                       "写作分析：贴近年轻人，时代感强。\n\n"
                       "融入现代生活是非遗延续的出路。湖南省湘西州把苗绣做成文创产品。\n\n"
                       "【写作亮点】对策具体。\n【不足】缺少反面案例。\n\n"
                       "非遗是历史的，也是当代的。守住根脉，非遗之花必将绽放。\n");
    assert_kinds(doc, "IAAAC");
    assert_int_equal(doc->sections.v[1].nnote, 1);
    assert_int_equal(doc->sections.v[2].nnote, 1);
    assert_int_equal(doc->sections.v[3].nnote, 2); /* 【不足】 follows 【写作亮点】 */
    assert_span(doc, doc->notes.v[doc->sections.v[3].note0 + 1].label, "不足");
    assert_int_equal(doc->sections.v[4].npara, 1);
    assert_int_equal(doc->sections.v[4].nnote, 0);
    assert_int_equal(doc->counts.paragraphs, 5);
    check_roles(doc);
    el_doc_free(doc);

    /* Markdown: `**点评：**text` (literal `**`) and `**写作分析**：text`, then 总之 */
    doc = parse(
        "n.md",
        "# 让夜经济点亮城市\n\n夜间经济是城市活力的重要标志。\n\n"
        "## 一、丰富夜间业态\n\n重庆市推出夜游两江项目。\n\n**点评：**案例典型，数据有力。\n\n"
        "## 二、做好精细管理\n\n湖南省长沙市设立“夜间区长”。\n\n**写作分析**：对策具体。\n\n"
        "总之，夜经济点亮了城市，也温暖了人心。\n\n**写作分析：**排比收束。\n");
    assert_kinds(doc, "IAAC");
    assert_span(doc, doc->notes.v[0].txt, "案例典型，数据有力。");
    assert_int_equal(doc->sections.v[3].npara, 1);
    assert_int_equal(doc->sections.v[3].nnote, 1);
    check_roles(doc);
    el_doc_free(doc);

    /* trap: after an unnumbered same-line note, the essay's own "2." heading is no note */
    doc = parse(
        "t.txt",
        "题\n\n开头一段。总论点。\n\n1. 拓宽就业渠道\n\n江苏省南京市提供岗位。\n\n"
        "【点评】案例典型。\n\n2. 补齐民生短板\n\n湖南省长沙市建设基地。\n\n总之，稳就业。\n");
    assert_kinds(doc, "IAAC");
    assert_int_equal(doc->sections.v[1].nnote, 1);
    assert_int_equal(doc->roles[10], EL_ROLE_LABEL);
    el_doc_free(doc);
}

/* A whole-essay summary label with its text on the same line (plain, or bold in Markdown):
   the text is its first note, counted nowhere in the essay. */
static void test_same_line_summary(void **state)
{
    (void)state;
    static const char *const forms[][2] = {
        {"s.txt", "以法治护航民营经济\n\n民营经济是生力军。\n\n结语\n\n法治是最好的营商环境。\n\n"
                  "全文逻辑总结：总—分—总结构，三个分论点层层递进。\n"},
        {"s.md",
         "# 以法治护航民营经济\n\n民营经济是生力军。\n\n## 结语\n\n法治是最好的营商环境。\n\n"
         "**全文逻辑总结**：总—分—总结构，三个分论点层层递进。\n"},
    };
    for (size_t i = 0; i < 2; i++) {
        el_doc *doc = parse(forms[i][0], forms[i][1]);
        assert_kinds(doc, "ICS");
        const el_section *sc = &doc->sections.v[2];
        assert_span(doc, sc->title, "全文逻辑总结");
        assert_int_equal(sc->npara, 0);
        assert_int_equal(sc->nnote, 1);
        assert_span(doc, doc->notes.v[sc->note0].txt, "总—分—总结构，三个分论点层层递进。");
        assert_int_equal(doc->counts.paragraphs, 2);
        check_roles(doc);
        el_doc_free(doc);
    }
}

/* 【开头】, 【分论点一】, 【结尾】 with their paragraph on the same line: the label opens its
   section and its paragraph, and is no part of the text (nor of its count). */
static void test_bracket_labels_with_text(void **state)
{
    (void)state;
    el_doc *doc =
        parse("b.txt", "【标题】以开放促发展\n\n"
                       "【开头】开放是当代中国的鲜明标识。\n\n"
                       "【分论点一】以制度型开放对接规则。海南自由贸易港实施零关税政策。\n\n"
                       "【分论点二】以自贸区建设探索新路。上海临港新片区签约项目众多。\n\n"
                       "【结尾】我们要坚定不移推进高水平对外开放。\n");
    assert_kinds(doc, "IAAC");
    assert_span(doc, doc->sections.v[0].title, "开头");
    assert_span(doc, doc->sections.v[1].title, "以制度型开放对接规则");
    assert_span(doc, doc->sections.v[2].title, "以自贸区建设探索新路");
    assert_span(doc, doc->sections.v[3].title, "结尾");
    assert_span(doc, doc->paras.v[0].txt, "开放是当代中国的鲜明标识。");
    assert_span(doc, doc->paras.v[1].txt, "以制度型开放对接规则。海南自由贸易港实施零关税政策。");
    assert_span(doc, doc->paras.v[3].txt, "我们要坚定不移推进高水平对外开放。");
    assert_int_equal(doc->counts.paragraphs, 4);
    check_roles(doc);
    el_doc_free(doc);
}

/* A label alone on its line titles its section without its brackets or final colon; 【总论点】
   with the thesis on its line opens the intro as 【开头】 does and is the theme as well,
   总论点： alone is the theme only. */
static void test_label_titles(void **state)
{
    (void)state;
    static const char *const forms[] = {"结尾：", "结尾", "【结尾】", "结尾:", "结尾 ："};
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        char text[512];
        snprintf(text, sizeof text,
                 "标题：守护文化根脉\n\n开头：\n文化遗产是中华文明的“金色名片”。\n\n"
                 "分论点一：以保护为前提。\n山西省开展文物普查。\n\n%s\n我们责无旁贷。\n",
                 forms[i]);
        el_doc *doc = parse("t.txt", text);
        assert_kinds(doc, "IAC");
        assert_span(doc, doc->sections.v[0].title, "开头");
        assert_span(doc, doc->sections.v[2].title, "结尾");
        check_roles(doc);
        el_doc_free(doc);
    }
    /* a label line's title drops its final stop, as an inline label's does; quotes stay */
    el_doc *doc =
        parse("t.txt", "标题：家风\n\n【分论点一】以家教立德，让好家风成为修身的“第一课堂”。\n"
                       "家庭教育是人生的第一堂课。\n\n"
                       "分论点二：以家风促政风！\n福建省南平市开展创建活动。\n");
    assert_kinds(doc, "AA");
    assert_span(doc, doc->sections.v[0].title, "以家教立德，让好家风成为修身的“第一课堂”");
    assert_span(doc, doc->sections.v[1].title, "以家风促政风");
    check_roles(doc);
    el_doc_free(doc);
    doc = parse("t.txt", "总领段(1-2 段)\n开放是当代中国的鲜明标识。\n\n"
                         "分论点一：以制度型开放对接规则。\n海南自由贸易港实施零关税政策。\n");
    assert_span(doc, doc->sections.v[0].title, "总领段(1-2 段)");
    el_doc_free(doc);

    doc = parse("t.txt", "标题：守护文化根脉\n\n"
                         "【总论点】文化遗产是中华文明的“金色名片”，保护好它是历史责任。\n\n"
                         "分论点一：以保护为前提。\n山西省开展文物普查。\n");
    assert_kinds(doc, "IA");
    assert_span(doc, doc->sections.v[0].title, "总论点");
    assert_span(doc, doc->sections.v[1].title, "以保护为前提");
    assert_span(doc, doc->paras.v[0].txt, "文化遗产是中华文明的“金色名片”，保护好它是历史责任。");
    /* the line states the thesis: it is the theme too (and stays the intro's paragraph) */
    assert_span(doc, doc->theme, "文化遗产是中华文明的“金色名片”，保护好它是历史责任。");
    check_roles(doc);
    el_doc_free(doc);

    doc = parse("t.txt", "标题：守护文化根脉\n\n总论点：文化遗产是中华文明的“金色名片”。\n\n"
                         "开头：\n保护文化遗产是我们的责任。\n\n"
                         "分论点一：以保护为前提。\n山西省开展文物普查。\n");
    assert_kinds(doc, "IA");
    assert_span(doc, doc->theme, "文化遗产是中华文明的“金色名片”。");
    check_roles(doc);
    el_doc_free(doc);
}

/* A note before any section (on the title) goes with the section that opens next; notes with
   no section after them make an "other" one. */
static void test_title_note(void **state)
{
    (void)state;
    el_doc *doc = parse("t.md", "# 筑牢粮食安全“压舱石”\n\n> 【写作分析】标题用比喻，点明主题。\n\n"
                                "粮食安全是“国之大者”。\n\n## 一、守住耕地红线\n\n"
                                "黑龙江省推行黑土地保护。\n");
    assert_kinds(doc, "IA");
    assert_int_equal(doc->sections.v[0].nnote, 1);
    assert_int_equal(doc->sections.v[0].note0, 0);
    assert_span(doc, doc->notes.v[0].txt, "标题用比喻，点明主题。");
    assert_int_equal(doc->sections.v[1].note0, 1);
    assert_int_equal(doc->sections.v[1].nnote, 0);
    check_roles(doc);
    el_doc_free(doc);

    doc = parse("t.txt", "标题：粮食安全\n\n【写作分析】标题用比喻，点明主题。\n");
    assert_kinds(doc, "O");
    assert_int_equal(doc->sections.v[0].nnote, 1);
    assert_int_equal(doc->sections.v[0].line, 3);
    check_roles(doc);
    el_doc_free(doc);
}

/* After a header over the essay (…范文（附写作思路）), the prompt is lead-in noise whatever its
   label (【题目要求】, 题目要求：, 【作文题目】), and the title after 【范文】 is the title. */
static void test_header_then_prompt(void **state)
{
    (void)state;
    static const char *const prompts[] = {"【题目要求】", "题目要求：", "【作文题目】",
                                          "【写作要求】"};
    for (size_t i = 0; i < sizeof prompts / sizeof prompts[0]; i++) {
        char text[1024];
        snprintf(text, sizeof text,
                 "2025年省考申论大作文范文（附写作思路）\n\n"
                 "%s请结合给定资料，围绕“绿色发展”自拟题目，写一篇议论文，字数1000字左右。\n\n"
                 "【范文】\n\n绿水青山绘就高质量发展新画卷\n\n"
                 "绿色是高质量发展的底色，生态文明建设成效显著。\n\n"
                 "1. 以理念之变引领发展之变\n浙江省安吉县余村关停矿山，发展生态旅游。\n",
                 prompts[i]);
        el_doc *doc = parse("t.txt", text);
        assert_span(doc, doc->title, "绿水青山绘就高质量发展新画卷");
        assert_kinds(doc, "IA");
        assert_span(doc, doc->sections.v[1].title, "以理念之变引领发展之变");
        assert_int_equal(doc->counts.paragraphs, 2);
        check_roles(doc);
        el_doc_free(doc);
    }
}

/* A bare note label's run ends at argument markers, at prose after items, at essay text. */
static void test_note_run_ends(void **state)
{
    (void)state;
    /* flush-left paragraphs after numbered note items */
    el_doc *doc =
        parse("r.txt", "以法治护航营商环境\n\n"
                       "法治是最好的营商环境。优化营商环境，必须让法治贯穿全过程。\n\n"
                       "写作分析\n1. 开门见山，提出总论点。\n2. 三个环节为下文铺垫。\n\n"
                       "科学立法是优化营商环境的前提。广东省深圳市出台条例，企业信心增强。\n\n"
                       "写作分析\n1. 以深圳立法为例。\n\n"
                       "严格执法是优化营商环境的关键。江苏省苏州市推行“首违不罚”清单。\n\n"
                       "公正司法是优化营商环境的保障。浙江省杭州市设立互联网法院。\n\n"
                       "法治兴则市场兴。以法治之力稳预期、强信心，经济活力必将充分涌流。\n");
    assert_kinds(doc, "IAAAC");
    assert_int_equal(doc->sections.v[0].nnote, 2);
    assert_int_equal(doc->sections.v[1].nnote, 1);
    assert_int_equal(doc->counts.paragraphs, 5);
    check_roles(doc);
    el_doc_free(doc);

    /* plain text: 二、 heading after （1）/① items ends the notes; · bullets are stripped */
    doc = parse("f.txt", "以小切口推动大治理\n"
                         "　　社区治理千头万绪，找准小切口才能做好大文章。\n"
                         "一、从停车难入手\n　　江苏省南京市新增停车位1万余个。\n"
                         "解析：\n（1）案例引入：以南京为例。\n（2）数据支撑：具体可感。\n"
                         "二、从加装电梯入手\n　　北京市老旧小区加装电梯3000余部。\n"
                         "评析\n① 案例引入：以北京为例。\n"
                         "三、从垃圾分类入手\n　　上海市居民区分类达标率超过95%。\n"
                         "名师点评\n· 案例典型\n· 数据充分\n"
                         "结尾\n　　小切口连着大民生。\n");
    assert_kinds(doc, "IAAAC");
    assert_int_equal(doc->sections.v[2].npara, 1);
    assert_int_equal(doc->sections.v[2].nnote, 1);
    assert_int_equal(doc->sections.v[3].npara, 1);
    assert_span(doc, doc->notes.v[doc->sections.v[3].note0].txt, "案例典型");
    check_roles(doc);
    el_doc_free(doc);

    /* traps: label：text items and unnumbered short remarks go on as notes */
    doc = parse("k.txt",
                "题目的话\n\n开头段。\n\n基层党组织是基层治理的压舱石。上海市推行楼组长制度。\n\n"
                "写作分析\n\n正反对比:上海与某村对比,凸显必要性。\n数据实证:量化成果增强可信度。\n"
                "对策具象化:提出具体措施。\n\n结尾段。\n");
    assert_int_equal(doc->notes.n, 3);
    assert_span(doc, doc->notes.v[1].label, "数据实证");
    el_doc_free(doc);
    doc = parse("m.txt",
                "题目的话\n\n开头段。\n\n第一段论述。浙江省案例。\n\n点评\n本段论证扎实。\n"
                "案例新颖，贴近生活。\n\n"
                "总而言之，基层治理是一篇大文章。只有久久为功、久久为功地抓落实，才能把群众的"
                "急难愁盼一件件办好。\n");
    assert_int_equal(doc->notes.n, 2);
    el_doc_free(doc);
}

/* Markdown: a label line with its items under it and no blank line is split into lines. */
static void test_md_label_paragraph(void **state)
{
    (void)state;
    el_doc *doc =
        parse("s.md", "# 提升基层应急能力\n\n"
                      "基层是应急管理的前沿阵地。提升基层应急能力，必须补短板、强队伍。\n\n"
                      "一是补齐物资短板。福建省龙岩市为每个村配备应急物资箱。\n\n"
                      "写作分析：\n1.\n正反对比：龙岩与某村对照。\n2.\n数据支撑：具体可感。\n\n"
                      "二是建强应急队伍。甘肃省天水市组建村级应急分队1200余支。\n\n"
                      "写作分析\n案例引入：以天水为例。\n对策具体：体现为民情怀。\n\n"
                      "三是常态开展演练。河南省郑州市社区每季度组织一次疏散演练。\n\n"
                      "安全无小事，防范胜于救灾。\n");
    assert_kinds(doc, "IAAAC");
    assert_int_equal(doc->sections.v[1].nnote, 2);
    const el_note *nt = &doc->notes.v[doc->sections.v[1].note0];
    assert_span(doc, nt->label, "正反对比");
    assert_int_equal(nt->line, 8); /* the number's line */
    assert_int_equal(doc->sections.v[2].nnote, 2);
    assert_span(doc, doc->notes.v[doc->sections.v[2].note0 + 1].label, "对策具体");
    check_roles(doc);
    el_doc_free(doc);

    /* numbers alone with blank lines around are empty list items: still note numbers */
    doc = parse(
        "e.md",
        "# 题目\n\n开头一段，提出总论点。\n\n写作分析\n\n1.\n\n案例引入：以苏州为例。\n\n2.\n\n"
        "数据支撑：具体可感。\n\n-\n\n结尾一段。\n");
    assert_int_equal(doc->notes.n, 2);
    assert_int_equal(doc->notes.v[0].line, 7);
    assert_span(doc, doc->notes.v[1].label, "数据支撑");
    assert_int_equal(doc->roles[6], EL_ROLE_NOTE);
    check_roles(doc);
    el_doc_free(doc);

    /* a plain draft saved as .md: title line, then one paragraph a line */
    doc = parse(
        "p.md",
        "以全民阅读点亮书香社会\n"
        "阅读是一个民族的精神底色，也是城市文明的重要标尺。推动全民阅读，要完善设施、丰富供给。\n"
        "一是完善阅读设施，让书香触手可及。浙江省温州市建成城市书房一百余家，市民就近阅读。\n"
        "二是丰富阅读供给，让书香浸润心田。湖北省武汉市推出阅读地图，串联起书店和图书馆。\n"
        "以全民阅读点亮书香社会，需要久久为功。唯有完善设施、丰富供给，书香才能浸润城市。\n");
    assert_span(doc, doc->title, "以全民阅读点亮书香社会");
    assert_kinds(doc, "IAAC");
    check_roles(doc);
    el_doc_free(doc);

    /* traps: a hard-wrapped Markdown paragraph stays one paragraph */
    doc = parse("w.md",
                "# 题\n\n近年来，各地加快建设数字政府，\n数字化转型已经成为治理理念的深刻变革，\n"
                "群众办事更加便捷。\n");
    assert_int_equal(doc->counts.paragraphs, 1);
    assert_int_equal(doc->blocks.n, 2);
    el_doc_free(doc);
    doc = parse("v.md",
                "# 题\n\n数字政府建设正当其时\n要坚持以人民为中心，把群众满意作为最高标准。\n");
    assert_int_equal(doc->blocks.n, 3); /* a short line then a longer one: split */
    el_doc_free(doc);
}

/* 【题目】 and its prompt before an essay without a title; a header line over the essay. */
static void test_noise_forms(void **state)
{
    (void)state;
    /* 【题目】 and 【背景材料】 with their text on the same line are lead-in, then the title. */
    el_doc *doc =
        parse("s.txt", "【题目】请结合给定资料，自拟题目，写一篇议论文。\n"
                       "【背景材料】截至2023年，我国已有8155个村落列入中国传统村落名录。\n"
                       "守住乡愁根脉 激活古村新生\n"
                       "传统村落是中华农耕文明的“活化石”，保护传统村落就是守护文化根脉。\n");
    assert_span(doc, doc->title, "守住乡愁根脉 激活古村新生");
    assert_int_equal(doc->roles[0], EL_ROLE_LABEL);
    assert_int_equal(doc->roles[1], EL_ROLE_LABEL);
    assert_int_equal(doc->counts.paragraphs, 1);
    el_doc_free(doc);
    /* ... but 【题目】 with a title after it is the title */
    doc = parse("t.txt", "【题目】以全民阅读点亮书香社会\n阅读是一个民族精神发育的基础。\n");
    assert_span(doc, doc->title, "以全民阅读点亮书香社会");
    el_doc_free(doc);

    doc =
        parse("q.txt", "【题目】\n参考给定资料，围绕“社区养老”自选角度，自拟题目，写一篇文章。\n\n"
                       "　　人口老龄化是我国的基本国情。让老年人老有所养，社区养老是重要一环。\n"
                       "　　首先，要建好养老服务设施。江苏省南京市建成服务中心1000余个。\n"
                       "　　其次，要壮大专业护理队伍。山东省济南市培训护理员5000余名。\n"
                       "　　最后，要创新服务模式。上海市推广“时间银行”。\n"
                       "　　总之，办好社区养老，是对每一位老人的温情守护。\n");
    assert_int_equal(doc->title.len, 0);
    assert_kinds(doc, "IAAAC");
    assert_int_equal(doc->roles[1], EL_ROLE_LABEL);
    assert_int_equal(doc->counts.paragraphs, 5);
    el_doc_free(doc);

    doc = parse("h.txt", "2024年省考申论大作文范文（附写作思路）\n"
                         "　　　　以“数字乡村”赋能乡村振兴\n"
                         "　　数字技术正在深刻改变乡村面貌。建设数字乡村，必须同步发力。\n"
                         "　　完善数字基础设施是前提。贵州省实现光纤全覆盖。\n"
                         "　　数字乡村建设正当其时。\n");
    assert_span(doc, doc->title, "以“数字乡村”赋能乡村振兴");
    assert_int_equal(doc->roles[0], EL_ROLE_LABEL);
    el_doc_free(doc);

    /* a quoted statement after the prompt, then 【范文】: all lead-in */
    doc = parse("r.txt",
                "【题目】\n请以下面这句话为话题写一篇文章。\n"
                "　　“民生无小事，枝叶总关情。”这句话道出了为民服务的真谛，值得我们深思。\n"
                "【范文】\n让民生温度可感可及\n　　民生连着民心。\n　　总之，要办好民生实事。\n");
    assert_span(doc, doc->title, "让民生温度可感可及");
    assert_int_equal(doc->roles[2], EL_ROLE_LABEL);
    assert_int_equal(doc->counts.paragraphs, 2);
    check_roles(doc);
    el_doc_free(doc);

    /* traps: 【背景材料】 text stays noise; a plain title line stays the title */
    doc = parse("m.txt", "【背景材料】\n近年来，高校毕业生规模持续增长，青年就业面临新形势新挑战，"
                         "部分毕业生慢就业。\n"
                         "稳住青年就业基本盘\n　　青年是国家的未来。\n　　总之，要稳就业。\n");
    assert_span(doc, doc->title, "稳住青年就业基本盘");
    assert_int_equal(doc->roles[1], EL_ROLE_LABEL);
    el_doc_free(doc);
    doc = parse("t.txt", "以申论之笔书写青春\n\n青年是国家的未来。\n");
    assert_span(doc, doc->title, "以申论之笔书写青春");
    el_doc_free(doc);
}

/* Blank-line-separated blocks of hard-wrapped lines are one paragraph each. */
static void test_hardwrap_blocks(void **state)
{
    (void)state;
    const char *text = "让志愿服务成为城市温暖底色\n\n"
                       "志愿服务是社会文明进步的重要标志。一座城市的温度，\n"
                       "往往体现在志愿者的身影里。推动志愿服务常态化，需要\n"
                       "完善机制、壮大队伍、强化保障。\n\n"
                       "完善激励机制是志愿服务常态化的前提。广东省广州市推行\n"
                       "“志愿积分”兑换，注册志愿者超过400万人。\n\n"
                       "壮大志愿队伍是志愿服务常态化的基础。湖北省武汉市组建\n"
                       "社区志愿服务队2000余支，覆盖全部社区。\n\n"
                       "强化服务保障是志愿服务常态化的关键。北京市为志愿者\n"
                       "购买意外保险，解除了志愿者的后顾之忧。\n\n"
                       "赠人玫瑰，手有余香。让志愿服务成为每个人的生活方式，\n"
                       "城市就会处处涌动暖流。\n";
    el_doc *doc = parse("w.txt", text);
    assert_kinds(doc, "IAAAC");
    assert_int_equal(doc->counts.paragraphs, 5);
    assert_span(doc, doc->sections.v[1].title, "完善激励机制是志愿服务常态化的前提");
    assert_int_equal(doc->paras.v[1].line, 7);
    for (size_t ln = 3; ln <= 5; ln++)
        assert_int_equal(doc->roles[ln - 1], EL_ROLE_PARAGRAPH);
    /* positions stay exact: 往 (line 4, column 1) maps back to its own bytes */
    const char *p = strstr(doc->plain.v, "往往");
    assert_non_null(p);
    size_t src = el_doc_src(doc, (size_t)(p - doc->plain.v)), line, col;
    el_doc_pos(doc, src, &line, &col);
    assert_int_equal(line, 4);
    assert_int_equal(col, 1);
    check_roles(doc);
    el_doc_free(doc);

    /* traps: note blocks and lines that end sentences are not joined */
    doc = parse(
        "n.txt",
        "以法治护航营商环境\n\n法治是最好的营商环境。\n\n写作分析\n1. 开门见山，提出总论点。\n"
        "2. 三个环节为下文铺垫。\n\n科学立法是前提。广东省深圳市出台条例。\n");
    assert_int_equal(doc->notes.n, 2);
    assert_int_equal(doc->blocks.n, 6);
    el_doc_free(doc);
    doc =
        parse("s.txt", "短句的题目\n\n春眠不觉晓，\n处处闻啼鸟。\n\n夜来风雨声，\n花落知多少。\n");
    assert_int_equal(doc->blocks.n, 5); /* short lines are verse, not wraps */
    el_doc_free(doc);
}

/* A second intro paragraph that states the thesis; a closing quotation that opens the end. */
static void test_intro_and_closing_inference(void **state)
{
    (void)state;
    el_doc *doc = parse(
        "i.txt",
        "以清廉之风涵养政治生态\n\n"
        "在福建省某县，一名村干部因截留扶贫款被查处；在浙江省某市，“清廉村居”建设让村务公开成为常态"
        "。\n\n"
        "清廉是最好的政治生态。推进清廉建设，必须坚持制度约束、监督有力、文化引领三管齐下。\n\n"
        "健全制度是清廉建设的基础。江苏省推行“小微权力清单”。\n\n"
        "强化监督是清廉建设的关键。四川省成都市开通“阳光村务”平台。\n\n"
        "涵养文化是清廉建设的根本。安徽省开展家风家训教育。\n\n"
        "风清则气正，气正则心齐。\n");
    assert_kinds(doc, "IAAAC");
    assert_int_equal(doc->sections.v[0].npara, 2);
    assert_span(doc, doc->sections.v[1].title, "健全制度是清廉建设的基础");
    el_doc_free(doc);

    doc = parse("q.txt",
                "让绿色出行成为新时尚\n\n"
                "交通拥堵、尾气污染是不少城市的“通病”。倡导绿色出行，既是治理城市病的良方，也是建设"
                "美丽中国的要求。\n\n"
                "完善公共交通是绿色出行的基础。广东省深圳市实现公交车全面电动化，每年减少碳排放约13"
                "0万吨。\n\n"
                "优化慢行系统是绿色出行的保障。浙江省杭州市建设公共自行车网点4000余个，方便市民短途"
                "出行。\n\n"
                "“一花独放不是春，百花齐放春满园。”绿色出行需要政府、企业和市民同向发力。\n\n"
                "让我们从今天做起，少开一天车，多走一段路，守护城市的蓝天。\n");
    assert_kinds(doc, "IAAC");
    assert_int_equal(doc->sections.v[3].npara, 2);
    el_doc_free(doc);

    /* traps: parallel arguments from paragraph 1 keep a one-paragraph intro; a long argument
       that opens with a quotation stays an argument */
    doc = parse("p.txt", "让全民阅读成为风尚\n\n阅读是一个民族的精神底色，也是城市文明的标尺。推动"
                         "全民阅读，要多方发力。\n\n"
                         "完善阅读设施是推动全民阅读的基础。浙江省建成城市书房。\n\n"
                         "丰富阅读内容是推动全民阅读的关键。湖北省推出阅读地图。\n\n"
                         "营造阅读氛围是推动全民阅读的保障。四川省举办书香节。\n\n"
                         "优化阅读服务是推动全民阅读的支撑。广东省推出流动书车。\n\n"
                         "书香社会，未来可期。\n");
    assert_kinds(doc, "IAAAAC");
    el_doc_free(doc);
    doc = parse("r.txt", "题目在此\n\n开头段落引出话题，并提出总论点：民生工作要多方协同发力。\n\n"
                         "第一个论点是基础。浙江省杭州市开展活动，惠及群众十万余人，效果明显。\n\n"
                         "第二个论点是关键。广东省深圳市推出平台，服务企业两千余家，好评如潮。\n\n"
                         "“民生无小事，枝叶总关情。”第三个论点是保障。四川省成都市建设社区食堂三百"
                         "余个，解决老人吃饭难题，群众满意度很高。\n\n"
                         "结尾段落收束全文。\n");
    assert_kinds(doc, "IAAAC");
    el_doc_free(doc);
}

/* `**` / `__` that CommonMark leaves literal are neither text nor counted; positions stay. */
static void test_stray_emphasis_counts(void **state)
{
    (void)state;
    el_doc *doc = parse("e.md", "# 建设**“韧性城市”**，守护城市安全\n\n"
                                "宁波推行**“红管家”**做法。\n\n"
                                "## 一、完善__基础设施__\n\n郑州改造管网。\n\n"
                                "> **写作分析：**\n> - **案例：**郑州改造管网。\n\n"
                                "代码 `a**b` 保留。\n");
    assert_span(doc, doc->title, "建设“韧性城市”，守护城市安全");
    assert_span(doc, doc->paras.v[0].txt, "宁波推行“红管家”做法。");
    assert_int_equal(doc->paras.v[0].chars, 12);
    assert_span(doc, doc->sections.v[1].title, "完善基础设施");
    assert_int_equal(doc->notes.n, 1);
    assert_span(doc, doc->notes.v[0].label, "案例");
    assert_span(doc, doc->notes.v[0].txt, "郑州改造管网。");
    assert_span(doc, doc->paras.v[doc->paras.n - 1].txt, "代码 a**b 保留。");
    /* 做 after the dropped `**` maps to its own column (line 3, column 14) */
    const char *p = strstr(doc->plain.v, "做法");
    size_t line, col;
    el_doc_pos(doc, el_doc_src(doc, (size_t)(p - doc->plain.v)), &line, &col);
    assert_int_equal(line, 3);
    assert_int_equal(col, 14);
    check_roles(doc);
    el_doc_free(doc);
}

/* 04 (Markdown) and 05 (plain) are one essay: the same tree and counts. */
static void test_sample_twins(void **state)
{
    (void)state;
    char *buf[2];
    size_t len[2];
    const char *code;
    char *msg;
    static const char *const path[2] = {"samples/04-digital-gov.md",
                                        "samples/05-digital-gov-numbered.txt"};
    for (int i = 0; i < 2; i++)
        if (!el_input_read(path[i], 1 << 20, &buf[i], &len[i], &code, &msg)) {
            free(msg);
            if (i)
                free(buf[0]);
            skip();
        }
    el_doc *a = el_parse(path[0], buf[0], len[0], NULL);
    el_doc *b = el_parse(path[1], buf[1], len[1], NULL);
    free(buf[0]);
    free(buf[1]);
    assert_int_equal(a->sections.n, b->sections.n);
    for (size_t i = 0; i < a->sections.n; i++) {
        const el_section *x = &a->sections.v[i], *y = &b->sections.v[i];
        assert_int_equal(x->kind, y->kind);
        assert_int_equal(x->npara, y->npara);
        if (x->kind == EL_SEC_ARGUMENT) {
            char *tx = span(a, x->title), *ty = span(b, y->title);
            assert_string_equal(tx, ty);
            free(tx);
            free(ty);
        }
    }
    char *ta = span(a, a->title), *tb = span(b, b->title);
    assert_string_equal(ta, tb);
    free(ta);
    free(tb);
    assert_int_equal(a->counts.chars, b->counts.chars);
    assert_int_equal(a->counts.paragraphs, b->counts.paragraphs);
    assert_int_equal(chars_of(a, a->title), chars_of(b, b->title));
    el_doc_free(a);
    el_doc_free(b);
}

/* stdin is Markdown when its content says so; --input overrides name and content. */
static void test_format_detection(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        enum el_input_format want;
    } cases[] = {
        {"# 标题\n\n正文。\n", EL_INPUT_MARKDOWN},
        {"标题\n\n> **写作分析**\n", EL_INPUT_MARKDOWN},
        {"标题\n\n- 一项\n", EL_INPUT_MARKDOWN},
        {"标题\n　　正文一段。\n", EL_INPUT_TEXT},
        {"#标签 不是标题\n正文。\n", EL_INPUT_TEXT},
        {"1.2 万起纠纷\n-3 度\n", EL_INPUT_TEXT},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        el_doc *doc = parse("-", cases[i].text);
        assert_int_equal(doc->format, cases[i].want);
        el_doc_free(doc);
    }
    el_doc *doc = parse_as("x.txt", "# 数字政府\n\n正文。\n", EL_INPUT_MARKDOWN);
    assert_int_equal(doc->format, EL_INPUT_MARKDOWN);
    assert_span(doc, doc->title, "数字政府");
    el_doc_free(doc);
    doc = parse_as("x.md", "# 数字政府\n\n正文。\n", EL_INPUT_TEXT);
    assert_int_equal(doc->format, EL_INPUT_TEXT);
    assert_span(doc, doc->title, "数字政府"); /* the mark is dropped as stray markup */
    el_doc_free(doc);
    /* --debug-blocks prints these role names */
    assert_string_equal(el_section_role_name(EL_ROLE_NONE), "-");
    assert_string_equal(el_section_role_name(EL_ROLE_PARAGRAPH), "paragraph");
    assert_string_equal(el_section_role_name(EL_ROLE_NOTE), "note");
}

/* Ordered-list item numbers in O(1) each: a list of many items stays linear. */
static void test_long_ordered_list(void **state)
{
    (void)state;
    const size_t items = 50000;
    char *text = xmalloc(items * 16 + 64);
    size_t n = (size_t)sprintf(text, "# 题\n\n");
    for (size_t i = 0; i < items; i++)
        n += (size_t)sprintf(text + n, "%zu. 项\n", i + 3);
    el_doc *doc = el_parse("l.md", text, n, NULL);
    free(text);
    assert_true(el_doc_ok(doc));
    const el_block *last = &doc->blocks.v[doc->blocks.n - 1];
    assert_int_equal(last->list_num, (int)(items + 2));
    assert_int_equal(doc->blocks.v[1].list_num, 3);
    el_doc_free(doc);
}

/* Every line of an HTML comment, a setext heading and a break gets a role, no line more. */
static void test_md_line_ranges(void **state)
{
    (void)state;
    el_doc *doc = parse("r.md", "段一。\n\n<!--\n批注\n-->\n\n设置标题\n---\n\n***\n段二。\n");
    check_roles(doc);
    assert_int_equal(doc->roles[4], EL_ROLE_LABEL); /* --> */
    assert_int_equal(doc->roles[10], EL_ROLE_PARAGRAPH);
    el_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arg_markers),
        cmocka_unit_test(test_reference_essay),
        cmocka_unit_test(test_markdown_headings_and_notes),
        cmocka_unit_test(test_note_label_stops_at_comma),
        cmocka_unit_test(test_stray_emphasis),
        cmocka_unit_test(test_lead_in_noise),
        cmocka_unit_test(test_bracket_notes),
        cmocka_unit_test(test_label_lines),
        cmocka_unit_test(test_unlabelled_inference),
        cmocka_unit_test(test_markdown_equals_plain),
        cmocka_unit_test(test_inline_arg_label),
        cmocka_unit_test(test_same_line_note),
        cmocka_unit_test(test_same_line_summary),
        cmocka_unit_test(test_bracket_labels_with_text),
        cmocka_unit_test(test_label_titles),
        cmocka_unit_test(test_title_note),
        cmocka_unit_test(test_header_then_prompt),
        cmocka_unit_test(test_note_run_ends),
        cmocka_unit_test(test_md_label_paragraph),
        cmocka_unit_test(test_noise_forms),
        cmocka_unit_test(test_hardwrap_blocks),
        cmocka_unit_test(test_intro_and_closing_inference),
        cmocka_unit_test(test_stray_emphasis_counts),
        cmocka_unit_test(test_sample_twins),
        cmocka_unit_test(test_format_detection),
        cmocka_unit_test(test_long_ordered_list),
        cmocka_unit_test(test_md_line_ranges),
        cmocka_unit_test(test_nothing_lost),
    };
    return cmocka_run_group_tests_name("section", tests, NULL, NULL);
}
