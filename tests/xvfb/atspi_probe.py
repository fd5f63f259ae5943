"""Walk the accessibility tree of the real window, as a screen reader (Orca) sees it.

Run with the SYSTEM python3 (pyatspi is a Debian package, python3-pyatspi), inside
`xvfb-run … dbus-run-session --`, by tests/xvfb/test_accessibility_tree.py:

    python3 atspi_probe.py APP_PYTHON APP_SCRIPT OUT.json [LANG [EVENT_NAME_START]]

It starts the AT-SPI bus, then the app (with the app's own Python), finds its window on the
bus, and records in OUT.json: every toolbar button's name, the timeline (role chart) with its
name and its children's names, what selecting an event through its accessible action does
(the selected event's description, the focus events announced, the detail panel's text).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pyatspi  # type: ignore[import-not-found]
from gi.repository import GLib  # type: ignore[import-not-found]

LAUNCHER = "/usr/libexec/at-spi-bus-launcher"


def walk(node, depth=0, limit=4000, out=None):
    """Every accessible below `node` (depth-first), as (depth, accessible)."""
    out = [] if out is None else out
    if node is None or len(out) >= limit:
        return out
    out.append((depth, node))
    try:
        count = node.childCount
    except Exception:
        return out
    for k in range(min(count, 600)):
        try:
            walk(node.getChildAtIndex(k), depth + 1, limit, out)
        except Exception:
            continue
    return out


def role(node) -> str:
    try:
        return node.getRoleName()
    except Exception:
        return "?"


def text_of(node) -> str:
    try:
        t = node.queryText()
        return t.getText(0, -1)
    except Exception:
        return ""


def find_app(deadline: float):
    while time.time() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for k in range(desktop.childCount):
            app = desktop.getChildAtIndex(k)
            if app is None:
                continue
            for node in (app.getChildAtIndex(j) for j in range(app.childCount)):
                if node is not None and "WSIS" in (node.name or "") and role(node) == "frame":
                    return app
        time.sleep(0.5)
    return None


def find(nodes, predicate):
    return next((n for _, n in nodes if predicate(n)), None)


def spin(seconds: float) -> None:
    """Let the GLib main loop deliver AT-SPI events for a while."""
    loop = GLib.MainLoop()
    GLib.timeout_add(int(seconds * 1000), loop.quit)
    loop.run()


def main() -> int:
    app_python, app_script, out_path = sys.argv[1:4]
    lang = sys.argv[4] if len(sys.argv) > 4 else "en"
    launcher = subprocess.Popen([LAUNCHER, "--launch-immediately"])
    time.sleep(1.5)
    env = dict(os.environ, QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_ACCESSIBILITY="1",
               QT_QPA_PLATFORM="xcb")
    app_proc = subprocess.Popen([app_python, app_script, lang], env=env)
    result: dict = {"found": False}
    try:
        app = find_app(time.time() + 60)
        if app is None:
            result["error"] = "the app's window never appeared on the AT-SPI bus"
            return 0
        result["found"] = True
        time.sleep(2)  # the database is loaded and the timeline laid out
        nodes = walk(app)
        result["roles"] = sorted({role(n) for _, n in nodes})
        toolbars = [n for _, n in nodes if role(n) == "tool bar"]
        buttons = []
        for bar in toolbars:
            for _, n in walk(bar):
                if role(n) in ("push button", "toggle button", "check box", "spin button",
                               "text", "entry"):
                    buttons.append({"role": role(n), "name": n.name or "",
                                    "description": n.description or ""})
        result["toolbar"] = buttons
        docks = [{"role": role(n), "name": n.name or ""} for _, n in nodes
                 if role(n) in ("table", "list", "text", "entry", "spin button", "combo box",
                                "page tab", "panel", "filler", "scroll pane")
                 and (n.name or "")]
        result["named"] = docks
        result["unnamed_interactive"] = [
            role(n) for _, n in nodes
            if role(n) in ("push button", "text", "entry", "spin button", "combo box",
                           "table", "list", "chart")
            and not (n.name or "")]
        chart = find(nodes, lambda n: role(n) == "chart")
        if chart is None:
            result["error"] = "no chart (timeline) in the tree"
            return 0
        children = [chart.getChildAtIndex(k) for k in range(min(chart.childCount, 400))]
        result["timeline"] = {"name": chart.name, "description": chart.description,
                              "child_count": chart.childCount,
                              "children": [{"name": c.name, "role": role(c)}
                                           for c in children if c is not None]}
        # Select an event the way a screen reader user would: its accessible action.
        focus_events: list[str] = []

        def on_focus(event) -> None:
            try:
                if event.detail1:
                    focus_events.append(event.source.name or "")
            except Exception:
                pass

        pyatspi.Registry.registerEventListener(on_focus, "object:state-changed:focused")
        wanted = sys.argv[5] if len(sys.argv) > 5 else "21st meeting of CWG-WSIS"
        target = next((c for c in children
                       if c is not None and (c.name or "").startswith(wanted)), None)
        if target is None:
            result["error"] = f"no timeline child named {wanted!r}..."
            return 0
        action = target.queryAction()
        names = [action.getName(k) for k in range(action.nActions)]
        result["actions"] = names
        action.doAction(0)
        deadline = time.time() + 15  # a busy machine delivers events late
        spin(1.0)
        while not focus_events and time.time() < deadline:
            spin(0.5)
        result["focus_events"] = focus_events
        # The selected child again (the tree may have been rebuilt): its states, description.
        kids = [chart.getChildAtIndex(k) for k in range(min(chart.childCount, 400))]
        selected = [c for c in kids if c is not None
                    and c.getState().contains(pyatspi.STATE_SELECTED)]
        result["selected"] = [{"name": c.name, "description": c.description,
                               "focused": c.getState().contains(pyatspi.STATE_FOCUSED)}
                              for c in selected]
        result["target"] = target.name
        nodes = walk(app)
        # A read-only QTextBrowser is exposed as a (multi-line) label with a text interface.
        panel = [{"role": role(n), "name": n.name, "text": text_of(n)[:3000]} for _, n in nodes
                 if role(n) in ("label", "text", "document text", "document frame", "paragraph")
                 and len(text_of(n)) > 20]
        result["panels"] = panel
        return 0
    finally:
        with open(out_path, "w", encoding="utf-8") as f:
            json.dump(result, f, ensure_ascii=False, indent=1)
        app_proc.terminate()
        try:
            app_proc.wait(10)
        except subprocess.TimeoutExpired:
            app_proc.kill()
        launcher.terminate()


if __name__ == "__main__":
    sys.exit(main())
