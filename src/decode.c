/* SPDX-License-Identifier: MIT */
/*
 * Decoding (the preconv.c of essaylint): detect UTF-8, UTF-16 and GB18030,
 * convert to UTF-8 with libunistring, fold CRLF and CR into LF, and build the
 * one position map every later stage uses. Conversion keeps one code point per
 * original character (invalid bytes become one U+FFFD each), so a line/column
 * computed on the decoded text is the line/column in the original file.
 */
#include "decode.h"

#include "text.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <uniconv.h>
#include <unistr.h>

/* The binary test looks at thirty-two bytes a turn where SSE2 is there (all of x86-64); the
 * word-at-a-time test below is the portable one, and finishes the tail. */
#ifndef DECODE_SSE2
#if defined(__SSE2__) && defined(__GNUC__)
#define DECODE_SSE2 1
#else
#define DECODE_SSE2 0
#endif
#endif
#if DECODE_SSE2
#include <emmintrin.h>
#endif

/* Bytes between position checkpoints: bounds the work of one position lookup. */
#define EL_MARK_STRIDE 256

const char *el_decode_name(enum el_encoding enc)
{
    switch (enc) {
    case EL_ENC_GB18030:
        return "gb18030";
    case EL_ENC_UTF16LE:
        return "utf-16le";
    case EL_ENC_UTF16BE:
        return "utf-16be";
    default:
        return "utf-8";
    }
}

int el_decode_parse_name(const char *name)
{
    static const struct {
        const char *name;
        enum el_encoding enc;
    } names[] = {
        {"auto", EL_ENC_AUTO},        {"utf-8", EL_ENC_UTF8},       {"utf8", EL_ENC_UTF8},
        {"gb18030", EL_ENC_GB18030},  {"gbk", EL_ENC_GB18030},      {"gb2312", EL_ENC_GB18030},
        {"cp936", EL_ENC_GB18030},    {"utf-16le", EL_ENC_UTF16LE}, {"utf16le", EL_ENC_UTF16LE},
        {"utf-16be", EL_ENC_UTF16BE}, {"utf16be", EL_ENC_UTF16BE},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcasecmp(name, names[i].name) == 0)
            return (int)names[i].enc;
    return -1;
}

static void fail(el_doc *doc, const char *code, const char *msg)
{
    doc->ok = false;
    doc->error_code = code;
    free(doc->error_message);
    doc->error_message = xstrdup(msg);
}

/* Guess UTF-16 without a BOM: text in the BMP has a NUL in every other byte. */
static int guess_utf16(const unsigned char *s, size_t len)
{
    if (len < 4 || len % 2 != 0)
        return EL_ENC_AUTO;
    /* With no NUL byte at all, neither half can reach the share below: skip the count. */
    if (memchr(s, '\0', len) == NULL)
        return EL_ENC_AUTO;
    size_t n = len / 2, even = 0, odd = 0;
    for (size_t i = 0; i + 1 < len; i += 2) {
        even += s[i] == 0;
        odd += s[i + 1] == 0;
    }
    if (odd * 10 >= n * 3 && even * 20 < n)
        return EL_ENC_UTF16LE;
    if (even * 10 >= n * 3 && odd * 20 < n)
        return EL_ENC_UTF16BE;
    return EL_ENC_AUTO;
}

/* Fold CRLF and lone CR into LF in place; returns the new length. The text between line ends
 * moves by memchr and memmove, a line at a time. */
static size_t fold_newlines(char *s, size_t len)
{
    char *cr = memchr(s, '\r', len);
    if (cr == NULL)
        return len;
    size_t o = (size_t)(cr - s), i = o;
    while (i < len) { /* s[i] is a CR */
        s[o++] = '\n';
        i += i + 1 < len && s[i + 1] == '\n' ? 2 : 1;
        cr = memchr(s + i, '\r', len - i);
        size_t e = cr ? (size_t)(cr - s) : len;
        memmove(s + o, s + i, e - i);
        o += e - i;
        i = e;
    }
    s[o] = '\0';
    return o;
}

/* Too many bad bytes for damaged UTF-8 among good_multi well-formed multi-byte characters (one in
 * 50, plus two), or no such character at all (2024年 in GB18030): GB18030 if it converts. */
static bool many_bad(size_t nbad, size_t good_multi)
{
    return nbad > good_multi / 50 + 2 || good_multi == 0;
}

/*
 * Copy UTF-8 with invalid sequences replaced by U+FFFD (one per bad byte);
 * returns the malloc'd copy and sets *nbad and *first_bad (output offset).
 */
