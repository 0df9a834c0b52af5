<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BenchView</name>
    <message>
        <location filename="../../station/ui/bench_view.py" line="60"/>
        <source>Scan or type an RMA, order or tracking number, then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="64"/>
        <source>Scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="68"/>
        <source>Camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="70"/>
        <source>Photos of this item appear here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="74"/>
        <source>Checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="105"/>
        <source>Hello %1. Scan a return parcel to begin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="117"/>
        <source>Welcome back, %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="146"/>
        <source>item %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="154"/>
        <source>Resumed the open inspection of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="156"/>
        <source>Inspecting %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="162"/>
        <source>No order for %1: received as an unmatched parcel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="170"/>
        <source>%1 is %2 and cannot be inspected at the bench.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="180"/>
        <source>Not a usable scan: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="183"/>
        <source>The scan could not be handled: %1</source>
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
</TS>
