/* SPDX-License-Identifier: MIT */
/*
 * Statistics extractor. One left-to-right pass tries, at each code point that can open a
 * statistic (a digit, a Chinese numeral, a qualifier such as 近/超过, 翻, 百分之), the grammar
 *
 *   [pre-qualifier] number [余|多] [百|千][万][亿] [余|多] unit [以上|左右|…]
 *
 * plus the fixed forms 百分之N, X分之Y, N成, 翻N番, date runs (2023 年 5 月 1 日) and ranges
 * whose lower bound has no unit (2022-2023年, 3至5年, 30～40%, 三至五年: parse_range) or the
 * same unit as the upper one (2022年至2023年, 3年到5年, 30%-40%),
 * qualified halves (近半年, 超过一半, 一半以上) and decimal ratios after a ratio word
 * of their clause (收入倍差缩小到 1.86). A bare N 日 is a date (15 日召开) unless a verb
 * of duration stands before it (行政拘留 10 日) or 内/后 after it. 突破 is a qualifier
 * like 超过 (突破 70 万辆). Chinese numbers take a 点 decimal (三点五亿元) and, in
 * context, a bare 百/千 (近百亩, 百余个, 百万) or a bare 万/亿 (近万人, 万余人, 上亿元).
 * 上 before 百/千/万/亿 is an approximate qualifier like 近/超 (上千万元 is ten million
 * yuan, qualifier 上). 对 counts pairs right after an integer (300多对新人: pair_measure),
 * but not as "towards" or "versus" (对此, 1对1, 一对一).
 * 款 counts models right after an integer (200余款应用: model_measure), but not a model
 * year (2023款). Bounds are qualifiers met by looking back from the number (bound_before),
 * as the scan stops at neither 不 nor 最: 不超过 不少于 不低于 不高于 不多于 不超出
 * (不超过30分钟 is at most 30 minutes, not 超过) and 最高 最低 最多 最少 (最高50万元).
 * Vague figures take an approximate qualifier (vague_start): 数十万人 and 几百家 (value the
 * order of magnitude, qualifier 数/几), 十几个 (value 10, qualifier 几), 两三千人 (value the
 * middle, 2500, qualifier 约); a fraction in ASCII digits (1/3) is a percentage.
 * Precision comes first: a figure needs a unit or a 万/亿 multiplier, and ordinals (第三),
 * list labels (1. / （2）, 论点 2), the small vague numbers (三五个, 两三个小时, 七八十户),
 * the idioms 成千上万, 成百上千, ages and spans of years in vague numbers (十几岁,
 * 数十年如一日), counts of the essay's own points (三个方面, 三条路径), Latin tokens (5G,
 * G20, COVID-19), digit runs longer than 15 digits, slogans (四个全面, 十四五), idioms
 * (三番五次) and Chinese numerals in quoted classical lines (“九层之台，起于累土”) are
 * skipped.
 *
 * Linearity: every attempt looks ahead a bounded distance past the numeral run it starts on,
 * and a failed attempt resumes after that whole run, so no run is rescanned more than a
 * constant number of times (a range reads its upper figure once more, as 过半数 reads the
 * figure after it).
 *
 * Halves that no qualifier opens (半数以上, 过半数, 过半, 占半数) are read where the scan stops
 * at 半, one of its start characters, by looking back for 过 占 达 到 (half_at): 过, frequent
 * in 通过 and 经过, is no stop. They used to come from a second search of every paragraph for
 * 半, merged in text order, which cost more than the stops at 半 do.
 *
 * Speed: most characters can open nothing, and the pass steps over them by their bytes, two
 * Han characters at a time, through a small perfect hash table of those that can (see
 * cc_table), without decoding them; tests/unit/test_stats_fast.c holds the plain loop it
 * replaces and checks that both find the same statistics. It stops at no quotation mark nor
 * clause mark of three bytes: they are looked for only when a statistic in Chinese numerals
 * needs them (quote_catch_up; test_quotes_stats_fast5.c holds the scan that stopped at them
 * all, test_stats_fast6.c the one that stopped at opening quotes). Nor does it stop at 大 将
 * 接 上, which open a figure only before 约 近 百 千 万 亿: the scan stops at those, and looks
 * back (next_start). Nor does it try a figure at 近 约 仅 逾 or a lone numeral when the
 * character after them rules one out (follow_rejects; test_stats_fast7.c holds the scan that
 * tried them all).
 */
#include "stats.h"
#include "lexicon.h"
#include "quotes.h"
#include "text.h"
#include "util.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The look-back for quotation marks (last_quote_mark) tests sixteen offsets at a time where
   SSE2 is there; make portable checks the byte loop alone. */
#if defined(__SSE2__) && defined(__GNUC__)
#define STATS_SSE2 1
#include <emmintrin.h>
#else
#define STATS_SSE2 0
#endif

#define MAX_SPACES 3  /* spaces tolerated between number, qualifier and unit */
#define MAX_DIGITS 15 /* longer digit runs are IDs or phone numbers, never statistics */
#define CN_MAX 24     /* longer Chinese numeral runs are not numbers anyone writes */
#define MAX_VALUE 1e16

/* ---- UTF-8 ------------------------------------------------------------------------------- */

/* Code point ending just before s[i] (0 at the start); *start receives where it begins. */
static uint32_t cp_before(const char *s, size_t n, size_t i, size_t *start)
{
    size_t k, l;
    uint32_t c;

    if (i == 0) {
        *start = 0;
        return 0;
    }
    /* An ASCII byte (the space before a number, a digit) is a character of its own, as
       el_text_cp would decode it below. */
    if ((unsigned char)s[i - 1] < 0x80) {
        *start = i - 1;
        return (unsigned char)s[i - 1];
    }
    /* A well-formed three-byte character (most of the text) is decoded from its bytes, as
       el_text_cp would; anything else takes the walk back below. */
    if (i >= 3) {
        const unsigned char *u = (const unsigned char *)s + i - 3;
        if ((u[0] & 0xF0) == 0xE0 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
            c = (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
            if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) {
                *start = i - 3;
                return c;
            }
        }
    }
    k = i - 1;
    while (k > 0 && i - k < 4 && ((unsigned char)s[k] & 0xC0) == 0x80)
        k--;
    c = el_text_cp(s, n, k, &l);
    if (k + l != i) {
        *start = i - 1;
        return 0xFFFD;
    }
    *start = k;
    return c;
}

static bool is_space(uint32_t c)
{
    return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0;
}

/* True if byte b can start a space of is_space: ' ', '\t', E3 (U+3000) or C2 (U+00A0). */
static inline bool space_lead(unsigned char b)
{
    return b == ' ' || b == '\t' || b == 0xE3 || b == 0xC2;
}

/* skip_sp() past its first byte test. */
static size_t skip_spaces(const char *s, size_t n, size_t i)
{
    for (int k = 0; k < MAX_SPACES && i < n && space_lead((unsigned char)s[i]); k++) {
        size_t l;
        if (!is_space(el_text_cp(s, n, i, &l)))
            break;
        i += l;
    }
    return i;
}

/* Position after at most MAX_SPACES spaces starting at i. The grammar asks this between
   every two parts of a figure, where there is mostly no space: the first byte tells, inline,
   without decoding. */
static inline size_t skip_sp(const char *s, size_t n, size_t i)
{
    return i < n && space_lead((unsigned char)s[i]) ? skip_spaces(s, n, i) : i;
}

/* Length of w if s[i..] starts with it, else 0; stops at the first differing byte, which
   keeps the vocabulary look-ups cheap. */
static size_t lit(const char *s, size_t n, size_t i, const char *w)
{
    size_t k = 0;
    for (; w[k]; k++)
        if (i + k >= n || s[i + k] != w[k])
            return 0;
    return k;
}

/* Longest entry of list[0..cnt) that s[i..] starts with (its length in *len), or NULL. */
static const char *match_list(const char *s, size_t n, size_t i, const char *const *list,
                              size_t cnt, size_t *len)
{
    const char *best = NULL;
    size_t bl = 0;
    for (size_t k = 0; k < cnt; k++) {
        size_t l = lit(s, n, i, list[k]);
        if (l > bl)
            bl = l, best = list[k];
    }
    *len = bl;
    return best;
}

#define COUNT_OF(a) (sizeof(a) / sizeof *(a))

/* ---- Vocabulary ---------------------------------------------------------------------------- */

/* 余 多 after a number (3200 余件, 三百多名), and 几 after a Chinese tens (十几个, 二十几万:
   parse_figure takes it only there) */
static const char *const num_quals[] = {"余", "多", "几"};

/* match_list over num_quals, which is asked after every number: the three are three bytes
   long and start with E4 or E5, so one byte settles most places. */
__attribute__((always_inline)) static inline const char *num_qual_at(const char *s, size_t n,
                                                                     size_t p, size_t *len)
{
    const unsigned char *u = (const unsigned char *)s + p;
    *len = 0;
    if (p >= n || n - p < 3 || (u[0] != 0xE4 && u[0] != 0xE5))
        return NULL;
    for (size_t k = 0; k < COUNT_OF(num_quals); k++)
        if (memcmp(u, num_quals[k], 3) == 0)
            return *len = 3, num_quals[k];
    return NULL;
}
static const char *const tail_quals[] = {"以上", "左右", "上下", "以下", "以内", "之多"};

enum {
    U_YEAR = 1 << 0,     /* 年: a date for a plain year 1900–2100, else a duration */
    U_MONTH = 1 << 1,    /* 月: a date for 1–12 */
    U_DAY = 1 << 2,      /* 日: a date for 1–31 */
    U_DATEONLY = 1 << 3, /* 号: only inside a date run */
    U_CHENG = 1 << 4,    /* 成: tenths, value × 10 */
    U_PERMILLE = 1 << 5, /* ‰: value ÷ 10 */
    U_RATIO = 1 << 6,    /* 成 倍: a bare 一 is still a figure (一成, 一倍) */
    U_REJECT = 1 << 7,   /* 年级 号楼 号线: the number is a label */
    U_GE = 1 << 8,       /* 个: 两个多月 holds its qualifier inside the unit */
    U_GE_LEAD = 1 << 9, /* 个小时 个百分点: the unit is what follows 个 (小时, 百分点) */
    U_WORDY = 1 << 10, /* 度 口 门 档 单: after a bare numeral below ten it is wording
                          (两度 "twice", 三口之家, 分为三档), not data */
    U_STRUCT = 1 << 11 /* 个 条 种 项 类: 三个方面, 三条路径 count the essay's own points */
};

typedef struct {
    const char *w;
    el_stat_kind kind;
    unsigned flags;
} unit_def;

/* Measure words and units; the longest match wins (人次 over 人, 个月 over 个). Grouped by
   first character: G(that character's code point in hex, the units it opens), so that a
   look-up compares only the units of the character at hand (match_unit, through follow_keys
   and unit_group below, all laid out at compile time). */
#define K_COUNT EL_STAT_COUNT
#define K_PERCENT EL_STAT_PERCENT
#define K_MONEY EL_STAT_MONEY
#define K_DURATION EL_STAT_DURATION
#define K_DATE EL_STAT_DATE
#define K_OTHER EL_STAT_OTHER
/* clang-format off */
#define UNIT_GROUPS(G) \
    G(4EF6, {"件", K_COUNT, 0}, {"件次", K_COUNT, 0}) \
    G(8D77, {"起", K_COUNT, 0}) \
    G(540D, {"名", K_COUNT, 0}) \
    G(6237, {"户", K_COUNT, 0}, {"户次", K_COUNT, 0}) \
    G(9879, {"项", K_COUNT, U_STRUCT}) \
    G(90E8, {"部门", K_COUNT, 0}, {"部", K_COUNT, 0}) \
    G(4F8B, {"例", K_COUNT, 0}) \
    G(4EBA, {"人次", K_COUNT, 0}, {"人", K_COUNT, 0}) \
    G(4E2A, {"个", K_COUNT, U_GE | U_STRUCT}, {"个百分点", K_OTHER, U_GE_LEAD}, \
            {"个小时", K_DURATION, U_GE_LEAD}, {"个工作日", K_DURATION, U_GE_LEAD}, \
            {"个星期", K_DURATION, U_GE_LEAD}, {"个月", K_DURATION, 0}, \
            {"个季度", K_DURATION, U_GE_LEAD}) \
    G(5BB6, {"家", K_COUNT, 0}) \
    G(6240, {"所", K_COUNT, 0}) \
    G(5EA7, {"座", K_COUNT, 0}) \
    G(6761, {"条", K_COUNT, U_STRUCT}) \
    G(53F0, {"台", K_COUNT, 0}, {"台次", K_COUNT, 0}) \
    G(8F86, {"辆", K_COUNT, 0}, {"辆次", K_COUNT, 0}) \
    G(67B6, {"架", K_COUNT, 0}, {"架次", K_COUNT, 0}) \
    G(8258, {"艘", K_COUNT, 0}) \
    G(4EA9, {"亩", K_OTHER, 0}) \
    G(516C, {"公顷", K_OTHER, 0}, {"公里", K_OTHER, 0}, {"公斤", K_OTHER, 0}) \
    G(5E73, {"平方米", K_OTHER, 0}, {"平方公里", K_OTHER, 0}, {"平方千米", K_OTHER, 0}) \
    G(7ACB, {"立方米", K_OTHER, 0}) \
    G(5343, {"千米", K_OTHER, 0}, {"千克", K_OTHER, 0}, {"千瓦时", K_OTHER, 0}, \
            {"千瓦", K_OTHER, 0}) \
    G(5398, {"厘米", K_OTHER, 0}) \
    G(6BEB, {"毫米", K_OTHER, 0}, {"毫克/立方米", K_OTHER, 0}, {"毫克", K_OTHER, 0}) \
    G(7C73, {"米", K_OTHER, 0}) \
    G(5428, {"吨", K_OTHER, 0}) \
    G(65A4, {"斤", K_OTHER, 0}) \
    G(514B, {"克", K_OTHER, 0}) \
    G(5FAE, {"微克/立方米", K_OTHER, 0}, {"微克", K_OTHER, 0}) \
    G(6B21, {"次", K_COUNT, 0}) \
    G(6279, {"批次", K_COUNT, 0}, {"批", K_COUNT, 0}) \
    G(573A, {"场", K_COUNT, 0}, {"场次", K_COUNT, 0}) \
    G(652F, {"支", K_COUNT, 0}) \
    G(53EA, {"只", K_COUNT, 0}) \
    G(68F5, {"棵", K_COUNT, 0}) \
    G(682A, {"株", K_COUNT, 0}) \
    G(4F4D, {"位", K_COUNT, 0}) \
    G(7BC7, {"篇", K_COUNT, 0}) \
    G(672C, {"本", K_COUNT, 0}) \
    G(518C, {"册", K_COUNT, 0}) \
    G(9996, {"首", K_COUNT, 0}) \
    G(5F20, {"张", K_COUNT, 0}) \
    G(95F4, {"间", K_COUNT, 0}) \
    G(5957, {"套", K_COUNT, 0}) \
    G(680B, {"栋", K_COUNT, 0}) \
    G(5E62, {"幢", K_COUNT, 0}) \
    G(5904, {"处", K_COUNT, 0}) \
    G(7247, {"片", K_COUNT, 0}) \
    G(5757, {"块", K_COUNT, 0}) \
    G(6839, {"根", K_COUNT, 0}) \
    G(5934, {"头", K_COUNT, 0}) \
    G(5339, {"匹", K_COUNT, 0}) \
    G(79CD, {"种", K_COUNT, U_STRUCT}) \
    G(7C7B, {"类", K_COUNT, U_STRUCT}) \
    G(4EFD, {"份", K_COUNT, 0}) \
    G(671F, {"期", K_COUNT, 0}) \
    G(8F6E, {"轮", K_COUNT, 0}) \
    G(7EC4, {"组", K_COUNT, 0}) \
    G(961F, {"队", K_COUNT, 0}) \
    G(5C42, {"层", K_COUNT, 0}) \
    G(76CF, {"盏", K_COUNT, 0}) \
    G(5B97, {"宗", K_COUNT, 0}) \
    G(53E3, {"口", K_COUNT, U_WORDY}) \
    G(73ED, {"班次", K_COUNT, 0}) \
    G(8F66, {"车次", K_COUNT, 0}) \
    G(5EA6, {"度", K_OTHER, U_WORDY}) \
    G(5E45, {"幅", K_COUNT, 0}) \
    G(9897, {"颗", K_COUNT, 0}) \
    G(679A, {"枚", K_COUNT, 0}) \
    G(95E8, {"门", K_COUNT, U_WORDY}) \
    G(6863, {"档", K_COUNT, U_WORDY}) \
    G(7B14, {"笔", K_COUNT, 0}) \
    G(5C4A, {"届", K_COUNT, 0}) \
    G(7BB1, {"箱", K_COUNT, 0}) \
    G(5355, {"单", K_COUNT, U_WORDY}) \
    G(5B66, {"学时", K_DURATION, 0}) \
    G(8BFE, {"课时", K_DURATION, 0}) \
    G(5C81, {"岁", K_OTHER, 0}) \
    G(5468, {"周岁", K_OTHER, 0}, {"周年", K_COUNT, 0}, {"周", K_DURATION, 0}) \
    G(0025, {"%", K_PERCENT, 0}) \
    G(FF05, {"％", K_PERCENT, 0}) \
    G(2030, {"‰", K_PERCENT, U_PERMILLE}) \
    G(767E, {"百分点", K_OTHER, 0}) \
    G(6210, {"成", K_PERCENT, U_CHENG | U_RATIO}) \
    G(5143, {"元", K_MONEY, 0}) \
    G(7F8E, {"美元", K_MONEY, 0}) \
    G(6B27, {"欧元", K_MONEY, 0}) \
    G(65E5, {"日元", K_MONEY, 0}, {"日", K_DATE, U_DAY}) \
    G(6E2F, {"港元", K_MONEY, 0}) \
    G(82F1, {"英镑", K_MONEY, 0}) \
    G(5C0F, {"小时", K_DURATION, 0}) \
    G(5206, {"分钟", K_DURATION, 0}) \
    G(79D2, {"秒钟", K_DURATION, 0}, {"秒", K_DURATION, 0}) \
    G(5929, {"天", K_DURATION, 0}) \
    G(5DE5, {"工作日", K_DURATION, 0}) \
    G(661F, {"星期", K_DURATION, 0}) \
    G(5B63, {"季度", K_DURATION, 0}) \
    G(5E74, {"年", K_DURATION, U_YEAR}, {"年代", K_DATE, 0}, {"年级", K_COUNT, U_REJECT}) \
    G(6708, {"月", K_DATE, U_MONTH}, {"月份", K_DATE, U_MONTH}) \
    G(53F7, {"号", K_DATE, U_DAY | U_DATEONLY}, {"号楼", K_COUNT, U_REJECT}, \
            {"号线", K_COUNT, U_REJECT}) \
    G(4E16, {"世纪", K_DATE, 0}) \
    G(500D, {"倍", K_OTHER, U_RATIO})
