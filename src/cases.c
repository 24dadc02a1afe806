/* SPDX-License-Identifier: MIT */
/*
 * Cases and per-argument evidence.
 *
 * A case is a concrete practice tied to a place: 浙江省宁波市鄞州区推行“红管家”…, or an
 * anonymised counter-example (反观某县…). Each 正文 paragraph is scanned once by the lexicon
 * automaton; adjacent place hits are merged into chains (浙江省 + 宁波市 + 鄞州区) whose
 * candidates are narrowed by containment, which is how a repeated name (朝阳区 in 北京 and in
 * 长春) is resolved by the city or province written before it. A chain becomes a case anchor
 * only where a clause starts (after punctuation, an ASCII . that ends a sentence after Chinese
 * text, or a lead word such as 在/从/反观), since a place in the middle of a clause is an object
 * or a modifier (走出山西, 隋唐洛阳城, 苏州评弹), not the actor of a practice. The case covers
 * its clause group up to the next 。；！？ (or such a .) or the next anchor. A place where no
 * clause starts is an anchor too when the initiative's quoted name opens the clause and an
 * origin link joins them (“枫桥经验”发源于浙江诸暨, “千万工程”始于2003年的浙江, “千万工程”在浙江
 * 率先实施), or 在 and a verb of carrying it out with an adverb of scope (“最多跑一次”改革在浙江
 * 全面推行: fronted); that case starts at the name and is named by it. The statistics inside a
 * case are linked, the first quoted term (in “…”, 「…」, 『…』 or ASCII "…") that is not the
 * object of a preposition (为“大国工匠”设立奖励; 命名为“X” and 更名为“X” name it, 改为“X” does
 * not, and the old name before 更名为 is none), not a lexicon metaphor, an everyday word
 * (“打卡”), a figure, a descriptor or an effect by its shape (与专家“面对面”, “小而美”的车型,
 * 村民“出门就能取件”), a product (推销“不知火”柑橘), a bare one- or two-character term, an epithet
 * of the place (浙江浦江郑义门“江南第一家”, 北京“朝阳群众”), a craft (“蛟龙”号, but “X”号召 is a
 * call the place made), the essay's topic (a term of its title) or, past the place's clause, a
 * qualifier of a noun (昔日“沙进人退”的局面), unless a launch verb introduces it, names the
 * initiative (a numeral in that name, “十二条”, is no statistic), and a contrast marker before it
 * in the sentence (or, for an anonymised place, a problem word in it or 却 past its clause; or 却
 * and a problem word in the place's clause) makes it a counter-example, with no name, unless the
 * case's own words tell a success (然而，杭州市…破解了拥堵难题). An anonymised place inside
 * quotation marks (编造“某地发生重大疫情”的谣言) is quoted words, no case. Places joined by
 * 与/和/、 tell one joint practice, one case per place (安徽省黄山市与浙江省杭州市共建…), unless 等
 * ends the list (北京、上海等城市: regions); a province, a comma and a place within it
 * (在广东，深圳市南山区…) give the specific place (a configured place there takes the province:
 * 在浙江，书香新区…); a place that was already a case, followed by 的经验/的做法…, refers back and
 * is no new case. Places added in the configuration (lexicon.places: 书香新区) are found by memmem,
 * only when there are any, and then take every step above like gazetteer places: a configured name
 * wins over the lexicon words inside it, a gazetteer place written right before it gives it a
 * province (浙江省书香新区), and a name that is also a gazetteer surface stays the gazetteer's.
 *
 * Every step is a forward pass or a binary search over sorted offsets, so a paragraph of any
 * length with any number of places stays O(n log n).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "config.h"
#include "lexicon.h"
#include "text.h"

/* The scan of marks tests sixteen offsets at a time where SSE2 is there (see scan_marks). */
#if defined(__SSE2__) && defined(__GNUC__)
#define CASES_SSE2 1
#include <emmintrin.h>
#else
#define CASES_SSE2 0
#endif

/*
 * The word lists below are searched at every place and at many lexicon hits: each word is
 * held in place with its length (a search reads no pointer and calls no strlen), and has three
 * bytes or more (the unit test checks). The lists of single characters are sets of code points
 * instead, sorted (in_set bisects them).
 */
typedef struct word {
    char s[28]; /* the longest word has 27 bytes */
    unsigned char len;
} word;
#define W(x)                                                                                       \
    {                                                                                              \
        x, sizeof(x) - 1                                                                           \
    }
/* A list, as the word searches take it: its words and their number. */
#define WORDS(list) list, sizeof(list) / sizeof *(list)
/*
 * The lists searched most are written once as X-macros (LEAD_WORDS(X) X("在") X("从") …) that
 * give both the list and a 64-bit mask of the bytes its words are compared on first (see
 * prefix_of): the third for a prefix or a whole word, the last for a suffix. These are
 * continuation bytes in CJK, told apart by their low six bits; a text whose byte has no bit in
 * the mask matches no word of the list, and is passed over on one test (prefix_in and the
 * others, given KEYED(list): the list, its number of words and its mask list_keys).
 */
#define WORD_ITEM(x) W(x),
#define PREFIX_KEY(x) | 1ULL << ((unsigned char)(x)[2] & 63)
#define SUFFIX_KEY(x) | 1ULL << ((unsigned char)(x)[sizeof(x) - 2] & 63)
#define KEYED(list) list, sizeof(list) / sizeof *(list), list##_keys

/*
 * Contrast markers, countermeasure openers and problem words come from the lexicon's contrast,
 * countermeasure and problem categories (src/data/words.tsv): the paragraph's hits are already
 * there, so no word list is searched again here. A contrast marker strong enough to signal a
 * counter-example in an argument on its own is a contrast word of two or more characters
 * (反观, 然而, 相比之下, 但也有).
 */
/* Single-character countermeasure words count only where a clause starts or after these. */
/* clang-format off */
#define MEASURE_LEAD_WORDS(X)                                                                      \
    X("更") X("还") X("就") X("也") X("都") X("仍") X("则") X("而") X("既") X("首先")              \
    X("其次") X("同时") X("一是") X("二是") X("三是") X("因此") X("所以") X("因而") X("故")        \
    X("从而") X("为此") X("对此") X("今后") X("未来") X("我们")
/* clang-format on */
static const word measure_lead[] = {MEASURE_LEAD_WORDS(WORD_ITEM)};
static const uint64_t measure_lead_keys = 0 MEASURE_LEAD_WORDS(SUFFIX_KEY);
/* 要 and 应 also count after an actor that proposals name (各地要…, 相关部门应…), unless they
   start a noun (群众需求, 企业要素, 城市应急). */
/* clang-format off */
#define MEASURE_ACTOR_WORDS(X)                                                                     \
    X("各地") X("各级") X("部门") X("政府") X("我们") X("社会") X("地方") X("基层") X("单位")      \
    X("企业") X("学校") X("干部") X("各方") X("机关") X("党委") X("大家") X("人人") X("城市")      \
    X("乡村") X("家庭") X("媒体") X("平台") X("青年") X("党员") X("公民") X("个人") X("学生")
/* clang-format on */
static const word measure_actor[] = {MEASURE_ACTOR_WORDS(WORD_ITEM)};
static const uint64_t measure_actor_keys = 0 MEASURE_ACTOR_WORDS(SUFFIX_KEY);
/* Words that may stand between a clause start and a case's place (a model to follow counts:
   要像广东清远那样, 也要学习四川成都). */
/* clang-format off */
#define LEAD_WORDS(X)                                                                              \
    X("在") X("从") X("如") X("例如") X("比如") X("譬如") X("像") X("反观") X("然而") X("但")      \
    X("但是") X("而") X("却") X("相比之下") X("同时") X("此外") X("又如") X("再如") X("据")        \
    X("对此") X("其中") X("另外") X("与此同时") X("近年来") X("近年") X("去年") X("今年")          \
    X("目前") X("如今") X("早在") X("此前") X("以") X("即") X("就连") X("无论是") X("当")          \
    X("还有") X("不过") X("可是") X("我们看到") X("看") X("位于") X("正如") X("年") X("月")        \
    X("日") X("要") X("也要") X("应") X("应当") X("可以") X("不妨") X("学习") X("借鉴") X("效仿")  \
    X("参照")
/* clang-format on */
static const word lead_words[] = {LEAD_WORDS(WORD_ITEM)};
static const uint64_t lead_words_keys = 0 LEAD_WORDS(SUFFIX_KEY);
/* Written right after a place, these make it a modifier of an event, a spirit, an institution,
   people, an art form or a product (延安精神, 北京冬奥会, 浙江大学, 四川人民, 苏州评弹,
   山西老陈醋), not the actor of a practice. A party committee (浙江省委, 杭州市委书记) is a
   speaker, found by 委 in modifier_at. */
/* clang-format off */
#define PLACE_MODIFIERS_WORDS(X)                                                                   \
    X("精神") X("冬奥") X("亚运") X("奥运") X("世博") X("进博") X("峰会") X("会议")                \
    X("合作组织") X("大学") X("宣言") X("共识") X("方言") X("人民") X("籍") X("话") X("菜")        \
    X("卫视")
#define PLACE_ARTS_WORDS(X)                                                                        \
    X("评弹") X("秦腔") X("川剧") X("昆曲") X("越剧") X("豫剧") X("京剧") X("粤剧") X("黄梅戏")    \
    X("花鼓戏") X("老陈醋") X("陈醋") X("刺绣") X("剪纸") X("皮影") X("民歌") X("山歌") X("小吃")  \
    X("特产")
/* clang-format on */
static const word place_modifiers[] = {PLACE_MODIFIERS_WORDS(WORD_ITEM)};
static const uint64_t place_modifiers_keys = 0 PLACE_MODIFIERS_WORDS(PREFIX_KEY);
/* Art forms and products: modifiers too, unless an institution of theirs follows (苏州刺绣
   研究所建立…, 四川川剧院推出…: the place's own body acts). */
static const word place_arts[] = {PLACE_ARTS_WORDS(WORD_ITEM)};
static const uint64_t place_arts_keys = 0 PLACE_ARTS_WORDS(PREFIX_KEY);
static const word arts_bodies[] = {W("院"),   W("团"),   W("所"),   W("馆"),   W("社"),
                                   W("协会"), W("学会"), W("中心"), W("研究"), W("传承")};
/* What may follow 某 to make an anonymised place (longest first wins via prefix match). */
static const word anon_suffix[] = {W("小区"), W("街道"), W("社区"), W("乡镇"), W("村"),
                                   W("乡"),   W("镇"),   W("县"),   W("市"),   W("区"),
                                   W("地"),   W("省"),   W("州"),   W("旗")};
/* Written after 某, these are not a place though they start with a suffix: 某市场, 某地方,
   某区域, 某村民. */
static const word anon_not[] = {W("市场"), W("地方"), W("区域"), W("村民"),
                                W("县级"), W("市级"), W("省级"), W("地区性")};
/*
 * Written right after a place chain, a name ending in one of these is part of the place: the
 * functional zones at county level that the gazetteer (NBS divisions) lacks (武汉市东湖高新区,
 * 重庆市两江新区). Townships, streets and villages are added by town_place below.
 */
/* clang-format off */
#define SUB_SUFFIX_WORDS(X)                                                                        \
    X("新区") X("高新区") X("开发区") X("经开区") X("园区") X("高新技术产业开发区")                \
    X("经济技术开发区")
/* clang-format on */
static const word sub_suffix[] = {SUB_SUFFIX_WORDS(WORD_ITEM)};
static const uint64_t sub_suffix_keys = 0 SUB_SUFFIX_WORDS(PREFIX_KEY);
/*
 * A township, street or village written right after a place chain is part of the place as
 * written (福建省宁德市下党乡, 安徽省凤阳县小岗村, 杭州市上城区湖滨街道; a village after
 * a township: 大理州喜洲镇周城村): a name of 1–4 Han characters and one of these. The
 * gazetteer has no townships, so the name is judged by its characters: none of sub_stop or
 * town_stop (verbs, numerals and the words of generic village types: 深化社区, 千村示范,
 * 送文化下乡, 未来社区; a numeral only before another character, 十八洞村), and it does not
 * end as a generic type or a verb phrase does (town_generic:
 * 特色小镇, 城乡, 医生下乡).
 */
/* clang-format off */
#define TOWN_SUFFIX_WORDS(X)                                                                       \
    X("街道") X("社区") X("乡") X("镇") X("村")
/* clang-format on */
static const word town_suffix[] = {TOWN_SUFFIX_WORDS(WORD_ITEM)};
static const uint64_t town_suffix_keys = 0 TOWN_SUFFIX_WORDS(PREFIX_KEY);
static const uint32_t town_stop[] = {
    U'一', U'七', U'万', U'三', U'专', U'业', U'两', U'个', U'九', U'二', U'五', U'些', U'优',
    U'传', U'健', U'入', U'全', U'八', U'六', U'共', U'到', U'务', U'动', U'助', U'包', U'化',
    U'十', U'千', U'去', U'县', U'员', U'四', U'回', U'困', U'基', U'好', U'字', U'宜', U'宣',
    U'层', U'展', U'市', U'帮', U'幸', U'引', U'慧', U'所', U'扶', U'振', U'援', U'政', U'数',
    U'整', U'旧', U'智', U'服', U'未', U'本', U'来', U'治', U'活', U'深', U'特', U'理', U'百',
    U'省', U'示', U'社', U'空', U'管', U'组', U'织', U'结', U'绿', U'网', U'联', U'范', U'谐',
    U'贫', U'走', U'辖', U'返', U'进', U'送', U'邻', U'镇', U'领', U'驻'};
/* The numerals among town_stop: in a name only before another character (十八洞村). */
static const uint32_t town_numerals[] = {U'一', U'七', U'万', U'三', U'两', U'九', U'二',
                                         U'五', U'八', U'六', U'十', U'千', U'四', U'百'};
static const word town_generic[] = {
    W("小镇"),   W("新村"), W("中心村"), W("重点村"), W("明星村"), W("淘宝村"), W("自然村"),
    W("行政村"), W("城乡"), W("城镇"),   W("城中村"), W("下乡"),   W("回乡"),   W("返乡"),
    W("下村"),   W("回村"), W("到村"),   W("驻村"),   W("进社区"), W("入社区"), W("到社区")};
/* A county written by its short form plus its generic (酉阳县 for 酉阳土家族苗族自治县). */
static const word county_generic[] = {W("县"), W("区"), W("市"), W("旗")};
static const word city_generic[] = {W("州"), W("盟"), W("市")};
/* What joins the members of a list of places, and what ends such a list. */
/* clang-format off */
#define LIST_LINKS_WORDS(X)                                                                        \
    X("、") X("和") X("与") X("同") X("及") X("以及") X("、以及")
/* clang-format on */
static const word list_links[] = {LIST_LINKS_WORDS(WORD_ITEM)};
static const uint64_t list_links_keys = 0 LIST_LINKS_WORDS(PREFIX_KEY);
static const word list_end[] = {W("等")};
/* Written right after a place that was already a case, these refer back to it (朝阳区的经验
   告诉我们…) rather than tell a new practice. */
static const word backref_after[] = {
    W("的经验"), W("的做法"), W("的实践"), W("的案例"), W("的探索"),   W("的启示"),   W("的例子"),
    W("的故事"), W("的成功"), W("经验"),   W("做法"),   W("实践表明"), W("实践证明"), W("案例")};
/* Characters before 却 that make it part of a word (冷却, 忘却, 退却), not the contrast. */
static const uint32_t que_words[] = {U'了', U'冷', U'忘', U'抛', U'推', U'退'};
/* Idioms that open with a place's short form (文山会海): never a place. */
static const word place_idioms[] = {W("文山会海")};
/* Characters that never occur in such a sub-place name: verbs and function words. */
static const uint32_t sub_stop[] = {
    U'“',  U'”',  U'、', U'。', U'与', U'个', U'为', U'丽', U'乡', U'了', U'于', U'从', U'以',
    U'依', U'全', U'其', U'农', U'创', U'及', U'各', U'向', U'和', U'在', U'城', U'多', U'实',
    U'对', U'将', U'建', U'开', U'打', U'把', U'推', U'是', U'有', U'村', U'每', U'由', U'的',
    U'着', U'等', U'美', U'被', U'让', U'该', U'这', U'通', U'部', U'，', U'：', U'；'};

/* ---- small UTF-8 helpers ----------------------------------------------------------------- */

/* Whether s[0..i) ends with word w. */
static bool ends_with(const char *s, size_t i, const char *w)
{
    size_t k = strlen(w);
    return k <= i && memcmp(s + i - k, w, k) == 0;
}

