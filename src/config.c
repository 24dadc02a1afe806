/* SPDX-License-Identifier: MIT */
/*
 * Lint configuration: parse and validate `.essaylint.json` (strictly: a typo in a
 * key or a rule id must not silently do nothing), find the nearest one for a
 * draft by walking up its folders, and cache the answer per folder so a batch of
 * thousands of drafts reads each configuration file once.
 */
#include "config.h"

#include <cJSON.h>
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Largest configuration file read (a real one is a few hundred bytes). */
#define EL_CFG_MAX_SIZE ((size_t)1 << 20)
/* Largest number accepted for a length limit. */
#define EL_CFG_NUM_MAX 100000000.0

void el_config_init(el_config *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    memset(cfg->sev, EL_CFG_DEFAULT, sizeof cfg->sev);
    cfg->len_min = EL_CFG_LEN_MIN;
    cfg->len_max = EL_CFG_LEN_MAX;
    cfg->para_min = EL_CFG_PARA_MIN;
    cfg->para_max = EL_CFG_PARA_MAX;
    cfg->sentence_max = EL_CFG_SENTENCE_MAX;
}

el_config *el_config_new(void)
{
    el_config *cfg = xmalloc(sizeof *cfg);
    el_config_init(cfg);
    return cfg;
}

void el_config_free(el_config *cfg)
{
    if (cfg == NULL)
        return;
    for (size_t i = 0; i < cfg->places.n; i++)
        free(cfg->places.v[i]);
    for (size_t i = 0; i < cfg->colloquial.n; i++)
        free(cfg->colloquial.v[i]);
    for (size_t i = 0; i < cfg->quotes.n; i++) {
        free(cfg->quotes.v[i].text);
        free(cfg->quotes.v[i].source);
    }
    free(cfg->places.v);
    free(cfg->colloquial.v);
    free(cfg->quotes.v);
    free(cfg->path);
    free(cfg);
}

int el_config_severity(const el_config *cfg, int rule)
{
    const el_rule_info *r = el_rule(rule);
    if (r == NULL)
        return -1;
    if (cfg == NULL || cfg->sev[rule] == EL_CFG_DEFAULT)
        return (int)r->severity;
    return cfg->sev[rule] == EL_CFG_OFF ? -1 : cfg->sev[rule];
}

size_t el_config_places(const el_config *cfg, char *const **out)
{
    *out = cfg ? cfg->places.v : NULL;
    return cfg ? cfg->places.n : 0;
}

size_t el_config_quotes(const el_config *cfg, const el_config_quote **out)
{
    *out = cfg ? cfg->quotes.v : NULL;
    return cfg ? cfg->quotes.n : 0;
}

size_t el_config_colloquial(const el_config *cfg, char *const **out)
{
    *out = cfg ? cfg->colloquial.v : NULL;
    return cfg ? cfg->colloquial.n : 0;
}

/* ---- parsing ---------------------------------------------------------------------------- */

typedef struct parser {
    const char *name; /* file name for messages */
    char **err;
    bool failed;
} parser;

/* Record the first error as "NAME: KEYPATH: message". */
__attribute__((format(printf, 3, 4))) static void fail(parser *p, const char *keypath,
                                                       const char *fmt, ...)
{
    if (p->failed)
        return;
    p->failed = true;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    size_t n = strlen(p->name) + strlen(keypath) + strlen(msg) + 8;
    char *out = xmalloc(n);
    if (keypath[0])
        snprintf(out, n, "%s: %s: %s", p->name, keypath, msg);
    else
        snprintf(out, n, "%s: %s", p->name, msg);
    if (p->err)
        *p->err = out;
    else
        free(out);
}

/* A key as written in a key path: bare when it is an identifier, else JSON-quoted. */
static char *key_path(const char *parent, const char *key)
{
    bool bare = key[0] != '\0';
    for (const char *k = key; *k; k++)
        if (!((*k >= 'a' && *k <= 'z') || (*k >= 'A' && *k <= 'Z') || (*k >= '0' && *k <= '9') ||
              *k == '_'))
            bare = false;
    size_t n = strlen(parent) + strlen(key) * 2 + 8;
    char *out = xmalloc(n);
    size_t o = (size_t)snprintf(out, n, "%s%s%s", parent, parent[0] ? "." : "", bare ? "" : "\"");
    for (const char *k = key; *k; k++) {
        if (*k == '"' || *k == '\\')
            out[o++] = '\\';
        out[o++] = *k;
    }
    if (!bare)
        out[o++] = '"';
    out[o] = '\0';
    return out;
}

