"""Inline SVG charts: drawn on the server, readable without JavaScript, described for screen readers."""

from __future__ import annotations

from html import escape

from markupsafe import Markup

WIDTH, HEIGHT, PAD, LEFT = 560, 170, 24, 40
#: A bar is never wider than this: one month alone is a bar, not a block.
MAX_BAR = 48


def bar_chart(series: list[tuple[str, int]], label: str) -> Markup:
    """A bar per period with its count above it, a count axis and the periods below; the numbers
    are also in a <title> per bar and in the figure's description."""
    if not series:
        return Markup("")
    top = max(count for _, count in series) or 1
    plot = WIDTH - LEFT - PAD
    slot = plot / len(series)
    width = min(MAX_BAR, max(1.0, slot - 2))
    bottom = HEIGHT - PAD
    bars = []
    for i, (period, count) in enumerate(series):
        h = (bottom - PAD) * count / top
        x = LEFT + i * slot + (slot - width) / 2
        bars.append(f'<rect class="bar" x="{x:.1f}" y="{bottom - h:.1f}" width="{width:.1f}" height="{h:.1f}">'
                    f"<title>{escape(period)}: {count}</title></rect>")
        if len(series) <= 24 and count:
            bars.append(f'<text x="{x + width / 2:.1f}" y="{bottom - h - 4:.1f}" class="value" '
                        f'text-anchor="middle">{count}</text>')
    summary = ", ".join(f"{p}: {c}" for p, c in series)
    first_x, last_x = LEFT + (slot - width) / 2, LEFT + (len(series) - 1) * slot + (slot + width) / 2
    axis = (f'<line x1="{LEFT}" y1="{PAD}" x2="{LEFT}" y2="{bottom}" class="baseline"/>'
            f'<text x="{LEFT - 6}" y="{PAD + 4}" class="axis" text-anchor="end">{top}</text>'
            f'<text x="{LEFT - 6}" y="{bottom}" class="axis" text-anchor="end">0</text>'
            f'<text x="{first_x:.1f}" y="{HEIGHT - 6}" class="axis">{escape(series[0][0])}</text>')
    if len(series) > 1:
        axis += f'<text x="{last_x:.1f}" y="{HEIGHT - 6}" class="axis" text-anchor="end">{escape(series[-1][0])}</text>'
    return Markup(
        f'<svg class="chart" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" aria-labelledby="chart-title">'
        f'<title id="chart-title">{escape(label)}: {escape(summary)}</title>'
        f'<line x1="{LEFT}" y1="{bottom}" x2="{WIDTH - PAD}" y2="{bottom}" class="baseline"/>'
        + "".join(bars) + axis + "</svg>"
    )
