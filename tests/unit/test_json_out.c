/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for json_out.c and the streamed JSON report: the writer must print what
 * cJSON_PrintUnformatted prints for the same values (numbers of every kind, every byte in a
 * string, nesting), and the streamed report of every sample and of hostile drafts must parse
 * with cJSON and print back, through cJSON_PrintUnformatted, to the very same bytes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cJSON.h>
#include <cmocka.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "doc.h"
#include "input.h"
#include "json_out.h"
#include "report.h"

/* The writer's text (NUL-terminated, owned by w). */
static const char *text_of(el_jw *w)
{
    el_jw_byte(w, '\0');
    w->n--;
    return w->v;
}

/* cJSON's printing of item, which is deleted. */
static char *cjson_text(cJSON *item)
{
    char *s = cJSON_PrintUnformatted(item);
    cJSON_Delete(item);
    assert_non_null(s);
    return s;
}

static void check_num(double d)
{
    el_jw w;
    el_jw_init(&w, 0);
    el_jw_num(&w, d);
    char *want = cjson_text(cJSON_CreateNumber(d));
    if (strcmp(text_of(&w), want) != 0) {
        fprintf(stderr, "number %.17g: writer %s, cJSON %s\n", d, text_of(&w), want);
        fail();
    }
    cJSON_free(want);
    el_jw_free(&w);
}

static void check_uint(uint64_t v)
{
    el_jw w;
    el_jw_init(&w, 0);
    el_jw_uint(&w, v);
    char *want = cjson_text(cJSON_CreateNumber((double)v));
    assert_string_equal(text_of(&w), want);
    cJSON_free(want);
    el_jw_free(&w);
}

static void check_int(int64_t v)
{
    el_jw w;
    el_jw_init(&w, 0);
    el_jw_int(&w, v);
    char *want = cjson_text(cJSON_CreateNumber((double)v));
    assert_string_equal(text_of(&w), want);
    cJSON_free(want);
    el_jw_free(&w);
}

