/* SPDX-License-Identifier: MIT */
/*
 * Test helper: validate JSON documents against a JSON Schema (draft 2020-12), with cJSON and
 * nothing else, so the golden tests check the report contract without Python.
 *
 *   schemacheck [--lines] [--ref POINTER] SCHEMA FILE...
 *   schemacheck --self-test
 *
 * Each FILE is one JSON document, or with --lines one document per line (JSON lines: every
 * line must hold one, and the file must not be empty). --ref validates against a part of the
 * schema instead of its root, as "#/$defs/file". Every violation prints one line,
 * `FILE: #/json/pointer: reason` (`FILE:LINE: ...` with --lines), on stdout. Exit status: 0
 * all valid, 1 some violation, 2 a usage error or a schema this program cannot apply.
 *
 * Only the subset of JSON Schema the project's schema uses is implemented: type, enum, const,
 * properties, required, additionalProperties, items, uniqueItems, minimum, maximum,
 * minLength, pattern (POSIX extended syntax), oneOf, anyOf, allOf, $ref to "#..." pointers,
 * boolean schemas, and the annotations. A schema using any other keyword is refused (exit 2)
 * rather than half-checked: a keyword silently ignored would pass what it should reject.
 * Duplicate object keys are reported too (cJSON keeps both; a reader keeps one).
 * --self-test runs built-in cases of every keyword, valid and invalid.
 */
#include <cJSON.h>
#include <regex.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Most violations printed per document: a broken writer repeats the same one thousands of
 * times; the count says how many were left out. */
#define MAX_SHOWN 20

/* A "pattern" of the schema, compiled once when the schema is loaded. */
typedef struct pattern {
    const char *src; /* the schema's own string */
    regex_t re;
} pattern;

typedef struct checker {
    const cJSON *root; /* the schema, for $ref */
    pattern *pats;     /* every pattern of the schema */
    size_t npats;
    const char *file; /* for messages */
    long line;        /* --lines: 1-based line, else 0 */
    int quiet;        /* > 0 while trying oneOf/anyOf branches: count, do not print */
    int depth;        /* nesting of check(): a $ref loop must not overflow the stack */
    long errors;      /* violations of the current document */
    char path[4096];  /* JSON pointer of the instance being checked */
    size_t plen;
} checker;

__attribute__((format(printf, 2, 3))) static void violation(checker *c, const char *fmt, ...)
{
    c->errors++;
    if (c->quiet || c->errors > MAX_SHOWN)
        return;
    if (c->line)
        printf("%s:%ld: #%s: ", c->file, c->line, c->path);
    else
        printf("%s: #%s: ", c->file, c->path);
    va_list ap;
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
}

/* Append one pointer segment ("~" and "/" escaped); returns the length to restore. */
static size_t push_key(checker *c, const char *key)
{
    size_t old = c->plen;
    if (c->plen + 2 < sizeof c->path)
        c->path[c->plen++] = '/';
    for (const char *k = key; *k && c->plen + 3 < sizeof c->path; k++) {
        if (*k == '~' || *k == '/') {
            c->path[c->plen++] = '~';
            c->path[c->plen++] = *k == '~' ? '0' : '1';
        } else {
            c->path[c->plen++] = *k;
        }
    }
    c->path[c->plen] = '\0';
    return old;
}

static size_t push_index(checker *c, int i)
{
    char num[16];
    snprintf(num, sizeof num, "%d", i);
    return push_key(c, num);
}

static void pop(checker *c, size_t old)
{
    c->plen = old;
    c->path[old] = '\0';
}

/* A short printable form of a value for messages (the caller frees). */
static char *show(const cJSON *v)
{
    char *s = cJSON_PrintUnformatted(v);
    if (s == NULL)
        return NULL;
    if (strlen(s) > 60) {
        size_t k = 56;
        while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80) /* not inside a character */
            k--;
        strcpy(s + k, "...");
    }
    return s;
}

