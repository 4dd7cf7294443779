"""assert_accessible judges the page as it settles, never a colour caught half-way through a fade-in."""

import pytest

from tests.browser.conftest import assert_accessible

# A message whose colours meet AA once shown (7:1), fading in over a minute from half opacity: half-way,
# white on a half-transparent green over white is about 2:1, which axe reports as a serious violation.
FADING_MESSAGE = """<!doctype html><html lang="es"><head><title>Aviso</title><style>
.message{background:#14654d;color:#fff;padding:1rem;opacity:.5;transition:opacity 60s linear}
.shown .message{opacity:1}
</style></head><body><main><h1>Aviso</h1><p class="message">Importación lista.</p></main>
<script>requestAnimationFrame(() => requestAnimationFrame(() => document.body.classList.add('shown')));</script>
</body></html>"""


@pytest.mark.browser
def test_a_message_fading_in_is_judged_by_its_final_colours(page):
    page.set_content(FADING_MESSAGE)
    page.wait_for_function("() => document.body.classList.contains('shown')")
    assert_accessible(page)
    assert page.evaluate("() => getComputedStyle(document.querySelector('.message')).opacity") == "1"


@pytest.mark.browser
def test_contexts_ask_for_reduced_motion(page):
    assert page.evaluate("() => matchMedia('(prefers-reduced-motion: reduce)').matches")
