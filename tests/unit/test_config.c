/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for the configuration: every key, every kind of mistake (with the
 * file, key path and expectation in the message), discovery by walking up the
 * folders (nearest wins), the per-folder cache and the lexicon accessors.
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
#include <unistd.h>

#include "config.h"

static el_config *parse(const char *json, char **err)
{
    return el_config_parse("cfg.json", json, strlen(json), err);
}

static void assert_error(const char *json, const char *want)
{
    char *err = NULL;
    el_config *cfg = parse(json, &err);
    assert_null(cfg);
    assert_non_null(err);
    if (strcmp(err, want) != 0)
        fail_msg("got: %s\nwant: %s", err, want);
    free(err);
}

static void test_defaults(void **state)
{
    (void)state;
    el_config *cfg = el_config_new();
    assert_int_equal(cfg->len_min, 1000);
    assert_int_equal(cfg->len_max, 1200);
    assert_int_equal(cfg->para_min, 30);
    assert_int_equal(cfg->para_max, 400);
    assert_int_equal(cfg->sentence_max, 120);
    assert_int_equal(el_config_severity(cfg, EL_RULE_PUNCT_HALFWIDTH), EL_SEV_WARNING);
    assert_int_equal(el_config_severity(NULL, EL_RULE_STRUCTURE_TITLE_MISSING), EL_SEV_ERROR);
    el_config_free(cfg);
    el_config_free(NULL);
}

static void test_full(void **state)
{
    (void)state;
    char *err = NULL;
    el_config *cfg =
        parse("{\"rules\": {\"punct/halfwidth\": \"off\", \"length/total\": \"error\","
              " \"style/first-person\": \"on\"},"
              " \"length\": {\"min\": 800, \"max\": 1000, \"paragraph_min\": 10,"
              " \"paragraph_max\": 500, \"sentence_max\": 90},"
              " \"lexicon\": {\"places\": [\"某某新区\"],"
              " \"quotes\": [{\"text\": \"知之者不如好之者\", \"source\": \"《论语》\"},"
              " {\"text\": \"一句无出处的话\"}],"
              " \"colloquial\": [\"走过场\"]}}",
              &err);
    assert_non_null(cfg);
    assert_null(err);
    assert_int_equal(el_config_severity(cfg, EL_RULE_PUNCT_HALFWIDTH), -1);
    assert_int_equal(el_config_severity(cfg, EL_RULE_LENGTH_TOTAL), EL_SEV_ERROR);
    assert_int_equal(el_config_severity(cfg, EL_RULE_STYLE_FIRST_PERSON), EL_SEV_INFO);
    assert_int_equal(cfg->len_min, 800);
    assert_int_equal(cfg->len_max, 1000);
    assert_int_equal(cfg->para_min, 10);
    assert_int_equal(cfg->para_max, 500);
    assert_int_equal(cfg->sentence_max, 90);
    char *const *words;
    assert_int_equal(el_config_places(cfg, &words), 1);
    assert_string_equal(words[0], "某某新区");
    assert_int_equal(el_config_colloquial(cfg, &words), 1);
    assert_string_equal(words[0], "走过场");
    const el_config_quote *q;
    assert_int_equal(el_config_quotes(cfg, &q), 2);
    assert_string_equal(q[0].source, "《论语》");
    assert_null(q[1].source);
    assert_string_equal(cfg->path, "cfg.json");
    el_config_free(cfg);
    assert_int_equal(el_config_places(NULL, &words), 0);
    /* An empty object is a valid configuration. */
    cfg = parse("  {}\n", &err);
    assert_non_null(cfg);
    el_config_free(cfg);
}

static void test_errors(void **state)
{
    (void)state;
    assert_error(
        "{\"rules\": {\"punct/halfwidht\": \"off\"}}",
        "cfg.json: rules.\"punct/halfwidht\": unknown rule id (see essaylint --list-rules)");
    assert_error("{\"rules\": {\"punct/halfwidth\": \"warn\"}}",
                 "cfg.json: rules.\"punct/halfwidth\": expected \"off\", \"on\", \"info\", "
                 "\"warning\" or \"error\", got \"warn\"");
    assert_error("{\"rules\": {\"punct/halfwidth\": false}}",
                 "cfg.json: rules.\"punct/halfwidth\": expected \"off\", \"on\", \"info\", "
                 "\"warning\" or \"error\", got a boolean");
    assert_error("{\"rules\": []}",
                 "cfg.json: rules: expected an object of rule ids, got an array");
    assert_error("{\"lenght\": {}}",
                 "cfg.json: lenght: unknown key (expected rules, length or lexicon)");
    assert_error("{\"length\": {\"min\": \"1000\"}}",
                 "cfg.json: length.min: expected a whole number, got a string");
    assert_error("{\"length\": {\"max\": 12.5}}",
                 "cfg.json: length.max: expected a whole number from 0 to 100000000, got 12.5");
    assert_error("{\"length\": {\"maximum\": 1}}",
                 "cfg.json: length.maximum: unknown key (expected min, max, paragraph_min, "
                 "paragraph_max or sentence_max)");
    assert_error("{\"length\": {\"min\": 1300}}",
                 "cfg.json: length: min (1300) is greater than max (1200)");
    assert_error("{\"lexicon\": {\"places\": [\"a\", 3]}}",
                 "cfg.json: lexicon.places[1]: expected a string, got a number");
    assert_error("{\"lexicon\": {\"colloquial\": \"搞\"}}",
                 "cfg.json: lexicon.colloquial: expected an array of strings, got a string");
    assert_error("{\"lexicon\": {\"quotes\": [{\"source\": \"x\"}]}}",
                 "cfg.json: lexicon.quotes[0].text: missing (the quotation's text is required)");
    assert_error("{\"lexicon\": {\"quotes\": [{\"text\": \"x\", \"author\": \"y\"}]}}",
                 "cfg.json: lexicon.quotes[0].author: unknown key (expected text or source)");
    assert_error("[1, 2]",
                 "cfg.json: expected a JSON object with rules, length or lexicon, got an array");
    assert_error("{\"rules\": {\n  \"punct/halfwidth\": off\n}}",
                 "cfg.json: line 2, column 22: invalid JSON (expected a JSON object such as "
                 "{\"rules\": {}})");
    assert_error("{} {}", "cfg.json: line 1, column 4: unexpected text after the JSON object");
    /* No error pointer: still NULL, no crash. */
    assert_null(parse("{\"x\": 1}", NULL));
}

