"""Inline SVG charts: drawn on the server, readable without JavaScript, described for screen readers."""

from __future__ import annotations

from html import escape

from markupsafe import Markup

WIDTH, HEIGHT, PAD = 560, 160, 24


def bar_chart(series: list[tuple[str, int]], label: str) -> Markup:
    """A bar per month; the numbers are also in a <title> per bar and in the figure's description."""
    if not series:
        return Markup("")
    top = max(count for _, count in series) or 1
    width = (WIDTH - 2 * PAD) / len(series)
    bars = []
    for i, (month, count) in enumerate(series):
        h = (HEIGHT - 2 * PAD) * count / top
        x, y = PAD + i * width, HEIGHT - PAD - h
        bars.append(f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{max(1.0, width - 2):.1f}" height="{h:.1f}">'
                    f"<title>{escape(month)}: {count}</title></rect>")
    summary = ", ".join(f"{m}: {c}" for m, c in series)
    axis = (f'<text x="{PAD}" y="{HEIGHT - 6}" class="axis">{escape(series[0][0])}</text>'
            f'<text x="{WIDTH - PAD}" y="{HEIGHT - 6}" class="axis" text-anchor="end">{escape(series[-1][0])}</text>')
    return Markup(
        f'<svg class="chart" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" aria-labelledby="chart-title">'
        f'<title id="chart-title">{escape(label)}: {escape(summary)}</title>'
        f'<line x1="{PAD}" y1="{HEIGHT - PAD}" x2="{WIDTH - PAD}" y2="{HEIGHT - PAD}" class="baseline"/>'
        + "".join(bars) + axis + "</svg>"
    )
