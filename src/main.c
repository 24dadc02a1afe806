/* SPDX-License-Identifier: MIT */
/*
 * The command line: options, the list of inputs, and the output envelope.
 * All analysis lives in the library; this file only wires it to files and streams.
 */
#include "decode.h"
#include "doc.h"
#include "input.h"
#include "report.h"

#include <cJSON.h>
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum format { F_TEXT, F_JSON, F_JSONL };

typedef struct cli {
    enum format format;
    el_options opt;
    el_report_options ropt;
    size_t max_size;
    bool debug_blocks;
    int fail_on; /* severity that fails the run; 3 = never */
} cli;

static void usage(FILE *out)
{
    fputs("usage: essaylint [OPTIONS] PATH...\n"
          "Analyse 申论 essay drafts (Markdown or plain text; folders are walked for\n"
          "*.md, *.markdown and *.txt). PATH - reads standard input.\n"
          "\n"
          "  -f, --format FMT      text (default), json or jsonl\n"
          "      --encoding ENC    auto (default), utf-8, gb18030, utf-16le, utf-16be\n"
          "      --input FMT       markdown or text (default: by extension, stdin by content)\n"
          "      --max-size BYTES  largest input to read (default 64 MiB)\n"
          "      --lang LANG       zh (default) or en, for messages\n"
          "      --fail-on SEV     error (default), warning, info or never\n"
          "      --debug-blocks    print every line with the role the parser gave it\n"
          "  -h, --help            this help\n"
          "  -V, --version         the version\n"
          "\n"
          "Exit status: 0 clean, 1 a finding reached --fail-on, 2 usage error or unreadable input.\n",
          out);
}

/* Read, parse and analyse one input; never NULL. */
static el_doc *process(const cli *c, const el_input *in)
{
    if (in->err_code)
        return el_doc_failed(in->path, in->err_code, in->err_msg ? in->err_msg : "");
    char *buf = NULL, *msg = NULL;
    size_t len = 0;
    const char *code = NULL;
    if (!el_input_read(in->path, c->max_size, &buf, &len, &code, &msg)) {
        el_doc *doc = el_doc_failed(in->path, code, msg);
        free(msg);
        return doc;
    }
    el_doc *doc = el_parse(in->path, buf, len, &c->opt);
    free(buf);
    if (el_doc_ok(doc))
        el_analyze(doc, NULL);
    return doc;
}

static int parse_size(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s)
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

