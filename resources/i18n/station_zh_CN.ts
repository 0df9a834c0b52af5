<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AdminForm</name>
    <message>
        <location filename="../../station/ui/setup/admin_form.py" line="47" />
        <source>This station already has an admin (%1). You may add another one here, or leave the fields empty.</source>
        <translation>本工作台已有管理员（%1）。可以在此再添加一位，也可以留空。</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/admin_form.py" line="56" />
        <source>The first admin user sets the station up and manages its users. The station cannot be finished without one.</source>
        <translation>第一位管理员负责设置工作台并管理用户。没有管理员无法完成设置。</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/admin_form.py" line="62" />
        <source>Badge</source>
        <translation>工牌</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/admin_form.py" line="63" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/admin_form.py" line="64" />
        <source>PIN (4–12 digits)</source>
        <translation>PIN（4–12 位数字）</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/admin_form.py" line="65" />
        <source>PIN again</source>
        <translation>再次输入 PIN</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/admin_form.py" line="93" />
        <source>A badge is 1–40 letters, digits, '-' or '_'.</source>
        <translation>工牌为 1–40 位字母、数字、“-”或“_”。</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/admin_form.py" line="94" />
        <source>A name is 1–80 characters.</source>
        <translation>姓名为 1–80 个字符。</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/admin_form.py" line="95" />
        <source>A PIN is 4–12 digits, the same both times.</source>
        <translation>PIN 为 4–12 位数字，两次输入须一致。</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="200" />
        <source>First admin user</source>
        <translation>第一位管理员</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="201" />
        <source>Needed to change settings and to manage users.</source>
        <translation>用于修改设置和管理用户。</translation>
    </message>
</context>
<context>
    <name>BenchView</name>
    <message>
        <location filename="../../station/ui/bench_view.py" line="80" />
        <source>Scan or type an RMA, order or tracking number, then Enter</source>
        <translation>扫描或输入售后单号、订单号或快递单号，按回车</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="84" />
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
        <location filename="../../station/ui/bench_view.py" line="318" />
        <source>Hello %1. Scan a return parcel to begin.</source>
        <translation>%1，你好。请扫描退货包裹开始质检。</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="319" />
        <source>Welcome back, %1.</source>
        <translation>%1，欢迎回来。</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="320" />
        <source>%1 is an item barcode. Scan the return parcel first.</source>
        <translation>%1 是商品条码，请先扫描退货包裹。</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="325" />
        <source>Nothing to do for %1 now.</source>
        <translation>当前无法执行 %1。</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="326" />
        <source>Already inspecting %1</source>
        <translation>正在质检 %1</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="257" />
        <source>item %1 of %2</source>
        <translation>第 %1 件，共 %2 件</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="328" />
        <source>Resumed the open inspection of %1</source>
        <translation>继续未完成的质检：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="327" />
        <source>Inspecting %1</source>
        <translation>正在质检：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="99" />
        <source>F9/P photo · R retake · K keep · Enter/PASS all fine · Space/FAIL problem · 1–9 pick · F2 override · CANCEL twice: cancel · F5 sync · Ctrl+L log out</source>
        <translation>F9/P 拍照 · R 重拍 · K 保留 · 回车/通过 全部正常 · 空格/不通过 有问题 · 1–9 选择 · F2 修改结果 · 两次取消卡 取消 · F5 同步 · Ctrl+L 退出登录</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="322" />
        <source>%1 is text or a web address, not a parcel's or an item's number. Scan the barcode that carries the number.</source>
        <translation>%1 是文字或网址，不是包裹或商品的编号。请扫描带编号的条码。</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="329" />
        <source>No order for %1: received as an unmatched parcel.</source>
        <translation>未找到 %1 对应的订单：已登记为无头件。</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="330" />
        <source>%1 is %2 and cannot be inspected at the bench.</source>
        <translation>%1 当前状态为「%2」，不能在工作台质检。</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="331" />
        <source>Not a usable scan: %1</source>
        <translation>扫描内容无效：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="333" />
        <source>The scan of %1… was cut off before its end and not used: scan again.</source>
        <translation>扫描的 %1… 未完整读取，已忽略：请重新扫描。</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="335" />
        <source>The scan could not be handled: %1</source>
        <translation>扫描处理失败：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="337" />
        <source>The camera sees another parcel (%1). Finish this one first, or scan %1 with the hand scanner to switch.</source>
        <translation>摄像头看到另一个包裹（%1）。请先完成当前包裹，或用扫描枪扫描 %1 切换。</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="341" />
        <source>The camera sees %1, which is not this order's item: not used. Scan the item with the hand scanner to record what it is.</source>
        <translation>摄像头看到的 %1 不是本订单的商品，未采用。如需记录，请用扫描枪扫描该商品。</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="344" />
        <source>Item matches the order</source>
        <translation>商品与订单一致</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="345" />
        <source>Item does not match the order: %1</source>
        <translation>商品与订单不符：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="346" />
        <source>Answer first: %1</source>
        <translation>请先回答：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="347" />
        <source>Still needed: %1</source>
        <translation>还缺：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="348" />
        <source>Scan a parcel before taking photos.</source>
        <translation>请先扫描包裹再拍照。</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="349" />
        <source>No camera picture to take.</source>
        <translation>摄像头没有画面，无法拍照。</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="351" />
        <source>Photo %1: it does not count yet. R retakes it; K keeps it as it is.</source>
        <translation>照片%1，暂不计入。按 R 重拍，按 K 按原样保留。</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="353" />
        <source>%1 photo taken.</source>
        <translation>已拍摄%1照片。</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="354" />
        <source>%1 photo kept as it is; it counts.</source>
        <translation>%1照片已按原样保留，计入证据。</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="355" />
        <source>Photo not kept: %1</source>
        <translation>照片未保存：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="356" />
        <source>Done: %1 · %2</source>
        <translation>已完成：%1 · %2</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="358" />
        <source>Done: %1 · %2 — sent to a supervisor for review; the label says so.</source>
        <translation>完成：%1 · %2 —— 已转主管复核，标签上已标注。</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="360" />
        <source>Done, but no label: %1</source>
        <translation>已完成，但未生成标签：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="361" />
        <source>Could not complete: %1</source>
        <translation>无法完成：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="362" />
        <source>Override refused: %1</source>
        <translation>不能修改结果：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="363" />
        <source>No label to print again yet.</source>
        <translation>还没有可重打的标签。</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="364" />
        <source>Printing the label again.</source>
        <translation>正在重打标签。</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="365" />
        <source>Cannot reprint: %1</source>
        <translation>无法重打：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="366" />
        <source>No inspection to cancel.</source>
        <translation>没有可取消的质检。</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="367" />
        <source>Scan CANCEL again to cancel the inspection of %1.</source>
        <translation>再次扫描「取消」以取消 %1 的质检。</translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="368" />
        <source>Inspection cancelled.</source>
        <translation>已取消质检。</translation>
    </message>
