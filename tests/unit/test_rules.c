/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for the rule table and the lint pass: the table itself, message
 * formatting, every rule that works from the text alone (the evidence and
 * quote/misquoted rules also need the extractors: tests/rules/ covers them end
 * to end), positions, configuration, inline suppression, the per-file cap and
 * the linear-time guarantee on hostile input.
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

#include "config.h"
#include "doc.h"
#include "lint.h"
#include "rules.h"

static el_doc *analyse(const char *name, const char *text, const el_config *cfg)
{
    el_doc *doc = el_parse(name, text, strlen(text), NULL);
    assert_true(el_doc_ok(doc));
    el_analyze(doc, cfg);
    return doc;
}

static size_t count(const el_doc *doc, int rule)
{
    size_t n = 0;
    for (size_t i = 0; i < doc->findings.n; i++)
        n += doc->findings.v[i].rule == rule;
    return n;
}

static const el_finding *nth(const el_doc *doc, int rule, size_t k)
{
    for (size_t i = 0; i < doc->findings.n; i++)
        if (doc->findings.v[i].rule == rule && k-- == 0)
            return &doc->findings.v[i];
    return NULL;
}

static void assert_pos(const el_doc *doc, const el_finding *f, size_t line, size_t col)
{
    assert_non_null(f);
    size_t l, c;
    el_doc_pos(doc, f->src_off, &l, &c);
    assert_int_equal(l, line);
    assert_int_equal(c, col);
}

static void assert_message(const el_finding *f, bool en, const char *want)
{
    assert_non_null(f);
    char *m = el_finding_message(f, en);
    assert_string_equal(m, want);
    free(m);
}

/* A full-length, clean essay (about 1100 characters) used as the base of variants. */
static const char *const essay_title = "　　　　以全民阅读点亮书香社会\n";
static const char *const essay_intro =
    "　　“读书破万卷，下笔如有神。”阅读不仅关乎个人的精神成长，更关乎一座城市的文明厚度、一个"
    "民族的精神高度。书籍是人类进步的阶梯，阅读是传承文明、更新知识、提高素质的重要途径。近年来"
    "，浙江省温州市推出“城市书房”，全市建成24小时自助书房100余家；四川省成都市开展“书香"
    "天府”全民阅读季，年度借阅量突破800万册。然而，一些地方仍存在阅读设施“建而不用”、优质"
    "内容供给不足、阅读氛围不浓等问题。推动全民阅读，必须在设施、供给、氛围上同时发力，让书香浸"
    "润城市的每个角落。\n";
static const char *const essay_args[] = {
    "　　完善阅读设施，让书香触手可及。阅读设施是全民阅读的硬支撑。江苏省苏州市推行“15分钟阅"
    "读圈”，把城市书房嵌入社区、公园和地铁站，市民步行一刻钟即可借书还书，2023年到馆人次超"
    "过600万。一些新建小区也在配套用房中预留了阅读空间，方便居民就近阅读。反观某县，图书馆建"
    "成后常年大门紧闭，藏书蒙尘，沦为摆设。究其原因，在于重建设、轻运营，缺少专业管理和群众参与"
    "。对此，各地要把阅读空间纳入城市更新和社区建设规划，推行图书通借通还，延长开放时间，让群众"
    "想读书时有地方去、有好书读。\n",
    "　　丰富阅读供给，让书香浸润心田。阅读供给是全民阅读的源头活水。读物是否对路，直接决定了群"
    "众愿不愿意读、读不读得进去。湖北省武汉市联合出版机构推出“江城书单”，每季度精选图书40种"
    "，配套开展名家导读，带动相关图书销量增长35%。此外，数字阅读平台的兴起，为偏远地区群众打"
    "开了一扇通向知识的窗口。但也要看到，一些地方的送书下乡仍停留在一送了之，书目陈旧，与群众需"
    "求脱节。为此，应当建立群众点单、部门配送的供给机制，加大对少儿读物、农技图书和有声读物的投"
    "入，让不同群体都能找到适合的好书。\n",
    "　　营造阅读氛围，让书香蔚然成风。阅读氛围是全民阅读的催化剂。好的氛围能够让阅读从少数人的"
    "爱好，变成多数人的生活方式。黑龙江省哈尔滨市连续举办“冰城读书节”，全年组织读书分享会12"
    "00余场，参与市民达50万人次。部分学校还把家庭共读纳入课后服务，让孩子和家长一起爱上阅读"
    "。相比之下，一些单位把读书活动办成了拍照打卡的形式主义，热闹一阵便无人问津。未来需健全阅读"
    "推广人制度，推动读书会进机关、进校园、进社区，用常态化的活动把一时的热闹变成长久的习惯。\n",
};
static const char *const essay_conc =
    "　　书香飘万家，文明润人心。一个人的阅读史，就是一个人的精神成长史；一座城市的阅读风气，就"
    "是一座城市的文明底色。完善设施，是让书香触手可及的前提；丰富供给，是让书香浸润心田的关键；"
    "营造氛围，是让书香蔚然成风的保障。唯有久久为功、持续发力，才能以全民阅读点亮书香社会，为建"
    "设文化强国注入源源不断的精神力量。\n";

