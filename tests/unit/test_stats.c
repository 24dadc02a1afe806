/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for the statistics extractor: every written form of a figure (Arabic and Chinese
 * numerals, 万/亿, percentages, 成, fractions, 翻番, dates and durations) with its exact span,
 * value, kind, qualifier and unit; the precision traps (labels, ordinals, slogans, idioms, Latin
 * tokens) that must yield nothing; and hostile input (invalid UTF-8, huge runs) that must stay
 * linear and in bounds. Texts are copied into exact-size buffers so reads past n are caught.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include <math.h>

#include "stats.h"

#include "teststatones.h"

static void test_arabic_counts(void **state)
{
    static const struct one cases[] = {
        {"街道一年调处邻里矛盾 3200 余件。", "3200 余件", 3200, C, "余", "件"},
        {"全年排查隐患 1.2 万起，", "1.2 万起", 12000, C, NULL, "起"},
        {"组织 508 名志愿者", "508 名", 508, C, NULL, "名"},
        {"打通了 16 个部门的数据", "16 个", 16, C, NULL, "个"},
        {"共有 64 户签约", "64 户", 64, C, NULL, "户"},
        {"下放 83 项审批事项", "83 项", 83, C, NULL, "项"},
        {"救治 19 例突发病人", "19 例", 19, C, NULL, "例"},
        {"新装电梯 145 部", "145 部", 145, C, NULL, "部"},
        {"服务 3.6 万人次", "3.6 万人次", 36000, C, NULL, "人次"},
        {"惠及 2.4 万户家庭", "2.4 万户", 24000, C, NULL, "户"},
        {"志愿者超 12 万人，", "超 12 万人", 120000, C, "超", "人"},
        {"联合 9 部门开展整治", "9 部门", 9, C, NULL, "部门"},
        {"新建 3,600 个充电桩", "3,600 个", 3600, C, NULL, "个"},
        {"开通 40 条公交线路", "40 条", 40, C, NULL, "条"},
        {"整治 1200 亩撂荒地", "1200 亩", 1200, O, NULL, "亩"},
        {"修复河道 35 公里", "35 公里", 35, O, NULL, "公里"},
        {"绿道 12.5km 全线贯通", "12.5km", 12.5, O, NULL, "km"},
        {"回收 3 千吨塑料", "3 千吨", 3000, O, NULL, "吨"},
        {"跑道长 5 千米", "5 千米", 5, O, NULL, "千米"},
        {"服务 80 岁以上老人", "80 岁以上", 80, O, "以上", "岁"},
        {"年满 18 周岁", "18 周岁", 18, O, NULL, "周岁"},
        {"全市共 45 所学校", "45 所", 45, C, NULL, "所"},
        {"累计 1.8 万", "1.8 万", 18000, C, NULL, NULL},
        {"培训３００名网格员", "３００名", 300, C, NULL, "名"},
    };
    (void)state;
    run_ones(cases, N(cases));
}

static void test_chinese_counts(void **state)
{
    static const struct one cases[] = {
        {"发放一千二百份问卷", "一千二百份", 1200, C, NULL, "份"},
        {"走访十八个村", "十八个", 18, C, NULL, "个"},
        {"吸引三万人参与", "三万人", 30000, C, NULL, "人"},
        {"覆盖两千余户", "两千余户", 2000, C, "余", "户"},
        {"引进两家企业", "两家", 2, C, NULL, "家"},
        {"发生两起事故", "两起", 2, C, NULL, "起"},
        {"组建十多个服务队", "十多个", 10, C, "多", "个"},
        {"招募一万名志愿者", "一万名", 10000, C, NULL, "名"},
        {"新建三百零五座桥", "三百零五座", 305, C, NULL, "座"},
        {"惠及三万五人", "三万五人", 35000, C, NULL, "人"},
        {"累计十余万人受益", "十余万人", 100000, C, "余", "人"},
        {"每周三次上门", "三次", 3, C, NULL, "次"},
        {"完成三项改革", "三项", 3, C, NULL, "项"},
        {"伍佰名", "伍佰名", 500, C, NULL, "名"},
    };
    (void)state;
    run_ones(cases, N(cases));
}

static void test_money(void **state)
{
    static const struct one cases[] = {
        {"投入 1.5 亿元", "1.5 亿元", 150000000, M, NULL, "元"},
        {"筹集两千余万元", "两千余万元", 20000000, M, "余", "元"},
        {"人均增收 800 元", "800 元", 800, M, NULL, "元"},
        {"吸引投资一亿元", "一亿元", 100000000, M, NULL, "元"},
        {"出口额 3 千万美元", "3 千万美元", 30000000, M, NULL, "美元"},
        {"规模达 2 万亿元", "2 万亿元", 2e12, M, NULL, "元"},
        {"节省 20 多万元", "20 多万元", 200000, M, "多", "元"},
    };
    (void)state;
    run_ones(cases, N(cases));
}

