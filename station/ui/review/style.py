"""The supervisor panel's look: a desk screen used with mouse and keyboard, so denser than the
bench, in the station's colours."""

STYLESHEET = """
QWidget#supervisorPanel { background: #eef0f3; }
QWidget#supervisorPanel QPushButton {
    font-size: 11pt; padding: 5px 14px; min-height: 22px;
}
QWidget#supervisorPanel QPushButton#secondaryButton,
QWidget#supervisorPanel QToolButton#exportButton {
    background: white; color: #1f6feb; border: 1px solid #1f6feb; border-radius: 6px;
    font-size: 11pt; padding: 5px 14px;
}
QWidget#supervisorPanel QToolButton#exportButton { padding-right: 30px; }
QWidget#supervisorPanel QToolButton#exportButton::menu-indicator {
    subcontrol-origin: padding; subcontrol-position: center right; right: 10px;
}
QWidget#supervisorPanel QPushButton#overturnButton { background: #b54708; border-color: #b54708; }
QWidget#supervisorPanel QLineEdit { font-size: 12pt; padding: 4px 8px; border-width: 1px; }
QWidget#supervisorPanel QLineEdit#decisionReason { border: 2px solid #9aa4b2; }
QWidget#supervisorPanel QLineEdit#decisionReason:focus { border-color: #1f6feb; }
QWidget#supervisorPanel QComboBox, QWidget#supervisorPanel QSpinBox,
QWidget#supervisorPanel QDoubleSpinBox { font-size: 11pt; padding: 3px 6px; min-height: 22px; }
QTabWidget#supervisorTabs::pane { border: none; }
QTabWidget#supervisorTabs QTabBar::tab {
    font-size: 12pt; padding: 8px 18px; background: #dfe3e8; color: #344054;
    border-top-left-radius: 6px; border-top-right-radius: 6px; margin-right: 2px;
}
QTabWidget#supervisorTabs QTabBar::tab:selected {
    background: white; color: #1d2430; font-weight: 700;
}
QTableView, QTableWidget {
    background: white; alternate-background-color: #f7f8fa; gridline-color: #e4e7ec;
    selection-background-color: #1f6feb; selection-color: white; font-size: 11pt;
}
QHeaderView::section {
    background: #f2f4f7; color: #344054; padding: 4px 6px; border: none;
    border-bottom: 1px solid #d0d5dd; font-weight: 600;
}
QLabel#evidenceTitle { font-size: 16pt; font-weight: 700; }
QLabel#evidenceFacts { font-size: 11pt; color: #1d2430; }
QLabel#sectionHeading { font-size: 11pt; font-weight: 700; color: #344054; margin-top: 6px; }
QLabel#statusBadge { font-size: 11pt; padding: 3px 10px; border-radius: 10px; }
QLabel#statusBadge[tone="ok"] { background: #e3f4e8; color: #14532d; }
QLabel#statusBadge[tone="warn"] { background: #fff1d6; color: #7a4d00; }
QLabel#statusBadge[tone="error"] { background: #fde2e1; color: #8f1d14; }
QLabel#overrideNote {
    background: #fff1d6; color: #7a4d00; padding: 6px 8px; border-radius: 6px; font-size: 11pt;
}
QLabel#rulesFired { color: #344054; font-size: 11pt; }
QLabel#decisionNote { color: #14532d; font-weight: 600; }
QLabel#formProblem { color: #b42318; font-size: 11pt; }
QLabel#queueCount { color: #475467; font-size: 11pt; }
QFrame#decisionForm {
    background: white; border: 1px solid #d0d5dd; border-radius: 10px;
}
QLabel#dashTile {
    background: white; border: 1px solid #d0d5dd; border-radius: 10px; padding: 8px;
}
QLabel#dashTile[tone="error"] { border: 2px solid #d64545; }
QLabel#dashTile[tone="ok"] { border: 1px solid #75c096; }
QListWidget#evidenceThumbs { background: white; border: 1px solid #d0d5dd; border-radius: 6px; }
QChartView { background: white; border: 1px solid #d0d5dd; border-radius: 8px; }
QLabel#lockedNotice { font-size: 15pt; color: #8a5a00; }
"""