static char *utf8_repair(const unsigned char *s, size_t len, size_t *outlen, size_t *nbad,
                         size_t *first_bad)
{
    char *out = xmalloc(len * 3 + 1);
    size_t o = 0;
    *nbad = 0;
    *first_bad = SIZE_MAX;
    for (size_t i = 0, n; i < len;) {
        ucs4_t uc;
        n = (size_t)u8_mbtouc(&uc, s + i, len - i);
        if (uc == 0xFFFD && !(n == 3 && s[i] == 0xEF && s[i + 1] == 0xBF && s[i + 2] == 0xBD)) {
            if (*first_bad == SIZE_MAX)
                *first_bad = o;
            (*nbad)++;
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i += 1;
            continue;
        }
        do /* at most four bytes: no call to memcpy */
            out[o++] = (char)s[i++];
        while (--n);
    }
    out[o] = '\0';
    *outlen = o;
    return out;
}

/*
 * What utf8_repair() would count in s[0..len), without the copy: the bad bytes (returned) and
 * *good_multi, the well-formed characters of two bytes or more. Folding line ends first would
 * change neither (it only turns ASCII into ASCII). With settle, stops and returns SIZE_MAX as
 * soon as the bad bytes so far are more than many_bad() allows for any count the rest could
 * bring (at most one well-formed character per two bytes): a GB18030 draft is judged on its
 * first few hundred bytes.
 */
static size_t utf8_count_bad(const unsigned char *s, size_t len, size_t *good_multi, bool settle)
{
    size_t bad = 0, multi = 0;
    for (size_t i = 0; i < len;) {
        ucs4_t uc;
        int k = u8_mbtouc(&uc, s + i, len - i);
        if (uc == 0xFFFD && !(k == 3 && s[i] == 0xEF && s[i + 1] == 0xBF && s[i + 2] == 0xBD)) {
            bad++;
            i++;
            if (settle && many_bad(bad, multi + (len - i) / 2))
                return SIZE_MAX;
            continue;
        }
        multi += k > 1;
        i += (size_t)k;
    }
    *good_multi = multi;
    return bad;
}

/* utf8_repair() of s[0..len) with its line ends folded first, so offsets are final. */
static char *utf8_repair_folded(const char *s, size_t len, size_t *outlen, size_t *nbad,
                                size_t *first_bad)
{
    char *tmp = xmalloc(len + 1);
    memcpy(tmp, s, len);
    tmp[len] = '\0';
    size_t n = fold_newlines(tmp, len);
    char *out = utf8_repair((const unsigned char *)tmp, n, outlen, nbad, first_bad);
    free(tmp);
    return out;
}

/* Convert from a named encoding strictly; NULL when a byte does not convert. */
static char *convert(const char *from, const char *s, size_t len, size_t *outlen)
{
    size_t n = 0;
    uint8_t *r = u8_conv_from_encoding(from, iconveh_error, s, len, NULL, NULL, &n);
    if (r == NULL)
        return NULL;
    char *out = xrealloc(r, n + 1);
    out[n] = '\0';
    *outlen = n;
    return out;
}

/* Bad bytes a GB18030 draft may have and still be read (as U+FFFD): a few, or one in 100. */
static bool few_bad(size_t nbad, size_t len)
{
    return nbad <= 4 || nbad * 100 <= len;
}

/*
 * GB18030 bytes s[0..len), line ends folded (no GB18030 sequence holds a CR or LF byte, so
 * folding the bytes first is safe and keeps offsets final), to UTF-8 with each byte that
 * starts no GB18030 character as U+FFFD: a stray byte in an otherwise clean draft. iconv
 * stops at such a byte and says where; libunistring's converters only fail or write '?'.
 * NULL unless few_bad().
 */
static char *gb18030_lenient(const char *s, size_t len, size_t *outlen, size_t *nbad,
                             size_t *first_bad)
{
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == (iconv_t)-1)
        return NULL;
    size_t cap = len * 3 + 4; /* one to four bytes in, at most three out per byte */
    char *out = xmalloc(cap + 1), *o = out, *in = (char *)s;
    size_t inleft = len, oleft = cap;
    *nbad = 0;
    *first_bad = SIZE_MAX;
    bool ok = true;
    while (inleft > 0 && ok) {
        if (iconv(cd, &in, &inleft, &o, &oleft) != (size_t)-1)
            break;
        if ((errno != EILSEQ && errno != EINVAL) || oleft < 3) {
            ok = false;
            break;
        }
        if (*first_bad == SIZE_MAX)
            *first_bad = (size_t)(o - out);
        ++*nbad;
        memcpy(o, "\xEF\xBF\xBD", 3);
        o += 3, oleft -= 3;
        in++, inleft--;
        iconv(cd, NULL, NULL, NULL, NULL); /* back to the initial state */
        ok = few_bad(*nbad, len);
    }
    iconv_close(cd);
    if (!ok || *nbad == 0) {
        free(out);
        return NULL;
    }
    *o = '\0';
    *outlen = (size_t)(o - out);
    return out;
}