static char *essay(const char *conc)
{
    size_t n = strlen(essay_title) + strlen(essay_intro) + strlen(conc) + 1;
    for (int i = 0; i < 3; i++)
        n += strlen(essay_args[i]);
    char *s = xmalloc(n);
    strcpy(s, essay_title);
    strcat(s, essay_intro);
    for (int i = 0; i < 3; i++)
        strcat(s, essay_args[i]);
    strcat(s, conc);
    return s;
}

/* ---- the table ---------------------------------------------------------------------------- */

static size_t placeholders(const char *s)
{
    size_t n = 0;
    for (const char *p = s; (p = strstr(p, "%s")) != NULL; p += 2)
        n++;
    return n;
}

static void test_table(void **state)
{
    (void)state;
    assert_int_equal(el_rule_count(), EL_RULE_COUNT_);
    for (size_t i = 0; i < el_rule_count(); i++) {
        const el_rule_info *r = el_rule((int)i);
        assert_non_null(r);
        assert_non_null(r->id);
        assert_non_null(strchr(r->id, '/'));
        assert_true(r->description && *r->description);
        assert_true(r->description_zh && *r->description_zh);
        assert_true(r->msg_zh && *r->msg_zh);
        assert_true(r->msg_en && *r->msg_en);
        assert_int_equal(placeholders(r->msg_zh), placeholders(r->msg_en));
        assert_int_equal(el_rule_find(r->id), (int)i);
        for (size_t j = 0; j < i; j++)
            assert_string_not_equal(el_rule((int)j)->id, r->id);
    }
    assert_int_equal(el_rule_find("punct/halfwidht"), -1);
    assert_null(el_rule(-1));
    assert_null(el_rule(EL_RULE_COUNT_));
    static const char *const required[] = {"structure/title-missing",
                                           "structure/intro-missing",
                                           "structure/conclusion-missing",
                                           "structure/argument-count",
                                           "structure/argument-parallel",
                                           "structure/conclusion-echo",
                                           "length/total",
                                           "length/paragraph",
                                           "length/sentence",
                                           "evidence/no-case",
                                           "evidence/no-data",
                                           "evidence/no-countermeasure",
                                           "evidence/region-coverage",
                                           "evidence/repeated-case",
                                           "quote/unbalanced",
                                           "quote/unattributed",
                                           "quote/misquoted",
                                           "punct/halfwidth",
                                           "punct/ellipsis",
                                           "style/colloquial",
                                           "style/first-person",
                                           "notes/claim-not-found",
                                           "decode/invalid-bytes"};
    for (size_t i = 0; i < sizeof required / sizeof required[0]; i++)
        assert_true(el_rule_find(required[i]) >= 0);
    assert_string_equal(el_severity_name(EL_SEV_WARNING), "warning");
}

static void test_messages(void **state)
{
    (void)state;
    el_finding f = {EL_RULE_LENGTH_TOTAL, EL_SEV_WARNING, 0, -1,
                    (char *)"870" EL_ARG_SEP "1000" EL_ARG_SEP "1200"};
    assert_message(&f, false, "全文 870 字，不在 1000–1200 字的要求范围内");
    assert_message(&f, true, "870 characters in all, outside the expected 1000-1200");
    f.rule = EL_RULE_EVIDENCE_REGION_COVERAGE;
    f.arg = (char *)"东部" EL_ARG_LANG "east";
    assert_message(&f, false, "案例都来自东部地区，可补充其他地区的案例");
    assert_message(&f, true, "all cases come from the east region; add cases from other regions");
    f.arg = (char *)EL_ARG_MORE "17";
    assert_message(&f, false, "另有 17 处同类问题未逐一列出");
    assert_message(&f, true, "17 more like this not listed");
    f.rule = EL_RULE_STRUCTURE_TITLE_MISSING;
    f.arg = NULL;
    assert_message(&f, false, "缺少标题");
    f.rule = EL_RULE_QUOTE_MISQUOTED;
    f.arg = (char *)"不积跬步，无以至千里";
    assert_message(&f, false, "引文与原文不符，原文为“不积跬步，无以至千里”");
}

/* ---- structure ---------------------------------------------------------------------------- */

static void test_clean_essay(void **state)
{
    (void)state;
    char *s = essay(essay_conc);
    el_doc *doc = analyse("clean.txt", s, NULL);
    for (int r = 0; r < EL_RULE_COUNT_; r++) {
        if (r == EL_RULE_EVIDENCE_NO_CASE || r == EL_RULE_EVIDENCE_NO_DATA ||
            r == EL_RULE_EVIDENCE_NO_COUNTERMEASURE || r == EL_RULE_STYLE_FIRST_PERSON ||
            r == EL_RULE_STYLE_COLLOQUIAL)
            continue; /* these depend on the extractors and the lexicon */
        if (count(doc, r) != 0)
            fail_msg("clean essay reports %s", el_rule(r)->id);
    }
    el_doc_free(doc);
    free(s);
}

