#!/usr/bin/env python3
"""Generates the demo district (雁塔区, Xi'an, 610113) as the JSON files next to this script.

    python3 demo/yanta/generate.py && python3 demo/yanta/check.py

The output is deterministic (fixed random seed). Everything is fictional except the names and
headline facts of eight publicly reported Yanta key projects, which are written out by hand
below (REAL_PROJECTS). The files reference each other by "key" strings; the loader
(src/app/demo_seed.cc) maps keys to database ids.

Dates that have happened (actual_start, actual_completion, stats_date) all lie on or before
LAST_ACTUAL, so the data validates on any clock from that day on.
"""

import datetime as dt
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
AREA = "610113"
LAST_ACTUAL = dt.date(2026, 6, 30)
SEED = 20260610

rng = random.Random(SEED)

# ---------------------------------------------------------------------------------------------
# Codes

CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]


def org_char_value(c):
    return int(c) if c.isdigit() else ord(c) - ord("A") + 10


def org_code(body8):
    """GB 11714 organisation code: 8 characters + check character."""
    s = sum(org_char_value(c) * w for c, w in zip(body8, ORG_WEIGHTS))
    c = 11 - s % 11
    return body8 + ("X" if c == 10 else "0" if c == 11 else str(c))


def credit_code(prefix2, body8):
    """GB 32100 统一社会信用代码: 2 + area + org code (9) + check character."""
    first17 = prefix2 + AREA + org_code(body8)
    s = sum(CREDIT_ALPHABET.index(c) * w for c, w in zip(first17, CREDIT_WEIGHTS))
    return first17 + CREDIT_ALPHABET[(31 - s % 31) % 31]


_used_org = set()


def new_credit_code(prefix2, company):
    safe = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    while True:
        if company:  # post-2015 registrations: MA + 6
            body = "MA6" + "".join(rng.choice(safe) for _ in range(5))
        else:
            body = "".join(rng.choice("0123456789") for _ in range(8))
        if body not in _used_org:
            _used_org.add(body)
            return credit_code(prefix2, body)


def phone_mobile():
    return "139" + "".join(rng.choice("0123456789") for _ in range(8))


def phone_office():
    return "029-8" + "".join(rng.choice("0123456789") for _ in range(7))


# ---------------------------------------------------------------------------------------------
# Regions

REGIONS = [
    {"code": "610000", "name": "陕西省"},
    {"code": "610100", "name": "西安市", "parent_code": "610000"},
    {"code": "610102", "name": "新城区", "parent_code": "610100"},
    {"code": "610103", "name": "碑林区", "parent_code": "610100"},
    {"code": "610104", "name": "莲湖区", "parent_code": "610100"},
    {"code": "610112", "name": "未央区", "parent_code": "610100"},
    {"code": "610113", "name": "雁塔区", "parent_code": "610100"},
    {"code": "610116", "name": "长安区", "parent_code": "610100"},
]

# ---------------------------------------------------------------------------------------------
# Units: (key, name, kind)

OFFICES = [
    ("fgw", "西安市雁塔区发展和改革委员会"),
    ("qw", "中共西安市雁塔区委员会"),
    ("qzf", "西安市雁塔区人民政府"),
]
DEPARTMENTS = [
    ("jyj", "西安市雁塔区教育局"),
    ("zjj", "西安市雁塔区住房和城乡建设局"),
    ("jtj", "西安市雁塔区交通运输局"),
    ("swj", "西安市雁塔区商务局"),
    ("gxj", "西安市雁塔区工业和信息化局"),
    ("kjj", "西安市雁塔区科学技术局"),
    ("zrzy", "西安市自然资源和规划局雁塔分局"),
    ("sthj", "西安市生态环境局雁塔分局"),
    ("cgj", "西安市雁塔区城市管理和综合执法局"),
    ("slj", "西安市雁塔区水务局"),
    ("czj", "西安市雁塔区财政局"),
    ("tjj", "西安市雁塔区统计局"),
    ("wjw", "西安市雁塔区卫生健康局"),
    ("wlj", "西安市雁塔区文化和旅游体育局"),
    ("xzsp", "西安市雁塔区行政审批服务局"),
    ("gzb", "西安市雁塔区城中村和棚户区改造事务中心"),
]
# Townships with a rough centre (lon, lat) and real roads around them.
TOWNSHIPS = [
    ("xzl", "小寨路街道", (108.940, 34.222), ["小寨东路", "小寨西路", "长安中路", "翠华路", "兴善寺东街"]),
    ("dyt", "大雁塔街道", (108.964, 34.216), ["雁塔南路", "慈恩路", "雁塔西路", "翠华南路"]),
    ("cyb", "长延堡街道", (108.946, 34.196), ["长安南路", "朱雀大街南段", "吉祥路", "丈八东路"]),
    ("dzc", "电子城街道", (108.916, 34.207), ["电子正街", "电子二路", "电子西街", "太白南路"]),
    ("djp", "等驾坡街道", (108.990, 34.224), ["雁翔路", "西影路", "公园北路", "新开门北路"]),
    ("yhz", "鱼化寨街道", (108.888, 34.216), ["科技路西段", "鱼斗路", "昆明路", "西三环"]),
    ("zbg", "丈八沟街道", (108.898, 34.192), ["丈八北路", "丈八东路", "西三环辅路", "科技八路"]),
    ("qj", "曲江街道", (108.978, 34.192), ["曲江池东路", "曲江池西路", "雁南三路", "芙蓉西路"]),
    ("ytl", "雁塔路街道", (108.955, 34.236), ["雁塔北路", "友谊东路", "建东街"]),
    ("zhz", "漳浒寨街道", (108.905, 34.176), ["西沣路", "南三环辅路", "雁环中路"]),
]
PARKS = [
    ("qjxq", "西安曲江新区管理委员会"),
    ("ytkj", "西安雁塔科技产业园管理委员会"),
    ("wlcyc", "雁塔区未来产业城管理委员会"),
]
# (key, name, what it builds)
COMPANIES = [
    ("ytct", "西安雁塔城市建设投资有限公司"),
    ("ytcg", "西安雁塔城市更新建设发展有限公司"),
    ("ytjy", "西安雁塔教育建设发展有限公司"),
    ("ytyl", "西安雁塔医疗健康投资有限公司"),
    ("ytky", "西安雁塔康养产业发展有限公司"),
    ("ytsz", "西安雁塔市政工程建设有限公司"),
    ("ytrl", "西安雁塔热力有限公司"),
    ("ytsw", "西安雁塔水务发展有限公司"),
    ("ytlh", "西安雁塔园林绿化工程有限公司"),
    ("hjgw", "西安荟聚购物中心有限公司"),
    ("wlaq", "西安雁塔网络安全产业发展有限公司"),
    ("xfzy", "西安西沣置业有限公司"),
    ("xhw", "西安曲江星河湾房地产开发有限公司"),
    ("qdlb", "陕西启迪立彬体育文化发展有限公司"),
    ("qjwl", "西安曲江文旅投资发展有限公司"),
    ("hxzy", "西安华信置业有限公司"),
    ("xzsq", "西安小寨商圈发展有限公司"),
    ("dzkj", "陕西电子城科技发展有限公司"),
    ("tsky", "西安天盛科创产业园运营有限公司"),
    ("wxzn", "陕西维新智能科技有限公司"),
    ("htxp", "西安汇通芯片设计有限公司"),
    ("zbsy", "西安丈八商业运营管理有限公司"),
]