static void test_percent(void **state)
{
    static const struct one cases[] = {
        {"办结率达 97%。", "97%", 97, P, NULL, "%"},
        {"下降 62.5％", "62.5％", 62.5, P, NULL, "％"},
        {"满意度 96 % 以上", "96 % 以上", 96, P, "以上", "%"},
        {"参与率不足 15%，", "不足 15%", 15, P, "不足", "%"},
        {"提高 5 个百分点", "5 个百分点", 5, O, NULL, "百分点"},
        {"比例为 3‰", "3‰", 0.3, P, NULL, "‰"},
        {"近三成居民", "近三成", 30, P, "近", "成"},
        {"接近四成", "接近四成", 40, P, "接近", "成"},
        {"七成以上的村", "七成以上", 70, P, "以上", "成"},
        {"九成受访者", "九成", 90, P, NULL, "成"},
        {"仅一成", "仅一成", 10, P, "仅", "成"},
        {"百分之六十的事项", "百分之六十", 60, P, NULL, NULL},
        {"百分之百", "百分之百", 100, P, NULL, NULL},
        {"百分之三十五点五", "百分之三十五点五", 35.5, P, NULL, NULL},
        {"近百分之八十", "近百分之八十", 80, P, "近", NULL},
        {"千分之三", "千分之三", 0.3, P, NULL, NULL},
        {"三分之一的时间", "三分之一", 100.0 / 3, P, NULL, NULL},
        {"四分之三", "四分之三", 75, P, NULL, NULL},
        {"十分之一", "十分之一", 10, P, NULL, NULL},
        {"超过三分之二", "超过三分之二", 200.0 / 3, P, "超过", NULL},
    };
    (void)state;
    run_ones(cases, N(cases));
}

static void test_ratios(void **state)
{
    static const struct one cases[] = {
        {"产值翻一番", "翻一番", 2, O, NULL, "番"},     {"收入翻两番", "翻两番", 4, O, NULL, "番"},
        {"客流翻了一番", "翻了一番", 2, O, NULL, "番"}, {"销量翻番", "翻番", 2, O, NULL, "番"},
        {"订单翻倍", "翻倍", 2, O, NULL, "倍"},         {"效率提升 3 倍", "3 倍", 3, O, NULL, "倍"},
        {"增长 1.5 倍", "1.5 倍", 1.5, O, NULL, "倍"},  {"增长两倍", "两倍", 2, O, NULL, "倍"},
        {"增长了一倍", "一倍", 1, O, NULL, "倍"},
    };
    (void)state;
    run_ones(cases, N(cases));
}

static void test_durations(void **state)
{
    static const struct one cases[] = {
        {"24 小时在线", "24 小时", 24, D, NULL, "小时"},
        {"步行 2 小时到镇上", "2 小时", 2, D, NULL, "小时"},
        {"累计服务 50 万小时", "50 万小时", 500000, D, NULL, "小时"},
        {"15 个工作日内办结", "15 个工作日", 15, D, NULL, "工作日"},
        {"3 年推动改造", "3 年", 3, D, NULL, "年"},
        {"近 5 年来", "近 5 年", 5, D, "近", "年"},
        {"十年如此", "十年", 10, D, NULL, "年"},
        {"奋斗二十年", "二十年", 20, D, NULL, "年"},
        {"历时 1.5 年", "1.5 年", 1.5, D, NULL, "年"},
        {"约 2000 年前", "约 2000 年", 2000, D, "约", "年"},
        {"两个多月", "两个多月", 2, D, "多", "月"},
        {"三个多小时", "三个多小时", 3, D, "多", "小时"},
        {"等了 6 个月", "6 个月", 6, D, NULL, "个月"},
        {"3 日内答复", "3 日", 3, D, NULL, "日"},
        {"5 日以内", "5 日以内", 5, D, "以内", "日"},
        {"耗时 30 分钟", "30 分钟", 30, D, NULL, "分钟"},
        {"大约 5 天", "大约 5 天", 5, D, "大约", "天"},
        {"用时 3 周", "3 周", 3, D, NULL, "周"},
    };
    (void)state;
    run_ones(cases, N(cases));
}

