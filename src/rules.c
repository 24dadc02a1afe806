/* SPDX-License-Identifier: MIT */
/*
 * The rule table and the one function through which every finding is raised.
 * Messages are written for a candidate reading them next to the draft: short,
 * concrete, and in Chinese unless --lang en asks otherwise.
 */
#include "rules.h"

#include <stdlib.h>
#include <string.h>

/* A message and its split (el_msg_split), from its pieces around the "%s": the message and
   the lengths come from the same literals, so they cannot disagree. */
/* clang-format off */
#define EL_MSG0(a) a, {0, {sizeof a - 1}}
#define EL_MSG1(a, b) a "%s" b, {1, {sizeof a - 1, sizeof b - 1}}
#define EL_MSG2(a, b, c) a "%s" b "%s" c, {2, {sizeof a - 1, sizeof b - 1, sizeof c - 1}}
#define EL_MSG3(a, b, c, d) \
    a "%s" b "%s" c "%s" d, {3, {sizeof a - 1, sizeof b - 1, sizeof c - 1, sizeof d - 1}}
/* clang-format on */

static const el_rule_info rules[EL_RULE_COUNT_] = {
    [EL_RULE_DECODE_INVALID_BYTES] = {"decode/invalid-bytes", EL_SEV_WARNING,
                                      "The input has bytes that are not valid in its encoding.",
                                      EL_MSG0("输入含有无效字节，已替换为 U+FFFD"),
                                      EL_MSG0("invalid bytes in the input were replaced by U+FFFD"),
                                      "输入含有当前编码下无效的字节"},
    [EL_RULE_STRUCTURE_TITLE_MISSING] = {"structure/title-missing", EL_SEV_ERROR,
                                         "The essay has no title line.", EL_MSG0("缺少标题"),
                                         EL_MSG0("the essay has no title"), "文章没有标题"},
    [EL_RULE_STRUCTURE_INTRO_MISSING] =
        {"structure/intro-missing", EL_SEV_WARNING,
         "No opening paragraph (总领段) that leads in and states the thesis.",
         EL_MSG0("缺少开头（总领段），应先引出话题、亮明总论点"),
         EL_MSG0("no opening paragraph that leads in and states the thesis"),
         "缺少引出话题、亮明总论点的开头（总领段）"},
    [EL_RULE_STRUCTURE_CONCLUSION_MISSING] =
        {"structure/conclusion-missing", EL_SEV_WARNING,
         "No concluding paragraph (结尾) that sums up the essay.",
         EL_MSG0("缺少结尾段，应总结全文、升华主题"),
         EL_MSG0("no concluding paragraph that sums up the essay"), "缺少总结全文的结尾段"},
    [EL_RULE_STRUCTURE_ARGUMENT_COUNT] =
        {"structure/argument-count", EL_SEV_WARNING,
         "The number of sub-arguments (分论点) is outside 2-4 (3 is ideal).",
         EL_MSG1("分论点有 ", " 个，一般宜 2–4 个（3 个最佳）"),
         EL_MSG1("", " sub-arguments; 2-4 is usual, 3 is ideal"),
         "分论点个数不在 2–4 个之间（3 个最佳）"},
    [EL_RULE_STRUCTURE_ARGUMENT_PARALLEL] =
        {"structure/argument-parallel", EL_SEV_INFO,
         "The sub-argument topic sentences differ in length or in frame (not parallel).",
         EL_MSG1("分论点句不对称：", ""),
         EL_MSG1("the topic sentences of the sub-arguments are not parallel: ", ""),
         "各分论点句长短或句式不对称"},
    [EL_RULE_STRUCTURE_CONCLUSION_ECHO] =
        {"structure/conclusion-echo", EL_SEV_INFO,
         "The conclusion shares no keyword with the title or the sub-argument titles.",
         EL_MSG0("结尾没有呼应标题或分论点（二者的关键词都未出现）"),
         EL_MSG0(
             "the conclusion echoes neither the title nor the sub-arguments (no shared keyword)"),
         "结尾与标题、分论点没有共同的关键词"},
    [EL_RULE_LENGTH_TOTAL] =
        {"length/total", EL_SEV_WARNING,
         "The grid count of title and text is outside the expected range (default 1000-1200).",
         EL_MSG3("全文 ", " 字，不在 ", "–", " 字的要求范围内"),
         EL_MSG3("", " characters in all, outside the expected ", "-", ""),
         "标题与正文的字数（按方格计）不在要求范围内（默认 1000–1200）"},
    [EL_RULE_LENGTH_PARAGRAPH] =
        {"length/paragraph", EL_SEV_INFO,
         "A paragraph is too long or too short (default 30-400 characters).",
         EL_MSG3("本段 ", " 字，不在 ", "–", " 字的适宜范围内"),
         EL_MSG3("paragraph of ", " characters, outside ", "-", ""),
         "段落过长或过短（默认 30–400 字）"},
    [EL_RULE_LENGTH_SENTENCE] = {"length/sentence", EL_SEV_INFO,
                                 "A sentence is too long (default over 120 characters).",
                                 EL_MSG2("句子过长（", " 字，宜不超过 ", " 字），可拆分"),
                                 EL_MSG2("sentence of ", " characters (at most ", "); split it"),
                                 "句子过长（默认超过 120 字）"},
    [EL_RULE_EVIDENCE_NO_CASE] =
        {"evidence/no-case", EL_SEV_WARNING,
         "A sub-argument has no concrete case (a practice tied to a place).",
         EL_MSG1("分论点 ", " 缺少具体案例"), EL_MSG1("sub-argument ", " has no concrete case"),
         "分论点缺少具体案例（与地点相关的做法）"},
    [EL_RULE_EVIDENCE_NO_DATA] = {"evidence/no-data", EL_SEV_INFO,
                                  "A sub-argument has no statistics.",
                                  EL_MSG1("分论点 ", " 缺少数据支撑"),
                                  EL_MSG1("sub-argument ", " has no statistics"), "分论点缺少数据"},
    [EL_RULE_EVIDENCE_NO_COUNTERMEASURE] =
        {"evidence/no-countermeasure", EL_SEV_WARNING,
         "A sub-argument proposes no countermeasure (要/应/需/建议 ...).",
         EL_MSG1("分论点 ", " 缺少对策（怎么办）"),
         EL_MSG1("sub-argument ", " proposes no countermeasure"),
         "分论点没有提出对策（要/应/需/建议……）"},
    [EL_RULE_EVIDENCE_REGION_COVERAGE] =
        {"evidence/region-coverage", EL_SEV_INFO,
         "All cases with a province come from one economic region.",
         EL_MSG1("案例都来自", "地区，可补充其他地区的案例"),
         EL_MSG1("all cases come from the ", " region; add cases from other regions"),
         "有省份的案例都来自同一经济区域"},
    [EL_RULE_EVIDENCE_REPEATED_CASE] =
        {"evidence/repeated-case", EL_SEV_WARNING,
         "The same case (place and initiative) is used in two sections.",
         EL_MSG1("案例", "已在前文其他部分用过"),
         EL_MSG1("the case ", " is already used in an earlier section"),
         "同一案例（地点与做法）在两个部分重复使用"},
    [EL_RULE_QUOTE_UNBALANCED] =
        {"quote/unbalanced", EL_SEV_ERROR,
         "A quotation mark or bracket (“” 《》 （） 【】) has no partner in its paragraph.",
         EL_MSG1("本段中的 ", " 没有配对"), EL_MSG1("unmatched ", " in this paragraph"),
         "引号或括号（“” 《》 （） 【】）在本段中没有配对"},
    [EL_RULE_QUOTE_UNATTRIBUTED] =
        {"quote/unattributed", EL_SEV_WARNING,
         "A quotation introduced by 强调/指出/提出 has no speaker or source.",
         EL_MSG1("“", "：”前没有说明是谁说的，应写明引用来源"),
         EL_MSG1("nobody is named before “", ":”; say whose words these are"),
         "以“强调/指出/提出”引出的引文没有说明出处"},
    [EL_RULE_QUOTE_MISQUOTED] = {"quote/misquoted", EL_SEV_WARNING,
                                 "A well-known quotation differs from its canonical wording.",
                                 EL_MSG1("引文与原文不符，原文为“", "”"),
                                 EL_MSG1("misquoted; the original reads “", "”"),
                                 "名言引文与原文不符"},
    [EL_RULE_PUNCT_HALFWIDTH] = {"punct/halfwidth", EL_SEV_WARNING,
                                 "Half-width punctuation (, : ; ? ! ( )) in Chinese text.",
                                 EL_MSG2("中文中使用了半角标点“", "”，应为“", "”"),
                                 EL_MSG2("half-width “", "” in Chinese text; use “", "”"),
                                 "中文中使用了半角标点（, : ; ? ! ( )）"},
    [EL_RULE_PUNCT_ELLIPSIS] = {"punct/ellipsis", EL_SEV_WARNING,
                                "An ellipsis written as ... or 。。。 or a single …",
                                EL_MSG1("省略号应写作“……”，而非“", "”"),
                                EL_MSG1("write the ellipsis as “……”, not “", "”"),
                                "省略号写成 ...、。。。 或单个 …"},
    [EL_RULE_STYLE_COLLOQUIAL] = {"style/colloquial", EL_SEV_WARNING,
                                  "Colloquial wording in a formal essay.",
                                  EL_MSG1("口语化表达“", "”，宜改为书面语"),
                                  EL_MSG1("colloquial wording “", "”; use formal written Chinese"),
                                  "正式文章中的口语化表达"},
    [EL_RULE_STYLE_FIRST_PERSON] = {"style/first-person", EL_SEV_INFO,
                                    "First-person wording (我认为, 我觉得 ...).",
                                    EL_MSG1("第一人称表达“", "”，申论宜用客观表述"),
                                    EL_MSG1("first-person wording “",
                                            "”; prefer an impersonal voice"),
                                    "第一人称表达（我认为、我觉得……）"},
    [EL_RULE_NOTES_CLAIM_NOT_FOUND] =
        {"notes/claim-not-found", EL_SEV_WARNING,
         "A 写作分析 note names a term, number, place or device that the essay lacks.",
         EL_MSG1("点评提到“", "”，但正文中找不到"),
         EL_MSG1("the note mentions “", "” but the essay text lacks it"),
         "写作分析提到的词语、数字、地点或修辞在正文中找不到"},
    [EL_RULE_COMMENT_UNKNOWN_RULE] =
        {"comment/unknown-rule", EL_SEV_WARNING,
         "An essaylint-disable/enable comment names a rule that does not exist.",
         EL_MSG1("essaylint 注释中的规则“", "”不存在，该注释对它不起作用"),
         EL_MSG1("no rule “", "”: the essaylint comment has no effect on it"),
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
    f->arg = arg ? el_doc_strdup(doc, arg) : NULL;
}

/* Room for n more bytes and a NUL in *out (cap *cap), which is grown when short. */
static char *reserve(char **out, size_t *cap, size_t n)
{
    if (*out == NULL)
        *cap = 0;
    if (*cap < n + 1) /* rare: the buffer is reused from finding to finding */
        *out = xgrow(*out, cap, n + 1 < 256 ? 256 : n + 1, 1); /* most messages at once */
    return *out;
}

size_t el_finding_message_into(const el_finding *f, bool english, char **out, size_t *cap)
{
    const el_rule_info *r = el_rule(f->rule);
    const char *arg = f->arg ? f->arg : "";
    size_t alen = strlen(arg);
    if (arg[0] == EL_ARG_MORE[0]) {
        static const char zh0[] = "另有 ", zh1[] = " 处同类问题未逐一列出";
        static const char en1[] = " more like this not listed";
        const char *pre = english ? "" : zh0, *post = english ? en1 : zh1;
        size_t npre = english ? 0 : sizeof zh0 - 1,
               npost = english ? sizeof en1 - 1 : sizeof zh1 - 1;
        char *o = reserve(out, cap, npre + alen - 1 + npost);
        memcpy(o, pre, npre);
        memcpy(o + npre, arg + 1, alen - 1);
        memcpy(o + npre + alen - 1, post, npost);
        o[npre + alen - 1 + npost] = '\0';
        return npre + alen - 1 + npost;
    }
    const char *t = english ? r->msg_en : r->msg_zh;
    const el_msg_split *sp = english ? &r->split_en : &r->split_zh;
    /* The message is never longer than its template and the whole argument together. */
    size_t most = alen;
    for (unsigned i = 0; i <= sp->n; i++)
        most += sp->len[i];
    char *o0 = reserve(out, cap, most);
    char *o = o0;
    const char *a = arg, *aend = arg + alen;
    for (unsigned i = 0; i < sp->n; i++) {
        memcpy(o, t, sp->len[i]);
        o += sp->len[i];
        t += sp->len[i] + 2;
        /* The next value runs to EL_ARG_SEP; at its first EL_ARG_LANG the English begins. */
        const char *v = a, *lang = NULL;
        for (; a < aend && *a != EL_ARG_SEP[0]; a++)
            if (*a == EL_ARG_LANG[0] && lang == NULL)
                lang = a;
        const char *vs = lang && english ? lang + 1 : v, *ve = lang && !english ? lang : a;
        memcpy(o, vs, (size_t)(ve - vs));
        o += ve - vs;
        a += a < aend; /* past the separator */
    }
    memcpy(o, t, sp->len[sp->n]);
    o += sp->len[sp->n];
    *o = '\0';
    return (size_t)(o - o0);
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
