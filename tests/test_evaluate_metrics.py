"""The evaluation scores on examples small enough to compute by hand."""

from __future__ import annotations

import math

import pytest

from newsthread.evaluate.metrics import bcubed, decision_scores, pearson

GOLD = {"a": "G1", "b": "G1", "c": "G1", "d": "G2", "e": "G2"}


def test_bcubed_hand_computed_example():
    # Predicted {a, b} {c, d, e}. Precision per item: a 1, b 1, c 1/3, d 2/3, e 2/3 -> 11/15.
    # Recall per item: a 2/3, b 2/3, c 1/3, d 1, e 1 -> 11/15.
    predicted = {"a": 1, "b": 1, "c": 2, "d": 2, "e": 2}
    scores = bcubed(GOLD, predicted)
    assert scores["precision"] == pytest.approx(11 / 15)
    assert scores["recall"] == pytest.approx(11 / 15)
    assert scores["f1"] == pytest.approx(11 / 15)
    assert scores["items"] == 5


def test_bcubed_one_big_cluster_and_all_singletons():
    together = bcubed(GOLD, dict.fromkeys(GOLD, 0))
    # Precision: three items see 3/5 of their cluster right, two see 2/5 -> (9/5 + 4/5) / 5.
    assert together["precision"] == pytest.approx(13 / 25)
    assert together["recall"] == pytest.approx(1.0)
    apart = bcubed(GOLD, {item: item for item in GOLD})
    assert apart["precision"] == pytest.approx(1.0)
    # Recall: each G1 item finds 1/3 of its gold cluster, each G2 item 1/2 -> (1 + 1) / 5.
    assert apart["recall"] == pytest.approx(2 / 5)
    assert apart["f1"] == pytest.approx(2 * 0.4 / 1.4)


def test_bcubed_perfect_ignores_label_names_and_unshared_items():
    predicted = {"a": "x", "b": "x", "c": "x", "d": "y", "e": "y", "extra": "z"}
    assert bcubed(GOLD, predicted)["f1"] == pytest.approx(1.0)
    assert bcubed({}, predicted)["items"] == 0


def test_pearson_hand_computed():
    assert pearson([1, 2, 3], [2, 4, 6]) == pytest.approx(1.0)
    assert pearson([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)
    # Deviations (-1.5, -.5, .5, 1.5) and (-1.5, .5, -.5, 1.5): 4 / sqrt(5 * 5).
    assert pearson([1, 2, 3, 4], [1, 3, 2, 4]) == pytest.approx(0.8)


def test_pearson_degenerate():
    assert math.isnan(pearson([1, 1, 1], [1, 2, 3]))
    assert math.isnan(pearson([1], [2]))
    with pytest.raises(ValueError):
        pearson([1, 2], [1])


def test_decision_scores():
    scores = decision_scores([True, True, False, False], [True, False, True, False])
    assert (scores["precision"], scores["recall"], scores["f1"]) == (0.5, 0.5, 0.5)
    assert (scores["tp"], scores["predicted"], scores["gold"], scores["pairs"]) == (1, 2, 2, 4)
    nothing = decision_scores([True, False], [False, False])
    assert (nothing["precision"], nothing["recall"], nothing["f1"]) == (0.0, 0.0, 0.0)
