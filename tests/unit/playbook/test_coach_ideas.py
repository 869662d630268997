"""The `pairing` checks: a blame or a disclosure recognised as an idea (subject + predicate), not a fixed wording.

Each probe sits inside an otherwise good reply (see variants.reply), so the probe alone decides the verdict.
The sentences here are new wordings, not copied from the labelled pairs.
"""

from __future__ import annotations

import pytest

from complaintdesk.playbook import coach
from complaintdesk.playbook._text import cantonese_to_mandarin, normalise

from .variants import reply

BLAMES = {
    "en": [
        "You were supposed to bring the signed consent form to the surgery.",
        "The parking permit lapsed because you failed to renew it online.",
        "Your daughter must have misread the timetable on the school website.",
        "The agency driver did not follow the route sheet he was given.",
        "Your claim that the instructor swore at you is simply not correct.",
    ],
    "zh-Hans": [
        "您当初办理时本来就应该先核对证件有效期。",
        "是您自己把地址填错了，快递才会退回。",
        "按照记录您当时选的是不含保险的套餐。",
        "事实并非如此，当天的收银记录显示已经找零。",
        "实习的药剂师没有核对处方，才拿错了药。",
    ],
    "zh-Hant": [
        "你哋當初自己揀錯咗日子，唔係我哋嘅問題。",
        "你冇留意場地嘅開放時間。",
        "根本冇呢回事，職員全程都有錄音。",
        "閣下當時理解有誤，收費是按月計算的。",
    ],
}

OWNED = {
    "en": [
        "You should have been told about the delay, and that was our failure.",
        "You were supposed to receive a call back on Monday and we did not make it.",
        "You did nothing wrong: our system applied the late fee by mistake.",
        "Please take the refund at your own convenience; there is no deadline.",
        "Had we checked the booking properly, you would not have been charged twice.",
        "According to our records you booked the 9 am slot, so the cancellation was entirely our error.",
    ],
    "zh-Hans": [
        "您本应得到及时的通知，是我们没有做好。",
        "您的退款还没有办理，是我们的疏忽。",
        "如果您没有收到短信，可以直接打我的电话。",
        "时间由您自己决定，我们配合您。",
        "根据记录，您预约的是上午9点，取消预约完全是我们的失误。",
        "您当时不可能知道营业厅已经搬了，因为网站上还是旧地址。",
    ],
    "zh-Hant": [
        "您本來應該收到通知，是我們的疏失。",
        "係我哋冇及時通知你，唔係你嘅問題。",
        "你話你一早打嚟確認過時間，係我哋調度出錯，唔係你嘅問題。",
    ],
}

DISCLOSES = {
    "en": [
        "Mr Bell at number 9 has had the same leak, and he is on dialysis at home.",
        "The cashier you spoke to is on a final written warning for her attitude.",
        "Our legal team believes the claim can be defeated on a technicality.",
        "We are in a pricing dispute with our bakery supplier, so the shelves are empty.",
        "It was the family at number 22 who rang us about the smoke from your barbecue.",
        "The noise reports came from the flat directly above yours.",
        "Our billing platform Orion raised a BX-112 rejection on your direct debit.",
        "The other pupil in the fight has an autism diagnosis.",
        "The relief pharmacist that day has been having treatment for depression.",
    ],
    "zh-Hans": [
        "另一位业主王先生的电话是13712345678，您可以直接找他。",
        "那位收银员已被处分，扣了这个月的奖金。",
        "我们的律师认为这笔索赔可以用免责条款拖一拖。",
        "这位师傅已经第三次被业主投诉了。",
        "您的账户在我们的风控系统里被标记为高风险，所以无法放款。",
        "住在三楼的孙阿姨向我们投诉过好几次。",
        "那位客服最近家里老人住院，状态不太好。",
    ],
    "zh-Hant": [
        "另一位客人陳先生嘅電話係98765432，你可以直接搵佢。",
        "嗰個同事已經被處分，仲扣咗花紅。",
        "嗰位保安已經俾公司罰咗款。",
        "我哋公司同業主有官司，所以工程停咗。",
        "報告寄到了隔壁陳先生家，他本身也是糖尿病患者。",
    ],
}