/* A whole number a double holds exactly (|d| <= 2^53); false for NaN and infinities. */
static bool is_whole(double d)
{
    return d >= -9007199254740992.0 && d <= 9007199254740992.0 && (double)(long long)d == d;
}

static const char *type_name(const cJSON *v)
{
    if (cJSON_IsNull(v))
        return "null";
    if (cJSON_IsBool(v))
        return "boolean";
    if (cJSON_IsNumber(v))
        return is_whole(v->valuedouble) ? "integer" : "number";
    if (cJSON_IsString(v))
        return "string";
    if (cJSON_IsArray(v))
        return "array";
    if (cJSON_IsObject(v))
        return "object";
    return "invalid";
}

static bool has_type(const cJSON *v, const char *t)
{
    const char *is = type_name(v);
    return strcmp(is, t) == 0 || (strcmp(t, "number") == 0 && strcmp(is, "integer") == 0);
}

/* Code points of a UTF-8 string. */
static size_t ncp(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* The schema a "#/a/b" pointer names, or NULL. */
static const cJSON *resolve(const cJSON *root, const char *ref)
{
    if (ref[0] != '#')
        return NULL;
    const cJSON *at = root;
    const char *p = ref + 1;
    while (*p == '/') {
        p++;
        char key[256];
        size_t k = 0;
        for (; *p && *p != '/' && k + 1 < sizeof key; p++) {
            if (p[0] == '~' && (p[1] == '0' || p[1] == '1')) {
                key[k++] = p[1] == '0' ? '~' : '/';
                p++;
            } else {
                key[k++] = *p;
            }
        }
        key[k] = '\0';
        at = cJSON_IsArray(at) ? cJSON_GetArrayItem(at, atoi(key))
                               : cJSON_GetObjectItemCaseSensitive(at, key);
        if (at == NULL)
            return NULL;
    }
    return *p == '\0' ? at : NULL;
}

static void check(checker *c, const cJSON *schema, const cJSON *v);

/* Violations of v against s, counted and not printed. */
static long trial(checker *c, const cJSON *s, const cJSON *v)
{
    long before = c->errors;
    c->quiet++;
    check(c, s, v);
    c->quiet--;
    long n = c->errors - before;
    c->errors = before;
    return n;
}

static void check_type(checker *c, const cJSON *t, const cJSON *v)
{
    if (cJSON_IsString(t)) {
        if (!has_type(v, t->valuestring))
            violation(c, "expected %s, got %s", t->valuestring, type_name(v));
        return;
    }
    const cJSON *e;
    char want[128] = "";
    cJSON_ArrayForEach(e, t)
    {
        if (has_type(v, e->valuestring))
            return;
        if (want[0])
            strncat(want, " or ", sizeof want - strlen(want) - 1);
        strncat(want, e->valuestring, sizeof want - strlen(want) - 1);
    }
    violation(c, "expected %s, got %s", want, type_name(v));
}

static void check_enum(checker *c, const cJSON *en, const cJSON *v)
{
    const cJSON *e;
    cJSON_ArrayForEach(e, en)
    {
        if (cJSON_Compare(e, v, true))
            return;
    }
    char *sv = show(v), *se = show(en);
    violation(c, "%s is not one of %s", sv ? sv : "?", se ? se : "?");
    free(sv);
    free(se);
}

static void check_object(checker *c, const cJSON *s, const cJSON *v)
{
    const cJSON *props = cJSON_GetObjectItemCaseSensitive(s, "properties");
    const cJSON *req = cJSON_GetObjectItemCaseSensitive(s, "required");
    const cJSON *addl = cJSON_GetObjectItemCaseSensitive(s, "additionalProperties");
    const cJSON *r;
    cJSON_ArrayForEach(r, req)
    {
        if (cJSON_GetObjectItemCaseSensitive(v, r->valuestring) == NULL)
            violation(c, "missing required property \"%s\"", r->valuestring);
    }
    const cJSON *m;
    cJSON_ArrayForEach(m, v)
    {
        for (const cJSON *d = v->child; d != m; d = d->next)
            if (strcmp(d->string, m->string) == 0) {
                violation(c, "duplicate property \"%s\"", m->string);
                break;
            }
        const cJSON *ps = props ? cJSON_GetObjectItemCaseSensitive(props, m->string) : NULL;
        if (ps == NULL && cJSON_IsFalse(addl)) {
            violation(c, "property \"%s\" is not allowed", m->string);
            continue;
        }
        size_t old = push_key(c, m->string);
        if (ps)
            check(c, ps, m);
        else if (addl)
            check(c, addl, m);
        pop(c, old);
    }
}

static void check_array(checker *c, const cJSON *s, const cJSON *v)
{
    const cJSON *items = cJSON_GetObjectItemCaseSensitive(s, "items");
    const cJSON *uniq = cJSON_GetObjectItemCaseSensitive(s, "uniqueItems");
    int i = 0;
    const cJSON *e;
    cJSON_ArrayForEach(e, v)
    {
        size_t old = push_index(c, i);
        if (items)
            check(c, items, e);
        pop(c, old);
        if (cJSON_IsTrue(uniq)) {
            int j = 0;
            for (const cJSON *d = v->child; d != e; d = d->next, j++)
                if (cJSON_Compare(d, e, true)) {
                    violation(c, "items %d and %d are equal", j, i);
                    break;
                }
        }
        i++;
    }
}

static void check_string(checker *c, const cJSON *s, const cJSON *v)
{
    const cJSON *minlen = cJSON_GetObjectItemCaseSensitive(s, "minLength");
    if (minlen && ncp(v->valuestring) < (size_t)minlen->valuedouble)
        violation(c, "string shorter than %g", minlen->valuedouble);
    const cJSON *pat = cJSON_GetObjectItemCaseSensitive(s, "pattern");
    if (pat) {
        const regex_t *re = NULL;
        for (size_t i = 0; i < c->npats && re == NULL; i++)
            if (c->pats[i].src == pat->valuestring)
                re = &c->pats[i].re;
        /* every pattern was compiled when the schema was loaded */
        if (re && regexec(re, v->valuestring, 0, NULL, 0) != 0) {
            char *sv = show(v);
            violation(c, "%s does not match /%s/", sv ? sv : "?", pat->valuestring);
            free(sv);
        }
    }
}

static void check_number(checker *c, const cJSON *s, const cJSON *v)
{
    const cJSON *lo = cJSON_GetObjectItemCaseSensitive(s, "minimum");
    const cJSON *hi = cJSON_GetObjectItemCaseSensitive(s, "maximum");
    if (lo && v->valuedouble < lo->valuedouble)
        violation(c, "%.17g is below the minimum %.17g", v->valuedouble, lo->valuedouble);
    if (hi && v->valuedouble > hi->valuedouble)
        violation(c, "%.17g is above the maximum %.17g", v->valuedouble, hi->valuedouble);
}

/* oneOf (exactly one branch) or anyOf (at least one). When none fits, the violations of the
 * closest branches (fewest violations) are printed: the branch meant is nearly always one. */
static void check_branches(checker *c, const cJSON *list, const cJSON *v, bool one)
{
    int n = cJSON_GetArraySize(list), matched = 0;
    long best = -1;
    for (int i = 0; i < n; i++) {
        long e = trial(c, cJSON_GetArrayItem(list, i), v);
        if (e == 0)
            matched++;
        else if (best < 0 || e < best)
            best = e;
    }
    if (one ? matched == 1 : matched >= 1)
        return;
    if (matched > 1) {
        violation(c, "matches %d oneOf branches, not exactly one", matched);
        return;
    }
    violation(c, "matches none of the %d %s branches; the closest:", n, one ? "oneOf" : "anyOf");
    for (int i = 0; i < n; i++)
        if (trial(c, cJSON_GetArrayItem(list, i), v) == best)
            check(c, cJSON_GetArrayItem(list, i), v);
}

static void check_keywords(checker *c, const cJSON *s, const cJSON *v);

static void check(checker *c, const cJSON *s, const cJSON *v)
{
    if (c->depth >= 1000) {
        violation(c, "the schema recurses without end here ($ref loop)");
        return;
    }
    c->depth++;
    check_keywords(c, s, v);
    c->depth--;
}

static void check_keywords(checker *c, const cJSON *s, const cJSON *v)
{
    if (cJSON_IsBool(s)) {
        if (cJSON_IsFalse(s))
            violation(c, "no value is allowed here");
        return;
    }
    const cJSON *k;
    if ((k = cJSON_GetObjectItemCaseSensitive(s, "$ref")) != NULL)
        check(c, resolve(c->root, k->valuestring), v); /* resolvable: checked at load */
    if ((k = cJSON_GetObjectItemCaseSensitive(s, "type")) != NULL)
        check_type(c, k, v);
    if ((k = cJSON_GetObjectItemCaseSensitive(s, "const")) != NULL && !cJSON_Compare(k, v, true)) {
        char *sv = show(v), *sk = show(k);
        violation(c, "expected %s, got %s", sk ? sk : "?", sv ? sv : "?");
        free(sv);
        free(sk);
    }
    if ((k = cJSON_GetObjectItemCaseSensitive(s, "enum")) != NULL)
        check_enum(c, k, v);
    if (cJSON_IsObject(v))
        check_object(c, s, v);
    else if (cJSON_IsArray(v))
        check_array(c, s, v);
    else if (cJSON_IsString(v))
        check_string(c, s, v);
    else if (cJSON_IsNumber(v))
        check_number(c, s, v);
    if ((k = cJSON_GetObjectItemCaseSensitive(s, "allOf")) != NULL) {
        const cJSON *b;
        cJSON_ArrayForEach(b, k)
        {
            check(c, b, v);
        }
    }
    if ((k = cJSON_GetObjectItemCaseSensitive(s, "oneOf")) != NULL)
        check_branches(c, k, v, true);
    if ((k = cJSON_GetObjectItemCaseSensitive(s, "anyOf")) != NULL)
        check_branches(c, k, v, false);
}

/* ---- the schema itself ------------------------------------------------------------------ */

static bool is_type_name(const cJSON *t)
{
    static const char *const names[] = {"null",   "boolean", "integer", "number",
                                        "string", "array",   "object"};
    if (!cJSON_IsString(t))
        return false;
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(t->valuestring, names[i]) == 0)
            return true;
    return false;
}

