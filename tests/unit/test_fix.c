/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for --fix: the replacements, the original encoding, BOM and line
 * endings preserved byte for byte, rules switched off and suppressed lines left
 * alone, refusal when the bytes would not survive, the dry-run diff, and the
 * atomic in-place write (mode kept, symlink followed).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <uniconv.h>
#include <unistd.h>

#include "config.h"
#include "fix.h"

static el_doc *analyse(const char *name, const char *raw, size_t len, const el_config *cfg)
{
    el_doc *doc = el_parse(name, raw, len, NULL);
    assert_true(el_doc_ok(doc));
    el_analyze(doc, cfg);
    return doc;
}

/* Fix raw[0..len) in memory; returns the new bytes (caller frees). */
static char *fix(const char *name, const char *raw, size_t len, size_t *outlen, size_t *nfix)
{
    el_doc *doc = analyse(name, raw, len, NULL);
    char *err = NULL;
    char *out = el_fix_apply(raw, len, doc, outlen, nfix, &err);
    if (out == NULL)
        fail_msg("fix failed: %s", err);
    el_doc_free(doc);
    return out;
}

static void assert_fixed(const char *name, const char *in, const char *want, size_t want_n)
{
    size_t n, k;
    char *out = fix(name, in, strlen(in), &n, &k);
    assert_int_equal(k, want_n);
    assert_int_equal(n, strlen(want));
    assert_memory_equal(out, want, n);
    free(out);
}

static void test_replacements(void **state)
{
    (void)state;
    assert_fixed(
        "a.txt",
        "书香社会\n　　书房越建越多, 借阅量却不见增长?原因(尤其是农村)在于:供给...脱节;"
        "等等。。。还有…一个!\n",
        "书香社会\n　　书房越建越多，借阅量却不见增长？原因（尤其是农村）在于：供给……脱节；"
        "等等……还有……一个！\n",
        10);
    /* Numbers, URLs and notes are left alone. */
    assert_fixed("b.txt", "书香社会\n　　共有3,200人,比例1:2。\n",
                 "书香社会\n　　共有3,200人，比例1:2。\n", 1);
    /* Nothing to fix: the bytes come back unchanged. */
    assert_fixed("c.txt", "书香社会\n　　一切正常。\n", "书香社会\n　　一切正常。\n", 0);
    /* An argument heading on a line of its own is fixed as a paragraph is. */
    assert_fixed(
        "d.txt",
        "书香社会\n\n开头段落写在这里。\n\n一、完善设施,让阅读触手可及\n\n设施是基础.内容是关键。"
        "\n\n二、丰富内容,让阅读入脑入心\n\n内容要好。\n",
        "书香社会\n\n开头段落写在这里。\n\n一、完善设施，让阅读触手可及\n\n设施是基础。内容是关键。"
        "\n\n二、丰富内容，让阅读入脑入心\n\n内容要好。\n",
        3);
}

static void test_line_endings(void **state)
{
    (void)state;
    assert_fixed("crlf.txt", "书香社会\r\n　　越建越多,借阅量增长。\r\n\r\n　　好...\r\n",
                 "书香社会\r\n　　越建越多，借阅量增长。\r\n\r\n　　好……\r\n", 2);
    assert_fixed("cr.txt", "书香社会\r　　越建越多,借阅量增长。\r",
                 "书香社会\r　　越建越多，借阅量增长。\r", 1);
    /* Mixed endings survive line by line; a BOM is kept; no final newline stays so. */
    assert_fixed("mix.txt", "\xEF\xBB\xBF书香社会\n　　越建越多,增长。\r\n　　好,好。",
                 "\xEF\xBB\xBF书香社会\n　　越建越多，增长。\r\n　　好，好。", 2);
}

static void test_markdown(void **state)
{
    (void)state;
    assert_fixed("m.md", "# 书香社会\n\n越建越多,借阅量增长,\n**好**得很,对吗?\n\n- 列表,项\n",
                 "# 书香社会\n\n越建越多，借阅量增长，\n**好**得很，对吗？\n\n- 列表，项\n", 5);
}

