"""The stylesheet's themed images: the template names them, the renderer swaps in quoted
paths of tinted copies, the folder stays bounded and survives being unwritable."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest

from gfdesk import appresources
from gfdesk.kit import qssimages
from gfdesk.kit.palettes import PALETTES, ThemeName, render_qss
from gfdesk.kit.qssimages import ImageFolder, cache_folder, image_names, tinted_svg
from tests.helpers.logfail import ExpectedLogs

TEMPLATE = appresources.read_text("dark.qss")


def test_the_template_asks_for_arrows_that_exist() -> None:
    names = image_names(TEMPLATE)
    assert {("chevron-up", "icon"), ("chevron-down", "icon"),
            ("chevron-up", "text_disabled"), ("chevron-down", "text_disabled")} <= names
    for name, _ in names:
        assert appresources.path(f"icons/{name}.svg").is_file()


def test_tinting_replaces_current_color_only() -> None:
    data = tinted_svg("chevron-up", "#AbCdEf")
    assert b"currentColor" not in data
    assert b'stroke="#abcdef"' in data
    with pytest.raises(ValueError, match="opaque"):
        tinted_svg("chevron-up", "#abcdef80")
    with pytest.raises(FileNotFoundError):
        tinted_svg("no-such-arrow", "#000000")


def test_render_without_a_folder_leaves_no_image_and_no_token() -> None:
    for palette in PALETTES.values():
        rendered = render_qss(TEMPLATE, palette)
        assert "svg(" not in rendered
        assert "image: none;" in rendered


def test_render_with_a_folder_names_quoted_tinted_files(tmp_path: Path) -> None:
    images = ImageFolder(tmp_path / "folder with space")
    rendered = render_qss(TEMPLATE, PALETTES[ThemeName.DARK], images.url)
    urls = re.findall(r'url\("([^"]+)"\)', rendered)
    assert urls
    for url in urls:
        path = Path(url)
        assert path.is_file() and b"currentColor" not in path.read_bytes()
        assert path.parent == (tmp_path / "folder with space").resolve()


def test_same_content_same_file_new_content_new_file(tmp_path: Path) -> None:
    images = ImageFolder(tmp_path)
    first = images.path("chevron-up", "#112233")
    assert images.path("chevron-up", "#112233") == first
    other = images.path("chevron-up", "#445566")
    assert other != first and "445566" in other.name
    assert qssimages.FILE_NAME.fullmatch(first.name)


def test_a_deleted_file_is_written_again(tmp_path: Path) -> None:
    images = ImageFolder(tmp_path)
    first = images.path("chevron-down", "#112233")
    first.unlink()
    assert images.path("chevron-down", "#112233") == first
    assert first.is_file()


def test_prune_removes_only_our_stale_files(tmp_path: Path) -> None:
    images = ImageFolder(tmp_path)
    keep = images.path("chevron-up", "#112233")
    stale = images.path("chevron-up", "#445566")
    foreign = tmp_path / "notes.svg"
    foreign.write_text("<svg/>")
    assert images.prune([keep]) == 1
    assert keep.is_file() and not stale.exists() and foreign.is_file()
    # The pruned image is written again when asked for.
    assert images.path("chevron-up", "#445566").is_file()


def test_the_url_escapes_quotes(tmp_path: Path) -> None:
    if sys.platform == "win32":
        pytest.skip("Windows file names cannot hold a double quote")
    images = ImageFolder(tmp_path / 'odd"name')
    url = images.url("chevron-up", "#112233")
    assert url.startswith('url("') and url.endswith('")')
    assert 'odd\\"name' in url


def test_an_unwritable_folder_falls_back_to_a_temporary_one(
        tmp_path: Path, expected_logs: ExpectedLogs) -> None:
    expected_logs.allow("gfdesk.ui", "is not writable")
    # A file where the folder should be: unwritable for root as well as for a user.
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    images = ImageFolder(blocker / "images")
    path = images.path("chevron-up", "#112233")
    try:
        assert path.is_file() and images.folder != blocker / "images"
        assert images.url("chevron-up", "#112233") == f'url("{path.resolve().as_posix()}")'
    finally:
        shutil.rmtree(images.folder)


def test_the_cache_folder_follows_the_environment(tmp_path: Path) -> None:
    assert cache_folder({"GFDESK_CACHE_DIR": str(tmp_path)}) == tmp_path / qssimages.SUBFOLDER
    assert cache_folder({}).name == qssimages.SUBFOLDER
