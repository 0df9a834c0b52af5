from station.ui.texts import arg, listing


def test_markers_are_filled_in_the_order_the_translation_wants() -> None:
    assert arg("%1 linked to %2. Scan %2 at a bench.", "P-1", "RMA9") == (
        "P-1 linked to RMA9. Scan RMA9 at a bench."
    )
    assert arg("%2 由 %1 关联", "P-1", "RMA9") == "RMA9 由 P-1 关联"


def test_a_value_is_never_read_as_a_marker() -> None:
    assert arg("Saved: %1 (%2 photos)", "/tmp/%2.pdf", 3) == "Saved: /tmp/%2.pdf (3 photos)"


def test_a_marker_without_a_value_stays_and_a_percent_sign_is_kept() -> None:
    assert arg("%1 at 50% of %3", "x") == "x at 50% of %3"


def test_a_list_reads_as_its_language_lists() -> None:
    assert listing(["整体", "吊牌/标签"], "zh_CN") == "整体、吊牌/标签"
    assert listing(["Overview", "Item label / tag"], "en") == "Overview, Item label / tag"
