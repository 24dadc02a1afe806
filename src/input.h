/* SPDX-License-Identifier: MIT */
/*
 * Input: read a file or standard input fully, with a size cap, and expand
 * directory arguments into a sorted list of drafts.
 * Internal header: included by main.c and tests.
 */
#ifndef EL_INPUT_H
#define EL_INPUT_H

#include <stdbool.h>
#include <stddef.h>

/* One input path, possibly already known to be unreadable (a folder without permission). */
typedef struct el_input {
    char *path;
    const char *err_code; /* NULL when the path is to be read */
    char *err_msg;
} el_input;

typedef struct el_inputs {
    el_input *v;
    size_t n, cap;
} el_inputs;

/*
 * Read path ("-" for stdin) into a malloc'd buffer of at most max bytes. Returns true on
 * success; else sets *code ("not_found", "permission", "too_large", "is_directory", "read_error")
 * and a malloc'd *msg.
 */
bool el_input_read(const char *path, size_t max, char **buf, size_t *len, const char **code,
                   char **msg);

/* Add arg to list: a file as given, a directory walked recursively in sorted order for
 * *.md, *.markdown and *.txt (symlink loops detected). */
void el_input_expand(const char *arg, el_inputs *list);

/* True if the name has a draft extension (.md, .markdown, .txt). */
bool el_input_is_draft(const char *name);

void el_inputs_free(el_inputs *list);

#endif
