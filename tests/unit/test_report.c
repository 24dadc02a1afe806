/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for the reporters other than JSON: the text outline (rows aligned by display
 * width, within 80 columns), the SARIF 2.1.0 log (its shape, and findings at the positions
 * the JSON report gives), and the summaries (CSV quoting per RFC 4180, the SUMMARY object,
 * the --summary table).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cJSON.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "essaylint.h"
#include "report.h"
#include "rules.h"
#include "text.h"

/* ---- helpers ------------------------------------------------------------------------------ */

typedef struct mem {
    char *buf;
    size_t len;
    FILE *f;
} mem;

static FILE *mem_open(mem *m)
{
    m->buf = NULL;
    m->len = 0;
    m->f = open_memstream(&m->buf, &m->len);
    assert_non_null(m->f);
    return m->f;
}

/* Close the stream; the caller frees the returned text. */
static char *mem_close(mem *m)
{
    assert_int_equal(fclose(m->f), 0);
    return m->buf;
}

static el_doc *analysed(const char *path, const char *text)
{
    el_doc *doc = el_parse(path, text, strlen(text), NULL);
    assert_true(el_doc_ok(doc));
    el_analyze(doc, NULL);
    return doc;
}

static char *text_report(const el_doc *doc, bool english)
{
    el_report_options opt = {0};
    opt.english = english;
    mem m;
    assert_int_equal(el_report_text(doc, &opt, mem_open(&m)), 0);
    return mem_close(&m);
}

static size_t width(const char *s, size_t n)
{
    return el_text_width(s, n);
}

/* The next line of *p (without its '\n'), or NULL at the end; *n gets its length. */
static const char *next_line(const char **p, size_t *n)
{
    if (**p == '\0')
        return NULL;
    const char *s = *p, *nl = strchr(s, '\n');
    *n = nl ? (size_t)(nl - s) : strlen(s);
    *p = nl ? nl + 1 : s + *n;
    return s;
}

/* Byte offset in row where display column col starts (col columns precede it), or SIZE_MAX
 * when a wide character straddles it. */
static size_t offset_at_column(const char *row, size_t n, size_t col)
{
    size_t used = 0, i = 0;
    while (i < n && used < col) {
        size_t k = el_u8_len((unsigned char)row[i]);
        used += width(row + i, k);
        i += k;
    }
    return used == col ? i : SIZE_MAX;
}

/* A check the current reporter is known to fail (reported, to be fixed in the reporter):
 * skipped while it fails, failing once it passes, so the mark goes with the fix. */
/* ---- text --------------------------------------------------------------------------------- */

#define SMALL_ESSAY                                                                                           \
    "以全民阅读点亮书香社会\n\n"                                                                   \
    "　　阅读是一个民族精神发育的基础。要完善阅读设施，让书香浸润城乡。\n\n" \
    "一、完善阅读设施，让书香触手可及\n\n"                                                    \
    "　　湖北省武汉市推出“江城书单”，每季度精选图书40种，带动相关图书销量增长35%。\n"

/* Each outline row exactly: label in 12 columns, text in 40, then line and counts. */
static void test_text_outline_rows(void **state)
{
    (void)state;
    el_doc *doc = analysed("s.txt", SMALL_ESSAY);
    char *out = text_report(doc, false);
    char want[1024];
    /* 标题 is 4 columns wide: 8 spaces fill the 12; the title is 22 wide: 18 more fill 40.
       96 字: title 11 + heading 14 (written in the grid too) + paragraphs 31 + 40. */
    snprintf(want, sizeof want,
             "s.txt  utf-8, text, 96 字, 2 段, 3 句\n"
             "  标题%8s以全民阅读点亮书香社会%18s L1\n"
             "  总领%8s-%39s L3     1段   31字\n"
             "  分论点 1%4s完善阅读设施，让书香触手可及%12s L5     1段   40字\n",
             "", "", "", "", "", "");
    assert_memory_equal(out, want, strlen(want));
    free(out);
    el_doc_free(doc);
}