/*
 * The searches compare one byte of the word first, one that in CJK is a continuation byte,
 * which tells most characters apart: the third of a prefix, the last of a suffix. It lies in
 * the word itself, and every word has one; so most words are passed over on one load and one
 * comparison.
 */

/* Longest of the words of list[0..nl) that s[0..n) starts with; 0 if none. */
static size_t prefix_of(const char *s, size_t n, const word *list, size_t nl)
{
    size_t best = 0;
    if (n < 3)
        return 0;
    for (const word *w = list; w < list + nl; w++)
        if (w->s[2] == s[2] && w->len > best && w->len <= n && memcmp(s, w->s, w->len) == 0)
            best = w->len;
    return best;
}

/* Longest of the words of list[0..nl) that s[0..i) ends with; 0 if none. */
static size_t suffix_of(const char *s, size_t i, const word *list, size_t nl)
{
    size_t best = 0;
    if (i < 3)
        return 0;
    for (const word *w = list; w < list + nl; w++)
        if (w->s[w->len - 1] == s[i - 1] && w->len > best && w->len <= i &&
            memcmp(s + i - w->len, w->s, w->len) == 0)
            best = w->len;
    return best;
}

/* Whether s[0..n) is one of the words of list[0..nl). */
static bool one_of(const char *s, size_t n, const word *list, size_t nl)
{
    if (n < 3)
        return false;
    for (const word *w = list; w < list + nl; w++)
        if (w->s[2] == s[2] && w->len == n && memcmp(s, w->s, n) == 0)
            return true;
    return false;
}

/* Whether byte b has its bit in a mask of keys (PREFIX_KEY, SUFFIX_KEY). */
static inline bool key_in(uint64_t keys, char b)
{
    return keys >> ((unsigned char)b & 63) & 1;
}

/* prefix_of, suffix_of and one_of for a list given with the mask of its keys (KEYED). */
static inline size_t prefix_in(const char *s, size_t n, const word *list, size_t nl, uint64_t keys)
{
    return n >= 3 && key_in(keys, s[2]) ? prefix_of(s, n, list, nl) : 0;
}
static inline size_t suffix_in(const char *s, size_t i, const word *list, size_t nl, uint64_t keys)
{
    return i >= 3 && key_in(keys, s[i - 1]) ? suffix_of(s, i, list, nl) : 0;
}
static inline bool one_in(const char *s, size_t n, const word *list, size_t nl, uint64_t keys)
{
    return n >= 3 && key_in(keys, s[2]) && one_of(s, n, list, nl);
}

/* Whether c is in set[0..n), sorted by code point. */
static bool in_set(uint32_t c, const uint32_t *set, size_t n)
{
    if (n == 0)
        return false;
    /* the last element not above c: halving without a branch on the data (a conditional move) */
    while (n > 1) {
        size_t half = n / 2;
        if (set[half] <= c)
            set += half;
        n -= half;
    }
    return *set == c;
}
#define IN_SET(c, set) in_set(c, set, sizeof(set) / sizeof *(set))

/*
 * Whether s[0..i) ends with a character of set. The sets hold three-byte characters only, and
 * el_text_cp decodes one of them exactly where its UTF-8 is written; so does a test of the
 * code point decoded after a prefix or before a suffix replace a search of the bytes.
 */
static bool ends_in(const char *s, size_t i, const uint32_t *set, size_t nset)
{
    size_t k;
    return i >= 3 && in_set(el_text_cp(s + i - 3, 3, 0, &k), set, nset);
}
#define ENDS_IN(s, i, set) ends_in(s, i, set, sizeof(set) / sizeof *(set))

/* Punctuation (or a space) after which a clause starts. Closing quotes do not count:
   “走出”山西 is the object of a verb. */
static bool is_clause_break(uint32_t c)
{
    if (c - 0x4E00u <= 0x9FFFu - 0x4E00u)
        return false; /* Han, nearly every character: no break */
    return c == 0xFF0C || c == ',' || c == 0x3002 || c == 0xFF1B || c == ';' || c == 0xFF1A ||
           c == ':' || c == 0xFF01 || c == 0xFF1F || c == '!' || c == '?' || c == 0x3001 ||
           c == 0x201C || c == 0x300C || c == 0xFF08 || c == '(' || c == 0x2014 || c == 0x2026 ||
           el_text_is_space(c);
}

/*
 * Whether the ASCII . at s[i] of s[0..n) ends a sentence as 。 does (技术是反诈的利器.浙江省
 * 杭州市…, typed with an English input method): written after Chinese text (a byte of a
 * multibyte character, or an ASCII " or ) closing after it) and before neither a letter nor
 * another dot. A number (3.5万), a word or an address (www.gov.cn) and the dots of ... are not.
 */
static bool ascii_period(const char *s, size_t n, size_t i)
{
    unsigned p = i > 0 ? (unsigned char)s[i - 1] : 0, x = i + 1 < n ? (unsigned char)s[i + 1] : 0;
    return (p >= 0x80 || p == '"' || p == ')') && x != '.' && (x | 0x20u) - 'a' >= 26u;
}

/* Whether a clause starts at s[i], a character of the text: the paragraph start, a clause break
   just before (an ASCII . that ends a sentence too), or a closing quote that ends a quoted
   sentence (强调：“…。”朝阳区推行…). */
static bool break_before(const char *s, size_t i)
{
    if (i == 0)
        return true;
    size_t k, j = el_text_back(s, i);
    uint32_t c = el_text_cp(s, i, j, &k);
    if (is_clause_break(c) || (c == '.' && ascii_period(s, i + 1, j)))
        return true;
    if ((c != 0x201D && c != 0x300D && c != 0x300F) || j == 0)
        return false;
    size_t j2 = el_text_back(s, j);
    c = el_text_cp(s, j, j2, &k);
    return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == '!' || c == '?' || c == 0x2026;
}

/* Chinese numerals that write a year or a day (二〇二三年, 五月). */
static const uint32_t cn_numerals[] = {U'〇', U'一', U'七', U'三', U'九', U'二',
                                       U'五', U'八', U'六', U'十', U'四', U'零'};

/* Whether the code point just before s[i] is a digit (2023年, ２０２３年, 二〇二三年). */
static bool digit_before(const char *s, size_t i)
{
    if (i == 0)
        return false;
    size_t k, j = el_text_back(s, i);
    uint32_t c = el_text_cp(s, i, j, &k);
    return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19) ||
           (i - j == 3 && IN_SET(c, cn_numerals));
}

/* How far back from 到 a 从 that opens the same clause is looked for (bytes). */
#define EL_CASES_SPAN_WINDOW 150

/*
 * Whether s[0..i), which ends with 到, closes the first part of a 从…到… span whose 从 opens
 * its clause (近年来，从山东淄博的烧烤摊到贵州榕江的“村超”赛场): the place after 到 starts a
 * member as the place after 从 does. The look back stops at clause punctuation (not at
 * quotation marks or 、, which the first part may hold) and after EL_CASES_SPAN_WINDOW bytes.
 */
static bool span_to(const char *s, size_t i)
{
    size_t lo = i > EL_CASES_SPAN_WINDOW ? i - EL_CASES_SPAN_WINDOW : 0, j = i - 3, k;
    while (j > lo) {
        size_t p = el_text_back(s, j);
        uint32_t c = el_text_cp(s, j, p, &k);
        if (c == 0xFF0C || c == 0x3002 || c == 0xFF1B || c == 0xFF1A || c == 0xFF01 ||
            c == 0xFF1F || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\n' ||
            (c == '.' && ascii_period(s, i, p)))
            return false;
        if (c == 0x4ECE) { /* 从, after a break or a lead word after one (如今从) */
            if (break_before(s, p))
                return true;
            size_t w = suffix_in(s, p, KEYED(lead_words));
            return w > 0 && break_before(s, p - w);
        }
        j = p;
    }
    return false;
}

/* Whether s[i] starts a clause, allowing up to three lead words in between (而在, 反观,
   2023 年), or the 到 of a 从…到… span (span_to). */
static bool clause_start(const char *s, size_t i)
{
    for (int depth = 0; depth < 3; depth++) {
        if (break_before(s, i))
            return true;
        if (ends_with(s, i, "到") && span_to(s, i))
            return true;
        size_t k = suffix_in(s, i, KEYED(lead_words));
        if (k == 0)
            return false;
        bool date =
            k == 3 && (ends_with(s, i, "年") || ends_with(s, i, "月") || ends_with(s, i, "日"));
        i -= k;
        if (date)
            return digit_before(s, i) || break_before(s, i);
    }
    return break_before(s, i);
}

/* ---- per-paragraph scan state ------------------------------------------------------------ */

typedef EL_VEC(el_lex_hit) hit_vec;
typedef EL_VEC(size_t) off_vec;

/* A quotation “…” or "…": offsets of its marks (an ASCII mark is one byte, see past_close). */
typedef struct qpair {
    size_t open, inner, close;
} qpair;

/* Offset just past the closing mark of q: ” is three bytes, an ASCII " one. */
static inline size_t past_close(const char *s, const qpair *q)
{
    return q->close + (s[q->close] == '"' ? 1 : 3);
}

/* A place mention: a chain of places, or an anonymised 某X. */
typedef struct mention {
    size_t s, e;   /* the place as written (chain plus a trailing 街道/镇… name) */
    int province;  /* resolved province, -1 if none or ambiguous */
    unsigned last; /* entry of the chain's last element (for the relatedness test) */
    const el_lex_cand *cand;
    size_t ncand;
    unsigned long long allowed; /* bit k: cand[k] is still possible */
    bool anon;
    unsigned char anonk; /* anonymised: 1 + index of its anon_suffix (某县 and 某县 are alike) */
    unsigned conf;       /* a configured place: 1 + its index in the configuration, else 0 */
    bool list;           /* a member of a list of regions (北京、上海等城市) */
    bool joined;  /* joined to the mention before by 与/和/、 (黄山市与杭州市共建) */
    bool concept; /* followed by a modifier (延安精神, 浙江省委): not a case's place */
    size_t fopen, fclose; /* a name written before the place (fronted): 1 + the offset of its
                             opening mark, and of its closing one; 0 if none */
} mention;

/*
 * What the extractor remembers. Within one paragraph: how ambiguous names were resolved
 * (朝阳区 → 吉林 after 长春市朝阳区), a small ring, cleared at each paragraph so that a name is
 * never resolved from an earlier paragraph. Over the essay: which places were cases (a bit
 * per gazetteer place, a bit per anonymised kind), so that a reference back (朝阳区的经验…)
 * is not a new case.
 */
#define EL_CASES_MEMORY 16
struct memory {
    unsigned entry[EL_CASES_MEMORY]; /* lexicon entry + 1; 0 = empty slot */
    int province[EL_CASES_MEMORY];
    size_t next;
    unsigned char *seen;      /* bit p: place p was (in) a case */
    unsigned anon_seen;       /* bit k: an anonymised place of anon_suffix[k] was a case */
    unsigned char *conf_seen; /* bit k: configured place k was a case */
};

/* A place added in the configuration: its name and the province its name starts with. */
struct conf_place {
    const char *name;
    size_t len;
    int province; /* -1 if none */
};

struct scan {
    const char *s;     /* the paragraph being scanned */
    const char *title; /* the essay's title (ntitle bytes; 0: none) */
    size_t ntitle;
    uint64_t title_keys; /* bit b: a byte of the title has b as its low six bits (in_title) */
    hit_vec places, metaphors;
    off_vec contrast, problems, ends;
    off_vec que; /* the contrast hits that are 却 (subset of contrast) */
    EL_VEC(qpair) quotes;
    EL_VEC(qpair) dq;   /* the pairs of ASCII " (scan_marks), until take_ascii merges them */
    EL_VEC(qpair) cq;   /* the pairs of 「」 and 『』 (scan_marks), until take_corners does */
    EL_VEC(qpair) qtmp; /* merge buffer for quotes */
    EL_VEC(mention) ments;
    EL_VEC(mention) tmp;           /* merge buffer for ments */
    const struct conf_place *conf; /* the configured places (nconf of them) */
    size_t nconf;
    EL_VEC(mention) cments; /* their occurrences in the paragraph, by start, disjoint */
    size_t stat_next;       /* past the last case's statistics: where the next case looks first */
};

/* The categories on_hit keeps: the walk skips the others (parallel frames, countermeasures). */
#define SCAN_CATS                                                                                  \
    (EL_LEX_CAT_BIT(EL_LEX_PLACE) | EL_LEX_CAT_BIT(EL_LEX_METAPHOR) |                              \
     EL_LEX_CAT_BIT(EL_LEX_CONTRAST) | EL_LEX_CAT_BIT(EL_LEX_PROBLEM))

/* Lexicon callback: sort the hits of one paragraph by category. */
static void on_hit(void *ctx, const el_lex_hit *h)
{
    struct scan *sc = ctx;
    switch (h->cat) {
    case EL_LEX_PLACE:
        *EL_VEC_PUSH(sc->places) = *h;
        break;
    case EL_LEX_METAPHOR:
        *EL_VEC_PUSH(sc->metaphors) = *h;
        break;
    case EL_LEX_CONTRAST:
        if (h->end - h->start == 3 && memcmp(sc->s + h->start, "但", 3) == 0 &&
            ends_with(sc->s, h->start, "不"))
            break; /* 不但 */
        if (h->end - h->start == 3 && memcmp(sc->s + h->start, "却", 3) == 0) {
            if (ENDS_IN(sc->s, h->start, que_words))
                break; /* 冷却, 忘却 */
            *EL_VEC_PUSH(sc->que) = h->start;
        }
        *EL_VEC_PUSH(sc->contrast) = h->start;
        break;
    case EL_LEX_PROBLEM:
        *EL_VEC_PUSH(sc->problems) = h->start;
        break;
    default:
        break;
    }
}

/*
 * The lexicon reports hits by end; the lists below want them by start. A hit starts at most
 * one surface length before it ends, and only so many hits end at one byte, so an insertion
 * sort moves each item a bounded distance: linear, and stable.
 */
static void sort_hits(hit_vec *v)
{
    for (size_t i = 1; i < v->n; i++) {
        el_lex_hit h = v->v[i];
        size_t j = i;
        /* by start, the longest first on equal starts */
        while (j > 0 && (v->v[j - 1].start > h.start ||
                         (v->v[j - 1].start == h.start && v->v[j - 1].end < h.end))) {
            v->v[j] = v->v[j - 1];
            j--;
        }
        v->v[j] = h;
    }
}

/* Sort (see sort_hits: the offsets are hit starts) and deduplicate an offset list. */
static void sort_offs(off_vec *v)
{
    for (size_t i = 1; i < v->n; i++) {
        size_t x = v->v[i], j = i;
        while (j > 0 && v->v[j - 1] > x) {
            v->v[j] = v->v[j - 1];
            j--;
        }
        v->v[j] = x;
    }
    if (v->n < 2)
        return;
    size_t o = 1;
    for (size_t i = 1; i < v->n; i++)
        if (v->v[i] != v->v[o - 1])
            v->v[o++] = v->v[i];
    v->n = o;
}