</context>
<context>
    <name>CameraForm</name>
    <message>
        <location filename="../../station/ui/setup/camera_form.py" line="100" />
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/camera_form.py" line="101" />
        <source>Resolution</source>
        <translation>分辨率</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/camera_form.py" line="102" />
        <source>Barcode decoder</source>
        <translation>条码解码器</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/camera_form.py" line="105" />
        <source>zxing-cpp (recommended)</source>
        <translation>zxing-cpp（推荐）</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/camera_form.py" line="106" />
        <source>pyzbar</source>
        <translation>pyzbar</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/camera_form.py" line="108" />
        <source>Stop preview</source>
        <translation>停止预览</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/camera_form.py" line="108" />
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/camera_form.py" line="110" />
        <source>Check camera</source>
        <translation>检查摄像头</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/camera_form.py" line="117" />
        <source>Default (first camera; the demo camera in demo mode)</source>
        <translation>默认（第一个摄像头；演示模式下为演示摄像头）</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/camera_form.py" line="120" />
        <source>No camera (hand scanner only)</source>
        <translation>不用摄像头（仅用扫码枪）</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/camera_form.py" line="121" />
        <source>Video file…</source>
        <translation>视频文件…</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/camera_form.py" line="142" />
        <source>Video file</source>
        <translation>视频文件</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/camera_form.py" line="142" />
        <source>Videos (*.avi *.mp4 *.mkv *.mov)</source>
        <translation>视频 (*.avi *.mp4 *.mkv *.mov)</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/camera_form.py" line="168" />
        <source>No camera is chosen.</source>
        <translation>未选择摄像头。</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/camera_form.py" line="210" />
        <source>Read: %1</source>
        <translation>读到：%1</translation>
    </message>
</context>
<context>
    <name>CameraPage</name>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="162" />
        <source>Bench camera</source>
        <translation>台面摄像头</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="164" />
        <source>Hold a parcel label under it in the preview: the code it reads shows below.</source>
        <translation>在预览中把包裹面单放到摄像头下：读到的条码显示在下方。</translation>
    </message>
</context>
<context>
    <name>CameraView</name>
    <message>
        <location filename="../../station/ui/camera_view.py" line="65" />
        <source>No camera</source>
        <translation>未连接摄像头</translation>
    </message>
    <message>
        <location filename="../../station/ui/camera_view.py" line="65" />
        <location filename="../../station/ui/camera_view.py" line="124" />
        <source>Starting camera…</source>
        <translation>正在启动摄像头…</translation>
    </message>
    <message>
        <location filename="../../station/ui/camera_view.py" line="121" />
        <source>Camera not available: %1. Reconnecting by itself; the hand scanner works.</source>
        <translation>摄像头不可用：%1。正在自动重连；扫描枪可继续使用。</translation>
    </message>
    <message>
        <location filename="../../station/ui/camera_view.py" line="122" />
        <source>no picture</source>
        <translation>无画面</translation>
    </message>
    <message>
        <location filename="../../station/ui/camera_view.py" line="126" />
        <source>Camera stopped</source>
        <translation>摄像头已停止</translation>
    </message>
</context>
<context>
    <name>CentralForm</name>
    <message>
        <location filename="../../station/ui/setup/central_form.py" line="53" />
        <source>Work offline for now (no central service)</source>
        <translation>暂时离线工作（不连接中心服务）</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/central_form.py" line="56" />
        <source>Central service address</source>
        <translation>中心服务地址</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/central_form.py" line="57" />
        <source>Enrolment code</source>
        <translation>注册码</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/central_form.py" line="58" />
        <source>Station token (if issued)</source>
        <translation>工作台令牌（如已签发）</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/central_form.py" line="61" />
        <source>given by IT; the station registers with it</source>
        <translation>由 IT 提供；工作台用它注册</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/central_form.py" line="62" />
        <source>leave empty when using an enrolment code</source>
        <translation>使用注册码时留空</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/central_form.py" line="63" />
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
</context>
<context>
    <name>CentralPage</name>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="149" />
        <source>Central service</source>
        <translation>中心服务</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="152" />
        <source>Verdicts and photos go there. Without it the station works offline and delivers everything once it is set.</source>
        <translation>质检结论和照片上传到这里。未设置时工作台离线工作，设置后补传全部内容。</translation>
    </message>
</context>
<context>
    <name>CheckLine</name>
    <message>
        <location filename="../../station/ui/setup/form.py" line="33" />
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
</context>
<context>
    <name>ChecklistView</name>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="109" />
        <source>Checklist</source>
        <translation>质检模板</translation>
    </message>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="110" />
        <source>Scan a return parcel to start its checklist.</source>
        <translation>扫描退货包裹开始质检。</translation>
    </message>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="113" />
        <source>Confirm the verdict</source>
        <translation>确认质检结果</translation>
    </message>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="116" />
        <source>PASS or Enter accepts the proposed verdict; F2 overrides it; PgUp goes back.</source>
        <translation>「通过」或回车接受建议结果；F2 修改；PgUp 返回上一步。</translation>
    </message>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="127" />
        <source>Step %1 of %2 · %3</source>
        <translation>第 %1/%2 步 · %3</translation>
    </message>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="134" />
        <source>Enter/PASS: all fine · Space/FAIL: problem · ↑↓ move · 1–9 pick</source>
        <translation>回车/通过：全部正常 · 空格/不通过：有问题 · ↑↓ 移动 · 1–9 选择</translation>
    </message>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="119" />
        <source>Still needed: %1</source>
        <translation>还缺：%1</translation>
    </message>
</context>
<context>
    <name>ClipExportDialog</name>
    <message>
        <location filename="../../station/ui/review/clip_export_dialog.py" line="37" />
        <source>Export clip %1</source>
        <translation>导出视频 %1</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/clip_export_dialog.py" line="42" />
        <source>Original, the whole take (byte for byte)</source>
        <translation>原片：完整录像（逐字节一致）</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/clip_export_dialog.py" line="43" />
        <source>Taobao: the whole continuous take</source>
        <translation>淘宝：完整连续录像</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/clip_export_dialog.py" line="44" />
        <source>Shopee: excerpt, at most 30 MB and 60 s</source>
        <translation>Shopee：片段，最多 30 MB、60 秒</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/clip_export_dialog.py" line="45" />
        <source>Other platforms: excerpt, at most 100 MB and 180 s</source>
        <translation>其他平台：片段，最多 100 MB、180 秒</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/clip_export_dialog.py" line="61" />
        <source>An excerpt covers 5 s before to 10 s after each chapter ticked (the whole take if none is), cut to the platform's limits; a manifest of hashes ties it to the original.</source>
        <translation>片段取每个勾选章节前 5 秒到后 10 秒（未勾选则取整段），按平台限制裁剪；附带的哈希清单将其与原片对应。</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/clip_export_dialog.py" line="70" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/clip_export_dialog.py" line="71" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/clip_export_dialog.py" line="73" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/clip_export_dialog.py" line="75" />
        <source>For</source>
        <translation>用于</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/clip_export_dialog.py" line="77" />
        <source>Around the chapters</source>
        <translation>围绕以下章节</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/clip_export_dialog.py" line="80" />
        <location filename="../../station/ui/review/clip_export_dialog.py" line="112" />
        <source>Into the folder</source>
        <translation>保存到文件夹</translation>
    </message>
