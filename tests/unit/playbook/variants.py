# ruff: noqa: E501  (sample replies: ruff counts each CJK character as two columns)
"""Many wordings of each principle broken (and kept), written independently of the labelled pairs.

Each probe is one sentence; `reply()` puts it inside an otherwise good reply (greeting, apology,
a dated next step, the handler's name and line), so the probe alone decides the verdict.
"""

from __future__ import annotations

from .cases import EN_SIGN, HANS_SIGN, HANT_SIGN

FRAME = {
    "en": (
        "Dear Ms Green, I'm sorry about the trouble with your order. ",
        " I will call you by 5 pm on Friday 14 June with the result." + EN_SIGN,
    ),
    "zh-Hans": (
        "李女士您好，订单的事给您添麻烦了，非常抱歉。",
        "6月14日（周五）下午5点前我会给您回电告知结果。" + HANS_SIGN,
    ),
    "zh-Hant": ("黃小姐您好，訂單的事令您困擾，非常抱歉。", "6月14日（星期五）下午5時前我會致電告知結果。" + HANT_SIGN),
}


def reply(lang: str, sentence: str) -> str:
    head, tail = FRAME[lang]
    return head + sentence + tail


# rule -> lang -> sentences that break the rule
BREAKS: dict[str, dict[str, list[str]]] = {
    "argues_or_blames": {
        "en": [
            "As the membership terms explain, classes booked less than two hours ahead can't be cancelled, so the charge stands.",
            "Our vet has explained that you declined the blood test she recommended.",
            "If you had brought the dog in when the limp started, the treatment would have been simpler.",
            "The instructor tells me you mounted the kerb twice, which is an automatic fail.",
            "I must say the school did send three letters home about the trip deposit.",
            "The pharmacist was following the prescription exactly as your GP wrote it.",
            "This was entirely down to the agency nurse on shift that night.",
            "Our staff acted in good faith on the information you gave them.",
            "I'm sorry you feel that way, but our staff did nothing wrong.",
            "Had you read the funeral plan documents, you would have seen the flowers were not included.",
            "I'm afraid you're mistaken: our records show the payment reached us on the 5th, not the 3rd.",
            "The parcel was delivered to the address you gave us, so it is not something we can be held responsible for.",
            "Our technician followed the manufacturer's instructions, and the damage was already there when he arrived.",
            "You will appreciate that we cannot be expected to fix a leak that nobody reported.",
            "Nobody on our team would ever speak to a customer like that.",
            "The booking confirmation you received clearly states that check-in is from 3 pm.",
            "The mix-up was caused by our night receptionist, who is new and didn't check the system.",
            "I have listened to the call recording, and at no point did our agent promise a refund.",
            "That is simply not correct.",
            "Our driver insists he rang the bell twice.",
            "To be fair, the delivery slot you picked was the one marked 'no guarantee'.",
            "Our records show you were told twice that the item was out of stock.",
            "Had you opened the parcel when it arrived, we could have replaced it under warranty.",
            "The driver tells us you were not at home when he called, so the failed delivery is not down to us.",
            "Frankly, the instructions are on the first page of the manual.",
            "With respect, that is simply not what happened on the day.",
            "It was our warehouse partner who packed it badly, not our team.",
            "Most customers manage to set it up without any trouble.",
            "You agreed to these terms when you placed the order.",
            "I'm afraid the fault lies with the courier, not with us.",
        ],
        "zh-Hans": [
            "会员条款写得很清楚，开课前两小时内不能取消，所以这笔费用照收。",
            "医生说当时建议您给狗狗验血，是您自己拒绝了。",
            "其实您如果在狗狗刚开始瘸的时候就带过来，治疗会简单很多。",
            "考官说您两次压了路沿，这是直接不合格的。",
            "学校其实发过三次通知让家长交押金。",
            "药剂师是完全按照医生开的处方配的药。",
            "这次完全是当晚值班的外包护工的问题。",
            "我们的员工是根据您提供的信息办理的，并没有做错什么。",
            "经核实，您的说法与事实不符。",
            "我们调了录音，客服从来没有承诺过给您退款。",
            "包裹是按您提供的地址送达的，所以这不属于我们的责任。",
            "我们的师傅是严格按照厂家要求安装的，地板之前就有损坏。",
            "我们的员工绝对不会用这种语气跟顾客说话。",
            "预订确认短信里写明了入住时间是下午3点。",
            "这次是前台新来的小姑娘没查系统，搞错了。",
            "司机坚持说他按了两次门铃。",
            "说句公道话，您选的是不保证时效的配送方式。",
            "记录显示，客服已经两次告诉过您这件商品缺货。",
            "如果您收货时当场拆开检查，我们是可以按保修更换的。",
            "快递员说他上门时家里没人，派送失败不是我们的原因。",
            "说明书第一页就写得清清楚楚。",
            "事实并不是您说的那样。",
            "这次是仓库合作方打包没打好，跟我们团队无关。",
            "大部分顾客都能自己装好，没有遇到问题。",
            "您下单时已经同意了这些条款。",
            "这个问题其实是您自己操作不当造成的。",
        ],
        "zh-Hant": [
            "會員條款已列明，開課前兩小時內不能取消，所以這筆費用照收。",
            "醫生話當時建議幫狗狗驗血，係您自己拒絕。",
            "其實您如果一早帶狗狗嚟睇，治療會簡單好多。",
            "考官表示您兩次壓到路邊，這是即時不合格的。",
            "這次完全是當晚外判護工的問題。",
            "經核實，閣下所述與事實不符。",
            "我們翻查了錄音，客服從未承諾過退款。",
            "司機堅稱佢按咗兩次門鐘。",
            "呢次係新嚟嘅前台同事冇睇系統搞錯咗。",
            "預訂確認短訊已清楚列明入住時間為下午3時。",
            "老實說，您選的是不保證時效的配送方式。",
            "紀錄顯示，客服已經兩次告訴過您這件商品缺貨。",
            "如果您收貨時即場開箱檢查，我們是可以按保養更換的。",
            "速遞員話佢上門時屋企冇人，派送失敗唔係我哋嘅問題。",
            "說明書第一頁已經寫得好清楚。",
            "事實並不是您所講的那樣。",
            "這次是倉庫合作夥伴包裝不好，與我們團隊無關。",
            "大部分客人都可以自己安裝，冇遇到問題。",
            "您落單時已經同意了這些條款。",
            "這個問題其實是您自己操作不當造成的。",
        ],
    },
    "excuses": {
        "en": [
            "The hearse was late because the previous service overran. The traffic on the ring road was also heavy. On top of that our second driver was off sick.",
            "We were dealing with a flu outbreak among staff, the agency couldn't send cover, and the new rota system went live that week.",
            "Our groomer had two dogs arrive early, the dryer broke mid-morning and the receptionist was new, which is why you waited.",
            "We have been extremely busy since the sale started, two of our packers are off sick and the courier changed its collection times.",
            "Unfortunately the warehouse was short-staffed that week, the system was being upgraded and the weather delayed the vans.",
            "The delay was due to the bank holiday, a backlog of orders and a fault with our label printer.",
            "Please understand that our team is small, demand has been unprecedented and our supplier let us down.",
            "This happened because of a staff shortage, on top of a problem with our new booking system.",
        ],
        "zh-Hans": [
            "灵车迟到是因为上一场仪式超时了。当天环城路也很堵。再加上我们的另一位司机请了病假。",
            "那段时间员工流感，外包公司派不出人，新的排班系统又刚好上线。",
            "美容师那天早上提前来了两只狗，吹风机中途坏了，前台又是新人，所以让您久等了。",
            "这段时间正赶上大促，单量激增，仓库人手紧张，快递又临时改了揽收时间。",
            "由于那一周仓库人手不足，系统正在升级，再加上天气原因车辆延误，所以没能按时发货。",
            "最近业务繁忙，供应商那边也出了问题，我们也很无奈。",
            "延误主要是因为节假日停运、订单积压，以及打印机故障。",
            "请您理解，我们团队人少，订单量又特别大，供应商还临时断货。",
        ],
        "zh-Hant": [
            "當日靈車遲到，係因為上一場儀式超時，加上環城路塞車，另一位司機又請咗病假。",
            "那段時間員工流感，外判公司派不出人手，新的排班系統又剛好上線。",
            "呢排正值大減價，訂單多到做唔切，倉庫人手不足，速遞公司又臨時改咗收件時間。",
            "由於那一週倉庫人手不足，系統正在升級，加上天氣原因車輛延誤，所以未能準時出貨。",
            "最近業務繁忙，供應商那邊也出了問題，我們也很無奈。",
            "延誤主要是因為假期停運、訂單積壓，以及打印機故障。",
            "請您體諒，我們團隊人手少，訂單量又特別多，供應商仲臨時斷貨。",
        ],
    },
    "policy_first": {
        "en": [
            "Our terms and conditions state that delivery dates are estimates only.",
            "As per our returns policy, opened items cannot be refunded.",
            "In line with company procedure, refunds are only issued to the original card.",
            "It is our policy not to deliver on weekends.",
        ],
        "zh-Hans": [
            "按照公司规定，拆封商品不予退货。",
            "根据《用户协议》第八条，配送时间仅供参考。",
            "依照本店退换货制度，退款只能原路返回。",
            "这是公司的规定，周末不安排配送。",
        ],
        "zh-Hant": [
            "根據公司規定，已拆封商品不設退貨。",
            "依照本店退換貨條款，退款只能退回原信用卡。",
            "按照本公司指引，週末不安排送貨。",
            "這是公司的規定，週末不安排配送。",
        ],
    },
    "demands_apology": {
        "en": [
            "An apology to our receptionist would be appreciated before your next visit.",
            "We hope you will reflect on how you spoke to our staff.",
            "Please sign the attached statement confirming the damage happened while the car was in your care.",
            "We'd ask you to withdraw the comments you posted about our nurse.",
            "Before we go further, we expect you to apologise to our driver for the language you used.",
            "Our staff member was upset by your call, and we would ask you to say sorry to her.",
            "We need you to admit that you gave us the wrong address.",
            "Kindly acknowledge that the mistake was on your side.",
        ],
        "zh-Hans": [
            "希望您下次来之前先给我们前台一个道歉。",
            "希望您反省一下当时对员工说话的方式。",
            "请您签一份声明，确认车辆是在您使用期间损坏的。",
            "请您先删除在网上发布的关于我们护士的评论，并公开致歉。",
            "在继续处理之前，希望您先向我们的配送员道歉。",
            "您当时的话让客服很难过，请您跟她说声对不起。",
            "请您承认是您自己填错了地址。",
            "您得先认个错，我们才好继续处理。",
        ],
        "zh-Hant": [
            "希望您下次來之前先向我們的前台致歉。",
            "請您簽署聲明，確認車輛是在您使用期間損壞。",
            "在繼續處理之前，希望您先向我們的送貨員道歉。",
            "您當時的說話令客服好難過，請您同佢講聲對唔住。",
            "請您承認是您自己填錯了地址。",
            "閣下需先就當日的言詞向職員致歉。",
        ],
    },
    "filler_agreement": {
        "en": ["Okay, okay, okay, I hear you.", "Sure, sure, of course.", "Right, right, right."],
        "zh-Hans": ["对对对，您说的我都知道。", "好的好的，明白明白。", "是是是，行行行。"],
        "zh-Hant": ["係係係，明白晒。", "好好好，知道知道。", "對對對，冇問題。"],
    },
    "overpromise": {
        "en": [
            "This boiler is guaranteed not to break down for the next ten years.",
            "You will never have to pay for a service again.",
            "I'll make sure your dog is seen within the hour, whatever happens.",
            "Your son will definitely pass next time; I'll see to it personally.",
            "I promise you this will never happen again.",
            "Rest assured, everything will be fixed immediately.",
            "I guarantee your parcel will arrive tomorrow, 100%.",
            "We will refund double what you paid.",
            "From now on, every order of yours will arrive early.",
        ],
        "zh-Hans": [
            "这台热水器我们保证十年都不会坏。",
            "以后您来保养一辈子都免费。",
            "无论发生什么，一个小时之内一定让医生给狗狗看上。",
            "您儿子下次肯定能考过，这个我亲自负责。",
            "我保证这种情况以后绝对不会再发生。",
            "我们马上就给您全部解决。",
            "我向您保证，包裹明天百分之百送到。",
            "我们给您双倍赔偿。",
            "以后您的所有订单都免运费。",
        ],
        "zh-Hant": [
            "呢部熱水爐我哋保證十年都唔會壞。",
            "以後您嚟保養一世都免費。",
            "我保證以後絕對唔會再有呢種情況。",
            "我哋即刻幫你搞掂。",
            "我向您保證，包裹聽日百分之百送到。",
            "我們給您雙倍賠償。",
            "以後您的所有訂單都免運費。",
        ],
    },
    "disclosure": {
        "en": [
            "The carer who looked after your mother that night has been off with stress for a month.",
            "Our solicitors have told us not to admit liability while the claim is open.",
            "There have been two other break-ins in your block this month that we haven't announced yet.",
            "The driving examiner is currently under investigation for similar complaints.",
            "Mrs Okoro in room 12 had the same fall last week.",
            "Our repair budget for this year has already been spent, so the lift will wait until April.",
            "The two partners who own the practice are not on speaking terms, which has held up the decision.",
            "The person who reported your dog barking lives directly above you.",
            "Your upstairs neighbour, Mr Clarke, has complained about the noise three times.",
            "The engineer who missed your appointment has since left us after a number of similar incidents.",
            "I can tell you the manager concerned has been suspended while we investigate.",
            "The previous tenant of your flat, Ms Rowe, left owing two months' rent.",
            "Head office has frozen all spending on repairs until the new financial year, which is why nothing has moved.",
            "Between ourselves, we have had over forty complaints about this model and the manufacturer refuses to recall it.",
            "The other passenger involved, Mr Singh in seat 23B, has also complained.",
            "Our security guard on duty that night had been drinking.",
            "We are in a dispute with the landlord over the service charge, which is why nothing has been fixed.",
            "The complaint about the noise came from Mrs Patel at number 12.",
            "The driver involved has been given a final written warning.",
            "Between you and me, the warehouse manager is being let go next month.",
            "Another customer, Mr David Lowe, had the same problem with his order.",
            "Internally, we have been losing money on this service for a year.",
        ],
        "zh-Hans": [
            "那晚照顾您母亲的护工因为抑郁已经请了一个月的病假。",
            "律师建议我们在理赔结束前先不要承认责任。",
            "您那栋楼这个月已经被盗了两户，我们还没有对外公布。",
            "这位考官目前因为类似投诉正在接受调查。",
            "12号房的王阿姨上周也摔倒过一次。",
            "今年的维修预算已经用完了，电梯要等到明年四月才能修。",
            "两位合伙人现在闹矛盾，互相不说话，所以一直拍不了板。",
            "举报您家狗叫的是住在您楼上的那户人家。",
            "您楼上的张先生已经投诉您三次了。",
            "上次没来的师傅已经被我们辞退了，他之前就出过好几次类似的事。",
            "涉事经理目前已被停职调查。",
            "您房子之前的租客刘女士还欠着两个月房租没交。",
            "总部已经冻结了维修预算，要到明年才能批。",
            "这款型号我们已经收到四十多起投诉了，厂家一直不肯召回。",
            "同车的另一位乘客，23B座的孙先生也投诉了。",
            "那晚值班的保安当时喝了酒。",
            "我们和房东在物业费上有纠纷，所以一直没修。",
            "投诉您的是住在12号的王女士。",
            "涉事的配送员已经被公司开除了。",
            "私下跟您说，仓库主管下个月就要被辞退了。",
            "另一位客户陈建华先生也遇到了同样的问题。",
            "内部消息，这条业务线已经亏损一年了。",
        ],
        "zh-Hant": [
            "嗰晚照顧您媽媽嘅護工因為抑鬱已經請咗一個月病假。",
            "律師建議我們在索償完結前暫時不要承認責任。",
            "您那座這個月已經有兩戶被爆竊，我們還未對外公布。",
            "今年的維修預算已經用完，升降機要等到明年四月先可以維修。",
            "投訴您的是住在您樓上的那戶人家。",
            "您樓上的陳生已經投訴過您三次。",
            "涉事經理目前已被停職調查。",
            "總部已經凍結咗維修預算，要等明年先批。",
            "同車另一位乘客，23B座的孫先生亦有投訴。",
            "投訴您的是住在12號的陳太。",
            "涉事的送貨員已經被公司解僱。",
            "老實講，倉庫主管下個月就會被辭退。",
            "另一位客戶陳建華先生也遇到同樣問題。",
            "內部消息，呢條業務線已經蝕咗一年。",
        ],
    },
    "boilerplate": {
        "en": [
            "We understand your frustration and apologise for any inconvenience caused. Your feedback is important to us.",
            "At Paws & Claws, every pet is family, and we are dedicated to the highest standards of animal care.",
            "We value your feedback and are committed to providing the highest standards of service.",
            "Customer satisfaction is our top priority and we continually strive to improve.",
            "Your comments have been noted and passed to the relevant department.",
        ],
        "zh-Hans": [
            "我们理解您的心情，对由此给您带来的不便深表歉意，您的反馈对我们非常重要。",
            "本院始终秉承“以人为本、服务至上”的宗旨，竭诚为广大市民提供优质服务。",
            "我们始终坚持以客户为中心，不断提升服务质量。",
            "您的宝贵意见已转交相关部门，我们将认真研究，持续改进。",
            "我司高度重视客户体验，致力于为每一位顾客提供优质服务。",
        ],
        "zh-Hant": [
            "我們明白您的感受，對此造成的不便深表歉意，您的意見對我們非常重要。",
            "本公司一向秉持顧客至上之服務理念，持續提升服務品質。",
            "閣下的寶貴意見已轉交有關部門，我們將認真檢討，不斷改進。",
            "我們一直致力為每位客戶提供優質服務，竭誠為您服務。",
        ],
    },
}