KEPT_PRIVATE = {
    "en": [
        "We cannot share another customer's details, but the area is now safe.",
        "Mr Shah from our repairs team will call you on Monday at 10 am on 020 7946 0111.",
        "We received a report from a neighbour, and we keep the identity of anyone who reports confidential.",
        "My colleague Dr Evans will see you on Monday at 10 am.",
        "The error code E-23 on your boiler display means the pressure is low.",
        "We have marked your account as a priority so that the repair is done first.",
        "Our deputy manager, Dr Okafor, will phone you at 11 am on Thursday.",
    ],
    "zh-Hans": [
        "出于隐私，我们不能透露其他客户的情况，但现场已经处理安全。",
        "王先生您好，我是物业客服小陈，电话 021-6123 4567。",
        "我们已把您的订单标记为加急。",
        "热水器显示E1故障代码，说明水压偏低。",
        "其他问题也欢迎随时打我电话 0592-5517 8800。",
        "我们知道她有认知障碍，走路时会有护工全程陪同。",
        "信寄到了2号房，而您住在12号房，是我们录入地址时出错了。",
    ],
    "zh-Hant": [
        "基於隱私，我們不能透露其他客人的資料。",
        "我哋收到街坊反映，但反映人嘅資料一律保密。",
        "我們知道他有糖尿病，已安排護士每日換藥。",
    ],
}


def _probes(table: dict[str, list[str]]) -> list[tuple[str, str]]:
    return [(lang, s) for lang, sentences in table.items() for s in sentences]


@pytest.mark.parametrize(("lang", "sentence"), _probes(BLAMES))
def test_blame_as_an_idea(lang: str, sentence: str) -> None:
    assert "argues_or_blames" in coach(reply(lang, sentence), lang=lang).rules


@pytest.mark.parametrize(("lang", "sentence"), _probes(OWNED))
def test_ownership_with_the_same_words_is_not_blame(lang: str, sentence: str) -> None:
    assert "argues_or_blames" not in coach(reply(lang, sentence), lang=lang).rules


@pytest.mark.parametrize(("lang", "sentence"), _probes(DISCLOSES))
def test_disclosure_as_an_idea(lang: str, sentence: str) -> None:
    assert "disclosure" in coach(reply(lang, sentence), lang=lang).rules


@pytest.mark.parametrize(("lang", "sentence"), _probes(KEPT_PRIVATE))
def test_refusing_to_disclose_is_not_disclosure(lang: str, sentence: str) -> None:
    assert "disclosure" not in coach(reply(lang, sentence), lang=lang).rules


def test_cantonese_function_words_are_read_as_mandarin_keeping_offsets() -> None:
    text = "你哋冇睇清楚，唔關我哋事"
    assert cantonese_to_mandarin(text) == "你们没看清楚，不關我们事"
    assert len(normalise(text, "zh-Hant")) == len(text)


def test_pairing_span_covers_subject_and_predicate() -> None:
    text = reply("en", "You were supposed to bring the signed consent form to the surgery.")
    v = next(v for v in coach(text, lang="en").violations if v.rule == "argues_or_blames")
    assert v.evidence.startswith("You") and "supposed to" in v.evidence


# the handler's own signature: a title with a surname and a phone is not another person's data, and a
# name in brackets after the department is a name
SIGNED_GOOD = [
    (
        "zh-Hant",
        "陳先生您好，非常抱歉送錯了雪櫃型號，這是我們的疏忽。正確型號已安排於3月16日（星期六）上午10時送貨，"
        "運費全免。如有任何變動，請直接致電我 2345 6789（客戶服務部 李嘉欣）。",
    ),
    (
        "zh-Hans",
        "您好，非常抱歉给您添了麻烦。我们已安排维修师傅明天上午10点上门更换配件。客服 林小姐 021-6888-1234。",
    ),
]


@pytest.mark.parametrize(("lang", "text"), SIGNED_GOOD)
def test_the_handlers_own_signature_is_neither_missing_nor_a_disclosure(lang: str, text: str) -> None:
    rules = coach(text, lang=lang).rules
    assert "no_contact" not in rules and "disclosure" not in rules
