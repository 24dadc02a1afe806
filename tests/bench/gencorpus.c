/* SPDX-License-Identifier: MIT */
/*
 * gencorpus: the deterministic benchmark corpus of `make bench`, generated from samples/.
 *
 * Reads the *.md and *.txt drafts of SAMPLES_DIR (a file that is not valid UTF-8 is taken as
 * GB18030 and converted with iconv(3); CR and a BOM are dropped), cuts each into a title and
 * body blocks (headings, paragraphs, Markdown constructs), and writes
 *   OUT_DIR/tree/aa/bb/NNNNN.md or .txt   FILES drafts of 3-8 KB, 100 to a folder;
 *   OUT_DIR/big.txt                       BIG_MB million bytes of concatenated drafts.
 * Each draft is a variant of one sample: sections dropped or repeated, body paragraphs
 * shuffled, sections of other samples appended up to a drawn size, digits replaced, province
 * and city names swapped, quotations replaced by ones from other samples, rendered as
 * Markdown (# headings) or plain text (full-width indents), and about one in ten written as
 * GB18030 with CRLF. big.txt holds plain UTF-8 drafts only, so it is one valid text.
 *
 * Every draft draws from its own PRNG stream seeded from (seed, index): the same seed and
 * samples give the same bytes, whatever the other parameters. OUT_DIR/.stamp records the
 * parameters and a hash of the samples, and is written last; when it matches, nothing is
 * regenerated. Plain C11 and POSIX, no Python, so it runs on a bare CI machine.
 *
 * Usage: gencorpus SAMPLES_DIR OUT_DIR [--files 10000] [--big-mb 50] [--seed N]
 */
#define _XOPEN_SOURCE 700

#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <iconv.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Bump when the output for the same parameters changes, so old corpora are regenerated. */
#define GEN_VERSION 1
#define DRAFT_MIN 3072
#define DRAFT_MAX 8192
#define QUOTE_MAX 120 /* longest quotation (bytes) taken into or replaced from the pool */

static void die(const char *what, const char *detail)
{
    fprintf(stderr, "gencorpus: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    exit(2);
}

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (q == NULL)
        die("out of memory", NULL);
    return q;
}

/* ---- growable byte buffer ---- */

typedef struct {
    char *p;
    size_t n, cap;
} buf;

static void buf_reserve(buf *b, size_t more)
{
    if (b->n + more <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->n + more)
        cap *= 2;
    b->p = xrealloc(b->p, cap);
    b->cap = cap;
}

static void buf_add(buf *b, const void *s, size_t n)
{
    buf_reserve(b, n);
    memcpy(b->p + b->n, s, n);
    b->n += n;
}

static void buf_adds(buf *b, const char *s)
{
    buf_add(b, s, strlen(s));
}

static void buf_addc(buf *b, char c)
{
    buf_add(b, &c, 1);
}