static void test_dates(void **state)
{
    static const struct one cases[] = {
        {"2023 年排查纠纷", "2023 年", 2023, T, NULL, "年"},
        {"2021年起", "2021年", 2021, T, NULL, "年"},
        {"2023 年 5 月启动", "2023 年 5 月", 2023, T, NULL, "年"},
        {"2024 年 10 月 1 日起", "2024 年 10 月 1 日", 2024, T, NULL, "年"},
        {"2022年3月份", "2022年3月份", 2022, T, NULL, "年"},
        {"5 月 1 日", "5 月 1 日", 5, T, NULL, "月"},
        {"截至 6 月底", "6 月", 6, T, NULL, "月"},
        {"五月", "五月", 5, T, NULL, "月"},
        {"十二月", "十二月", 12, T, NULL, "月"},
        {"二〇二三年五月一日", "二〇二三年五月一日", 2023, T, NULL, "年"},
        {"１９７８年", "１９７８年", 1978, T, NULL, "年"},
        {"15 日召开", "15 日", 15, T, NULL, "日"},
        {"上世纪 80 年代", "80 年代", 80, T, NULL, "年代"},
        {"21 世纪", "21 世纪", 21, T, NULL, "世纪"},
        {"2023 年以来", "2023 年", 2023, T, NULL, "年"},
    };
    (void)state;
    run_ones(cases, N(cases));
}

static void test_qualifiers(void **state)
{
    static const struct one cases[] = {
        {"约 4300 件", "约 4300 件", 4300, C, "约", "件"},
        {"超过 1 万家", "超过 1 万家", 10000, C, "超过", "家"},
        {"将近 2 万户", "将近 2 万户", 20000, C, "将近", "户"},
        {"逾 2000 人", "逾 2000 人", 2000, C, "逾", "人"},
        {"仅 3 人", "仅 3 人", 3, C, "仅", "人"},
        {"不到 10 家", "不到 10 家", 10, C, "不到", "家"},
        {"1000 多名", "1000 多名", 1000, C, "多", "名"},
        {"10 多万人", "10 多万人", 100000, C, "多", "人"},
        {"1.2 万余起", "1.2 万余起", 12000, C, "余", "起"},
        {"30 人左右", "30 人左右", 30, C, "左右", "人"},
        {"30 岁上下的", "30 岁上下", 30, O, "上下", "岁"},
        {"5 岁以下儿童", "5 岁以下", 5, O, "以下", "岁"},
        {"多达 300 件", "300 件", 300, C, NULL, "件"},
        {"附近 3 个村", "3 个", 3, C, NULL, "个"},   /* 附近 is "nearby", not 近 */
        {"节约 30% 用水", "30%", 30, P, NULL, "%"},  /* 节约 is "save", not 约 */
        {"约　3 成", "约　3 成", 30, P, "约", "成"}, /* ideographic space */
        {"30 人上下班", "30 人", 30, C, NULL, "人"}, /* 上下班 is a word */
    };
    (void)state;
    run_ones(cases, N(cases));
}

/* The brief's traps: labels, ordinals, bare 一, slogans, idioms, metaphors, Latin tokens. */
/* A bare N 日 after a verb of duration counts days (行政拘留 10 日); a day of a month
   (每月 15 日, 15 日召开) stays a date. */
static void test_day_spans(void **state)
{
    static const struct one cases[] = {
        {"造谣者被依法行政拘留10日。", "10日", 10, D, NULL, "日"},
        {"限期 30 日整改", "30 日", 30, D, NULL, "日"},
        {"连续 15 日无降雨", "15 日", 15, D, NULL, "日"},
        {"每月 15 日开放", "15 日", 15, T, NULL, "日"},
        {"15 日召开", "15 日", 15, T, NULL, "日"},
    };
    (void)state;
    run_ones(cases, N(cases));
}

/* 一半 and 半数 are 50 percent, 半 before a unit of time is 0.5 of it, only qualified
   (近半年, 超过一半, 一半以上); 半 alone opens words. */
static void test_halves(void **state)
{
    static const struct one cases[] = {
        {"耗时近半年。", "近半年", 0.5, D, "近", "年"},
        {"不到半个月就办结", "不到半个月", 0.5, D, "不到", "个月"},
        {"超过半小时", "超过半小时", 0.5, D, "超过", "小时"},
        {"教师占比超过一半。", "超过一半", 50, P, "超过", NULL},
        {"一半以上的村民", "一半以上", 50, P, "以上", NULL},
        {"近半数企业", "近半数", 50, P, "近", NULL},
    };
    static const char *const traps[] = {
        "一半是海水，一半是火焰",
        "上半年，下半年",
        "半导体产业",
        "忙了半天",
        "用了半年",
        "近半个人",
        "半径范围内",
    };
    (void)state;
    run_ones(cases, N(cases));
    run_nones(traps, N(traps));
}

/* 两三 (like 三五, 几十) has no single value: skipped whole, never read as 三个小时. */
static void test_vague_pairs(void **state)
{
    static const char *const texts[] = {"排队动辄两三个小时", "三五个人", "七八十户"};
    (void)state;
    run_nones(texts, N(texts));
}

