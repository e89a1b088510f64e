"""How the tournaments list paints a heading and a tournament (name, then game, format
and players, with a status dot). Names and games are remote text: drawn with
``drawText`` as plain text, elided."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from gfdesk.kit import themecolors
from gfdesk.kit.fonts import DerivedFonts, font_at
from gfdesk.kit.themecolors import color as theme_color
from gfdesk.tournament.info import Tournament, TournamentStatus
from gfdesk.tournament.listmodel import KIND_ROLE, TOURNAMENT_ROLE, RowKind

ROW_H = 56
HEADING_H = 30
STATUS_COLORS = {TournamentStatus.LIVE: "#f23f43", TournamentStatus.REGISTRATION: "#3ba55c",
                 TournamentStatus.FINISHED: "#6d6f78"}

Index = QModelIndex | QPersistentModelIndex


class TournamentDelegate(QStyledItemDelegate):
    """Paints rows of a ``TournamentListModel``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fonts = DerivedFonts(lambda base: (font_at(base, 14, bold=True),
                                                 font_at(base, 12),
                                                 font_at(base, 11, bold=True)))

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        heading = index.data(KIND_ROLE) is RowKind.HEADING
        return QSize(option.rect.width(), HEADING_H if heading else ROW_H)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        title, detail, heading = self._fonts.get(option.font)
        rect = QRectF(option.rect)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if index.data(KIND_ROLE) is RowKind.HEADING:
            painter.setFont(heading)
            painter.setPen(theme_color("text_muted"))
            painter.drawText(rect.adjusted(16, 8, -8, 0), int(Qt.AlignmentFlag.AlignVCenter),
                             str(index.data()).upper())
            painter.restore()
            return
        tournament: Tournament = index.data(TOURNAMENT_ROLE)
        state = option.state
        if state & QStyle.StateFlag.State_Selected or state & QStyle.StateFlag.State_MouseOver:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(theme_color("bg_selected" if state & QStyle.StateFlag.State_Selected
                                    else "bg_hover"))
            painter.drawRoundedRect(rect.adjusted(8, 2, -8, -2), 6, 6)
        dot = themecolors.readable(STATUS_COLORS[tournament.status], "bg_secondary")
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(dot)
        painter.drawEllipse(QRectF(rect.left() + 18, rect.top() + 14, 8, 8))
        text_left = rect.left() + 34
        width = rect.width() - 34 - 16
        painter.setFont(title)
        painter.setPen(theme_color("text_strong"))
        metrics = painter.fontMetrics()
        painter.drawText(QRectF(text_left, rect.top() + 6, width, 20),
                         int(Qt.AlignmentFlag.AlignVCenter),
                         metrics.elidedText(tournament.name, Qt.TextElideMode.ElideRight,
                                            int(width)))
        painter.setFont(detail)
        painter.setPen(theme_color("text_muted"))
        line = f"{tournament.game} · {tournament.format_title} · {tournament.players_text()}"
        painter.drawText(QRectF(text_left, rect.top() + 28, width, 18),
                         int(Qt.AlignmentFlag.AlignVCenter),
                         painter.fontMetrics().elidedText(line, Qt.TextElideMode.ElideRight,
                                                          int(width)))
        painter.restore()