/* A small deterministic generator, so a failure can be replayed. */
static uint64_t rng_state = 0x9E3779B97F4A7C15ULL;
static uint64_t rng(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static void test_numbers(void **state)
{
    (void)state;
    static const double fixed[] = {0.0,
                                   -0.0,
                                   1.0,
                                   -1.0,
                                   0.1,
                                   0.2,
                                   0.30000000000000004,
                                   1e-06,
                                   1e-7,
                                   3.141592653589793,
                                   2.5,
                                   -2.5,
                                   1e15,
                                   1e15 - 1,
                                   1e15 + 1,
                                   -1e15,
                                   -(1e15 - 1),
                                   1e16,
                                   1e17,
                                   9007199254740992.0,
                                   9007199254740993.0,
                                   1234567890123456.0,
                                   12345678901234567890.0,
                                   (double)INT_MAX,
                                   (double)INT_MAX + 1,
                                   (double)INT_MIN,
                                   (double)INT_MIN - 1,
                                   1e300,
                                   1e308,
                                   DBL_MAX,
                                   -DBL_MAX,
                                   DBL_MIN,
                                   5e-324,
                                   1e21,
                                   123456.789,
                                   0.5e-300};
    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
        check_num(fixed[i]);
    check_num(NAN);
    check_num(INFINITY);
    check_num(-INFINITY);
    for (int i = 0; i < 20000; i++) {
        uint64_t bits = rng();
        double d;
        memcpy(&d, &bits, sizeof d);
        check_num(d);                                    /* any bit pattern */
        check_num((double)(int64_t)(bits >> 10) / 1000); /* decimals as statistics have */
        check_num((double)(bits % 100000) / 100);
        check_num((double)(int64_t)(bits >> (bits % 64)) * ((bits & 1) ? -1 : 1));
    }
    static const uint64_t ufixed[] = {0,
                                      1,
                                      9,
                                      10,
                                      999999999999999ULL,
                                      1000000000000000ULL,
                                      1000000000000001ULL,
                                      9007199254740993ULL,
                                      UINT64_MAX,
                                      (uint64_t)INT_MAX + 1};
    for (size_t i = 0; i < sizeof ufixed / sizeof *ufixed; i++)
        check_uint(ufixed[i]);
    static const int64_t ifixed[] = {
        0,         -1,        1,         INT_MIN, INT_MAX, -999999999999999LL, -1000000000000000LL,
        INT64_MIN, INT64_MAX, -123456789};
    for (size_t i = 0; i < sizeof ifixed / sizeof *ifixed; i++)
        check_int(ifixed[i]);
    for (int i = 0; i < 20000; i++) {
        uint64_t v = rng() >> (rng() % 64);
        check_uint(v);
        check_int((int64_t)v * ((v & 1) ? -1 : 1));
    }
}

/* s[0..n) has no NUL: the writer and cJSON must agree on it. */
static void check_string(const char *s, size_t n)
{
    char *c = malloc(n + 1);
    memcpy(c, s, n);
    c[n] = '\0';
    el_jw w;
    el_jw_init(&w, 1);
    el_jw_strn(&w, s, n);
    char *want = cjson_text(cJSON_CreateString(c));
    assert_int_equal(w.n, strlen(want));
    assert_memory_equal(w.v, want, w.n);
    el_jw_free(&w);
    el_jw_init(&w, 0);
    el_jw_str(&w, c);
    assert_string_equal(text_of(&w), want);
    el_jw_free(&w);
    cJSON_free(want);
    free(c);
}

static void test_strings(void **state)
{
    (void)state;
    check_string("", 0);
    check_string("plain ascii", 11);
    check_string("\"\\/\b\f\n\r\t", 8);
    const char *han = "浙江省“红管家”\u2028行\u2029段\xef\xbb\xbf";
    check_string(han, strlen(han));
    /* every byte alone, and all of them in a row (invalid UTF-8 passes through) */
    char all[255];
    for (int b = 1; b < 256; b++) {
        char c = (char)b;
        check_string(&c, 1);
        all[b - 1] = c;
    }
    check_string(all, sizeof all);
    /* an escape at every position of the 8-byte fast path, and across the 4096-byte chunks */
    char buf[9000];
    for (size_t len = 1; len <= 40; len++)
        for (size_t at = 0; at < len; at++) {
            memset(buf, 'a', len);
            buf[at] = at % 3 == 0 ? '"' : at % 3 == 1 ? '\\' : '\x1f';
            check_string(buf, len);
        }
    for (size_t i = 0; i < sizeof buf; i++)
        buf[i] = (char)(i % 7 == 0 ? 1 : 'a' + i % 26);
    check_string(buf, sizeof buf);
    memset(buf, '\x01', sizeof buf);
    check_string(buf, sizeof buf);
    for (int k = 0; k < 2000; k++) {
        size_t len = rng() % 100;
        for (size_t i = 0; i < len; i++) {
            buf[i] = (char)(rng() % 255 + 1);
            if (rng() % 2)
                buf[i] = (char)(0xE4 + rng() % 5); /* Han lead bytes: the common case */
        }
        check_string(buf, len);
    }
    /* a NUL byte inside is written as an escape, not as the end */
    el_jw w;
    el_jw_init(&w, 0);
    el_jw_strn(&w, "a\0b", 3);
    assert_string_equal(text_of(&w), "\"a\\u0000b\"");
    el_jw_free(&w);
}

static void test_structure(void **state)
{
    (void)state;
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "k\"ey", "v");
    cJSON *a = cJSON_AddArrayToObject(o, "arr");
    cJSON_AddItemToArray(a, cJSON_CreateNumber(1));
    cJSON_AddItemToArray(a, cJSON_CreateObject());
    cJSON_AddItemToArray(a, cJSON_CreateArray());
    cJSON_AddItemToArray(a, cJSON_CreateNull());
    cJSON *in = cJSON_CreateObject();
    cJSON_AddBoolToObject(in, "t", 1);
    cJSON_AddBoolToObject(in, "f", 0);
    cJSON_AddItemToArray(a, in);
    cJSON_AddArrayToObject(o, "empty");
    cJSON_AddNumberToObject(o, "n", -0.5);
    char *want = cjson_text(o);

    el_jw w;
    el_jw_init(&w, 0);
    el_jw_obj(&w);
    el_jw_key(&w, "k\"ey");
    el_jw_str(&w, "v");
    EL_JW_KEY(&w, "arr");
    el_jw_arr(&w);
    el_jw_int(&w, 1);
    el_jw_obj(&w);
    el_jw_obj_end(&w);
    el_jw_arr(&w);
    el_jw_arr_end(&w);
    el_jw_null(&w);
    el_jw_obj(&w);
    EL_JW_KEY(&w, "t");
    el_jw_bool(&w, true);
    EL_JW_KEY(&w, "f");
    el_jw_bool(&w, false);
    el_jw_obj_end(&w);
    el_jw_arr_end(&w);
    EL_JW_KEY(&w, "empty");
    el_jw_arr(&w);
    el_jw_arr_end(&w);
    EL_JW_KEY(&w, "n");
    el_jw_num(&w, -0.5);
    el_jw_obj_end(&w);
    assert_string_equal(text_of(&w), want);
    el_jw_free(&w);
    cJSON_free(want);
}

