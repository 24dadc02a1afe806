/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for the block readers (blocks_md.c, blocks_text.c): block kinds and flags, the
 * literal text without markup, every position mapped back to the ORIGINAL file (CRLF line
 * ends, full-width indentation, GB18030), and comments kept out of the counts.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "blocks.h"
#include "doc.h"

/*
 * A check the current reader is known to get wrong (reported, to be fixed in the reader): the
 * test is skipped while the check fails, and fails once it passes, so that the mark is
 * removed together with the fix and the check guards it from then on.
 */
static el_doc *parse_as(const char *name, const char *text, enum el_input_format fmt)
{
    el_options opt = {0};
    opt.input = fmt;
    el_doc *doc = el_parse(name, text, strlen(text), &opt);
    assert_true(el_doc_ok(doc));
    return doc;
}

static el_doc *md(const char *text)
{
    return parse_as("t.md", text, EL_INPUT_MARKDOWN);
}

static el_doc *txt(const char *text)
{
    return parse_as("t.txt", text, EL_INPUT_TEXT);
}

static bool block_text_is(const el_doc *doc, size_t i, const char *want)
{
    const el_block *b = &doc->blocks.v[i];
    return b->txt.len == strlen(want) && memcmp(doc->plain.v + b->txt.off, want, b->txt.len) == 0;
}

static void assert_block_text(const el_doc *doc, size_t i, const char *want)
{
    assert_true(i < doc->blocks.n);
    const el_block *b = &doc->blocks.v[i];
    if (!block_text_is(doc, i, want))
        print_error("block %zu: \"%.*s\", want \"%s\"\n", i, (int)b->txt.len,
                    doc->plain.v + b->txt.off, want);
    assert_true(block_text_is(doc, i, want));
}

static void assert_block(const el_doc *doc, size_t i, enum el_block_type type, size_t line,
                         size_t end_line, const char *text)
{
    assert_true(i < doc->blocks.n);
    const el_block *b = &doc->blocks.v[i];
    assert_int_equal(b->type, type);
    assert_int_equal(b->line, line);
    assert_int_equal(b->end_line, end_line);
    assert_block_text(doc, i, text);
}

/* Code and HTML blocks keep their literal (the trailing line end is not asserted). */
static void assert_block_prefix(const el_doc *doc, size_t i, const char *want)
{
    assert_true(i < doc->blocks.n);
    const el_block *b = &doc->blocks.v[i];
    assert_true(b->txt.len >= strlen(want));
    assert_memory_equal(doc->plain.v + b->txt.off, want, strlen(want));
}

/* The original line and column of the first occurrence of needle in plain. */
static void assert_pos(const el_doc *doc, const char *needle, size_t line, size_t col)
{
    const char *hit = memmem(doc->plain.v, doc->plain.n, needle, strlen(needle));
    if (hit == NULL)
        print_error("\"%s\" is not in plain\n", needle);
    assert_non_null(hit);
    size_t l, c;
    el_doc_pos(doc, el_doc_src(doc, (size_t)(hit - doc->plain.v)), &l, &c);
    if (l != line || c != col)
        print_error("\"%s\" at %zu:%zu, want %zu:%zu\n", needle, l, c, line, col);
    assert_int_equal(l, line);
    assert_int_equal(c, col);
}

static bool plain_has(const el_doc *doc, const char *needle)
{
    return memmem(doc->plain.v, doc->plain.n, needle, strlen(needle)) != NULL;
}

