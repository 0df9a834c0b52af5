<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AdminForm</name>
    <message>
        <location filename="../../station/ui/setup/admin_form.py" line="46"/>
        <source>This station already has an admin (%1). You may add another one here, or leave the fields empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/admin_form.py" line="53"/>
        <source>The first admin user sets the station up and manages its users. The station cannot be finished without one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/admin_form.py" line="57"/>
        <source>Badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/admin_form.py" line="58"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/admin_form.py" line="59"/>
        <source>PIN (4–12 digits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/admin_form.py" line="60"/>
        <source>PIN again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/admin_form.py" line="86"/>
        <source>A badge is 1–40 letters, digits, &apos;-&apos; or &apos;_&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/admin_form.py" line="87"/>
        <source>A name is 1–80 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/admin_form.py" line="88"/>
        <source>A PIN is 4–12 digits, the same both times.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="216"/>
        <source>First admin user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="217"/>
        <source>Needed to change settings and to manage users.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BenchView</name>
    <message>
        <location filename="../../station/ui/bench_view.py" line="79"/>
        <source>Scan or type an RMA, order or tracking number, then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="83"/>
        <source>Scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="98"/>
        <source>Accept (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="100"/>
        <source>Override (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="277"/>
        <source>Hello %1. Scan a return parcel to begin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="278"/>
        <source>Welcome back, %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="279"/>
        <source>%1 is an item barcode. Scan the return parcel first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="280"/>
        <source>Nothing to do for %1 now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="281"/>
        <source>Already inspecting %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="222"/>
        <source>item %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="283"/>
        <source>Resumed the open inspection of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="282"/>
        <source>Inspecting %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="284"/>
        <source>No order for %1: received as an unmatched parcel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="285"/>
        <source>%1 is %2 and cannot be inspected at the bench.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="286"/>
        <source>Not a usable scan: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="287"/>
        <source>The scan could not be handled: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="289"/>
        <source>The camera sees another parcel (%1). Finish this one first, or scan %1 with the hand scanner to switch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="293"/>
        <source>The camera sees %1, which is not this order&apos;s item: not used. Scan the item with the hand scanner to record what it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="296"/>
        <source>Item matches the order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="297"/>
        <source>Item does not match the order: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="298"/>
        <source>Answer first: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="299"/>
        <source>Still needed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="300"/>
        <source>Scan a parcel before taking photos.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="301"/>
        <source>No camera picture to take.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="302"/>
        <source>Photo kept but %1 — press R to retake it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="303"/>
        <source>%1 photo taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="304"/>
        <source>Photo not kept: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="305"/>
        <source>Done: %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="306"/>
        <source>Done, but no label: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="307"/>
        <source>Could not complete: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="308"/>
        <source>Override refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="309"/>
        <source>No label to print again yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="310"/>
        <source>Printing the label again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="311"/>
        <source>Cannot reprint: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="312"/>
        <source>No inspection to cancel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="313"/>
        <source>Scan CANCEL again to cancel the inspection of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="314"/>
        <source>Inspection cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CameraForm</name>
    <message>
        <location filename="../../station/ui/setup/camera_form.py" line="108"/>
        <source>Camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/camera_form.py" line="109"/>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/camera_form.py" line="110"/>
        <source>Barcode decoder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/camera_form.py" line="111"/>
        <source>zxing-cpp (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/camera_form.py" line="112"/>
        <source>pyzbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/camera_form.py" line="114"/>
        <source>Stop preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/camera_form.py" line="114"/>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/camera_form.py" line="116"/>
        <source>Check camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/camera_form.py" line="123"/>
        <source>Default (first camera; the demo camera in demo mode)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/camera_form.py" line="126"/>
        <source>No camera (hand scanner only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/camera_form.py" line="127"/>
        <source>Video file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/camera_form.py" line="148"/>
        <source>Video file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/camera_form.py" line="148"/>
        <source>Videos (*.avi *.mp4 *.mkv *.mov)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/camera_form.py" line="174"/>
        <source>No camera is chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/camera_form.py" line="216"/>
        <source>Read: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CameraPage</name>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="172"/>
        <source>Bench camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="174"/>
        <source>Hold a parcel label under it in the preview: the code it reads shows below.</source>
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
    <name>CentralForm</name>
    <message>
        <location filename="../../station/ui/setup/central_form.py" line="55"/>
        <source>Work offline for now (no central service)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/central_form.py" line="56"/>
        <source>Central service address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/central_form.py" line="57"/>
        <source>Enrollment key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/central_form.py" line="58"/>
        <source>Station token (if issued)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/central_form.py" line="59"/>
        <source>given by IT; the station registers with it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/central_form.py" line="60"/>
        <source>leave empty when using an enrollment key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/central_form.py" line="61"/>
        <source>Test connection</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CentralPage</name>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="157"/>
        <source>Central service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="160"/>
        <source>Verdicts and photos go there. Without it the station works offline and delivers everything once it is set.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckLine</name>
    <message>
        <location filename="../../station/ui/setup/form.py" line="30"/>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChecklistView</name>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="108"/>
        <source>Checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="109"/>
        <source>Scan a return parcel to start its checklist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="112"/>
        <source>Confirm the verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="115"/>
        <source>PASS or Enter accepts the proposed verdict; F2 overrides it; PgUp goes back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="126"/>
        <source>Step %1 of %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="133"/>
        <source>Enter/PASS: all fine · Space/FAIL: problem · ↑↓ move · 1–9 pick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="118"/>
        <source>Still needed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="83"/>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="83"/>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="83"/>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="93"/>
        <source>Defect share from which a SKU or batch is an alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="97"/>
        <source>Fewest returns before a share counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="98"/>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="101"/>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="112"/>
        <source>Batch / SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="112"/>
        <source>Returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="112"/>
        <source>Defect claims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="112"/>
        <source>Share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="116"/>
        <source>Limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="117"/>
        <source>RMA no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="118"/>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="119"/>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="120"/>
        <source>Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="125"/>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="126"/>
        <location filename="../../station/ui/review/dashboard_view.py" line="231"/>
        <source>Inspections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="127"/>
        <source>Active hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="128"/>
        <source>Per hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="137"/>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="138"/>
        <source>Alert from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="139"/>
        <source>of at least</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="161"/>
        <location filename="../../station/ui/review/dashboard_view.py" line="324"/>
        <source>Batch and SKU alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="162"/>
        <source>Time limits: at risk first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="163"/>
        <location filename="../../station/ui/review/dashboard_view.py" line="327"/>
        <source>Inspections per active hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="233"/>
        <source>%1 inspectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="236"/>
        <source>Waiting for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="238"/>
        <location filename="../../station/ui/review/dashboard_view.py" line="244"/>
        <source>%1 overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="242"/>
        <source>Refunds to pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="249"/>
        <source>Quality alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="251"/>
        <source>batches: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="258"/>
        <source>Inspections per hour by inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="260"/>
        <source>Inspections per day by inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="261"/>
        <source>Others</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="265"/>
        <location filename="../../station/ui/review/dashboard_view.py" line="328"/>
        <source>Grade mix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="268"/>
        <location filename="../../station/ui/review/dashboard_view.py" line="329"/>
        <source>Dispositions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="268"/>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="275"/>
        <source>Return reasons by category, requests of the last %1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="292"/>
        <source>Batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="306"/>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="306"/>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="311"/>
        <source>%1 h late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="313"/>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="325"/>
        <source>Time limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="326"/>
        <source>Inspections per hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="330"/>
        <source>Return reasons by category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="331"/>
        <source>Return reasons by SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="332"/>
        <source>Return reasons by batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="364"/>
        <source>%1 rows saved to %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DecisionForm</name>
    <message>
        <location filename="../../station/ui/review/decision_form.py" line="45"/>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/decision_form.py" line="51"/>
        <source>Reason (required): what the evidence shows, why the verdict stands or changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/decision_form.py" line="57"/>
        <source>(unchanged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/decision_form.py" line="64"/>
        <source>&amp;Approve verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/decision_form.py" line="66"/>
        <source>&amp;Overturn with these fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/decision_form.py" line="71"/>
        <source>Alt+A approve · Alt+O overturn · Ctrl+Enter either</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/decision_form.py" line="78"/>
        <source>Grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/decision_form.py" line="79"/>
        <source>Disposition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/decision_form.py" line="80"/>
        <source>Responsibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/decision_form.py" line="81"/>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/decision_form.py" line="82"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/decision_form.py" line="191"/>
        <source>A decision needs a reason. Type it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/decision_form.py" line="197"/>
        <source>You changed fields: overturn (Alt+O), or set them back to approve.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/decision_form.py" line="202"/>
        <source>Nothing is changed: approve (Alt+A) instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidenceView</name>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="81"/>
        <location filename="../../station/ui/review/evidence_view.py" line="242"/>
        <source>Choose an item in the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="96"/>
        <source>Proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="96"/>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="96"/>
        <source>Inspector&apos;s verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="100"/>
        <source>Grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="101"/>
        <source>Disposition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="102"/>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="103"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="104"/>
        <source>Responsibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="121"/>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="121"/>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="121"/>
        <source>Meaning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="129"/>
        <source>Evidence pack (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="131"/>
        <source>Ctrl+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="146"/>
        <source>Photos (Enter opens; C in the viewer compares)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="148"/>
        <source>Proposal and verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="152"/>
        <source>Answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="221"/>
        <source>Inspector overrode the proposal: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="225"/>
        <source>Rules fired:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="227"/>
        <source>No rule fired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="245"/>
        <source>Unmatched parcel %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="247"/>
        <source>Link it to its order on the Unmatched parcels tab (Ctrl+2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="250"/>
        <source>Event refused by the central service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="256"/>
        <source>Decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="258"/>
        <source>Review overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="260"/>
        <source>Waiting for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="276"/>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="277"/>
        <source>Customer&apos;s claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="278"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="279"/>
        <source>Item amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="280"/>
        <source>Batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="281"/>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="282"/>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="283"/>
        <source>Review due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="284"/>
        <source>Checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="287"/>
        <source>Photos at the central service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="293"/>
        <source>approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="293"/>
        <source>overturned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="295"/>
        <source>Decision: %1 by %2 at %3 — %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="312"/>
        <source>Overturned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="312"/>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="314"/>
        <source>%1: %2 — sent to the central service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="355"/>
        <source>Writing the evidence pack…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="360"/>
        <source>Evidence pack saved: %1 (%2 photos)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="280"/>
        <source>Set up the returns-inspection station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="281"/>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="282"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="283"/>
        <source>Finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="284"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="329"/>
        <source>Setting the station up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="343"/>
        <source>The station could not be set up: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="104"/>
        <source>Welcome · 欢迎</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="106"/>
        <source>This bench PC becomes a returns-inspection station. Choose its language.</source>
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
        <location filename="../../station/ui/main_window.py" line="79"/>
        <source>Returns inspection · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="122"/>
        <source>Station %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="124"/>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="132"/>
        <source>Log out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="136"/>
        <location filename="../../station/ui/main_window.py" line="140"/>
        <source>Review (F10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="146"/>
        <source>Settings (Ctrl+,)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="150"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="156"/>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="171"/>
        <location filename="../../station/ui/main_window.py" line="444"/>
        <source>Printer ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="215"/>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="252"/>
        <source>Only supervisors can open the review screens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="285"/>
        <source>Only admins can change the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="368"/>
        <source>Camera lost (%1). The hand scanner still works; the camera reconnects by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="374"/>
        <source>Camera back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="389"/>
        <source>Outbox: %1 waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="391"/>
        <source> (oldest %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="393"/>
        <source> · %1 parked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="400"/>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="402"/>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="409"/>
        <source>No central service is configured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="412"/>
        <location filename="../../station/ui/main_window.py" line="418"/>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="416"/>
        <source>Offline (no central service)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="421"/>
        <source>Online · synced %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="423"/>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="425"/>
        <source>Offline · retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="429"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="432"/>
        <source>Last successful sync: %1
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="446"/>
        <source>Label printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="448"/>
        <source>Printer problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="452"/>
        <source>Label not printed: %1. It stays queued and prints when the printer is back; PRINT reprints.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="456"/>
        <source>Label cannot be printed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="461"/>
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
        <location filename="../../station/ui/photo_strip.py" line="134"/>
        <source>Next photo: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/photo_strip.py" line="137"/>
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
    <name>PrinterForm</name>
    <message>
        <location filename="../../station/ui/setup/printer_form.py" line="91"/>
        <source>Printer connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/printer_form.py" line="92"/>
        <source>Printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/printer_form.py" line="93"/>
        <source>Label size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/printer_form.py" line="94"/>
        <source>Label language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/printer_form.py" line="104"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/printer_form.py" line="105"/>
        <source>Check printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/printer_form.py" line="106"/>
        <source>Test print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/printer_form.py" line="152"/>
        <source>Label folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrinterPage</name>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="195"/>
        <source>Label printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="196"/>
        <source>A test print shows the station can reach it.</source>
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
    <name>QueueModel</name>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="62"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="63"/>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="64"/>
        <source>RMA / code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="65"/>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="66"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="67"/>
        <source>Claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="68"/>
        <source>Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="69"/>
        <source>Station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="70"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="71"/>
        <source>Grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="72"/>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="75"/>
        <source>Overridden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="76"/>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="77"/>
        <source>Partial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="78"/>
        <source>High value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="79"/>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="80"/>
        <source>Mismatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="81"/>
        <source>Carrier claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="82"/>
        <source>Unmatched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="83"/>
        <source>Sync refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="84"/>
        <source>Decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="85"/>
        <source>Overturned</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <location filename="../../station/ui/review/queue_view.py" line="103"/>
        <source>RMA, order, waybill no. or SKU (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_view.py" line="106"/>
        <source>Any reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_view.py" line="109"/>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_view.py" line="112"/>
        <source>All claims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_view.py" line="115"/>
        <source>All inspectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_view.py" line="118"/>
        <source>Any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_view.py" line="119"/>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_view.py" line="120"/>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_view.py" line="121"/>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_view.py" line="124"/>
        <source>Show decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_view.py" line="125"/>
        <source>All stations (central)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_view.py" line="127"/>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_view.py" line="129"/>
        <source>F5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_view.py" line="262"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/queue_view.py" line="320"/>
        <source>%1 to review</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewErrors</name>
    <message>
        <location filename="../../station/ui/review/errors.py" line="19"/>
        <source>Central service: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/errors.py" line="24"/>
        <source>Something went wrong: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="144"/>
        <source>Settings · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="147"/>
        <source>Station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="148"/>
        <source>Central service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="149"/>
        <source>Camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="150"/>
        <source>Printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="151"/>
        <source>Support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="156"/>
        <source>Save anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="156"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="158"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="158"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="159"/>
        <source>Restart now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="162"/>
        <source>A support bundle holds the logs, the settings without their secrets, the database&apos;s integrity check and versions. It holds no PINs, tokens, photos or customer data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="167"/>
        <source>Export support bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="168"/>
        <source>Run the first-run wizard again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="170"/>
        <source>Settings file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="200"/>
        <source>Nothing has changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="208"/>
        <location filename="../../station/ui/setup/settings_dialog.py" line="308"/>
        <source>Could not save: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="253"/>
        <source>Checking the service and devices…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="266"/>
        <source>Not saved yet:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="270"/>
        <source>Fix them, or save anyway if the device is only unplugged for now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="293"/>
        <source>Saved. The station uses the new %1 after a restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="300"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="324"/>
        <source>Not saved: some values cannot be used; they are marked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="329"/>
        <source>station id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="330"/>
        <source>language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="331"/>
        <source>data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="332"/>
        <location filename="../../station/ui/setup/settings_dialog.py" line="333"/>
        <location filename="../../station/ui/setup/settings_dialog.py" line="334"/>
        <source>central service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="335"/>
        <location filename="../../station/ui/setup/settings_dialog.py" line="336"/>
        <location filename="../../station/ui/setup/settings_dialog.py" line="337"/>
        <source>camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="338"/>
        <source>decoder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="339"/>
        <source>printer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="340"/>
        <source>label size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="341"/>
        <source>label language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="363"/>
        <source>Export support bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="369"/>
        <source>Writing the support bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="375"/>
        <source>Written: %1 (%2 KB). Database check: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="385"/>
        <source>Could not write the support bundle: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupForm</name>
    <message>
        <location filename="../../station/ui/setup/form.py" line="103"/>
        <source>Set by the environment variable %1; change it there.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupMessages</name>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="15"/>
        <source>Connected: the central service accepts this station.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="18"/>
        <source>The camera works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="19"/>
        <source>The printer is ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="22"/>
        <source>This is not a service address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="25"/>
        <source>This is not a camera setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="26"/>
        <source>This is not a printer setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="31"/>
        <source>Nothing answers at this address. Check the address and the network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="37"/>
        <source>Something answers at this address, but it is not a central service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="43"/>
        <source>The service answers, but the station has no token or enrollment key for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="49"/>
        <source>The service refused the token or enrollment key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="54"/>
        <source>No such camera: is it plugged in?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="57"/>
        <source>No such printer: is it switched on and connected?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="62"/>
        <source>The camera is there but gives no picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="65"/>
        <source>The printer is there but cannot print now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="70"/>
        <source>The check failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="79"/>
        <source>2–20 capital letters, digits or &apos;-&apos;, e.g. ST-HZ01.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="82"/>
        <source>An http:// or https:// address, e.g. http://central:8765.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="85"/>
        <source>Choose a camera from the list, a video file, or no camera.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="88"/>
        <source>Choose a printer: CUPS queue, ZPL printer, system printer or folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="91"/>
        <source>Between 1 and 240 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="94"/>
        <source>A folder the station can write to.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../station/ui/application.py" line="49"/>
        <source>The station cannot start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StationForm</name>
    <message>
        <location filename="../../station/ui/setup/station_form.py" line="76"/>
        <source>Station id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/station_form.py" line="77"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/station_form.py" line="78"/>
        <source>Lock after idle (minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/station_form.py" line="79"/>
        <location filename="../../station/ui/setup/station_form.py" line="94"/>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/station_form.py" line="81"/>
        <source>中文（简体）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/station_form.py" line="81"/>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/station_form.py" line="81"/>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/station_form.py" line="84"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/station_form.py" line="87"/>
        <source>The database, photos and logs live here. A new folder starts empty: move the old one&apos;s contents there first, or its users come from the central service.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StationPage</name>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="130"/>
        <source>This station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="132"/>
        <source>Its id appears on labels and in every record. Data is kept in %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SupervisorPanel</name>
    <message>
        <location filename="../../station/ui/review/supervisor_panel.py" line="57"/>
        <source>Only supervisors and admins can review inspections.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/supervisor_panel.py" line="77"/>
        <source>Review queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/supervisor_panel.py" line="78"/>
        <source>Unmatched parcels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/supervisor_panel.py" line="79"/>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnmatchedView</name>
    <message>
        <location filename="../../station/ui/review/unmatched_view.py" line="64"/>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/unmatched_view.py" line="65"/>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/unmatched_view.py" line="66"/>
        <source>Station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/unmatched_view.py" line="67"/>
        <source>Received by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/unmatched_view.py" line="68"/>
        <source>Photos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/unmatched_view.py" line="69"/>
        <source>Linked to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/unmatched_view.py" line="79"/>
        <source>Show linked parcels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/unmatched_view.py" line="81"/>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/unmatched_view.py" line="87"/>
        <source>Scan or type the order&apos;s RMA, order or waybill no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/unmatched_view.py" line="89"/>
        <source>&amp;Link to order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/unmatched_view.py" line="94"/>
        <source>After linking, scan the order at a bench: its inspection starts as usual and the parcel&apos;s photos stay on record with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/unmatched_view.py" line="181"/>
        <source>Scan or type the order&apos;s number first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/unmatched_view.py" line="189"/>
        <source>%1 linked to %2. Scan %2 at a bench to inspect it.</source>
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
        <location filename="../../station/ui/verdict_panel.py" line="91"/>
        <source>Responsibility: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/verdict_panel.py" line="95"/>
        <source>Carrier claim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/verdict_panel.py" line="97"/>
        <source>Supervisor review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/verdict_panel.py" line="103"/>
        <source>%1 questions to answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/verdict_panel.py" line="107"/>
        <source>photos: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/verdict_panel.py" line="109"/>
        <source>Still needed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/verdict_panel.py" line="111"/>
        <source>Complete. PASS or Enter accepts; F2 overrides.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="357"/>
        <source>Export CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="346"/>
        <source>Save the evidence pack</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