/*
 * Rows of mixed CJK and Latin text, titles cut with "…" at an odd column: in every outline
 * row the line column starts at display column 54 (2 + 12 + 40), and no row is wider than 80.
 */
static void test_text_outline_alignment(void **state)
{
    (void)state;
    el_doc *doc = analysed(
        "r.md", "# 以数字化改革为牵引全面推进基层治理体系和治理能力现代化建设的实践与思考\n\n"
                "当前，数字技术深刻改变着社会治理方式。推进基层治理现代化，要用好数字工具。\n\n"
                "## 一、打破 Data 壁垒，跑出政务服务“加速度”\n\n"
                "浙江省杭州市推行“一网通办”，办理时限压缩 60%。要打通数据壁垒。\n\n"
                "## 二、坚持需求导向\n\n"
                "上海市推出“随申办”，用户超 5000 万。要坚持需求导向。\n\n"
                "## 三、Build a safer and smarter digital infrastructure for everyone\n\n"
                "广东省深圳市建成数据中心。要夯实底座。\n\n"
                "## 四、a以数字化改革为牵引全面推进基层治理体系和治理能力现代化\n\n"
                "四川省成都市建成数据中心。要夯实底座。\n\n"
                "## 结尾\n\n"
                "总之，数字政府建设永远在路上。\n");
    for (int en = 0; en <= 1; en++) {
        char *out = text_report(doc, en);
        const char *p = out, *row;
        size_t n, rows = 0;
        next_line(&p, &n); /* the header: path and counts */
        while ((row = next_line(&p, &n)) != NULL && n > 2 && row[0] == ' ' && row[1] == ' ') {
            rows++;
            size_t w = width(row, n);
            if (w > 80)
                print_error("row %zu is %zu columns: %.*s\n", rows, w, (int)n, row);
            assert_true(w <= 80);
            size_t at = offset_at_column(row, n, 54);
            if (at == SIZE_MAX || row[at] != ' ' || row[at + 1] != 'L' ||
                !(row[at + 2] >= '0' && row[at + 2] <= '9'))
                print_error("row %zu: line column not at 54: %.*s\n", rows, (int)n, row);
            assert_true(at != SIZE_MAX);
            assert_memory_equal(row + at, " L", 2);
            assert_true(row[at + 2] >= '0' && row[at + 2] <= '9');
        }
        assert_int_equal(rows, 7); /* title and six sections */
        /* the long title is cut with "…" */
        assert_non_null(strstr(out, "以数字化改革为牵引全面推进基层治理体系…"));
        assert_non_null(strstr(out, "Build a safer and smarter digital infra…"));
        free(out);
    }
    el_doc_free(doc);
}

/* A tab (or another control character) inside a title is no column for el_text_width, but a
 * terminal moves to the next tab stop: the row must not print it as is. */
static void test_text_outline_controls(void **state)
{
    (void)state;
    el_doc *doc = analysed("c.md", "# 以阅读\t点亮生活\n\n## 一、完善设施，\t让书香触手可及\n\n"
                                   "湖北省武汉市推出“江城书单”。要完善设施。\n");
    char *out = text_report(doc, false);
    const char *p = out, *row;
    size_t n;
    bool clean = true;
    next_line(&p, &n);
    while ((row = next_line(&p, &n)) != NULL && n > 2 && row[0] == ' ' && row[1] == ' ')
        for (size_t i = 0; i < n; i++)
            clean &= (unsigned char)row[i] >= 0x20 && row[i] != 0x7F;
    free(out);
    el_doc_free(doc);
    assert_true(clean);
}

/* Findings as path:line:column: severity: message [rule], positions as the JSON report has
 * them; a document that could not be read is one error line. */
