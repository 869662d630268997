# ruff: noqa: E501  (one case per line reads best)
"""Each head on clear cases in the three languages, with the model trained from the repository's corpus.

Slow: training the default model takes tens of seconds. The texts below were written for these tests
and are not in data/analysis.
"""

from __future__ import annotations

import pytest

from complaintdesk.analysis import Analysis, Analyzer
from complaintdesk.analysis.engine import train_default_model

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(train_default_model())


def run(analyzer: Analyzer, text: str) -> Analysis:
    return analyzer.analyze(text)


@pytest.mark.parametrize(
    ("text", "head", "label"),
    [
        # nature
        (
            "你们物业连续三个月多收了我家每月80元的垃圾费，收费标准上写的是40元，请核实并退还多收部分。",
            "nature",
            "effective",
        ),
        ("管理處連續三個月重複收取我單位的管理費，每月多收$1,200，請即核實並退還。", "nature", "effective"),
        (
            "You charged me twice for the same $450 payment on 3 May, in breach of your own terms, and refused to refund the overcharge.",
            "nature",
            "effective",
        ),
        ("请问一下，你们的营业厅周末几点开门？可以办理销户吗？", "nature", "consultation"),
        ("請問你們週末幾點開門？可以在門市辦理退租嗎？", "nature", "consultation"),
        (
            "Hi, quick question: what time does your branch open on Saturdays, and can I close an account there?",
            "nature",
            "consultation",
        ),
        # category
        ("家里的空调装好第二天就不制冷了，开机就报故障代码E4。", "category", "equipment"),
        ("家裡的冷氣裝好第二天就不冷了，一開機就顯示故障代碼。", "category", "equipment"),
        (
            "The air conditioner you installed yesterday has stopped working and shows an error code.",
            "category",
            "equipment",
        ),
        ("那个前台服务员对我翻白眼，还冲我大吼“爱住不住”，态度太恶劣了。", "category", "service_attitude"),
        (
            "The receptionist rolled her eyes at me, shouted at me and told me to go somewhere else.",
            "category",
            "service_attitude",
        ),
        ("楼道里有很浓的煤气味，已经有邻居头晕了，请马上派人来！", "category", "emergency"),
        (
            "There is a strong smell of gas in our stairwell right now and a neighbour has fainted, send someone now!",
            "category",
            "emergency",
        ),
        # emotion
        ("气死我了！你们这帮骗子，简直欺人太甚！！！", "emotion", "anger"),
        ("激嬲我！你哋班人真係離晒譜！！！", "emotion", "anger"),
        ("This is absolutely outrageous!!! You people are a disgrace, I am furious!", "emotion", "anger"),
        ("我一直很信任你们，没想到会这样，真的太失望了。", "emotion", "disappointment"),
        (
            "I have been a loyal customer for ten years and I am so disappointed, I expected so much better from you.",
            "emotion",
            "disappointment",
        ),
        ("我不太明白，为什么账单上有两笔一样的费用？这是什么意思？", "emotion", "confusion"),
        ("I don't understand why my bill shows two identical charges. What does this mean?", "emotion", "confusion"),
        # primary motive
        ("我不要道歉，我只要退款，全额退还我的钱。", "motive", "compensation"),
        ("I don't want excuses, I want a full refund of the money you took.", "motive", "compensation"),
        ("这个保安必须开除！我要让你们付出代价，我会曝光你们！", "motive", "retaliate"),
        (
            "I want that driver fired. I will make sure everyone knows what your company is and you will pay for this.",
            "motive",
            "retaliate",
        ),
        # temperament
        ("马上给我处理！今天之内必须解决，我不想听任何解释！", "temperament", "choleric"),
        ("Fix it today. I don't want excuses. When exactly will it be done?", "temperament", "choleric"),
        ("您好，不好意思打扰了，家里的网络好像有点慢，方便的时候麻烦帮忙看看，谢谢。", "temperament", "phlegmatic"),
        (
            "Hello, sorry to bother you, the internet seems a little slow, whenever you have time could you take a look? Thank you.",
            "temperament",
            "phlegmatic",
        ),
    ],
)
def test_clear_cases(analyzer: Analyzer, text: str, head: str, label: str) -> None:
    result = run(analyzer, text)
    got = result.motives[0] if head == "motive" else getattr(result, head)
    assert got == label, (text, head, result.to_dict()["confidence"])


@pytest.mark.parametrize(
    ("text", "risk"),
    [
        ("再不处理我就去法院起诉你们，律师函已经准备好了。", "legal"),
        ("再唔處理我就入禀小額錢債審裁處告你哋。", "legal"),
        ("If this isn't fixed I'm taking you to the small claims court, my lawyer has the papers.", "legal"),
        ("我已经打了12315投诉你们。", "regulator"),
        ("我已經向消委會投訴。", "regulator"),
        ("I have reported you to the Financial Ombudsman.", "regulator"),
        ("视频我已经发到抖音和微博上了，让大家都看看。", "media"),
        ("I've posted the video on Facebook and TikTok so everyone can see.", "media"),
        ("合约一到期我就携号转网，再也不用你们了。", "churn"),
        ("I'm cancelling my contract and switching to another provider.", "churn"),
    ],
)
def test_clear_risks(analyzer: Analyzer, text: str, risk: str) -> None:
    assert risk in run(analyzer, text).risks


def test_evidence_points_at_the_cues(analyzer: Analyzer) -> None:
    text = "我已经打了12315投诉你们，再不退款我就起诉！"
    result = run(analyzer, text)
    spans = {s.text for s in result.evidence["risks"]}
    assert "12315" in spans and "起诉" in spans
    assert result.priority == "P1"
