#!/usr/bin/env python3
"""Duixian benchmarks: prints measured figures, asserts nothing.

    .venv/bin/python bench/benchmark.py [--repeat N]

1. Extraction: normalize + header + sections + pledge extraction of each report, against bare
   jieba segmentation (jieba.lcut) of the same text in the same run; prints the ratio.
2. Ingest: the whole ingest service (database writes and matching included) into a throwaway
   SQLite database, against the same segmentation time.
3. Matching: one later report against 1,000 and 10,000 open pledges of its town (pure matcher),
   seconds and growth.
Reports: ../shared/seeds and followups when present, else the project's samples/.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"


def timed(fn, repeat):
    runs = []
    result = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs), result


def report_files():
    if (SHARED / "seeds").is_dir():
        return sorted((SHARED / "seeds").glob("*.txt")), sorted((SHARED / "gold" / "followups").glob("*.txt"))
    samples = sorted((ROOT / "samples").glob("*.txt"))
    return samples[:1], samples[1:2]


def bench_extraction(paths, repeat):
    import jieba

    from reports.analysis import header, lexicon, pledges, sections
    from reports.analysis import text as textmod

    lexicon.load()  # dictionaries load once per process, outside the timings
    jieba.lcut("预热")
    total_seg = total_ext = 0.0
    chars = 0
    print(f"1. 提取 vs 分词（中位数，{repeat} 次）")
    for path in paths:
        raw = path.read_text(encoding="utf-8")

        def extract(raw=raw):
            text = textmod.normalize(raw)
            h = header.detect_header(text)
            year = (h.date.year if h.date else None) or h.plan_year or 2000
            parts = sections.split_sections(text, h.kind)
            sections.split_passages(text, parts)
            return pledges.extract_pledges(text, parts, year, h.kind or "half_year")

        seg, _ = timed(lambda raw=raw: jieba.lcut(raw), repeat)
        ext, found = timed(extract, repeat)
        total_seg += seg
        total_ext += ext
        chars += len(raw)
        print(
            f"   {path.name}: {len(raw)} 字, 分词 {seg * 1000:.1f} ms, 提取 {ext * 1000:.1f} ms "
            f"({len(found)} 条承诺), 比值 {ext / seg:.2f}"
        )
    print(
        f"   合计: 分词 {total_seg * 1000:.1f} ms ({chars / total_seg / 1000:.0f}k 字/秒), "
        f"提取 {total_ext * 1000:.1f} ms, 提取/分词 = {total_ext / total_seg:.2f}"
    )
    return total_seg


def bench_ingest(paths, followups, seg_time):
    import django

    tmp = tempfile.mkdtemp()
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "duixian.settings")
    django.setup()
    from django.core.management import call_command

    from reports.ingest import ingest_file

    call_command("migrate", verbosity=0)
    t0 = time.perf_counter()
    for path in paths:
        ingest_file(path.read_bytes(), path.name)
    ingest_time = time.perf_counter() - t0
    print("2. 完整导入（写库、匹配）")
    print(f"   {len(paths)} 份报告 {ingest_time * 1000:.0f} ms, 导入/分词 = {ingest_time / seg_time:.2f}")
    t0 = time.perf_counter()
    for path in followups:
        ingest_file(path.read_bytes(), path.name)
    if followups:
        print(f"   {len(followups)} 份后续报告（含核对此前承诺）{(time.perf_counter() - t0) * 1000:.0f} ms")


def bench_matching(seed_paths, followup_paths):
    from reports.analysis import header, matching, pledges, sections
    from reports.analysis import text as textmod

    base = []
    for path in seed_paths:
        text = textmod.normalize(path.read_text(encoding="utf-8"))
        h = header.detect_header(text)
        year = h.date.year if h.date else 2022
        base += pledges.extract_pledges(text, sections.split_sections(text, h.kind), year, h.kind or "half_year")
    later = textmod.normalize(followup_paths[0].read_text(encoding="utf-8"))
    h = header.detect_header(later)
    parts = sections.split_sections(later, h.kind)
    review = [(a, b) for si, a, b in sections.split_passages(later, parts) if parts[si].kind == "review"]
    covers = date((h.date.year if h.date else 2023) - 1, 12, 31)

    def facts(n):
        out = []
        for i in range(n):
            d = base[i % len(base)]
            value = d.value * (1 + (i // len(base)) * 0.01) if d.value is not None else None
            out.append(
                matching.PledgeFacts(
                    key=i,
                    text=d.text,
                    kind=d.kind,
                    value=value,
                    unit=d.unit,
                    comparator=d.comparator,
                    deadline=date(covers.year, 12, 31),
                    topic=d.topic,
                    strength=d.strength,
                )
            )
        return out

    print(f"3. 匹配：一份后续报告（{followup_paths[0].name}，{len(review)} 段回顾）对 N 条待核承诺")
    times = {}
    for n in (1000, 10000):
        pl = facts(n)
        t0 = time.perf_counter()
        verdicts = matching.assess(pl, later, review, covers)
        times[n] = time.perf_counter() - t0
        print(f"   N={n}: {times[n]:.2f} s ({times[n] / n * 1000:.2f} ms/条, {len(verdicts)} 个结论)")
    print(f"   1,000 → 10,000 增长 {times[10000] / times[1000]:.1f} 倍（线性为 10 倍）")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    seeds, followups = report_files()
    seg = bench_extraction(seeds, args.repeat)
    bench_ingest(seeds, followups, seg)
    if followups:
        bench_matching(seeds, followups)


if __name__ == "__main__":
    main()
