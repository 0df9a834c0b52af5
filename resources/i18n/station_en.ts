<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AdminForm</name>
    <message>
        <location filename="../../station/ui/setup/admin_form.py" line="47" />
        <source>This station already has an admin (%1). You may add another one here, or leave the fields empty.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/admin_form.py" line="56" />
        <source>The first admin user sets the station up and manages its users. The station cannot be finished without one.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/admin_form.py" line="62" />
        <source>Badge</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/admin_form.py" line="63" />
        <source>Name</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/admin_form.py" line="64" />
        <source>PIN (4–12 digits)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/admin_form.py" line="65" />
        <source>PIN again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/admin_form.py" line="93" />
        <source>A badge is 1–40 letters, digits, '-' or '_'.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/admin_form.py" line="94" />
        <source>A name is 1–80 characters.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/admin_form.py" line="95" />
        <source>A PIN is 4–12 digits, the same both times.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="200" />
        <source>First admin user</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="201" />
        <source>Needed to change settings and to manage users.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>BenchView</name>
    <message>
        <location filename="../../station/ui/bench_view.py" line="80" />
        <source>Scan or type an RMA, order or tracking number, then Enter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="84" />
        <source>Scan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="117" />
        <source>Accept (Enter)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="119" />
        <source>Override (F2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="318" />
        <source>Hello %1. Scan a return parcel to begin.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="319" />
        <source>Welcome back, %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="320" />
        <source>%1 is an item barcode. Scan the return parcel first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="325" />
        <source>Nothing to do for %1 now.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="326" />
        <source>Already inspecting %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="257" />
        <source>item %1 of %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="328" />
        <source>Resumed the open inspection of %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="327" />
        <source>Inspecting %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="99" />
        <source>F9/P photo · R retake · K keep · Enter/PASS all fine · Space/FAIL problem · 1–9 pick · F2 override · CANCEL twice: cancel · F5 sync · Ctrl+L log out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="322" />
        <source>%1 is text or a web address, not a parcel's or an item's number. Scan the barcode that carries the number.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="329" />
        <source>No order for %1: received as an unmatched parcel.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="330" />
        <source>%1 is %2 and cannot be inspected at the bench.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="331" />
        <source>Not a usable scan: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="333" />
        <source>The scan of %1… was cut off before its end and not used: scan again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="335" />
        <source>The scan could not be handled: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="337" />
        <source>The camera sees another parcel (%1). Finish this one first, or scan %1 with the hand scanner to switch.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="341" />
        <source>The camera sees %1, which is not this order's item: not used. Scan the item with the hand scanner to record what it is.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="344" />
        <source>Item matches the order</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="345" />
        <source>Item does not match the order: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="346" />
        <source>Answer first: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="347" />
        <source>Still needed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="348" />
        <source>Scan a parcel before taking photos.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="349" />
        <source>No camera picture to take.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="351" />
        <source>Photo %1: it does not count yet. R retakes it; K keeps it as it is.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="353" />
        <source>%1 photo taken.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="354" />
        <source>%1 photo kept as it is; it counts.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="355" />
        <source>Photo not kept: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="356" />
        <source>Done: %1 · %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="358" />
        <source>Done: %1 · %2 — sent to a supervisor for review; the label says so.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="360" />
        <source>Done, but no label: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="361" />
        <source>Could not complete: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="362" />
        <source>Override refused: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="363" />
        <source>No label to print again yet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="364" />
        <source>Printing the label again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="365" />
        <source>Cannot reprint: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="366" />
        <source>No inspection to cancel.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="367" />
        <source>Scan CANCEL again to cancel the inspection of %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/bench_view.py" line="368" />
        <source>Inspection cancelled.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CameraForm</name>
    <message>
        <location filename="../../station/ui/setup/camera_form.py" line="100" />
        <source>Camera</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/camera_form.py" line="101" />
        <source>Resolution</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/camera_form.py" line="102" />
        <source>Barcode decoder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/camera_form.py" line="105" />
        <source>zxing-cpp (recommended)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/camera_form.py" line="106" />
        <source>pyzbar</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/camera_form.py" line="108" />
        <source>Stop preview</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/camera_form.py" line="108" />
        <source>Preview</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/camera_form.py" line="110" />
        <source>Check camera</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/camera_form.py" line="117" />
        <source>Default (first camera; the demo camera in demo mode)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/camera_form.py" line="120" />
        <source>No camera (hand scanner only)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/camera_form.py" line="121" />
        <source>Video file…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/camera_form.py" line="142" />
        <source>Video file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/camera_form.py" line="142" />
        <source>Videos (*.avi *.mp4 *.mkv *.mov)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/camera_form.py" line="168" />
        <source>No camera is chosen.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/camera_form.py" line="210" />
        <source>Read: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CameraPage</name>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="162" />
        <source>Bench camera</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="164" />
        <source>Hold a parcel label under it in the preview: the code it reads shows below.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CameraView</name>
    <message>
        <location filename="../../station/ui/camera_view.py" line="65" />
        <source>No camera</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/camera_view.py" line="65" />
        <location filename="../../station/ui/camera_view.py" line="124" />
        <source>Starting camera…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/camera_view.py" line="121" />
        <source>Camera not available: %1. Reconnecting by itself; the hand scanner works.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/camera_view.py" line="122" />
        <source>no picture</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/camera_view.py" line="126" />
        <source>Camera stopped</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CentralForm</name>
    <message>
        <location filename="../../station/ui/setup/central_form.py" line="53" />
        <source>Work offline for now (no central service)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/central_form.py" line="56" />
        <source>Central service address</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/central_form.py" line="57" />
        <source>Enrolment code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/central_form.py" line="58" />
        <source>Station token (if issued)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/central_form.py" line="61" />
        <source>given by IT; the station registers with it</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/central_form.py" line="62" />
        <source>leave empty when using an enrolment code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/central_form.py" line="63" />
        <source>Test connection</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CentralPage</name>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="149" />
        <source>Central service</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="152" />
        <source>Verdicts and photos go there. Without it the station works offline and delivers everything once it is set.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CheckLine</name>
    <message>
        <location filename="../../station/ui/setup/form.py" line="33" />
        <source>Checking…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ChecklistView</name>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="109" />
        <source>Checklist</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="110" />
        <source>Scan a return parcel to start its checklist.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="113" />
        <source>Confirm the verdict</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="116" />
        <source>PASS or Enter accepts the proposed verdict; F2 overrides it; PgUp goes back.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="127" />
        <source>Step %1 of %2 · %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="134" />
        <source>Enter/PASS: all fine · Space/FAIL: problem · ↑↓ move · 1–9 pick</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/checklist_view.py" line="119" />
        <source>Still needed: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ClipExportDialog</name>
    <message>
        <location filename="../../station/ui/review/clip_export_dialog.py" line="37" />
        <source>Export clip %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/clip_export_dialog.py" line="42" />
        <source>Original, the whole take (byte for byte)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/clip_export_dialog.py" line="43" />
        <source>Taobao: the whole continuous take</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/clip_export_dialog.py" line="44" />
        <source>Shopee: excerpt, at most 30 MB and 60 s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/clip_export_dialog.py" line="45" />
        <source>Other platforms: excerpt, at most 100 MB and 180 s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/clip_export_dialog.py" line="61" />
        <source>An excerpt covers 5 s before to 10 s after each chapter ticked (the whole take if none is), cut to the platform's limits; a manifest of hashes ties it to the original.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/clip_export_dialog.py" line="70" />
        <source>Choose…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/clip_export_dialog.py" line="71" />
        <source>Export</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/clip_export_dialog.py" line="73" />
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/clip_export_dialog.py" line="75" />
        <source>For</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/clip_export_dialog.py" line="77" />
        <source>Around the chapters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/clip_export_dialog.py" line="80" />
        <location filename="../../station/ui/review/clip_export_dialog.py" line="112" />
        <source>Into the folder</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ClipPlayer</name>
    <message>
        <location filename="../../station/ui/review/clip_player.py" line="254" />
        <location filename="../../station/ui/review/clip_player.py" line="603" />
        <source>Play</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/clip_player.py" line="255" />
        <source>Space</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/clip_player.py" line="257" />
        <source>One frame back (, or ←)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/clip_player.py" line="261" />
        <source>One frame on (. or →)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/clip_player.py" line="267" />
        <source>Playing speed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/clip_player.py" line="271" />
        <source>Position in the clip</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/clip_player.py" line="278" />
        <source>Chapters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/clip_player.py" line="377" />
        <source>Clip %1 · %2 · %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/clip_player.py" line="395" />
        <source>Opening the clip…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/clip_player.py" line="426" />
        <source>This clip was removed from the station after its retention time; the central service keeps it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/clip_player.py" line="430" />
        <source>The clip's file is missing from this station.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/clip_player.py" line="458" />
        <source>Scan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/clip_player.py" line="459" />
        <source>Answer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/clip_player.py" line="460" />
        <source>Photo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/clip_player.py" line="461" />
        <source>Verdict</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/clip_player.py" line="462" />
        <source>Override</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/clip_player.py" line="463" />
        <source>Label</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/clip_player.py" line="464" />
        <source>Parked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/clip_player.py" line="465" />
        <source>Camera lost</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/clip_player.py" line="466" />
        <source>Camera back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/clip_player.py" line="515" />
        <source>This clip cannot be played: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/clip_player.py" line="518" />
        <source>A part of this clip cannot be shown: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/clip_player.py" line="536" />
        <source>Chapter %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/clip_player.py" line="597" />
        <source>Pause</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="61" />
        <source>Last 24 hours</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="61" />
        <source>Last 7 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="61" />
        <source>Last 30 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="71" />
        <source>Defect share from which a SKU or batch is an alert</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="75" />
        <source>Fewest returns before a share counts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="76" />
        <source>Reload</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="78" />
        <source>Export CSV</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="89" />
        <source>Batch / SKU</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="89" />
        <source>Returns</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="89" />
        <source>Defect claims</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="89" />
        <source>Share</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="93" />
        <source>Limit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="94" />
        <source>RMA no.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="95" />
        <source>Detail</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="96" />
        <source>Due</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="97" />
        <source>Left</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="102" />
        <source>Inspector</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="103" />
        <location filename="../../station/ui/review/dashboard_view.py" line="192" />
        <source>Inspections</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="104" />
        <source>Active hours</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="105" />
        <source>Per hour</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="113" />
        <source>Period</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="114" />
        <source>Alert from</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="115" />
        <source>of at least</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="134" />
        <location filename="../../station/ui/review/dashboard_view.py" line="287" />
        <source>Batch and SKU alerts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="135" />
        <source>Time limits: at risk first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="136" />
        <location filename="../../station/ui/review/dashboard_view.py" line="290" />
        <source>Inspections per active hour</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="194" />
        <source>%1 inspectors</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="197" />
        <source>Waiting for review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="199" />
        <location filename="../../station/ui/review/dashboard_view.py" line="205" />
        <source>%1 overdue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="203" />
        <source>Refunds to pay</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="210" />
        <source>Quality alerts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="212" />
        <source>batches: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="219" />
        <source>Inspections per hour by inspector</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="221" />
        <source>Inspections per day by inspector</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="222" />
        <source>Others</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="226" />
        <location filename="../../station/ui/review/dashboard_view.py" line="291" />
        <source>Grade mix</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="229" />
        <location filename="../../station/ui/review/dashboard_view.py" line="292" />
        <source>Dispositions</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="229" />
        <source>Items</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="237" />
        <source>Return reasons by category, requests of the last %1 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="254" />
        <source>Batch</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="268" />
        <source>Refund</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="268" />
        <source>Review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="273" />
        <source>%1 h late</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="275" />
        <source>%1 h</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="288" />
        <source>Time limits</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="289" />
        <source>Inspections per hour</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="293" />
        <source>Return reasons by category</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="294" />
        <source>Return reasons by SKU</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="295" />
        <source>Return reasons by batch</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="323" />
        <source>%1 rows saved to %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DecisionBanner</name>
    <message>
        <location filename="../../station/ui/decision_banner.py" line="33" />
        <source>Dismiss (Esc)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/decision_banner.py" line="62" />
        <source>%1 more waiting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/decision_banner.py" line="71" />
        <source>Supervisor's decision · %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/decision_banner.py" line="80" />
        <source>Supervisor %1 approved %2 as inspected: %3.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/decision_banner.py" line="88" />
        <source>Supervisor %1 changed %2 to %3. A corrected label is printing: put it on the item.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/decision_banner.py" line="92" />
        <source>Supervisor %1 changed %2 to %3.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/decision_banner.py" line="98" />
        <source>%1 Reason: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/decision_banner.py" line="103" />
        <source>grade</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/decision_banner.py" line="104" />
        <source>disposition</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/decision_banner.py" line="105" />
        <source>refund</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/decision_banner.py" line="106" />
        <source>responsibility</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/decision_banner.py" line="111" />
        <source>%1 %2 (was %3)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DecisionForm</name>
    <message>
        <location filename="../../station/ui/review/decision_form.py" line="35" />
        <source>Decision</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/decision_form.py" line="40" />
        <source>Reason (required): what the evidence shows, why the verdict stands or changes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/decision_form.py" line="46" />
        <source>(unchanged)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/decision_form.py" line="54" />
        <source>&amp;Approve verdict</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/decision_form.py" line="59" />
        <source>&amp;Overturn with these fields</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/decision_form.py" line="65" />
        <source>Alt+A approve · Alt+O overturn · Ctrl+Enter either</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/decision_form.py" line="72" />
        <source>Grade</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/decision_form.py" line="73" />
        <source>Disposition</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/decision_form.py" line="74" />
        <source>Responsibility</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/decision_form.py" line="75" />
        <source>Refund</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/decision_form.py" line="76" />
        <source>Amount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/decision_form.py" line="169" />
        <source>A decision needs a reason. Type it first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/decision_form.py" line="175" />
        <source>You changed fields: overturn (Alt+O), or set them back to approve.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/decision_form.py" line="180" />
        <source>Nothing is changed: approve (Alt+A) instead.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>EvidenceView</name>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="73" />
        <location filename="../../station/ui/review/evidence_view.py" line="270" />
        <source>Choose an item in the queue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="83" />
        <source>Unboxing clip (Space plays and pauses; , and . step one frame)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="87" />
        <source>Export clip for a platform…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="95" />
        <source>Proposal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="95" />
        <source>Verdict</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="95" />
        <source>Inspector's verdict</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="99" />
        <source>Grade</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="100" />
        <source>Disposition</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="101" />
        <source>Refund</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="102" />
        <source>Amount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="103" />
        <source>Responsibility</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="116" />
        <source>Question</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="116" />
        <source>Answer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="116" />
        <source>Meaning</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="123" />
        <source>Evidence pack (PDF)…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="125" />
        <source>Ctrl+E</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="133" />
        <source>Photos (Enter opens; C in the viewer compares)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="137" />
        <source>Proposal and verdict</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="141" />
        <source>Answers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="207" />
        <source>Inspector overrode the proposal: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="211" />
        <source>Rules fired:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="213" />
        <source>No rule fired.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="272" />
        <source>Unmatched parcel %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="274" />
        <source>Link it to its order on the Unmatched parcels tab (Ctrl+2).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="277" />
        <source>Event refused by the central service</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="283" />
        <source>Decided</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="285" />
        <source>Review overdue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="287" />
        <source>Waiting for review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="301" />
        <source>Item</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="302" />
        <source>Customer's claim</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="303" />
        <source>Category</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="304" />
        <source>Item amount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="305" />
        <source>Batch</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="306" />
        <source>Inspector</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="307" />
        <source>Completed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="308" />
        <source>Review due</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="309" />
        <source>Checklist</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="312" />
        <source>Photos at the central service</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="318" />
        <source>approved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="318" />
        <source>overturned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="320" />
        <source>Decision: %1 by %2 at %3 — %4</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="337" />
        <source>Overturned</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="337" />
        <source>Approved</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="339" />
        <source>%1: %2 — sent to the central service</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="371" />
        <source>Exporting the clip…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="377" />
        <source>Clip exported: %1 (manifest %2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="396" />
        <source>Exporting the clip… %1%</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="416" />
        <source>Writing the evidence pack…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="421" />
        <source>Evidence pack saved: %1 (%2 photos)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="264" />
        <source>Set up the returns-inspection station</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="265" />
        <source>Next</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="266" />
        <source>Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="267" />
        <source>Finish</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="268" />
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="313" />
        <source>Setting the station up…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="327" />
        <source>The station could not be set up: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>LanguagePage</name>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="102" />
        <source>Welcome · 欢迎</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="104" />
        <source>This bench PC becomes a returns-inspection station. Choose its language.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>LoginView</name>
    <message>
        <location filename="../../station/ui/login_view.py" line="39" />
        <source>Returns inspection station</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="40" />
        <source>Station %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="46" />
        <source>Scan your badge or type its number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="51" />
        <location filename="../../station/ui/login_view.py" line="58" />
        <source>PIN</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="53" />
        <source>Log in</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="58" />
        <source>Badge</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="73" />
        <source>Demo: inspector badge I1001, PIN 1234 · supervisor S9001, PIN 9999</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="95" />
        <source>Locked after inactivity. %1, log in again to continue.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="119" />
        <source>Scan or type your badge first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="123" />
        <source>Enter your PIN.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="127" />
        <source>Checking…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="142" />
        <source>Too many wrong PINs at this station: logins resume at %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="147" />
        <source>Badge locked until %1 after repeated wrong PINs.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="151" />
        <source>Wrong badge or PIN. %1 attempts left.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/login_view.py" line="155" />
        <source>Login failed: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../station/ui/main_window.py" line="87" />
        <source>Returns inspection · %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="143" />
        <source>Station %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="145" />
        <source>Offline</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="163" />
        <source>Log out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="164" />
        <location filename="../../station/ui/main_window.py" line="166" />
        <source>Review (F10)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="169" />
        <source>Settings (Ctrl+,)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="172" />
        <source>Settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="174" />
        <source>Sync now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="190" />
        <source>Log out (Ctrl+L)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="196" />
        <location filename="../../station/ui/main_window.py" line="536" />
        <source>Printer ready</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="260" />
        <source>Locked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="299" />
        <source>Only supervisors can open the review screens.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="341" />
        <source>Only admins can change the settings.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="423" />
        <source>Scanned %1: scans are read at the bench and in fields that ask for one.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="437" />
        <source>A scan was cut off before its end and not used: scan again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="443" />
        <source>Camera lost (%1). The hand scanner still works; the camera reconnects by itself.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="449" />
        <source>Camera back.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="464" />
        <source>Outbox: %1 waiting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="466" />
        <source> (oldest %1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="468" />
        <source> · %1 parked</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="475" />
        <source>%1 min</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="477" />
        <source>%1 h %2 min</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="490" />
        <source>No central service is configured.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="493" />
        <location filename="../../station/ui/main_window.py" line="499" />
        <source>Syncing…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="497" />
        <source>Offline (no central service)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="502" />
        <source>Online · synced %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="504" />
        <source>Connecting…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="506" />
        <source>Offline · retrying</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="510" />
        <source>never</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="513" />
        <source>Last successful sync: %1
%2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="518" />
        <source>%1 clips (%2 MB) to upload</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="524" />
        <source>Clock off by %1 s: check the PC's time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="538" />
        <source>Label printed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="540" />
        <source>Printer problem</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="544" />
        <source>Label not printed: %1. It stays queued and prints when the printer is back; PRINT reprints.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="548" />
        <source>Label cannot be printed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/main_window.py" line="558" />
        <source>Error: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>OrderCard</name>
    <message>
        <location filename="../../station/ui/order_card.py" line="46" />
        <source>Order no.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="47" />
        <source>Return parcel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="48" />
        <source>Customer's reason</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="49" />
        <source>Received by customer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="50" />
        <source>Customer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="91" />
        <source>Scan a return parcel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="93" />
        <source>RMA no., order no. or the return waybill's tracking no.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="116" />
        <source>Inspection %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="121" />
        <source>%1 days ago</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="136" />
        <source>asked %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="158" />
        <source>Parcel record %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="159" />
        <source>Unmatched parcel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="160" />
        <source>Unmatched</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="163" />
        <source>No order has this code. The parcel is received and kept for the central service to resolve: photograph it and print a holding label.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/order_card.py" line="173" />
        <source>Already recorded earlier; continuing that record.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <location filename="../../station/ui/override_dialog.py" line="56" />
        <source>Override the verdict</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/override_dialog.py" line="61" />
        <source>Proposed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/override_dialog.py" line="85" />
        <source>Optional; needed for Other</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/override_dialog.py" line="93" />
        <source>Reason (press its number)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/override_dialog.py" line="88" />
        <source>Grade</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/override_dialog.py" line="89" />
        <source>Disposition</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/override_dialog.py" line="90" />
        <source>Refund</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/override_dialog.py" line="91" />
        <source>Amount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/override_dialog.py" line="92" />
        <source>Responsibility</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/override_dialog.py" line="94" />
        <source>Words</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/override_dialog.py" line="223" />
        <source>An override needs a reason: press its number.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/override_dialog.py" line="220" />
        <source>Nothing was changed.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../../station/ui/photo_strip.py" line="70" />
        <source>Ctrl+%1 chooses this kind</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/photo_strip.py" line="172" />
        <source>Next photo: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/photo_strip.py" line="175" />
        <source>still needed: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <location filename="../../station/ui/photo_viewer.py" line="74" />
        <source>Photo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/photo_viewer.py" line="88" />
        <source>Wheel or +/− zoom · drag to pan · 0 fit · C compare · PgUp/PgDn previous/next · Esc close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/photo_viewer.py" line="120" />
        <source>none</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/photo_viewer.py" line="124" />
        <source>station %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/photo_viewer.py" line="127" />
        <source>sharpness %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/photo_viewer.py" line="128" />
        <source>quality flags: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PrinterForm</name>
    <message>
        <location filename="../../station/ui/setup/printer_form.py" line="62" />
        <source>Printer connection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/printer_form.py" line="63" />
        <source>Printer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/printer_form.py" line="64" />
        <source>Label size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/printer_form.py" line="65" />
        <source>Label language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/printer_form.py" line="71" />
        <source>Choose…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/printer_form.py" line="72" />
        <source>Check printer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/printer_form.py" line="73" />
        <source>Test print</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/printer_form.py" line="125" />
        <source>Label folder</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PrinterPage</name>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="180" />
        <source>Label printer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="181" />
        <source>A test print shows the station can reach it.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>QuestionRow</name>
    <message>
        <location filename="../../station/ui/question_row.py" line="88" />
        <source>Yes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/question_row.py" line="88" />
        <source>No</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/question_row.py" line="110" />
        <source>Should contain: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/question_row.py" line="113" />
        <source>Order says: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/question_row.py" line="150" />
        <source>Waiting for a scan…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/question_row.py" line="152" />
        <source>Matches: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/question_row.py" line="154" />
        <source>Does not match: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/question_row.py" line="160" />
        <source>%1 photo taken</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/question_row.py" line="162" />
        <source>Take a %1 photo</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="59" />
        <source>Time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="60" />
        <source>Why</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="61" />
        <source>RMA / code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="62" />
        <source>SKU</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="63" />
        <source>Category</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="64" />
        <source>Claim</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="65" />
        <source>Inspector</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="66" />
        <source>Station</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="67" />
        <source>Amount</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="68" />
        <source>Grade</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="69" />
        <source>Refund</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="72" />
        <source>Overridden</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="73" />
        <source>Refused</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="74" />
        <source>Partial</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="75" />
        <source>High value</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="76" />
        <source>Rule</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="77" />
        <source>Mismatch</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="78" />
        <source>Carrier claim</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="79" />
        <source>Unmatched</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="80" />
        <source>Sync refused</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="81" />
        <source>Decided</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/queue_model.py" line="82" />
        <source>Overturned</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <location filename="../../station/ui/review/queue_view.py" line="78" />
        <source>RMA, order, waybill no. or SKU (Ctrl+F)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/queue_view.py" line="81" />
        <source>Any reason</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/queue_view.py" line="84" />
        <source>All categories</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/queue_view.py" line="87" />
        <source>All claims</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/queue_view.py" line="90" />
        <source>All inspectors</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/queue_view.py" line="93" />
        <source>Any time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/queue_view.py" line="91" />
        <source>Last 24 hours</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/queue_view.py" line="91" />
        <source>Last 7 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/queue_view.py" line="91" />
        <source>Last 30 days</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/queue_view.py" line="95" />
        <source>Show decided</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/queue_view.py" line="96" />
        <source>All stations (central)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/queue_view.py" line="98" />
        <source>Reload</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/queue_view.py" line="99" />
        <source>F5</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/queue_view.py" line="222" />
        <source>Loading…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/queue_view.py" line="276" />
        <source>%1 to review</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RecordingForm</name>
    <message>
        <location filename="../../station/ui/setup/recording_form.py" line="78" />
        <source>Record unboxing clips</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/recording_form.py" line="79" />
        <source>Quality</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/recording_form.py" line="80" />
        <source>Seconds before the scan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/recording_form.py" line="81" />
        <source>Band with parcel and time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/recording_form.py" line="82" />
        <source>Keep clips (days)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/recording_form.py" line="83" />
        <source>Longer for categories</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/recording_form.py" line="84" />
        <source>Free disk to keep (GB)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/recording_form.py" line="85" />
        <source>Upload cap (kbit/s, 0 = none)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/recording_form.py" line="88" />
        <source>From the parcel's scan to its verdict</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/recording_form.py" line="91" />
        <source>Low (about 1.5 Mbit/s)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/recording_form.py" line="92" />
        <source>Standard (about 2.5 Mbit/s)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/recording_form.py" line="93" />
        <source>High (about 3 Mbit/s)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/recording_form.py" line="97" />
        <source>At the bottom</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/recording_form.py" line="97" />
        <source>At the top</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/recording_form.py" line="101" />
        <source>A clip is never deleted before the central service has it, nor while it is on hold for a dispute or its verdict was overridden or overturned. Below the free disk to keep, no clip is recorded; a warning comes at twice that.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RecordingIndicator</name>
    <message>
        <location filename="../../station/ui/recording_indicator.py" line="37" />
        <source>Disk full (%1 GB free): no clips are recorded. Sync, then free space.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/recording_indicator.py" line="40" />
        <source>Disk low: %1 GB free for clips</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/recording_indicator.py" line="43" />
        <source>A clip could not be filed; it is kept for the next start</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/recording_indicator.py" line="48" />
        <source>● REC</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ReviewErrors</name>
    <message>
        <location filename="../../station/ui/review/errors.py" line="20" />
        <source>Central service: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/errors.py" line="24" />
        <source>Something went wrong: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="135" />
        <source>Settings · %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="138" />
        <source>Station</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="139" />
        <source>Central service</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="140" />
        <source>Camera</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="141" />
        <source>Printer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="142" />
        <source>Recording</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="143" />
        <source>Support</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="148" />
        <source>Save anyway</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="148" />
        <source>Save</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="150" />
        <source>Close</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="150" />
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="151" />
        <source>Restart now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="154" />
        <source>A support bundle holds the logs, the settings without their secrets, the database's integrity check and versions. It holds no PINs, tokens, photos or customer data.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="159" />
        <source>Export support bundle…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="160" />
        <source>Run the first-run wizard again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="161" />
        <source>Settings file: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="190" />
        <source>Nothing has changed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="198" />
        <location filename="../../station/ui/setup/settings_dialog.py" line="296" />
        <source>Could not save: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="242" />
        <source>Checking the service and devices…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="255" />
        <source>Not saved yet:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="259" />
        <source>Fix them, or save anyway if the device is only unplugged for now.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="283" />
        <source>Saved. The station uses the new %1 after a restart.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="288" />
        <source>Saved.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="312" />
        <source>Not saved: some values cannot be used; they are marked.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="317" />
        <source>station id</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="318" />
        <source>language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="319" />
        <source>data folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="320" />
        <location filename="../../station/ui/setup/settings_dialog.py" line="321" />
        <location filename="../../station/ui/setup/settings_dialog.py" line="322" />
        <source>central service</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="323" />
        <location filename="../../station/ui/setup/settings_dialog.py" line="324" />
        <location filename="../../station/ui/setup/settings_dialog.py" line="325" />
        <source>camera</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="326" />
        <source>decoder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="327" />
        <source>printer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="328" />
        <source>label size</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="329" />
        <source>label language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="332" />
        <source>recording settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="353" />
        <source>Export support bundle</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="359" />
        <source>Writing the support bundle…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="366" />
        <source>Written: %1 (%2 KB). Database check: %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/settings_dialog.py" line="376" />
        <source>Could not write the support bundle: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SetupForm</name>
    <message>
        <location filename="../../station/ui/setup/form.py" line="131" />
        <source>Set by the environment variable %1; change it there.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SetupMessages</name>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="15" />
        <source>Connected: the central service accepts this station.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="18" />
        <source>The camera works.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="19" />
        <source>The printer is ready.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="22" />
        <source>This is not a service address.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="25" />
        <source>This is not a camera setting.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="26" />
        <source>This is not a printer setting.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="31" />
        <source>Nothing answers at this address. Check the address and the network.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="37" />
        <source>Something answers at this address, but it is not a central service.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="43" />
        <source>The service answers, but the station has no token or enrolment code for it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="49" />
        <source>The service refused the token or enrolment code.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="54" />
        <source>No such camera: is it plugged in?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="57" />
        <source>No such printer: is it switched on and connected?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="62" />
        <source>The camera is there but gives no picture.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="65" />
        <source>The printer is there but cannot print now.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="70" />
        <source>The check failed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="79" />
        <source>2–20 capital letters, digits or '-', e.g. ST-HZ01.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="82" />
        <source>An http:// or https:// address, e.g. http://central:8765.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="85" />
        <source>Choose a camera from the list, a video file, or no camera.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="88" />
        <source>Choose a printer: CUPS queue, ZPL printer, system printer or folder.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="91" />
        <source>Between 1 and 240 minutes.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/messages.py" line="94" />
        <source>A folder the station can write to.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../station/ui/application.py" line="55" />
        <source>The station cannot start</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StationForm</name>
    <message>
        <location filename="../../station/ui/setup/station_form.py" line="64" />
        <source>Station id</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/station_form.py" line="65" />
        <source>Language</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/station_form.py" line="66" />
        <source>Lock after idle (minutes)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/station_form.py" line="67" />
        <location filename="../../station/ui/setup/station_form.py" line="84" />
        <source>Data folder</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/station_form.py" line="71" />
        <source>中文（简体）</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/station_form.py" line="71" />
        <source>English</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/station_form.py" line="71" />
        <source>Follow the system</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/station_form.py" line="74" />
        <source>Choose…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/station_form.py" line="77" />
        <source>The database, photos and logs live here. A new folder starts empty: move the old one's contents there first, or its users come from the central service.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StationPage</name>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="133" />
        <source>This station</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/setup/first_run_wizard.py" line="136" />
        <source>Its id appears on labels and in every record. Data is kept in %1.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SupervisorPanel</name>
    <message>
        <location filename="../../station/ui/review/supervisor_panel.py" line="62" />
        <source>Only supervisors and admins can review inspections.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/supervisor_panel.py" line="83" />
        <source>Review queue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/supervisor_panel.py" line="84" />
        <source>Unmatched parcels</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/supervisor_panel.py" line="85" />
        <source>Dashboard</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>UnmatchedView</name>
    <message>
        <location filename="../../station/ui/review/unmatched_view.py" line="40" />
        <source>Code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/unmatched_view.py" line="41" />
        <source>Received</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/unmatched_view.py" line="42" />
        <source>Station</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/unmatched_view.py" line="43" />
        <source>Received by</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/unmatched_view.py" line="44" />
        <source>Photos</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/unmatched_view.py" line="45" />
        <source>Linked to</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/unmatched_view.py" line="55" />
        <source>Show linked parcels</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/unmatched_view.py" line="57" />
        <source>Reload</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/unmatched_view.py" line="63" />
        <source>Scan or type the order's RMA, order or waybill no.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/unmatched_view.py" line="65" />
        <source>&amp;Link to order</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/unmatched_view.py" line="68" />
        <source>After linking, scan the order at a bench: its inspection starts as usual and the parcel's photos stay on record with it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/unmatched_view.py" line="143" />
        <source>Scan or type the order's number first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/unmatched_view.py" line="152" />
        <source>%1 linked to %2. Scan %2 at a bench to inspect it.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>VerdictPanel</name>
    <message>
        <location filename="../../station/ui/verdict_panel.py" line="24" />
        <source>Proposed verdict</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/verdict_panel.py" line="73" />
        <source>Responsibility: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/verdict_panel.py" line="77" />
        <source>Carrier claim</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/verdict_panel.py" line="79" />
        <source>Supervisor review</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/verdict_panel.py" line="84" />
        <source>%1 questions to answer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/verdict_panel.py" line="87" />
        <source>photos: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/verdict_panel.py" line="89" />
        <source>Still needed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/verdict_panel.py" line="91" />
        <source>Complete. PASS or Enter accepts; F2 overrides.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../station/ui/review/dashboard_view.py" line="319" />
        <source>Export CSV</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../station/ui/review/evidence_view.py" line="409" />
        <source>Save the evidence pack</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>