static void test_text_findings(void **state)
{
    (void)state;
    el_doc *doc = analysed("f.txt", SMALL_ESSAY);
    char *out = text_report(doc, true);
    assert_non_null(strstr(out, "f.txt:1:1: warning: "));
    assert_non_null(strstr(out, " [length/total]\n"));
    free(out);
    el_doc_free(doc);

    el_doc *bad = el_doc_failed("gone.md", "not_found", "No such file or directory");
    out = text_report(bad, false);
    assert_string_equal(out, "gone.md: error: No such file or directory\n");
    free(out);
    el_doc_free(bad);
}

/* ---- SARIF -------------------------------------------------------------------------------- */

static const cJSON *get(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (v == NULL)
        print_error("missing \"%s\"\n", key);
    assert_non_null(v);
    return v;
}

static const char *get_str(const cJSON *o, const char *key)
{
    const cJSON *v = get(o, key);
    assert_true(cJSON_IsString(v));
    return v->valuestring;
}

static double get_num(const cJSON *o, const char *key)
{
    const cJSON *v = get(o, key);
    assert_true(cJSON_IsNumber(v));
    return v->valuedouble;
}

static bool is_level(const char *s)
{
    return strcmp(s, "error") == 0 || strcmp(s, "warning") == 0 || strcmp(s, "note") == 0;
}

/* The whole log for an analysed draft (artifact 0) and an unreadable one (artifact 1). */
static char *sarif_log(const el_doc *ok, const el_doc *bad)
{
    mem m, a, nt;
    FILE *out = mem_open(&m);
    assert_int_equal(el_report_sarif_begin(NULL, out), 0);
    assert_true(el_report_sarif_results(ok, NULL, 0, out) >= 0);
    assert_int_equal(el_report_sarif_results(bad, NULL, 1, out), 0);
    FILE *fa = mem_open(&a);
    assert_int_equal(el_report_sarif_artifact(ok, fa), 0);
    fputc(',', fa);
    assert_int_equal(el_report_sarif_artifact(bad, fa), 0);
    char *arts = mem_close(&a);
    FILE *fn = mem_open(&nt);
    assert_int_equal(el_report_sarif_notification(ok, 0, fn), 0);
    assert_int_equal(el_report_sarif_notification(bad, 1, fn), 0);
    char *notes = mem_close(&nt);
    assert_int_equal(el_report_sarif_end(arts, notes, false, out), 0);
    free(arts);
    free(notes);
    return mem_close(&m);
}