static bool is_schema_list(const cJSON *v)
{
    return cJSON_IsArray(v) && cJSON_GetArraySize(v) > 0;
}

/* Report what this program cannot apply in schema s (at pointer c->path); returns the count. */
static int lint_schema(checker *c, const cJSON *s)
{
    if (cJSON_IsBool(s))
        return 0;
    if (!cJSON_IsObject(s)) {
        if (!c->quiet)
            fprintf(stderr, "%s: #%s: a schema must be an object or a boolean\n", c->file, c->path);
        return 1;
    }
    static const char *const notes[] = {"$schema",     "$id",     "$comment", "title",
                                        "description", "default", "examples"};
    int bad = 0;
    const cJSON *k;
    cJSON_ArrayForEach(k, s)
    {
        const char *key = k->string;
        const char *why = NULL;
        size_t old = push_key(c, key);
        bool note = false;
        for (size_t i = 0; i < sizeof notes / sizeof *notes; i++)
            note |= strcmp(key, notes[i]) == 0;
        if (note) {
            /* an annotation: nothing to check */
        } else if (strcmp(key, "$defs") == 0 || strcmp(key, "properties") == 0) {
            if (!cJSON_IsObject(k))
                why = "must be an object of schemas";
            const cJSON *d;
            cJSON_ArrayForEach(d, k)
            {
                size_t o2 = push_key(c, d->string);
                bad += lint_schema(c, d);
                pop(c, o2);
            }
        } else if (strcmp(key, "additionalProperties") == 0 || strcmp(key, "items") == 0) {
            bad += lint_schema(c, k);
        } else if (strcmp(key, "oneOf") == 0 || strcmp(key, "anyOf") == 0 ||
                   strcmp(key, "allOf") == 0) {
            if (!is_schema_list(k))
                why = "must be a non-empty array of schemas";
            int i = 0;
            const cJSON *d;
            cJSON_ArrayForEach(d, k)
            {
                size_t o2 = push_index(c, i++);
                bad += lint_schema(c, d);
                pop(c, o2);
            }
        } else if (strcmp(key, "type") == 0) {
            bool ok = is_type_name(k) || is_schema_list(k);
            const cJSON *t;
            if (cJSON_IsArray(k))
                cJSON_ArrayForEach(t, k)
                {
                    ok &= is_type_name(t);
                }
            if (!ok)
                why = "must be a type name or an array of them";
        } else if (strcmp(key, "enum") == 0) {
            if (!is_schema_list(k))
                why = "must be a non-empty array";
        } else if (strcmp(key, "const") == 0) {
            /* any value */
        } else if (strcmp(key, "required") == 0) {
            const cJSON *r;
            if (!cJSON_IsArray(k))
                why = "must be an array of strings";
            cJSON_ArrayForEach(r, k)
            {
                if (!cJSON_IsString(r))
                    why = "must be an array of strings";
            }
        } else if (strcmp(key, "uniqueItems") == 0) {
            if (!cJSON_IsBool(k))
                why = "must be a boolean";
        } else if (strcmp(key, "minimum") == 0 || strcmp(key, "maximum") == 0) {
            if (!cJSON_IsNumber(k))
                why = "must be a number";
        } else if (strcmp(key, "minLength") == 0) {
            if (!cJSON_IsNumber(k) || k->valuedouble < 0 || !is_whole(k->valuedouble))
                why = "must be a whole number";
        } else if (strcmp(key, "pattern") == 0) {
            pattern *grown = realloc(c->pats, (c->npats + 1) * sizeof *c->pats);
            if (grown == NULL) {
                why = "cannot be compiled: out of memory";
            } else {
                c->pats = grown;
                pattern *pt = &c->pats[c->npats];
                if (!cJSON_IsString(k) ||
                    regcomp(&pt->re, k->valuestring, REG_EXTENDED | REG_NOSUB) != 0) {
                    why = "must be a POSIX extended regular expression";
                } else {
                    pt->src = k->valuestring;
                    c->npats++;
                }
            }
        } else if (strcmp(key, "$ref") == 0) {
            if (!cJSON_IsString(k) || resolve(c->root, k->valuestring) == NULL)
                why = "must point into this schema (\"#/...\")";
        } else {
            why = "is a keyword schemacheck does not implement";
        }
        if (why) {
            if (!c->quiet)
                fprintf(stderr, "%s: #%s: %s\n", c->file, c->path, why);
            bad++;
        }
        pop(c, old);
    }
    return bad;
}

