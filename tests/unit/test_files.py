"""put_in_place: whatever stood at the target (nothing, a file, a folder, a link) gives way to
what was staged beside it, and nothing is left behind."""

import pytest

from orchestration.files import aside, put_in_place, write_atomically


def make(path, kind: str, content: str) -> None:
    if kind == "file":
        path.write_text(content)
    elif kind == "folder":
        path.mkdir()
        (path / "part").write_text(content)
    else:
        path.symlink_to(content)


def read(path, kind: str) -> str:
    if kind == "file":
        return path.read_text()
    if kind == "folder":
        return (path / "part").read_text()
    return str(path.readlink())


@pytest.mark.parametrize("new", ["file", "folder", "link"])
@pytest.mark.parametrize("old", [None, "file", "folder", "link"])
def test_the_staged_one_takes_the_place_of_whatever_was_there(tmp_path, old, new):
    target = tmp_path / "target"
    if old:
        make(target, old, "old")
    staged = aside(target)
    make(staged, new, "new")
    put_in_place(staged, target)
    assert read(target, new) == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["target"]  # no staged or retired copy


def test_a_file_written_atomically_leaves_nothing_beside_it(tmp_path):
    write_atomically(tmp_path / "page.html", b"<p>new</p>")
    write_atomically(tmp_path / "page.html", b"<p>newer</p>")
    assert (tmp_path / "page.html").read_bytes() == b"<p>newer</p>"
    assert [p.name for p in tmp_path.iterdir()] == ["page.html"]
