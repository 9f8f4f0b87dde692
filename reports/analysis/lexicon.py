"""jieba with the genre's user dictionary, loaded once per process, and token helpers.

Plain jieba cuts the genre's words wrongly ("35 / 台加梯", "适 / 老化", "零增 / 地",
"回 / 搬"); ``data/userdict.txt`` fixes them. Everything here goes through one private
``jieba.Tokenizer`` so the global jieba state of other code is left alone.

    >>> words("年内完成35台加梯任务")
    ['年内', '完成', '35', '台', '加梯', '任务']
    >>> synonyms("加梯")
    ['加装电梯', '电梯加装']

Part-of-speech tagging is deliberately not offered: posseg labels units as place names
(台加/ns), so units are read by ``numbers`` with its own table instead.
"""

from __future__ import annotations

import logging
import re
import threading
from functools import lru_cache
from pathlib import Path

__all__ = ["load", "words", "tokens", "tokenize", "content_words", "synonyms", "search_text", "STOPWORDS"]

USERDICT = Path(__file__).parent / "data" / "userdict.txt"
_lock = threading.Lock()
_tokenizer = None

# Function words and the genre's filler that carry no meaning for search or matching.
STOPWORDS = frozenset(
    """的 了 和 与 及 以及 等 对 在 为 把 将 要 是 有 也 并 并且 或 其 中 上 下 各 各项 各类 相关 有关
    进一步 不断 持续 继续 积极 全力 全面 加快 加大 加强 深入 切实 大力 扎实 稳步 有序 着力 努力
    力争 确保 争取 务必 坚决 必须 推进 推动 做好 开展 落实 实施 实现 完善 提升 提高 优化 工作 任务
    方面 年内 年底 年底前 今年 全年 下半年 上半年 我们 我镇 全镇 同时 通过 围绕 聚焦 按照 根据""".split()
)

# Genre short forms and their full forms, both ways: a search for one finds the other.
_SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    ("加梯", "加装电梯", "电梯加装"),
    ("拆违", "拆除违法建筑", "违法建筑拆除"),
    ("违建", "违法建筑"),
    ("适老化", "适老化改造"),
    ("动工", "开工"),
    ("交房", "交付", "交房入户"),
    ("结算", "清算"),
    ("竣工", "完工", "建成"),
    ("为老服务中心", "养老服务中心"),
    ("充电桩", "充电设施", "充电场所"),
    ("外资", "合同外资", "吸引外资"),
    ("就业岗位", "新增就业岗位", "新增就业"),
)
_SYNONYMS: dict[str, tuple[str, ...]] = {}
for _group in _SYNONYM_GROUPS:
    for _word in _group:
        _SYNONYMS[_word] = tuple(w for w in _group if w != _word)

_PUNCT = re.compile(r"^[\s\W_]+$")
_NUMERIC = re.compile(r"^[\d.,%％]+$")


def load():
    """The shared tokenizer, built on first use (thread-safe); call it to pay the load up front."""
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                import jieba

                jieba.setLogLevel(logging.WARNING)
                tk = jieba.Tokenizer()
                tk.initialize()
                tk.load_userdict(str(USERDICT))
                _tokenizer = tk
    return _tokenizer


def words(text: str) -> list[str]:
    """jieba's accurate-mode cut with the genre dictionary (no HMM guessing of new words)."""
    return [w for w in load().lcut(text, HMM=False) if w.strip()]


def tokens(text: str) -> list[str]:
    """Search-mode cut (long words also yield their sub-words): "加装电梯" → 加装, 电梯, 加装电梯."""
    return [w for w in load().lcut_for_search(text, HMM=False) if w.strip()]


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Words with their offsets in ``text``: [(word, start, end), ...]."""
    return [(w, s, e) for w, s, e in load().tokenize(text, HMM=False) if w.strip()]


def content_words(text: str) -> list[str]:
    """Words that carry meaning: no punctuation, numbers, stop words or single function characters."""
    out = []
    for w in words(text):
        if _PUNCT.match(w) or _NUMERIC.match(w) or w in STOPWORDS:
            continue
        out.append(w)
    return out


@lru_cache(maxsize=4096)
def synonyms(token: str) -> list[str]:
    """Other forms of a genre term, [] when it has none."""
    return list(_SYNONYMS.get(token, ()))


def search_text(text: str) -> str:
    """Space-separated distinct search tokens of ``text`` plus their synonyms, for a text index."""
    seen: dict[str, None] = {}
    for t in tokens(text):
        if _PUNCT.match(t):
            continue
        seen.setdefault(t, None)
        for s in _SYNONYMS.get(t, ()):
            seen.setdefault(s, None)
    return " ".join(seen)
