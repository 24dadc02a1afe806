/* SPDX-License-Identifier: MIT */
/*
 * Differential tests for the sixth round of lint.c fast paths, each against the plain version
 * it replaced, kept here as the oracle: the one-pass sentence walk of the length rule
 * (el_text_sentence_end_ncp against el_text_sentence_end and el_text_ncp), the formula test that
 * gives up on a term without a join (formula_term), and the notes rule that finds its quoted terms
 * once and looks up the essay's places only when a note names one (rule_notes against the version
 * that walked the terms three times and the essay's places always). lint.c is included for its
 * static functions; inputs are random, from a fixed seed.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "doc.h"
#include "lint.c"

#include "testbuf.h"
#include "testrand.h"

#define PICK(a) ((a)[test_below((uint32_t)(sizeof(a) / sizeof((a)[0])))])

/* ---- el_text_sentence_end_ncp ---- */

/* Pieces of the random sentences: ends and closers, Han, marks, ASCII, two- and four-byte
   characters, and the bytes of 。！？ where they end no character. */
static const char *const sentence_pieces[] = {
    "甲", "乙", "丙丁", "。", "！",   "？",   "!",    "?",    "\n",   "”",    "’",    "）", ")",
    "》", "」", "』",   "】", "\"",   "“",    "，",   "、",   "：",   " ",    "　",   "a",  "7",
    "·",  "é",  "𠀀",   "…",  "\xE3", "\x80", "\x82", "\xEF", "\xBC", "\x81", "\x9F", "ab", "12"};

/* Random text of about pieces pieces; with long, runs of Han without a sentence end. */
static void random_sentences(buf *b, size_t pieces, bool long_runs)
{
    char tmp[8];
    for (size_t i = 0; i < pieces; i++) {
        if (long_runs && test_below(50) == 0) {
            size_t run = 1000 + test_below(3000);
            for (size_t k = 0; k < run; k++)
                put(b, test_below(40) ? "国" : "，");
        } else {
            put(b, test_piece(tmp, sentence_pieces,
                              sizeof sentence_pieces / sizeof sentence_pieces[0], 8));
        }
    }
}

/* The walk el_text_sentence_end_ncp replaced: the end, then the code points up to it. */
static size_t plain_sentence_cps(const char *s, size_t n, size_t *cps)
{
    size_t e = el_text_sentence_end(s, n);
    *cps = el_text_ncp(s, e);
    return e;
}

static void test_sentence_cps(void **state)
{
    (void)state;
    test_seed(601);
    size_t ends = 0, most = 0;
    for (int iter = 0; iter < 3000; iter++) {
        buf t = {0};
        put(&t, "");
        random_sentences(&t, test_below(iter % 3 ? 60 : 600), iter % 10 == 0);
        /* from every start a walk would take, and from a few others */
        for (size_t a = 0; a < t.n;) {
            size_t c1, c2;
            size_t e1 = el_text_sentence_end_ncp(t.v + a, t.n - a, &c1);
            size_t e2 = plain_sentence_cps(t.v + a, t.n - a, &c2);
            if (e1 != e2 || c1 != c2)
                fail_msg("from %zu: end %zu cps %zu, expected %zu and %zu", a, e1, c1, e2, c2);
            ends += e2 < t.n - a;
            most = e2 > most ? e2 : most;
            a += test_below(4) ? (e2 > 0 ? e2 : 1) : 1 + test_below(5);
        }
        free(t.v);
    }
    assert_true(ends > 10000 && most > 16 * 255 * 2); /* the tally is flushed on the way */
}

/* Sentences with no end longer than one tally holds (a lane full of ASCII takes 255 turns),
   and the same with their end after them. */
static void test_sentence_cps_long(void **state)
{
    (void)state;
    for (size_t len = 16 * 250; len < 16 * 520; len += 7) {
        buf t = {0};
        put(&t, "");
        for (size_t k = 0; k < len; k++)
            put(&t, len % 2 ? "a" : k % 5 ? "国" : "a");
        for (int end = 0; end < 2; end++) {
            size_t c1, c2;
            size_t e1 = el_text_sentence_end_ncp(t.v, t.n, &c1),
                   e2 = plain_sentence_cps(t.v, t.n, &c2);
            assert_int_equal(e1, e2);
            assert_int_equal(c1, c2);
            put(&t, "。”甲");
        }
        free(t.v);
    }
}

/* ---- formula_term ---- */

