"""Hand-written coach cases from the seeds: (rule, language, bad reply, good reply) for every rule.

The good reply of each case must raise *no* rule; the bad one must raise the case's rule.
"""

from __future__ import annotations

EN_SIGN = " I'm Anna Lee; you can reach me on 020 7946 0321."
HANS_SIGN = "我是客服专员王丽，电话 021-6432 7788。"
HANT_SIGN = "我是客戶服務主任陳嘉欣，電話 2678 2678 轉 3。"

EN_GOOD = (
    "Dear Mr Brown, I'm sorry the engineer did not come on Monday. I have booked a new visit for "
    "Thursday between 9 am and 12 pm, and I will call you by 5 pm on Wednesday to confirm." + EN_SIGN
)
HANS_GOOD = (
    "张先生您好，让您白等了一天，非常抱歉。我已重新安排师傅周四上午9点到12点上门，"
    "周三下午5点前我会给您回电确认。" + HANS_SIGN
)
HANT_GOOD = (
    "陳太您好，令您白等一日，非常抱歉。我已重新安排師傅於星期四上午9時至12時上門，"
    "星期三下午5時前我會致電確認。" + HANT_SIGN
)

# rule -> {lang: bad reply}; each bad reply is a good reply with one principle broken
BAD: dict[str, dict[str, str]] = {
    "argues_or_blames": {
        "en": "Dear Mr Brown, I'm sorry for the trouble, but you should have checked the booking before complaining. "
        "The engineer will come on Thursday at 9 am and I will call you by 5 pm Wednesday." + EN_SIGN,
        "zh-Hans": "张先生您好，给您添麻烦了，抱歉。不过这是您自己没看清预约时间造成的。"
        "师傅周四上午9点上门，周三下午5点前我会给您回电。" + HANS_SIGN,
        "zh-Hant": "陳太您好，抱歉令您不便。不過係你自己搞錯咗預約日期。師傅星期四上午9時上門，星期三下午5時前我會致電。"
        + HANT_SIGN,
    },
    "excuses": {
        "en": "Dear Mr Brown, we apologise, but we are extremely busy this month, two engineers are on sick leave "
        "and the new booking system had teething problems. We will visit on Thursday at 9 am and I will call you "
        "by 5 pm Wednesday." + EN_SIGN,
        "zh-Hans": "张先生您好，非常抱歉，但最近正值旺季，人手不足，系统升级也有延迟，实在忙不过来。"
        "师傅周四上午9点上门，周三下午5点前我会给您回电。" + HANS_SIGN,
        "zh-Hant": "陳太您好，非常抱歉，不過最近旺季人手唔夠，加上颱風影響，真係忙唔切。"
        "師傅星期四上午9時上門，星期三下午5時前我會致電。" + HANT_SIGN,
    },
    "policy_first": {
        "en": "Dear Mr Brown, According to our policy, visits can only be rebooked once. I'm sorry the engineer "
        "did not come; the new visit is on Thursday at 9 am and I will call you by 5 pm Wednesday." + EN_SIGN,
        "zh-Hans": "张先生您好，根据公司规定，上门预约只能改期一次。师傅没来让您白等，非常抱歉。"
        "师傅周四上午9点上门，周三下午5点前我会给您回电。" + HANS_SIGN,
        "zh-Hant": "陳太您好：根據本公司規定，上門預約只可改期一次。令您白等一日，非常抱歉。"
        "師傅星期四上午9時上門，星期三下午5時前我會致電。" + HANT_SIGN,
    },
    "demands_apology": {
        "en": "Dear Mr Brown, I'm sorry the engineer did not come. However, you shouted at our receptionist and we "
        "expect an apology from you before we continue. The visit is on Thursday at 9 am; I will call you by 5 pm "
        "Wednesday." + EN_SIGN,
        "zh-Hans": "张先生您好，让您白等了一天，非常抱歉。但当时您对前台说话很重，希望您先向她道歉。"
        "师傅周四上午9点上门，周三下午5点前我会给您回电。" + HANS_SIGN,
        "zh-Hant": "陳太您好，令您白等一日，非常抱歉。不過你要先同我哋同事道歉，我哋先可以跟進。"
        "師傅星期四上午9時上門，星期三下午5時前我會致電。" + HANT_SIGN,
    },
    "filler_agreement": {
        "en": "Yes, yes, yes, right, right. Dear Mr Brown, I'm sorry the engineer did not come. The visit is on "
        "Thursday at 9 am and I will call you by 5 pm Wednesday." + EN_SIGN,
        "zh-Hans": "好好好，对对对，张先生，让您白等了一天，非常抱歉。师傅周四上午9点上门，周三下午5点前我会给您回电。"
        + HANS_SIGN,
        "zh-Hant": "係係係，明白明白，陳太，令您白等一日，非常抱歉。師傅星期四上午9時上門，星期三下午5時前我會致電。"
        + HANT_SIGN,
    },
    "overpromise": {
        "en": "Dear Mr Brown, I'm sorry the engineer did not come. I guarantee this will never happen again. "
        "The visit is on Thursday at 9 am and I will call you by 5 pm Wednesday." + EN_SIGN,
        "zh-Hans": "张先生您好，让您白等了一天，非常抱歉。我保证以后绝对不会再发生这种事。"
        "师傅周四上午9点上门，周三下午5点前我会给您回电。" + HANS_SIGN,
        "zh-Hant": "陳太您好，令您白等一日，非常抱歉。我哋以後絕對唔會再有呢類情況。"
        "師傅星期四上午9時上門，星期三下午5時前我會致電。" + HANT_SIGN,
    },
    "no_commitment": {
        "en": "Dear Mr Brown, I'm sorry the engineer did not come. We will look into it and get back to you as soon "
        "as possible." + EN_SIGN,
        "zh-Hans": "张先生您好，让您白等了一天，非常抱歉。我们会尽快安排，有消息再通知您。" + HANS_SIGN,
        "zh-Hant": "陳太您好，令您白等一日，非常抱歉。我哋會盡快安排，有消息再通知您。" + HANT_SIGN,
    },
    "no_apology": {
        "en": "Dear Mr Brown, The engineer visit has been moved to Thursday at 9 am, and I will call you by 5 pm "
        "on Wednesday to confirm." + EN_SIGN,
        "zh-Hans": "张先生您好，师傅改到周四上午9点上门，周三下午5点前我会给您回电确认。" + HANS_SIGN,
        "zh-Hant": "陳太您好，師傅改為星期四上午9時上門，星期三下午5時前我會致電確認。" + HANT_SIGN,
    },
    "disclosure": {
        "en": "Dear Mr Brown, I'm sorry for the trouble. The noise complaint was made by your neighbour in flat 12, "
        "Mrs Green. Our officer will visit on Thursday at 9 am and I will call you by 5 pm Wednesday." + EN_SIGN,
        "zh-Hans": "张先生您好，给您添麻烦了，非常抱歉。举报人是您楼下302的李女士。"
        "我们周四上午9点上门了解情况，周三下午5点前我会给您回电。" + HANS_SIGN,
        "zh-Hant": "陳太您好，令您不快，非常抱歉。投訴是樓下 12B 的鄧太提出的。"
        "我們星期四上午9時上門了解，星期三下午5時前我會致電。" + HANT_SIGN,
    },
    "boilerplate": {
        "en": "Dear Customer, Thank you for your valuable feedback. Customer satisfaction is our top priority and we "
        "are committed to providing the highest standards of service. We apologise for any inconvenience this may "
        "have caused and will call you by 5 pm on Wednesday." + EN_SIGN,
        "zh-Hans": "您好，对于您反映的问题我们高度重视，我们始终坚持以客户为中心，将不断提升服务质量，"
        "给您带来不便深表歉意。周三下午5点前我会给您回电。" + HANS_SIGN,
        "zh-Hant": "您好，本公司一向秉持顧客至上之服務理念，持續提升服務品質，造成不便敬請見諒。"
        "星期三下午5時前我會致電。" + HANT_SIGN,
    },
    "no_contact": {
        "en": "Dear Mr Brown, I'm sorry the engineer did not come on Monday. The new visit is on Thursday at 9 am, "
        "and we will call you by 5 pm on Wednesday to confirm. Customer Service Team",
        "zh-Hans": "张先生您好，让您白等了一天，非常抱歉。师傅周四上午9点上门，周三下午5点前我们会给您回电确认。客服中心",
        "zh-Hant": "陳太您好，令您白等一日，非常抱歉。師傅星期四上午9時上門，星期三下午5時前我們會致電確認。客戶服務部",
    },
}

