"""Server-rendered SVG charts: bars (a funnel), lines over days, and a grid of days by row.

Each function returns a plain object the template ``charts/<kind>.svg.html`` draws; every mark carries its
number as visible text or a ``<title>`` (shown on hover), and each chart is meant to sit above a table of
the same numbers. No JavaScript and nothing fetched from elsewhere, so it reads the same in a screenshot.
"""

from dataclasses import dataclass, field

PALETTE = ("#2f6fde", "#16a34a", "#d97706", "#dc2626", "#7c3aed", "#0891b2", "#db2777", "#65a30d")


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    title: str
    y: float
    width: float
    text_x: float


@dataclass(frozen=True)
class BarChart:
    bars: list[Bar]
    width: int
    height: int
    label_width: int
    bar_height: int
    caption: str


def bar_chart(rows: list[tuple[str, float, str]], *, caption: str, width: int = 760) -> BarChart:
    """Horizontal bars, one per ``(label, value, title)``, scaled to the largest value (a funnel)."""
    label_width, bar_height, gap = 220, 22, 8
    top = max((value for _, value, _ in rows), default=0) or 1
    span = width - label_width - 70
    bars = []
    for i, (label, value, title) in enumerate(rows):
        length = max(1.0, span * value / top) if value else 0.0
        bars.append(Bar(label, value, title, y=i * (bar_height + gap), width=length, text_x=label_width + length + 6))
    return BarChart(bars, width, len(rows) * (bar_height + gap) + 4, label_width, bar_height, caption)


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    label: str
    value: float
    title: str


@dataclass(frozen=True)
class Line:
    name: str
    color: str
    points: list[Point]

    @property
    def path(self) -> str:
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)

    @property
    def last(self) -> Point | None:
        return self.points[-1] if self.points else None


@dataclass(frozen=True)
class LineChart:
    lines: list[Line]
    x_labels: list[tuple[float, str]]
    y_ticks: list[tuple[float, str]]
    width: int
    height: int
    left: int
    plot_bottom: float
    caption: str
    legend: list[tuple[str, str, float]] = field(default_factory=list)


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000, 20000, 50000):
        if value <= step * 4:
            return step * 4
    return value


def line_chart(
    series: list[tuple[str, list[float]]], x_labels: list[str], *, caption: str, width: int = 760, height: int = 260
) -> LineChart:
    """One line per ``(name, values)`` over ``x_labels`` (days), on one scale from 0 to a round maximum."""
    left, right, top, bottom = 48, 16, 28, 36
    plot_w, plot_h = width - left - right, height - top - bottom
    top_value = _nice_max(max((v for _, values in series for v in values), default=0))
    count = max(1, len(x_labels) - 1)

    def xy(i: int, value: float) -> tuple[float, float]:
        return left + plot_w * i / count, top + plot_h * (1 - value / top_value)

    lines = []
    for n, (name, values) in enumerate(series):
        points = []
        for i, (label, value) in enumerate(zip(x_labels, values, strict=False)):
            x, y = xy(i, value)
            points.append(Point(x, y, label, value, f"{name} on {label}: {_fmt(value)}"))
        lines.append(Line(name, PALETTE[n % len(PALETTE)], points))
    every = max(1, len(x_labels) // 8)
    xs = [(xy(i, 0)[0], label) for i, label in enumerate(x_labels) if i % every == 0 or i == len(x_labels) - 1]
    ticks = [(xy(0, top_value * k / 4)[1], _fmt(top_value * k / 4)) for k in range(5)]
    legend = [(line.name, line.color, left + i * 150) for i, line in enumerate(lines)]
    return LineChart(lines, xs, ticks, width, height, left, top + plot_h, caption, legend)


@dataclass(frozen=True)
class Cell:
    x: float
    y: float
    text: str
    title: str
    fill: str
    text_x: float
    text_y: float


@dataclass(frozen=True)
class GridChart:
    row_labels: list[tuple[float, str]]
    col_labels: list[tuple[float, str]]
    cells: list[Cell]
    width: int
    height: int
    cell_w: int
    cell_h: int
    caption: str


def grid_chart(
    rows: list[str], cols: list[str], cells: dict[tuple[int, int], tuple[float, str, str]], *, caption: str
) -> GridChart:
    """A grid of ``rows`` x ``cols``; ``cells[(r, c)] = (level 0..n, text, title)``: level 1 and above is red."""
    left, top, cell_w, cell_h = 210, 24, max(34, min(64, 620 // max(1, len(cols)))), 24
    drawn = []
    for (r, c), (level, text, title) in cells.items():
        x, y = left + c * cell_w, top + r * cell_h
        drawn.append(Cell(x, y, text, title, _heat(level), text_x=x + (cell_w - 2) / 2, text_y=y + 15))
    every = max(1, len(cols) // 10)
    col_labels = [(left + c * cell_w + cell_w / 2, label) for c, label in enumerate(cols) if c % every == 0]
    row_labels = [(top + r * cell_h + cell_h / 2 + 4, label) for r, label in enumerate(rows)]
    return GridChart(row_labels, col_labels, drawn, left + len(cols) * cell_w + 8, top + len(rows) * cell_h + 4,
                     cell_w, cell_h, caption)  # fmt: skip


def _heat(level: float) -> str:
    """Green well inside the SLA, amber near it, red past it."""
    if level >= 1:
        return "#fca5a5"
    if level >= 0.75:
        return "#fde68a"
    return "#bbf7d0"


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
