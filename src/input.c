/* SPDX-License-Identifier: MIT */
/*
 * Reading inputs (the read.c of essaylint): whole files and stdin with a size
 * cap, and folder walks in byte-sorted order, so a batch reports every path
 * exactly once, readable or not, in the same order on every machine. Walks
 * honour `.essaylintignore` files (gitignore syntax) and --exclude globs.
 */
#include "input.h"

#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
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
        return "not_found";
    case ELOOP:
        return "symlink_loop";
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
    bool is_reg = false;
    if (fstat(fd, &st) == 0) {
        is_reg = S_ISREG(st.st_mode);
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
    /* A regular file is read in one call into a buffer of its size, and not read again to
     * see the end: the draft is what fstat reported (a file still growing is read as it was).
     * A pipe, a terminal or a file without a size (/proc) is read to its end. */
    bool sized = is_reg && st.st_size > 0;
    size_t cap = sized ? (size_t)st.st_size : 65536;
    char *b = xmalloc(cap);
    size_t n = 0;
    while (!(sized && n == (size_t)st.st_size)) {
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
    return dot &&
           (strcmp(dot, ".md") == 0 || strcmp(dot, ".markdown") == 0 || strcmp(dot, ".txt") == 0);
}

/* FNV-1a: the dedup set only needs a cheap, well-spread hash of a path. */
static size_t hash_str(const char *s)
{
    size_t h = (size_t)14695981039346656037ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * (size_t)1099511628211ULL;
    return h;
}

/* The set's key of an input: its file identity when known, else its path. */
static size_t hash_input(const el_input *in)
{
    if (in->has_id)
        return (size_t)((in->dev * 1099511628211ULL) ^ (in->ino * 14695981039346656037ULL));
    return hash_str(in->path);
}

static bool same_input(const el_input *a, const el_input *b)
{
    if (a->has_id != b->has_id)
        return false;
    return a->has_id ? a->dev == b->dev && a->ino == b->ino : strcmp(a->path, b->path) == 0;
}

/* True if in is already listed; else remembers slot (list->n, about to be added). */
static bool seen_or_mark(el_inputs *list, const el_input *in)
{
    if ((list->n + 1) * 2 > list->seen_cap) {
        size_t ncap = list->seen_cap ? list->seen_cap * 2 : 64;
        size_t *nv = xcalloc(ncap, sizeof *nv);
        for (size_t i = 0; i < list->seen_cap; i++) {
            size_t k = list->seen[i];
            if (k == 0)
                continue;
            size_t h = hash_input(&list->v[k - 1]) & (ncap - 1);
            while (nv[h])
                h = (h + 1) & (ncap - 1);
            nv[h] = k;
        }
        free(list->seen);
        list->seen = nv;
        list->seen_cap = ncap;
    }
    size_t h = hash_input(in) & (list->seen_cap - 1);
    while (list->seen[h]) {
        if (same_input(&list->v[list->seen[h] - 1], in))
            return true;
        h = (h + 1) & (list->seen_cap - 1);
    }
    list->seen[h] = list->n + 1;
    return false;
}

/*
 * List path unless it is listed already: by file identity when st (its stat) shows a
 * regular file, else by name. Standard input is read once, so a second "-" is dropped too.
 */
static void add(el_inputs *list, const char *path, const struct stat *st, const char *code,
                const char *msg)
{
    el_input key = {.path = (char *)path};
    if (st && S_ISREG(st->st_mode)) {
        key.has_id = true;
        key.dev = (unsigned long long)st->st_dev;
        key.ino = (unsigned long long)st->st_ino;
    }
    if (seen_or_mark(list, &key))
        return;
    list->v = xgrow(list->v, &list->cap, list->n + 1, sizeof *list->v);
    el_input *in = &list->v[list->n++];
    *in = key;
    in->path = xstrdup(path);
    in->name = NULL;
    in->err_code = code;
    in->err_msg = msg ? xstrdup(msg) : NULL;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* ---- ignore patterns ---------------------------------------------------------------- */

/* One ignore rule; base is the length of the root-relative folder it came from. */
typedef struct ign_rule {
    char *pat;
    bool neg, dir_only, anchored;
    size_t base;
} ign_rule;

/* Match '/'-separated pattern p against path s component by component ('**' spans any
 * number of components, a trailing '**' at least one). */
static bool seg_match(const char *p, const char *s)
{
    const char *pe = strchr(p, '/');
    size_t pl = pe ? (size_t)(pe - p) : strlen(p);
    if (pl == 2 && p[0] == '*' && p[1] == '*') {
        if (pe == NULL)
            return *s != '\0';
        for (const char *t = s;;) {
            if (seg_match(pe + 1, t))
                return true;
            const char *slash = strchr(t, '/');
            if (slash == NULL)
                return false;
            t = slash + 1;
        }
    }
    if (*s == '\0')
        return false;
    const char *se = strchr(s, '/');
    size_t sl = se ? (size_t)(se - s) : strlen(s);
    char *pseg = xstrndup(p, pl), *sseg = xstrndup(s, sl);
    bool m = fnmatch(pseg, sseg, 0) == 0;
    free(pseg);
    free(sseg);
    if (!m)
        return false;
    if (pe == NULL)
        return se == NULL;
    if (se == NULL)
        return false;
    return seg_match(pe + 1, se + 1);
}

/* Parse one ignore-file line into r; false for blank lines and comments. */
static bool parse_rule(const char *line, size_t n, ign_rule *r)
{
    while (n > 0 && (line[n - 1] == '\r' || line[n - 1] == '\n'))
        n--;
    while (n > 0 && (line[n - 1] == ' ' || line[n - 1] == '\t') && !(n >= 2 && line[n - 2] == '\\'))
        n--;
    if (n == 0 || line[0] == '#')
        return false;
    r->neg = false;
    if (line[0] == '!') {
        r->neg = true;
        line++, n--;
    } else if (n >= 2 && line[0] == '\\' && (line[1] == '#' || line[1] == '!')) {
        line++, n--;
    }
    r->dir_only = n > 0 && line[n - 1] == '/';
    while (n > 0 && line[n - 1] == '/')
        n--;
    if (n == 0)
        return false;
    r->anchored = memchr(line, '/', n) != NULL;
    if (line[0] == '/')
        line++, n--;
    if (n == 0)
        return false;
    r->pat = xstrndup(line, n);
    r->base = 0;
    return true;
}

/* Does the parsed rule match rel (relative to the rule's folder)? */
static bool rule_match(const ign_rule *r, const char *rel, bool is_dir)
{
    if (r->dir_only && !is_dir)
        return false;
    if (r->anchored)
        return seg_match(r->pat, rel);
    const char *base = strrchr(rel, '/');
    return fnmatch(r->pat, base ? base + 1 : rel, 0) == 0;
}

bool el_input_ignore_match(const char *pattern, const char *rel, bool is_dir)
{
    ign_rule r;
    if (!parse_rule(pattern, strlen(pattern), &r))
        return false;
    bool m = rule_match(&r, rel, is_dir);
    free(r.pat);
    return m;
}

/* ---- the walk ----------------------------------------------------------------------- */

/* Directories on the current walk path, to detect symlink loops. */
typedef struct dir_id {
    dev_t dev;
    ino_t ino;
} dir_id;

enum { MAX_DEPTH = 256 };
/* Folders down to this depth stay open while their entries are walked (see walk). */
enum { WALK_FD_DEPTH = 32 };

typedef struct walker {
    const el_walk_options *wo;
    el_inputs *list;
    dir_id stack[MAX_DEPTH + 1];
    EL_VEC(ign_rule) rules;    /* ignore rules of the folders on the walk path, outermost first */
    EL_VEC(ign_rule) excludes; /* --exclude globs parsed as root-level rules */
} walker;

/* Append the rules of dir's ignore file, with base = strlen(rel). */
static void load_ignore(walker *w, const char *dir, const char *rel)
{
    size_t dl = strlen(dir);
    char *p = xmalloc(dl + sizeof EL_IGNORE_FILE + 1);
    snprintf(p, dl + sizeof EL_IGNORE_FILE + 1, "%s%s%s", dir, dl && dir[dl - 1] == '/' ? "" : "/",
             EL_IGNORE_FILE);
    FILE *f = fopen(p, "r");
    free(p);
    if (f == NULL)
        return;
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    while ((got = getline(&line, &cap, f)) >= 0) {
        ign_rule r;
        if (parse_rule(line, (size_t)got, &r)) {
            r.base = strlen(rel);
            *EL_VEC_PUSH(w->rules) = r;
        }
    }
    free(line);
    fclose(f);
}

/* Is the walked entry (rel: root-relative; path: as it will be reported) left out? */
static bool ignored(const walker *w, const char *rel, const char *path, bool is_dir)
{
    bool ign = false;
    for (size_t i = 0; i < w->rules.n; i++) {
        const ign_rule *r = &w->rules.v[i];
        const char *sub = rel + r->base + (r->base ? 1 : 0);
        if (rule_match(r, sub, is_dir))
            ign = !r->neg;
    }
    for (size_t i = 0; i < w->excludes.n && !ign; i++) {
        const ign_rule *r = &w->excludes.v[i];
        ign = rule_match(r, rel, is_dir) || fnmatch(w->wo->excludes[i], path, 0) == 0;
    }
    return ign;
}

static char *join(const char *a, const char *b)
{
    size_t al = strlen(a), n = al + 1 + strlen(b) + 1;
    char *p = xmalloc(n);
    snprintf(p, n, "%s%s%s", a, al == 0 || a[al - 1] == '/' ? "" : "/", b);
    return p;
}

static void walk(walker *w, const char *dir, const char *rel, size_t depth)
{
    DIR *d = opendir(dir);
    if (d == NULL) {
        add(w->list, dir, NULL, errno_code(errno), strerror(errno));
        return;
    }
    size_t nrules = w->rules.n;
    if (!w->wo->no_ignore)
        load_ignore(w, dir, rel);
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue; /* hidden files and folders, "." and ".." */
        names = xgrow(names, &cap, n + 1, sizeof *names);
        names[n++] = xstrdup(de->d_name);
    }
    /* The entries are looked up relative to the folder, which stays open for it: a lookup of
       the whole path from the start, per entry, cost the kernel a walk of every component.
       Deep down, by their whole paths again, so that a deep tree holds few descriptors. */
    int dfd = depth <= WALK_FD_DEPTH ? dirfd(d) : -1;
    if (dfd < 0) {
        closedir(d);
        d = NULL;
    }
    if (n > 1)
        qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        char *path = join(dir, names[i]);
        char *crel = *rel ? join(rel, names[i]) : xstrdup(names[i]);
        struct stat st;
        if ((dfd >= 0 ? fstatat(dfd, names[i], &st, 0) : stat(path, &st)) != 0) {
            /* A dangling link or a file that vanished: report it if it looks like a draft. */
            if (el_input_is_draft(names[i]) && !ignored(w, crel, path, false))
                add(w->list, path, NULL, errno_code(errno), strerror(errno));
        } else if (S_ISDIR(st.st_mode)) {
            bool loop = false;
            for (size_t k = 0; k < depth; k++)
                loop |= w->stack[k].dev == st.st_dev && w->stack[k].ino == st.st_ino;
            if (ignored(w, crel, path, true)) {
                /* left out, contents included */
            } else if (loop) {
                add(w->list, path, NULL, "symlink_loop", "symbolic link loop");
            } else if (depth < MAX_DEPTH) {
                w->stack[depth] = (dir_id){st.st_dev, st.st_ino};
                walk(w, path, crel, depth + 1);
            } else {
                add(w->list, path, NULL, "too_deep", "folder nesting deeper than 256");
            }
        } else if (el_input_is_draft(names[i]) && !ignored(w, crel, path, false)) {
            add(w->list, path, &st, NULL, NULL);
        }
        free(crel);
        free(path);
        free(names[i]);
    }
    free(names);
    if (d)
        closedir(d);
    for (size_t i = nrules; i < w->rules.n; i++)
        free(w->rules.v[i].pat);
    w->rules.n = nrules;
}