def build_units():
    units = []
    for key, name in OFFICES:
        units.append(unit(key, name, "office", "11"))
    for key, name in DEPARTMENTS:
        units.append(unit(key, name, "department", "11"))
    for key, name, _, _ in TOWNSHIPS:
        units.append(unit(key, "西安市雁塔区" + name + "办事处", "township", "11"))
    for key, name in PARKS:
        units.append(unit(key, name, "park", "11"))
    for key, name in COMPANIES:
        units.append(unit(key, name, "company", "91"))
    return units


def unit(key, name, kind, prefix2):
    return {
        "key": key,
        "name": name,
        "kind": kind,
        "credit_code": new_credit_code(prefix2, kind == "company"),
        "region_code": AREA,
        "contact": phone_office(),
    }


# ---------------------------------------------------------------------------------------------
# People: (key, name, title, unit, kind)

LEADERS = [
    ("sj", "陈建国", "区委书记", "qw"),
    ("qz", "刘志远", "区委副书记、区长", "qzf"),
    ("cwfqz", "赵明辉", "区委常委、常务副区长", "qzf"),
    ("fqz_cj", "孙海涛", "副区长（分管城建交通）", "qzf"),
    ("fqz_jw", "李晓雯", "副区长（分管教育卫健）", "qzf"),
    ("fqz_gk", "周文斌", "副区长（分管工业科技商务）", "qzf"),
    ("fqz_gx", "马卫东", "副区长（分管城市更新和自然资源）", "qzf"),
]
CADRES = [
    ("fgw_zr", "张永红", "区发改委主任", "fgw"),
    ("fgw_fzr", "韩立新", "区发改委副主任", "fgw"),
    ("fgw_kz", "王倩", "区发改委重点项目科科长", "fgw"),
    ("fgw_fwy", "王磊", "区重点项目服务中心首席服务员", "fgw"),
    ("fgw_fwy2", "杨帆", "区重点项目服务中心服务专员", "fgw"),
    ("jyj_jz", "郭慧敏", "区教育局局长", "jyj"),
    ("jyj_gb", "冯晓峰", "区教育局计划基建科科长", "jyj"),
    ("zjj_jz", "吕建设", "区住建局局长", "zjj"),
    ("zjj_gb", "邓伟", "区住建局建设管理科科长", "zjj"),
    ("jtj_jz", "彭飞", "区交通局局长", "jtj"),
    ("swj_jz", "许丽娜", "区商务局局长", "swj"),
    ("gxj_jz", "曹永军", "区工信局局长", "gxj"),
    ("kjj_jz", "谢宁", "区科技局局长", "kjj"),
    ("zrzy_jz", "田宏伟", "市自然资源和规划局雁塔分局局长", "zrzy"),
    ("wjw_jz", "苏晴", "区卫健局局长", "wjw"),
    ("cgj_jz", "董强", "区城管局局长", "cgj"),
    ("gzb_zr", "蒋振华", "区城改中心主任", "gzb"),
    ("qj_sj", "袁博", "曲江街道党工委书记", "qj"),
    ("yhz_zr", "潘冬梅", "鱼化寨街道办事处主任", "yhz"),
    ("zhz_zr", "姜涛", "漳浒寨街道办事处主任", "zhz"),
    ("ytkj_fzr", "范思远", "雁塔科技产业园管委会副主任", "ytkj"),
    ("wjw_gb", "程雪", "区卫健局规划发展科科长", "wjw"),
]
CONTACTS = [
    ("c_ytct", "贺军", "工程部经理", "ytct"),
    ("c_ytcg", "高建平", "项目管理部经理", "ytcg"),
    ("c_ytjy", "罗晓燕", "工程管理部部长", "ytjy"),
    ("c_hjgw", "林嘉欣", "项目总监", "hjgw"),
    ("c_wlaq", "魏超", "副总经理", "wlaq"),
    ("c_xfzy", "宋立", "开发部经理", "xfzy"),
    ("c_xhw", "黄建华", "工程总监", "xhw"),
    ("c_qdlb", "梁晨", "项目经理", "qdlb"),
    ("c_dzkj", "唐伟", "投资发展部经理", "dzkj"),
    ("c_ytsz", "侯勇", "项目经理", "ytsz"),
    ("c_ytrl", "白雪松", "总工程师", "ytrl"),
    ("c_qjwl", "崔颖", "工程部经理", "qjwl"),
]
# 首席服务员: the 发改 service centre, or a cadre of the responsible unit's line.
FGW_OFFICERS = ["fgw_fwy", "fgw_fwy2", "fgw_kz"]
LINE_OFFICERS = {"jyj": "jyj_gb", "zjj": "zjj_gb", "jtj": "zjj_gb", "gzb": "gzb_zr",
                 "wjw": "wjw_gb", "kjj": "ytkj_fzr", "gxj": "ytkj_fzr", "ytkj": "ytkj_fzr"}


