"""Small SVG charts drawn on the server (no JavaScript, no CDN): stacked columns over time and bars.

Labels are escaped here; the result is marked safe for the templates.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from markupsafe import Markup, escape

PALETTE = ("#1f5fa8", "#c0392b", "#2e8b57", "#b8860b", "#6a3d9a", "#00838f", "#8d6e63", "#546e7a")


def colour(i: int) -> str:
    return PALETTE[i % len(PALETTE)]


def buckets(rows: list[tuple[date, str, int]], start: date, end: date) -> tuple[list[date], str]:
    """Days for periods up to 31 days, weeks (from Monday) beyond."""
    weekly = (end - start).days > 31
    first = start - timedelta(days=start.weekday()) if weekly else start
    step = 7 if weekly else 1
    days, d = [], first
    while d < end:
        days.append(d)
        d += timedelta(days=step)
    return days, "week" if weekly else "day"


def stacked_columns(rows: list[tuple[date, str, int]], keys: list[str], names: dict[str, str],
                    start: date, end: date, title: str) -> Markup:
    """Columns per day or week, stacked by key (category, nature), with a legend."""
    slots, unit = buckets(rows, start, end)
    if not slots:
        return Markup("")
    step = 7 if unit == "week" else 1
    table: dict[date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for day, key, n in rows:
        slot = day - timedelta(days=day.weekday()) if step == 7 else day
        table[slot][key] += n
    top = max([sum(v.values()) for v in table.values()] + [1])
    present = {key for v in table.values() for key, n in v.items() if n}
    keys = [k for k in keys if k in present] or keys[:1]
    width, height, pad_left, pad_bottom = 420, 200, 30, 30
    col = (width - pad_left - 8) / len(slots)
    bar = max(2.0, col * 0.7)
    scale = (height - pad_bottom - 10) / top
    parts = [f'<svg viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}" class="chart">',
             f'<title>{escape(title)}</title>']
    for frac in (0, 0.5, 1):
        y = height - pad_bottom - top * frac * scale
        parts.append(f'<line x1="{pad_left}" x2="{width}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
                     f'<text x="{pad_left - 4}" y="{y + 4:.1f}" text-anchor="end" class="axis">'
                     f'{round(top * frac)}</text>')
    label_every = max(1, len(slots) // 6)
    for i, slot in enumerate(slots):
        x = pad_left + i * col + (col - bar) / 2
        y = height - pad_bottom
        for k, key in enumerate(keys):
            n = table.get(slot, {}).get(key, 0)
            if not n:
                continue
            h = n * scale
            y -= h
            parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" fill="{colour(k)}">'
                         f'<title>{escape(slot.isoformat())} {escape(names.get(key, key))}: {n}</title></rect>')
        if i % label_every == 0:
            parts.append(f'<text x="{x + bar / 2:.1f}" y="{height - pad_bottom + 16}" text-anchor="middle" '
                         f'class="axis">{slot.strftime("%m-%d")}</text>')
    parts.append("</svg>")
    legend = "".join(f'<li><span class="swatch" style="background:{colour(k)}"></span>'
                     f'{escape(names.get(key, key))}</li>' for k, key in enumerate(keys))
    return Markup("".join(parts) + f'<ul class="legend">{legend}</ul>')


def bars(values: list[tuple[str, float]], title: str, fmt: str = "{:g}") -> Markup:
    """Horizontal bars with their labels and values (an accessible table-like chart)."""
    if not values:
        return Markup("")
    top = max([v for _, v in values] + [1])
    rows = []
    for i, (label, v) in enumerate(values):
        pct = 100 * v / top if top else 0
        rows.append(f'<div class="bar-row"><span class="bar-label">{escape(label)}</span>'
                    f'<span class="bar-track"><span class="bar" style="width:{pct:.1f}%;background:{colour(i)}">'
                    f'</span></span><span class="bar-value">{escape(fmt.format(v))}</span></div>')
    return Markup(f'<div class="bars" role="group" aria-label="{escape(title)}">{"".join(rows)}</div>')
