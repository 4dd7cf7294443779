"""Panels other lms apps add to the module page (e.g. the offline download offer).

Apps above courses register a callable from their AppConfig.ready(); courses calls each one with the
request, the module page and the learner's progress, and shows the HTML it returns ("" shows nothing)."""

from collections.abc import Callable

ModulePanel = Callable[..., str]
_panels: list[ModulePanel] = []


def module_panel_register(panel: ModulePanel) -> None:
    """Add a panel to every module page (a second registration of the same callable is ignored)."""
    if panel not in _panels:
        _panels.append(panel)


def module_panels_render(*, request, module, progress) -> list[str]:
    """The HTML of every registered panel for this page, in registration order, empty ones left out."""
    return [html for panel in _panels if (html := panel(request=request, module=module, progress=progress))]
