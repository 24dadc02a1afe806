/* SPDX-License-Identifier: MIT */
/*
 * mklex: build-time generator of essaylint's lexicon tables (build/lexicon_data.c).
 *
 * Reads places.tsv, landmarks.tsv, policy.tsv, words.tsv, classical.tsv and sayings.tsv from
 * the directory given as
 * argv[1], builds ONE Aho–Corasick automaton over the characters of every surface (places,
 * policy names, words), and prints C source holding static const tables in the layout of
 * struct el_lex_tables (src/lexicon.h, EL_LEX_INTERNAL section). Each distinct code point of
 * a surface is a class 1..K, found at run time with two loads (row index, 64-entry block);
 * the states sit in a double array (a step is one addition and one comparison) with their
 * fail links and a flattened list of what to report in each. Output depends only on the
 * input bytes.
 *
 * Plain C11, no dependencies: it runs on the build host before the library exists.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Category identifiers, in enum el_lex_cat order. */
static const char *const cat_ids[] = {
    "place",       "speaker",        "document",       "metaphor", "colloquial",
    "firstperson", "contrast",       "countermeasure", "closing",  "problem",
    "quoteverb",   "parallel-frame", "thesis",         "exemplar",
};
enum { NCATS = sizeof cat_ids / sizeof cat_ids[0], CAT_PLACE = 0 };

/* Province code (first two digits) -> region, the four standard economic regions. */
static const struct {
    unsigned code;
    const char *region;
} regions[] = {
    {11, "EAST"},      {12, "EAST"},    {13, "EAST"},    {31, "EAST"},      {32, "EAST"},
    {33, "EAST"},      {35, "EAST"},    {37, "EAST"},    {44, "EAST"},      {46, "EAST"},
    {14, "CENTRAL"},   {34, "CENTRAL"}, {36, "CENTRAL"}, {41, "CENTRAL"},   {42, "CENTRAL"},
    {43, "CENTRAL"},   {15, "WEST"},    {45, "WEST"},    {50, "WEST"},      {51, "WEST"},
    {52, "WEST"},      {53, "WEST"},    {54, "WEST"},    {61, "WEST"},      {62, "WEST"},
    {63, "WEST"},      {64, "WEST"},    {65, "WEST"},    {21, "NORTHEAST"}, {22, "NORTHEAST"},
    {23, "NORTHEAST"},
};

static const char *cur_file;
static unsigned cur_line;

/* Print a diagnostic (with the current file:line when reading) and exit 1. */
static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
static void die(const char *fmt, ...)
{
    va_list ap;
    if (cur_file)
        fprintf(stderr, "mklex: %s:%u: ", cur_file, cur_line);
    else
        fputs("mklex: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(1);
}

static void *xalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        die("out of memory");
    return p;
}

static void *xresize(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        die("out of memory");
    return p;
}

static char *dupstr(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(xalloc(n), s, n);
}

/* Grow array p of elements of size sz so it holds at least want items; *cap updated. */
static void *grow(void *p, size_t *cap, size_t want, size_t sz)
{
    if (want > *cap) {
        *cap = *cap * 2 > want ? *cap * 2 : want + 63;
        p = xresize(p, *cap * sz);
    }
    return p;
}
#define PUSH(a) ((a).v = grow((a).v, &(a).cap, (a).n + 1, sizeof *(a).v), &(a).v[(a).n++])
#define VEC(T)                                                                                     \
    struct {                                                                                       \
        T *v;                                                                                      \
        size_t n, cap;                                                                             \
    }

/* ---- reading ---------------------------------------------------------------------------- */

/* Read dir/name whole, NUL-terminated; NULL if it does not exist and optional. */
static char *slurp(const char *dir, const char *name, int optional)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (optional)
            return NULL;
        die("cannot open %s", path);
    }
    size_t n = 0, cap = 1 << 16;
    char *buf = xalloc(cap);
    size_t got;
    while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (cap - n - 1 == 0)
            buf = xresize(buf, cap *= 2);
    }
    if (ferror(f))
        die("cannot read %s", path);
    fclose(f);
    buf[n] = 0;
    return buf;
}

/*
 * Split the next non-comment, non-blank line of *p into at most max TAB-separated fields
 * (modifying the buffer). Returns the field count, 0 at end of input.
 */
static int next_row(char **p, char **fld, int max)
{
    while (**p) {
        char *line = *p, *eol = strchr(line, '\n');
        if (eol) {
            *eol = 0;
            *p = eol + 1;
        } else {
            *p = line + strlen(line);
        }
        cur_line++;
        size_t len = strlen(line);
        while (len && (line[len - 1] == '\r' || line[len - 1] == ' '))
            line[--len] = 0;
        if (cur_line == 1 && (unsigned char)line[0] == 0xEF && (unsigned char)line[1] == 0xBB &&
            (unsigned char)line[2] == 0xBF)
            line += 3;
        if (!*line || *line == '#')
            continue;
        int nf = 0;
        fld[nf++] = line;
        for (char *t = line; *t; t++) {
            if (*t == '\t') {
                if (nf == max)
                    die("more than %d fields", max);
                *t = 0;
                fld[nf++] = t + 1;
            }
        }
        return nf;
    }
    return 0;
}

/* ---- records ----------------------------------------------------------------------------- */

enum { FL_FULL = 1, FL_SHORT = 2, FL_WEAK = 4 };

struct cand {
    unsigned place, flags;
};

