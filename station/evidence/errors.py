"""Errors of the photo evidence package, each with an English and a Chinese message.

``str(error)`` is English (logs, CLI); :meth:`EvidenceError.message` gives the inspector's
language. The UI shows the message as it is, so each one says what happened and what to do.
"""

from __future__ import annotations

import errno

from station.domain.errors import BilingualError


class EvidenceError(BilingualError):
    """Anything the evidence store refuses or finds wrong."""


class ImageRejected(EvidenceError):
    """An image file or camera frame the station will not take (damaged, too big, not an
    image)."""


class StorageError(EvidenceError):
    """The photo folder could not be written: disk full, permissions, a failing disk."""


class BlobCorrupt(EvidenceError):
    """A stored photo's bytes no longer match the SHA-256 it is named by."""


class BlobMissing(EvidenceError):
    """A photo file the records point at is not on disk."""


class PhotoRefused(EvidenceError):
    """A change the evidence rules refuse (the inspection is closed, the photo is gone…)."""


_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


def storage_error(exc: OSError, what_en: str, what_zh: str) -> StorageError:
    """Turn an ``OSError`` from writing ``what`` into a message an inspector can act on."""
    if exc.errno in _DISK_FULL:
        return StorageError(
            f"The disk is full: {what_en} was not saved. Free some space (or ask IT) and try"
            " again.",
            f"磁盘已满：{what_zh}未保存。请清理磁盘空间（或联系IT）后重试。",
        )
    if exc.errno in {errno.EACCES, errno.EPERM, errno.EROFS}:
        return StorageError(
            f"The photo folder cannot be written ({exc.strerror}): {what_en} was not saved.",
            f"照片文件夹无法写入（{exc.strerror}）：{what_zh}未保存。请联系IT。",
        )
    return StorageError(
        f"Writing {what_en} failed ({exc.strerror or exc}); nothing was saved.",
        f"{what_zh}写入失败（{exc.strerror or exc}），未保存任何内容。",
    )
