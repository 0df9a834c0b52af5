"""The station's look: high contrast, large type and targets for a standing, gloved user."""

STYLESHEET = """
QMainWindow, QWidget#benchView, QWidget#loginView { background: #eef0f3; }
QLabel { color: #1d2430; }
QLineEdit {
    font-size: 16pt; padding: 8px 10px; border: 2px solid #9aa4b2; border-radius: 6px;
    background: white;
}
QLineEdit:focus { border-color: #1f6feb; }
QPushButton {
    font-size: 14pt; padding: 10px 22px; border-radius: 6px; border: 1px solid #1f6feb;
    background: #1f6feb; color: white; min-height: 28px;
}
QPushButton:disabled { background: #9aa4b2; border-color: #9aa4b2; }
QWidget#loginPanel {
    background: white; border: 1px solid #d0d5dd; border-radius: 10px; padding: 18px;
}
QLabel#loginTitle { font-size: 26pt; font-weight: 700; }
QLabel#lockedNotice { color: #8a5a00; font-size: 13pt; }
QLabel#loginMessage[tone="error"] { color: #b42318; font-size: 13pt; }
QLabel#demoHint { color: #667085; }
QLabel#scanCaption { font-size: 15pt; font-weight: 600; }
QLineEdit#scanField { font-size: 18pt; border-width: 3px; }
QLabel#noticeBar {
    font-size: 16pt; font-weight: 600; padding: 6px 12px; border-radius: 6px;
    background: #e8eefc; color: #1d2430;
}
QLabel#noticeBar[tone="ok"] { background: #1f8a4c; color: white; }
QLabel#noticeBar[tone="warn"] { background: #c27803; color: white; }
QLabel#noticeBar[tone="error"] { background: #c4320a; color: white; }
QLabel#noticeBar[tone="info"] { background: #1f5fbf; color: white; }
QFrame#decisionBanner {
    background: #eef3fd; border: 2px solid #1f5fbf; border-left-width: 10px; border-radius: 8px;
}
QFrame#decisionBanner[tone="ok"] { background: #ecf8f0; border-color: #1f8a4c; }
QFrame#decisionBanner[tone="warn"] { background: #fff4e0; border-color: #c27803; }
QLabel#decisionTitle { font-size: 12pt; font-weight: 700; color: #475467; }
QLabel#decisionWaiting {
    font-size: 12pt; font-weight: 700; color: white; background: #475467; border-radius: 8px;
    padding: 1px 8px;
}
QLabel#decisionText { font-size: 15pt; font-weight: 600; color: #1d2430; }
QPushButton#dismissButton {
    font-size: 12pt; padding: 3px 12px; min-height: 20px; background: white; color: #1d2430;
    border: 1px solid #98a2b3;
}
QLabel#keyLegend {
    font-size: 13pt; color: #1d2430; background: white; border: 1px solid #d0d5dd;
    border-radius: 8px; padding: 6px 8px;
}
QLabel#inspectionLine { font-family: monospace; font-size: 9pt; color: #475467; }
QFrame#orderCard {
    background: white; border: 1px solid #d0d5dd; border-radius: 10px; padding: 10px;
}
QFrame#orderCard[tone="unmatched"] { border: 3px solid #e59a1a; }
QLabel#cardHeading { font-size: 19pt; font-weight: 700; }
QLabel#stateBadge {
    font-size: 12pt; padding: 3px 10px; border-radius: 10px; background: #e8eefc;
    color: #1f3d7a;
}
QLabel#windowLine { font-size: 13pt; padding: 2px 8px; border-radius: 6px; }
QLabel#windowLine[tone="ok"] { background: #e3f4e8; color: #14532d; }
QLabel#windowLine[tone="warn"] { background: #fff1d6; color: #7a4d00; }
QLabel#windowLine[tone="error"] { background: #fde2e1; color: #8f1d14; }
QLabel#fieldCaption { color: #667085; }
QLabel#linesList { font-size: 13pt; }
QLabel#cardNotice { color: #8a5a00; font-size: 13pt; }
QFrame[role="placeholder"] {
    background: #f8f9fb; border: 2px dashed #c3c9d3; border-radius: 10px; color: #98a2b3;
}
QFrame#cameraArea { background: #1d2430; border: none; }
QFrame#cameraArea QLabel { color: #98a2b3; font-size: 16pt; }
QStatusBar { background: #1d2430; color: #e4e7ec; font-size: 12pt; }
QStatusBar QLabel { color: #e4e7ec; padding: 2px 10px; font-size: 12pt; }
QStatusBar QPushButton { font-size: 11pt; padding: 2px 12px; min-height: 18px; }
QLabel#syncState { color: #fdb022; }
QLabel#syncState[tone="ok"] { color: #75e0a7; }
QLabel#syncState[tone="info"] { color: #84caff; }
QScrollArea#panelScroll, QWidget#checklistRows, QWidget#cardBody, QWidget#verdictDetails {
    background: transparent;
}
QFrame#checklistView, QFrame#verdictPanel {
    background: white; border: 1px solid #d0d5dd; border-radius: 10px; padding: 8px;
}
QFrame#checklistView:focus { border: 2px solid #1f6feb; }
QLabel#stepHeading { font-size: 16pt; font-weight: 700; }
QLabel#stepHint { color: #344054; font-size: 13pt; }
QFrame#questionRow { border: 1px solid #e4e7ec; border-radius: 8px; background: #fcfcfd; }
QFrame#questionRow[current="true"] { border: 2px solid #1f6feb; }
QFrame#questionRow[tone="ok"] { background: #f3fbf5; }
QFrame#questionRow[tone="bad"] { background: #fff4f3; border-color: #f04438; }
QLabel#questionNumber {
    font-size: 14pt; font-weight: 700; color: white; background: #475467;
    border-radius: 12px; min-width: 24px; max-width: 24px; qproperty-alignment: AlignCenter;
}
QLabel#questionText { font-size: 14pt; }
QLabel#questionDetail { color: #475467; }
QLabel#questionStatus { font-size: 12pt; color: #475467; }
QPushButton#answerButton {
    font-size: 13pt; padding: 8px 16px; background: white; color: #1d2430;
    border: 1px solid #98a2b3; min-width: 64px;
}
QPushButton#answerButton:checked[tone="ok"] {
    background: #2e9e5b; color: white; border-color: #2e9e5b;
}
QPushButton#answerButton:checked[tone="bad"] {
    background: #d64545; color: white; border-color: #d64545;
}
QLabel#gradeBadge { font-size: 22pt; font-weight: 800; border-radius: 8px; padding: 4px 8px; }
QLabel#gradeBadge[tone="ok"] { background: #e3f4e8; color: #14532d; }
QLabel#gradeBadge[tone="info"] { background: #e8eefc; color: #1f3d7a; }
QLabel#gradeBadge[tone="warn"] { background: #fff1d6; color: #7a4d00; }
QLabel#gradeBadge[tone="bad"] { background: #fde2e1; color: #8f1d14; }
QLabel#verdictLine { font-size: 14pt; font-weight: 600; }
QLabel#verdictLine[tone="ok"] { color: #14532d; }
QLabel#verdictLine[tone="warn"] { color: #7a4d00; }
QLabel#verdictLine[tone="bad"] { color: #8f1d14; }
QLabel#verdictFlags { color: #b54708; font-weight: 600; }
QLabel#verdictReasons { color: #344054; }
QLabel#verdictMissing[tone="warn"] { color: #7a4d00; }
QLabel#verdictMissing[tone="ok"] { color: #14532d; }
QPushButton#overrideButton { background: white; color: #1f6feb; }
QPushButton#kindButton {
    font-size: 11pt; padding: 4px 8px; min-height: 20px; background: white; color: #344054;
    border: 1px solid #c3c9d3;
}
QPushButton#kindButton:checked { background: #1f6feb; color: white; border-color: #1f6feb; }
QFrame#photoStrip { background: white; border: 1px solid #d0d5dd; border-radius: 10px; }
QLabel#stripCaption { color: #475467; font-size: 11pt; }
QListWidget#thumbnails { border: none; background: transparent; font-size: 10pt; }
QLabel#printerState[tone="ok"] { color: #75e0a7; }
QLabel#printerState[tone="warn"] { color: #fdb022; }
QLabel#recordingState[tone="rec"] { color: #f97066; font-weight: 600; }
QLabel#recordingState[tone="error"] { color: #fdb022; font-weight: 600; }
QPushButton#secondaryButton { background: white; color: #1f6feb; }
QPushButton#secondaryButton:disabled { background: white; color: #9aa4b2; border-color: #c4cad3; }
QDialog#settingsDialog QComboBox, QDialog#settingsDialog QSpinBox,
QDialog#settingsDialog QDoubleSpinBox,
QWizard#firstRunWizard QComboBox, QWizard#firstRunWizard QSpinBox {
    font-size: 14pt; padding: 6px 8px; min-height: 30px;
}
QLabel#checkLine[tone="ok"], QLabel#settingsMessage[tone="ok"] { color: #14532d; }
QLabel#checkLine[tone="error"], QLabel#settingsMessage[tone="error"] { color: #b42318; }
QLabel#checkLine[tone="warn"], QLabel#settingsMessage[tone="warn"] { color: #7a4d00; }
QLabel#checkLine[tone="info"], QLabel#settingsMessage[tone="info"] { color: #475467; }
QLabel#fieldProblem { color: #b42318; }
QLabel#setupHint { color: #475467; }
"""
