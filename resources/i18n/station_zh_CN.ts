<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BenchView</name>
    <message>
        <location filename="../../station/ui/bench_view.py" line="93" />
        <source>Scan or type an RMA, order or tracking number, then Enter</source>
        <translation>扫描或输入售后单号、订单号或快递单号，按回车</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="97" />
        <source>Scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="117" />
        <source>Accept (Enter)</source>
        <translation>接受（回车）</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="119" />
        <source>Override (F2)</source>
        <translation>修改结果（F2）</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="171" />
        <source>Hello %1. Scan a return parcel to begin.</source>
        <translation>%1，你好。请扫描退货包裹开始质检。</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="183" />
        <source>Welcome back, %1.</source>
        <translation>%1，欢迎回来。</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="225" />
        <source>%1 is an item barcode. Scan the return parcel first.</source>
        <translation>%1 是商品条码，请先扫描退货包裹。</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="252" />
        <source>Nothing to do for %1 now.</source>
        <translation>当前无法执行 %1。</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="271" />
        <source>Already inspecting %1</source>
        <translation>正在质检 %1</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="284" />
        <source>item %1 of %2</source>
        <translation>第 %1 件，共 %2 件</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="292" />
        <source>Resumed the open inspection of %1</source>
        <translation>继续未完成的质检：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="294" />
        <source>Inspecting %1</source>
        <translation>正在质检：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="308" />
        <source>No order for %1: received as an unmatched parcel.</source>
        <translation>未找到 %1 对应的订单：已登记为无头件。</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="316" />
        <source>%1 is %2 and cannot be inspected at the bench.</source>
        <translation>%1 当前状态为「%2」，不能在工作台质检。</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="332" />
        <source>Not a usable scan: %1</source>
        <translation>扫描内容无效：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="335" />
        <source>The scan could not be handled: %1</source>
        <translation>扫描处理失败：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="367" />
        <source>Scan a parcel before taking photos.</source>
        <translation>请先扫描包裹再拍照。</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="371" />
        <source>No camera picture to take.</source>
        <translation>摄像头没有画面，无法拍照。</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="394" />
        <source>Photo kept but %1 — press R to retake it.</source>
        <translation>照片已保存，但%1——按 R 重拍。</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="399" />
        <source>%1 photo taken.</source>
        <translation>已拍摄%1照片。</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="406" />
        <source>Photo not kept: %1</source>
        <translation>照片未保存：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="503" />
        <source>Done: %1 · %2</source>
        <translation>已完成：%1 · %2</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="515" />
        <source>Done, but no label: %1</source>
        <translation>已完成，但未生成标签：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="533" />
        <source>Could not complete: %1</source>
        <translation>无法完成：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="539" />
        <source>No label to print again yet.</source>
        <translation>还没有可重打的标签。</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="543" />
        <source>Printing the label again.</source>
        <translation>正在重打标签。</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="545" />
        <source>Cannot reprint: %1</source>
        <translation>无法重打：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="552" />
        <source>No inspection to cancel.</source>
        <translation>没有可取消的质检。</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="558" />
        <source>Scan CANCEL again to cancel the inspection of %1.</source>
        <translation>再次扫描「取消」以取消 %1 的质检。</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="573" />
        <source>Inspection cancelled.</source>
        <translation>已取消质检。</translation>
    </message>
</context>
<context>
    <name>CameraView</name>
    <message>
        <location filename="../../station/ui/camera_view.py" line="63" />
        <source>No camera</source>
        <translation>未连接摄像头</translation>
    </message>
    <message>
        <location filename="../../station/ui/camera_view.py" line="63" />
        <location filename="../../station/ui/camera_view.py" line="118" />
        <source>Starting camera…</source>
        <translation>正在启动摄像头…</translation>
    </message>
    <message>
        <location filename="../../station/ui/camera_view.py" line="115" />
        <source>Camera not available: %1. Reconnecting by itself; the hand scanner works.</source>
        <translation>摄像头不可用：%1。正在自动重连；扫描枪可继续使用。</translation>
    </message>
    <message>
        <location filename="../../station/ui/camera_view.py" line="116" />
        <source>no picture</source>
        <translation>无画面</translation>
    </message>
    <message>
        <location filename="../../station/ui/camera_view.py" line="120" />
        <source>Camera stopped</source>
        <translation>摄像头已停止</translation>
    </message>
