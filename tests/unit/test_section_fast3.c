/* SPDX-License-Identifier: MIT */
/*
 * Differential test for the round-5 fast path of the section builder: trim_span now returns a
 * span at once when its first byte can start neither whitespace nor a stray mark and its last
 * byte can end neither (a block's text, trimmed already). The loop it short-cuts is kept here
 * (ref_trim_span) and both are asked of random spans of text built from every kind of leading
 * and trailing whitespace (ASCII, tab, U+3000, NBSP, a stray BOM, form feed), the marks
 * (* _ #), Han characters and full-width punctuation that share those lead bytes, and bytes
 * cut in the middle of a character. section.c is included whole for its static function.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/section.c"
#include "testrand.h"

/* trim_span as it was: the whitespace and mark loop on every span. */
static el_span ref_trim_span(const el_doc *doc, el_span sp)
{
    const char *s = doc->plain.v;
    for (;;) {
        size_t lead = el_blocks_lead_ws(s + sp.off, sp.len, NULL);
        sp.off += lead;
        sp.len -= lead;
        sp.len = el_blocks_trim_end(s + sp.off, sp.len);
        if (sp.len && (s[sp.off] == '*' || s[sp.off] == '_' || s[sp.off] == '#')) {
            sp.off++, sp.len--;
            continue;
        }
        if (sp.len && (s[sp.off + sp.len - 1] == '*' || s[sp.off + sp.len - 1] == '_')) {
            sp.len--;
            continue;
        }
        return sp;
    }
}

static void test_trim_span_random(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        " ", "\t", "\f", "\v", "　", "\xC2\xA0", "\xEF\xBB\xBF", "*",    "**",   "_",
        "#", "文", "字", "。", "，", "（",       "）",           "《",   "》",   "、",
        "“", "”",  "a",  "1",  "\n", "：",       "\xE3\x80",     "\xC2", "\x80", "\xA0"};
    test_seed(0x7121A5EEu);
    char buf[512];
    el_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.plain.v = buf;
    for (int round = 0; round < 300000; round++) {
        size_t n = 0, parts = test_below(12);
        for (size_t p = 0; p < parts; p++) {
            const char *x = pieces[test_below(sizeof pieces / sizeof *pieces)];
            size_t k = strlen(x);
            memcpy(buf + n, x, k);
            n += k;
        }
        buf[n] = '\0';
        /* any span inside, so spans begin and end inside characters too */
        size_t a = n ? test_below((uint32_t)n + 1) : 0;
        size_t len = test_below((uint32_t)(n - a) + 1);
        el_span sp = {a, len};
        el_span x = trim_span(&doc, sp), y = ref_trim_span(&doc, sp);
        if (x.off != y.off || x.len != y.len)
            fail_msg("trim_span differs on [%zu, +%zu) of \"%.*s\"", a, len, (int)n, buf);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_trim_span_random),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