def build_people():
    people = []
    for kind, rows in (("leader", LEADERS), ("cadre", CADRES), ("contact", CONTACTS)):
        for key, name, title, unit_key in rows:
            people.append({"key": key, "name": name, "title": title, "unit": unit_key,
                           "kind": kind, "phone": phone_mobile()})
    return people


USERS = [
    {"username": "admin", "display_name": "系统管理员", "role": "admin", "unit": "fgw"},
    {"username": "fgw", "display_name": "王倩（区发改委）", "role": "supervisor", "unit": "fgw",
     "person": "fgw_kz"},
    {"username": "jyj", "display_name": "冯晓峰（区教育局）", "role": "department", "unit": "jyj",
     "person": "jyj_gb"},
    {"username": "zjj", "display_name": "邓伟（区住建局）", "role": "department", "unit": "zjj",
     "person": "zjj_gb"},
    {"username": "qiye", "display_name": "高建平（雁塔城市更新公司）", "role": "reporter",
     "unit": "ytcg", "person": "c_ytcg"},
    {"username": "lingdao", "display_name": "赵明辉（常务副区长）", "role": "leader", "unit": "qzf",
     "person": "cwfqz"},
    {"username": "fwy", "display_name": "王磊（首席服务员）", "role": "service_officer",
     "unit": "fgw", "person": "fgw_fwy"},
]

# ---------------------------------------------------------------------------------------------
# Projects