static void test_title_and_structure(void **state)
{
    (void)state;
    el_doc *doc = analyse(
        "t.md", "## 开头\n\n城市书房越建越多，借阅量也在稳步增长，阅读正在走进千家万户。\n", NULL);
    assert_int_equal(count(doc, EL_RULE_STRUCTURE_TITLE_MISSING), 1);
    assert_pos(doc, nth(doc, EL_RULE_STRUCTURE_TITLE_MISSING, 0), 1, 1);
    assert_int_equal(count(doc, EL_RULE_STRUCTURE_CONCLUSION_MISSING), 1);
    assert_int_equal(count(doc, EL_RULE_STRUCTURE_ARGUMENT_COUNT), 1);
    assert_message(nth(doc, EL_RULE_STRUCTURE_ARGUMENT_COUNT, 0), true,
                   "0 sub-arguments; 2-4 is usual, 3 is ideal");
    el_doc_free(doc);
}

static void test_argument_parallel(void **state)
{
    (void)state;
    static const char *const bad =
        "# 书香社会\n\n## "
        "分论点一：完善设施\n\n城市书房越建越多，借阅量也在稳步增长，阅读正在走进千家万户。\n\n"
        "## 分论点二：丰富阅读供给，用一张张精心挑选的书单把好书送到群众身边\n\n"
        "读物是否对路，直接决定了群众愿不愿意读、读不读得进去，供给要对准需求。\n";
    el_doc *doc = analyse("p.md", bad, NULL);
    assert_int_equal(count(doc, EL_RULE_STRUCTURE_ARGUMENT_PARALLEL), 1);
    el_doc_free(doc);
    /* Same frame (动宾，让…“X”), quotes and their content aside: parallel. */
    static const char *const good =
        "# 书香社会\n\n## "
        "分论点一：完善阅读设施，跑出服务“加速度”\n\n城市书房越建越多，借阅量也在稳步增长。\n\n"
        "## "
        "分论点二：丰富阅读供给，打通惠民“最后一公里”\n\n读物是否对路，直接决定了群众愿不愿意读。"
        "\n";
    doc = analyse("p.md", good, NULL);
    assert_int_equal(count(doc, EL_RULE_STRUCTURE_ARGUMENT_PARALLEL), 0);
    el_doc_free(doc);
}

static void test_conclusion_echo(void **state)
{
    (void)state;
    char *s = essay(
        "　　开卷有益，古今同理。一个人的读书史，就是一个人的精神成长史。唯有久久为功，才能让文明"
        "之光照亮更多人的生活，为建设文化强国注入源源不断的精神力量。\n");
    el_doc *doc = analyse("e.txt", s, NULL);
    assert_int_equal(count(doc, EL_RULE_STRUCTURE_CONCLUSION_ECHO), 1);
    assert_pos(doc, nth(doc, EL_RULE_STRUCTURE_CONCLUSION_ECHO, 0), 6, 3);
    el_doc_free(doc);
    free(s);
}

/* ---- length ------------------------------------------------------------------------------- */

static void test_length(void **state)
{
    (void)state;
    char *s = essay(essay_conc);
    el_config *cfg = el_config_new();
    cfg->len_min = 1200;
    cfg->len_max = 1500;
    cfg->para_max = 200;
    cfg->sentence_max = 60;
    el_doc *doc = analyse("l.txt", s, cfg);
    assert_int_equal(count(doc, EL_RULE_LENGTH_TOTAL), 1);
    char *m = el_finding_message(nth(doc, EL_RULE_LENGTH_TOTAL, 0), false);
    assert_non_null(strstr(m, "1200–1500"));
    free(m);
    assert_int_equal(count(doc, EL_RULE_LENGTH_PARAGRAPH), 4); /* all but the conclusion */
    assert_true(count(doc, EL_RULE_LENGTH_SENTENCE) >= 1);
    el_doc_free(doc);
    el_config_free(cfg);
    free(s);
}

/* ---- quotes ------------------------------------------------------------------------------- */

static void test_unbalanced(void **state)
{
    (void)state;
    el_doc *doc = analyse("q.txt", "标题在此\n　　他说“好书（值得一读】，然后》走了。\n", NULL);
    /* “ and （ unmatched, 】 and 》 closers without openers. */
    assert_int_equal(count(doc, EL_RULE_QUOTE_UNBALANCED), 4);
    assert_pos(doc, nth(doc, EL_RULE_QUOTE_UNBALANCED, 0), 2, 5);
    assert_message(nth(doc, EL_RULE_QUOTE_UNBALANCED, 0), false, "本段中的 “ 没有配对");
    el_doc_free(doc);
    doc = analyse("q.txt", "标题在此\n　　《“读书”》（一）【注】都配对了。\n", NULL);
    assert_int_equal(count(doc, EL_RULE_QUOTE_UNBALANCED), 0);
    el_doc_free(doc);
    /* Interleaved: “《”》 closes the quote and leaves 《 and 》 unmatched. */
    doc = analyse("q.txt", "标题在此\n　　“《”》\n", NULL);
    assert_int_equal(count(doc, EL_RULE_QUOTE_UNBALANCED), 2);
    el_doc_free(doc);
}