static void test_sarif_shape(void **state)
{
    (void)state;
    el_doc *ok = analysed("班级 3/作文.txt", SMALL_ESSAY);
    el_doc *bad = el_doc_failed("gone 1.md", "not_found", "No such file or directory");
    char *log = sarif_log(ok, bad);
    cJSON *root = cJSON_Parse(log);
    if (root == NULL)
        print_error("not JSON: %s\n", log);
    assert_non_null(root);
    assert_string_equal(get_str(root, "version"), "2.1.0");
    assert_non_null(strstr(get_str(root, "$schema"), "sarif-2.1.0"));
    const cJSON *runs = get(root, "runs");
    assert_int_equal(cJSON_GetArraySize(runs), 1);
    const cJSON *run = cJSON_GetArrayItem(runs, 0);
    assert_string_equal(get_str(run, "columnKind"), "unicodeCodePoints");

    const cJSON *driver = get(get(run, "tool"), "driver");
    assert_string_equal(get_str(driver, "name"), "essaylint");
    assert_string_equal(get_str(driver, "version"), EL_VERSION);
    const cJSON *rules = get(driver, "rules");
    assert_int_equal(cJSON_GetArraySize(rules), el_rule_count());
    for (int i = 0; i < cJSON_GetArraySize(rules); i++) {
        const cJSON *r = cJSON_GetArrayItem(rules, i);
        assert_string_equal(get_str(r, "id"), el_rule(i)->id);
        assert_true(strlen(get_str(get(r, "shortDescription"), "text")) > 0);
        assert_true(strlen(get_str(get(r, "help"), "text")) > 0);
        assert_true(is_level(get_str(get(r, "defaultConfiguration"), "level")));
    }

    /* every finding is a result at the position the JSON report gives */
    mem jm;
    assert_int_equal(el_report_json(ok, NULL, mem_open(&jm)), 0);
    char *json = mem_close(&jm);
    cJSON *file = cJSON_Parse(json);
    assert_non_null(file);
    const cJSON *findings = get(file, "findings");
    const cJSON *results = get(run, "results");
    assert_true(cJSON_GetArraySize(findings) > 0);
    assert_int_equal(cJSON_GetArraySize(results), cJSON_GetArraySize(findings));
    for (int i = 0; i < cJSON_GetArraySize(results); i++) {
        const cJSON *r = cJSON_GetArrayItem(results, i), *f = cJSON_GetArrayItem(findings, i);
        int idx = (int)get_num(r, "ruleIndex");
        assert_string_equal(get_str(r, "ruleId"), get_str(cJSON_GetArrayItem(rules, idx), "id"));
        assert_string_equal(get_str(r, "ruleId"), get_str(f, "rule"));
        const char *sev = get_str(f, "severity");
        assert_string_equal(get_str(r, "level"), strcmp(sev, "info") == 0 ? "note" : sev);
        assert_string_equal(get_str(get(r, "message"), "text"), get_str(f, "message"));
        const cJSON *locs = get(r, "locations");
        assert_int_equal(cJSON_GetArraySize(locs), 1);
        const cJSON *pl = get(cJSON_GetArrayItem(locs, 0), "physicalLocation");
        const cJSON *al = get(pl, "artifactLocation");
        assert_string_equal(get_str(al, "uri"), "%E7%8F%AD%E7%BA%A7%203/%E4%BD%9C%E6%96%87.txt");
        assert_int_equal(get_num(al, "index"), 0);
        const cJSON *region = get(pl, "region");
        assert_int_equal(get_num(region, "startLine"), get_num(f, "line"));
        assert_int_equal(get_num(region, "startColumn"), get_num(f, "column"));
    }

    /* every input is an artifact; the unreadable one is a notification, and the run failed */
    const cJSON *arts = get(run, "artifacts");
    assert_int_equal(cJSON_GetArraySize(arts), 2);
    assert_string_equal(get_str(cJSON_GetArrayItem(arts, 0), "encoding"), "utf-8");
    assert_string_equal(get_str(cJSON_GetArrayItem(arts, 0), "mimeType"), "text/plain");
    assert_string_equal(get_str(get(cJSON_GetArrayItem(arts, 1), "location"), "uri"),
                        "gone%201.md");
    assert_null(cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(arts, 1), "encoding"));
    const cJSON *inv = get(run, "invocations");
    assert_int_equal(cJSON_GetArraySize(inv), 1);
    assert_true(cJSON_IsFalse(get(cJSON_GetArrayItem(inv, 0), "executionSuccessful")));
    const cJSON *nts = get(cJSON_GetArrayItem(inv, 0), "toolExecutionNotifications");
    assert_int_equal(cJSON_GetArraySize(nts), 1);
    const cJSON *nt = cJSON_GetArrayItem(nts, 0);
    assert_string_equal(get_str(nt, "level"), "error");
    assert_string_equal(get_str(get(nt, "descriptor"), "id"), "not_found");
    assert_string_equal(get_str(get(nt, "message"), "text"),
                        "gone 1.md: No such file or directory");
    const cJSON *nal = get(get(cJSON_GetArrayItem(get(nt, "locations"), 0), "physicalLocation"),
                           "artifactLocation");
    assert_int_equal(get_num(nal, "index"), 1);

    cJSON_Delete(file);
    free(json);
    cJSON_Delete(root);
    free(log);
    el_doc_free(bad);
    el_doc_free(ok);
}

/* ---- summaries ---------------------------------------------------------------------------- */

static char *csv_row(const char *path, bool ok, const char *code)
{
    el_summary_row r = {0};
    r.path = (char *)path;
    r.ok = ok;
    r.error_code = code;
    r.chars = 1050;
    r.arguments = 3;
    r.cases = 7;
    r.statistics = 9;
    r.quotes = 2;
    r.errors = 1;
    r.warnings = 4;
    r.infos = 5;
    mem m;
    assert_int_equal(el_report_csv_row(&r, mem_open(&m)), 0);
    return mem_close(&m);
}