# Project kinds: category, industry code, regime ("gov" → 审批, "ent" → 备案/核准), owners,
# responsible units, leader, investment range (万元), name templates, scale template.
KINDS = {
    "primary": dict(cat="social", ind="P8321", gov=True, owners=["ytjy", "ytct"],
                    resp=["jyj"], leader="fqz_jw", inv=(8000, 32000), weight=9,
                    names=["{p}小学建设项目", "雁塔区第{n}小学改扩建项目", "{p}小学新建教学综合楼项目"],
                    scale="新建教学楼、综合楼、风雨操场及室外运动场，总建筑面积约{area}平方米，设{cls}个教学班，提供学位{seats}个。"),
    "kinder": dict(cat="social", ind="P8310", gov=True, owners=["ytjy"], resp=["jyj"],
                   leader="fqz_jw", inv=(3000, 9000), weight=6,
                   names=["{p}幼儿园建设项目", "雁塔区第{n}幼儿园建设项目", "{p}公办幼儿园改扩建项目"],
                   scale="新建幼儿园一所，总建筑面积约{area}平方米，设{cls}个班，提供学位{seats}个。"),
    "middle": dict(cat="social", ind="P8331", gov=True, owners=["ytjy", "ytct"], resp=["jyj"],
                   leader="fqz_jw", inv=(15000, 45000), weight=6,
                   names=["{p}九年制学校建设项目", "雁塔区第{n}初级中学建设项目", "{p}中学改扩建项目"],
                   scale="新建教学楼、实验楼、图书馆、食堂及400米标准运动场，总建筑面积约{area}平方米，提供学位{seats}个。"),
    "clinic": dict(cat="social", ind="Q8421", gov=True, owners=["ytyl"], resp=["wjw"],
                   leader="fqz_jw", inv=(3000, 12000), weight=4,
                   names=["{p}社区卫生服务中心建设项目"],
                   scale="新建社区卫生服务中心业务用房约{area}平方米，配套医疗设备购置及室外工程。"),
    "hospital": dict(cat="social", ind="Q8411", gov=True, owners=["ytyl"], resp=["wjw"],
                     leader="fqz_jw", inv=(40000, 180000), weight=3,
                     names=["雁塔区人民医院{p}院区建设项目", "雁塔区中医医院迁建项目",
                            "雁塔区妇幼保健院综合楼建设项目", "雁塔区公共卫生应急救治中心项目"],
                     scale="新建门急诊医技楼、住院楼及配套用房，总建筑面积约{area}平方米，设置床位{beds}张。"),
    "elder": dict(cat="social", ind="Q8514", gov=True, owners=["ytky"], resp=["wjw"],
                  leader="fqz_jw", inv=(5000, 25000), weight=4,
                  names=["{p}养老服务中心建设项目", "雁塔区{p}医养结合示范项目"],
                  scale="新建养老服务用房约{area}平方米，设置养老床位{beds}张及社区日间照料中心。"),
    "sports": dict(cat="social", ind="R8921", gov=True, owners=["ytct", "qjwl"], resp=["wlj"],
                   leader="fqz_jw", inv=(6000, 40000), weight=3,
                   names=["雁塔区{p}全民健身中心项目", "{p}体育公园建设项目"],
                   scale="新建综合健身馆、游泳馆及室外运动场地，总建筑面积约{area}平方米。"),
    "culture": dict(cat="social", ind="R8870", gov=True, owners=["qjwl", "ytct"], resp=["wlj"],
                    leader="fqz_jw", inv=(8000, 60000), weight=2,
                    names=["雁塔区{p}文化中心建设项目", "{p}历史文化街区保护利用项目"],
                    scale="建设文化馆、图书馆分馆、非遗展示中心等，总建筑面积约{area}平方米。"),
    "road": dict(cat="infrastructure", ind="E4813", gov=True, owners=["ytsz", "ytct"],
                 resp=["jtj", "zjj"], leader="fqz_cj", inv=(3000, 60000), weight=12,
                 names=["{road}（{a}至{b}段）改造工程", "{p}片区{n}号路道路工程", "{road}提升改造工程",
                        "{p}片区路网建设项目"],
                 scale="道路全长约{len}米，红线宽{width}米，建设内容包括道路、排水、照明、交通及绿化工程。"),
    "heating": dict(cat="infrastructure", ind="D4430", gov=False, owners=["ytrl"],
                    resp=["zjj"], leader="fqz_cj", inv=(5000, 40000), weight=4,
                    names=["雁塔区{p}片区供热管网改造项目", "{p}集中供热热源站建设项目"],
                    scale="新建及改造一级供热管网约{len}米，新建换热站{n}座，新增供热面积约{area}平方米。"),
    "water": dict(cat="infrastructure", ind="N7810", gov=True, owners=["ytsw"],
                  resp=["slj", "zjj"], leader="fqz_cj", inv=(3000, 30000), weight=5,
                  names=["{p}片区雨污分流改造工程", "雁塔区{p}排水管网提升改造项目", "{road}综合管廊建设项目"],
                  scale="新建雨水管道约{len}米、污水管道约{len2}米，改造检查井及雨水口，实现片区雨污分流。"),
    "parking": dict(cat="infrastructure", ind="N7810", gov=False, owners=["ytct"],
                    resp=["cgj", "jtj"], leader="fqz_cj", inv=(3000, 15000), weight=2,
                    names=["{p}智慧立体停车场项目"],
                    scale="新建机械式立体停车库，建筑面积约{area}平方米，提供停车泊位{beds}个，配建充电桩。"),
    "village": dict(cat="urban_renewal", ind="K7010", gov=False, owners=["ytcg", "hxzy"],
                    resp=["gzb"], leader="fqz_gx", inv=(80000, 500000), weight=7,
                    names=["{v}城中村改造项目", "{v}城市更新项目"],
                    scale="改造范围约{mu}亩，建设安置住宅、商业及配套设施，总建筑面积约{area}平方米。"),
    "resettle": dict(cat="urban_renewal", ind="E4710", gov=True, owners=["ytcg"],
                     resp=["gzb"], leader="fqz_gx", inv=(30000, 250000), weight=6,
                     names=["{v}安置建设项目", "{v}城市更新安置楼项目"],
                     scale="新建安置住宅{n}栋，总建筑面积约{area}平方米，安置{hh}户，配建社区服务及地下车库。"),
    "oldcomm": dict(cat="urban_renewal", ind="E4790", gov=True, owners=["ytcg", "ytct"],
                    resp=["zjj"], leader="fqz_gx", inv=(3000, 20000), weight=5,
                    names=["{p}片区老旧小区改造项目", "{road}沿线老旧小区综合改造项目"],
                    scale="改造老旧小区{n}个、涉及{hh}户，实施管网、屋面、加装电梯、环境整治等改造。"),
    "mall": dict(cat="commercial", ind="F5211", gov=False, owners=["xzsq", "zbsy", "hxzy"],
                 resp=["swj"], leader="fqz_gk", inv=(30000, 300000), weight=6,
                 names=["{p}商业综合体项目", "{p}商圈改造提升项目", "{road}商业街区提升项目"],
                 scale="建设购物中心、餐饮娱乐及地下停车，总建筑面积约{area}平方米。"),
    "office": dict(cat="commercial", ind="L7211", gov=False, owners=["hxzy", "zbsy", "qjwl"],
                   resp=["swj"], leader="fqz_gk", inv=(40000, 350000), weight=7,
                   names=["{p}总部大厦项目", "雁塔{p}国际金融中心项目", "{road}商务中心项目"],
                   scale="建设甲级写字楼及配套商业，总建筑面积约{area}平方米。"),
    "hotel": dict(cat="commercial", ind="H6110", gov=False, owners=["qjwl", "hxzy"],
                  resp=["wlj", "swj"], leader="fqz_gk", inv=(20000, 120000), weight=3,
                  names=["曲江{p}酒店项目", "{p}文旅酒店建设项目"],
                  scale="建设高星级酒店及会议中心，客房{beds}间，总建筑面积约{area}平方米。"),
    "software": dict(cat="industrial", ind="I6513", gov=False, owners=["dzkj", "tsky", "wxzn"],
                     resp=["gxj", "ytkj"], leader="fqz_gk", inv=(10000, 150000), weight=7,
                     names=["{p}软件产业园项目", "雁塔{p}数字经济产业园项目", "{p}智能制造研发中心项目"],
                     scale="建设研发办公楼、中试车间及配套设施，总建筑面积约{area}平方米。"),
    "chip": dict(cat="industrial", ind="I6520", gov=False, owners=["htxp", "dzkj"],
                 resp=["kjj", "ytkj"], leader="fqz_gk", inv=(20000, 200000), weight=3,
                 names=["{p}集成电路设计产业园项目", "{p}芯片研发中心建设项目"],
                 scale="建设集成电路设计研发楼、测试验证平台及配套，总建筑面积约{area}平方米。"),
    "electronic": dict(cat="industrial", ind="C3982", gov=False, owners=["dzkj", "wxzn"],
                       resp=["gxj", "wlcyc"], leader="fqz_gk", inv=(15000, 120000), weight=3,
                       names=["{p}电子电路生产基地项目", "{p}新型电子元器件产业化项目"],
                       scale="建设生产厂房、洁净车间及研发楼，购置生产线{n}条，总建筑面积约{area}平方米。"),
    "incubator": dict(cat="industrial", ind="M7540", gov=False, owners=["tsky", "dzkj"],
                      resp=["kjj", "ytkj"], leader="fqz_gk", inv=(3000, 30000), weight=4,
                      names=["{p}科技企业孵化器项目", "{p}众创空间提升改造项目"],
                      scale="改造及新建孵化载体约{area}平方米，建设公共技术服务平台。"),
    "park": dict(cat="ecological", ind="N7850", gov=True, owners=["ytlh", "ytct"],
                 resp=["cgj"], leader="fqz_cj", inv=(3000, 40000), weight=6,
                 names=["{p}城市公园建设项目", "{p}口袋公园群建设项目", "{road}绿道建设工程"],
                 scale="建设园路、绿化景观、健身步道及服务驿站，面积约{mu}亩。"),
    "river": dict(cat="ecological", ind="N7721", gov=True, owners=["ytsw", "ytlh"],
                  resp=["sthj", "slj"], leader="fqz_cj", inv=(5000, 50000), weight=2,
                  names=["{p}水系生态修复工程", "{p}雨水调蓄及水环境治理项目"],
                  scale="实施水系清淤、生态护岸、湿地修复及雨水调蓄设施约{len}米。"),
}

# Place names (villages, neighbourhoods, roads) by township, for project names; VILLAGES are
# the (former) villages among them, for 城中村 and 安置 projects.
PLACES = {
    "xzl": ["瓦胡同", "八里村", "翠华", "育才路", "兴善寺", "小寨"],
    "dyt": ["北池头", "观音庙", "大雁塔", "寒窑", "慈恩", "雁鸣"],
    "cyb": ["吉祥", "木塔寨", "杨家村", "长延堡", "陈家堡", "红专南路"],
    "dzc": ["电子城", "太白", "沙井", "二府庄", "西八里", "含光"],
    "djp": ["等驾坡", "西影", "新开门", "庙坡头", "双水磨"],
    "yhz": ["鱼化", "南窑头", "岳家寨", "闵旗寨", "甘家寨"],
    "zbg": ["丈八", "唐城", "北山门", "后村", "科技八路"],
    "qj": ["曲江池", "春临", "雁南", "芙蓉", "三爻", "紫薇"],
    "ytl": ["草场坡", "东仪路", "建东", "雁塔北路"],
    "zhz": ["漳浒寨", "西三爻", "东三爻", "姚家村"],
}