static void test_unbalanced_hostile(void **state)
{
    (void)state;
    size_t n = 200000;
    char *s = xmalloc(n * 3 + 64);
    strcpy(s, "书香社会\n");
    size_t o = strlen(s);
    for (size_t i = 0; i < n; i++, o += 3)
        memcpy(s + o, "“", 3);
    s[o++] = '\n';
    s[o] = '\0';
    clock_t t0 = clock();
    el_doc *doc = el_parse("h.txt", s, o, NULL);
    el_analyze(doc, NULL);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
#if defined(__SANITIZE_ADDRESS__)
    double limit = 10.0; /* sanitizers slow every allocation down */
#else
    double limit = 1.0;
#endif
    if (secs >= limit) {
        el_doc_free(doc);
        free(s);
        fail_msg("200,000 unmatched marks took %.2f s", secs);
    }
    assert_int_equal(count(doc, EL_RULE_QUOTE_UNBALANCED), EL_LINT_MAX_UNBALANCED + 1);
    const el_finding *more = nth(doc, EL_RULE_QUOTE_UNBALANCED, EL_LINT_MAX_UNBALANCED);
    char *m = el_finding_message(more, true);
    char want[64];
    snprintf(want, sizeof want, "%zu more like this not listed", n - EL_LINT_MAX_UNBALANCED);
    assert_string_equal(m, want);
    free(m);
    el_doc_free(doc);
    free(s);
}

static void test_unattributed(void **state)
{
    (void)state;
    el_doc *doc = analyse("u.txt",
                          "标题在此\n　　各地纷纷建设城市书房。强调：“阅读是最好的投资。”\n"
                          "　　会上，有关负责人明确指出：“书房要建在群众身边。”\n"
                          "　　馆长在会上作了发言，同时强调：“服务要跟上。”\n"
                          "　　一些地方积极探索，提出：“人人都是阅读推广人。”\n",
                          NULL);
    assert_int_equal(count(doc, EL_RULE_QUOTE_UNATTRIBUTED), 2);
    assert_pos(doc, nth(doc, EL_RULE_QUOTE_UNATTRIBUTED, 0), 2, 14);
    assert_message(nth(doc, EL_RULE_QUOTE_UNATTRIBUTED, 0), false,
                   "“强调：”前没有说明是谁说的，应写明引用来源");
    assert_pos(doc, nth(doc, EL_RULE_QUOTE_UNATTRIBUTED, 1), 5, 12);
    el_doc_free(doc);

    /* 正如……强调的：“…” names the speaker between 正如 and the verb, or nobody. */
    doc = analyse("u2.txt",
                  "标题在此\n　　正如强调的：“要把人民放在心中最高位置。”\n"
                  "　　正如总书记强调的：“要坚持以人民为中心。”\n",
                  NULL);
    assert_int_equal(count(doc, EL_RULE_QUOTE_UNATTRIBUTED), 1);
    assert_pos(doc, nth(doc, EL_RULE_QUOTE_UNATTRIBUTED, 0), 2, 5);
    el_doc_free(doc);
}

/* ---- punctuation -------------------------------------------------------------------------- */

static void test_halfwidth(void **state)
{
    (void)state;
    el_doc *doc =
        analyse("h.txt",
                "标题在此\n　　书房越建越多,借阅量却不见增长?原因在于供给脱节(尤其是农村)。\n"
                "　　数据显示3,200人参与,比例为1:2,网址是http://a.b?c=1 (see note)。\n",
                NULL);
    /* Line 2: , ? ( ) ; line 3: the , after 参与 and the one after 1:2, before 网址 (3,200 / 1:2
       / URLs are not Chinese text). */
    assert_int_equal(count(doc, EL_RULE_PUNCT_HALFWIDTH), 6);
    assert_pos(doc, nth(doc, EL_RULE_PUNCT_HALFWIDTH, 0), 2, 9);
    assert_message(nth(doc, EL_RULE_PUNCT_HALFWIDTH, 0), false,
                   "中文中使用了半角标点“,”，应为“，”");
    assert_message(nth(doc, EL_RULE_PUNCT_HALFWIDTH, 1), true,
                   "half-width “?” in Chinese text; use “？”");
    assert_pos(doc, nth(doc, EL_RULE_PUNCT_HALFWIDTH, 4), 3, 15);
    el_doc_free(doc);
}

/* A half-width full stop after Chinese or after a percentage before Chinese; not in 3.5,
   Ltd., a URL or a list number (4.问题导向). */
static void test_halfwidth_stop(void **state)
{
    (void)state;
    el_doc *doc = analyse("s.txt",
                          "标题在此\n　　这是基本国情.截至2023年末,占比21.1%.发展经济大有可为.\n"
                          "　　增长3.5%，Ltd. 公司，网址a.b.c。他说“好”.然后走了。4.问题导向。\n",
                          NULL);
    assert_int_equal(count(doc, EL_RULE_PUNCT_HALFWIDTH), 5);
    assert_message(nth(doc, EL_RULE_PUNCT_HALFWIDTH, 0), false,
                   "中文中使用了半角标点“.”，应为“。”");
    assert_pos(doc, nth(doc, EL_RULE_PUNCT_HALFWIDTH, 0), 2, 9);
    assert_pos(doc, nth(doc, EL_RULE_PUNCT_HALFWIDTH, 2), 2, 26);
    assert_pos(doc, nth(doc, EL_RULE_PUNCT_HALFWIDTH, 3), 2, 35);
    assert_pos(doc, nth(doc, EL_RULE_PUNCT_HALFWIDTH, 4), 3, 31);
    el_doc_free(doc);
}

