/* SPDX-License-Identifier: MIT */
/*
 * The statistics scan's seventh round of shortcuts against the code they replace, kept here
 * verbatim. match_unit finds a unit's group through follow_keys and unit_group, laid out at
 * compile time, where it chained the unit table by first code point at run time (once per
 * process): both must find the same unit at every offset of every unit, after every
 * character, and in random text. The scan no longer calls try_at at 近 约 仅 逾 nor at a
 * lone numeral when the character after them rules a figure out (follow_rejects): for every
 * start character and every three-byte shape after it, a rejection must be one try_at makes
 * too, resuming right after the character, whatever comes before and after; and the scan
 * must emit what the scan before (ref_scan, with ref_next_start) emits over varied and
 * random text. follow_keys must hold every unit's first character and every character a
 * fixed phrase puts after its numeral.
 * This file includes stats.c to reach its static functions.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stats.c"
#include "testrand.h"
#include "teststats.h"

/* ---- The code replaced, for reference ---------------------------------------------------- */

/* The unit table in its former order. */
/* clang-format off */
static const unit_def ref_units[] = {
    {"件", K_COUNT, 0}, {"件次", K_COUNT, 0}, {"起", K_COUNT, 0}, {"名", K_COUNT, 0}, {"户", K_COUNT, 0}, {"户次", K_COUNT, 0},
    {"项", K_COUNT, U_STRUCT}, {"部门", K_COUNT, 0}, {"部", K_COUNT, 0}, {"例", K_COUNT, 0},
    {"人次", K_COUNT, 0}, {"人", K_COUNT, 0}, {"个", K_COUNT, U_GE | U_STRUCT}, {"家", K_COUNT, 0},
    {"所", K_COUNT, 0}, {"座", K_COUNT, 0}, {"条", K_COUNT, U_STRUCT}, {"台", K_COUNT, 0}, {"台次", K_COUNT, 0},
    {"辆", K_COUNT, 0}, {"辆次", K_COUNT, 0}, {"架", K_COUNT, 0}, {"架次", K_COUNT, 0}, {"艘", K_COUNT, 0}, {"亩", K_OTHER, 0},
    {"公顷", K_OTHER, 0}, {"平方米", K_OTHER, 0}, {"平方公里", K_OTHER, 0}, {"平方千米", K_OTHER, 0},
    {"立方米", K_OTHER, 0}, {"公里", K_OTHER, 0}, {"千米", K_OTHER, 0}, {"厘米", K_OTHER, 0},
    {"毫米", K_OTHER, 0}, {"米", K_OTHER, 0}, {"吨", K_OTHER, 0}, {"公斤", K_OTHER, 0},
    {"千克", K_OTHER, 0}, {"斤", K_OTHER, 0}, {"克", K_OTHER, 0},
    {"微克/立方米", K_OTHER, 0}, {"毫克/立方米", K_OTHER, 0}, {"微克", K_OTHER, 0}, {"毫克", K_OTHER, 0}, {"千瓦时", K_OTHER, 0},
    {"千瓦", K_OTHER, 0}, {"次", K_COUNT, 0}, {"批次", K_COUNT, 0}, {"批", K_COUNT, 0}, {"场", K_COUNT, 0}, {"场次", K_COUNT, 0},
    {"支", K_COUNT, 0}, {"只", K_COUNT, 0}, {"棵", K_COUNT, 0}, {"株", K_COUNT, 0},
    {"位", K_COUNT, 0}, {"篇", K_COUNT, 0}, {"本", K_COUNT, 0}, {"册", K_COUNT, 0},
    {"首", K_COUNT, 0}, {"张", K_COUNT, 0}, {"间", K_COUNT, 0}, {"套", K_COUNT, 0},
    {"栋", K_COUNT, 0}, {"幢", K_COUNT, 0}, {"处", K_COUNT, 0}, {"片", K_COUNT, 0},
    {"块", K_COUNT, 0}, {"根", K_COUNT, 0}, {"头", K_COUNT, 0}, {"匹", K_COUNT, 0},
    {"种", K_COUNT, U_STRUCT}, {"类", K_COUNT, U_STRUCT}, {"份", K_COUNT, 0}, {"期", K_COUNT, 0},
    {"轮", K_COUNT, 0}, {"组", K_COUNT, 0}, {"队", K_COUNT, 0}, {"层", K_COUNT, 0},
    {"盏", K_COUNT, 0}, {"宗", K_COUNT, 0}, {"口", K_COUNT, U_WORDY}, {"班次", K_COUNT, 0},
    {"车次", K_COUNT, 0}, {"度", K_OTHER, U_WORDY}, {"幅", K_COUNT, 0}, {"颗", K_COUNT, 0},
    {"枚", K_COUNT, 0}, {"门", K_COUNT, U_WORDY}, {"档", K_COUNT, U_WORDY}, {"笔", K_COUNT, 0},
    {"届", K_COUNT, 0}, {"箱", K_COUNT, 0}, {"单", K_COUNT, U_WORDY}, {"学时", K_DURATION, 0},
    {"课时", K_DURATION, 0}, {"岁", K_OTHER, 0}, {"周岁", K_OTHER, 0}, {"周年", K_COUNT, 0},
    {"%", K_PERCENT, 0}, {"％", K_PERCENT, 0}, {"‰", K_PERCENT, U_PERMILLE},
    {"个百分点", K_OTHER, U_GE_LEAD}, {"百分点", K_OTHER, 0}, {"成", K_PERCENT, U_CHENG | U_RATIO},
    {"元", K_MONEY, 0}, {"美元", K_MONEY, 0}, {"欧元", K_MONEY, 0}, {"日元", K_MONEY, 0},
    {"港元", K_MONEY, 0}, {"英镑", K_MONEY, 0},
    {"小时", K_DURATION, 0}, {"个小时", K_DURATION, U_GE_LEAD}, {"分钟", K_DURATION, 0}, {"秒钟", K_DURATION, 0},
    {"秒", K_DURATION, 0}, {"天", K_DURATION, 0}, {"个工作日", K_DURATION, U_GE_LEAD}, {"工作日", K_DURATION, 0},
    {"周", K_DURATION, 0}, {"个星期", K_DURATION, U_GE_LEAD}, {"星期", K_DURATION, 0}, {"个月", K_DURATION, 0},
    {"季度", K_DURATION, 0}, {"个季度", K_DURATION, U_GE_LEAD}, {"年", K_DURATION, U_YEAR},
    {"月", K_DATE, U_MONTH}, {"月份", K_DATE, U_MONTH}, {"日", K_DATE, U_DAY},
    {"号", K_DATE, U_DAY | U_DATEONLY}, {"年代", K_DATE, 0}, {"世纪", K_DATE, 0},
    {"倍", K_OTHER, U_RATIO},
    {"年级", K_COUNT, U_REJECT}, {"号楼", K_COUNT, U_REJECT}, {"号线", K_COUNT, U_REJECT},
};
/* clang-format on */

