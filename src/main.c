/* SPDX-License-Identifier: MIT */
/*
 * The command line: options, the list of inputs, worker threads and the output
 * envelope. All analysis and rendering live in the library; this file only
 * wires them to files and streams.
 *
 * Batches run on -j worker threads. Each worker renders one input's output into
 * memory buffers it reuses from input to input; the main thread writes copies of
 * them strictly in input order, through a bounded window, so the output is
 * byte-identical to -j 1 and memory stays small however many drafts there are.
 * With -j 1 the main thread does the work itself, so no input costs a hand-off
 * between threads. Output is written in large blocks, flushed whenever the run
 * would wait (for a worker, or for the next --jsonl-input record) and on a terminal
 * after every input. A closed pipe ends the run quietly; any other write error is
 * reported and exits 2.
 */
#include "config.h"
#include "decode.h"
#include "doc.h"
#include "fix.h"
#include "input.h"
#include "json_out.h"
#include "report.h"

#include <cJSON.h>
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

enum format { F_TEXT, F_JSON, F_JSONL, F_SARIF, F_CSV };
enum { FAIL_NEVER = 3, MAX_JOBS = 256 };

typedef struct cli {
    enum format format;
    bool format_set;
    el_options opt;
    el_report_options ropt;
    size_t max_size;
    bool debug_blocks, summary, list_rules, fix, fix_dry_run, jsonl_input, no_config;
    bool progress_off;
    int color;  /* -1 never, 0 auto, 1 always */
    long width; /* --width: -1 auto (the terminal's when stdout is one), else columns */
    int fail_on;
    long jobs;
    const char *stdin_name;
    const char *config_path;
    el_config *config; /* --config, shared read-only by the workers */
    EL_VEC(const char *) excludes;
    bool no_ignore;
} cli;

static void usage(FILE *out)
{
    fputs("usage: essaylint [OPTIONS] PATH...\n"
          "       essaylint --jsonl-input [OPTIONS] < records.jsonl\n"
          "Analyse 申论 essay drafts (Markdown or plain text; folders are walked for\n"
          "*.md, *.markdown and *.txt). PATH - reads standard input.\n"
          "\n"
          "Output:\n"
          "  -f, --format FMT        text (default), json, jsonl, sarif or csv\n"
          "      --summary           text: one table row per file instead of the reports;\n"
          "                          jsonl: the run's summary object on stderr\n"
          "      --color[=WHEN]      auto (default), always or never (NO_COLOR is honoured)\n"
          "      --width N           text: wrap finding lines at N columns, 0 never (default:\n"
          "                          the terminal's width on a terminal, else 0)\n"
          "      --lang LANG         zh (default) or en, for messages\n"
          "      --fail-on SEV       error (default), warning, info or never\n"
          "      --list-rules        print the rule table and exit\n"
          "      --debug-blocks      print every line with the role the parser gave it\n"
          "Input:\n"
          "      --encoding ENC      auto (default), utf-8, gb18030, utf-16le, utf-16be\n"
          "      --input FMT         markdown or text (default: by name, stdin by content)\n"
          "      --max-size BYTES    largest input to read (default 64M; K, M, G suffixes)\n"
          "      --stdin-filename N  name to report (and pick the format by) for stdin\n"
          "      --jsonl-input       read {\"id\":…,\"text\":…} lines on stdin, one report each\n"
          "      --exclude GLOB      leave matching paths out of folder walks (repeatable)\n"
          "      --no-ignore         do not read .essaylintignore files\n"
          "Configuration and fixes:\n"
          "      --config FILE       use FILE instead of the nearest .essaylint.json\n"
          "      --no-config         use the built-in defaults only\n"
          "      --fix               apply the certain fixes in place\n"
          "      --fix-dry-run       print the fixes as a diff instead of the reports\n"
          "Batches:\n"
          "  -j, --jobs N            worker threads (default: all cores)\n"
          "      --no-progress       no progress bar on stderr\n"
          "  -h, --help              this help\n"
          "  -V, --version           the version\n"
          "\n"
          "Exit status: 0 clean, 1 a finding reached --fail-on, 2 usage error, unreadable\n"
          "input or write error.\n",
          out);
}

/* ---- one input --------------------------------------------------------------------- */

/* A unit of work: an input path, or one line of --jsonl-input. */
typedef struct job {
    size_t seq;
    const el_input *in; /* file job */
    cJSON *rec;         /* jsonl job: the parsed record, or NULL when bad */
    char *bad;          /* jsonl job: why the line is not a record */
    size_t lineno;
    const el_config *cfg; /* jsonl job: its configuration, looked up with the parse */
    char *cfg_err;
    char *id_json; /* jsonl job: the record's "id" as JSON text, numbers as written; or NULL */
} job;

/* What a worker hands to the main thread for one input. */
typedef struct result {
    bool done;
    bool lent;     /* the buffers below are the worker's own (-j 1): not to be freed */
    bool in_place; /* out is not set: the report is the last outlen bytes of the output batch */
    char *out, *err, *artifact, *note;
    size_t outlen, errlen, artifactlen, notelen;
    int nresults;      /* sarif results in out */
    el_run_totals tot; /* this input alone */
    int maxsev;
    bool fix_failed;
    el_summary_row row;
} result;

static void fail_msg(FILE *err, const char *path, const char *msg)
{
    fprintf(err, "essaylint: %s: %s\n", path, msg);
}

/*
 * A memory stream reused from one input to the next: opened once, rewound for each input.
 * POSIX sets the size at fflush to the current position, so after a rewind only the new
 * bytes count (the buffer is not NUL-terminated there: use len). This spares an
 * open_memstream, with its zeroed buffer, per input and stream.
 */
typedef struct mstream {
    FILE *f;
    char *buf;
    size_t len;
} mstream;

/* A buffer larger than this is not kept for the next input: one huge draft must not pin
 * its report's memory for the rest of the run. */
enum { KEEP_BYTES = 1 << 20 };

/* The stream, empty. */
static FILE *ms_begin(mstream *s)
{
    if (s->f == NULL)
        s->f = open_memstream(&s->buf, &s->len);
    else
        rewind(s->f);
    return s->f;
}

