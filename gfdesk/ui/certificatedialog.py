"""Asking the player whether to trust a LAN hub's certificate.

A LAN hub makes its own certificate and prints its fingerprint on the host's screen.
The first time the app meets it, ``CertificateDialog`` shows the same fingerprint,
large and in groups, for the player to compare, and the app pins it only if they say
it matches. A certificate that differs from the one pinned for that address gets a
warning instead: someone may be pretending to be the hub; trusting it needs a
deliberate second choice.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gfdesk import bridge
from gfdesk.core.tlspin import Assessment, Trust

#: The dialog may stay open as long as the player needs to walk to the host's screen.
ANSWER_TIMEOUT_S = 3600.0


def grouped(fingerprint: str) -> str:
    """The fingerprint in two lines of 16 bytes, as easier to compare than one."""
    parts = fingerprint.split(":")
    return "\n".join(":".join(parts[i:i + 16]) for i in range(0, len(parts), 16))


def _plain(text: str, parent: QWidget, object_name: str) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setObjectName(object_name)
    return label


class CertificateDialog(QDialog):
    """Shows a hub's certificate fingerprint and asks whether it matches the host's.

    Signals: those of ``QDialog`` (``finished(int)``: ``Accepted`` means trust it).
    """

    def __init__(self, assessment: Assessment, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert assessment.seen is not None
        seen = assessment.seen
        changed = assessment.trust is Trust.CHANGED
        self.setObjectName("certificateDialog")
        self.setWindowTitle(self.tr("Certificate changed") if changed
                            else self.tr("Check the hub's fingerprint"))
        layout = QVBoxLayout(self)
        if changed:
            pinned = assessment.pinned.fingerprint if assessment.pinned else "?"
            intro = self.tr("The hub at {address} presents a different certificate than "
                            "the one you trusted before. Someone on this network may be "
                            "pretending to be the hub to read your password and messages. "
                            "Do not continue unless the host has made a new hub and its "
                            "screen shows the new fingerprint below.\n\nTrusted before:\n"
                            "{pinned}\n\nPresented now:").format(address=seen.address,
                                                                 pinned=grouped(pinned))
        else:
            intro = self.tr("First connection to the hub at {address}. Compare this "
                            "fingerprint with the one on the host's screen (the line \"TLS "
                            "fingerprint\" where the hub runs). Trust it only if they are "
                            "the same.").format(address=seen.address)
        layout.addWidget(_plain(intro, self, "certificateIntro"))
        shown = _plain(grouped(seen.fingerprint), self, "certificateFingerprint")
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setWeight(QFont.Weight.DemiBold)
        shown.setFont(font)
        layout.addWidget(shown)
        buttons = QDialogButtonBox(self)
        trust = QPushButton(self.tr("Trust the new certificate") if changed
                            else self.tr("They match: trust"),
                            self)
        trust.setObjectName("trustCertificateButton")
        cancel = QPushButton(self.tr("Do not connect"), self)
        cancel.setObjectName("refuseCertificateButton")
        cancel.setDefault(True)  # the safe answer is the one Enter gives
        buttons.addButton(trust, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


async def ask_to_trust(assessment: Assessment, parent: QWidget | None) -> bool:
    """Show a ``CertificateDialog`` and wait for the player's answer.

    Returns:
        Whether the player trusts the certificate.
    """
    dialog = CertificateDialog(assessment, parent)
    dialog.open()
    try:
        (result,) = await bridge.next_emit(dialog.finished, ANSWER_TIMEOUT_S)
    except TimeoutError:
        dialog.reject()
        return False
    finally:
        dialog.deleteLater()
    return int(result) == QDialog.DialogCode.Accepted.value