/* clang-format on */
#define UNIT_FLAT(cp, ...) __VA_ARGS__,
static const unit_def units[] = {UNIT_GROUPS(UNIT_FLAT)};

/* Where each group starts in units (UG_<code point>), from the sizes of the groups before. */
#define UNIT_COUNT_OF(...) (sizeof((const unit_def[]){__VA_ARGS__}) / sizeof(unit_def))
#define UNIT_START(cp, ...) UG_##cp, UG_##cp##_LAST = UG_##cp + (int)UNIT_COUNT_OF(__VA_ARGS__) - 1,
enum { UNIT_GROUPS(UNIT_START) UNIT_TOTAL };
_Static_assert(UNIT_TOTAL == COUNT_OF(units) && UNIT_TOTAL < 256, "unit groups are laid out");

/* Latin units accepted right after an Arabic number; any other letter run (5G, 4K) rejects. */
static const char *const latin_units[] = {"km", "kg", "kWh", "kW", "MW", "GW", "GB",
                                          "TB", "MB", "cm",  "mm", "m",  "t"};

/* Slogans, idioms and place names whose numerals would otherwise read as a figure with a
   measure word; matched where a numeral starts and skipped whole. Grouped by first character
   so that the common numerals (一 above all) compare against a handful of entries only. */
static const char *const fp_yi[] = {"一国两制", "一成不变"};
static const char *const fp_er[] = {"二人转"};
static const char *const fp_liang[] = {
    "两个确立",   "两个维护",     "两个务必", "两个一百年", "两个百年", "两个结合", "两个大局",
    "两个基本点", "两个毫不动摇", "两个健康", "两学一做",   "两条腿",   "两天晒网",
};
static const char *const fp_san[] = {
    "三个务必", "三个代表", "三个有利于", "三位一体", "三区三州", "三严三实",
    "三会一课", "三部曲",   "三番五次",   "三人成虎", "三人行",   "三头六臂",
    "三天打鱼", "三天两头", "三年五载",   "三台县",   "三元区",
};
static const char *const fp_si[] = {"四个全面", "四个意识", "四个自信", "四个现代化",
                                    "四个伟大", "四个坚持", "四个面向", "四位一体"};
static const char *const fp_wu[] = {"五个必由之路", "五位一体", "五年规划",
                                    "五台山",       "五台县",   "五家渠"};
static const char *const fp_qi[] = {"七台河"};
static const char *const fp_ba[] = {"八项规定"};
static const char *const fp_jiu[] = {"九天揽月", "九台区"};
static const char *const fp_shi[] = {"十三五",   "十四五",     "十五五",
                                     "十年树木", "十年磨一剑", "十年如一日"};

/* The fixed phrases that can start with numeral c (*cnt of them), or NULL. */
static const char *const *fixed_phrases(uint32_t c, size_t *cnt)
{
#define FP(a) (*cnt = COUNT_OF(a), (a))
    switch (c) {
    case U'一':
        return FP(fp_yi);
    case U'二':
        return FP(fp_er);
    case U'两':
        return FP(fp_liang);
    case U'三':
        return FP(fp_san);
    case U'四':
        return FP(fp_si);
    case U'五':
        return FP(fp_wu);
    case U'七':
        return FP(fp_qi);
    case U'八':
        return FP(fp_ba);
    case U'九':
        return FP(fp_jiu);
    case U'十':
        return FP(fp_shi);
    default:
        *cnt = 0;
        return NULL;
    }
#undef FP
}

/* Upper and lower bounds before a number: 不超过30分钟 is at most 30 minutes, the opposite of
   超过30分钟, and 最高50万元 a ceiling. No scan stops at their first character (不 and 最 are
   too common): try_at looks back for them from where it stops (bound_before). */
static const char *const bu_bounds[] = {"不超过", "不少于", "不低于", "不高于", "不多于", "不超出"};
static const char *const zui_bounds[] = {"最高", "最低", "最多", "最少"};

/* Qualifier opening a statistic at s[i], whose first code point c is l bytes long: a static
   string (its length in *len), or NULL. A switch on c: 不 and 大 are among the commonest
   characters and must cost next to nothing when they open no qualifier. */
static const char *pre_qualifier(const char *s, size_t n, size_t i, uint32_t c, size_t l,
                                 size_t *len)
{
    size_t k;
    const char *q = NULL;
    *len = l;
    switch (c) {
    case U'超': {
        size_t at;
        if ((k = lit(s, n, i + l, "过")) > 0)
            return *len = l + k, "超过";
        /* 不超5%: an upper bound, no 超 "over" (不超过 opens at 不, below) */
        return cp_before(s, n, i, &at) == U'不' ? NULL : "超";
    }
    case U'将':
        q = "将近";
        break;
    case U'接':
        q = "接近";
        break;
    case U'不':
        if ((k = lit(s, n, i + l, "足")) > 0)
            return *len = l + k, "不足";
        if ((k = lit(s, n, i + l, "到")) > 0)
            return *len = l + k, "不到";
        /* bounds of three characters (不超过 不少于 …): the scan meets them by looking back
           from the number (try_at) */
        for (size_t b = 0; b < COUNT_OF(bu_bounds); b++)
            if ((k = lit(s, n, i, bu_bounds[b])) > 0)
                return *len = k, bu_bounds[b];
        return NULL;
    case U'最':
        /* 最高50万元, 最多3天: bounds the scan meets by looking back from the number */
        for (size_t b = 0; b < COUNT_OF(zui_bounds); b++)
            if ((k = lit(s, n, i, zui_bounds[b])) > 0)
                return *len = k, zui_bounds[b];
        return NULL;
    case U'大':
        q = "大约";
        break;
    case U'约':
        return "约";
    case U'近':
        return "近";
    case U'逾':
        return "逾";
    case U'仅':
        return "仅";
    case U'突':
        /* 突破 "breaks through": more than, like 超过 (突破 70 万辆) */
        if ((k = lit(s, n, i + l, "破")) > 0)
            return *len = l + k, "突破";
        return NULL;
    case U'上': {
        /* 上百/上千/上万/上亿 "as many as": only before a bare 百 千 万 亿 (上十 上三 are no
           figures); the caller rules out 上 ending a word (线上, 成千上万) */
        size_t cl;
        uint32_t d = i + l < n ? el_text_cp(s, n, i + l, &cl) : 0;
        if (d == U'百' || d == U'千' || d == U'万' || d == U'亿')
            return "上";
        return NULL;
    }
    default:
        return NULL;
    }
    /* 将近 接近 大约: the second character must follow */
    if ((k = lit(s, n, i, q)) > 0)
        return *len = k, q;
    return NULL;
}

/* ---- Numerals ------------------------------------------------------------------------------ */

static inline int a_digit(uint32_t c)
{
    if (c >= '0' && c <= '9')
        return (int)(c - '0');
    if (c >= 0xFF10 && c <= 0xFF19)
        return (int)(c - 0xFF10);
    return -1;
}