/* Make buf and len describe what was written since ms_begin. */
static void ms_end(mstream *s)
{
    fflush(s->f);
}

static void ms_close(mstream *s)
{
    if (s->f)
        fclose(s->f);
    free(s->buf);
    *s = (mstream){0};
}

/* What one worker keeps from input to input. */
typedef struct wctx {
    mstream out, err, art, note;
    el_jw json; /* the JSON report, written straight into a reused buffer */
    /* The configuration lookup of the last draft's folder (see config_cached). */
    bool cfg_valid;
    char *cfg_dir, *cfg_err;
    size_t cfg_dirlen;
    const el_config *cfg;
} wctx;

static void wctx_free(wctx *wx)
{
    ms_close(&wx->out);
    ms_close(&wx->err);
    ms_close(&wx->art);
    ms_close(&wx->note);
    el_jw_free(&wx->json);
    free(wx->cfg_dir);
    free(wx->cfg_err);
}

/* Release what an unusually large input left in the buffers. */
static void wctx_trim(wctx *wx)
{
    mstream *ms[] = {&wx->out, &wx->err, &wx->art, &wx->note};
    for (size_t i = 0; i < sizeof ms / sizeof *ms; i++)
        if (ms[i]->len > KEEP_BYTES)
            ms_close(ms[i]);
    if (wx->json.cap > KEEP_BYTES)
        el_jw_free(&wx->json);
}

/* An owned copy of s[0..n), or NULL when n is 0. */
static char *dup_bytes(const char *s, size_t n)
{
    return n ? xstrndup(s, n) : NULL;
}

/* The configuration for a draft: --config, else the nearest .essaylint.json; on a bad
 * discovered file sets *err (malloc'd). */
static const el_config *config_for(const cli *c, const char *path, char **err)
{
    *err = NULL;
    if (c->config)
        return c->config;
    if (c->no_config)
        return NULL;
    return el_config_for_file(path, err);
}

/* config_for with a one-entry cache per worker, keyed by the path up to its last '/': drafts
 * come folder by folder, and each lookup resolves the folder's real path (system calls). The
 * same folder text always names the same folder, so the answer is the same. */
static const el_config *config_cached(const cli *c, wctx *wx, const char *path, char **err)
{
    if (c->config || c->no_config)
        return config_for(c, path, err);
    const char *slash = strrchr(path, '/');
    size_t dl = slash ? (size_t)(slash - path) + 1 : 0;
    if (wx->cfg_valid && dl == wx->cfg_dirlen && memcmp(path, wx->cfg_dir, dl) == 0) {
        *err = wx->cfg_err ? xstrdup(wx->cfg_err) : NULL;
        return wx->cfg;
    }
    const el_config *cfg = config_for(c, path, err);
    free(wx->cfg_dir);
    free(wx->cfg_err);
    wx->cfg_dir = xstrndup(path, dl);
    wx->cfg_dirlen = dl;
    wx->cfg_err = *err ? xstrdup(*err) : NULL;
    wx->cfg = cfg;
    wx->cfg_valid = true;
    return cfg;
}

/* Read, parse and analyse one input; never NULL. Keeps the raw bytes for --fix. */
static el_doc *process_file(const cli *c, wctx *wx, const el_input *in, char **raw, size_t *rawlen)
{
    const char *name = in->name ? in->name : in->path;
    *raw = NULL;
    *rawlen = 0;
    if (in->err_code)
        return el_doc_failed(name, in->err_code, in->err_msg ? in->err_msg : "");
    char *cerr = NULL;
    const el_config *cfg =
        config_cached(c, wx, strcmp(in->path, "-") == 0 ? name : in->path, &cerr);
    if (cerr) {
        el_doc *doc = el_doc_failed(name, "bad_config", cerr);
        free(cerr);
        return doc;
    }
    char *buf = NULL, *msg = NULL;
    size_t len = 0;
    const char *code = NULL;
    if (!el_input_read(in->path, c->max_size, &buf, &len, &code, &msg)) {
        el_doc *doc = el_doc_failed(name, code, msg);
        free(msg);
        return doc;
    }
    el_doc *doc = el_parse(name, buf, len, &c->opt);
    if (el_doc_ok(doc))
        el_analyze(doc, cfg);
    *raw = buf;
    *rawlen = len;
    return doc;
}

/* Analyse one --jsonl-input record (or report why the line is not one). */
static el_doc *process_record(const cli *c, const job *j)
{
    const cJSON *path = cJSON_GetObjectItemCaseSensitive(j->rec, "path");
    const char *name = cJSON_IsString(path) ? path->valuestring : "-";
    if (j->bad) {
        char msg[64 + 256];
        snprintf(msg, sizeof msg, "line %zu: %.256s", j->lineno, j->bad);
        return el_doc_failed(name, "bad_input", msg);
    }
    const cJSON *text = cJSON_GetObjectItemCaseSensitive(j->rec, "text");
    const cJSON *fmt = cJSON_GetObjectItemCaseSensitive(j->rec, "format");
    el_options opt = c->opt;
    opt.encoding = EL_ENC_UTF8;
    if (cJSON_IsString(fmt))
        opt.input = strcmp(fmt->valuestring, "markdown") == 0 ? EL_INPUT_MARKDOWN : EL_INPUT_TEXT;
    if (j->cfg_err)
        return el_doc_failed(name, "bad_config", j->cfg_err);
    const el_config *cfg = j->cfg;
    el_doc *doc = el_parse(name, text->valuestring, strlen(text->valuestring), &opt);
    if (el_doc_ok(doc))
        el_analyze(doc, cfg);
    return doc;
}

/* Validate a parsed --jsonl-input line; NULL when it is a record, else the reason. */
static const char *record_problem(const cJSON *rec)
{
    if (!cJSON_IsObject(rec))
        return "not a JSON object";
    const cJSON *text = cJSON_GetObjectItemCaseSensitive(rec, "text");
    if (!cJSON_IsString(text))
        return "\"text\" must be a string";
    const cJSON *path = cJSON_GetObjectItemCaseSensitive(rec, "path");
    if (path && !cJSON_IsString(path))
        return "\"path\" must be a string";
    const cJSON *fmt = cJSON_GetObjectItemCaseSensitive(rec, "format");
    if (fmt && !(cJSON_IsString(fmt) && (strcmp(fmt->valuestring, "markdown") == 0 ||
                                         strcmp(fmt->valuestring, "text") == 0)))
        return "\"format\" must be \"markdown\" or \"text\"";
    return NULL;
}