</context>
<context>
    <name>ChecklistView</name>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="87" />
        <source>Checklist</source>
        <translation>质检清单</translation>
    </message>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="88" />
        <source>Scan a return parcel to start its checklist.</source>
        <translation>扫描退货包裹开始质检。</translation>
    </message>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="125" />
        <source>Item matches the order</source>
        <translation>商品与订单一致</translation>
    </message>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="127" />
        <source>Item does not match the order: %1</source>
        <translation>商品与订单不符：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="198" />
        <source>Answer first: %1</source>
        <translation>请先回答：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="344" />
        <source>Confirm the verdict</source>
        <translation>确认质检结果</translation>
    </message>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="347" />
        <source>PASS or Enter accepts the proposed verdict; F2 overrides it; PgUp goes back.</source>
        <translation>「通过」或回车接受建议结果；F2 修改；PgUp 返回上一步。</translation>
    </message>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="356" />
        <source>Step %1 of %2 · %3</source>
        <translation>第 %1/%2 步 · %3</translation>
    </message>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="383" />
        <source>Enter/PASS: all fine · Space/FAIL: problem · ↑↓ move · 1–9 pick</source>
        <translation>回车/通过：全部正常 · 空格/不通过：有问题 · ↑↓ 移动 · 1–9 选择</translation>
    </message>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="418" />
        <source>photo: %1</source>
        <translation>照片：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="421" />
        <source>Still needed: %1</source>
        <translation>还缺：%1</translation>
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
        <location filename="../../station/ui/main_window.py" line="54" />
        <source>Returns inspection · %1</source>
        <translation>退货质检 · %1</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="80" />
        <source>Station %1</source>
        <translation>工作台 %1</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="82" />
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="90" />
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="94" />
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="109" />
        <location filename="../../station/ui/main_window.py" line="255" />
        <source>Printer ready</source>
        <translation>打印机就绪</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="149" />
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="179" />
        <source>Camera lost (%1). The hand scanner still works; the camera reconnects by itself.</source>
        <translation>摄像头断开（%1）。扫描枪仍可使用，摄像头会自动重连。</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="185" />
        <source>Camera back.</source>
        <translation>摄像头已恢复。</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="200" />
        <source>Outbox: %1 waiting</source>
        <translation>待上传：%1 条</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="202" />
        <source> (oldest %1)</source>
        <translation>（最早 %1前）</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="204" />
        <source> · %1 parked</source>
        <translation> · 搁置 %1 条</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="211" />
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="213" />
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="220" />
        <source>No central service is configured.</source>
        <translation>未配置总部服务。</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="223" />
        <location filename="../../station/ui/main_window.py" line="229" />
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="227" />
        <source>Offline (no central service)</source>
        <translation>离线（未配置总部服务）</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="232" />
        <source>Online · synced %1</source>
        <translation>在线 · %1 已同步</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="234" />
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="236" />
        <source>Offline · retrying</source>
        <translation>离线 · 正在重试</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="240" />
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="243" />
        <source>Last successful sync: %1
%2</source>
        <translation>上次成功同步：%1