VILLAGES = {"瓦胡同", "八里村", "北池头", "木塔寨", "杨家村", "陈家堡", "沙井", "二府庄", "西八里",
            "等驾坡", "新开门", "庙坡头", "双水磨", "南窑头", "岳家寨", "闵旗寨", "甘家寨", "丈八",
            "北山门", "后村", "三爻", "漳浒寨", "姚家村", "东三爻", "西三爻"}

# Two real projects are in use (第四中学 since autumn 2023, 西安荟聚 since 2024): the plan keeps the
# generated projects' stages as they were before they were marked so.
STAGE_PLAN = ([("conceived", 15), ("reserve", 15), ("preliminary", 30), ("construction", 65),
               ("completed", 12), ("production", 10), ("suspended", 3)])

# The eight publicly reported projects: the facts that are known are fixed here.
REAL_PROJECTS = [
    # The Yanta report of 2023: under construction in 2023, 2,100 places from autumn 2023.
    dict(key="p_ytsz", name="雁塔区第四中学建设项目", kind="middle", stage="production",
         level="city", nature="new", owner="ytjy", responsible="jyj", township="yhz",
         address="雁塔区鱼化寨街道鱼斗路以南", total=38000,
         scale="新建教学楼、实验楼、图书馆、体育馆及食堂等，总建筑面积约6.2万平方米，"
               "2023年秋季学期起提供学位2100个。",
         actual_start="2022-03-25", planned_start="2022-03-01", planned_completion="2023-08-31",
         actual_completion="2023-08-20",
         funding=[("special_bond", 22000), ("local_fiscal", 16000)],
         leader="fqz_jw", officer="fgw_fwy", coop=["zrzy", "zjj"]),
    # Opened in 2024 (the day is illustrative; the year is the public fact).
    dict(key="p_hjxa", name="西安荟聚项目", kind="mall", stage="production", level="provincial",
         nature="new", owner="hjgw", responsible="swj", township="yhz",
         address="雁塔区鱼化寨街道昆明路与西三环交汇处西北角", total=430000,
         scale="建设大型购物中心、家居体验店及配套商业，总建筑面积约38万平方米，配建地下停车位约4500个。",
         actual_start="2021-09-28", planned_start="2021-09-01", planned_completion="2024-09-30",
         actual_completion="2024-09-26",
         funding=[("self_raised", 180000), ("bank_loan", 250000)], regime="filing",
         leader="qz", officer="fgw_fwy", coop=["zrzy", "zjj", "xzsp"], method="financial"),
    # Started in the 2023-01-29 集中开工 in 未来产业城.
    dict(key="p_wlaq", name="网络安全产业园建设项目", kind="software", stage="construction",
         level="city", nature="new", owner="wlaq", responsible="ytkj", township="dzc",
         address="雁塔区未来产业城，电子西街以南、太白南路以西", total=115000,
         scale="项目占地63.6亩，建设网络安全研发办公楼、安全测评中心、数据中心及配套设施，总建筑面积约21万平方米；"
               "2023年1月29日随雁塔区重点项目集中开工活动开工。",
         actual_start="2023-01-29", planned_start="2023-01-29", planned_completion="2027-09-30",
         funding=[("self_raised", 55000), ("bank_loan", 60000)], regime="filing",
         leader="fqz_gk", officer="fgw_fwy", coop=["gxj", "zrzy"]),
    dict(key="p_xfgj", name="西沣国际", kind="office", stage="construction", level="city",
         nature="new", owner="xfzy", responsible="zhz", township="zhz",
         address="雁塔区漳浒寨街道西沣路与南三环交汇处东南角", total=140000,
         scale="建设商务办公、商业及酒店式公寓，总建筑面积约26万平方米。",
         actual_start="2023-10-16", planned_start="2023-09-01", planned_completion="2026-12-31",
         funding=[("self_raised", 60000), ("bank_loan", 80000)], regime="filing",
         leader="fqz_gk", officer="fgw_fwy2", coop=["swj"], method="financial"),
    dict(key="p_xhw", name="曲江星河湾花园(DK2)项目", kind="village", stage="construction",
         level="district", nature="new", owner="xhw", responsible="qjxq", township="qj",
         address="雁塔区曲江街道曲江池东路以东、雁南五路以南", total=360000, industry="K7010",
         category="commercial",
         scale="建设高层住宅及配套商业、幼儿园，总建筑面积约42万平方米。",
         actual_start="2024-06-20", planned_start="2024-06-01", planned_completion="2027-12-31",
         funding=[("self_raised", 160000), ("bank_loan", 200000)], regime="filing",
         leader="fqz_gx", officer="fgw_fwy2", coop=["zjj"], method="financial"),
    dict(key="p_yxm", name="延兴门南村安置建设项目", kind="resettle", stage="construction",
         level="city", nature="new", owner="ytcg", responsible="gzb", township="qj",
         address="雁塔区曲江街道延兴门南村原址，曲江池东路以东", total=186000,
         scale="新建安置住宅12栋，总建筑面积约35万平方米，安置村民约2300户，配建社区服务中心、幼儿园及地下车库。",
         actual_start="2023-05-12", planned_start="2023-05-01", planned_completion="2026-10-31",
         funding=[("special_bond", 60000), ("policy_finance", 30000), ("local_fiscal", 26000),
                  ("bank_loan", 70000)],
         leader="fqz_gx", officer="gzb_zr", coop=["zjj", "zrzy", "qj"]),
    dict(key="p_dzlk", name="电子六路建设项目", kind="road", stage="construction", level="district",
         nature="new", owner="ytsz", responsible="jtj", township="dzc",
         address="雁塔区电子城街道电子六路（电子正街至太白南路）", total=12600,
         scale="道路全长约1280米，红线宽30米，建设道路、排水、照明、交通及绿化工程。",
         actual_start="2025-08-05", planned_start="2025-07-01", planned_completion="2026-10-31",
         funding=[("special_bond", 8000), ("local_fiscal", 4600)],
         leader="fqz_cj", officer="zjj_gb", coop=["zrzy", "cgj"]),
    dict(key="p_qdlb", name="陕西启迪立彬篮球运动中心项目", kind="sports", stage="construction",
         level="district", nature="new", owner="qdlb", responsible="wlj", township="cyb",
         address="雁塔区长延堡街道吉祥路与朱雀大街南段交汇处", total=52000, regime="filing",
         scale="建设专业篮球训练馆、比赛馆、运动员公寓及青少年培训中心，总建筑面积约6.5万平方米。",
         actual_start="2025-05-20", planned_start="2025-05-01", planned_completion="2027-04-30",
         funding=[("self_raised", 32000), ("bank_loan", 20000)],
         leader="fqz_jw", officer="fgw_fwy", coop=["swj"]),
]

