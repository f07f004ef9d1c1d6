"""Driving JupyterLab from Playwright: open a notebook, run it, read what it shows."""

from __future__ import annotations

ERROR_SELECTOR = (
    '[data-mime-type="application/vnd.jupyter.error"], '
    '[data-mime-type="application/vnd.jupyter.stderr"]'
)


def open_notebook(page, lab, path: str, timeout: float = 60_000) -> None:
    page.goto(f"{lab.base}/lab/tree/{path}?reset")
    page.wait_for_function(
        "p => window.jupyterapp && window.jupyterapp.shell.currentWidget"
        " && window.jupyterapp.shell.currentWidget.context"
        " && window.jupyterapp.shell.currentWidget.context.path === p",
        arg=path, timeout=timeout,
    )
    wait_kernel_idle(page, timeout)


def wait_kernel_idle(page, timeout: float = 60_000) -> None:
    page.wait_for_function(
        """() => {
            const w = window.jupyterapp.shell.currentWidget;
            const k = w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel;
            return k && k.status === 'idle';
        }""",
        timeout=timeout,
    )


def run_all(page, timeout: float = 120_000) -> None:
    page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
    wait_cells_done(page, timeout)


def wait_cells_done(page, timeout: float = 120_000) -> None:
    """Wait until no cell is queued or running ([*]) and the kernel is idle."""
    page.wait_for_timeout(300)
    page.wait_for_function(
        """() => {
            const w = window.jupyterapp.shell.currentWidget;
            const k = w.sessionContext.session && w.sessionContext.session.kernel;
            if (!k || k.status !== 'idle') return false;
            const prompts = [...document.querySelectorAll('.jp-InputArea-prompt')].map(e => e.textContent);
            return !prompts.some(t => t.includes('*'));
        }""",
        timeout=timeout,
    )
    page.wait_for_timeout(500)  # let widget views render


def restart_kernel(page, timeout: float = 60_000) -> None:
    # Do not return the command's promise: it resolves only once the dialog is answered, so awaiting it
    # here (page.evaluate waits for a returned promise, with no timeout) would never reach the click below.
    page.evaluate("() => { window.jupyterapp.commands.execute('kernelmenu:restart'); }")
    # The dialog's accept button is labelled "Restart" but named "Confirm Kernel Restart" (aria-label).
    page.get_by_role("button", name="Confirm Kernel Restart", exact=True).click(timeout=timeout)
    page.wait_for_timeout(1000)
    wait_kernel_idle(page, timeout)


def error_outputs(page) -> list[str]:
    texts = [e.inner_text() for e in page.query_selector_all(ERROR_SELECTOR)]
    texts += [
        e.inner_text() for e in page.query_selector_all(".jp-OutputArea-output")
        if "Error displaying widget" in e.inner_text() or "Traceback" in e.inner_text()
    ]
    return texts


def run_cell_containing(page, text: str, timeout: float = 60_000) -> None:
    """Select the first code cell whose source contains ``text`` and run it."""
    index = page.evaluate(
        """t => {
            const nb = window.jupyterapp.shell.currentWidget.content;
            return nb.widgets.findIndex(c => c.model.type === 'code' && c.model.sharedModel.getSource().includes(t));
        }""",
        text,
    )
    assert index >= 0, f"no code cell contains {text!r}"
    page.evaluate(
        """i => {
            const nb = window.jupyterapp.shell.currentWidget.content;
            nb.activeCellIndex = i;
            return window.jupyterapp.commands.execute('notebook:run-cell');
        }""",
        index,
    )
    wait_cells_done(page, timeout)
