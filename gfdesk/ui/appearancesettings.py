"""The Appearance page of the settings dialog: the theme (Dark, Light, or System, which
follows the OS colour scheme), applied to the running app at once and saved to the
settings file's ``[appearance]`` table (``config.save_theme``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from gfdesk.config import ConfigError, read_theme, save_theme
from gfdesk.kit.palettes import ThemeName
from gfdesk.log import ui as log
from gfdesk.ui import theme


class AppearancePage(QWidget):
    """Settings > Appearance: the theme choice.

    Args:
        config_file: the settings file the choice is saved to.
        parent: the owner.
    """

    def __init__(self, config_file: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("appearancePage")
        self._config_file = config_file
        self.theme_choice = QComboBox(self)
        self.theme_choice.setObjectName("themeChoice")
        self.theme_choice.addItem(self.tr("Dark"), ThemeName.DARK.value)
        self.theme_choice.addItem(self.tr("Light"), ThemeName.LIGHT.value)
        self.theme_choice.addItem(self.tr("System (follow the OS colour scheme)"),
                                  ThemeName.SYSTEM.value)
        self.theme_choice.setAccessibleName(self.tr("Theme"))
        self.theme_choice.setCurrentIndex(
            max(0, self.theme_choice.findData(read_theme(config_file))))
        self.theme_choice.currentIndexChanged.connect(self._on_theme_chosen)
        self.feedback = QLabel(self)
        self.feedback.setObjectName("appearanceFeedback")
        self.feedback.setTextFormat(Qt.TextFormat.PlainText)
        self.feedback.setWordWrap(True)
        self.feedback.hide()
        note = QLabel(self.tr("The theme applies at once and is kept for the next start."),
                      self)
        note.setObjectName("settingsNote")
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Theme"), self.theme_choice)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 16, 4, 4)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.feedback)
        layout.addStretch(1)

    def chosen(self) -> ThemeName:
        """The theme picked in the list."""
        return ThemeName(self.theme_choice.currentData())

    def _on_theme_chosen(self, _index: int) -> None:
        choice = self.chosen()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply(app, choice)
        try:
            save_theme(self._config_file, choice.value)
        except ConfigError as exc:
            log.warning("theme not saved: %s", exc)
            self.feedback.setProperty("kind", "error")
            self.feedback.setText(self.tr("Applied, but not saved: %s") % exc.shown())
            self.feedback.show()
            return
        self.feedback.hide()
