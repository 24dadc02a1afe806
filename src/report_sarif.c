/* SPDX-License-Identifier: MIT */
/*
 * The SARIF 2.1.0 reporter, for code-scanning UIs and editors' problem lists.
 * One run whose driver lists every rule of the table; each finding becomes a
 * result with a physical location (columns in code points, as the JSON report
 * counts them). Inputs that could not be read become tool execution
 * notifications, and every input is an artifact, so no path goes unreported.
 * Written as a stream (begin, results per document, end) so a batch of
 * thousands of drafts never holds more than one document in memory.
 */
#include "report.h"

#include "decode.h"
#include "rules.h"

#include <cJSON.h>
#include <stdlib.h>
#include <string.h>

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"

static const char *level_of(int severity)
{
    return severity == EL_SEV_ERROR ? "error" : severity == EL_SEV_WARNING ? "warning" : "note";
}

/* A path as a URI reference: bytes outside the unreserved set and '/' percent-encoded. */
static char *uri_of(const char *path)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t n = strlen(path);
    char *u = xmalloc(3 * n + 1), *p = u;
    for (const unsigned char *s = (const unsigned char *)path; *s; s++) {
        if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
            strchr("-._~/", *s) != NULL) {
            *p++ = (char)*s;
        } else {
            *p++ = '%';
            *p++ = hex[*s >> 4];
            *p++ = hex[*s & 15];
        }
    }
    *p = '\0';
    return u;
}

/* Print and free a cJSON tree on one line. */
static int put_json(cJSON *j, FILE *out)
{
    char *s = cJSON_PrintUnformatted(j);
    cJSON_Delete(j);
    if (s == NULL)
        return -1;
    fputs(s, out);
    cJSON_free(s);
    return ferror(out) ? -1 : 0;
}

static void add_text(cJSON *o, const char *key, const char *text)
{
    cJSON *m = cJSON_AddObjectToObject(o, key);
    cJSON_AddStringToObject(m, "text", text);
}

/* The zh message template with its "%s" slots shown as "…", for the help text. */
static char *template_text(const char *msg)
{
    size_t n = strlen(msg);
    char *t = xmalloc(n * 2 + 1), *p = t;
    for (const char *s = msg; *s; s++) {
        if (s[0] == '%' && s[1] == 's') {
            memcpy(p, "…", strlen("…"));
            p += strlen("…");
            s++;
        } else {
            *p++ = *s;
        }
    }
    *p = '\0';
    return t;
}

int el_report_sarif_begin(const el_report_options *opt, FILE *out)
{
    (void)opt;
    cJSON *tool = cJSON_CreateObject();
    cJSON *driver = cJSON_AddObjectToObject(tool, "driver");
    cJSON_AddStringToObject(driver, "name", "essaylint");
    cJSON_AddStringToObject(driver, "version", EL_VERSION);
    cJSON_AddStringToObject(driver, "semanticVersion", EL_VERSION);
    cJSON *rules = cJSON_AddArrayToObject(driver, "rules");
    for (size_t i = 0; i < el_rule_count(); i++) {
        const el_rule_info *r = el_rule((int)i);
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "id", r->id);
        add_text(o, "shortDescription", r->description);
        add_text(o, "fullDescription", r->description);
        char *zh = template_text(r->msg_zh), *en = template_text(r->msg_en);
        size_t hl = strlen(r->description) + strlen(zh) + strlen(en) + 32;
        char *help = xmalloc(hl);
        snprintf(help, hl, "%s\nMessage: %s\n消息：%s", r->description, en, zh);
        add_text(o, "help", help);
        free(help);
        free(zh);
        free(en);
        cJSON *dc = cJSON_AddObjectToObject(o, "defaultConfiguration");
        cJSON_AddStringToObject(dc, "level", level_of(r->severity));
        cJSON *props = cJSON_AddObjectToObject(o, "properties");
        cJSON *tags = cJSON_AddArrayToObject(props, "tags");
        const char *slash = strchr(r->id, '/');
        char *area = xstrndup(r->id, slash ? (size_t)(slash - r->id) : strlen(r->id));
        cJSON_AddItemToArray(tags, cJSON_CreateString(area));
        free(area);
        cJSON_AddItemToArray(rules, o);
    }
    fputs("{\"$schema\":\"" SARIF_SCHEMA "\",\"version\":\"2.1.0\",\"runs\":[{\"tool\":", out);
    if (put_json(tool, out) != 0)
        return -1;
    fputs(",\"columnKind\":\"unicodeCodePoints\",\"results\":[", out);
    return ferror(out) ? -1 : 0;
}

