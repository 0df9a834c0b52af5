"""A realistic, reproducible manifest of after-sales orders for demos, tests and benchmarks.

The same seed always gives the same orders, so the demo camera's parcels, the screenshots and
the tests all agree on which RMA numbers exist.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from station.domain.codes import ean_check_digit, s10_check_digit
from station.protocol.enums import Carrier, Category, OrderState


@dataclass(frozen=True, slots=True)
class Product:
    code: str
    title: str
    price_yuan: int
    accessories: tuple[str, ...] = ()
    serialised: bool = False


_VARIANT_COLOURS = ("黑色", "白色", "藏青", "卡其", "灰色", "酒红")
_SIZES = ("S", "M", "L", "XL", "XXL")
_SHOE_SIZES = ("36", "37", "38", "39", "40", "41", "42", "43", "44")

CATALOGUE: dict[Category, tuple[Product, ...]] = {
    Category.APPAREL: (
        Product("TS", "纯棉圆领短袖T恤", 79),
        Product("JN", "修身弹力牛仔裤", 199),
        Product("DJ", "加厚连帽羽绒服", 899),
        Product("KC", "羊毛混纺针织开衫", 329),
        Product("HD", "宽松运动卫衣", 159),
        Product("DR", "碎花雪纺连衣裙", 259),
    ),
    Category.FOOTWEAR: (
        Product("RN", "轻量缓震跑步鞋", 499),
        Product("BT", "真皮短靴", 699),
        Product("SN", "帆布休闲板鞋", 169),
    ),
    Category.BAGS: (
        Product("BP", "防泼水通勤双肩包", 269, ("防尘袋",)),
        Product("HB", "头层牛皮手提包", 1299, ("防尘袋", "肩带")),
        Product("WL", "短款钱包", 189, ("礼盒",)),
    ),
    Category.ELECTRONICS: (
        Product("EB", "主动降噪蓝牙耳机", 899, ("充电盒", "充电线", "耳塞套"), True),
        Product("SW", "智能运动手表", 1499, ("充电底座", "说明书"), True),
        Product("PB", "20000mAh 移动电源", 149, ("充电线",), True),
        Product("KB", "机械键盘 红轴", 399, ("数据线", "键帽拔"), True),
        Product("PH", "5G 智能手机 256GB", 4999, ("充电器", "数据线", "取卡针"), True),
        Product("LT", "16英寸轻薄笔记本电脑", 6999, ("电源适配器",), True),
    ),
    Category.BEAUTY: (
        Product("SR", "玻尿酸保湿精华液 30ml", 299),
        Product("LS", "丝绒雾面口红", 189),
        Product("SC", "清爽防晒霜 SPF50", 129),
        Product("HD", "负离子吹风机", 599, ("集风嘴", "扩散器"), True),
    ),
    Category.HOME: (
        Product("PL", "记忆棉护颈枕", 199),
        Product("BS", "全棉四件套 1.8m", 459),
        Product("PN", "不粘炒锅 32cm", 239, ("锅盖",)),
        Product("LM", "LED 护眼台灯", 219, ("电源适配器",)),
    ),
    Category.FOOD: (
        Product("CH", "智利车厘子 2.5kg 礼盒", 368),
        Product("NT", "每日坚果 30 袋装", 139),
        Product("TE", "明前龙井茶 250g", 588),
    ),
    Category.CUSTOMISED: (
        Product("EN", "定制刻字保温杯", 159),
        Product("PT", "定制照片拼图", 99),
        Product("RG", "定制刻字银戒指", 699, ("首饰盒",)),
    ),
}

_CATEGORY_WEIGHTS = {
    Category.APPAREL: 30,
    Category.FOOTWEAR: 12,
    Category.BAGS: 6,
    Category.ELECTRONICS: 16,
    Category.BEAUTY: 12,
    Category.HOME: 12,
    Category.FOOD: 6,
    Category.CUSTOMISED: 6,
}

_REASON_WEIGHTS = {
    Category.APPAREL: {
        "no_reason_7d": 40,
        "size_fit": 30,
        "quality_defect": 15,
        "not_as_described": 8,
        "wrong_item_sent": 4,
        "damaged_in_transit": 3,
    },
    Category.FOOTWEAR: {
        "no_reason_7d": 35,
        "size_fit": 35,
        "quality_defect": 20,
        "wrong_item_sent": 5,
        "damaged_in_transit": 5,
    },
    Category.ELECTRONICS: {
        "no_reason_7d": 30,
        "quality_defect": 35,
        "missing_parts": 12,
        "damaged_in_transit": 10,
        "not_as_described": 8,
        "wrong_item_sent": 5,
    },
    Category.FOOD: {"quality_defect": 50, "damaged_in_transit": 30, "no_reason_7d": 20},
    Category.CUSTOMISED: {"quality_defect": 50, "no_reason_7d": 30, "not_as_described": 20},
}
_DEFAULT_REASONS = {
    "no_reason_7d": 45,
    "quality_defect": 25,
    "not_as_described": 12,
    "damaged_in_transit": 8,
    "wrong_item_sent": 5,
    "missing_parts": 5,
}

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
_GIVEN = (
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "丽",
    "强",
    "磊",
    "军",
    "洋",
    "勇",
    "艳",
    "杰",
    "娟",
    "涛",
    "明",
    "超",
    "秀英",
    "桂英",
    "志强",
    "晓东",
    "雨涵",
    "子轩",
    "梓萱",
)
_PLATFORMS = ("tmall", "jd", "douyin", "pdd")
_NOTES = {
    "quality_defect": ("开线", "有色差", "无法开机", "拉链坏了", "有异味", "屏幕有坏点"),
    "not_as_described": ("颜色与图片不符", "材质与描述不符"),
    "damaged_in_transit": ("外箱压坏", "包裹破损"),
    "missing_parts": ("缺少充电线", "少了说明书"),
}

HOT_BATCH = "B2611-07"  # a batch with a quality problem, so batch alerts have something to find


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def tracking_number(carrier: Carrier, rng: random.Random) -> str:
    """A waybill number in ``carrier``'s format (see :mod:`station.domain.codes`)."""

    def digits(n: int) -> str:
        return _digits(rng, n)

    match carrier:
        case Carrier.SF:
            return "SF" + digits(13)
        case Carrier.JD:
            return "JDV" + rng.choice("ABCDE") + digits(11)
        case Carrier.YTO:
            return "YT" + digits(13)
        case Carrier.ZTO:
            return "7" + rng.choice("35689") + digits(10)
        case Carrier.STO:
            return "77" + digits(11)
        case Carrier.EMS:
            serial = digits(8)
            return f"E{rng.choice('ABCDEFGHJKLMNPQRSTUVWXYZ')}{serial}{s10_check_digit(serial)}CN"
    raise AssertionError(carrier)