static void test_md_block_kinds(void **state)
{
    (void)state;
    el_doc *doc = md("# 以阅读点亮生活\n"           /* 1 */
                     "\n"                           /* 2 */
                     "## 分论点一：完善设施\n"      /* 3 */
                     "\n"                           /* 4 */
                     "> 引用一句。\n"               /* 5 */
                     "\n"                           /* 6 */
                     "- 列表项\n"                   /* 7 */
                     "\n"                           /* 8 */
                     "3. 有序项\n"                  /* 9 */
                     "4. 第二项\n"                  /* 10 */
                     "\n"                           /* 11 */
                     "```\n"                        /* 12 */
                     "code 块\n"                    /* 13 */
                     "```\n"                        /* 14 */
                     "\n"                           /* 15 */
                     "<!-- essaylint-disable -->\n" /* 16 */
                     "\n"                           /* 17 */
                     "---\n"                        /* 18 */
                     "\n"                           /* 19 */
                     "正文。\n");                   /* 20 */
    assert_int_equal(doc->blocks.n, 10);
    assert_block(doc, 0, EL_BLOCK_HEADING, 1, 1, "以阅读点亮生活");
    assert_int_equal(doc->blocks.v[0].level, 1);
    assert_block(doc, 1, EL_BLOCK_HEADING, 3, 3, "分论点一：完善设施");
    assert_int_equal(doc->blocks.v[1].level, 2);
    assert_block(doc, 2, EL_BLOCK_PARA, 5, 5, "引用一句。");
    assert_int_equal(doc->blocks.v[2].flags, EL_BF_QUOTE);
    assert_block(doc, 3, EL_BLOCK_PARA, 7, 7, "列表项");
    assert_int_equal(doc->blocks.v[3].flags, EL_BF_LIST | EL_BF_ITEM);
    assert_int_equal(doc->blocks.v[3].list_num, -1);
    assert_int_equal(doc->blocks.v[3].level, 1);
    assert_block(doc, 4, EL_BLOCK_PARA, 9, 9, "有序项");
    assert_int_equal(doc->blocks.v[4].list_num, 3);
    assert_block(doc, 5, EL_BLOCK_PARA, 10, 10, "第二项");
    assert_int_equal(doc->blocks.v[5].list_num, 4);
    assert_int_equal(doc->blocks.v[6].type, EL_BLOCK_CODE);
    assert_int_equal(doc->blocks.v[6].line, 12);
    assert_int_equal(doc->blocks.v[6].end_line, 14);
    assert_block_prefix(doc, 6, "code 块");
    assert_int_equal(doc->blocks.v[7].type, EL_BLOCK_HTML);
    assert_int_equal(doc->blocks.v[7].line, 16);
    assert_block_prefix(doc, 7, "<!-- essaylint-disable -->");
    assert_int_equal(doc->blocks.v[8].type, EL_BLOCK_BREAK);
    assert_int_equal(doc->blocks.v[8].line, 18);
    assert_int_equal(doc->blocks.v[8].txt.len, 0);
    assert_block(doc, 9, EL_BLOCK_PARA, 20, 20, "正文。");
    el_doc_free(doc);
}

/* A block's line range covers every line of it, and no more: cmark 0.30's source positions
 * end an HTML block a line early and a setext heading or thematic break a line late. */
static void test_md_block_line_ranges(void **state)
{
    (void)state;
    el_doc *doc = md("段一。\n\n<!--\n批注\n-->\n\n设置标题\n---\n\n***\n\n段二。\n");
    assert_int_equal(doc->blocks.n, 5);
    assert_int_equal(doc->blocks.v[1].type, EL_BLOCK_HTML);
    assert_int_equal(doc->blocks.v[2].type, EL_BLOCK_HEADING);
    assert_int_equal(doc->blocks.v[3].type, EL_BLOCK_BREAK);
    assert_int_equal(doc->blocks.v[1].line, 3);
    assert_int_equal(doc->blocks.v[2].line, 7);
    assert_int_equal(doc->blocks.v[3].line, 10);
    assert_block(doc, 4, EL_BLOCK_PARA, 12, 12, "段二。");
    bool ok = doc->blocks.v[1].end_line == 5 && doc->blocks.v[2].end_line == 8 &&
              doc->blocks.v[3].end_line == 10;
    el_doc_free(doc);
    assert_true(ok);
}

static void test_md_literal_text(void **state)
{
    (void)state;
    el_doc *doc = md("正文**加粗**内容，*强调*与`代码`、[链接](http://example.com)![图](a.png)。\n"
                     "\n"
                     "转义\\*星号\\*与&amp;实体&#x4E2D;。\n"
                     "\n"
                     "阅读\n生活，open\nsource。\n");
    assert_int_equal(doc->blocks.n, 3);
    assert_block_text(doc, 0, "正文加粗内容，强调与代码、链接。");
    assert_block_text(doc, 1, "转义*星号*与&实体中。");
    /* soft breaks: nothing between CJK lines, one space between Latin words */
    assert_block_text(doc, 2, "阅读生活，open source。");
    /* every literal maps back to its own bytes in the source */
    assert_pos(doc, "加粗", 1, 5);
    assert_pos(doc, "内容", 1, 9);
    assert_pos(doc, "代码", 1, 18);
    assert_pos(doc, "链接", 1, 23);
    assert_pos(doc, "星号", 3, 5);
    assert_pos(doc, "实体", 3, 15);
    assert_pos(doc, "生活", 6, 1);
    assert_pos(doc, "source", 7, 1);
    el_doc_free(doc);
}