/* Index of the first offset >= x. */
static size_t lower_bound(const off_vec *v, size_t x)
{
    size_t lo = 0, hi = v->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v->v[mid] < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Whether some offset lies in [a, b). */
static bool any_in(const off_vec *v, size_t a, size_t b)
{
    size_t i = lower_bound(v, a);
    return i < v->n && v->v[i] < b;
}

static int cmp_qpair(const void *a, const void *b)
{
    const qpair *x = a, *y = b;
    return x->open < y->open ? -1 : x->open > y->open;
}

/* The quotes opened and not yet closed (scan_marks), at most 16 deep, and the open ASCII ";
   apart from them, the corner brackets open (「 or 『: ck 0 or 2), at most 16 deep too. */
struct qstack {
    size_t v[16], n;
    bool sorted;    /* the pairs found so far are in order of opening mark */
    size_t dq_open; /* offset of the ASCII " that is open, SIZE_MAX if none */
    size_t cv[16], cn;
    unsigned char ck[16];
    bool cmixed; /* the corner pairs found so far are out of order of opening mark */
};

/*
 * An ASCII " at u[i] (the other quotation marks are told apart by their shape; this one is
 * the same either way): it closes the one that is open, as in the quotes extractor; else it
 * opens one, unless it follows a letter or a digit (6.1", don"t: no opening quote there).
 * The pairs never nest, so they come in order of opening mark.
 */
static void ascii_quote(const unsigned char *u, size_t i, struct scan *sc, struct qstack *q)
{
    if (q->dq_open != SIZE_MAX) {
        *EL_VEC_PUSH(sc->dq) = (qpair){q->dq_open, q->dq_open + 1, i};
        q->dq_open = SIZE_MAX;
        return;
    }
    unsigned p = i > 0 ? u[i - 1] : ' ';
    if (!((p | 0x20u) - 'a' < 26u || p - '0' < 10u))
        q->dq_open = i;
}

/*
 * A corner bracket at offset i, its last byte c2 (8C 「, 8D 」, 8E 『, 8F 』): an opening one
 * is stacked; a closing one pairs with the innermost open of its own kind, and the opens above
 * that one, left unclosed, are dropped (「甲『乙」: 『 is never closed). A close with none of its
 * kind open is passed over. The stack has sixteen places: a walk down it is bounded.
 */
static void corner_quote(size_t i, unsigned char c2, struct scan *sc, struct qstack *q)
{
    unsigned char kind = c2 & 2;
    if (!(c2 & 1)) {
        if (q->cn < 16) {
            q->cv[q->cn] = i;
            q->ck[q->cn++] = kind;
        }
        return;
    }
    size_t d = q->cn;
    while (d > 0 && q->ck[d - 1] != kind)
        d--;
    if (d == 0)
        return;
    size_t o = q->cv[d - 1];
    q->cn = d - 1;
    if (sc->cq.n && sc->cq.v[sc->cq.n - 1].open > o)
        q->cmixed = true;
    *EL_VEC_PUSH(sc->cq) = (qpair){o, o + 3, i};
}

/* Take the group end or quotation mark at offset i of u[0..n), if there is one. */
__attribute__((always_inline)) static inline void
mark_at(const unsigned char *u, size_t n, size_t i, struct scan *sc, struct qstack *q)
{
    unsigned char b = u[i];
    if (b < 0xE2) { /* the other punctuation (，、《》…) first: far more frequent */
        if (b == ';' || b == '!' || b == '?' || (b == '.' && ascii_period((const char *)u, n, i)))
            *EL_VEC_PUSH(sc->ends) = i;
        else if (b == '"')
            ascii_quote(u, i, sc, q);
        return;
    }
    if (n - i < 3)
        return;
    unsigned char c1 = u[i + 1], c2 = u[i + 2];
    if (b == 0xE2 && c1 == 0x80) {
        if (c2 == 0x9C) { /* “ */
            if (q->n < 16)
                q->v[q->n++] = i;
        } else if (c2 == 0x9D && q->n > 0) { /* ” */
            size_t o = q->v[--q->n];
            if (sc->quotes.n && sc->quotes.v[sc->quotes.n - 1].open > o)
                q->sorted = false;
            *EL_VEC_PUSH(sc->quotes) = (qpair){o, o + 3, i};
        }
    } else if ((b == 0xE3 && c1 == 0x80 && c2 == 0x82) ||
               (b == 0xEF && c1 == 0xBC && (c2 == 0x9B || c2 == 0x81 || c2 == 0x9F))) {
        *EL_VEC_PUSH(sc->ends) = i; /* 。；！？ */
    } else if (b == 0xE3 && c1 == 0x80 && (c2 | 3) == 0x8F) {
        corner_quote(i, c2, sc, q); /* 「」『』 */
    }
}

/*
 * The group ends (。；！？;!?, and a . that ends a sentence: ascii_period) of s[0..n) and its
 * pairs of “ and ” (innermost first, then sorted by opening mark; unmatched marks are
 * ignored), and apart from them, in sc->dq, its pairs of
 * ASCII " (ascii_quote; take_ascii adds them to the quotes) and in sc->cq its pairs of corner
 * brackets (corner_quote, in order of opening mark; take_corners adds them). The marks are matched
 * as bytes: each starts with a byte that never continues a UTF-8 sequence, so a match is always a
 * whole code point, the same one a decoding walk would see, and the matches at every offset, in
 * order, are the marks. With SSE2, sixteen offsets are tested at a time and only those whose bytes
 * are one of the marks are looked at; the Han characters and the other punctuation between them,
 * nearly all of the text, cost a few vector operations per sixteen bytes. The rest, and the
 * whole text without SSE2, is tested byte by byte.
 */
static void scan_marks(const char *s, size_t n, struct scan *sc)
{
    const unsigned char *u = (const unsigned char *)s;
    /* (field by field: the stacks are read only where written, and need no clearing) */
    struct qstack q;
    q.n = q.cn = 0;
    q.sorted = true;
    q.cmixed = false;
    q.dq_open = SIZE_MAX;
    sc->ends.n = sc->quotes.n = sc->dq.n = sc->cq.n = 0;
    size_t i = 0;
#if CASES_SSE2
#define SET1(b) _mm_set1_epi8((char)(b))
#define EQ(v, b) _mm_cmpeq_epi8(v, SET1(b))
    /* An offset is looked at only if its three bytes are a mark mark_at keeps (the bytes at
       +1 and +2 from two more loads, so eighteen bytes must be readable): ，、《》 and the
       other punctuation, which cost a mispredicted stop each, are passed with the Han. */
    for (; n >= 18 && i <= n - 18; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(u + i)),
                v1 = _mm_loadu_si128((const __m128i *)(const void *)(u + i + 1)),
                v2 = _mm_loadu_si128((const __m128i *)(const void *)(u + i + 2));
        /* Pairs of marks told apart by one bit of one byte share a test: ; and ? (0x3B,
           0x3F) as 0x3F once bit 2 is set, “ and ” (0x9C, 0x9D) as 0x9D once bit 0 is, ；
           and ？ (0x9B, 0x9F) as 0x9F once bit 2 is. */
        __m128i ascii = _mm_or_si128(_mm_or_si128(EQ(_mm_or_si128(v, SET1(0x04)), '?'), EQ(v, '.')),
                                     _mm_or_si128(EQ(v, '!'), EQ(v, '"'))); /* ;?.!" */
        __m128i quote =
            _mm_and_si128(EQ(v, 0xE2), EQ(_mm_or_si128(v2, SET1(0x01)), 0x9D)); /* “ ” */
        __m128i stop = _mm_and_si128(
            EQ(v, 0xE3), _mm_or_si128(EQ(v2, 0x82), EQ(_mm_or_si128(v2, SET1(0x03)), 0x8F)));
        /* 。, and 「」『』 (0x8C to 0x8F) as 0x8F once bits 0 and 1 are set */
        __m128i full = _mm_and_si128(
            _mm_and_si128(EQ(v, 0xEF), EQ(v1, 0xBC)),
            _mm_or_si128(EQ(_mm_or_si128(v2, SET1(0x04)), 0x9F), EQ(v2, 0x81))); /* ；！？ */
        __m128i f = _mm_or_si128(_mm_or_si128(ascii, full),
                                 _mm_and_si128(_mm_or_si128(quote, stop), EQ(v1, 0x80)));
        for (unsigned m = (unsigned)_mm_movemask_epi8(f); m; m &= m - 1)
            mark_at(u, n, i + (size_t)__builtin_ctz(m), sc, &q);
    }
#undef EQ
#undef SET1
#endif
    for (; i < n; i++)
        mark_at(u, n, i, sc, &q);
    if (!q.sorted)
        qsort(sc->quotes.v, sc->quotes.n, sizeof *sc->quotes.v, cmp_qpair);
    if (q.cmixed)
        qsort(sc->cq.v, sc->cq.n, sizeof *sc->cq.v, cmp_qpair);
}

/* Merge the pairs d[0..nd) into the quotes, both in order of opening mark (and no two pairs
   open at one offset: their marks differ): one merge into the buffer, which then trades places
   with the quotes. */
static void merge_quotes(struct scan *sc, const qpair *d, size_t nd)
{
    size_t nq = sc->quotes.n, i = 0, j = 0;
    sc->qtmp.n = 0;
    sc->qtmp.v = xgrow(sc->qtmp.v, &sc->qtmp.cap, nq + nd, sizeof *sc->qtmp.v);
    while (i < nq || j < nd)
        sc->qtmp.v[sc->qtmp.n++] =
            j == nd || (i < nq && sc->quotes.v[i].open < d[j].open) ? sc->quotes.v[i++] : d[j++];
    qpair *v = sc->quotes.v; /* the merged list becomes the quotes; theirs, the buffer */
    size_t cap = sc->quotes.cap;
    sc->quotes.v = sc->qtmp.v;
    sc->quotes.cap = sc->qtmp.cap;
    sc->quotes.n = sc->qtmp.n;
    sc->qtmp.v = v;
    sc->qtmp.cap = cap;
    sc->qtmp.n = 0;
}

/*
 * Add the pairs of ASCII " that scan_marks set apart to the quotes, in order of opening mark:
 * from here on a "…" is read as a “…” is. Nothing at all for the text that has no ASCII quote.
 */
static void take_ascii(struct scan *sc)
{
    if (sc->dq.n == 0)
        return;
    merge_quotes(sc, sc->dq.v, sc->dq.n);
    sc->dq.n = 0;
}

/* Add the pairs of corner brackets that scan_marks set apart to the quotes, as take_ascii does
   the ASCII ones: from here on a 「…」 or a 『…』 is read as a “…” is. */
static void take_corners(struct scan *sc)
{
    if (sc->cq.n == 0)
        return;
    merge_quotes(sc, sc->cq.v, sc->cq.n);
    sc->cq.n = 0;
}

/* The group ends and every pair of quotation marks of s[0..n), in order of opening mark. */
static void find_quotes(const char *s, size_t n, struct scan *sc)
{
    scan_marks(s, n, sc);
    take_ascii(sc);
    take_corners(sc);
}

/* ---- place chains ------------------------------------------------------------------------ */

/* Candidates of entry that lie strictly within some allowed candidate of m (bit set), 0 if
   none: 宁波市 after 浙江省, but not 浙江 after 浙江. */
static unsigned long long within_prev(unsigned entry, const mention *m)
{
    const el_lex_cand *c;
    size_t n = el_lex_place_candidates(entry, &c);
    unsigned long long bits = 0;
    for (size_t i = 0; i < n && i < 64; i++)
        for (size_t j = 0; j < m->ncand && j < 64; j++)
            if ((m->allowed >> j & 1) && c[i].place != m->cand[j].place &&
                el_lex_place_within(c[i].place, m->cand[j].place)) {
                bits |= 1ULL << i;
                break;
            }
    return bits;
}

/* Candidates of entry readable on their own: not weak. */
static unsigned long long strong_cands(unsigned entry)
{
    const el_lex_cand *c;
    size_t n = el_lex_place_candidates(entry, &c);
    unsigned long long bits = 0;
    for (size_t i = 0; i < n && i < 64; i++)
        if (!(c[i].flags & EL_LEX_WEAK))
            bits |= 1ULL << i;
    return bits;
}

/* Province shared by every allowed candidate of m, or -1. */
static int mention_province(const mention *m)
{
    int pv = -2;
    for (size_t j = 0; j < m->ncand && j < 64; j++) {
        if (!(m->allowed >> j & 1))
            continue;
        int p = el_lex_place(m->cand[j].place)->province;
        if (pv == -2)
            pv = p;
        else if (pv != p)
            return -1;
    }
    return pv < 0 ? -1 : pv;
}

/*
 * Length of a sub-place name (华阳街道, 东湖高新区) written at s[0..n), 0 if none. Most
 * places are followed by no suffix at all: the characters before one are held to sub_stop only
 * once it is found. The answer is the same as a test of each as it is read: the suffix taken
 * is the first, and a stop character before it refuses the name either way.
 */
static size_t sub_place(const char *s, size_t n)
{
    size_t i = 0, k, chars = 0;
    while (i < n && chars < 6) {
        size_t suf = chars >= 1 ? prefix_in(s + i, n - i, KEYED(sub_suffix)) : 0;
        if (suf) {
            for (size_t j = 0; j < i; j += k)
                if (IN_SET(el_text_cp(s, n, j, &k), sub_stop))
                    return 0;
            return i + suf;
        }
        if (!el_text_is_han(el_text_cp(s, n, i, &k)))
            return 0;
        i += k;
        chars++;
    }
    return 0;
}

/* Whether the name s[0..i) before a town suffix is one: none of its characters a verb, a
   numeral or a word of generic village types (town_stop, sub_stop but 城), and a numeral only
   before another character. */
static bool town_name(const char *s, size_t i)
{
    size_t k;
    bool numeral = false; /* the last character is a numeral */
    for (size_t j = 0; j < i; j += k) {
        uint32_t c = el_text_cp(s, i, j, &k);
        /* A numeral may open a name that goes on (十八洞村, 五星村), never end one. */
        numeral = IN_SET(c, town_numerals);
        /* 城 is in names (周城村); 城乡, 城镇, 城中村 are town_generic */
        if ((c != 0x57CE /* 城 */ && IN_SET(c, sub_stop)) || (!numeral && IN_SET(c, town_stop)))
            return false;
    }
    return !numeral; /* 千村示范, 一村一品, 万村: a count of villages */
}

/* Length of a township or village name (下党乡, 小岗村, 湖滨街道) written at s[0..n), 0 if
   none. As in sub_place, the characters are judged only before a suffix found. */
static size_t town_place(const char *s, size_t n)
{
    size_t i = 0, k, chars = 0;
    while (i < n && chars <= 4) {
        size_t suf = chars >= 1 ? prefix_in(s + i, n - i, KEYED(town_suffix)) : 0;
        if (suf) {
            if (!town_name(s, i))
                return 0;
            /* 村 of 村民, 乡 of 乡村: a word goes on, this is no place (皇城村成立村民理事会) */
            static const word word_on[] = {W("村民"), W("村委"), W("村级"), W("村干"), W("村规"),
                                           W("村务"), W("村集"), W("村容"), W("村落"), W("村庄"),
                                           W("乡村"), W("乡亲"), W("乡贤"), W("乡土"), W("乡愁"),
                                           W("镇村"), W("镇街")};
            if (prefix_of(s + i, n - i, WORDS(word_on)))
                return 0;
            return suffix_of(s, i + suf, WORDS(town_generic)) ? 0 : i + suf;
        }
        if (!el_text_is_han(el_text_cp(s, n, i, &k)))
            return 0;
        i += k;
        chars++;
    }
    return 0;
}

/*
 * Whether s[0..n), written right after a place, makes the place a modifier: one of
 * place_modifiers, or 委 of a party committee (浙江省委, 县委书记) but not 委托/委派, which
 * are the place's own acts (杭州市委托第三方评估).
 */
static bool modifier_at(const char *s, size_t n)
{
    if (prefix_in(s, n, KEYED(place_modifiers)))
        return true;
    size_t k = prefix_in(s, n, KEYED(place_arts));
    if (k)
        return !prefix_of(s + k, n - k, WORDS(arts_bodies));
    static const char wei[] = "委";
    if (n < 3 || memcmp(s, wei, 3) != 0)
        return false;
    return !(n >= 6 && (memcmp(s + 3, "托", 3) == 0 || memcmp(s + 3, "派", 3) == 0));
}

/*
 * Length of the generic written after a chain ending in a short form, when the gazetteer
 * has only the full name: 酉阳县 (酉阳土家族苗族自治县), 积石山县. Only generics of the
 * short form's level, so 浙江区域 stays 浙江.
 */
static size_t generic_after(const mention *m, const char *s, size_t n)
{
    if (!(el_lex_flags(m->last) & EL_LEX_SHORT) || (el_lex_flags(m->last) & EL_LEX_FULL))
        return 0;
    size_t k = prefix_of(s, n, WORDS(county_generic)), best = 0;
    for (size_t j = 0; j < m->ncand && j < 64; j++) {
        if (!(m->allowed >> j & 1))
            continue;
        unsigned lvl = el_lex_place(m->cand[j].place)->level;
        if (lvl == EL_PLACE_COUNTY && k > best)
            best = k;
        if (lvl == EL_PLACE_CITY && prefix_of(s, n, WORDS(city_generic)) > best)
            best = prefix_of(s, n, WORDS(city_generic));
    }
    return best;
}

/*
 * Select place chains from the paragraph's hits: leftmost-longest, a weak surface only right
 * after a place containing it, adjacent places merged when the later lies within the earlier.
 * A chain is not extended into a configured place (浙江省书香新区: 浙江省, then 书香新区).
 */
