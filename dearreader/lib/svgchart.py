"""A line chart as plain numbers for an SVG template: no JavaScript, no library, readable with
CSS turned off (the template also gives the figures as a table)."""

from dataclasses import dataclass
from datetime import date

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 40, 10, 10, 30


@dataclass(frozen=True)
class Line:
    name: str
    css_class: str
    points: str  # "x,y x,y ..." for <polyline points>
    total: int


@dataclass(frozen=True)
class Tick:
    x: float
    y: float
    label: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    lines: list[Line]
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    plot_left: int
    plot_bottom: int
    plot_right: int
    plot_top: int


def nice_top(value: int) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50, … at or above value."""
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            if factor * magnitude >= value:
                return factor * magnitude
        magnitude *= 10


def line_chart(days: list[date], series: dict[str, tuple[str, list[int]]]) -> Chart:
    """days: the x axis; series: name -> (css class, one value per day)."""
    highest = max([1, *(max(values, default=0) for _, values in series.values())])
    top = nice_top(highest)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(1, len(days) - 1)

    def x(i: int) -> float:
        return round(LEFT + i * step, 1)

    def y(v: int) -> float:
        return round(TOP + plot_h - v / top * plot_h, 1)

    lines = [
        Line(name, css, " ".join(f"{x(i)},{y(v)}" for i, v in enumerate(values)), sum(values))
        for name, (css, values) in series.items()
    ]
    every = max(1, len(days) // 6)
    x_ticks = [
        Tick(x(i), HEIGHT - BOTTOM + 16, d.strftime("%-d %b"))
        for i, d in enumerate(days)
        if i % every == 0
    ]
    y_ticks = [Tick(LEFT - 6, y(v), str(v)) for v in sorted({0, top // 2, top})]
    return Chart(WIDTH, HEIGHT, lines, x_ticks, y_ticks, LEFT, TOP + plot_h, WIDTH - RIGHT, TOP)