static char *index_path(const char *parent, int i)
{
    size_t n = strlen(parent) + 24;
    char *out = xmalloc(n);
    snprintf(out, n, "%s[%d]", parent, i);
    return out;
}

static const char *type_name(const cJSON *v)
{
    if (cJSON_IsString(v))
        return "a string";
    if (cJSON_IsNumber(v))
        return "a number";
    if (cJSON_IsBool(v))
        return "a boolean";
    if (cJSON_IsNull(v))
        return "null";
    if (cJSON_IsArray(v))
        return "an array";
    if (cJSON_IsObject(v))
        return "an object";
    return "something else";
}

/* Check that every key of obj is one of the NULL-terminated names. */
static void known_keys(parser *p, const cJSON *obj, const char *path, const char *const *names,
                       const char *expected)
{
    const cJSON *it;
    cJSON_ArrayForEach(it, obj)
    {
        bool ok = false;
        for (const char *const *n = names; *n; n++)
            ok = ok || strcmp(it->string, *n) == 0;
        if (!ok) {
            char *kp = key_path(path, it->string);
            fail(p, kp, "unknown key (expected %s)", expected);
            free(kp);
            return;
        }
    }
}

static void parse_rules(parser *p, el_config *cfg, const cJSON *obj)
{
    if (!cJSON_IsObject(obj)) {
        fail(p, "rules", "expected an object of rule ids, got %s", type_name(obj));
        return;
    }
    const cJSON *it;
    cJSON_ArrayForEach(it, obj)
    {
        char *kp = key_path("rules", it->string);
        int rule = el_rule_find(it->string);
        if (rule < 0) {
            fail(p, kp, "unknown rule id (see essaylint --list-rules)");
        } else if (!cJSON_IsString(it)) {
            fail(p, kp, "expected \"off\", \"on\", \"info\", \"warning\" or \"error\", got %s",
                 type_name(it));
        } else {
            const char *v = it->valuestring;
            if (strcmp(v, "off") == 0)
                cfg->sev[rule] = EL_CFG_OFF;
            else if (strcmp(v, "on") == 0)
                cfg->sev[rule] = EL_CFG_DEFAULT;
            else if (strcmp(v, "info") == 0)
                cfg->sev[rule] = EL_SEV_INFO;
            else if (strcmp(v, "warning") == 0)
                cfg->sev[rule] = EL_SEV_WARNING;
            else if (strcmp(v, "error") == 0)
                cfg->sev[rule] = EL_SEV_ERROR;
            else
                fail(p, kp,
                     "expected \"off\", \"on\", \"info\", \"warning\" or \"error\", got \"%s\"", v);
        }
        free(kp);
        if (p->failed)
            return;
    }
}

static void parse_count(parser *p, const cJSON *v, const char *path, size_t *out)
{
    if (v == NULL)
        return;
    if (!cJSON_IsNumber(v) || v->valuedouble < 0 || v->valuedouble > EL_CFG_NUM_MAX ||
        v->valuedouble != (double)(size_t)v->valuedouble) {
        if (cJSON_IsNumber(v))
            fail(p, path, "expected a whole number from 0 to %.0f, got %g", EL_CFG_NUM_MAX,
                 v->valuedouble);
        else
            fail(p, path, "expected a whole number, got %s", type_name(v));
        return;
    }
    *out = (size_t)v->valuedouble;
}

