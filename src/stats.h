/* SPDX-License-Identifier: MIT */
/*
 * Statistics extractor: finds the figures an essay offers as evidence (3200 余件, 1.2 万起,
 * 近三成, 百分之六十, 翻一番, 2023 年) in UTF-8 text and reports each one with its value
 * normalised, its unit, its qualifier and a kind (count, percent, money, duration, date, other).
 * Labels, ordinals, political slogans, idioms and the numerals of quoted classical lines
 * (“九层之台，起于累土”, checked against the classical lexicon) are left out.
 * One left-to-right pass, bounded look-ahead and look-behind; no allocation per call and no
 * table built at run time (the index of the unit table is a compile-time constant; classical
 * clauses are looked up in the quote extractor's index of the lexicon, quotes.h).
 */
#ifndef EL_STATS_H
#define EL_STATS_H

#include <stddef.h>

typedef enum {
    EL_STAT_COUNT, /* a number with a measure word (件 起 名 户 个 对 款 …) or a bare 万/亿
                      figure */
    EL_STAT_PERCENT, /* 98%, 百分之六十, 近三成, 三分之一, 1/3, 一半, 半数以上, 过半: value
                        in percent units */
    EL_STAT_MONEY,    /* 元 美元 …: value in the currency unit (1.5 亿元 → 150000000) */
    EL_STAT_DURATION, /* a span of time: 24 小时, 15 个工作日, 近 5 年, 十年 */
    EL_STAT_DATE, /* a point in time: 2023 年, 5 月, 2023 年 5 月 1 日, 80 年代, or a span of
                     them whose lower bound has no unit (2022-2023年, 3至5月) or the upper
                     one's (2022年至2023年, 2022年到2023年); value and unit are those of its
                     first part (2023 年, 4 月 of 4 月 23 日, 2022 and 年 of 2022-2023年 and
                     of 2022年至2023年) */
    EL_STAT_OTHER /* a measurement (area 亩 公顷, length 公里, weight 斤 吨, age 岁, km kg),
                     a ratio: 3 倍, 翻一番 (value = the multiplier), or percentage points:
                     5 个百分点 (a difference of percentages, not a share; unit 百分点) */
} el_stat_kind;

typedef struct el_stat {
    size_t off, len; /* the statistic as written, qualifiers and unit included */
    double value; /* normalised: 1.2万 → 12000, 近三成 → 30, 百分之六十 → 60; a range of
                     quantities whose lower bound has no unit or the upper one's is its
                     middle, qualifier 约 (3至5年, 三至五年, 3年至5年 → 4, 30%-40% → 35, as
                     两三千人 → 2500) */
    size_t unit_off, unit_len; /* the unit after any 万/亿 multiplier (件 起 元 小时 % 成 番;
                                  小时 of 3 个小时); unit_len 0 = none (百分之六十, 三分之一,
                                  a bare 1.2 万) */
    const char *qualifier; /* static string (近 超 约 超过 将近 不足 余 多 以上 左右,
                              the bounds 不超过 不少于 最高 最多 …, and for
                              the vague forms 数 几 约: 数十万人, 十几个, 两三千人) or NULL */
    el_stat_kind kind;
} el_stat;

/* Receives one statistic; st is only valid during the call. */
typedef void (*el_stats_emit_fn)(void *ctx, const el_stat *st);

/* Scan UTF-8 text s[0..n) (invalid bytes tolerated) and call emit for each statistic in text
   order, offsets relative to s. Linear in n; thread-safe. */
void el_stats_scan(const char *s, size_t n, el_stats_emit_fn emit, void *ctx);

/* "count" "percent" "money" "duration" "date" "other" (the JSON spelling); "other" if unknown. */
const char *el_stats_kind_name(el_stat_kind k);

#endif
