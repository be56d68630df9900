import pytest

from src.calculator import add, divide, multiply, subtract


def test_arithmetic():
    assert add(2, 3) == 5
    assert subtract(2, 3) == -1
    assert multiply(2, 3) == 6
    assert divide(3, 2) == 1.5


def test_divide_by_zero():
    with pytest.raises(ZeroDivisionError):
        divide(1, 0)
