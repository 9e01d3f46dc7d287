"""The generic parts of agency names and how people write them in short and in English.

English renderings keep the proper name in pinyin and translate the generic part:
汉屯路街道办事处 is "Hantun Road Subdistrict Office", or "Hantun Road" for short.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Generic:
    """A generic name part: Chinese short forms (``""`` = may be dropped) and English forms."""

    zh: str
    zh_short: tuple[str, ...]
    en: tuple[str, ...]


# Longest first: the name is peeled from its end with the first part that fits.
GENERICS: tuple[Generic, ...] = (
    Generic(
        "人民政府办公厅",
        ("人民政府办公厅", "政府办公厅", "办公厅"),
        ("people's government general office", "government general office", "general office"),
    ),
    Generic(
        "人民政府办公室",
        ("人民政府办公室", "政府办公室", "政府办"),
        ("people's government office", "government office"),
    ),
    Generic(
        "街道办事处",
        ("街道办事处", "街道办", "街道", "办事处", ""),
        (
            "subdistrict office",
            "sub-district office",
            "street office",
            "subdistrict",
            "sub-district",
            "street",
            "",
        ),
    ),
    Generic("镇人民政府", ("镇人民政府", "镇政府", "镇"), ("town government", "town")),
    Generic("乡人民政府", ("乡人民政府", "乡政府", "乡"), ("township government", "township")),
    Generic(
        "管理委员会",
        ("管理委员会", "管委会", ""),
        ("management committee", "administrative committee", ""),
    ),
    Generic("人民政府", ("人民政府", "政府", ""), ("people's government", "government", "")),
    Generic(
        "综合实验区",
        ("综合实验区", "综合区", ""),
        ("comprehensive experimental zone", "comprehensive pilot zone", ""),
    ),
    Generic("管委会", ("管委会", ""), ("management committee", "administrative committee", "")),
    Generic("委员会", ("委员会", "委"), ("commission", "committee")),
    Generic("办公厅", ("办公厅",), ("general office",)),
    Generic("办公室", ("办公室", "办"), ("office",)),
    Generic("管理局", ("管理局", "局"), ("administration", "bureau", "authority")),
    Generic("办事处", ("办事处", ""), ("office", "")),
    Generic("街道", ("街道", ""), ("subdistrict", "sub-district", "street", "")),
    Generic("大道", ("大道",), ("avenue", "boulevard")),
    Generic("片区", ("片区",), ("area", "zone")),
    Generic("新区", ("新区",), ("new area", "new district")),
    Generic("开发区", ("开发区",), ("development zone",)),
    Generic("大街", ("大街",), ("street", "avenue")),
    Generic("局", ("局",), ("bureau", "administration")),
    Generic("厅", ("厅",), ("department",)),
    Generic("镇", ("镇",), ("town",)),
    Generic("乡", ("乡",), ("township",)),
    Generic("区", ("区",), ("district",)),
    Generic("县", ("县",), ("county",)),
    Generic(
        "旗", ("旗",), ("banner",)
    ),  # Inner Mongolia's counties: 正镶白旗, Zhengxiangbai Banner
    Generic("市", ("市",), ("city", "municipal")),
    Generic("省", ("省",), ("province",)),
    Generic("路", ("路",), ("road",)),
    Generic("街", ("街",), ("street",)),
)

# A government's general office: a body of its own, never the government (nor the reverse).
OFFICES = frozenset({"人民政府办公厅", "人民政府办公室", "办公厅", "办公室"})

# Autonomous areas name their peoples before 自治州/县/旗: 黔东南苗族侗族自治州 is called
# 黔东南州 or "Qiandongnan Prefecture", 寻甸回族彝族自治县 寻甸县 or "Xundian County".
PEOPLES = (
    "蒙古族|回族|藏族|维吾尔族|苗族|彝族|壮族|布依族|朝鲜族|满族|侗族|瑶族|白族|土家族|哈尼族|"
    "哈萨克族|傣族|黎族|傈僳族|佤族|畲族|拉祜族|水族|东乡族|纳西族|景颇族|柯尔克孜族|土族|"
    "达斡尔族|仫佬族|羌族|布朗族|撒拉族|毛南族|仡佬族|锡伯族|阿昌族|普米族|塔吉克族|怒族|"
    "鄂温克族|德昂族|保安族|裕固族|京族|独龙族|鄂伦春族|赫哲族|门巴族|珞巴族|基诺族|蒙古|各族|"
    "哈萨克|柯尔克孜|塔吉克|鄂伦春|维吾尔"
)
AUTONOMOUS = {
    "州": ("autonomous prefecture", "prefecture"),
    "县": ("autonomous county", "county"),
    "旗": ("autonomous banner", "banner"),
    "区": ("autonomous region", "region"),
}