static void free_patterns(checker *c)
{
    for (size_t i = 0; i < c->npats; i++)
        regfree(&c->pats[i].re);
    free(c->pats);
    c->pats = NULL;
    c->npats = 0;
}

/* ---- files ---------------------------------------------------------------------------- */

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    size_t cap = 1 << 16, n = 0, r;
    char *b = malloc(cap);
    while (b && (r = fread(b + n, 1, cap - n - 1, f)) > 0) {
        n += r;
        if (n + 1 == cap) {
            char *nb = realloc(b, cap *= 2);
            if (nb == NULL)
                free(b);
            b = nb;
        }
    }
    bool err = ferror(f) != 0;
    fclose(f);
    if (b == NULL || err) {
        free(b);
        return NULL;
    }
    b[n] = '\0';
    *len = n;
    return b;
}

/* Validate one document (text, NUL-terminated); returns its violations. */
static long check_text(checker *c, const cJSON *schema, const char *text)
{
    c->errors = 0;
    c->plen = 0;
    c->path[0] = '\0';
    const char *end = NULL;
    cJSON *doc = cJSON_ParseWithOpts(text, &end, 1);
    if (doc == NULL) {
        const char *at = end ? end : cJSON_GetErrorPtr();
        violation(c, "not valid JSON (at byte %ld)", at ? (long)(at - text) : 0L);
        return c->errors;
    }
    check(c, schema, doc);
    cJSON_Delete(doc);
    if (c->errors > MAX_SHOWN) {
        if (c->line)
            printf("%s:%ld: ... and %ld more\n", c->file, c->line, c->errors - MAX_SHOWN);
        else
            printf("%s: ... and %ld more\n", c->file, c->errors - MAX_SHOWN);
    }
    return c->errors;
}