static void test_md_positions_crlf(void **state)
{
    (void)state;
    el_doc *doc = md("# 以阅读点亮生活\r\n"
                     "\r\n"
                     "　　阅读是一种生活方式。\r\n"
                     "\r\n"
                     "> 引用**一句**。\r\n"
                     "\r\n"
                     "- 列表，第二行\r\n"
                     "  续写。\r\n");
    assert_block(doc, 0, EL_BLOCK_HEADING, 1, 1, "以阅读点亮生活");
    assert_block(doc, 1, EL_BLOCK_PARA, 3, 3, "阅读是一种生活方式。");
    assert_block(doc, 2, EL_BLOCK_PARA, 5, 5, "引用一句。");
    assert_block(doc, 3, EL_BLOCK_PARA, 7, 8, "列表，第二行续写。");
    assert_pos(doc, "以阅读", 1, 3);
    assert_pos(doc, "阅读是", 3, 3); /* after the full-width indent: code points, not bytes */
    assert_pos(doc, "方式。", 3, 10);
    assert_pos(doc, "引用", 5, 3);
    assert_pos(doc, "一句", 5, 7);
    assert_pos(doc, "续写", 8, 3);
    /* no CR survives into the text */
    assert_null(memchr(doc->plain.v, '\r', doc->plain.n));
    el_doc_free(doc);
}

/* A **bold** lead-in is dropped from the text and measured for the note recogniser. */
static void test_md_bold_lead_in(void **state)
{
    (void)state;
    el_doc *doc = md("**点评**：这是点评。\n\n**亮点**运用对比。\n");
    assert_block_text(doc, 0, "点评：这是点评。");
    assert_int_equal(doc->blocks.v[0].bold_len, strlen("点评"));
    assert_block_text(doc, 1, "亮点运用对比。");
    assert_int_equal(doc->blocks.v[1].bold_len, strlen("亮点"));
    el_doc_free(doc);
}

/*
 * `**` that CommonMark cannot pair (the closing run between a CJK mark and a letter, as in
 * **写作分析：**正文) stays literal; cmark 0.30 merges it into the text around it, so it
 * must be dropped from inside a text node, and still count as the bold lead-in.
 */
static void test_md_stray_delims(void **state)
{
    (void)state;
    el_doc *doc = md("**写作分析：**永庆坊一例。\n\n正文里有**。\n\n__下划__线。\n");
    bool ok = block_text_is(doc, 0, "写作分析：永庆坊一例。") &&
              doc->blocks.v[0].bold_len == strlen("写作分析：") &&
              block_text_is(doc, 1, "正文里有。") && block_text_is(doc, 2, "下划线。") &&
              !plain_has(doc, "**") && !plain_has(doc, "__");
    el_doc_free(doc);
    assert_true(ok);
}

/* Trap: stars and underscores that are text stay text. */
static void test_md_stray_delims_trap(void **state)
{
    (void)state;
    el_doc *doc = md("转义\\*\\*星号。\n\n变量 a_b_c 与 3*4 保留。\n");
    assert_block_text(doc, 0, "转义**星号。");
    assert_block_text(doc, 1, "变量 a_b_c 与 3*4 保留。");
    el_doc_free(doc);
}

static el_counts counts_of(const char *name, const char *text)
{
    el_doc *doc = el_parse(name, text, strlen(text), NULL);
    assert_true(el_doc_ok(doc));
    el_counts c = el_doc_counts(doc);
    el_doc_free(doc);
    return c;
}

static void assert_same_counts(el_counts a, el_counts b)
{
    assert_int_equal(a.chars, b.chars);
    assert_int_equal(a.hanzi, b.hanzi);
    assert_int_equal(a.paragraphs, b.paragraphs);
    assert_int_equal(a.sentences, b.sentences);
}

#define ESSAY_TITLE "以全民阅读点亮书香社会\n\n"
#define ESSAY_P1                                                                                   \
    "　　阅读是一个民族精神发育的基础。"                                          \
    "湖北省武汉市推出“江城书单”，"                                                \
    "每季度精选图书40种，带动相关图书销量增长35%。\n\n"
#define ESSAY_P2 "　　要完善阅读设施，让书香浸润城乡每一个角落。\n"

/* Comments are never counted as text, in Markdown (block, multi-line, inline) and in plain
 * text (comment lines). */
