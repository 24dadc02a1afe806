/* SPDX-License-Identifier: MIT */
/*
 * The rule table and the one function through which every finding is raised.
 * Messages are written for a candidate reading them next to the draft: short,
 * concrete, and in Chinese unless --lang en asks otherwise.
 */
#include "rules.h"

#include <stdlib.h>
#include <string.h>

static const el_rule_info rules[EL_RULE_COUNT_] = {
    [EL_RULE_DECODE_INVALID_BYTES] = {"decode/invalid-bytes", EL_SEV_WARNING,
                                      "The input has bytes that are not valid in its encoding.",
                                      "输入含有无效字节，已替换为 U+FFFD",
                                      "invalid bytes in the input were replaced by U+FFFD",
                                      "输入含有当前编码下无效的字节"},
    [EL_RULE_STRUCTURE_TITLE_MISSING] = {"structure/title-missing", EL_SEV_ERROR,
                                         "The essay has no title line.", "缺少标题",
                                         "the essay has no title", "文章没有标题"},
    [EL_RULE_STRUCTURE_INTRO_MISSING] =
        {"structure/intro-missing", EL_SEV_WARNING,
         "No opening paragraph (总领段) that leads in and states the thesis.",
         "缺少开头（总领段），应先引出话题、亮明总论点",
         "no opening paragraph that leads in and states the thesis",
         "缺少引出话题、亮明总论点的开头（总领段）"},
    [EL_RULE_STRUCTURE_CONCLUSION_MISSING] =
        {"structure/conclusion-missing", EL_SEV_WARNING,
         "No concluding paragraph (结尾) that sums up the essay.",
         "缺少结尾段，应总结全文、升华主题", "no concluding paragraph that sums up the essay",
         "缺少总结全文的结尾段"},
    [EL_RULE_STRUCTURE_ARGUMENT_COUNT] =
        {"structure/argument-count", EL_SEV_WARNING,
         "The number of sub-arguments (分论点) is outside 2-4 (3 is ideal).",
         "分论点有 %s 个，一般宜 2–4 个（3 个最佳）", "%s sub-arguments; 2-4 is usual, 3 is ideal",
         "分论点个数不在 2–4 个之间（3 个最佳）"},
    [EL_RULE_STRUCTURE_ARGUMENT_PARALLEL] =
        {"structure/argument-parallel", EL_SEV_INFO,
         "The sub-argument topic sentences differ in length or in frame (not parallel).",
         "分论点句不对称：%s", "the topic sentences of the sub-arguments are not parallel: %s",
         "各分论点句长短或句式不对称"},
    [EL_RULE_STRUCTURE_CONCLUSION_ECHO] =
        {"structure/conclusion-echo", EL_SEV_INFO,
         "The conclusion shares no keyword with the title or the sub-argument titles.",
         "结尾没有呼应标题或分论点（二者的关键词都未出现）",
         "the conclusion echoes neither the title nor the sub-arguments (no shared keyword)",
         "结尾与标题、分论点没有共同的关键词"},
    [EL_RULE_LENGTH_TOTAL] =
        {"length/total", EL_SEV_WARNING,
         "The grid count of title and text is outside the expected range (default 1000-1200).",
         "全文 %s 字，不在 %s–%s 字的要求范围内",
         "%s characters in all, outside the expected %s-%s",
         "标题与正文的字数（按方格计）不在要求范围内（默认 1000–1200）"},
    [EL_RULE_LENGTH_PARAGRAPH] =
        {"length/paragraph", EL_SEV_INFO,
         "A paragraph is too long or too short (default 30-400 characters).",
         "本段 %s 字，不在 %s–%s 字的适宜范围内", "paragraph of %s characters, outside %s-%s",
         "段落过长或过短（默认 30–400 字）"},
    [EL_RULE_LENGTH_SENTENCE] = {"length/sentence", EL_SEV_INFO,
                                 "A sentence is too long (default over 120 characters).",
                                 "句子过长（%s 字，宜不超过 %s 字），可拆分",
                                 "sentence of %s characters (at most %s); split it",
                                 "句子过长（默认超过 120 字）"},
    [EL_RULE_EVIDENCE_NO_CASE] =
        {"evidence/no-case", EL_SEV_WARNING,
         "A sub-argument has no concrete case (a practice tied to a place).",
         "分论点 %s 缺少具体案例", "sub-argument %s has no concrete case",
         "分论点缺少具体案例（与地点相关的做法）"},
    [EL_RULE_EVIDENCE_NO_DATA] = {"evidence/no-data", EL_SEV_INFO,
                                  "A sub-argument has no statistics.", "分论点 %s 缺少数据支撑",
                                  "sub-argument %s has no statistics", "分论点缺少数据"},
    [EL_RULE_EVIDENCE_NO_COUNTERMEASURE] =
        {"evidence/no-countermeasure", EL_SEV_WARNING,
         "A sub-argument proposes no countermeasure (要/应/需/建议 ...).",
         "分论点 %s 缺少对策（怎么办）", "sub-argument %s proposes no countermeasure",
         "分论点没有提出对策（要/应/需/建议……）"},
    [EL_RULE_EVIDENCE_REGION_COVERAGE] =
        {"evidence/region-coverage", EL_SEV_INFO,
         "All cases with a province come from one economic region.",
         "案例都来自%s地区，可补充其他地区的案例",
         "all cases come from the %s region; add cases from other regions",
         "有省份的案例都来自同一经济区域"},
    [EL_RULE_EVIDENCE_REPEATED_CASE] =
        {"evidence/repeated-case", EL_SEV_WARNING,
         "The same case (place and initiative) is used in two sections.",
         "案例%s已在前文其他部分用过", "the case %s is already used in an earlier section",
         "同一案例（地点与做法）在两个部分重复使用"},
    [EL_RULE_QUOTE_UNBALANCED] =
        {"quote/unbalanced", EL_SEV_ERROR,
         "A quotation mark or bracket (“” 《》 （） 【】) has no partner in its paragraph.",
         "本段中的 %s 没有配对", "unmatched %s in this paragraph",
         "引号或括号（“” 《》 （） 【】）在本段中没有配对"},
    [EL_RULE_QUOTE_UNATTRIBUTED] =
        {"quote/unattributed", EL_SEV_WARNING,
         "A quotation introduced by 强调/指出/提出 has no speaker or source.",
         "“%s：”前没有说明是谁说的，应写明引用来源",
         "nobody is named before “%s:”; say whose words these are",
         "以“强调/指出/提出”引出的引文没有说明出处"},
    [EL_RULE_QUOTE_MISQUOTED] = {"quote/misquoted", EL_SEV_WARNING,
                                 "A well-known quotation differs from its canonical wording.",
                                 "引文与原文不符，原文为“%s”", "misquoted; the original reads “%s”",
                                 "名言引文与原文不符"},
    [EL_RULE_PUNCT_HALFWIDTH] = {"punct/halfwidth", EL_SEV_WARNING,
                                 "Half-width punctuation (, : ; ? ! ( )) in Chinese text.",
                                 "中文中使用了半角标点“%s”，应为“%s”",
                                 "half-width “%s” in Chinese text; use “%s”",
                                 "中文中使用了半角标点（, : ; ? ! ( )）"},
    [EL_RULE_PUNCT_ELLIPSIS] = {"punct/ellipsis", EL_SEV_WARNING,
                                "An ellipsis written as ... or 。。。 or a single …",
                                "省略号应写作“……”，而非“%s”",
                                "write the ellipsis as “……”, not “%s”",
                                "省略号写成 ...、。。。 或单个 …"},
    [EL_RULE_STYLE_COLLOQUIAL] = {"style/colloquial", EL_SEV_WARNING,
                                  "Colloquial wording in a formal essay.",
                                  "口语化表达“%s”，宜改为书面语",
                                  "colloquial wording “%s”; use formal written Chinese",
                                  "正式文章中的口语化表达"},
    [EL_RULE_STYLE_FIRST_PERSON] = {"style/first-person", EL_SEV_INFO,
                                    "First-person wording (我认为, 我觉得 ...).",
                                    "第一人称表达“%s”，申论宜用客观表述",
                                    "first-person wording “%s”; prefer an impersonal voice",
                                    "第一人称表达（我认为、我觉得……）"},
    [EL_RULE_NOTES_CLAIM_NOT_FOUND] =
        {"notes/claim-not-found", EL_SEV_WARNING,
         "A 写作分析 note names a term, number, place or device that the essay lacks.",
         "点评提到“%s”，但正文中找不到", "the note mentions “%s” but the essay text lacks it",
         "写作分析提到的词语、数字、地点或修辞在正文中找不到"},
    [EL_RULE_COMMENT_UNKNOWN_RULE] =
        {"comment/unknown-rule", EL_SEV_WARNING,
         "An essaylint-disable/enable comment names a rule that does not exist.",
         "essaylint 注释中的规则“%s”不存在，该注释对它不起作用",
         "no rule “%s”: the essaylint comment has no effect on it",
         "essaylint 注释中写了不存在的规则"},
};

