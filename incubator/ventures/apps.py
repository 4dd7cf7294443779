from django.apps import AppConfig


class VenturesConfig(AppConfig):
    name = "incubator.ventures"
    label = "ventures"

    def ready(self) -> None:
        from incubator.cohorts.board import board_rows_register
        from incubator.ventures import selectors, start_tiles

        start_tiles.register()
        board_rows_register(access=selectors.board_access, rows=selectors.cohort_board_rows)