def _ean(rng: random.Random) -> str:
    body = "69" + _digits(rng, 10)
    return body + str(ean_check_digit(body))


def _line(category: Category, rng: random.Random, hot: bool) -> dict[str, Any]:
    product = rng.choice(CATALOGUE[category])
    sku = f"{category.value[:2].upper()}-{product.code}"
    title = product.title
    if category is Category.APPAREL:
        colour, size = rng.choice(_VARIANT_COLOURS), rng.choice(_SIZES)
        sku, title = (
            f"{sku}-{_VARIANT_COLOURS.index(colour):02d}-{size}",
            f"{title} {colour} {size}",
        )
    elif category is Category.FOOTWEAR:
        size = rng.choice(_SHOE_SIZES)
        sku, title = f"{sku}-{size}", f"{title} {size}码"
    line: dict[str, Any] = {
        "sku": sku,
        "title": title,
        "category": category.value,
        "qty": 1 if rng.random() < 0.9 else 2,
        "unit_price": f"{product.price_yuan}.00",
        "ean": _ean(random.Random(sku)),
        "batch": HOT_BATCH if hot else f"B26{rng.randint(8, 11):02d}-{rng.randint(1, 12):02d}",
    }
    if product.accessories:
        line["accessories"] = list(product.accessories)
    if product.serialised:
        line["expected_serial"] = f"SN{rng.randint(10**9, 10**10 - 1)}"
        line["qty"] = 1
    return line


def generate_orders(
    count: int = 2400, *, today: date, seed: int = 2026
) -> Iterator[dict[str, Any]]:
    """``count`` manifest rows (see docs/MANIFEST.md) dated around ``today``."""
    rng = random.Random(seed)
    categories = list(_CATEGORY_WEIGHTS)
    weights = list(_CATEGORY_WEIGHTS.values())
    for n in range(1, count + 1):
        category = rng.choices(categories, weights)[0]
        hot = category is Category.APPAREL and rng.random() < 0.08
        reasons = _REASON_WEIGHTS.get(category, _DEFAULT_REASONS)
        reason = "quality_defect" if hot else rng.choices(list(reasons), list(reasons.values()))[0]
        received = today - timedelta(days=rng.randint(2, 30))
        requested = min(
            today, received + timedelta(days=rng.choice((0, 1, 2, 3, 4, 5, 6, 7, 9, 12, 16)))
        )
        state = rng.choices(
            (OrderState.IN_TRANSIT, OrderState.RECEIVED, OrderState.APPROVED, OrderState.REQUESTED),
            (70, 24, 4, 2),
        )[0]
        carrier = rng.choice(list(Carrier))
        lines = [_line(category, rng, hot)]
        if rng.random() < 0.12:
            lines.append(_line(category, rng, False))
        yield {
            "rma_no": f"RMA{requested:%Y%m%d}{n:06d}",
            "order_no": f"{rng.randint(10**17, 10**18 - 1)}",
            "platform": rng.choice(_PLATFORMS),
            "reason": reason,
            "reason_note": rng.choice(_NOTES.get(reason, ("",))),
            "customer_received_on": received.isoformat(),
            "requested_on": requested.isoformat(),
            "customer_name": rng.choice(_SURNAMES) + rng.choice(_GIVEN),
            "customer_phone": f"1{rng.choice('3456789')}{rng.randint(10**8, 10**9 - 1)}",
            "state": state.value,
            "tracking": [{"carrier": carrier.value, "tracking_no": tracking_number(carrier, rng)}],
            "lines": lines,
        }
