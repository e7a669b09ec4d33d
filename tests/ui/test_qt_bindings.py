"""The Qt bindings must not eat references to None/True/False (PySide6 6.12.0 on Python 3.11 did: every call of a
method returning nothing took one reference from None, and the kiosk aborted with 'Fatal Python error:
none_dealloc' after about 2,000 keys at the entry table). Python 3.12 made these objects immortal; Debian 12 has 3.11.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QCheckBox, QLabel


def test_qt_calls_do_not_take_references_from_none_or_true(qapp: QApplication) -> None:
    label, box = QLabel(), QCheckBox()
    calls = 5_000
    none_before, false_before = sys.getrefcount(None), sys.getrefcount(False)
    for n in range(calls):
        label.setText(str(n))  # returns None
        box.isChecked()  # returns False
    lost_none = none_before - sys.getrefcount(None)
    lost_false = false_before - sys.getrefcount(False)
    # other code may move a few references; a leak loses one a call
    assert lost_none < calls // 10, f"{lost_none} references to None lost in {calls} calls"
    assert lost_false < calls // 10, f"{lost_false} references to False lost in {calls} calls"