static void test_comments_not_counted(void **state)
{
    (void)state;
    el_counts want = counts_of("a.md", ESSAY_TITLE ESSAY_P1 ESSAY_P2);
    assert_true(want.chars > 60);
    assert_int_equal(want.paragraphs, 2);
    assert_same_counts(counts_of("b.md", ESSAY_TITLE "<!-- essaylint-disable -->\n\n" ESSAY_P1
                                                     "<!--\n批注：不计入。\n-->\n\n" ESSAY_P2),
                       want);
    assert_same_counts(
        counts_of("c.md", ESSAY_TITLE
                  "　　阅读是一个民族精神发育的基础。<!-- 批注 -->湖北省武汉市推出“江城书单”，"
                  "每季度精选图书40种，带动相关图书销量增长35%。\n\n" ESSAY_P2),
        want);
    el_counts want_txt = counts_of("a.txt", ESSAY_TITLE ESSAY_P1 ESSAY_P2);
    assert_same_counts(want_txt, want);
    assert_same_counts(counts_of("b.txt", ESSAY_TITLE "<!-- essaylint-disable -->\n" ESSAY_P1
                                                      "<!-- essaylint-enable -->\n" ESSAY_P2),
                       want);
    el_doc *doc = txt("甲\n<!-- essaylint-disable-next-line punct/ellipsis -->\n乙\n");
    assert_int_equal(doc->blocks.v[1].type, EL_BLOCK_HTML);
    assert_int_equal(doc->blocks.v[1].line, 2);
    el_doc_free(doc);
}

static void test_text_blocks(void **state)
{
    (void)state;
    el_doc *doc = txt("以阅读点亮生活\r\n"
                      "\r\n"
                      "　　阅读是一种生活方式，也是一种精神追求。　\r\n"
                      "\t第二段用制表符缩进。\r\n"
                      "    四个空格缩进。 \r\n"
                      "                  居中的一行\r\n"
                      "没有缩进的一行。\r\n");
    assert_int_equal(doc->blocks.n, 6);
    assert_block(doc, 0, EL_BLOCK_PARA, 1, 1, "以阅读点亮生活");
    assert_int_equal(doc->blocks.v[0].flags, 0);
    /* leading indentation and trailing blanks are not text */
    assert_block(doc, 1, EL_BLOCK_PARA, 3, 3, "阅读是一种生活方式，也是一种精神追求。");
    assert_int_equal(doc->blocks.v[1].flags, EL_BF_INDENT);
    assert_block(doc, 2, EL_BLOCK_PARA, 4, 4, "第二段用制表符缩进。");
    assert_int_equal(doc->blocks.v[2].flags, EL_BF_INDENT);
    assert_block(doc, 3, EL_BLOCK_PARA, 5, 5, "四个空格缩进。");
    assert_block(doc, 4, EL_BLOCK_PARA, 6, 6, "居中的一行");
    assert_int_equal(doc->blocks.v[4].flags, EL_BF_INDENT | EL_BF_CENTERED);
    assert_block(doc, 5, EL_BLOCK_PARA, 7, 7, "没有缩进的一行。");
    /* columns count code points of the original line: 　　 is two, \t one */
    assert_pos(doc, "阅读是", 3, 3);
    assert_pos(doc, "精神追求", 3, 17);
    assert_pos(doc, "第二段", 4, 2);
    assert_pos(doc, "四个", 5, 5);
    assert_pos(doc, "居中", 6, 19);
    assert_null(memchr(doc->plain.v, '\r', doc->plain.n));
    el_doc_free(doc);
}

/* A draft whose paragraphs are marked by indentation: an unindented line after a line that
 * ends mid-sentence is a hard wrap and joins its paragraph; its text keeps its own line. */
