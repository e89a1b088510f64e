"""The Settings dialog: your profile (display name, picture), which backend is in use,
adding a backend profile, calls (devices, STUN and TURN: ``callsettings``), diagnostics,
about.

Profiles are written to the settings file with ``gfdesk.config.add_profile``; the app
keeps the backend it started with, so a new profile takes effect on the next start
(``gfdesk --profile NAME``). Anon keys are public client keys, but they are still
never shown in full: only their first characters, enough to tell two apart.
"""

from __future__ import annotations

import platform
from pathlib import Path
from urllib.parse import urlsplit

import PySide6
from PySide6.QtCore import (
    QCoreApplication,
    QSysInfo,
    Qt,
    QUrl,
    Signal,
    qVersion,
)
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

import gfdesk
from gfdesk.config import AppConfig, ConfigError, Profile, add_profile, problem_text
from gfdesk.core.hubdiscovery import DiscoveredHub
from gfdesk.core.profile import OwnProfile, check_profile
from gfdesk.i18nmark import QT_TRANSLATE_NOOP
from gfdesk.kit import icons
from gfdesk.kit.avatarlabel import AvatarLabel
from gfdesk.kit.avatarstore import AvatarStore
from gfdesk.kit.restyle import repolish
from gfdesk.ui import theme
from gfdesk.ui.appearancesettings import AppearancePage
from gfdesk.ui.callsettings import CallsPage
from gfdesk.ui.desktopsettings import DesktopPage
from gfdesk.ui.hubfinder import HubFinderView
from gfdesk.ui.keycheck import key_problem
from gfdesk.ui.languagepage import LanguagePage
from gfdesk.ui.scrollingtabs import ScrollingTabWidget

TITLE = QT_TRANSLATE_NOOP("SettingsDialog", "Settings")
KEY_PREFIX = 8
DEMO_BACKEND = QT_TRANSLATE_NOOP("SettingsDialog", "Embedded demo hub")
LOGO_SIZE = 88
DEFAULT_SIZE = (960, 720)  # wide enough for every tab title in English and German
PROFILE_LIST_HEIGHT = 96
URL_PLACEHOLDER = QT_TRANSLATE_NOOP(
    "SettingsDialog", "https://<project>.supabase.co or http://192.168.1.20:54321")