# sentences that look like a rule but keep the principle: the framed reply must pass clean
KEEPS: dict[str, list[str]] = {
    "en": [
        "Our usual policy is no refunds after the class starts, but that does not apply when we cancel, so I have refunded you.",
        "The instructor should have explained the fault to you at the end of the test, and I'm sorry he didn't.",
        "The delay was our fault: the previous service overran and we should have warned you.",
        "I have listened to the call, and our agent did promise you a refund, so I have processed it today.",
        "The vet's notes show she recommended a blood test; I have booked it for free on Tuesday at 10 am.",
        "Our records show the payment arrived on the 5th, two days after you sent it, and I have refunded the late fee.",
        "You were told the wrong date by our agent, and I'm sorry for that.",
        "The mistake was caused by our new booking system, and that is our responsibility.",
        "The scratch was already there when the sofa left our warehouse, which we should have spotted.",
        "Our driver insists he rang the bell, but he should have waited and called you, and I'm sorry he didn't.",
        "Nobody on our team should ever speak to a customer like that.",
        "You were right to raise this, and the mistake was ours.",
        "The delay happened because we sent the parcel to the wrong depot; that was our error.",
        "Under our returns policy you are entitled to a full refund, which I have already issued.",
        "I can't guarantee the supplier will have stock, but I will check every morning.",
        "Our driver should have waited and called you, and I have told his manager.",
        "I understand how frustrating it is to wait in for a delivery that never comes.",
        "We received a report about the noise and an officer will look into it.",
        "Thank you for telling us; I have checked the tracking myself.",
    ],
    "zh-Hans": [
        "平时课程开始后不退款，但这次是我们取消的课，所以已经给您全额退款了。",
        "考官当时应该跟您讲清楚扣分原因，他没有讲，这是我们的问题。",
        "这次延误是我们的错：上一场超时了，我们应该提前通知您。",
        "我听了录音，客服确实答应过给您退款，今天已经为您办理。",
        "员工当时不应该用那种语气跟您说话，这是我们的问题。",
        "说明书里没有写明这一点，是我们的疏漏。",
        "这次是我们新来的同事没核对系统，责任在我们。",
        "司机说按了门铃，但他没有等您开门就离开了，这是我们没做好。",
        "您说得对，这是我们的失误。",
        "延误是因为我们把包裹发错了网点，这是我们的错。",
        "按照退货政策您可以全额退款，退款已经原路退回。",
        "我不能保证供应商一定有货，但我每天上午都会去确认。",
        "配送员当时应该等一等并给您打电话，我已经告诉了他的主管。",
        "在家等了一天却没等到快递，换谁都会着急。",
        "我们收到了关于噪音的反映，会安排工作人员了解情况。",
        "谢谢您告诉我们，物流记录我已经亲自核查过。",
    ],
    "zh-Hant": [
        "平時課程開始後不設退款，但今次是我們取消課堂，所以已經全數退款給您。",
        "考官當時應該向您解釋扣分原因，他沒有解釋，這是我們的問題。",
        "同事當時不應該用那種語氣跟您說話，這是我們的問題。",
        "這次是我們新來的同事沒有核對系統，責任在我們。",
        "您說得對，這是我們的疏失。",
        "延誤是因為我們把包裹送錯了站點，這是我們的錯。",
        "按照退貨政策您可以全額退款，款項已經退回原信用卡。",
        "我不能保證供應商一定有貨，但我每天上午都會確認。",
        "送貨員當時應該等一等並致電給您，我已經告訴了他的主管。",
        "在家等了一整天卻等不到送貨，換了是我也會很生氣。",
        "我們收到了關於噪音的反映，會安排同事了解情況。",
        "多謝您通知我們，物流紀錄我已經親自核查過。",
    ],
}