static void parse_length(parser *p, el_config *cfg, const cJSON *obj)
{
    static const char *const keys[] = {"min",           "max",          "paragraph_min",
                                       "paragraph_max", "sentence_max", NULL};
    if (!cJSON_IsObject(obj)) {
        fail(p, "length", "expected an object, got %s", type_name(obj));
        return;
    }
    known_keys(p, obj, "length", keys, "min, max, paragraph_min, paragraph_max or sentence_max");
    parse_count(p, cJSON_GetObjectItemCaseSensitive(obj, "min"), "length.min", &cfg->len_min);
    parse_count(p, cJSON_GetObjectItemCaseSensitive(obj, "max"), "length.max", &cfg->len_max);
    parse_count(p, cJSON_GetObjectItemCaseSensitive(obj, "paragraph_min"), "length.paragraph_min",
                &cfg->para_min);
    parse_count(p, cJSON_GetObjectItemCaseSensitive(obj, "paragraph_max"), "length.paragraph_max",
                &cfg->para_max);
    parse_count(p, cJSON_GetObjectItemCaseSensitive(obj, "sentence_max"), "length.sentence_max",
                &cfg->sentence_max);
    if (!p->failed && cfg->len_min > cfg->len_max)
        fail(p, "length", "min (%zu) is greater than max (%zu)", cfg->len_min, cfg->len_max);
    if (!p->failed && cfg->para_min > cfg->para_max)
        fail(p, "length", "paragraph_min (%zu) is greater than paragraph_max (%zu)", cfg->para_min,
             cfg->para_max);
}

/* A non-empty string, or NULL after failing. */
static const char *word(parser *p, const cJSON *v, const char *path)
{
    if (!cJSON_IsString(v)) {
        fail(p, path, "expected a string, got %s", type_name(v));
        return NULL;
    }
    if (v->valuestring[0] == '\0') {
        fail(p, path, "expected a non-empty string");
        return NULL;
    }
    return v->valuestring;
}

static void parse_words(parser *p, const cJSON *arr, const char *path, el_strvec *out)
{
    if (arr == NULL)
        return;
    if (!cJSON_IsArray(arr)) {
        fail(p, path, "expected an array of strings, got %s", type_name(arr));
        return;
    }
    int i = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, arr)
    {
        char *ip = index_path(path, i++);
        const char *w = word(p, it, ip);
        free(ip);
        if (w == NULL)
            return;
        *EL_VEC_PUSH(*out) = xstrdup(w);
    }
}

static void parse_quotes(parser *p, el_config *cfg, const cJSON *arr)
{
    static const char *const keys[] = {"text", "source", NULL};
    if (arr == NULL)
        return;
    if (!cJSON_IsArray(arr)) {
        fail(p, "lexicon.quotes", "expected an array of {\"text\", \"source\"} objects, got %s",
             type_name(arr));
        return;
    }
    int i = 0;
    const cJSON *it;
    cJSON_ArrayForEach(it, arr)
    {
        char *ip = index_path("lexicon.quotes", i++);
        if (!cJSON_IsObject(it)) {
            fail(p, ip, "expected an object {\"text\", \"source\"}, got %s", type_name(it));
            free(ip);
            return;
        }
        known_keys(p, it, ip, keys, "text or source");
        const cJSON *t = cJSON_GetObjectItemCaseSensitive(it, "text");
        const cJSON *s = cJSON_GetObjectItemCaseSensitive(it, "source");
        char *tp = key_path(ip, "text"), *sp = key_path(ip, "source");
        const char *text = NULL, *source = NULL;
        if (!p->failed && t == NULL)
            fail(p, tp, "missing (the quotation's text is required)");
        if (!p->failed)
            text = word(p, t, tp);
        if (!p->failed && s != NULL)
            source = word(p, s, sp);
        if (!p->failed) {
            el_config_quote *q = EL_VEC_PUSH(cfg->quotes);
            q->text = xstrdup(text);
            q->source = source ? xstrdup(source) : NULL;
        }
        free(tp);
        free(sp);
        free(ip);
        if (p->failed)
            return;
    }
}

static void parse_lexicon(parser *p, el_config *cfg, const cJSON *obj)
{
    static const char *const keys[] = {"places", "quotes", "colloquial", NULL};
    if (!cJSON_IsObject(obj)) {
        fail(p, "lexicon", "expected an object, got %s", type_name(obj));
        return;
    }
    known_keys(p, obj, "lexicon", keys, "places, quotes or colloquial");
    if (!p->failed)
        parse_words(p, cJSON_GetObjectItemCaseSensitive(obj, "places"), "lexicon.places",
                    &cfg->places);
    if (!p->failed)
        parse_quotes(p, cfg, cJSON_GetObjectItemCaseSensitive(obj, "quotes"));
    if (!p->failed)
        parse_words(p, cJSON_GetObjectItemCaseSensitive(obj, "colloquial"), "lexicon.colloquial",
                    &cfg->colloquial);
}

