/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for input: the folder walk lists every draft once in sorted order, and a
 * draft that vanishes or becomes unreadable between the walk and the read stays in the
 * list and fails its read with a clear code, so the batch reports it instead of losing it.
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

#include "input.h"

/* Create dir/name holding text. */
static void put(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* Reading path fails with error code want. */
static void read_fails(const char *path, const char *want)
{
    char *buf = NULL, *msg = NULL;
    size_t len = 0;
    const char *code = NULL;
    assert_false(el_input_read(path, 1 << 20, &buf, &len, &code, &msg));
    assert_string_equal(code, want);
    assert_non_null(msg);
    free(msg);
}

static void test_walk_then_vanish(void **state)
{
    (void)state;
    char dir[] = "/tmp/el-input-XXXXXX";
    assert_non_null(mkdtemp(dir));
    put(dir, "b.md", "# 乙\n\n正文。\n");
    put(dir, "a.txt", "甲\n\n正文。\n");
    put(dir, "c.md", "# 丙\n\n正文。\n");
    put(dir, "notes.pdf", "not a draft");

    el_inputs list = {0};
    el_input_expand(dir, &list);
    assert_int_equal(list.n, 3);
    assert_non_null(strstr(list.v[0].path, "/a.txt"));
    assert_non_null(strstr(list.v[1].path, "/b.md"));
    assert_non_null(strstr(list.v[2].path, "/c.md"));

    /* b.md vanishes after the walk: its read fails with not_found, the others still read. */
    assert_int_equal(unlink(list.v[1].path), 0);
    for (size_t i = 0; i < list.n; i++) {
        char *buf = NULL, *msg = NULL;
        size_t len = 0;
        const char *code = NULL;
        bool ok = el_input_read(list.v[i].path, 1 << 20, &buf, &len, &code, &msg);
        if (i == 1) {
            assert_false(ok);
            assert_string_equal(code, "not_found");
            assert_non_null(msg);
        } else {
            assert_true(ok);
            assert_true(len > 0);
        }
        free(buf);
        free(msg);
    }

    /* A file that turned into a folder between the walk and the read. */
    char path[512];
    snprintf(path, sizeof path, "%s/b.md", dir);
    assert_int_equal(mkdir(path, 0755), 0);
    read_fails(path, "is_directory");
    rmdir(path);

    for (size_t i = 0; i < list.n; i++)
        unlink(list.v[i].path);
    snprintf(path, sizeof path, "%s/notes.pdf", dir);
    unlink(path);
    rmdir(dir);
    el_inputs_free(&list);
}

static void test_size_cap(void **state)
{
    (void)state;
    char dir[] = "/tmp/el-input-XXXXXX";
    assert_non_null(mkdtemp(dir));
    put(dir, "big.txt", "一二三四五六七八九十");
    char path[512];
    snprintf(path, sizeof path, "%s/big.txt", dir);
    char *buf = NULL, *msg = NULL;
    size_t len = 0;
    const char *code = NULL;
    assert_false(el_input_read(path, 10, &buf, &len, &code, &msg));
    assert_string_equal(code, "too_large");
    free(msg);
    assert_true(el_input_read(path, 30, &buf, &len, &code, &msg));
    assert_int_equal(len, 30);
    free(buf);
    unlink(path);
    rmdir(dir);
}

/* One file named three ways, and stdin named twice, is listed once each; a link to itself
 * is a symlink loop, not a missing file. */
static void test_same_file_once(void **state)
{
    (void)state;
    char dir[] = "/tmp/el-input-XXXXXX";
    assert_non_null(mkdtemp(dir));
    put(dir, "a.txt", "甲\n\n正文。\n");
    char p1[512], p2[512], p3[512], self[512], other[512];
    snprintf(p1, sizeof p1, "%s/a.txt", dir);
    snprintf(p2, sizeof p2, "%s/./a.txt", dir);
    snprintf(p3, sizeof p3, "%s//a.txt", dir);
    snprintf(self, sizeof self, "%s/self.md", dir);
    snprintf(other, sizeof other, "%s/missing.md", dir);
    assert_int_equal(symlink("self.md", self), 0);

    el_inputs list = {0};
    el_input_expand(p1, &list);
    el_input_expand(p2, &list);
    el_input_expand("-", &list);
    el_input_expand(p3, &list);
    el_input_expand("-", &list);
    el_input_expand(other, &list);
    el_input_expand(other, &list);
    el_input_expand(self, &list);
    assert_int_equal(list.n, 4);
    assert_string_equal(list.v[0].path, p1);
    assert_string_equal(list.v[1].path, "-");
    assert_string_equal(list.v[2].path, other);
    assert_string_equal(list.v[3].path, self);

    read_fails(self, "symlink_loop");
    el_inputs_free(&list);
    unlink(self);
    unlink(p1);
    rmdir(dir);
}

/* A tree 40 folders deep with a draft and a dangling link at every level: the walk, which keeps
   the upper folders open and looks the deeper ones up by their whole paths, lists every draft
   once, outer first (a.txt sorts before the folder d), and every dangling draft link. */
static void test_deep_tree(void **state)
{
    (void)state;
    enum { DEPTH = 40 };
    char root[] = "/tmp/el-deep-XXXXXX";
    assert_non_null(mkdtemp(root));
    char path[4096];
    size_t len = (size_t)snprintf(path, sizeof path, "%s", root);
    for (int d = 0; d < DEPTH; d++) {
        put(path, "a.txt", "甲\n\n正文。\n");
        char link[4200];
        snprintf(link, sizeof link, "%s/b.md", path);
        assert_int_equal(symlink("nowhere.md", link), 0);
        len += (size_t)snprintf(path + len, sizeof path - len, "/d");
        assert_int_equal(mkdir(path, 0755), 0);
    }
    el_inputs list = {0};
    el_input_expand(root, &list);
    assert_int_equal(list.n, 2 * DEPTH);
    for (size_t i = 0; i < list.n; i++) {
        size_t depth = i / 2, slashes = 0;
        for (const char *c = list.v[i].path + strlen(root); *c; c++)
            slashes += *c == '/';
        assert_int_equal(slashes, depth + 1);
        if (i % 2 == 0) {
            assert_non_null(strstr(list.v[i].path, "/a.txt"));
            assert_null(list.v[i].err_code);
        } else {
            assert_non_null(strstr(list.v[i].path, "/b.md"));
            assert_string_equal(list.v[i].err_code, "not_found");
        }
    }
    el_inputs_free(&list);
    for (int d = DEPTH; d >= 0; d--) { /* the deepest folder (empty) first, the root last */
        char f[4200];
        snprintf(f, sizeof f, "%s/a.txt", path);
        unlink(f);
        snprintf(f, sizeof f, "%s/b.md", path);
        unlink(f);
        assert_int_equal(rmdir(path), 0);
        if (d > 0)
            *strrchr(path, '/') = '\0';
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_walk_then_vanish),
        cmocka_unit_test(test_size_cap),
        cmocka_unit_test(test_same_file_once),
        cmocka_unit_test(test_deep_tree),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
