"""Where the shared real H5P packages live: a `shared/fixtures/h5p` folder beside the project, or beside
a folder above it (a git worktree sits one level deeper than the main checkout)."""

from pathlib import Path

PROJECT = Path(__file__).resolve().parents[3]


def shared_h5p_fixtures() -> Path:
    for folder in PROJECT.parents:
        candidate = folder / "shared" / "fixtures" / "h5p"
        if candidate.is_dir():
            return candidate
    return PROJECT.parent / "shared" / "fixtures" / "h5p"