</context>
<context>
    <name>ClipPlayer</name>
    <message>
        <location filename="../../station/ui/review/clip_player.py" line="254" />
        <location filename="../../station/ui/review/clip_player.py" line="603" />
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/clip_player.py" line="255" />
        <source>Space</source>
        <translation>空格键</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/clip_player.py" line="257" />
        <source>One frame back (, or ←)</source>
        <translation>后退一帧（, 或 ←）</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/clip_player.py" line="261" />
        <source>One frame on (. or →)</source>
        <translation>前进一帧（. 或 →）</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/clip_player.py" line="267" />
        <source>Playing speed</source>
        <translation>播放速度</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/clip_player.py" line="271" />
        <source>Position in the clip</source>
        <translation>视频中的位置</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/clip_player.py" line="278" />
        <source>Chapters</source>
        <translation>章节</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/clip_player.py" line="377" />
        <source>Clip %1 · %2 · %3</source>
        <translation>视频 %1 · %2 · %3</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/clip_player.py" line="395" />
        <source>Opening the clip…</source>
        <translation>正在打开视频…</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/clip_player.py" line="426" />
        <source>This clip was removed from the station after its retention time; the central service keeps it.</source>
        <translation>该视频已过本机保存期限并从工作台删除；中心服务仍保存该视频。</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/clip_player.py" line="430" />
        <source>The clip's file is missing from this station.</source>
        <translation>本工作台上缺少该视频文件。</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/clip_player.py" line="458" />
        <source>Scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/clip_player.py" line="459" />
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/clip_player.py" line="460" />
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/clip_player.py" line="461" />
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/clip_player.py" line="462" />
        <source>Override</source>
        <translation>修改结果</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/clip_player.py" line="463" />
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/clip_player.py" line="464" />
        <source>Parked</source>
        <translation>搁置</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/clip_player.py" line="465" />
        <source>Camera lost</source>
        <translation>摄像头断开</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/clip_player.py" line="466" />
        <source>Camera back</source>
        <translation>摄像头恢复</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/clip_player.py" line="515" />
        <source>This clip cannot be played: %1</source>
        <translation>该视频无法播放：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/clip_player.py" line="518" />
        <source>A part of this clip cannot be shown: %1</source>
        <translation>该视频有一部分无法显示：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/clip_player.py" line="536" />
        <source>Chapter %1: %2</source>
        <translation>第 %1 章：%2</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/clip_player.py" line="597" />
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="61" />
        <source>Last 24 hours</source>
        <translation>近 24 小时</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="61" />
        <source>Last 7 days</source>
        <translation>近 7 天</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="61" />
        <source>Last 30 days</source>
        <translation>近 30 天</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="71" />
        <source>Defect share from which a SKU or batch is an alert</source>
        <translation>SKU 或批次的质量问题占比达到此值即预警</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="75" />
        <source>Fewest returns before a share counts</source>
        <translation>计算占比所需的最少退货数</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="76" />
        <source>Reload</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="78" />
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="89" />
        <source>Batch / SKU</source>
        <translation>批次 / SKU</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="89" />
        <source>Returns</source>
        <translation>退货数</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="89" />
        <source>Defect claims</source>
        <translation>质量问题数</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="89" />
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="93" />
        <source>Limit</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="94" />
        <source>RMA no.</source>
        <translation>售后单号</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="95" />
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="96" />
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="97" />
        <source>Left</source>
        <translation>剩余</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="102" />
        <source>Inspector</source>
        <translation>质检员</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="103" />
        <location filename="../../station/ui/review/dashboard_view.py" line="192" />
        <source>Inspections</source>
        <translation>质检数</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="104" />
        <source>Active hours</source>
        <translation>在岗小时</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="105" />
        <source>Per hour</source>
        <translation>每小时</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="113" />
        <source>Period</source>
        <translation>时间范围</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="114" />
        <source>Alert from</source>
        <translation>预警阈值</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="115" />
        <source>of at least</source>
        <translation>最少</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="134" />
        <location filename="../../station/ui/review/dashboard_view.py" line="287" />
        <source>Batch and SKU alerts</source>
        <translation>批次与 SKU 质量预警</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="135" />
        <source>Time limits: at risk first</source>
        <translation>时效：风险项优先</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="136" />
        <location filename="../../station/ui/review/dashboard_view.py" line="290" />
        <source>Inspections per active hour</source>
        <translation>每在岗小时质检数</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="194" />
        <source>%1 inspectors</source>
        <translation>%1 名质检员</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="197" />
        <source>Waiting for review</source>
        <translation>待复核</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="199" />
        <location filename="../../station/ui/review/dashboard_view.py" line="205" />
        <source>%1 overdue</source>
        <translation>%1 项已超时</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="203" />
        <source>Refunds to pay</source>
        <translation>待退款</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="210" />
        <source>Quality alerts</source>
        <translation>质量预警</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="212" />
        <source>batches: %1</source>
        <translation>批次：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="219" />
        <source>Inspections per hour by inspector</source>
        <translation>各质检员每小时质检数</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="221" />
        <source>Inspections per day by inspector</source>
        <translation>各质检员每日质检数</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="222" />
        <source>Others</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="226" />
        <location filename="../../station/ui/review/dashboard_view.py" line="291" />
        <source>Grade mix</source>
        <translation>等级分布</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="229" />
        <location filename="../../station/ui/review/dashboard_view.py" line="292" />
        <source>Dispositions</source>
        <translation>处置分布</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="229" />
        <source>Items</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="237" />
        <source>Return reasons by category, requests of the last %1 days</source>
        <translation>各品类退货原因（近 %1 天的申请）</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="254" />
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="268" />
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="268" />
        <source>Review</source>
        <translation>复核</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="273" />
        <source>%1 h late</source>
        <translation>已超时 %1 小时</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="275" />
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="288" />
        <source>Time limits</source>
        <translation>时效</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="289" />
        <source>Inspections per hour</source>
        <translation>每小时质检数</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="293" />
        <source>Return reasons by category</source>
        <translation>各品类退货原因</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="294" />
        <source>Return reasons by SKU</source>
        <translation>各 SKU 退货原因</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="295" />
        <source>Return reasons by batch</source>
        <translation>各批次退货原因</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="323" />
        <source>%1 rows saved to %2</source>
        <translation>已保存 %1 行到 %2</translation>
    </message>