static void test_ellipsis(void **state)
{
    (void)state;
    el_doc *doc = analyse(
        "e.txt",
        "标题在此\n　　书房、书车、书店...阅读方式多了。等等。。。还有…一个。正确的是……这样。\n",
        NULL);
    assert_int_equal(count(doc, EL_RULE_PUNCT_ELLIPSIS), 3);
    assert_pos(doc, nth(doc, EL_RULE_PUNCT_ELLIPSIS, 0), 2, 11);
    assert_message(nth(doc, EL_RULE_PUNCT_ELLIPSIS, 1), false, "省略号应写作“……”，而非“。。。”");
    assert_message(nth(doc, EL_RULE_PUNCT_ELLIPSIS, 2), true,
                   "write the ellipsis as “……”, not “…”");
    el_doc_free(doc);
}

typedef struct spots {
    char buf[256];
    size_t n;
} spots;

static void on_spot(void *ctx, int rule, size_t off, size_t len, size_t mark_len, const char *repl)
{
    spots *s = ctx;
    s->n += (size_t)snprintf(s->buf + s->n, sizeof s->buf - s->n, "%c%zu+%zu/%zu>%s;",
                             rule == EL_RULE_PUNCT_HALFWIDTH ? 'h' : 'e', off, len, mark_len, repl);
}

static void test_punct_scan(void **state)
{
    (void)state;
    spots s = {{0}, 0};
    const char *t = "好, 书...";
    el_lint_punct_scan(t, strlen(t), on_spot, &s);
    /* The space after the comma goes with it when Chinese text follows. */
    assert_string_equal(s.buf, "h3+2/1>，;e8+3/3>……;");
}

static void test_punct_code(void **state)
{
    (void)state;
    /* Code spans, fenced and indented code blocks are the writer's verbatim text. */
    static const char *const text = "# 书香社会\n\n正文,写`a,b`与``c...d``,之后...\n\n"
                                    "```\n代码,块...\n```\n\n    缩进,代码\n\n结尾,好。\n";
    el_doc *doc = analyse("code.md", text, NULL);
    /* The comma after ``c...d`` follows code, not Chinese text: not reported either. */
    assert_int_equal(count(doc, EL_RULE_PUNCT_HALFWIDTH), 2);
    assert_pos(doc, nth(doc, EL_RULE_PUNCT_HALFWIDTH, 0), 3, 3);
    assert_pos(doc, nth(doc, EL_RULE_PUNCT_HALFWIDTH, 1), 11, 3);
    assert_int_equal(count(doc, EL_RULE_PUNCT_ELLIPSIS), 1);
    assert_pos(doc, nth(doc, EL_RULE_PUNCT_ELLIPSIS, 0), 3, 23);
    el_doc_free(doc);
}

/* ---- style -------------------------------------------------------------------------------- */

static void test_style_quoted(void **state)
{
    (void)state;
    /* Quoted words are somebody else's (or marked as such): not the writer's voice. */
    el_doc *doc = analyse("q.txt",
                          "标题在此\n　　有的地方搞形式主义，村民直呼“我觉得这是你演我看”。"
                          "群众说“啥都没变”。我认为要改，书房却没啥人来。\n",
                          NULL);
    assert_int_equal(count(doc, EL_RULE_STYLE_FIRST_PERSON), 1);
    assert_message(nth(doc, EL_RULE_STYLE_FIRST_PERSON, 0), false,
                   "第一人称表达“我认为”，申论宜用客观表述");
    assert_int_equal(count(doc, EL_RULE_STYLE_COLLOQUIAL), 1); /* the unquoted 啥 only */
    el_doc_free(doc);
}

static void test_colloquial_config(void **state)
{
    (void)state;
    char *err = NULL;
    const char *json = "{\"lexicon\": {\"colloquial\": [\"走过场\", \"没啥\"]}}";
    el_config *cfg = el_config_parse("c.json", json, strlen(json), &err);
    assert_non_null(cfg);
    el_doc *doc = analyse(
        "s.txt", "标题在此\n　　有的地方读书活动就是走过场，书房建好了却没啥人来，走过场要不得。\n",
        cfg);
    assert_int_equal(count(doc, EL_RULE_STYLE_COLLOQUIAL), 3);
    assert_message(nth(doc, EL_RULE_STYLE_COLLOQUIAL, 0), false,
                   "口语化表达“走过场”，宜改为书面语");
    el_doc_free(doc);
    el_config_free(cfg);
}

/* ---- notes -------------------------------------------------------------------------------- */