/* Index just past the JSON string opening at s[i] (a '"'), or n when it is not closed. */
static size_t skip_string(const char *s, size_t n, size_t i)
{
    for (i++; i < n; i++) {
        if (s[i] == '\\')
            i++;
        else if (s[i] == '"')
            return i + 1;
    }
    return n;
}

/* Index just past the JSON value starting at s[i], or n when it runs off the end. Only
 * brackets and strings are followed: the value is validated by cJSON afterwards. */
static size_t skip_value(const char *s, size_t n, size_t i)
{
    if (i >= n)
        return n;
    if (s[i] == '"')
        return skip_string(s, n, i);
    if (s[i] == '{' || s[i] == '[') {
        size_t depth = 0;
        while (i < n) {
            char ch = s[i];
            if (ch == '"') {
                i = skip_string(s, n, i);
                continue;
            }
            if (ch == '{' || ch == '[')
                depth++;
            else if ((ch == '}' || ch == ']') && --depth == 0)
                return i + 1;
            i++;
        }
        return n;
    }
    while (i < n && !strchr(",}] \t\r\n", s[i]))
        i++;
    return i;
}

static size_t skip_ws(const char *s, size_t n, size_t i)
{
    while (i < n && strchr(" \t\r\n", s[i]))
        i++;
    return i;
}

/*
 * The top-level "id" of the JSON object in s[0..n) as JSON text for the report, or NULL when
 * there is none. A number is copied as written (cJSON would round 9007199254740993 to a
 * double); other values are re-serialised. Works on a line too long to parse whole, so even
 * a refused record keeps its id. Linear in n.
 */
static char *record_id(const char *s, size_t n)
{
    size_t i = skip_ws(s, n, 0);
    if (i >= n || s[i] != '{')
        return NULL;
    for (i = skip_ws(s, n, i + 1); i < n && s[i] == '"';) {
        size_t ks = i + 1, ke = skip_string(s, n, i);
        i = skip_ws(s, n, ke);
        if (ke >= n || i >= n || s[i] != ':')
            return NULL;
        size_t vs = skip_ws(s, n, i + 1), ve = skip_value(s, n, vs);
        if (ke - 1 - ks == 2 && memcmp(s + ks, "id", 2) == 0) {
            cJSON *v = cJSON_ParseWithLength(s + vs, ve - vs);
            char *out = NULL;
            if (v && cJSON_IsNumber(v)) {
                out = xstrndup(s + vs, ve - vs);
            } else if (v) {
                char *t = cJSON_PrintUnformatted(v);
                out = xstrdup(t);
                cJSON_free(t);
            }
            cJSON_Delete(v);
            return out;
        }
        i = skip_ws(s, n, ve);
        if (i >= n || s[i] != ',')
            return NULL;
        i = skip_ws(s, n, i + 1);
    }
    return NULL;
}

/* One FILE object on one line, appended to w; with --jsonl-input it leads with the record's
 * "id". Returns its length. */
static size_t render_json(const cli *c, el_jw *w, const job *j, const el_doc *doc)
{
    el_report_json_extra x = {.error_line = j->lineno && j->bad ? j->lineno : 0};
    if (c->jsonl_input)
        x.id_json = j->id_json ? j->id_json : "null";
    if (w->v == NULL)
        el_jw_init(w, 64 * 1024);
    size_t start = w->n;
    w->comma = false;
    el_report_json_write(w, doc, &c->ropt, &x);
    el_jw_byte(w, '\n');
    return w->n - start;
}

/* Run one job and render everything the main thread will write for it. r's buffers are
 * lent from wx, valid until wx's next job (see result_keep). A JSON report goes into wx's
 * buffer, or, when into is not NULL, is appended to it in place (r->in_place). */
static void run_job(const cli *c, wctx *wx, const job *j, result *r, el_jw *into)
{
    char *raw = NULL;
    size_t rawlen = 0;
    el_doc *doc = j->in ? process_file(c, wx, j->in, &raw, &rawlen) : process_record(c, j);
    FILE *m = ms_begin(&wx->out);
    FILE *e = ms_begin(&wx->err);
    if (!el_doc_ok(doc))
        fail_msg(e, el_doc_path(doc), el_doc_error_message(doc));

    bool report = !c->fix_dry_run; /* a dry run prints only its diffs */
    bool json = false;
    if ((c->fix || c->fix_dry_run) && el_doc_ok(doc)) {
        char *ferr = NULL;
        /* A dry run's diff names the draft as reported; a real fix needs the file itself. */
        const char *fpath = c->fix_dry_run ? el_doc_path(doc) : j->in->path;
        int n = el_fix(fpath, raw, rawlen, doc, c->fix_dry_run, c->fix_dry_run ? m : e, &ferr);
        if (n < 0) {
            fail_msg(e, el_doc_path(doc), ferr ? ferr : "fix failed");
            r->fix_failed = true;
        } else if (n > 0 && c->fix) {
            /* Report what is left in the file as it now is. */
            el_doc_free(doc);
            free(raw);
            doc = process_file(c, wx, j->in, &raw, &rawlen);
            if (!el_doc_ok(doc))
                fail_msg(e, el_doc_path(doc), el_doc_error_message(doc));
        }
        free(ferr);
    }
    free(raw);

    el_run_totals_add(&r->tot, doc);
    r->maxsev = el_doc_ok(doc) ? el_doc_max_severity(doc) : -1;
    if (report) {
        if (c->debug_blocks) {
            el_report_debug_blocks(doc, m);
        } else if (c->format == F_TEXT) {
            if (c->summary)
                el_summary_row_fill(&r->row, doc);
            else
                el_report_text(doc, &c->ropt, m);
        } else if (c->format == F_JSON || c->format == F_JSONL) {
            json = true; /* rendered straight into wx->json below */
        } else if (c->format == F_CSV) {
            el_summary_row row;
            el_summary_row_fill(&row, doc);
            el_report_csv_row(&row, m);
            el_summary_row_free(&row);
        } else if (c->format == F_SARIF) {
            r->nresults = el_report_sarif_results(doc, &c->ropt, j->seq, m);
            el_report_sarif_artifact(doc, ms_begin(&wx->art));
            ms_end(&wx->art);
            r->artifact = wx->art.buf;
            r->artifactlen = wx->art.len;
            if (!el_doc_ok(doc)) {
                el_report_sarif_notification(doc, j->seq, ms_begin(&wx->note));
                ms_end(&wx->note);
                r->note = wx->note.buf;
                r->notelen = wx->note.len;
            }
        }
    }
    ms_end(&wx->out);
    ms_end(&wx->err);
    r->err = wx->err.buf;
    r->errlen = wx->err.len;
    if (json && into) {
        r->outlen = render_json(c, into, j, doc);
        r->in_place = true;
    } else if (json) {
        wx->json.n = 0;
        r->outlen = render_json(c, &wx->json, j, doc);
        r->out = wx->json.v;
    } else {
        r->out = wx->out.buf;
        r->outlen = wx->out.len;
    }
    r->lent = true;
    el_doc_free(doc);
}

