/* SPDX-License-Identifier: MIT */
/*
 * --fix: the certain punctuation fixes, applied so that nothing else in the
 * file changes. The decoded text is edited, then encoded back with the file's
 * own encoding, BOM and line endings; the same encoder must first reproduce the
 * original bytes exactly, or the file is left alone. Writing goes through a
 * temporary file and rename(), so a failure never leaves half a draft.
 */
#include "fix.h"

#include "config.h"
#include "decode.h"
#include "lint.h"
#include "rules.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <uniconv.h>
#include <unistd.h>

typedef struct edit {
    size_t off, len; /* in doc->text */
    const char *repl;
} edit;

typedef struct collect {
    const el_doc *doc;
    const el_suppress *sup;
    size_t span_off;
    bool on[EL_RULE_COUNT_];
    EL_VEC(edit) edits;
} collect;

__attribute__((format(printf, 2, 3))) static void set_err(char **err, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (err)
        *err = xstrdup(msg);
}

static bool verbatim(const el_doc *doc, size_t p, size_t src, size_t len)
{
    return src + len <= doc->len && el_doc_src(doc, p + len - 1) == src + len - 1 &&
           memcmp(doc->text + src, doc->plain.v + p, len) == 0;
}

static void on_fix(void *ctx, int rule, size_t off, size_t len, size_t mark_len, const char *repl)
{
    collect *C = ctx;
    const el_doc *doc = C->doc;
    if (!C->on[rule] || len == 0)
        return;
    size_t p = C->span_off + off;
    size_t src = el_doc_src(doc, p);
    /* Only where plain is a verbatim copy of the text over the whole run; the spaces after a
     * mark may be a Markdown soft break, which is no text: then the mark alone is replaced. */
    if (!verbatim(doc, p, src, len)) {
        len = mark_len;
        if (len == 0 || !verbatim(doc, p, src, len))
            return;
    }
    if (el_suppress_match(C->sup, rule, src))
        return;
    *EL_VEC_PUSH(C->edits) = (edit){src, len, repl};
}

static int by_off(const void *a, const void *b)
{
    const edit *x = a, *y = b;
    return x->off < y->off ? -1 : x->off > y->off;
}

/* Every certain fix in the essay's own text (title, headings and paragraphs), sorted, no
 * overlaps. */
static void collect_edits(const el_doc *doc, collect *C)
{
    C->doc = doc;
    for (int r = 0; r < EL_RULE_COUNT_; r++)
        C->on[r] = el_config_severity(doc->cfg, r) >= 0;
    el_suppress *sup = el_suppress_build(doc);
    C->sup = sup;
    if (doc->title.len) {
        C->span_off = doc->title.off;
        el_lint_punct_scan_doc(doc, doc->title.off, doc->title.len, on_fix, C);
    }
    for (size_t i = 0; i < doc->paras.n; i++) {
        C->span_off = doc->paras.v[i].txt.off;
        el_lint_punct_scan_doc(doc, doc->paras.v[i].txt.off, doc->paras.v[i].txt.len, on_fix, C);
    }
    for (size_t i = 0; i < doc->sections.n; i++) { /* headings on lines of their own */
        if (!el_lint_heading(doc, i))
            continue;
        C->span_off = doc->sections.v[i].title.off;
        el_lint_punct_scan_doc(doc, C->span_off, doc->sections.v[i].title.len, on_fix, C);
    }
    el_suppress_free(sup);
    C->sup = NULL;
    if (C->edits.n > 1)
        qsort(C->edits.v, C->edits.n, sizeof *C->edits.v, by_off);
    size_t o = 0, end = 0;
    for (size_t i = 0; i < C->edits.n; i++) {
        if (C->edits.v[i].off < end)
            continue;
        end = C->edits.v[i].off + C->edits.v[i].len;
        C->edits.v[o++] = C->edits.v[i];
    }
    C->edits.n = o;
}