STAGE_REASONS = {
    "conceived": "纳入年度谋划项目库",
    "reserve": "完成项目策划，纳入储备库",
    "preliminary": "取得项目代码，开展前期手续办理",
    "construction": "存量台账导入：项目已开工建设",
    "completed": "存量台账导入：项目已竣工验收",
    "production": "存量台账导入：项目已竣工投产运营",
    "suspended": "存量台账导入：因资金未到位暂停施工",
}


def d(date):
    return date.isoformat()


def rand_date(start, end):
    span = (end - start).days
    return start + dt.timedelta(days=rng.randint(0, max(span, 0)))


def add_months(date, months):
    y = date.year + (date.month - 1 + months) // 12
    m = (date.month - 1 + months) % 12 + 1
    return dt.date(y, m, min(date.day, 28))


def round_inv(x):
    if x >= 100000:
        return int(round(x / 1000.0)) * 1000
    if x >= 10000:
        return int(round(x / 100.0)) * 100
    return int(round(x / 10.0)) * 10


def funding_mix(total, gov, stage):
    """Lines (source, 万元) summing exactly to total."""
    if gov:
        if total >= 50000:
            parts = [("special_bond", 0.45), ("central_budget", 0.1), ("ultra_long_bond", 0.1),
                     ("local_fiscal", 0.35)]
        elif total >= 10000:
            parts = [("special_bond", 0.5), ("provincial_city", 0.15), ("local_fiscal", 0.35)]
        else:
            parts = [("local_fiscal", 0.7), ("provincial_city", 0.3)]
        if rng.random() < 0.3:
            parts = [p for p in parts if p[0] != "provincial_city"] or parts
    else:
        share = rng.choice([0.3, 0.35, 0.4, 0.5, 0.6])
        parts = [("self_raised", share), ("bank_loan", 1 - share)]
        if total < 8000:
            parts = [("self_raised", 1.0)]
    weights = sum(w for _, w in parts)
    lines, used = [], 0
    for i, (src, w) in enumerate(parts):
        amount = total - used if i == len(parts) - 1 else int(total * w / weights / 10) * 10
        used += amount
        if amount > 0:
            lines.append((src, amount))
    return lines


def chinese_number(n):
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


class Namer:
    def __init__(self):
        self.used = set()
        self.n = {"primary": 30, "kinder": 40, "middle": 5, "road": 1}

    def make(self, kind, spec):
        for _ in range(200):
            tmpl = rng.choice(spec["names"])
            tw = rng.choice(TOWNSHIPS)
            road = rng.choice(tw[3])
            a, b = rng.sample([r for r in tw[3] if r != road], 2)
            self.n[kind] = self.n.get(kind, 0) + 1
            villages = [p for p in PLACES[tw[0]] if p in VILLAGES]
            if "{v}" in tmpl and not villages:
                continue
            v = rng.choice(villages) if villages else ""
            v = v if v.endswith("村") else v + "村"
            name = tmpl.format(p=rng.choice(PLACES[tw[0]]), n=chinese_number(self.n[kind]),
                               road=road, a=a, b=b, v=v)
            if name not in self.used:
                self.used.add(name)
                return name, tw, road
        raise RuntimeError("out of names for " + kind)


def scale_text(spec, total):
    return spec["scale"].format(
        area=f"{int(total * rng.uniform(1.6, 3.2)) // 10 * 10:,}",
        cls=rng.choice([18, 24, 30, 36, 48]), seats=rng.choice([540, 810, 1080, 1350, 1620, 2160]),
        beds=rng.choice([100, 150, 200, 300, 400, 500]), len=rng.randint(6, 40) * 100,
        len2=rng.randint(6, 40) * 100, width=rng.choice([20, 24, 30, 40, 50]),
        n=rng.randint(2, 12), hh=rng.randint(3, 30) * 100, mu=rng.randint(20, 400))


def coords(township):
    (lon, lat) = township[2]
    lon = min(max(lon + rng.uniform(-0.008, 0.008), 108.881), 108.999)
    lat = min(max(lat + rng.uniform(-0.006, 0.006), 34.171), 34.239)
    return round(lon, 6), round(lat, 6)


_used_codes = set()


def project_code(issued, industry, regime):
    """A national project code issued on `issued`.

    Codes issued from November 2020 (发改投资〔2020〕1439号) start with YYMM and carry the
    中央业务指导部门代码 and five random digits plus a check character (its algorithm is
    unpublished, so any digit); older codes start with the year, carry the GB/T 4754 division
    and a serial number.
    """
    type_code = {"approval": "01", "ratification": "02", "filing": "03"}[regime]
    while True:
        if issued >= dt.date(2020, 11, 1):
            dept = "04" if regime != "filing" else rng.choice(["04", "89"])
            code = (f"{issued.year % 100:02d}{issued.month:02d}-{AREA}-{dept}-{type_code}-"
                    + "".join(rng.choice("0123456789") for _ in range(6)))
        else:
            code = (f"{issued.year}-{AREA}-{industry[1:3]}-{type_code}-"
                    + "".join(rng.choice("0123456789") for _ in range(6)))
        if code not in _used_codes:
            _used_codes.add(code)
            return code