static bool is_ascii_alpha(uint32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_ascii_alnum(uint32_t c)
{
    return is_ascii_alpha(c) || (c >= '0' && c <= '9');
}

/* The bytes of the character c (U+0800..U+FFFF) in UTF-8, first byte lowest; for the
   scan's tables (cc_table, cn_keys), which are keyed by them. */
#define UTF8_3(c)                                                                                  \
    ((0xE0u | (uint32_t)(c) >> 12) | (0x80u | ((uint32_t)(c) >> 6 & 0x3F)) << 8 |                  \
     (0x80u | ((uint32_t)(c)&0x3F)) << 16)
/* Slot of such bytes in those tables: a multiplier searched for so that no two of their keys
   share a slot (see cc_table). It was found by a small C program, run once: the keys of
   CC_LIST, each multiplier tried in turn, odd ones upward from the one before (0x58E173E1,
   under which 半 shared 约's slot), until all 72 slots differed (30876 tries). */
#define CC_SLOT(key) ((uint32_t)(key)*0x58E26519u >> 24)

/* The Chinese numerals by their bytes (cn_keys, in their slots of cc_table), and what each
   means (cn_meaning): digit + 1 (1..10) or 16 + the power of ten of a unit (十 百 千 万 亿).
   Numbers are parsed at every numeral the scan stops at, and a switch over the 32 numerals
   there was a tree of branches mispredicted at most characters; a look-up is not. */
enum { CN_UNIT = 16 };
/* clang-format off */
#define CN_NUMERALS(X)                                                                             \
    X(U'零', 1) X(U'〇', 1) X(U'一', 2) X(U'壹', 2) X(U'二', 3) X(U'贰', 3) X(U'两', 3)             \
    X(U'兩', 3) X(U'三', 4) X(U'叁', 4) X(U'四', 5) X(U'肆', 5) X(U'五', 6) X(U'伍', 6)             \
    X(U'六', 7) X(U'陆', 7) X(U'七', 8) X(U'柒', 8) X(U'八', 9) X(U'捌', 9) X(U'九', 10)            \
    X(U'玖', 10) X(U'十', CN_UNIT + 1) X(U'拾', CN_UNIT + 1) X(U'百', CN_UNIT + 2)                  \
    X(U'佰', CN_UNIT + 2) X(U'千', CN_UNIT + 3) X(U'仟', CN_UNIT + 3) X(U'万', CN_UNIT + 4)         \
    X(U'萬', CN_UNIT + 4) X(U'亿', CN_UNIT + 8) X(U'億', CN_UNIT + 8)
/* clang-format on */
#define CN_KEY(ch, m) [CC_SLOT(UTF8_3(ch))] = UTF8_3(ch),
#define CN_MEANING(ch, m) [CC_SLOT(UTF8_3(ch))] = (m),
static const uint32_t cn_keys[256] = {CN_NUMERALS(CN_KEY)};
static const uint8_t cn_meaning[256] = {CN_NUMERALS(CN_MEANING)};

/* cn_meaning of the code point c, 0 if it is no Chinese numeral. */
static inline unsigned cn_lookup(uint32_t c)
{
    /* (outside U+0800..U+FFFF a key no slot holds) */
    uint32_t key = c - 0x800 < 0xF800 ? UTF8_3(c) : UINT32_MAX;
    unsigned slot = CC_SLOT(key);
    return cn_keys[slot] == key ? cn_meaning[slot] : 0;
}

static inline int cn_digit(uint32_t c)
{
    unsigned m = cn_lookup(c);
    return m - 1 < 10 ? (int)m - 1 : -1;
}

static inline double cn_unit(uint32_t c)
{
    static const double pow10[9] = {1, 10, 100, 1000, 1e4, 1e5, 1e6, 1e7, 1e8};
    unsigned m = cn_lookup(c);
    return m > CN_UNIT ? pow10[m - CN_UNIT] : 0;
}

static inline bool is_cn_numeral(uint32_t c)
{
    return cn_lookup(c) != 0;
}

typedef struct {
    double value;
    size_t end;  /* end of the number */
    size_t skip; /* where a failed attempt resumes: past the whole numeral run */
    int ndigits; /* integer digits (Arabic) or digits of a Chinese digit string */
    bool ok, chinese, integer, bare_one, bare_two, digit_string;
    bool lead_unit; /* Chinese, opens with a bare 百/千 (百余个, 近百亩, 百万) */
    bool lead_wan;  /* Chinese, a bare 万, 亿 or 万亿 (近万人, 万余人, 上亿元) */
    bool wan_end;   /* Chinese, ends with 万 or 亿 (三十万, 百万): a figure without a unit */
} num_t;

/* True if s[j..j+3) are ASCII digits not followed by a fourth (a thousands group). */
static bool digit_group(const char *s, size_t n, size_t j)
{
    if (j > n || n - j < 3)
        return false;
    for (int k = 0; k < 3; k++)
        if (s[j + k] < '0' || s[j + k] > '9')
            return false;
    return j + 3 >= n || s[j + 3] < '0' || s[j + 3] > '9';
}

/* Arabic number at s[i] (digits, 3,200 groups, a decimal part; full-width digits too). */
static void parse_arabic(const char *s, size_t n, size_t i, num_t *r)
{
    size_t j = i, l;
    double ip = 0, fv = 0, scale = 1;
    int nd = 0, group = 0, fd = 0;
    bool commas = false;

    memset(r, 0, sizeof *r);
    while (j < n) {
        uint32_t c = el_text_cp(s, n, j, &l);
        int d = a_digit(c);
        if (d >= 0) {
            if (nd <= MAX_DIGITS)
                ip = ip * 10 + d;
            nd++, group++, j += l;
        } else if (c == ',' && (commas ? group == 3 : group <= 3) && digit_group(s, n, j + 1)) {
            commas = true, group = 0, j++;
        } else {
            break;
        }
    }
    r->integer = true;
    if (j < n) {
        uint32_t c = el_text_cp(s, n, j, &l);
        size_t l2;
        if ((c == '.' || c == 0xFF0E) && j + l < n && a_digit(el_text_cp(s, n, j + l, &l2)) >= 0) {
            r->integer = false;
            j += l;
            while (j < n) {
                int d = a_digit(el_text_cp(s, n, j, &l2));
                if (d < 0)
                    break;
                if (fd < 9)
                    fv = fv * 10 + d, scale *= 10;
                fd++, j += l2;
            }
        }
    }
    r->end = r->skip = j;
    r->ndigits = nd;
    r->value = ip + fv / scale;
    r->ok = nd > 0 && nd <= MAX_DIGITS;
}

enum { CN_POINT = 1, CN_UNIT_START = 2, CN_HUNDRED_START = 4, CN_WAN_START = 8 };

/* With CN_POINT, a 点 decimal part at s[j] (点五, 点零五) added to r->value, which then is
   no integer nor a bare 一/二 any more. A 点 without a digit after it (三点钟) is left alone. */
static void cn_point(const char *s, size_t n, size_t j, int flags, num_t *r)
{
    size_t pl, l;
    if (!(flags & CN_POINT) || r->wan_end || (pl = lit(s, n, j, "点")) == 0 || j + pl >= n ||
        cn_digit(el_text_cp(s, n, j + pl, &l)) < 0)
        return;
    double fv = 0, scale = 1;
    int fd = 0;
    j += pl;
    while (j < n) {
        int d = cn_digit(el_text_cp(s, n, j, &l));
        if (d < 0)
            break;
        if (fd < 9)
            fv = fv * 10 + d, scale *= 10;
        fd++, j += l;
    }
    r->value += fv / scale;
    r->integer = r->bare_one = r->bare_two = false;
    r->end = r->skip = j;
}

/* Chinese numeral at s[i]: 一千二百, 十八, 三万五, 两千, 二〇二三 (a digit string), and with
   CN_POINT a 点 decimal (三点五, 三十五点五), with CN_UNIT_START a leading 百/千/万 (百分之百),
   with CN_HUNDRED_START a leading 百/千 only (百余个, 百万: the caller judges its context), with
   CN_WAN_START a bare 万, 亿 or 万亿 (近万人: lead_wan set, the caller judges its context). */
static void parse_chinese(const char *s, size_t n, size_t i, int flags, num_t *r)
{
    uint32_t tok[CN_MAX];
    int nt = 0;
    bool too_long = false;
    size_t j = i, l;

    memset(r, 0, sizeof *r);
    r->chinese = true;
    r->integer = true;
    while (j < n) {
        uint32_t c = el_text_cp(s, n, j, &l);
        if (!is_cn_numeral(c))
            break;
        if (nt < CN_MAX)
            tok[nt++] = c;
        else
            too_long = true;
        j += l;
    }
    r->end = r->skip = j;
    if (nt == 0 || too_long)
        return;
    if ((flags & CN_WAN_START) && cn_unit(tok[0]) >= 1e4) {
        /* a bare 万/亿/万亿 and nothing else: 万一, 万五, 亿万 are words or no figure */
        bool wan = tok[0] == U'万' || tok[0] == U'萬';
        bool yi2 = nt == 2 && wan && (tok[1] == U'亿' || tok[1] == U'億');
        if (nt == 1 || yi2) {
            r->value = yi2 ? 1e12 : wan ? 1e4 : 1e8;
            r->lead_wan = r->wan_end = r->ok = true;
        }
        return;
    }

    bool all_digits = true;
    for (int k = 0; k < nt; k++)
        if (cn_digit(tok[k]) < 0)
            all_digits = false;
    if (all_digits) {
        if (nt == 1) {
            r->value = cn_digit(tok[0]);
            r->bare_one = r->value == 1;
            r->bare_two = tok[0] == U'二' || tok[0] == U'贰';
            /* a single digit may still carry a 点 decimal (三点五亿元) */
            cn_point(s, n, j, flags, r);
            r->ok = r->value > 0;
        } else if (nt <= MAX_DIGITS) {
            double v = 0;
            for (int k = 0; k < nt; k++)
                v = v * 10 + cn_digit(tok[k]);
            r->value = v;
            r->digit_string = true;
            r->ndigits = nt;
            r->ok = true;
        }
        return;
    }

    /* Positional parse: digits times 十/百/千 inside a 万/亿 section. */
    double total = 0, section = 0, last_unit = 0, small_limit = 1e4;
    int cur = -1;
    bool after_zero = false, wan_in_section = false, yi_seen = false;
    for (int k = 0; k < nt; k++) {
        int d = cn_digit(tok[k]);
        double u = cn_unit(tok[k]);
        if (d == 0) {
            if (k == 0)
                return;
            after_zero = true;
        } else if (d > 0) {
            if (cur >= 0)
                return; /* 十四五, 三五十: two digits in a row */
            cur = d;
        } else if (u < 1e4) {
            double m;
            if (u >= small_limit)
                return;
            if (cur >= 0)
                m = cur;
            else if (k == 0 && (u == 10 || (flags & CN_UNIT_START)))
                m = 1;
            else if (k == 0 && (flags & CN_HUNDRED_START))
                m = 1, r->lead_unit = true;
            else
                return;
            section += m * u;
            small_limit = u, last_unit = u, cur = -1, after_zero = false;
        } else if (u == 1e4) {
            if (wan_in_section || (k == 0 && !(flags & CN_UNIT_START)) || (section == 0 && cur < 0))
                return;
            total += (section + (cur > 0 ? cur : 0)) * 1e4;
            section = 0, cur = -1, small_limit = 1e4, last_unit = u, after_zero = false;
            wan_in_section = true;
        } else {
            if (yi_seen || k == 0 || (total == 0 && section == 0 && cur < 0))
                return;
            total = (total + section + (cur > 0 ? cur : 0)) * 1e8;
            section = 0, cur = -1, small_limit = 1e4, last_unit = u, after_zero = false;
            yi_seen = true, wan_in_section = false;
        }
    }
    if (cur > 0)
        section += last_unit >= 100 && !after_zero ? cur * last_unit / 10 : cur; /* 三万五 */
    r->value = total + section;
    r->wan_end = cn_unit(tok[nt - 1]) >= 1e4;
    cn_point(s, n, j, flags, r);
    r->ok = r->value > 0 && r->value < MAX_VALUE;
}

/* Any number (Arabic or Chinese) at s[i]; r->ok false if none. */
static void parse_num(const char *s, size_t n, size_t i, int flags, num_t *r)
{
    size_t l;
    uint32_t c;
    if (i >= n) {
        memset(r, 0, sizeof *r);
        r->end = r->skip = n;
        return;
    }
    c = el_text_cp(s, n, i, &l);
    if (a_digit(c) >= 0) {
        parse_arabic(s, n, i, r);
    } else if (is_cn_numeral(c)) {
        parse_chinese(s, n, i, flags, r);
    } else {
        memset(r, 0, sizeof *r);
        r->end = r->skip = i + l;
    }
}

/* ---- Context checks ------------------------------------------------------------------------ */

/* True if the number s[i..end) is a list label: alone at the start of a line and followed by
   . 、 ) : (1. / 2、 / （3） / (4)). */
__attribute__((always_inline)) static inline bool is_list_label(const char *s, size_t n, size_t i,
                                                                size_t end)
{
    size_t l, k;
    uint32_t after = end < n ? el_text_cp(s, n, end, &l) : 0;

    /* every label has one of these after it: most numbers are settled before looking back */
    if (after != '.' && after != 0xFF0E && after != 0x3001 && after != ')' && after != 0xFF09 &&
        after != ':' && after != 0xFF1A)
        return false;
    uint32_t before = cp_before(s, n, i, &k);
    if (before == '(' || before == 0xFF08) {
        if (after != ')' && after != 0xFF09)
            return false;
    } else {
        k = i;
    }
    for (int steps = 0; steps < 16 && k > 0; steps++) {
        size_t st;
        uint32_t c = cp_before(s, n, k, &st);
        if (c == '\n' || c == '\r')
            return true;
        if (!is_space(c))
            return false;
        k = st;
    }
    return k == 0;
}

/* The code point before i, looking back over at most MAX_SPACES spaces. */
static uint32_t prev_nonspace(const char *s, size_t n, size_t i, size_t *at)
{
    uint32_t c = 0;
    *at = i;
    for (int k = 0; k <= MAX_SPACES && *at > 0; k++) {
        c = cp_before(s, n, *at, at);
        if (!is_space(c))
            return c;
    }
    return is_space(c) ? 0 : c;
}

/* True if the context before the number at i makes it an ordinal, a weekday or vague. */
__attribute__((always_inline)) static inline bool bad_prefix(const char *s, size_t n, size_t i,
                                                             bool chinese)
{
    size_t at0, at, at2;
    /* the character touching the number, and the one before it past any spaces (the same
       unless it is a space: looked up once) */
    uint32_t p0 = cp_before(s, n, i, &at0), p = p0;
    at = at0;
    if (is_space(p0))
        p = prev_nonspace(s, n, i, &at);

    if (p == U'第')
        return true;
    if (p == U'点') {
        /* 论点2, 分论点 3, 观点三: the number labels a point of the essay */
        uint32_t pp = cp_before(s, n, at, &at2);
        if (pp == U'论' || pp == U'观')
            return true;
    }
    if (!chinese) {
        /* G20, COVID-19, v1.2.3, PM2.5: the number belongs to a Latin token (only a character
           touching the number counts) */
        if (p0 != p)
            return false;
        if (is_ascii_alpha(p) || p == '_')
            return true;
        if (p == '-' || p == '.' || p == 0xFF0E) {
            uint32_t pp = cp_before(s, n, at, &at2);
            return is_ascii_alpha(pp) || (p != '-' && is_ascii_alnum(pp));
        }
        return false;
    }
    p = p0, at = at0;
    if (p == U'几' || p == U'数' || p == U'初')
        return true;
    if (p == U'周' || p == U'期' || p == U'拜') {
        uint32_t pp = cp_before(s, n, at, &at2);
        if (p == U'周')
            return pp != U'每';
        return (p == U'期' && pp == U'星') || (p == U'拜' && pp == U'礼');
    }
    return false;
}

/* True if 成 at s[i] starts a word (成为, 成立, 成本 …) rather than meaning tenths. loose_one:
   the number is a bare 一 with no qualifier, likely the tail of a word (统一成果园). */
__attribute__((always_inline)) static inline bool cheng_is_word(const char *s, size_t n, size_t i,
                                                                bool loose_one)
{
    size_t l, l2;
    if (i >= n)
        return false;
    switch (el_text_cp(s, n, i, &l)) {
    case U'果':
        /* 成果 "results", but 近三成果园 is 三成 + 果园: a counted 成果 takes a measure word
           (三项成果), so 果 opening 果园 果农 果树 果蔬 after N成 is the noun */
        if (loose_one)
            return true;
        switch (i + l < n ? el_text_cp(s, n, i + l, &l2) : 0) {
        case U'园':
        case U'农':
        case U'树':
        case U'蔬':
            return false;
        default:
            return true;
        }
    case U'为':
    case U'立':
    case U'本':
    case U'员':
    case U'效':
    case U'绩':
    case U'熟':
    case U'功':
    case U'长':
    case U'就':
    case U'交':
    case U'型':
    case U'都':
    case U'品':
    case U'群':
    case U'虎':
    case U'才':
    case U'年':
    case U'败':
    case U'分':
        return true;
    default:
        return false;
    }
}

/* Verbs and phrases after which N 日 counts days (行政拘留 10 日, 连续 15 日, 限期 30 日)
   rather than naming a day of a month (15 日召开). */
static const char *const day_span_before[] = {
    "拘留", "连续", "持续", "历时", "为期", "长达", "耗时", "用时", "用了",
    "仅用", "花了", "停产", "停业", "隔离", "限期", "期限", "延长", "缩短",
};

/* True if the bare N 日 whose number starts at j is a span of days: one of day_span_before
   right before it, and no 月 (每月 15 日 is a day of the month). */
__attribute__((always_inline)) static inline bool day_span(const char *s, size_t n, size_t j)
{
    size_t at, l;
    uint32_t p = prev_nonspace(s, n, j, &at);
    if (p == 0 || p == U'月')
        return false;
    el_text_cp(s, n, at, &l);
    for (size_t k = 0; k < COUNT_OF(day_span_before); k++) {
        size_t wl = strlen(day_span_before[k]);
        if (at + l >= wl && lit(s, n, at + l - wl, day_span_before[k]))
            return true;
    }
    return false;
}

/* Words that make a bare decimal a ratio: 城乡居民收入比由 2.81 缩小至 2.39, 收入倍差缩小到
   1.86, 基尼系数为 0.46. */
static const char *const ratio_words[] = {"倍差", "之比", "比值", "收入比", "系数", "比为"};
#define RATIO_LOOKBACK 32 /* code points searched back for a ratio word, within the clause */

/* True if a ratio word stands before the number at j in its clause (back to the previous
   ， 。 ； ： ！ ？ 、 or line break, at most RATIO_LOOKBACK code points). */
__attribute__((always_inline)) static inline bool ratio_context(const char *s, size_t n, size_t j)
{
    size_t k = j;
    for (int steps = 0; steps < RATIO_LOOKBACK && k > 0; steps++) {
        size_t st;
        uint32_t c = cp_before(s, n, k, &st);
        if (c == 0xFF0C || c == 0x3002 || c == 0xFF1B || c == 0xFF1A || c == 0xFF01 ||
            c == 0xFF1F || c == 0x3001 || c == ',' || c == ';' || c == '\n')
            break;
        k = st;
        for (size_t w = 0; w < COUNT_OF(ratio_words); w++)
            if (lit(s, n, k, ratio_words[w]))
                return true;
    }
    return false;
}

/* ---- Statistic grammar -------------------------------------------------------------------- */

typedef struct {
    const char *s;
    size_t n;
} scan_t;

/*
 * follow_keys: the characters that may follow a lone Chinese numeral in a figure or in a
 * phrase the scan must see whole. They are the first characters of the units (their groups'
 * keys, the only ASCII one %), and FOLLOW_EXTRA: the characters after the numeral of the
 * fixed phrases that are neither (三严三实, 三番五次 are skipped whole, so their inner
 * numerals are never tried), 点 余 多 (三点五亿, 三百余, 万多), the ideographic space, 对
 * (两对夫妻) and 至 (三至五年).
 * A perfect hash table keyed by the bytes, as cc_table, for two questions asked at nearly
 * every number: whether and which units may start here (match_unit, by unit_group), and
 * whether a numeral can open anything before the character that follows it (follow_rejects).
 * test_stats_fast7.c checks that every unit and phrase is covered. 512 slots of 4 bytes:
 * 2 KB, with a multiplier searched for so that no two keys share a slot (-Woverride-init
 * would report a slot set twice); unit_group, 1 KB, is read only where a key matched.
 */
/* clang-format off */
#define FOLLOW_EXTRA(X) \
    /* second characters of the fixed phrases that open no unit nor are numerals (the 学 of \
       两学一做 opens 学时) */ \
    X(U'国') X(U'区') X(U'严') X(U'会') X(U'番') \
    /* decimals (分之 and 百分点 have their 分 above), 余 多 几, the ideographic space */ \
    X(U'点') X(U'余') X(U'多') X(U'几') X(0x3000) \
    /* 对, a measure word no unit of the table (两对新人: pair_measure), and 至 after the \
       lower bound of a range (三至五年: parse_range) */ \
    X(U'对') X(U'至') \
    /* 款, a measure word no unit of the table (两款产品: model_measure) */ \
    X(U'款')
/* clang-format on */
/* The bytes of the character c as read from the text, first byte lowest (c < 0x80 or
   U+0800..U+FFFF, which all units start with). */
#define UNIT_KEY(c) ((c) < 0x80 ? (uint32_t)(c) : UTF8_3(c))
#define FOLLOW_SLOT(key) ((uint32_t)(key)*0x4825D091u >> 23)
#define FOLLOW_UNIT_KEY(cp, ...) [FOLLOW_SLOT(UNIT_KEY(0x##cp))] = UNIT_KEY(0x##cp),
#define FOLLOW_EXTRA_KEY(ch) [FOLLOW_SLOT(UTF8_3(ch))] = UTF8_3(ch),
static const uint32_t follow_keys[512] = {UNIT_GROUPS(FOLLOW_UNIT_KEY)
                                              FOLLOW_EXTRA(FOLLOW_EXTRA_KEY)};

/* The units a key of follow_keys opens, by its slot there: the first one's index in units
   and how many (0 for the characters of FOLLOW_EXTRA). */
#define UNIT_GROUP(cp, ...)                                                                        \
    [FOLLOW_SLOT(UNIT_KEY(0x##cp))] = {UG_##cp, (uint8_t)UNIT_COUNT_OF(__VA_ARGS__)},
static const struct {
    uint8_t first, count;
} unit_group[512] = {UNIT_GROUPS(UNIT_GROUP)};

/* True if the three bytes x (first byte lowest; the bits above are ignored) are one of
   follow_keys. */
static inline bool is_follow(uint32_t x)
{
    uint32_t k = x & 0xFFFFFF;
    return follow_keys[FOLLOW_SLOT(k)] == k;
}

/* Unit of the table at i, the longest match (人次 over 人); *def NULL if none. */
static size_t match_unit(const scan_t *t, size_t i, const unit_def **def)
{
    size_t best = 0;
    *def = NULL;
    if (i >= t->n)
        return 0;
    /* Every unit starts with an ASCII character or a three-byte one: its bytes are the key
       of its group, and most places (the character after most numbers) have none. */
    const unsigned char *u = (const unsigned char *)t->s + i;
    uint32_t key;
    if (u[0] < 0x80)
        key = u[0];
    else if (t->n - i >= 3 && (u[0] & 0xF0) == 0xE0 && (u[1] & 0xC0) == 0x80 &&
             (u[2] & 0xC0) == 0x80)
        key = u[0] | (uint32_t)u[1] << 8 | (uint32_t)u[2] << 16;
    else
        return 0;
    uint32_t slot = FOLLOW_SLOT(key);
    if (follow_keys[slot] != key)
        return 0; /* (a NUL byte may find an empty slot, whose group is empty) */
    for (unsigned k = unit_group[slot].first, e = k + unit_group[slot].count; k < e; k++) {
        size_t l = lit(t->s, t->n, i, units[k].w);
        if (l > best)
            best = l, *def = &units[k];
    }
    return best;
}

/* Length of the ASCII letter run at i (plus a trailing ² or ³) if it is a Latin unit, 0 if
   there is no letter, SIZE_MAX if there are letters that are no unit (5G, 3D). */
static size_t match_latin(const scan_t *t, size_t i)
{
    size_t j = i, l;
    while (j < t->n && j - i < 8 && is_ascii_alpha((unsigned char)t->s[j]))
        j++;
    if (j == i)
        return 0;
    if (j < t->n && is_ascii_alpha((unsigned char)t->s[j]))
        return SIZE_MAX;
    for (size_t k = 0; k < COUNT_OF(latin_units); k++)
        if (strlen(latin_units[k]) == j - i && memcmp(t->s + i, latin_units[k], j - i) == 0) {
            if (j < t->n) {
                uint32_t c = el_text_cp(t->s, t->n, j, &l);
                if (c == 0xB2 || c == 0xB3)
                    j += l;
            }
            return j - i;
        }
    return SIZE_MAX;
}

/* Extends a date run ending at e by "[spaces] N 月" (lo..hi = 1..12) or "N 日/号" (1..31). */
static size_t date_part(const scan_t *t, size_t e, bool month)
{
    size_t p = skip_sp(t->s, t->n, e), l;
    num_t m;
    if (p >= t->n)
        return e;
    parse_num(t->s, t->n, p, 0, &m);
    if (!m.ok || !m.integer || m.digit_string || m.value < 1 || m.value > (month ? 12 : 31))
        return e;
    p = skip_sp(t->s, t->n, m.end);
    if (month) {
        if ((l = lit(t->s, t->n, p, "月份")) || (l = lit(t->s, t->n, p, "月")))
            return p + l;
    } else if ((l = lit(t->s, t->n, p, "日")) || (l = lit(t->s, t->n, p, "号"))) {
        return p + l;
    }
    return e;
}

/* match_list over tail_quals, which is asked after every figure: the first character, which
   is seldom one that starts them, settles most cases with a single decoding. */
static const char *tail_qual_at(const char *s, size_t n, size_t p, size_t *len)
{
    size_t l;
    uint32_t c = p < n ? el_text_cp(s, n, p, &l) : 0;
    if (c != U'以' && c != U'左' && c != U'上' && c != U'之') {
        *len = 0;
        return NULL;
    }
    return match_list(s, n, p, tail_quals, COUNT_OF(tail_quals), len);
}

/* Trailing qualifier (以上 左右 …) after end: extends *end and fills *q if still empty. */
__attribute__((always_inline)) static inline void tail_qualifier(const scan_t *t, size_t *end,
                                                                 const char **q)
{
    size_t p = skip_sp(t->s, t->n, *end), l;
    const char *tq = tail_qual_at(t->s, t->n, p, &l);
    if (tq && strcmp(tq, "上下") == 0 && p + l < t->n) {
        /* 上下班, 上下游, 上下联动: a word, not "about" */
        size_t cl;
        uint32_t c = el_text_cp(t->s, t->n, p + l, &cl);
        if (c >= 0x4E00 && c <= 0x9FFF && c != U'的')
            tq = NULL;
    }
    if (tq) {
        *end = p + l;
        if (!*q)
            *q = tq;
    }
}

static bool is_han(uint32_t c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF);
}

/* True if a Chinese figure that ends with its own 万/亿 and has no unit (三十万, 超百万) ends
   at e: at the end of the text, before punctuation or a non-Chinese character, before 的 or
   a trailing qualifier (三十万以上). A Chinese character right after it makes the numeral part
   of a word or an idiom (十万火急, 九万里, 百万雄师, 千万工程). */
__attribute__((always_inline)) static inline bool bare_wan_end(const scan_t *t, size_t e)
{
    size_t p = skip_sp(t->s, t->n, e), l;
    if (p >= t->n)
        return true;
    uint32_t c = el_text_cp(t->s, t->n, p, &l);
    if (!is_han(c) || c == U'的')
        return true;
    return tail_qual_at(t->s, t->n, p, &l) != NULL;
}

/* 翻番 / 翻倍 / 翻一番 / 翻了两番 at j: a multiplier of 2^N. */
static bool parse_fan(const scan_t *t, size_t j, el_stat *st, size_t *end)
{
    size_t p = j + lit(t->s, t->n, j, "翻"), l;
    p += lit(t->s, t->n, p, "了");
    if ((l = lit(t->s, t->n, p, "番")) || (l = lit(t->s, t->n, p, "倍"))) {
        st->value = 2;
    } else {
        num_t m;
        parse_num(t->s, t->n, p, 0, &m);
        if (!m.ok || !m.integer || m.digit_string || m.value < 1 || m.value > 10)
            return false;
        p = m.end;
        if (!(l = lit(t->s, t->n, p, "番")))
            return false;
        st->value = 1;
        for (int k = 0; k < (int)m.value; k++)
            st->value *= 2;
    }
    st->unit_off = p, st->unit_len = l;
    st->kind = EL_STAT_OTHER;
    *end = p + l;
    return true;
}

/* 百分之六十 / 千分之三 / 万分之一 at j. */
static bool parse_per(const scan_t *t, size_t j, el_stat *st, size_t *end)
{
    static const struct {
        const char *w;
        double scale;
    } per[] = {{"百分之", 1}, {"千分之", 0.1}, {"万分之", 0.01}};
    for (size_t k = 0; k < COUNT_OF(per); k++) {
        size_t l = lit(t->s, t->n, j, per[k].w);
        num_t m;
        if (!l)
            continue;
        parse_num(t->s, t->n, skip_sp(t->s, t->n, j + l), CN_POINT | CN_UNIT_START, &m);
        if (!m.ok || m.digit_string)
            return false;
        st->value = m.value * per[k].scale;
        st->kind = EL_STAT_PERCENT;
        *end = m.end;
        return true;
    }
    return false;
}

/*
 * Halves at j: 一半 and 半数 (50 percent), 半 before a unit of time (半年, 半个月, 半小时: a
 * duration of 0.5) and 半 ending its clause or before 的 (逾半。 近半的: 50 percent). Only in a
 * qualified figure — after 近/超过/不到… (近半年, 超过一半) or, for 一半, before 以上/左右
 * (一半以上) — since 半 alone opens words and phrases (半导体, 半径, 上半年, 一半是…) and
 * 半年/半天 alone are often no measure (忙了半天). (半数以上 and 过半数, which no qualifier
 * opens, are half_at's, where the scan stops at 半.)
 */
static bool parse_half(const scan_t *t, size_t j, bool qualified, el_stat *st, size_t *end)
{
    size_t l, tl;
    if ((l = lit(t->s, t->n, j, "一半")) > 0) {
        size_t p = skip_sp(t->s, t->n, j + l), at, cl;
        if (!qualified && !tail_qual_at(t->s, t->n, p, &tl)) {
            /* 占一半, 全天的一半, 达到一半 at the end of a clause: a share; 一半是…, 一半时间 go on
               as words */
            uint32_t b = cp_before(t->s, t->n, j, &at);
            if (!(b == U'占' || b == U'的' || b == U'达' || b == U'到') ||
                (p < t->n && is_han(el_text_cp(t->s, t->n, p, &cl))))
                return false;
        }
        st->value = 50;
        st->kind = EL_STAT_PERCENT;
        *end = j + l;
        return true;
    }
    if (!qualified || !(l = lit(t->s, t->n, j, "半")))
        return false;
    if ((tl = lit(t->s, t->n, j + l, "数")) > 0) {
        st->value = 50;
        st->kind = EL_STAT_PERCENT;
        *end = j + l + tl;
        return true;
    }
    const unit_def *u;
    size_t ul = match_unit(t, j + l, &u);
    if (!ul || !u || !(u->kind == EL_STAT_DURATION || (u->flags & U_YEAR))) {
        /* 占比逾半。, 近半的村民: a qualified 半 ending its clause or before 的 is a half, as
           半数 is; before any other Han it opens a word (近半个人, 逾半径) */
        size_t cl;
        uint32_t c = j + l < t->n ? el_text_cp(t->s, t->n, j + l, &cl) : 0;
        if (is_han(c) && c != U'的')
            return false;
        st->value = 50;
        st->kind = EL_STAT_PERCENT;
        *end = j + l;
        return true;
    }
    st->value = 0.5;
    st->kind = EL_STAT_DURATION;
    st->unit_off = j + l, st->unit_len = ul;
    *end = j + l + ul;
    return true;
}

/* parse_per, else parse_half, at j, whose code point is c: only 百 千 万 open 百分之 千分之
   万分之, and only 一 and 半 open 一半 and 半…, so any other c is answered without a look. */
static inline bool per_or_half(const scan_t *t, size_t j, uint32_t c, bool qualified, el_stat *st,
                               size_t *end)
{
    if (c == U'百' || c == U'千' || c == U'万')
        return parse_per(t, j, st, end);
    return (c == U'一' || c == U'半') && parse_half(t, j, qualified, st, end);
}

/* Nouns after 三个 / 三条 / 两种 … that count the essay's own points rather than things in the
   world: 从三个方面, 三个层面, 三条路径, 两个维度 (an intro announcing its arguments). */
static const char *const struct_nouns[] = {"方面", "层面", "维度", "角度", "路径", "途径",
                                           "方向", "环节", "层次", "要点", "抓手", "着力点",
                                           "关键", "部分", "板块", "原则", "举措", "对策"};

/* True if a structural noun of struct_nouns starts at p. */
__attribute__((noinline)) static bool struct_noun_at(const char *s, size_t n, size_t p)
{
    size_t l;
    return match_list(s, n, p, struct_nouns, COUNT_OF(struct_nouns), &l) != NULL;
}

/* True if the units of a vague figure (十几, 数十, 两三千) make it no data: an age (十几岁),
   a span of years or a date (数十年如一日, 几千年的文明). */
__attribute__((noinline)) static bool vague_unit(const char *s, size_t n, const el_stat *st)
{
    size_t p = st->unit_off;
    if (!st->unit_len)
        return false;
    return st->kind == EL_STAT_DATE || lit(s, n, p, "年") || lit(s, n, p, "岁") ||
           lit(s, n, p, "周岁");
}

/* X/Y, a fraction in ASCII digits at j (1/3 的家庭, 2/3 以上), as a percentage: Y at most ten
   and X below it, nothing like a date or a path around it (2023/5/1, 24/7, a/1/3). */
__attribute__((noinline)) static bool parse_slash(const scan_t *t, size_t j, const num_t *m,
                                                  el_stat *st, size_t *end)
{
    const char *s = t->s;
    size_t n = t->n, at;
    if (!m->integer || m->end >= n || s[m->end] != '/' || m->end + 1 >= n)
        return false;
    /* the denominator: one or two ASCII digits, then no digit, letter, '/' nor '.' (parsed
       here: a second caller of parse_arabic would take it out of line from parse_num) */
    size_t e = m->end + 1;
    double y = 0;
    while (e < n && e - m->end <= 3 && s[e] >= '0' && s[e] <= '9')
        y = y * 10 + (s[e++] - '0');
    if (e == m->end + 1 || y > 10 || m->value < 1 || m->value >= y)
        return false;
    if (e < n && (s[e] == '/' || s[e] == '.' || is_ascii_alnum((unsigned char)s[e])))
        return false;
    uint32_t p = cp_before(s, n, j, &at);
    if (p == '/' || p == '-' || p == '.' || is_ascii_alnum(p))
        return false;
    st->value = m->value / y * 100;
    st->kind = EL_STAT_PERCENT;
    *end = e;
    return true;
}

/* 对 counting pairs (300多对新人, 两对夫妻), which the unit table leaves out: it is as often
   "towards" or "versus". */
static const unit_def pair_unit = {"对", K_COUNT, 0};

/* 款 counting models or products (200余款应用, 三款车型), which the unit table leaves out
   as it does 对: after a number it is as often the model year of a car (2023款). */
static const unit_def model_unit = {"款", K_COUNT, 0};

/* True if 款 at s[p] counts models after the number m (whose 余/多 qualifier, if any, is
   qpost): an integer that is no plain year (2023款: a car's model year), and 款 no part of
   款项 款式 (3款项目 is rare next to 5笔款项). Ordinals (第3款 of a law) never get here. */
__attribute__((noinline)) static bool model_measure(const char *s, size_t n, size_t p,
                                                    const num_t *m, const char *qpost)
{
    if (!m->integer || m->digit_string ||
        (!m->chinese && !qpost && m->ndigits == 4 && m->value >= 1900 && m->value <= 2100))
        return false;
    return !lit(s, n, p + 3, "项") && !lit(s, n, p + 3, "式");
}

/* Characters after 对 that make it "towards", "versus" or a word of its own (对于 对此 对比
   对照 对接 对标 对其 对待 对外 对应 对象 对话 对策 对抗 对立), not the measure word. */
static bool pair_word_after(uint32_t c)
{
    switch (c) {
    case U'于':
    case U'此':
    case U'比':
    case U'照':
    case U'接':
    case U'标':
    case U'其':
    case U'待':
    case U'外':
    case U'应':
    case U'象':
    case U'话':
    case U'策':
    case U'抗':
    case U'立':
    case U'多':
    case U'少':
        return true;
    default:
        return false;
    }
}

/* True if 对 at s[p] counts pairs after the number m (whose 余/多 qualifier, if any, is qpost):
   an integer that is no plain year (2023对…: a year whose 年 was left out), and after 对 no
   number nor one of pair_word_after (一对一, 1对1, 3对2, 一对多, 对此 对于) nor 关系 矛盾.
   (一对 is no figure anyway, as 一个 is not; a number with a unit of its own, 3个部门对此,
   never reaches its 对.) */
__attribute__((noinline)) static bool pair_measure(const char *s, size_t n, size_t p,
                                                   const num_t *m, const char *qpost)
{
    size_t l;
    if (!m->integer || m->digit_string ||
        (!m->chinese && !qpost && m->ndigits == 4 && m->value >= 1900 && m->value <= 2100))
        return false;
    size_t k = skip_sp(s, n, p + 3);
    if (k >= n)
        return true;
    uint32_t c = el_text_cp(s, n, k, &l);
    if (a_digit(c) >= 0 || is_cn_numeral(c) || is_ascii_alnum(c) || pair_word_after(c))
        return false;
    /* 处理好三对关系, 两对矛盾: the essay's own points, as 三个方面 */
    return !lit(s, n, k, "关系") && !lit(s, n, k, "矛盾");
}

/* True if the 一 at s[j] ends a word or an ordinal (统一 唯一 同一 逐一 单一 第一 周一 初一 …),
   so that 一至 is no range's lower bound (统一至三年, 第一至三章, 周一至周五). */
__attribute__((noinline)) static bool yi_ends_word(const char *s, size_t n, size_t j)
{
    size_t at;
    switch (cp_before(s, n, j, &at)) {
    case U'统':
    case U'唯':
    case U'同':
    case U'逐':
    case U'单':
    case U'专':
    case U'划':
    case U'归':
    case U'合':
    case U'之':
    case U'其':
    case U'另':
    case U'任':
    case U'均':
    case U'纯':
    case U'整':
    case U'齐':
    case U'如':
    case U'始':
    case U'不':
        return true;
    default:
        return bad_prefix(s, n, j, true);
    }
}

/* What figure_one knows of a number without a unit, for a range it may open (3至5年,
   2022-2023年): where it ends (0: it opens none), its value, whether that holds its own 万/亿
   (2万至3万元), and whether it may be a year. */
typedef struct {
    size_t end;
    double value;
    bool own_mult, year;
} range_low;

/* A number-led statistic whose number starts at j. *skip: where to resume on failure. A number
   with neither unit nor qualifier after it (a failure, or a bare 2万) is described in *lo.
   Inlined into both callers (parse_figure, parse_range), as are the helpers it calls once
   (is_list_label, bad_prefix, cheng_is_word, day_span, ratio_context, tail_qualifier,
   bare_wan_end): out of line, or called from two copies, they were calls at every number
   try_at reads, which cost more than the ranges they serve. */
__attribute__((always_inline)) static inline bool figure_one(const scan_t *t, size_t j,
                                                             bool qualified, el_stat *st,
                                                             size_t *end, size_t *skip,
                                                             range_low *lo)
{
    const char *s = t->s;
    size_t n = t->n, p, l, unit_at = 0, unit_len = 0;
    const unit_def *u = NULL;
    num_t m;
    double mult = 1;
    const char *qpost = NULL;
    bool bare_wan = false;

    parse_num(s, n, j, CN_POINT | CN_HUNDRED_START | CN_WAN_START, &m);
    *skip = m.skip;
    if (!m.ok)
        return false;
    if (m.bare_one) {
        /* 一 is among the commonest characters (一些 一起 统一): only 一成 and 一倍 are figures,
           so everything else is settled here, before the unit table is consulted */
        size_t b = skip_sp(s, n, m.end), bl;
        uint32_t c = b < n ? el_text_cp(s, n, b, &bl) : 0;
        if (c != U'成' && c != U'倍') {
            if (c == U'至' && (qualified || !yi_ends_word(s, n, j)))
                lo->end = m.end, lo->value = 1; /* 一至三年 (parse_range) */
            return false;
        }
    }
    if (!qualified && bad_prefix(s, n, j, m.chinese))
        return false;
    if (!m.chinese && is_list_label(s, n, j, m.end))
        return false;
    if (!m.chinese && m.end < n && s[m.end] == '/' && parse_slash(t, j, &m, st, end))
        return true;

    /* X分之Y: the first number is the denominator */
    if ((l = lit(s, n, m.end, "分之")) > 0) {
        num_t y;
        parse_num(s, n, m.end + l, CN_POINT, &y);
        if (!y.ok || y.digit_string || m.digit_string || m.value == 0)
            return false;
        st->value = y.value / m.value * 100;
        st->kind = EL_STAT_PERCENT;
        *end = y.end;
        return true;
    }

    p = m.end;
    if (!m.chinese) {
        size_t ll = match_latin(t, p);
        if (ll == SIZE_MAX)
            return false; /* 5G, 4K, 3D: a name, not a figure */
        if (ll == 0 && skip_sp(s, n, p) > p) {
            /* 6000 km: a unit after a space; other letters there (5 G) are no unit */
            size_t q = skip_sp(s, n, p);
            ll = match_latin(t, q);
            if (ll == SIZE_MAX)
                ll = 0;
            else
                p = q;
        }
        if (ll) {
            st->value = m.value;
            st->kind = EL_STAT_OTHER; /* km kg kWh GB: a measurement */
            st->unit_off = p, st->unit_len = ll;
            *end = p + ll;
            return true;
        }
    }

    p = skip_sp(s, n, p);
    size_t qend = m.end;
    if ((qpost = num_qual_at(s, n, p, &l)) != NULL) {
        /* 几 "and some" only after a Chinese tens (十几, 二十几); 三几 五几 are no figures */
        if (qpost == num_quals[2] && !(m.chinese && m.end >= 3 && lit(s, n, m.end - 3, "十")))
            return false;
        qend = p + l, p = skip_sp(s, n, p + l);
    }
    /* A bare 百/千 is a numeral only when the context says "about a hundred": a qualifier
       (近百亩, 超千人, 上百人), 余/多 (百余个) or a 万/亿 after it (百万人次, 达百万). Otherwise
       it is a word (百姓, 百年大计, 千家万户); and 千万 alone is mostly "by all means". */
    if (m.lead_unit && !qualified && !qpost && (!m.wan_end || m.value == 1e7))
        return false;
    /* A bare 万/亿 likewise needs a qualifier or 余/多 (近万人, 万余人): alone it opens words
       (万人空巷, 万元户, 亿万). */
    if (m.lead_wan && !qualified && !qpost)
        return false;
    if (!(unit_len = match_unit(t, p, &u))) {
        /* multipliers after an Arabic number, after a Chinese decimal (三点五亿) or after
           余/多: [百|千][万][亿] */
        size_t q0 = p;
        if (!m.chinese || qpost || !m.integer) {
            if ((l = lit(s, n, p, "百")) > 0)
                mult *= 100, p += l;
            else if ((l = lit(s, n, p, "千")) > 0)
                mult *= 1000, p += l;
            if ((l = lit(s, n, p, "万")) > 0)
                mult *= 1e4, p += l;
            if ((l = lit(s, n, p, "亿")) > 0)
                mult *= 1e8, p += l;
        }
        if (p == q0 && lit(s, n, p, "对") && pair_measure(s, n, p, &m, qpost)) {
            unit_len = 3, u = &pair_unit; /* 300多对新人 */
        } else if (p == q0 && lit(s, n, p, "款") && model_measure(s, n, p, &m, qpost)) {
            unit_len = 3, u = &model_unit; /* 200余款应用 */
        } else if (p == q0) {
            /* no unit, no multiplier: a bare number, unless it ends with its own 万/亿 or
               is a decimal ratio (收入倍差缩小到 1.86) */
            if (!m.chinese && !m.integer && !qpost && ratio_context(s, n, j)) {
                st->value = m.value;
                st->kind = EL_STAT_OTHER;
                *end = m.end;
                return true;
            }
            if (!m.wan_end || m.digit_string || !bare_wan_end(t, qend)) {
                if (!qpost) {
                    lo->end = qend, lo->value = m.value, lo->own_mult = m.wan_end;
                    lo->year = m.integer && m.ndigits == 4 && (m.digit_string || !m.chinese) &&
                               m.value >= 1900 && m.value <= 2100;
                }
                return false;
            }
            bare_wan = true;
            *end = qend;
        } else {
            *end = p;
            if (!qpost && (qpost = num_qual_at(s, n, p, &l)) != NULL)
                p += l;
            p = skip_sp(s, n, p);
            unit_len = match_unit(t, p, &u);
            if (!unit_len && !m.chinese) {
                size_t ll = match_latin(t, p);
                if (ll && ll != SIZE_MAX)
                    unit_len = ll;
            }
            if (unit_len && u && (u->flags & (U_YEAR | U_MONTH | U_DAY)))
                return false; /* 3 万年, 5 万日: not how figures are written */
        }
    }
    bool force_duration = false;
    if (unit_len) {
        unit_at = p;
        /* 两个多月, 三个多小时: the qualifier sits inside the unit */
        if (u && (u->flags & U_GE) && !qpost) {
            const char *q2 = num_qual_at(s, n, p + unit_len, &l);
            const unit_def *u2;
            size_t l2 = q2 ? match_unit(t, p + unit_len + l, &u2) : 0;
            if (l2 && u2 && (u2->kind == EL_STAT_DURATION || (u2->flags & U_MONTH))) {
                qpost = q2;
                unit_at = p + unit_len + l, unit_len = l2, u = u2;
                force_duration = true;
            }
        }
        *end = unit_at + unit_len;
    }
    if (!unit_len && mult == 1 && !bare_wan)
        return false;

    unsigned fl = u ? u->flags : 0;
    /* a Latin unit (u NULL) after a multiplier: 3 万 km is a measurement */
    el_stat_kind kind = u ? u->kind : unit_len ? EL_STAT_OTHER : EL_STAT_COUNT;
    if (force_duration)
        fl = 0, kind = EL_STAT_DURATION;
    if (fl & U_REJECT)
        return false;
    if (m.digit_string && !((fl & U_YEAR) && m.ndigits == 4))
        return false;
    if (m.bare_one && !(fl & U_RATIO))
        return false; /* 一个 一项 一次 一起 一公里: wording, not data */
    if (m.bare_two && kind == EL_STAT_COUNT)
        return false; /* 二次 二期: ordinal-like; a counted two is written 两 */
    bool small = !qualified && !qpost && mult == 1 && m.integer && m.value <= 10;
    if ((fl & U_WORDY) && small && m.chinese)
        return false; /* 两度 "twice", 三口之家, 分为三档 */
    if ((fl & U_STRUCT) && small && struct_noun_at(s, n, skip_sp(s, n, *end)))
        return false; /* 从三个方面, 三条路径: the essay's own points */

    double v = m.value * mult;
    const char *q = qpost;
    bool plain = !qualified && !qpost && mult == 1 && m.integer;

    if (fl & U_CHENG) {
        if (mult != 1 || v > 10 || cheng_is_word(s, n, *end, m.bare_one && !qualified))
            return false;
        v *= 10;
    } else if (fl & U_PERMILLE) {
        v /= 10;
    } else if (fl & U_YEAR) {
        bool year = m.digit_string || (!m.chinese && m.ndigits == 4 && v >= 1900 && v <= 2100);
        if (plain && year) {
            kind = EL_STAT_DATE;
            size_t e = date_part(t, *end, true);
            if (e != *end)
                e = date_part(t, e, false);
            *end = e;
        } else if (m.digit_string) {
            return false;
        } else {
            kind = EL_STAT_DURATION;
        }
    } else if (fl & U_MONTH) {
        if (plain && v >= 1 && v <= 12)
            *end = date_part(t, *end, false);
        else
            kind = EL_STAT_DURATION;
    } else if (fl & U_DAY) {
        if (fl & U_DATEONLY)
            return false;
        size_t a = *end;
        if (!plain || v < 1 || v > 31 || lit(s, n, a, "内") || lit(s, n, a, "以内") ||
            lit(s, n, a, "之内") || lit(s, n, a, "后") || day_span(s, n, j))
            kind = EL_STAT_DURATION;
    }
    st->value = v;
    st->kind = kind;
    st->unit_off = unit_at, st->unit_len = unit_len;
    if (fl & U_GE_LEAD) /* 3 个小时: the unit is 小时 */
        st->unit_off += 3, st->unit_len -= 3;
    st->qualifier = q;
    if (q == num_quals[2] && vague_unit(s, n, st))
        return false; /* 十几岁, 二十几年 */
    return true;
}

/* Length of the range mark at p (至 ～ 〜 ~ and a single — or –, and with dao 到), 0 if none;
   with *hyphen set, a hyphen (- －), which joins years and quantities (2022-2023年, 3-5 年)
   but no other dates: 3-5月 may be a numeric date, as 2023-05-01 is (and codes and phone
   numbers have no unit). */
static size_t range_mark(const char *s, size_t n, size_t p, bool dao, bool *hyphen)
{
    size_t l;
    *hyphen = false;
    if (p >= n)
        return 0;
    unsigned char b = (unsigned char)s[p];
    if (b == '~')
        return 1;
    if (b == '-')
        return *hyphen = true, 1;
    if (b < 0xE2 || b > 0xEF) /* the others start E2 E3 E5 E8 EF */
        return 0;
    if ((l = lit(s, n, p, "至")) || (l = lit(s, n, p, "～")) || (l = lit(s, n, p, "〜")) ||
        (l = lit(s, n, p, "–")))
        return l;
    if ((l = lit(s, n, p, "—")))
        return lit(s, n, p + l, "—") ? 0 : l; /* —— is a dash, no range */
    if ((l = lit(s, n, p, "－")))
        return *hyphen = true, l;
    return dao ? lit(s, n, p, "到") : 0;
}

/* True if a range mark of range_mark (到 included) may start at p, past spaces: its first
   bytes, compared without a call, after every figure that ends with its unit (most are
   followed by a character that is none). */
__attribute__((always_inline)) static inline bool range_mark_ahead(const char *s, size_t n,
                                                                   size_t p)
{
    p = skip_sp(s, n, p);
    if (p >= n)
        return false;
    const unsigned char *u = (const unsigned char *)s + p;
    if (u[0] == '-' || u[0] == '~')
        return true;
    if (n - p < 3)
        return false;
    uint32_t x = u[0] | (uint32_t)u[1] << 8 | (uint32_t)u[2] << 16;
    return x == UTF8_3(U'至') || x == UTF8_3(U'到') || x == UTF8_3(U'～') || x == UTF8_3(U'〜') ||
           x == UTF8_3(0x2013) || x == UTF8_3(0x2014) || x == UTF8_3(U'－');
}

/*
 * The range whose lower bound, the number at j, is described by lo: a range mark, then a
 * figure with a unit and no qualifier of its own, in the same numerals, above the lower bound.
 * Years (2022-2023年) and other date parts (3至5月) make a date whose value is the lower
 * bound, as a date run's value is its first part; quantities (3至5年, 30～40%, 2～3万元, the
 * lower bound in the upper's unit and multiplier) make a figure whose value is the middle,
 * qualifier 约 unless a trailing one (左右, 以上) follows, as for 两三千人. Fills *st with the
 * upper figure made into the range (unit and kind its own), *end after it.
 * With low, the lower bound is that figure, with a unit of its own that ends it (2022年至2023年,
 * 3年至5年, 30%至40%): the upper one must have the same unit and kind (2022年至2023年5月,
 * 1990年至2000年代 and 2022年1月至3月 stay two), and 到 joins them too (2022年到2023年), but
 * not quantities after 从 or 由, a change rather than a range (从30%到40%); *st, the lower
 * bound, keeps its unit and takes the range's span, value and qualifier.
 */
__attribute__((noinline)) static bool parse_range(const scan_t *t, size_t j, const range_low *lo,
                                                  const el_stat *low, el_stat *st, size_t *end)
{
    const char *s = t->s;
    size_t n = t->n, at, l, l0;
    bool hyphen;
    size_t p = skip_sp(s, n, lo->end), ml = range_mark(s, n, p, low != NULL, &hyphen);
    if (!ml)
        return false;
    size_t k = skip_sp(s, n, p + ml);
    if (k >= n)
        return false;
    uint32_t c = el_text_cp(s, n, k, &l);
    if (a_digit(el_text_cp(s, n, j, &l0)) < 0) {
        /* vague figures (两三千至…, 数十至…) open no range; a lone numeral does before 至
           (三至五年), the only mark of follow_keys (the scan tries no lone numeral before the
           others: follow_rejects) */
        uint32_t b = cp_before(s, n, j, &at);
        if (!is_cn_numeral(c) || is_cn_numeral(b) || b == U'数' || b == U'几' ||
            (!low && j + l0 >= lo->end && !lit(s, n, p, "至")))
            return false;
    } else if (a_digit(c) < 0) {
        return false;
    }
    el_stat up;
    size_t uend, uskip;
    range_low ulo = {0, 0, false, false};
    memset(&up, 0, sizeof up);
    if (!figure_one(t, k, false, &up, &uend, &uskip, &ulo) || up.qualifier || !up.unit_len)
        return false;
    if (low && (up.kind != low->kind || up.unit_off + up.unit_len != uend ||
                up.unit_len != low->unit_len ||
                memcmp(s + up.unit_off, s + low->unit_off, up.unit_len) != 0))
        return false;
    double v = lo->value;
    if (up.kind == EL_STAT_DATE) {
        /* (with low, a date as the upper one is: 2022年, 3月, 1990年代) */
        if (!low && (lit(s, n, up.unit_off, "年")
                         ? !lo->year
                         : hyphen || lo->own_mult || v < 1 || (double)(long)v != v))
            return false;
        if (v >= up.value)
            return false;
        up.value = v;
    } else {
        num_t um;
        parse_num(s, n, k, CN_POINT | CN_HUNDRED_START | CN_WAN_START, &um);
        if (!um.ok || um.value <= 0)
            return false;
        if (low) {
            uint32_t b = cp_before(s, n, j, &at);
            if (b == U'从' || b == U'由')
                return false;
        } else if (!lo->own_mult) {
            /* the lower bound in the upper's unit and multiplier: 2～3万元, 3～5成, and
               三十至五十万人, whose 万 is part of the upper numeral */
            v *= up.value / um.value;
            if (um.chinese && um.wan_end) {
                if (um.end - k >= 6 && lit(s, n, um.end - 6, "万亿"))
                    v *= 1e12;
                else
                    v *= lit(s, n, um.end - 3, "亿") ? 1e8 : 1e4;
            }
        }
        if (!(v > 0 && v < up.value))
            return false;
        up.value = (v + up.value) / 2;
        const char *tq = NULL;
        size_t te = uend;
        tail_qualifier(t, &te, &tq);
        if (!tq)
            up.qualifier = "约";
    }
    if (low) {
        /* (value and qualifier of the range, unit the lower bound's: its first part) */
        double rv = up.value;
        const char *rq = up.qualifier;
        up = *low;
        up.value = rv, up.qualifier = rq;
    }
    *st = up;
    *end = uend;
    return true;
}

/* figure_one at j, and the range it opens if it is a lower bound (parse_range). *skip: where
   to resume on failure. */
static bool parse_figure(const scan_t *t, size_t j, bool qualified, el_stat *st, size_t *end,
                         size_t *skip)
{
    range_low lo = {0, 0, false, false};
    bool ok = figure_one(t, j, qualified, st, end, skip, &lo);
    if (ok) {
        if (st->unit_len) {
            /* 2022年至2023年, 3年至5年: a lower bound that ends with its own unit */
            if (st->qualifier || st->unit_off + st->unit_len != *end ||
                !range_mark_ahead(t->s, t->n, *end))
                return true;
            el_stat low = *st;
            lo.end = *end, lo.value = st->value, lo.own_mult = true;
            parse_range(t, j, &lo, &low, st, end);
            return true;
        }
        /* a bare 2万 or 三万 may be a lower bound with its own multiplier (2万至3万元) */
        if (st->qualifier || st->kind != EL_STAT_COUNT)
            return true;
        lo.end = *end, lo.value = st->value, lo.own_mult = true, lo.year = false;
    } else if (!lo.end) {
        return false;
    }
    return parse_range(t, j, &lo, NULL, st, end) || ok;
}

/*
 * Length of the longest fixed phrase (fixed_phrases) that the numeral c, l bytes long, opens
 * where its bytes end at s[j], counted from j; 0 if none. Every phrase of the group starts
 * with c: only what follows it is compared, which saves comparing c's bytes again for each of
 * the phrases (17 of them for 三), and the three bytes at j are compared with each phrase's
 * next three first (every phrase has three or more after c): a test that is mostly false,
 * where lit's byte loop ended at a byte that varied, a branch mispredicted at every other
 * phrase. The longest match wins, as in match_list.
 */
static size_t fixed_phrase_rest(const char *s, size_t n, size_t j, uint32_t c, size_t l)
{
    size_t cnt, best = 0;
    const char *const *fp = fixed_phrases(c, &cnt);
    const unsigned char *u = (const unsigned char *)s + j;
    uint32_t d = n - j >= 3 ? u[0] | (uint32_t)u[1] << 8 | (uint32_t)u[2] << 16 : UINT32_MAX;
    for (size_t k = 0; k < cnt; k++) {
        const unsigned char *w = (const unsigned char *)fp[k] + l;
        size_t pl;
        if ((w[0] | (uint32_t)w[1] << 8 | (uint32_t)w[2] << 16) == d &&
            (pl = lit(s, n, j, fp[k] + l)) > best)
            best = pl;
    }
    return best;
}

/* Characters before 数 that make it the end of a noun (人数 次数 总数 指数 多数 …), not
   "several" (数十万人, 数百家): the first characters of the units (人 次 户 件 …, by
   is_follow, which also holds 多 余 点) and these. */
static bool shu_ends_noun(uint32_t p)
{
    switch (p) {
    case U'总':
    case U'指':
    case U'基':
    case U'系':
    case U'票':
    case U'分':
    case U'少':
    case U'无':
    case U'整':
    case U'参':
    case U'函':
    case U'变':
    case U'常':
    case U'码':
    case U'步':
    case U'页':
    case U'字':
    case U'床':
    case U'算':
    case U'术':
    case U'理':
    case U'代':
    case U'礼':
    case U'招':
    case U'路':
    case U'心':
    case U'气':
    case U'定':
    case U'复':
    case U'倒':
    case U'序':
    case U'素':
    case U'运':
    case U'命':
    case U'有':
        return true;
    case U'对':
    case U'至':
        return false; /* (in follow_keys, yet 对数十家企业, 增至数万人 hold a vague figure) */
    default:
        return p - 0x800 < 0xF800 && is_follow(UTF8_3(p));
    }
}

/* A vague figure opened at the numeral c (l bytes) at s[i], as vague_start finds it: its
   qualifier, where its figure proper starts (j), the factor on that figure's value and where
   the statistic starts. */
typedef struct {
    const char *q;
    size_t j, start;
    double scale;
} vague_t;

/*
 * Vague figures at the numeral c (l bytes) at s[i], with an approximate qualifier: 数十万人,
 * 几百家 (数/几 before a 十 百 千 万 亿: value the order of magnitude, qualifier 数 or 几,
 * the statistic starting at 数/几) and 两三千人, 三五百名 (two neighbouring digits before 百
 * 千 万 亿: value their middle, qualifier 约). True if s[i] opens one: *v then says how the
 * figure after it is read (by parse_figure, as after a qualifier) and vague_done judges it.
 */
__attribute__((noinline)) static bool vague_start(const scan_t *t, size_t i, uint32_t c, size_t l,
                                                  vague_t *v)
{
    const char *s = t->s;
    size_t n = t->n, at, at2, l2, l3;
    v->j = v->start = i, v->scale = 1;
    if (cn_unit(c) >= 10) {
        uint32_t p = cp_before(s, n, i, &at);
        if (p == U'数') {
            if (shu_ends_noun(cp_before(s, n, at, &at2)))
                return false;
            v->q = "数";
        } else if (p == U'几') {
            v->q = "几";
        } else {
            return false;
        }
        v->start = at;
        return true;
    }
    int d1 = cn_digit(c), d2;
    uint32_t c2 = i + l < n ? el_text_cp(s, n, i + l, &l2) : 0;
    d2 = cn_digit(c2);
    if (d1 < 1 || d2 < 1 || !(d2 == d1 + 1 || (d1 == 3 && d2 == 5)))
        return false;
    uint32_t c3 = i + l + l2 < n ? el_text_cp(s, n, i + l + l2, &l3) : 0;
    if (cn_unit(c3) < 100)
        return false;
    v->q = "约";
    v->scale = (d1 + d2) / (2.0 * d2);
    v->j = i + l;
    return true;
}

/* True if st, the figure parse_figure read for the vague form v (ending at end), is one:
   small ones stay wording (三五个人, 两三个小时, 七八十户, by vague_start), as do ages and
   spans of years (十几岁, 数十年如一日) and a bare 数万 数亿 with no unit (the scan passes a
   lone 万 before a mark by: follow_rejects). Scales the value and sets the qualifier. */
__attribute__((noinline)) static bool vague_done(const scan_t *t, const vague_t *v, size_t l,
                                                 size_t end, el_stat *st)
{
    if (vague_unit(t->s, t->n, st) || (!st->unit_len && end == v->j + l))
        return false;
    st->value *= v->scale;
    if (!st->qualifier)
        st->qualifier = v->q;
    return true;
}

/* True if 上 at s[i] ends a word rather than meaning "as many as": after a numeral (成千上万,
   成百上千: idioms with no single value) or in 线上 网上 马上 以上 之上 加上 向上 往上 早上
   晚上 路上 身上 手上 会上 台上 面上 (世界上 基础上 历史上 实际上 事实上 总体上 …). */
static bool shang_in_word(const char *s, size_t n, size_t i)
{
    size_t at;
    uint32_t p = cp_before(s, n, i, &at);
    if (is_cn_numeral(p))
        return true;
    switch (p) {
    case U'线':
    case U'网':
    case U'马':
    case U'以':
    case U'之':
    case U'加':
    case U'向':
    case U'往':
    case U'早':
    case U'晚':
    case U'路':
    case U'身':
    case U'手':
    case U'会':
    case U'台':
    case U'面':
    case U'界':
    case U'础':
    case U'史':
    case U'际':
    case U'实':
    case U'体':
    case U'上':
        return true;
    default:
        return false;
    }
}

/* False if 一 followed by d can open no figure: d is no numeral, 点 decimal, 半, 成 or 倍,
   nor a space (a numeral may follow it), nor the 国 of 一国两制, nor the 至 of a range
   (一至三年). */
static inline bool yi_may_open(uint32_t d)
{
    return is_cn_numeral(d) || is_space(d) || d == U'点' || d == U'半' || d == U'成' ||
           d == U'倍' || d == U'国' || d == U'至';
}

/* ---- Halves no qualifier opens ------------------------------------------------------------ */

/* True if 过 at s[i] ends a word (通过 经过 度过 不过 …) rather than meaning "more than" before
   半 (农户过半); 超过 is a qualifier of the scan's (pre_qualifier). */
static bool guo_in_word(const char *s, size_t n, size_t i)
{
    size_t at;
    switch (cp_before(s, n, i, &at)) {
    case U'超':
    case U'通':
    case U'经':
    case U'度':
    case U'越':
    case U'跨':
    case U'穿':
    case U'渡':
    case U'熬':
    case U'错':
    case U'闯':
    case U'挺':
    case U'撑':
    case U'绕':
    case U'走':
    case U'不':
    case U'没':
    case U'未':
    case U'难':
    case U'太':
        return true;
    default:
        return false;
    }
}

static bool try_one(const scan_t *t, size_t i, el_stat *st, size_t *next, bool *cn);

/* The qualifier of 过半 (half_at), which alone may start before the character the scan
   stopped at and overlap the statistic before it. */
static const char q_guo[] = "过";

/*
 * The half whose 半 is at s[h], where the scan stops, if no qualifier opens it: 过半数 and 过半
 * (before 的 or the end of a clause: qualifier 过), 半数以上 / 半数左右 (the trailing qualifier),
 * and 占半数 / 达到半数 ending a clause (as 占一半). A 半 after a qualifier the scan reads (近 逾
 * 约 仅 超 不到 不足 突破 超过) or after a numeral (一半) is parse_half's; after 大 多 少 上 下 前
 * 后 小 it ends a word (大半, 多半), and 半 alone opens words (半年, 半径). The 过 before 半 may
 * not end the last statistic emitted (el_stats_scan checks that, by the qualifier q_guo), and
 * 数 may not open a vague figure (过半数十万人: 数十万人, vague_start), which the scan reads
 * after 半 instead: as when a search of its own found the halves, and those that overlapped a
 * figure of the scan were dropped. Not a half, the scan resumes after 半.
 */
static bool half_at(const scan_t *t, size_t h, el_stat *st)
{
    const char *s = t->s;
    size_t n = t->n, at, at2, e = h + 3, l;
    uint32_t b = cp_before(s, n, h, &at);
    size_t shu = lit(s, n, e, "数");
    if (b != U'过' && !shu)
        return false; /* 一半, 半年, 半径, 上半年: most of the 半 the scan stops at */
    memset(st, 0, sizeof *st);
    st->value = 50;
    st->kind = EL_STAT_PERCENT;
    if (b == U'过') {
        if (guo_in_word(s, n, at))
            return false;
        if (shu && e + shu < n && is_cn_numeral(el_text_cp(s, n, e + shu, &l))) {
            el_stat v;
            size_t next;
            bool cn;
            if (try_one(t, e + shu, &v, &next, &cn)) /* (a figure at the numeral is vague) */
                return false;
        }
        if (!shu) {
            uint32_t c = e < n ? el_text_cp(s, n, e, &l) : 0;
            if (is_han(c) && c != U'的')
                return false; /* 过半年, 过半个月: 过 + a duration */
        }
        st->off = at, st->qualifier = q_guo;
        e += shu;
        tail_qualifier(t, &e, &st->qualifier);
        st->len = e - at;
        return true;
    }
    if (!shu || is_cn_numeral(b))
        return false;
    uint32_t p = prev_nonspace(s, n, h, &at2);
    switch (p) {
    case U'近':
    case U'逾':
    case U'约':
    case U'仅':
    case U'超':
    case U'足':
    case U'破':
    case U'大':
    case U'多':
    case U'少':
    case U'上':
    case U'下':
    case U'前':
    case U'后':
    case U'小':
        return false;
    case U'到': {
        size_t at3;
        if (cp_before(s, n, at2, &at3) == U'不')
            return false;
        break;
    }
    default:
        break;
    }
    e += shu;
    const char *q = NULL;
    tail_qualifier(t, &e, &q);
    if (!q) {
        /* 占半数。, 达到半数, 的半数 ending a clause: a share, as 占一半 */
        size_t after = skip_sp(s, n, e); /* (spaces may end the text: 占半数 ) */
        uint32_t c = after < n ? el_text_cp(s, n, after, &l) : 0;
        if (!(b == U'占' || b == U'的' || b == U'达' || b == U'到') || is_han(c))
            return false;
    }
    st->off = h, st->len = e - h, st->qualifier = q;
    return true;
}

/* Tries a statistic at i. On success fills *st and *cn (whether its number is written in
   Chinese numerals); otherwise *next is where scanning resumes. At 半, the halves no
   qualifier opens (half_at). Kept out of line: inlined into el_stats_scan, its many live
   values would push the scan loop's out of registers. */
__attribute__((noinline)) static bool try_one(const scan_t *t, size_t i, el_stat *st, size_t *next,
                                              bool *cn)
{
    const char *s = t->s;
    size_t n = t->n, l, ql, j, end = 0, skip;
    uint32_t c = el_text_cp(s, n, i, &l);
    const char *q = NULL;
    bool ok;

    *next = i + l;
    /* 一 is among the commonest characters and nearly always part of a word (一些 一个 统一).
       Unless what follows can make it a figure (a numeral, a 点 decimal, 半, 成 or 倍, maybe
       after spaces) or a fixed phrase (一国两制), every test below rejects it, resuming
       after it: settle that before them. */
    if (c == U'一' && i + l < n) {
        size_t dl;
        if (!yi_may_open(el_text_cp(s, n, i + l, &dl)))
            return false;
    }
    if (c == U'半') {
        *cn = false; /* (not looked up among classical lines: the search for 半 did not) */
        return half_at(t, i, st);
    }
    bool numeral = is_cn_numeral(c);
    if (numeral) {
        size_t best = fixed_phrase_rest(s, n, i + l, c, l);
        if (best) {
            *next = i + l + best;
            return false;
        }
    }
    q = pre_qualifier(s, n, i, c, l, &ql);
    /* pre_qualifier gives 近, 约 and 上 for those characters alone: test c, not the string */
    if (q && c == U'近') {
        size_t at;
        uint32_t p = cp_before(s, n, i, &at);
        /* 附近 邻近 靠近 亲近 贴近: "nearby"; 最近: "recent" */
        if (p == U'附' || p == U'邻' || p == U'靠' || p == U'亲' || p == U'贴' || p == U'最')
            q = NULL;
    } else if (q && c == U'约') {
        size_t at;
        uint32_t p = cp_before(s, n, i, &at);
        if (p == U'节' || p == U'制' || p == U'预' || p == U'签' || p == U'公' || p == U'相' ||
            p == U'契' || p == U'履' || p == U'违' || p == U'邀' || p == U'特' || p == U'婉')
            q = NULL;
    } else if (q && c == U'上' && shang_in_word(s, n, i)) {
        q = NULL;
    }
    if (q) {
        j = skip_sp(s, n, i + ql);
        if (j >= n)
            return false;
        c = el_text_cp(s, n, j, &l);
        if (a_digit(c) < 0 && !is_cn_numeral(c) && c != U'翻' && c != U'半')
            return false;
    } else {
        j = i;
        if (a_digit(c) < 0 && !numeral && c != U'翻')
            return false;
    }

    memset(st, 0, sizeof *st);
    *cn = a_digit(c) < 0;
    vague_t v = {NULL, 0, 0, 1};
    bool vague = !q && numeral && vague_start(t, i, c, l, &v);
    if (c == U'翻') {
        ok = parse_fan(t, j, st, &end);
        skip = j + l;
    } else if (!vague && per_or_half(t, j, c, q != NULL, st, &end)) {
        ok = true;
        skip = end;
    } else if (c == U'半') {
        ok = false;
        skip = j + l;
    } else {
        /* (one call, which the compiler inlines) */
        ok = parse_figure(t, vague ? v.j : j, q != NULL || vague, st, &end, &skip) &&
             (!vague || vague_done(t, &v, l, end, st));
    }
    if (!ok) {
        if (!q && skip > *next)
            *next = skip;
        return false;
    }
    if (q)
        st->qualifier = q;
    tail_qualifier(t, &end, &st->qualifier);
    st->off = vague ? v.start : i;
    st->len = end - st->off;
    return true;
}

/*
 * Where a bound of bu_bounds or zui_bounds that ends right before s[i] starts (past at most
 * MAX_SPACES spaces before a number; 不 right before the 超 of 不超过), or SIZE_MAX. The scan
 * stops at neither 不 (unless 不足 不到) nor 最, but at the number after them, or at 超 or 半.
 * First a look at the character before: most stops have none of the bounds' last characters.
 */
__attribute__((noinline)) static size_t bound_before(const char *s, size_t n, size_t i)
{
    size_t at, k = i;
    uint32_t p = cp_before(s, n, i, &at);
    for (int sp = 0; is_space(p) && sp < MAX_SPACES; sp++)
        k = at, p = cp_before(s, n, k, &at);
    switch (p) {
    case U'不':
        return k == i && lit(s, n, i, "超过") ? at : SIZE_MAX;
    case U'于':
    case U'出':
        return k >= 9 && memcmp(s + k - 9, "不", 3) == 0 ? k - 9 : SIZE_MAX;
    case U'高':
    case U'低':
    case U'多':
    case U'少':
        return k >= 6 && memcmp(s + k - 6, "最", 3) == 0 ? k - 6 : SIZE_MAX;
    default:
        return SIZE_MAX;
    }
}

/* The last bytes of the characters bound_before looks at (于 出 高 低 多 少 不, and the spaces
   ' ' '\t' U+3000 U+00A0), as a 256-bit set: one test rules out most stops. */
#define BIT_OF(b) (UINT64_C(1) << ((b)&63))
static const uint64_t bound_last[4] = {
    [0] = BIT_OF(' ') | BIT_OF('\t'),
    [2] = BIT_OF(0x8E) | BIT_OF(0x98) | BIT_OF(0x9A) | BIT_OF(0x91) | BIT_OF(0x8D) | BIT_OF(0x80) |
          BIT_OF(0xBA) | BIT_OF(0xA0),
};
#undef BIT_OF

/* try_one at i, or at the bound before i that opens a statistic (不超过30分钟, 最高50万元):
   the statistic a scan stopping at every 不 and 最 would have found first. */
static inline bool try_at(const scan_t *t, size_t i, el_stat *st, size_t *next, bool *cn)
{
    unsigned char b = i ? (unsigned char)t->s[i - 1] : 0;
    if (bound_last[b >> 6] >> (b & 63) & 1) {
        size_t from = bound_before(t->s, t->n, i), bn;
        if (from != SIZE_MAX && try_one(t, from, st, &bn, cn))
            return true;
    }
    return try_one(t, i, st, next, cn);
}

/* ---- Classical quotations ------------------------------------------------------------------ */

/*
 * “九层之台，起于累土” and “十年之计，莫如树木” hold numerals that are no evidence. A statistic
 * written in Chinese numerals inside “…” is dropped when the clause around it (the run between
 * two punctuation marks) is a clause of a line of the classical lexicon. Clauses rather than
 * whole lines, because essays quote a line's middle (九层之台，起于累土 is the middle of a
 * 《道德经》 line), and el_lex_classical_find only knows whole lines. The quote extractor's
 * index of the lexicon's clauses answers (el_quote_classical_clause): one index per process
 * for both, where this file used to build a second one of the same clauses.
 */
/* Bytes: longer clauses (over 32 ideographs; the lexicon's longest has 9) are not looked up. */
#define CLAUSE_MAX 96
#define CLAUSE_MIN 3 /* code points: 十年 alone is no evidence of a quotation */

/* True if the code point at s[i] (l bytes) is dropped by el_lex_normalize. */
static bool is_dropped(const char *s, size_t i, uint32_t c, size_t l)
{
    char tmp[4];
    if (is_han(c) || (c < 0x80 && is_ascii_alnum(c)))
        return false;
    return el_lex_normalize(s + i, l, tmp) == 0;
}

/* True if s[a..b) (one clause of a quotation) is a clause of a classical line, of CLAUSE_MIN
   code points or more. */
static bool classical_clause(const char *s, size_t a, size_t b)
{
    char key[CLAUSE_MAX];
    size_t kl;
    if (b - a > CLAUSE_MAX)
        return false;
    kl = el_lex_normalize(s + a, b - a, key);
    if (!kl || el_text_ncp(key, kl) < CLAUSE_MIN)
        return false;
    return el_quote_classical_clause(key, kl);
}

/* Quotation state of the scan: whether it is inside “…” and where the current clause
   began (in el_stats_scan, as far as quote_catch_up brought them), and the clause whose
   classical status was looked up last. */
typedef struct {
    bool in_quote;
    size_t clause;
    size_t checked; /* clause start of the last look-up + 1, 0 = none */
    bool classical;
} quote_t;

/* What a character means to the scan loop: it may open a statistic, open or close a
   quotation, or end a clause. Four characters in five are none of these. */
enum { CC_NONE, CC_START, CC_OPEN, CC_CLOSE, CC_MARK };

/* ASCII digits open a figure; , . ; ? ! : and the line break end a clause (all below 64). */
#define ASCII_BIT(ch) (UINT64_C(1) << (ch))
#define ASCII_DIGITS (UINT64_C(0x3FF) << '0')
#define ASCII_MARKS                                                                                \
    (ASCII_BIT(',') | ASCII_BIT('.') | ASCII_BIT(';') | ASCII_BIT('?') | ASCII_BIT('!') |          \
     ASCII_BIT(':') | ASCII_BIT('\n'))

/* The non-ASCII characters the scan stops at, all three bytes long in UTF-8, and their class. */
/* clang-format off */
#define CC_LIST(X)                                                                               \
    /* Chinese numerals (cn_digit, cn_unit) */                                                   \
    X(U'零', CC_START) X(U'〇', CC_START) X(U'一', CC_START) X(U'壹', CC_START)                  \
    X(U'二', CC_START) X(U'贰', CC_START) X(U'两', CC_START) X(U'兩', CC_START)                  \
    X(U'三', CC_START) X(U'叁', CC_START) X(U'四', CC_START) X(U'肆', CC_START)                  \
    X(U'五', CC_START) X(U'伍', CC_START) X(U'六', CC_START) X(U'陆', CC_START)                  \
    X(U'七', CC_START) X(U'柒', CC_START) X(U'八', CC_START) X(U'捌', CC_START)                  \
    X(U'九', CC_START) X(U'玖', CC_START) X(U'十', CC_START) X(U'拾', CC_START)                  \
    X(U'百', CC_START) X(U'佰', CC_START) X(U'千', CC_START) X(U'仟', CC_START)                  \
    X(U'万', CC_START) X(U'萬', CC_START) X(U'亿', CC_START) X(U'億', CC_START)                  \
    /* 翻 and the first characters of pre_qualifier() */                                        \
    X(U'翻', CC_START) X(U'超', CC_START) X(U'将', CC_START) X(U'接', CC_START)                  \
    X(U'不', CC_START) X(U'大', CC_START) X(U'约', CC_START) X(U'近', CC_START)                  \
    X(U'逾', CC_START) X(U'仅', CC_START) X(U'上', CC_START) X(U'突', CC_START)                  \
    /* 半 of the halves no qualifier opens (half_at) */                                         \
    X(U'半', CC_START)                                                                           \
    /* full-width digits */                                                                      \
    X(0xFF10, CC_START) X(0xFF11, CC_START) X(0xFF12, CC_START) X(0xFF13, CC_START)              \
    X(0xFF14, CC_START) X(0xFF15, CC_START) X(0xFF16, CC_START) X(0xFF17, CC_START)              \
    X(0xFF18, CC_START) X(0xFF19, CC_START)                                                      \
    /* quotation marks: “ 「 『 open, ” 」 』 close */                                          \
    X(0x201C, CC_OPEN) X(0x300C, CC_OPEN) X(0x300E, CC_OPEN)                                     \
    X(0x201D, CC_CLOSE) X(0x300D, CC_CLOSE) X(0x300F, CC_CLOSE)                                  \
    /* clause marks: ， 。 ； ？ ！ ： 、 ‘ ’ — … */                                            \
    X(0xFF0C, CC_MARK) X(0x3002, CC_MARK) X(0xFF1B, CC_MARK) X(0xFF1F, CC_MARK)                  \
    X(0xFF01, CC_MARK) X(0xFF1A, CC_MARK) X(0x3001, CC_MARK) X(0x2018, CC_MARK)                  \
    X(0x2019, CC_MARK) X(0x2014, CC_MARK) X(0x2026, CC_MARK)
/* clang-format on */

/*
 * CC_LIST in a perfect hash table keyed by a character's three bytes as read from the text
 * (first byte lowest): the scan asks about every character of the text, and a load, a
 * multiply and a compare answer it where a switch over these 72 characters took a walk down
 * a decision tree and needed the character decoded first. Each slot holds the key in its low
 * 24 bits and the class above (0: an empty slot, which matches no key). The multiplier was
 * searched for so that no two keys share a slot; two sharing one would be a slot initialised
 * twice, which -Woverride-init (part of -Wextra) reports, and test_stats_fast checks every
 * code point against the original switch. 256 slots of 4 bytes: 1 KB, small enough to stay
 * cached.
 * The clause marks and closing quotes matter only to a statistic in Chinese numerals inside
 * a quotation (in_classical_quote), which is rare, while a stop at each, a branch the scan
 * cannot predict, made a third of its stops: the scan uses a second table that leaves them
 * out and steps over them like any other character, and quote_catch_up walks the quotation's
 * text up to such a statistic with the first table when one needs them.
 */
#define CC_ENTRY(ch, cls) [CC_SLOT(UTF8_3(ch))] = UTF8_3(ch) | (uint32_t)(cls) << 24,
static const uint32_t cc_table[256] = {CC_LIST(CC_ENTRY)};

/* The same tables holding the keys alone (no class bits): the run over Han then compares a
   slot with the key it hashed as it is, where masking off the class took two more
   instructions per character. */
#define CC_KEY(ch, cls) [CC_SLOT(UTF8_3(ch))] = UTF8_3(ch),
static const uint32_t cc_keys[256] = {CC_LIST(CC_KEY)};

/* The characters that may open a statistic, for el_stats_scan, which looks for the opening
   quotes only when a statistic needs them (quote_catch_up), and for 大 将 接 上 only when the
   character after them makes them a qualifier (约 近 百 千 万 亿, all in the table: see
   next_start). */
#define CC_SCAN_START(ch, cls)                                                                     \
    ((cls) == CC_START && (ch) != U'大' && (ch) != U'将' && (ch) != U'接' && (ch) != U'上')
#define CC_ENTRY_START(ch, cls)                                                                    \
    [CC_SLOT(UTF8_3(ch))] = CC_SCAN_START(ch, cls) ? UTF8_3(ch) | (uint32_t)(cls) << 24 : 0,
#define CC_KEY_START(ch, cls) [CC_SLOT(UTF8_3(ch))] = CC_SCAN_START(ch, cls) ? UTF8_3(ch) : 0,
static const uint32_t cc_table_starts[256] = {CC_LIST(CC_ENTRY_START)};
static const uint32_t cc_keys_starts[256] = {CC_LIST(CC_KEY_START)};

/* The bytes at p as a number, p[0] lowest: four of them, or the avail < 4 left (the missing
   ones 0). */
static inline uint32_t load_le32(const unsigned char *p, size_t avail)
{
    uint32_t x = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (avail >= 4) {
        memcpy(&x, p, 4); /* one load; GCC does not merge the shifts below into one */
        return x;
    }
#endif
    for (size_t k = 0; k < avail && k < 4; k++)
        x |= (uint32_t)p[k] << (8 * k);
    return x;
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/* True if the three-byte sequence in the low 24 bits of x (first byte lowest; the bits above
   are ignored) is a key of key table keys. */
static inline bool in_keys(const uint32_t *keys, uint64_t x)
{
    uint32_t k = (uint32_t)x & 0xFFFFFF;
    return keys[CC_SLOT(k)] == k;
}
#endif

/*
 * The CC_ class, by table tab, of the character whose bytes, first byte lowest, are x (its
 * first four bytes, or all that are left), read without decoding it; in *len how far the
 * scan steps past it.
 * Why the step may differ from el_text_cp's: a decoding step consumes a lead byte and
 * continuation bytes only (libunistring takes the maximal invalid subpart), so every byte
 * that is no continuation byte starts a step whatever came before, and the characters the
 * scan stops at (ASCII, and three-byte sequences in the table) start with such a byte. So a
 * three-byte shape (lead E0..EF, two continuation bytes) is stepped over whole whatever it
 * decodes to, and any other non-ASCII byte one at a time: the scan meets exactly the
 * characters, at exactly the offsets, that decoding each character in turn would give.
 */
static inline int class_of_bytes(const uint32_t *tab, uint32_t x, size_t *len)
{
    uint32_t b0 = x & 0xFF;
    if ((x & 0xC0C0F0) == 0x8080E0) {
        uint32_t e = tab[CC_SLOT(x & 0xFFFFFF)];
        *len = 3;
        return ((e ^ x) & 0xFFFFFF) == 0 ? (int)(e >> 24) : CC_NONE;
    }
    *len = 1;
    if (b0 >= 64)
        return CC_NONE; /* ASCII letters, and bytes that start no character of the table */
    return ASCII_DIGITS >> b0 & 1 ? CC_START : ASCII_MARKS >> b0 & 1 ? CC_MARK : CC_NONE;
}

/* Two three-byte shapes (lead E0..EF, two continuation bytes) in the low six bytes. */
#define HAN2_MASK UINT64_C(0xC0C0F0C0C0F0)
#define HAN2 UINT64_C(0x8080E08080E0)

/* Offset of the first character from s[i] on that is not CC_NONE by table tab, whose keys
   alone are keys (n if none), its class in *cls and its length in *len. The scan spends most
   of its time here, stepping over the characters that mean nothing to it. */
__attribute__((always_inline)) static inline size_t next_stop(const uint32_t *tab,
                                                              const uint32_t *keys, const char *s,
                                                              size_t n, size_t i, int *cls,
                                                              size_t *len)
{
    const unsigned char *u = (const unsigned char *)s;
    (void)keys;
    while (i < n) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        /* Han, most of the text: four three-byte characters per step (two eight-byte loads)
           while fourteen bytes can be read; a character of the table, or any other shape,
           ends the run on the character that ended it */
        while (n - i >= 14) {
            uint64_t x, y;
            memcpy(&x, u + i, 8);
            if ((x & HAN2_MASK) != HAN2 || in_keys(keys, x))
                break;
            if (in_keys(keys, x >> 24)) {
                i += 3;
                break;
            }
            memcpy(&y, u + i + 6, 8);
            if ((y & HAN2_MASK) != HAN2 || in_keys(keys, y)) {
                i += 6;
                break;
            }
            if (in_keys(keys, y >> 24)) {
                i += 9;
                break;
            }
            i += 12;
        }
        /* the last thirteen bytes or fewer: two characters per step while eight can be read
           (not after a run above ended on a character: n - i is 14 or more then) */
        while (n - i >= 8 && n - i < 14) {
            uint64_t x;
            memcpy(&x, u + i, 8);
            if ((x & HAN2_MASK) != HAN2 || in_keys(keys, x))
                break;
            if (in_keys(keys, x >> 24)) {
                i += 3;
                break;
            }
            i += 6;
        }
#endif
        if ((*cls = class_of_bytes(tab, load_le32(u + i, n - i), len)) != CC_NONE)
            return i;
        i += *len;
    }
    return n;
}

/* no_figure_at without its switch, for the scan: which rule of pair_partners (or PAIR_YI, or
   PAIR_NONE) each start character follows, by its slot in the tables above; the rules hold
   the characters that may follow (repeated to fill the row). The scan asks 不 突 and 一
   (pair_rejects), and 大 将 接 上 from the character after them (pair_before). */
enum { PAIR_NONE, PAIR_BU, PAIR_DA, PAIR_JIN, PAIR_TU, PAIR_SHANG, PAIR_YI };
static const uint8_t pair_rule[256] = {
    [CC_SLOT(UTF8_3(U'不'))] = PAIR_BU,  [CC_SLOT(UTF8_3(U'大'))] = PAIR_DA,
    [CC_SLOT(UTF8_3(U'将'))] = PAIR_JIN, [CC_SLOT(UTF8_3(U'接'))] = PAIR_JIN,
    [CC_SLOT(UTF8_3(U'突'))] = PAIR_TU,  [CC_SLOT(UTF8_3(U'上'))] = PAIR_SHANG,
    [CC_SLOT(UTF8_3(U'一'))] = PAIR_YI,
};
static const uint32_t pair_partners[PAIR_YI][4] = {
    [PAIR_BU] = {UTF8_3(U'足'), UTF8_3(U'到'), UTF8_3(U'足'), UTF8_3(U'到')},
    [PAIR_DA] = {UTF8_3(U'约'), UTF8_3(U'约'), UTF8_3(U'约'), UTF8_3(U'约')},
    [PAIR_JIN] = {UTF8_3(U'近'), UTF8_3(U'近'), UTF8_3(U'近'), UTF8_3(U'近')},
    [PAIR_TU] = {UTF8_3(U'破'), UTF8_3(U'破'), UTF8_3(U'破'), UTF8_3(U'破')},
    [PAIR_SHANG] = {UTF8_3(U'百'), UTF8_3(U'千'), UTF8_3(U'万'), UTF8_3(U'亿')},
};

/*
 * no_figure_at(s, n, i) for a start character of CC_LIST at s[i], given its bytes c and the
 * three after it d (0 if fewer than three follow), as no_figure_at reads them. The scan
 * stops at one of 一 不 突 for every other figure it tries, and the switch there, whose way
 * depends on the character, was a branch mispredicted at most of those stops: this looks the
 * rule up by the slot and computes both kinds of answer without a branch.
 */
static inline bool pair_rejects(uint32_t c, uint32_t d)
{
    unsigned r = pair_rule[CC_SLOT(c)];
    const uint32_t *p = pair_partners[r == PAIR_YI ? PAIR_NONE : r];
    bool none = (d != p[0]) & (d != p[1]) & (d != p[2]) & (d != p[3]);
    /* 一: a three-byte shape d that is no numeral and none of yi_may_open's others, compared
       as no_figure_at decodes it, from its bits alone: so the overlong forms of the spaces
       (E0 80 A0 for ' ') count as spaces there, and here */
    bool yi = ((d & 0xC0C0F0) == 0x8080E0) & (cn_keys[CC_SLOT(d)] != d) & (d != UTF8_3(0x3000)) &
              (d != UTF8_3(' ')) & (d != UTF8_3('\t')) & (d != UTF8_3(0xA0)) &
              (d != UTF8_3(U'点')) & (d != UTF8_3(U'半')) & (d != UTF8_3(U'成')) &
              (d != UTF8_3(U'倍')) & (d != UTF8_3(U'国')) & (d != UTF8_3(U'至'));
    return r == PAIR_YI ? yi : (r != PAIR_NONE) & none;
}

/* Which start characters follow_rejects judges by the character after them: the qualifiers
   of one character that give their string at once (近 约 仅 逾), and the numerals but 一
   (pair_rejects has its own rule for 一), by their slot in cc_table. */
enum { FOLLOW_NONE, FOLLOW_QUAL, FOLLOW_NUM };
#define FOLLOW_RULE_NUM(ch, m) [CC_SLOT(UTF8_3(ch))] = (ch) != U'一' ? FOLLOW_NUM : FOLLOW_NONE,
/* clang-format off */
static const uint8_t follow_rule[256] = {
    CN_NUMERALS(FOLLOW_RULE_NUM)
    [CC_SLOT(UTF8_3(U'近'))] = FOLLOW_QUAL, [CC_SLOT(UTF8_3(U'约'))] = FOLLOW_QUAL,
    [CC_SLOT(UTF8_3(U'仅'))] = FOLLOW_QUAL, [CC_SLOT(UTF8_3(U'逾'))] = FOLLOW_QUAL,
};
/* clang-format on */

/*
 * True if the start character c (its three bytes, as in cc_table) at s[i] certainly opens no
 * statistic, given the three bytes d after it (0 if fewer than three follow), so that try_at
 * would return false and resume right after it. Read from d's bytes, a three-byte shape only;
 * anything else (ASCII, a space, a cut text) is left to try_at.
 * - 近 约 仅 逾: try_at takes them for a qualifier, which must be followed, past spaces, by a
 *   digit, a numeral, 翻 or 半 (近年来, 最近, 节约, 仅仅 are not): this rules out 7% of the
 *   scan's stops on the bench corpus, nearly two in three of those at 近.
 * - A numeral but 一 (which pair_rejects judges) not followed by another numeral is a number
 *   of one character, and makes a figure or a fixed phrase only before a character of
 *   follow_keys (三人, 三严三实, 三点五亿, 百分之, 万余) or a space; a failed attempt
 *   resumes right after it. 二是, 四川, 千方百计, 队伍: 14% of the stops.
 * Each was a call to try_at whose answer, a branch on the character, was mispredicted.
 */
static inline bool follow_rejects(uint32_t c, uint32_t d)
{
    unsigned r = follow_rule[CC_SLOT(c)];
    bool other = ((d & 0xC0C0F0) == 0x8080E0) & (cn_keys[CC_SLOT(d)] != d) & (d != UTF8_3(0x3000));
    /* full-width digits: EF BC 90..99 */
    bool fw_digit = ((d & 0xFFFF) == 0xBCEF) & ((d >> 16) - 0x90 < 10);
    bool qual = other & !fw_digit & (d != UTF8_3(U'翻')) & (d != UTF8_3(U'半'));
    bool num = other & !is_follow(d);
    return ((r == FOLLOW_QUAL) & qual) | ((r == FOLLOW_NUM) & num);
}

/* True if the three bytes b are one of 大 将 接 上 and the character c after them makes it a
   qualifier (大约 将近 接近 上百 上千 上万 上亿): where no_figure_at would not rule it out. */
static inline bool pair_before(uint32_t b, uint32_t c)
{
    unsigned slot = CC_SLOT(b), r = pair_rule[slot];
    if (cc_keys[slot] != b || (r != PAIR_DA && r != PAIR_JIN && r != PAIR_SHANG))
        return false;
    const uint32_t *p = pair_partners[r];
    return c == p[0] || c == p[1] || c == p[2] || c == p[3];
}

/* The longest quoted term (code points) whose numerals make no statistic (quoted_term). */
#define TERM_MAX 8

/*
 * True if the statistic st, in Chinese numerals, opens a short quoted term that goes on after
 * it: “两张皮”, “三个课堂”, “七个有之” are idioms and names, not data (“全县新建十所学校” is
 * a sentence, “三个月” a figure). The term is the whole quotation, from its opening mark
 * (where qs->clause then starts) to its closing mark within TERM_MAX code points.
 */
static bool quoted_term(const scan_t *t, const quote_t *qs, const el_stat *st)
{
    size_t a = qs->clause, e = st->off + st->len, l;
    if (a != st->off || e - a > 4 * TERM_MAX) /* (bytes: no long quotation is measured) */
        return false;
    uint32_t open = a >= 3 ? el_text_cp(t->s, t->n, a - 3, &l) : 0;
    if (!(open == 0x201C || open == 0x300C || open == 0x300E))
        return false;
    size_t ncp = el_text_ncp(t->s + a, e - a);
    bool more = false; /* a character of the term after the statistic */
    for (size_t i = e; i < t->n && ncp <= TERM_MAX; i += l, ncp++) {
        uint32_t c = el_text_cp(t->s, t->n, i, &l);
        if (c == 0x201D || c == 0x300D || c == 0x300F)
            return more;
        if (!el_text_is_han(c))
            return false;
        more = true;
    }
    return false;
}

/* True if the statistic st, in Chinese numerals, sits in a classical clause of a quotation
   or in a short quoted term (quoted_term). */
static bool in_classical_quote(const scan_t *t, quote_t *qs, const el_stat *st)
{
    size_t e = st->off + st->len, l;
    if (!qs->in_quote)
        return false;
    if (quoted_term(t, qs, st))
        return true;
    if (qs->checked == qs->clause + 1)
        return qs->classical;
    /* the clause ends at the next mark; a bounded look-ahead keeps the scan linear */
    while (e < t->n && e - qs->clause <= CLAUSE_MAX) {
        uint32_t c = el_text_cp(t->s, t->n, e, &l);
        if (is_dropped(t->s, e, c, l) && !is_space(c))
            break;
        e += l;
    }
    qs->checked = qs->clause + 1;
    qs->classical = classical_clause(t->s, qs->clause, e);
    return qs->classical;
}

/* True if the three bytes at u are an opening or closing quotation mark (“ ” 「 」 『 』). */
static inline bool quote_mark_at(const unsigned char *u)
{
    return u[1] == 0x80 &&
           ((u[0] == 0xE2 && (u[2] & 0xFE) == 0x9C) || (u[0] == 0xE3 && (u[2] & 0xFC) == 0x8C));
}

/*
 * Offset of the last quotation mark (“ ” 「 」 『 』) lying whole in s[a..b), or SIZE_MAX if
 * none. The opening ones end in an even byte (9C 8C 8E), the closing ones in an odd one.
 * Found from the bytes: their lead bytes E2 and E3 are no continuation bytes, so wherever
 * they stand in a stretch the scan stepped over, the scan stepped onto them (see
 * class_of_bytes), and it stopped at exactly the marks found here.
 */
static size_t last_quote_mark(const char *s, size_t a, size_t b)
{
    const unsigned char *u = (const unsigned char *)s;
    if (b < a + 3)
        return SIZE_MAX;
    size_t e = b - 2; /* marks start below e */
#if STATS_SSE2
    /* sixteen starts at a time, from the end: a lead byte, 80, and a last byte of the set */
    const __m128i e2 = _mm_set1_epi8((char)0xE2), e3 = _mm_set1_epi8((char)0xE3),
                  x80 = _mm_set1_epi8((char)0x80), fe = _mm_set1_epi8((char)0xFE),
                  fc = _mm_set1_epi8((char)0xFC), x9c = _mm_set1_epi8((char)0x9C),
                  x8c = _mm_set1_epi8((char)0x8C);
    while (e - a >= 16) {
        size_t q = e - 16;
        __m128i v0 = _mm_loadu_si128((const __m128i *)(u + q)),
                v1 = _mm_loadu_si128((const __m128i *)(u + q + 1)),
                v2 = _mm_loadu_si128((const __m128i *)(u + q + 2));
        __m128i m2 =
            _mm_and_si128(_mm_cmpeq_epi8(v0, e2), _mm_cmpeq_epi8(_mm_and_si128(v2, fe), x9c));
        __m128i m3 =
            _mm_and_si128(_mm_cmpeq_epi8(v0, e3), _mm_cmpeq_epi8(_mm_and_si128(v2, fc), x8c));
        unsigned m = (unsigned)_mm_movemask_epi8(
            _mm_and_si128(_mm_cmpeq_epi8(v1, x80), _mm_or_si128(m2, m3)));
        if (m)
            return q + 31 - (size_t)__builtin_clz(m);
        e = q;
    }
#endif
    while (e > a) {
        e--;
        if (quote_mark_at(u + e))
            return e;
    }
    return SIZE_MAX;
}

/*
 * Bring qs up to offset i, where a statistic in Chinese numerals starts, from *known (up to
 * where it is current). The scan stops at none of the quotation marks nor the clause marks
 * of three bytes, which only a statistic in Chinese numerals inside a quotation needs: the
 * last quotation mark before i, if it lies past *known, says whether i is inside one, and if
 * it opens one the clause starts after it; then the walk over s[*known..i) by the full table
 * finds the clause marks (and the closing quote, if the quotation carries over from before
 * *known). Those marks are three-byte characters, which no statistic, no failed attempt and
 * no rejected character the scan skipped over can hold, and every byte that is no
 * continuation byte starts a step of the walk as of the scan: the walk meets exactly the
 * marks the scan would have stopped at. ASCII marks can sit inside a skipped number (3,200;
 * 1.5): the scan notes them itself, the last one's end in amark, and the walk passes them
 * over. Each byte is looked at a bounded number of times, as *known only grows.
 */
static void quote_catch_up(const char *s, size_t i, size_t amark, size_t *known, quote_t *qs)
{
    int cls;
    size_t l, q = last_quote_mark(s, *known, i);
    if (q != SIZE_MAX) {
        qs->in_quote = !(s[q + 2] & 1);
        qs->clause = *known = q + 3;
    }
    for (size_t p = *known;
         qs->in_quote && (p = next_stop(cc_table, cc_keys, s, i, p, &cls, &l)) < i; p += l) {
        if (l != 3)
            continue;
        if (cls == CC_CLOSE)
            qs->in_quote = false;
        else if (cls == CC_MARK && p + l > qs->clause)
            qs->clause = p + l;
    }
    if (amark > qs->clause)
        qs->clause = amark;
    *known = i;
}

/* Offset of the next character from s[i] on that may open a statistic (n if none), its
   length in *len: next_stop by the table of the characters that may, which itself also steps
   over the ASCII marks (the end of the last one in *amark) and over the characters
   no_figure_at rules out (as pair_rejects) or the character after them does (follow_rejects),
   so that the common ones cost no return from the loop over Han. 大 将 接 上, common and nearly
   always no qualifier, are not in the table: the character after one that is (约 近 百 千 万 亿,
   which are) points back to it. */
static inline size_t next_start(const char *s, size_t n, size_t i, size_t *amark, size_t *len)
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
            uint32_t d = n - i >= 6 ? load_le32(u + i + 3, n - i - 3) & 0xFFFFFF : 0;
            /* both answered, then one branch: which rule rejects varies from stop to stop */
            bool pair = pair_rejects(c, d), follow = follow_rejects(c, d);
            if (!(pair | follow))
                return i;
        }
        i += *len;
    }
    return n;
}