/* 1-based line and column (in bytes) of position at in s. */
static void text_pos(const char *s, const char *at, size_t *line, size_t *col)
{
    *line = 1;
    *col = 1;
    for (const char *c = s; c < at; c++) {
        if (*c == '\n') {
            (*line)++;
            *col = 1;
        } else if (((unsigned char)*c & 0xC0) != 0x80) {
            (*col)++;
        }
    }
}

el_config *el_config_parse(const char *name, const char *json, size_t len, char **err)
{
    static const char *const keys[] = {"rules", "length", "lexicon", NULL};
    parser p = {name ? name : "(config)", err, false};
    if (err)
        *err = NULL;
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(json, len, &end, false);
    if (root == NULL) {
        size_t line, col;
        const char *at = end && end >= json && end <= json + len ? end : json + len;
        text_pos(json, at, &line, &col);
        char where[64];
        snprintf(where, sizeof where, "line %zu, column %zu", line, col);
        fail(&p, where, "invalid JSON (expected a JSON object such as {\"rules\": {}})");
        return NULL;
    }
    /* Only white space may follow the object. */
    for (const char *c = end; c && c < json + len; c++) {
        if (*c != ' ' && *c != '\t' && *c != '\n' && *c != '\r' && *c != '\0') {
            size_t line, col;
            text_pos(json, c, &line, &col);
            char where[64];
            snprintf(where, sizeof where, "line %zu, column %zu", line, col);
            fail(&p, where, "unexpected text after the JSON object");
            cJSON_Delete(root);
            return NULL;
        }
    }
    el_config *cfg = el_config_new();
    if (!cJSON_IsObject(root)) {
        fail(&p, "", "expected a JSON object with rules, length or lexicon, got %s",
             type_name(root));
    } else {
        known_keys(&p, root, "", keys, "rules, length or lexicon");
        const cJSON *v;
        if (!p.failed && (v = cJSON_GetObjectItemCaseSensitive(root, "rules")) != NULL)
            parse_rules(&p, cfg, v);
        if (!p.failed && (v = cJSON_GetObjectItemCaseSensitive(root, "length")) != NULL)
            parse_length(&p, cfg, v);
        if (!p.failed && (v = cJSON_GetObjectItemCaseSensitive(root, "lexicon")) != NULL)
            parse_lexicon(&p, cfg, v);
    }
    cJSON_Delete(root);
    if (p.failed) {
        el_config_free(cfg);
        return NULL;
    }
    cfg->path = name ? xstrdup(name) : NULL;
    return cfg;
}

el_config *el_config_load(const char *path, char **err)
{
    if (err)
        *err = NULL;
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        parser p = {path, err, false};
        fail(&p, "", "cannot read the configuration: %s", strerror(errno));
        return NULL;
    }
    char *buf = xmalloc(EL_CFG_MAX_SIZE + 1);
    size_t n = fread(buf, 1, EL_CFG_MAX_SIZE + 1, f);
    bool bad = ferror(f) != 0;
    int saved = errno;
    fclose(f);
    el_config *cfg = NULL;
    parser p = {path, err, false};
    if (bad)
        fail(&p, "", "cannot read the configuration: %s", strerror(saved));
    else if (n > EL_CFG_MAX_SIZE)
        fail(&p, "", "too large for a configuration (over %zu bytes)", EL_CFG_MAX_SIZE);
    else
        cfg = el_config_parse(path, buf, n, err);
    free(buf);
    return cfg;
}

/* ---- discovery and the per-folder cache ------------------------------------------------- */

#define EL_CFG_NAME ".essaylint.json"

/* One configuration file as loaded (or failed), shared by every folder it governs. */
typedef struct cfg_file {
    char *path;
    el_config *cfg; /* NULL when invalid */
    char *err;
} cfg_file;

/* A folder and the configuration file that governs it (NULL: none). */
typedef struct dir_entry {
    char *dir;
    cfg_file *file;
    struct dir_entry *next;
} dir_entry;

#define EL_CFG_BUCKETS 1024

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static dir_entry *buckets[EL_CFG_BUCKETS];
static EL_VEC(cfg_file *) files;

