/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for decode.c and the position map: every encoding, BOMs, CRLF and
 * CR, invalid bytes, binary input, and exact line/column for the original file.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <uniconv.h>
#include <unistr.h>

#include "decode.h"
#include "doc.h"

static el_doc *decode(const char *raw, size_t len, enum el_encoding forced)
{
    el_doc *doc = el_doc_failed("t.txt", "x", "x");
    doc->ok = true;
    doc->error_code = NULL;
    free(doc->error_message);
    doc->error_message = NULL;
    el_decode(doc, raw, len, forced);
    return doc;
}

/* Byte offset in doc->text of the first occurrence of needle. */
static size_t find(const el_doc *doc, const char *needle)
{
    const char *p = strstr(doc->text, needle);
    assert_non_null(p);
    return (size_t)(p - doc->text);
}

static void assert_pos(const el_doc *doc, const char *needle, size_t line, size_t col)
{
    size_t l, c;
    el_doc_pos(doc, find(doc, needle), &l, &c);
    assert_int_equal(l, line);
    assert_int_equal(c, col);
}

static void test_utf8_plain(void **state)
{
    (void)state;
    const char *s = "标题\n　　正文第一段。\n";
    el_doc *doc = decode(s, strlen(s), EL_ENC_AUTO);
    assert_true(doc->ok);
    assert_int_equal(doc->encoding, EL_ENC_UTF8);
    assert_string_equal(doc->text, s);
    assert_pos(doc, "正文", 2, 3);
    assert_int_equal(doc->invalid_off, SIZE_MAX);
    el_doc_free(doc);
}

static void test_utf8_bom_crlf(void **state)
{
    (void)state;
    const char *s = "\xEF\xBB\xBF标题\r\n\r\n第二段，好。\r第三\r\n";
    el_doc *doc = decode(s, strlen(s), EL_ENC_AUTO);
    assert_true(doc->ok);
    assert_string_equal(doc->text, "标题\n\n第二段，好。\n第三\n");
    assert_pos(doc, "标题", 1, 1);
    assert_pos(doc, "好", 3, 5);
    assert_pos(doc, "第三", 4, 1);
    el_doc_free(doc);
}

/* u (UTF-8, LF) as GB18030 with CRLF line ends; *n gets the length. */
static char *gb18030_crlf(const char *u, size_t *n)
{
    size_t glen = 0;
    char *g = u8_conv_to_encoding("GB18030", iconveh_error, (const uint8_t *)u, strlen(u), NULL,
                                  NULL, &glen);
    assert_non_null(g);
    char *crlf = malloc(glen * 2 + 1);
    *n = 0;
    for (size_t i = 0; i < glen; i++) {
        if (g[i] == '\n')
            crlf[(*n)++] = '\r';
        crlf[(*n)++] = g[i];
    }
    free(g);
    return crlf;
}

static void test_gb18030_crlf_same_positions(void **state)
{
    (void)state;
    const char *u = "以绿色发展绘就新画卷\n　　近年来，浙江省湖州市安吉县“两山”实践成效显著。\n";
    size_t n = 0;
    char *crlf = gb18030_crlf(u, &n);
    el_doc *a = decode(u, strlen(u), EL_ENC_AUTO);
    el_doc *b = decode(crlf, n, EL_ENC_AUTO);
    assert_true(b->ok);
    assert_int_equal(b->encoding, EL_ENC_GB18030);
    assert_string_equal(a->text, b->text);
    assert_pos(b, "安吉县", 2, 13);
    assert_pos(a, "安吉县", 2, 13);
    el_doc_free(a);
    el_doc_free(b);
    free(crlf);
}

/* Short CRLF lines (headings, list numbers, blank lines) in GB18030: many CRs, still text. */
static void test_gb18030_crlf_short_lines(void **state)
{
    (void)state;
    const char *u = "标题\n\n短句一。\n\n短句二。\n\n1.\n\n2.\n\n结尾段落的话。\n";
    size_t n = 0;
    char *crlf = gb18030_crlf(u, &n);
    el_doc *b = decode(crlf, n, EL_ENC_AUTO);
    assert_true(b->ok);
    assert_int_equal(b->encoding, EL_ENC_GB18030);
    assert_string_equal(b->text, u);
    assert_pos(b, "结尾", 11, 1);
    el_doc_free(b);
    free(crlf);
}