/* Make r own the buffers it borrows from its worker, so the worker can go on: the JSON report
   is handed over whole and the worker starts a buffer of that size for its next (a copy of
   every report cost the -j N runs more than the allocation does); the rest are copied. */
static void result_keep(result *r, wctx *wx)
{
    if (r->out && r->out == wx->json.v) {
        size_t cap = r->outlen + r->outlen / 4 < 32768 ? 32768 : r->outlen + r->outlen / 4;
        wx->json.v = xmalloc(cap);
        wx->json.cap = cap;
        wx->json.n = 0;
    } else {
        r->out = dup_bytes(r->out, r->outlen);
    }
    r->err = dup_bytes(r->err, r->errlen);
    r->artifact = dup_bytes(r->artifact, r->artifactlen);
    r->note = dup_bytes(r->note, r->notelen);
    r->lent = false;
}

/* Free what r owns. */
static void result_free(result *r)
{
    if (!r->lent) {
        free(r->out);
        free(r->err);
        free(r->artifact);
        free(r->note);
    }
    el_summary_row_free(&r->row);
    r->out = r->err = r->artifact = r->note = NULL;
}

/* ---- the worker pool --------------------------------------------------------------- */

typedef struct pool {
    const cli *c;
    const el_inputs *inputs; /* NULL with --jsonl-input */
    pthread_mutex_t mx;      /* guards everything below */
    pthread_mutex_t read_mx; /* serialises taking the next job (and reading stdin) */
    pthread_cond_t take_cv, done_cv;
    result *slots;
    size_t window;
    size_t next, written, total;
    size_t wake_every; /* results ready in a row that wake the writer (see worker) */
    bool src_done, stop;
    char *line;
    size_t line_cap, lineno;
} pool;

/* Take the next job; false when there is none or the run stops. Called with no lock held. */
static bool take_job(pool *p, job *j)
{
    memset(j, 0, sizeof *j);
    pthread_mutex_lock(&p->read_mx);
    pthread_mutex_lock(&p->mx);
    while (!p->stop && !p->src_done && p->next >= p->written + p->window)
        pthread_cond_wait(&p->take_cv, &p->mx);
    if (p->stop || p->src_done) {
        pthread_mutex_unlock(&p->mx);
        pthread_mutex_unlock(&p->read_mx);
        return false;
    }
    size_t seq = p->next;
    pthread_mutex_unlock(&p->mx);

    bool have = true;
    if (p->inputs) {
        have = seq < p->inputs->n;
        if (have)
            j->in = &p->inputs->v[seq];
    } else {
        /* Only this thread touches the reader state while it holds read_mx. */
        for (;;) {
            ssize_t got = getline(&p->line, &p->line_cap, stdin);
            if (got < 0) {
                have = false;
                break;
            }
            p->lineno++;
            size_t k = (size_t)got;
            while (k > 0 && strchr(" \t\r\n", p->line[k - 1]))
                k--;
            if (k == 0)
                continue; /* blank lines separate nothing and are not records */
            j->lineno = p->lineno;
            /* cJSON keeps a global error pointer: parse only under read_mx. */
            j->id_json = record_id(p->line, k);
            if (k > p->c->max_size * 2 + 1024) {
                j->bad = xstrdup("line longer than the --max-size limit");
                break;
            }
            j->rec = cJSON_ParseWithLength(p->line, k);
            const char *why = j->rec ? record_problem(j->rec) : "not valid JSON";
            if (why) {
                j->bad = xstrdup(why);
            } else {
                /* Discovery may parse a .essaylint.json: also only under read_mx. */
                const cJSON *path = cJSON_GetObjectItemCaseSensitive(j->rec, "path");
                j->cfg =
                    config_for(p->c, cJSON_IsString(path) ? path->valuestring : "-", &j->cfg_err);
            }
            break;
        }
    }
    pthread_mutex_lock(&p->mx);
    if (have) {
        j->seq = seq;
        p->next++;
    } else {
        p->src_done = true;
        p->total = seq;
        pthread_cond_broadcast(&p->done_cv);
        pthread_cond_broadcast(&p->take_cv);
    }
    pthread_mutex_unlock(&p->mx);
    pthread_mutex_unlock(&p->read_mx);
    return have;
}

static void job_free(job *j)
{
    cJSON_Delete(j->rec);
    free(j->id_json);
    free(j->bad);
    free(j->cfg_err);
}

static void *worker(void *arg)
{
    pool *p = arg;
    wctx wx = {0};
    job j;
    while (take_job(p, &j)) {
        result r = {0};
        run_job(p->c, &wx, &j, &r, NULL);
        result_keep(&r, &wx);
        wctx_trim(&wx);
        job_free(&j);
        pthread_mutex_lock(&p->mx);
        r.done = true;
        p->slots[j.seq % p->window] = r;
        /* The writer is woken once wake_every results in a row are ready for it (a wake-up
           per input is a context switch per input on a machine with as many workers as
           cores), or at the end, when whatever is left must go out. */
        size_t ready = 0;
        while (ready < p->wake_every && p->slots[(p->written + ready) % p->window].done)
            ready++;
        if (ready == p->wake_every || p->src_done)
            pthread_cond_signal(&p->done_cv);
        pthread_mutex_unlock(&p->mx);
    }
    wctx_free(&wx);
    return NULL;
}

