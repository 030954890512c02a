"""Who may start an app process: the class code, a growing wait after wrong codes, and
a limit on how many run at once. Plain logic, no web server, so it is tested alone."""

from __future__ import annotations

import asyncio
import hmac
import secrets
import time
from dataclasses import dataclass, field

# No 0/O, 1/I/L: a code read off the board is typed right the first time.
CODE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
FIRST_WAIT = 1.0  # seconds after the first wrong code; doubled after each one after
LONGEST_WAIT = 30.0
FORGET_AFTER = 3600.0  # a client's wrong codes are forgotten after an hour of quiet


def new_code() -> str:
    """A class code to write on the board: eight letters and digits, as XXXX-XXXX."""
    letters = "".join(secrets.choice(CODE_LETTERS) for _ in range(8))
    return f"{letters[:4]}-{letters[4:]}"


def typed_code(text: str) -> str:
    """A code as typed, compared without case, spaces or dashes."""
    return "".join(text.split()).replace("-", "").upper()


@dataclass
class _Client:
    wrong: int = 0
    not_before: float = 0.0  # no attempt of this client is judged before then
    last: float = 0.0
    turn: asyncio.Lock = field(default_factory=asyncio.Lock)


class Doorkeeper:
    """Checks class codes. Each client (an address) has its own wait, so one guesser
    slows down only themselves; their attempts are judged one at a time."""

    def __init__(self, code: str | None) -> None:
        self.code = code  # None: no code asked (the server listens only on this machine)
        self.pass_token = secrets.token_urlsafe(32)  # the cookie of an admitted browser
        self._clients: dict[str, _Client] = {}

    @property
    def open(self) -> bool:
        return self.code is None

    def admitted(self, token: str | None) -> bool:
        return self.open or (token is not None
                             and hmac.compare_digest(token.encode(), self.pass_token.encode()))

    def wait_for(self, client: str) -> float:
        """How long an attempt from `client` would wait now (0 if not slowed down)."""
        known = self._clients.get(client)
        return max(0.0, known.not_before - time.monotonic()) if known else 0.0

    async def try_code(self, client: str, attempt: str) -> bool:
        """Whether `attempt` is the class code, after the client's wait."""
        if self.code is None:
            return True
        self._forget_quiet()
        state = self._clients.setdefault(client, _Client())
        async with state.turn:
            delay = state.not_before - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            state.last = time.monotonic()
            right = hmac.compare_digest(typed_code(attempt).encode(),
                                        typed_code(self.code).encode())
            if right:
                self._clients.pop(client, None)
                return True
            state.wrong += 1
            wait = min(FIRST_WAIT * 2 ** (state.wrong - 1), LONGEST_WAIT)
            state.not_before = time.monotonic() + wait
            return False

    def _forget_quiet(self) -> None:
        now = time.monotonic()
        for client in [c for c, s in self._clients.items()
                       if now - s.last > FORGET_AFTER and not s.turn.locked()]:
            del self._clients[client]


class Seats:
    """How many app processes run, at most `limit`."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.taken = 0

    def take(self) -> bool:
        if self.taken >= self.limit:
            return False
        self.taken += 1
        return True

    def give_back(self) -> None:
        self.taken = max(0, self.taken - 1)