static void test_utf16_bom(void **state)
{
    (void)state;
    const char le[] = "\xFF\xFE\x07\x68\x98\x98\n\x00\x63\x6B"; /* 标题\n正 */
    const char be[] = "\xFE\xFF\x68\x07\x98\x98\x00\n\x6B\x63";
    el_doc *a = decode(le, sizeof le - 1, EL_ENC_AUTO);
    el_doc *b = decode(be, sizeof be - 1, EL_ENC_AUTO);
    assert_true(a->ok);
    assert_true(b->ok);
    assert_int_equal(a->encoding, EL_ENC_UTF16LE);
    assert_int_equal(b->encoding, EL_ENC_UTF16BE);
    assert_string_equal(a->text, "标题\n正");
    assert_string_equal(b->text, "标题\n正");
    el_doc_free(a);
    el_doc_free(b);
}

static void test_utf16_no_bom(void **state)
{
    (void)state;
    const char le[] = "a\0b\0c\0\n\0d\0e\0";
    el_doc *a = decode(le, sizeof le - 1, EL_ENC_AUTO);
    assert_true(a->ok);
    assert_int_equal(a->encoding, EL_ENC_UTF16LE);
    assert_string_equal(a->text, "abc\nde");
    el_doc_free(a);
}

static void test_invalid_bytes(void **state)
{
    (void)state;
    /* Mostly UTF-8, one stray byte on line 2. */
    const char s[] = "第一行内容比较长，包含很多汉字。\n第二\xFF行还有更多的汉字内容。\n";
    el_doc *doc = decode(s, sizeof s - 1, EL_ENC_AUTO);
    assert_true(doc->ok);
    assert_int_equal(doc->encoding, EL_ENC_UTF8);
    assert_int_not_equal(doc->invalid_off, SIZE_MAX);
    size_t l, c;
    el_doc_pos(doc, doc->invalid_off, &l, &c);
    assert_int_equal(l, 2);
    assert_int_equal(c, 3);
    assert_non_null(strstr(doc->text, "第二\xEF\xBF\xBD行"));
    el_doc_free(doc);
}

/* A tiny GB18030 file has too few bytes for the bad-byte ratio: no valid UTF-8 multi-byte
 * character at all and a clean GB18030 conversion make it GB18030, not repaired UTF-8. */
static void test_tiny_gb18030(void **state)
{
    (void)state;
    const char s[] = "2024\xC4\xEA\n"; /* 2024年 */
    el_doc *doc = decode(s, sizeof s - 1, EL_ENC_AUTO);
    assert_true(doc->ok);
    assert_int_equal(doc->encoding, EL_ENC_GB18030);
    assert_string_equal(doc->text, "2024年\n");
    assert_int_equal(doc->invalid_off, SIZE_MAX);
    el_doc_free(doc);
    /* A stray byte that is not GB18030 either stays repaired UTF-8. */
    const char t[] = "abc\xFF\n";
    doc = decode(t, sizeof t - 1, EL_ENC_AUTO);
    assert_true(doc->ok);
    assert_int_equal(doc->encoding, EL_ENC_UTF8);
    assert_int_equal(doc->invalid_off, 3);
    el_doc_free(doc);
}

/* A GB18030 draft with a stray byte: read, the byte as U+FFFD at its own line and column. */
static void test_gb18030_stray_byte(void **state)
{
    (void)state;
    size_t n;
    char *gb = gb18030_crlf("标题测试\n　　这是正文，很好。\n　　第三行有坏字节", &n);
    size_t m;
    char *tail = gb18030_crlf("在此。\n", &m);
    char *raw = xmalloc(n + 1 + m);
    memcpy(raw, gb, n);
    raw[n] = '\xFF';
    memcpy(raw + n + 1, tail, m);
    for (int forced = 0; forced < 2; forced++) {
        el_doc *doc = decode(raw, n + 1 + m, forced ? EL_ENC_GB18030 : EL_ENC_AUTO);
        assert_true(doc->ok);
        assert_int_equal(doc->encoding, EL_ENC_GB18030);
        assert_non_null(strstr(doc->text, "坏字节\xEF\xBF\xBD在此"));
        size_t line, col;
        el_doc_pos(doc, doc->invalid_off, &line, &col);
        assert_int_equal(line, 3);
        assert_int_equal(col, 10);
        el_doc_free(doc);
    }
    /* Many bad bytes: still no text. */
    char junk[400];
    for (size_t i = 0; i < sizeof junk; i++)
        junk[i] = (char)(i % 3 == 0 ? 0xFF : 0xB0 + i % 7);
    el_doc *doc = decode(junk, sizeof junk, EL_ENC_AUTO);
    assert_false(doc->ok);
    el_doc_free(doc);
    free(raw);
    free(gb);
    free(tail);
}