/* A bare decimal after a ratio word of its clause is a ratio (kind other, no unit). */
static void test_decimal_ratios(void **state)
{
    static const struct one cases[] = {
        {"收入倍差缩小到1.86，", "1.86", 1.86, O, NULL, NULL},
        {"基尼系数为 0.46", "0.46", 0.46, O, NULL, NULL},
    };
    static const char *const traps[] = {
        "版本 2.0 发布",
        "比如 1.5 的比例",
        "收入比较高，评分 4.8",
        "倍差缩小到 2",
    };
    char *b;
    (void)state;
    run_ones(cases, N(cases));
    run_nones(traps, N(traps));
    struct found f = scan_copy("城乡居民收入比由2013年的2.81缩小至2.39。", &b);
    assert_int_equal(f.n, 3);
    check_stat(b, &f.v[0], "2013年", 2013, T, NULL, "年");
    check_stat(b, &f.v[1], "2.81", 2.81, O, NULL, NULL);
    check_stat(b, &f.v[2], "2.39", 2.39, O, NULL, NULL);
    free(b);
}

/* 突破 means "more than", like 超过: a qualifier; 突破 without a figure is a word. */
static void test_tupo(void **state)
{
    static const struct one cases[] = {
        {"产量突破70万辆，", "突破70万辆", 700000, C, "突破", "辆"},
        {"年产值突破 3 亿元", "突破 3 亿元", 3e8, M, "突破", "元"},
    };
    static const char *const traps[] = {"找准突破口", "实现突破。一是加强", "突破一批关键技术"};
    (void)state;
    run_ones(cases, N(cases));
    run_nones(traps, N(traps));
}

static void test_traps(void **state)
{
    static const char *const texts[] = {
        "论点 1：强化引领",
        "分论点一",
        "第一，第三，第 3 名，第三名，第十九届",
        "一是加强领导，二是压实责任，三是健全机制",
        "一方面，另一方面",
        "一些地方",
        "大家一起努力",
        "一个支点、一项制度、一次办好、一起纠纷、一名党员、一年来、一天",
        "统一部署，唯一出路，万一失守，千万不能，一旦出现",
        "三农问题",
        "五位一体，四个全面，两个确立，两个维护，四个意识，八项规定，三个代表",
        "十四五规划，十三五时期",
        "党的二十大，二十大报告，十九大",
        "一带一路，两山理论，一心一意，千方百计，万众一心，四面八方，千家万户",
        "百花齐放，一马当先，九牛一毛，一以贯之，三番五次，三人成虎，三头六臂",
        "打通服务群众的“最后一公里”",
        "1. 选取三地实践\n2、对比论证\n（3）层层递进\n(4) 首尾呼应\n　　5．结尾",
        "1.\n",
        "5G 基站，G20 峰会，COVID-19 疫情，PM2.5 浓度，4K 屏幕，3D 打印",
        "版本 1.2.3 发布",
        "编号 123456789012345678 件",
        "拨打 12345 热线",
        "成千上万，五六十人，一两个，七八成，三五成群",
        "周一开会，星期三值班，初三",
        "二次创业，二期工程",
        "十分重要",
        "一成不变，成为一种常态",
        "三年级学生，5 号楼",
        "七台河市，五家渠，五台山",
        "十年树木",
        "零距离，零容忍",
        "别有一番滋味",
        "推翻旧制，翻身",
        "百分之",
        "三分之",
        "翻了",
        "近",
        "近 ",
        "月",
    };
    (void)state;
    run_nones(texts, N(texts));
}

/* Audit misses: 近三成 before 果园, a bare 百/千 as a numeral, Chinese figures ending in 万. */
static void test_bare_hundreds_and_wan(void **state)
{
    static const struct one cases[] = {
        {"近三成果园被迫改种", "近三成", 30, P, "近", "成"},
        {"三成果农增收", "三成", 30, P, NULL, "成"},
        {"流转土地近百亩", "近百亩", 100, O, "近", "亩"},
        {"接待游客超百万人次", "超百万人次", 1000000, C, "超", "人次"},
        {"年访问量达百万", "百万", 1000000, C, NULL, NULL},
        {"建成站点百余个", "百余个", 100, C, "余", "个"},
        {"吸引千余名青年返乡", "千余名", 1000, C, "余", "名"},
        {"惠及百余万人", "百余万人", 1000000, C, "余", "人"},
        {"覆盖人口超千万", "超千万", 10000000, C, "超", NULL},
        {"服务群众超三十万", "超三十万", 300000, C, "超", NULL},
        {"注册用户三十万，", "三十万", 300000, C, NULL, NULL},
        {"带动就业三十万以上", "三十万以上", 300000, C, "以上", NULL},
        {"年产值二十亿的企业", "二十亿", 2000000000, C, NULL, NULL},
    };
    static const char *const traps[] = {
        "取得唯一成果，统一成果园，一成果园",
        "老百姓，百年大计，千年古镇，百家争鸣，千人一面，百分百",
        "千万不要大意，千万工程，道路千万条",
        "安得广厦千万间",
        "十万火急，扶摇直上九万里，百万雄师过大江，百万富翁",
        "万一，亿万人民，千千万万，万众一心",
        "二万五千里长征",
    };
    (void)state;
    run_ones(cases, N(cases));
    run_nones(traps, N(traps));
}