/* The unit table chained by first code point, so that a look-up compares only the units that
   start with the character at hand (a handful) instead of walking the whole table at every
   number. Built once per process from the table itself. */
#define REF_UNIT_SLOTS 128
static struct {
    uint8_t head[REF_UNIT_SLOTS];        /* first unit of a slot + 1, 0 = none */
    uint8_t next[COUNT_OF(ref_units)];   /* next unit of the same slot + 1 */
    uint32_t first[COUNT_OF(ref_units)]; /* first code point of each unit */
} ref_unit_index;

static pthread_once_t ref_unit_once = PTHREAD_ONCE_INIT;

static size_t ref_unit_slot(uint32_t c)
{
    return (size_t)((c * 0x9E3779B1u) >> 20) & (REF_UNIT_SLOTS - 1);
}

static void ref_unit_build(void)
{
    _Static_assert(COUNT_OF(ref_units) < 255, "unit indexes are bytes");
    for (size_t k = COUNT_OF(ref_units); k-- > 0;) {
        size_t l;
        uint32_t c = el_text_cp(ref_units[k].w, strlen(ref_units[k].w), 0, &l);
        size_t h = ref_unit_slot(c);
        ref_unit_index.first[k] = c;
        ref_unit_index.next[k] = ref_unit_index.head[h];
        ref_unit_index.head[h] = (uint8_t)(k + 1);
    }
}

