/* SPDX-License-Identifier: MIT */
/*
 * Accuracy scorer behind `make accuracy` (tests/accuracy.sh compiles and runs it).
 *
 * Usage: accuracy [--min R] TRUTH OUTPUT [TRUTH OUTPUT ...]
 *
 * TRUTH is a hand-made tests/accuracy/<sample>.json ({"title", "sections": [{"kind", "title"}],
 * "cases": [{"place", "province", "polarity", "name"}], "statistics": [{"text", "value",
 * "kind"}]}); OUTPUT holds essaylint's --format jsonl line for the same sample. Cases match by
 * place text and province, statistics by text and value (each item at most once). Prints, per
 * file and in total, precision and recall of cases and statistics, the agreement of the
 * matched items' polarity, name and kind, and of the section kinds, and lists every missing
 * and spurious item so whoever improves an extractor sees what to fix. Exits 1 when the total
 * precision or recall of cases or statistics is below R (default 0.95), 2 on a usage or input
 * error.
 */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

/* Counters of one comparison (one file, or the total). */
struct score {
    int truth, found, matched; /* items in the truth, in the output, matched */
    int attr_ok, attr_total;   /* matched items whose attributes (polarity, name / kind) agree */
    int attr2_ok, attr2_total; /* second attribute (name) for cases */
};

struct totals {
    struct score cases, stats;
    int sec_ok, sec_total;
};

/* Read a whole file, NUL-terminated; NULL on failure. */
static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t n = 0, cap = 1 << 16;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (n + 1 == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                buf = NULL;
            }
            buf = nb;
        }
    }
    fclose(f);
    if (buf)
        buf[n] = 0;
    return buf;
}

