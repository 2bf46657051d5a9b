"""The HTML builder escapes everything from data unless it is markup the builder made itself."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from streekbeleid.report.html import Markup, anchor_id, concat, el, escape


def test_text_children_are_escaped() -> None:
    html = el("p", "<script>alert('x')</script> & co")
    assert html == "<p>&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; co</p>"


def test_attribute_values_are_escaped() -> None:
    html = el("a", "x", href='" onmouseover="alert(1)', title="<b>")
    assert 'href="&quot; onmouseover=&quot;alert(1)"' in html
    assert 'title="&lt;b&gt;"' in html


def test_markup_made_by_the_builder_is_not_escaped_twice() -> None:
    inner = el("b", "a & b")
    assert el("p", inner) == "<p><b>a &amp; b</b></p>"


def test_concatenating_markup_keeps_it_markup() -> None:
    joined = concat(el("i", "x"), " < ", el("i", "y"))
    assert isinstance(joined, Markup)
    assert joined == "<i>x</i> &lt; <i>y</i>"


def test_attribute_names_and_special_values() -> None:
    html = el("rect", class_="bar", stroke_width=1.25, hidden=True, title=None, open=False, viewBox="0 0 1 1")
    assert html == '<rect class="bar" stroke-width="1.2" hidden viewBox="0 0 1 1"></rect>'


def test_void_elements_have_no_end_tag() -> None:
    assert el("meta", charset="utf-8") == '<meta charset="utf-8">'


@given(st.text())
def test_no_string_can_open_a_tag(text: str) -> None:
    html = el("td", text, title=text)
    assert html.count("<") == 2  # <td ...> and </td>: nothing from the text opens a tag
    assert html.endswith(f">{escape(text)}</td>")


def test_anchor_ids_are_distinct_for_distinct_record_ids() -> None:
    ids = ["limburg:a-b", "limburg:a_b", "limburg:a/b", "limburg:a.b", "limburg:a#b"]
    anchors = {anchor_id(i) for i in ids}
    assert len(anchors) == len(ids)
    assert all(a.replace("-", "").replace("_", "").isalnum() for a in anchors)
