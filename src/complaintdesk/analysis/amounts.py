"""Money amounts in complaint text: rule-based, with the currency decided by context.

A number is money only when a currency marker stands next to it (a symbol or code before it, a
currency word after it) or when a money verb directly precedes a figure with a Chinese scale
(赔我两万, 损失了3万). Bare numbers (order numbers, phone numbers, points, percentages, dates)
are never money. The same (value, currency) stated twice counts once.

Currency rules (LABELING.md): explicit markers win; 元/块 in Simplified text is CNY; 元/塊 in
Traditional text is HKD in a Hong Kong text, TWD in a Taiwan text and otherwise the organisation's
default currency (TWD when none is given); `$` and "dollars" alone are HKD/TWD in Hong Kong/Taiwan
text, else the default currency (USD when none is given). An ambiguous marker also follows an
explicit currency of the same family found elsewhere in the text (HK$3,000 ... three thousand
dollars → one HKD figure).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .result import Amount, Span
from .text import detect_language, normalize

# --- numbers -------------------------------------------------------------------------------

_DIGIT_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_CN_DIGITS = "零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖"
_CN_UNITS = "十百千万亿拾佰仟"
_CN_NUM = f"[{_CN_DIGITS}{_CN_UNITS}]+"
_SCALE_WORD = r"(?:\s?(?:k|thousand|million|mil|m|grand|bn|billion)\b|\s?[十百千万亿]+)"
# a number: digits with an optional scale (1.2万, 3k, 2 thousand), or Chinese numerals
_NUMBER = rf"(?:{_DIGIT_NUM}{_SCALE_WORD}?(?:[{_CN_DIGITS}])?|{_CN_NUM})"

_CN_VALUE = {
    "零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "两": 2, "贰": 2, "三": 3, "叁": 3, "四": 4, "肆": 4,
    "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}  # fmt: skip
_CN_SMALL_UNIT = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_CN_BIG_UNIT = {"万": 10_000, "亿": 100_000_000}
_EN_SCALE = {
    "k": 1_000, "thousand": 1_000, "grand": 1_000, "m": 1_000_000, "mil": 1_000_000,
    "million": 1_000_000, "bn": 1_000_000_000, "billion": 1_000_000_000,
}  # fmt: skip


def parse_chinese_number(s: str) -> float | None:
    """三千 → 3000, 一万二 → 12000, 两千五 → 2500, 一千零五十 → 1050, 1.2万 → 12000, 3千5 → 3500."""
    total = 0.0
    section = 0.0
    number: float | None = None
    last_unit = 0
    zero_seen = False
    i = 0
    while i < len(s):
        ch = s[i]
        m = re.match(r"\d+(?:\.\d+)?", s[i:])
        if m:
            number = float(m.group())
            i += len(m.group())
            continue
        if ch in _CN_VALUE:
            if ch in "零〇":
                zero_seen = True
                i += 1
                continue
            if number is not None:  # 一一 etc: not a number we understand
                return None
            number = float(_CN_VALUE[ch])
        elif ch in _CN_SMALL_UNIT:
            unit = _CN_SMALL_UNIT[ch]
            section += (number if number is not None else 1.0) * unit
            number, last_unit, zero_seen = None, unit, False
        elif ch in _CN_BIG_UNIT:
            unit = _CN_BIG_UNIT[ch]
            section += number or 0.0
            if section == 0:
                section = 1.0
            total += section * unit
            section, number, last_unit, zero_seen = 0.0, None, unit, False
        else:
            return None
        i += 1
    if number is not None:
        if last_unit >= 100 and not zero_seen and number < 10 and number.is_integer():
            section += number * last_unit / 10  # colloquial 一万二, 两千五, 三百五
        else:
            section += number
    value = total + section
    return value if value > 0 else None


_EN_ONES = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_EN_WORDS = "|".join(sorted((*_EN_ONES, "hundred", "thousand", "million", "grand"), key=len, reverse=True))
_EN_NUMBER = rf"(?:(?<![a-z])(?:{_EN_WORDS})(?![a-z])(?:[\s-]+(?:and[\s-]+)?(?:{_EN_WORDS})(?![a-z]))*)"


def parse_english_number(s: str) -> float | None:
    """ "twelve hundred" → 1200, "two thousand five hundred" → 2500, "fifty" → 50."""
    total = 0.0
    current = 0.0
    words = [w for w in re.split(r"[\s-]+", s.lower()) if w and w != "and"]
    if words and all(w in ("a", "an") for w in words):
        return None
    for w in words:
        if w in _EN_ONES:
            current += _EN_ONES[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in ("thousand", "grand", "million"):
            total += (current or 1) * (1_000_000 if w == "million" else 1000)
            current = 0
        else:
            return None
    value = total + current
    return value if value > 0 else None


def parse_number(s: str) -> float | None:
    """Any number form the extractor matches: 3,000 / 45.99 / 1.2万 / 3k / 2 thousand / 三千 / twelve hundred."""
    s = s.strip()
    m = re.fullmatch(rf"({_DIGIT_NUM})\s?(k|thousand|million|mil|m|grand|bn|billion)", s)
    if m:
        return float(m.group(1).replace(",", "")) * _EN_SCALE[m.group(2)]
    if re.fullmatch(_DIGIT_NUM, s):
        return float(s.replace(",", ""))
    if re.search(f"[{_CN_DIGITS}{_CN_UNITS}]", s):
        return parse_chinese_number(s.replace(",", "").replace(" ", ""))
    return parse_english_number(s)


# --- currency markers -----------------------------------------------------------------------

# prefix markers (before the number), longest first when joined; None = ambiguous "dollar"
_PREFIX: dict[str, str | None] = {
    "hk$": "HKD", "hkd": "HKD", "nt$": "TWD", "ntd": "TWD", "twd": "TWD", "us$": "USD", "usd": "USD",
    "s$": "SGD", "sgd": "SGD", "a$": "AUD", "aud": "AUD", "c$": "CAD", "cad": "CAD", "rmb": "CNY",
    "cny": "CNY", "mop": "MOP", "jpy": "JPY", "gbp": "GBP", "eur": "EUR", "inr": "INR", "£": "GBP",
    "€": "EUR", "¥": "CNY", "₹": "INR", "$": None, "人民币": "CNY", "港币": "HKD", "港元": "HKD",
    "新台币": "TWD", "台币": "TWD", "美元": "USD", "美金": "USD", "英镑": "GBP", "欧元": "EUR",
    "日元": "JPY", "澳门币": "MOP",
}  # fmt: skip
# suffix markers (after the number); "yuan" = 元/块 (regional), "dollar" = ambiguous dollar
_SUFFIX: dict[str, str] = {
    "块钱": "yuan", "块": "yuan", "元": "yuan", "圆": "yuan", "蚊": "HKD", "港币": "HKD", "港元": "HKD",
    "港纸": "HKD", "人民币": "CNY", "美元": "USD", "美金": "USD", "新台币": "TWD", "台币": "TWD",
    "英镑": "GBP", "镑": "GBP", "欧元": "EUR", "日元": "JPY", "日圆": "JPY", "澳元": "AUD",
    "新币": "SGD", "澳门币": "MOP", "加元": "CAD",
    "hong kong dollars": "HKD", "hk dollars": "HKD", "us dollars": "USD", "u.s. dollars": "USD",
    "nt dollars": "TWD", "taiwan dollars": "TWD", "singapore dollars": "SGD",
    "australian dollars": "AUD", "canadian dollars": "CAD",
    "dollars": "dollar", "dollar": "dollar", "bucks": "dollar", "buck": "dollar",
    "pounds": "GBP", "pound": "GBP", "quid": "GBP", "euros": "EUR", "euro": "EUR", "yuan": "CNY",
    "kuai": "CNY", "rmb": "CNY", "hkd": "HKD", "usd": "USD", "gbp": "GBP", "eur": "EUR", "twd": "TWD",
    "ntd": "TWD", "cny": "CNY", "sgd": "SGD", "aud": "AUD", "cad": "CAD", "jpy": "JPY", "yen": "JPY",
    "rupees": "INR", "inr": "INR", "mop": "MOP",
}  # fmt: skip


def _alt(keys: list[str]) -> str:
    return "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))


_ASCII_WORD_END = r"(?![a-z])"
_PREFIX_RE = rf"(?P<pre>{_alt(list(_PREFIX))})"
_SUFFIX_RE = rf"(?P<suf>{_alt(list(_SUFFIX))}){_ASCII_WORD_END}"
_RANGE_HEAD = rf"(?:(?P<lo>{_DIGIT_NUM})\s?(?:-|~|–|到|至|to)\s?)?"
_AMOUNT_RE = re.compile(
    rf"{_PREFIX_RE}\s?(?P<num1>{_NUMBER})(?:\s?(?P<suf1>{_alt(list(_SUFFIX))}){_ASCII_WORD_END})?"
    rf"|{_RANGE_HEAD}(?P<num2>{_NUMBER}|{_EN_NUMBER})\s?{_SUFFIX_RE}"
)
# money verbs directly before a figure with a Chinese scale and no currency word: 赔我两万, 损失了3万
_VERB_AMOUNT_RE = re.compile(
    r"(?:赔偿?|损失|花了|付了|交了|收了|扣了|退|罚款?|骗了|被盗刷了?|盗刷了?|多收了?|多扣了?)"
    r"(?:了|我|你们|共|总共|足足|整整|近|将近|超过|至少)*\s?"
    rf"(?P<num>(?:{_DIGIT_NUM}\s?[千万]|{_CN_NUM}[千万]|[{_CN_DIGITS}]+[千万][{_CN_DIGITS}{_CN_UNITS}]*))"
    r"(?![\d%分点个次天号单件人户多年月日小时])"
)
_NOT_MONEY_AFTER_KUAI = set("钱了的啊呀吧呢吗啦买都也还就是给而多左右一,.，。!！?？ )）\n")
_NUMBER_CHAR_BEFORE = re.compile(r"(?:\d[.,]?|#|[a-z])$")

_HK_CUES = re.compile(
    r"香港|港铁|九龙|新界|旺角|铜锣湾|尖沙咀|沙田|荃湾|屯门|元朗|观塘|将军澳|八达通|港岛|中环|湾仔|"
    r"[咗嘅冇佢啲喺嚟]|\bhong kong\b|\bhk\b|\bmtr\b|\bkowloon\b|\boctopus card\b|蚊"
)
_TW_CUES = re.compile(
    r"台湾|台北|新北|高雄|台中|台南|桃园|新竹|基隆|捷运|健保|悠游卡|台铁|统一发票|超商|\btaiwan\b|\btaipei\b|"
    r"\bkaohsiung\b"
)
_DOLLAR_FAMILY = {"HKD", "TWD", "USD", "SGD", "AUD", "CAD"}
_YUAN_FAMILY = {"CNY", "HKD", "TWD"}


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    value: float
    marker: str  # an ISO code, or "dollar" / "yuan" (ambiguous)


def _ascii_alpha(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def _region(norm: str) -> str | None:
    hk = len(_HK_CUES.findall(norm))
    tw = len(_TW_CUES.findall(norm))
    if hk > tw:
        return "HK"
    if tw > hk:
        return "TW"
    return None


def _hits(norm: str) -> list[_Hit]:
    hits: list[_Hit] = []
    for m in _AMOUNT_RE.finditer(norm):
        if m.group("pre") is not None:
            pre = m.group("pre")
            if pre[0].isascii() and pre[0].isalpha() and m.start() > 0 and _ascii_alpha(norm[m.start() - 1]):
                continue  # "xusd", part of a word
            value = parse_number(m.group("num1"))
            marker = _PREFIX[pre]
            suf1 = m.group("suf1")
            if marker is None:
                marker = _SUFFIX[suf1] if suf1 and _SUFFIX[suf1] not in ("yuan",) else "dollar"
            if value is not None:
                hits.append(_Hit(m.start(), m.end(), value, marker))
            continue
        num, suf = m.group("num2"), m.group("suf")
        start = m.start("num2")
        if start > 0 and _NUMBER_CHAR_BEFORE.search(norm[:start]) and m.group("lo") is None:
            continue  # tail of a longer token such as an order number
        if suf[0].isascii() and _ascii_alpha(norm[start]) and start > 0 and _ascii_alpha(norm[start - 1]):
            continue
        value = parse_number(num)
        if value is None:
            continue
        if suf == "块" and value < 10:
            nxt = norm[m.end() : m.end() + 1]
            if nxt and nxt not in _NOT_MONEY_AFTER_KUAI and not nxt.isdigit() and nxt not in _CN_VALUE:
                continue  # 一块蛋糕, 两块玻璃: a piece, not money
        marker = _SUFFIX[suf]
        end = m.end()
        if suf in ("块", "元", "块钱"):  # 五块五, 3块5, 三块五毛
            tail = re.match(rf"([{_CN_DIGITS}]|\d)(?:毛|角)?(?![\d{_CN_DIGITS}{_CN_UNITS}])", norm[end:])
            if tail and value.is_integer():
                digit = tail.group(1)
                value += (float(digit) if digit.isdigit() else _CN_VALUE[digit]) / 10
                end += len(tail.group())
        if m.group("lo") is not None:
            lo = parse_number(m.group("lo"))
            if lo is not None:
                hits.append(_Hit(m.start("lo"), m.end("lo"), lo, marker))
        hits.append(_Hit(start, end, value, marker))
    covered = [(h.start, h.end) for h in hits]
    for m in _VERB_AMOUNT_RE.finditer(norm):
        s, e = m.start("num"), m.end("num")
        if any(s < ce and cs < e for cs, ce in covered):
            continue
        value = parse_number(m.group("num"))
        if value is not None:
            hits.append(_Hit(s, e, value, "yuan"))
    hits.sort(key=lambda h: h.start)
    return hits


def _resolve(marker: str, lang: str, region: str | None, explicit: list[str], default: str | None) -> str:
    if marker not in ("dollar", "yuan"):
        return marker
    family = _DOLLAR_FAMILY if marker == "dollar" else _YUAN_FAMILY
    for code in explicit:
        if code in family:
            return code
    if region == "HK":
        return "HKD"
    if region == "TW":
        return "TWD"
    if marker == "yuan":
        if lang == "zh-Hans":
            return "CNY"
        if lang == "zh-Hant":
            return default or "TWD"
        return default or "CNY"
    return default or "USD"


def extract_amounts(text: str, lang: str | None = None, default_currency: str | None = None) -> list[Amount]:
    """Every money figure in `text`, once, in order of appearance, with spans into `text`."""
    if not text:
        return []
    return amounts_in(text, normalize(text), lang, default_currency)


def amounts_in(text: str, norm: str, lang: str | None, default_currency: str | None) -> list[Amount]:
    """`extract_amounts` for a text already normalised (`norm` = normalize(text))."""
    hits = _hits(norm)
    if not hits:
        return []
    lang = lang or detect_language(text)
    region = _region(norm)
    explicit = [h.marker for h in hits if h.marker not in ("dollar", "yuan")]
    out: list[Amount] = []
    seen: set[tuple[float, str]] = set()
    for h in hits:
        currency = _resolve(h.marker, lang, region, explicit, default_currency)
        key = (round(h.value, 2), currency)
        if key in seen:
            continue
        seen.add(key)
        out.append(Amount(round(h.value, 2), currency, Span(h.start, h.end, text[h.start : h.end])))
    return out