static void test_notes(void **state)
{
    (void)state;
    static const char *const text =
        "标题：以全民阅读点亮书香社会\n\n正文\n\n"
        "江苏省苏州市推行“15分钟阅读圈”，2023年到馆人次超过600万。反观某县，图书馆常年大门紧闭。各"
        "地要把阅读"
        "空间纳入城市规划，让群众有地方读书。\n\n"
        "写作分析\n\n1."
        "\n案例支撑：苏州“15分钟阅读圈”与“红色书屋”并举，到馆人次超过900万，还提到“旧邦新命”"
        "之外的“阅读圈”，文中有排比。\n";
    el_doc *doc = analyse("n.txt", text, NULL);
    /* “红色书屋” and 900 are not in the text; “阅读圈” is; 排比 is not (no devices recorded). */
    assert_int_equal(count(doc, EL_RULE_NOTES_CLAIM_NOT_FOUND), 4);
    assert_message(nth(doc, EL_RULE_NOTES_CLAIM_NOT_FOUND, 0), false,
                   "点评提到“红色书屋”，但正文中找不到");
    assert_message(nth(doc, EL_RULE_NOTES_CLAIM_NOT_FOUND, 1), true,
                   "the note mentions “900” but the essay text lacks it");
    size_t line, col;
    el_doc_pos(doc, nth(doc, EL_RULE_NOTES_CLAIM_NOT_FOUND, 0)->src_off, &line, &col);
    assert_int_equal(line, 10);
    el_doc_free(doc);

    /* A term of a sub-argument heading (not a paragraph) is in the essay. */
    doc = analyse(
        "h.md",
        "# 以全民阅读点亮书香社会\n\n阅读关乎精神成长，推动全民阅读必须多方发力。\n\n"
        "## 一、营造阅读氛围，绘就书香“同心圆”\n\n各地要推动读书会进社区。\n\n"
        "**写作分析**：形象表达如“同心圆”，增强感染力；“红色书屋”则没有，增长300%也没有。\n",
        NULL);
    assert_int_equal(count(doc, EL_RULE_NOTES_CLAIM_NOT_FOUND), 2);
    assert_message(nth(doc, EL_RULE_NOTES_CLAIM_NOT_FOUND, 0), false,
                   "点评提到“红色书屋”，但正文中找不到");
    /* the number as the note writes it */
    assert_message(nth(doc, EL_RULE_NOTES_CLAIM_NOT_FOUND, 1), false,
                   "点评提到“300%”，但正文中找不到");
    el_doc_free(doc);

    /* A numbered abbreviation is found when the essay has its part that many times. */
    doc = analyse("g.txt",
                  "守护舌尖上的安全\n\n源头严防守底线，过程严管保安全，风险严控促共治。\n\n"
                  "写作分析\n\n结尾呼应“三严”，却没有“五严”。\n",
                  NULL);
    assert_int_equal(count(doc, EL_RULE_NOTES_CLAIM_NOT_FOUND), 1);
    assert_message(nth(doc, EL_RULE_NOTES_CLAIM_NOT_FOUND, 0), false,
                   "点评提到“五严”，但正文中找不到");
    el_doc_free(doc);

    /* 双 counts two: “双碳” for 碳达峰、碳中和, but not when 碳 occurs once. */
    doc = analyse("h.txt",
                  "推动绿色转型\n\n力争2030年前实现碳达峰、2060年前实现碳中和。\n\n"
                  "点评：开头引出“双碳”目标，“双减”则不见。\n",
                  NULL);
    assert_int_equal(count(doc, EL_RULE_NOTES_CLAIM_NOT_FOUND), 1);
    assert_message(nth(doc, EL_RULE_NOTES_CLAIM_NOT_FOUND, 0), false,
                   "点评提到“双减”，但正文中找不到");
    el_doc_free(doc);
}

/* Formulas of form (“动宾+动宾”), device claims about the title, and 引用 of a document named
   in 《》 without quotation marks are no missing claims; the same claims in a note on a
   paragraph still are. */
static void test_notes_form_and_title(void **state)
{
    (void)state;
    el_doc *doc = analyse(
        "t.md",
        "# 端牢中国饭碗　筑牢粮食安全防线\n\n> 写作分析：标题采用“动宾+动宾”结构，对仗工整。\n\n"
        "## 开头\n\n《数字中国建设整体布局规划》明确提出，要夯实数字基础设施。粮食安全是国之大者。"
        "\n\n> 点评：开篇引用政策文件，点明主题，运用排比，全文“总—分—总”。\n\n## 结尾\n\n"
        "悠悠万事，吃饭为大。\n",
        NULL);
    /* only the 排比 of the second note: the first speaks of the title */
    assert_int_equal(count(doc, EL_RULE_NOTES_CLAIM_NOT_FOUND), 1);
    assert_message(nth(doc, EL_RULE_NOTES_CLAIM_NOT_FOUND, 0), false,
                   "点评提到“排比”，但正文中找不到");
    el_doc_free(doc);
}

/* A gloss of the essay's figures by their leading digits (“五六七八九”) is found when each
   digit leads a number of the essay; one digit short, it is a claim not found. */
static void test_notes_figures_gloss(void **state)
{
    (void)state;
    static const char *const essay = "民营经济挺起脊梁\n\n民营经济贡献了50%以上的税收、60%以上的"
                                     "国内生产总值、70%以上的技术创新成果、80%以上的城镇劳动"
                                     "就业、90%以上的企业数量。\n\n";
    char text[1024];
    snprintf(text, sizeof text, "%s写作分析：用“五六七八九”的数据开篇。\n", essay);
    el_doc *doc = analyse("g.txt", text, NULL);
    assert_int_equal(count(doc, EL_RULE_NOTES_CLAIM_NOT_FOUND), 0);
    el_doc_free(doc);
    snprintf(text, sizeof text, "%s写作分析：用“四五六七八九”的数据开篇。\n", essay);
    doc = analyse("g.txt", text, NULL);
    assert_int_equal(count(doc, EL_RULE_NOTES_CLAIM_NOT_FOUND), 1);
    el_doc_free(doc);
}

