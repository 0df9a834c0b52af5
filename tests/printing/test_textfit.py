from __future__ import annotations

from station.printing.textfit import ELLIPSIS, fit_text


def mono(text: str, size: float) -> float:
    return len(text) * size  # every character one em wide


def test_text_that_fits_keeps_its_size() -> None:
    fitted = fit_text("ABC", mono, width=40, height=20, unit_per_pt=1, size=10, min_size=5)
    assert fitted.size == 10 and fitted.lines == ("ABC",)


def test_long_text_shrinks_down_to_the_minimum_then_is_cut() -> None:
    fitted = fit_text("ABCDEFGH", mono, width=40, height=20, unit_per_pt=1, size=10, min_size=8)
    assert fitted.size == 8
    assert fitted.lines == ("ABCD" + ELLIPSIS,)
    assert mono(fitted.lines[0], fitted.size) <= 40


def test_text_wraps_onto_the_lines_it_is_allowed() -> None:
    fitted = fit_text(
        "无线蓝牙降噪耳机白色",
        mono,
        width=50,
        height=30,
        unit_per_pt=1,
        size=10,
        min_size=10,
        lines=2,
    )
    assert fitted.lines == ("无线蓝牙降", "噪耳机白色")


def test_wrapped_text_never_overflows_the_box_height() -> None:
    fitted = fit_text(
        "开箱品上架", mono, width=30, height=26, unit_per_pt=1, size=20, min_size=5, lines=2
    )
    assert len(fitted.lines) * fitted.size * 1.15 <= 26 + 20 * 0.15 + 1e-6
    assert "".join(fitted.lines) == "开箱品上架"


def test_latin_words_are_not_broken_when_a_space_will_do() -> None:
    fitted = fit_text(
        "RESTOCK OPEN BOX", mono, width=80, height=30, unit_per_pt=1, size=10, min_size=10, lines=2
    )
    assert fitted.lines == ("RESTOCK", "OPEN BOX")


def test_control_characters_and_line_breaks_do_not_survive() -> None:
    fitted = fit_text("a\n\tb", mono, width=100, height=20, unit_per_pt=1, size=10, min_size=10)
    assert fitted.lines == ("a b",)