/* gb18030_lenient() of raw[0..len) with its line ends folded first. */
static char *gb18030_lenient_folded(const char *raw, size_t len, size_t *outlen, size_t *nbad,
                                    size_t *first_bad)
{
    char *tmp = xmalloc(len + 1);
    memcpy(tmp, raw, len);
    size_t n = fold_newlines(tmp, len);
    char *out = gb18030_lenient(tmp, n, outlen, nbad, first_bad);
    free(tmp);
    return out;
}

#define ONES 0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL

/* One high bit per byte of x (x a word of 8 bytes) that is below k (k <= 0x80). Every byte
 * of x | HIGHS is at least 0x80, so the subtraction borrows across no byte. */
static inline uint64_t bytes_below(uint64_t x, unsigned k)
{
    return ~((x | HIGHS) - ONES * k) & ~x & HIGHS;
}

/* Number of high bits set in m, a mask of HIGHS bits. */
static inline size_t count_highs(uint64_t m)
{
    return (size_t)(((m >> 7) * ONES) >> 56);
}

/* Whether the byte c is a control character other than tab, LF, VT, FF and CR, or DEL. */
static inline bool is_ctl(unsigned char c)
{
    return (c < 0x20 && !(c >= '\t' && c <= '\r')) || c == 0x7F;
}

/* The high bit of every byte of x that is neither below 0x20 nor DEL, others with theirs
 * clear. On the low seven bits t of a byte, t + 0x60 reaches the high bit from 0x20 on and
 * t + 1 only at 0x7F (neither carries out of the byte): the two differ there between 0x20
 * and 0x7E; bytes from 0x80 on keep theirs from x. */
static inline uint64_t not_ctl(uint64_t x)
{
    uint64_t t = x & ~HIGHS;
    return ((t + ONES * 0x60) ^ (t + ONES)) | x;
}

/* Number of is_ctl() bytes in x, given m = ~not_ctl(x) & HIGHS: tab to CR taken out. */
static inline size_t count_ctl(uint64_t x, uint64_t m)
{
    return count_highs(m & ~(bytes_below(x, '\r' + 1) & ~bytes_below(x, '\t')));
}

#if DECODE_SSE2
/* The bytes of v that are below 0x20 or DEL, as a mask of lanes. */
static inline unsigned sse_ctl_or_blank(__m128i v)
{
    __m128i low = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v);
    return (unsigned)_mm_movemask_epi8(_mm_or_si128(low, _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F))));
}

/* The is_ctl() bytes of v, as a mask of lanes: those below 0x20 but tab to CR, and DEL. */
static inline unsigned sse_ctl(__m128i v)
{
    __m128i t = _mm_sub_epi8(v, _mm_set1_epi8('\t')); /* tab to CR: t at most 4 */
    __m128i blank = _mm_cmpeq_epi8(_mm_min_epu8(t, _mm_set1_epi8(4)), t);
    return sse_ctl_or_blank(v) & ~(unsigned)_mm_movemask_epi8(blank);
}
#endif

#if DECODE_SSE2
/* Push the start of the line after each '\n' among the bits of m (bit k: s[at + k]). */
static inline void push_lines(el_doc *doc, size_t at, unsigned m)
{
    for (; m; m &= m - 1)
        *EL_VEC_PUSH(doc->lines) = at + (size_t)__builtin_ctz(m) + 1;
}
#endif

/* Share of code points that are control characters other than tab, CR, LF, VT, FF: binary data;
 * or a NUL anywhere. With doc, s is the final text, its line ends folded: the start of every
 * line after the first is pushed onto doc->lines on the way (line ends are below 0x20, in the
 * few places this looks at closely), which spares build_posmap a pass of its own. */