/* The line ends of the original file, in order: 0 LF, 1 CRLF, 2 CR. */
typedef EL_VEC(unsigned char) endings;

static const char *enc_name(enum el_encoding e)
{
    switch (e) {
    case EL_ENC_GB18030:
        return "GB18030";
    case EL_ENC_UTF16LE:
        return "UTF-16LE";
    case EL_ENC_UTF16BE:
        return "UTF-16BE";
    default:
        return "UTF-8";
    }
}

/* Length of the byte-order mark raw starts with for encoding e (0 if none). */
static size_t bom_len(const char *raw, size_t rawlen, enum el_encoding e)
{
    const unsigned char *u = (const unsigned char *)raw;
    if (e == EL_ENC_UTF8 && rawlen >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
        return 3;
    if (e == EL_ENC_UTF16LE && rawlen >= 2 && u[0] == 0xFF && u[1] == 0xFE)
        return 2;
    if (e == EL_ENC_UTF16BE && rawlen >= 2 && u[0] == 0xFE && u[1] == 0xFF)
        return 2;
    return 0;
}

/* Read the line ends of raw (after its BOM); false when it does not convert. */
static bool read_endings(const char *raw, size_t rawlen, enum el_encoding e, endings *out)
{
    size_t skip = bom_len(raw, rawlen, e), n = 0;
    const char *s = raw + skip;
    uint8_t *conv = NULL;
    if (e != EL_ENC_UTF8) {
        conv = u8_conv_from_encoding(enc_name(e), iconveh_error, s, rawlen - skip, NULL, NULL, &n);
        if (conv == NULL)
            return false;
        s = (const char *)conv;
    } else {
        n = rawlen - skip;
    }
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n') {
            *EL_VEC_PUSH(*out) = 0;
        } else if (s[i] == '\r') {
            bool crlf = i + 1 < n && s[i + 1] == '\n';
            *EL_VEC_PUSH(*out) = crlf ? 1 : 2;
            i += crlf;
        }
    }
    free(conv);
    return true;
}

/* Encode LF text as the original file: its line ends, encoding and BOM. NULL on failure. */
static char *encode(const char *text, size_t len, const endings *ends, const char *raw,
                    size_t rawlen, enum el_encoding e, size_t *outlen)
{
    size_t nl = 0;
    for (size_t i = 0; i < len; i++)
        nl += text[i] == '\n';
    if (nl != ends->n)
        return NULL;
    char *u8 = xmalloc(len + nl + 1);
    size_t o = 0, k = 0;
    for (size_t i = 0; i < len; i++) {
        if (text[i] != '\n') {
            u8[o++] = text[i];
            continue;
        }
        unsigned char kind = ends->v[k++];
        if (kind != 0)
            u8[o++] = '\r';
        if (kind != 2)
            u8[o++] = '\n';
    }
    size_t bom = bom_len(raw, rawlen, e);
    char *body = u8;
    size_t blen = o;
    if (e != EL_ENC_UTF8) {
        blen = 0;
        body = u8_conv_to_encoding(enc_name(e), iconveh_error, (const uint8_t *)u8, o, NULL, NULL,
                                   &blen);
        free(u8);
        if (body == NULL)
            return NULL;
    }
    char *out = xmalloc(bom + blen + 1);
    memcpy(out, raw, bom);
    memcpy(out + bom, body, blen);
    free(body);
    *outlen = bom + blen;
    return out;
}

/* doc->text with the edits applied. */
static char *apply_edits(const el_doc *doc, const collect *C, size_t *len)
{
    size_t grow = 0;
    for (size_t i = 0; i < C->edits.n; i++)
        grow += strlen(C->edits.v[i].repl);
    char *out = xmalloc(doc->len + grow + 1);
    size_t o = 0, at = 0;
    for (size_t i = 0; i < C->edits.n; i++) {
        const edit *ed = &C->edits.v[i];
        memcpy(out + o, doc->text + at, ed->off - at);
        o += ed->off - at;
        size_t r = strlen(ed->repl);
        memcpy(out + o, ed->repl, r);
        o += r;
        at = ed->off + ed->len;
    }
    memcpy(out + o, doc->text + at, doc->len - at);
    o += doc->len - at;
    out[o] = '\0';
    *len = o;
    return out;
}