/* formula_term as it was: every term's words compared, join or not. */
static bool plain_formula_term(const char *s, size_t n)
{
    size_t k, a = 0, joins = 0;
    for (size_t i = 0; i <= n; i += k) {
        uint32_t c = i < n ? el_text_cp(s, n, i, &k) : 0;
        if (i < n && !(c == '+' || c == 0xFF0B || c == 0x2014 || c == '-' || c == 0x2015))
            continue;
        bool word = false;
        for (size_t w = 0; form_words[w] && !word; w++)
            word = strlen(form_words[w]) == i - a && memcmp(s + a, form_words[w], i - a) == 0;
        if (!word)
            return false;
        if (i == n)
            break;
        joins++;
        a = i + k;
    }
    return joins > 0;
}

static void test_formula_term(void **state)
{
    (void)state;
    static const char *const joins[] = {"+", "＋", "—", "-", "―", "——"};
    static const char *const other[] = {"互联网", "教育", "甲", "", "总分", "问"};
    test_seed(602);
    size_t formulas = 0;
    for (int iter = 0; iter < 20000; iter++) {
        buf t = {0};
        put(&t, "");
        size_t parts = 1 + test_below(4);
        for (size_t p = 0; p < parts; p++) {
            if (p > 0 || test_below(10) == 0)
                put(&t, PICK(joins));
            put(&t, test_below(4) ? form_words[test_below(37)] : PICK(other));
        }
        if (test_below(10) == 0)
            put(&t, PICK(joins));
        bool want = plain_formula_term(t.v, t.n);
        if (formula_term(t.v, t.n) != want)
            fail_msg("\"%s\": formula %d, expected %d", t.v, !want, want);
        formulas += want;
        free(t.v);
    }
    assert_true(formulas > 2000);
}

/* ---- rule_notes ---- */

/* check_note as it was: the quoted terms found again by next_term, with the plain formula
   test; the rest (numbers, places, devices) is check_note's own, which comes after them. */
static void plain_check_note(lint *L, notes_ctx *N, size_t note, const bool *devs)
{
    const el_note *nt = &L->doc->notes.v[note];
    const char *s = str(L, nt->txt);
    size_t n = nt->txt.len;
    for (size_t i = 0, a, z; next_term(s, n, &i, &a, &z);)
        if (!plain_formula_term(s + a, z - a) && !term_found(N, s + a, z - a))
            claim(L, note, a - 3, s + a, z - a);
    check_note(L, N, note, devs, NULL, 0);
}

/* rule_notes as it was: the essay's places looked up first, the terms walked three times. */
static void plain_rule_notes(lint *L)
{
    el_doc *doc = L->doc;
    if (doc->notes.n == 0)
        return;
    notes_ctx N = {0};
    EL_VEC(el_span) parts = {0};
    *EL_VEC_PUSH(parts) = doc->title;
    for (size_t i = 0; i < doc->sections.n; i++)
        if (doc->sections.v[i].title.len)
            *EL_VEC_PUSH(parts) = doc->sections.v[i].title;
    for (size_t i = 0; i < doc->paras.n; i++)
        *EL_VEC_PUSH(parts) = doc->paras.v[i].txt;
    size_t total = 0;
    for (size_t i = 0; i < parts.n; i++)
        total += parts.v[i].len + 1;
    N.essay = xmalloc(total + 1);
    for (size_t i = 0; i < parts.n; i++) {
        if (i > 0)
            N.essay[N.len++] = '\n';
        memcpy(N.essay + N.len, str(L, parts.v[i]), parts.v[i].len);
        N.len += parts.v[i].len;
    }
    N.essay[N.len] = '\0';
    N.budget = EL_NOTES_BUDGET;
    N.nplaces = el_lex_nplaces();
    N.places = xcalloc(N.nplaces / 8 + 1, 1);
    for (size_t i = 0; i < parts.n; i++)
        el_doc_lex_scan_cats(doc, parts.v[i].off, parts.v[i].len, EL_LEX_CAT_BIT(EL_LEX_PLACE),
                             on_essay_place, &N);
    free(parts.v);

    bool devs[EL_DEV_CITATION + 1] = {false};
    for (size_t i = 0; i < doc->devices.n; i++)
        if ((int)doc->devices.v[i].type <= EL_DEV_CITATION)
            devs[doc->devices.v[i].type] = true;
    devs[EL_DEV_CITATION] =
        devs[EL_DEV_CITATION] || doc->quotes.n > 0 || memmem(N.essay, N.len, "《", 3) != NULL;
    for (size_t i = 0; i < doc->cases.n; i++)
        devs[EL_DEV_CONTRAST] = devs[EL_DEV_CONTRAST] || doc->cases.v[i].negative;
    for (size_t i = 0; i < doc->sections.n; i++)
        devs[EL_DEV_CONTRAST] = devs[EL_DEV_CONTRAST] || doc->sections.v[i].ev.has_counter;

    size_t npairs = 0, at;
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1)
            bigrams_init(&N.pairs, npairs);
        for (size_t i = 0; i < doc->notes.n; i++) {
            const char *s = str(L, doc->notes.v[i].txt);
            size_t n = doc->notes.v[i].txt.len;
            for (size_t j = 0, a, z; next_term(s, n, &j, &a, &z);) {
                if (pass == 0)
                    npairs += (z - a) / 3;
                else
                    each_bigram(s + a, z - a, &N.pairs, BIGRAM_INSERT, &at);
            }
        }
    }
    N.swept = N.pairs.n == 0 ? N.len : 0;
    for (size_t i = 0; i < doc->notes.n; i++)
        plain_check_note(L, &N, i, devs);
    free(N.numbers.v);
    free(N.keys);
    free(N.places);
    free(N.essay);
    bigrams_free(&N.pairs);
}