static bool looks_binary(const char *s, size_t len, el_doc *doc)
{
    /* (CR: converted text has its line ends folded only after this test) */
    size_t ctl = 0, i = 0;
#if DECODE_SSE2
    /* Thirty-two bytes a turn: most turns hold no byte below 0x20 (a line end every hundred
       bytes or so), and only those that do are counted. */
    for (; i + 32 <= len; i += 32) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i y = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 16));
        if ((sse_ctl_or_blank(x) | sse_ctl_or_blank(y)) == 0)
            continue;
        __m128i zero = _mm_setzero_si128();
        if (_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(x, zero), _mm_cmpeq_epi8(y, zero))))
            return true;
        /* (a line end is no control character: mostly none is left to count) */
        for (unsigned m = sse_ctl(x) | sse_ctl(y) << 16; m; m &= m - 1)
            ctl++;
        if (doc) {
            __m128i nl = _mm_set1_epi8('\n');
            push_lines(doc, i,
                       (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x, nl)) |
                           (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(y, nl)) << 16);
        }
    }
#endif
    for (; i + 16 <= len; i += 16) { /* two words a turn; nearly all have no byte below 0x20 */
        uint64_t x, y;
        memcpy(&x, s + i, 8);
        memcpy(&y, s + i + 8, 8);
        uint64_t ox = not_ctl(x), oy = not_ctl(y);
        if ((ox & oy & HIGHS) == HIGHS)
            continue; /* nearly every turn: no line end, no control character */
        if (bytes_below(x, 1) | bytes_below(y, 1))
            return true;
        ctl += count_ctl(x, ~ox & HIGHS) + count_ctl(y, ~oy & HIGHS);
        for (size_t k = 0; doc && k < 16; k++)
            if (s[i + k] == '\n')
                *EL_VEC_PUSH(doc->lines) = i + k + 1;
    }
    for (; i < len; i++) {
        if (s[i] == '\0')
            return true;
        ctl += is_ctl((unsigned char)s[i]);
        if (doc && s[i] == '\n')
            *EL_VEC_PUSH(doc->lines) = i + 1;
    }
    /* the code points are counted only when it matters: most texts have no control byte */
    return ctl > 0 && ctl * 20 > el_text_ncp(s, len);
}

/* Room in doc->lines for lines of 32 bytes on average over len bytes, and the first line's
 * start: a draft grows the array line by line no more. */
static void start_lines(el_doc *doc, size_t len)
{
    doc->lines.v =
        xgrow(doc->lines.v, &doc->lines.cap, doc->lines.n + len / 32 + 1, sizeof *doc->lines.v);
    *EL_VEC_PUSH(doc->lines) = 0;
}

/* The line table of doc->text by memchr, for text looks_binary() saw before its line ends
 * were folded. */
static void find_lines(el_doc *doc)
{
    const char *s = doc->text, *nl;
    size_t len = doc->len;
    start_lines(doc, len);
    for (size_t ls = 0; (nl = memchr(s + ls, '\n', len - ls)) != NULL;) {
        ls = (size_t)(nl - s) + 1;
        *EL_VEC_PUSH(doc->lines) = ls;
    }
}

/*
 * Build the position checkpoints over doc->text from its line table: a checkpoint at the first
 * code point at or after every EL_MARK_STRIDE bytes, its column counted from the previous
 * checkpoint on the same line (or the line start), never from further back, so a single 30 MB
 * line costs one pass too.
 */
static void build_posmap(el_doc *doc)
{
    const char *s = doc->text;
    size_t len = doc->len, next_mark = 0;
    /* Room for every checkpoint (each is EL_MARK_STRIDE bytes past the last). */
    doc->marks.v = xgrow(doc->marks.v, &doc->marks.cap, doc->marks.n + len / EL_MARK_STRIDE + 1,
                         sizeof *doc->marks.v);
    for (size_t li = 0; li < doc->lines.n && next_mark < len; li++) {
        size_t ls = doc->lines.v[li];
        size_t le = li + 1 < doc->lines.n ? doc->lines.v[li + 1] - 1 : len;
        size_t from = ls, col = 1; /* the last known position on this line */
        while (next_mark <= le && next_mark < len) {
            size_t off = next_mark > ls ? next_mark : ls;
            while (off < le && ((unsigned char)s[off] & 0xC0) == 0x80)
                off++;
            col += el_text_ncp(s + from, off - from);
            from = off;
            *EL_VEC_PUSH(doc->marks) = (el_mark){off, li + 1, col};
            next_mark = off + EL_MARK_STRIDE;
        }
    }
    if (doc->marks.n == 0)
        *EL_VEC_PUSH(doc->marks) = (el_mark){0, 1, 1};
}