/* The fixed text (UTF-8, LF) and its edits; NULL with *err when the file is not fixable. */
static char *fixed_text(const el_doc *doc, collect *C, size_t *len, char **err)
{
    if (!doc->ok) {
        set_err(err, "the input could not be read");
        return NULL;
    }
    if (doc->invalid_off != SIZE_MAX) {
        set_err(err, "the file has invalid bytes; not fixing it");
        return NULL;
    }
    collect_edits(doc, C);
    return apply_edits(doc, C, len);
}

char *el_fix_apply(const char *raw, size_t rawlen, const el_doc *doc, size_t *outlen, size_t *nfix,
                   char **err)
{
    if (err)
        *err = NULL;
    *nfix = 0;
    collect C = {0};
    size_t tlen;
    char *text = fixed_text(doc, &C, &tlen, err);
    if (text == NULL)
        return NULL;
    *nfix = C.edits.n;
    free(C.edits.v);
    if (*nfix == 0) {
        free(text);
        char *same = xmalloc(rawlen + 1);
        memcpy(same, raw, rawlen);
        *outlen = rawlen;
        return same;
    }
    endings ends = {0};
    char *out = NULL, *check = NULL;
    size_t clen = 0;
    if (read_endings(raw, rawlen, doc->encoding, &ends))
        check = encode(doc->text, doc->len, &ends, raw, rawlen, doc->encoding, &clen);
    /* The encoder must give back the original bytes before it may write new ones. */
    if (check == NULL || clen != rawlen || memcmp(check, raw, rawlen) != 0)
        set_err(err, "its bytes would not survive re-encoding as %s; not fixing it",
                el_decode_name(doc->encoding));
    else if ((out = encode(text, tlen, &ends, raw, rawlen, doc->encoding, outlen)) == NULL)
        set_err(err, "a fixed line cannot be encoded as %s; not fixing it",
                el_decode_name(doc->encoding));
    free(check);
    free(ends.v);
    free(text);
    return out;
}

/* One side of a changed line: its bytes and line ending as they are, as diff(1) prints it. */
static void diff_line(FILE *out, char sign, const char *s, size_t n, bool newline)
{
    fputc(sign, out);
    fwrite(s, 1, n, out);
    fputs(newline ? "\n" : "\n\\ No newline at end of file\n", out);
}

/*
 * Print old and new line by line, every changed line as a one-line hunk. Lines are split at
 * LF bytes and printed byte for byte (CR, GB18030 and all), so that patch(1) applies the diff
 * to the file as it is on disk.
 */
static void diff(const char *path, const char *a, size_t alen, const char *b, size_t blen,
                 FILE *out)
{
    bool header = false;
    size_t line = 1, i = 0, j = 0;
    while (i < alen || j < blen) {
        const char *ea = memchr(a + i, '\n', alen - i), *eb = memchr(b + j, '\n', blen - j);
        size_t na = ea ? (size_t)(ea - a) - i : alen - i, nb = eb ? (size_t)(eb - b) - j : blen - j;
        if (na != nb || memcmp(a + i, b + j, na) != 0) {
            if (!header) {
                fprintf(out, "--- %s\n+++ %s\n", path, path);
                header = true;
            }
            fprintf(out, "@@ -%zu +%zu @@\n", line, line);
            diff_line(out, '-', a + i, na, ea != NULL);
            diff_line(out, '+', b + j, nb, eb != NULL);
        }
        i += na + (ea != NULL);
        j += nb + (eb != NULL);
        if (ea == NULL && eb == NULL)
            break;
        line++;
    }
}