static void assert_csv_row(const char *path, bool ok, const char *code, const char *want)
{
    char *got = csv_row(path, ok, code);
    assert_string_equal(got, want);
    free(got);
}

/* Quoted exactly when a field holds a comma, a quote or a line break; quotes doubled. */
static void test_csv_quoting(void **state)
{
    (void)state;
    mem m;
    assert_int_equal(el_report_csv_header(mem_open(&m)), 0);
    char *head = mem_close(&m);
    assert_string_equal(
        head, "path,ok,error,chars,arguments,cases,statistics,quotes,errors,warnings,infos\r\n");
    free(head);
    assert_csv_row("a.md", true, NULL, "a.md,true,,1050,3,7,9,2,1,4,5\r\n");
    assert_csv_row("a,b.md", true, NULL, "\"a,b.md\",true,,1050,3,7,9,2,1,4,5\r\n");
    assert_csv_row("say \"hi\".md", true, NULL,
                   "\"say \"\"hi\"\".md\",true,,1050,3,7,9,2,1,4,5\r\n");
    assert_csv_row("a\nb.md", true, NULL, "\"a\nb.md\",true,,1050,3,7,9,2,1,4,5\r\n");
    assert_csv_row("a\rb.md", true, NULL, "\"a\rb.md\",true,,1050,3,7,9,2,1,4,5\r\n");
    assert_csv_row("\"", true, NULL, "\"\"\"\",true,,1050,3,7,9,2,1,4,5\r\n");
    /* an unreadable input: its code, and the counts left empty (11 fields all the same) */
    assert_csv_row("gone,1.md", false, "not_found", "\"gone,1.md\",false,not_found,,,,,,,,\r\n");
}

/* Trap: nothing else is quoted (spaces, semicolons, full-width commas, CJK). */
static void test_csv_quoting_trap(void **state)
{
    (void)state;
    assert_csv_row("班级 3/作文，一;二.md", true, NULL,
                   "班级 3/作文，一;二.md,true,,1050,3,7,9,2,1,4,5\r\n");
    assert_csv_row("'x'.md", true, NULL, "'x'.md,true,,1050,3,7,9,2,1,4,5\r\n");
}

static void test_json_summary(void **state)
{
    (void)state;
    el_doc *ok = analysed("s.txt", SMALL_ESSAY);
    el_doc *bad = el_doc_failed("gone.md", "not_found", "No such file or directory");
    el_run_totals t = {0};
    el_run_totals_add(&t, ok);
    el_run_totals_add(&t, bad);
    mem m;
    assert_int_equal(el_report_json_summary(&t, mem_open(&m)), 0);
    char *s = mem_close(&m);
    cJSON *j = cJSON_Parse(s);
    assert_non_null(j);
    assert_int_equal(get_num(j, "files"), 2);
    assert_int_equal(get_num(j, "failed"), 1);
    assert_int_equal(get_num(j, "chars"), el_doc_counts(ok).chars);
    const cJSON *f = get(j, "findings");
    assert_int_equal(get_num(f, "error"), el_doc_nfindings(ok, EL_SEV_ERROR));
    assert_int_equal(get_num(f, "warning"), el_doc_nfindings(ok, EL_SEV_WARNING));
    assert_int_equal(get_num(f, "info"), el_doc_nfindings(ok, EL_SEV_INFO));
    assert_int_equal(cJSON_GetArraySize(j), 4);
    assert_int_equal(cJSON_GetArraySize(f), 3);
    cJSON_Delete(j);
    free(s);
    el_doc_free(bad);
    el_doc_free(ok);
}

/* The --summary table: every row as wide as the header, CJK paths aligned by display width;
 * with a width, long paths lose their front behind "…" and rows fit it exactly. */