/* Unit of the table at i, the longest match (人次 over 人); *def NULL if none. */
static size_t ref_match_unit(const scan_t *t, size_t i, const unit_def **def)
{
    size_t best = 0, l;
    *def = NULL;
    if (i >= t->n)
        return 0;
    uint32_t c = el_text_cp(t->s, t->n, i, &l);
    pthread_once(&ref_unit_once, ref_unit_build);
    for (unsigned k = ref_unit_index.head[ref_unit_slot(c)]; k; k = ref_unit_index.next[k - 1]) {
        if (ref_unit_index.first[k - 1] != c)
            continue;
        l = lit(t->s, t->n, i, ref_units[k - 1].w);
        if (l > best)
            best = l, *def = &ref_units[k - 1];
    }
    return best;
}

/* Offset of the next character from s[i] on that may open a statistic (n if none), its
   length in *len: next_stop by the table of the characters that may, which itself also steps
   over the ASCII marks (the end of the last one in *amark) and over the characters
   no_figure_at rules out (as pair_rejects), so that the common ones cost no return from the
   loop over Han. 大 将 接 上, common and nearly always no qualifier, are not in the table:
   the character after one that is (约 近 百 千 万 亿, which are) points back to it. */
static inline size_t ref_next_start(const char *s, size_t n, size_t i, size_t *amark, size_t *len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t from = i;
    int cls;
    while ((i = next_stop(cc_table_starts, cc_keys_starts, s, n, i, &cls, len)) < n) {
        if (cls == CC_MARK) { /* ASCII only: the table leaves out the others */
            *amark = i + *len;
        } else if (*len != 3) {
            return i;
        } else {
            /* A character the scan stepped over starts at i - 3 if i - 3 >= from: its lead
               byte is no continuation byte (see class_of_bytes). */
            uint32_t c = load_le32(u + i, n - i) & 0xFFFFFF;
            if (i - from >= 3 && pair_before(load_le32(u + i - 3, n - i + 3) & 0xFFFFFF, c)) {
                *len = 3;
                return i - 3;
            }
            if (!pair_rejects(c, n - i >= 6 ? load_le32(u + i + 3, n - i - 3) & 0xFFFFFF : 0))
                return i;
        }
        i += *len;
    }
    return n;
}

static void ref_scan(const char *s, size_t n, el_stats_emit_fn emit, void *ctx)
{
    scan_t t = {s, n};
    /* in_quote: an opening quote was met and no closing one yet as far as known */
    quote_t qs = {false, 0, 0, false};
    size_t i = 0, known = 0, amark = 0;

    if (!s || !emit)
        return;
    while (i < n) {
        size_t l, next;
        el_stat st;
        bool cn;
        if ((i = ref_next_start(s, n, i, &amark, &l)) >= n)
            break;
        if (try_at(&t, i, &st, &next, &cn)) {
            if (cn)
                quote_catch_up(s, i, amark, &known, &qs);
            if (!cn || !in_classical_quote(&t, &qs, &st))
                emit(ctx, &st);
            i = st.off + st.len > i ? st.off + st.len : i + l;
        } else {
            i = next;
        }
    }
}

/* ---- Helpers ------------------------------------------------------------------------------- */

/* match_unit and ref_match_unit at every offset of an exact-size copy of text[0..n): the same
   length and the same unit (the tables differ in order, so compared by content). */
