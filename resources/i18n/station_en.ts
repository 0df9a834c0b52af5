<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BenchView</name>
    <message>
        <location filename="../../station/ui/bench_view.py" line="78"/>
        <source>Scan or type an RMA, order or tracking number, then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="82"/>
        <source>Scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="86"/>
        <source>Camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="88"/>
        <source>Photos of this item appear here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="94"/>
        <source>Accept (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="96"/>
        <source>Override (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="141"/>
        <source>Hello %1. Scan a return parcel to begin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="153"/>
        <source>Welcome back, %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="192"/>
        <source>%1 is an item barcode. Scan the return parcel first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="215"/>
        <source>Nothing to do for %1 now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="229"/>
        <source>item %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="237"/>
        <source>Resumed the open inspection of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="239"/>
        <source>Inspecting %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="248"/>
        <source>No order for %1: received as an unmatched parcel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="256"/>
        <source>%1 is %2 and cannot be inspected at the bench.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="266"/>
        <source>Not a usable scan: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="269"/>
        <source>The scan could not be handled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="332"/>
        <source>Done: %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="357"/>
        <source>Could not complete: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="363"/>
        <source>No inspection to cancel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="369"/>
        <source>Scan CANCEL again to cancel the inspection of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="384"/>
        <source>Inspection cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChecklistView</name>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="83"/>
        <source>Checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="84"/>
        <source>Scan a return parcel to start its checklist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="121"/>
        <source>Item matches the order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="123"/>
        <source>Item does not match the order: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="194"/>
        <source>Answer first: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="337"/>
        <source>Confirm the verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="340"/>
        <source>PASS or Enter accepts the proposed verdict; F2 overrides it; PgUp goes back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="348"/>
        <source>Step %1 of %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="369"/>
        <source>Enter/PASS: all fine · Space/FAIL: problem · ↑↓ move · 1–9 pick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="404"/>
        <source>photo: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="407"/>
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
        <location filename="../../station/ui/main_window.py" line="46"/>
        <source>Returns inspection · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="65"/>
        <source>Station %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="67"/>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="75"/>
        <source>Log out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="118"/>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="148"/>
        <source>Outbox: %1 waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="150"/>
        <source> (oldest %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="152"/>
        <source> · %1 parked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="159"/>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="161"/>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="167"/>
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
        <location filename="../../station/ui/override_dialog.py" line="121"/>
        <source>Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/override_dialog.py" line="123"/>
        <source>An override needs a reason.</source>
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
        <location filename="../../station/ui/question_row.py" line="155"/>
        <source>Waiting for a scan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/question_row.py" line="158"/>
        <source>Matches: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/question_row.py" line="161"/>
        <source>Does not match: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/question_row.py" line="168"/>
        <source>%1 photo taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/question_row.py" line="171"/>
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