static char *dup_bytes(const char *s, size_t n)
{
    char *d = xrealloc(NULL, n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

/* ---- PRNG: splitmix64, one independent stream per draft ---- */

typedef struct {
    uint64_t s;
} rng;

static uint64_t rng_next(rng *r)
{
    uint64_t z = (r->s += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

static rng rng_stream(uint64_t seed, uint64_t stream)
{
    rng r = {seed ^ (stream * 0xD1B54A32D192ED03u)};
    rng_next(&r); /* one step so neighbouring streams do not start from related states */
    return r;
}

static size_t rng_below(rng *r, size_t n)
{
    return n ? (size_t)(rng_next(r) % n) : 0;
}

static double rng_unit(rng *r)
{
    return (double)(rng_next(r) >> 11) * 0x1.0p-53;
}

/* ---- iconv ---- */

static void convert(iconv_t cd, const char *s, size_t n, buf *out)
{
    char *in = (char *)s; /* iconv's prototype is not const-correct */
    size_t left = n;
    iconv(cd, NULL, NULL, NULL, NULL);
    for (;;) {
        buf_reserve(out, left * 2 + 64);
        char *o = out->p + out->n;
        size_t room = out->cap - out->n;
        size_t r = left ? iconv(cd, &in, &left, &o, &room) : iconv(cd, NULL, NULL, &o, &room);
        bool flushed = left == 0 && r != (size_t)-1;
        out->n = (size_t)(o - out->p);
        if (r == (size_t)-1 && errno != E2BIG)
            die("iconv", strerror(errno));
        if (flushed)
            return;
    }
}

static bool valid_utf8(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        size_t len = c < 0x80             ? 1
                     : (c & 0xE0) == 0xC0 ? 2
                     : (c & 0xF0) == 0xE0 ? 3
                     : (c & 0xF8) == 0xF0 ? 4
                                          : 0;
        if (len == 0 || i + len > n || (len == 2 && c < 0xC2) || (len == 4 && c > 0xF4))
            return false;
        for (size_t k = 1; k < len; k++)
            if ((s[i + k] & 0xC0) != 0x80)
                return false;
        i += len;
    }
    return true;
}

/* ---- samples: a title and body blocks; units are what gets dropped, repeated, appended ---- */

enum kind { K_HEAD, K_PARA, K_RAW };

typedef struct {
    enum kind kind;
    char *s;
    size_t n;
} block;

typedef struct {
    size_t first, count;
} unit;

typedef struct {
    char *title; /* NULL when the sample has none */
    size_t title_n;
    block *b;
    size_t nb;
    unit *u;
    size_t nu;
} sample;

typedef struct {
    const char *s;
    size_t n;
} quote;

typedef struct {
    sample *s;
    size_t ns;
    quote *q;
    size_t nq;
    char **texts; /* decoded sample texts, which the quotes point into */
    size_t ntexts;
    uint64_t hash;
    iconv_t to_gb;
} corpus;

static void add_block(sample *sm, enum kind kind, const char *s, size_t n)
{
    sm->b = xrealloc(sm->b, (sm->nb + 1) * sizeof *sm->b);
    sm->b[sm->nb++] = (block){kind, dup_bytes(s, n), n};
}

static bool is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t')
            return false;
    return true;
}

/* Length of the indentation: ASCII blanks and U+3000 IDEOGRAPHIC SPACE. */
static size_t indent_len(const char *s, size_t n)
{
    size_t i = 0;
    for (;;) {
        if (i < n && (s[i] == ' ' || s[i] == '\t'))
            i++;
        else if (i + 3 <= n && memcmp(s + i, "\xE3\x80\x80", 3) == 0)
            i += 3;
        else
            return i;
    }
}

static size_t trim_end(const char *s, size_t n)
{
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    return n;
}

static size_t count_cp(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

static bool starts(const char *s, size_t n, const char *prefix)
{
    size_t k = strlen(prefix);
    return n >= k && memcmp(s, prefix, k) == 0;
}

/* A Markdown block that is not a plain paragraph: quote, list, table, code fence. */
static bool md_construct(const char *s, size_t n)
{
    if (n == 0)
        return false;
    if (strchr(">-*+|`", s[0]) != NULL)
        return true;
    size_t i = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    return i > 0 && i < n && (s[i] == '.' || s[i] == ')');
}

static void parse_md(sample *sm, const char *t, size_t len)
{
    buf cur = {0};
    bool have = false, raw = false;
    for (size_t i = 0; i <= len;) {
        const char *nl = memchr(t + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - t) : len;
        const char *line = t + i;
        size_t n = trim_end(line, e - i);
        bool blank = is_blank(line, n), head = n > 0 && line[0] == '#';
        if ((blank || head) && have) {
            add_block(sm, raw ? K_RAW : K_PARA, cur.p, cur.n);
            cur.n = 0;
            have = false;
        }
        if (head) {
            size_t k = 0;
            while (k < n && line[k] == '#')
                k++;
            bool level1 = k == 1;
            k += indent_len(line + k, n - k);
            if (level1 && sm->title == NULL && sm->nb == 0) {
                sm->title = dup_bytes(line + k, n - k);
                sm->title_n = n - k;
            } else {
                add_block(sm, K_HEAD, line + k, n - k);
            }
        } else if (!blank) {
            if (!have)
                raw = md_construct(line, n);
            else if (raw)
                buf_addc(&cur, '\n'); /* soft breaks in paragraphs are joined */
            buf_add(&cur, line, n);
            have = true;
        }
        i = e + 1;
    }
    if (have) /* no final newline */
        add_block(sm, raw ? K_RAW : K_PARA, cur.p, cur.n);
    free(cur.p);
}

/* Plain text: the first line is the title, every other line a paragraph, and a short line
 * without indentation that opens with an enumerator (一、 （一） 第…) a heading. */
static bool txt_heading(const char *s, size_t n)
{
    static const char *const opener[] = {"（", "(", "第", "一", "二", "三", "四", "五", "六"};
    if (count_cp(s, n) > 40)
        return false;
    for (size_t k = 0; k < sizeof opener / sizeof *opener; k++)
        if (starts(s, n, opener[k]))
            return true;
    return false;
}

static void parse_txt(sample *sm, const char *t, size_t len)
{
    for (size_t i = 0; i < len;) {
        const char *nl = memchr(t + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - t) : len;
        size_t n = trim_end(t + i, e - i);
        size_t ind = indent_len(t + i, n);
        const char *s = t + i + ind;
        n -= ind;
        if (n > 0) {
            if (sm->title == NULL && sm->nb == 0) {
                sm->title = dup_bytes(s, n);
                sm->title_n = n;
            } else {
                add_block(sm, ind == 0 && txt_heading(s, n) ? K_HEAD : K_PARA, s, n);
            }
        }
        i = e + 1;
    }
}

/* A heading opens a unit that runs to the next heading; before the first heading (and in a
 * sample without headings) every block is a unit of its own. */
static void make_units(sample *sm)
{
    bool in_section = false;
    for (size_t i = 0; i < sm->nb; i++) {
        if (sm->b[i].kind == K_HEAD || !in_section || sm->nu == 0) {
            sm->u = xrealloc(sm->u, (sm->nu + 1) * sizeof *sm->u);
            sm->u[sm->nu++] = (unit){i, 0};
            in_section = sm->b[i].kind == K_HEAD;
        }
        sm->u[sm->nu - 1].count++;
    }
}

/* Quotations “…” of up to QUOTE_MAX bytes, on one line, not nested (t ends with NUL). */
static void collect_quotes(corpus *c, const char *t)
{
    for (const char *p = t; (p = strstr(p, "\xE2\x80\x9C")) != NULL;) {
        p += 3;
        const char *end = strstr(p, "\xE2\x80\x9D");
        if (end == NULL)
            return;
        size_t n = (size_t)(end - p);
        if (n > 0 && n <= QUOTE_MAX && memchr(p, '\n', n) == NULL) {
            bool nested = false;
            for (size_t k = 0; k + 3 <= n; k++)
                nested |= memcmp(p + k, "\xE2\x80\x9C", 3) == 0;
            if (!nested) {
                c->q = xrealloc(c->q, (c->nq + 1) * sizeof *c->q);
                c->q[c->nq++] = (quote){p, n};
            }
        }
    }
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool has_suffix(const char *s, const char *suf)
{
    size_t n = strlen(s), k = strlen(suf);
    return n >= k && strcmp(s + n - k, suf) == 0;
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        die(path, strerror(errno));
    buf b = {0};
    char tmp[65536];
    size_t r;
    while ((r = fread(tmp, 1, sizeof tmp, f)) > 0)
        buf_add(&b, tmp, r);
    if (ferror(f))
        die(path, "read error");
    fclose(f);
    buf_addc(&b, '\0');
    *len = b.n - 1;
    return b.p;
}

static uint64_t fnv(uint64_t h, const void *s, size_t n)
{
    const unsigned char *p = s;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 0x100000001B3u;
    return h;
}

static void load_samples(corpus *c, const char *dir)
{
    DIR *d = opendir(dir);
    if (d == NULL)
        die(dir, strerror(errno));
    char **names = NULL;
    size_t nn = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.' ||
            !(has_suffix(de->d_name, ".md") || has_suffix(de->d_name, ".txt")))
            continue;
        names = xrealloc(names, (nn + 1) * sizeof *names);
        names[nn++] = dup_bytes(de->d_name, strlen(de->d_name));
    }
    closedir(d);
    qsort(names, nn, sizeof *names, by_name); /* readdir order is the file system's */

    iconv_t from_gb = iconv_open("UTF-8", "GB18030");
    if (from_gb == (iconv_t)-1)
        die("iconv_open GB18030", strerror(errno));
    c->hash = 0xCBF29CE484222325u;
    c->texts = xrealloc(NULL, (nn + 1) * sizeof *c->texts);
    for (size_t i = 0; i < nn; i++) {
        size_t plen = strlen(dir) + strlen(names[i]) + 2;
        char *path = xrealloc(NULL, plen);
        snprintf(path, plen, "%s/%s", dir, names[i]);
        size_t len;
        char *raw = read_all(path, &len);
        c->hash = fnv(fnv(c->hash, names[i], strlen(names[i]) + 1), raw, len);
        buf t = {0};
        if (valid_utf8((const unsigned char *)raw, len))
            buf_add(&t, raw, len);
        else
            convert(from_gb, raw, len, &t);
        free(raw);
        size_t w = 0, start = t.n >= 3 && memcmp(t.p, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
        for (size_t k = start; k < t.n; k++)
            if (t.p[k] != '\r')
                t.p[w++] = t.p[k];
        t.n = w;
        buf_addc(&t, '\0');
        t.n--;

        sample sm = {0};
        if (has_suffix(names[i], ".md"))
            parse_md(&sm, t.p, t.n);
        else
            parse_txt(&sm, t.p, t.n);
        make_units(&sm);
        collect_quotes(c, t.p);
        c->texts[c->ntexts++] = t.p;
        if (sm.nu > 0) {
            c->s = xrealloc(c->s, (c->ns + 1) * sizeof *c->s);
            c->s[c->ns++] = sm;
        } else { /* a title alone gives nothing to vary */
            free(sm.title);
            free(sm.b);
        }
        free(path);
        free(names[i]);
    }
    free(names);
    iconv_close(from_gb);
    if (c->ns == 0)
        die(dir, "no usable *.md or *.txt sample");
}

static void free_corpus(corpus *c)
{
    for (size_t i = 0; i < c->ns; i++) {
        for (size_t k = 0; k < c->s[i].nb; k++)
            free(c->s[i].b[k].s);
        free(c->s[i].b);
        free(c->s[i].u);
        free(c->s[i].title);
    }
    for (size_t i = 0; i < c->ntexts; i++)
        free(c->texts[i]);
    free(c->texts);
    free(c->s);
    free(c->q);
}

/* ---- variants ---- */

/* Swapped among themselves, provinces with provinces and cities with cities. Every name is
 * two CJK characters, so a swap keeps the byte length and a match never overlaps another. */
static const char *const provinces[] = {"浙江", "江苏", "广东", "四川", "贵州", "山东",
                                        "河南", "湖北", "湖南", "福建", "安徽", "江西",
                                        "云南", "甘肃", "陕西", "河北"};
static const char *const cities[] = {"杭州", "苏州", "深圳", "成都", "贵阳", "青岛",
                                     "郑州", "武汉", "长沙", "厦门", "合肥", "南京",
                                     "宁波", "西安", "温州", "昆明"};
#define NPROV (sizeof provinces / sizeof *provinces)
#define NPLACE (NPROV + sizeof cities / sizeof *cities)

static const char *place(size_t i)
{
    return i < NPROV ? provinces[i] : cities[i - NPROV];
}

typedef struct {
    bool digits, places, quotes, markdown, blank_lines, gb18030;
    unsigned char map[NPLACE];
    uint64_t seed; /* of the stream the text transforms draw from, restarted on each render */
} variant;

typedef struct {
    const block *b;
    unsigned unit;
} slot;

typedef struct {
    const sample *base;
    slot *v;
    size_t n, cap;
    unsigned units;
} draft;

static void push_unit(draft *d, const sample *sm, size_t u)
{
    for (size_t k = 0; k < sm->u[u].count; k++) {
        if (d->n == d->cap) {
            d->cap = d->cap ? d->cap * 2 : 32;
            d->v = xrealloc(d->v, d->cap * sizeof *d->v);
        }
        d->v[d->n++] = (slot){&sm->b[sm->u[u].first + k], d->units};
    }
    d->units++;
}

/* Remove every block of the unit of a random slot, unless it is the only unit left. */
static bool drop_unit(draft *d, rng *r)
{
    unsigned u = d->v[rng_below(r, d->n)].unit;
    size_t w = 0;
    for (size_t k = 0; k < d->n; k++)
        if (d->v[k].unit != u)
            d->v[w++] = d->v[k];
    if (w == 0)
        return false;
    d->n = w;
    return true;
}

static void shuffle_paragraphs(draft *d, rng *r)
{
    size_t *idx = xrealloc(NULL, (d->n + 1) * sizeof *idx), m = 0;
    for (size_t k = 0; k < d->n; k++)
        if (d->v[k].b->kind == K_PARA)
            idx[m++] = k;
    double p = rng_unit(r);
    if (m >= 2 && p < 0.4) { /* full Fisher-Yates over the paragraph slots; headings stay */
        for (size_t k = m - 1; k > 0; k--) {
            size_t j = rng_below(r, k + 1);
            const block *t = d->v[idx[k]].b;
            d->v[idx[k]].b = d->v[idx[j]].b;
            d->v[idx[j]].b = t;
        }
    } else if (m >= 2 && p < 0.8) { /* a few swaps */
        for (size_t s = 1 + rng_below(r, 3); s > 0; s--) {
            size_t a = idx[rng_below(r, m)], b = idx[rng_below(r, m)];
            const block *t = d->v[a].b;
            d->v[a].b = d->v[b].b;
            d->v[b].b = t;
        }
    }
    free(idx);
}

/* A filter on the first character of the place names, so the per-character test is one
 * bit lookup instead of NPLACE comparisons. */
static unsigned char place_lead[512];

static unsigned lead_hash(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    return ((unsigned)u[0] << 16 | (unsigned)u[1] << 8 | u[2]) * 2654435761u >> 20;
}

static void init_place_lead(void)
{
    for (size_t k = 0; k < NPLACE; k++) {
        unsigned h = lead_hash(place(k));
        place_lead[h >> 3] |= (unsigned char)(1u << (h & 7));
    }
}

static bool maybe_place(const char *s)
{
    unsigned h = lead_hash(s);
    return place_lead[h >> 3] >> (h & 7) & 1;
}

/* Copy s to out with the variant's text changes: digits redrawn (a run never starts with 0),
 * places mapped, quotations sometimes replaced from the pool; "**" dropped in plain form.
 * Unchanged bytes are copied in runs. */
static void transform(buf *out, const char *s, size_t n, const variant *v, rng *r, const corpus *c)
{
    size_t run = 0;
    for (size_t i = 0; i < n;) {
        unsigned char ch = (unsigned char)s[i];
        if (v->digits && ch >= '0' && ch <= '9') {
            bool lead = i == 0 || s[i - 1] < '0' || s[i - 1] > '9';
            buf_add(out, s + run, i - run);
            buf_addc(out, (char)(lead ? '1' + rng_below(r, 9) : '0' + rng_below(r, 10)));
            run = ++i;
            continue;
        }
        if (!v->markdown && ch == '*' && i + 1 < n && s[i + 1] == '*') {
            buf_add(out, s + run, i - run);
            run = i += 2;
            continue;
        }
        if (ch >= 0xE0 && i + 6 <= n) {
            if (v->places && maybe_place(s + i)) {
                size_t k = 0;
                while (k < NPLACE && memcmp(s + i, place(k), 6) != 0)
                    k++;
                if (k < NPLACE) {
                    buf_add(out, s + run, i - run);
                    buf_add(out, place(v->map[k]), 6);
                    run = i += 6;
                    continue;
                }
            }
            if (v->quotes && memcmp(s + i, "\xE2\x80\x9C", 3) == 0) {
                const char *end = NULL;
                for (size_t k = i + 3; k + 3 <= n && k <= i + 3 + QUOTE_MAX; k++)
                    if (memcmp(s + k, "\xE2\x80\x9D", 3) == 0) {
                        end = s + k;
                        break;
                    }
                if (end != NULL && rng_unit(r) < 0.35) {
                    const quote *q = &c->q[rng_below(r, c->nq)];
                    buf_add(out, s + run, i - run);
                    buf_add(out, "\xE2\x80\x9C", 3);
                    buf_add(out, q->s, q->n);
                    buf_add(out, "\xE2\x80\x9D", 3);
                    run = i = (size_t)(end - s) + 3;
                    continue;
                }
            }
            i += 3; /* a whole character: a match never starts inside one */
            continue;
        }
        i++;
    }
    buf_add(out, s + run, n - run);
}

#define INDENT2 "\xE3\x80\x80\xE3\x80\x80"

static void render_block(buf *out, const block *b, const variant *v, rng *r, const corpus *c)
{
    if (v->markdown) {
        if (b->kind == K_HEAD)
            buf_adds(out, "## ");
        transform(out, b->s, b->n, v, r, c);
        buf_adds(out, "\n\n");
        return;
    }
    if (b->kind != K_RAW) {
        if (b->kind == K_PARA)
            buf_adds(out, INDENT2);
        transform(out, b->s, b->n, v, r, c);
        buf_addc(out, '\n');
    } else { /* a Markdown construct in plain form: quote markers go, lines stay */
        for (size_t i = 0; i < b->n;) {
            const char *nl = memchr(b->s + i, '\n', b->n - i);
            size_t e = nl ? (size_t)(nl - b->s) : b->n;
            const char *line = b->s + i;
            size_t n = e - i;
            while (n > 0 && line[0] == '>') {
                line++;
                n--;
                size_t ind = indent_len(line, n);
                line += ind;
                n -= ind;
            }
            if (n > 0) {
                transform(out, line, n, v, r, c);
                buf_addc(out, '\n');
            }
            i = e + 1;
        }
    }
    if (v->blank_lines)
        buf_addc(out, '\n');
}

/* Render d into out in its final bytes (UTF-8 LF, or GB18030 CRLF); tmp is scratch. */
static void render(buf *out, buf *tmp, const draft *d, const variant *v, const corpus *c)
{
    rng r = rng_stream(v->seed, 0);
    buf *u = v->gb18030 ? tmp : out;
    u->n = 0;
    out->n = 0;
    const sample *base = d->base;
    if (base->title != NULL) {
        buf_adds(u, v->markdown ? "# " : INDENT2 INDENT2);
        transform(u, base->title, base->title_n, v, &r, c);
        buf_adds(u, v->markdown || v->blank_lines ? "\n\n" : "\n");
    }
    for (size_t k = 0; k < d->n; k++)
        render_block(u, d->v[k].b, v, &r, c);
    while (u->n >= 2 && u->p[u->n - 1] == '\n' && u->p[u->n - 2] == '\n')
        u->n--; /* one final newline */
    if (v->gb18030) {
        buf crlf = {0};
        for (size_t k = 0; k < u->n; k++) {
            if (u->p[k] == '\n')
                buf_addc(&crlf, '\r');
            buf_addc(&crlf, u->p[k]);
        }
        convert(c->to_gb, crlf.p, crlf.n, out);
        free(crlf.p);
    }
}

/* Draft `index` of the stream `seed`; plain forces plain UTF-8 (for big.txt). */
static void make_draft(buf *out, buf *tmp, const corpus *c, uint64_t seed, uint64_t index,
                       bool plain, bool *markdown)
{
    rng r = rng_stream(seed, index);
    draft d = {0};
    d.base = &c->s[rng_below(&r, c->ns)];
    for (size_t u = 0; u < d.base->nu; u++) {
        double p = rng_unit(&r);
        if (p >= 0.10)
            push_unit(&d, d.base, u);
        if (p >= 0.10 && p < 0.20)
            push_unit(&d, d.base, u); /* repeated */
    }
    if (d.n == 0)
        push_unit(&d, d.base, 0);
    shuffle_paragraphs(&d, &r);

    variant v = {0};
    v.digits = rng_unit(&r) < 0.7;
    v.places = rng_unit(&r) < 0.7;
    v.quotes = c->nq > 0 && rng_unit(&r) < 0.5;
    v.markdown = rng_unit(&r) < 0.5 && !plain;
    v.blank_lines = rng_unit(&r) < 0.3;
    v.gb18030 = rng_unit(&r) < 0.1 && !plain;
    for (size_t k = 0; k < NPLACE; k++)
        v.map[k] = (unsigned char)k;
    for (size_t k = NPROV - 1; k > 0; k--) {
        size_t j = rng_below(&r, k + 1);
        unsigned char t = v.map[k];
        v.map[k] = v.map[j];
        v.map[j] = t;
    }
    for (size_t k = NPLACE - 1; k > NPROV; k--) {
        size_t j = NPROV + rng_below(&r, k - NPROV + 1);
        unsigned char t = v.map[k];
        v.map[k] = v.map[j];
        v.map[j] = t;
    }
    v.seed = rng_next(&r);

    /* Grow with units of random samples up to a drawn size, shrink by dropping units while
     * above the maximum; after a shrink the floor is the minimum, so this settles. */
    size_t target = DRAFT_MIN + rng_below(&r, DRAFT_MAX - DRAFT_MIN + 1);
    bool shrunk = false;
    for (int round = 0; round < 200; round++) {
        render(out, tmp, &d, &v, c);
        if (out->n < (shrunk ? DRAFT_MIN : target)) {
            const sample *sm = &c->s[rng_below(&r, c->ns)];
            push_unit(&d, sm, rng_below(&r, sm->nu));
        } else if (out->n > DRAFT_MAX && drop_unit(&d, &r)) {
            shrunk = true;
        } else {
            break;
        }
    }
    free(d.v);
    *markdown = v.markdown;
}

/* ---- output ---- */

static void mkdir_p(const char *path)
{
    char *p = dup_bytes(path, strlen(path));
    for (char *s = p + 1;; s++) {
        if (*s == '/' || *s == '\0') {
            char save = *s;
            *s = '\0';
            if (mkdir(p, 0777) != 0 && errno != EEXIST)
                die(p, strerror(errno));
            *s = save;
            if (save == '\0')
                break;
        }
    }
    free(p);
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    if (remove(path) != 0)
        die(path, strerror(errno));
    return 0;
}

static char *join(const char *a, const char *b)
{
    size_t n = strlen(a) + strlen(b) + 2;
    char *p = xrealloc(NULL, n);
    snprintf(p, n, "%s/%s", a, b);
    return p;
}

static void write_file(const char *path, const char *s, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (f == NULL)
        die(path, strerror(errno));
    if (fwrite(s, 1, n, f) != n || fclose(f) != 0)
        die(path, "write error");
}

static unsigned long parse_num(const char *opt, const char *s, unsigned long max)
{
    char *end;
    errno = 0;
    unsigned long v = s ? strtoul(s, &end, 10) : 0;
    if (s == NULL || *s == '\0' || *end != '\0' || errno != 0 || v > max || *s == '-')
        die("bad number for", opt);
    return v;
}

static void usage(void)
{
    fprintf(stderr, "usage: gencorpus SAMPLES_DIR OUT_DIR [--files N] [--big-mb N] [--seed N]\n");
    exit(2);
}

int main(int argc, char **argv)
{
    const char *pos[2] = {NULL, NULL};
    size_t npos = 0;
    unsigned long files = 10000, big_mb = 50, seed = 20240606;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--files") == 0)
            files = parse_num(argv[i], argv[i + 1], 10000000), i++;
        else if (strcmp(argv[i], "--big-mb") == 0)
            big_mb = parse_num(argv[i], argv[i + 1], 100000), i++;
        else if (strcmp(argv[i], "--seed") == 0)
            seed = parse_num(argv[i], argv[i + 1], (unsigned long)-1), i++;
        else if (argv[i][0] == '-' || npos == 2)
            usage();
        else
            pos[npos++] = argv[i];
    }
    if (npos != 2)
        usage();
    const char *out_dir = pos[1];

    corpus c = {0};
    init_place_lead();
    load_samples(&c, pos[0]);
    char stamp[256];
    snprintf(stamp, sizeof stamp, "gencorpus %d seed=%lu files=%lu big_mb=%lu samples=%016llx\n",
             GEN_VERSION, seed, files, big_mb, (unsigned long long)c.hash);
    char *stamp_path = join(out_dir, ".stamp");
    char *tree = join(out_dir, "tree");
    char *big = join(out_dir, "big.txt");
    if (access(stamp_path, F_OK) == 0) {
        size_t old_n;
        char *old = read_all(stamp_path, &old_n);
        bool same = strcmp(old, stamp) == 0;
        free(old);
        if (same) {
            fprintf(stderr, "gencorpus: %s is up to date\n", out_dir);
            free_corpus(&c);
            free(stamp_path);
            free(tree);
            free(big);
            return 0;
        }
    }

    /* Start clean: a smaller --files must not leave the old drafts behind. */
    mkdir_p(out_dir);
    if (unlink(stamp_path) != 0 && errno != ENOENT)
        die(stamp_path, strerror(errno));
    if (access(tree, F_OK) == 0 && nftw(tree, remove_entry, 16, FTW_DEPTH | FTW_PHYS) != 0)
        die(tree, "cannot remove");
    if (unlink(big) != 0 && errno != ENOENT)
        die(big, strerror(errno));

    c.to_gb = iconv_open("GB18030", "UTF-8");
    if (c.to_gb == (iconv_t)-1)
        die("iconv_open GB18030", strerror(errno));
    buf out = {0}, tmp = {0};
    unsigned long long tree_bytes = 0;
    size_t plen = strlen(tree) + 64;
    char *path = xrealloc(NULL, plen);
    for (unsigned long i = 0; i < files; i++) {
        if (i % 100 == 0) {
            snprintf(path, plen, "%s/%02lu/%02lu", tree, i / 1000, i / 100 % 10);
            mkdir_p(path);
        }
        bool md;
        make_draft(&out, &tmp, &c, seed, i, false, &md);
        snprintf(path, plen, "%s/%02lu/%02lu/%05lu.%s", tree, i / 1000, i / 100 % 10, i,
                 md ? "md" : "txt");
        write_file(path, out.p, out.n);
        tree_bytes += out.n;
    }

    unsigned long long big_bytes = 0, want = (unsigned long long)big_mb * 1000000u;
    if (want > 0) {
        FILE *f = fopen(big, "wb");
        if (f == NULL)
            die(big, strerror(errno));
        /* Its own stream, so the big file does not depend on --files. */
        for (uint64_t i = 0; big_bytes < want; i++) {
            bool md;
            make_draft(&out, &tmp, &c, seed ^ 0xB16F11Eu, i, true, &md);
            buf_addc(&out, '\n'); /* a blank line between drafts */
            if (fwrite(out.p, 1, out.n, f) != out.n)
                die(big, "write error");
            big_bytes += out.n;
        }
        if (fclose(f) != 0)
            die(big, "write error");
    }

    write_file(stamp_path, stamp, strlen(stamp));
    fprintf(stderr, "gencorpus: %lu drafts (%llu bytes) in %s, big.txt %llu bytes\n", files,
            tree_bytes, tree, big_bytes);
    iconv_close(c.to_gb);
    free_corpus(&c);
    free(out.p);
    free(tmp.p);
    free(path);
    free(stamp_path);
    free(tree);
    free(big);
    return 0;
}
