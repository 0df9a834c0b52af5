"""The demo bench's people. Badges and PINs are printed in the README for trying things out."""

from __future__ import annotations

from station.protocol.enums import Role

DEMO_USERS: tuple[tuple[str, str, Role, str], ...] = (
    ("I1001", "王芳", Role.INSPECTOR, "1234"),
    ("I1002", "李强", Role.INSPECTOR, "1234"),
    ("I1003", "张敏", Role.INSPECTOR, "1234"),
    ("S9001", "陈主管", Role.SUPERVISOR, "9999"),
    ("A0001", "系统管理员", Role.ADMIN, "0000"),
)