/* A scratch folder tree under the system temporary folder. */
static char root[256];

static void write_file(const char *rel, const char *text)
{
    char p[512];
    snprintf(p, sizeof p, "%s/%s", root, rel);
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void mkdir_rel(const char *rel)
{
    char p[512];
    snprintf(p, sizeof p, "%s/%s", root, rel);
    assert_int_equal(mkdir(p, 0755), 0);
}

static int setup_tree(void **state)
{
    (void)state;
    const char *tmp = getenv("TMPDIR");
    snprintf(root, sizeof root, "%s/el-config-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (mkdtemp(root) == NULL)
        return -1;
    mkdir_rel("a");
    mkdir_rel("a/b");
    mkdir_rel("a/b/c");
    mkdir_rel("bad");
    write_file("a/.essaylint.json", "{\"length\": {\"min\": 800}}");
    write_file("a/b/c/.essaylint.json", "{\"length\": {\"min\": 900}}");
    write_file("bad/.essaylint.json", "{\"rules\": {\"nope/rule\": \"off\"}}");
    return 0;
}

static int teardown_tree(void **state)
{
    (void)state;
    el_config_cache_clear();
    static const char *const files[] = {"a/.essaylint.json", "a/b/c/.essaylint.json",
                                        "bad/.essaylint.json", "a/x.json"};
    static const char *const dirs[] = {"a/b/c", "a/b", "a", "bad"};
    char p[512];
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        snprintf(p, sizeof p, "%s/%s", root, files[i]);
        unlink(p);
    }
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
        snprintf(p, sizeof p, "%s/%s", root, dirs[i]);
        rmdir(p);
    }
    rmdir(root);
    return 0;
}

static void test_discovery(void **state)
{
    (void)state;
    char p[512], *err = NULL;
    snprintf(p, sizeof p, "%s/a/b/draft.md", root);
    const el_config *cfg = el_config_for_file(p, &err);
    assert_null(err);
    assert_non_null(cfg);
    assert_int_equal(cfg->len_min, 800); /* from a/ */
    const el_config *again = el_config_for_file(p, &err);
    assert_ptr_equal(cfg, again); /* cached */

    snprintf(p, sizeof p, "%s/a/b/c/draft.md", root);
    cfg = el_config_for_file(p, &err);
    assert_non_null(cfg);
    assert_int_equal(cfg->len_min, 900); /* the nearest wins */

    snprintf(p, sizeof p, "%s/bad/draft.txt", root);
    cfg = el_config_for_file(p, &err);
    assert_null(cfg);
    assert_non_null(err);
    assert_non_null(strstr(err, "bad/.essaylint.json: rules.\"nope/rule\": unknown rule id"));
    free(err);
    err = NULL;

    /* Nothing above the scratch root (normally): defaults, no error. */
    snprintf(p, sizeof p, "%s/draft.txt", root);
    cfg = el_config_for_file(p, &err);
    assert_null(err);
    (void)cfg; /* a .essaylint.json above the temp folder would be found: not asserted */

    el_config_cache_clear();
    snprintf(p, sizeof p, "%s/a/b/c/draft.md", root);
    cfg = el_config_for_file(p, &err);
    assert_non_null(cfg);
    assert_int_equal(cfg->len_min, 900);
}

static void test_load(void **state)
{
    (void)state;
    char p[512], *err = NULL;
    snprintf(p, sizeof p, "%s/a/x.json", root);
    write_file("a/x.json", "{\"length\": {\"sentence_max\": 70}}");
    el_config *cfg = el_config_load(p, &err);
    assert_non_null(cfg);
    assert_int_equal(cfg->sentence_max, 70);
    assert_string_equal(cfg->path, p);
    el_config_free(cfg);

    snprintf(p, sizeof p, "%s/missing.json", root);
    assert_null(el_config_load(p, &err));
    assert_non_null(err);
    assert_non_null(strstr(err, "missing.json: cannot read the configuration"));
    free(err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults), cmocka_unit_test(test_full),
        cmocka_unit_test(test_errors),   cmocka_unit_test(test_discovery),
        cmocka_unit_test(test_load),
    };
    return cmocka_run_group_tests(tests, setup_tree, teardown_tree);
}