static void check_units(const char *text, size_t n)
{
    char *b = malloc(n ? n : 1);
    assert_non_null(b);
    memcpy(b, text, n);
    scan_t t = {b, n};
    for (size_t i = 0; i <= n; i++) {
        const unit_def *u, *r;
        size_t got = match_unit(&t, i, &u), want = ref_match_unit(&t, i, &r);
        assert_int_equal(got, want);
        assert_int_equal(u == NULL, r == NULL);
        if (u) {
            assert_string_equal(u->w, r->w);
            assert_int_equal(u->kind, r->kind);
            assert_int_equal(u->flags, r->flags);
        }
    }
    free(b);
}

static void check_stats(const char *text, size_t n)
{
    check_stats_with(text, n, ref_scan);
}

/* Appends the UTF-8 bytes of c (below U+10000, surrogates included, as the bytes go) to b. */
static size_t put_cp(char *b, size_t n, uint32_t c)
{
    if (c < 0x80) {
        b[n++] = (char)c;
    } else if (c < 0x800) {
        b[n++] = (char)(0xC0 | c >> 6);
        b[n++] = (char)(0x80 | (c & 0x3F));
    } else {
        b[n++] = (char)(0xE0 | c >> 12);
        b[n++] = (char)(0x80 | (c >> 6 & 0x3F));
        b[n++] = (char)(0x80 | (c & 0x3F));
    }
    return n;
}

/* ---- Tests --------------------------------------------------------------------------------- */

/* units holds the former table's entries, each once, grouped by first character; each group
   is found at its key, and every other slot of unit_group is empty. */
static void test_unit_table(void **state)
{
    (void)state;
    assert_int_equal(COUNT_OF(units), COUNT_OF(ref_units));
    for (size_t k = 0; k < COUNT_OF(ref_units); k++) {
        size_t found = 0;
        for (size_t m = 0; m < COUNT_OF(units); m++)
            if (strcmp(units[m].w, ref_units[k].w) == 0) {
                assert_int_equal(units[m].kind, ref_units[k].kind);
                assert_int_equal(units[m].flags, ref_units[k].flags);
                found++;
            }
        assert_int_equal(found, 1);
    }
    size_t covered = 0;
    for (size_t s = 0; s < 512; s++) {
        for (unsigned k = unit_group[s].first; k < unit_group[s].first + unit_group[s].count; k++) {
            const unsigned char *w = (const unsigned char *)units[k].w;
            uint32_t key = w[0] < 0x80 ? w[0] : w[0] | (uint32_t)w[1] << 8 | (uint32_t)w[2] << 16;
            assert_true(w[0] < 0x80 || (w[0] & 0xF0) == 0xE0);
            assert_int_equal(follow_keys[s], key);
            covered++;
        }
    }
    assert_int_equal(covered, COUNT_OF(units));
}

/* follow_keys holds every character a fixed phrase puts after its numeral (unless a numeral,
   which follow_rejects lets through anyway), and 点 余 多 and the ideographic space. */
static void test_follow_keys(void **state)
{
    (void)state;
    static const uint32_t numerals[] = {U'一', U'二', U'两', U'三', U'四',
                                        U'五', U'七', U'八', U'九', U'十'};
    for (size_t k = 0; k < COUNT_OF(numerals); k++) {
        size_t cnt;
        const char *const *fp = fixed_phrases(numerals[k], &cnt);
        assert_true(cnt > 0);
        for (size_t m = 0; m < cnt; m++) {
            const unsigned char *w = (const unsigned char *)fp[m] + 3;
            uint32_t d = w[0] | (uint32_t)w[1] << 8 | (uint32_t)w[2] << 16;
            assert_true(is_follow(d) || cn_keys[CC_SLOT(d)] == d);
        }
    }
    assert_true(is_follow(UTF8_3(U'点')) && is_follow(UTF8_3(U'余')) && is_follow(UTF8_3(U'多')) &&
                is_follow(UTF8_3(0x3000)));
    assert_true(!is_follow(UTF8_3(U'的')) && !is_follow(UTF8_3(U'是')));
}

