/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for the text helpers: the grid count (every character a 申论 answer grid holds,
 * punctuation included, blanks and invisible characters not), the Han count and the sentence
 * count, exact on known inputs; and the inline blank tests against libunistring's tables.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <string.h>
#include <unictype.h>

#include "text.h"

static void count(const char *s, size_t want_chars, size_t want_hanzi)
{
    size_t chars = 0, hanzi = 0;
    el_text_count(s, strlen(s), &chars, &hanzi);
    if (chars != want_chars || hanzi != want_hanzi)
        print_error("el_text_count(\"%s\"): chars %zu hanzi %zu, want %zu %zu\n", s, chars, hanzi,
                    want_chars, want_hanzi);
    assert_int_equal(chars, want_chars);
    assert_int_equal(hanzi, want_hanzi);
}

static void sentences(const char *s, size_t want)
{
    size_t got = el_text_sentences(s, strlen(s));
    if (got != want)
        print_error("el_text_sentences(\"%s\") = %zu, want %zu\n", s, got, want);
    assert_int_equal(got, want);
}

static void test_count_basic(void **state)
{
    (void)state;
    count("", 0, 0);
    count("阅读让生活更美好。", 9, 8);
    count("abc 123", 6, 0);
    count("以数字赋能打造人民满意的服务型政府", 17, 17);
    /* full-width letters and digits are characters, not Han */
    count("ＡＢ１２", 4, 0);
    /* 〇 is a Han ideograph (U+3007); the middle dot and the dash are punctuation */
    count("二〇二四", 4, 4);
    count("马克·吐温", 5, 4);
    /* counts add to what the caller holds (title, then every paragraph) */
    size_t chars = 10, hanzi = 3;
    el_text_count("书香", strlen("书香"), &chars, &hanzi);
    assert_int_equal(chars, 12);
    assert_int_equal(hanzi, 5);
}

static void test_count_spaces(void **state)
{
    (void)state;
    /* full-width indentation, ASCII blanks, NBSP and the Unicode spaces take no cell */
    count("　　阅读。", 3, 2);
    count("阅　读", 2, 2);
    count("a\tb\nc\xc2\xa0" /* NBSP, then */ "d\r\v\f", 4, 0);
    /* EM SPACE, LINE SEPARATOR, PARAGRAPH SEPARATOR, OGHAM SPACE MARK */
    count("甲\xe2\x80\x83乙\xe2\x80\xa8丙\xe2\x80\xa9丁\xe1\x9a\x80戊", 5, 5);
    count(" \t\n　", 0, 0);
}

static void test_count_supplementary(void **state)
{
    (void)state;
    /* 4-byte code points are one character each: emoji, and 𠀀 (U+20000, a Han ideograph) */
    count("😀👍", 2, 0);
    count("𠀀", 1, 1);
    count("𠀀𪚥书", 3, 3);
    count("点赞👍！", 4, 2);
    /* an invalid byte is one U+FFFD, one cell */
    count("甲\xff乙", 3, 2);
}

static void test_count_punctuation(void **state)
{
    (void)state;
    /* every mark is a cell: ——and …… are two each, as written in a grid */
    count("，。、；：？！", 7, 0);
    count("“”‘’《》（）【】「」", 12, 0);
    count("——……", 4, 0);
    count("他说：“好！”", 7, 3);
    count(",.;:?!()\"'", 10, 0);
}

/* U+200B..U+200D, U+2060 and U+FEFF are invisible: they hold no cell. */
static void test_count_invisible(void **state)
{
    (void)state;
    count("零\xe2\x80\x8b宽", 2, 2);                             /* ZERO WIDTH SPACE */
    count("甲\xe2\x80\x8c乙\xe2\x80\x8d丙\xe2\x81\xa0丁", 4, 4); /* ZWNJ, ZWJ, WORD JOINER */
    count("阅读。\xef\xbb\xbf", 3, 2);                           /* a stray BOM after the text */
    count("\xef\xbb\xbf\xe2\x80\x8b", 0, 0);
    /* a variation selector belongs to the emoji before it; a soft hyphen is not printed */
    count("❤\xef\xb8\x8f", 1, 0);
    count("co\xc2\xad"
          "operate",
          9, 0);
    /* a ZWJ emoji sequence: its three emoji, not the joiners */
    count("👨\xe2\x80\x8d👩\xe2\x80\x8d👧", 3, 0);
}

/* Trap: visible characters near the invisible ones still count. */
static void test_count_invisible_trap(void **state)
{
    (void)state;
    count("\xe2\x80\x8a", 0, 0);                         /* HAIR SPACE: whitespace */
    count("\xe2\x80\x90\xe2\x80\x94\xe2\x80\xa6", 3, 0); /* ‐ — …: punctuation */
    count("\xe2\x80\xa7\xe2\x81\x84", 2, 0);             /* ‧ ⁄ next to the format block */
    count("\xef\xbc\x8c\xef\xbf\xa5", 2, 0); /* ，￥: full-width forms next to U+FEFF */
    count("\xe2\x80\x87"
          "1",
          2, 0);                 /* FIGURE SPACE is no-break: a character */
    count("\xef\xb8\x90", 1, 0); /* U+FE10 ︐ right after the selectors */
}

