/* SPDX-License-Identifier: MIT */
/*
 * Test helper: validate essaylint's JSON output with cJSON, without python.
 * `jsoncheck json < out` checks one envelope and prints the number of files;
 * `jsoncheck jsonl < out` checks every line is a FILE object and prints the count.
 * Exit status 1 on invalid JSON or a FILE object without "path"/"ok".
 */
#include <cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *slurp(size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap);
    size_t r;
    while (b && (r = fread(b + n, 1, cap - n - 1, stdin)) > 0) {
        n += r;
        if (n + 1 == cap) {
            char *nb = realloc(b, cap *= 2);
            if (nb == NULL) {
                free(b);
                return NULL;
            }
            b = nb;
        }
    }
    if (b)
        b[n] = '\0';
    *len = n;
    return b;
}

static int file_ok(const cJSON *f)
{
    return cJSON_IsObject(f) && cJSON_IsString(cJSON_GetObjectItem(f, "path")) &&
           cJSON_IsBool(cJSON_GetObjectItem(f, "ok"));
}

int main(int argc, char **argv)
{
    size_t len;
    char *buf = slurp(&len);
    if (buf == NULL || argc < 2)
        return 2;
    long count = 0;
    if (strcmp(argv[1], "json") == 0) {
        cJSON *root = cJSON_Parse(buf);
        const cJSON *files = cJSON_GetObjectItem(root, "files");
        if (!cJSON_IsArray(files) || !cJSON_IsObject(cJSON_GetObjectItem(root, "summary"))) {
            fprintf(stderr, "jsoncheck: not an essaylint JSON envelope\n");
            return 1;
        }
        const cJSON *f;
        cJSON_ArrayForEach(f, files)
        {
            if (!file_ok(f))
                return 1;
            count++;
        }
        cJSON_Delete(root);
    } else {
        char *save = NULL;
        for (char *line = strtok_r(buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
            cJSON *f = cJSON_Parse(line);
            if (!file_ok(f)) {
                fprintf(stderr, "jsoncheck: line %ld is not a FILE object\n", count + 1);
                return 1;
            }
            cJSON_Delete(f);
            count++;
        }
    }
    printf("%ld\n", count);
    free(buf);
    return 0;
}