static void test_text_hard_wraps(void **state)
{
    (void)state;
    el_doc *doc =
        txt("　　阅读是一个民族精神发育的基础，一个书香充盈的社会必然是一个文明进步的社会，"
            "推动全民阅读\n"
            "是建设文化强国的重要内容。\n"
            "　　近年来各地城市书房越建越多，农家书屋遍布乡村，但借阅量却不见明显增长，"
            "原因在于供给脱节。\n"
            "这一行没有缩进，但上一行已经结束。\n"
            "　　要完善阅读设施，丰富阅读供给，创新阅读方式，让书香浸润城乡每一个角落，"
            "让阅读成为习惯\n"
            "【写作分析】此行不并入上段。\n");
    assert_int_equal(doc->blocks.n, 5);
    assert_block(doc, 0, EL_BLOCK_PARA, 1, 2,
                 "阅读是一个民族精神发育的基础，一个书香充盈的社会必然是一个文明进步的社会，"
                 "推动全民阅读是建设文化强国的重要内容。");
    assert_pos(doc, "是建设文化强国", 2, 1);
    assert_int_equal(doc->blocks.v[1].line, 3);
    /* after a line that ends its sentence, an unindented line starts a block */
    assert_block(doc, 2, EL_BLOCK_PARA, 4, 4, "这一行没有缩进，但上一行已经结束。");
    assert_int_equal(doc->blocks.v[3].line, 5);
    /* and so does 【…】 after a line that does not */
    assert_block(doc, 4, EL_BLOCK_PARA, 6, 6, "【写作分析】此行不并入上段。");
    assert_pos(doc, "写作分析", 6, 2);
    el_doc_free(doc);
}

/* Trap: a draft not marked by indentation joins nothing. */
static void test_text_hard_wraps_trap(void **state)
{
    (void)state;
    el_doc *doc = txt("阅读是一个民族精神发育的基础，一个书香充盈的社会必然是一个文明进步的社会，"
                      "推动全民阅读\n"
                      "是建设文化强国的重要内容。\n");
    assert_int_equal(doc->blocks.n, 2);
    assert_pos(doc, "是建设", 2, 1);
    el_doc_free(doc);
}

/* GB18030 with CRLF: the same blocks and the same columns as UTF-8. */
static void test_text_sentence_lines(void **state)
{
    (void)state;
    /* One sentence per line, blank lines between paragraphs: the blank lines decide. */
    el_doc *doc = txt("以创新驱动发展\n\n创新是第一动力。\n我们要抓好三件事。\n\n"
                      "首先，要攻关核心技术。\n江苏省苏州市建设验证中心。\n\n"
                      "其次，要培养人才。\n广东省深圳市引进人才超过2万人。\n"
                      "再次，要促进转化。\n辽宁省大连市转化成果400多项。\n\n"
                      "科技兴则民族兴。\n让我们携手奋进。\n");
    assert_int_equal(doc->blocks.n, 6);
    assert_block(doc, 1, EL_BLOCK_PARA, 3, 4, "创新是第一动力。我们要抓好三件事。");
    /* an argument marker inside a block still starts a block of its own */
    assert_block_text(doc, 3, "其次，要培养人才。广东省深圳市引进人才超过2万人。");
    assert_block_text(doc, 4, "再次，要促进转化。辽宁省大连市转化成果400多项。");
    assert_pos(doc, "让我们", 15, 1);
    el_doc_free(doc);

    /* Note items and labels keep their own blocks; a line not ending a sentence is no part
       of the next. */
    doc = txt("标题在这里\n\n第一句在此。\n第二句在此。\n\n第三句在此。\n第四句在此。\n\n"
              "写作分析\n1.案例引入：用苏州的做法开篇。\n2.数据支撑：引用了到馆人次。\n");
    assert_int_equal(doc->blocks.n, 6);
    assert_block_text(doc, 3, "写作分析");
    assert_block_text(doc, 4, "1.案例引入：用苏州的做法开篇。");
    el_doc_free(doc);

    /* A paragraph-per-line draft with long lines is left as it is. */
    doc = txt("标题在这里\n\n"
              "这是很长的一个段落，这是很长的一个段落，这是很长的一个段落，这是很长的一个段落，"
              "这是很长的一个段落，这是很长的一个段落。\n"
              "这是很长的第二段，这是很长的第二段，这是很长的第二段，这是很长的第二段，这是很长"
              "的第二段，这是很长的第二段，这是很长的第二段。\n\n"
              "这是很长的第三段，这是很长的第三段，这是很长的第三段，这是很长的第三段，这是很长"
              "的第三段，这是很长的第三段，这是很长的第三段。\n"
              "这是很长的第四段，这是很长的第四段，这是很长的第四段，这是很长的第四段，这是很长"
              "的第四段，这是很长的第四段，这是很长的第四段。\n");
    assert_int_equal(doc->blocks.n, 5);
    el_doc_free(doc);
}

/* A marked heading line right above its paragraph (no blank line between) is a block of its
   own, whether it ends with nothing or with a closing quotation mark, and whether the headings
   are the only lines of the draft followed by another line of their block. */
