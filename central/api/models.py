"""Answers of the endpoints that are central's own (not part of the station protocol)."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

from station.protocol.ids import Sha256


class _Answer(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Health(_Answer):
    status: str
    version: str


class BlobStored(_Answer):
    sha256: Sha256
    size: int
    created: bool  # False: it was there already


class Published(_Answer):
    published: int  # changes appended
    unchanged: int  # the same as already published: nothing appended
    cursor: Annotated[str, StringConstraints(pattern=r"^[0-9]{1,18}$")]  # last change appended


class Problem(_Answer):
    detail: str
