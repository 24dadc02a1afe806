/* SPDX-License-Identifier: MIT */
/*
 * The document: the one owner of everything the pipeline builds for one input.
 *
 * read.c fills raw bytes, decode.c turns them into `text` (UTF-8, LF line ends,
 * one code point per original character so line/column survive), blocks_*.c
 * split `text` into blocks whose markup-free content lives in `plain`, section.c
 * classifies blocks into title/theme/sections/paragraphs/notes, and the analysis
 * modules add cases, statistics, quotes, devices and findings. Every item keeps
 * byte offsets into `plain` (or `text`), never copies; el_doc_free() frees all.
 *
 * Internal header: included by the files under src/ and tests/ only, never by essaylint.h users.
 */
#ifndef EL_DOC_H
#define EL_DOC_H

#include <stdbool.h>
#include <stddef.h>

#include "essaylint.h"
#include "lexicon.h"
#include "text.h"
#include "util.h"

/* Most cases, statistics, quotes or devices kept for one file: past it, input is hostile. */
#define EL_ITEMS_MAX 10000

/* A byte range; in `plain` unless a field says otherwise. len 0 means absent. */
typedef struct el_span {
    size_t off, len;
} el_span;

/* A run of `plain` copied verbatim from `text`: plain[plain_off + i] == text[src_off + i]. */
typedef struct el_seg {
    size_t plain_off, src_off, len;
} el_seg;

/* Line-position checkpoint: byte offset in `text` with its 1-based line and column. */
typedef struct el_mark {
    size_t off, line, col;
} el_mark;

enum el_block_type {
    EL_BLOCK_PARA,    /* a paragraph (or one plain-text line/group) */
    EL_BLOCK_HEADING, /* ATX/setext heading; level in `level` */
    EL_BLOCK_CODE,    /* code block: kept as a paragraph-like block */
    EL_BLOCK_HTML,    /* raw HTML block, e.g. <!-- essaylint-disable --> */
    EL_BLOCK_BREAK,   /* thematic break `---` */
};

enum {
    EL_BF_QUOTE = 1 << 0,    /* inside a blockquote */
    EL_BF_ITEM = 1 << 1,     /* first block of a list item */
    EL_BF_LIST = 1 << 2,     /* inside a list */
    EL_BF_BOLD = 1 << 3,     /* entire content was strong/emphasised */
    EL_BF_INDENT = 1 << 4,   /* plain text: line started with indentation */
    EL_BF_CENTERED = 1 << 5, /* plain text: much leading whitespace (a centred title) */
};

typedef struct el_block {
    enum el_block_type type;
    unsigned flags;
    int level;       /* heading level, or list nesting depth */
    int list_num;    /* ordered-list item number, -1 if none */
    size_t line;     /* first source line (1-based) */
    size_t end_line; /* last source line */
    el_span txt;     /* markup-free content in `plain`, trimmed */
    size_t bold_len; /* bytes of txt that a leading **bold** run covers, 0 if none */
} el_block;

/* What a source line became: every non-blank line gets exactly one role. */
enum el_role {
    EL_ROLE_NONE = 0,
    EL_ROLE_TITLE,
    EL_ROLE_THEME,
    EL_ROLE_LABEL,
    EL_ROLE_PARAGRAPH,
    EL_ROLE_NOTE,
};

typedef struct el_para {
    el_span txt;
    size_t line;
    size_t chars;     /* grid count: non-whitespace code points */
    size_t hanzi;     /* Han characters */
    size_t sentences; /* el_text_sentences of txt */
} el_para;

typedef struct el_note {
    el_span label; /* len 0: no label */
    el_span txt;
    size_t line;
} el_note;

/* What an argument section has as evidence; filled by the analysis. */
typedef struct el_evidence {
    bool has_case, has_data, has_counter, has_measure;
} el_evidence;