/* Audit misses: a Chinese 点 decimal is one figure with its multiplier and unit. */
static void test_chinese_decimals(void **state)
{
    static const struct one cases[] = {
        {"投入三点五亿元", "三点五亿元", 350000000, M, NULL, "元"},
        {"服务二点五万人", "二点五万人", 25000, C, NULL, "人"},
        {"增长一点五倍", "一点五倍", 1.5, O, NULL, "倍"},
        {"下降零点五个百分点", "零点五个百分点", 0.5, O, NULL, "百分点"},
        {"占比百分之三点五", "百分之三点五", 3.5, P, NULL, NULL},
        {"约十二点五万亩", "约十二点五万亩", 125000, O, "约", "亩"},
    };
    static const char *const traps[] = {
        "下午三点钟开会",
        "下午三点五十分开会",
        "一点一滴，两点一线，九点一刻，一点点",
        "三点五",
    };
    (void)state;
    run_ones(cases, N(cases));
    run_nones(traps, N(traps));
}

/* Audit: a number right after 论点/分论点/观点 (or 第) labels a point of the essay. */
static void test_point_labels(void **state)
{
    static const char *const traps[] = {
        "如论点2所言",   "详见论点3部分", "分论点2所述", "第2点",    "观点3",
        "如论点 2 所言", "论点三所述",    "观点三部分",  "分论点二",
    };
    static const struct one cases[] = {
        {"在试点 3 所学校推开", "3 所", 3, C, NULL, "所"},
        {"新增景点 5 个", "5 个", 5, C, NULL, "个"},
        {"评论点赞 3 万次", "3 万次", 30000, C, NULL, "次"},
    };
    (void)state;
    run_nones(traps, N(traps));
    run_ones(cases, N(cases));
}

/* Audit: Chinese numerals inside a quoted classical line are no statistics. */
static void test_classical_quotes(void **state)
{
    static const char *const traps[] = {
        "“九层之台，起于累土。”",
        "“十年之计，莫如树木。”",
        "“一年之计，莫如树谷；十年之计，莫如树木；终身之计，莫如树人。”《管子》如是说。",
        "杜甫“安得广厦千万间”的情怀",
        "正所谓“合抱之木，生于毫末；九层之台，起于累土”。",
        "「三十功名尘与土，八千里路云和月」",
    };
    static const struct one cases[] = {
        /* quoted, but no classical line */
        {"他说：“我们用了十年时间。”", "十年", 10, D, NULL, "年"},
        {"“全县新建十所学校”", "十所", 10, C, NULL, "所"},
        /* Arabic numerals are the writer's own figures even inside a classical-looking quote */
        {"“九层之台，起于累土”，全县 9 层以上楼房", "9 层以上", 9, C, "以上", "层"},
        /* the clause after the quote is the essay's text again */
        {"“十年之计，莫如树木”，全县植树三千亩", "三千亩", 3000, O, NULL, "亩"},
    };
    (void)state;
    run_nones(traps, N(traps));
    run_ones(cases, N(cases));
}

/* Audit: areas, lengths, weights and ages are kind other; counted things stay count. */
static void test_measurement_kinds(void **state)
{
    static const struct one cases[] = {
        {"种植一百亩", "一百亩", 100, O, NULL, "亩"},
        {"改造十二万亩", "十二万亩", 120000, O, NULL, "亩"},
        {"每户 2公斤", "2公斤", 2, O, NULL, "公斤"},
        {"六十岁以上老人", "六十岁以上", 60, O, "以上", "岁"},
        {"新增 300 平方米", "300 平方米", 300, O, NULL, "平方米"},
        {"退耕 5 公顷", "5 公顷", 5, O, NULL, "公顷"},
        {"新修 12 公里", "12 公里", 12, O, NULL, "公里"},
        {"绵延 8 千米", "8 千米", 8, O, NULL, "千米"},
        {"减排 20 吨", "20 吨", 20, O, NULL, "吨"},
        {"发电 3 万 kWh", "3 万 kWh", 30000, O, NULL, "kWh"},
        {"存储 500GB", "500GB", 500, O, NULL, "GB"},
    };
    static const struct one counts[] = {
        {"建成 3 个站点", "3 个", 3, C, NULL, "个"},
        {"办结 5 件", "5 件", 5, C, NULL, "件"},
        {"新建 12 层", "12 层", 12, C, NULL, "层"},
    };
    (void)state;
    run_ones(cases, N(cases));
    run_ones(counts, N(counts));
}