/* A string member, or NULL when absent or JSON null. */
static const char *str_of(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* Whether two nullable strings are equal (both null counts as equal). */
static bool same(const char *a, const char *b)
{
    return (!a && !b) || (a && b && !strcmp(a, b));
}

static const char *show(const char *s)
{
    return s ? s : "null";
}

static bool same_value(const cJSON *a, const cJSON *b)
{
    if (!cJSON_IsNumber(a) || !cJSON_IsNumber(b))
        return false;
    double x = a->valuedouble, y = b->valuedouble;
    return fabs(x - y) <= 1e-9 * (fabs(x) > 1 ? fabs(x) : 1);
}

static bool case_match(const cJSON *t, const cJSON *o)
{
    return same(str_of(t, "place"), str_of(o, "place")) &&
           same(str_of(t, "province"), str_of(o, "province"));
}

static bool stat_match(const cJSON *t, const cJSON *o)
{
    return same(str_of(t, "text"), str_of(o, "text")) &&
           same_value(cJSON_GetObjectItemCaseSensitive(t, "value"),
                      cJSON_GetObjectItemCaseSensitive(o, "value"));
}

/* Position "line:col" of an output item, for the mismatch list. */
static void pos_of(const cJSON *o, char *buf, size_t n)
{
    const cJSON *l = cJSON_GetObjectItemCaseSensitive(o, "line");
    const cJSON *c = cJSON_GetObjectItemCaseSensitive(o, "column");
    if (cJSON_IsNumber(l) && cJSON_IsNumber(c))
        snprintf(buf, n, " at %d:%d", l->valueint, c->valueint);
    else
        buf[0] = 0;
}

/*
 * Match the truth array against the output array (greedy, each output item once, in order),
 * count into sc and print the mismatches. is_case selects the case or the statistic rules.
 */
static void compare(const cJSON *truth, const cJSON *out, bool is_case, struct score *sc)
{
    int nt = cJSON_GetArraySize(truth), no = cJSON_GetArraySize(out);
    bool *used = calloc((size_t)(no > 0 ? no : 1), 1);
    char pos[48];
    sc->truth += nt;
    sc->found += no;
    for (int i = 0; i < nt; i++) {
        const cJSON *t = cJSON_GetArrayItem(truth, i);
        int hit = -1;
        for (int j = 0; j < no && hit < 0; j++)
            if (!used[j] && (is_case ? case_match(t, cJSON_GetArrayItem(out, j))
                                     : stat_match(t, cJSON_GetArrayItem(out, j))))
                hit = j;
        if (hit < 0) {
            if (is_case)
                printf("    missing case: %s (%s, %s, name %s)\n", show(str_of(t, "place")),
                       show(str_of(t, "province")), show(str_of(t, "polarity")),
                       show(str_of(t, "name")));
            else
                printf("    missing statistic: %s = %g (%s)\n", show(str_of(t, "text")),
                       cJSON_GetObjectItemCaseSensitive(t, "value")
                           ? cJSON_GetObjectItemCaseSensitive(t, "value")->valuedouble
                           : 0.0,
                       show(str_of(t, "kind")));
            continue;
        }
        used[hit] = true;
        sc->matched++;
        const cJSON *o = cJSON_GetArrayItem(out, hit);
        pos_of(o, pos, sizeof pos);
        if (is_case) {
            sc->attr_total++;
            if (same(str_of(t, "polarity"), str_of(o, "polarity")))
                sc->attr_ok++;
            else
                printf("    polarity of %s%s: want %s, got %s\n", show(str_of(t, "place")), pos,
                       show(str_of(t, "polarity")), show(str_of(o, "polarity")));
            sc->attr2_total++;
            if (same(str_of(t, "name"), str_of(o, "name")))
                sc->attr2_ok++;
            else
                printf("    name of %s%s: want %s, got %s\n", show(str_of(t, "place")), pos,
                       show(str_of(t, "name")), show(str_of(o, "name")));
        } else {
            sc->attr_total++;
            if (same(str_of(t, "kind"), str_of(o, "kind")))
                sc->attr_ok++;
            else
                printf("    kind of %s%s: want %s, got %s\n", show(str_of(t, "text")), pos,
                       show(str_of(t, "kind")), show(str_of(o, "kind")));
        }
    }
    for (int j = 0; j < no; j++) {
        if (used[j])
            continue;
        const cJSON *o = cJSON_GetArrayItem(out, j);
        pos_of(o, pos, sizeof pos);
        if (is_case)
            printf("    spurious case: %s (%s, %s, name %s)%s\n", show(str_of(o, "place")),
                   show(str_of(o, "province")), show(str_of(o, "polarity")),
                   show(str_of(o, "name")), pos);
        else
            printf("    spurious statistic: %s = %g (%s)%s\n", show(str_of(o, "text")),
                   cJSON_GetObjectItemCaseSensitive(o, "value")
                       ? cJSON_GetObjectItemCaseSensitive(o, "value")->valuedouble
                       : 0.0,
                   show(str_of(o, "kind")), pos);
    }
    free(used);
}

/* Section kinds, position by position; the longer list is the denominator. */
static void compare_sections(const cJSON *truth, const cJSON *out, int *ok, int *total)
{
    int nt = cJSON_GetArraySize(truth), no = cJSON_GetArraySize(out);
    int n = nt > no ? nt : no, good = 0;
    for (int i = 0; i < n; i++) {
        const char *a = i < nt ? str_of(cJSON_GetArrayItem(truth, i), "kind") : NULL;
        const char *b = i < no ? str_of(cJSON_GetArrayItem(out, i), "kind") : NULL;
        if (a && b && !strcmp(a, b))
            good++;
    }
    if (good != n) {
        printf("    section kinds: want");
        for (int i = 0; i < nt; i++)
            printf(" %s", show(str_of(cJSON_GetArrayItem(truth, i), "kind")));
        printf("; got");
        for (int i = 0; i < no; i++)
            printf(" %s", show(str_of(cJSON_GetArrayItem(out, i), "kind")));
        printf("\n");
    }
    *ok += good;
    *total += n;
}

static double ratio(int a, int b)
{
    return b ? (double)a / b : 1.0;
}

/* "P 0.950 R 1.000 (matched/found/truth)" */
static void print_pr(const char *what, const struct score *s)
{
    printf("  %-10s precision %.3f  recall %.3f  (%d matched, %d found, %d expected)\n", what,
           ratio(s->matched, s->found), ratio(s->matched, s->truth), s->matched, s->found,
           s->truth);
}

static void add(struct score *t, const struct score *s)
{
    t->truth += s->truth;
    t->found += s->found;
    t->matched += s->matched;
    t->attr_ok += s->attr_ok;
    t->attr_total += s->attr_total;
    t->attr2_ok += s->attr2_ok;
    t->attr2_total += s->attr2_total;
}

/* Score one truth/output pair; false on an unreadable input. */
static bool score_file(const char *truth_path, const char *out_path, struct totals *tot)
{
    char *tb = slurp(truth_path), *ob = slurp(out_path);
    cJSON *t = tb ? cJSON_Parse(tb) : NULL, *o = ob ? cJSON_Parse(ob) : NULL;
    const char *name = strrchr(truth_path, '/') ? strrchr(truth_path, '/') + 1 : truth_path;
    bool good = true;
    printf("%s\n", name);
    if (!t) {
        printf("    cannot read the truth file %s\n", truth_path);
        good = false;
    } else if (!o || !cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, "ok"))) {
        printf("    essaylint produced no analysis for this sample\n");
        struct score c = {0}, s = {0};
        c.truth = cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(t, "cases"));
        s.truth = cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(t, "statistics"));
        add(&tot->cases, &c);
        add(&tot->stats, &s);
    } else {
        struct score c = {0}, s = {0};
        int sok = 0, stot = 0;
        compare(cJSON_GetObjectItemCaseSensitive(t, "cases"),
                cJSON_GetObjectItemCaseSensitive(o, "cases"), true, &c);
        compare(cJSON_GetObjectItemCaseSensitive(t, "statistics"),
                cJSON_GetObjectItemCaseSensitive(o, "statistics"), false, &s);
        compare_sections(cJSON_GetObjectItemCaseSensitive(t, "sections"),
                         cJSON_GetObjectItemCaseSensitive(o, "sections"), &sok, &stot);
        print_pr("cases", &c);
        print_pr("statistics", &s);
        printf("  %-10s %d/%d kinds agree\n", "sections", sok, stot);
        add(&tot->cases, &c);
        add(&tot->stats, &s);
        tot->sec_ok += sok;
        tot->sec_total += stot;
    }
    cJSON_Delete(t);
    cJSON_Delete(o);
    free(tb);
    free(ob);
    return good;
}