static char *convert(const char *to, const char *s, size_t *n)
{
    char *out =
        u8_conv_to_encoding(to, iconveh_error, (const uint8_t *)s, strlen(s), NULL, NULL, n);
    assert_non_null(out);
    return out;
}

static void test_encodings(void **state)
{
    (void)state;
    /* Long enough that decoding does not take the CRs of a short text for binary data. */
    static const char *const in =
        "书香社会\r\n　　书房越建越多,借阅量却不见增长...城市书房嵌入社区、公园和地铁站，市民"
        "步行一刻钟即可借书还书，读书会进机关、进校园、进社区。\r\n";
    static const char *const want =
        "书香社会\r\n　　书房越建越多，借阅量却不见增长……城市书房嵌入社区、公园和地铁站，市民"
        "步行一刻钟即可借书还书，读书会进机关、进校园、进社区。\r\n";
    static const char *const encs[] = {"GB18030", "UTF-16LE"};
    for (size_t e = 0; e < 2; e++) {
        size_t rn, wn, on, k;
        char *raw = convert(encs[e], in, &rn);
        char *exp = convert(encs[e], want, &wn);
        if (e == 1) { /* with a BOM */
            char *b = xmalloc(rn + 2);
            memcpy(b, "\xFF\xFE", 2);
            memcpy(b + 2, raw, rn);
            free(raw);
            raw = b;
            rn += 2;
            b = xmalloc(wn + 2);
            memcpy(b, "\xFF\xFE", 2);
            memcpy(b + 2, exp, wn);
            free(exp);
            exp = b;
            wn += 2;
        }
        el_options opt = {.encoding = e == 0 ? EL_ENC_GB18030 : EL_ENC_AUTO};
        el_doc *doc = el_parse("enc.txt", raw, rn, &opt);
        assert_true(el_doc_ok(doc));
        el_analyze(doc, NULL);
        char *err = NULL;
        char *out = el_fix_apply(raw, rn, doc, &on, &k, &err);
        assert_non_null(out);
        el_doc_free(doc);
        assert_int_equal(k, 2);
        assert_int_equal(on, wn);
        assert_memory_equal(out, exp, wn);
        free(out);
        free(raw);
        free(exp);
    }
}

static void test_config_and_suppression(void **state)
{
    (void)state;
    const char *json = "{\"rules\": {\"punct/ellipsis\": \"off\"}}";
    char *err = NULL;
    el_config *cfg = el_config_parse("c.json", json, strlen(json), &err);
    const char *in = "书香社会\n　　越建越多,好...\n<!-- essaylint-disable-next-line -->\n"
                     "　　越建越多,好。\n　　越建越多,好。\n";
    el_doc *doc = analyse("s.txt", in, strlen(in), cfg);
    size_t n, k;
    char *out = el_fix_apply(in, strlen(in), doc, &n, &k, &err);
    assert_non_null(out);
    assert_int_equal(k, 2);
    const char *want = "书香社会\n　　越建越多，好...\n<!-- essaylint-disable-next-line -->\n"
                       "　　越建越多,好。\n　　越建越多，好。\n";
    assert_int_equal(n, strlen(want));
    assert_memory_equal(out, want, n);
    free(out);
    el_doc_free(doc);
    el_config_free(cfg);
}

static void test_refusals(void **state)
{
    (void)state;
    const char *in = "书香社会\n　　越建越多,好\xFF。\n";
    el_doc *doc = analyse("bad.txt", in, strlen(in), NULL);
    size_t n, k;
    char *err = NULL;
    assert_null(el_fix_apply(in, strlen(in), doc, &n, &k, &err));
    assert_non_null(strstr(err, "invalid bytes"));
    free(err);
    el_doc_free(doc);

    const char *ok = "书香社会\n　　越建越多,好。\n";
    doc = analyse("-", ok, strlen(ok), NULL);
    assert_int_equal(el_fix("-", ok, strlen(ok), doc, false, stdout, &err), -1);
    assert_non_null(strstr(err, "standard input"));
    free(err);
    el_doc_free(doc);
}