struct surf {
    char *s;
    int cat;
    struct cand c; /* place reading (cat == place) */
    size_t order;  /* input order, for a stable sort */
};

struct place {
    unsigned code, pcode, ccode;
    int level;
    char *full, *name;
    int name_rank; /* 0 full; else 1 + character length of a non-weak short name */
    int province, city;
};

/* A quotable line: classical (source set) or a leader's saying (speaker set). */
struct classical {
    char *text, *source, *speaker, *key;
    size_t order;
};

static VEC(struct surf) surfs;
static VEC(struct place) places;
static VEC(struct classical) classics;

static unsigned parse_code(const char *s)
{
    char *end;
    if (!*s)
        return 0;
    unsigned long v = strtoul(s, &end, 10);
    if (*end || v > 999999999UL)
        die("bad code '%s'", s);
    return (unsigned)v;
}

static size_t u8_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* Index of the place with this code, adding it from the row's fields if new. */
static unsigned place_for(unsigned code, int level, unsigned pcode, unsigned ccode,
                          const char *full)
{
    for (size_t i = places.n; i-- > 0;)
        if (places.v[i].code == code) {
            struct place *p = &places.v[i];
            if (p->level != level || p->pcode != pcode || p->ccode != ccode ||
                strcmp(p->full, full))
                die("rows for code %u disagree", code);
            return (unsigned)i;
        }
    struct place *p = PUSH(places);
    memset(p, 0, sizeof *p);
    p->code = code;
    p->level = level;
    p->pcode = pcode;
    p->ccode = ccode;
    p->full = dupstr(full);
    p->name = p->full;
    return (unsigned)(places.n - 1);
}

static void read_places(const char *dir)
{
    char *buf = slurp(dir, "places.tsv", 0), *p = buf, *f[8];
    int nf;
    cur_file = "places.tsv";
    cur_line = 0;
    while ((nf = next_row(&p, f, 8))) {
        if (nf != 7)
            die("expected 7 fields, got %d", nf);
        int level = !strcmp(f[1], "province") ? 0
                    : !strcmp(f[1], "city")   ? 1
                    : !strcmp(f[1], "county") ? 2
                                              : -1;
        if (level < 0)
            die("unknown level '%s'", f[1]);
        unsigned flags = 0;
        for (char *t = strtok(f[6], ","); t; t = strtok(NULL, ","))
            flags |= !strcmp(t, "full")    ? FL_FULL
                     : !strcmp(t, "short") ? FL_SHORT
                     : !strcmp(t, "weak")  ? FL_WEAK
                                           : (die("unknown flag '%s'", t), 0u);
        if (!*f[0])
            die("empty surface");
        unsigned pi = place_for(parse_code(f[2]), level, parse_code(f[3]), parse_code(f[4]), f[5]);
        struct place *pl = &places.v[pi];
        if ((flags & (FL_SHORT | FL_WEAK)) == FL_SHORT && level < 2) {
            int rank = 1 + (int)u8_chars(f[0]);
            if (rank > pl->name_rank) {
                pl->name_rank = rank;
                pl->name = dupstr(f[0]);
            }
        }
        struct surf *s = PUSH(surfs);
        s->s = dupstr(f[0]);
        s->cat = CAT_PLACE;
        s->c.place = pi;
        s->c.flags = flags;
        s->order = surfs.n;
    }
    cur_file = NULL;
    free(buf);
}

/* Append landmarks.tsv: each surface a strong short form of the division whose code it gives. */
static void read_landmarks(const char *dir)
{
    char *buf = slurp(dir, "landmarks.tsv", 0), *p = buf, *f[4];
    int nf;
    cur_file = "landmarks.tsv";
    cur_line = 0;
    while ((nf = next_row(&p, f, 4))) {
        if (nf != 2)
            die("expected 2 fields, got %d", nf);
        if (!*f[0])
            die("empty surface");
        unsigned code = parse_code(f[1]);
        size_t pi = places.n;
        for (size_t i = 0; i < places.n; i++)
            if (places.v[i].code == code)
                pi = i;
        if (pi == places.n)
            die("no division with code %u in places.tsv", code);
        struct surf *s = PUSH(surfs);
        s->s = dupstr(f[0]);
        s->cat = CAT_PLACE;
        s->c.place = (unsigned)pi;
        s->c.flags = FL_SHORT;
        s->order = surfs.n;
    }
    cur_file = NULL;
    free(buf);
}

static void read_named(const char *dir, const char *file, int policy)
{
    char *buf = slurp(dir, file, 0), *p = buf, *f[4];
    int nf;
    cur_file = file;
    cur_line = 0;
    while ((nf = next_row(&p, f, 4))) {
        if (nf != 2)
            die("expected 2 fields, got %d", nf);
        int cat = -1;
        if (policy)
            cat = !strcmp(f[1], "speaker") ? 1 : !strcmp(f[1], "document") ? 2 : -1;
        else
            for (int c = 3; c < NCATS; c++)
                if (!strcmp(f[1], cat_ids[c]))
                    cat = c;
        if (cat < 0)
            die("unknown category '%s'", f[1]);
        if (!*f[0])
            die("empty surface");
        struct surf *s = PUSH(surfs);
        s->s = dupstr(f[0]);
        s->cat = cat;
        s->c.place = 0;
        s->c.flags = 0;
        s->order = surfs.n;
    }
    cur_file = NULL;
    free(buf);
}