static void build_chains(const char *s, size_t n, struct scan *sc)
{
    size_t pos = 0;
    mention *cur = NULL;
    for (size_t i = 0; i < sc->places.n; i++) {
        const el_lex_hit *h = &sc->places.v[i];
        if (h->start < pos)
            continue;
        unsigned long long bits = 0;
        bool cont = cur && !cur->anon && cur->e == h->start;
        if (cont)
            bits = within_prev(h->entry, cur);
        if (bits) {
            cur->e = h->end;
            cur->last = h->entry;
            cur->ncand = el_lex_place_candidates(h->entry, &cur->cand);
            cur->allowed = bits;
        } else {
            bits = strong_cands(h->entry);
            if (!bits)
                continue; /* a weak surface on its own: try a shorter hit or move on */
            cur = EL_VEC_PUSH(sc->ments);
            memset(cur, 0, sizeof *cur);
            cur->s = h->start;
            cur->e = h->end;
            cur->last = h->entry;
            cur->ncand = el_lex_place_candidates(h->entry, &cur->cand);
            cur->allowed = bits;
        }
        pos = h->end;
    }
    size_t c = 0;
    for (size_t i = 0; i < sc->ments.n; i++) {
        mention *m = &sc->ments.v[i];
        size_t lim = i + 1 < sc->ments.n ? sc->ments.v[i + 1].s : n;
        while (c < sc->cments.n && sc->cments.v[c].s < m->e)
            c++;
        if (c < sc->cments.n && sc->cments.v[c].s < lim)
            lim = sc->cments.v[c].s;
        /* Tested before the chain is extended, so that 延安精神引领新区 is not read as a
           functional zone of 延安, and after, for 酉阳县人民. */
        m->concept = modifier_at(s + m->e, n - m->e);
        if (!m->concept) {
            size_t e = m->e;
            m->e += generic_after(m, s + m->e, lim - m->e);
            m->e += sub_place(s + m->e, lim - m->e);
            /* a township, then a village in it (大理州喜洲镇周城村); nothing below a village */
            static const word lowest[] = {W("村"), W("社区")};
            size_t tl = suffix_of(s, m->e, WORDS(lowest)) ? 0 : town_place(s + m->e, lim - m->e);
            m->e += tl;
            if (tl && !suffix_of(s, m->e, WORDS(lowest)))
                m->e += town_place(s + m->e, lim - m->e);
            m->concept = m->e != e && modifier_at(s + m->e, n - m->e);
        }
        m->province = mention_province(m);
    }
}

/* Whether mention b goes strictly before a: it starts earlier, or at the same byte and is
   longer (a configured 云梦泽县 before the shorter lexicon word it starts with). */
static bool goes_before(const mention *b, const mention *a)
{
    return b->s < a->s || (b->s == a->s && b->e > a->e);
}

/* Merge ments[0..k) and ments[k..n), each in order of start (goes_before), into one list in
   that order; on a full tie the first run's mention (a chain) comes first. */
static void merge_mentions(struct scan *sc, size_t k)
{
    size_t n = sc->ments.n, i = 0, j = k;
    if (k == 0 || k == n || !goes_before(&sc->ments.v[k], &sc->ments.v[k - 1]))
        return; /* already in order */
    sc->tmp.n = 0;
    sc->tmp.v = xgrow(sc->tmp.v, &sc->tmp.cap, n, sizeof *sc->tmp.v);
    while (i < k || j < n)
        sc->tmp.v[sc->tmp.n++] = j == n || (i < k && !goes_before(&sc->ments.v[j], &sc->ments.v[i]))
                                     ? sc->ments.v[i++]
                                     : sc->ments.v[j++];
    memcpy(sc->ments.v, sc->tmp.v, n * sizeof *sc->tmp.v);
}

/* goes_before, then the first configured: a name listed twice keeps one identity, so its
   later mentions are still the same place (qsort is not stable). */
static int cmp_mention(const void *a, const void *b)
{
    const mention *x = a, *y = b;
    if (goes_before(x, y) || goes_before(y, x))
        return goes_before(x, y) ? -1 : 1;
    return x->conf < y->conf ? -1 : x->conf > y->conf;
}

/*
 * The configured places written in s[0..n), into sc->cments: leftmost-longest and disjoint,
 * like the lexicon's own surfaces. One memmem pass per configured name: the names are few,
 * and when there are none nothing runs at all.
 */
static void find_conf(const char *s, size_t n, struct scan *sc)
{
    sc->cments.n = 0;
    for (size_t k = 0; k < sc->nconf; k++) {
        const struct conf_place *c = &sc->conf[k];
        for (size_t from = 0; n - from >= c->len;) {
            const char *p = memmem(s + from, n - from, c->name, c->len);
            if (p == NULL)
                break;
            mention *m = EL_VEC_PUSH(sc->cments);
            memset(m, 0, sizeof *m);
            m->s = (size_t)(p - s);
            m->e = m->s + c->len;
            m->province = c->province;
            m->conf = (unsigned)k + 1;
            m->concept = modifier_at(s + m->e, n - m->e); /* 书香新区委 */
            from = m->e;
        }
    }
    if (sc->cments.n == 0)
        return;
    if (sc->nconf > 1)
        qsort(sc->cments.v, sc->cments.n, sizeof *sc->cments.v, cmp_mention);
    size_t o = 0;
    for (size_t i = 0; i < sc->cments.n; i++)
        if (o == 0 || sc->cments.v[i].s >= sc->cments.v[o - 1].e)
            sc->cments.v[o++] = sc->cments.v[i];
    sc->cments.n = o;
}

/*
 * Drop the place hits that start inside a configured place (云梦 in 云梦泽县, 浙江省 in a
 * configured 浙江省书香新区): the configured name is the place. A hit that starts with it and
 * covers it is kept (a configured 杭州 in 杭州市): that place is the gazetteer's, and the
 * configured one gives way to its chain later. One forward pass: both lists are by start.
 */
static void yield_to_conf(struct scan *sc)
{
    size_t o = 0, j = 0;
    for (size_t i = 0; i < sc->places.n; i++) {
        const el_lex_hit *h = &sc->places.v[i];
        while (j < sc->cments.n && sc->cments.v[j].e <= h->start)
            j++;
        if (j < sc->cments.n && sc->cments.v[j].s <= h->start &&
            !(h->start == sc->cments.v[j].s && h->end >= sc->cments.v[j].e))
            continue;
        sc->places.v[o++] = *h;
    }
    sc->places.n = o;
}

/*
 * A chain written right before a configured place takes it in (浙江省书香新区, like 广东省某市):
 * the place is the configured one, in the chain's province. Both lists are by start and
 * disjoint, so their ends are in order too: one forward pass.
 */
static void absorb_conf(struct scan *sc)
{
    size_t j = 0, o = 0;
    for (size_t i = 0; i < sc->cments.n; i++) {
        mention *c = &sc->cments.v[i];
        while (j < sc->ments.n && sc->ments.v[j].e < c->s)
            j++;
        if (j < sc->ments.n && sc->ments.v[j].e == c->s && !sc->ments.v[j].conf) {
            mention *m = &sc->ments.v[j];
            m->e = c->e;
            if (m->province < 0)
                m->province = c->province;
            m->conf = c->conf;
            m->concept = c->concept;
            m->cand = NULL;
            m->ncand = 0;
            m->allowed = 0;
            continue;
        }
        sc->cments.v[o++] = *c;
    }
    sc->cments.n = o;
}

/*
 * Offset of the first 某 in s[from..n), or n if there is none. With SSE2, sixteen offsets are
 * tested at a time for its three bytes (the bytes at +1 and +2 from two more loads, so
 * eighteen bytes must be readable), and the search stops only where 某 is written: a search
 * for one of its bytes (memchr) stops at every Han character that shares it, about one in
 * 32, and each stop costs a call and a mispredicted branch. The rest, and the whole text
 * without SSE2, is searched by memchr for the middle byte 0x9F, which only those characters
 * contain. 某 starts with a byte that never continues a UTF-8 sequence, so a match is always
 * a whole character.
 */
static size_t find_mou(const char *s, size_t from, size_t n)
{
    static const char mou[] = "某";
#if CASES_SSE2
    const unsigned char *u = (const unsigned char *)s;
    const __m128i b0 = _mm_set1_epi8(mou[0]), b1 = _mm_set1_epi8(mou[1]),
                  b2 = _mm_set1_epi8(mou[2]);
    for (; n >= 18 && from <= n - 18; from += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(u + from)),
                v1 = _mm_loadu_si128((const __m128i *)(const void *)(u + from + 1)),
                v2 = _mm_loadu_si128((const __m128i *)(const void *)(u + from + 2));
        __m128i f = _mm_and_si128(_mm_and_si128(_mm_cmpeq_epi8(v, b0), _mm_cmpeq_epi8(v1, b1)),
                                  _mm_cmpeq_epi8(v2, b2));
        unsigned m = (unsigned)_mm_movemask_epi8(f);
        if (m)
            return from + (size_t)__builtin_ctz(m);
    }
#endif
    while (n - from >= 3) {
        const char *p = memchr(s + from + 1, mou[1], n - from - 2);
        if (p == NULL)
            break;
        size_t at = (size_t)(p - s) - 1;
        if (s[at] == mou[0] && s[at + 2] == mou[2])
            return at;
        from = at + 1;
    }
    return n;
}

/*
 * Add the anonymised places (某村 某乡 某县 …) of s[0..n). 某 is not a lexicon word: find_mou
 * finds it. from: where the next 某 may start, past the last one taken with its suffix.
 */
static void find_anon(const char *s, size_t n, struct scan *sc)
{
    _Static_assert(sizeof anon_suffix / sizeof *anon_suffix <= 32, "anon_seen has 32 bits");
    size_t from = 0;
    for (;;) {
        size_t at = find_mou(s, from, n);
        if (at == n)
            break;
        from = at + 3;
        /* The longest suffix, and which one it is (prefix_of with the index kept). */
        size_t k = 0, kind = 0;
        for (const word *a = anon_suffix;
             n - from >= 3 && a < anon_suffix + sizeof anon_suffix / sizeof *anon_suffix; a++)
            if (a->s[2] == s[from + 2] && a->len > k && a->len <= n - from &&
                memcmp(s + from, a->s, a->len) == 0)
                k = a->len, kind = (size_t)(a - anon_suffix) + 1;
        if (k == 0 || prefix_of(s + from, n - from, WORDS(anon_not)))
            continue;
        mention *m = EL_VEC_PUSH(sc->ments);
        memset(m, 0, sizeof *m);
        m->s = at;
        m->e = at + 3 + k;
        m->province = -1;
        m->anon = true;
        m->anonk = (unsigned char)kind;
        from += k;
    }
}

/* Whether two named mentions are the same place, or one lies within the other; or two
   anonymised ones are written alike (某县 … 某县的水质): one clause group tells one 某县; or
   two configured ones are the same name. */
static bool related(const mention *a, const mention *b)
{
    if (a->conf || b->conf)
        return a->conf == b->conf;
    if (a->anon || b->anon)
        return a->anon && b->anon && a->anonk == b->anonk;
    for (size_t i = 0; i < a->ncand && i < 64; i++) {
        if (!(a->allowed >> i & 1))
            continue;
        for (size_t j = 0; j < b->ncand && j < 64; j++)
            if ((b->allowed >> j & 1) && (el_lex_place_within(a->cand[i].place, b->cand[j].place) ||
                                          el_lex_place_within(b->cand[j].place, a->cand[i].place)))
                return true;
    }
    return false;
}

/* Whether a metaphor lexicon hit covers exactly s[a..b); metaphors are sorted by start. */
static bool is_metaphor(const struct scan *sc, size_t a, size_t b)
{
    size_t lo = 0, hi = sc->metaphors.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (sc->metaphors.v[mid].start < a)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < sc->metaphors.n && sc->metaphors.v[lo].start == a; lo++)
        if (sc->metaphors.v[lo].end == b)
            return true;
    return false;
}

/* Everyday words that are quoted for tone, never the name of an initiative (吸引年轻人线上
   “打卡”, 看似“小事”). */
/* clang-format off */
#define COMMON_QUOTED_WORDS(X)                                                                     \
    X("打卡") X("网红") X("出圈") X("破圈") X("爆款") X("流量") X("点赞") X("刷屏") X("种草")      \
    X("带货") X("躺平") X("内卷") X("顶流") X("热搜") X("小事") X("大事") X("颜值") X("面子")      \
    X("里子") X("接地气") X("烟火气") X("零距离")
/* clang-format on */
static const word common_quoted[] = {COMMON_QUOTED_WORDS(WORD_ITEM)};
static const uint64_t common_quoted_keys = 0 COMMON_QUOTED_WORDS(PREFIX_KEY);
/* Verbs and prepositions that introduce a practice by its name (推出“林票”制度, 以“村超”
   赛事为媒). */
/* clang-format off */
#define LAUNCH_VERBS_WORDS(X)                                                                      \
    X("推出") X("推行") X("打造") X("开展") X("实施") X("建设") X("创建") X("建立") X("设立")      \
    X("探索") X("首创") X("创新") X("启动") X("举办") X("推广") X("发布") X("上线") X("开设")      \
    X("开通") X("组建") X("成立") X("搭建") X("实行") X("引入") X("依托") X("借助") X("通过")      \
    X("试点") X("出台") X("制定") X("培育") X("创办") X("开发") X("研发") X("创立") X("以")        \
    X("凭借") X("叫响") X("擦亮") X("打响")
/* clang-format on */
static const word launch_verbs[] = {LAUNCH_VERBS_WORDS(WORD_ITEM)};
static const uint64_t launch_verbs_keys = 0 LAUNCH_VERBS_WORDS(SUFFIX_KEY);
/* Words before a quote that give a title or an honour, not the name of a practice (被誉为
   “中国淘宝第一镇”, 获评“全国文明城市”). */
static const word title_verbs[] = {W("誉为"), W("称为"), W("称作"), W("号称"), W("美誉"),
                                   W("评为"), W("获评"), W("荣获"), W("获得"), W("赢得")};
/* People a quoted label names (2万多名“景漂”青年, “新农人”群体) or is (让“悬空老人”走下楼,
   “上班族”): a label, not a practice, unless a launch verb introduces it. */
static const word people_after[] = {W("青年"), W("人才"), W("群体"), W("一族"), W("人群"),
                                    W("老人"), W("学生"), W("干部"), W("游客"), W("族"),
                                    W("儿童"), W("农民"), W("市民"), W("居民"), W("妇女")};
/* Labels of people a short quoted term (five characters at most) may end with, as it ends
   with one of people_after (北京“朝阳群众”, “广场舞大妈”); a longer term is a phrase that ends
   with them (“把时间还给群众”), and written after a quote they start a sentence's subject
   (“最多跑一次”群众满意率…). */
static const word people_end[] = {W("群众"), W("大妈"), W("网友")};
/* How a quoted epithet of a place or a family ends (“中国竹编之乡”, “世界硬笔之都”). */
static const word epithet_ends[] = {W("之乡"), W("之都")};
/* Nouns of an institution or a practice: written after a quoted epithet (or ending it), they make
   it the name of what was done (“中国花木之乡”建设, “天下第一村”工程). */
static const word institutions[] = {W("制度"), W("机制"), W("模式"), W("工程"), W("行动"),
                                    W("改革"), W("经验"), W("做法"), W("计划"), W("项目"),
                                    W("活动"), W("品牌"), W("建设"), W("战略"), W("体系")};
/* Written right after a quote, these make it the old name of what was renamed (将“城管局”更名为
   “综合执法局”): the name is the one after them, which 名为 lets through (see name_like). */
/* clang-format off */
#define RENAMES_WORDS(X)                                                                           \
    X("更名") X("改名") X("易名") X("定名为") X("命名为")
/* clang-format on */
static const word renames[] = {RENAMES_WORDS(WORD_ITEM)};
static const uint64_t renames_keys = 0 RENAMES_WORDS(PREFIX_KEY);
/* Words ending in 以 that are no preposition (可以“刷脸”, 难以“出圈”). */
static const word yi_words[] = {W("可以"), W("所以"), W("难以"), W("加以"),
                                W("予以"), W("得以"), W("足以"), W("是以")};
/* Prepositions: a quote right after one is their object, whom or what the place acted for or
   on (湖南省株洲市为“大国工匠”设立专项奖励, 向“小微企业”发放补贴), not what it did. */
static const uint32_t prepositions[] = {U'为', U'向', U'对', U'给'};
/* Characters after a quote that continue the sentence rather than a noun the quote names
   (“打卡”成为时尚, “九章”量子计算原型机 is a name). */
static const uint32_t name_particles[] = {U'一', U'上', U'不', U'与', U'中', U'为', U'之', U'也',
                                          U'了', U'到', U'又', U'及', U'和', U'在', U'就', U'并',
                                          U'成', U'或', U'把', U'是', U'的', U'着', U'等', U'而',
                                          U'被', U'让', U'过', U'还', U'都', U'里'};

/*
 * Whether quote q, in a case whose place ends at a (q opens at a or later) and which ends at b,
 * is an epithet of the place or of a family there (浙江浦江郑义门“江南第一家”, 江苏沭阳“中国花木
 * 之乡”): a term of at most ten Han characters of the form X第一Y (天下第一村, 中国淘宝第一镇; X
 * and Y not empty: “第一课堂”, “安全第一” are names and mottos), X之乡 or X之都; written right
 * after a name (the place, then at most four Han characters none of which is a verb or a
 * function word of sub_stop, then 的 or not); and no institution noun ends it or follows it
 * (“天下第一村”建设 names what is done). The caller asks only when no launch verb comes before
 * the quote (打造“中国花木之乡” is a goal pursued, a practice).
 */