/* One finding as a test compares it. */
typedef struct seen_finding {
    int rule, section;
    size_t off;
    char arg[96];
} seen_finding;

typedef EL_VEC(seen_finding) seen_findings;

/* The findings rule raises over doc, with the lint state el_lint would set up; they are taken
   off the document again. */
static seen_findings rule_findings(el_doc *doc, void (*rule)(lint *))
{
    el_config cfg;
    el_config_init(&cfg);
    lint L = {.doc = doc, .cfg = &cfg, .sup = NULL, .span_sec = -1};
    L.para_sec = xmalloc((doc->paras.n + 1) * sizeof *L.para_sec);
    L.note_sec = xmalloc((doc->notes.n + 1) * sizeof *L.note_sec);
    for (size_t i = 0; i < doc->paras.n; i++)
        L.para_sec[i] = -1;
    for (size_t i = 0; i < doc->notes.n; i++)
        L.note_sec[i] = -1;
    for (size_t s = 0; s < doc->sections.n; s++) {
        const el_section *sec = &doc->sections.v[s];
        for (size_t p = sec->para0; p < sec->para0 + sec->npara && p < doc->paras.n; p++)
            L.para_sec[p] = (int)s;
        for (size_t k = sec->note0; k < sec->note0 + sec->nnote && k < doc->notes.n; k++)
            L.note_sec[k] = (int)s;
    }
    size_t before = doc->findings.n;
    rule(&L);
    seen_findings out = {0};
    for (size_t i = before; i < doc->findings.n; i++) {
        el_finding *f = &doc->findings.v[i];
        seen_finding *x = EL_VEC_PUSH(out);
        x->rule = f->rule;
        x->section = f->section;
        x->off = f->src_off;
        snprintf(x->arg, sizeof x->arg, "%s", f->arg ? f->arg : "");
    }
    doc->findings.n = before;
    free(L.para_sec);
    free(L.note_sec);
    return out;
}

/* That the findings got are those expected, in the same order. */
static void same_findings(const seen_findings *got, const seen_findings *want, const char *text)
{
    if (got->n != want->n)
        fail_msg("%zu findings, expected %zu, in \"%s\"", got->n, want->n, text);
    for (size_t i = 0; i < got->n; i++) {
        const seen_finding *a = &got->v[i], *b = &want->v[i];
        if (a->rule != b->rule || a->off != b->off || a->section != b->section ||
            strcmp(a->arg, b->arg) != 0)
            fail_msg("finding %zu: %d at %zu \"%s\", expected %d at %zu \"%s\" in \"%s\"", i,
                     a->rule, a->off, a->arg, b->rule, b->off, b->arg, text);
    }
}

/* Pieces of the random essays and notes: places (some in the essay, some not), numbers, device
   words, negations, terms and formulas. */
static const char *const essay_pieces[] = {
    "浙江省", "杭州市",   "安吉县",   "余村", "贵州", "北京", "上海市", "深圳",     "甲乙",
    "丙丁",   "绿水青山", "乡村振兴", "，",   "。",   "“",    "”",      "《规划》", "12",
    "3,500",  "45.6%",    "排比",     "比喻", "不是", "而是", "国",     "民"};