int main(int argc, char **argv)
{
    double min = 0.95;
    int i = 1;
    if (i + 1 < argc && !strcmp(argv[i], "--min")) {
        min = atof(argv[i + 1]);
        i += 2;
    }
    if (argc - i < 2 || (argc - i) % 2) {
        fprintf(stderr, "usage: accuracy [--min R] TRUTH OUTPUT [TRUTH OUTPUT ...]\n");
        return 2;
    }
    struct totals tot = {0};
    bool inputs_ok = true;
    int files = 0;
    for (; i + 1 < argc; i += 2, files++)
        inputs_ok &= score_file(argv[i], argv[i + 1], &tot);

    double cp = ratio(tot.cases.matched, tot.cases.found);
    double cr = ratio(tot.cases.matched, tot.cases.truth);
    double sp = ratio(tot.stats.matched, tot.stats.found);
    double sr = ratio(tot.stats.matched, tot.stats.truth);
    printf("\nTOTAL over %d samples\n", files);
    print_pr("cases", &tot.cases);
    print_pr("statistics", &tot.stats);
    printf("  %-10s polarity %d/%d, name %d/%d of the matched cases agree\n", "", tot.cases.attr_ok,
           tot.cases.attr_total, tot.cases.attr2_ok, tot.cases.attr2_total);
    printf("  %-10s kind %d/%d of the matched statistics agree\n", "", tot.stats.attr_ok,
           tot.stats.attr_total);
    printf("  %-10s %d/%d kinds agree\n", "sections", tot.sec_ok, tot.sec_total);
    bool pass = cp >= min && cr >= min && sp >= min && sr >= min;
    printf("%s: case P/R %.3f/%.3f, statistic P/R %.3f/%.3f (minimum %.2f)\n",
           pass ? "PASS" : "FAIL", cp, cr, sp, sr, min);
    if (!inputs_ok)
        return 2;
    return pass ? 0 : 1;
}
