"""Charts are pure functions: tiny inputs, one behaviour each."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from polemos.report.charts import (
    Mark,
    Series,
    bar_chart_svg,
    empty_svg,
    goldstein_colour,
    legend_svg,
    series_svg,
    timeline_svg,
    year_ticks,
)
from polemos.report.network import Edge, Node, force_layout, network_svg


@pytest.mark.parametrize(
    ("lo", "hi", "expected"),
    [
        (2019, 2021, [2019, 2020, 2021]),
        (1990, 2020, [1990, 1995, 2000, 2005, 2010, 2015, 2020]),
        (1991.4, 1994.2, [1992, 1993, 1994]),
    ],
)
def test_year_ticks(lo: float, hi: float, expected: list[int]) -> None:
    assert year_ticks(lo, hi) == expected


def test_bar_chart_escapes_labels_and_scales_bars() -> None:
    svg = bar_chart_svg([("<b>ASSAULT</b>", 4), ("AID", 2)], label="types")
    assert "<b>" not in svg and "&lt;b&gt;ASSAULT&lt;/b&gt;" in svg
    widths = [
        float(w) for w in re.findall(r'class="bar"[^>]*|width="([\d.]+)" height="14"', svg) if w
    ]
    assert widths[0] == pytest.approx(2 * widths[1])


def test_empty_input_still_draws_a_chart() -> None:
    assert timeline_svg([]).startswith("<svg") and "no dated events" in timeline_svg([])
    assert "<rect" in empty_svg("nothing")


def test_timeline_shows_precision_as_shape() -> None:
    day = Mark(dt.date(2020, 9, 27), dt.date(2020, 9, 28), 4, "day", "a day")
    year = Mark(dt.date(2016, 1, 1), dt.date(2017, 1, 1), 1, "year", "a year")
    svg = timeline_svg([day, year], width=1000)
    assert re.search(r'<circle [^>]*class="mark p-day" data-tip="a day"', svg)
    rect = re.search(r'<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"[^>]*class="mark p-year"', svg)
    assert rect is not None
    # 2016..2021 over 830 px: one year is 166 px wide
    assert float(rect.group(2)) == pytest.approx((1000 - 170) / 5, abs=0.5)


def test_timeline_stacks_overlapping_marks() -> None:
    marks = [Mark(dt.date(2020, 1, 1), dt.date(2021, 1, 1), 3, "year", str(i)) for i in range(3)]
    ys = re.findall(r'<rect x="[\d.]+" y="([\d.]+)" width="[\d.]+" height="7"', timeline_svg(marks))
    assert len(set(ys)) == 3


def test_series_bars_share_one_scale() -> None:
    series = [
        Series("Arnor", (10.0, 0.0), (0.0, -5.0), ("a", "b"), is_party=True),
        Series("Rohan", (5.0, 0.0), (0.0, 0.0), ("c", "d")),
    ]
    svg = series_svg(series, ["2019", "2020"])
    heights = [float(h) for h in re.findall(r'height="([\d.]+)" fill="#2f6fb0"', svg)]
    assert heights[0] == pytest.approx(2 * heights[2])  # Arnor 10 vs Rohan 5
    assert 'class="lbl party">Arnor' in svg
    assert svg.count('class="period"') == 3  # empty periods draw nothing


def test_goldstein_colour_runs_red_grey_blue() -> None:
    red, grey, blue = goldstein_colour(-10), goldstein_colour(0), goldstein_colour(10)
    assert grey == "#969696"
    assert int(red[1:3], 16) > int(red[5:7], 16)
    assert int(blue[5:7], 16) > int(blue[1:3], 16)


def test_force_layout_is_deterministic_and_bounded() -> None:
    links = [(0, 1, 3.0), (1, 2, 1.0), (2, 3, 1.0)]
    first, second = force_layout(5, links), force_layout(5, links)
    assert first == second
    assert all(-1.0001 <= v <= 1.0001 for point in first for v in point)


def test_linked_nodes_end_closer_than_unlinked() -> None:
    points = force_layout(4, [(0, 1, 5.0)])
    dist = [((points[0][0] - p[0]) ** 2 + (points[0][1] - p[1]) ** 2) ** 0.5 for p in points]
    assert dist[1] < min(dist[2], dist[3])


def test_network_svg_draws_nodes_edges_and_escapes() -> None:
    nodes = [Node("A", "<i>A</i>", 3, True), Node("B", "B", 1)]
    svg = network_svg(nodes, [Edge("A", "B", 2, -7.0, "A – B: 2 events")])
    assert svg.count("<circle") == 2 and svg.count('class="edge"') == 1
    assert "<i>" not in svg and "&lt;i&gt;A&lt;/i&gt;" in svg
    assert 'class="node party"' in svg


def test_legend_wraps_long_lists() -> None:
    svg = legend_svg([("#000", "x" * 60)] * 4, width=500)
    assert len(set(re.findall(r'<rect x="[\d.]+" y="([\d.]+)"', svg))) == 4


def test_long_labels_wrap_onto_two_lines() -> None:
    from polemos.report.charts import wrapped_label

    assert wrapped_label(100, 50, "Rohan").count("<text") == 1
    two = wrapped_label(100, 50, "Nagorno-Karabakh Republic of the North")
    assert two.count("<text") == 2 and ">Nagorno-Karabakh<" in two


def test_edges_with_several_events_show_their_count() -> None:
    nodes = [Node("A", "A", 3), Node("B", "B", 3), Node("C", "C", 1)]
    edges = [Edge("A", "B", 3, 2.0, "t"), Edge("B", "C", 1, 2.0, "t")]
    svg = network_svg(nodes, edges)
    assert re.findall(r'class="ecount">(\d+)<', svg) == ["3"]


def test_long_node_names_are_drawn_as_codes() -> None:
    from polemos.report.network import short_label

    assert short_label(Node("ARN", "Arnor", 1)) == "Arnor"
    assert short_label(Node("WLC", "White Council of the Wise and Mighty", 1)) == "WLC"


def test_one_far_date_does_not_squeeze_the_axis_and_is_named() -> None:
    recent = [Mark(dt.date(2024, m, 1), dt.date(2024, m, 2), 4, "day", f"e{m}") for m in range(1, 9)]
    far = Mark(dt.date(1950, 6, 1), dt.date(1950, 6, 2), 4, "day", "the 1950 event")
    svg = timeline_svg([*recent, far], width=1000)
    assert "the 1950 event" not in svg and svg.count('class="mark p-day"') == 8
    assert "Left out of the axis: 1 event dated 1950 (far from the rest)." in svg
    assert ">1950<" not in svg and ">2024<" in svg  # the ticks cover the bulk only
    few = timeline_svg([recent[0], far])  # too few dates to call one an outlier
    assert "the 1950 event" in few and "Left out" not in few


def test_main_span_keeps_a_long_even_history() -> None:
    from polemos.report.charts import main_span

    years = [1988.0, 1991.5, 1994.2, 2008.0, 2016.3, 2020.8, 2023.7, 2024.1]
    assert main_span(years) == (1988.0, 2024.1)
    assert main_span([2024.1, 2024.3, 2024.5, 2025.0, 2025.2, 1950.0]) == (2024.1, 2025.2)


def test_network_labels_cover_no_node_and_no_other_label() -> None:
    from polemos.report.network import CHAR_WIDTH, LABEL_HEIGHT, place_labels

    # Armenia's label would fall on Russia's node straight below it
    points = [(300.0, 200.0), (300.0, 240.0), (340.0, 200.0)]
    radii = [10.0, 22.0, 8.0]
    labels = ["Armenia", "Russia", "Iran"]
    placed = place_labels(points, radii, labels, width=960, height=400)
    boxes = []
    for (x, y, anchor), label in zip(placed, labels, strict=True):
        w = CHAR_WIDTH * len(label) + 4
        x0 = {"middle": x - w / 2, "start": x, "end": x - w}[anchor]
        boxes.append((x0, y - 11, x0 + w, y - 11 + LABEL_HEIGHT))
    for i, box in enumerate(boxes):
        for j, ((cx, cy), r) in enumerate(zip(points, radii, strict=True)):
            if i != j:  # no label inside another node's square
                assert box[2] <= cx - r or box[0] >= cx + r or box[3] <= cy - r or box[1] >= cy + r
        for other in boxes[i + 1:]:
            assert box[2] <= other[0] or other[2] <= box[0] or box[3] <= other[1] or other[3] <= box[1]
    svg = network_svg([Node(c, n, 3) for c, n in (("ARM", "Armenia"), ("RUS", "Russia"))],
                      [Edge("ARM", "RUS", 2, 1.0, "t")])
    assert svg.rindex("<circle") < svg.index('class="nlabel"')  # labels drawn over every node


def test_main_span_weighs_each_date_by_its_count() -> None:
    from polemos.report.charts import main_span_of_counts

    # five events in 2020 and one in 1900: the lone date is far from the bulk (as two
    # distinct dates alone it would be kept: fewer than MIN_FOR_OUTLIERS)
    assert main_span_of_counts({1900.0: 1, 2020.0: 5}) == (2020.0, 2020.0)
    assert main_span_of_counts({1900.0: 1, 2020.0: 1}) == (1900.0, 2020.0)
    assert main_span_of_counts({}) == (0.0, 0.0)
