"""How prompts name tools: references, mentions and stated counts (linter.mentions)."""

from __future__ import annotations

import pytest

from linter.tavus.mentions import is_declared, mentions, stated_tool_counts, tool_references


def names(text: str, ignore: tuple[str, ...] = ()) -> list[str]:
    return [mention.name for mention in tool_references(text, ignore)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("When the customer asks about an order, call lookup_order with the order number.", ["lookup_order"]),
        ("Call `create_support_ticket` if the problem cannot be solved during the call.", ["create_support_ticket"]),
        ("If the guest wants a table, use the book_table tool and confirm the time.", ["book_table"]),
        ("Use the `get_roster` function to see who is on shift.", ["get_roster"]),
        ("After collecting the ID, internally use final_ask()", ["final_ask"]),
        ("You have a tool named `notify_if_id_shown`. You MUST use this tool.", ["notify_if_id_shown"]),
        ("The escalate_to_human tool connects the visitor to a person.", ["escalate_to_human"]),
        ("Invoke end_call once the user says goodbye.", ["end_call"]),
        ("Trigger `log_delivery` whenever a courier leaves a package.", ["log_delivery"]),
        ("First call `verify_patient`, then call get_balance.", ["verify_patient", "get_balance"]),
        ("Call `lookup` with the SKU.", ["lookup"]),
        ("Run `search_catalog(query)` to find products.", ["search_catalog"]),
    ],
)
def test_tool_references_in_tool_context(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "If the customer wants to talk to a person, call the user back tomorrow.",
        "Never use the phone number for anything but the callback.",
        "Use what you can see of their written work to point at the exact step that went wrong.",
        "After calling a tool, you will receive a message starting with TOOL_RESULT.",
        "Messages starting with `SYSTEM_NOTE:` are instructions from the kiosk system.",
        "Remember IDs in brackets like [patient_id=12009] and use them for future tool calls.",
        "Once verify_patient succeeds, the patient is verified for the rest of the conversation.",
        "This function of the app helps students learn; use it well.",
        "Say the date like `January fifteenth`, never `01/15`.",
        "Answer in plain sentences; do not output `json` or markdown.",
        "Use snake_case function names when you describe code to the student.",
        "Call me Maya, and call the customer by their first name.",
        "The conversation context includes `customer_tier` and `account_id`; greet gold members warmly.",
        "The lookup_order action returns the delivery date.",
    ],
)
def test_no_reference_without_tool_context(text: str) -> None:
    assert names(text) == []


def test_parameter_names_are_not_tools() -> None:
    text = "Ask for the `order_id`, then call lookup_order."
    assert names(text, ignore=("order_id",)) == ["lookup_order"]
    assert names(text) == ["order_id", "lookup_order"]


def test_each_name_once_in_order_of_first_reference() -> None:
    text = "Call lookup_order. If it fails, call `lookup_order` again, then call open_ticket()."
    references = tool_references(text)
    assert [m.name for m in references] == ["lookup_order", "open_ticket"]
    assert references[0].offset == text.index("lookup_order")


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("When asked about an order, call lookup_order.", "lookup_order", True),
        ("Use the Lookup Order tool when the caller gives an order number.", "lookup_order", True),
        ("Check with `get-weather` before suggesting an outfit.", "get-weather", True),
        ("When asked about an order, call lookup_orders.", "lookup_order", False),
        ("Check the order_lookup_log before answering.", "lookup", False),
        ("Be kind.", "", False),
    ],
)
def test_mentions(text: str, name: str, expected: bool) -> None:
    assert mentions(text, name) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("You have 4 tools: lookup_order, refund, escalate and end_call.", [4]),
        ("You have access to three tools.", [3]),
        ("You have exactly two functions you can call.", [2]),
        ("You can use one tool, end_call, when the user is done.", [1]),
        ("Use the following 5 tools wisely.", [5]),
        ("You have no tools; answer from what you know.", [0]),
        ("You have 3 custom tools and a calculator.", [3]),
        ("You have 10 minutes per interview and 2 questions to ask.", []),
        ("The store has 4 tools on sale this week.", []),
        ("You have tools to look up orders.", []),
    ],
)
def test_stated_tool_counts(text: str, expected: list[int]) -> None:
    assert [count for count, _offset in stated_tool_counts(text)] == expected


def test_is_declared_ignores_case() -> None:
    assert is_declared("Lookup_Order", ["lookup_order"])
    assert not is_declared("lookup_orders", ["lookup_order"])
