/* SPDX-License-Identifier: MIT */
/*
 * Input: read a file or standard input fully, with a size cap, and expand
 * directory arguments into a sorted list of drafts, honouring `.essaylintignore`
 * files and --exclude globs. Every path the walk meets that could be a draft is
 * listed exactly once, readable or not, so a batch never loses one silently.
 * Internal header: included by main.c and tests.
 */
#ifndef EL_INPUT_H
#define EL_INPUT_H

#include <stdbool.h>
#include <stddef.h>

/* One input path, possibly already known to be unreadable (a folder without permission). */
typedef struct el_input {
    char *path;           /* what to open ("-" for standard input) */
    char *name;           /* what to report (--stdin-filename), NULL: path */
    const char *err_code; /* NULL when the path is to be read */
    char *err_msg;
    /* Private: the file's identity when it is a regular file, so x, ./x and a second link
     * to x are one input. */
    bool has_id;
    unsigned long long dev, ino;
} el_input;

typedef struct el_inputs {
    el_input *v;
    size_t n, cap;
    /* Private: open-addressing set of listed paths (indexes + 1), so none is listed twice. */
    size_t *seen;
    size_t seen_cap;
} el_inputs;

/* How folders are walked. Zero-initialise for the defaults. */
typedef struct el_walk_options {
    const char *const *excludes; /* --exclude globs */
    size_t nexcludes;
    bool no_ignore; /* do not read .essaylintignore files */
} el_walk_options;

/* Name of the per-folder ignore file. */
#define EL_IGNORE_FILE ".essaylintignore"

/*
 * Read path ("-" for stdin) into a malloc'd buffer of at most max bytes. Returns true on
 * success; else sets *code ("not_found", "permission", "too_large", "is_directory", "read_error")
 * and a malloc'd *msg.
 */
bool el_input_read(const char *path, size_t max, char **buf, size_t *len, const char **code,
                   char **msg);

/* Add arg to list: a file as given, a directory walked recursively in sorted order for
 * *.md, *.markdown and *.txt (symlink loops detected). Same as el_input_expand_opts(NULL). */
void el_input_expand(const char *arg, el_inputs *list);

/* Add arg to list, walking folders with the given options (NULL: defaults). A path already
 * in the list is not added again. Explicitly named files are never excluded. */
void el_input_expand_opts(const char *arg, const el_walk_options *wo, el_inputs *list);

/* True if the name has a draft extension (.md, .markdown, .txt). */
bool el_input_is_draft(const char *name);

/*
 * True if the gitignore-style pattern (one line of an ignore file, already trimmed, without
 * a leading '!') matches rel, a '/'-separated path relative to the ignore file's folder.
 * A pattern with no '/' except a trailing one matches the last component at any depth; a
 * trailing '/' matches folders only; '**' spans folders.
 */
bool el_input_ignore_match(const char *pattern, const char *rel, bool is_dir);

void el_inputs_free(el_inputs *list);

#endif