typedef struct el_section {
    enum el_section_kind kind;
    int index;     /* 1-based among sections of the same kind */
    el_span title; /* heading/topic sentence for arguments, else the label; len 0: null */
    size_t line, end_line;
    size_t para0, npara; /* range in doc->paras */
    size_t note0, nnote; /* range in doc->notes */
    el_evidence ev;
} el_section;

typedef struct el_stat_item {
    el_span txt;
    double value;
    el_span unit;
    const char *unit_name; /* static normalised unit that replaces `unit` in reports ("%" for
                              every percentage: 百分之六十, 近三成, 90%), or NULL */
    const char *qualifier;
    int kind; /* el_stat_kind from stats.h */
    int section;
} el_stat_item;

typedef struct el_case {
    el_span place; /* as written */
    el_span span;  /* the clause group the case covers */
    int province;  /* index for el_lex_province(), -1 if none */
    el_span name;  /* the named initiative without quote marks */
    bool negative;
    size_t stat0, nstat; /* statistics inside the case: range in doc->stats */
    int section;
} el_case;

enum el_quote_kind { EL_QUOTE_POLICY, EL_QUOTE_CLASSICAL, EL_QUOTE_OTHER };

typedef struct el_quote {
    enum el_quote_kind kind;
    el_span txt;             /* without the quotation marks */
    el_span speaker;         /* in plain; len 0 = null */
    el_span source;          /* in plain (a 《…》 title written in the text) */
    const char *source_lex;  /* source from the classical lexicon, when found there */
    const char *speaker_lex; /* a saying's speaker from the lexicon, when none is written */
    int section;
} el_quote;

enum el_device_type {
    EL_DEV_PARALLELISM,
    EL_DEV_ANTITHESIS,
    EL_DEV_METAPHOR,
    EL_DEV_CONTRAST,
    EL_DEV_RHETORICAL_QUESTION,
    EL_DEV_CITATION,
};

typedef struct el_device {
    enum el_device_type type;
    el_span txt;
    int section;
} el_device;

typedef struct el_finding {
    int rule;       /* index into the rule table (rules.h) */
    int severity;   /* enum el_severity */
    size_t src_off; /* byte offset in `text` */
    int section;
    char *arg; /* fills the message; in the document's string pool (el_doc_strdup), or NULL */
} el_finding;

/* A chunk of a document's string pool: strings are added at used, and it never moves. */
typedef struct el_strchunk {
    struct el_strchunk *prev; /* the chunk filled before this one, or NULL */
    size_t cap, used;         /* bytes of s, bytes in use */
    char s[];
} el_strchunk;

/*
 * The hits of lexhits whose category is in one mask, as indices in the same order:
 * el_doc_lex_scan_cats walks these instead of every hit of its range. Callers use a handful
 * of masks, each over the document range after range, so the filtering is done once per mask,
 * over the whole document. The indices of every selection live in one array, lexpool.
 */
typedef struct el_lex_sel {
    unsigned mask;
    size_t next;   /* index in idx past the last call's hits: the next call looks there */
    uint32_t *idx; /* indices in lexhits of the hits of the mask, in order: in lexpool */
    size_t n;      /* how many */
    bool own;      /* idx has an allocation of its own (lexpool had no room left) */
} el_lex_sel;
/* Masks remembered per document; a call with yet another mask walks lexhits itself. */
#define EL_LEX_NSEL 8

struct el_doc {
    char *path; /* in the document's own allocation, after the struct (see doc_new) */
    bool ok;
    const char *error_code; /* static string: "not_found", "not_text", ... */
    char *error_message;

    enum el_encoding encoding;
    enum el_input_format format;

    char *text; /* decoded UTF-8, LF only, NUL-terminated */
    size_t len;
    size_t invalid_off; /* first U+FFFD that replaced an invalid byte, or SIZE_MAX */

    EL_VEC(el_mark) marks; /* position checkpoints over `text` */
    EL_VEC(size_t) lines;  /* byte offset of each line start in `text` */