/* match_unit finds what ref_match_unit finds: in every unit, cut at every length, followed by
   a character of the table, by one of no unit, or by nothing. */
static void test_match_unit_words(void **state)
{
    (void)state;
    static const char *const tails[] = {"", "人", "的", "多", "以上", "a", "5", "\xE4\xB8"};
    char buf[64];
    for (size_t k = 0; k < COUNT_OF(ref_units); k++)
        for (size_t m = 0; m < COUNT_OF(tails); m++) {
            size_t n = (size_t)snprintf(buf, sizeof buf, "三%s%s", ref_units[k].w, tails[m]);
            for (size_t cut = 0; cut <= n; cut++)
                check_units(buf, cut);
        }
}

/* ... and at every code point below U+10000 (every three-byte shape: overlong forms and
   surrogates too), followed by the rest of each unit, and at every byte. */
static void test_match_unit_chars(void **state)
{
    (void)state;
    static const char *const rests[] = {"", "次", "百分点", "方米", "克/立方米", "元"};
    char buf[32];
    for (uint32_t c = 0; c < 0x10000; c++)
        for (size_t m = 0; m < COUNT_OF(rests); m++) {
            size_t n = put_cp(buf, 0, c);
            memcpy(buf + n, rests[m], strlen(rests[m]));
            n += strlen(rests[m]);
            check_units(buf, n);
        }
    for (unsigned b = 0; b < 256; b++) {
        buf[0] = (char)b, buf[1] = (char)0xBF, buf[2] = (char)0x80;
        for (size_t n = 1; n <= 3; n++)
            check_units(buf, n);
    }
}

/*
 * A rejection of follow_rejects is one try_at makes: for every start character of the scan
 * and every three-byte shape after it, where follow_rejects says no, try_at finds nothing and
 * resumes right after the character, with each of several contexts before and after. (The
 * start characters follow_rejects does not judge it must never reject.)
 */
static void test_follow_rejects(void **state)
{
    (void)state;
    static const char *const befores[] = {"", "第", "近", "约", "线", "1", "\n"};
    static const char *const afters[] = {"", "年", "人", "1", "万", "个月", "以上", "%", "三"};
    size_t nrejected = 0;
    for (size_t k = 0; k < 256; k++) {
        uint32_t c = cc_keys_starts[k];
        if (c == 0 || (c & 0xFF) < 0x80)
            continue;
        unsigned r = follow_rule[CC_SLOT(c)];
        for (uint32_t d = 0; d < 0x10000; d++) {
            char d3[3] = {(char)(0xE0 | d >> 12), (char)(0x80 | (d >> 6 & 0x3F)),
                          (char)(0x80 | (d & 0x3F))};
            uint32_t dk = (unsigned char)d3[0] | (uint32_t)(unsigned char)d3[1] << 8 |
                          (uint32_t)(unsigned char)d3[2] << 16;
            if (!follow_rejects(c, dk))
                continue;
            assert_int_not_equal(r, FOLLOW_NONE);
            nrejected++;
            /* every context for a sample of the rejections, the first context for all */
            size_t nb = d % 61 == 0 ? COUNT_OF(befores) : 1,
                   na = d % 61 == 0 ? COUNT_OF(afters) : 2;
            for (size_t b = 0; b < nb; b++)
                for (size_t a = 0; a < na; a++) {
                    char buf[32];
                    size_t n = strlen(befores[b]);
                    memcpy(buf, befores[b], n);
                    size_t i = n;
                    buf[n++] = (char)(c & 0xFF), buf[n++] = (char)(c >> 8 & 0xFF);
                    buf[n++] = (char)(c >> 16);
                    memcpy(buf + n, d3, 3);
                    n += 3;
                    memcpy(buf + n, afters[a], strlen(afters[a]));
                    n += strlen(afters[a]);
                    char *exact = malloc(n);
                    assert_non_null(exact);
                    memcpy(exact, buf, n);
                    scan_t t = {exact, n};
                    el_stat st;
                    size_t next;
                    bool cn;
                    assert_false(try_at(&t, i, &st, &next, &cn));
                    assert_int_equal(next, i + 3);
                    free(exact);
                }
        }
        /* and never with anything but a three-byte shape after it */
        for (uint32_t b = 0; b < 256; b++)
            if ((b & 0xF0) != 0xE0) {
                assert_false(follow_rejects(c, b | 0x808000));
                assert_false(follow_rejects(c, b | 0x303000));
            }
        assert_false(follow_rejects(c, 0));
    }
    assert_true(nrejected > 0);
}

