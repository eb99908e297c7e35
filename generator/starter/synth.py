"""Synthetic report data at any scale: N projects in M clusters with K monthly periods, as the contract's CSVs.

Deterministic from a seed; realistic Chinese names, statuses, units and withheld values. For benchmarks and
scale tests::

    python -m generator.synth --projects 5000 --clusters 40 --periods 12 --out /tmp/big/data
"""

from __future__ import annotations

import argparse
import csv
import random
from pathlib import Path

PLACES = ["东湖", "西城", "南岸", "北山", "江北", "临港", "高新", "滨江", "新区", "开发区", "城南", "河西"]
INDUSTRIES = ["新能源", "新材料", "智能装备", "生物医药", "电子信息", "汽车零部件", "现代物流", "数字经济", "绿色建材",
              "精细化工", "食品加工", "节能环保", "航空航天", "海洋装备", "文化旅游"]
WORKS = ["生产线", "产业园", "基地", "研发中心", "智能工厂", "配套项目", "综合体", "示范区", "加工中心", "仓储中心"]
PHASES = ["", "（一期）", "（二期）", "扩建", "技改"]
STATUSES = ["储备", "洽谈", "签约", "新开工", "在建", "续建", "试投产", "部分投产", "已建成", "停建"]
CATEGORIES = ["重点项目"] * 6 + ["招商项目"] * 3 + ["储备项目"]
LEVELS = ["省重点", "市重点", "区重点"]
DEPARTMENTS = ["发改局", "经信局", "住建局", "交通局", "科技局", "商务局", "文旅局", "农业农村局", "开发区管委会", "高新区管委会"]
LEADERS = ["常务副区长", "分管工业副区长", "分管城建副区长", "分管科技副区长", "分管招商副区长", "分管农业副区长"]
SECTORS = ["工业", "工业", "工业", "基础设施", "社会民生", "现代服务业", "农业农村"]
ISSUES = ["", "", "", "用地手续未办结", "环评批复滞后", "资金未到位", "施工许可待办理", "征迁未完成"]


def make(out: Path, projects: int, clusters: int = 20, periods: int = 12, seed: int = 1, year: int = 2024) -> None:
    """Write projects.csv, clusters.csv and progress.csv (monthly periods of ``year``) into ``out``."""
    rng = random.Random(seed)
    who = random.Random(seed + 1)  # who answers for each project, drawn apart so the figures stay as they were
    out.mkdir(parents=True, exist_ok=True)
    cluster_rows = [["编号", "集群名称", "简介"]]
    for c in range(clusters):
        industry = INDUSTRIES[c % len(INDUSTRIES)]
        name = f"{industry}产业集群" + (f"{c // len(INDUSTRIES) + 1}" if c >= len(INDUSTRIES) else "")
        cluster_rows.append([f"C{c + 1:03d}", name, f"围绕{industry}产业链补链强链。"])
    project_rows = [["项目编号", "项目名称", "项目类别", "项目级别", "所属产业集群", "建设状态", "年度", "计划总投资（万元）",
                     "年度计划投资（万元）", "开工时间", "建设内容", "责任单位", "联系领导", "行业领域", "存在问题及需协调事项"]]
    progress_rows = [["项目编号", "月份", "本期计划投资（万元）", "本期完成投资（万元）", "建设状态", "进展情况"]]
    for i in range(projects):
        pid = f"P{i + 1:05d}"
        cluster = cluster_rows[1 + rng.randrange(clusters)]
        industry = cluster[1].split("产业集群")[0]
        name = f"{rng.choice(PLACES)}{industry}{rng.choice(WORKS)}{rng.choice(PHASES)}（{pid}）"
        status = rng.choice(STATUSES)
        total = rng.randint(5, 500) * 1000
        annual = total // rng.randint(3, 6)
        withheld = rng.random() < 0.05
        project_rows.append([
            pid, name, rng.choice(CATEGORIES), rng.choice(LEVELS), cluster[0], status, str(year),
            "xx" if withheld else str(total), str(annual), f"{year - rng.randint(0, 2)}年{rng.randint(1, 12)}月",
            f"建设{industry}{rng.choice(WORKS)}，年产值约{rng.randint(1, 50)}亿元。",
            who.choice(DEPARTMENTS), who.choice(LEADERS), who.choice(SECTORS), who.choice(ISSUES)])
        share = rng.uniform(0.4, 0.98) * periods / 12  # of the annual plan done by the last period, never over it
        weights = [rng.uniform(0.5, 1.5) for _ in range(periods)]
        for m in range(1, periods + 1):
            done = annual * share * weights[m - 1] / sum(weights)
            progress_rows.append([pid, f"{year}-{m:02d}", f"{annual / 12:.1f}",
                                  "xx" if withheld and m % 4 == 0 else f"{done:.1f}", status, rng.choice(["", "主体施工", "设备安装"])])
    for name, rows in (("clusters", cluster_rows), ("projects", project_rows), ("progress", progress_rows)):
        with (out / f"{name}.csv").open("w", encoding="utf-8", newline="") as f:
            csv.writer(f, lineterminator="\n").writerows(rows)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m generator.synth", description=__doc__.split("\n\n")[0])
    parser.add_argument("--projects", type=int, required=True)
    parser.add_argument("--clusters", type=int, default=20)
    parser.add_argument("--periods", type=int, default=12, help="monthly periods (1-12)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True, help="the data folder to write")
    args = parser.parse_args(argv)
    make(args.out, args.projects, args.clusters, min(max(args.periods, 1), 12), args.seed)


if __name__ == "__main__":
    main()