static void test_repeated_case(void **state)
{
    (void)state;
    /* One initiative, its place written three ways in three sub-arguments. */
    static const char *const same =
        "以全民阅读点亮书香社会\n　　阅读关乎精神成长。推动全民阅读，必须多方发力。\n"
        "　　一、完善阅读设施。湖北省武汉市推出“江城书单”，每季度精选图书40种，各地要推广。\n"
        "　　二、丰富阅读供给。武汉“江城书单”还走进了社区，带动销量增长35%，各地要借鉴。\n"
        "　　三、营造阅读氛围。武汉市的“江城书单”办得好，应当推广。\n"
        "　　总之，阅读点亮生活。\n";
    el_doc *doc = analyse("r.txt", same, NULL);
    assert_int_equal(count(doc, EL_RULE_EVIDENCE_REPEATED_CASE), 2);
    assert_pos(doc, nth(doc, EL_RULE_EVIDENCE_REPEATED_CASE, 0), 4, 12);
    assert_message(nth(doc, EL_RULE_EVIDENCE_REPEATED_CASE, 1), false,
                   "案例武汉市“江城书单”已在前文其他部分用过");
    el_doc_free(doc);
    /* The same name in two different cities is two cases. */
    static const char *const other =
        "以全民阅读点亮书香社会\n　　阅读关乎精神成长。推动全民阅读，必须多方发力。\n"
        "　　一、完善阅读设施。浙江省温州市推出“城市书房”，建成书房100余家，各地要推广。\n"
        "　　二、丰富阅读供给。四川省成都市也有“城市书房”，年借阅量增长35%，各地要借鉴。\n"
        "　　总之，阅读点亮生活。\n";
    doc = analyse("r2.txt", other, NULL);
    assert_int_equal(count(doc, EL_RULE_EVIDENCE_REPEATED_CASE), 0);
    el_doc_free(doc);
}

/* ---- configuration and suppression -------------------------------------------------------- */

static void test_config_severity(void **state)
{
    (void)state;
    const char *json = "{\"rules\": {\"punct/halfwidth\": \"off\", \"punct/ellipsis\": \"error\"}}";
    char *err = NULL;
    el_config *cfg = el_config_parse("c.json", json, strlen(json), &err);
    assert_non_null(cfg);
    el_doc *doc = analyse("c.txt", "标题在此\n　　书房越建越多,阅读方式多了...真好。\n", cfg);
    assert_int_equal(count(doc, EL_RULE_PUNCT_HALFWIDTH), 0);
    assert_int_equal(count(doc, EL_RULE_PUNCT_ELLIPSIS), 1);
    assert_int_equal(nth(doc, EL_RULE_PUNCT_ELLIPSIS, 0)->severity, EL_SEV_ERROR);
    el_doc_free(doc);
    el_config_free(cfg);
}

static void test_suppress_markdown(void **state)
{
    (void)state;
    static const char *const text =
        "<!-- essaylint-disable structure/title-missing length/total -->\n\n"
        "书房越建越多,借阅量却不见增长。\n\n"
        "<!-- essaylint-disable-next-line punct/halfwidth -->\n"
        "书房越建越多,借阅量却不见增长。\n\n"
        "书房越建越多,借阅量却不见增长。\n\n"
        "<!-- essaylint-disable -->\n\n"
        "书房越建越多,借阅量却不见增长...\n\n"
        "<!-- essaylint-enable -->\n\n"
        "书房越建越多,借阅量却不见增长。\n";
    el_doc *doc = analyse("s.md", text, NULL);
    assert_int_equal(count(doc, EL_RULE_STRUCTURE_TITLE_MISSING), 0);
    assert_int_equal(count(doc, EL_RULE_LENGTH_TOTAL), 0);
    assert_int_equal(count(doc, EL_RULE_PUNCT_ELLIPSIS), 0);
    /* Lines 3, 7 and 15 report; 6 is the next-line target and 11 is disabled. */
    assert_int_equal(count(doc, EL_RULE_PUNCT_HALFWIDTH), 3);
    assert_pos(doc, nth(doc, EL_RULE_PUNCT_HALFWIDTH, 0), 3, 7);
    assert_pos(doc, nth(doc, EL_RULE_PUNCT_HALFWIDTH, 1), 8, 7);
    assert_pos(doc, nth(doc, EL_RULE_PUNCT_HALFWIDTH, 2), 16, 7);
    el_doc_free(doc);
}

static void test_suppress_text(void **state)
{
    (void)state;
    static const char *const text =
        "标题在此\n"
        "<!-- essaylint-disable-next-line punct/halfwidth, punct/ellipsis -->\n"
        "　　书房越建越多,借阅方式多了...\n"
        "　　书房越建越多,借阅方式多了。\n";
    el_doc *doc = analyse("s.txt", text, NULL);
    assert_int_equal(count(doc, EL_RULE_PUNCT_HALFWIDTH), 1);
    assert_pos(doc, nth(doc, EL_RULE_PUNCT_HALFWIDTH, 0), 4, 9);
    assert_int_equal(count(doc, EL_RULE_PUNCT_ELLIPSIS), 0);
    /* The comment line is never text: not a paragraph, not counted. */
    assert_int_equal(doc->paras.n, 2);
    el_doc_free(doc);
}