static long check_file(checker *c, const cJSON *schema, bool lines)
{
    size_t len;
    char *buf = slurp(c->file, &len);
    c->line = 0;
    c->plen = 0;
    c->path[0] = '\0';
    if (buf == NULL) {
        c->errors = 0;
        violation(c, "cannot read the file");
        return 1;
    }
    long bad = 0;
    if (strlen(buf) != len) {
        c->errors = 0;
        violation(c, "holds a NUL byte");
        bad++;
    } else if (!lines) {
        bad += check_text(c, schema, buf);
    } else {
        char *p = buf;
        while (*p) {
            char *nl = strchr(p, '\n');
            c->line++;
            if (nl)
                *nl = '\0';
            if (*p == '\0') {
                c->errors = 0;
                violation(c, "an empty line: every line must hold one JSON value");
                bad++;
            } else {
                bad += check_text(c, schema, p);
            }
            if (nl == NULL) {
                c->errors = 0;
                violation(c, "the last line has no line end");
                bad++;
                break;
            }
            p = nl + 1;
        }
        if (c->line == 0) {
            c->errors = 0;
            violation(c, "no JSON lines: the file is empty");
            bad++;
        }
    }
    free(buf);
    return bad;
}

/* ---- self-test -------------------------------------------------------------------------- */