def mask_key(key: str | None) -> str:
    """The first characters of ``key`` and an ellipsis, never the whole key.

    >>> mask_key("eyJhbGciOiJIUzI1NiJ9.payload.signature")
    'eyJhbGci…'
    """
    if not key:
        return "—"
    # A short key would be shown whole by its first 8 characters: show half of it.
    return key[: min(KEY_PREFIX, len(key) // 2)] + "…"


def describe_backend(profile: Profile) -> str:
    """Where ``profile`` connects: the demo hub or its URL."""
    return (QCoreApplication.translate("SettingsDialog", DEMO_BACKEND) if profile.is_demo
            else str(profile.url))


def _plain_label(text: str, parent: QWidget, object_name: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if object_name:
        label.setObjectName(object_name)
    return label


def _line_edit(parent: QWidget, object_name: str, placeholder: str) -> QLineEdit:
    field = QLineEdit(parent)
    field.setObjectName(object_name)
    field.setPlaceholderText(placeholder)
    return field


class SettingsDialog(QDialog):
    """Profile (when signed in), Backend, Calls, Diagnostics and About tabs.

    Args:
        account: who is signed in, shown with a "Sign out" button; None with
            ``can_sign_in`` shows "Not signed in" and a "Sign in" button.
        profile: the signed-in user's profile (the Profile tab edits it).
        avatars: pictures for the profile preview.

    Signals:
        sign_out_requested(): the user pressed "Sign out" (the dialog then closes).
        sign_in_requested(): the user pressed "Sign in" (the dialog then closes).
        profile_save_requested(str, str): save this display name and picture URL
            (already checked; answer with ``show_profile_result``).
    """

    sign_out_requested = Signal()
    sign_in_requested = Signal()
    profile_save_requested = Signal(str, str)

    def __init__(self, config: AppConfig, log_file: Path | None,
                 parent: QWidget | None = None, *, account: str | None = None,
                 can_sign_in: bool = False, profile: OwnProfile | None = None,
                 avatars: AvatarStore | None = None) -> None:
        self._account = account
        self._can_sign_in = can_sign_in
        self._avatars = avatars
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr(TITLE))
        self.setMinimumSize(600, 640)
        self.resize(*DEFAULT_SIZE)
        self._config_file = config.paths.config_file
        self._log_file = log_file

        self._tabs = tabs = ScrollingTabWidget(self)
        tabs.setObjectName("settingsTabs")
        tabs.setDocumentMode(True)
        tabs.tabBar().setDrawBase(False)
        if profile is not None:
            tabs.addTab(self._profile_tab(profile), self.tr("Profile"))
        tabs.addTab(self._backend_tab(config), self.tr("Backend"))
        tabs.addTab(CallsPage(config.paths.config_file, parent=self), self.tr("Calls"))
        tabs.addTab(DesktopPage.for_dialog(self, config.paths.config_file), self.tr("Desktop"))
        tabs.addTab(AppearancePage(config.paths.config_file, parent=self), self.tr("Appearance"))
        tabs.addTab(LanguagePage(config.paths.config_file, parent=self), self.tr("Language"))
        tabs.addTab(self._diagnostics_tab(config), self.tr("Diagnostics"))
        tabs.addTab(self._about_tab(), self.tr("About"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        # Enter in the profile form adds the profile; it must not also close the
        # dialog through a default button (Escape still closes it).
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.setSpacing(12)
        layout.addWidget(tabs, 1)
        layout.addWidget(buttons)

    def show_tab(self, title: str) -> None:
        """Bring the tab titled ``title`` ("Profile", "Backend", "Calls", "Diagnostics",
        "About") to the front.

        Raises:
            KeyError: there is no such tab.
        """
        for index in range(self._tabs.count()):
            if self._tabs.tabText(index) == title:
                self._tabs.setCurrentIndex(index)
                return
        raise KeyError(title)

    def show_page(self, page: QWidget) -> None:
        """Bring the tab holding ``page`` to the front (titles change with the language)."""
        self._tabs.setCurrentWidget(page)

    # -- Profile --------------------------------------------------------------------------

    def _profile_tab(self, profile: OwnProfile) -> QWidget:
        page = QWidget(self)
        card = QGroupBox(self.tr("HOW FRIENDS SEE YOU"), page)
        self.profile_avatar = AvatarLabel(72, self._avatars, card)
        self.profile_avatar.set_player(profile.name, profile.avatar_url)
        self.display_name = _line_edit(card, "profileDisplayName",
                                       self.tr("Your display name"))
        self.display_name.setText(profile.display_name)
        self.avatar_url = _line_edit(card, "profileAvatarUrl",
                                     self.tr("https://… (a picture)"))
        self.avatar_url.setText(profile.avatar_url or "")
        self.profile_feedback = _plain_label("", card, "formError")
        self.profile_feedback.setWordWrap(True)
        self.profile_feedback.hide()
        self.save_profile = QPushButton(self.tr("Save profile"), card)
        self.save_profile.setObjectName("saveProfileButton")
        self.save_profile.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.save_profile.clicked.connect(self._on_save_profile_clicked)
        for field in (self.display_name, self.avatar_url):
            field.textChanged.connect(self._preview_profile)
            field.returnPressed.connect(self.save_profile.click)
        form = QFormLayout()
        form.setHorizontalSpacing(16)
        form.addRow(self.tr("Display name"), self.display_name)
        form.addRow(self.tr("Picture URL"), self.avatar_url)
        handle = _plain_label(f"@{profile.username}" if profile.username else "", card,
                              "settingsNote")
        top = QHBoxLayout()
        top.addWidget(self.profile_avatar)
        top.addWidget(handle, 1)
        row = QHBoxLayout()
        row.addWidget(self.profile_feedback, 1)
        row.addStretch(0)
        row.addWidget(self.save_profile, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
        column = QVBoxLayout(card)
        column.addLayout(top)
        column.addLayout(form)
        column.addLayout(row)
        note = _plain_label(self.tr("Leave the picture empty to show your initials. Pictures "
                                    "are fetched by each friend's app: use a public http(s) "
                                    "link."),
                            page, "settingsNote")
        note.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 8, 4, 4)
        layout.addWidget(card)
        layout.addWidget(note)
        layout.addStretch(1)
        return page

    def _preview_profile(self) -> None:
        name = " ".join(self.display_name.text().split()) or "?"
        self.profile_avatar.set_player(name, self.avatar_url.text().strip() or None)

    def _on_save_profile_clicked(self) -> None:
        try:
            name, url = check_profile(self.display_name.text(), self.avatar_url.text())
        except ValueError as exc:
            self.show_profile_result(str(exc), ok=False)
            return
        self.save_profile.setEnabled(False)
        self.profile_save_requested.emit(name, url or "")

    def show_profile_result(self, text: str, *, ok: bool) -> None:
        """How saving the profile went (re-enables the button)."""
        self.save_profile.setEnabled(True)
        self.profile_feedback.setText(text)
        self.profile_feedback.setProperty("kind", "success" if ok else "error")
        repolish(self.profile_feedback)
        self.profile_feedback.show()

    # -- Backend --------------------------------------------------------------------------

    def _backend_tab(self, config: AppConfig) -> QWidget:
        page = QWidget(self)
        in_use = QGroupBox(self.tr("IN USE"), page)
        form = QFormLayout(in_use)
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(6)
        backend = describe_backend(config.profile)
        if not config.profile.is_demo:
            backend += self.tr("  ·  key {key}").format(key=mask_key(config.profile.anon_key))
        form.addRow(self.tr("Profile"), _plain_label(config.profile.name, in_use, "inUseProfile"))
        form.addRow(self.tr("Backend"), _plain_label(backend, in_use, "inUseBackend"))
        if self._account is not None or self._can_sign_in:
            signed_in = self._account is not None
            account_row = QHBoxLayout()
            account_row.addWidget(_plain_label(
                self._account or self.tr("Not signed in"), in_use, "inUseAccount"), 1)
            button = QPushButton(self.tr("Sign out") if signed_in else self.tr("Sign in"), in_use)
            button.setObjectName("signOutButton" if signed_in else "signInButton")
            button.clicked.connect(
                self._on_sign_out_clicked if signed_in else self._on_sign_in_clicked)
            account_row.addWidget(button)
            form.addRow(self.tr("Account"), account_row)

        listed = QGroupBox(self.tr("PROFILES"), page)
        self._profiles = QListWidget(listed)
        self._profiles.setObjectName("profileList")
        self._profiles.setMinimumHeight(PROFILE_LIST_HEIGHT)
        for profile in config.profiles:
            self._add_profile_item(profile, in_use=profile == config.profile)
        listed_layout = QVBoxLayout(listed)
        listed_layout.addWidget(self._profiles)

        self._hubs = HubFinderView(page)
        self._hubs.hub_chosen.connect(self._on_hub_chosen)
        adding = QGroupBox(self.tr("ADD A SUPABASE PROJECT OR LAN HUB"), page)
        self._name = _line_edit(adding, "profileName", self.tr("lan-party"))
        self._url = _line_edit(adding, "profileUrl", self.tr(URL_PLACEHOLDER))
        self._key = _line_edit(adding, "profileKey", self.tr("The project's anon (public) key"))
        self._key.setEchoMode(QLineEdit.EchoMode.Password)
        self._feedback = _plain_label("", adding, "formError")
        self._feedback.setWordWrap(True)
        self._feedback.hide()
        self._add = QPushButton(self.tr("Add profile"), adding)
        self._add.setObjectName("addProfileButton")
        self._add.setEnabled(False)
        self._add.clicked.connect(self._on_add_clicked)
        for field in (self._name, self._url, self._key):
            field.textChanged.connect(self._on_field_text_changed)
            field.returnPressed.connect(self._add.click)
        add_form = QFormLayout()
        add_form.setHorizontalSpacing(16)
        add_form.addRow(self.tr("Name"), self._name)
        add_form.addRow(self.tr("URL"), self._url)
        add_form.addRow(self.tr("Anon key"), self._key)
        add_row = QHBoxLayout()
        add_row.addWidget(self._feedback, 1)
        add_row.addWidget(self._add, 0, Qt.AlignmentFlag.AlignTop)
        adding_layout = QVBoxLayout(adding)
        adding_layout.addLayout(add_form)
        adding_layout.addLayout(add_row)

        note = _plain_label(
            self.tr("Switching takes effect on the next start: run gfdesk --profile NAME "
                    "(profiles are saved in {path}).").format(path=self._config_file),
            page, "settingsNote",
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 8, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(in_use)
        layout.addWidget(listed, 1)
        layout.addWidget(self._hubs)
        layout.addWidget(adding)
        layout.addSpacing(4)
        layout.addWidget(note)
        return page

    def _on_hub_chosen(self, hub: DiscoveredHub) -> None:
        """Fill the form with a hub found on the network (the player adds it)."""
        self._name.setText(self._name.text() or hub.name.removeprefix("gfdesk hub on "))
        self._url.setText(hub.url)
        self._key.setText(hub.anon_key)

    def _on_sign_out_clicked(self) -> None:
        self.sign_out_requested.emit()
        self.accept()

    def _on_sign_in_clicked(self) -> None:
        self.sign_in_requested.emit()
        self.accept()

    def _add_profile_item(self, profile: Profile, *, in_use: bool = False) -> None:
        text = f"{profile.name}  ·  {describe_backend(profile)}"
        if not profile.is_demo:
            text += self.tr("  ·  key {key}").format(key=mask_key(profile.anon_key))
        if in_use:
            text += self.tr("  ·  in use")
        item = QListWidgetItem(text)
        if in_use:
            font = QFont(self._profiles.font())
            font.setBold(True)
            item.setFont(font)
        self._profiles.addItem(item)

    def _on_field_text_changed(self) -> None:
        fields = (self._name, self._url, self._key)
        self._add.setEnabled(all(field.text().strip() for field in fields))

    def _on_add_clicked(self) -> None:
        if not self._add.isEnabled():
            return
        profile = Profile(self._name.text().strip(), self._url.text().strip(),
                          self._key.text().strip())
        # The URL first: a wrong URL is the likelier mistake, and the key's message
        # alone left users fixing a key that was fine.
        problem = self._url_problem(profile.url or "") or key_problem(profile.anon_key or "")
        if problem is not None:
            self._show_feedback(problem, success=False)
            return
        try:
            add_profile(self._config_file, profile)
        except ConfigError as exc:
            self._show_feedback(exc.shown(), success=False)
            return
        self._add_profile_item(profile)
        for field in (self._name, self._url, self._key):
            field.clear()
        self._show_feedback(
            self.tr("Added {quoted}. Start gfdesk with --profile {name} to use it.").format(
                quoted=repr(profile.name), name=profile.name),
            success=True,
        )

    def _url_problem(self, url: str) -> str | None:
        """Why ``url`` cannot be a profile's URL (what ``add_profile`` would refuse)."""
        parts = urlsplit(url)
        if (parts.scheme.lower() not in ("http", "https") or not parts.netloc
                or any(c.isspace() for c in url)):
            return self.tr("{url} is not a server address: it must start with http:// or "
                           "https:// and name a host, like https://<project>.supabase.co "
                           "or http://192.168.1.20:54321.").format(url=repr(url[:80]))
        return None

    def _show_feedback(self, text: str, *, success: bool) -> None:
        self._feedback.setText(text)
        self._feedback.setProperty("kind", "success" if success else "error")
        repolish(self._feedback)
        self._feedback.show()

    # -- Diagnostics -----------------------------------------------------------------------

    def _diagnostics_tab(self, config: AppConfig) -> QWidget:
        page = QWidget(self)
        about = QGroupBox(self.tr("VERSIONS"), page)
        versions = QFormLayout(about)
        versions.setHorizontalSpacing(16)
        versions.addRow("gfdesk",  # i18n: verbatim
                        _plain_label(gfdesk.__version__, about, "diagnosticValue"))
        versions.addRow("Qt",  # i18n: verbatim
                        _plain_label(
                            f"{qVersion()} (PySide6 {PySide6.__version__})",  # i18n: verbatim
                            about, "diagnosticValue"))
        versions.addRow("Python", _plain_label(platform.python_version(), about,  # i18n: verbatim
                                               "diagnosticValue"))
        versions.addRow(self.tr("System"), _plain_label(QSysInfo.prettyProductName(), about,
                                               "diagnosticValue"))

        files = QGroupBox(self.tr("FILES"), page)
        files_form = QFormLayout(files)
        files_form.setHorizontalSpacing(16)
        files_form.addRow(self.tr("Settings"), _plain_label(str(self._config_file), files,
                                                   "diagnosticValue"))
        log_text = (str(self._log_file) if self._log_file
                    else self.tr("None: logging to the terminal only"))
        log_label = _plain_label(log_text, files, "logFilePath")
        log_label.setWordWrap(True)
        files_form.addRow(self.tr("Log file"), log_label)
        self._open_logs = QPushButton(self.tr("Open log folder"), files)
        self._open_logs.setObjectName("openLogFolder")
        self._open_logs.setIcon(icons.icon("folder", "#ffffff"))
        self._open_logs.setEnabled(self._log_file is not None)
        self._open_logs.clicked.connect(self._on_open_logs_clicked)
        button_row = QHBoxLayout()
        button_row.addWidget(self._open_logs)
        button_row.addStretch(1)
        files_form.addRow("", button_row)
        # Where no file manager answers, the folder's path is said here to copy.
        self._open_logs_problem = _plain_label("", files, "logFolderProblem")
        self._open_logs_problem.setWordWrap(True)
        self._open_logs_problem.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self._open_logs_problem.hide()
        files_form.addRow("", self._open_logs_problem)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 8, 4, 4)
        layout.addWidget(about)
        layout.addWidget(files)
        if config.problems:
            problems = QGroupBox(self.tr("SETTINGS PROBLEMS"), page)
            problems_layout = QVBoxLayout(problems)
            for problem in config.problems:
                label = _plain_label(problem_text(problem), problems, "settingsProblem")
                label.setWordWrap(True)
                problems_layout.addWidget(label)
            layout.addWidget(problems)
        layout.addStretch(1)
        return page

    def _on_open_logs_clicked(self) -> None:
        if self._log_file is None:
            return
        folder = self._log_file.parent
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self._open_logs_problem.hide()
            return
        self._open_logs_problem.setText(self.tr(
            "No file manager could open the folder. The logs are in: {folder}").format(
                folder=folder))
        self._open_logs_problem.show()

    # -- About -----------------------------------------------------------------------------

    def _about_tab(self) -> QWidget:
        page = QWidget(self)
        logo = icons.IconLabel(LOGO_SIZE, page)
        logo.set_icon(theme.app_icon())
        title = _plain_label("gfdesk", page, "aboutTitle")  # i18n: verbatim
        version = _plain_label(self.tr("Version {version}").format(version=gfdesk.__version__),
                               page, "aboutVersion")
        blurb = QLabel(
            self.tr("GamerFlick on the desktop: see which friends are online, chat with typing "
            "indicators, get live notifications, follow tournament brackets as scores "
            "come in, and take 1:1 video and audio calls. Lighter than a browser, and it "
            "talks to the same Supabase backend as the GamerFlick mobile app."),
            page,
        )
        blurb.setWordWrap(True)
        credits = QLabel(
            self.tr("Built with Qt for Python (PySide6), qasync, aiortc and the official Supabase "
            "Python clients.\nReleased under the MIT License."),
            page,
        )
        credits.setObjectName("settingsNote")
        credits.setWordWrap(True)
        for label in (title, version, blurb, credits):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(10)
        layout.addStretch(1)
        layout.addWidget(logo, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(title)
        layout.addWidget(version)
        layout.addSpacing(8)
        layout.addWidget(blurb)
        layout.addSpacing(8)
        layout.addWidget(credits)
        layout.addStretch(2)
        return page