static size_t hash(const char *s)
{
    uint64_t h = 1469598103934665603u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return (size_t)(h % EL_CFG_BUCKETS);
}

static dir_entry *dir_lookup(const char *dir)
{
    for (dir_entry *e = buckets[hash(dir)]; e; e = e->next)
        if (strcmp(e->dir, dir) == 0)
            return e;
    return NULL;
}

static void dir_remember(const char *dir, cfg_file *file)
{
    dir_entry *e = xmalloc(sizeof *e);
    size_t h = hash(dir);
    e->dir = xstrdup(dir);
    e->file = file;
    e->next = buckets[h];
    buckets[h] = e;
}

static cfg_file *file_load(const char *path)
{
    for (size_t i = 0; i < files.n; i++)
        if (strcmp(files.v[i]->path, path) == 0)
            return files.v[i];
    cfg_file *f = xcalloc(1, sizeof *f);
    f->path = xstrdup(path);
    f->cfg = el_config_load(path, &f->err);
    *EL_VEC_PUSH(files) = f;
    return f;
}

/* The absolute folder of a draft ("-": the current folder), or NULL. */
static char *draft_dir(const char *draft_path)
{
    char *dir;
    const char *slash = strcmp(draft_path, "-") == 0 ? NULL : strrchr(draft_path, '/');
    if (slash == NULL)
        dir = xstrdup(".");
    else if (slash == draft_path)
        dir = xstrdup("/");
    else
        dir = xstrndup(draft_path, (size_t)(slash - draft_path));
    char *abs = realpath(dir, NULL);
    free(dir);
    return abs;
}

/* Nearest configuration file for the absolute folder dir; caches every folder visited. */
static cfg_file *resolve(const char *dir)
{
    EL_VEC(char *) visited = {0};
    char *cur = xstrdup(dir);
    cfg_file *found = NULL;
    for (;;) {
        dir_entry *e = dir_lookup(cur);
        if (e != NULL) {
            found = e->file;
            free(cur);
            break;
        }
        *EL_VEC_PUSH(visited) = cur;
        size_t n = strlen(cur);
        char *cand = xmalloc(n + sizeof "/" EL_CFG_NAME);
        snprintf(cand, n + sizeof "/" EL_CFG_NAME, "%s/%s", strcmp(cur, "/") == 0 ? "" : cur,
                 EL_CFG_NAME);
        struct stat st;
        if (stat(cand, &st) == 0 && !S_ISDIR(st.st_mode)) {
            found = file_load(cand);
            free(cand);
            break;
        }
        free(cand);
        if (strcmp(cur, "/") == 0)
            break;
        char *slash = strrchr(cur, '/');
        cur = slash == cur ? xstrdup("/") : xstrndup(cur, (size_t)(slash - cur));
    }
    for (size_t i = 0; i < visited.n; i++) {
        dir_remember(visited.v[i], found);
        free(visited.v[i]);
    }
    free(visited.v);
    return found;
}

const el_config *el_config_for_file(const char *draft_path, char **err)
{
    if (err)
        *err = NULL;
    char *dir = draft_dir(draft_path ? draft_path : "-");
    if (dir == NULL)
        return NULL; /* the folder cannot be resolved: the draft's own read will report it */
    pthread_mutex_lock(&cache_lock);
    cfg_file *f = resolve(dir);
    const el_config *cfg = f ? f->cfg : NULL;
    if (f && f->cfg == NULL && err)
        *err = xstrdup(f->err ? f->err : f->path);
    pthread_mutex_unlock(&cache_lock);
    free(dir);
    return cfg;
}

void el_config_cache_clear(void)
{
    pthread_mutex_lock(&cache_lock);
    for (size_t b = 0; b < EL_CFG_BUCKETS; b++) {
        for (dir_entry *e = buckets[b], *next; e; e = next) {
            next = e->next;
            free(e->dir);
            free(e);
        }
        buckets[b] = NULL;
    }
    for (size_t i = 0; i < files.n; i++) {
        el_config_free(files.v[i]->cfg);
        free(files.v[i]->err);
        free(files.v[i]->path);
        free(files.v[i]);
    }
    free(files.v);
    files.v = NULL;
    files.n = files.cap = 0;
    pthread_mutex_unlock(&cache_lock);
}