static const char *const note_pieces[] = {
    "浙江",   "杭州",       "安吉",       "湖南省",   "长沙市",      "西藏",       "贵州省",
    "北京",   "“绿水青山”", "“乡村振兴”", "“甲乙丙”", "“动宾+动宾”", "“总—分—总”", "“互联网+教育”",
    "“三严”", "“五六七”",   "运用排比",   "缺少比喻", "对比鲜明",    "引用数据",   "引用名言",
    "设问",   "反问",       "对仗",       "对偶",     "12",          "3500",       "45.6%",
    "300%",   "，",         "。",         "甲",       "点评"};

/* A random essay with a notes section of a few notes. */
static void random_notes_essay(buf *t)
{
    put(t, "标题");
    put(t, PICK(essay_pieces));
    put(t, "\n\n");
    size_t np = 1 + test_below(4);
    for (size_t p = 0; p < np; p++) {
        put(t, "　　");
        size_t n = 3 + test_below(40);
        for (size_t i = 0; i < n; i++)
            put(t, PICK(essay_pieces));
        put(t, "。\n\n");
    }
    put(t, "写作分析\n\n");
    size_t nn = 1 + test_below(4);
    for (size_t k = 0; k < nn; k++) {
        char head[32];
        snprintf(head, sizeof head, "%zu.\n点评：", k + 1);
        put(t, head);
        size_t n = 1 + test_below(12);
        for (size_t i = 0; i < n; i++)
            put(t, PICK(note_pieces));
        put(t, "\n\n");
    }
}

static void test_rule_notes(void **state)
{
    (void)state;
    test_seed(603);
    size_t total = 0, places = 0;
    for (int iter = 0; iter < 1500; iter++) {
        buf t = {0};
        put(&t, "");
        random_notes_essay(&t);
        el_doc *doc = el_parse("n.txt", t.v, t.n, NULL);
        assert_true(el_doc_ok(doc));
        el_analyze(doc, NULL);
        seen_findings fast = rule_findings(doc, rule_notes);
        seen_findings plain = rule_findings(doc, plain_rule_notes);
        same_findings(&fast, &plain, t.v);
        total += fast.n;
        for (size_t i = 0; i < plain.n; i++) /* places no essay names */
            places += strcmp(plain.v[i].arg, "湖南省") == 0 || strcmp(plain.v[i].arg, "西藏") == 0;
        free(fast.v);
        free(plain.v);
        el_doc_free(doc);
        free(t.v);
    }
    assert_true(total > 3000 && places > 50); /* claims of every kind, places among them */
}

/* ---- rule_conclusion_echo ---- */

/* rule_conclusion_echo as it was: every key's pairs in one set, the conclusion probed once. */
static void plain_conclusion_echo(lint *L)
{
    el_doc *doc = L->doc;
    int conc = -1;
    size_t keylen = doc->title.len + doc->theme.len;
    for (size_t i = 0; i < doc->sections.n; i++) {
        const el_section *s = &doc->sections.v[i];
        if (s->kind == EL_SEC_CONCLUSION && s->npara && conc < 0)
            conc = (int)i;
        if (s->kind == EL_SEC_ARGUMENT)
            keylen += s->title.len;
    }
    if (conc < 0 || keylen == 0)
        return;
    bigrams set;
    size_t at;
    bigrams_init(&set, keylen / 3);
    each_bigram(str(L, doc->title), doc->title.len, &set, BIGRAM_INSERT, &at);
    each_bigram(str(L, doc->theme), doc->theme.len, &set, BIGRAM_INSERT, &at);
    for (size_t i = 0; i < doc->sections.n; i++) {
        const el_section *s = &doc->sections.v[i];
        if (s->kind == EL_SEC_ARGUMENT)
            each_bigram(str(L, s->title), s->title.len, &set, BIGRAM_INSERT, &at);
    }
    bool echo = false;
    for (size_t i = 0; i < doc->sections.n && !echo && set.n; i++) {
        const el_section *s = &doc->sections.v[i];
        if (s->kind != EL_SEC_CONCLUSION)
            continue;
        for (size_t p = s->para0; p < s->para0 + s->npara && !echo; p++)
            echo = each_bigram(str(L, doc->paras.v[p].txt), doc->paras.v[p].txt.len, &set,
                               BIGRAM_ANY, &at);
    }
    bigrams_free(&set);
    if (!echo)
        add_at_sec(L, EL_RULE_STRUCTURE_CONCLUSION_ECHO, conc, NULL);
}