/* Issue #4: 上 before 百/千/万/亿 is an approximate qualifier like 近/超 (上千万元 is ten million
   yuan, not 千万元), and a bare 万/亿 counts after a qualifier or before 余/多 (近万人, 万余人).
   Vague amounts with no single value stay out: 成千上万 and 成百上千 are idioms, 数十/数万 and
   几十 name no number. 上 ending a word (线上, 网上, 马上, 以上) is no qualifier. */
static void test_shang_qualifier(void **state)
{
    static const struct one cases[] = {
        {"某县投入上千万元建设新区", "上千万元", 10000000, M, "上", "元"},
        {"带动上万人就业", "上万人", 10000, C, "上", "人"},
        {"上百家企业入驻", "上百家", 100, C, "上", "家"},
        {"吸引上千名志愿者", "上千名", 1000, C, "上", "名"},
        {"累计投资上亿元", "上亿元", 100000000, M, "上", "元"},
        {"全村上百户人家", "上百户", 100, C, "上", "户"},
        {"覆盖人口上百万，", "上百万", 1000000, C, "上", NULL},
        {"参与群众达上万。", "上万", 10000, C, "上", NULL},
        {"交易额上万亿元", "上万亿元", 1e12, M, "上", "元"},
        {"服务群众近万人", "近万人", 10000, C, "近", "人"},
        {"接待游客超万人次", "超万人次", 10000, C, "超", "人次"},
        {"惠及万余人", "万余人", 10000, C, "余", "人"},
        {"投入逾亿元", "逾亿元", 100000000, M, "逾", "元"},
    };
    static const char *const traps[] = {
        "成千上万的群众受益",
        "成百上千家企业",
        "线上百场直播，网上千人围观",
        "马上千方百计解决",
        "万人空巷，万众一心，亿万人民，万一失守",
        "万元户",
    };
    (void)state;
    run_ones(cases, N(cases));
    run_nones(traps, N(traps));
}

/* Issue #4: a length (公里 千米 米 km) is kind other, written with or without a space. */
static void test_length_kinds(void **state)
{
    static const struct one cases[] = {
        {"绿道总里程达6000公里", "6000公里", 6000, O, NULL, "公里"},
        {"新建6000余公里绿道", "6000余公里", 6000, O, "余", "公里"},
        {"绿道 6000 km", "6000 km", 6000, O, NULL, "km"},
        {"全长1.2万公里", "1.2万公里", 12000, O, NULL, "公里"},
        {"步道长800米", "800米", 800, O, NULL, "米"},
    };
    static const char *const traps[] = {"5 G 网络", "建成 3 D 影院"};
    (void)state;
    run_ones(cases, N(cases));
    run_nones(traps, N(traps));
}

static void test_sequence(void **state)
{
    const char *text = "全年化解纠纷 1.2 万起，办结率达 98%；2023 年投入 1.5 亿元，"
                       "近三成居民参与，服务 24 小时不打烊，产值翻一番。";
    char *b;
    struct found f = scan_copy(text, &b);
    (void)state;
    assert_int_equal(f.n, 7);
    check_stat(b, &f.v[0], "1.2 万起", 12000, C, NULL, "起");
    check_stat(b, &f.v[1], "98%", 98, P, NULL, "%");
    check_stat(b, &f.v[2], "2023 年", 2023, T, NULL, "年");
    check_stat(b, &f.v[3], "1.5 亿元", 150000000, M, NULL, "元");
    check_stat(b, &f.v[4], "近三成", 30, P, "近", "成");
    check_stat(b, &f.v[5], "24 小时", 24, D, NULL, "小时");
    check_stat(b, &f.v[6], "翻一番", 2, O, NULL, "番");
    free(b);
}

/* A Chinese numeral opening a short quoted term is an idiom or a name (“两张皮”, “三个课堂”);
   a quoted figure alone or a quoted sentence keeps its statistic; 批次 is one unit. */
static void test_quoted_terms(void **state)
{
    char *b;
    struct found f;
    (void)state;

    f = scan_copy("防止“两张皮”，落实“三个课堂”，警惕“七个有之”。", &b);
    assert_int_equal(f.n, 0);
    free(b);

    f = scan_copy("落实“三个月”考核，“全县新建十所学校”，年接待研学团队3000余批次。", &b);
    assert_int_equal(f.n, 3);
    check_stat(b, &f.v[0], "三个月", 3, D, NULL, "个月");
    check_stat(b, &f.v[1], "十所", 10, C, NULL, "所");
    check_stat(b, &f.v[2], "3000余批次", 3000, C, "余", "批次");
    free(b);
}

/* Concentrations are one unit (细颗粒物浓度 30 微克/立方米), not a bare number. */
static void test_concentration_units(void **state)
{
    char *b;
    struct found f;
    (void)state;
    f = scan_copy("细颗粒物平均浓度下降至30微克/立方米，二氧化硫为8毫克/立方米。", &b);
    assert_int_equal(f.n, 2);
    check_stat(b, &f.v[0], "30微克/立方米", 30, EL_STAT_OTHER, NULL, "微克/立方米");
    check_stat(b, &f.v[1], "8毫克/立方米", 8, EL_STAT_OTHER, NULL, "毫克/立方米");
    free(b);
}

