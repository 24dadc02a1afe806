/* SPDX-License-Identifier: MIT */
/*
 * The rule table and the one function through which every finding is raised.
 */
#include "rules.h"

#include <stdlib.h>
#include <string.h>

static const el_rule_info rules[EL_RULE_COUNT_] = {
    [EL_RULE_DECODE_INVALID_BYTES] = {"decode/invalid-bytes", EL_SEV_WARNING,
                                      "The input has bytes that are not valid in its encoding.",
                                      "输入含有无效字节，已替换为 U+FFFD",
                                      "invalid bytes in the input were replaced by U+FFFD"},
};

const el_rule_info *el_rule(int rule)
{
    return rule >= 0 && rule < EL_RULE_COUNT_ ? &rules[rule] : NULL;
}

size_t el_rule_count(void)
{
    return EL_RULE_COUNT_;
}

int el_rule_find(const char *id)
{
    for (int i = 0; i < EL_RULE_COUNT_; i++)
        if (strcmp(rules[i].id, id) == 0)
            return i;
    return -1;
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

char *el_finding_message(const el_finding *f, bool english)
{
    const el_rule_info *r = el_rule(f->rule);
    const char *fmt = english ? r->msg_en : r->msg_zh;
    const char *pct = strstr(fmt, "%s");
    if (pct == NULL)
        return xstrdup(fmt);
    const char *arg = f->arg ? f->arg : "";
    size_t n = strlen(fmt) - 2 + strlen(arg);
    char *out = xmalloc(n + 1);
    size_t k = (size_t)(pct - fmt);
    memcpy(out, fmt, k);
    strcpy(out + k, arg);
    strcat(out, pct + 2);
    return out;
}

static int by_offset(const void *a, const void *b)
{
    const el_finding *x = a, *y = b;
    if (x->src_off != y->src_off)
        return x->src_off < y->src_off ? -1 : 1;
    return x->rule - y->rule;
}

void el_findings_sort(el_doc *doc)
{
    /* Offsets in `text` order the same way as line/column. */
    qsort(doc->findings.v, doc->findings.n, sizeof *doc->findings.v, by_offset);
}