</context>
<context>
    <name>DecisionBanner</name>
    <message>
        <location filename="../../station/ui/decision_banner.py" line="33" />
        <source>Dismiss (Esc)</source>
        <translation>知道了 (Esc)</translation>
    </message>
    <message>
        <location filename="../../station/ui/decision_banner.py" line="62" />
        <source>%1 more waiting</source>
        <translation>还有 %1 条待看</translation>
    </message>
    <message>
        <location filename="../../station/ui/decision_banner.py" line="71" />
        <source>Supervisor's decision · %1</source>
        <translation>主管复核结论 · %1</translation>
    </message>
    <message>
        <location filename="../../station/ui/decision_banner.py" line="80" />
        <source>Supervisor %1 approved %2 as inspected: %3.</source>
        <translation>主管 %1 已确认 %2 的质检结论：%3。</translation>
    </message>
    <message>
        <location filename="../../station/ui/decision_banner.py" line="88" />
        <source>Supervisor %1 changed %2 to %3. A corrected label is printing: put it on the item.</source>
        <translation>主管 %1 已将 %2 改为 %3。更正标签正在打印，请贴到商品上。</translation>
    </message>
    <message>
        <location filename="../../station/ui/decision_banner.py" line="92" />
        <source>Supervisor %1 changed %2 to %3.</source>
        <translation>主管 %1 已将 %2 改为 %3。</translation>
    </message>
    <message>
        <location filename="../../station/ui/decision_banner.py" line="98" />
        <source>%1 Reason: %2</source>
        <translation>%1原因：%2</translation>
    </message>
    <message>
        <location filename="../../station/ui/decision_banner.py" line="103" />
        <source>grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../station/ui/decision_banner.py" line="104" />
        <source>disposition</source>
        <translation>处置</translation>
    </message>
    <message>
        <location filename="../../station/ui/decision_banner.py" line="105" />
        <source>refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../station/ui/decision_banner.py" line="106" />
        <source>responsibility</source>
        <translation>责任方</translation>
    </message>
    <message>
        <location filename="../../station/ui/decision_banner.py" line="111" />
        <source>%1 %2 (was %3)</source>
        <translation>%1 %2（原为 %3）</translation>
    </message>