void el_decode(el_doc *doc, const char *raw, size_t len, enum el_encoding forced)
{
    const unsigned char *u = (const unsigned char *)raw;
    enum el_encoding enc = forced;
    size_t skip = 0;
    char *out = NULL;
    size_t outlen = 0, nbad = 0, first_bad = SIZE_MAX;
    bool folded = false; /* out has its line ends folded already */

    if (enc == EL_ENC_AUTO) {
        if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
            enc = EL_ENC_UTF8;
            skip = 3;
        } else if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
            enc = EL_ENC_UTF16LE;
            skip = 2;
        } else if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
            enc = EL_ENC_UTF16BE;
            skip = 2;
        } else {
            enc = (enum el_encoding)guess_utf16(u, len);
        }
    } else if (enc == EL_ENC_UTF8 && len >= 3 && memcmp(raw, "\xEF\xBB\xBF", 3) == 0) {
        skip = 3;
    } else if ((enc == EL_ENC_UTF16LE && len >= 2 && u[0] == 0xFF && u[1] == 0xFE) ||
               (enc == EL_ENC_UTF16BE && len >= 2 && u[0] == 0xFE && u[1] == 0xFF)) {
        skip = 2;
    }

    if (enc == EL_ENC_UTF16LE || enc == EL_ENC_UTF16BE) {
        out = convert(enc == EL_ENC_UTF16LE ? "UTF-16LE" : "UTF-16BE", raw + skip, len - skip,
                      &outlen);
        if (out == NULL) {
            fail(doc, "bad_encoding", "not valid UTF-16");
            return;
        }
    } else if (enc == EL_ENC_GB18030) {
        out = convert("GB18030", raw, len, &outlen);
        if (out == NULL)
            out = gb18030_lenient_folded(raw, len, &outlen, &nbad, &first_bad);
        if (out == NULL) {
            fail(doc, "bad_encoding", "not valid GB18030");
            return;
        }
    } else if (u8_check(u + skip, len - skip) == NULL) {
        /* The common case: valid UTF-8 is copied as it is, its line ends folded. */
        enc = EL_ENC_UTF8;
        out = xmalloc(len - skip + 1);
        memcpy(out, raw + skip, len - skip);
        out[len - skip] = '\0';
        outlen = fold_newlines(out, len - skip);
        folded = true;
    } else if (enc == EL_ENC_UTF8) {
        out = utf8_repair_folded(raw + skip, len - skip, &outlen, &nbad, &first_bad);
    } else {
        /* Not valid UTF-8: GB18030 if it converts cleanly and has no NUL, else repaired UTF-8
         * when only a few bytes are bad. */
        size_t good_multi = 0;
        bool nul = memchr(raw, '\0', len) != NULL;
        /* Few bad bytes among much valid UTF-8 is damaged UTF-8; but a short text with no
         * valid multi-byte character at all (2024年 in GB18030) is GB18030 whenever it
         * converts cleanly. The count may stop early only where GB18030 is tried next. */
        nbad = utf8_count_bad(u, len, &good_multi, !nul);
        if (!nul && (nbad == SIZE_MAX || many_bad(nbad, good_multi)) &&
            (out = convert("GB18030", raw, len, &outlen)) != NULL) {
            enc = EL_ENC_GB18030;
            nbad = 0;
        } else {
            if (nbad == SIZE_MAX) /* cut short, and GB18030 did not convert: the full count */
                nbad = utf8_count_bad(u, len, &good_multi, false);
            if (nbad * 10 <= len || nbad <= 4) {
                enc = EL_ENC_UTF8;
                out = utf8_repair_folded(raw, len, &outlen, &nbad, &first_bad);
            } else if (!nul &&
                       (out = gb18030_lenient_folded(raw, len, &outlen, &nbad, &first_bad))) {
                /* GB18030 but for a stray byte or two: read, with a decode/invalid-bytes warning */
                enc = EL_ENC_GB18030;
            } else {
                fail(doc, "not_text", "neither UTF-8 nor GB18030 text");
                return;
            }
        }
    }

    /* Text whose line ends are folded already has its line table made on the way. */
    if (folded)
        start_lines(doc, outlen);
    if (looks_binary(out, outlen, folded ? doc : NULL)) {
        free(out);
        doc->lines.n = 0;
        fail(doc, "not_text", "binary data, not text");
        return;
    }
    if (!folded)
        outlen = fold_newlines(out, outlen);
    doc->encoding = enc;
    doc->text = out;
    doc->len = outlen;
    doc->invalid_off = nbad > 0 ? first_bad : SIZE_MAX;
    if (!folded)
        find_lines(doc);
    build_posmap(doc);
}
