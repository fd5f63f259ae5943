from wsis_viewer.domain.history import NavigationHistory


def test_back_forward_like_a_browser() -> None:
    h: NavigationHistory[str] = NavigationHistory()
    assert h.back() is None and not h.can_go_back()
    h.visit("a", (0.0, 1.0))
    h.visit("b", (1.0, 2.0))
    h.visit("b", (5.0, 6.0))  # repeating the current entry adds nothing
    h.visit("c")
    assert h.back().target == "b"  # type: ignore[union-attr]
    back = h.back()
    assert back is not None and (back.target, back.view) == ("a", (0.0, 1.0))
    assert h.forward().target == "b"  # type: ignore[union-attr]
    h.visit("d")  # visiting from the middle drops the forward entries
    assert not h.can_go_forward()
    assert [h.back().target, h.back().target] == ["b", "a"]  # type: ignore[union-attr]


def test_update_view_and_limit() -> None:
    h: NavigationHistory[int] = NavigationHistory(limit=3)
    for i in range(5):
        h.visit(i)
    h.update_view((3.0, 4.0))
    assert h.current is not None and h.current.view == (3.0, 4.0)
    assert h.back().target == 3 and h.back().target == 2 and h.back() is None  # type: ignore[union-attr]