static bool epithet(const char *s, const qpair *q, size_t a, size_t b)
{
    size_t e = q->open, k, chars = 0;
    if (e < a || e - a > 5 * 3) /* (most quotes open further on: no name then) */
        return false;
    if (e - a >= 3 && ends_with(s, e, "的"))
        e -= 3;
    for (size_t i = a; i < e; i += k) {
        uint32_t c = el_text_cp(s, e, i, &k);
        if (!el_text_is_han(c) || IN_SET(c, sub_stop) || ++chars > 4)
            return false;
    }
    const char *t = s + q->inner;
    size_t n = q->close - q->inner, ncp = 0;
    bool first = false; /* 第一 with a character before and after it */
    for (size_t i = 0; i < n; i += k) {
        if (!el_text_is_han(el_text_cp(t, n, i, &k)) || ++ncp > 10)
            return false;
        first |= i > 0 && n - i > 6 && memcmp(t + i, "第一", 6) == 0;
    }
    if (!first && !(n > 6 && suffix_of(t, n, WORDS(epithet_ends))))
        return false;
    size_t after = past_close(s, q);
    return !suffix_of(t, n, WORDS(institutions)) &&
           !(after < b && prefix_of(s + after, b - after, WORDS(institutions)));
}

/* The middle of a figure A X A: a verb of contact, which makes a manner of meeting or working
   (面对面, 心贴心, 手拉手, 肩并肩, 背靠背, 实打实, 硬碰硬), or 不/没, which makes a question
   (好不好, 有没有); sorted. A verb of a deed in the middle names a practice (“老帮老”). */
static const uint32_t figure_links[] = {U'不', U'对', U'并', U'打', U'拉', U'挤', U'挨',
                                        U'挽', U'没', U'牵', U'碰', U'贴', U'连', U'靠'};
/* Adverbs that, before 能 or 可 (maybe after 不), make a clause of what one can do (出门就能
   取件, 扫码即可办理, 一个都不能少); sorted. */
static const uint32_t modal_adverbs[] = {U'也', U'便', U'即', U'就', U'还', U'都'};

/* The shape of a quoted term, read one character at a time (shape_add) by name_like as it reads
   the term for punctuation, so that the term is decoded once. */
struct shape {
    uint32_t c[4], prev, prev2; /* the first four characters; the last two */
    size_t ncp;
    bool han, modal; /* the four all Han; an adverb of modal_adverbs, maybe 不, then 能 or 可 */
};
/* Adds character x to the shape h. */
static inline void shape_add(struct shape *h, uint32_t x)
{
    if ((x == U'能' || x == U'可') &&
        (IN_SET(h->prev, modal_adverbs) || (h->prev == U'不' && IN_SET(h->prev2, modal_adverbs))))
        h->modal = true;
    if (h->ncp < 4) { /* (a figure has three or four characters: no more is kept) */
        h->c[h->ncp] = x;
        h->han &= el_text_is_han(x);
    }
    h->ncp++;
    h->prev2 = h->prev;
    h->prev = x;
}

/*
 * Whether a term of shape h is a figure, a descriptor or an effect rather than a name: three Han
 * characters A X A with X of figure_links; a reduplication AABB or ABB (实实在在, 暖洋洋:
 * adjectives; AAB, “村村响”, is a name); 而 joining two words (小而美, 和而不同); or an adverb of
 * modal_adverbs then 能 or 可 (村民“出门就能取件”: what the practice gives, not what it is
 * called; 就 or 即 alone is in names: “马上就办”, “接诉即办”).
 */
static bool shape_figure(const struct shape *h)
{
    const uint32_t *c = h->c;
    if (h->modal)
        return true;
    if (!h->han || (h->ncp != 3 && h->ncp != 4))
        return false;
    if (c[1] == U'而')
        return true;
    if (h->ncp == 4)
        return c[0] == c[1] && c[2] == c[3] && c[0] != c[2];
    return (c[0] == c[2] && IN_SET(c[1], figure_links)) || (c[1] == c[2] && c[0] != c[1]);
}

/* Verbs of selling or growing: the quote after one is a product or a variety (推销“不知火”
   柑橘, 种植“红美人”), not a practice; nor is a quote that 品种 follows (“红颜”品种). */
/* clang-format off */
#define TRADE_VERBS_WORDS(X)                                                                       \
    X("推销") X("销售") X("售卖") X("出售") X("种植") X("栽种") X("引种") X("养殖")
/* clang-format on */
static const word trade_verbs[] = {TRADE_VERBS_WORDS(WORD_ITEM)};
static const uint64_t trade_verbs_keys = 0 TRADE_VERBS_WORDS(SUFFIX_KEY);
static const word variety_after[] = {W("品种")};

/* A quoted term usable as an initiative name: short, no sentence punctuation, no 的
   (“宋元中国的世界海洋商贸中心” is a title, not an initiative), no 某 (编造“某地发生重大疫情”
   quotes a rumour), not an everyday word (common_quoted), a figure by its shape (shape_figure)
   or a product (推销“不知火”, “红颜”品种), launched or not. A term of one or two characters,
   or a pair of phrases joined by 、 (a motto: 晋商“诚信为本、以义制利”的传统), is a name only
   when a launch verb introduces it (推出“林票”, 实施“人人持证、技能河北”) or it names the noun
   after it (“九章”量子计算原型机, “村超”赛事, “人人持证、技能河北”工程). Unless a launch verb
   introduces it, a label of people (“景漂”青年, “朝阳群众”) or an epithet of the place (epithet)
   is no name either; nor is the object of a preposition (为“大国工匠”设立奖励). a: where the
   case's place ends; b: where the case ends. linked: an origin link joins the term to the place
   after it (“林票”起源于福建三明, see fronted), which names it as a launch verb does. */
static bool name_like(const char *s, const qpair *q, size_t a, size_t b, bool linked, bool *launch)
{
    size_t len = q->close - q->inner, k;
    bool pause = false;
    struct shape h = {.han = true};
    /* (命名为“亲清在线”: 为 of a verb that gives the name) */
    if (len == 0 || (ENDS_IN(s, q->open, prepositions) && !ends_with(s, q->open, "名为")))
        return false;
    for (size_t i = q->inner; i < q->close; i += k) {
        uint32_t c = el_text_cp(s, q->close, i, &k);
        if (c == 0xFF0C || c == ',' || c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B ||
            c == 0xFF1A || c == '!' || c == '?' || c == ';' || c == 0x201C || c == '"' ||
            c == 0x300C || c == 0x300E || c == 0x7684 /* 的 */ || c == 0x67D0 /* 某 */)
            return false;
        pause |= c == 0x3001; /* 、 */
        shape_add(&h, c);
    }
    size_t ncp = h.ncp;
    size_t after = past_close(s, q);
    if (ncp > 20 || one_in(s + q->inner, len, KEYED(common_quoted)) || shape_figure(&h) ||
        suffix_of(s, q->open, WORDS(title_verbs)) || suffix_in(s, q->open, KEYED(trade_verbs)) ||
        (after < b && (prefix_of(s + after, b - after, WORDS(people_after)) ||
                       prefix_of(s + after, b - after, WORDS(variety_after)) ||
                       prefix_in(s + after, b - after, KEYED(renames)))))
        return false;
    bool launched =
        (suffix_in(s, q->open, KEYED(launch_verbs)) && !suffix_of(s, q->open, WORDS(yi_words))) ||
        (ends_with(s, q->open, "出") && suffix_in(s, q->open - 3, KEYED(launch_verbs)));
    /* (探索出“网上案件网上审”的新模式: 出 completes the verb) */
    /* After 了 a quote is what a verb came to (换来了“灰头土脸”, 成了“香饽饽”), not a practice,
       unless the verb launches one (推出了“林票”) */
    if (!launched && ends_with(s, q->open, "了")) {
        if (!suffix_in(s, q->open - 3, KEYED(launch_verbs)))
            return false;
        launched = true;
    }
    /* (the opening quote before the term is no Han: a word longer than the term never ends it) */
    if (!launched &&
        (suffix_of(s, q->close, WORDS(people_after)) ||
         (ncp <= 5 && suffix_of(s, q->close, WORDS(people_end))) || epithet(s, q, a, b)))
        return false;
    *launch = launched;
    if ((ncp > 2 && !pause) || launched || linked)
        return true;
    if (after >= b)
        return false;
    uint32_t c = el_text_cp(s, b, after, &k);
    return el_text_is_han(c) && !IN_SET(c, name_particles);
}

/* Links that join the two halves of a figurative pair of quotes, or of a change from one term
   to another (将“审批制”改为“备案制”: 改为 tells what changed, not what is called what, so
   neither term names the place's initiative; 更名为 does, see renames). */
/* clang-format off */
#define PAIR_LINKS_WORDS(X)                                                                        \
    X("与") X("和") X("同") X("到") X("回到") X("变") X("变为") X("变成") X("转为") X("转向")      \
    X("走向") X("替代") X("代替") X("变成了") X("变为了") X("成了") X("成为") X("转变为")          \
    X("蝶变为") X("蜕变为") X("改为") X("改成")
/* clang-format on */
static const word pair_links[] = {PAIR_LINKS_WORDS(WORD_ITEM)};
static const uint64_t pair_links_keys = 0 PAIR_LINKS_WORDS(PREFIX_KEY);

/*
 * Whether s[a..b), the text between two quotes, links a figurative pair: one of pair_links,
 * or 、 and a short verb (端起“生态碗”、吃上“生态饭”). Adjacent quotes or a bare 、 are a list of
 * names (“一网通办”“跨省通办”), and a longer text (“社区议事厅”通过“线上+线下”) is a sentence.
 */
static bool short_link(const char *s, size_t a, size_t b)
{
    if (a >= b)
        return false;
    if (one_in(s + a, b - a, KEYED(pair_links)))
        return true;
    if (b - a <= 3 || memcmp(s + a, "、", 3) != 0)
        return false;
    size_t k, ncp = 0;
    for (size_t i = a + 3; i < b; i += k) {
        if (!el_text_is_han(el_text_cp(s, b, i, &k)) || ++ncp > 2)
            return false;
    }
    return true;
}

/*
 * Whether quote i is one of a figurative pair — “守艺”与“创艺”, 从“指尖”回到“脚尖”, 端起“生态碗”、
 * 吃上“生态饭” — wordplay rather than the name of an initiative.
 */
static bool paired(const char *s, const struct scan *sc, size_t i)
{
    const qpair *q = &sc->quotes.v[i];
    if (i + 1 < sc->quotes.n && sc->quotes.v[i + 1].open >= past_close(s, q) &&
        short_link(s, past_close(s, q), sc->quotes.v[i + 1].open))
        return true;
    return i > 0 && q->open >= past_close(s, &sc->quotes.v[i - 1]) &&
           short_link(s, past_close(s, &sc->quotes.v[i - 1]), q->open);
}

/* End of the clause that starts at a: the first clause break in [a, b), or b. An ASCII " ends
   it too, as an opening “ does (“ and " start the quotes that find_name reads alike). */
static size_t clause_end(const char *s, size_t a, size_t b)
{
    size_t k;
    while (a < b && s[a] != '"' && !(s[a] == '.' && ascii_period(s, b, a)) &&
           !is_clause_break(el_text_cp(s, b, a, &k)))
        a += k;
    return a;
}

/*
 * Whether the quoted term t[0..n), of two characters or more, is in the essay's title. Most
 * terms are not: the keys of the title's characters (sc->title_keys, the low six bits of
 * their last bytes) rule them out before the title is searched.
 */
static bool in_title(const struct scan *sc, const char *t, size_t n)
{
    if (n < 6 || n > sc->ntitle)
        return false;
    for (size_t i = 2; i < n; i += 3)
        if (!(sc->title_keys >> ((unsigned char)t[i] & 63) & 1))
            return false;
    return memmem(sc->title, sc->ntitle, t, n) != NULL;
}

/*
 * The first initiative name among the quotes that open in [a, b) (a = the end of the place):
 * not a lexicon metaphor, not one of a figurative pair, not an adjective after 的 (昔日的“小众”
 * 艺术) unless in the place's own clause (浙江的“千万工程”, 安徽小岗村的“大包干”). *first_break
 * is the end of that clause, clause_end(s, a, b), found here only if a quote after 的 asks for
 * it (SIZE_MAX: not yet). 0-length span if none.
 */
static el_span find_name(const char *s, const struct scan *sc, size_t a, size_t *first_break,
                         size_t b, size_t base)
{
    size_t lo = 0, hi = sc->quotes.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (sc->quotes.v[mid].open < a)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < sc->quotes.n && sc->quotes.v[i].open < b; i++) {
        const qpair *q = &sc->quotes.v[i];
        if (q->close > b)
            break;
        bool launched = false;
        if (!name_like(s, q, a, b, false, &launched) || is_metaphor(sc, q->inner, q->close) ||
            paired(s, sc, i))
            continue;
        if (!launched && in_title(sc, s + q->inner, q->close - q->inner))
            continue; /* the essay's topic (点亮“夜经济”), not this place's initiative */
        size_t after = past_close(s, q);
        bool de_after = !launched && b - after >= 3 && memcmp(s + after, "的", 3) == 0;
        if (!launched && b - after >= 3 && memcmp(s + after, "号", 3) == 0 &&
            !(b - after >= 6 && memcmp(s + after + 3, "召", 3) == 0))
            continue; /* a craft's name (“蛟龙”号、“深海勇士”号等大国重器), no practice; 号召 is
                         a call the place made */
        if (ends_with(s, q->open, "的") || de_after) {
            /* after 的, an adjective (昔日的“小众”艺术); before it, unlaunched, what qualifies a
               noun (昔日“沙进人退”的局面得到扭转: the problem solved); past the place's own
               clause, both are no name */
            if (*first_break == SIZE_MAX)
                *first_break = clause_end(s, a, b);
            if (q->open > *first_break)
                continue;
        }
        return (el_span){base + q->inner, q->close - q->inner};
    }
    return (el_span){0, 0};
}

/* Links written between an initiative's quoted name and the place it started in (“枫桥经验”发源于
   浙江诸暨, “最多跑一次”改革起步于浙江). */
/* clang-format off */
#define ORIGIN_LINKS_WORDS(X)                                                                      \
    X("发源于") X("起源于") X("诞生于") X("始于") X("起步于") X("首创于") X("首倡于") X("发端于")  \
    X("兴起于") X("萌芽于") X("肇始于") X("发轫于") X("源于") X("源自")
/* clang-format on */
static const word origin_links[] = {ORIGIN_LINKS_WORDS(WORD_ITEM)};
static const uint64_t origin_links_keys = 0 ORIGIN_LINKS_WORDS(SUFFIX_KEY);
/* Written right after the place, these make 在 before it a link of origin too (“千万工程”在浙江
   率先实施); 在 alone (“千万工程”在浙江推行) tells where a practice goes on, not where it began. */
static const word origin_acts[] = {W("率先"), W("首创"), W("首倡"), W("探索"), W("最早"),
                                   W("首先"), W("最先"), W("发源"), W("起源"), W("诞生"),
                                   W("起步"), W("兴起"), W("萌芽"), W("试点"), W("先行")};
/* Written before the link, these tell a first time as well (“千万工程”最早在浙江实施). */
static const word origin_first[] = {W("最早"), W("率先"), W("首先"), W("最先")};
/* Nouns that may stand between a fronted name and its link, besides the institutions
   (“两山”理念诞生于浙江安吉). */
static const word fronted_nouns[] = {W("理念"), W("政策")};
/* Written after 在 and the place, a verb of carrying a practice out, maybe after an adverb of
   scope or manner, says the place took it up as its own (“千万工程”在浙江推行, “最多跑一次”改革在
   浙江全面推行, “河长制”在江苏全省推开): a case as an origin is. */
static const word carry_adverbs[] = {W("全面"), W("广泛"), W("大力"), W("深入"), W("普遍"),
                                     W("逐步"), W("全域"), W("全省"), W("全市"), W("全县"),
                                     W("全区"), W("全境"), W("成功"), W("正式"), W("相继"),
                                     W("陆续"), W("先后"), W("积极")};
static const word carry_verbs[] = {W("推行"), W("推广"), W("实施"), W("施行"), W("落地"), W("开展"),
                                   W("试点"), W("推开"), W("铺开"), W("展开"), W("推进")};