/* Texts of lone numerals, qualifiers and what may follow them, scanned whole and cut at every
   length: the scan emits what ref_scan emits. */
static void test_texts(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "全县有三严三实的要求，三番五次强调，四川的千家万户二是队伍建设。",
        "近年来，近三成企业、约 5 万人、仅二人、逾百家，近　千人，近半年，近翻一番。",
        "三点五亿元，百分之六十，千分之三，三百余人，万多人，十 人，十　人，九万里。",
        "两学一做，三会一课，五台山，七台河，一国两制，十年树木，三区三州，二人转。",
        "约１５万吨，仅５成，逾２０％，近十年，近 十 年，五年规划，五位一体，八项规定。",
        "伍佰元，叁仟万，壹成，贰倍，两成，零点五，〇五年，九层之台，千里之行。",
    };
    for (size_t k = 0; k < COUNT_OF(texts); k++) {
        size_t n = strlen(texts[k]);
        for (size_t cut = 0; cut <= n; cut++) {
            check_stats(texts[k], cut);
            check_units(texts[k], cut);
        }
    }
}

/* Random texts of numerals, qualifiers, units and their parts, fixed phrases, Han that opens
   nothing, spaces, marks and bad bytes. */
static void test_random_text(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "一",           "二",       "两",       "三",       "四",
        "五",           "六",       "七",       "八",       "九",
        "十",           "百",       "千",       "万",       "亿",
        "零",           "〇",       "壹",       "伍",       "佰",
        "近",           "约",       "仅",       "逾",       "超过",
        "不足",         "上",       "大约",     "翻",       "半",
        "点",           "分",       "之",       "余",       "多",
        "成",           "倍",       "个",       "月",       "年",
        "日",           "号",       "人",       "人次",     "元",
        "美元",         "平方",     "米",       "公里",     "克/立方米",
        "百分点",       "个百分点", "%",        "％",       "‰",
        "km",           "1",        "23",       "2023",     "3.5",
        "1,200",        "５",       "严",       "实",       "国",
        "番",           "学",       "做",       "区",       "州",
        "台",           "山",       "的",       "是",       "川",
        "家",           "户",       "队",       "伍",       " ",
        "　",           "\t",       "\xC2\xA0", "，",       "。",
        "、",           "“",        "”",        "\n",       "第",
        "以上",         "左右",     "\x80",     "\xE4\xB8", "\xE0\x80\xA0",
        "\xED\xA0\x80", "\xEF\xBC",
    };
    test_seed(0x57A77);
    char buf[400];
    for (int round = 0; round < 40000; round++) {
        size_t n = test_join(buf, sizeof buf, pieces, sizeof pieces / sizeof pieces[0],
                             1 + test_below(40));
        check_stats(buf, n);
        if (round % 8 == 0)
            check_units(buf, n);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_unit_table),       cmocka_unit_test(test_follow_keys),
        cmocka_unit_test(test_match_unit_words), cmocka_unit_test(test_match_unit_chars),
        cmocka_unit_test(test_follow_rejects),   cmocka_unit_test(test_texts),
        cmocka_unit_test(test_random_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
