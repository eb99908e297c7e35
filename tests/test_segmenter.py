"""Material's Chinese word segmenter started from jieba's own cache, read whole: the same words as jieba's start."""

from __future__ import annotations

import json
import subprocess
import sys

TEXT = "xx能重卡整车生产线项目完成投资6.5亿元，金属智造产业集群稳步推进"

def _words(started_by_us: bool) -> dict:
    code = (
        "import json, jieba, logging\n"
        "logging.getLogger('jieba').setLevel(logging.WARNING)\n"
        "from generator.engines.mkdocs.segmenter import start_jieba\n"
        f"started = start_jieba() if {started_by_us!r} else False\n"
        "was = jieba.dt.initialized\n"
        f"print(json.dumps({{'started': started, 'initialized_before_use': was, 'words': jieba.lcut({TEXT!r}), "
        "'again': start_jieba()}, ensure_ascii=False))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8", check=True)
    return json.loads(done.stdout)


def test_the_segmenter_starts_from_jiebas_cache_and_splits_as_jieba_does():
    theirs = _words(False)  # jieba's own start (and its cache, made if missing)
    ours = _words(True)
    assert ours["started"] and ours["initialized_before_use"] and not ours["again"]  # once, before any use
    assert not theirs["initialized_before_use"]
    assert ours["words"] == theirs["words"] and "产业集群" in "".join(ours["words"])


def test_another_dictionary_is_left_to_jieba(tmp_path):
    words = tmp_path / "dict.txt"
    words.write_text("重点项目 10 n\n", encoding="utf-8")
    code = ("import jieba\n"
            f"jieba.set_dictionary({str(words)!r})\n"
            "from generator.engines.mkdocs.segmenter import start_jieba\n"
            "print(start_jieba(), jieba.dt.initialized)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False"]
