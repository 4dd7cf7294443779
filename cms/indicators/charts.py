"""Hand-made SVG bar charts (no JavaScript): geometry computed here, the template only draws."""

from __future__ import annotations

from dataclasses import dataclass

from cms.indicators.selectors import Row

WIDTH = 320
BAR = 18
GAP = 6
LABEL = 120


@dataclass(frozen=True)
class Bar:
    label: str
    display: str
    y: int
    width: int
    text_y: int
    suppressed: bool


@dataclass(frozen=True)
class Chart:
    bars: tuple[Bar, ...]
    height: int
    width: int = WIDTH + LABEL + 50
    label_width: int = LABEL


def bar_chart(row: Row) -> Chart:
    top = row.max_value or 1
    bars = []
    for number, cell in enumerate(row.cells):
        y = number * (BAR + GAP)
        width = 0 if cell.value is None else max(1, round(WIDTH * float(cell.value) / float(top)))
        bars.append(Bar(cell.label[:22], cell.display, y, width, y + BAR - 5, cell.suppressed))
    return Chart(tuple(bars), max(BAR, len(bars) * (BAR + GAP)))
