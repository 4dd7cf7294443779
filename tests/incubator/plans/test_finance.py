from decimal import Decimal as D

from incubator.plans import finance


def test_the_succulent_pots_numbers_computed_by_hand():
    # Pot sold at 8.00, materials 4.50 -> 3.50 each; 120 a month -> 420.00 - fixed 150.00 = 270.00;
    # break-even 150 / 3.50 = 42.86 -> 43 pots; start-up 300 + 95.50 = 395.50 / 270 = 1.46 -> 2 months.
    s = finance.summarize(
        startup_costs=[D("300"), D("95.50")],
        fixed_costs=[D("100"), D("50")],
        variable_cost=D("4.50"),
        price=D("8.00"),
        units=120,
        unit_name="maceta",
    )
    assert s.margin.value == D("3.50")
    assert s.margin.sentence == "Por cada maceta ganas USD 3,50 después de pagar los materiales."
    assert s.monthly.value == D("270.00")
    assert "te quedan USD 270,00" in s.monthly.sentence
    assert s.break_even.value == 43
    assert s.break_even.sentence == "Necesitas vender 43 unidades al mes para cubrir tus costos fijos de USD 150,00."
    assert s.startup_total == D("395.50")
    assert s.recovery.value == 2
    assert s.recovery.sentence == "Recuperas la inversión inicial de USD 395,50 en 2 meses."


def test_break_even_is_exact_when_it_divides_and_rounds_up_otherwise():
    assert finance.break_even_units(fixed_costs=D("100"), margin=D("2.50")) == 40
    assert finance.break_even_units(fixed_costs=D("100.01"), margin=D("2.50")) == 41
    assert finance.months_to_recover(startup_total=D("1000"), monthly=D("250")) == 4
    assert finance.months_to_recover(startup_total=D("1000.01"), monthly=D("250")) == 5


def test_zero_margin_has_no_break_even_and_says_why():
    s = finance.summarize(
        startup_costs=[], fixed_costs=[D("50")], variable_cost=D("5"), price=D("5"), units=10, unit_name="torta"
    )
    assert s.margin.value == D("0.00")
    assert s.break_even.value is None
    assert "ninguna venta deja ganancia" in s.break_even.sentence
    assert s.monthly.value == D("-50.00")
    assert s.recovery.value is None
    assert "no recuperas la inversión" in s.recovery.sentence


def test_negative_margin_says_each_unit_loses_money():
    s = finance.summarize(
        startup_costs=[D("10")], fixed_costs=[], variable_cost=D("6.25"), price=D("5"), units=4, unit_name="corte"
    )
    assert s.margin.value == D("-1.25")
    assert s.margin.sentence == "Por cada corte pierdes USD 1,25: el precio no alcanza para pagar los materiales."
    assert s.monthly.value == D("-5.00")
    assert s.break_even.value is None


def test_zero_units_loses_the_fixed_costs():
    s = finance.summarize(startup_costs=[D("200")], fixed_costs=[D("80")], variable_cost=D("1"), price=D("3"), units=0)
    assert s.monthly.value == D("-80.00")
    assert s.monthly.sentence == "Si no vendes nada en el mes, pierdes USD 80,00 de costos fijos."
    assert s.break_even.value == 40
    assert s.recovery.value is None


def test_no_fixed_costs_and_no_investment():
    s = finance.summarize(startup_costs=[], fixed_costs=[], variable_cost=D("1"), price=D("2"), units=1)
    assert s.break_even.value == 0
    assert "desde la primera venta" in s.break_even.sentence
    assert s.recovery.value == 0
    assert "nada que recuperar" in s.recovery.sentence
    assert "Por cada unidad" in s.margin.sentence


def test_amounts_are_written_the_ecuadorian_way():
    assert finance.usd(D("1250.5")) == "USD 1.250,50"
    assert finance.usd(D("-3.456")) == "USD -3,46"
    assert finance.money("0.005") == D("0.01")