static void test_text_heading_over_paragraph(void **state)
{
    (void)state;
    el_doc *doc =
        txt("让青春在奉献中绽放光彩\n\n青年兴则国家兴，青年强则国家强。\n\n"
            "一、以理想信念铸魂，让青春有方向\n理想信念是精神之“钙”。他们的事迹告诉我们。\n\n"
            "二、以实干担当砺志，让青春有作为\n空谈误国，实干兴邦。青年要敢于吃苦。\n\n"
            "青春由磨砺而出彩。\n");
    assert_int_equal(doc->blocks.n, 7);
    assert_block_text(doc, 2, "一、以理想信念铸魂，让青春有方向");
    assert_block(doc, 3, EL_BLOCK_PARA, 6, 6, "理想信念是精神之“钙”。他们的事迹告诉我们。");
    assert_block_text(doc, 4, "二、以实干担当砺志，让青春有作为");
    el_doc_free(doc);

    doc =
        txt("标题在这里\n\n开头段落内容在这里。\n\n"
            "一、以政务服务之“简”，换市场主体之“便”\n政务服务效率直接影响企业获得感。其他句子。\n\n"
            "二、以法治保障之“稳”，增发展预期之“定”\n法治是稳定预期的基础。其他句子。\n\n"
            "结尾段落在这里。\n结尾第二句。\n");
    assert_int_equal(doc->blocks.n, 7);
    assert_block_text(doc, 2, "一、以政务服务之“简”，换市场主体之“便”");
    assert_block_text(doc, 3, "政务服务效率直接影响企业获得感。其他句子。");
    assert_block_text(doc, 6, "结尾段落在这里。结尾第二句。");
    el_doc_free(doc);
}

static void test_text_gb18030(void **state)
{
    (void)state;
    /* 　　测试。 / 第二行 in GB18030 */
    static const char gb[] = "\xa1\xa1\xa1\xa1\xb2\xe2\xca\xd4\xa1\xa3\r\n"
                             "\xb5\xda\xb6\xfe\xd0\xd0\r\n";
    el_options opt = {0};
    opt.encoding = EL_ENC_GB18030;
    opt.input = EL_INPUT_TEXT;
    el_doc *doc = el_parse("g.txt", gb, sizeof gb - 1, &opt);
    assert_true(el_doc_ok(doc));
    assert_int_equal(doc->blocks.n, 2);
    assert_block_text(doc, 0, "测试。");
    assert_block_text(doc, 1, "第二行");
    assert_pos(doc, "测试", 1, 3);
    assert_pos(doc, "第二行", 2, 1);
    el_doc_free(doc);
}

static void test_lead_ws_and_trim(void **state)
{
    (void)state;
    size_t w;
    /* U+3000 counts 2 columns, a tab 4, NBSP 1, a stray BOM nothing */
    const char *s = "　\t\xc2\xa0 \xef\xbb\xbf正文";
    assert_int_equal(el_blocks_lead_ws(s, strlen(s), &w), strlen(s) - strlen("正文"));
    assert_int_equal(w, 2 + 4 + 1 + 1);
    assert_int_equal(el_blocks_lead_ws("正文", strlen("正文"), &w), 0);
    assert_int_equal(w, 0);
    assert_int_equal(el_blocks_lead_ws("　", 2, &w), 0); /* a cut-off U+3000 is not one */
    s = "正文。 \t　\xc2\xa0\f\v";
    assert_int_equal(el_blocks_trim_end(s, strlen(s)), strlen("正文。"));
    assert_int_equal(el_blocks_trim_end("", 0), 0);
    /* trap: full-width punctuation sharing U+3000's lead byte is not trimmed */
    s = "正文。、";
    assert_int_equal(el_blocks_trim_end(s, strlen(s)), strlen(s));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_md_block_kinds),
        cmocka_unit_test(test_md_block_line_ranges),
        cmocka_unit_test(test_md_literal_text),
        cmocka_unit_test(test_md_positions_crlf),
        cmocka_unit_test(test_md_bold_lead_in),
        cmocka_unit_test(test_md_stray_delims),
        cmocka_unit_test(test_md_stray_delims_trap),
        cmocka_unit_test(test_comments_not_counted),
        cmocka_unit_test(test_text_blocks),
        cmocka_unit_test(test_text_hard_wraps),
        cmocka_unit_test(test_text_hard_wraps_trap),
        cmocka_unit_test(test_text_sentence_lines),
        cmocka_unit_test(test_text_heading_over_paragraph),
        cmocka_unit_test(test_text_gb18030),
        cmocka_unit_test(test_lead_ws_and_trim),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