/* Essays whose conclusion echoes the title, a heading, both or neither (stop bigrams too). */
static void test_conclusion_echo(void **state)
{
    (void)state;
    static const char *const words[] = {"乡村", "振兴", "绿色", "发展", "创新", "驱动", "我们",
                                        "进行", "人才", "产业", "文化", "生态", "组织", "甲乙",
                                        "丙丁", "，",   "、",   "“",    "”",    "a"};
    static const char *const ordinals[] = {"一、", "二、", "三、", "四、"};
    test_seed(604);
    size_t echoes = 0, silent = 0;
    for (int iter = 0; iter < 3000; iter++) {
        buf t = {0};
        put(&t, "");
        if (test_below(10))
            for (size_t k = 1 + test_below(3); k > 0; k--)
                put(&t, PICK(words));
        put(&t, "\n\n　　");
        for (size_t k = 3 + test_below(20); k > 0; k--)
            put(&t, PICK(words));
        put(&t, "。\n\n");
        size_t nargs = test_below(4);
        for (size_t a = 0; a < nargs; a++) {
            put(&t, ordinals[a]);
            for (size_t k = 1 + test_below(4); k > 0; k--)
                put(&t, PICK(words));
            put(&t, "\n\n　　");
            for (size_t k = 3 + test_below(20); k > 0; k--)
                put(&t, PICK(words));
            put(&t, "。\n\n");
        }
        put(&t, "　　总之，");
        for (size_t k = test_below(6); k > 0; k--)
            put(&t, test_below(3) ? "之" : PICK(words));
        put(&t, "。\n");
        el_doc *doc = el_parse("e.txt", t.v, t.n, NULL);
        assert_true(el_doc_ok(doc));
        el_analyze(doc, NULL);
        seen_findings fast = rule_findings(doc, rule_conclusion_echo);
        seen_findings plain = rule_findings(doc, plain_conclusion_echo);
        same_findings(&fast, &plain, t.v);
        silent += plain.n;
        echoes += plain.n == 0;
        free(fast.v);
        free(plain.v);
        el_doc_free(doc);
        free(t.v);
    }
    assert_true(silent > 300 && echoes > 300);
}

/* ---- span_unattributed ---- */

/* span_unattributed as it was: the sentence ends up to each verb decoded forward. */
static void plain_span_unattributed(lint *L, const char *s, size_t n)
{
    static const struct word verbs[] = {W("强调"), W("指出"), W("提出"), W("表示"), {NULL, 0}};
    static const struct word colons[] = {W("："), W(":"), {NULL, 0}};
    static const struct word adverbs[] = {
        W("明确"), W("深刻"),   W("多次"), W("反复"), W("一再"), W("再次"), W("曾经"), W("曾"),
        W("也"),   W("还"),     W("更"),   W("又"),   W("都"),   W("就"),   W("要"),   W("特别"),
        W("着重"), W("进一步"), W("郑重"), W("鲜明"), W("重点"), W("亦"),   W("均"),   W("专门"),
        W("首次"), W("同样"),   W("正如"), W("诚如"), W("恰如"), W("如"),   W("就像"), W("同时"),
        W("并"),   W("而"),     W("并且"), W("此外"), W("另外"), {NULL, 0}};
    size_t sent = 0;    /* start of the current sentence */
    size_t swept = 0;   /* bytes before this were checked for sentence ends */
    size_t scanned = 0; /* the current sentence was searched for a speaker up to here */
    bool found = false; /* ... and one was found */
    for (size_t i = 0; i + 3 <= n;) {
        const char *q = find3(s + i, n - i, "“");
        if (q == NULL)
            break;
        size_t at = (size_t)(q - s);
        i = at + 3;
        size_t c = suffix_of(s, at, colons);
        if (c == 0)
            continue;
        size_t vend = at - c;
        if (vend >= 3 && memcmp(s + vend - 3, "的", 3) == 0 && suffix_of(s, vend - 3, verbs))
            vend -= 3; /* 正如……强调的：“…” */
        size_t v = suffix_of(s, vend, verbs);
        if (v == 0)
            continue;
        size_t vstart = vend - v;
        /* Sentence ends up to the verb: each byte looked at once over the whole span. */
        for (size_t k; swept < vstart; swept += k) {
            uint32_t cp = el_text_cp(s, vstart, swept, &k);
            if (el_text_is_sentence_end(cp) || cp == '\n') {
                sent = swept + k;
                scanned = sent;
                found = false;
            }
        }
        /* The clause before the verb (to the previous comma or sentence end). */
        size_t a = vstart, cps = 0;
        uint32_t stop = 0;
        while (a > 0 && cps <= EL_SPEAKER_WINDOW) {
            size_t st;
            uint32_t cp = el_text_prev_cp(s, a, &st);
            if (is_clause_end(cp)) {
                stop = cp;
                break;
            }
            a = st;
            cps++;
        }
        if (cps > EL_SPEAKER_WINDOW)
            continue; /* a long clause: assume it names someone */
        size_t z = vstart;
        for (size_t k; z > a && (k = suffix_of(s + a, z - a, adverbs)) > 0;)
            z -= k;
        bool speaker = false;
        for (size_t j = a, k; j < z && !speaker; j += k) {
            uint32_t cp = el_text_cp(s, z, j, &k);
            speaker = el_text_is_han(cp) || cp == 0x300B || (cp < 0x80 && cp > ' ');
        }
        /* An empty clause after a comma: the speaker may open the sentence (总书记…，强调：). */
        if (!speaker && a > sent && !el_text_is_sentence_end(stop) && stop != '\n') {
            if (!found && a > scanned) {
                size_t from =
                    scanned >= sent + EL_SPEAKER_OVERLAP ? scanned - EL_SPEAKER_OVERLAP : sent;
                while (from > sent && ((unsigned char)s[from] & 0xC0) == 0x80)
                    from--;
                found = names_speaker(L, s, from, a);
                scanned = a;
            }
            speaker = found;
        }
        if (speaker)
            continue;
        char arg[16];
        memcpy(arg, s + vstart, v);
        arg[v] = '\0';
        add(L, EL_RULE_QUOTE_UNATTRIBUTED, L->span_off + vstart, L->span_sec, arg);
    }
}

