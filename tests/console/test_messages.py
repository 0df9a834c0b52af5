"""Every word the desk shows has its Chinese (the default language)."""

from __future__ import annotations

import re
from enum import StrEnum
from pathlib import Path

import pytest

from central.console.accounts import DeskRole
from central.console.audit import Action
from central.console.disputes import DisputeStatus
from central.console.messages import ZH, translator
from central.console.search import Flag
from station.printing.data import LabelKind
from station.protocol.enums import (
    Category,
    Disposition,
    InspectionState,
    PhotoKind,
    RefundKind,
    Responsibility,
    ReturnReason,
    VideoKind,
)
from tests.console.conftest import Browserish

TEMPLATES = Path(__file__).resolve().parents[2] / "central" / "console" / "templates"
PHRASE = re.compile(r"""_\((["'])(.+?)\1\)""")
CHAPTER_KINDS = (
    "scan",
    "answer",
    "photo",
    "verdict",
    "override",
    "label",
    "parked",
    "camera_lost",
    "camera_back",
)


def test_every_phrase_of_the_pages_has_its_chinese() -> None:
    phrases = {m.group(2) for t in TEMPLATES.glob("*.html") for m in PHRASE.finditer(t.read_text())}
    assert len(phrases) > 80
    assert sorted(phrases - set(ZH)) == []


@pytest.mark.parametrize(
    "codes",
    [
        DeskRole,
        Action,
        DisputeStatus,
        Flag,
        Disposition,
        RefundKind,
        Responsibility,
        ReturnReason,
        Category,
        PhotoKind,
        VideoKind,
        InspectionState,
        LabelKind,
    ],
    ids=lambda e: e.__name__,
)
def test_every_code_a_page_shows_has_its_chinese(codes: type[StrEnum]) -> None:
    assert [c.value for c in codes if c.value not in ZH] == []


def test_chapter_kinds_have_their_chinese() -> None:
    assert [k for k in CHAPTER_KINDS if k not in ZH] == []


def test_english_is_the_pages_own_text_and_unknown_codes_show_as_they_are() -> None:
    assert translator("en")("Search") == "Search"
    assert translator("en")("restock_open_box") == "restock open box"
    assert translator("en")("Order no.") == "Order no."
    assert translator("zh_CN")("Search") == "搜索"
    assert translator("zh_CN")("a code nobody translated") == "a code nobody translated"
    assert translator("zh_CN")(None) == ""


def test_the_language_is_chosen_in_the_bar_and_kept(kefu: Browserish) -> None:
    assert "搜索" in kefu.get("/desk/search").text
    switched = kefu.get("/desk/lang/en", params={"then": "/desk/disputes"})
    assert switched.headers["location"] == "/desk/disputes"
    page = kefu.get("/desk/disputes").text
    assert "Open disputes, nearest deadline first" in page and 'lang="en"' in page
    kefu.get("/desk/lang/zh_CN")
    assert "进行中的纠纷" in kefu.get("/desk/disputes").text