def issued_before(start):
    """The day a project starting on `start` got its code: a few months earlier."""
    return max(dt.date(2020, 3, 1), start - dt.timedelta(days=rng.randint(30, 400)))


def township_by_key(key):
    for t in TOWNSHIPS:
        if t[0] == key:
            return t
    raise KeyError(key)


def stage_dates(stage):
    """planned/actual dates and the code year for a stage."""
    r = {}
    if stage in ("conceived", "reserve"):
        ps = rand_date(dt.date(2026, 9, 1), dt.date(2028, 3, 31))
        r["planned_start"] = ps
        r["planned_completion"] = add_months(ps, rng.choice([12, 18, 24, 30, 36]))
        if stage == "reserve" and rng.random() < 0.5:
            r["code_issued"] = rand_date(dt.date(2026, 1, 5), LAST_ACTUAL)
    elif stage == "preliminary":
        ps = rand_date(dt.date(2026, 7, 15), dt.date(2027, 6, 30))
        r["planned_start"] = ps
        r["planned_completion"] = add_months(ps, rng.choice([12, 18, 24, 30, 36]))
        r["code_issued"] = rand_date(dt.date(2025, 1, 5), LAST_ACTUAL)
    elif stage == "construction":
        s = rand_date(dt.date(2023, 3, 1), dt.date(2026, 5, 31))
        r["actual_start"] = s
        r["planned_start"] = s - dt.timedelta(days=rng.randint(0, 75))
        r["planned_completion"] = add_months(r["planned_start"], rng.choice([18, 24, 30, 36, 42]))
        if r["planned_completion"] <= LAST_ACTUAL:
            r["planned_completion"] = add_months(LAST_ACTUAL, rng.choice([3, 6, 9, 12]))
        r["code_issued"] = issued_before(s)
    elif stage in ("completed", "production"):
        s = rand_date(dt.date(2021, 3, 1), dt.date(2024, 3, 31))
        c = add_months(s, rng.choice([12, 18, 24, 30])) + dt.timedelta(days=rng.randint(-40, 40))
        c = min(c, LAST_ACTUAL - dt.timedelta(days=rng.randint(20, 90)))
        if stage == "production":
            c = min(c, dt.date(2025, 12, 31))
        r["actual_start"] = s
        r["actual_completion"] = c
        r["planned_start"] = s - dt.timedelta(days=rng.randint(0, 60))
        r["planned_completion"] = c - dt.timedelta(days=rng.randint(-30, 90))
        if r["planned_completion"] < r["planned_start"]:
            r["planned_completion"] = c
        r["code_issued"] = issued_before(s)
    elif stage == "suspended":
        s = rand_date(dt.date(2022, 4, 1), dt.date(2023, 10, 31))
        r["actual_start"] = s
        r["planned_start"] = s - dt.timedelta(days=rng.randint(0, 60))
        r["planned_completion"] = add_months(r["planned_start"], 30)
        r["code_issued"] = issued_before(s)
    return r


def finish_project(p, stage, dates, gov, regime, total, industry):
    p["stage"] = stage
    p["stage_reason"] = STAGE_REASONS[stage]
    if dates.get("code_issued"):
        p["code"] = project_code(dates["code_issued"], industry, regime)
    for k in ("planned_start", "planned_completion", "actual_start", "actual_completion"):
        if k in dates:
            p[k] = d(dates[k])
    if "actual_start" in dates and total >= 500:
        p["stats_status"] = "included"
        stats = dates["actual_start"] + dt.timedelta(days=rng.randint(10, 45))
        p["stats_date"] = d(min(stats, LAST_ACTUAL))
    else:
        p["stats_status"] = "not_applicable"


def address(tw, road, name):
    if road in name:
        return f"雁塔区{tw[1]}{road}"
    others = [r for r in tw[3] if r != road]
    suffix = rng.choice(["以东", "以西", "以南", "以北", "沿线", "与" + rng.choice(others) + "交汇处"])
    return f"雁塔区{tw[1]}{road}{suffix}"


def generic_project(idx, kind, stage, level, namer):
    spec = KINDS[kind]
    name, tw, road = namer.make(kind, spec)
    lo, hi = spec["inv"]
    total = round_inv(lo * (hi / lo) ** rng.random())
    if level == "provincial":
        total = max(total, 200000)
    elif level == "city":
        total = max(total, 30000 if spec["cat"] != "social" else 10000)
    gov = spec["gov"]
    if gov:
        regime = "approval"
    elif kind in ("heating",) or (kind in ("electronic", "chip") and rng.random() < 0.3):
        regime = "ratification"
    else:
        regime = "filing"
    nature = "new"
    if "改造" in name or "提升" in name or "改扩建" in name:
        nature = "renovation" if "改扩建" not in name else "expansion"
    if "迁建" in name:
        nature = "relocation"
    resp = rng.choice(spec["resp"])
    if spec["cat"] in ("commercial", "urban_renewal") and rng.random() < 0.35:
        resp = tw[0]  # the township carries it
    lon, lat = coords(tw)
    p = {
        "key": f"p{idx:03d}",
        "name": name,
        "level": level,
        "category": spec["cat"],
        "approval_regime": regime,
        "nature": nature,
        "industry_code": spec["ind"],
        "region_code": AREA,
        "address": address(tw, road, name),
        "longitude": lon,
        "latitude": lat,
        "owner": rng.choice(spec["owners"]),
        "responsible": resp,
        "scale_content": scale_text(spec, total),
        "total_investment": str(total),
    }
    if stage != "conceived":
        p["funding"] = [{"source": s, "amount": str(a)} for s, a in funding_mix(total, gov, stage)]
    p["measurement_method"] = "financial" if (not gov and total >= 50000 and rng.random() < 0.6) \
        else "progress"
    dates = stage_dates(stage)
    finish_project(p, stage, dates, gov, regime, total, spec["ind"])
    if stage == "suspended":
        p["stage_reason"] = rng.choice(["存量台账导入：因资金未到位暂停施工",
                                        "存量台账导入：规划方案调整，暂缓建设",
                                        "存量台账导入：征拆未完成，停工待续建"])
    p["assignments"] = assignments(p, spec["leader"], level, stage)
    return p


