# ruff: noqa: E501  (sample replies: ruff counts each CJK character as two columns)
"""Good replies to varied complaints, written for the tests: every one must pass the coach clean.

They use the wordings good handlers use (owning the problem, one short cause, a dated next step,
a name and a line) in situations the labelled pairs do not cover, to keep the coach's false alarms
in check.
"""

from __future__ import annotations

GOOD_REPLIES: list[tuple[str, str, str]] = [
    (
        "en",
        "My gas bill doubled this month and nobody can tell me why.",
        "Dear Mr Okafor, I'm sorry the bill came as such a shock. I have checked your account: last month's bill "
        "was estimated because our reader could not get to the meter, and this month's actual reading caught up "
        "the difference. Taken together, the two months match your usual use. If you would like the meter tested, "
        "I can book that free of charge; just reply with a day that suits you. Priya Nair, Billing Team, "
        "0161 555 0142",
    ),
    (
        "en",
        "The nurse on the ward was rude to my father and ignored his call bell for forty minutes.",
        "Dear Mrs Adeyemi, I am very sorry your father waited so long for help and was spoken to like that. It "
        "should not have happened. I have spoken to the ward sister, who is reviewing the night's staffing and the "
        "call-bell log, and I will meet you on the ward on Thursday at 2 pm to go through what she finds. You can "
        "reach me directly on 020 7188 4410. Helen Carter, Patient Experience Lead",
    ),
    (
        "en",
        "Your van reversed into my garden wall this morning and the driver just drove off.",
        "Dear Mr Lewis, I'm sorry, that is not how our drivers should behave. I have identified the vehicle from "
        "our tracking records and opened a damage claim (reference DC-20418). A surveyor will visit on Monday "
        "17 June between 10 am and 12 pm to assess the wall, and we will pay for the repair. I'll ring you after "
        "the visit. Sam Whitfield, Fleet Claims, 0300 555 0199, sam.whitfield@swiftvans.co.uk",
    ),
    (
        "en",
        "I was charged a late fee even though I paid on the due date. Why?",
        "Dear Ms Tran, thank you for checking with us. Your payment reached us on 3 May, one day after the due "
        "date, because bank transfers made after 6 pm are processed the next working day. As this is the first "
        "time, I have removed the £12 late fee; you will see the credit on your next statement. Jordan Ellis, "
        "Customer Accounts, 0800 555 0176",
    ),
    (
        "en",
        "The hotel room smelled of smoke and the air conditioning didn't work. We couldn't sleep.",
        "Dear Mr and Mrs Novak, I'm so sorry your stay was spoiled by the smell and the broken air conditioning; a "
        "sleepless night is the opposite of what we want for our guests. Our engineer found a faulty unit, which "
        "has now been replaced, and the room has been deep-cleaned. I have refunded the night's rate of £145 to "
        "your card. Olivia Grant, Guest Relations Manager, 0131 555 0220",
    ),
    (
        "en",
        "My son's school bus didn't turn up and nobody answered the phone at the depot.",
        "Dear Mr Haddad, I'm sorry your son was left waiting and that you could not get through to us. The driver "
        "was taken ill on the way and our standby driver was not called in time; that was our failure. From "
        "tomorrow the depot line will be staffed from 6.30 am, and I will call you on Wednesday morning to check "
        "the bus arrived. Mark Ellison, Transport Coordinator, 01632 555 301",
    ),
    (
        "en",
        "Your website said the jacket was in stock but after two weeks you cancelled my order.",
        "Hello Ms Duarte, I understand how disappointing that is after waiting two weeks. Our stock figures were "
        "wrong for that jacket, and we should have told you much sooner. Your £89 has been refunded today, and I "
        "have reserved the same jacket in your size from the new delivery arriving on 20 June; I'll email you by "
        "noon that day to confirm it has been sent. Kind regards, Ben Foster, Online Orders, ben.foster@example.com",
    ),
    (
        "en",
        "My parcel was left in the rain and everything inside is ruined.",
        "Dear Mr Kim, I'm really sorry your parcel was left out in the rain. Our courier should have used the "
        "safe place you gave or taken it back to the depot. I have arranged a replacement, which will be delivered "
        "on Saturday between 8 am and 1 pm with a signature required. Please keep the damaged items until then. "
        "Lucy Barnes, Delivery Support, 0345 555 0107",
    ),
    (
        "zh-Hans",
        "你们的快递把我的包裹扔在楼下，下雨全湿了，里面的书都泡坏了。",
        "刘先生您好，包裹被放在楼下淋湿，书都泡坏了，真的很抱歉。快递员应该送货上门或者先打电话联系您，这是我们的问题。"
        "我已经为您安排补发一套新书，周六上午送到，需要您本人签收。损坏的书您可以留着，不用寄回。"
        "如有问题请直接联系我：售后专员 陈静，电话 021-5566 7788。",
    ),
    (
        "zh-Hans",
        "我妈在你们医院输液，护士态度很差，叫了半天都不来。",
        "张女士您好，阿姨输液时叫了很久都没有护士过来，还受了冷淡的对待，我们非常抱歉，这不应该发生。"
        "我已经和病区护士长一起调取了当晚的呼叫记录，正在核实当班情况。周四下午2点我会到病房当面向您和阿姨说明核查结果。"
        "我是护理部的王敏，电话 010-8866 2211 转 305。",
    ),
    (
        "zh-Hans",
        "为什么我这个月的电费比上个月多了一倍？",
        "赵先生您好，谢谢您来咨询，电费突然翻倍，担心是正常的。我查了您家的抄表记录：上个月抄表员没能进门，"
        "按估算读数收费，比实际少；这个月是实际读数，把上个月少算的部分一起补上了，两个月加起来和往年差不多。"
        "如果您想检测电表，我可以安排免费上门，您回复方便的时间就行。电力客服 孙丽 0571-8700 1234",
    ),
    (
        "zh-Hans",
        "在你们店买的冰箱送来就是坏的，不制冷，送货师傅装完就走了。",
        "周女士您好，新冰箱送到就不制冷，让您白忙一场，实在对不起。我已经安排明天上午10点到12点给您换一台新机，"
        "师傅会当场通电测试确认制冷正常再离开。旧机由师傅直接拉走，您不用另外处理。"
        "我是门店售后主管李强，电话 0755-2233 4455。",
    ),
    (
        "zh-Hans",
        "你们的客服电话打了一个小时都打不进去，到底有没有人管？",
        "王先生您好，电话打了一个小时都没接通，耽误了您这么多时间，非常抱歉。您反映的话费问题我已经查到：多扣的18元是重复扣费，"
        "已经原路退回，1到3个工作日到账。以后有问题可以直接打我的电话，我是客户经理何芳，电话 0512-6677 8899。",
    ),
    (
        "zh-Hans",
        "物业一直不处理楼道里的垃圾，已经臭了好几天了。",
        "陈先生您好，楼道垃圾堆了好几天，气味这么大，确实让人受不了，这是我们保洁安排没做到位，非常抱歉。"
        "今天下午保洁已经全部清理并消毒，从明天起每天上午9点前清运一次。周五前我会再去楼道检查一遍，并给您回个电话。"
        "物业客服 吴丹 0731-8855 6600",
    ),
    (
        "zh-Hant",
        "你哋間餐廳上錯菜，我話我食素，仲要收我全數。",
        "梁小姐您好，您食素卻上錯菜，仲要照收全數，真係非常抱歉，這是我們的錯。當晚的餐費 HK$368 已全數退回您的信用卡，"
        "廚房亦已加上素食單獨出餐的標示。下次光臨時請提我的名字，我會親自跟進。餐廳經理 何家樂 2345 6789",
    ),
    (
        "zh-Hant",
        "我的信用卡被重複扣款兩次，打電話去客服說要等。",
        "陳先生您好，信用卡被重複扣款，還要您一直等，令您好擔心，非常抱歉。我已查到兩筆款項中有一筆是系統重複入帳，"
        "已於今日沖正，三個工作天內會在戶口反映。星期五前我會致電確認款項已經退回。信用卡中心 客戶關係主任 林美儀 2860 5566",
    ),
    (
        "zh-Hant",
        "為什麼我的包裹顯示已送達，可是我根本沒收到？",
        "李小姐您好，謝謝您來詢問，包裹顯示已送達卻沒有收到，一定很著急。我查了派件紀錄：司機把包裹放在大樓管理室，"
        "系統就顯示已送達，所以您可以到管理室領取。如果管理室找不到，請直接打給我，我會立即補寄。客服專員 王怡君 (02)2655-1234",
    ),
    (
        "zh-Hant",
        "冷氣師傅來修了三次都修不好，每次都要我請假等。",
        "張先生您好，冷氣修了三次仍未修好，每次都要您請假在家等，我們真的很抱歉。這次我已安排資深技師明天下午2點上門，"
        "並帶齊壓縮機零件，當天修不好就直接更換新機。明天下午6點前我會打電話給您確認結果。客服主任 黃志明 (04)2233-4455",
    ),
]
