"""False alarms found by fresh good replies (data/coach/pairs_tune_fresh.jsonl), fixed as ideas.

The replies here are new wordings, not copies of the labelled pairs: each must pass clean, and each
near miss next to it must still be caught.
"""

from __future__ import annotations

import pytest

from complaintdesk.playbook import coach

CLEAN = [
    # a role word, a space, the handler's name, a comma and their number is a signature
    (
        "zh-Hans",
        "您好，药品配送延误了两天，非常抱歉，是我们没有及时安排司机。药品今天下午4点前送到，"
        "送达后我会短信通知您。营养师 韩冰，电话 0755-2666 0131",
    ),
    (
        "zh-Hant",
        "您好，帳單寄錯地址造成您的困擾，我們非常抱歉，是我們資料登錄錯誤。地址已更正，"
        "新帳單本週四前寄出。承辦人：業務課 邱建宏，(05) 277-0143 分機 18",
    ),
    # an English given name in brackets with a role, and "搵 Amy" on a WhatsApp line
    (
        "zh-Hant",
        "你好，冷氣維修師傅遲咗三個鐘，真係好對唔住，係我哋排錯更。師傅聽日上晝十點會再上嚟，"
        "我會喺今晚八點前打俾你確認。有咩可以WhatsApp我：6234 5678（Winnie，客戶主任）",
    ),
    # the handler's own "负责人 + name + 手机" is not a third party's phone number
    (
        "zh-Hans",
        "您好，洗衣店把您的大衣洗缩水了，非常抱歉，是我们温度设置错了。我们会按购买价赔偿，"
        "款项三个工作日内转给您。门店负责人 邓磊，手机 137 0000 4521",
    ),
    # the handler apologising "to you and the other residents" asks nothing of the customer
    (
        "zh-Hant",
        "我哋向你同其他住客致歉，升降機停咗五日係我哋跟進唔夠快。新零件星期三到，星期四下晝前恢復運作。"
        "物業經理 鍾偉，電話 2666 0172",
    ),
    # "you should have it by …" and "you shouldn't have to" are not blame
    (
        "en",
        "Dear Ms Shah, I'm sorry your refund was held up; chasing us three times is not something you "
        "should have to do. It was sent today, so you should have it by Friday. I'll email you on "
        "Thursday to confirm. Omar Haddad, Accounts, 0113 496 0271",
    ),
    # a regulator's guaranteed standards scheme pays a fixed amount: not an overpromise
    (
        "en",
        "Dear Mr Price, I apologise that our engineer missed your appointment on Monday. Under the "
        "guaranteed standards scheme we have paid £30 into your account, and a new visit is booked for "
        "8 am on Wednesday. Any questions, call me on 0800 496 0355. Grace Lowe, Customer Care",
    ),
]


@pytest.mark.parametrize(("lang", "text"), CLEAN)
def test_fresh_good_replies_pass_clean(lang: str, text: str) -> None:
    assert coach(text, lang=lang).rules == []


NEAR_MISSES = [
    ("en", "argues_or_blames", "I'm sorry about the delay. You should have checked the tracking page first. "
     "I'll call you by 5 pm on Friday. Omar Haddad, Accounts, 0113 496 0271"),
    ("en", "overpromise", "I'm sorry about the outages. I can promise you that after Saturday there will be "
     "no more cuts on your road. I'll call you by 5 pm on Friday. Omar Haddad, Accounts, 0113 496 0271"),
    ("zh-Hans", "demands_apology", "您好，给您添麻烦了，很抱歉。您应该先向我们的司机道歉。"
     "我们明天上午10点给您回电话。客服 林小姐 021-6888-1234"),
    ("zh-Hans", "no_contact", "您好，给您添麻烦了，很抱歉。我们明天上午10点给您回电话。物业服务中心"),
]


@pytest.mark.parametrize(("lang", "rule", "text"), NEAR_MISSES)
def test_near_misses_are_still_caught(lang: str, rule: str, text: str) -> None:
    assert rule in coach(text, lang=lang).rules