/* Every keyword, with values it must accept and values it must reject. */
static const struct {
    const char *schema, *doc;
    bool valid;
} cases[] = {
    {"{\"type\":\"integer\"}", "3", true},
    {"{\"type\":\"integer\"}", "1.0", true},
    {"{\"type\":\"integer\"}", "3.5", false},
    {"{\"type\":\"integer\"}", "\"3\"", false},
    {"{\"type\":\"number\"}", "3", true},
    {"{\"type\":\"number\"}", "null", false},
    {"{\"type\":[\"string\",\"null\"]}", "null", true},
    {"{\"type\":[\"string\",\"null\"]}", "false", false},
    {"{\"type\":\"object\"}", "[]", false},
    {"{\"type\":\"array\"}", "{}", false},
    {"{\"type\":\"boolean\"}", "0", false},
    {"{\"enum\":[\"a\",\"b\",null]}", "\"b\"", true},
    {"{\"enum\":[\"a\",\"b\",null]}", "null", true},
    {"{\"enum\":[\"a\",\"b\",null]}", "\"c\"", false},
    {"{\"enum\":[\"a\",\"b\",null]}", "\"A\"", false},
    {"{\"const\":true}", "true", true},
    {"{\"const\":true}", "false", false},
    {"{\"const\":true}", "1", false},
    {"{\"const\":\"essaylint/1\"}", "\"essaylint/2\"", false},
    {"{\"required\":[\"a\"],\"properties\":{\"a\":{\"type\":\"string\"}},"
     "\"additionalProperties\":false}",
     "{\"a\":\"x\"}", true},
    {"{\"required\":[\"a\"],\"properties\":{\"a\":{\"type\":\"string\"}},"
     "\"additionalProperties\":false}",
     "{}", false},
    {"{\"required\":[\"a\"],\"properties\":{\"a\":{\"type\":\"string\"}},"
     "\"additionalProperties\":false}",
     "{\"a\":1}", false},
    {"{\"required\":[\"a\"],\"properties\":{\"a\":{\"type\":\"string\"}},"
     "\"additionalProperties\":false}",
     "{\"a\":\"x\",\"b\":1}", false},
    {"{\"properties\":{\"a\":{\"type\":\"string\"}}}", "{\"a\":\"x\",\"a\":\"y\"}", false},
    {"{\"properties\":{\"a\":{\"type\":\"string\"}}}", "{\"b\":1}", true},
    {"{\"additionalProperties\":{\"type\":\"integer\"}}", "{\"b\":1}", true},
    {"{\"additionalProperties\":{\"type\":\"integer\"}}", "{\"b\":\"1\"}", false},
    {"{\"required\":[\"a\"]}", "[1]", true}, /* object keywords ignore other types */
    {"{\"items\":{\"type\":\"integer\",\"minimum\":0},\"uniqueItems\":true}", "[0,1,2]", true},
    {"{\"items\":{\"type\":\"integer\",\"minimum\":0},\"uniqueItems\":true}", "[0,-1]", false},
    {"{\"items\":{\"type\":\"integer\",\"minimum\":0},\"uniqueItems\":true}", "[1,2,1]", false},
    {"{\"items\":{\"type\":\"integer\",\"minimum\":0},\"uniqueItems\":true}", "\"x\"", true},
    {"{\"uniqueItems\":true}", "[{\"a\":1},{\"a\":1}]", false},
    {"{\"minimum\":1,\"maximum\":2}", "1", true},
    {"{\"minimum\":1,\"maximum\":2}", "0", false},
    {"{\"minimum\":1,\"maximum\":2}", "2.5", false},
    {"{\"minLength\":2}", "\"\u4e2d\u6587\"", true},
    {"{\"minLength\":2}", "\"\u4e2d\"", false}, /* one code point, three bytes */
    {"{\"minLength\":1}", "\"\"", false},
    {"{\"pattern\":\"^[a-z]+/[a-z]+(-[a-z]+)*$\"}", "\"quote/misquoted\"", true},
    {"{\"pattern\":\"^[a-z]+/[a-z]+(-[a-z]+)*$\"}", "\"quote/Misquoted\"", false},
    {"{\"pattern\":\"^[a-z]+/[a-z]+(-[a-z]+)*$\"}", "\"quote\"", false},
    {"{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}]}", "\"x\"", true},
    {"{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}]}", "1.5", false},
    {"{\"oneOf\":[{\"type\":\"number\"},{\"type\":\"integer\"}]}", "1", false},
    {"{\"oneOf\":[{\"type\":\"number\"},{\"type\":\"integer\"}]}", "1.5", true},
    {"{\"anyOf\":[{\"type\":\"number\"},{\"type\":\"integer\"}]}", "1", true},
    {"{\"anyOf\":[{\"type\":\"number\"},{\"type\":\"integer\"}]}", "\"1\"", false},
    {"{\"allOf\":[{\"minimum\":0},{\"maximum\":1}]}", "0.5", true},
    {"{\"allOf\":[{\"minimum\":0},{\"maximum\":1}]}", "2", false},
    {"{\"$defs\":{\"pos\":{\"type\":\"integer\",\"minimum\":1}},"
     "\"properties\":{\"line\":{\"$ref\":\"#/$defs/pos\"}}}",
     "{\"line\":1}", true},
    {"{\"$defs\":{\"pos\":{\"type\":\"integer\",\"minimum\":1}},"
     "\"properties\":{\"line\":{\"$ref\":\"#/$defs/pos\"}}}",
     "{\"line\":0}", false},
    {"{\"properties\":{\"a~/b\":{\"type\":\"null\"}}}", "{\"a~/b\":1}", false},
    {"{\"properties\":{\"a\":false}}", "{\"a\":1}", false},
    {"{\"properties\":{\"a\":true}}", "{\"a\":1}", true},
    {"{}", "[1,{\"x\":null}]", true},
};