static void test_ranges_and_labels(void **state)
{
    char *b;
    struct found f;
    (void)state;

    /* a range whose lower bound has no unit is one statistic, its middle (test_stats_audit2) */
    f = scan_copy("3-5 年", &b);
    assert_int_equal(f.n, 1);
    check_stat(b, &f.v[0], "3-5 年", 4, D, "约", "年");
    free(b);

    /* a list label followed by a figure: the label is skipped, the figure kept */
    f = scan_copy("1. 3 个部门联动", &b);
    assert_int_equal(f.n, 1);
    check_stat(b, &f.v[0], "3 个", 3, C, NULL, "个");
    free(b);

    /* a decimal at the start of a line is a decimal, not a label */
    f = scan_copy("1.5 年完成", &b);
    assert_int_equal(f.n, 1);
    check_stat(b, &f.v[0], "1.5 年", 1.5, D, NULL, "年");
    free(b);

    /* COVID-19 is a name; the 19 after it is a count */
    f = scan_copy("COVID-19 疫情 19 例", &b);
    assert_int_equal(f.n, 1);
    check_stat(b, &f.v[0], "19 例", 19, C, NULL, "例");
    free(b);

    /* two years joined by 至 are one range of years, from the first (test_stats_audit3.c);
       joined by 和 they stay two statistics */
    f = scan_copy("2023 年至 2024 年", &b);
    assert_int_equal(f.n, 1);
    check_stat(b, &f.v[0], "2023 年至 2024 年", 2023, T, NULL, "年");
    free(b);
    f = scan_copy("2023 年和 2024 年", &b);
    assert_int_equal(f.n, 2);
    check_stat(b, &f.v[0], "2023 年", 2023, T, NULL, "年");
    check_stat(b, &f.v[1], "2024 年", 2024, T, NULL, "年");
    free(b);

    /* a figure at the very end of the buffer */
    f = scan_copy("翻一番", &b);
    assert_int_equal(f.n, 1);
    free(b);
    f = scan_copy("百分之五", &b);
    assert_int_equal(f.n, 1);
    free(b);
}

static void test_kind_names(void **state)
{
    (void)state;
    assert_string_equal(el_stats_kind_name(EL_STAT_COUNT), "count");
    assert_string_equal(el_stats_kind_name(EL_STAT_PERCENT), "percent");
    assert_string_equal(el_stats_kind_name(EL_STAT_MONEY), "money");
    assert_string_equal(el_stats_kind_name(EL_STAT_DURATION), "duration");
    assert_string_equal(el_stats_kind_name(EL_STAT_DATE), "date");
    assert_string_equal(el_stats_kind_name(EL_STAT_OTHER), "other");
}

/* ---- Hostile input ----------------------------------------------------------------------------
 */

struct tally {
    size_t n;
    double max;
    size_t end; /* highest off + len */
};

static void tally(void *ctx, const el_stat *st)
{
    struct tally *t = ctx;
    t->n++;
    assert_true(isfinite(st->value));
    if (st->value > t->max)
        t->max = st->value;
    if (st->off + st->len > t->end)
        t->end = st->off + st->len;
}

/* A buffer of unit repeated to at least want bytes (exact size, no NUL). */
static char *repeat(const char *unit, size_t want, size_t *n)
{
    size_t l = strlen(unit), times = (want + l - 1) / l;
    char *b = malloc(l * times);
    assert_non_null(b);
    for (size_t i = 0; i < times; i++)
        memcpy(b + i * l, unit, l);
    *n = l * times;
    return b;
}

static struct tally scan_timed(const char *s, size_t n, double limit)
{
    struct tally t = {0, 0, 0};
    clock_t c0 = clock();
    el_stats_scan(s, n, tally, &t);
    double secs = (double)(clock() - c0) / CLOCKS_PER_SEC;
    if (secs > limit)
        fail_msg("scan of %zu bytes took %.2fs (limit %.1fs)", n, secs, limit);
    assert_true(t.end <= n);
    return t;
}

static void test_digit_run(void **state)
{
    size_t n;
    char *b = repeat("9", 1 << 20, &n);
    (void)state;
    struct tally t = scan_timed(b, n, 5);
    assert_int_equal(t.n, 0);
    b[n - 1] = '%'; /* even with a unit the 1 MB run is no figure */
    t = scan_timed(b, n, 5);
    assert_int_equal(t.n, 0);
    free(b);

    b = repeat("九", 1 << 20, &n);
    t = scan_timed(b, n, 5);
    assert_int_equal(t.n, 0);
    free(b);
    b = repeat("十万", 1 << 20, &n);
    t = scan_timed(b, n, 5);
    assert_int_equal(t.n, 0);
    free(b);
    b = repeat("亿", 1 << 20, &n);
    t = scan_timed(b, n, 5);
    assert_int_equal(t.n, 0);
    free(b);
}