/* ---- writing, in input order ------------------------------------------------------- */

typedef struct emitter {
    const cli *c;
    int fd;          /* standard output, written with write(2) from batch */
    el_jw batch;     /* output not written yet (only its bytes are used, not its JSON state) */
    size_t count;    /* inputs written */
    size_t total;    /* known count for the progress bar, 0 when unknown */
    bool any_result; /* sarif: a result was written */
    bool progress, tty_out;
    struct timespec last_draw;
    bool bar_shown;
    int out_errno; /* 0, or the errno of the first failed write to out */
    el_run_totals tot;
    int status;
    bool fix_failed;
    EL_VEC(el_summary_row) rows;
    FILE *arts, *notes; /* sarif: artifacts and notifications, in input order */
    char *arts_buf, *notes_buf;
    size_t arts_len, notes_len;
} emitter;

static double since(const struct timespec *a, const struct timespec *b)
{
    return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

static void bar_clear(emitter *em)
{
    if (em->bar_shown) {
        fputs("\r\033[K", stderr);
        em->bar_shown = false;
    }
}

/* Redraw the progress bar when it is due (at most ten times a second, always at the end). */
static void bar_draw(emitter *em, bool force)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (!force && em->bar_shown && since(&em->last_draw, &now) < 0.1)
        return;
    em->last_draw = now;
    enum { W = 40 };
    size_t fill = em->total ? em->count * W / em->total : 0;
    char bar[W + 1];
    for (size_t i = 0; i < W; i++)
        bar[i] = i < fill ? '#' : '.';
    bar[W] = '\0';
    fprintf(stderr, "\r\033[Kessaylint [%s] %zu/%zu", bar, em->count, em->total);
    fflush(stderr);
    em->bar_shown = true;
}

/* Output is written in blocks of about this size: a system call per block, not per report. */
enum { BATCH_BYTES = 64 * 1024 };

/* Write s[0..n) to the output, all of it; the first error is kept in out_errno. */
static void write_all(emitter *em, const char *s, size_t n)
{
    while (n > 0 && !em->out_errno) {
        ssize_t k = write(em->fd, s, n);
        if (k > 0) {
            s += k;
            n -= (size_t)k;
        } else if (k == 0 || errno != EINTR) {
            em->out_errno = k == 0 ? EIO : errno;
        }
    }
}

/* Write the first n bytes of the batch, keeping the rest (after a failed write, dropping
 * everything: nothing more will be written). */
static void flush_upto(emitter *em, size_t n)
{
    if (em->batch.n == 0)
        return;
    write_all(em, em->batch.v, n);
    if (em->out_errno)
        n = em->batch.n;
    memmove(em->batch.v, em->batch.v + n, em->batch.n - n);
    em->batch.n -= n;
    if (em->batch.n == 0 && em->batch.cap > 4 * BATCH_BYTES)
        el_jw_free(&em->batch); /* a huge report's buffer is not kept */
}

/* Push everything written so far out, so a reader sees it and a closed pipe or a full disk
 * shows. */
static void flush_out(emitter *em)
{
    flush_upto(em, em->batch.n);
}

/* The batch is full enough to write, or the output is a terminal: write it. */
static void flush_due(emitter *em)
{
    if (em->batch.n >= BATCH_BYTES || em->tty_out)
        flush_out(em);
}

/* Write a chunk to the output: into the batch, or, when large and the batch is empty,
 * straight from s. */
static void put(emitter *em, const char *s, size_t n)
{
    if (em->out_errno || n == 0)
        return;
    if (em->batch.n == 0 && n >= BATCH_BYTES) {
        write_all(em, s, n);
        return;
    }
    em->batch.v = xgrow(em->batch.v, &em->batch.cap, em->batch.n + n, 1);
    memcpy(em->batch.v + em->batch.n, s, n);
    em->batch.n += n;
    flush_due(em);
}

static void puts_out(emitter *em, const char *s)
{
    put(em, s, strlen(s));
}

static void emit(emitter *em, result *r)
{
    const cli *c = em->c;
    if (em->progress && em->tty_out)
        bar_clear(em);
    if (r->errlen) {
        /* stdout's earlier reports come first, as they always have */
        flush_upto(em, em->batch.n - (r->in_place ? r->outlen : 0));
        if (em->bar_shown)
            bar_clear(em);
        fwrite(r->err, 1, r->errlen, stderr);
    }
    if (c->format == F_TEXT && !c->summary && !c->debug_blocks && em->count > 0 && r->outlen)
        puts_out(em, "\n");
    else if (c->format == F_JSON && em->count > 0 && !c->fix_dry_run)
        puts_out(em, ",");
    else if (c->format == F_SARIF && r->nresults > 0) {
        puts_out(em, em->any_result ? ",\n" : "\n");
        em->any_result = true;
    }
    if (r->in_place)
        flush_due(em);
    else
        put(em, r->out, r->outlen);
    if (c->format == F_SARIF) {
        if (em->count > 0)
            fputc(',', em->arts);
        if (r->artifactlen)
            fwrite(r->artifact, 1, r->artifactlen, em->arts);
        if (r->notelen) {
            if (ftell(em->notes) > 0)
                fputc(',', em->notes);
            fwrite(r->note, 1, r->notelen, em->notes);
        }
    }
    if (c->format == F_TEXT && c->summary && !c->debug_blocks) {
        *EL_VEC_PUSH(em->rows) = r->row;
        r->row.path = NULL;
    }
    em->tot.files += r->tot.files;
    em->tot.failed += r->tot.failed;
    em->tot.chars += r->tot.chars;
    for (int s = 0; s < 3; s++)
        em->tot.findings[s] += r->tot.findings[s];
    if (c->fail_on < FAIL_NEVER && r->maxsev >= c->fail_on)
        em->status = 1;
    em->fix_failed |= r->fix_failed;
    em->count++;
    if (em->progress)
        bar_draw(em, em->tty_out || em->count == em->total);
    result_free(r);
}

/* ---- options ----------------------------------------------------------------------- */

