/* SPDX-License-Identifier: MIT */
/*
 * runone: time a command for the benchmark, without /usr/bin/time (not on a bare Debian).
 *
 * Runs COMMAND (posix_spawnp, which has execvp's PATH search and costs less than fork for
 * start-up timings) WARMUP times untimed, then RUNS times, and prints one line
 *   median_seconds maxrss_kb
 * the median wall time (CLOCK_MONOTONIC from spawn to wait4) and the largest ru_maxrss that
 * wait4 reported: Linux folds in every descendant the child waited for, so a `sh -c` pipeline
 * counts its largest member (and the RSS of the process it was spawned from, which is why
 * runone itself stays tiny). An exit status above MAX (default 0) or a death by signal is an
 * error (exit 2), so a broken command cannot pass for a fast one. -o sends the command's
 * standard output to FILE (e.g. /dev/null); -v prints every run on standard error.
 *
 * Usage: runone [-n RUNS] [-w WARMUP] [-x MAX] [-o FILE] [-v] -- COMMAND [ARG...]
 */
#define _XOPEN_SOURCE 700
#define _DEFAULT_SOURCE /* wait4 */

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static long number(const char *opt, const char *s, long min, long max)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (*s == '\0' || *end != '\0' || errno != 0 || v < min || v > max) {
        fprintf(stderr, "runone: bad value for -%s: %s\n", opt, s);
        exit(2);
    }
    return v;
}

/* One run: its wall seconds, and the child's ru_maxrss in *rss_kb. */
static double run(char **cmd, const char *out, int max_status, long *rss_kb)
{
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    if (out != NULL)
        posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, out, O_WRONLY | O_CREAT | O_TRUNC,
                                         0666);
    pid_t pid;
    double t0 = now();
    int err = posix_spawnp(&pid, cmd[0], &fa, NULL, cmd, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (err != 0) {
        fprintf(stderr, "runone: %s: %s\n", cmd[0], strerror(err));
        exit(2);
    }
    int st;
    struct rusage ru;
    while (wait4(pid, &st, 0, &ru) < 0) {
        if (errno != EINTR) {
            perror("runone: wait4");
            exit(2);
        }
    }
    double t = now() - t0;
    if (WIFSIGNALED(st)) {
        fprintf(stderr, "runone: %s killed by signal %d\n", cmd[0], WTERMSIG(st));
        exit(2);
    }
    if (WEXITSTATUS(st) > max_status) {
        fprintf(stderr, "runone: %s exited with status %d\n", cmd[0], WEXITSTATUS(st));
        exit(2);
    }
    *rss_kb = ru.ru_maxrss; /* kilobytes on Linux */
    return t;
}

int main(int argc, char **argv)
{
    long runs = 5, warmup = 0, max_status = 0;
    const char *out = NULL;
    bool verbose = false;
    int c;
    while ((c = getopt(argc, argv, "+n:w:x:o:v")) != -1) {
        switch (c) {
        case 'n':
            runs = number("n", optarg, 1, 100000);
            break;
        case 'w':
            warmup = number("w", optarg, 0, 100000);
            break;
        case 'x':
            max_status = number("x", optarg, 0, 255);
            break;
        case 'o':
            out = optarg;
            break;
        case 'v':
            verbose = true;
            break;
        default:
            goto usage;
        }
    }
    if (optind >= argc)
        goto usage;
    char **cmd = argv + optind;

    long rss, max_rss = 0;
    for (long i = 0; i < warmup; i++)
        run(cmd, out, (int)max_status, &rss);
    double *t = malloc((size_t)runs * sizeof *t);
    if (t == NULL) {
        perror("runone");
        return 2;
    }
    for (long i = 0; i < runs; i++) {
        t[i] = run(cmd, out, (int)max_status, &rss);
        if (rss > max_rss)
            max_rss = rss;
        if (verbose)
            fprintf(stderr, "runone: run %ld: %.6f s, %ld kB\n", i + 1, t[i], rss);
    }
    qsort(t, (size_t)runs, sizeof *t, by_value);
    double median = runs % 2 ? t[runs / 2] : (t[runs / 2 - 1] + t[runs / 2]) / 2;
    printf("%.6f %ld\n", median, max_rss);
    free(t);
    return fflush(stdout) == 0 ? 0 : 2;

usage:
    fprintf(stderr, "usage: runone [-n RUNS] [-w WARMUP] [-x MAX] [-o FILE] [-v] -- COMMAND "
                    "[ARG...]\n");
    return 2;
}