static void test_suppress_inline(void **state)
{
    (void)state;
    static const char *const text =
        "# 书香社会\n\n"
        "<!--\nessaylint-disable punct/ellipsis\n-->\n\n"                        /* 3-5 */
        "甲,乙...丙。<!-- essaylint-disable-line punct/halfwidth -->丁,戊。\n\n" /* 7 */
        "甲,乙<!-- essaylint-disable punct/halfwidth -->丙,丁"
        "<!-- essaylint-enable punct/halfwidth -->戊,己。\n\n" /* 9 */
        "<!-- essaylint-disable punct/halfwidht -->\n\n"       /* 11 */
        "<!-- essaylint-enable punct/ellipsis -->\n\n"         /* 13 */
        "庚,辛...\n";                                          /* 15 */
    el_doc *doc = analyse("i.md", text, NULL);
    /* Line 7 is covered whole; on line 9 only 丙,丁 lies between disable and enable. */
    assert_int_equal(count(doc, EL_RULE_PUNCT_HALFWIDTH), 3);
    assert_pos(doc, nth(doc, EL_RULE_PUNCT_HALFWIDTH, 0), 9, 2);
    assert_pos(doc, nth(doc, EL_RULE_PUNCT_HALFWIDTH, 1), 9, 91);
    assert_pos(doc, nth(doc, EL_RULE_PUNCT_HALFWIDTH, 2), 15, 2);
    /* The multi-line comment disables the ellipsis rule until line 13. */
    assert_int_equal(count(doc, EL_RULE_PUNCT_ELLIPSIS), 1);
    assert_pos(doc, nth(doc, EL_RULE_PUNCT_ELLIPSIS, 0), 15, 4);
    /* A misspelt rule id is reported where it is written, not silently ignored. */
    assert_int_equal(count(doc, EL_RULE_COMMENT_UNKNOWN_RULE), 1);
    assert_pos(doc, nth(doc, EL_RULE_COMMENT_UNKNOWN_RULE, 0), 11, 24);
    assert_message(nth(doc, EL_RULE_COMMENT_UNKNOWN_RULE, 0), true,
                   "no rule “punct/halfwidht”: the essaylint comment has no effect on it");
    el_doc_free(doc);

    /* Plain text: a comment over three lines is one comment, never text. */
    doc =
        analyse("i.txt",
                "书香社会\n<!--\n  essaylint-disable punct/halfwidth\n-->\n　　书房越建越多,好。\n"
                "<!-- 未闭合的注释\n　　正文,好。\n",
                NULL);
    assert_int_equal(count(doc, EL_RULE_PUNCT_HALFWIDTH), 0);
    assert_int_equal(doc->roles[2], EL_ROLE_LABEL);
    assert_int_equal(doc->roles[3], EL_ROLE_LABEL);
    assert_int_equal(doc->roles[5], EL_ROLE_PARAGRAPH); /* unclosed: text, not lost */
    el_doc_free(doc);
}

static void test_cap(void **state)
{
    (void)state;
    size_t n = 120;
    char *s = xmalloc(n * 4 + 64);
    strcpy(s, "书香社会\n　　");
    for (size_t i = 0; i < n; i++)
        strcat(s, "好,");
    strcat(s, "好。\n");
    el_doc *doc = analyse("cap.txt", s, NULL);
    assert_int_equal(count(doc, EL_RULE_PUNCT_HALFWIDTH), EL_LINT_MAX_PER_RULE + 1);
    const el_finding *more = nth(doc, EL_RULE_PUNCT_HALFWIDTH, EL_LINT_MAX_PER_RULE);
    assert_message(more, false, "另有 70 处同类问题未逐一列出");
    el_doc_free(doc);
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table),
        cmocka_unit_test(test_messages),
        cmocka_unit_test(test_clean_essay),
        cmocka_unit_test(test_title_and_structure),
        cmocka_unit_test(test_argument_parallel),
        cmocka_unit_test(test_conclusion_echo),
        cmocka_unit_test(test_length),
        cmocka_unit_test(test_unbalanced),
        cmocka_unit_test(test_unbalanced_hostile),
        cmocka_unit_test(test_unattributed),
        cmocka_unit_test(test_halfwidth),
        cmocka_unit_test(test_halfwidth_stop),
        cmocka_unit_test(test_ellipsis),
        cmocka_unit_test(test_punct_scan),
        cmocka_unit_test(test_punct_code),
        cmocka_unit_test(test_style_quoted),
        cmocka_unit_test(test_colloquial_config),
        cmocka_unit_test(test_notes),
        cmocka_unit_test(test_notes_form_and_title),
        cmocka_unit_test(test_notes_figures_gloss),
        cmocka_unit_test(test_repeated_case),
        cmocka_unit_test(test_config_severity),
        cmocka_unit_test(test_suppress_markdown),
        cmocka_unit_test(test_suppress_text),
        cmocka_unit_test(test_suppress_inline),
        cmocka_unit_test(test_cap),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