void el_stats_scan(const char *s, size_t n, el_stats_emit_fn emit, void *ctx)
{
    scan_t t = {s, n};
    /* in_quote: an opening quote was met and no closing one yet as far as known */
    quote_t qs = {false, 0, 0, false};
    size_t i = 0, known = 0, amark = 0, done = 0; /* done: the end of the last one emitted */

    if (!s || !emit)
        return;
    while (i < n) {
        size_t l, next;
        el_stat st;
        bool cn;
        if ((i = next_start(s, n, i, &amark, &l)) >= n)
            break;
        if (try_at(&t, i, &st, &next, &cn)) {
            if (st.off < done && st.qualifier == q_guo) { /* its 过 ends the last one */
                i += l;
                continue;
            }
            if (cn)
                quote_catch_up(s, i, amark, &known, &qs);
            if (!cn || !in_classical_quote(&t, &qs, &st)) {
                emit(ctx, &st);
                done = st.off + st.len;
            }
            i = st.off + st.len > i ? st.off + st.len : i + l;
        } else {
            i = next;
        }
    }
}

const char *el_stats_kind_name(el_stat_kind k)
{
    switch (k) {
    case EL_STAT_COUNT:
        return "count";
    case EL_STAT_PERCENT:
        return "percent";
    case EL_STAT_MONEY:
        return "money";
    case EL_STAT_DURATION:
        return "duration";
    case EL_STAT_DATE:
        return "date";
    case EL_STAT_OTHER:
        return "other";
    }
    return "other";
}