GOOD = {"en": EN_GOOD, "zh-Hans": HANS_GOOD, "zh-Hant": HANT_GOOD}

# good replies that look like a rule but are not (one per rule and language)
GOOD_LOOKALIKES: dict[str, dict[str, str]] = {
    "argues_or_blames": {
        "en": "Dear Mr Brown, I'm sorry: you should have received a text on Monday and our system failed to send "
        "it. The visit is on Thursday at 9 am; I will call you by 5 pm Wednesday." + EN_SIGN,
        "zh-Hans": "张先生您好，非常抱歉，可能是我们的说明让您误会了。师傅周四上午9点上门，周三下午5点前我会给您回电。"
        + HANS_SIGN,
        "zh-Hant": "陳太您好，非常抱歉，是我們的通知寫得不清楚令您誤會。師傅星期四上午9時上門，星期三下午5時前我會致電。"
        + HANT_SIGN,
    },
    "excuses": {
        "en": "Dear Mr Brown, I'm sorry: the visit was missed because we booked it on the wrong day. That was our "
        "mistake. The engineer will come on Thursday at 9 am; I will call you by 5 pm Wednesday." + EN_SIGN,
        "zh-Hans": "张先生您好，非常抱歉，师傅没来是因为我们把日期登记错了，这是我们的失误。"
        "师傅周四上午9点上门，周三下午5点前我会给您回电。" + HANS_SIGN,
        "zh-Hant": "陳太您好，非常抱歉，師傅沒有到是因為我們登記錯日期，這是我們的疏失。"
        "師傅星期四上午9時上門，星期三下午5時前我會致電。" + HANT_SIGN,
    },
    "policy_first": {
        "en": "Dear Mr Brown, I'm sorry the engineer did not come. Under our service terms you are entitled to a "
        "£20 credit, which I have applied. The visit is on Thursday at 9 am; I will call you by 5 pm Wednesday."
        + EN_SIGN,
        "zh-Hans": "张先生您好，让您白等了一天，非常抱歉。按照我们的服务承诺，您可获得20元补偿，已经为您存入账户。"
        "师傅周四上午9点上门，周三下午5点前我会给您回电。" + HANS_SIGN,
        "zh-Hant": "陳太您好，令您白等一日，非常抱歉。按照本公司服務承諾，您可獲20元補償，已存入您的戶口。"
        "師傅星期四上午9時上門，星期三下午5時前我會致電。" + HANT_SIGN,
    },
    "demands_apology": {
        "en": "Dear Mr Brown, I'm sorry the engineer did not come, and I apologise for how our receptionist spoke "
        "to you. The visit is on Thursday at 9 am; I will call you by 5 pm Wednesday." + EN_SIGN,
        "zh-Hans": "张先生您好，让您白等了一天，非常抱歉，我也已让当事员工向您当面道歉。"
        "师傅周四上午9点上门，周三下午5点前我会给您回电。" + HANS_SIGN,
        "zh-Hant": "陳太您好，令您白等一日，我們向您致歉。師傅星期四上午9時上門，星期三下午5時前我會致電。" + HANT_SIGN,
    },
    "filler_agreement": {
        "en": "Dear Mr Brown, I understand, and I'm very sorry the engineer did not come. The visit is on Thursday "
        "at 9 am; I will call you by 5 pm Wednesday." + EN_SIGN,
        "zh-Hans": "张先生您好，我明白，让您白等了一天，非常抱歉，我们一定好好处理。师傅周四上午9点上门，周三下午5点前我会给您回电。"
        + HANS_SIGN,
        "zh-Hant": "陳太您好，我明白，令您白等一日，非常抱歉。師傅星期四上午9時上門，星期三下午5時前我會致電。"
        + HANT_SIGN,
    },
    "overpromise": {
        "en": "Dear Mr Brown, I'm sorry the engineer did not come. I can't promise the part will be in stock, but "
        "I will call you by 5 pm Wednesday with the answer, and we will do our best to prevent a repeat." + EN_SIGN,
        "zh-Hans": "张先生您好，让您白等了一天，非常抱歉。我们会尽量避免类似问题再次发生，周三下午5点前我会给您回电。"
        + HANS_SIGN,
        "zh-Hant": "陳太您好，令您白等一日，非常抱歉。我們會盡力避免同類情況再發生，星期三下午5時前我會致電。"
        + HANT_SIGN,
    },
    "no_commitment": {
        "en": "Dear Mr Brown, I'm sorry the engineer did not come. I have refunded the £30 call-out fee to your card "
        "today." + EN_SIGN,
        "zh-Hans": "张先生您好，让您白等了一天，非常抱歉。上门费30元已经为您原路退回。" + HANS_SIGN,
        "zh-Hant": "陳太您好，令您白等一日，非常抱歉。上門費30元已經為您退回原戶口。" + HANT_SIGN,
    },
    "no_apology": {
        "en": "Dear Mr Brown, that must have been very frustrating. The visit is on Thursday at 9 am; I will call "
        "you by 5 pm Wednesday." + EN_SIGN,
        "zh-Hans": "张先生您好，我理解您的心情，白等一天确实让人着急。师傅周四上午9点上门，周三下午5点前我会给您回电。"
        + HANS_SIGN,
        "zh-Hant": "陳太您好，明白您白等一日一定好嬲。師傅星期四上午9時上門，星期三下午5時前我會致電。" + HANT_SIGN,
    },
    "disclosure": {
        "en": "Dear Mr Brown, I'm sorry for the trouble. We received a report about noise and our officer will "
        "visit on Thursday at 9 am; I will call you by 5 pm Wednesday." + EN_SIGN,
        "zh-Hans": "张先生您好，给您添麻烦了，非常抱歉。我们收到了相关反映，周四上午9点会上门了解情况，周三下午5点前我会给您回电。"
        + HANS_SIGN,
        "zh-Hant": "陳太您好，令您不快，非常抱歉。我們收到有關反映，星期四上午9時會上門了解，星期三下午5時前我會致電。"
        + HANT_SIGN,
    },
    "boilerplate": {
        "en": "Dear Mr Brown, thank you for your feedback, and I'm sorry the engineer did not come on Monday. The "
        "new visit is on Thursday at 9 am; I will call you by 5 pm Wednesday." + EN_SIGN,
        "zh-Hans": "张先生您好，感谢您的反馈，师傅周一没来让您白等，非常抱歉。师傅周四上午9点上门，周三下午5点前我会给您回电。"
        + HANS_SIGN,
        "zh-Hant": "陳太您好，多謝您的意見，師傅星期一沒有到令您白等，非常抱歉。師傅星期四上午9時上門，星期三下午5時前我會致電。"
        + HANT_SIGN,
    },
    "no_contact": {
        "en": "Dear Mr Brown, I'm sorry the engineer did not come. The visit is on Thursday at 9 am; I will call "
        "you by 5 pm Wednesday. Regards, Anna Lee, Customer Care, a.lee@example.co.uk",
        "zh-Hans": "张先生您好，让您白等了一天，非常抱歉。师傅周四上午9点上门，周三下午5点前我会给您回电。"
        "客服中心 王丽 021-6432 7788",
        "zh-Hant": "陳太您好，令您白等一日，非常抱歉。師傅星期四上午9時上門，星期三下午5時前我會致電。"
        "客戶服務主任 陳嘉欣 2678 2678",
    },
}

COMPLAINT = {
    "en": "The engineer never came on Monday. I took a day off work for nothing.",
    "zh-Hans": "周一说好师傅上门，结果等了一天没人来，我专门请了假。",
    "zh-Hant": "星期一話好師傅上門，點知等咗成日都冇人嚟，我專登請咗假。",
}