static void test_dry_run(void **state)
{
    (void)state;
    const char *in = "书香社会\n　　越建越多,好。\n　　没问题。\n　　好...\n";
    el_doc *doc = analyse("d.txt", in, strlen(in), NULL);
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    char *err = NULL;
    assert_int_equal(el_fix("d.txt", in, strlen(in), doc, true, out, &err), 2);
    fclose(out);
    assert_string_equal(buf, "--- d.txt\n+++ d.txt\n"
                             "@@ -2 +2 @@\n-　　越建越多,好。\n+　　越建越多，好。\n"
                             "@@ -4 +4 @@\n-　　好...\n+　　好……\n");
    free(buf);
    el_doc_free(doc);

    /* The diff keeps the file's bytes: CR before each LF, and a last line without one. */
    in = "书香社会\r\n　　越建越多,好。\r\n　　好...";
    doc = analyse("crlf.txt", in, strlen(in), NULL);
    out = open_memstream(&buf, &len);
    assert_int_equal(el_fix("crlf.txt", in, strlen(in), doc, true, out, &err), 2);
    fclose(out);
    assert_string_equal(buf, "--- crlf.txt\n+++ crlf.txt\n"
                             "@@ -2 +2 @@\n-　　越建越多,好。\r\n+　　越建越多，好。\r\n"
                             "@@ -3 +3 @@\n-　　好...\n\\ No newline at end of file\n"
                             "+　　好……\n\\ No newline at end of file\n");
    free(buf);
    el_doc_free(doc);
}

static void test_code_left_alone(void **state)
{
    (void)state;
    assert_fixed("code.md", "# 书香社会\n\n正文,写`a,b`...\n\n```\n代码,块...\n```\n",
                 "# 书香社会\n\n正文，写`a,b`……\n\n```\n代码,块...\n```\n", 2);
}

static void test_in_place(void **state)
{
    (void)state;
    const char *tmp = getenv("TMPDIR");
    char dir[256], path[300], link[300];
    snprintf(dir, sizeof dir, "%s/el-fix-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/draft.txt", dir);
    snprintf(link, sizeof link, "%s/link.txt", dir);
    const char *in = "书香社会\r\n　　越建越多,好...\r\n";
    FILE *f = fopen(path, "wb");
    fputs(in, f);
    fclose(f);
    assert_int_equal(chmod(path, 0640), 0);
    assert_int_equal(symlink("draft.txt", link), 0);

    el_doc *doc = analyse(link, in, strlen(in), NULL);
    char *err = NULL;
    assert_int_equal(el_fix(link, in, strlen(in), doc, false, stdout, &err), 2);
    /* A second run on the stale bytes is refused: the file changed since it was read. */
    assert_int_equal(el_fix(link, in, strlen(in), doc, false, stdout, &err), -1);
    assert_non_null(strstr(err, "changed"));
    free(err);
    el_doc_free(doc);

    struct stat st, lst;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0640);
    assert_int_equal(lstat(link, &lst), 0);
    assert_true(S_ISLNK(lst.st_mode));
    char got[128] = {0};
    f = fopen(path, "rb");
    size_t n = fread(got, 1, sizeof got - 1, f);
    fclose(f);
    const char *want = "书香社会\r\n　　越建越多，好……\r\n";
    assert_int_equal(n, strlen(want));
    assert_memory_equal(got, want, n);
    unlink(link);
    unlink(path);
    assert_int_equal(rmdir(dir), 0); /* no temporary file left behind */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_replacements),
        cmocka_unit_test(test_line_endings),
        cmocka_unit_test(test_markdown),
        cmocka_unit_test(test_encodings),
        cmocka_unit_test(test_config_and_suppression),
        cmocka_unit_test(test_refusals),
        cmocka_unit_test(test_dry_run),
        cmocka_unit_test(test_code_left_alone),
        cmocka_unit_test(test_in_place),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