# replies that leave the matter open (no next step with a time), have no apology, or no name/line
OPEN_ENDED: dict[str, list[str]] = {
    "en": [
        "Dear Ms Green, I'm sorry about the trouble with your order. We'll be in touch once we hear back from the manufacturer."
        + EN_SIGN,
        "Dear Ms Green, I'm sorry about the trouble with your order. I have escalated this to the relevant team."
        + EN_SIGN,
        "Dear Ms Green, I'm sorry about the trouble with your order. Someone will contact you in due course." + EN_SIGN,
        "Dear Ms Green, I'm sorry about the trouble with your order. We are looking into it and will update you when we can."
        + EN_SIGN,
        "Dear Ms Green, I'm sorry about the trouble with your order. Your case has been passed to our claims team for review."
        + EN_SIGN,
    ],
    "zh-Hans": [
        "李女士您好，订单的事给您添麻烦了，非常抱歉。我们已经反馈给相关部门，请您耐心等待。" + HANS_SIGN,
        "李女士您好，订单的事给您添麻烦了，非常抱歉。等厂家回复后我们再联系您。" + HANS_SIGN,
        "李女士您好，订单的事给您添麻烦了，非常抱歉。我们会跟进处理的。" + HANS_SIGN,
        "李女士您好，订单的事给您添麻烦了，非常抱歉。已转交技术部门核查，有进展再告诉您。" + HANS_SIGN,
    ],
    "zh-Hant": [
        "黃小姐您好，訂單的事令您困擾，非常抱歉。我們已轉交相關部門跟進，請耐心等候。" + HANT_SIGN,
        "黃小姐您好，訂單的事令您困擾，非常抱歉。等廠商回覆後我們再聯絡您。" + HANT_SIGN,
        "黃小姐您好，訂單的事令您困擾，非常抱歉。我哋會盡快跟進。" + HANT_SIGN,
    ],
}
NO_APOLOGY: dict[str, list[str]] = {
    "en": [
        "Dear Ms Green, thank you for your email. The replacement will be delivered on Friday 14 June between 8 am and 1 pm."
        + EN_SIGN,
        "Dear Ms Green, we have checked your order. The courier will collect the faulty item on Friday 14 June."
        + EN_SIGN,
    ],
    "zh-Hans": [
        "李女士您好，您的订单我们已经查过了，换货周五（6月14日）上午送到。" + HANS_SIGN,
        "李女士您好，收到您的反馈。快递员6月14日（周五）上门取件。" + HANS_SIGN,
    ],
    "zh-Hant": [
        "黃小姐您好，您的訂單我們已查核，換貨將於6月14日（星期五）上午送到。" + HANT_SIGN,
    ],
}
NO_CONTACT: dict[str, list[str]] = {
    "en": [
        "Dear Ms Green, I'm sorry about the trouble with your order. The replacement will arrive on Friday 14 June. Regards, Customer Services",
        "Dear Ms Green, I'm sorry about the trouble with your order. The replacement will arrive on Friday 14 June. The Online Team",
        "Dear Ms Green, I'm sorry about the trouble with your order. The replacement will arrive on Friday 14 June. Kind regards, Emma",
    ],
    "zh-Hans": [
        "李女士您好，订单的事给您添麻烦了，非常抱歉。换货6月14日（周五）上午送到。客服中心",
        "李女士您好，订单的事给您添麻烦了，非常抱歉。换货6月14日（周五）上午送到。如有疑问请联系我们。",
    ],
    "zh-Hant": [
        "黃小姐您好，訂單的事令您困擾，非常抱歉。換貨將於6月14日（星期五）上午送到。客戶服務部",
    ],
}