static void test_many_numbers(void **state)
{
    size_t n;
    char *b = repeat("3200 余件，", 200000 * strlen("3200 余件，"), &n);
    (void)state;
    struct tally t = scan_timed(b, n, 10);
    assert_int_equal(t.n, 200000);
    assert_true(t.max == 3200);
    free(b);

    b = repeat("近", 3 << 20, &n); /* qualifiers that never reach a number */
    t = scan_timed(b, n, 10);
    assert_int_equal(t.n, 0);
    free(b);
    b = repeat("1,000,", 1 << 20, &n);
    t = scan_timed(b, n, 10);
    assert_int_equal(t.n, 0);
    free(b);
}

static void test_long_line(void **state)
{
    size_t n;
    char *b = repeat("打通服务群众的最后一公里，基层治理取得成效 12 项。", 30u << 20, &n);
    (void)state;
    struct tally t = scan_timed(b, n, 20);
    assert_true(t.n > 0);
    assert_true(t.max == 12);
    free(b);
}

/* Quotations stay linear: many classical quotes, and one unclosed quote with very many
   Chinese figures in one long clause (each figure looks ahead a bounded distance only). */
static void test_long_quotes(void **state)
{
    size_t n;
    char *b = repeat("“九层之台，起于累土。”全县三十所学校，", 20u << 20, &n);
    (void)state;
    struct tally t = scan_timed(b, n, 20);
    assert_int_equal(t.n, n / strlen("“九层之台，起于累土。”全县三十所学校，"));
    assert_true(t.max == 30);
    free(b);
    b = repeat("三十所学校", 20u << 20, &n);
    memcpy(b, "“", strlen("“"));
    t = scan_timed(b, n, 20);
    assert_true(t.n > 0);
    free(b);
}

static void test_garbage(void **state)
{
    static const char alphabet[] = "0123456789.,%％ 　万亿千百十一二两三九余多近超约年月日号个成"
                                   "翻番分之以上第点“”，论观层台"
                                   "\xe4\xb8\xff\xc0\x80\xef\xbc\n";
    size_t n = 4u << 20, al = sizeof alphabet - 1;
    char *b = malloc(n);
    uint32_t x = 12345;
    (void)state;
    assert_non_null(b);
    for (size_t i = 0; i < n; i++) {
        x = x * 1103515245u + 12345u;
        b[i] = (char)(x >> 16);
    }
    scan_timed(b, n, 10);
    for (size_t i = 0; i < n; i++) {
        x = x * 1103515245u + 12345u;
        b[i] = alphabet[(x >> 16) % al];
    }
    struct tally t = scan_timed(b, n, 10);
    assert_true(t.max < 1e17);
    /* truncated sequences at the very end of the buffer */
    static const char *const tails[] = {"3\xe5", "3 \xe4\xb8", "近\xe4", "百分之\xe4\xb8",
                                        "2023 年 5\xe6"};
    for (size_t i = 0; i < sizeof tails / sizeof *tails; i++)
        scan_timed(tails[i], strlen(tails[i]), 1);
    el_stats_scan("", 0, tally, &t);
    free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arabic_counts),
        cmocka_unit_test(test_chinese_counts),
        cmocka_unit_test(test_money),
        cmocka_unit_test(test_percent),
        cmocka_unit_test(test_ratios),
        cmocka_unit_test(test_durations),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_qualifiers),
        cmocka_unit_test(test_traps),
        cmocka_unit_test(test_day_spans),
        cmocka_unit_test(test_halves),
        cmocka_unit_test(test_vague_pairs),
        cmocka_unit_test(test_decimal_ratios),
        cmocka_unit_test(test_tupo),
        cmocka_unit_test(test_bare_hundreds_and_wan),
        cmocka_unit_test(test_chinese_decimals),
        cmocka_unit_test(test_point_labels),
        cmocka_unit_test(test_classical_quotes),
        cmocka_unit_test(test_measurement_kinds),
        cmocka_unit_test(test_shang_qualifier),
        cmocka_unit_test(test_length_kinds),
        cmocka_unit_test(test_sequence),
        cmocka_unit_test(test_quoted_terms),
        cmocka_unit_test(test_concentration_units),
        cmocka_unit_test(test_ranges_and_labels),
        cmocka_unit_test(test_kind_names),
        cmocka_unit_test(test_digit_run),
        cmocka_unit_test(test_many_numbers),
        cmocka_unit_test(test_long_line),
        cmocka_unit_test(test_long_quotes),
        cmocka_unit_test(test_garbage),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
