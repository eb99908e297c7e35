"""How the bulletin's typesetter was chosen: the same document in Typst and in WeasyPrint, timed.

    .venv/bin/python benchmarks/bulletin_engines.py            # 200, 1,000 and 5,000 table rows
    .venv/bin/python benchmarks/bulletin_engines.py --rows 1000

The document is what dominates a bulletin: a title, a paragraph and one long table of Chinese text (a
header repeated on every page, rows never split), set in Noto Serif/Sans CJK. WeasyPrint is not a
dependency of the project; install it beside it to run this (``pip install weasyprint``). Prints seconds,
pages and bytes per engine; figures depend on the machine, their ratio much less.
"""

from __future__ import annotations

import argparse
import html
import time
from pathlib import Path

ROW = ("{i:04d} 高新区智能制造产业园{i}号厂房建设项目", "黄灯", "62.5%", "土地报批手续尚未完成，需协调自然资源局加快办理", "区发改局")
HEAD = ("项目名称", "亮灯", "完成率", "存在问题及需协调事项", "责任单位")
FONTS = "/usr/share/fonts/opentype/noto"


def rows(n: int) -> list[tuple[str, ...]]:
    return [tuple(cell.format(i=i) for cell in ROW) for i in range(1, n + 1)]


def typst_pdf(n: int) -> bytes:
    import typst

    def s(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    cells = ", ".join(f"[#{s(c)}]" for r in rows(n) for c in r)
    source = f"""#set page(paper: "a4", numbering: "1")
#set text(font: "Noto Serif CJK SC", lang: "zh", size: 10.5pt)
#set table.cell(breakable: false)
= 重点项目进度通报
#{s("截至10月底，全区重点项目完成投资情况如下。" * 5)}
#table(columns: (3fr, 1fr, 1fr, 4fr, 1.5fr), table.header({", ".join(f"[#{s(c)}]" for c in HEAD)}), {cells})
"""
    return typst.compile(source.encode("utf-8"), font_paths=[FONTS], ignore_system_fonts=True)


def weasy_pdf(n: int) -> bytes:
    import weasyprint

    body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in rows(n))
    head = "".join(f"<th>{html.escape(c)}</th>" for c in HEAD)
    doc = f"""<!doctype html><html lang="zh"><head><meta charset="utf-8"><style>
@page {{ size: A4; @bottom-center {{ content: counter(page); }} }}
body {{ font-family: "Noto Serif CJK SC"; font-size: 10.5pt; }}
table {{ border-collapse: collapse; width: 100%; }} td, th {{ border: 1px solid #000; padding: 2pt; }}
tr {{ break-inside: avoid; }} thead {{ display: table-header-group; }}
</style></head><body><h1>重点项目进度通报</h1><p>{"截至10月底，全区重点项目完成投资情况如下。" * 5}</p>
<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></body></html>"""
    return weasyprint.HTML(string=doc).write_pdf()


def pages(pdf: bytes) -> int:
    import io

    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[200, 1000, 5000])
    args = parser.parse_args()
    print("| rows | engine | seconds | pages | KB |")
    print("|---|---|---|---|---|")
    for n in args.rows:
        for name, make in (("typst", typst_pdf), ("weasyprint", weasy_pdf)):
            try:
                start = time.perf_counter()
                pdf = make(n)
                seconds = time.perf_counter() - start
            except ImportError:
                print(f"| {n} | {name} | not installed | | |")
                continue
            Path(f"/tmp/bulletin-engine-{name}-{n}.pdf").write_bytes(pdf)
            print(f"| {n} | {name} | {seconds:.2f} | {pages(pdf)} | {len(pdf) // 1024} |")


if __name__ == "__main__":
    main()
