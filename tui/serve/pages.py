"""The few HTML pages the server writes itself: the class code form, the class is
full, and the page that holds the explorer's terminal (textual-serve's script and
styles, our words). Nothing a browser sent is ever written into a page."""

from __future__ import annotations

from html import escape

_STYLE = """
body { background: #0c181f; color: #e8eef2; font-family: system-ui, sans-serif;
       margin: 0; height: 100vh; }
main { max-width: 34em; margin: 12vh auto; padding: 0 1em; line-height: 1.5; }
h1 { font-size: 1.6em; }
input, button { font-size: 1.2em; padding: 0.3em 0.6em; }
.problem { color: #ffb4a8; }
"""


def _page(title: str, body: str, status_note: str = "") -> str:
    return (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<meta name=\"viewport\" content=\"width=device-width\">"
            f"<title>{escape(title)}</title><style>{_STYLE}</style></head>"
            f"<body><main>{status_note}{body}</main></body></html>\n")


def code_form(problem: str = "") -> str:
    """Asks for the class code; `problem` is our own words about the last try."""
    note = f"<p class=\"problem\" id=\"problem\">{escape(problem)}</p>" if problem else ""
    return _page("Debate Explorer: class code", f"""
<h1>Debate Explorer</h1>
<p>Type the class code your teacher gave you.</p>{note}
<form method="get" action="./">
 <label for="code">Class code</label>
 <input id="code" name="code" autocomplete="off" autocapitalize="characters" autofocus>
 <button type="submit">Start</button>
</form>""")


def class_full(limit: int) -> str:
    return _page("Debate Explorer: the class is full", f"""
<h1 id="full">The class is full</h1>
<p>{limit} students are using Debate Explorer on this server now, as many as it
takes. Ask your teacher, or try again when someone has finished.</p>
<p><a href="./">Try again</a></p>""")


def app_page(font_size: int = 16) -> str:
    """The explorer's terminal. The websocket and the static files are found from the
    address the student opened, so the page works under any host name or proxy."""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Debate Explorer</title>
<link rel="stylesheet" href="static/css/xterm.css">
<script>
window.addEventListener("DOMContentLoaded", () => {{
  const socket = new URL("ws", window.location.href);
  socket.protocol = window.location.protocol === "https:" ? "wss:" : "ws:";
  socket.search = "";
  document.getElementById("terminal").dataset.sessionWebsocketUrl = socket.href;
}});
</script>
<script src="static/js/textual.js"></script>
<style>
body {{ background: #0c181f; margin: 0; height: 100vh; overflow: hidden; }}
#terminal {{ width: 100vw; height: 100vh; }}
.textual-terminal {{ opacity: 0; }}
body.-first-byte .textual-terminal {{ opacity: 1; }}
.notice {{ position: absolute; inset: 0; display: flex; align-items: center;
          justify-content: center; color: #e8eef2; font: 1.2em system-ui, sans-serif; }}
body.-first-byte .notice.starting {{ display: none; }}
.notice.closed {{ display: none; background: #0c181f; z-index: 10; }}
body.-closed .notice.closed {{ display: flex; }}
#start {{ display: none; }}
button {{ font-size: 1em; padding: 0.4em 1em; margin-left: 1em; }}
</style></head>
<body>
<div class="notice starting">Starting Debate Explorer…</div>
<div class="notice closed"><p id="ended">The session has ended. Your work is saved.
<button type="button" onclick="window.location.reload()">Start again</button></p></div>
<button id="start" type="button" onclick="window.location.reload()">Start</button>
<div id="terminal" class="textual-terminal" data-font-size="{int(font_size)}"></div>
</body></html>
"""
