<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BenchView</name>
    <message>
        <location filename="../../station/ui/bench_view.py" line="93"/>
        <source>Scan or type an RMA, order or tracking number, then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="97"/>
        <source>Scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="117"/>
        <source>Accept (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="119"/>
        <source>Override (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="171"/>
        <source>Hello %1. Scan a return parcel to begin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="183"/>
        <source>Welcome back, %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="225"/>
        <source>%1 is an item barcode. Scan the return parcel first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="252"/>
        <source>Nothing to do for %1 now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="271"/>
        <source>Already inspecting %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="284"/>
        <source>item %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="292"/>
        <source>Resumed the open inspection of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="294"/>
        <source>Inspecting %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="308"/>
        <source>No order for %1: received as an unmatched parcel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="316"/>
        <source>%1 is %2 and cannot be inspected at the bench.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="332"/>
        <source>Not a usable scan: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="335"/>
        <source>The scan could not be handled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="367"/>
        <source>Scan a parcel before taking photos.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="371"/>
        <source>No camera picture to take.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="394"/>
        <source>Photo kept but %1 — press R to retake it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="399"/>
        <source>%1 photo taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="406"/>
        <source>Photo not kept: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="503"/>
        <source>Done: %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="515"/>
        <source>Done, but no label: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="533"/>
        <source>Could not complete: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="539"/>
        <source>No label to print again yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="543"/>
        <source>Printing the label again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="545"/>
        <source>Cannot reprint: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="552"/>
        <source>No inspection to cancel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="558"/>
        <source>Scan CANCEL again to cancel the inspection of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="573"/>
        <source>Inspection cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CameraView</name>
    <message>
        <location filename="../../station/ui/camera_view.py" line="63"/>
        <source>No camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/camera_view.py" line="63"/>
        <location filename="../../station/ui/camera_view.py" line="118"/>
        <source>Starting camera…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/camera_view.py" line="115"/>
        <source>Camera not available: %1. Reconnecting by itself; the hand scanner works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/camera_view.py" line="116"/>
        <source>no picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/camera_view.py" line="120"/>
        <source>Camera stopped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChecklistView</name>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="87"/>
        <source>Checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="88"/>
        <source>Scan a return parcel to start its checklist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="125"/>
        <source>Item matches the order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="127"/>
        <source>Item does not match the order: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="198"/>
        <source>Answer first: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="344"/>
        <source>Confirm the verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="347"/>
        <source>PASS or Enter accepts the proposed verdict; F2 overrides it; PgUp goes back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="356"/>
        <source>Step %1 of %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="383"/>
        <source>Enter/PASS: all fine · Space/FAIL: problem · ↑↓ move · 1–9 pick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="418"/>
        <source>photo: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="421"/>
        <source>Still needed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginView</name>
    <message>
        <location filename="../../station/ui/login_view.py" line="38"/>
        <source>Returns inspection station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="41"/>
        <source>Station %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="50"/>
        <source>Scan your badge or type its number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="55"/>
        <location filename="../../station/ui/login_view.py" line="67"/>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="57"/>
        <source>Log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="66"/>
        <source>Badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="82"/>
        <source>Demo: inspector badge I1001, PIN 1234 · supervisor S9001, PIN 9999</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="104"/>
        <source>Locked after inactivity. %1, log in again to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="124"/>
        <source>Scan or type your badge first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="128"/>
        <source>Enter your PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="132"/>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="146"/>
        <source>Badge locked until %1 after repeated wrong PINs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="150"/>
        <source>Wrong badge or PIN. %1 attempts left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="156"/>
        <source>Login failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../station/ui/main_window.py" line="54"/>
        <source>Returns inspection · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="80"/>
        <source>Station %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="82"/>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="90"/>
        <source>Log out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="94"/>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="109"/>
        <location filename="../../station/ui/main_window.py" line="255"/>
        <source>Printer ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="149"/>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="179"/>
        <source>Camera lost (%1). The hand scanner still works; the camera reconnects by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="185"/>
        <source>Camera back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="200"/>
        <source>Outbox: %1 waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="202"/>
        <source> (oldest %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="204"/>
        <source> · %1 parked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="211"/>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="213"/>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="220"/>
        <source>No central service is configured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="223"/>
        <location filename="../../station/ui/main_window.py" line="229"/>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="227"/>
        <source>Offline (no central service)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="232"/>
        <source>Online · synced %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="234"/>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="236"/>
        <source>Offline · retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="240"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="243"/>
        <source>Last successful sync: %1
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="257"/>
        <source>Label printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="259"/>
        <source>Printer problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="263"/>
        <source>Label not printed: %1. It stays queued and prints when the printer is back; PRINT reprints.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="267"/>
        <source>Label cannot be printed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="272"/>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrderCard</name>
    <message>
        <location filename="../../station/ui/order_card.py" line="57"/>
        <source>Order no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="58"/>
        <source>Return parcel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="59"/>
        <source>Customer&apos;s reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="60"/>
        <source>Received by customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="61"/>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="91"/>
        <source>Scan a return parcel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="93"/>
        <source>RMA no., order no. or the return waybill&apos;s tracking no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="114"/>
        <source>%1 days ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="129"/>
        <source>asked %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="151"/>
        <source>Unmatched parcel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="152"/>
        <source>Unmatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="155"/>
        <source>No order has this code. The parcel is received and kept for the central service to resolve: photograph it and print a holding label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="165"/>
        <source>Already recorded earlier; continuing that record.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <location filename="../../station/ui/override_dialog.py" line="38"/>
        <source>Override the verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/override_dialog.py" line="53"/>
        <source>Why (required, the supervisor reads it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/override_dialog.py" line="57"/>
        <source>Grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/override_dialog.py" line="58"/>
        <source>Disposition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/override_dialog.py" line="59"/>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/override_dialog.py" line="60"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/override_dialog.py" line="61"/>
        <source>Responsibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/override_dialog.py" line="62"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/override_dialog.py" line="115"/>
        <source>Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/override_dialog.py" line="117"/>
        <source>An override needs a reason.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../../station/ui/photo_strip.py" line="65"/>
        <source>Ctrl+%1 chooses this kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/photo_strip.py" line="142"/>
        <source>Next photo: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/photo_strip.py" line="145"/>
        <source>still needed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <location filename="../../station/ui/photo_viewer.py" line="75"/>
        <source>Photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/photo_viewer.py" line="92"/>
        <source>Wheel or +/− zoom · drag to pan · 0 fit · C compare · PgUp/PgDn previous/next · Esc close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/photo_viewer.py" line="130"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/photo_viewer.py" line="134"/>
        <source>station %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/photo_viewer.py" line="137"/>
        <source>sharpness %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/photo_viewer.py" line="138"/>
        <source>quality flags: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionRow</name>
    <message>
        <location filename="../../station/ui/question_row.py" line="95"/>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/question_row.py" line="95"/>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/question_row.py" line="117"/>
        <source>Should contain: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/question_row.py" line="120"/>
        <source>Order says: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/question_row.py" line="159"/>
        <source>Waiting for a scan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/question_row.py" line="162"/>
        <source>Matches: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/question_row.py" line="165"/>
        <source>Does not match: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/question_row.py" line="172"/>
        <source>%1 photo taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/question_row.py" line="175"/>
        <source>Take a %1 photo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VerdictPanel</name>
    <message>
        <location filename="../../station/ui/verdict_panel.py" line="22"/>
        <source>Proposed verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/verdict_panel.py" line="89"/>
        <source>Responsibility: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/verdict_panel.py" line="93"/>
        <source>Carrier claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/verdict_panel.py" line="95"/>
        <source>Supervisor review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/verdict_panel.py" line="101"/>
        <source>%1 questions to answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/verdict_panel.py" line="105"/>
        <source>photos: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/verdict_panel.py" line="107"/>
        <source>Still needed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/verdict_panel.py" line="109"/>
        <source>Complete. PASS or Enter accepts; F2 overrides.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
