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

static el_doc *parse(const char *name, const char *text)
{
    el_doc *doc = el_parse(name, text, strlen(text), NULL);
    assert_true(el_doc_ok(doc));
    return doc;
}

static char *span(const el_doc *doc, el_span s)
{
    return xstrndup(doc->plain.v + s.off, s.len);
}

static void assert_span(const el_doc *doc, el_span s, const char *want)
{
    char *got = span(doc, s);
    assert_string_equal(got, want);
    free(got);
}

/* The section kinds as a string like "IAAAC" (Intro Argument Conclusion Summary Other). */
static void assert_kinds(const el_doc *doc, const char *want)
{
    char got[64] = {0};
    for (size_t i = 0; i < doc->sections.n && i < 63; i++)
        got[i] = "IACSO"[doc->sections.v[i].kind];
    assert_string_equal(got, want);
}

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

/* A line with something besides whitespace and Markdown markup characters. */
static bool has_content(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (strchr(" \t>-*+_=#`~|", c))
            continue;
        if (c == 0xE3 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
            (unsigned char)s[i + 2] == 0x80) {
            i += 2;
            continue;
        }
        return true;
    }
    return false;
}

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
    if (el_doc_ok(doc)) {
        for (size_t ln = 1; ln <= doc->lines.n; ln++) {
            size_t a = doc->lines.v[ln - 1];
            size_t b = ln < doc->lines.n ? doc->lines.v[ln] - 1 : doc->len;
            if (has_content(doc->text + a, b - a) && doc->roles[ln - 1] == EL_ROLE_NONE) {
                fprintf(stderr, "%s:%zu: line has no role\n", path, ln);
                fail();
            }
        }
        /* roles are consistent with the tree: paragraphs and notes are where they say */
        for (size_t i = 0; i < doc->paras.n; i++)
            assert_int_equal(doc->roles[doc->paras.v[i].line - 1], EL_ROLE_PARAGRAPH);
        for (size_t i = 0; i < doc->notes.n; i++)
            assert_int_equal(doc->roles[doc->notes.v[i].line - 1], EL_ROLE_NOTE);
    }
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
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arg_markers),
        cmocka_unit_test(test_reference_essay),
        cmocka_unit_test(test_markdown_headings_and_notes),
        cmocka_unit_test(test_stray_emphasis),
        cmocka_unit_test(test_lead_in_noise),
        cmocka_unit_test(test_bracket_notes),
        cmocka_unit_test(test_label_lines),
        cmocka_unit_test(test_unlabelled_inference),
        cmocka_unit_test(test_markdown_equals_plain),
        cmocka_unit_test(test_nothing_lost),
    };
    return cmocka_run_group_tests_name("section", tests, NULL, NULL);
}
