"""Valid Norwegian national identity numbers for tests, computed here independently of the validator."""


def _check(digits, weights):
    total = 0
    for digit, weight in zip(digits, weights, strict=True):
        total += digit * weight
    control = 11 - (total % 11)
    if control == 11:
        return 0
    if control == 10:
        return None
    return control


def with_control_digits(first_nine):
    """The 11-digit number for nine digits, or None when no valid control digit exists."""
    digits = [int(c) for c in first_nine]
    k1 = _check(digits, [3, 7, 6, 1, 8, 9, 4, 5, 2])
    if k1 is None:
        return None
    k2 = _check([*digits, k1], [5, 4, 3, 2, 7, 6, 5, 4, 3, 2])
    if k2 is None:
        return None
    return f"{first_nine}{k1}{k2}"


def valid_number(birth="150806", d_number=False):
    """The first valid number with the given birth date (DDMMYY); a D-number adds 4 to the first digit."""
    if d_number:
        birth = str(int(birth[0]) + 4) + birth[1:]
    for individual in range(100, 1000):
        number = with_control_digits(f"{birth}{individual}")
        if number:
            return number
    raise AssertionError("no valid number")


def with_wrong_control_digit(number):
    return number[:10] + str((int(number[10]) + 1) % 10)
