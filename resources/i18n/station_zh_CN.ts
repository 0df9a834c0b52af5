<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BenchView</name>
    <message>
        <location filename="../../station/ui/bench_view.py" line="60" />
        <source>Scan or type an RMA, order or tracking number, then Enter</source>
        <translation>扫描或输入售后单号、订单号或快递单号，按回车</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="64" />
        <source>Scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="68" />
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="70" />
        <source>Photos of this item appear here</source>
        <translation>本件商品的照片显示在这里</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="74" />
        <source>Checklist</source>
        <translation>质检清单</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="105" />
        <source>Hello %1. Scan a return parcel to begin.</source>
        <translation>%1，你好。请扫描退货包裹开始质检。</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="117" />
        <source>Welcome back, %1.</source>
        <translation>%1，欢迎回来。</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="146" />
        <source>item %1 of %2</source>
        <translation>第 %1 件，共 %2 件</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="154" />
        <source>Resumed the open inspection of %1</source>
        <translation>继续未完成的质检：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="156" />
        <source>Inspecting %1</source>
        <translation>正在质检：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="162" />
        <source>No order for %1: received as an unmatched parcel.</source>
        <translation>未找到 %1 对应的订单：已登记为无头件。</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="170" />
        <source>%1 is %2 and cannot be inspected at the bench.</source>
        <translation>%1 当前状态为「%2」，不能在工作台质检。</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="180" />
        <source>Not a usable scan: %1</source>
        <translation>扫描内容无效：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="183" />
        <source>The scan could not be handled: %1</source>
        <translation>扫描处理失败：%1</translation>
    </message>
</context>
<context>
    <name>LoginView</name>
    <message>
        <location filename="../../station/ui/login_view.py" line="38" />
        <source>Returns inspection station</source>
        <translation>退货质检工作台</translation>
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="41" />
        <source>Station %1</source>
        <translation>工作台 %1</translation>
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="50" />
        <source>Scan your badge or type its number</source>
        <translation>扫描工牌或输入工号</translation>
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="55" />
        <location filename="../../station/ui/login_view.py" line="67" />
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="57" />
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="66" />
        <source>Badge</source>
        <translation>工牌</translation>
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="82" />
        <source>Demo: inspector badge I1001, PIN 1234 · supervisor S9001, PIN 9999</source>
        <translation>演示：质检员工牌 I1001，密码 1234 · 主管 S9001，密码 9999</translation>
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="104" />
        <source>Locked after inactivity. %1, log in again to continue.</source>
        <translation>长时间无操作已锁定。%1，请重新登录以继续。</translation>
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="124" />
        <source>Scan or type your badge first.</source>
        <translation>请先扫描工牌或输入工号。</translation>
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="128" />
        <source>Enter your PIN.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="132" />
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="146" />
        <source>Badge locked until %1 after repeated wrong PINs.</source>
        <translation>密码多次错误，工牌已锁定至 %1。</translation>
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="150" />
        <source>Wrong badge or PIN. %1 attempts left.</source>
        <translation>工牌或密码错误，还可尝试 %1 次。</translation>
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="156" />
        <source>Login failed: %1</source>
        <translation>登录失败：%1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../station/ui/main_window.py" line="46" />
        <source>Returns inspection · %1</source>
        <translation>退货质检 · %1</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="65" />
        <source>Station %1</source>
        <translation>工作台 %1</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="67" />
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="75" />
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="118" />
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="148" />
        <source>Outbox: %1 waiting</source>
        <translation>待上传：%1 条</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="150" />
        <source> (oldest %1)</source>
        <translation>（最早 %1 前）</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="152" />
        <source> · %1 parked</source>
        <translation> · 搁置 %1 条</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="159" />
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="161" />
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="167" />
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
</context>
<context>
    <name>OrderCard</name>
    <message>
        <location filename="../../station/ui/order_card.py" line="57" />
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="58" />
        <source>Return parcel</source>
        <translation>退货快递</translation>
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="59" />
        <source>Customer's reason</source>
        <translation>退货原因</translation>
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="60" />
        <source>Received by customer</source>
        <translation>买家签收</translation>
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="61" />
        <source>Customer</source>
        <translation>买家</translation>
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="91" />
        <source>Scan a return parcel</source>
        <translation>请扫描退货包裹</translation>
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="93" />
        <source>RMA no., order no. or the return waybill's tracking no.</source>
        <translation>售后单号、订单号或退货快递单号</translation>
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="114" />
        <source>%1 days ago</source>
        <translation>%1 天前</translation>
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="129" />
        <source>asked %1</source>
        <translation>申请于 %1</translation>
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="151" />
        <source>Unmatched parcel</source>
        <translation>无头件</translation>
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="152" />
        <source>Unmatched</source>
        <translation>无头件</translation>
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="155" />
        <source>No order has this code. The parcel is received and kept for the central service to resolve: photograph it and print a holding label.</source>
        <translation>没有订单对应此单号。包裹已登记收货，等待总部匹配：请拍照并打印暂存标签。</translation>
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="165" />
        <source>Already recorded earlier; continuing that record.</source>
        <translation>此前已登记，继续该记录。</translation>
    </message>
</context>
</TS>