</context>
<context>
    <name>DecisionForm</name>
    <message>
        <location filename="../../station/ui/review/decision_form.py" line="35" />
        <source>Decision</source>
        <translation>复核结论</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/decision_form.py" line="40" />
        <source>Reason (required): what the evidence shows, why the verdict stands or changes</source>
        <translation>原因（必填）：证据显示了什么，为何维持或改判</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/decision_form.py" line="46" />
        <source>(unchanged)</source>
        <translation>（不变）</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/decision_form.py" line="54" />
        <source>&amp;Approve verdict</source>
        <translation>维持原判(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/decision_form.py" line="59" />
        <source>&amp;Overturn with these fields</source>
        <translation>按所选改判(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/decision_form.py" line="65" />
        <source>Alt+A approve · Alt+O overturn · Ctrl+Enter either</source>
        <translation>Alt+A 维持 · Alt+O 改判 · Ctrl+Enter 自动</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/decision_form.py" line="72" />
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/decision_form.py" line="73" />
        <source>Disposition</source>
        <translation>处置</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/decision_form.py" line="74" />
        <source>Responsibility</source>
        <translation>责任方</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/decision_form.py" line="75" />
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/decision_form.py" line="76" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/decision_form.py" line="169" />
        <source>A decision needs a reason. Type it first.</source>
        <translation>复核结论必须填写原因，请先填写。</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/decision_form.py" line="175" />
        <source>You changed fields: overturn (Alt+O), or set them back to approve.</source>
        <translation>您修改了字段：请改判（Alt+O），或恢复原值后维持原判。</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/decision_form.py" line="180" />
        <source>Nothing is changed: approve (Alt+A) instead.</source>
        <translation>未做任何修改：请改为维持原判（Alt+A）。</translation>
    </message>
</context>
<context>
    <name>EvidenceView</name>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="73" />
        <location filename="../../station/ui/review/evidence_view.py" line="270" />
        <source>Choose an item in the queue</source>
        <translation>请在队列中选择一项</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="83" />
        <source>Unboxing clip (Space plays and pauses; , and . step one frame)</source>
        <translation>开箱视频（空格键播放/暂停；, 和 . 逐帧后退/前进）</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="87" />
        <source>Export clip for a platform…</source>
        <translation>导出视频供平台使用…</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="95" />
        <source>Proposal</source>
        <translation>系统建议</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="95" />
        <source>Verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="95" />
        <source>Inspector's verdict</source>
        <translation>质检员原判</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="99" />
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="100" />
        <source>Disposition</source>
        <translation>处置</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="101" />
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="102" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="103" />
        <source>Responsibility</source>
        <translation>责任方</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="116" />
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="116" />
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="116" />
        <source>Meaning</source>
        <translation>含义</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="123" />
        <source>Evidence pack (PDF)…</source>
        <translation>证据包（PDF）…</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="125" />
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="133" />
        <source>Photos (Enter opens; C in the viewer compares)</source>
        <translation>照片（回车打开；查看器中按 C 对比）</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="137" />
        <source>Proposal and verdict</source>
        <translation>系统建议与结论</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="141" />
        <source>Answers</source>
        <translation>质检回答</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="207" />
        <source>Inspector overrode the proposal: %1</source>
        <translation>质检员改判了系统建议：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="211" />
        <source>Rules fired:</source>
        <translation>触发的规则：</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="213" />
        <source>No rule fired.</source>
        <translation>未触发规则。</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="272" />
        <source>Unmatched parcel %1</source>
        <translation>无头件 %1</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="274" />
        <source>Link it to its order on the Unmatched parcels tab (Ctrl+2).</source>
        <translation>请在“无头件”页将其关联到售后单（Ctrl+2）。</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="277" />
        <source>Event refused by the central service</source>
        <translation>被中心服务拒收的事件</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="283" />
        <source>Decided</source>
        <translation>已复核</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="285" />
        <source>Review overdue</source>
        <translation>复核已超时</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="287" />
        <source>Waiting for review</source>
        <translation>待复核</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="301" />
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="302" />
        <source>Customer's claim</source>
        <translation>买家申请原因</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="303" />
        <source>Category</source>
        <translation>品类</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="304" />
        <source>Item amount</source>
        <translation>商品金额</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="305" />
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="306" />
        <source>Inspector</source>
        <translation>质检员</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="307" />
        <source>Completed</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="308" />
        <source>Review due</source>
        <translation>复核截止</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="309" />
        <source>Checklist</source>
        <translation>质检模板</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="312" />
        <source>Photos at the central service</source>
        <translation>中心服务上的照片</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="318" />
        <source>approved</source>
        <translation>维持原判</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="318" />
        <source>overturned</source>
        <translation>改判</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="320" />
        <source>Decision: %1 by %2 at %3 — %4</source>
        <translation>复核结论：%2 于 %3 %1 — %4</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="337" />
        <source>Overturned</source>
        <translation>已改判</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="337" />
        <source>Approved</source>
        <translation>已维持原判</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="339" />
        <source>%1: %2 — sent to the central service</source>
        <translation>%1：%2 — 已发送至中心服务</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="371" />
        <source>Exporting the clip…</source>
        <translation>正在导出视频…</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="377" />
        <source>Clip exported: %1 (manifest %2)</source>
        <translation>视频已导出：%1（清单 %2）</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="396" />
        <source>Exporting the clip… %1%</source>
        <translation>正在导出视频… %1%</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="416" />
        <source>Writing the evidence pack…</source>
        <translation>正在生成证据包…</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="421" />
        <source>Evidence pack saved: %1 (%2 photos)</source>
        <translation>证据包已保存：%1（%2 张照片）</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="264" />
        <source>Set up the returns-inspection station</source>
        <translation>设置退货质检工作台</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="265" />
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="266" />
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="267" />
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="268" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="313" />
        <source>Setting the station up…</source>
        <translation>正在设置工作台…</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="327" />
        <source>The station could not be set up: %1</source>
        <translation>工作台设置失败：%1</translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="102" />
        <source>Welcome · 欢迎</source>
        <translation>欢迎 · Welcome</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="104" />
        <source>This bench PC becomes a returns-inspection station. Choose its language.</source>
        <translation>这台电脑将成为退货质检工作台。请选择语言。</translation>
    </message>
</context>
<context>
    <name>LoginView</name>
    <message>
        <location filename="../../station/ui/login_view.py" line="39" />
        <source>Returns inspection station</source>
        <translation>退货质检工作台</translation>
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="40" />
        <source>Station %1</source>
        <translation>工作台 %1</translation>
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="46" />
        <source>Scan your badge or type its number</source>
        <translation>扫描工牌或输入工号</translation>
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="51" />
        <location filename="../../station/ui/login_view.py" line="58" />
        <source>PIN</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="53" />
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="58" />
        <source>Badge</source>
        <translation>工牌</translation>
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="73" />
        <source>Demo: inspector badge I1001, PIN 1234 · supervisor S9001, PIN 9999</source>
        <translation>演示：质检员工牌 I1001，密码 1234 · 主管 S9001，密码 9999</translation>
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="95" />
        <source>Locked after inactivity. %1, log in again to continue.</source>
        <translation>长时间无操作已锁定。%1，请重新登录以继续。</translation>
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="119" />
        <source>Scan or type your badge first.</source>
        <translation>请先扫描工牌或输入工号。</translation>
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="123" />
        <source>Enter your PIN.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="127" />
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="142" />
        <source>Too many wrong PINs at this station: logins resume at %1.</source>
        <translation>本工作台 PIN 错误次数过多：%1 后可再次登录。</translation>
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="147" />
        <source>Badge locked until %1 after repeated wrong PINs.</source>
        <translation>密码多次错误，工牌已锁定至 %1。</translation>
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="151" />
        <source>Wrong badge or PIN. %1 attempts left.</source>
        <translation>工牌或密码错误，还可尝试 %1 次。</translation>
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="155" />
        <source>Login failed: %1</source>
        <translation>登录失败：%1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../station/ui/main_window.py" line="87" />
        <source>Returns inspection · %1</source>
        <translation>退货质检 · %1</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="143" />
        <source>Station %1</source>
        <translation>工作台 %1</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="145" />
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="163" />
        <source>Log out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="164" />
        <location filename="../../station/ui/main_window.py" line="166" />
        <source>Review (F10)</source>
        <translation>复核（F10）</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="169" />
        <source>Settings (Ctrl+,)</source>
        <translation>设置 (Ctrl+,)</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="172" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="174" />
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="190" />
        <source>Log out (Ctrl+L)</source>
        <translation>退出登录（Ctrl+L）</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="196" />
        <location filename="../../station/ui/main_window.py" line="536" />
        <source>Printer ready</source>
        <translation>打印机就绪</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="260" />
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="299" />
        <source>Only supervisors can open the review screens.</source>
        <translation>只有主管可以打开复核界面。</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="341" />
        <source>Only admins can change the settings.</source>
        <translation>只有管理员可以修改设置。</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="423" />
        <source>Scanned %1: scans are read at the bench and in fields that ask for one.</source>
        <translation>已扫描 %1：扫描只在工作台和要求扫码的输入框中读取。</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="437" />
        <source>A scan was cut off before its end and not used: scan again.</source>
        <translation>扫描未完整读取，已忽略：请重新扫描。</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="443" />
        <source>Camera lost (%1). The hand scanner still works; the camera reconnects by itself.</source>
        <translation>摄像头断开（%1）。扫描枪仍可使用，摄像头会自动重连。</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="449" />
        <source>Camera back.</source>
        <translation>摄像头已恢复。</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="464" />
        <source>Outbox: %1 waiting</source>
        <translation>待上传：%1 条</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="466" />
        <source> (oldest %1)</source>
        <translation>（最早 %1前）</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="468" />
        <source> · %1 parked</source>
        <translation> · 搁置 %1 条</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="475" />
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="477" />
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="490" />
        <source>No central service is configured.</source>
        <translation>未配置总部服务。</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="493" />
        <location filename="../../station/ui/main_window.py" line="499" />
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="497" />
        <source>Offline (no central service)</source>
        <translation>离线（未配置总部服务）</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="502" />
        <source>Online · synced %1</source>
        <translation>在线 · %1 已同步</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="504" />
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="506" />
        <source>Offline · retrying</source>
        <translation>离线 · 正在重试</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="510" />
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="513" />
        <source>Last successful sync: %1
%2</source>
        <translation>上次成功同步：%1
%2</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="518" />
        <source>%1 clips (%2 MB) to upload</source>
        <translation>%1 段视频（%2 MB）待上传</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="524" />
        <source>Clock off by %1 s: check the PC's time</source>
        <translation>时钟偏差 %1 秒：请校准电脑时间</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="538" />
        <source>Label printed</source>
        <translation>标签已打印</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="540" />
        <source>Printer problem</source>
        <translation>打印机故障</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="544" />
        <source>Label not printed: %1. It stays queued and prints when the printer is back; PRINT reprints.</source>
        <translation>标签未打印：%1。标签保留在队列中，打印机恢复后自动打印；扫描「打印」可重打。</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="548" />
        <source>Label cannot be printed: %1</source>
        <translation>标签无法打印：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="558" />
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
</context>
<context>
    <name>OrderCard</name>
    <message>
        <location filename="../../station/ui/order_card.py" line="46" />
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="47" />
        <source>Return parcel</source>
        <translation>退货快递</translation>
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="48" />
        <source>Customer's reason</source>
        <translation>退货原因</translation>
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="49" />
        <source>Received by customer</source>
        <translation>买家签收</translation>
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="50" />
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
        <location filename="../../station/ui/order_card.py" line="116" />
        <source>Inspection %1</source>
        <translation>质检单号 %1</translation>
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="121" />
        <source>%1 days ago</source>
        <translation>%1 天前</translation>
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="136" />
        <source>asked %1</source>
        <translation>申请于 %1</translation>
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="158" />
        <source>Parcel record %1</source>
        <translation>包裹记录 %1</translation>
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="159" />
        <source>Unmatched parcel</source>
        <translation>无头件</translation>
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="160" />
        <source>Unmatched</source>
        <translation>无头件</translation>
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="163" />
        <source>No order has this code. The parcel is received and kept for the central service to resolve: photograph it and print a holding label.</source>
        <translation>没有订单对应此单号。包裹已登记收货，等待总部匹配：请拍照并打印暂存标签。</translation>
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="173" />
        <source>Already recorded earlier; continuing that record.</source>
        <translation>此前已登记，继续该记录。</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <location filename="../../station/ui/override_dialog.py" line="56" />
        <source>Override the verdict</source>
        <translation>修改质检结果</translation>
    </message>
    <message>
        <location filename="../../station/ui/override_dialog.py" line="61" />
        <source>Proposed: %1</source>
        <translation>系统建议：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/override_dialog.py" line="85" />
        <source>Optional; needed for Other</source>
        <translation>选填；选“其他”时必填</translation>
    </message>
    <message>
        <location filename="../../station/ui/override_dialog.py" line="93" />
        <source>Reason (press its number)</source>
        <translation>原因（按对应数字键）</translation>
    </message>
    <message>
        <location filename="../../station/ui/override_dialog.py" line="88" />
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../station/ui/override_dialog.py" line="89" />
        <source>Disposition</source>
        <translation>处置</translation>
    </message>
    <message>
        <location filename="../../station/ui/override_dialog.py" line="90" />
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../station/ui/override_dialog.py" line="91" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../station/ui/override_dialog.py" line="92" />
        <source>Responsibility</source>
        <translation>责任方</translation>
    </message>
    <message>
        <location filename="../../station/ui/override_dialog.py" line="94" />
        <source>Words</source>
        <translation>补充说明</translation>
    </message>
    <message>
        <location filename="../../station/ui/override_dialog.py" line="223" />
        <source>An override needs a reason: press its number.</source>
        <translation>修改结果需要原因：请按对应的数字键。</translation>
    </message>
    <message>
        <location filename="../../station/ui/override_dialog.py" line="220" />
        <source>Nothing was changed.</source>
        <translation>没有修改任何内容。</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../../station/ui/photo_strip.py" line="70" />
        <source>Ctrl+%1 chooses this kind</source>
        <translation>Ctrl+%1 选择此类照片</translation>
    </message>
    <message>
        <location filename="../../station/ui/photo_strip.py" line="172" />
        <source>Next photo: %1</source>
        <translation>下一张：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/photo_strip.py" line="175" />
        <source>still needed: %1</source>
        <translation>还缺：%1</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <location filename="../../station/ui/photo_viewer.py" line="74" />
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../station/ui/photo_viewer.py" line="88" />
        <source>Wheel or +/− zoom · drag to pan · 0 fit · C compare · PgUp/PgDn previous/next · Esc close</source>
        <translation>滚轮或 +/− 缩放 · 拖动平移 · 0 适应窗口 · C 对比 · PgUp/PgDn 上一张/下一张 · Esc 关闭</translation>
    </message>
    <message>
        <location filename="../../station/ui/photo_viewer.py" line="120" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../station/ui/photo_viewer.py" line="124" />
        <source>station %1</source>
        <translation>工作台 %1</translation>
    </message>
    <message>
        <location filename="../../station/ui/photo_viewer.py" line="127" />
        <source>sharpness %1</source>
        <translation>清晰度 %1</translation>
    </message>
    <message>
        <location filename="../../station/ui/photo_viewer.py" line="128" />
        <source>quality flags: %1</source>
        <translation>质量标记：%1</translation>
    </message>
</context>
<context>
    <name>PrinterForm</name>
    <message>
        <location filename="../../station/ui/setup/printer_form.py" line="62" />
        <source>Printer connection</source>
        <translation>打印机连接方式</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/printer_form.py" line="63" />
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/printer_form.py" line="64" />
        <source>Label size</source>
        <translation>标签尺寸</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/printer_form.py" line="65" />
        <source>Label language</source>
        <translation>标签语言</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/printer_form.py" line="71" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/printer_form.py" line="72" />
        <source>Check printer</source>
        <translation>检查打印机</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/printer_form.py" line="73" />
        <source>Test print</source>
        <translation>打印测试页</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/printer_form.py" line="125" />
        <source>Label folder</source>
        <translation>标签文件夹</translation>
    </message>
</context>
<context>
    <name>PrinterPage</name>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="180" />
        <source>Label printer</source>
        <translation>标签打印机</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="181" />
        <source>A test print shows the station can reach it.</source>
        <translation>打印测试页可确认工作台能连到打印机。</translation>
    </message>
</context>
<context>
    <name>QuestionRow</name>
    <message>
        <location filename="../../station/ui/question_row.py" line="88" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../station/ui/question_row.py" line="88" />
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../station/ui/question_row.py" line="110" />
        <source>Should contain: %1</source>
        <translation>应包含：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/question_row.py" line="113" />
        <source>Order says: %1</source>
        <translation>订单记录：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/question_row.py" line="150" />
        <source>Waiting for a scan…</source>
        <translation>等待扫描…</translation>
    </message>
    <message>
        <location filename="../../station/ui/question_row.py" line="152" />
        <source>Matches: %1</source>
        <translation>一致：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/question_row.py" line="154" />
        <source>Does not match: %1</source>
        <translation>不符：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/question_row.py" line="160" />
        <source>%1 photo taken</source>
        <translation>已拍%1照片</translation>
    </message>
    <message>
        <location filename="../../station/ui/question_row.py" line="162" />
        <source>Take a %1 photo</source>
        <translation>请拍%1照片</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="59" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="60" />
        <source>Why</source>
        <translation>复核原因</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="61" />
        <source>RMA / code</source>
        <translation>售后单号 / 单号</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="62" />
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="63" />
        <source>Category</source>
        <translation>品类</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="64" />
        <source>Claim</source>
        <translation>退货原因</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="65" />
        <source>Inspector</source>
        <translation>质检员</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="66" />
        <source>Station</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="67" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="68" />
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="69" />
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="72" />
        <source>Overridden</source>
        <translation>人工改判</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="73" />
        <source>Refused</source>
        <translation>拒绝退款</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="74" />
        <source>Partial</source>
        <translation>部分退款</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="75" />
        <source>High value</source>
        <translation>高价值</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="76" />
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="77" />
        <source>Mismatch</source>
        <translation>货不对板</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="78" />
        <source>Carrier claim</source>
        <translation>物流索赔</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="79" />
        <source>Unmatched</source>
        <translation>无头件</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="80" />
        <source>Sync refused</source>
        <translation>同步被拒</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="81" />
        <source>Decided</source>
        <translation>已复核</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="82" />
        <source>Overturned</source>
        <translation>已改判</translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <location filename="../../station/ui/review/queue_view.py" line="78" />
        <source>RMA, order, waybill no. or SKU (Ctrl+F)</source>
        <translation>售后单号、订单号、运单号或 SKU（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_view.py" line="81" />
        <source>Any reason</source>
        <translation>全部复核原因</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_view.py" line="84" />
        <source>All categories</source>
        <translation>全部品类</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_view.py" line="87" />
        <source>All claims</source>
        <translation>全部退货原因</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_view.py" line="90" />
        <source>All inspectors</source>
        <translation>全部质检员</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_view.py" line="93" />
        <source>Any time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_view.py" line="91" />
        <source>Last 24 hours</source>
        <translation>近 24 小时</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_view.py" line="91" />
        <source>Last 7 days</source>
        <translation>近 7 天</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_view.py" line="91" />
        <source>Last 30 days</source>
        <translation>近 30 天</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_view.py" line="95" />
        <source>Show decided</source>
        <translation>显示已复核</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_view.py" line="96" />
        <source>All stations (central)</source>
        <translation>全部工作台（中心）</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_view.py" line="98" />
        <source>Reload</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_view.py" line="99" />
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_view.py" line="222" />
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_view.py" line="276" />
        <source>%1 to review</source>
        <translation>%1 项待复核</translation>
    </message>
</context>
<context>
    <name>RecordingForm</name>
    <message>
        <location filename="../../station/ui/setup/recording_form.py" line="78" />
        <source>Record unboxing clips</source>
        <translation>录制开箱视频</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/recording_form.py" line="79" />
        <source>Quality</source>
        <translation>画质</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/recording_form.py" line="80" />
        <source>Seconds before the scan</source>
        <translation>扫码前预录（秒）</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/recording_form.py" line="81" />
        <source>Band with parcel and time</source>
        <translation>包裹与时间信息条</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/recording_form.py" line="82" />
        <source>Keep clips (days)</source>
        <translation>视频保留（天）</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/recording_form.py" line="83" />
        <source>Longer for categories</source>
        <translation>按品类延长</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/recording_form.py" line="84" />
        <source>Free disk to keep (GB)</source>
        <translation>保留磁盘空间（GB）</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/recording_form.py" line="85" />
        <source>Upload cap (kbit/s, 0 = none)</source>
        <translation>上传限速（kbit/s，0 为不限）</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/recording_form.py" line="88" />
        <source>From the parcel's scan to its verdict</source>
        <translation>从包裹扫码到质检结论</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/recording_form.py" line="91" />
        <source>Low (about 1.5 Mbit/s)</source>
        <translation>低（约 1.5 Mbit/s）</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/recording_form.py" line="92" />
        <source>Standard (about 2.5 Mbit/s)</source>
        <translation>标准（约 2.5 Mbit/s）</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/recording_form.py" line="93" />
        <source>High (about 3 Mbit/s)</source>
        <translation>高（约 3 Mbit/s）</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/recording_form.py" line="97" />
        <source>At the bottom</source>
        <translation>画面底部</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/recording_form.py" line="97" />
        <source>At the top</source>
        <translation>画面顶部</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/recording_form.py" line="101" />
        <source>A clip is never deleted before the central service has it, nor while it is on hold for a dispute or its verdict was overridden or overturned. Below the free disk to keep, no clip is recorded; a warning comes at twice that.</source>
        <translation>视频在中心服务收到之前、因纠纷被保留期间、或其结论被改判或推翻时，绝不删除。磁盘剩余空间低于保留值时不再录像；低于两倍时提前提醒。</translation>
    </message>
</context>
<context>
    <name>RecordingIndicator</name>
    <message>
        <location filename="../../station/ui/recording_indicator.py" line="37" />
        <source>Disk full (%1 GB free): no clips are recorded. Sync, then free space.</source>
        <translation>磁盘已满（剩余 %1 GB）：不再录像。请先同步，再清理空间。</translation>
    </message>
    <message>
        <location filename="../../station/ui/recording_indicator.py" line="40" />
        <source>Disk low: %1 GB free for clips</source>
        <translation>磁盘空间不足：录像剩余 %1 GB</translation>
    </message>
    <message>
        <location filename="../../station/ui/recording_indicator.py" line="43" />
        <source>A clip could not be filed; it is kept for the next start</source>
        <translation>一段视频未能归档，已保留，下次启动时再归档</translation>
    </message>
    <message>
        <location filename="../../station/ui/recording_indicator.py" line="48" />
        <source>● REC</source>
        <translation>● 录像中</translation>
    </message>
</context>
<context>
    <name>ReviewErrors</name>
    <message>
        <location filename="../../station/ui/review/errors.py" line="20" />
        <source>Central service: %1</source>
        <translation>中心服务：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/errors.py" line="24" />
        <source>Something went wrong: %1</source>
        <translation>出现错误：%1</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="135" />
        <source>Settings · %1</source>
        <translation>设置 · %1</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="138" />
        <source>Station</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="139" />
        <source>Central service</source>
        <translation>中心服务</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="140" />
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="141" />
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="142" />
        <source>Recording</source>
        <translation>录像</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="143" />
        <source>Support</source>
        <translation>技术支持</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="148" />
        <source>Save anyway</source>
        <translation>仍然保存</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="148" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="150" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="150" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="151" />
        <source>Restart now</source>
        <translation>立即重启</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="154" />
        <source>A support bundle holds the logs, the settings without their secrets, the database's integrity check and versions. It holds no PINs, tokens, photos or customer data.</source>
        <translation>支持包包含日志、去除密钥的设置、数据库完整性检查结果和版本信息，不含 PIN、令牌、照片或客户数据。</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="159" />
        <source>Export support bundle…</source>
        <translation>导出支持包…</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="160" />
        <source>Run the first-run wizard again</source>
        <translation>重新运行首次设置向导</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="161" />
        <source>Settings file: %1</source>
        <translation>设置文件：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="190" />
        <source>Nothing has changed.</source>
        <translation>没有改动。</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="198" />
        <location filename="../../station/ui/setup/settings_dialog.py" line="296" />
        <source>Could not save: %1</source>
        <translation>无法保存：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="242" />
        <source>Checking the service and devices…</source>
        <translation>正在检查服务和设备…</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="255" />
        <source>Not saved yet:</source>
        <translation>尚未保存：</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="259" />
        <source>Fix them, or save anyway if the device is only unplugged for now.</source>
        <translation>请先修正；如果设备只是暂时未连接，也可以仍然保存。</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="283" />
        <source>Saved. The station uses the new %1 after a restart.</source>
        <translation>已保存。新的%1在重启后生效。</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="288" />
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="312" />
        <source>Not saved: some values cannot be used; they are marked.</source>
        <translation>未保存：有些值不可用，已标出。</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="317" />
        <source>station id</source>
        <translation>工作台编号</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="318" />
        <source>language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="319" />
        <source>data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="320" />
        <location filename="../../station/ui/setup/settings_dialog.py" line="321" />
        <location filename="../../station/ui/setup/settings_dialog.py" line="322" />
        <source>central service</source>
        <translation>中心服务</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="323" />
        <location filename="../../station/ui/setup/settings_dialog.py" line="324" />
        <location filename="../../station/ui/setup/settings_dialog.py" line="325" />
        <source>camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="326" />
        <source>decoder</source>
        <translation>解码器</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="327" />
        <source>printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="328" />
        <source>label size</source>
        <translation>标签尺寸</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="329" />
        <source>label language</source>
        <translation>标签语言</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="332" />
        <source>recording settings</source>
        <translation>录像设置</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="353" />
        <source>Export support bundle</source>
        <translation>导出支持包</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="359" />
        <source>Writing the support bundle…</source>
        <translation>正在写入支持包…</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="366" />
        <source>Written: %1 (%2 KB). Database check: %3</source>
        <translation>已写入：%1（%2 KB）。数据库检查：%3</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="376" />
        <source>Could not write the support bundle: %1</source>
        <translation>无法写入支持包：%1</translation>
    </message>
</context>
<context>
    <name>SetupForm</name>
    <message>
        <location filename="../../station/ui/setup/form.py" line="131" />
        <source>Set by the environment variable %1; change it there.</source>
        <translation>由环境变量 %1 设定，请在那里修改。</translation>
    </message>
</context>
<context>
    <name>SetupMessages</name>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="15" />
        <source>Connected: the central service accepts this station.</source>
        <translation>已连接：中心服务接受本工作台。</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="18" />
        <source>The camera works.</source>
        <translation>摄像头正常。</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="19" />
        <source>The printer is ready.</source>
        <translation>打印机就绪。</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="22" />
        <source>This is not a service address.</source>
        <translation>这不是服务地址。</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="25" />
        <source>This is not a camera setting.</source>
        <translation>这不是摄像头设置。</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="26" />
        <source>This is not a printer setting.</source>
        <translation>这不是打印机设置。</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="31" />
        <source>Nothing answers at this address. Check the address and the network.</source>
        <translation>该地址没有响应。请检查地址和网络。</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="37" />
        <source>Something answers at this address, but it is not a central service.</source>
        <translation>该地址有响应，但不是中心服务。</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="43" />
        <source>The service answers, but the station has no token or enrolment code for it.</source>
        <translation>服务有响应，但工作台没有它的令牌或注册码。</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="49" />
        <source>The service refused the token or enrolment code.</source>
        <translation>服务拒绝了令牌或注册码。</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="54" />
        <source>No such camera: is it plugged in?</source>
        <translation>找不到该摄像头：是否已插好？</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="57" />
        <source>No such printer: is it switched on and connected?</source>
        <translation>找不到该打印机：是否已开机并连接？</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="62" />
        <source>The camera is there but gives no picture.</source>
        <translation>摄像头存在，但没有画面。</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="65" />
        <source>The printer is there but cannot print now.</source>
        <translation>打印机存在，但现在无法打印。</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="70" />
        <source>The check failed.</source>
        <translation>检查失败。</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="79" />
        <source>2–20 capital letters, digits or '-', e.g. ST-HZ01.</source>
        <translation>2–20 位大写字母、数字或“-”，例如 ST-HZ01。</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="82" />
        <source>An http:// or https:// address, e.g. http://central:8765.</source>
        <translation>以 http:// 或 https:// 开头的地址，例如 http://central:8765。</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="85" />
        <source>Choose a camera from the list, a video file, or no camera.</source>
        <translation>请从列表中选择摄像头、视频文件或不用摄像头。</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="88" />
        <source>Choose a printer: CUPS queue, ZPL printer, system printer or folder.</source>
        <translation>请选择打印机：CUPS 队列、ZPL 打印机、系统打印机或文件夹。</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="91" />
        <source>Between 1 and 240 minutes.</source>
        <translation>1 到 240 分钟。</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="94" />
        <source>A folder the station can write to.</source>
        <translation>工作台可写入的文件夹。</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../station/ui/application.py" line="55" />
        <source>The station cannot start</source>
        <translation>工作台无法启动</translation>
    </message>
</context>
<context>
    <name>StationForm</name>
    <message>
        <location filename="../../station/ui/setup/station_form.py" line="64" />
        <source>Station id</source>
        <translation>工作台编号</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/station_form.py" line="65" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/station_form.py" line="66" />
        <source>Lock after idle (minutes)</source>
        <translation>空闲锁定（分钟）</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/station_form.py" line="67" />
        <location filename="../../station/ui/setup/station_form.py" line="84" />
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/station_form.py" line="71" />
        <source>中文（简体）</source>
        <translation>中文（简体）</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/station_form.py" line="71" />
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/station_form.py" line="71" />
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/station_form.py" line="74" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/station_form.py" line="77" />
        <source>The database, photos and logs live here. A new folder starts empty: move the old one's contents there first, or its users come from the central service.</source>
        <translation>数据库、照片和日志都存放在这里。新文件夹是空的：请先把旧文件夹的内容移过去，或者由中心服务同步用户。</translation>
    </message>
</context>
<context>
    <name>StationPage</name>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="133" />
        <source>This station</source>
        <translation>本工作台</translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="136" />
        <source>Its id appears on labels and in every record. Data is kept in %1.</source>
        <translation>编号会印在标签上并记入每条记录。数据保存在 %1。</translation>
    </message>
</context>
<context>
    <name>SupervisorPanel</name>
    <message>
        <location filename="../../station/ui/review/supervisor_panel.py" line="62" />
        <source>Only supervisors and admins can review inspections.</source>
        <translation>仅主管和管理员可以复核质检。</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/supervisor_panel.py" line="83" />
        <source>Review queue</source>
        <translation>复核队列</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/supervisor_panel.py" line="84" />
        <source>Unmatched parcels</source>
        <translation>无头件</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/supervisor_panel.py" line="85" />
        <source>Dashboard</source>
        <translation>数据看板</translation>
    </message>
</context>
<context>
    <name>UnmatchedView</name>
    <message>
        <location filename="../../station/ui/review/unmatched_view.py" line="40" />
        <source>Code</source>
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/unmatched_view.py" line="41" />
        <source>Received</source>
        <translation>签收时间</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/unmatched_view.py" line="42" />
        <source>Station</source>
        <translation>工作台</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/unmatched_view.py" line="43" />
        <source>Received by</source>
        <translation>签收人</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/unmatched_view.py" line="44" />
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/unmatched_view.py" line="45" />
        <source>Linked to</source>
        <translation>已关联</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/unmatched_view.py" line="55" />
        <source>Show linked parcels</source>
        <translation>显示已关联包裹</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/unmatched_view.py" line="57" />
        <source>Reload</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/unmatched_view.py" line="63" />
        <source>Scan or type the order's RMA, order or waybill no.</source>
        <translation>扫描或输入售后单号、订单号或运单号</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/unmatched_view.py" line="65" />
        <source>&amp;Link to order</source>
        <translation>关联到售后单(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/unmatched_view.py" line="68" />
        <source>After linking, scan the order at a bench: its inspection starts as usual and the parcel's photos stay on record with it.</source>
        <translation>关联后请在工作台扫描该单：质检照常开始，包裹的照片随之保留在记录中。</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/unmatched_view.py" line="143" />
        <source>Scan or type the order's number first.</source>
        <translation>请先扫描或输入单号。</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/unmatched_view.py" line="152" />
        <source>%1 linked to %2. Scan %2 at a bench to inspect it.</source>
        <translation>%1 已关联到 %2。请在工作台扫描 %2 进行质检。</translation>
    </message>
</context>
<context>
    <name>VerdictPanel</name>
    <message>
        <location filename="../../station/ui/verdict_panel.py" line="24" />
        <source>Proposed verdict</source>
        <translation>建议结果</translation>
    </message>
    <message>
        <location filename="../../station/ui/verdict_panel.py" line="73" />
        <source>Responsibility: %1</source>
        <translation>责任方：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/verdict_panel.py" line="77" />
        <source>Carrier claim</source>
        <translation>物流索赔</translation>
    </message>
    <message>
        <location filename="../../station/ui/verdict_panel.py" line="79" />
        <source>Supervisor review</source>
        <translation>主管复核</translation>
    </message>
    <message>
        <location filename="../../station/ui/verdict_panel.py" line="84" />
        <source>%1 questions to answer</source>
        <translation>还需回答 %1 题</translation>
    </message>
    <message>
        <location filename="../../station/ui/verdict_panel.py" line="87" />
        <source>photos: %1</source>
        <translation>照片：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/verdict_panel.py" line="89" />
        <source>Still needed: %1</source>
        <translation>还缺：%1</translation>
    </message>
    <message>
        <location filename="../../station/ui/verdict_panel.py" line="91" />
        <source>Complete. PASS or Enter accepts; F2 overrides.</source>
        <translation>已完整。「通过」或回车接受；F2 修改。</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="319" />
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="409" />
        <source>Save the evidence pack</source>
        <translation>保存证据包</translation>
    </message>
</context>
</TS>
