"""The actor network: a deterministic force layout and its inline SVG."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from polemos.report.charts import empty_svg, esc, goldstein_colour, legend_svg, svg_open, svg_text


@dataclass(frozen=True, slots=True)
class Node:
    code: str
    label: str
    n_events: int
    is_party: bool = False


@dataclass(frozen=True, slots=True)
class Edge:
    """An undirected dyad: events between ``a`` and ``b`` in either direction."""

    a: str
    b: str
    n_events: int
    mean_goldstein: float
    tip: str


Point = tuple[float, float]


def circle_layout(n: int) -> list[Point]:
    """``n`` points on the unit circle, the first at the top, clockwise."""
    return [
        (math.cos(-math.pi / 2 + 2 * math.pi * i / n), math.sin(-math.pi / 2 + 2 * math.pi * i / n))
        for i in range(n)
    ]


def force_layout(
    n: int, links: Sequence[tuple[int, int, float]], *, iterations: int = 300
) -> list[Point]:
    """Fruchterman–Reingold from a circle start: the same input always gives the same picture.

    ``links`` are (i, j, weight); positions come back scaled into [-1, 1].
    """
    pos = [list(p) for p in circle_layout(n)]
    if n < 3:
        return [(p[0], p[1]) for p in pos]
    k = math.sqrt(4.0 / n)
    temperature = 0.2
    for _ in range(iterations):
        shift = [[0.0, 0.0] for _ in range(n)]
        for i in range(n):
            for j in range(i + 1, n):
                dx, dy = pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]
                dist = max(math.hypot(dx, dy), 1e-3)
                push = k * k / dist
                shift[i][0] += dx / dist * push
                shift[i][1] += dy / dist * push
                shift[j][0] -= dx / dist * push
                shift[j][1] -= dy / dist * push
        for i, j, weight in links:
            dx, dy = pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]
            dist = max(math.hypot(dx, dy), 1e-3)
            pull = dist * dist / k * (1 + math.log1p(weight)) / 2
            shift[i][0] -= dx / dist * pull
            shift[i][1] -= dy / dist * pull
            shift[j][0] += dx / dist * pull
            shift[j][1] += dy / dist * pull
        for i in range(n):
            # a weak pull to the centre keeps unlinked actors from drifting away
            shift[i][0] -= pos[i][0] * 0.5
            shift[i][1] -= pos[i][1] * 0.5
            length = max(math.hypot(*shift[i]), 1e-9)
            step = min(length, temperature)
            pos[i][0] += shift[i][0] / length * step
            pos[i][1] += shift[i][1] / length * step
        temperature = max(temperature * 0.985, 0.005)
    return _normalise([(p[0], p[1]) for p in pos])


def _normalise(points: Sequence[Point]) -> list[Point]:
    """Stretch each axis to [-1, 1] so the picture fills its (wide) box."""
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    half_x = max((max(xs) - min(xs)) / 2, 1e-9)
    half_y = max((max(ys) - min(ys)) / 2, 1e-9)
    return [((x - cx) / half_x, (y - cy) / half_y) for x, y in points]


Box = tuple[float, float, float, float]  # x0, y0, x1, y1
CHAR_WIDTH, LABEL_HEIGHT = 7.2, 14.0  # 12 px bold text, generously


def _label_options(x: float, y: float, r: float, w: float) -> list[tuple[float, float, str, Box]]:
    """Where a label can go around its node: below, above, right, left (text x, y, anchor)."""
    h = LABEL_HEIGHT
    return [
        (x, y + r + 13, "middle", (x - w / 2, y + r + 2, x + w / 2, y + r + 2 + h)),
        (x, y - r - 5, "middle", (x - w / 2, y - r - 3 - h, x + w / 2, y - r - 3)),
        (x + r + 4, y + 4, "start", (x + r + 4, y - 8, x + r + 4 + w, y - 8 + h)),
        (x - r - 4, y + 4, "end", (x - r - 4 - w, y - 8, x - r - 4, y - 8 + h)),
    ]


def _overlap(a: Box, b: Box) -> float:
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


def place_labels(points: Sequence[Point], radii: Sequence[float], labels: Sequence[str], *,
                 width: float, height: float) -> list[tuple[float, float, str]]:
    """(x, y, anchor) per label: the first place around its node that covers no node and no
    label placed before it, else the least covered one. Bigger nodes choose first."""
    circles = [(x - r, y - r, x + r, y + r) for (x, y), r in zip(points, radii, strict=True)]
    placed: list[Box] = []
    out: dict[int, tuple[float, float, str]] = {}
    for i in sorted(range(len(points)), key=lambda k: (-radii[k], k)):
        (x, y), w = points[i], CHAR_WIDTH * len(labels[i]) + 4

        def cost(box: Box, i: int = i) -> float:
            inside = (max(0.0, -box[0]) + max(0.0, box[2] - width)
                      + max(0.0, -box[1]) + max(0.0, box[3] - height)) * LABEL_HEIGHT
            return inside + sum(_overlap(box, c) for j, c in enumerate(circles) if j != i) + sum(
                _overlap(box, b) for b in placed)

        options = _label_options(x, y, radii[i], w)
        best = next((o for o in options if cost(o[3]) == 0), None) or min(
            options, key=lambda o: cost(o[3]))
        placed.append(best[3])
        out[i] = best[:3]
    return [out[i] for i in range(len(points))]


def short_label(node: Node, *, limit: int = 20) -> str:
    """The name when it is short, else the code ("OSCE"); the tooltip keeps the full name."""
    return node.label if len(node.label) <= limit else node.code


def network_svg(nodes: Sequence[Node], edges: Sequence[Edge], *, width: int = 960) -> str:
    """Nodes sized by events, edges weighted by count and coloured by mean Goldstein."""
    if not nodes:
        return empty_svg("no actor pairs with events", width=width)
    height = min(560, 260 + 14 * len(nodes))
    index = {node.code: i for i, node in enumerate(nodes)}
    links = [
        (index[e.a], index[e.b], float(e.n_events)) for e in edges if e.a in index and e.b in index
    ]
    points = force_layout(len(nodes), links)
    margin = 70
    xy = [
        (width / 2 + x * (width / 2 - margin * 1.6), height / 2 + y * (height / 2 - margin))
        for x, y in points
    ]
    top_edge = max((e.n_events for e in edges), default=1)
    top_node = max(node.n_events for node in nodes) or 1
    parts = [svg_open(width, height, "actor network", "network")]
    counts: list[str] = []  # drawn above every line, so no line hides a number
    for edge in sorted(edges, key=lambda e: e.n_events):
        if edge.a not in index or edge.b not in index:
            continue
        (x1, y1), (x2, y2) = xy[index[edge.a]], xy[index[edge.b]]
        stroke = 1.2 + 7 * math.sqrt(edge.n_events / top_edge)
        parts.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" class="edge" '
            f'stroke="{goldstein_colour(edge.mean_goldstein)}" stroke-width="{stroke:.1f}" '
            f'data-tip="{esc(edge.tip)}"/>'
        )
        if edge.n_events > 1:
            counts.append(
                svg_text(
                    (x1 + x2) / 2, (y1 + y2) / 2 + 4, edge.n_events, anchor="middle", cls="ecount"
                )
            )
    parts.extend(counts)
    radii = [6 + 16 * math.sqrt(node.n_events / top_node) for node in nodes]
    for node, (x, y), radius in zip(nodes, xy, radii, strict=True):
        cls = "node party" if node.is_party else "node"
        tip = f"{node.label} ({node.code}): {node.n_events} events"
        parts.append(
            f'<g class="{cls}" data-tip="{esc(tip)}">'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}"/></g>'
        )
    # labels after every node, so no node hides one, each where it covers nothing else
    labels = [short_label(node) for node in nodes]
    for label, (lx, ly, anchor) in zip(
        labels, place_labels(xy, radii, labels, width=width, height=height), strict=True
    ):
        parts.append(svg_text(lx, ly, label, anchor=anchor, cls="nlabel"))
    parts.append("</svg>")
    return "".join(parts)


def network_legend_svg(*, width: int = 960) -> str:
    return legend_svg(
        [
            (goldstein_colour(-8), "mostly conflict (mean Goldstein −8)"),
            (goldstein_colour(0), "neutral (0)"),
            (goldstein_colour(6), "mostly cooperation (+6)"),
            ("#333333", "dark ring: party to the conflict; width = number of events"),
        ],
        width=width,
    )