/* Schemas this program must refuse rather than half-apply. */
static const char *const refused[] = {
    "{\"maxLength\":3}",
    "{\"properties\":{\"a\":{\"format\":\"date\"}}}",
    "{\"$ref\":\"#/$defs/missing\"}",
    "{\"$ref\":\"other.json\"}",
    "{\"type\":\"strin\"}",
    "{\"pattern\":\"(\"}",
    "{\"oneOf\":[]}",
    "{\"items\":[{\"type\":\"string\"}]}",
    "[]",
};

static int self_test(void)
{
    int failed = 0;
    size_t n = sizeof cases / sizeof *cases;
    for (size_t i = 0; i < n; i++) {
        cJSON *s = cJSON_Parse(cases[i].schema), *d = cJSON_Parse(cases[i].doc);
        checker c = {0};
        c.root = s;
        c.file = "self-test";
        c.quiet = 1;
        if (s == NULL || d == NULL || lint_schema(&c, s) != 0) {
            fprintf(stderr, "schemacheck: self-test case %zu does not load\n", i);
            failed++;
        } else {
            check(&c, s, d);
            if ((c.errors == 0) != cases[i].valid) {
                fprintf(stderr, "schemacheck: self-test: %s %s %s\n", cases[i].doc,
                        cases[i].valid ? "rejected by" : "accepted by", cases[i].schema);
                failed++;
            }
        }
        free_patterns(&c);
        cJSON_Delete(s);
        cJSON_Delete(d);
    }
    for (size_t i = 0; i < sizeof refused / sizeof *refused; i++) {
        cJSON *s = cJSON_Parse(refused[i]);
        checker c = {0};
        c.root = s;
        c.file = "self-test (a refused schema)";
        c.quiet = 1;
        if (s == NULL || lint_schema(&c, s) == 0) {
            fprintf(stderr, "schemacheck: self-test: schema %s was not refused\n", refused[i]);
            failed++;
        }
        free_patterns(&c);
        cJSON_Delete(s);
    }
    if (failed) {
        fprintf(stderr, "schemacheck: self-test: %d failed\n", failed);
        return 1;
    }
    printf("schemacheck: self-test: %zu cases passed\n", n + sizeof refused / sizeof *refused);
    return 0;
}