/* Decode one UTF-8 sequence at s (no validation beyond lengths); sets *len. */
static uint32_t u8_decode(const unsigned char *s, size_t *len)
{
    if (s[0] < 0x80) {
        *len = 1;
        return s[0];
    }
    if (s[0] >= 0xC0 && s[0] < 0xE0 && (s[1] & 0xC0) == 0x80) {
        *len = 2;
        return (uint32_t)(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
    }
    if (s[0] >= 0xE0 && s[0] < 0xF0 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
        *len = 3;
        return (uint32_t)(s[0] & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
    }
    if (s[0] >= 0xF0 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80 && (s[3] & 0xC0) == 0x80) {
        *len = 4;
        return (uint32_t)(s[0] & 0x07) << 18 | (uint32_t)(s[1] & 0x3F) << 12 |
               (uint32_t)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
    }
    *len = 1;
    return 0xFFFD;
}

/*
 * Whether code point c is white space or Unicode punctuation (P*). This is the subset of
 * the libunistring test in el_lex_normalize that quotation text can contain; the unit test
 * checks that both agree on every classical entry.
 */
static int drop_cp(uint32_t c)
{
    static const uint32_t ranges[][2] = {
        {0x09, 0x0D},     {0x20, 0x23},     {0x25, 0x2A},     {0x2C, 0x2F},     {0x3A, 0x3B},
        {0x3F, 0x40},     {0x5B, 0x5D},     {0x5F, 0x5F},     {0x7B, 0x7B},     {0x7D, 0x7D},
        {0x85, 0x85},     {0xA0, 0xA1},     {0xA7, 0xA7},     {0xAB, 0xAB},     {0xB6, 0xB7},
        {0xBB, 0xBB},     {0xBF, 0xBF},     {0x1680, 0x1680}, {0x2000, 0x200A}, {0x2010, 0x2029},
        {0x202F, 0x2043}, {0x2045, 0x2051}, {0x2053, 0x205F}, {0x3000, 0x3003}, {0x3008, 0x3011},
        {0x3014, 0x301F}, {0x3030, 0x3030}, {0x303D, 0x303D}, {0x30A0, 0x30A0}, {0x30FB, 0x30FB},
        {0xFE10, 0xFE19}, {0xFE30, 0xFE52}, {0xFE54, 0xFE61}, {0xFE63, 0xFE63}, {0xFE68, 0xFE68},
        {0xFE6A, 0xFE6B}, {0xFF01, 0xFF03}, {0xFF05, 0xFF0A}, {0xFF0C, 0xFF0F}, {0xFF1A, 0xFF1B},
        {0xFF1F, 0xFF20}, {0xFF3B, 0xFF3D}, {0xFF3F, 0xFF3F}, {0xFF5B, 0xFF5B}, {0xFF5D, 0xFF5D},
        {0xFF5F, 0xFF65},
    };
    for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++)
        if (c >= ranges[i][0] && c <= ranges[i][1])
            return 1;
    return 0;
}

static char *normalize(const char *s)
{
    size_t n = strlen(s), o = 0, len;
    char *out = xalloc(n + 1);
    for (size_t i = 0; i < n; i += len) {
        uint32_t c = u8_decode((const unsigned char *)s + i, &len);
        if (!drop_cp(c)) {
            memcpy(out + o, s + i, len);
            o += len;
        }
    }
    out[o] = 0;
    return out;
}

/* Append the rows of file (text<TAB>source, or text<TAB>speaker when sayings) to classics. */
static void read_quotable(const char *dir, const char *file, int sayings)
{
    char *buf = slurp(dir, file, 0), *p = buf, *f[4];
    int nf;
    cur_file = file;
    cur_line = 0;
    while ((nf = next_row(&p, f, 4))) {
        if (nf != 2)
            die("expected 2 fields, got %d", nf);
        if (!*f[1])
            die("empty %s", sayings ? "speaker" : "source");
        struct classical *c = PUSH(classics);
        c->text = dupstr(f[0]);
        c->source = sayings ? NULL : dupstr(f[1]);
        c->speaker = sayings ? dupstr(f[1]) : NULL;
        c->key = normalize(f[0]);
        c->order = classics.n;
        if (!*c->key)
            die("quotation has no text");
    }
    cur_file = NULL;
    free(buf);
}

/* ---- merging and indexing ---------------------------------------------------------------- */

static int cmp_surf(const void *a, const void *b)
{
    const struct surf *x = a, *y = b;
    int c = strcmp(x->s, y->s);
    if (c)
        return c;
    if (x->cat != y->cat)
        return x->cat - y->cat;
    if (x->c.place != y->c.place)
        return x->c.place < y->c.place ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

static int cmp_place(const void *a, const void *b)
{
    const struct place *x = a, *y = b;
    return x->code < y->code ? -1 : x->code > y->code;
}

static int cmp_classical(const void *a, const void *b)
{
    const struct classical *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : x->order < y->order ? -1 : x->order > y->order;
}

struct entry {
    const char *s;
    int cat;
    unsigned flags;
    size_t cand, ncand;
    uint32_t state;
};

static VEC(struct entry) entries;
static VEC(struct cand) cands;
static VEC(unsigned) prov_idx; /* province table: place indexes in code order */

static void index_places(void)
{
    /* Sort places by code and remap the candidate place indexes. */
    size_t n = places.n;
    unsigned *old_code = xalloc(n * sizeof *old_code);
    for (size_t i = 0; i < n; i++)
        old_code[i] = places.v[i].code;
    qsort(places.v, n, sizeof *places.v, cmp_place);
    for (size_t i = 0; i < surfs.n; i++) {
        if (surfs.v[i].cat != CAT_PLACE)
            continue;
        unsigned code = old_code[surfs.v[i].c.place];
        for (size_t j = 0; j < n; j++)
            if (places.v[j].code == code)
                surfs.v[i].c.place = (unsigned)j;
    }
    free(old_code);
    for (size_t i = 0; i < n; i++) {
        struct place *p = &places.v[i];
        p->province = -1;
        p->city = -1;
        if (p->level == 0)
            *PUSH(prov_idx) = (unsigned)i;
    }
    for (size_t i = 0; i < n; i++) {
        struct place *p = &places.v[i];
        for (size_t k = 0; k < prov_idx.n; k++)
            if (places.v[prov_idx.v[k]].code == p->pcode)
                p->province = (int)k;
        if (p->province < 0)
            die("place %s: no province %u", p->full, p->pcode);
        if (p->level == 2 && p->ccode != p->pcode) {
            for (size_t j = 0; j < n; j++)
                if (places.v[j].level == 1 && places.v[j].code == p->ccode)
                    p->city = (int)j;
            if (p->city < 0)
                die("place %s: no city %u", p->full, p->ccode);
        }
    }
    for (size_t k = 0; k < prov_idx.n; k++) {
        unsigned c = places.v[prov_idx.v[k]].code / 10000;
        size_t r = 0;
        while (r < sizeof regions / sizeof regions[0] && regions[r].code != c)
            r++;
        if (r == sizeof regions / sizeof regions[0])
            die("province %s has no region", places.v[prov_idx.v[k]].full);
    }
}

/* Merge duplicate (surface, category) rows into entries with candidate lists. */
static void make_entries(void)
{
    qsort(surfs.v, surfs.n, sizeof *surfs.v, cmp_surf);
    for (size_t i = 0; i < surfs.n;) {
        size_t j = i;
        struct entry *e = PUSH(entries);
        memset(e, 0, sizeof *e);
        e->s = surfs.v[i].s;
        e->cat = surfs.v[i].cat;
        e->cand = cands.n;
        unsigned weak_all = FL_WEAK;
        while (j < surfs.n && !strcmp(surfs.v[j].s, e->s) && surfs.v[j].cat == e->cat) {
            if (e->cat == CAT_PLACE) {
                struct cand *c = &surfs.v[j].c;
                if (e->ncand && cands.v[cands.n - 1].place == c->place) {
                    cands.v[cands.n - 1].flags |= c->flags;
                } else {
                    *PUSH(cands) = *c;
                    e->ncand++;
                }
            }
            j++;
        }
        for (size_t k = e->cand; k < cands.n; k++) {
            e->flags |= cands.v[k].flags & (FL_FULL | FL_SHORT);
            weak_all &= cands.v[k].flags;
        }
        if (e->ncand)
            e->flags |= weak_all;
        if (strlen(e->s) > 65535)
            die("surface too long: %.40s", e->s);
        i = j;
    }
}

/* ---- character classes -------------------------------------------------------------------- */

/*
 * The automaton runs over characters, not bytes: every distinct code point used in a surface
 * gets a dense class id 1..nclass, and every other character is class 0, which has no edge
 * anywhere. One step per character instead of one per byte keeps the state count and the fail
 * chains short. The characters some surface starts with come first (1..nstart, then the
 * others, each part in code-point order): whether the root has an edge on a class is then
 * one comparison.
 */
static VEC(uint32_t) cps;     /* sorted distinct code points of all surfaces */
static VEC(uint16_t) cls_ids; /* class of cps.v[i] */
static size_t nstart;         /* classes 1..nstart start a surface */

/*
 * Decode the UTF-8 character at s strictly (shortest form, no surrogates, at most U+10FFFF);
 * *len gets 0 when the bytes are not a valid character. The runtime decoder is as strict, so
 * a character match is exactly a byte match of the surface.
 */
static uint32_t u8_strict(const unsigned char *s, size_t *len)
{
    static const uint32_t min[5] = {0, 0, 0x80, 0x800, 0x10000};
    size_t n = 0; /* C0, C1 and F5..FF never start a character */
    if (s[0] < 0x80)
        n = 1;
    else if (s[0] >= 0xC2 && s[0] < 0xF5)
        n = s[0] < 0xE0 ? 2 : s[0] < 0xF0 ? 3 : 4;
    uint32_t c = s[0] & (n == 1 ? 0x7Fu : 0x7Fu >> n);
    for (size_t k = 1; k < n; k++) {
        if ((s[k] & 0xC0) != 0x80) {
            n = 0;
            break;
        }
        c = c << 6 | (s[k] & 0x3Fu);
    }
    if (n && (c < min[n] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)))
        n = 0;
    *len = n;
    return c;
}

/* Code points of the surface s into *out (at most strlen(s)); dies on invalid UTF-8. */
static size_t surface_cps(const char *s, uint32_t *out)
{
    size_t n = 0, len;
    for (const unsigned char *p = (const unsigned char *)s; *p; p += len) {
        out[n] = u8_strict(p, &len);
        if (!len)
            die("surface is not valid UTF-8: %s", s);
        /* The runtime decoder reads invalid bytes as U+FFFD: never let them match. */
        if (out[n] == 0xFFFD)
            die("surface contains U+FFFD: %s", s);
        n++;
    }
    return n;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* Index of code point c in cps, cps.n if absent. */
static size_t cp_index(uint32_t c)
{
    size_t lo = 0, hi = cps.n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cps.v[mid] < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < cps.n && cps.v[lo] == c ? lo : cps.n;
}

static void make_classes(void)
{
    uint32_t *buf = NULL;
    size_t cap = 0;
    for (size_t i = 0; i < entries.n; i++) {
        buf = grow(buf, &cap, strlen(entries.v[i].s), sizeof *buf);
        size_t n = surface_cps(entries.v[i].s, buf);
        for (size_t k = 0; k < n; k++)
            *PUSH(cps) = buf[k];
    }
    free(buf);
    qsort(cps.v, cps.n, sizeof *cps.v, cmp_u32);
    size_t kept = 0;
    for (size_t i = 0; i < cps.n; i++)
        if (!kept || cps.v[i] != cps.v[kept - 1])
            cps.v[kept++] = cps.v[i];
    cps.n = kept;
    if (cps.n > 65535)
        die("more than 65535 distinct characters in surfaces");
    unsigned char *starts = xalloc(cps.n);
    memset(starts, 0, cps.n);
    for (size_t i = 0; i < entries.n; i++) {
        size_t len;
        size_t k = cp_index(u8_strict((const unsigned char *)entries.v[i].s, &len));
        if (k < cps.n) /* else the surface is empty */
            starts[k] = 1;
    }
    for (size_t i = 0; i < cps.n; i++)
        nstart += starts[i];
    uint16_t next[2] = {1, (uint16_t)(nstart + 1)}; /* next id among starters, others */
    for (size_t i = 0; i < cps.n; i++)
        *PUSH(cls_ids) = next[!starts[i]]++;
    free(starts);
}

/* Class of code point c, 0 if no surface uses it. */
static uint16_t class_of(uint32_t c)
{
    size_t i = cp_index(c);
    return i < cps.n ? cls_ids.v[i] : 0;
}

/* ---- automaton ---------------------------------------------------------------------------- */

struct node {
    uint32_t nchild;
    uint32_t *child; /* child node ids, sorted by class */
    uint16_t *cls;
    uint32_t parent, fail, dict, out_first, nout;
    uint32_t slot, base;     /* place in the double array (see place_states) */
    uint32_t ofirst, ocount; /* what the scan reports here: outs[ofirst..+ocount) */
};

static VEC(struct node) nodes;

static uint32_t new_node(void)
{
    struct node *nd = PUSH(nodes);
    memset(nd, 0, sizeof *nd);
    return (uint32_t)(nodes.n - 1);
}

static uint32_t child_of(uint32_t u, uint16_t c)
{
    struct node *nd = &nodes.v[u];
    size_t lo = 0, hi = nd->nchild;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (nd->cls[mid] < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < nd->nchild && nd->cls[lo] == c ? nd->child[lo] : 0;
}

static uint32_t add_child(uint32_t u, uint16_t c)
{
    uint32_t v = child_of(u, c);
    if (v)
        return v;
    v = new_node();
    nodes.v[v].parent = u;
    struct node *nd = &nodes.v[u];
    size_t pos = 0;
    while (pos < nd->nchild && nd->cls[pos] < c)
        pos++;
    nd->child = xresize(nd->child, (nd->nchild + 1) * sizeof *nd->child);
    nd->cls = xresize(nd->cls, (nd->nchild + 1) * sizeof *nd->cls);
    memmove(nd->child + pos + 1, nd->child + pos, (nd->nchild - pos) * sizeof *nd->child);
    memmove(nd->cls + pos + 1, nd->cls + pos, (nd->nchild - pos) * sizeof *nd->cls);
    nd->child[pos] = v;
    nd->cls[pos] = c;
    nd->nchild++;
    return v;
}

static uint32_t *bfs; /* BFS order: bfs[id] = node */

static void build_automaton(void)
{
    new_node(); /* root */
    uint32_t *buf = NULL;
    size_t cap = 0;
    for (size_t i = 0; i < entries.n; i++) {
        buf = grow(buf, &cap, strlen(entries.v[i].s), sizeof *buf);
        size_t n = surface_cps(entries.v[i].s, buf);
        uint32_t u = 0;
        for (size_t k = 0; k < n; k++)
            u = add_child(u, class_of(buf[k]));
        struct node *nd = &nodes.v[u];
        if (!nd->nout)
            nd->out_first = (uint32_t)i;
        nd->nout++;
        if (nd->nout > 255)
            die("more than 255 entries for one surface (%s)", entries.v[i].s);
        entries.v[i].state = u;
    }
    free(buf);
    bfs = xalloc(nodes.n * sizeof *bfs);
    size_t head = 0, tail = 0;
    bfs[tail++] = 0;
    while (head < tail) {
        uint32_t u = bfs[head++];
        for (uint32_t k = 0; k < nodes.v[u].nchild; k++) {
            uint32_t v = nodes.v[u].child[k];
            uint16_t c = nodes.v[u].cls[k];
            bfs[tail++] = v;
            uint32_t f = 0;
            if (u) {
                f = nodes.v[u].fail;
                while (f && !child_of(f, c))
                    f = nodes.v[f].fail;
                f = child_of(f, c);
            }
            struct node *w = &nodes.v[v];
            w->fail = f;
            w->dict = nodes.v[f].nout ? f : nodes.v[f].dict;
        }
    }
}

/* ---- double array ------------------------------------------------------------------------ */

/*
 * The states go into a double array: state s lives in slot s, and its edge on class c leads
 * to slot base(s) + c, whose check field names s as the parent. A step is then one addition
 * and one comparison whatever the number of edges, where sorted edge lists cost a search.
 * The root sits in slot 0 with base 0, so its children are the slots of their classes.
 * Slots are handed out first fit in breadth-first order: the states near the root, the ones
 * a text visits most, end up packed together at the front.
 */
static unsigned char *used; /* slot taken */
static size_t nused, used_cap;
static uint32_t nslots; /* slots emitted: every base + class stays below */

static void take(size_t slot)
{
    if (slot >= used_cap) {
        size_t cap = used_cap ? used_cap : 4096;
        while (cap <= slot)
            cap *= 2;
        used = xresize(used, cap);
        memset(used + used_cap, 0, cap - used_cap);
        used_cap = cap;
    }
    used[slot] = 1;
    if (slot >= nused)
        nused = slot + 1;
}

static int is_free(size_t slot)
{
    return slot >= used_cap || !used[slot];
}

static void place_states(void)
{
    take(0);
    nodes.v[0].slot = nodes.v[0].base = 0;
    size_t first_free = 1, maxbase = 0;
    for (size_t i = 0; i < nodes.n; i++) {
        struct node *nd = &nodes.v[bfs[i]];
        if (!nd->nchild) {
            nd->base = 0; /* base + c is then never a child: check tells */
            continue;
        }
        size_t b = 0;
        if (i) { /* the root keeps base 0 */
            while (!is_free(first_free))
                first_free++;
            b = first_free > nd->cls[0] ? first_free - nd->cls[0] : 0;
            for (;; b++) {
                uint32_t k = 0;
                while (k < nd->nchild && is_free(b + nd->cls[k]))
                    k++;
                if (k == nd->nchild)
                    break;
            }
        }
        nd->base = (uint32_t)b;
        if (b > maxbase)
            maxbase = b;
        for (uint32_t k = 0; k < nd->nchild; k++) {
            take(b + nd->cls[k]);
            nodes.v[nd->child[k]].slot = (uint32_t)(b + nd->cls[k]);
        }
    }
    size_t n = maxbase + cps.n + 1 > nused ? maxbase + cps.n + 1 : nused;
    if (n >= 0xFFFF) /* a slot's fields are 16 bits, and 0xFFFF is no state */
        die("automaton too large: %zu slots (widen struct el_lex_slot)", n);
    nslots = (uint32_t)n;
}

/*
 * What the scan reports in each state, flattened: the entries of every surface ending there,
 * shortest surface first (the dictionary-suffix chain from its far end), entries of one
 * surface in entry order. A state's list is its dictionary suffix's list plus its own entries.
 */
static VEC(uint32_t) outs; /* entry indexes */

static void make_outs(void)
{
    for (size_t i = 1; i < nodes.n; i++) { /* BFS: a dictionary suffix comes first */
        struct node *nd = &nodes.v[bfs[i]];
        if (!nd->nout && !nd->dict)
            continue;
        nd->ofirst = (uint32_t)outs.n;
        if (nd->dict) {
            const struct node *d = &nodes.v[nd->dict];
            for (uint32_t k = 0; k < d->ocount; k++) {
                uint32_t en = outs.v[d->ofirst + k]; /* read before PUSH moves outs.v */
                *PUSH(outs) = en;
            }
        }
        for (uint32_t k = 0; k < nd->nout; k++)
            *PUSH(outs) = nd->out_first + k;
        if (outs.n - nd->ofirst > 255)
            die("more than 255 entries end in one state (%s)", entries.v[nd->out_first].s);
        if (outs.n >= 0xFFFF) /* a slot's out is 1 + an index in outs, 16 bits */
            die("too many reported entries (widen struct el_lex_slot)");
        nd->ocount = (uint32_t)(outs.n - nd->ofirst);
    }
}

/* ---- output ------------------------------------------------------------------------------ */

static unsigned col;

/* Print one array item followed by a comma, wrapping lines near 100 columns. */
static void item(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void item(const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (col && col + (unsigned)n + 2 > 99) {
        fputs("\n", stdout);
        col = 0;
    }
    if (!col) {
        fputs("   ", stdout);
        col = 3;
    }
    printf(" %s,", buf);
    col += (unsigned)n + 2;
}

static void cstr(const char *s);

/* cstr, or a null pointer for NULL. */
static void cstr_or_null(const char *s)
{
    if (s)
        cstr(s);
    else
        printf("0");
}

static void end_array(void)
{
    puts(col ? "\n};" : "};");
    col = 0;
}

/* Print s as a C string literal: raw UTF-8, with ", \, ? and control bytes escaped. */
static void cstr(const char *s)
{
    putchar('"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\' || *p == '?')
            printf("\\%c", *p);
        else if (*p < 0x20 || *p == 0x7F)
            printf("\\%03o", *p);
        else
            putchar(*p);
    }
    putchar('"');
}

static void emit(void)
{
    size_t bytes = 0;
    puts("/* SPDX-License-Identifier: MIT */");
    puts("/*");
    puts(" * Lexicon tables for src/lexicon.c, generated by src/data/mklex.c from the src/data "
         "tables.");
    puts(" * Do not edit: change the .tsv files and rebuild.");
    puts(" */");
    puts("#define EL_LEX_INTERNAL");
    puts("#include \"lexicon.h\"\n");

    /* Class tables, one array cls (see lexicon.h): the row entries, the classes of ASCII
       (0..127), an all-zero block of 64, then a block of 64 classes per 64-code-point row of
       U+0800..U+FFFF that some surface uses (all of CJK: what the scan decodes inline). A row
       is found from the first two bytes of its characters: its entry, at (b1 - 0x80) << 8 |
       (b0 - 0xE0) (the two bytes as a little-endian load has them, less 0x80E0), holds the
       row's offset in cls; the zero block serves the rows no surface uses and the overlong
       forms (E0 80..E0 9F). Every other code point is in a sorted array. */
    enum { ROWS = 0x3F10, ASCII_AT = 0x3F10, ZERO_BLOCK = 0x3F90, FIRST_BLOCK = 0x3FD0 };
    uint16_t row[1024]; /* offset in cls of each row cp >> 6 */
    uint32_t block_row[1024];
    size_t nblocks = 0, nother = 0;
    for (unsigned r = 0; r < 1024; r++)
        row[r] = ZERO_BLOCK;
    for (size_t i = 0; i < cps.n; i++) {
        uint32_t c = cps.v[i];
        if (c < 0x80)
            continue;
        if (c < 0x800 || c > 0xFFFF)
            nother++;
        else if (row[c >> 6] == ZERO_BLOCK) {
            if (FIRST_BLOCK + 64 * (nblocks + 1) > 65535) /* 16-bit offsets: 768 rows */
                die("too many class blocks");
            row[c >> 6] = (uint16_t)(FIRST_BLOCK + 64 * nblocks);
            block_row[nblocks++] = c >> 6;
        }
    }
    printf("_Static_assert(EL_LEX_CLS_ASCII == %d && EL_LEX_CLS_ZERO == %d &&\n"
           "               EL_LEX_CLS_BLOCKS == %d, \"cls layout of mklex.c\");\n",
           ASCII_AT, ZERO_BLOCK, FIRST_BLOCK);
    printf("static _Alignas(64) const uint16_t cls[%zu] = {\n", FIRST_BLOCK + 64 * nblocks);
    for (unsigned i = 0; i < ROWS; i++) {
        unsigned lead = i & 0xFF, b1 = i >> 8, r = lead << 6 | b1;
        item("%u", lead < 16 && r >= 0x20 ? row[r] : ZERO_BLOCK);
    }
    for (uint32_t c = 0; c < 128; c++)
        item("%u", class_of(c));
    for (unsigned lo = 0; lo < 64; lo++)
        item("0");
    for (size_t b = 0; b < nblocks; b++)
        for (unsigned lo = 0; lo < 64; lo++)
            item("%u", class_of(block_row[b] << 6 | lo));
    end_array();
    bytes += (FIRST_BLOCK + 64 * nblocks) * 2;
    printf("static const uint32_t other_cp[%zu] = {\n", nother ? nother : 1);
    for (size_t i = 0; i < cps.n; i++)
        if (cps.v[i] >= 0x80 && (cps.v[i] < 0x800 || cps.v[i] > 0xFFFF))
            item("%u", cps.v[i]);
    if (!nother)
        item("0");
    end_array();
    printf("static const uint16_t other_cls[%zu] = {\n", nother ? nother : 1);
    for (size_t i = 0; i < cps.n; i++)
        if (cps.v[i] >= 0x80 && (cps.v[i] < 0x800 || cps.v[i] > 0xFFFF))
            item("%u", cls_ids.v[i]);
    if (!nother)
        item("0");
    end_array();
    bytes += nother * 6;

    /* The double array; a free slot, the root's (which has no parent) and its children's
       have check 0xFFFF, never a state (place_states keeps nslots below it). */
    printf("static _Alignas(64) const struct el_lex_slot slots[%u] = {\n", nslots);
    struct el_slot {
        uint32_t base, check, fail, out;
    } *sl = xalloc(nslots * sizeof *sl);
    for (uint32_t i = 0; i < nslots; i++)
        sl[i] = (struct el_slot){0, 0xFFFF, 0, 0};
    for (size_t i = 0; i < nodes.n; i++) {
        const struct node *nd = &nodes.v[i];
        struct el_slot *x = &sl[nd->slot];
        x->base = nd->base;
        /* the scan takes the root's edges from nstart: a check that never names the root
           keeps its edge test true only inside a match (see struct el_lex_slot) */
        x->check = i && nd->parent ? nodes.v[nd->parent].slot : 0xFFFF;
        x->fail = nodes.v[nd->fail].slot;
        x->out = nd->ocount ? nd->ofirst + 1 : 0;
    }
    for (uint32_t i = 0; i < nslots; i++)
        item("{%u, %u, %u, %u}", sl[i].base, sl[i].check, sl[i].fail, sl[i].out);
    end_array();
    free(sl);
    bytes += (size_t)nslots * 8;

    /* The first out of each state's list (make_outs gives every state a list of its own)
       carries the list's length. */
    unsigned char *ocount = xalloc(outs.n + 1);
    memset(ocount, 0, outs.n + 1);
    for (size_t i = 0; i < nodes.n; i++)
        if (nodes.v[i].ocount)
            ocount[nodes.v[i].ofirst] = (unsigned char)nodes.v[i].ocount;
    printf("static const struct el_lex_out outs[%zu] = {\n", outs.n ? outs.n : 1);
    for (size_t i = 0; i < outs.n; i++) {
        const struct entry *en = &entries.v[outs.v[i]];
        item("{%u, %zu, %d, %u}", outs.v[i], strlen(en->s), en->cat, ocount[i]);
    }
    if (!outs.n)
        item("{0, 0, 0, 0}");
    end_array();
    free(ocount);
    bytes += outs.n * 8;

    printf("static const struct el_lex_entry entries[%zu] = {\n", entries.n ? entries.n : 1);
    for (size_t i = 0; i < entries.n; i++) {
        struct entry *en = &entries.v[i];
        printf("    {");
        cstr(en->s);
        printf(", %zu, %d, %u, %zu, %zu}, /* %zu %s */\n", strlen(en->s), en->cat, en->flags,
               en->cand, en->ncand, i, cat_ids[en->cat]);
        bytes += 16 + sizeof(void *) + strlen(en->s) + 1;
    }
    if (!entries.n)
        puts("    {0, 0, 0, 0, 0, 0},");
    puts("};");

    printf("static const el_lex_cand cands[%zu] = {\n", cands.n ? cands.n : 1);
    for (size_t i = 0; i < cands.n; i++)
        item("{%u, %u}", cands.v[i].place, cands.v[i].flags);
    if (!cands.n)
        item("{0, 0}");
    end_array();
    bytes += cands.n * 8;

    printf("static const el_place places[%zu] = {\n", places.n ? places.n : 1);
    for (size_t i = 0; i < places.n; i++) {
        struct place *p = &places.v[i];
        printf("    {");
        cstr(p->name);
        printf(", ");
        cstr(p->full);
        printf(", %d, %d, %d, %u, %u}, /* %zu */\n", p->level, p->province, p->city, p->code,
               p->level == 0 ? 0 : p->ccode, i);
        bytes += 24 + 2 * sizeof(void *) + strlen(p->full) + 1;
    }
    if (!places.n)
        puts("    {0, 0, 0, 0, 0, 0, 0},");
    puts("};");

    printf("static const el_province provinces[%zu] = {\n", prov_idx.n ? prov_idx.n : 1);
    for (size_t k = 0; k < prov_idx.n; k++) {
        struct place *p = &places.v[prov_idx.v[k]];
        size_t r = 0;
        while (regions[r].code != p->code / 10000)
            r++;
        printf("    {");
        cstr(p->full);
        printf(", ");
        cstr(p->name);
        printf(", EL_REGION_%s, %u, %u},\n", regions[r].region, p->code, prov_idx.v[k]);
    }
    if (!prov_idx.n)
        puts("    {0, 0, EL_REGION_EAST, 0, 0},");
    puts("};");

    printf("static const el_classical classical[%zu] = {\n", classics.n ? classics.n : 1);
    for (size_t i = 0; i < classics.n; i++) {
        printf("    {");
        cstr(classics.v[i].text);
        printf(", ");
        cstr_or_null(classics.v[i].source);
        printf(", ");
        cstr(classics.v[i].key);
        printf(", ");
        cstr_or_null(classics.v[i].speaker);
        puts("},");
        bytes += 4 * sizeof(void *) + strlen(classics.v[i].text) + strlen(classics.v[i].key) + 2;
        bytes += strlen(classics.v[i].source ? classics.v[i].source : classics.v[i].speaker) + 1;
    }
    if (!classics.n)
        puts("    {0, 0, 0, 0},");
    puts("};\n");

    puts("const struct el_lex_tables el_lex_tables = {");
    printf("    %zu, %zu, cls, %zu, other_cp, other_cls,\n", cps.n, nstart, nother);
    printf("    %u, slots, outs,\n", nslots);
    printf("    %zu, entries, cands, %zu, places, %zu, provinces, %zu, classical,\n", entries.n,
           places.n, prov_idx.n, classics.n);
    puts("};");
    printf("\n/* %zu entries, %zu place candidates, %zu places, %zu provinces, %zu classical;\n"
           "   %zu character classes in %zu rows, %zu states in %u slots, %zu reported entries;\n"
           "   about %zu bytes of tables. */\n",
           entries.n, cands.n, places.n, prov_idx.n, classics.n, cps.n, nblocks, nodes.n, nslots,
           outs.n, bytes);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fputs("usage: mklex DATADIR > lexicon_data.c\n", stderr);
        return 2;
    }
    read_places(argv[1]);
    read_landmarks(argv[1]);
    read_named(argv[1], "policy.tsv", 1);
    read_named(argv[1], "words.tsv", 0);
    read_quotable(argv[1], "classical.tsv", 0);
    read_quotable(argv[1], "sayings.tsv", 1);
    index_places();
    make_entries();
    make_classes();
    build_automaton();
    place_states();
    make_outs();
    qsort(classics.v, classics.n, sizeof *classics.v, cmp_classical);
    /* qsort is not stable: keep, among duplicates, the row that came first in the file. */
    size_t kept = 0;
    for (size_t i = 0; i < classics.n; i++) {
        if (kept && !strcmp(classics.v[i].key, classics.v[kept - 1].key)) {
            fprintf(stderr, "mklex: duplicate quotation dropped: %s\n", classics.v[i].text);
            continue;
        }
        classics.v[kept++] = classics.v[i];
    }
    classics.n = kept;
    emit();
    if (fflush(stdout) || ferror(stdout))
        die("write error");
    return 0;
}