%2</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="257" />
        <source>Label printed</source>
        <translation>标签已打印</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="259" />
        <source>Printer problem</source>
        <translation>打印机故障</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="263" />
        <source>Label not printed: %1. It stays queued and prints when the printer is back; PRINT reprints.</source>
        <translation>标签未打印：%1。标签保留在队列中，打印机恢复后自动打印；扫描「打印」可重打。</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="267" />
        <source>Label cannot be printed: %1</source>
        <translation>标签无法打印：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="272" />
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
<context>
    <name>OverrideDialog</name>
    <message>
        <location filename="../../station/ui/override_dialog.py" line="38" />
        <source>Override the verdict</source>
        <translation>修改质检结果</translation>
    </message>
    <message>
        <location filename="../../station/ui/override_dialog.py" line="53" />
        <source>Why (required, the supervisor reads it)</source>
        <translation>原因（必填，主管会查看）</translation>
    </message>
    <message>
        <location filename="../../station/ui/override_dialog.py" line="57" />
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../station/ui/override_dialog.py" line="58" />
        <source>Disposition</source>
        <translation>处置</translation>
    </message>
    <message>
        <location filename="../../station/ui/override_dialog.py" line="59" />
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../station/ui/override_dialog.py" line="60" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../station/ui/override_dialog.py" line="61" />
        <source>Responsibility</source>
        <translation>责任方</translation>
    </message>
    <message>
        <location filename="../../station/ui/override_dialog.py" line="62" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../station/ui/override_dialog.py" line="115" />
        <source>Nothing was changed.</source>
        <translation>没有修改任何内容。</translation>
    </message>
    <message>
        <location filename="../../station/ui/override_dialog.py" line="117" />
        <source>An override needs a reason.</source>
        <translation>修改结果必须填写原因。</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../../station/ui/photo_strip.py" line="65" />
        <source>Ctrl+%1 chooses this kind</source>
        <translation>Ctrl+%1 选择此类照片</translation>
    </message>
    <message>
        <location filename="../../station/ui/photo_strip.py" line="142" />
        <source>Next photo: %1</source>
        <translation>下一张：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/photo_strip.py" line="145" />
        <source>still needed: %1</source>
        <translation>还缺：%1</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <location filename="../../station/ui/photo_viewer.py" line="75" />
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../station/ui/photo_viewer.py" line="92" />
        <source>Wheel or +/− zoom · drag to pan · 0 fit · C compare · PgUp/PgDn previous/next · Esc close</source>
        <translation>滚轮或 +/− 缩放 · 拖动平移 · 0 适应窗口 · C 对比 · PgUp/PgDn 上一张/下一张 · Esc 关闭</translation>
    </message>
    <message>
        <location filename="../../station/ui/photo_viewer.py" line="130" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../station/ui/photo_viewer.py" line="134" />
        <source>station %1</source>
        <translation>工作台 %1</translation>
    </message>
    <message>
        <location filename="../../station/ui/photo_viewer.py" line="137" />
        <source>sharpness %1</source>
        <translation>清晰度 %1</translation>
    </message>
    <message>
        <location filename="../../station/ui/photo_viewer.py" line="138" />
        <source>quality flags: %1</source>
        <translation>质量标记：%1</translation>
    </message>
</context>
<context>
    <name>QuestionRow</name>
    <message>
        <location filename="../../station/ui/question_row.py" line="95" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../station/ui/question_row.py" line="95" />
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../station/ui/question_row.py" line="117" />
        <source>Should contain: %1</source>
        <translation>应包含：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/question_row.py" line="120" />
        <source>Order says: %1</source>
        <translation>订单记录：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/question_row.py" line="159" />
        <source>Waiting for a scan…</source>
        <translation>等待扫描…</translation>
    </message>
    <message>
        <location filename="../../station/ui/question_row.py" line="162" />
        <source>Matches: %1</source>
        <translation>一致：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/question_row.py" line="165" />
        <source>Does not match: %1</source>
        <translation>不符：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/question_row.py" line="172" />
        <source>%1 photo taken</source>
        <translation>已拍%1照片</translation>
    </message>
    <message>
        <location filename="../../station/ui/question_row.py" line="175" />
        <source>Take a %1 photo</source>
        <translation>请拍%1照片</translation>
    </message>
</context>
<context>
    <name>VerdictPanel</name>
    <message>
        <location filename="../../station/ui/verdict_panel.py" line="22" />
        <source>Proposed verdict</source>
        <translation>建议结果</translation>
    </message>
    <message>
        <location filename="../../station/ui/verdict_panel.py" line="89" />
        <source>Responsibility: %1</source>
        <translation>责任方：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/verdict_panel.py" line="93" />
        <source>Carrier claim</source>
        <translation>物流索赔</translation>
    </message>
    <message>
        <location filename="../../station/ui/verdict_panel.py" line="95" />
        <source>Supervisor review</source>
        <translation>主管复核</translation>
    </message>
    <message>
        <location filename="../../station/ui/verdict_panel.py" line="101" />
        <source>%1 questions to answer</source>
        <translation>还需回答 %1 题</translation>
    </message>
    <message>
        <location filename="../../station/ui/verdict_panel.py" line="105" />
        <source>photos: %1</source>
        <translation>照片：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/verdict_panel.py" line="107" />
        <source>Still needed: %1</source>
        <translation>还缺：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/verdict_panel.py" line="109" />
        <source>Complete. PASS or Enter accepts; F2 overrides.</source>
        <translation>已完整。「通过」或回车接受；F2 修改。</translation>
    </message>
</context>
</TS>