int main(int argc, char **argv)
{
    cli c = {.format = F_TEXT, .max_size = EL_DEFAULT_MAX_SIZE, .fail_on = EL_SEV_ERROR};
    enum { O_ENCODING = 256, O_INPUT, O_MAX_SIZE, O_LANG, O_FAIL_ON, O_DEBUG_BLOCKS };
    static const struct option longopts[] = {
        {"format", required_argument, NULL, 'f'},
        {"encoding", required_argument, NULL, O_ENCODING},
        {"input", required_argument, NULL, O_INPUT},
        {"max-size", required_argument, NULL, O_MAX_SIZE},
        {"lang", required_argument, NULL, O_LANG},
        {"fail-on", required_argument, NULL, O_FAIL_ON},
        {"debug-blocks", no_argument, NULL, O_DEBUG_BLOCKS},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    int ch;
    while ((ch = getopt_long(argc, argv, "f:hV", longopts, NULL)) != -1) {
        switch (ch) {
        case 'f':
            if (strcmp(optarg, "text") == 0)
                c.format = F_TEXT;
            else if (strcmp(optarg, "json") == 0)
                c.format = F_JSON;
            else if (strcmp(optarg, "jsonl") == 0)
                c.format = F_JSONL;
            else {
                fprintf(stderr, "essaylint: unknown format '%s' (text, json, jsonl)\n", optarg);
                return 2;
            }
            break;
        case O_ENCODING: {
            int e = el_decode_parse_name(optarg);
            if (e < 0) {
                fprintf(stderr, "essaylint: unknown encoding '%s'\n", optarg);
                return 2;
            }
            c.opt.encoding = (enum el_encoding)e;
            break;
        }
        case O_INPUT:
            if (strcmp(optarg, "markdown") == 0 || strcmp(optarg, "md") == 0)
                c.opt.input = EL_INPUT_MARKDOWN;
            else if (strcmp(optarg, "text") == 0 || strcmp(optarg, "txt") == 0)
                c.opt.input = EL_INPUT_TEXT;
            else {
                fprintf(stderr, "essaylint: unknown input format '%s' (markdown, text)\n",
                        optarg);
                return 2;
            }
            break;
        case O_MAX_SIZE:
            if (parse_size(optarg, &c.max_size) != 0) {
                fprintf(stderr, "essaylint: bad --max-size '%s'\n", optarg);
                return 2;
            }
            break;
        case O_LANG:
            if (strcmp(optarg, "en") != 0 && strcmp(optarg, "zh") != 0) {
                fprintf(stderr, "essaylint: unknown language '%s' (zh, en)\n", optarg);
                return 2;
            }
            c.ropt.english = strcmp(optarg, "en") == 0;
            break;
        case O_FAIL_ON:
            if (strcmp(optarg, "error") == 0)
                c.fail_on = EL_SEV_ERROR;
            else if (strcmp(optarg, "warning") == 0)
                c.fail_on = EL_SEV_WARNING;
            else if (strcmp(optarg, "info") == 0)
                c.fail_on = EL_SEV_INFO;
            else if (strcmp(optarg, "never") == 0)
                c.fail_on = 3;
            else {
                fprintf(stderr, "essaylint: unknown severity '%s'\n", optarg);
                return 2;
            }
            break;
        case O_DEBUG_BLOCKS:
            c.debug_blocks = true;
            break;
        case 'h':
            usage(stdout);
            return 0;
        case 'V':
            printf("essaylint %s\n", EL_VERSION);
            return 0;
        default:
            usage(stderr);
            return 2;
        }
    }
    if (optind >= argc) {
        usage(stderr);
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);

    el_inputs inputs = {0};
    for (int i = optind; i < argc; i++)
        el_input_expand(argv[i], &inputs);

    int status = 0;
    size_t failed = 0, nfind[3] = {0}, chars = 0;
    FILE *out = stdout;
    if (c.format == F_JSON)
        fprintf(out, "{\"schema\":\"%s\",\"version\":\"%s\",\"files\":[", EL_SCHEMA, EL_VERSION);
    for (size_t i = 0; i < inputs.n; i++) {
        el_doc *doc = process(&c, &inputs.v[i]);
        if (!el_doc_ok(doc)) {
            fprintf(stderr, "essaylint: %s: %s\n", el_doc_path(doc), el_doc_error_message(doc));
            failed++;
        } else {
            for (int s = 0; s < 3; s++)
                nfind[s] += el_doc_nfindings(doc, (enum el_severity)s);
            chars += el_doc_counts(doc).chars;
            if (c.fail_on < 3 && el_doc_max_severity(doc) >= c.fail_on && status == 0)
                status = 1;
        }
        if (c.debug_blocks)
            el_report_debug_blocks(doc, out);
        else if (c.format == F_TEXT)
            el_report_text(doc, &c.ropt, out);
        else {
            if (c.format == F_JSON && i > 0)
                putc(',', out);
            el_report_json(doc, &c.ropt, out);
            if (c.format == F_JSONL)
                fflush(out);
        }
        el_doc_free(doc);
    }
    if (c.format == F_JSON)
        fprintf(out,
                "],\"summary\":{\"files\":%zu,\"failed\":%zu,\"findings\":{\"error\":%zu,"
                "\"warning\":%zu,\"info\":%zu},\"chars\":%zu}}\n",
                inputs.n, failed, nfind[EL_SEV_ERROR], nfind[EL_SEV_WARNING], nfind[EL_SEV_INFO],
                chars);
    el_inputs_free(&inputs);
    if (fflush(out) != 0 || ferror(out)) {
        if (errno != EPIPE)
            fprintf(stderr, "essaylint: write error: %s\n", strerror(errno));
        return errno == EPIPE ? status : 2;
    }
    return failed ? 2 : status;
}
