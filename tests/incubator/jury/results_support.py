"""Shared set-up for the results tests: an event whose jurors all scored all entries with uniform sheets.

With the default rubric (weights 0.25, 0.15, 0.25, 0.20, 0.15) a sheet with every criterion at level L has the
weighted total (L - 1) * 25: level 5 -> 100, 4 -> 75, 3 -> 50, 2 -> 25, 1 -> 0."""

from tests.factories import pitch_event_with_entries, pitch_scores_fill


def scored_event(grid: list[list], **kwargs):
    """grid[j][v]: the level juror j gave every criterion of entry v (or a list of levels in rubric order).
    Returns (event, entries, jurors, coordinator)."""
    ventures, jurors = len(grid[0]), len(grid)
    event, entries, pool, coordinator = pitch_event_with_entries(ventures=ventures, jurors=jurors, **kwargs)
    pitch_scores_fill(
        event,
        {(pool[j], entries[v]): grid[j][v] for j in range(jurors) for v in range(ventures)},
        comments={
            (pool[j], entries[v]): f"Comentario {j + 1} para {v + 1}" for j in range(jurors) for v in range(ventures)
        },
    )
    return event, entries, pool, coordinator


def distinct_levels(v: int) -> list[int]:
    """Levels whose totals fall strictly with v: 100, 96.25, 91.25, 85, 81.25, 75, 71.25, 66.25, 60, 56.25, 50, ...
    (level a = 5 - v // 5 on the first 5 - v % 5 criteria, a - 1 on the rest)."""
    a, high = 5 - v // 5, 5 - v % 5
    return [a if i < high else a - 1 for i in range(5)]


def agreeing_grid(ventures: int, jurors: int) -> list[list[list[int]]]:
    """Every juror gives entry v the sheet distinct_levels(v): entry 0 first, no ties."""
    return [[distinct_levels(v) for v in range(ventures)] for _j in range(jurors)]