    EL_VEC(char) plain;  /* markup-free text of every block, blocks separated by '\n' */
    EL_VEC(el_seg) segs; /* plain -> text mapping, sorted by plain_off */
    EL_VEC(el_block) blocks;
    EL_VEC(el_span) verbatim;      /* code in `plain` (spans, blocks): sorted, apart */
    EL_VEC(size_t) comments;       /* `text` offset of each inline <!-- comment --> (Markdown) */
    EL_VEC(el_lex_hit) lexhits;    /* every lexicon hit in `plain`, by end (el_doc_lex_scan) */
    bool lexed;                    /* lexhits is filled */
    size_t lexcount[EL_LEX_NCATS]; /* hits of each category in lexhits */
    /* One allocation for what filtering needs: the category of each of lexhits, a byte each,
       in its first words, then the selections' indices. It never moves once made. */
    EL_VEC(uint32_t) lexpool;
    unsigned lexlast;               /* index in lexsel of the last mask used */
    el_lex_sel lexsel[EL_LEX_NSEL]; /* lexhits filtered by the masks asked for so far */
    unsigned nlexsel;               /* lexsel[0..nlexsel) are in use */
    unsigned char *roles;           /* per source line (index line-1): enum el_role */

    el_span title;
    size_t title_line;
    el_span theme;
    size_t theme_line;
    EL_VEC(el_section) sections;
    EL_VEC(el_para) paras;
    EL_VEC(el_note) notes;

    EL_VEC(el_stat_item) stats;
    EL_VEC(el_case) cases;
    EL_VEC(el_quote) quotes;
    EL_VEC(el_device) devices;
    EL_VEC(el_finding) findings;
    el_strchunk *strings; /* the string pool of the findings' arguments: newest chunk */

    el_counts counts;

    const el_config *cfg; /* the configuration el_analyze() runs under; NULL: defaults */
};

/*
 * A copy of s in the document's string pool: it stays where it is until el_doc_free (or
 * el_doc_strings_free) frees the pool at once, so the strings need no free of their own.
 */
char *el_doc_strdup(el_doc *doc, const char *s);
/* Free the document's string pool (el_doc_free does); every string in it goes. */
void el_doc_strings_free(el_doc *doc);

/* Position of a byte offset in `text`: 1-based line and code-point column. */
void el_doc_pos(const el_doc *doc, size_t src_off, size_t *line, size_t *col);
/*
 * What el_doc_pos_near and el_doc_src_near remember of the last lookup, for a caller asking
 * for many positions in mostly increasing order (a reporter going through its items).
 * Zero-initialise it; it is only good for one document.
 */
typedef struct el_pos_cursor {
    bool valid;      /* off, li, mi, col and line_end hold a position */
    size_t off;      /* byte offset in `text` of the last position */
    size_t li, mi;   /* its line's index in `lines`, its checkpoint's in `marks` */
    size_t col;      /* its column */
    size_t line_end; /* where its line ends: the next line's start, or len + 1 */
    size_t seg;      /* index in `segs` of the last el_doc_src_near answer */
} el_pos_cursor;
/* el_doc_pos_near's general case (el_doc_pos_near tries the commonest first, inline). */
void el_doc_pos_step(const el_doc *doc, el_pos_cursor *cur, size_t src_off, size_t *line,
                     size_t *col);
/* How far on the cursor's line el_doc_pos_near counts on from it without a look at the
 * checkpoints: a checkpoint stride, about what el_doc_pos counts from its checkpoint. */
#define EL_POS_SAME_LINE 256
/*
 * el_doc_pos, same answer, counted on from the cursor's position when src_off is a little
 * past it (stepping over the lines and checkpoints in between), else looked up as el_doc_pos
 * does; either way the cursor then holds src_off. Bounded work per call in any order. Inline
 * for the commonest case, a position a little further on the cursor's line.
 */