static void test_summary_table(void **state)
{
    (void)state;
    el_summary_row rows[3] = {{0}};
    rows[0].path = (char *)"a.md";
    rows[0].ok = true;
    rows[0].chars = 1050;
    rows[1].path = (char *)"班级三/第一篇作文.txt";
    rows[1].ok = true;
    rows[1].chars = 987;
    rows[1].warnings = 12;
    rows[2].path = (char *)"班级三/一个非常非常非常长的作文文件名字.md";
    rows[2].ok = true;
    for (size_t limit = 0; limit <= 60; limit += 60) {
        mem m;
        assert_int_equal(el_report_summary_table(rows, 3, NULL, limit, mem_open(&m)), 0);
        char *out = mem_close(&m);
        const char *p = out, *row;
        size_t n, w0 = 0, k = 0;
        while ((row = next_line(&p, &n)) != NULL) {
            size_t w = width(row, n);
            if (k++ == 0)
                w0 = w;
            if (w != w0)
                print_error("row of %zu columns, header %zu: %.*s\n", w, w0, (int)n, row);
            assert_int_equal(w, w0);
        }
        assert_int_equal(k, 4);
        if (limit) {
            assert_int_equal(w0, limit);
            assert_non_null(strstr(out, "…"));
        } else {
            assert_non_null(strstr(out, rows[2].path));
        }
        free(out);
    }
}

/* The source of each quote of text's JSON report, '|'-separated ("-" for null), into out. */
static const char *quote_sources(const char *text, char *out, size_t cap)
{
    el_doc *doc = analysed("q.txt", text);
    mem jm;
    assert_int_equal(el_report_json(doc, NULL, mem_open(&jm)), 0);
    char *json = mem_close(&jm);
    cJSON *file = cJSON_Parse(json);
    assert_non_null(file);
    size_t o = 0;
    out[0] = '\0';
    const cJSON *q;
    cJSON_ArrayForEach(q, get(file, "quotes"))
    {
        const cJSON *src = get(q, "source");
        o += (size_t)snprintf(out + o, cap - o, "%s%s", o ? "|" : "",
                              cJSON_IsString(src) ? src->valuestring : "-");
    }
    cJSON_Delete(file);
    free(json);
    el_doc_free(doc);
    return out;
}

/* A quote's source is the work (the contract's 《淮南子》): a lexicon source that names its
   author too reports the title alone, one that names no work (俗语) reports null, unless the
   essay wrote a title before the quote. */
static void test_json_quote_source_is_the_work(void **state)
{
    (void)state;
    char got[512];
    assert_string_equal(
        quote_sources("以家风涵养民风\n\n“勿以恶小而为之，勿以善小而不为。”家风建设贵在日常。\n",
                      got, sizeof got),
        "《遗诏敕后主》");
    assert_string_equal(
        quote_sources(
            "以网络文明涵养清朗空间\n\n“良言一句三冬暖，恶语伤人六月寒。”网络空间需要清朗。\n", got,
            sizeof got),
        "-");
    assert_string_equal(quote_sources("以法治护航发展\n\n《韩非子》有言：“法不阿贵，绳不挠曲。”"
                                      "法治是最好的营商环境。\n",
                                      got, sizeof got),
                        "《韩非子·有度》");
    assert_string_equal(
        quote_sources("以网络文明涵养清朗空间\n\n《增广贤文》中说：“良言一句三冬暖，"
                      "恶语伤人六月寒。”网络空间需要清朗。\n",
                      got, sizeof got),
        "《增广贤文》");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_outline_rows),
        cmocka_unit_test(test_text_outline_alignment),
        cmocka_unit_test(test_text_outline_controls),
        cmocka_unit_test(test_text_findings),
        cmocka_unit_test(test_sarif_shape),
        cmocka_unit_test(test_csv_quoting),
        cmocka_unit_test(test_csv_quoting_trap),
        cmocka_unit_test(test_json_summary),
        cmocka_unit_test(test_summary_table),
        cmocka_unit_test(test_json_quote_source_is_the_work),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
