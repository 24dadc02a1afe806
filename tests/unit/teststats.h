/* SPDX-License-Identifier: MIT */
/*
 * References of the statistics scanner kept for the differential tests, after it left them
 * behind (for the tests that include stats.c, after it): the start-character tables that also
 * stop at opening quotes, as the scan was before it looked for them only when a statistic
 * needs them (quote_catch_up), and no_figure_at, the switch that pair_rejects and pair_before
 * replaced. Included by test_stats_fast.c, test_quotes_stats_fast5.c and test_stats_fast6.c.
 */
#ifndef EL_TESTSTATS_H
#define EL_TESTSTATS_H

/* The start characters and the opening quotes (the scan's tables leave the quotes out). */
#define CC_ENTRY_UNQUOTED(ch, cls)                                                                 \
    [CC_SLOT(UTF8_3(ch))] =                                                                        \
        (cls) == CC_START || (cls) == CC_OPEN ? UTF8_3(ch) | (uint32_t)(cls) << 24 : 0,
static const uint32_t cc_table_unquoted[256] = {CC_LIST(CC_ENTRY_UNQUOTED)};
#define CC_KEY_UNQUOTED(ch, cls)                                                                   \
    [CC_SLOT(UTF8_3(ch))] = (cls) == CC_START || (cls) == CC_OPEN ? UTF8_3(ch) : 0,
static const uint32_t cc_keys_unquoted[256] = {CC_LIST(CC_KEY_UNQUOTED)};

/*
 * True if the start character at s[i], three bytes, certainly opens no statistic, so that
 * try_at would return false and resume right after it: 不 大 将 接 突 and 上 open one only
 * before a given character (不足 不到 大约 将近 接近 突破 上百 上千 上万 上亿), and 一 only
 * where yi_may_open says. Those are among the commonest characters; read from the bytes,
 * the character after them rules out most of them without a call to try_at. The scan used to
 * ask this; it asks pair_rejects and pair_before now, which test_stats_fast6.c checks
 * against it.
 */
static inline bool no_figure_at(const char *s, size_t n, size_t i)
{
    const unsigned char *u = (const unsigned char *)s;
    uint32_t c = load_le32(u + i, n - i) & 0xFFFFFF,
             d = n - i >= 6 ? load_le32(u + i + 3, n - i - 3) & 0xFFFFFF : 0;
    switch (c) {
    case UTF8_3(U'不'):
        return d != UTF8_3(U'足') && d != UTF8_3(U'到');
    case UTF8_3(U'大'):
        return d != UTF8_3(U'约');
    case UTF8_3(U'将'):
    case UTF8_3(U'接'):
        return d != UTF8_3(U'近');
    case UTF8_3(U'突'):
        return d != UTF8_3(U'破');
    case UTF8_3(U'上'):
        return d != UTF8_3(U'百') && d != UTF8_3(U'千') && d != UTF8_3(U'万') && d != UTF8_3(U'亿');
    case UTF8_3(U'一'):
        /* only a well-formed three-byte d is read here (decoded from its bytes: an overlong
           or surrogate form decodes to no character yi_may_open accepts); anything else
           is left to try_at */
        return (d & 0xC0C0F0) == 0x8080E0 &&
               !yi_may_open((d & 0x0F) << 12 | (d >> 8 & 0x3F) << 6 | (d >> 16 & 0x3F));
    default:
        return false;
    }
}

#endif
