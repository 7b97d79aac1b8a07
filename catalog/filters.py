"""A small, safe row-filter language turned into a DuckDB WHERE clause with `?` parameters.

    R102 = 5 and R105 in (1, 2) and (R407 between 15 and 64 or R405 <> 1) and NAMA_KAB = 'KERINCI'

User text never reaches the SQL: values become parameters, and names become quoted identifiers
only after they are found among the dataset's columns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time
from typing import Any

from catalog.errors import CatalogError
from core.i18n import Msg

MAX_FILTER_LENGTH = 1000
MAX_IN_VALUES = 500
MAX_NESTING = 20
_OPERATORS = {"=": "=", "==": "=", "!=": "<>", "<>": "<>", "<": "<", "<=": "<=", ">": ">", ">=": ">="}
_KEYWORDS = {"and", "or", "in", "between"}
_TOKEN = re.compile(
    r"""\s*(?:
      (?P<number>[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)
    | (?P<string>'(?:[^']|'')*'|"(?:[^"]|"")*")
    | (?P<name>[A-Za-z_@#$][A-Za-z0-9_.@#$]*)
    | (?P<op><=|>=|<>|!=|==|=|<|>)
    | (?P<punct>[(),])
    )""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class _Token:
    kind: str  # number, string, name, op, punct, end
    text: str
    value: Any = None


def parse_filter(text: str, columns: dict[str, str]) -> tuple[str, list]:
    """('("R101" = ?) AND ...', [15, ...]) for the filter `text`; ("", []) for empty text."""
    if not text or not text.strip():
        return "", []
    if len(text) > MAX_FILTER_LENGTH:
        raise _invalid("err_filter_too_long", n=MAX_FILTER_LENGTH)
    parser = _Parser(_tokenize(text), columns)
    sql = parser.expression()
    if parser.peek().kind != "end":
        raise _invalid("err_filter_not_understood", part=parser.peek().text)
    return sql, parser.params


def _invalid(reason: str, **params: object) -> CatalogError:
    """The invalid-filter error; `reason` is an err_filter_* key, translated apart from its frame."""
    return CatalogError("err_filter_invalid", reason=Msg(reason, **params))


def _tokenize(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    position = 0
    text = text.rstrip()
    while position < len(text):
        match = _TOKEN.match(text, position)
        if not match or match.end() == position:
            bad = text[position:].strip()[:20]
            raise _invalid("err_filter_bad_character", near=bad)
        kind = match.lastgroup or ""
        raw = match.group(kind)
        tokens.append(_Token(kind, raw, _literal(kind, raw)))
        position = match.end()
    tokens.append(_Token("end", "akhir teks"))
    return tokens


def _literal(kind: str, raw: str) -> Any:
    if kind == "number":
        number = float(raw)
        return int(number) if re.fullmatch(r"[-+]?\d+", raw) else number
    if kind == "string":
        quote = raw[0]
        return raw[1:-1].replace(quote * 2, quote)
    return None


def quote_identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class _Parser:
    """Recursive descent: expression := term (OR term)*, term := factor (AND factor)*."""

    def __init__(self, tokens: list[_Token], columns: dict[str, str]) -> None:
        self.tokens = tokens
        self.index = 0
        self.columns = columns
        self.folded = {name.lower(): name for name in columns}
        self.params: list[Any] = []
        self.depth = 0

    def peek(self) -> _Token:
        return self.tokens[self.index]

    def take(self) -> _Token:
        token = self.tokens[self.index]
        self.index = min(self.index + 1, len(self.tokens) - 1)
        return token

    def keyword(self, word: str) -> bool:
        token = self.peek()
        if token.kind == "name" and token.text.lower() == word:
            self.take()
            return True
        return False

    def expect(self, text: str) -> None:
        token = self.take()
        if token.text != text:
            raise _invalid("err_filter_expected", expected=text, found=token.text)

    def expression(self) -> str:
        parts = [self.term()]
        while self.keyword("or"):
            parts.append(self.term())
        return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"

    def term(self) -> str:
        parts = [self.factor()]
        while self.keyword("and"):
            parts.append(self.factor())
        return parts[0] if len(parts) == 1 else "(" + " AND ".join(parts) + ")"

    def factor(self) -> str:
        if self.peek().text == "(":
            self.take()
            self.depth += 1
            if self.depth > MAX_NESTING:
                raise _invalid("err_filter_too_deep", n=MAX_NESTING)
            inner = self.expression()
            self.expect(")")
            self.depth -= 1
            return inner
        return self.condition()

    def condition(self) -> str:
        name = self.column()
        kind = self.columns[name]
        target = quote_identifier(name)
        if self.keyword("in"):
            values = self.value_list(name, kind)
            return f"({target} IN ({', '.join('?' for _ in values)}))"
        if self.keyword("between"):
            low = self.value(name, kind)
            if not self.keyword("and"):
                raise _invalid("err_filter_between_and", name=name)
            high = self.value(name, kind)
            self.params.extend([low, high])
            return f"({target} BETWEEN ? AND ?)"
        token = self.take()
        if token.kind != "op":
            raise _invalid("err_filter_expected_operator", name=name)
        self.params.append(self.value(name, kind))
        return f"({target} {_OPERATORS[token.text]} ?)"

    def column(self) -> str:
        token = self.take()
        if token.kind != "name" or token.text.lower() in _KEYWORDS:
            raise _invalid("err_filter_expected_variable", found=token.text)
        name = token.text if token.text in self.columns else self.folded.get(token.text.lower())
        if name is None:
            raise _invalid("err_filter_unknown_variable", name=token.text)
        return name

    def value_list(self, name: str, kind: str) -> list[Any]:
        self.expect("(")
        values = [self.value(name, kind)]
        while self.peek().text == ",":
            self.take()
            values.append(self.value(name, kind))
        self.expect(")")
        if len(values) > MAX_IN_VALUES:
            raise _invalid("err_filter_in_too_long", name=name, n=MAX_IN_VALUES)
        self.params.extend(values)
        return values

    def value(self, name: str, kind: str) -> Any:
        token = self.take()
        if token.kind not in ("number", "string"):
            raise _invalid("err_filter_expected_value", name=name, found=token.text)
        if kind == "string":
            return token.value if token.kind == "string" else token.text
        if kind in ("date", "time"):
            return _temporal(token, name, kind)
        if token.kind == "string":
            raise _invalid("err_filter_number_vs_text", name=name, value=token.text)
        return token.value


def _temporal(token: _Token, name: str, kind: str) -> datetime | time:
    if token.kind != "string":
        raise _invalid("err_filter_date_unquoted", name=name)
    try:
        return time.fromisoformat(token.value) if kind == "time" else datetime.fromisoformat(token.value)
    except ValueError as exc:
        raise _invalid("err_filter_bad_date", value=token.value, name=name) from exc