const el_rule_info *el_rule(int rule)
{
    return rule >= 0 && rule < EL_RULE_COUNT_ ? &rules[rule] : NULL;
}

size_t el_rule_count(void)
{
    return EL_RULE_COUNT_;
}

int el_rule_findn(const char *s, size_t n)
{
    for (int i = 0; i < EL_RULE_COUNT_; i++)
        if (strlen(rules[i].id) == n && memcmp(rules[i].id, s, n) == 0)
            return i;
    return -1;
}

int el_rule_find(const char *id)
{
    return el_rule_findn(id, strlen(id));
}

const char *el_severity_name(int severity)
{
    static const char *const names[] = {"info", "warning", "error"};
    return severity >= 0 && severity <= EL_SEV_ERROR ? names[severity] : "off";
}

void el_finding_add(el_doc *doc, int rule, size_t src_off, int section, const char *arg)
{
    el_finding *f = EL_VEC_PUSH(doc->findings);
    f->rule = rule;
    f->severity = (int)rules[rule].severity;
    f->src_off = src_off;
    f->section = section;
    f->arg = arg ? xstrdup(arg) : NULL;
}

/* A growable output string for message formatting: the caller's buffer, reused. */
typedef struct buf {
    char *s;
    size_t n, cap;
} buf;

static void put(buf *b, const char *s, size_t n)
{
    if (b->cap - b->n < n + 1) /* rare: the buffer is reused from finding to finding */
        b->s = xgrow(b->s, &b->cap, b->n + n + 1, 1);
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
}