/* ---- main ------------------------------------------------------------------------------- */

static int usage(void)
{
    fprintf(stderr, "usage: schemacheck [--lines] [--ref POINTER] SCHEMA FILE...\n"
                    "       schemacheck --self-test\n");
    return 2;
}

int main(int argc, char **argv)
{
    bool lines = false;
    const char *ref = NULL;
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i++) {
        if (strcmp(argv[i], "--self-test") == 0)
            return self_test();
        if (strcmp(argv[i], "--lines") == 0)
            lines = true;
        else if (strcmp(argv[i], "--ref") == 0 && i + 1 < argc)
            ref = argv[++i];
        else
            return usage();
    }
    if (argc - i < 2)
        return usage();
    const char *schema_path = argv[i++];
    size_t len;
    char *text = slurp(schema_path, &len);
    cJSON *schema = text ? cJSON_Parse(text) : NULL;
    free(text);
    if (schema == NULL) {
        fprintf(stderr, "schemacheck: %s: cannot read, or not JSON\n", schema_path);
        return 2;
    }
    checker c = {0};
    c.root = schema;
    c.file = schema_path;
    const cJSON *start = ref ? resolve(schema, ref) : schema;
    if (lint_schema(&c, schema) != 0 || start == NULL) {
        if (start == NULL)
            fprintf(stderr, "schemacheck: %s: no %s in the schema\n", schema_path, ref);
        free_patterns(&c);
        cJSON_Delete(schema);
        return 2;
    }
    long bad = 0;
    for (; i < argc; i++) {
        c.file = argv[i];
        bad += check_file(&c, start, lines);
    }
    free_patterns(&c);
    cJSON_Delete(schema);
    if (fflush(stdout) != 0)
        return 2;
    return bad ? 1 : 0;
}