/* The streamed report of doc against its printed cJSON tree. */
static void check_report(el_doc *doc, const char *name)
{
    for (int en = 0; en < 2; en++) {
        el_report_options ropt = {.english = en};
        char *got = NULL;
        size_t len = 0;
        FILE *m = open_memstream(&got, &len);
        assert_int_equal(el_report_json(doc, &ropt, m), 0);
        fclose(m);
        assert_true(len > 0 && got[len - 1] == '\n');
        cJSON *back = cJSON_ParseWithLength(got, len);
        assert_non_null(back);
        char *want = cJSON_PrintUnformatted(back);
        assert_non_null(want);
        size_t wl = strlen(want);
        if (len != wl + 1 || memcmp(got, want, wl) != 0) {
            size_t i = 0;
            while (i < wl && i < len && got[i] == want[i])
                i++;
            fprintf(stderr,
                    "%s: streamed report differs at byte %zu:\n  cJSON:  %.80s\n  stream: %.80s\n",
                    name, i, want + (i > 20 ? i - 20 : 0), got + (i > 20 ? i - 20 : 0));
            fail();
        }
        cJSON_Delete(back);
        cJSON_free(want);
        free(got);
    }
}

static el_doc *analysed(const char *path, const char *buf, size_t len)
{
    el_doc *doc = el_parse(path, buf, len, NULL);
    if (el_doc_ok(doc))
        el_analyze(doc, NULL);
    return doc;
}

static void check_dir(const char *dir, size_t *count)
{
    el_inputs list = {0};
    el_input_expand(dir, &list);
    for (size_t i = 0; i < list.n; i++) {
        const char *path = list.v[i].path;
        char *buf;
        size_t len;
        const char *code;
        char *msg;
        el_doc *doc;
        if (list.v[i].err_code != NULL)
            doc = el_doc_failed(path, list.v[i].err_code, "unreadable");
        else if (!el_input_read(path, 64 << 20, &buf, &len, &code, &msg)) {
            doc = el_doc_failed(path, code, msg);
            free(msg);
        } else {
            doc = analysed(path, buf, len);
            free(buf);
        }
        check_report(doc, path);
        el_doc_free(doc);
        (*count)++;
    }
    el_inputs_free(&list);
}

static void test_samples(void **state)
{
    (void)state;
    size_t count = 0;
    check_dir("samples", &count);
    check_dir("tests/rules", &count);
    check_dir("tests/cli/fixtures", &count);
    assert_true(count >= 17);
}

static void check_draft(const char *path, const char *s, size_t n)
{
    el_doc *doc = analysed(path, s, n);
    check_report(doc, path);
    el_doc_free(doc);
}