static void rule_unattributed(lint *L)
{
    each_span(L, span_unattributed);
}

static void plain_rule_unattributed(lint *L)
{
    each_span(L, plain_span_unattributed);
}

/* Paragraphs of verbs before colons and quotations, sentence ends (some at the very start),
   speakers, adverbs and clause marks. */
static void test_unattributed(void **state)
{
    (void)state;
    static const char *const pieces[] = {"强调",
                                         "指出",
                                         "提出",
                                         "表示",
                                         "：",
                                         ":",
                                         "“",
                                         "”",
                                         "。",
                                         "！",
                                         "？",
                                         "!",
                                         "?",
                                         "，",
                                         "；",
                                         "总书记",
                                         "专家",
                                         "他",
                                         "《意见》",
                                         "明确",
                                         "也",
                                         "进一步",
                                         "正如",
                                         "的",
                                         "甲",
                                         "乙",
                                         "国",
                                         "a",
                                         " ",
                                         "”。",
                                         "：“",
                                         "强调：“",
                                         "，指出：“",
                                         "。提出：“",
                                         "，表示:“",
                                         "。总书记，",
                                         "，明确强调：“",
                                         "。。",
                                         "！”"};
    test_seed(605);
    size_t fired = 0, quiet = 0;
    for (int iter = 0; iter < 3000; iter++) {
        buf t = {0};
        put(&t, "标题\n\n");
        size_t np = 1 + test_below(3);
        for (size_t p = 0; p < np; p++) {
            put(&t, "　　");
            for (size_t k = 2 + test_below(60); k > 0; k--)
                put(&t, PICK(pieces));
            put(&t, "\n\n");
        }
        el_doc *doc = el_parse("u.txt", t.v, t.n, NULL);
        assert_true(el_doc_ok(doc));
        el_analyze(doc, NULL);
        seen_findings fast = rule_findings(doc, rule_unattributed);
        seen_findings plain = rule_findings(doc, plain_rule_unattributed);
        same_findings(&fast, &plain, t.v);
        fired += plain.n;
        quiet += plain.n == 0;
        free(fast.v);
        free(plain.v);
        el_doc_free(doc);
        free(t.v);
    }
    assert_true(fired > 1000 && quiet > 100);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sentence_cps),    cmocka_unit_test(test_sentence_cps_long),
        cmocka_unit_test(test_formula_term),    cmocka_unit_test(test_rule_notes),
        cmocka_unit_test(test_conclusion_echo), cmocka_unit_test(test_unattributed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