void el_input_expand_opts(const char *arg, const el_walk_options *wo, el_inputs *list)
{
    static const el_walk_options defaults = {0};
    struct stat st;
    bool known = strcmp(arg, "-") != 0 && stat(arg, &st) == 0;
    if (known && S_ISDIR(st.st_mode)) {
        walker *w = xcalloc(1, sizeof *w);
        w->wo = wo ? wo : &defaults;
        w->list = list;
        for (size_t i = 0; i < w->wo->nexcludes; i++) {
            ign_rule r = {0};
            if (!parse_rule(w->wo->excludes[i], strlen(w->wo->excludes[i]), &r))
                r.pat = xstrdup("");
            *EL_VEC_PUSH(w->excludes) = r;
        }
        w->stack[0] = (dir_id){st.st_dev, st.st_ino};
        walk(w, arg, "", 1);
        for (size_t i = 0; i < w->excludes.n; i++)
            free(w->excludes.v[i].pat);
        free(w->excludes.v);
        free(w->rules.v);
        free(w);
        return;
    }
    add(list, arg, known ? &st : NULL, NULL, NULL);
}

void el_input_expand(const char *arg, el_inputs *list)
{
    el_input_expand_opts(arg, NULL, list);
}

void el_inputs_free(el_inputs *list)
{
    for (size_t i = 0; i < list->n; i++) {
        free(list->v[i].path);
        free(list->v[i].name);
        free(list->v[i].err_msg);
    }
    free(list->v);
    free(list->seen);
    list->v = NULL;
    list->seen = NULL;
    list->n = list->cap = list->seen_cap = 0;
}