static void test_sentences_basic(void **state)
{
    (void)state;
    sentences("", 0);
    sentences("阅读让生活更美好。", 1);
    sentences("甲。乙！丙？丁", 4); /* a trailing fragment is a sentence */
    sentences("他问：“为什么？”然后走了。", 2);
    sentences("真的吗？！难道不是？", 2);
    sentences("Hello! World?", 2);
    sentences("第一句。\n第二句", 2);
    sentences("。。。", 1);
    sentences("……", 1);
    sentences("𠀀𠀀。😀！", 2);
    /* ；and ． do not end a sentence */
    sentences("甲；乙．丙。", 1);
}

/* A blank or invisible tail after the last mark is no sentence (was a phantom one). */
static void test_sentences_blank_tail(void **state)
{
    (void)state;
    sentences("阅读让生活更美好。\xef\xbb\xbf", 1);
    sentences("阅读让生活更美好。\xe2\x80\x8b", 1);
    sentences("阅读让生活更美好。　", 1);
    sentences("阅读让生活更美好。 \xe2\x81\xa0 ", 1);
    sentences("阅读。\n\xef\xbb\xbf", 1);
    sentences("\xef\xbb\xbf", 0);
    sentences("　　", 0);
    sentences(" \t\n", 0);
}

/* Trap: an invisible character does not hide the real sentence after it. */
static void test_sentences_blank_tail_trap(void **state)
{
    (void)state;
    sentences("阅读。\xef\xbb\xbf读书。", 2);
    sentences("阅读。\xe2\x80\x8b书", 2);
    sentences("阅读。　”", 2); /* a closer cut off by a space is a fragment of its own */
    sentences("阅读。😀", 2);
}

static void test_sentence_end(void **state)
{
    (void)state;
    const char *s = "甲。”乙";
    assert_int_equal(el_text_sentence_end(s, strlen(s)), strlen("甲。”"));
    s = "甲\n乙";
    assert_int_equal(el_text_sentence_end(s, strlen(s)), strlen("甲\n"));
    s = "没有句号";
    assert_int_equal(el_text_sentence_end(s, strlen(s)), strlen(s));
}

static void test_code_points(void **state)
{
    (void)state;
    size_t k;
    const char *s = "a阅😀\xff";
    size_t n = strlen(s);
    assert_int_equal(el_text_cp(s, n, 0, &k), 'a');
    assert_int_equal(k, 1);
    assert_int_equal(el_text_cp(s, n, 1, &k), 0x9605);
    assert_int_equal(k, 3);
    assert_int_equal(el_text_cp(s, n, 4, &k), 0x1F600);
    assert_int_equal(k, 4);
    assert_int_equal(el_text_cp(s, n, 8, &k), 0xFFFD);
    assert_int_equal(k, 1);
    assert_int_equal(el_text_ncp(s, n), 4);
    assert_int_equal(el_text_ncp("𠀀𠀀𠀀abc", strlen("𠀀𠀀𠀀abc")), 6);
    size_t start;
    assert_int_equal(el_text_prev_cp(s, 8, &start), 0x1F600);
    assert_int_equal(start, 4);
    assert_true(el_text_is_han(0x20000));
    assert_true(el_text_is_han(0x3007));
    assert_false(el_text_is_han(0xFF0C));
    assert_int_equal(el_text_width("阅读ab", strlen("阅读ab")), 6);
}

/* The inline tables are exactly libunistring's: whitespace is uc_is_space plus U+00A0,
 * invisible is Default_Ignorable_Code_Point, blank is either, over every code point. */
static void test_blank_tables(void **state)
{
    (void)state;
    for (uint32_t c = 0; c < 0x110000; c++) {
        bool white = uc_is_space(c) || c == 0xA0;
        bool invisible = uc_is_property_default_ignorable_code_point(c);
        if (el_text_is_white(c) != white || el_text_is_invisible(c) != invisible ||
            el_text_is_space(c) != (white || invisible))
            print_error("U+%04X: white %d invisible %d space %d\n", (unsigned)c,
                        el_text_is_white(c), el_text_is_invisible(c), el_text_is_space(c));
        assert_int_equal(el_text_is_white(c), white);
        assert_int_equal(el_text_is_invisible(c), invisible);
        assert_int_equal(el_text_is_space(c), white || invisible);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_count_basic),
        cmocka_unit_test(test_count_spaces),
        cmocka_unit_test(test_count_supplementary),
        cmocka_unit_test(test_count_punctuation),
        cmocka_unit_test(test_count_invisible),
        cmocka_unit_test(test_count_invisible_trap),
        cmocka_unit_test(test_sentences_basic),
        cmocka_unit_test(test_sentences_blank_tail),
        cmocka_unit_test(test_sentences_blank_tail_trap),
        cmocka_unit_test(test_sentence_end),
        cmocka_unit_test(test_code_points),
        cmocka_unit_test(test_blank_tables),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