static inline void el_doc_pos_near(const el_doc *doc, el_pos_cursor *cur, size_t src_off,
                                   size_t *line, size_t *col)
{
    if (cur->valid && src_off >= cur->off && src_off < cur->line_end &&
        src_off - cur->off <= EL_POS_SAME_LINE) {
        cur->col += el_text_ncp(doc->text + cur->off, src_off - cur->off);
        cur->off = src_off;
        *line = cur->li + 1;
        *col = cur->col;
        return;
    }
    el_doc_pos_step(doc, cur, src_off, line, col);
}
/*
 * A walk through `text` by offsets that mostly increase (the items of a report, merged in text
 * order): el_doc_pos's answer for each, counted on from the walk's last position, or from the
 * line's start when the offset is on a later line. The walk never moves back (an offset before
 * its position is looked up as el_doc_pos does), so all its counting together covers the text
 * once at most, however far apart the offsets are. Zero-initialise; good for one document.
 */
typedef struct el_pos_walk {
    bool valid;      /* off, li, col and line_end hold a position */
    size_t off;      /* byte offset in `text` of the walk's position */
    size_t li;       /* its line's index in `lines` */
    size_t col;      /* its column */
    size_t line_end; /* where its line ends: the next line's start, or len + 1 */
} el_pos_walk;
/* el_doc_pos_walk's cases other than a position further on the walk's line. */
void el_doc_pos_walk_step(const el_doc *doc, el_pos_walk *pw, size_t src_off, size_t *line,
                          size_t *col);
/* The next position of a walk: inline for the commonest case, further on the same line. */
static inline void el_doc_pos_walk(const el_doc *doc, el_pos_walk *pw, size_t src_off, size_t *line,
                                   size_t *col)
{
    if (pw->valid && src_off >= pw->off && src_off < pw->line_end) {
        pw->col += el_text_ncp(doc->text + pw->off, src_off - pw->off);
        pw->off = src_off;
        *line = pw->li + 1;
        *col = pw->col;
        return;
    }
    el_doc_pos_walk_step(doc, pw, src_off, line, col);
}
/* Byte offset in `text` of a byte offset in `plain`. */
size_t el_doc_src(const el_doc *doc, size_t plain_off);
/* el_doc_src, same answer, trying the cursor's segment and the next before bisecting. */
size_t el_doc_src_near(const el_doc *doc, el_pos_cursor *cur, size_t plain_off);
/* Pointer to a span's bytes in `plain`. */
static inline const char *el_doc_str(const el_doc *doc, el_span s)
{
    return doc->plain.v + s.off;
}
/*
 * el_lex_scan over plain[off..off+n), from one scan of the whole of `plain` made on the first
 * call: the extractors share that pass instead of each scanning every paragraph again. Same
 * hits, same order, offsets relative to off. `plain` must not change after the first call.
 */
void el_doc_lex_scan(el_doc *doc, size_t off, size_t n, el_lex_cb cb, void *ctx);
/*
 * el_doc_lex_scan restricted to the hits whose category is in mask (EL_LEX_CAT_BIT of each
 * category wanted, or'ed): the same hits otherwise, in the same order. A caller that handles
 * a few categories spares a call per hit of the others (a paragraph's hits are mostly
 * parallel frames, countermeasures and places).
 */
void el_doc_lex_scan_cats(el_doc *doc, size_t off, size_t n, unsigned mask, el_lex_cb cb,
                          void *ctx);
/* Free the hits of that pass (a later el_doc_lex_scan scans again). */
void el_doc_lex_release(el_doc *doc);
/* Section index (0-based) holding a plain offset, or -1. */
int el_doc_section_at(const el_doc *doc, size_t plain_off);

/* Append text[src_off..+len) to `plain` with its mapping; returns its plain offset. */
size_t el_doc_plain_append(el_doc *doc, size_t src_off, size_t len);
/* Append bytes that are not in the source (an unescaped literal) mapped near src_off. */
size_t el_doc_plain_put(el_doc *doc, size_t src_off, const char *bytes, size_t len);
/* Append a separator byte (not mapped) to `plain`. */
void el_doc_plain_sep(el_doc *doc);

#endif