/* Characters of a date written between an origin link and the place (始于2003年的浙江, 发源于
   上世纪60年代的浙江诸暨), besides the digits: the numerals and the words of a time. */
static const uint32_t date_chars[] = {U'〇', U'一', U'七', U'三', U'上', U'世', U'九',
                                      U'二', U'五', U'代', U'八', U'六', U'初', U'十',
                                      U'四', U'年', U'月', U'末', U'本', U'纪', U'零'};
/* How many characters a date between an origin link and the place may have. */
#define EL_CASES_DATE_CHARS 12

/* Whether s[a..) opens with a carry_verbs word, maybe after a carry_adverbs word (推行, 全面推行).
 */
static bool carried_out(const char *s, size_t a, size_t n)
{
    size_t k = prefix_of(s + a, n - a, WORDS(carry_adverbs));
    return prefix_of(s + a + k, n - a - k, WORDS(carry_verbs));
}

/*
 * Length of the date and 的 that end s[0..i) (2003年的, 上世纪60年代的), 0 if none: a run of
 * digits and date_chars with a digit or numeral in it, ending in 年, 代, 纪, 月, 初 or 末, then 的.
 */
static size_t date_de(const char *s, size_t i)
{
    if (!ends_with(s, i, "的"))
        return 0;
    size_t j = i - 3, k;
    if (!(ends_with(s, j, "年") || ends_with(s, j, "代") || ends_with(s, j, "纪") ||
          ends_with(s, j, "月") || ends_with(s, j, "初") || ends_with(s, j, "末")))
        return 0;
    bool number = false;
    for (int chars = 0; j > 0 && chars < EL_CASES_DATE_CHARS; chars++) {
        size_t p = el_text_back(s, j);
        uint32_t c = el_text_cp(s, j, p, &k);
        bool digit = (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19);
        if (!digit && !(j - p == 3 && IN_SET(c, date_chars)))
            break;
        number |= digit || (j - p == 3 && IN_SET(c, cn_numerals));
        j = p;
    }
    return number ? i - j : 0;
}

/* How many characters back from its closing mark the opening mark of a fronted name is looked
   for: name_like takes no longer name. */
#define EL_CASES_NAME_CHARS 21

/*
 * The quotation whose closing mark (” 」 』 or an ASCII ") ends s[0..i), into *q: its opening
 * mark of the same kind, looked for over at most EL_CASES_NAME_CHARS characters back; false if
 * there is none there or another quotation mark comes first.
 */
static bool quote_before(const char *s, size_t i, qpair *q)
{
    uint32_t open = 0;
    size_t j = 0, k;
    if (i >= 1 && s[i - 1] == '"') {
        open = '"';
        j = i - 1;
    } else if (i >= 3) {
        uint32_t c = el_text_cp(s, i, i - 3, &k);
        open = c == 0x201D ? 0x201C : c == 0x300D ? 0x300C : c == 0x300F ? 0x300E : 0;
        j = i - 3;
    }
    if (open == 0)
        return false;
    size_t close = j;
    for (int chars = 0; j > 0 && chars < EL_CASES_NAME_CHARS; chars++) {
        size_t p = el_text_back(s, j);
        uint32_t c = el_text_cp(s, j, p, &k);
        if (c == open) {
            *q = (qpair){p, p + (open == '"' ? 1 : 3), close};
            return true;
        }
        if (c == '"' || c == 0x201C || c == 0x201D || (c >= 0x300C && c <= 0x300F))
            return false;
        j = p;
    }
    return false;
}

/*
 * Whether the place m, written where no clause starts, is the place an initiative named
 * before it started in: the name in quotation marks opens the clause (after a break or lead
 * words, clause_start), then maybe an institution noun (“最多跑一次”改革, “两山”理念), maybe an
 * adverb of a first time (最早), then an origin link right before the place (发源于, 起步于…) or
 * before a date and 的 there (始于2003年的浙江), or 在 with a first time before it or after the
 * place (“千万工程”在浙江率先实施), or 在 with an adverb and a verb of carrying it out after the
 * place (“最多跑一次”改革在浙江全面推行, carried_out). The term must be a name (name_like, no
 * lexicon metaphor). If so, the quotation is kept in m->fopen and m->fclose. Most places fail on
 * the first tests, a key of the link's last byte and 的 or 在 before the place.
 */
static bool fronted(const char *s, size_t n, const struct scan *sc, mention *m)
{
    size_t i = m->s, k = suffix_in(s, i, KEYED(origin_links));
    bool at = k == 0;
    if (at) {
        size_t d = date_de(s, i);
        if (d && (k = suffix_in(s, i - d, KEYED(origin_links))) != 0) {
            at = false; /* 始于2003年的浙江: the date is the origin's */
            i -= d;
        } else if (!ends_with(s, i, "在"))
            return false;
        else
            k = 3;
    }
    i -= k;
    size_t first = suffix_of(s, i, WORDS(origin_first));
    if (at && !first && !prefix_of(s + m->e, n - m->e, WORDS(origin_acts)) &&
        !carried_out(s, m->e, n))
        return false;
    i -= first;
    size_t noun = suffix_of(s, i, WORDS(institutions));
    i -= noun ? noun : suffix_of(s, i, WORDS(fronted_nouns));
    qpair q;
    bool launched;
    if (!quote_before(s, i, &q) || !clause_start(s, q.open) ||
        !name_like(s, &q, m->e, m->s, true, &launched) || is_metaphor(sc, q.inner, q.close))
        return false;
    m->fopen = q.open + 1;
    m->fclose = q.close + 1;
    return true;
}