/* {"uri": ..., "index": i} */
static cJSON *artifact_location(const el_doc *doc, size_t artifact)
{
    cJSON *al = cJSON_CreateObject();
    char *uri = uri_of(doc->path);
    cJSON_AddStringToObject(al, "uri", uri);
    free(uri);
    cJSON_AddNumberToObject(al, "index", (double)artifact);
    return al;
}

int el_report_sarif_results(const el_doc *doc, const el_report_options *opt, size_t artifact,
                            FILE *out)
{
    if (!doc->ok)
        return 0;
    bool english = opt && opt->english;
    el_pos_cursor cur = {0}; /* findings are sorted: each position counted on from the last */
    char *msg = NULL;        /* one buffer for every message */
    size_t cap = 0;
    int rc = 0;
    for (size_t i = 0; i < doc->findings.n && rc == 0; i++) {
        const el_finding *f = &doc->findings.v[i];
        size_t line, col;
        el_doc_pos_near(doc, &cur, f->src_off, &line, &col);
        cJSON *r = cJSON_CreateObject();
        cJSON_AddStringToObject(r, "ruleId", el_rule(f->rule)->id);
        cJSON_AddNumberToObject(r, "ruleIndex", f->rule);
        cJSON_AddStringToObject(r, "level", level_of(f->severity));
        el_finding_message_into(f, english, &msg, &cap);
        add_text(r, "message", msg);
        cJSON *locs = cJSON_AddArrayToObject(r, "locations");
        cJSON *loc = cJSON_CreateObject();
        cJSON *pl = cJSON_AddObjectToObject(loc, "physicalLocation");
        cJSON_AddItemToObject(pl, "artifactLocation", artifact_location(doc, artifact));
        cJSON *region = cJSON_AddObjectToObject(pl, "region");
        cJSON_AddNumberToObject(region, "startLine", (double)line);
        cJSON_AddNumberToObject(region, "startColumn", (double)col);
        cJSON_AddItemToArray(locs, loc);
        if (i > 0)
            fputs(",\n", out);
        rc = put_json(r, out);
    }
    free(msg);
    if (rc != 0)
        return -1;
    return ferror(out) ? -1 : (int)doc->findings.n;
}

int el_report_sarif_artifact(const el_doc *doc, FILE *out)
{
    cJSON *a = cJSON_CreateObject();
    cJSON *loc = cJSON_AddObjectToObject(a, "location");
    char *uri = uri_of(doc->path);
    cJSON_AddStringToObject(loc, "uri", uri);
    free(uri);
    if (doc->ok) {
        cJSON_AddStringToObject(a, "encoding", el_decode_name(doc->encoding));
        cJSON_AddStringToObject(a, "mimeType",
                                doc->format == EL_INPUT_MARKDOWN ? "text/markdown" : "text/plain");
    }
    return put_json(a, out);
}

int el_report_sarif_notification(const el_doc *doc, size_t artifact, FILE *out)
{
    if (doc->ok)
        return 0;
    cJSON *nt = cJSON_CreateObject();
    cJSON_AddStringToObject(nt, "level", "error");
    size_t ml = strlen(doc->path) + (doc->error_message ? strlen(doc->error_message) : 0) + 3;
    char *msg = xmalloc(ml);
    snprintf(msg, ml, "%s: %s", doc->path, doc->error_message ? doc->error_message : "");
    add_text(nt, "message", msg);
    free(msg);
    cJSON *desc = cJSON_AddObjectToObject(nt, "descriptor");
    cJSON_AddStringToObject(desc, "id", doc->error_code ? doc->error_code : "error");
    cJSON *locs = cJSON_AddArrayToObject(nt, "locations");
    cJSON *loc = cJSON_CreateObject();
    cJSON *pl = cJSON_AddObjectToObject(loc, "physicalLocation");
    cJSON_AddItemToObject(pl, "artifactLocation", artifact_location(doc, artifact));
    cJSON_AddItemToArray(locs, loc);
    return put_json(nt, out);
}

int el_report_sarif_end(const char *artifacts, const char *notifications, bool success, FILE *out)
{
    fprintf(out,
            "\n],\"artifacts\":[%s],\"invocations\":[{\"executionSuccessful\":%s,"
            "\"toolExecutionNotifications\":[%s]}]}]}\n",
            artifacts ? artifacts : "", success ? "true" : "false",
            notifications ? notifications : "");
    return ferror(out) ? -1 : 0;
}