# signatures: the handler's name and line in many formats (pass) and team-only or name-only ones (fail)
SIGN_BODY = {
    "en": "Dear Ms Green, I'm sorry about the trouble with your order. The replacement will arrive on Friday 14 June. ",
    "zh-Hans": "李女士您好，订单的事给您添麻烦了，非常抱歉。换货6月14日（周五）上午送到。",
    "zh-Hant": "黃小姐您好，訂單的事令您困擾，非常抱歉。換貨將於6月14日（星期五）上午送到。",
}
SIGNED = (
    [
        ("en", s)
        for s in [
            "Mei Ling (front desk), 2345 6789",
            "Tony Reeves — Duty Manager — 07700 900 123",
            "Regards, Dr. Amelia Hart, 0161 555 0100",
            "Sister Jane Holt, Ward 7, ext. 4410",
            "Yours sincerely,\nPC Mark Evans\n0161 555 2231",
            "Best, Sam | Support | sam@shop.com",
            "Signed: K. Patel (Manager), tel 020 7946 0011",
            "From Olivia at Pawfect Grooming, 07911 123456",
            "Cheers, Dave (owner) 07700 900 456",
            "— Ravi, Head Groomer, ravi@pawfect.co.uk",
            "You can call me, Joanne, on 01223 555 274.",
            "Please ring me on 0161 555 0142 and ask for Priya.",
            "Father Michael Byrne, Parish Office, 01632 960 123",
            "Ms Lee (Senior Nurse), 020 7188 4410",
            "Contact: Alan Price, alan.price@example.org",
        ]
    ]
    + [
        ("zh-Hans", s)
        for s in [
            "王经理 0912-345-678",
            "店长 阿强 9123 4567",
            "经办人：黄小姐，电话 2345 6789",
            "如有疑问，请致电 2345 6789 找陈先生。",
            "护士长 李美玲 内线 3456",
            "负责同事：Kelvin，电话 9876 5432",
            "—— 张经理 138 0000 1111",
            "客服小林（工号 1023），电话 400-820-1234",
            "有问题请联系我（刘静，13912345678）。",
            "联系人：钱女士 0571-8888 6666",
        ]
    ]
    + [
        ("zh-Hant", s)
        for s in [
            "王經理 0912-345-678",
            "店長 阿強 9123 4567",
            "經辦人：黃小姐，電話 2345 6789",
            "如有疑問，請致電 2345 6789 找陳先生。",
            "護士長 李美玲 內線 3456",
            "負責同事：Kelvin，WhatsApp 9876 5432",
            "有咩問題可以打俾我（何生）9123 4567。",
        ]
    ]
)
UNSIGNED = [
    ("en", "Regards, Customer Services"),
    ("en", "The Online Team, 0800 555 0100"),
    ("en", "Emma"),
    ("en", "Kind regards, Customer Care Team, care@shop.com"),
    ("zh-Hans", "客服中心 400-820-1234"),
    ("zh-Hans", "物业服务中心"),
    ("zh-Hant", "客戶服務部 2345 6789"),
    ("zh-Hant", "陳小姐"),
]

SIGNED += [
    ("zh-Hant", "如有查詢請致電 2345 6789。客服部 陳大文"),
    ("zh-Hant", "如有查詢請致電 2345 6789。王建國 敬上"),
    ("zh-Hant", "如有查詢請致電 2345 6789 找社工陳姑娘。"),
    ("zh-Hant", "負責同事黃先生，電話 2345 6789。"),
    ("zh-Hans", "如有问题请致电 2345 6789。院长 李志明"),
]