/* Append value v[0..n), picking its language variant when it has two. */
static void put_value(buf *b, const char *v, size_t n, bool english)
{
    const char *sep = memchr(v, EL_ARG_LANG[0], n);
    if (sep == NULL)
        put(b, v, n);
    else if (english)
        put(b, sep + 1, n - (size_t)(sep + 1 - v));
    else
        put(b, v, (size_t)(sep - v));
}

size_t el_finding_message_into(const el_finding *f, bool english, char **out, size_t *cap)
{
    buf b = {*out, 0, *out ? *cap : 0};
    const el_rule_info *r = el_rule(f->rule);
    const char *arg = f->arg ? f->arg : "";
    if (b.cap < 256) /* room for most messages at once, not in doublings from 8 */
        b.s = xgrow(b.s, &b.cap, 256, 1);
    put(&b, "", 0);
    if (arg[0] == EL_ARG_MORE[0]) {
        if (!english)
            put(&b, "另有 ", strlen("另有 "));
        put(&b, arg + 1, strlen(arg + 1));
        if (english)
            put(&b, " more like this not listed", strlen(" more like this not listed"));
        else
            put(&b, " 处同类问题未逐一列出", strlen(" 处同类问题未逐一列出"));
    } else {
        const char *fmt = english ? r->msg_en : r->msg_zh;
        const char *a = arg, *aend = arg + strlen(arg);
        for (const char *p = fmt; *p;) {
            const char *pct = strchr(p, '%'); /* the next "%s" */
            while (pct && pct[1] != 's')
                pct = strchr(pct + 1, '%');
            if (pct == NULL) {
                put(&b, p, strlen(p));
                break;
            }
            put(&b, p, (size_t)(pct - p));
            const char *sep = memchr(a, EL_ARG_SEP[0], (size_t)(aend - a));
            const char *vend = sep ? sep : aend;
            put_value(&b, a, (size_t)(vend - a), english);
            a = sep ? sep + 1 : aend;
            p = pct + 2;
        }
    }
    *out = b.s;
    *cap = b.cap;
    return b.n;
}

char *el_finding_message(const el_finding *f, bool english)
{
    char *s = NULL;
    size_t cap = 0;
    el_finding_message_into(f, english, &s, &cap);
    return s;
}

/* Order of findings: by position, then by rule; a total order, so that output never depends
   on how the sort treats equal keys. */
static int finding_cmp(const el_finding *x, const el_finding *y)
{
    if (x->src_off != y->src_off)
        return x->src_off < y->src_off ? -1 : 1;
    if (x->rule != y->rule)
        return x->rule - y->rule;
    if (x->section != y->section)
        return x->section - y->section;
    return strcmp(x->arg ? x->arg : "", y->arg ? y->arg : "");
}

/* End of the run in order that starts at v[lo] (lo < n). */
static size_t run_end(const el_finding *v, size_t n, size_t lo)
{
    size_t i = lo + 1;
    while (i < n && finding_cmp(&v[i - 1], &v[i]) <= 0)
        i++;
    return i;
}

/* Merge the runs in order a[lo..mid) and a[mid..hi) into out[lo..hi), the left first on ties. */
static void merge(const el_finding *a, size_t lo, size_t mid, size_t hi, el_finding *out)
{
    size_t i = lo, j = mid, o = lo;
    while (i < mid && j < hi)
        out[o++] = finding_cmp(&a[j], &a[i]) < 0 ? a[j++] : a[i++];
    while (i < mid)
        out[o++] = a[i++];
    while (j < hi)
        out[o++] = a[j++];
}

void el_findings_sort(el_doc *doc)
{
    /* Offsets in `text` order the same way as line/column. Each rule raises its findings along
       the text, so they come in a few runs already in order (the second call, after el_lint,
       finds one): merging the runs (a natural merge sort) costs a comparison or so per finding
       and run, where qsort makes n log n calls. */
    el_finding *v = doc->findings.v;
    size_t n = doc->findings.n;
    if (n < 2 || run_end(v, n, 0) == n)
        return;
    el_finding local[64];
    el_finding *tmp = n <= sizeof local / sizeof local[0] ? local : xmalloc(n * sizeof *tmp);
    el_finding *from = v, *to = tmp;
    for (size_t runs = 0; runs != 1;) {
        runs = 0;
        for (size_t lo = 0; lo < n; runs++) {
            size_t mid = run_end(from, n, lo);
            size_t hi = mid < n ? run_end(from, n, mid) : n;
            merge(from, lo, mid, hi, to);
            lo = hi;
        }
        el_finding *t = from;
        from = to;
        to = t;
    }
    if (from != v)
        memcpy(v, from, n * sizeof *v);
    if (tmp != local)
        free(tmp);
}