def assignments(p, leader, level, stage, officer=None, coop=None):
    rows = []
    lead = leader
    if level == "provincial":
        lead = rng.choice(["sj", "qz"])
    elif level == "city" and rng.random() < 0.25:
        lead = "cwfqz"
    rows.append({"role": "lead_leader", "person": lead})
    rows.append({"role": "responsible_unit", "unit": p["responsible"]})
    if level in ("provincial", "city"):
        rows.append({"role": "dispatch_leader", "person": "cwfqz" if lead != "cwfqz" else "qz"})
    if officer is None and stage not in ("conceived",) and rng.random() < 0.88:
        line = LINE_OFFICERS.get(p["responsible"])
        officer = line if line and rng.random() < 0.5 else rng.choice(FGW_OFFICERS)
    if officer:
        rows.append({"role": "chief_service_officer", "person": officer})
    if coop is None:
        pool = ["zrzy", "zjj", "sthj", "xzsp", "czj", "cgj"]
        coop = [u for u in rng.sample(pool, rng.choice([0, 0, 1, 1, 2])) if u != p["responsible"]]
    for u in coop:
        if u != p["responsible"]:
            rows.append({"role": "cooperating_unit", "unit": u})
    if level == "provincial":
        rows.append({"role": "lead_unit", "unit": "fgw"})
    return rows


def real_project(spec):
    kind = KINDS[spec["kind"]]
    tw = township_by_key(spec["township"])
    lon, lat = coords(tw)
    industry = spec.get("industry", kind["ind"])
    regime = spec.get("regime", "approval")
    p = {
        "key": spec["key"],
        "name": spec["name"],
        "level": spec["level"],
        "category": spec.get("category", kind["cat"]),
        "approval_regime": regime,
        "nature": spec["nature"],
        "industry_code": industry,
        "region_code": AREA,
        "address": spec["address"],
        "longitude": lon,
        "latitude": lat,
        "owner": spec["owner"],
        "responsible": spec["responsible"],
        "scale_content": spec["scale"],
        "total_investment": str(spec["total"]),
        "funding": [{"source": s, "amount": str(a)} for s, a in spec["funding"]],
        "measurement_method": spec.get("method", "progress"),
    }
    assert sum(a for _, a in spec["funding"]) == spec["total"], spec["name"]
    s = dt.date.fromisoformat(spec["actual_start"])
    dates = {"actual_start": s, "planned_start": dt.date.fromisoformat(spec["planned_start"]),
             "planned_completion": dt.date.fromisoformat(spec["planned_completion"]),
             "code_issued": issued_before(s)}
    if spec.get("actual_completion"):
        dates["actual_completion"] = dt.date.fromisoformat(spec["actual_completion"])
    finish_project(p, spec["stage"], dates, regime == "approval", regime, spec["total"], industry)
    p["assignments"] = assignments(p, spec["leader"], spec["level"], spec["stage"],
                                   officer=spec["officer"], coop=spec["coop"])
    return p


def build_projects():
    projects = [real_project(s) for s in REAL_PROJECTS]
    real_stage_counts = {}
    for s in REAL_PROJECTS:
        real_stage_counts[s["stage"]] = real_stage_counts.get(s["stage"], 0) + 1
    stages = []
    for stage, n in STAGE_PLAN:
        stages += [stage] * (n - real_stage_counts.get(stage, 0))
    rng.shuffle(stages)
    kinds = list(KINDS)
    weights = [KINDS[k]["weight"] for k in kinds]
    namer = Namer()
    for s in REAL_PROJECTS:
        namer.used.add(s["name"])
    n_generated = len(stages)
    # Levels: ~4 more provincial, ~30% city, the rest district.
    levels = ["provincial"] * 4 + ["city"] * 40
    levels += ["district"] * (n_generated - len(levels))
    rng.shuffle(levels)
    for i, (stage, level) in enumerate(zip(stages, levels)):
        kind = rng.choices(kinds, weights)[0]
        if level == "provincial":
            kind = rng.choice(["village", "office", "mall", "software", "chip", "hospital"])
        projects.append(generic_project(i + 1, kind, stage, level, namer))
    finish_this_year(projects)
    pend_statistics(projects)
    return projects


# This year's figures need this year's events (issue 15): some projects under construction
# finished in the first half of 2026 (竣工, a few 投产), on or before their planned completion or
# a little late, so that 竣工投产达效率 has something to count. A separate generator keeps the
# rest of the demo as it was.
FINISHED_THIS_YEAR = 9


def finish_this_year(projects):
    local = random.Random(SEED + 15)
    real = {s["key"] for s in REAL_PROJECTS}
    built = [p for p in projects if p["stage"] == "construction" and p["key"] not in real
             and p["actual_start"] <= "2024-12-31"]
    for n, p in enumerate(local.sample(built, FINISHED_THIS_YEAR)):
        done = rand_date_with(local, dt.date(2026, 1, 20), LAST_ACTUAL - dt.timedelta(days=10))
        # Planned for this year: on time for most, a few finishing after the planned day.
        planned = done + dt.timedelta(days=local.choice([-25, 10, 30, 60, 120]))
        planned = min(max(planned, dt.date(2026, 1, 31)), dt.date(2026, 12, 31))
        p["planned_completion"] = d(planned)
        p["actual_completion"] = d(done)
        p["stage"] = "production" if n % 3 == 0 else "completed"
        p["stage_reason"] = STAGE_REASONS[p["stage"]]


# 入库纳统 is not instant: a third of the projects started since 2026-01-01 are still waiting.
def pend_statistics(projects):
    for i, p in enumerate(sorted((p for p in projects
                                  if p.get("actual_start", "") >= "2026-01-01"
                                  and p.get("stats_status") == "included"),
                                 key=lambda p: p["key"])):
        if i % 3 == 0:
            p["stats_status"] = "pending"
            p.pop("stats_date", None)


def rand_date_with(generator, start, end):
    return start + dt.timedelta(days=generator.randint(0, (end - start).days))


def write(name, rows):
    path = os.path.join(HERE, name)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(rows, f, ensure_ascii=False, indent=1)
        f.write("\n")


def main():
    write("regions.json", REGIONS)
    write("units.json", build_units())
    write("people.json", build_people())
    write("users.json", USERS)
    write("projects.json", build_projects())


if __name__ == "__main__":
    main()