static int parse_size(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s || *s == '-')
        return -1;
    if (*end == 'K' || *end == 'k')
        v <<= 10, end++;
    else if (*end == 'M' || *end == 'm')
        v <<= 20, end++;
    else if (*end == 'G' || *end == 'g')
        v <<= 30, end++;
    if (*end != '\0')
        return -1;
    *out = (size_t)v;
    return 0;
}

static int bad_option(const char *what, const char *arg, const char *expected)
{
    fprintf(stderr, "essaylint: unknown %s '%s' (%s)\n", what, arg, expected);
    return 2;
}

/* Exit status after printing help, the version or the rule list: a closed pipe is a
 * reader that has seen enough (0); any other write error is reported (2). */
static int flush_stdout(void)
{
    if (fflush(stdout) == 0 && !ferror(stdout))
        return 0;
    if (errno == EPIPE)
        return 0;
    fprintf(stderr, "essaylint: write error: %s\n", strerror(errno));
    return 2;
}

/* Parse argv into c; returns -1 to go on, else the exit status. */
static int parse_args(cli *c, int argc, char **argv)
{
    enum {
        O_ENCODING = 256,
        O_INPUT,
        O_MAX_SIZE,
        O_LANG,
        O_FAIL_ON,
        O_DEBUG_BLOCKS,
        O_COLOR,
        O_SUMMARY,
        O_LIST_RULES,
        O_FIX,
        O_FIX_DRY_RUN,
        O_CONFIG,
        O_NO_CONFIG,
        O_EXCLUDE,
        O_NO_IGNORE,
        O_STDIN_FILENAME,
        O_JSONL_INPUT,
        O_NO_PROGRESS,
        O_WIDTH
    };
    static const struct option longopts[] = {
        {"format", required_argument, NULL, 'f'},
        {"encoding", required_argument, NULL, O_ENCODING},
        {"input", required_argument, NULL, O_INPUT},
        {"max-size", required_argument, NULL, O_MAX_SIZE},
        {"lang", required_argument, NULL, O_LANG},
        {"fail-on", required_argument, NULL, O_FAIL_ON},
        {"debug-blocks", no_argument, NULL, O_DEBUG_BLOCKS},
        {"color", optional_argument, NULL, O_COLOR},
        {"colour", optional_argument, NULL, O_COLOR},
        {"summary", no_argument, NULL, O_SUMMARY},
        {"list-rules", no_argument, NULL, O_LIST_RULES},
        {"fix", no_argument, NULL, O_FIX},
        {"fix-dry-run", no_argument, NULL, O_FIX_DRY_RUN},
        {"config", required_argument, NULL, O_CONFIG},
        {"no-config", no_argument, NULL, O_NO_CONFIG},
        {"exclude", required_argument, NULL, O_EXCLUDE},
        {"no-ignore", no_argument, NULL, O_NO_IGNORE},
        {"stdin-filename", required_argument, NULL, O_STDIN_FILENAME},
        {"jsonl-input", no_argument, NULL, O_JSONL_INPUT},
        {"jobs", required_argument, NULL, 'j'},
        {"no-progress", no_argument, NULL, O_NO_PROGRESS},
        {"width", required_argument, NULL, O_WIDTH},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    static const char *const formats[] = {"text", "json", "jsonl", "sarif", "csv"};
    int ch;
    while ((ch = getopt_long(argc, argv, "f:j:hV", longopts, NULL)) != -1) {
        switch (ch) {
        case 'f': {
            int k = -1;
            for (int i = 0; i < 5; i++)
                if (strcmp(optarg, formats[i]) == 0)
                    k = i;
            if (k < 0)
                return bad_option("format", optarg, "text, json, jsonl, sarif, csv");
            c->format = (enum format)k;
            c->format_set = true;
            break;
        }
        case O_ENCODING: {
            int e = el_decode_parse_name(optarg);
            if (e < 0)
                return bad_option("encoding", optarg, "auto, utf-8, gb18030, utf-16le, utf-16be");
            c->opt.encoding = (enum el_encoding)e;
            break;
        }
        case O_INPUT:
            if (strcmp(optarg, "markdown") == 0 || strcmp(optarg, "md") == 0)
                c->opt.input = EL_INPUT_MARKDOWN;
            else if (strcmp(optarg, "text") == 0 || strcmp(optarg, "txt") == 0)
                c->opt.input = EL_INPUT_TEXT;
            else
                return bad_option("input format", optarg, "markdown, text");
            break;
        case O_MAX_SIZE:
            if (parse_size(optarg, &c->max_size) != 0) {
                fprintf(stderr, "essaylint: bad --max-size '%s'\n", optarg);
                return 2;
            }
            break;
        case O_LANG:
            if (strcmp(optarg, "en") != 0 && strcmp(optarg, "zh") != 0)
                return bad_option("language", optarg, "zh, en");
            c->ropt.english = strcmp(optarg, "en") == 0;
            break;
        case O_FAIL_ON:
            if (strcmp(optarg, "error") == 0)
                c->fail_on = EL_SEV_ERROR;
            else if (strcmp(optarg, "warning") == 0)
                c->fail_on = EL_SEV_WARNING;
            else if (strcmp(optarg, "info") == 0)
                c->fail_on = EL_SEV_INFO;
            else if (strcmp(optarg, "never") == 0)
                c->fail_on = FAIL_NEVER;
            else
                return bad_option("severity", optarg, "error, warning, info, never");
            break;
        case O_DEBUG_BLOCKS:
            c->debug_blocks = true;
            break;
        case O_COLOR:
            if (optarg == NULL || strcmp(optarg, "always") == 0)
                c->color = 1;
            else if (strcmp(optarg, "never") == 0)
                c->color = -1;
            else if (strcmp(optarg, "auto") == 0)
                c->color = 0;
            else
                return bad_option("--color value", optarg, "auto, always, never");
            break;
        case O_SUMMARY:
            c->summary = true;
            break;
        case O_LIST_RULES:
            c->list_rules = true;
            break;
        case O_FIX:
            c->fix = true;
            break;
        case O_FIX_DRY_RUN:
            c->fix_dry_run = true;
            break;
        case O_CONFIG:
            c->config_path = optarg;
            break;
        case O_NO_CONFIG:
            c->no_config = true;
            break;
        case O_EXCLUDE:
            *EL_VEC_PUSH(c->excludes) = optarg;
            break;
        case O_NO_IGNORE:
            c->no_ignore = true;
            break;
        case O_STDIN_FILENAME:
            c->stdin_name = optarg;
            break;
        case O_JSONL_INPUT:
            c->jsonl_input = true;
            break;
        case 'j': {
            char *end;
            errno = 0;
            long v = strtol(optarg, &end, 10);
            if (errno || end == optarg || *end || v < 1) {
                fprintf(stderr, "essaylint: bad -j '%s' (a positive number)\n", optarg);
                return 2;
            }
            c->jobs = v > MAX_JOBS ? MAX_JOBS : v;
            break;
        }
        case O_NO_PROGRESS:
            c->progress_off = true;
            break;
        case O_WIDTH: {
            char *end;
            errno = 0;
            long v = strtol(optarg, &end, 10);
            if (errno || end == optarg || *end || v < 0 || v > 10000) {
                fprintf(stderr, "essaylint: bad --width '%s' (0 to 10000 columns)\n", optarg);
                return 2;
            }
            c->width = v;
            break;
        }
        case 'h':
            usage(stdout);
            return flush_stdout();
        case 'V':
            printf("essaylint %s\n", EL_VERSION);
            return flush_stdout();
        default:
            usage(stderr);
            return 2;
        }
    }
    if (c->fix && c->fix_dry_run) {
        fputs("essaylint: --fix and --fix-dry-run exclude each other\n", stderr);
        return 2;
    }
    if (c->jsonl_input) {
        if (optind < argc) {
            fputs("essaylint: --jsonl-input reads standard input only; drop the PATHs\n", stderr);
            return 2;
        }
        if (c->fix || c->fix_dry_run) {
            fputs("essaylint: --fix needs files, not --jsonl-input\n", stderr);
            return 2;
        }
        if (!c->format_set)
            c->format = F_JSONL;
    } else if (optind >= argc && c->stdin_name == NULL && !c->list_rules) {
        usage(stderr);
        return 2;
    }
    if (c->fix) {
        for (int i = optind; i < argc; i++)
            if (strcmp(argv[i], "-") == 0) {
                fputs("essaylint: --fix cannot rewrite standard input; use --fix-dry-run\n",
                      stderr);
                return 2;
            }
        if (optind >= argc) {
            fputs("essaylint: --fix cannot rewrite standard input; use --fix-dry-run\n", stderr);
            return 2;
        }
    }
    return -1;
}

/* Width the summary table should fit: the terminal's, else $COLUMNS, else 0 (no limit:
 * a file or a pipe gets whole paths). */
static size_t term_width(void)
{
    struct winsize ws;
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    const char *cols = getenv("COLUMNS");
    long v = cols ? strtol(cols, NULL, 10) : 0;
    return v > 20 && v < 10000 ? (size_t)v : 0;
}

/* -j 1: the main thread takes, runs and writes each job itself, with the worker's buffers
 * written as they are: no thread, no hand-off, no copy. */
static void run_inline(pool *p, emitter *em)
{
    wctx wx = {0};
    job j;
    while (!em->out_errno && take_job(p, &j)) {
        if (j.in && strcmp(j.in->path, "-") == 0)
            flush_out(em); /* whoever feeds stdin may be waiting for the reports so far */
        result r = {0};
        /* jsonl reports are rendered straight into the output batch: no copy */
        run_job(p->c, &wx, &j, &r, p->c->format == F_JSONL ? &em->batch : NULL);
        job_free(&j);
        emit(em, &r);
        if (p->c->jsonl_input)
            flush_out(em); /* the next record may wait for this report */
        p->written++;
        wctx_trim(&wx);
    }
    wctx_free(&wx);
}

/* Whether the writer can go on (called with mx held): the next result is ready, or there
 * is none left. */
static bool writer_ready(const pool *p)
{
    return (p->src_done && p->written == p->total) || p->slots[p->written % p->window].done;
}

/* -j N: workers run the jobs; this thread writes their results in input order, flushing
 * the output whenever it has to wait. */
static void run_pool(pool *p, emitter *em, long jobs)
{
    pthread_t *tids = xcalloc((size_t)jobs, sizeof *tids);
    for (long i = 0; i < jobs; i++)
        if (pthread_create(&tids[i], NULL, worker, p) != 0) {
            fputs("essaylint: cannot start a worker thread\n", stderr);
            exit(2);
        }
    pthread_mutex_lock(&p->mx);
    for (;;) {
        while (!writer_ready(p)) {
            /* About to wait: the reader gets what is written so far (outside the lock, as
             * a slow reader must not hold up the workers). */
            pthread_mutex_unlock(&p->mx);
            flush_out(em);
            pthread_mutex_lock(&p->mx);
            if (!writer_ready(p))
                pthread_cond_wait(&p->done_cv, &p->mx);
        }
        if (p->src_done && p->written == p->total)
            break;
        result r = p->slots[p->written % p->window];
        memset(&p->slots[p->written % p->window], 0, sizeof r);
        pthread_mutex_unlock(&p->mx);
        emit(em, &r);
        pthread_mutex_lock(&p->mx);
        p->written++;
        pthread_cond_broadcast(&p->take_cv);
        if (em->out_errno) {
            p->stop = true;
            break;
        }
    }
    pthread_mutex_unlock(&p->mx);
    for (long i = 0; i < jobs; i++)
        pthread_join(tids[i], NULL);
    free(tids);
}

/* Write the closing part of the envelope. */
static void finish(emitter *em)
{
    const cli *c = em->c;
    if (c->debug_blocks || c->fix_dry_run)
        return;
    char *buf = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&buf, &len);
    switch (c->format) {
    case F_TEXT:
        if (c->summary) {
            el_report_summary_table(em->rows.v, em->rows.n, &c->ropt, term_width(), m);
            fputc('\n', m);
        } else if (em->count > 0) {
            fputc('\n', m);
        }
        el_report_text_summary(&em->tot, &c->ropt, m);
        break;
    case F_JSON:
        fputs("],\"summary\":", m);
        el_report_json_summary(&em->tot, m);
        fputs("}\n", m);
        break;
    case F_JSONL:
        if (c->summary) {
            flush_out(em); /* the reports, then the summary */
            el_report_json_summary(&em->tot, stderr);
            fputc('\n', stderr);
        }
        break;
    case F_SARIF:
        fclose(em->arts);
        fclose(em->notes);
        em->arts = em->notes = NULL;
        el_report_sarif_end(em->arts_buf, em->notes_buf, em->tot.failed == 0, m);
        break;
    case F_CSV:
        break;
    }
    fclose(m);
    put(em, buf, len);
    free(buf);
    flush_out(em);
}