static void test_truncated_utf8(void **state)
{
    (void)state;
    const char s[] = "完整的一句话。\xE4\xB8";
    el_doc *doc = decode(s, sizeof s - 1, EL_ENC_AUTO);
    assert_true(doc->ok);
    assert_int_not_equal(doc->invalid_off, SIZE_MAX);
    el_doc_free(doc);
}

static void test_binary_not_text(void **state)
{
    (void)state;
    const char s[] = "\x7F"
                     "ELF\x02\x01\x01\x00\x00\x00\x00\x00\x03\x00\x3E\x00\x01\x00";
    el_doc *doc = decode(s, sizeof s - 1, EL_ENC_AUTO);
    assert_false(doc->ok);
    assert_string_equal(doc->error_code, "not_text");
    el_doc_free(doc);
}

static void test_forced_encoding(void **state)
{
    (void)state;
    const char s[] = "\xB1\xEA\xCC\xE2"; /* 标题 in GB18030 */
    el_doc *doc = decode(s, sizeof s - 1, EL_ENC_GB18030);
    assert_true(doc->ok);
    assert_string_equal(doc->text, "标题");
    el_doc_free(doc);
    doc = decode(s, sizeof s - 1, EL_ENC_UTF16BE);
    assert_true(doc->ok || strcmp(doc->error_code, "bad_encoding") == 0);
    el_doc_free(doc);
}

static void test_empty(void **state)
{
    (void)state;
    el_doc *doc = decode("", 0, EL_ENC_AUTO);
    assert_true(doc->ok);
    assert_int_equal(doc->len, 0);
    size_t l, c;
    el_doc_pos(doc, 0, &l, &c);
    assert_int_equal(l, 1);
    assert_int_equal(c, 1);
    el_doc_free(doc);
}

static void test_long_line_positions(void **state)
{
    (void)state;
    /* Positions stay exact far beyond one checkpoint stride. */
    size_t n = 5000;
    char *s = malloc(n * 3 + 16);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        memcpy(s + k, "字", 3);
        k += 3;
    }
    memcpy(s + k, "X\nY", 4);
    el_doc *doc = decode(s, k + 3, EL_ENC_AUTO);
    assert_pos(doc, "X", 1, n + 1);
    assert_pos(doc, "Y", 2, 1);
    el_doc_free(doc);
    free(s);
}

static void test_names(void **state)
{
    (void)state;
    assert_string_equal(el_decode_name(EL_ENC_GB18030), "gb18030");
    assert_int_equal(el_decode_parse_name("GBK"), EL_ENC_GB18030);
    assert_int_equal(el_decode_parse_name("utf-16le"), EL_ENC_UTF16LE);
    assert_int_equal(el_decode_parse_name("latin1"), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_plain),
        cmocka_unit_test(test_utf8_bom_crlf),
        cmocka_unit_test(test_gb18030_crlf_same_positions),
        cmocka_unit_test(test_gb18030_crlf_short_lines),
        cmocka_unit_test(test_utf16_bom),
        cmocka_unit_test(test_utf16_no_bom),
        cmocka_unit_test(test_invalid_bytes),
        cmocka_unit_test(test_truncated_utf8),
        cmocka_unit_test(test_tiny_gb18030),
        cmocka_unit_test(test_gb18030_stray_byte),
        cmocka_unit_test(test_binary_not_text),
        cmocka_unit_test(test_forced_encoding),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_long_line_positions),
        cmocka_unit_test(test_names),
    };
    return cmocka_run_group_tests_name("decode", tests, NULL, NULL);
}
