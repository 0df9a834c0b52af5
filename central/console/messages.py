"""The desk's words in Simplified Chinese (the default) and English. Pages are written in
English; ``ZH`` gives each phrase and each code a page shows (statuses, kinds, roles) in
Chinese. A phrase missing here shows in English (tests/console/test_messages.py finds them)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

ZH: Final[dict[str, str]] = {
    # the pages' phrases
    "Address": "地址",
    "Amount, yuan": "金额（元）",
    "Approve the verdict": "维持原结论",
    "Audit log": "审计日志",
    "Back to search": "返回搜索",
    "Build package": "生成举证包",
    "Building the package…": "正在生成举证包…",
    "Case": "案件",
    "Case id": "案件编号",
    "Category": "品类",
    "Chapters the excerpt is about (when the platform does not take the whole clip)": (
        "剪辑围绕的章节（平台不接受完整视频时）"
    ),
    "Checklist": "检验清单",
    "This checklist template was not published to central, so questions show as codes:": (
        "此检验清单模板未发布到中心，题目以编号显示："
    ),
    "Claim": "客户诉求",
    "Closed": "已结案",
    "Code": "条码",
    "Compare selected": "对比所选",
    "Completed": "完成时间",
    "Customer": "客户",
    "Customer's claim": "客户诉求",
    "Deadline": "截止时间",
    "Disposition": "处理方式",
    "Dispute desk": "纠纷举证台",
    "Disputes": "纠纷",
    "Erased: raw customer data is kept only for a limited time.": (
        "已删除：客户原始信息仅保留有限时间。"
    ),
    "Event hash": "事件哈希",
    "Evidence": "证据",
    "Evidence as the station sent it": "检验台上传的证据",
    "Export for the platform": "导出平台举证包",
    "Filter": "筛选",
    "From": "从",
    "Grade": "等级",
    "Inspections": "检验记录",
    "Inspector": "检验员",
    "Item": "商品",
    "Labels": "标签",
    "Linked to": "已关联",
    "Login": "账号",
    "Next": "下一页",
    "No clip was recorded (or it has not been uploaded yet).": "没有开箱视频（或尚未上传）。",
    "No closed disputes yet.": "暂无已结案纠纷。",
    "No open disputes.": "没有进行中的纠纷。",
    "No photos.": "没有照片。",
    "Nothing found.": "未找到。",
    "Note": "备注",
    "Notified at": "平台通知时间",
    "Open dispute": "登记纠纷",
    "Open disputes, nearest deadline first": "进行中的纠纷（按截止时间）",
    "Opened": "登记时间",
    "Opened by": "登记人",
    "Order": "订单",
    "Order no.": "订单号",
    "Overturn": "改判",
    "Packages": "举证包",
    "Parcels that matched no return": "未匹配退货单的包裹",
    "Password": "密码",
    "Photos": "照片",
    "Platform": "平台",
    "Previous": "上一页",
    "Price": "单价",
    "Qty": "数量",
    "Reason (sent to the station)": "理由（会同步到检验台）",
    "Received": "收到时间",
    "Record decision": "提交裁决",
    "Refund": "退款",
    "Refund, yuan": "退款（元）",
    "Responsibility": "责任方",
    "Reveal": "查看",
    "Rule": "规则",
    "Rules that fired": "触发的规则",
    "Save": "保存",
    "Say why you need the customer's details (at least 4 characters).": (
        "请说明查看客户信息的原因（至少 4 个字符）。"
    ),
    "Search": "搜索",
    "Seen on this desk": "举证台访问记录",
    "Sign in": "登录",
    "Sign out": "退出",
    "Started": "开始时间",
    "Statement": "申诉说明",
    "Station": "检验台",
    "Status": "状态",
    "Subject": "对象",
    "Supervisors' decisions": "主管裁决",
    "The decision is incomplete: a reason, and for an overturn the new verdict.": (
        "裁决不完整：需要理由；改判还需要新的结论。"
    ),
    "This account is locked after wrong passwords; try again later or ask an administrator.": (
        "密码错误次数过多，账号已锁定；请稍后再试或联系管理员。"
    ),
    "This service has not received the order.": "中心尚未收到该订单。",
    "Time left": "剩余时间",
    "To": "到",
    "Trail and hashes": "记录与哈希",
    "Unboxing clip": "开箱视频",
    "Verdict": "检验结论",
    "Waybill, RMA, order no. or SKU": "运单号、退货单号、订单号或 SKU",
    "Waybills": "运单号",
    "What": "操作",
    "When": "时间",
    "Who": "人员",
    "Why": "原因",
    "Why (kept in the audit log)": "原因（记入审计日志）",
    "Win rate": "胜诉率",
    "Win rate by category": "按品类胜诉率",
    "Win rate by claim": "按诉求胜诉率",
    "Win rate by platform": "按平台胜诉率",
    "Wrong login or password.": "账号或密码错误。",
    "Your account has no active supervisor badge issued by central: decisions cannot be made with it.": (  # noqa: E501
        "您的账号未绑定中心签发的有效主管工牌，不能裁决。"
    ),
    "approved": "维持",
    "clip": "视频",
    "counted from": "起算于",
    "deleted": "已删除",
    "due": "截止",
    "fragment chain": "分片哈希链",
    "held at the station while the dispute is open": "纠纷处理期间检验台保留原始文件",
    "images": "图片",
    "none": "无",
    "overdue": "已逾期",
    "reprint": "补打",
    # label kinds a station prints
    "disposition": "去向标签",
    "holding": "无头件标签",
    "shown once; this was logged": "仅显示一次，已记录",
    "text": "文字",
    "video": "视频",
    # roles
    "customer_service": "客服",
    "supervisor": "主管",
    "admin": "管理员",
    # search flags and inspection states
    "needs_review": "待复核",
    "review_requested": "申请复核",
    "overridden": "人工改判",
    "overturned": "已改判",
    "disputed": "有纠纷",
    "has_clip": "有视频",
    "cancelled": "已取消",
    "open": "进行中",
    "completed": "已完成",
    # dispute statuses
    "submitted": "已举证",
    "won": "胜诉",
    "lost": "败诉",
    "settled": "和解",
    "withdrawn": "已撤回",
    # audit actions
    "sign_in": "登录",
    "sign_in_refused": "登录被拒",
    "sign_out": "退出",
    "search": "搜索",
    "view_inspection": "查看检验",
    "reveal_customer": "查看客户信息",
    "open_dispute": "登记纠纷",
    "update_dispute": "更新纠纷",
    "export": "导出举证包",
    "download_export": "下载举证包",
    "decide": "裁决",
    "refused": "越权被拒",
    # verdict codes
    "restock": "重新上架",
    "restock_open_box": "开箱品上架",
    "refurbish": "翻新",
    "return_to_vendor": "退供应商",
    "liquidate": "折价处理",
    "destroy": "销毁",
    "return_to_customer": "退回客户",
    "full": "全额退款",
    "partial": "部分退款",
    "customer": "客户",
    "merchant": "商家",
    "carrier": "承运商",
    # customers' claims
    "no_reason_7d": "七天无理由",
    "quality_defect": "质量问题",
    "not_as_described": "与描述不符",
    "wrong_item_sent": "发错货",
    "damaged_in_transit": "运输损坏",
    "size_fit": "尺码不合适",
    "missing_parts": "缺少配件",
    "unknown": "未知",
    # categories
    "apparel": "服装",
    "footwear": "鞋类",
    "bags": "箱包",
    "electronics": "电子产品",
    "beauty": "美妆",
    "home": "家居",
    "food": "食品",
    "customised": "定制品",
    "virtual": "虚拟商品",
    "generic": "通用",
    # photo, clip and chapter kinds
    "overview": "整体",
    "shipping_label": "面单",
    "item_label": "商品标签",
    "defect": "瑕疵",
    "accessories": "配件",
    "packaging": "包装",
    "unboxing": "开箱",
    "closeup": "特写",
    "scan": "扫描",
    "answer": "回答",
    "photo": "拍照",
    "verdict": "结论",
    "override": "人工改判",
    "label": "打印标签",
    "parked": "暂停",
    "camera_lost": "摄像头断开",
    "camera_back": "摄像头恢复",
}


_CODE: Final = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)+$")


def translator(lang: str) -> Callable[[object], str]:
    """``_(phrase)`` for the pages: Chinese for zh_CN; in English the phrase itself, a code
    such as ``restock_open_box`` as words ("restock open box")."""
    if lang == "zh_CN":
        return lambda phrase: ZH.get(_text(phrase), _text(phrase))

    def english(phrase: object) -> str:
        text = _text(phrase)
        return text.replace("_", " ") if _CODE.fullmatch(text) else text

    return english


def _text(phrase: object) -> str:
    return "" if phrase is None else str(phrase)