/* Index of the first statistic at or after plain offset x, known to be lo or later. */
static size_t stat_lower(const el_doc *doc, size_t x, size_t lo)
{
    size_t hi = doc->stats.n;
    /* The cases go forward through the text: the answer is mostly lo or a step or two on. */
    for (int step = 0; step < 4 && lo < hi; step++, lo++)
        if (doc->stats.v[lo].txt.off >= x)
            return lo;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->stats.v[mid].txt.off < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Collect the paragraph's lexicon hits by category, all sorted by start. */
static void scan_para(el_doc *doc, size_t base, size_t n, struct scan *sc)
{
    sc->places.n = sc->metaphors.n = 0;
    sc->contrast.n = sc->problems.n = sc->ends.n = sc->quotes.n = sc->dq.n = sc->cq.n = 0;
    sc->que.n = 0;
    sc->ments.n = sc->cments.n = 0;
    sc->s = doc->plain.v + base;
    el_doc_lex_scan_cats(doc, base, n, SCAN_CATS, on_hit, sc);
    sort_hits(&sc->places);
    sort_hits(&sc->metaphors);
    sort_offs(&sc->contrast);
    sort_offs(&sc->problems);
    sort_offs(&sc->que);
}

static void scan_free(struct scan *sc)
{
    free(sc->places.v);
    free(sc->metaphors.v);
    free(sc->contrast.v);
    free(sc->problems.v);
    free(sc->que.v);
    free(sc->ends.v);
    free(sc->quotes.v);
    free(sc->dq.v);
    free(sc->cq.v);
    free(sc->qtmp.v);
    free(sc->ments.v);
    free(sc->tmp.v);
    free(sc->cments.v);
}

/* Start of the sentence (or ；-group) holding offset x: just past the previous group end. */
static size_t group_start(const char *s, const struct scan *sc, size_t x)
{
    size_t i = lower_bound(&sc->ends, x);
    if (i == 0)
        return 0;
    size_t e = sc->ends.v[i - 1], k;
    el_text_cp(s, x, e, &k);
    return e + k;
}

/* End of the group holding offset x: the next group end mark (included), or n. */
static size_t group_end(const char *s, size_t n, const struct scan *sc, size_t x)
{
    size_t i = lower_bound(&sc->ends, x);
    if (i == sc->ends.n)
        return n;
    size_t k;
    el_text_cp(s, n, sc->ends.v[i], &k);
    return sc->ends.v[i] + k;
}

/* Narrow m to its candidates in province pv; false (m unchanged) if it has none there. */
static bool restrict_to(mention *m, int pv)
{
    unsigned long long keep = 0;
    for (size_t j = 0; j < m->ncand && j < 64; j++)
        if ((m->allowed >> j & 1) && el_lex_place(m->cand[j].place)->province == pv)
            keep |= 1ULL << j;
    if (!keep)
        return false;
    m->allowed = keep;
    m->province = mention_province(m);
    return true;
}

/* Whether some allowed candidate of m lies strictly within an allowed candidate of p:
   深圳市南山区 within 广东. */
static bool inside(const mention *m, const mention *p)
{
    for (size_t i = 0; i < m->ncand && i < 64; i++) {
        if (!(m->allowed >> i & 1))
            continue;
        for (size_t j = 0; j < p->ncand && j < 64; j++)
            if ((p->allowed >> j & 1) && m->cand[i].place != p->cand[j].place &&
                el_lex_place_within(m->cand[i].place, p->cand[j].place))
                return true;
    }
    return false;
}

/* Whether m names a place that was already a case (any of its readings, for 朝阳区). */
static bool seen_before(const struct memory *mem, const mention *m)
{
    if (m->conf)
        return mem->conf_seen[(m->conf - 1) / 8] >> ((m->conf - 1) % 8) & 1;
    if (m->anonk && (mem->anon_seen >> (m->anonk - 1) & 1))
        return true;
    if (m->anon)
        return false;
    for (size_t j = 0; j < m->ncand && j < 64; j++) {
        unsigned p = m->cand[j].place;
        if ((m->allowed >> j & 1) && (mem->seen[p / 8] >> (p % 8) & 1))
            return true;
    }
    return false;
}

/* Remember that m is a case: its readings and its province (浙江的经验 after 浙江省杭州市). */
static void remember(struct memory *mem, const mention *m)
{
    if (m->conf)
        mem->conf_seen[(m->conf - 1) / 8] |= (unsigned char)(1u << ((m->conf - 1) % 8));
    if (m->anonk)
        mem->anon_seen |= 1u << (m->anonk - 1);
    if (m->anon)
        return;
    for (size_t j = 0; j < m->ncand && j < 64; j++) {
        unsigned p = m->cand[j].place;
        if (m->allowed >> j & 1)
            mem->seen[p / 8] |= (unsigned char)(1u << (p % 8));
    }
    if (m->province >= 0) {
        unsigned p = el_lex_province(m->province)->place;
        mem->seen[p / 8] |= (unsigned char)(1u << (p % 8));
    }
}

/* Whether m refers back to an earlier case (朝阳区的经验告诉我们…) instead of telling one. The
   memory is asked first: most places were no case before, and it is a few bit tests. */
static bool back_reference(const char *s, size_t n, const struct memory *mem, const mention *m)
{
    return seen_before(mem, m) && prefix_of(s + m->e, n - m->e, WORDS(backref_after));
}

/* Whether s[a..b) is a single comma: 在广东，深圳市南山区… */
static bool just_comma(const char *s, size_t a, size_t b)
{
    return (b - a == 1 && s[a] == ',') || (b - a == 3 && memcmp(s + a, "，", 3) == 0);
}

/* Most members of one list compared with a later member for being the same place: a
   hostile list of thousands of places stays linear. */
#define EL_CASES_LIST_CMP 8

/* Cases of one paragraph at plain offset base. */
/* Contrast markers that name other places (一些地方搞形式主义): a place after them that 却
   does something with no problem word (某县却坚持实干) is the example set against them. */
static const word other_places[] = {W("一些地方"), W("有的地方"), W("个别"), W("部分地方"),
                                    W("少数地方")};

/* Markers that turn from what was said before (与之相反，南平市开展…): they set the place
   against the sentence before, whichever way that went, so the place's own words decide. */
static const word reversals[] = {W("与之相反"), W("与此相反"), W("恰恰相反"), W("相反")};

/*
 * Words that tell a practice's success (破解了拥堵难题, 值得借鉴, 有效缓解): written in a case
 * after its place, they make it an example held up whatever the word that led to it (然而，
 * 杭州市通过“城市大脑”破解了拥堵难题: the problem was before). Not 经验, which counter-examples
 * copy (盲目照搬外地经验).
 */
/* clang-format off */
#define SUCCESS_WORDS(X)                                                                           \
    X("破解") X("值得借鉴") X("值得学习") X("可圈可点") X("有效") X("成功") X("走在前列")          \
    X("走在全国前列") X("成效") X("率先") X("缓解") X("赢得") X("好评") X("标杆") X("样板")        \
    X("典范") X("闯出") X("蹚出") X("探索出") X("脱颖而出") X("名列前茅") X("大幅") X("改善")      \
    X("解决") X("焕然一新") X("扭转") X("摆脱") X("缩小") X("走出")
/* clang-format on */
static const word success_words[] = {SUCCESS_WORDS(WORD_ITEM)};
static const uint64_t success_words_keys = 0 SUCCESS_WORDS(PREFIX_KEY);
/* Written right after a success word, these take it back (成效不佳, 成效甚微). */
static const word success_undone[] = {W("不"), W("甚微"), W("欠佳"), W("有限"), W("寥寥")};
/* Written right before a success word, these deny it (未能有效, 难以破解, 亟待改善), and the
   success word right after a denied one (未能有效解决). */
static const word success_not[] = {W("未"),   W("不"),   W("没"),   W("无"),   W("未能"),
                                   W("没能"), W("不能"), W("难以"), W("无法"), W("缺乏"),
                                   W("缺少"), W("亟待"), W("有待"), W("尚未"), W("并未")};
/* Problems of an anonymised place that the lexicon's problem words do not name (某县的差距明显,
   把“扶贫车间”建成了空架子, 常年“铁将军把门”). */
/* clang-format off */
#define ANON_PROBLEMS_WORDS(X)                                                                     \
    X("差距") X("空架子") X("空壳") X("铁将军把门") X("摆设") X("大打折扣") X("不尽如人意")        \
    X("门庭冷落") X("意见很大") X("怨声载道")
/* clang-format on */
static const word anon_problems[] = {ANON_PROBLEMS_WORDS(WORD_ITEM)};
static const uint64_t anon_problems_keys = 0 ANON_PROBLEMS_WORDS(PREFIX_KEY);

/* What the words of a case after its place say: where the first success word not denied is
   (SIZE_MAX: none), and where the last of anon_problems is (SIZE_MAX: none). */
struct verdict {
    size_t success, problem;
};

/* The masks of the second bytes of the words of success_words and anon_problems, as list_keys
   are of the third: a character whose two bytes are not both in their masks starts no word. */
#define SECOND_KEY(x) | 1ULL << ((unsigned char)(x)[1] & 63)
static const uint64_t success_words_keys1 = 0 SUCCESS_WORDS(SECOND_KEY);
static const uint64_t anon_problems_keys1 = 0 ANON_PROBLEMS_WORDS(SECOND_KEY);

/* The verdict of s[a..b), a starting a character: one walk over its characters outside
   quotation marks (quoted words are figures or others' words: 群众直呼“走出”). The words of
   both lists are Han: only a character of three bytes is tested, first on the keys of its
   second and third bytes, which pass most characters over. The quotes are sorted by opening
   mark. */
static struct verdict case_words(const char *s, const struct scan *sc, size_t a, size_t b)
{
    const unsigned char *u = (const unsigned char *)s;
    struct verdict v = {SIZE_MAX, SIZE_MAX};
    size_t denied = SIZE_MAX; /* just past a denied success word */
    size_t qi = 0, hi = sc->quotes.n;
    while (qi < hi) { /* the first quote opening at a or later */
        size_t mid = qi + (hi - qi) / 2;
        if (sc->quotes.v[mid].open < a)
            qi = mid + 1;
        else
            hi = mid;
    }
    size_t next = qi < sc->quotes.n ? sc->quotes.v[qi].open : SIZE_MAX;
    for (size_t i = a; i < b;) {
        if (i >= next) { /* pass the quote, and the quotes inside it */
            size_t c = past_close(s, &sc->quotes.v[qi]);
            if (c > i)
                i = c;
            while (qi < sc->quotes.n && sc->quotes.v[qi].open < i)
                qi++;
            next = qi < sc->quotes.n ? sc->quotes.v[qi].open : SIZE_MAX;
            continue;
        }
        unsigned c0 = u[i];
        if ((c0 & 0xF0) != 0xE0 || b - i < 6) {
            i += c0 < 0xC0 ? 1 : c0 < 0xE0 ? 2 : c0 < 0xF0 ? 3 : 4;
            continue;
        }
        unsigned c1 = u[i + 1] & 63, c2 = u[i + 2] & 63;
        if (!((success_words_keys1 | anon_problems_keys1) >> c1 & 1)) {
            i += 3;
            continue;
        }
        size_t k;
        if (v.success == SIZE_MAX && (success_words_keys1 >> c1 & 1) &&
            (success_words_keys >> c2 & 1) && (k = prefix_of(s + i, b - i, WORDS(success_words)))) {
            if (i == denied || suffix_of(s, i, WORDS(success_not)) ||
                prefix_of(s + i + k, b - i - k, WORDS(success_undone)))
                denied = i + k;
            else
                v.success = i;
        }
        if ((anon_problems_keys1 >> c1 & 1) && (anon_problems_keys >> c2 & 1) &&
            prefix_of(s + i, b - i, WORDS(anon_problems)))
            v.problem = i;
        i += 3;
    }
    return v;
}

/* How far back from a place the clause mark of a comparison it answers is looked for. */
#define EL_CASES_COMPARE_WINDOW 60

/*
 * Whether the contrast marker at s[c] is the far side of a comparison that the place at s[p]
 * answers (与一些地方“重数量、轻质量”的做法不同，上海市浦东新区…): the marker follows 与 同 跟
 * or 和, and the words before the place's clause end with 不同 or 相比. The marker then names
 * what the place is set against: the place is the example held up, not a counter-example.
 */
static bool compared_away(const char *s, size_t c, size_t p)
{
    if (!ends_with(s, c, "与") && !ends_with(s, c, "同") && !ends_with(s, c, "跟") &&
        !ends_with(s, c, "和"))
        return false;
    size_t lo = p - c > EL_CASES_COMPARE_WINDOW ? p - EL_CASES_COMPARE_WINDOW : c, k;
    for (size_t j = p; j > lo;) { /* back to the mark that opens the place's clause */
        size_t b = el_text_back(s, j);
        uint32_t d = el_text_cp(s, j, b, &k);
        if (is_clause_break(d) || (d == '.' && ascii_period(s, p, b)))
            return ends_with(s, b, "不同") || ends_with(s, b, "相比") || ends_with(s, b, "不一样");
        j = b;
    }
    return false;
}

static void para_cases(el_doc *doc, struct scan *sc, struct memory *mem, size_t base, size_t n,
                       int section)
{
    const char *s = doc->plain.v + base;
    scan_para(doc, base, n, sc);
    if (sc->nconf) {
        find_conf(s, n, sc);
        yield_to_conf(sc);
    }
    build_chains(s, n, sc);
    if (sc->cments.n)
        absorb_conf(sc);
    size_t nchain = sc->ments.n;
    find_anon(s, n, sc);
    merge_mentions(sc, nchain);
    if (sc->cments.n) {
        size_t k = sc->ments.n;
        for (size_t i = 0; i < sc->cments.n; i++)
            *EL_VEC_PUSH(sc->ments) = sc->cments.v[i];
        merge_mentions(sc, k);
    }
    if (sc->ments.n == 0)
        return;

    /* Drop overlaps, and find the lists of places. A list that ends with 等 (北京、上海、广州等
       城市) names regions, it does not tell a practice of one place; any other list (安徽省黄山市
       与浙江省杭州市共建…) tells one practice of each member. */
    size_t o = 0;
    for (size_t i = 0; i < sc->ments.n; i++) {
        mention *m = &sc->ments.v[i];
        if (o > 0 && m->s < sc->ments.v[o - 1].e)
            continue;
        if (o > 0 && m->anon && !sc->ments.v[o - 1].anon && sc->ments.v[o - 1].e == m->s) {
            /* 广东省某市: an anonymised place inside a named one; the province is known. */
            sc->ments.v[o - 1].e = m->e;
            sc->ments.v[o - 1].anon = true;
            sc->ments.v[o - 1].anonk = m->anonk;
            sc->ments.v[o - 1].conf = 0; /* 书香新区某村 is a 某村 */
            continue;
        }
        m->list = prefix_of(s + m->e, n - m->e, WORDS(list_end)) > 0;
        m->joined = o > 0 && one_in(s + sc->ments.v[o - 1].e, m->s - sc->ments.v[o - 1].e,
                                    KEYED(list_links));
        /* 等 ends the list: every member before names a region too. The walk stops at a
           member already marked, so each is marked once. */
        for (size_t k = o; m->list && m->joined && k > 0; k--) {
            mention *p = &sc->ments.v[k - 1];
            if (p->list)
                break;
            p->list = true;
            if (!p->joined)
                break;
        }
        if (o++ != i)
            sc->ments.v[o - 1] = *m;
    }
    sc->ments.n = o;

    /* Keep the anchors: anonymised places outside quotation marks (编造“某地发生重大疫情”的
       谣言 quotes words, it tells no practice), named chains where a clause starts, and the
       later members of a list whose first member is kept. The quotes are sorted by opening
       mark and the mentions by start: one sweep keeps the furthest close of the quotes opened
       so far, and a mention starting before it lies inside a quote. */
    bool any_anon = false; /* the marks are needed only for them, or once a case is kept */
    for (size_t i = 0; i < sc->ments.n && !any_anon; i++)
        any_anon = sc->ments.v[i].anon;
    if (any_anon)
        find_quotes(s, n, sc);
    o = 0;
    bool prev_kept = false;
    size_t qi = 0, qclose = 0;
    for (size_t i = 0; i < sc->ments.n; i++) {
        mention *m = &sc->ments.v[i];
        bool keep;
        for (; qi < sc->quotes.n && sc->quotes.v[qi].open < m->s; qi++)
            if (sc->quotes.v[qi].close > qclose)
                qclose = sc->quotes.v[qi].close;
        if (m->anon) {
            keep = qclose <= m->s;
            /* (kept wherever it stands; a name written first still names it: “积分制”起源于某村) */
            if (keep && !m->joined)
                fronted(s, n, sc, m);
        } else if (m->list || m->concept || prefix_of(s + m->s, n - m->s, WORDS(place_idioms)))
            keep = false;
        else
            keep = m->joined ? prev_kept : clause_start(s, m->s) || fronted(s, n, sc, m);
        if (keep && m->joined && !prev_kept)
            m->joined = false; /* the list's first member is not a case: this one starts */
        prev_kept = keep;
        if (keep && o++ != i)
            sc->ments.v[o - 1] = *m; /* o < i: not the same mention */
    }
    sc->ments.n = o;
    if (o == 0)
        return; /* no case */
    if (!any_anon)
        find_quotes(s, n, sc);

    /* A province or city, a comma, then a place within it (在广东，深圳市南山区推行…): the case
       is the more specific place, and the broader one resolves it. A configured place has no
       gazetteer readings to test: one with no province, or with the same one, is taken to lie
       within the place before it (在浙江，书香新区…). */
    o = 0;
    for (size_t i = 0; i < sc->ments.n; i++) {
        mention *m = &sc->ments.v[i], *next = i + 1 < sc->ments.n ? m + 1 : NULL;
        if (next && !m->anon && !next->anon && !m->joined && !next->joined &&
            just_comma(s, m->e, next->s)) {
            if (inside(next, m)) {
                if (next->province < 0 && m->province >= 0)
                    restrict_to(next, m->province);
                continue;
            }
            if (next->conf && !m->conf && m->province >= 0 &&
                (next->province < 0 || next->province == m->province)) {
                next->province = m->province;
                continue;
            }
        }
        if (o++ != i)
            sc->ments.v[o - 1] = *m;
    }
    sc->ments.n = o;

    /* Second chance for an ambiguous name (朝阳区): a place written earlier in the same
       sentence, else how the same name was resolved earlier in the paragraph. */
    memset(mem->entry, 0, sizeof mem->entry);
    for (size_t i = 0; i < sc->ments.n; i++) {
        mention *m = &sc->ments.v[i], *p = i > 0 ? &sc->ments.v[i - 1] : NULL;
        if (m->anon || m->conf)
            continue; /* no gazetteer readings to narrow */
        if (m->province < 0 && p && !p->anon && p->province >= 0 &&
            group_start(s, sc, m->s) <= p->s)
            restrict_to(m, p->province);
        if (m->province < 0)
            for (size_t j = 0; j < EL_CASES_MEMORY; j++)
                if (mem->entry[j] == m->last + 1 && restrict_to(m, mem->province[j]))
                    break;
        if (m->province >= 0 && m->ncand > 1) {
            mem->entry[mem->next] = m->last + 1;
            mem->province[mem->next] = m->province;
            mem->next = (mem->next + 1) % EL_CASES_MEMORY;
        }
    }

    for (size_t i = 0; i < sc->ments.n;) {
        mention *m = &sc->ments.v[i];
        /* The members of a list, m first, lm last. */
        size_t last = i;
        while (last + 1 < sc->ments.n && sc->ments.v[last + 1].joined)
            last++;
        mention *lm = &sc->ments.v[last];
        size_t end = group_end(s, n, sc, lm->e);
        if (back_reference(s, n, mem, lm) && (i == last || seen_before(mem, m))) {
            /* No case; the same place again in the group belongs to the reference too. */
            size_t j = last + 1;
            while (j < sc->ments.n && sc->ments.v[j].s < end && related(lm, &sc->ments.v[j]))
                j++;
            i = j;
            continue;
        }
        for (size_t k = i; k <= last; k++)
            remember(mem, &sc->ments.v[k]);
        /* Later mentions in the group: the same place again, or a reference back to a case,
           joins this case; another place starts the next case and ends this one. */
        size_t j = last + 1;
        while (j < sc->ments.n && sc->ments.v[j].s < end &&
               (related(m, &sc->ments.v[j]) || (lm != m && related(lm, &sc->ments.v[j])) ||
                back_reference(s, n, mem, &sc->ments.v[j])))
            j++;
        if (j < sc->ments.n && sc->ments.v[j].s < end) {
            /* (the next case starts at its name, when that is written first) */
            const mention *nx = &sc->ments.v[j];
            end = nx->fclose && nx->fopen - 1 >= lm->e ? nx->fopen - 1 : nx->s;
        }

        bool anon = false;
        for (size_t k = i; k <= last && !anon; k++)
            anon = sc->ments.v[k].anon;
        /* A contrast marker before the place in its group; a problem word in the case of an
           anonymised place (某地毁林近百亩); or 却 in the place's own clause with a problem word
           after it in that clause (某市却因管理疏漏…, B县却门可罗雀). 却 alone is not enough
           (不少地方还在观望，杭州却率先行动，破解了审批难题). The group's start is sought only
           if a contrast marker comes before the place (the last one before it must lie in the
           group), the clause's end only if 却 comes in the case or find_name asks for it: mostly
           none of them does. */
        size_t ci = lower_bound(&sc->contrast, m->s), ui = lower_bound(&sc->que, lm->e);
        size_t fb = SIZE_MAX; /* clause_end(s, lm->e, end), when first needed */
        if (ui < sc->que.n && sc->que.v[ui] < end)
            fb = clause_end(s, lm->e, end);
        bool que = ui < sc->que.n && sc->que.v[ui] < end && sc->que.v[ui] < fb;
        bool que_problem = que && any_in(&sc->problems, sc->que.v[ui], fb);
        size_t cm = ci > 0 ? sc->contrast.v[ci - 1] : 0;
        bool problem = any_in(&sc->problems, lm->e, end);
        bool negative = (ci > 0 && cm >= group_start(s, sc, m->s) && !compared_away(s, cm, m->s) &&
                         !(que && !que_problem && prefix_of(s + cm, n - cm, WORDS(other_places))) &&
                         (problem || !prefix_of(s + cm, n - cm, WORDS(reversals)))) ||
                        (anon && problem) || que_problem;
        if (anon && !negative && ui < sc->que.n && sc->que.v[ui] < end) {
            /* 却 past an anonymised place's own clause turns what the place did (某县建成了
               图书馆，却常年“铁将军把门”); in that clause it sets the place against others
               (个别地方…，某县却坚持实干) */
            if (fb == SIZE_MAX)
                fb = clause_end(s, lm->e, end);
            negative = any_in(&sc->que, fb, end);
        }
        /* The case's own words, read only for a counter-example so far or an anonymised place
           (most cases are neither): a problem the lexicon lacks makes an anonymised place one
           (某县的差距明显), and a success word not taken back (by a contrast marker after it
           with a problem after that: 虽然成功引进了项目，却闲置多年) makes any case an example
           held up, whatever led to it (然而，杭州市…破解了拥堵难题). */
        if (negative || anon) {
            struct verdict vd = case_words(s, sc, lm->e, end);
            negative |= anon && vd.problem != SIZE_MAX;
            if (negative && vd.success != SIZE_MAX) {
                /* (a problem after a later marker is after the first one too) */
                size_t ti = lower_bound(&sc->contrast, vd.success), tc;
                negative =
                    ti < sc->contrast.n && (tc = sc->contrast.v[ti]) < end &&
                    (any_in(&sc->problems, tc, end) || (vd.problem != SIZE_MAX && vd.problem > tc));
            }
        }
        /* A case whose name is written first (“枫桥经验”发源于浙江诸暨) starts at that name and
           is named by it, unless it is the essay's topic. */
        size_t start = m->fclose ? m->fopen - 1 : m->s;
        el_span name = {0, 0};
        if (!negative && m->fclose) {
            size_t in = start + (s[start] == '"' ? 1 : 3), len = m->fclose - 1 - in;
            if (!in_title(sc, s + in, len))
                name = (el_span){base + in, len};
        } else if (!negative) {
            name = find_name(s, sc, lm->e, &fb, end, base);
        }
        /* where the last case's statistics end: the bound to start from, when the statistic
           before it lies before the case (the cases go forward through the text) */
        size_t from = sc->stat_next;
        if (from > doc->stats.n || (from > 0 && doc->stats.v[from - 1].txt.off >= base + start))
            from = 0;
        size_t st0 = stat_lower(doc, base + start, from), st1 = stat_lower(doc, base + end, st0);
        sc->stat_next = st1;
        for (size_t k = i; k <= last; k++) {
            const mention *mk = &sc->ments.v[k];
            bool again = false;
            for (size_t q = k; q > i && q + EL_CASES_LIST_CMP > k && !again; q--)
                again = related(&sc->ments.v[q - 1], mk);
            if (again)
                continue; /* 浙江省与杭州市: the same place again */
            if (doc->cases.n >= EL_ITEMS_MAX)
                return;
            el_case *c = EL_VEC_PUSH(doc->cases);
            memset(c, 0, sizeof *c);
            c->place = (el_span){base + mk->s, mk->e - mk->s};
            c->span = (el_span){base + start, end - start};
            c->province = mk->province;
            c->section = section;
            c->negative = negative;
            c->name = name;
            c->stat0 = st0;
            c->nstat = st1 - st0;
        }
        i = j;
    }
}

/* Map each paragraph to its section: one pass over the section ranges. */
static int *para_sections(const el_doc *doc)
{
    int *ps = xmalloc((doc->paras.n ? doc->paras.n : 1) * sizeof *ps);
    for (size_t p = 0; p < doc->paras.n; p++)
        ps[p] = -1;
    for (size_t k = 0; k < doc->sections.n; k++) {
        const el_section *sec = &doc->sections.v[k];
        for (size_t p = sec->para0; p < sec->para0 + sec->npara && p < doc->paras.n; p++)
            ps[p] = (int)k;
    }
    return ps;
}

/* The longest place hit at the start of a configured name whose strong readings are all
   provinces or cities of one province (浙江省书香新区, 杭州湾新区). */
struct conf_prefix {
    size_t best;
    int province;
};

static void on_conf_hit(void *ctx, const el_lex_hit *h)
{
    struct conf_prefix *cp = ctx;
    if (h->cat != EL_LEX_PLACE || h->start != 0 || h->end <= cp->best)
        return;
    const el_lex_cand *c;
    size_t n = el_lex_place_candidates(h->entry, &c);
    int pv = -1;
    for (size_t i = 0; i < n; i++) {
        if (c[i].flags & EL_LEX_WEAK)
            continue;
        const el_place *pl = el_lex_place(c[i].place);
        if (pl->level == EL_PLACE_COUNTY || (pv >= 0 && pl->province != pv))
            return; /* 朝阳: a county, or two provinces */
        pv = pl->province;
    }
    if (pv >= 0) {
        cp->best = h->end;
        cp->province = pv;
    }
}

/* Province a configured place name starts with (浙江省书香新区: 浙江), or -1. */
static int conf_province(const char *name, size_t len)
{
    struct conf_prefix cp = {0, -1};
    el_lex_scan(name, len, on_conf_hit, &cp);
    return cp.province;
}

/*
 * The configured places, or NULL (*n 0) when there are none. A name that starts with a
 * UTF-8 continuation byte could match inside a character of the text: it is left out.
 */
static struct conf_place *conf_places(const el_config *cfg, size_t *n)
{
    char *const *names;
    size_t k = el_config_places(cfg, &names), o = 0;
    *n = 0;
    if (k == 0)
        return NULL;
    struct conf_place *cp = xmalloc(k * sizeof *cp);
    for (size_t i = 0; i < k; i++) {
        size_t len = strlen(names[i]);
        if (len == 0 || ((unsigned char)names[i][0] & 0xC0) == 0x80)
            continue;
        cp[o++] = (struct conf_place){names[i], len, conf_province(names[i], len)};
    }
    *n = o;
    return cp;
}

static int cmp_span(const void *a, const void *b)
{
    const el_span *x = a, *y = b;
    return x->off < y->off ? -1 : x->off > y->off;
}

/*
 * Drop the statistics written inside a case's initiative name (借助“三个课堂”, 出台生育支持
 * “十二条”): the numeral belongs to the name, it is no evidence. The cases' statistic ranges
 * are renumbered. Names and statistics are both swept in order of offset: linear after the
 * sort of the names.
 */
static void drop_name_stats(el_doc *doc)
{
    size_t nn = 0;
    for (size_t i = 0; i < doc->cases.n; i++)
        nn += doc->cases.v[i].name.len > 0;
    if (nn == 0 || doc->stats.n == 0)
        return;
    el_span *names = xmalloc(nn * sizeof *names);
    nn = 0;
    for (size_t i = 0; i < doc->cases.n; i++)
        if (doc->cases.v[i].name.len)
            names[nn++] = doc->cases.v[i].name;
    /* The cases come in text order and a name lies within its case, before the next case:
       the names are in order already but for unusual input, which the sort puts right. */
    bool sorted = true;
    for (size_t i = 1; i < nn && sorted; i++)
        sorted = names[i - 1].off <= names[i].off;
    if (!sorted)
        qsort(names, nn, sizeof *names, cmp_span);
    /* kept[i]: how many statistics before index i are kept (the new index of stat i); made at
       the first statistic dropped, which most documents have not: nothing moves before it */
    size_t *kept = NULL;
    size_t o = 0, k = 0, reach = 0;
    for (size_t i = 0; i < doc->stats.n; i++) {
        el_span t = doc->stats.v[i].txt;
        for (; k < nn && names[k].off <= t.off; k++)
            if (names[k].off + names[k].len > reach)
                reach = names[k].off + names[k].len;
        if (kept == NULL && k == nn && t.off > reach)
            break; /* past every name: nothing more is dropped, and nothing was */
        bool drop = t.off + t.len <= reach; /* inside a name that opens at or before it */
        if (drop && kept == NULL) {
            kept = xmalloc((doc->stats.n + 1) * sizeof *kept);
            for (size_t j = 0; j < i; j++)
                kept[j] = j;
        }
        if (kept)
            kept[i] = o;
        if (drop)
            continue;
        if (o != i)
            doc->stats.v[o] = doc->stats.v[i];
        o++;
    }
    if (kept == NULL) {
        free(names);
        return;
    }
    kept[doc->stats.n] = o;
    for (size_t i = 0; i < doc->cases.n; i++) {
        el_case *c = &doc->cases.v[i];
        size_t a = c->stat0, b = c->stat0 + c->nstat;
        c->stat0 = kept[a];
        c->nstat = kept[b] - kept[a];
    }
    doc->stats.n = o;
    free(kept);
    free(names);
}

/* Room at once for what no paragraph of the document can exceed: its hits of each category
   (up to EL_CASES_RESERVE), so that the lists do not grow paragraph by paragraph, a
   reallocation each time. Before the first scan the counts are 0, and the lists grow. */
#define EL_CASES_RESERVE 1024
static void reserve(const el_doc *doc, struct scan *sc)
{
    size_t np = doc->lexcount[EL_LEX_PLACE], nc = doc->lexcount[EL_LEX_CONTRAST];
    size_t nm = doc->lexcount[EL_LEX_METAPHOR], nq = doc->lexcount[EL_LEX_PROBLEM];
#define RESERVE(vec, k)                                                                            \
    ((vec).v = xgrow((vec).v, &(vec).cap, (k) < EL_CASES_RESERVE ? (k) : EL_CASES_RESERVE,         \
                     sizeof *(vec).v))
    RESERVE(sc->places, np);
    RESERVE(sc->ments, np);
    RESERVE(sc->metaphors, nm);
    RESERVE(sc->contrast, nc);
    RESERVE(sc->que, nc);
    RESERVE(sc->problems, nq);
#undef RESERVE
}

/* Fill doc->cases from the 正文 paragraphs, in text order; needs doc->stats, and drops the
   statistics inside the cases' initiative names from it. */
void el_extract_cases(el_doc *doc)
{
    struct scan sc;
    struct memory mem;
    memset(&sc, 0, sizeof sc);
    memset(&mem, 0, sizeof mem);
    reserve(doc, &sc);
    mem.seen = xcalloc(el_lex_nplaces() / 8 + 1, 1);
    sc.title = el_doc_str(doc, doc->title);
    sc.ntitle = doc->title.len;
    for (size_t i = 0; i < sc.ntitle; i++)
        sc.title_keys |= 1ULL << ((unsigned char)sc.title[i] & 63);
    struct conf_place *conf = conf_places(doc->cfg, &sc.nconf);
    sc.conf = conf;
    if (sc.nconf)
        mem.conf_seen = xcalloc(sc.nconf / 8 + 1, 1);
    int *ps = para_sections(doc);
    for (size_t p = 0; p < doc->paras.n; p++)
        para_cases(doc, &sc, &mem, doc->paras.v[p].txt.off, doc->paras.v[p].txt.len, ps[p]);
    free(ps);
    drop_name_stats(doc);
    free(mem.seen);
    free(mem.conf_seen);
    free(conf);
    scan_free(&sc);
}

/* What an argument paragraph shows, from its lexicon hits. */
struct evscan {
    const char *s; /* the paragraph */
    size_t n;
    bool counter, measure;
    bool example; /* a role model of the lexicon (黄文秀, “时代楷模”): a case with no place */
};

/*
 * Evidence callback: a strong contrast marker (a contrast word of two or more characters:
 * 反观, 但也有) and a countermeasure word (one of a single character only where a
 * clause starts or after a lead word, so that 要 in 重要 or 需 in 需求 is not taken for 要/需).
 */
/* A one-character countermeasure word that starts a noun instead (要素, 应急, 需求): 用, 急,
   届, 收 and 付 only after 应 and 需 (应用, 应届, 应收账款; 要用好… is a measure); 该 too, as
   应该 is a word of its own (and 应该说 none: opinion_word). */
static bool starts_noun(const struct evscan *ev, const el_lex_hit *h)
{
    static const uint32_t noun_next[] = {U'素', U'点', U'件', U'闻', U'害', U'务', U'求', 0};
    static const uint32_t ying_next[] = {U'用', U'急', U'届', U'该', U'收', U'付', 0};
    size_t l;
    uint32_t next = h->end < ev->n ? el_text_cp(ev->s, ev->n, h->end, &l) : 0;
    for (const uint32_t *q = noun_next; *q; q++)
        if (next == *q)
            return true;
    if (h->end - h->start == 3 && memcmp(ev->s + h->start, "要", 3) == 0)
        return false;
    for (const uint32_t *q = ying_next; *q; q++)
        if (next == *q)
            return true;
    return false;
}

/* 要/应 right after an actor and not starting a noun (要素, 应急, 应用). */
static bool actor_measure(const struct evscan *ev, const el_lex_hit *h)
{
    if (h->end - h->start != 3 ||
        !(memcmp(ev->s + h->start, "要", 3) == 0 || memcmp(ev->s + h->start, "应", 3) == 0))
        return false;
    return suffix_in(ev->s, h->start, KEYED(measure_actor)) > 0 && !starts_noun(ev, h);
}

/* Whether c is one of the code points of set (0-terminated). */
static bool cp_in(uint32_t c, const uint32_t *set)
{
    for (; *set; set++)
        if (c == *set)
            return true;
    return false;
}

/*
 * 要/应/需/须 after a short subject (活化利用要坚持适度原则, 保护应以修缮为主): a modal word
 * proposes what is to be done after a subject as much as at a clause start, the way 必须 and
 * 应当 count wherever they stand. The subject is one to eight Han characters from a clause
 * start. Not taken: a word the character ends (主要, 重要, 摘要, 只要, 相应, 响应, 适应, 效应,
 * 供应) or starts (要素, 要是, 要么, 应用, 应对, 需求, 须知), and a descriptive clause: one
 * with a figure or 几 after the word (村民要走10公里, 要花几个小时), a subject that tells
 * how things go (往往, 常常, 总是, 每月, 过去) or a story's condition (见了长辈要问好).
 */
static bool subject_measure(const struct evscan *ev, const el_lex_hit *h)
{
    static const uint32_t yao_before[] = {U'主', U'重', U'需', U'摘', U'只', U'纲', U'概', U'提',
                                          U'紧', U'必', U'想', U'首', U'次', U'简', U'扼', U'机',
                                          U'显', U'不', U'索', U'将', U'快', U'纪', U'政', U'险',
                                          U'权', U'枢', U'撮', U'切', U'要', U'为', U'靠', 0};
    static const uint32_t ying_before[] = {U'相', U'响', U'适', U'效', U'供', U'反', U'对',
                                           U'回', U'感', U'呼', U'照', U'答', U'顺', U'报',
                                           U'内', U'接', U'承', U'策', 0};
    static const uint32_t xu_before[] = {U'必', U'急', U'军', U'所', U'按', U'无', U'毋',
                                         U'胡', U'触', U'莫', U'亟', U'供', 0};
    static const uint32_t yao_next[] = {U'素', U'是', U'么', U'职', U'冲', U'塞', U'地',
                                        U'道', U'员', U'案', U'领', U'诀', U'旨', U'义',
                                        U'目', U'隘', U'挟', U'账', U'价', U'命', 0};
    static const uint32_t ying_next[] = {
        U'对', U'变', U'聘', U'征', U'试', U'验', U'邀', U'酬', U'运', U'声', U'答', U'和', U'允',
        U'承', U'付', U'收', U'然', U'景', U'该', U'届', U'用', U'急', U'收', U'付', 0};
    static const uint32_t xu_next[] = {U'求', U'知', U'臾', U'发', U'要', 0};
    static const char *const telling[] = {"往往", "常常", "经常", "总是", "每天",
                                          "每年", "一直", "曾经", "过去", "以前",
                                          "当时", "有时", "每月", "每周", "每次"};
    static const uint32_t telling_first[] = {U'往', U'常', U'经', U'总', U'每', U'一',
                                             U'曾', U'过', U'以', U'当', U'有', 0};
    if (h->end - h->start != 3 || h->start == 0)
        return false;
    size_t k, i = h->start;
    uint32_t w = el_text_cp(ev->s, ev->n, i, &k);
    const uint32_t *before, *next_set;
    if (w == U'要')
        before = yao_before, next_set = yao_next;
    else if (w == U'应')
        before = ying_before, next_set = ying_next;
    else if (w == U'需' || w == U'须')
        before = xu_before, next_set = xu_next;
    else
        return false;
    /* the words around first: they turn most hits away (重要, 需要, 主要) */
    size_t j = el_text_back(ev->s, i);
    if (cp_in(el_text_cp(ev->s, i, j, &k), before))
        return false;
    uint32_t next = h->end < ev->n ? el_text_cp(ev->s, ev->n, h->end, &k) : 0;
    if (!el_text_is_han(next) || cp_in(next, next_set) || starts_noun(ev, h))
        return false; /* a modal word is followed by what is to be done */
    /* 要不来, 要不然, 要不是 (but 要不断 proposes) */
    static const char *const yao_bu[] = {"不来", "不到", "不然", "不是", "不得", "不起"};
    for (size_t t = 0; w == U'要' && t < sizeof yao_bu / sizeof yao_bu[0]; t++)
        if (h->end + 6 <= ev->n && memcmp(ev->s + h->end, yao_bu[t], 6) == 0)
            return false;
    /* the subject: one to eight Han characters back to a clause start, none telling how
       things go or a story's condition */
    size_t a = i, cps = 0;
    while (!break_before(ev->s, a)) {
        j = el_text_back(ev->s, a);
        uint32_t c = el_text_cp(ev->s, a, j, &k);
        if (!el_text_is_han(c) || c == U'了' || ++cps > 8)
            return false;
        for (size_t t = 0; cp_in(c, telling_first) && t < sizeof telling / sizeof telling[0]; t++)
            if (j + 6 <= i && memcmp(ev->s + j, telling[t], 6) == 0)
                return false;
        a = j;
    }
    if (cps == 0)
        return false;
    /* the rest of the clause: no figure */
    for (size_t e = h->end; e < ev->n; e += k) {
        uint32_t c = el_text_cp(ev->s, ev->n, e, &k);
        if ((c >= '0' && c <= '9') || c == U'几' || (c >= 0xFF10 && c <= 0xFF19))
            return false;
        if (!el_text_is_han(c) && !el_text_is_space(c) && is_clause_break(c))
            break;
    }
    return true;
}

/* 应该说 (one may say): an opinion announced, not a measure, for all its 应该. */
static bool opinion_word(const struct evscan *ev, const el_lex_hit *h)
{
    return h->end - h->start == 6 && memcmp(ev->s + h->start, "应该", 6) == 0 &&
           h->end + 3 <= ev->n && memcmp(ev->s + h->end, "说", 3) == 0;
}

/* The categories on_evidence_hit looks at: the walk skips the others. */
#define EVIDENCE_CATS                                                                              \
    (EL_LEX_CAT_BIT(EL_LEX_CONTRAST) | EL_LEX_CAT_BIT(EL_LEX_COUNTERMEASURE) |                     \
     EL_LEX_CAT_BIT(EL_LEX_EXEMPLAR))

/* Lexicon callback: set the evidence flags a paragraph's contrast and countermeasure words and
   role models give (a model's spirit, 焦裕禄精神, is a value held up, not a deed told). */
static void on_evidence_hit(void *ctx, const el_lex_hit *h)
{
    struct evscan *ev = ctx;
    size_t len = h->end - h->start;
    if (h->cat == EL_LEX_EXEMPLAR)
        ev->example |= !(h->end + 6 <= ev->n && memcmp(ev->s + h->end, "精神", 6) == 0);
    else if (h->cat == EL_LEX_CONTRAST && !ev->counter)
        ev->counter = len >= 6;
    else if (h->cat == EL_LEX_COUNTERMEASURE && !ev->measure)
        ev->measure =
            !opinion_word(ev, h) && (len > 3 ||
                                     ((break_before(ev->s, h->start) ||
                                       suffix_in(ev->s, h->start, KEYED(measure_lead)) > 0) &&
                                      !starts_noun(ev, h)) ||
                                     actor_measure(ev, h) || subject_measure(ev, h));
}

/* Set the evidence flags of every argument section; needs cases and statistics. */
void el_extract_evidence(el_doc *doc)
{
    int *ps = para_sections(doc);
    for (size_t i = 0; i < doc->cases.n; i++) {
        const el_case *c = &doc->cases.v[i];
        if (c->section < 0 || (size_t)c->section >= doc->sections.n)
            continue;
        el_evidence *ev = &doc->sections.v[c->section].ev;
        ev->has_case = true;
        if (c->negative)
            ev->has_counter = true;
    }
    for (size_t i = 0; i < doc->stats.n; i++) {
        int k = doc->stats.v[i].section;
        if (k >= 0 && (size_t)k < doc->sections.n)
            doc->sections.v[k].ev.has_data = true;
    }
    for (size_t p = 0; p < doc->paras.n; p++) {
        if (ps[p] < 0 || doc->sections.v[ps[p]].kind != EL_SEC_ARGUMENT)
            continue;
        el_evidence *ev = &doc->sections.v[ps[p]].ev;
        /* a role model can only make a case where the document names one (most name none) */
        bool models = doc->lexcount[EL_LEX_EXEMPLAR] > 0 && !ev->has_case;
        if (ev->has_counter && ev->has_measure && !models)
            continue;
        el_span t = doc->paras.v[p].txt;
        struct evscan sc = {doc->plain.v + t.off, t.len, ev->has_counter, ev->has_measure,
                            ev->has_case};
        unsigned cats = EVIDENCE_CATS;
        if (!models)
            cats &= ~EL_LEX_CAT_BIT(EL_LEX_EXEMPLAR);
        el_doc_lex_scan_cats(doc, t.off, t.len, cats, on_evidence_hit, &sc);
        ev->has_counter = sc.counter;
        ev->has_measure = sc.measure;
        ev->has_case = sc.example;
    }
    /* Only argument sections carry evidence in the report. */
    for (size_t k = 0; k < doc->sections.n; k++)
        if (doc->sections.v[k].kind != EL_SEC_ARGUMENT)
            doc->sections.v[k].ev = (el_evidence){false, false, false, false};
    free(ps);
}