/* Whether the file at path still holds exactly raw[0..rawlen). */
static bool unchanged(const char *path, const char *raw, size_t rawlen)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return false;
    char *buf = xmalloc(rawlen + 1);
    size_t n = fread(buf, 1, rawlen + 1, f);
    bool same = !ferror(f) && n == rawlen && memcmp(buf, raw, rawlen) == 0;
    fclose(f);
    free(buf);
    return same;
}

/* Write data to a temporary file beside target, then rename it over target. */
static int replace_file(const char *target, const char *data, size_t len, char **err)
{
    struct stat st;
    if (stat(target, &st) != 0) {
        set_err(err, "cannot stat: %s", strerror(errno));
        return -1;
    }
    const char *slash = strrchr(target, '/');
    size_t dlen = slash ? (size_t)(slash - target) + 1 : 0;
    char *tmp = xmalloc(dlen + sizeof ".essaylint-fix-XXXXXX");
    memcpy(tmp, target, dlen);
    memcpy(tmp + dlen, ".essaylint-fix-XXXXXX", sizeof ".essaylint-fix-XXXXXX");
    int fd = mkstemp(tmp);
    if (fd < 0) {
        set_err(err, "cannot create a temporary file beside it: %s", strerror(errno));
        free(tmp);
        return -1;
    }
    const char *what = NULL;
    int saved = 0;
    for (size_t o = 0; o < len && what == NULL;) {
        ssize_t w = write(fd, data + o, len - o);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            what = "cannot write the fixed file", saved = w < 0 ? errno : ENOSPC;
        else
            o += (size_t)w;
    }
    if (what == NULL && fchmod(fd, st.st_mode & 07777) != 0)
        what = "cannot keep the file's mode", saved = errno;
    if (what == NULL && fsync(fd) != 0)
        what = "cannot write the fixed file", saved = errno;
    if (close(fd) != 0 && what == NULL)
        what = "cannot write the fixed file", saved = errno;
    if (what == NULL && rename(tmp, target) != 0)
        what = "cannot replace the file", saved = errno;
    if (what != NULL) {
        unlink(tmp);
        set_err(err, "%s: %s", what, strerror(saved));
        free(tmp);
        return -1;
    }
    free(tmp);
    return 0;
}

int el_fix(const char *path, const char *raw, size_t rawlen, const el_doc *doc, bool dry_run,
           FILE *out, char **err)
{
    if (err)
        *err = NULL;
    if (!dry_run && strcmp(path, "-") == 0) {
        set_err(err, "standard input cannot be fixed in place (use --fix-dry-run)");
        return -1;
    }
    size_t outlen, nfix;
    char *fixed = el_fix_apply(raw, rawlen, doc, &outlen, &nfix, err);
    if (fixed == NULL)
        return -1;
    int rc = (int)(nfix > (size_t)INT32_MAX ? INT32_MAX : nfix);
    if (nfix > 0 && dry_run &&
        (doc->encoding == EL_ENC_UTF16LE || doc->encoding == EL_ENC_UTF16BE)) {
        /* UTF-16 has no LF byte to split lines at: the diff shows the decoded text. */
        collect C = {0};
        size_t tlen;
        char *text = fixed_text(doc, &C, &tlen, err);
        free(C.edits.v);
        if (text == NULL) {
            rc = -1;
        } else {
            diff(path, doc->text, doc->len, text, tlen, out);
            free(text);
        }
    } else if (nfix > 0 && dry_run) {
        diff(path, raw, rawlen, fixed, outlen, out);
    } else if (nfix > 0) {
        char *target = realpath(path, NULL);
        if (target == NULL) {
            set_err(err, "cannot resolve the path: %s", strerror(errno));
            rc = -1;
        } else if (!unchanged(target, raw, rawlen)) {
            set_err(err, "the file changed since it was read; not fixing it");
            rc = -1;
        } else if (replace_file(target, fixed, outlen, err) != 0) {
            rc = -1;
        }
        free(target);
    }
    free(fixed);
    return rc;
}
