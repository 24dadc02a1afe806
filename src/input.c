/* SPDX-License-Identifier: MIT */
/*
 * Reading inputs (the read.c of essaylint): whole files and stdin with a size
 * cap, and folder walks in byte-sorted order, so a batch reports every path
 * exactly once, readable or not, in the same order on every machine.
 */
#include "input.h"

#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *errno_code(int e)
{
    switch (e) {
    case ENOENT:
    case ENOTDIR:
    case ELOOP:
        return "not_found";
    case EACCES:
    case EPERM:
        return "permission";
    case EISDIR:
        return "is_directory";
    default:
        return "read_error";
    }
}

bool el_input_read(const char *path, size_t max, char **buf, size_t *len, const char **code,
                   char **msg)
{
    bool is_stdin = strcmp(path, "-") == 0;
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        *code = errno_code(errno);
        *msg = xstrdup(strerror(errno));
        return false;
    }
    struct stat st;
    if (fstat(fd, &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            if (!is_stdin)
                close(fd);
            *code = "is_directory";
            *msg = xstrdup("is a directory");
            return false;
        }
        if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > max) {
            if (!is_stdin)
                close(fd);
            *code = "too_large";
            char tmp[96];
            snprintf(tmp, sizeof tmp, "larger than the %zu-byte limit (--max-size)", max);
            *msg = xstrdup(tmp);
            return false;
        }
    }
    size_t cap = S_ISREG(st.st_mode) && st.st_size > 0 ? (size_t)st.st_size + 1 : 65536;
    char *b = xmalloc(cap);
    size_t n = 0;
    for (;;) {
        if (n == cap)
            b = xgrow(b, &cap, cap + 1, 1);
        ssize_t r = read(fd, b + n, cap - n);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            int e = errno;
            free(b);
            if (!is_stdin)
                close(fd);
            *code = errno_code(e);
            *msg = xstrdup(strerror(e));
            return false;
        }
        if (r == 0)
            break;
        n += (size_t)r;
        if (n > max) {
            free(b);
            if (!is_stdin)
                close(fd);
            *code = "too_large";
            char tmp[96];
            snprintf(tmp, sizeof tmp, "larger than the %zu-byte limit (--max-size)", max);
            *msg = xstrdup(tmp);
            return false;
        }
    }
    if (!is_stdin)
        close(fd);
    *buf = b;
    *len = n;
    return true;
}

bool el_input_is_draft(const char *name)
{
    const char *dot = strrchr(name, '.');
    return dot && (strcmp(dot, ".md") == 0 || strcmp(dot, ".markdown") == 0 ||
                   strcmp(dot, ".txt") == 0);
}

static void add(el_inputs *list, const char *path, const char *code, const char *msg)
{
    list->v = xgrow(list->v, &list->cap, list->n + 1, sizeof *list->v);
    el_input *in = &list->v[list->n++];
    in->path = xstrdup(path);
    in->err_code = code;
    in->err_msg = msg ? xstrdup(msg) : NULL;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Directories on the current walk path, to detect symlink loops. */
typedef struct dir_id {
    dev_t dev;
    ino_t ino;
} dir_id;

static void walk(const char *dir, el_inputs *list, dir_id *stack, size_t depth)
{
    DIR *d = opendir(dir);
    if (d == NULL) {
        add(list, dir, errno_code(errno), strerror(errno));
        return;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue; /* hidden files and folders, "." and ".." */
        names = xgrow(names, &cap, n + 1, sizeof *names);
        names[n++] = xstrdup(de->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_str);
    size_t dl = strlen(dir);
    bool slash = dl > 0 && dir[dl - 1] == '/';
    for (size_t i = 0; i < n; i++) {
        size_t pl = dl + 1 + strlen(names[i]) + 1;
        char *path = xmalloc(pl);
        snprintf(path, pl, "%s%s%s", dir, slash ? "" : "/", names[i]);
        struct stat st;
        if (stat(path, &st) != 0) {
            /* A dangling link or a file that vanished: report it if it looks like a draft. */
            if (el_input_is_draft(names[i]))
                add(list, path, errno_code(errno), strerror(errno));
        } else if (S_ISDIR(st.st_mode)) {
            bool loop = false;
            for (size_t k = 0; k < depth; k++)
                loop |= stack[k].dev == st.st_dev && stack[k].ino == st.st_ino;
            if (loop) {
                add(list, path, "symlink_loop", "symbolic link loop");
            } else if (depth < 256) {
                stack[depth] = (dir_id){st.st_dev, st.st_ino};
                walk(path, list, stack, depth + 1);
            } else {
                add(list, path, "too_deep", "folder nesting deeper than 256");
            }
        } else if (el_input_is_draft(names[i])) {
            add(list, path, NULL, NULL);
        }
        free(path);
        free(names[i]);
    }
    free(names);
}

void el_input_expand(const char *arg, el_inputs *list)
{
    struct stat st;
    if (strcmp(arg, "-") != 0 && stat(arg, &st) == 0 && S_ISDIR(st.st_mode)) {
        dir_id *stack = xmalloc(257 * sizeof *stack);
        stack[0] = (dir_id){st.st_dev, st.st_ino};
        walk(arg, list, stack, 1);
        free(stack);
        return;
    }
    add(list, arg, NULL, NULL);
}

void el_inputs_free(el_inputs *list)
{
    for (size_t i = 0; i < list->n; i++) {
        free(list->v[i].path);
        free(list->v[i].err_msg);
    }
    free(list->v);
    list->v = NULL;
    list->n = list->cap = 0;
}