int main(int argc, char **argv)
{
    cli c = {
        .format = F_TEXT, .max_size = EL_DEFAULT_MAX_SIZE, .fail_on = EL_SEV_ERROR, .width = -1};
    signal(SIGPIPE, SIG_IGN);
    int rc = parse_args(&c, argc, argv);
    if (rc >= 0) {
        free(c.excludes.v);
        return rc;
    }

    if (c.list_rules) {
        el_report_rules(&c.ropt, stdout);
        free(c.excludes.v);
        return flush_stdout();
    }
    if (c.config_path) {
        char *err = NULL;
        c.config = el_config_load(c.config_path, &err);
        if (c.config == NULL) {
            fprintf(stderr, "essaylint: %s\n", err ? err : c.config_path);
            free(err);
            free(c.excludes.v);
            return 2;
        }
    }
    if (c.width >= 0) {
        c.ropt.width = (size_t)c.width;
    } else if (isatty(STDOUT_FILENO)) {
        struct winsize ws;
        if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0)
            c.ropt.width = ws.ws_col;
    }
    const char *no_color = getenv("NO_COLOR");
    c.ropt.color =
        c.color > 0 || (c.color == 0 && isatty(STDOUT_FILENO) && !(no_color && *no_color));

    el_inputs inputs = {0};
    if (!c.jsonl_input) {
        el_walk_options wo = {
            .excludes = c.excludes.v, .nexcludes = c.excludes.n, .no_ignore = c.no_ignore};
        if (optind >= argc)
            el_input_expand_opts("-", &wo, &inputs);
        for (int i = optind; i < argc; i++)
            el_input_expand_opts(argv[i], &wo, &inputs);
        for (size_t i = 0; i < inputs.n; i++)
            if (c.stdin_name && strcmp(inputs.v[i].path, "-") == 0)
                inputs.v[i].name = xstrdup(c.stdin_name);
    }

    long jobs = c.jobs;
    if (jobs <= 0) {
        long nc = sysconf(_SC_NPROCESSORS_ONLN);
        jobs = nc < 1 ? 1 : nc > MAX_JOBS ? MAX_JOBS : nc;
    }
    if (!c.jsonl_input && (size_t)jobs > inputs.n)
        jobs = inputs.n ? (long)inputs.n : 1;

    pool p = {.c = &c, .inputs = c.jsonl_input ? NULL : &inputs};
    p.window = (size_t)(jobs * 4 < 64 ? 64 : jobs * 4);
    p.slots = xcalloc(p.window, sizeof *p.slots);
    pthread_mutex_init(&p.mx, NULL);
    pthread_mutex_init(&p.read_mx, NULL);
    pthread_cond_init(&p.take_cv, NULL);
    pthread_cond_init(&p.done_cv, NULL);
    /* Records on stdin are answered as they come (a client may wait for each reply) and a
       terminal shows each report at once; a batch of files is written in runs. */
    p.wake_every = c.jsonl_input || isatty(STDOUT_FILENO) ? 1 : 16;

    /* Nothing has gone through stdout's stdio buffer (help and the rule list have
     * returned): the run writes the descriptor itself. */
    emitter em = {.c = &c, .fd = STDOUT_FILENO, .total = c.jsonl_input ? 0 : inputs.n};
    em.tty_out = isatty(STDOUT_FILENO);
    em.progress = !c.progress_off && !c.jsonl_input && inputs.n > 20 && isatty(STDERR_FILENO);
    if (c.format == F_SARIF) {
        em.arts = open_memstream(&em.arts_buf, &em.arts_len);
        em.notes = open_memstream(&em.notes_buf, &em.notes_len);
    }
    if (!c.debug_blocks && !c.fix_dry_run) {
        char *head = NULL;
        size_t hl = 0;
        FILE *m = open_memstream(&head, &hl);
        if (c.format == F_JSON)
            fprintf(m, "{\"schema\":\"%s\",\"version\":\"%s\",\"files\":[", EL_SCHEMA, EL_VERSION);
        else if (c.format == F_SARIF)
            el_report_sarif_begin(&c.ropt, m);
        else if (c.format == F_CSV)
            el_report_csv_header(m);
        fclose(m);
        put(&em, head, hl);
        free(head);
    }

    if (jobs == 1)
        run_inline(&p, &em);
    else
        run_pool(&p, &em, jobs);
    if (em.progress)
        bar_clear(&em);
    if (!em.out_errno) {
        finish(&em);
        flush_out(&em);
    } else if (em.arts) {
        fclose(em.arts);
        fclose(em.notes);
    }

    /* Results a stopped run never wrote. */
    for (size_t i = 0; i < p.window; i++)
        result_free(&p.slots[i]);
    free(p.slots);
    free(p.line);
    free(em.arts_buf);
    free(em.notes_buf);
    el_jw_free(&em.batch);
    for (size_t i = 0; i < em.rows.n; i++)
        el_summary_row_free(&em.rows.v[i]);
    free(em.rows.v);
    pthread_mutex_destroy(&p.mx);
    pthread_mutex_destroy(&p.read_mx);
    pthread_cond_destroy(&p.take_cv);
    pthread_cond_destroy(&p.done_cv);
    el_inputs_free(&inputs);
    el_config_free(c.config);
    el_config_cache_clear();
    free(c.excludes.v);

    int status = em.tot.failed || em.fix_failed ? 2 : em.status;
    if (em.out_errno == EPIPE)
        return status; /* the reader has all it wanted: end quietly */
    if (em.out_errno) {
        fprintf(stderr, "essaylint: write error: %s\n", strerror(em.out_errno));
        return 2;
    }
    return status;
}