static void test_hostile(void **state)
{
    (void)state;
    static const char body[] =
        "以特色产业激活乡村振兴。浙江省杭州市某村“红管家”调解了120件纠纷，占比30%。";
    static const char *const drafts[] = {
        "",
        "  \n\t\n",
        "控制\x01字符\x02和\x1f与\x7f以及\b退格\f换页\t制表\v垂直\r回车\"引号\"\\反斜杠",
        "# 标题\x1b[31m\n\n## 分论点一：\x07响铃\n\n正文。\n",
        "行\xe2\x80\xa8分隔\xe2\x80\xa9段落\xef\xbb\xbf零宽\xe2\x80\x8b。“\xe2\x80\xa8”",
        "无效\xff\xfe\x80\xc0\xaf\xed\xa0\x80\xf4\x90\x80\x80 abc \xe4\xb8",
        /* One element each: the parentheses tell clang (-Wstring-concatenation) that the
           adjacent literals are meant to join. */
        ("增长了99999999999999999999999999%，占比1e308%，达到123456789012345678元，约"
         "3.14159265358979323846%，0.1%的人，0.30000000000000004%，1234567890123456个，"
         "999999999999999个，1000000000000000个，-5%，负增长-0.0%，增长0.000001%，达1.5万亿元。"),
        ("习近平总书记指出：“绿水青山就是金山银山。”古人云：“民为邦本，本固邦宁。”"
         "他说：\"\\\\\"和\"\\\"\"以及《\\\"书名\\\"》。"),
        "a\0b\0c",
    };
    for (size_t i = 0; i < sizeof drafts / sizeof *drafts; i++) {
        size_t n = i == sizeof drafts / sizeof *drafts - 1 ? 5 : strlen(drafts[i]);
        char *s = malloc(3 * sizeof body + n + 1);
        /* each draft alone, then inside ordinary text */
        check_draft(i % 2 ? "h.md" : "h.txt", drafts[i], n);
        size_t k = 0;
        memcpy(s + k, body, sizeof body - 1);
        k += sizeof body - 1;
        memcpy(s + k, drafts[i], n);
        k += n;
        memcpy(s + k, "\n\n", 2);
        k += 2;
        memcpy(s + k, body, sizeof body - 1);
        k += sizeof body - 1;
        check_draft(i % 2 ? "h.txt" : "h.md", s, k);
        free(s);
    }
    /* a failed document, with characters to escape in its path and message */
    el_doc *doc = el_doc_failed("dir/\"a\"\x01.md", "not_found", "no such file: \"\\\"");
    check_report(doc, "failed");
    el_doc_free(doc);
}

/* What --jsonl-input adds: the id first, the input line inside "error". */
static void test_extra(void **state)
{
    (void)state;
    el_doc *doc = el_doc_failed("-", "bad_input", "line 3: not valid JSON");
    el_report_json_extra x = {.id_json = "[1,\"a\"]", .error_line = 3};
    char *got = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&got, &len);
    assert_int_equal(el_report_json_with(doc, NULL, &x, m), 0);
    fclose(m);
    assert_string_equal(got, "{\"id\":[1,\"a\"],\"path\":\"-\",\"ok\":false,\"error\":{\"code\":"
                             "\"bad_input\",\"message\":\"line 3: not valid JSON\",\"line\":3}}\n");
    free(got);
    el_doc_free(doc);

    /* an ok document takes the id but never an error line */
    doc = analysed("-", "正文。", strlen("正文。"));
    x = (el_report_json_extra){.id_json = "null", .error_line = 9};
    el_jw w;
    el_jw_init(&w, 0);
    el_report_json_write(&w, doc, NULL, &x);
    assert_true(w.n > 10 && memcmp(w.v, "{\"id\":null,\"path\":\"-\",\"ok\":true,", 32) == 0);
    assert_null(strstr(text_of(&w), "\"line\":9"));
    el_jw_free(&w);
    el_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numbers),   cmocka_unit_test(test_strings),
        cmocka_unit_test(test_structure), cmocka_unit_test(test_samples),
        cmocka_unit_test(test_hostile),   cmocka_unit_test(test_extra),
    };
    return cmocka_run_group_tests_name("json_out", tests, NULL, NULL);
}
